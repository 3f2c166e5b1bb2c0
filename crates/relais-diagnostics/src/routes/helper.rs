//! A helper's side: start an assisted diagnostic (for a person followed or anonymous), link a
//! diagnostic the person took alone (by the code on their result), see the organisation's
//! diagnostics, and change the recommended modules.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use relais_core::web::response::see_other;
use relais_core::{
    i18n::{FluentArg, Tr},
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use relais_organisations::{
    access::authorise,
    organisations::Organisation,
    policy::{self, Action, Decision},
    sessions::CurrentUser,
    throttle::{self, Limit},
};
use relais_people::people;
use serde::Deserialize;
use uuid::Uuid;

use super::{Fields, all, field};
use crate::{
    catalogue,
    diagnostics::{self, Mode, Stage, Starter},
    recommend,
};

pub struct Line {
    pub href: String,
    pub when: String,
    pub person: String,
    pub mode: String,
    pub levels: String,
    pub done: bool,
}

pub struct PersonChoice {
    pub id: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "diagnostics.html")]
struct ListPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    lines: Vec<Line>,
    people: Vec<PersonChoice>,
    may_view_people: bool,
    code: String,
    link_error: Option<String>,
    notice: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    person: String,
    #[serde(default)]
    done: String,
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    ctx: &PageContext,
    user: &CurrentUser,
    organisation: &Organisation,
    person: Option<Uuid>,
    code: String,
    link_error: Option<String>,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let may_view_people = policy::decide(user, organisation.id, Action::ViewPeople) == Decision::Allowed;
    let may_view_all = policy::decide(user, organisation.id, Action::ViewRequests) == Decision::Allowed;
    let people_list = if may_view_people { people::list(&state.db, organisation.id, "", 500).await? } else { Vec::new() };
    let pseudonym = |id: Option<Uuid>| id.and_then(|id| people_list.iter().find(|p| p.id == id)).map(|p| p.pseudonym.clone()).unwrap_or_default();
    let lines = diagnostics::of_organisation(&state.db, organisation.id, 200)
        .await?
        .into_iter()
        .filter(|d| may_view_all || d.helper_id == Some(user.id))
        .map(|d| Line {
            href: if d.stage == Stage::Done { format!("/diagnostic/{}/result", d.id) } else { format!("/diagnostic/{}", d.id) },
            when: relais_core::dates::local_datetime(d.started_at),
            person: pseudonym(d.person_id),
            mode: tr.t(if d.mode == Mode::Assisted { "diagnostics-mode-assisted" } else { "diagnostics-mode-alone" }),
            levels: diagnostics::ordered(&d.result).iter().map(|r| format!("{} {}", tr.t(r.area.key()), r.level)).collect::<Vec<_>>().join(" · "),
            done: d.stage == Stage::Done,
        })
        .collect();
    let mut people_choices = vec![PersonChoice { id: String::new(), label: tr.t("diagnostics-person-none"), selected: person.is_none() }];
    people_choices.extend(people_list.iter().map(|p| PersonChoice { id: p.id.to_string(), label: p.pseudonym.clone(), selected: Some(p.id) == person }));
    let page = ListPage { tr, csrf: &ctx.csrf, organisation, lines, people: people_choices, may_view_people, code, link_error, notice };
    ctx.render_with_status(status, &format!("{} — {}", tr.t("diagnostics-title"), organisation.name), &page.render()?)
}

/// `GET /organisations/{slug}/diagnostics`.
pub async fn list(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(query): Query<ListQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let notice = (query.done == "linked").then(|| ctx.tr.t("diagnostics-linked"));
    render(&state, &ctx, &user, &organisation, Uuid::parse_str(&query.person).ok(), String::new(), None, notice, StatusCode::OK).await
}

/// The person chosen in a form, if the helper may see people and the person is the organisation's.
async fn chosen_person(state: &AppState, user: &CurrentUser, organisation: &Organisation, fields: &Fields) -> Result<Option<Uuid>, AppError> {
    let Ok(id) = Uuid::parse_str(field(fields, "person")) else { return Ok(None) };
    if policy::decide(user, organisation.id, Action::ViewPeople) != Decision::Allowed {
        return Ok(None);
    }
    Ok(people::find(&state.db, organisation.id, id).await?.map(|p| p.id))
}

/// `POST /organisations/{slug}/diagnostics`: start an assisted diagnostic.
pub async fn start(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let person = chosen_person(&state, &user, &organisation, &fields).await?;
    let previous = match person {
        Some(p) => diagnostics::of_person(&state.db, organisation.id, p).await?.first().map(|d| d.id),
        None => None,
    };
    let starter = Starter { organisation_id: Some(organisation.id), helper_id: Some(user.id), person_id: person, previous_id: previous };
    let d = diagnostics::start(&state.db, Mode::Assisted, ctx.locale().code(), starter).await?;
    Ok(see_other(&format!("/diagnostic/{}", d.id)).into_response())
}

/// Failed codes a member may try before waiting: a helper mistypes a few, nobody needs more.
pub const LINK_PER_MEMBER: Limit = Limit { max_failures: 10, window: time::Duration::minutes(15) };
/// Failed codes from one address, whoever the member (helpers of one office share an address).
pub const LINK_PER_CLIENT: Limit = Limit { max_failures: 30, window: time::Duration::minutes(15) };

/// `POST /organisations/{slug}/diagnostics/link`: take over a diagnostic done alone, by its code.
///
/// A code that is unknown, already linked or expired gets one and the same answer, and counts as
/// a failure for the member and for the address; past [`LINK_PER_MEMBER`] or [`LINK_PER_CLIENT`]
/// failures the code is not even looked up. A success clears nothing: anyone can make codes on
/// the public pages, so linking one must not buy more guesses.
pub async fn link(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path(slug): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let tr = ctx.tr;
    let code: String = field(&fields, "code").chars().take(20).collect();
    let person = chosen_person(&state, &user, &organisation, &fields).await?;
    let refuse = |message: String, status| render(&state, &ctx, &user, &organisation, person, code.clone(), Some(message), None, status);
    if code.trim().is_empty() {
        return refuse(tr.t("diagnostics-link-empty"), StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let db = &state.db;
    let now = state.clock.now();
    let member_key = format!("diagnostic-link:user:{}", user.id);
    let client_key = format!("diagnostic-link:client:{client}");
    let blocked = [throttle::blocked_until(db, &member_key, LINK_PER_MEMBER, now).await?, throttle::blocked_until(db, &client_key, LINK_PER_CLIENT, now).await?];
    if let Some(until) = blocked.into_iter().flatten().max() {
        let minutes = throttle::minutes_until(until, now);
        let message = tr.t_args("diagnostics-link-throttled", &[("minutes", FluentArg::Number(minutes as f64))]);
        let mut response = refuse(message, StatusCode::TOO_MANY_REQUESTS).await?;
        if let Ok(value) = HeaderValue::from_str(&(until - now).whole_seconds().max(1).to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return Ok(response);
    }
    let found = diagnostics::find_by_code(db, &code).await?.filter(|d| diagnostics::linkable(d, now));
    let linked = match found {
        Some(d) => {
            let previous = match person {
                Some(p) => diagnostics::of_person(db, organisation.id, p).await?.first().map(|d| d.id),
                None => None,
            };
            diagnostics::link(db, d.id, organisation.id, user.id, person, previous).await?
        }
        None => false,
    };
    if !linked {
        throttle::record_failure(db, &member_key, now).await?;
        throttle::record_failure(db, &client_key, now).await?;
        let message = tr.t_args("diagnostics-link-refused", &[("days", FluentArg::Number(diagnostics::CODE_VALID_DAYS as f64))]);
        return refuse(message, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    Ok(see_other(&format!("/organisations/{}/diagnostics?done=linked", organisation.slug)).into_response())
}

/// `POST /organisations/{slug}/diagnostics/{id}/modules`: the helper's choice of modules.
pub async fn set_modules(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((slug, diagnostic)): Path<(String, String)>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let id = Uuid::parse_str(&diagnostic).map_err(|_| AppError::NotFound)?;
    let d = diagnostics::find(&state.db, id).await?.filter(|d| d.organisation_id == Some(organisation.id)).ok_or(AppError::NotFound)?;
    let catalogue = catalogue::available_to(&state.db, Some(organisation.id)).await?;
    let modules: Vec<String> = all(&fields, "modules").into_iter().filter(|c| catalogue.iter().any(|m| &m.code == c)).take(recommend::MAX).collect();
    diagnostics::set_modules(&state.db, d.id, organisation.id, &modules).await?;
    Ok(see_other(&format!("/diagnostic/{}/result", d.id)).into_response())
}
