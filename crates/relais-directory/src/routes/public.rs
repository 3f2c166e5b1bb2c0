//! The public side (no login): the search `/places?q=…`, the place page `/places/{id}` and its
//! calendar feed `/places/{id}.ics`.

use askama::Template;
use axum::{
    extract::{Path, Query, State},
    response::Response,
};
use jiff::{Timestamp, Zoned};
use relais_core::{
    i18n::{FluentArg, Tr},
    web::{AppState, error::AppError, layout::PageContext},
};
use serde::Deserialize;
use uuid::Uuid;

use crate::search::{address, cache_snapshot};
use crate::{
    display,
    reference::{Area, Region, reference},
    schedule,
    search::{self, Entry, Hit, Snapshot, When},
    taxonomy::{self, EQUIPMENT, HELPER_KINDS, PLACE_KINDS, Taxonomy},
};

pub const PAGE_SIZE: usize = 20;

/// The search form's fields (all optional; unknown values are ignored, never an error).
#[derive(Debug, Deserialize, Default, Clone)]
pub struct SearchParams {
    #[serde(default)]
    pub q: String,
    /// A NIS code or `brussels`, when the person chose among several areas.
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub public: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub when: String,
    #[serde(default)]
    pub access: String,
    #[serde(default)]
    pub wheelchair: String,
    /// "Near me" (browser geolocation, as an enhancement).
    #[serde(default)]
    pub lat: String,
    #[serde(default)]
    pub lon: String,
    #[serde(default)]
    pub page: String,
}

/// What the search term designates, or the choices to offer.
pub enum Resolved {
    Nothing,
    Area(Area),
    Choices(Vec<Area>),
    Unknown,
    Position(f64, f64),
}

pub fn resolve(params: &SearchParams) -> Resolved {
    if params.q.trim().is_empty()
        && let (Ok(lat), Ok(lon)) = (params.lat.trim().parse::<f64>(), params.lon.trim().parse::<f64>())
        && (49.0..52.0).contains(&lat)
        && (2.0..7.0).contains(&lon)
    {
        return Resolved::Position(lat, lon);
    }
    let reference = reference();
    if params.area == "brussels" {
        return Resolved::Area(Area::Region(Region::Brussels));
    }
    if !params.area.is_empty() {
        let postcode = params.q.trim();
        if let Some(m) = reference.municipality(&params.area) {
            let (latitude, longitude) =
                reference.by_postcode(postcode).into_iter().find(|p| p.nis == m.nis).map(|p| (p.latitude, p.longitude)).unwrap_or((m.latitude, m.longitude));
            return Resolved::Area(Area::Municipality { nis: m.nis.clone(), postcode: None, latitude, longitude });
        }
    }
    if params.q.trim().is_empty() {
        return Resolved::Nothing;
    }
    let mut areas = reference.lookup(&params.q);
    match areas.len() {
        0 => Resolved::Unknown,
        1 => Resolved::Area(areas.remove(0)),
        _ => Resolved::Choices(areas),
    }
}

pub fn area_label(tr: &Tr, area: &Area) -> String {
    match area {
        Area::Region(_) => tr.t("search-region-brussels"),
        Area::Municipality { nis, postcode, .. } => {
            let name = reference().municipality(nis).map(|m| m.name(tr.locale).to_string()).unwrap_or_default();
            match postcode {
                Some(code) => format!("{code} {name}"),
                None => {
                    let first = reference().municipality(nis).and_then(|m| m.postcodes.first().cloned()).unwrap_or_default();
                    if first.is_empty() { name } else { format!("{first} {name}") }
                }
            }
        }
    }
}

pub fn search_query(params: &SearchParams, centre: Option<(f64, f64)>) -> search::Query {
    let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    search::Query {
        centre,
        theme: some(&params.theme),
        public: some(&params.public),
        language: some(&params.language),
        when: When::parse(&params.when),
        wheelchair: !params.wheelchair.is_empty(),
        appointment: match params.access.as_str() {
            "appointment" => Some(true),
            "free" => Some(false),
            _ => None,
        },
        organisation: None,
    }
}

struct Choice {
    value: String,
    label: String,
    selected: bool,
}

fn choices(snapshot: &Snapshot, tr: &Tr, taxonomy: Taxonomy, selected: &str) -> Vec<Choice> {
    snapshot.terms_of(taxonomy).map(|t| Choice { value: t.code.clone(), label: t.label(tr.locale).to_string(), selected: t.code == selected }).collect()
}

struct ResultLine {
    id: Uuid,
    name: String,
    kind: String,
    address: String,
    distance: Option<String>,
    opening: Option<String>,
    open_now: bool,
    phone: Option<String>,
    themes: String,
}

struct AreaChoice {
    href: String,
    label: String,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage<'a> {
    tr: Tr,
    params: &'a SearchParams,
    themes: Vec<Choice>,
    publics: Vec<Choice>,
    languages: Vec<Choice>,
    whens: Vec<Choice>,
    accesses: Vec<Choice>,
    unknown: bool,
    area_choices: Vec<AreaChoice>,
    heading: String,
    results: Vec<ResultLine>,
    /// Farther than [`search::FAR_KM`], after the help by phone.
    far_results: Vec<ResultLine>,
    phone_help: Option<display::PhoneHelp>,
    /// The number of the first result of the page, and of the first far one.
    first_number: usize,
    far_start: usize,
    total_line: String,
    widened: Option<String>,
    next_href: Option<String>,
    previous_href: Option<String>,
    near_me_js: String,
    /// The municipality's calendar feed, when the search is about one municipality.
    feed_href: Option<String>,
}

fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The search's URL with one parameter changed.
fn href_with(params: &SearchParams, changes: &[(&str, &str)]) -> String {
    let pairs = [
        ("q", params.q.as_str()),
        ("area", params.area.as_str()),
        ("theme", params.theme.as_str()),
        ("public", params.public.as_str()),
        ("language", params.language.as_str()),
        ("when", params.when.as_str()),
        ("access", params.access.as_str()),
        ("wheelchair", params.wheelchair.as_str()),
        ("lat", params.lat.as_str()),
        ("lon", params.lon.as_str()),
        ("page", params.page.as_str()),
    ];
    let mut out = String::from("/places?");
    let mut first = true;
    for (name, value) in pairs {
        let value = changes.iter().find(|(n, _)| *n == name).map(|(_, v)| *v).unwrap_or(value);
        if value.is_empty() {
            continue;
        }
        if !first {
            out.push('&');
        }
        first = false;
        out.push_str(name);
        out.push('=');
        out.push_str(&encode(value));
    }
    out
}

pub fn theme_labels(snapshot: &Snapshot, tr: &Tr, entry: &Entry) -> String {
    entry.themes.iter().filter_map(|code| snapshot.term(Taxonomy::Theme, code)).map(|t| t.label(tr.locale)).collect::<Vec<_>>().join(", ")
}

fn kind_label(tr: &Tr, kind: &str) -> String {
    taxonomy::key_of(PLACE_KINDS, kind).map(|k| tr.t(k)).unwrap_or_default()
}

fn result_line(snapshot: &Snapshot, tr: &Tr, hit: &Hit, now: &Zoned) -> ResultLine {
    let place = &hit.entry.place;
    ResultLine {
        id: place.id,
        name: place.name(tr.locale).to_string(),
        kind: kind_label(tr, &place.kind),
        address: address(&hit.entry, tr.locale),
        distance: hit.distance_km.map(|d| display::distance(tr, d)),
        opening: hit.next_opening.as_ref().map(|o| display::opening(tr, o, now)),
        open_now: hit.next_opening.as_ref().is_some_and(|o| o.start.timestamp() <= now.timestamp()),
        phone: place.phone.clone(),
        themes: theme_labels(snapshot, tr, &hit.entry),
    }
}

pub async fn search_page(State(state): State<AppState>, ctx: PageContext, Query(params): Query<SearchParams>) -> Result<Response, AppError> {
    let snapshot = cache_snapshot(&state).await?;
    let tr = ctx.tr;
    let now = Timestamp::now();
    let zoned = now.to_zoned(schedule::zone());
    let resolved = resolve(&params);
    let page_number: usize = params.page.parse().unwrap_or(1).clamp(1, 10_000);
    let mut area_choices = Vec::new();
    let mut results = Vec::new();
    let mut far_results = Vec::new();
    let mut phone_help = None;
    let mut far_start = 1;
    let mut heading = String::new();
    let mut total_line = String::new();
    let mut widened = None;
    let mut next_href = None;
    let mut previous_href = None;
    let unknown = matches!(resolved, Resolved::Unknown);
    let centre = match &resolved {
        Resolved::Area(area) => {
            heading = tr.t_args("search-results-near", &[("area", FluentArg::Text(area_label(&tr, area)))]);
            Some(area.centre())
        }
        Resolved::Position(lat, lon) => {
            heading = tr.t("search-results-near-me");
            Some((*lat, *lon))
        }
        Resolved::Choices(areas) => {
            area_choices = areas
                .iter()
                .map(|a| AreaChoice {
                    href: href_with(
                        &params,
                        &[
                            (
                                "area",
                                match a {
                                    Area::Region(_) => "brussels",
                                    Area::Municipality { nis, .. } => nis,
                                },
                            ),
                            ("page", ""),
                        ],
                    ) + "#results",
                    label: area_label(&tr, a),
                })
                .collect();
            None
        }
        Resolved::Nothing | Resolved::Unknown => None,
    };
    if centre.is_some() {
        let query = search_query(&params, centre);
        let found = search::search(&snapshot, &query, now, (page_number - 1) * PAGE_SIZE, PAGE_SIZE);
        let (near, far): (Vec<&Hit>, Vec<&Hit>) = found.hits.iter().partition(|h| !h.far);
        results = near.into_iter().map(|h| result_line(&snapshot, &tr, h, &zoned)).collect();
        far_results = far.into_iter().map(|h| result_line(&snapshot, &tr, h, &zoned)).collect();
        if !far_results.is_empty() {
            phone_help = Some(display::phone_help(&tr, found.phone_help.as_deref()));
            far_start = found.near.max((page_number - 1) * PAGE_SIZE) + 1;
        }
        total_line = tr.t_args("search-total", &[("count", FluentArg::Number(found.total as f64))]);
        // (When some are far, their heading and the help by phone say it instead.)
        if let Some(radius) = found.radius_km.filter(|r| *r > search::RADIUS_KM[0] && found.near == found.total) {
            widened = Some(tr.t_args("search-widened", &[("km", FluentArg::Number(radius))]));
        }
        if found.total > page_number * PAGE_SIZE {
            next_href = Some(href_with(&params, &[("page", &(page_number + 1).to_string())]) + "#results");
        }
        if page_number > 1 {
            previous_href = Some(href_with(&params, &[("page", &(page_number - 1).to_string())]) + "#results");
        }
    }
    let whens = [(When::Any, "search-when-any"), (When::OpenNow, "search-when-now"), (When::Today, "search-when-today"), (When::ThisWeek, "search-when-week")]
        .into_iter()
        .map(|(w, key)| Choice { value: w.code().to_string(), label: tr.t(key), selected: w.code() == params.when })
        .collect();
    let accesses = [("", "search-access-any"), ("free", "search-access-free"), ("appointment", "search-access-appointment")]
        .into_iter()
        .map(|(code, key)| Choice { value: code.to_string(), label: tr.t(key), selected: code == params.access })
        .collect();
    let page = SearchPage {
        tr,
        params: &params,
        themes: choices(&snapshot, &tr, Taxonomy::Theme, &params.theme),
        publics: choices(&snapshot, &tr, Taxonomy::Public, &params.public),
        languages: choices(&snapshot, &tr, Taxonomy::Language, &params.language),
        whens,
        accesses,
        unknown,
        area_choices,
        heading,
        results,
        far_results,
        phone_help,
        far_start,
        first_number: (page_number - 1) * PAGE_SIZE + 1,
        total_line,
        widened,
        next_href,
        previous_href,
        near_me_js: relais_core::web::assets::url("near-me.js"),
        // Offered only when it holds events (a municipality without a session has none).
        feed_href: match &resolved {
            Resolved::Area(Area::Municipality { nis, .. }) if !crate::feeds::municipality_entries(&snapshot, nis).is_empty() => {
                Some(format!("/feeds/municipality/{nis}.ics?lang={}", tr.locale.code()))
            }
            _ => None,
        },
    };
    ctx.render(&tr.t("search-title"), &page.render()?)
}

struct SessionLine {
    day: String,
    hours: String,
    frequency: String,
    access: String,
    themes: String,
    services: String,
    publics: String,
    languages: String,
    helpers: String,
}

pub struct ExceptionLine {
    pub dates: String,
    pub what: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "place.html")]
struct PlacePage<'a> {
    tr: Tr,
    id: Uuid,
    name: &'a str,
    kind: String,
    description: Option<&'a str>,
    address: String,
    map_href: String,
    opening: Option<String>,
    open_now: bool,
    sessions: Vec<SessionLine>,
    exceptions: Vec<ExceptionLine>,
    phone: Option<&'a str>,
    phone_href: Option<String>,
    email: Option<&'a str>,
    website: Option<&'a str>,
    equipment: Vec<String>,
    wheelchair: bool,
    hearing_loop: bool,
    transport_hint: Option<&'a str>,
    /// (unit id, unit name) when the place is a mobile unit's stop.
    unit: Option<(Uuid, String)>,
    preview: bool,
}

fn labels(snapshot: &Snapshot, tr: &Tr, taxonomy: Taxonomy, codes: &[String]) -> String {
    codes.iter().filter_map(|c| snapshot.term(taxonomy, c)).map(|t| t.label(tr.locale)).collect::<Vec<_>>().join(", ")
}

/// `/places/{id}` and `/places/{id}.ics`.
pub async fn place_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Result<Response, AppError> {
    if let Some(id) = id.strip_suffix(".ics") {
        let id = Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
        return crate::feeds::place_feed(&state, id, query.as_deref()).await;
    }
    let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    let snapshot = cache_snapshot(&state).await?;
    let entry = snapshot.get(id).ok_or(AppError::NotFound)?;
    render_place_page(&ctx, &snapshot, entry, false)
}

/// The public page of a place (`preview`: a coordinator's look at it before publishing).
pub fn render_place_page(ctx: &PageContext, snapshot: &Snapshot, entry: &Entry, preview: bool) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let place = &entry.place;
    let now = Timestamp::now();
    let zoned = now.to_zoned(schedule::zone());
    let next = entry.next_opening(now);
    let sessions = entry
        .sessions
        .iter()
        .map(|s| {
            let r = &s.recurrence;
            SessionLine {
                day: tr.t(display::weekday_key(r.weekday)),
                hours: display::hours(r.start, r.end),
                frequency: if r.every_weeks <= 1 {
                    tr.t("session-every-week")
                } else {
                    tr.t_args("session-every-n-weeks", &[("weeks", FluentArg::Number(f64::from(r.every_weeks)))])
                },
                access: tr.t(if s.by_appointment { "search-access-appointment" } else { "search-access-free" }),
                themes: labels(snapshot, &tr, Taxonomy::Theme, &s.themes),
                services: labels(snapshot, &tr, Taxonomy::Service, &s.services),
                publics: labels(snapshot, &tr, Taxonomy::Public, &s.publics),
                languages: labels(snapshot, &tr, Taxonomy::Language, &s.languages),
                helpers: taxonomy::key_of(HELPER_KINDS, &s.helper_kind).map(|k| tr.t(k)).unwrap_or_default(),
            }
        })
        .collect();
    let today = zoned.date();
    let exceptions = entry.exceptions.iter().filter(|e| e.exception.until >= today).map(|e| exception_line(&tr, e)).collect();
    let address = address(entry, tr.locale);
    let page = PlacePage {
        tr,
        id: place.id,
        name: place.name(tr.locale),
        kind: kind_label(&tr, &place.kind),
        description: place.description(tr.locale),
        map_href: format!("geo:{:.6},{:.6}?q={}", place.latitude, place.longitude, encode(&address)),
        address,
        opening: next.as_ref().map(|o| display::opening(&tr, o, &zoned)),
        open_now: next.as_ref().is_some_and(|o| o.start.timestamp() <= now),
        sessions,
        exceptions,
        phone: place.phone.as_deref(),
        phone_href: place.phone.as_deref().map(|p| format!("tel:{}", p.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>())),
        email: place.email.as_deref(),
        website: place.website.as_deref(),
        equipment: place.equipment_codes().filter_map(|c| taxonomy::key_of(EQUIPMENT, c)).map(|k| tr.t(k)).collect(),
        wheelchair: place.wheelchair,
        hearing_loop: place.hearing_loop,
        transport_hint: place.transport_hint.as_deref(),
        unit: place.mobile_unit_id.and_then(|u| snapshot.unit(u)).map(|u| (u.id, u.name.clone())),
        preview,
    };
    ctx.render(place.name(tr.locale), &page.render()?)
}

pub fn exception_line(tr: &Tr, e: &crate::places::PlaceException) -> ExceptionLine {
    let x = &e.exception;
    let dates = if x.from == x.until { display::date(tr, x.from) } else { format!("{} – {}", display::date(tr, x.from), display::date(tr, x.until)) };
    let what = match (x.kind, x.start, x.end) {
        (schedule::ExceptionKind::Closed, Some(s), Some(en)) => tr.t_args("exception-closed-hours", &[("hours", FluentArg::Text(display::hours(s, en)))]),
        (schedule::ExceptionKind::Closed, _, _) => tr.t("exception-closed"),
        (schedule::ExceptionKind::Extra, Some(s), Some(en)) => tr.t_args("exception-extra-hours", &[("hours", FluentArg::Text(display::hours(s, en)))]),
        (schedule::ExceptionKind::Extra, _, _) => tr.t("exception-extra"),
    };
    ExceptionLine { dates, what, reason: e.reason.clone() }
}
