//! Redirections both ways (incoming ones get a status from the receiving partner) and the
//! organisation's register of referral targets.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::web::forms::DoneQuery;
use relais_core::web::response::see_other;
use relais_core::{
    i18n::Tr,
    web::{AppState, error::AppError, layout::PageContext},
};
use relais_directory::taxonomy::Taxonomy;
use relais_organisations::{access::authorise, organisations::Organisation, policy::Action, sessions::CurrentUser};
use uuid::Uuid;

use super::{Choice, FieldError, Fields, all, field, local_datetime, vocabulary_choices};
use crate::{redirections, terms, vocabulary};

struct RedirectionLine {
    id: Uuid,
    when: String,
    other: String,
    /// The receiving place, when the request was sent to one (shown to the receiver).
    place: String,
    themes: String,
    reason: String,
    status: String,
    statuses: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "redirections.html")]
struct Page<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    incoming: Vec<RedirectionLine>,
    outgoing: Vec<RedirectionLine>,
    notice: Option<String>,
}

/// `GET /organisations/{slug}/redirections`.
pub async fn page(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(query): Query<DoneQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ViewPeople).await?;
    let tr = ctx.tr;
    let terms = terms::terms(&state).await?;
    let places = crate::routes::requests::place_names(&state, &tr, organisation.id).await?;
    let status_label = |s: &str| tr.t(vocabulary::key_of(vocabulary::REDIRECTION_STATUSES, s).unwrap_or("redirection-status-sent"));
    let to_line = |r: redirections::Redirection, incoming: bool| RedirectionLine {
        id: r.id,
        when: local_datetime(r.created_at),
        other: if incoming { r.from_name.clone() } else { r.target_name.clone().or(r.referral_name.clone()).unwrap_or_default() },
        place: r.target_place_id.and_then(|p| places.get(&p).cloned()).unwrap_or_default(),
        themes: terms.labels(Taxonomy::Theme, &r.themes, tr.locale),
        reason: r.reason.clone(),
        status: status_label(&r.status),
        statuses: vocabulary_choices(&tr, &vocabulary::REDIRECTION_STATUSES[1..], std::slice::from_ref(&r.status)),
    };
    let incoming = redirections::incoming(&state.db, organisation.id, 100).await?.into_iter().map(|r| to_line(r, true)).collect();
    let outgoing = redirections::outgoing(&state.db, organisation.id, 100).await?.into_iter().map(|r| to_line(r, false)).collect();
    let page = Page { tr, csrf: &ctx.csrf, organisation: &organisation, incoming, outgoing, notice: (query.done == "status").then(|| tr.t("redirection-status-saved")) };
    ctx.render(&format!("{} — {}", tr.t("redirections-title"), organisation.name), &page.render()?)
}

/// `POST /organisations/{slug}/redirections/{redirection}`: the receiver reports where it stands.
pub async fn set_status(State(state): State<AppState>, user: CurrentUser, Path((slug, id)): Path<(String, String)>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ViewPeople).await?;
    let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    if !redirections::set_status(&state.db, organisation.id, id, field(&fields, "status")).await? {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!("/organisations/{}/redirections?done=status", organisation.slug)).into_response())
}

struct TargetLine {
    id: Uuid,
    name: String,
    kind: String,
    contact: String,
    languages: String,
    active: bool,
}

#[derive(Template)]
#[template(path = "referral_targets.html")]
struct TargetsPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    targets: Vec<TargetLine>,
    form_id: String,
    name: String,
    contact: String,
    kinds: Vec<Choice>,
    languages: Vec<Choice>,
    errors: Vec<FieldError>,
    notice: Option<String>,
}

impl TargetsPage<'_> {
    fn error(&self, field: &str) -> Option<String> {
        FieldError::of(&self.errors, field)
    }
}

struct Typed {
    name: String,
    kind: String,
    contact: String,
    languages: Vec<String>,
}

async fn render_targets(
    state: &AppState,
    ctx: &PageContext,
    organisation: &Organisation,
    typed: Typed,
    errors: Vec<FieldError>,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let targets = redirections::referral_targets(&state.db, organisation.id)
        .await?
        .into_iter()
        .map(|t| TargetLine {
            id: t.id,
            kind: tr.t(vocabulary::key_of(vocabulary::REFERRAL_KINDS, &t.kind).unwrap_or("referral-kind-other")),
            languages: t.languages.split_whitespace().filter_map(|l| vocabulary::key_of(vocabulary::PERSON_LANGUAGES, l)).map(|k| tr.t(k)).collect::<Vec<_>>().join(", "),
            name: t.name,
            contact: t.contact,
            active: t.active,
        })
        .collect();
    let page = TargetsPage {
        tr,
        csrf: &ctx.csrf,
        organisation,
        targets,
        form_id: Uuid::new_v4().to_string(),
        kinds: vocabulary_choices(&tr, vocabulary::REFERRAL_KINDS, std::slice::from_ref(&typed.kind)),
        languages: vocabulary_choices(&tr, vocabulary::PERSON_LANGUAGES, &typed.languages),
        name: typed.name,
        contact: typed.contact,
        errors,
        notice,
    };
    ctx.render_with_status(status, &format!("{} — {}", tr.t("referral-targets-title"), organisation.name), &page.render()?)
}

/// `GET /organisations/{slug}/referral-targets`.
pub async fn targets(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(query): Query<DoneQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ReviewSignals).await?;
    let typed = Typed { name: String::new(), kind: "social-service".into(), contact: String::new(), languages: vec![ctx.tr.locale.code().to_string()] };
    let notice = (query.done == "saved").then(|| ctx.tr.t("referral-target-saved"));
    render_targets(&state, &ctx, &organisation, typed, Vec::new(), notice, StatusCode::OK).await
}

/// `POST /organisations/{slug}/referral-targets`: add one.
pub async fn add_target(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ReviewSignals).await?;
    let tr = ctx.tr;
    let typed = Typed {
        name: field(&fields, "name").split_whitespace().collect::<Vec<_>>().join(" ").chars().take(200).collect(),
        kind: field(&fields, "kind").to_string(),
        contact: field(&fields, "contact").trim().chars().take(300).collect(),
        languages: all(&fields, "languages").into_iter().filter(|l| vocabulary::contains(vocabulary::PERSON_LANGUAGES, l)).collect(),
    };
    let mut errors = Vec::new();
    if typed.name.is_empty() {
        errors.push(FieldError { field: "name", message: tr.t("referral-target-error-name") });
    }
    if !vocabulary::contains(vocabulary::REFERRAL_KINDS, &typed.kind) {
        errors.push(FieldError { field: "kind", message: tr.t("referral-target-error-kind") });
    }
    if typed.contact.is_empty() {
        errors.push(FieldError { field: "contact", message: tr.t("referral-target-error-contact") });
    }
    if !errors.is_empty() {
        return render_targets(&state, &ctx, &organisation, typed, errors, None, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let id = Uuid::parse_str(field(&fields, "id")).unwrap_or_else(|_| Uuid::new_v4());
    redirections::add_referral_target(&state.db, id, organisation.id, &typed.name, &typed.kind, &typed.contact, &typed.languages).await?;
    Ok(see_other(&format!("/organisations/{}/referral-targets?done=saved", organisation.slug)).into_response())
}

/// `POST /organisations/{slug}/referral-targets/{target}`: retire or bring back (`active`).
pub async fn toggle_target(State(state): State<AppState>, user: CurrentUser, Path((slug, id)): Path<(String, String)>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ReviewSignals).await?;
    let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    let active = field(&fields, "active") == "true";
    if !redirections::set_referral_active(&state.db, organisation.id, id, active).await? {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!("/organisations/{}/referral-targets?done=saved", organisation.slug)).into_response())
}
