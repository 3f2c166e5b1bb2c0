//! The public workshop calendar: upcoming workshops of every organisation with the directory's
//! kind of filters (module, language, device, near a postcode), each workshop's page where a
//! person registers with a name and a phone number (or joins the waiting list), and iCalendar
//! feeds (`/workshops.ics` with the same filters, `/workshops/{id}.ics`).

use relais_core::web::response::see_other;
use std::fmt::Write as _;

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use relais_core::{
    i18n::{FluentArg, Locale, Tr},
    web::{AppState, error::AppError, layout::PageContext},
};
use relais_directory::{feeds, places::Place, reference};
use serde::Deserialize;
use time::OffsetDateTime;
use uuid::Uuid;

use super::{
    Choice, FieldError, Fields, field,
    present::{self, WorkshopLine},
    translated,
    workshops::{check_contact, device_label, language_label},
};
use crate::{
    catalogue::{self, Module},
    workshops::{self, NewRegistration, Placed, Workshop},
};

#[derive(Debug, Deserialize, Default, Clone)]
pub struct CalendarQuery {
    #[serde(default)]
    pub module: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub device: String,
    #[serde(default)]
    pub postcode: String,
}

/// How far a workshop may be from the postcode given.
pub const NEAR_KM: f64 = 40.0;

/// Upcoming open workshops matching the filters, with their module, place and distance; by
/// distance when a postcode is given, else by date.
pub async fn find(state: &AppState, query: &CalendarQuery, limit: usize) -> Result<Vec<(Workshop, Module, Option<Place>, Option<f64>)>, AppError> {
    let now = OffsetDateTime::now_utc();
    let list = workshops::upcoming(&state.db, now, 500).await?;
    let modules = catalogue::all_active(&state.db).await?;
    let places = present::places_of(&state.db, &list).await?;
    let centre = reference::reference().lookup(query.postcode.trim()).first().map(|a| a.centre());
    let mut found = Vec::new();
    for w in list {
        let Some(module) = modules.iter().find(|m| m.id == w.module_id) else { continue };
        if (!query.module.is_empty() && module.code != query.module)
            || (!query.language.is_empty() && w.language != query.language)
            || (!query.device.is_empty() && w.device != query.device)
        {
            continue;
        }
        let place = w.place_id.and_then(|p| places.get(&p)).cloned();
        let distance = match (centre, &place) {
            (Some(c), Some(p)) => Some(relais_directory::reference::distance_km(c, (p.latitude, p.longitude))),
            _ => None,
        };
        if centre.is_some() && distance.is_none_or(|d| d > NEAR_KM) {
            continue;
        }
        found.push((w, module.clone(), place, distance));
    }
    if centre.is_some() {
        found.sort_by(|a, b| a.3.unwrap_or(f64::MAX).total_cmp(&b.3.unwrap_or(f64::MAX)).then(a.0.starts_at.cmp(&b.0.starts_at)));
    }
    found.truncate(limit);
    Ok(found)
}

#[derive(Template)]
#[template(path = "calendar.html")]
struct CalendarPage {
    tr: Tr,
    lines: Vec<WorkshopLine>,
    modules: Vec<Choice>,
    languages: Vec<Choice>,
    devices: Vec<Choice>,
    postcode: String,
    postcode_error: Option<String>,
    ical: String,
}

fn query_string(q: &CalendarQuery) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in [("module", &q.module), ("language", &q.language), ("device", &q.device), ("postcode", &q.postcode)] {
        if !v.is_empty() {
            out.append_pair(k, v);
        }
    }
    out.finish()
}

/// `GET /workshops`.
pub async fn page(State(state): State<AppState>, ctx: PageContext, Query(query): Query<CalendarQuery>) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let postcode_error = (!query.postcode.trim().is_empty() && reference::reference().lookup(query.postcode.trim()).is_empty()).then(|| tr.t("intake-postcode-unknown"));
    let found = find(&state, &query, 100).await?;
    let lines = found.iter().map(|(w, m, p, d)| present::line(&tr, w, Some(m), p.as_ref(), format!("/workshops/{}", w.id), *d)).collect();
    let mut modules = vec![Choice { value: String::new(), label: tr.t("calendar-all-modules"), checked: query.module.is_empty(), path: "" }];
    let mut all: Vec<(String, String)> = catalogue::all_active(&state.db).await?.iter().map(|m| (m.code.clone(), m.text(tr.locale).title.clone())).collect();
    all.sort_by(|a, b| a.1.cmp(&b.1));
    modules.extend(all.into_iter().map(|(value, label)| Choice { checked: value == query.module, value, label, path: "" }));
    let mut languages = vec![Choice { value: String::new(), label: tr.t("calendar-all-languages"), checked: query.language.is_empty(), path: "" }];
    languages.extend(Locale::ALL.iter().map(|l| Choice { value: l.code().into(), label: l.endonym().into(), checked: query.language == l.code(), path: "" }));
    let mut devices = vec![Choice { value: String::new(), label: tr.t("catalogue-all-devices"), checked: query.device.is_empty(), path: "" }];
    devices.extend(["smartphone", "tablet", "pc"].iter().map(|d| Choice { value: d.to_string(), label: device_label(&tr, d), checked: query.device == *d, path: "" }));
    let qs = query_string(&query);
    let page = CalendarPage {
        tr,
        lines,
        modules,
        languages,
        devices,
        postcode: query.postcode.clone(),
        postcode_error,
        ical: if qs.is_empty() { "/workshops.ics".into() } else { format!("/workshops.ics?{qs}") },
    };
    ctx.render(&tr.t("calendar-title"), &page.render()?)
}

/// The iCalendar text of workshops: one event per meeting, in UTC, UIDs stable (the meeting's id).
pub fn ical(tr: &Tr, title: &str, workshops: &[(Workshop, Module, Option<Place>, Option<f64>)]) -> String {
    let mut out = String::new();
    feeds::line(&mut out, "BEGIN:VCALENDAR");
    feeds::line(&mut out, "VERSION:2.0");
    feeds::line(&mut out, "PRODID:-//Relais//Workshops//EN");
    feeds::line(&mut out, "CALSCALE:GREGORIAN");
    feeds::line(&mut out, "METHOD:PUBLISH");
    feeds::line(&mut out, &format!("X-WR-CALNAME:{}", feeds::text(title)));
    let utc = |t: OffsetDateTime| {
        let mut s = String::new();
        let _ = write!(s, "{:04}{:02}{:02}T{:02}{:02}{:02}Z", t.year(), t.month() as u8, t.day(), t.hour(), t.minute(), t.second());
        s
    };
    let stamp = utc(OffsetDateTime::now_utc());
    for (w, m, place, _) in workshops {
        let summary = m.text(tr.locale).title.clone();
        for (i, meeting) in w.meetings.iter().enumerate() {
            feeds::line(&mut out, "BEGIN:VEVENT");
            feeds::line(&mut out, &format!("UID:workshop-meeting-{}@relais", meeting.id));
            feeds::line(&mut out, &format!("DTSTAMP:{stamp}"));
            feeds::line(&mut out, &format!("DTSTART:{}", utc(meeting.starts_at)));
            feeds::line(&mut out, &format!("DTEND:{}", utc(meeting.ends_at)));
            let part = if w.meetings.len() > 1 { format!(" ({}/{})", i + 1, w.meetings.len()) } else { String::new() };
            feeds::line(&mut out, &format!("SUMMARY:{}", feeds::text(&format!("{summary}{part}"))));
            feeds::line(&mut out, &format!("DESCRIPTION:{}", feeds::text(&m.text(tr.locale).summary)));
            if let Some(p) = place {
                feeds::line(&mut out, &format!("LOCATION:{}", feeds::text(&format!("{}, {}", p.name(tr.locale), present::address(p, tr)))));
                feeds::line(&mut out, &format!("GEO:{:.6};{:.6}", p.latitude, p.longitude));
            }
            if w.cancelled {
                feeds::line(&mut out, "STATUS:CANCELLED");
            }
            feeds::line(&mut out, "END:VEVENT");
        }
    }
    feeds::line(&mut out, "END:VCALENDAR");
    out
}

fn calendar_response(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/calendar; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=300")], body).into_response()
}

/// `GET /workshops.ics`.
pub async fn feed(State(state): State<AppState>, ctx: PageContext, Query(query): Query<CalendarQuery>) -> Result<Response, AppError> {
    let found = find(&state, &query, 500).await?;
    Ok(calendar_response(ical(&ctx.tr, &ctx.tr.t("calendar-title"), &found)))
}

#[derive(Template)]
#[template(path = "workshop_public.html")]
struct WorkshopPage<'a> {
    tr: Tr,
    csrf: &'a str,
    id: Uuid,
    code: String,
    line: WorkshopLine,
    summary: String,
    dates: Vec<String>,
    language: String,
    device: String,
    form_id: String,
    name: String,
    phone: String,
    errors: Vec<FieldError>,
    notice: Option<String>,
}

impl WorkshopPage<'_> {
    fn error(&self, field: &str) -> Option<String> {
        FieldError::of(&self.errors, field)
    }
}

async fn load(state: &AppState, id: &str) -> Result<(Workshop, Module, Option<Place>), AppError> {
    let id = Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
    let w = workshops::find(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let module = catalogue::all_active(&state.db).await?.into_iter().find(|m| m.id == w.module_id).ok_or(AppError::NotFound)?;
    let place = match w.place_id {
        Some(p) => relais_directory::places::find_place(&state.db, p).await?,
        None => None,
    };
    Ok((w, module, place))
}

#[allow(clippy::too_many_arguments)]
fn render_workshop(
    ctx: &PageContext,
    w: &Workshop,
    m: &Module,
    place: Option<&Place>,
    name: String,
    phone: String,
    errors: Vec<FieldError>,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let line = present::line(&tr, w, Some(m), place, String::new(), None);
    let page = WorkshopPage {
        tr,
        csrf: &ctx.csrf,
        id: w.id,
        code: m.code.clone(),
        summary: m.text(tr.locale).summary.clone(),
        dates: w.meetings.iter().map(|x| present::when(&tr, x.starts_at, x.ends_at)).collect(),
        language: language_label(&w.language),
        device: device_label(&tr, &w.device),
        form_id: Uuid::new_v4().to_string(),
        name,
        phone,
        errors,
        notice,
        line,
    };
    ctx.render_with_status(status, &page.line.title.clone(), &page.render()?)
}

#[derive(Debug, Deserialize, Default)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
    #[serde(default)]
    position: String,
}

/// `GET /workshops/{id}` (and `/workshops/{id}.ics`).
pub async fn show(State(state): State<AppState>, ctx: PageContext, Path(id): Path<String>, Query(query): Query<DoneQuery>) -> Result<Response, AppError> {
    if let Some(id) = id.strip_suffix(".ics") {
        let (w, m, place) = load(&state, id).await?;
        let title = m.text(ctx.tr.locale).title.clone();
        return Ok(calendar_response(ical(&ctx.tr, &title, &[(w, m, place, None)])));
    }
    let (w, m, place) = load(&state, &id).await?;
    let tr = ctx.tr;
    let notice = match query.done.as_str() {
        "booked" => Some(tr.t("registration-public-booked")),
        "waiting" => Some(tr.t_args("registration-public-waiting", &[("position", FluentArg::Number(query.position.parse().unwrap_or(1.0)))])),
        _ => None,
    };
    render_workshop(&ctx, &w, &m, place.as_ref(), String::new(), String::new(), Vec::new(), notice, StatusCode::OK)
}

/// `POST /workshops/{id}/register`: a person registers with a name and a phone number.
pub async fn register(State(state): State<AppState>, ctx: PageContext, Path(id): Path<String>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let (w, m, place) = load(&state, &id).await?;
    let tr = ctx.tr;
    let name: String = field(&fields, "name").trim().chars().take(120).collect();
    let phone: String = field(&fields, "phone").trim().chars().take(30).collect();
    let errors = check_contact(&name, &phone, "");
    if !errors.is_empty() {
        let errors = translated(&tr, errors);
        return render_workshop(&ctx, &w, &m, place.as_ref(), name, phone, errors, None, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let registration = Uuid::parse_str(field(&fields, "id")).unwrap_or_else(|_| Uuid::new_v4());
    let who = NewRegistration { name, phone, ..NewRegistration::default() };
    // a workshop already over takes no more registrations from the public
    let placed = if w.ends_at() < OffsetDateTime::now_utc() { Placed::Closed } else { workshops::register(&state.db, w.id, registration, &who).await? };
    match placed {
        Placed::Booked => Ok(see_other(&format!("/workshops/{}?done=booked", w.id)).into_response()),
        Placed::Waiting(position) => Ok(see_other(&format!("/workshops/{}?done=waiting&position={position}", w.id)).into_response()),
        Placed::Closed => {
            let errors = vec![FieldError { field: "name", message: tr.t("registration-closed") }];
            render_workshop(&ctx, &w, &m, place.as_ref(), who.name, who.phone, errors, None, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}
