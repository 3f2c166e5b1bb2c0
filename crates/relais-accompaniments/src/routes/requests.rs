//! The organisation's list of requests helped (a volunteer sees their own), the follow-ups due,
//! and one request's page.

use std::collections::HashMap;

use askama::Template;
use axum::{
    extract::{Path, Query, State},
    response::Response,
};
use relais_core::{
    i18n::Tr,
    web::{AppState, error::AppError, layout::PageContext},
};
use relais_directory::{places, taxonomy::Taxonomy};
use relais_organisations::{
    access::authorise,
    organisations::Organisation,
    policy::{self, Action, Decision},
    sessions::CurrentUser,
};
use serde::Deserialize;
use time::OffsetDateTime;
use uuid::Uuid;

use super::{local_date, local_datetime, today};
use crate::{
    log::{self, Accompaniment, ListFilter},
    people, redirections,
    terms::{self, Terms},
    vocabulary,
};

const PAGE: i64 = 50;

/// A request as a line of a list.
pub struct Line {
    pub id: Uuid,
    pub when: String,
    pub started_at: i64,
    pub themes: String,
    pub service: String,
    pub autonomy: String,
    pub outcome: String,
    pub minutes: i64,
    pub setting: String,
    pub helper_kind: String,
    pub follow_up: Option<String>,
    pub person: Option<(Uuid, String)>,
    pub note: String,
}

pub fn line(a: &Accompaniment, terms: &Terms, tr: &Tr, places: &HashMap<Uuid, String>, names: &HashMap<Uuid, String>) -> Line {
    let setting = match a.place_id.and_then(|p| places.get(&p)) {
        Some(name) => name.clone(),
        None => tr.t(vocabulary::key_of(vocabulary::SETTINGS, &a.setting).unwrap_or("setting-place")),
    };
    Line {
        id: a.id,
        when: local_datetime(a.started_at),
        started_at: a.started_at.unix_timestamp(),
        themes: terms.labels(Taxonomy::Theme, &a.themes, tr.locale),
        service: if a.online_service.is_empty() { String::new() } else { terms.label(Taxonomy::OnlineService, &a.online_service, tr.locale).to_string() },
        autonomy: terms.label(Taxonomy::Autonomy, &a.autonomy, tr.locale).to_string(),
        outcome: terms.label(Taxonomy::Outcome, &a.outcome, tr.locale).to_string(),
        minutes: a.minutes,
        setting,
        helper_kind: tr.t(if a.helper_kind == "volunteer" { "helper-kind-volunteer" } else { "helper-kind-professional" }),
        follow_up: a.follow_up_on.as_deref().map(local_date),
        person: a.person_id.and_then(|p| names.get(&p).map(|n| (p, n.clone()))),
        note: a.note.clone(),
    }
}

pub async fn place_names(state: &AppState, tr: &Tr, organisation: Uuid) -> Result<HashMap<Uuid, String>, AppError> {
    Ok(places::places_of(&state.db, organisation).await?.into_iter().map(|p| (p.id, p.name(tr.locale).to_string())).collect())
}

async fn person_names(state: &AppState, organisation: Uuid, rows: &[Accompaniment]) -> Result<HashMap<Uuid, String>, AppError> {
    let mut names = HashMap::new();
    for id in rows.iter().filter_map(|a| a.person_id) {
        if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(id)
            && let Some(person) = people::find(&state.db, organisation, id).await?
        {
            slot.insert(person.pseudonym);
        }
    }
    Ok(names)
}

#[derive(Template)]
#[template(path = "requests.html")]
struct ListPage<'a> {
    tr: Tr,
    organisation: &'a Organisation,
    all: bool,
    lines: Vec<Line>,
    follow_ups: Vec<Line>,
    next: Option<i64>,
}

#[derive(Debug, Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    before: Option<i64>,
}

/// `GET /organisations/{slug}/requests`.
pub async fn list(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(query): Query<ListQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let tr = ctx.tr;
    let all = policy::decide(&user, organisation.id, Action::ViewRequests) == Decision::Allowed;
    let helper = (!all).then_some(user.id);
    let before = query.before.filter(|t| super::plausible(*t)).and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok());
    let rows = log::list(&state.db, organisation.id, ListFilter { helper, before, follow_up_from: None }, PAGE).await?;
    let follow_rows =
        if before.is_none() { log::list(&state.db, organisation.id, ListFilter { helper, before: None, follow_up_from: Some(today()) }, 20).await? } else { Vec::new() };
    let terms = terms::terms(&state).await?;
    let places = place_names(&state, &tr, organisation.id).await?;
    let names = if all { person_names(&state, organisation.id, &[rows.as_slice(), follow_rows.as_slice()].concat()).await? } else { HashMap::new() };
    let lines: Vec<Line> = rows.iter().map(|a| line(a, &terms, &tr, &places, &names)).collect();
    let next = (lines.len() as i64 == PAGE).then(|| lines.last().map(|l| l.started_at)).flatten();
    let page = ListPage { tr, organisation: &organisation, all, follow_ups: follow_rows.iter().map(|a| line(a, &terms, &tr, &places, &names)).collect(), lines, next };
    let title = if all { tr.t("requests-title") } else { tr.t("requests-mine-title") };
    ctx.render(&format!("{title} — {}", organisation.name), &page.render()?)
}

struct RedirectionLine {
    to: String,
    reason: String,
    status: String,
}

#[derive(Template)]
#[template(path = "request.html")]
struct RequestPage<'a> {
    tr: Tr,
    organisation: &'a Organisation,
    line: Line,
    steps: Vec<String>,
    redirections: Vec<RedirectionLine>,
}

/// `GET /organisations/{slug}/requests/{request}`.
pub async fn show(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path((slug, id)): Path<(String, String)>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ViewRequests).await?;
    let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    let row = log::find(&state.db, organisation.id, id).await?.ok_or(AppError::NotFound)?;
    let tr = ctx.tr;
    let terms = terms::terms(&state).await?;
    let places = place_names(&state, &tr, organisation.id).await?;
    let names = person_names(&state, organisation.id, std::slice::from_ref(&row)).await?;
    let redirections = redirections::of_accompaniment(&state.db, organisation.id, id)
        .await?
        .into_iter()
        .map(|r| RedirectionLine {
            to: r.target_name.or(r.referral_name).unwrap_or_default(),
            reason: r.reason,
            status: tr.t(vocabulary::key_of(vocabulary::REDIRECTION_STATUSES, &r.status).unwrap_or("redirection-status-sent")),
        })
        .collect();
    let page = RequestPage {
        tr,
        organisation: &organisation,
        steps: vocabulary::steps_codes(row.steps).into_iter().filter_map(|c| vocabulary::key_of(vocabulary::STEPS, c)).map(|k| tr.t(k)).collect(),
        line: line(&row, &terms, &tr, &places, &names),
        redirections,
    };
    ctx.render(&format!("{} — {}", tr.t("request-title"), organisation.name), &page.render()?)
}
