//! Mobile units: the public page with the next stops (`/units/{id}`, feed `/units/{id}.ics`),
//! and the coordinators' page to add units and their stops.

use askama::Template;
use axum::{
    Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use jiff::{SignedDuration, Timestamp};
use relais_core::web::forms::DoneQuery;
use relais_core::web::response::see_other;
use relais_core::web::response::verbatim;
use relais_core::{
    i18n::Tr,
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use relais_organisations::{
    access::authorise,
    audit::{self, Event},
    organisations::Organisation,
    policy::Action,
    sessions::CurrentUser,
};
use uuid::Uuid;

use crate::{
    display, feeds, places, schedule,
    search::DirectoryCache,
    search::{address, cache_snapshot},
    taxonomy,
    units::{self, UNIT_KINDS},
};

/// How far ahead the next stops are listed.
const NEXT_STOPS_DAYS: i64 = 60;

struct StopLine {
    id: Uuid,
    when: String,
    name: String,
    address: String,
}

#[derive(Template)]
#[template(path = "unit.html")]
struct UnitPage<'a> {
    tr: Tr,
    id: Uuid,
    name: &'a str,
    kind: String,
    stops: Vec<StopLine>,
}

/// `/units/{id}` and `/units/{id}.ics`.
pub async fn public_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Result<Response, AppError> {
    let (id, feed) = match id.strip_suffix(".ics") {
        Some(id) => (id, true),
        None => (id.as_str(), false),
    };
    let id = Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
    let snapshot = cache_snapshot(&state).await?;
    let unit = snapshot.unit(id).ok_or(AppError::NotFound)?;
    let stops = snapshot.stops_of(id);
    if feed {
        let entries: Vec<&crate::search::Entry> = stops.iter().map(|e| e.as_ref()).collect();
        let locale = feeds::feed_locale(query.as_deref(), entries.first().and_then(|e| e.area));
        return Ok(verbatim("text/calendar; charset=utf-8", feeds::calendar_of(&unit.name, &entries, locale)));
    }
    let tr = ctx.tr;
    let now = Timestamp::now();
    let zoned = now.to_zoned(schedule::zone());
    let until = now.checked_add(SignedDuration::from_hours(24 * NEXT_STOPS_DAYS)).unwrap_or(now);
    let mut lines = Vec::new();
    for entry in &stops {
        for opening in schedule::openings(&entry.recurrences, &entry.schedule_exceptions, now, until) {
            lines.push((
                opening.start.timestamp(),
                StopLine { id: entry.place.id, when: display::opening(&tr, &opening, &zoned), name: entry.place.name(tr.locale).to_string(), address: address(entry, tr.locale) },
            ));
        }
    }
    lines.sort_by_key(|(at, _)| *at);
    let page = UnitPage {
        tr,
        id,
        name: &unit.name,
        kind: taxonomy::key_of(UNIT_KINDS, &unit.kind).map(|k| tr.t(k)).unwrap_or_default(),
        stops: lines.into_iter().take(30).map(|(_, l)| l).collect(),
    };
    ctx.render(&unit.name, &page.render()?)
}

struct UnitLine {
    id: Uuid,
    name: String,
    kind: String,
    stops: Vec<(Uuid, String)>,
}

struct Choice {
    value: &'static str,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "manage_units.html")]
struct ManagePage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    units: Vec<UnitLine>,
    kinds: Vec<Choice>,
    form_id: String,
    name: String,
    error: Option<String>,
    notice: Option<String>,
}

#[allow(clippy::too_many_arguments)] // the page's parts, each from a different handler
async fn render(
    state: &AppState,
    ctx: &PageContext,
    organisation: &Organisation,
    name: String,
    kind: &str,
    error: Option<&str>,
    notice: Option<&str>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let places = places::places_of(&state.db, organisation.id).await?;
    let units = units::of_organisation(&state.db, organisation.id)
        .await?
        .into_iter()
        .map(|u| UnitLine {
            stops: places.iter().filter(|p| p.mobile_unit_id == Some(u.id)).map(|p| (p.id, p.name(tr.locale).to_string())).collect(),
            kind: taxonomy::key_of(UNIT_KINDS, &u.kind).map(|k| tr.t(k)).unwrap_or_default(),
            id: u.id,
            name: u.name,
        })
        .collect();
    let page = ManagePage {
        tr,
        csrf: &ctx.csrf,
        organisation,
        units,
        kinds: UNIT_KINDS.iter().map(|(code, key)| Choice { value: code, label: tr.t(key), selected: *code == kind }).collect(),
        form_id: Uuid::new_v4().to_string(),
        name,
        error: error.map(|k| tr.t(k)),
        notice: notice.map(|k| tr.t(k)),
    };
    ctx.render_with_status(status, &format!("{} — {}", tr.t("units-title"), organisation.name), &page.render()?)
}

pub async fn manage_page(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(slug): Path<String>,
    axum::extract::Query(query): axum::extract::Query<DoneQuery>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageDirectory).await?;
    let notice = (query.done == "created").then_some("units-created");
    render(&state, &ctx, &organisation, String::new(), "bus", None, notice, StatusCode::OK).await
}

#[derive(Debug, serde::Deserialize, Default)]
pub struct UnitForm {
    #[serde(default)]
    id: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    name: String,
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path(slug): Path<String>,
    Form(form): Form<UnitForm>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageDirectory).await?;
    let name = form.name.trim().chars().take(120).collect::<String>();
    if name.is_empty() || taxonomy::key_of(UNIT_KINDS, &form.kind).is_none() {
        return render(&state, &ctx, &organisation, name, &form.kind, Some("units-error"), None, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    // The form's id makes a double submit harmless.
    let id = Uuid::parse_str(&form.id).unwrap_or_else(|_| Uuid::new_v4());
    if let Some(existing) = units::find(&state.db, id).await?
        && existing.organisation_id != organisation.id
    {
        return Err(AppError::BadRequest);
    }
    units::create(&state.db, id, organisation.id, &form.kind, &name).await?;
    state.caches.get::<DirectoryCache>().invalidate();
    audit::record_or_log(&state.db, Event::new("unit.created", &client).actor(user.id).organisation(organisation.id).object(id.to_string())).await;
    Ok(see_other(&format!("/organisations/{}/units?done=created", organisation.slug)).into_response())
}
