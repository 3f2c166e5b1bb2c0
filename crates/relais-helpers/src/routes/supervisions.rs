//! `/organisations/{slug}/supervisions`: the supervision and intervision meetings the
//! organisation held or its helpers attended, and a form to record one (coordinators) with its
//! date, facilitator, themes, a short note and who attended (the network's helpers too).

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::{
    i18n::Tr,
    web::{
        AppState,
        client::ClientAddr,
        error::AppError,
        forms::{Choice, DoneQuery, FieldError, Fields, all, field},
        layout::PageContext,
        response::see_other,
    },
};
use relais_organisations::{
    access::{authorise, may},
    audit::{self, Event},
    organisations::Organisation,
    policy::Action,
    sessions::CurrentUser,
};
use uuid::Uuid;

use crate::{
    helpers::parse_date,
    supervision::{self, NewSupervision, Supervision},
};

#[derive(Debug, Clone, Default)]
struct Typed {
    group: String,
    held_on: String,
    facilitator: String,
    themes: String,
    note: String,
    attendees: Vec<String>,
}

#[derive(Template)]
#[template(path = "supervisions.html")]
struct Page<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    meetings: Vec<Supervision>,
    may_manage: bool,
    networks: Vec<Choice>,
    /// (network or "" for the organisation alone, helpers to tick)
    candidates: Vec<Choice>,
    typed: Typed,
    errors: Vec<FieldError>,
    notice: Option<String>,
}

impl Page<'_> {
    fn error(&self, field: &str) -> Option<String> {
        FieldError::of(&self.errors, field)
    }
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    ctx: &PageContext,
    user: &CurrentUser,
    organisation: &Organisation,
    typed: Typed,
    errors: Vec<FieldError>,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let networks = supervision::networks_of(&state.db, organisation.id).await?;
    // Everyone who may attend a meeting of the organisation or of one of its networks.
    let mut candidates: Vec<Choice> = Vec::new();
    for group in std::iter::once(None).chain(networks.iter().map(|(g, _)| Some(*g))) {
        for (id, name, of) in supervision::candidates(&state.db, organisation.id, group).await? {
            if !candidates.iter().any(|c| c.value == id.to_string()) {
                let label = if of == organisation.name { name } else { format!("{name} ({of})") };
                candidates.push(Choice { value: id.to_string(), label, checked: typed.attendees.contains(&id.to_string()) });
            }
        }
    }
    let page = Page {
        tr,
        csrf: &ctx.csrf,
        organisation,
        meetings: supervision::of_organisation(&state.db, organisation.id).await?,
        may_manage: may(user, organisation.id, Action::ManageHelpers),
        networks: networks.iter().map(|(id, name)| Choice { value: id.to_string(), label: name.clone(), checked: typed.group == id.to_string() }).collect(),
        candidates,
        typed,
        errors,
        notice,
    };
    ctx.render_with_status(status, &format!("{} — {}", tr.t("supervisions-title"), organisation.name), &page.render()?)
}

/// `GET /organisations/{slug}/supervisions`.
pub async fn list(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(done): Query<DoneQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ViewHelpers).await?;
    let notice = (done.done == "recorded").then(|| ctx.tr.t("supervision-recorded"));
    let typed = Typed { held_on: relais_core::dates::local_date_of(state.clock.now()).to_string(), ..Typed::default() };
    render(&state, &ctx, &user, &organisation, typed, Vec::new(), notice, StatusCode::OK).await
}

/// `POST /organisations/{slug}/supervisions`.
pub async fn record(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path(slug): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageHelpers).await?;
    let take = |name: &str, n: usize| field(&fields, name).trim().chars().take(n).collect::<String>();
    let typed = Typed {
        group: take("group", 40),
        held_on: take("held_on", 10),
        facilitator: take("facilitator", 120),
        themes: take("themes", 300),
        note: take("note", 1000),
        attendees: all(&fields, "attendees").into_iter().take(200).collect(),
    };
    let mut errors = Vec::new();
    let held_on = parse_date(&typed.held_on);
    if held_on.is_none() {
        errors.push(("held_on", "supervision-error-date"));
    }
    if typed.facilitator.is_empty() {
        errors.push(("facilitator", "supervision-error-facilitator"));
    }
    let attendees: Vec<Uuid> = typed.attendees.iter().filter_map(|a| Uuid::parse_str(a).ok()).collect();
    if attendees.is_empty() {
        errors.push(("attendees", "supervision-error-attendees"));
    }
    let group = match typed.group.as_str() {
        "" => Ok(None),
        g => Uuid::parse_str(g).map(Some),
    };
    let recorded = match (held_on, &group, errors.is_empty()) {
        (Some(held_on), Ok(group), true) => {
            let new = NewSupervision { group: *group, held_on, facilitator: typed.facilitator.clone(), themes: typed.themes.clone(), note: typed.note.clone(), attendees };
            supervision::record(&state.db, organisation.id, &new, user.id, state.clock.now()).await?
        }
        _ => None,
    };
    let Some(id) = recorded else {
        if errors.is_empty() {
            errors.push(("attendees", "supervision-error-outside"));
        }
        let errors = errors.into_iter().map(|(field, key)| FieldError { field, message: ctx.tr.t(key) }).collect();
        return render(&state, &ctx, &user, &organisation, typed, errors, None, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    audit::record_or_log(&state.db, Event::new("supervision.recorded", &client).actor(user.id).organisation(organisation.id).detail(format!("supervision={id}"))).await;
    Ok(see_other(&format!("/organisations/{}/supervisions?done=recorded", organisation.slug)).into_response())
}
