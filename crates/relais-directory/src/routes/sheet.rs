//! Printable sheets (public, no login): "where to get digital help this week / this month", for
//! the many people concerned who are offline — to pin on a notice board or hand out at a
//! counter. A4, large type, phone numbers first, nothing said by colour alone.
//!
//! * `/places/{id}/sheet`: one place;
//! * `/sheets/municipality/{nis}`: every published place of a municipality (its NIS code, from
//!   the reference data);
//! * `/sheets/network/{slug}`: every published place of the organisations of a network or a
//!   project (a programme is too wide for a sheet: 404).
//!
//! The query string (every parameter optional, unknown values ignored):
//!
//! * `period=week|month`: the next 7 days (default) or the next 31 days;
//! * `from=YYYY-MM-DD`: another first day, e.g. to print next week's sheet in advance;
//! * `sort=next|name`: on the lists, the place opening soonest first (default) or by name;
//! * `format=pdf`: the same sheet as an A4 PDF download (server-side, with the DejaVu Sans fonts
//!   typeset by `relais_core::pdf`); otherwise the HTML page, whose print
//!   stylesheet (`app.css`, "Printable sheets") gives the same A4 page.
//!
//! Openings are the period's actual ones in Europe/Brussels (closures applied, extra sessions
//! added), grouped by day; closures overlapping the period are listed too.

use std::collections::HashSet;

use askama::Template;
use axum::{
    extract::{Path, Query, State},
    response::Response,
};
use jiff::{Timestamp, ToSpan, civil::Date};
use relais_core::{
    i18n::{FluentArg, Locale, Tr},
    web::{AppState, error::AppError, layout::PageContext},
};
use serde::Deserialize;
use uuid::Uuid;

use super::public::{exception_line, theme_labels};
use crate::search::{address, cache_snapshot};
use crate::{
    display,
    reference::{fold, reference},
    schedule::{self, ExceptionKind},
    search::{Entry, Snapshot},
    taxonomy::Taxonomy,
};

/// The query string of every sheet.
#[derive(Debug, Deserialize, Default, Clone)]
pub struct SheetParams {
    /// `week` (7 days, the default) or `month` (31 days).
    #[serde(default)]
    pub period: String,
    /// The first day, `YYYY-MM-DD` (default: today).
    #[serde(default)]
    pub from: String,
    /// `next` (default) or `name`.
    #[serde(default)]
    pub sort: String,
    /// `pdf` for the PDF download.
    #[serde(default)]
    pub format: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Period {
    Week,
    Month,
}

impl Period {
    fn parse(code: &str) -> Period {
        if code == "month" { Period::Month } else { Period::Week }
    }

    fn code(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
        }
    }

    fn days(self) -> i64 {
        match self {
            Period::Week => 7,
            Period::Month => 31,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    Next,
    Name,
}

/// The days a sheet covers: `first..=last`, i.e. the instants `from..to`.
#[derive(Debug, Clone, Copy)]
struct Window {
    first: Date,
    last: Date,
    /// Today: now (what has already closed is not shown); another day: its midnight.
    from: Timestamp,
    to: Timestamp,
    /// Whether `from=` chose the first day.
    chosen: bool,
}

fn window(params: &SheetParams, period: Period, now: Timestamp) -> Window {
    let tz = schedule::zone();
    let today = now.to_zoned(tz.clone()).date();
    let chosen = params.from.trim().parse::<Date>().ok().filter(|d| (2000..=2100).contains(&d.year()));
    let first = chosen.unwrap_or(today);
    let last = first.checked_add((period.days() - 1).days()).unwrap_or(first);
    let midnight = |d: Date| d.to_zoned(tz.clone()).map(|z| z.timestamp()).ok();
    let from = if first == today { now } else { midnight(first).unwrap_or(now) };
    let to = last.tomorrow().ok().and_then(midnight).unwrap_or(from);
    Window { first, last, from, to, chosen: chosen.is_some() }
}

/// One day of openings: "Monday 30 Nov", "9:00–12:00, 13:30–16:30 (by appointment)".
struct Day {
    date: String,
    hours: String,
}

/// A closure overlapping the period: "Thursday 24 Dec – Friday 1 Jan:", "Closed — Holidays".
struct Closure {
    dates: String,
    text: String,
}

/// A fact about the place: "Languages:", "French, Arabic".
struct Fact {
    label: String,
    text: String,
}

/// One place on a sheet, in the reader's language.
struct PlaceSheet {
    id: Uuid,
    name: String,
    address: String,
    phone: Option<String>,
    phone_href: Option<String>,
    days: Vec<Day>,
    closures: Vec<Closure>,
    facts: Vec<Fact>,
    first_opening: Option<Timestamp>,
    sort_name: String,
}

/// A sheet, ready for HTML or PDF.
struct Sheet {
    /// The first heading: the place's name, or "Digital help in Charleroi".
    title: String,
    /// The `<title>` and the PDF's title.
    document_title: String,
    /// Whether the sheet is about one place (its name is the title; no count, no order).
    single: bool,
    intro: String,
    period_line: String,
    count_line: Option<String>,
    places: Vec<PlaceSheet>,
    empty_line: String,
    as_of_line: String,
    /// The download's file name, without `.pdf`.
    file_stem: String,
}

/// What a sheet is about.
enum Scope {
    Place(Uuid),
    Municipality(String),
    Network(String),
}

/// `/places/{id}/sheet`
pub async fn place(State(state): State<AppState>, ctx: PageContext, Path(id): Path<String>, Query(params): Query<SheetParams>) -> Result<Response, AppError> {
    let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    answer(&state, &ctx, &params, Scope::Place(id)).await
}

/// `/sheets/municipality/{nis}`
pub async fn municipality(State(state): State<AppState>, ctx: PageContext, Path(nis): Path<String>, Query(params): Query<SheetParams>) -> Result<Response, AppError> {
    answer(&state, &ctx, &params, Scope::Municipality(nis)).await
}

/// `/sheets/network/{slug}`
pub async fn network(State(state): State<AppState>, ctx: PageContext, Path(slug): Path<String>, Query(params): Query<SheetParams>) -> Result<Response, AppError> {
    answer(&state, &ctx, &params, Scope::Network(slug)).await
}

async fn answer(state: &AppState, ctx: &PageContext, params: &SheetParams, scope: Scope) -> Result<Response, AppError> {
    let snapshot = cache_snapshot(state).await?;
    let tr = ctx.tr;
    let period = Period::parse(&params.period);
    let sort = if params.sort == "name" { Sort::Name } else { Sort::Next };
    let now = Timestamp::now();
    let window = window(params, period, now);
    let (title, file_name, entries): (Option<String>, String, Vec<&Entry>) = match &scope {
        Scope::Place(id) => {
            let entry = snapshot.get(*id).ok_or(AppError::NotFound)?;
            (None, entry.place.name(tr.locale).to_string(), vec![entry.as_ref()])
        }
        Scope::Municipality(nis) => {
            let municipality = reference().municipality(nis).ok_or(AppError::NotFound)?;
            let name = municipality.name(tr.locale).to_string();
            let entries = snapshot.entries.iter().filter(|e| e.place.municipality_nis == municipality.nis).map(AsRef::as_ref).collect();
            (Some(tr.t_args("sheet-title-municipality", &[("municipality", FluentArg::Text(name.clone()))])), name, entries)
        }
        Scope::Network(slug) => {
            let group = relais_organisations::groups::find_by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
            if !matches!(group.kind.as_str(), "network" | "project") {
                return Err(AppError::NotFound);
            }
            let covered: HashSet<Uuid> = relais_organisations::groups::covered_organisations(&state.db, group.id).await?.into_iter().map(|o| o.organisation_id).collect();
            let entries = snapshot.entries.iter().filter(|e| covered.contains(&e.place.organisation_id)).map(AsRef::as_ref).collect();
            (Some(tr.t_args("sheet-title-network", &[("network", FluentArg::Text(group.name.clone()))])), group.slug.clone(), entries)
        }
    };
    let mut places: Vec<PlaceSheet> = entries.into_iter().map(|e| place_sheet(&snapshot, &tr, e, &window)).collect();
    match sort {
        Sort::Next => places.sort_by(|a, b| (a.first_opening.is_none(), a.first_opening, &a.sort_name).cmp(&(b.first_opening.is_none(), b.first_opening, &b.sort_name))),
        Sort::Name => places.sort_by(|a, b| a.sort_name.cmp(&b.sort_name)),
    }
    let single = title.is_none();
    let title = title.unwrap_or_else(|| places.first().map(|p| p.name.clone()).unwrap_or_default());
    let today = now.to_zoned(schedule::zone()).date();
    let sheet = Sheet {
        document_title: if single { tr.t_args("sheet-document-title", &[("title", FluentArg::Text(title.clone()))]) } else { title.clone() },
        title,
        single,
        intro: tr.t("sheet-intro"),
        period_line: tr.t_args("sheet-period", &[("from", FluentArg::Text(display::date(&tr, window.first))), ("to", FluentArg::Text(display::date(&tr, window.last)))]),
        count_line: (!single && !places.is_empty()).then(|| tr.t_args("sheet-count", &[("count", FluentArg::Number(places.len() as f64))])),
        places,
        empty_line: tr.t("sheet-empty"),
        as_of_line: tr.t_args("sheet-as-of", &[("date", FluentArg::Text(display::date(&tr, today))), ("year", FluentArg::Text(today.year().to_string()))]),
        file_stem: format!("relais-{}-{}-{}", file_slug(&file_name), period.code(), window.first),
    };
    if params.format == "pdf" {
        let locale = tr.locale;
        let file_name = format!("{}.pdf", sheet.file_stem);
        let bytes = tokio::task::spawn_blocking(move || pdf::render(&sheet, locale))
            .await
            .map_err(|e| AppError::Template(askama::Error::custom(format!("PDF task: {e}"))))?
            .map_err(|e| {
                tracing::error!(error = %e, "a printable sheet's PDF could not be made");
                AppError::Template(askama::Error::custom(e))
            })?;
        return Ok(relais_core::pdf::response(bytes, &file_name));
    }
    let href = |period: Period, sort: Sort, pdf: bool| {
        let mut query = vec![format!("period={}", period.code())];
        if window.chosen {
            query.push(format!("from={}", window.first));
        }
        if sort == Sort::Name {
            query.push("sort=name".to_string());
        }
        if pdf {
            query.push("format=pdf".to_string());
            query.push(format!("lang={}", tr.locale.code()));
        }
        format!("{}?{}", ctx.path, query.join("&"))
    };
    let periods = [(Period::Week, "sheet-period-week"), (Period::Month, "sheet-period-month")]
        .into_iter()
        .map(|(p, key)| Choice { label: tr.t(key), href: href(p, sort, false), current: p == period })
        .collect();
    let sorts = if sheet.single {
        Vec::new()
    } else {
        [(Sort::Next, "sheet-sort-next"), (Sort::Name, "sheet-sort-name")]
            .into_iter()
            .map(|(s, key)| Choice { label: tr.t(key), href: href(period, s, false), current: s == sort })
            .collect()
    };
    let page = SheetPage { tr, sheet: &sheet, sub: if sheet.single { 2 } else { 3 }, periods, sorts, pdf_href: href(period, sort, true) };
    ctx.render(&sheet.document_title, &page.render()?)
}

fn place_sheet(snapshot: &Snapshot, tr: &Tr, entry: &Entry, window: &Window) -> PlaceSheet {
    let place = &entry.place;
    let openings = schedule::openings(&entry.recurrences, &entry.schedule_exceptions, window.from, window.to);
    let mut days: Vec<(Date, Vec<String>)> = Vec::new();
    for opening in &openings {
        let date = opening.start.date();
        let (start, end) = (opening.start.time(), opening.end.time());
        // By appointment when every session behind this opening is.
        let behind: Vec<bool> =
            entry.sessions.iter().filter(|s| s.recurrence.occurs_on(date) && s.recurrence.start < end && s.recurrence.end > start).map(|s| s.by_appointment).collect();
        let mut hours = display::hours(start, end);
        if !behind.is_empty() && behind.iter().all(|a| *a) {
            hours = format!("{hours} ({})", tr.t("sheet-by-appointment"));
        }
        match days.last_mut() {
            Some((day, list)) if *day == date => list.push(hours),
            _ => days.push((date, vec![hours])),
        }
    }
    let closures = entry
        .exceptions
        .iter()
        .filter(|e| e.exception.kind == ExceptionKind::Closed && e.exception.from <= window.last && e.exception.until >= window.first)
        .map(|e| {
            let line = exception_line(tr, e);
            let text = if line.reason.is_empty() { line.what } else { format!("{} — {}", line.what, line.reason) };
            Closure { dates: label(tr, &line.dates), text }
        })
        .collect();
    let mut facts = Vec::new();
    let themes = theme_labels(snapshot, tr, entry);
    if !themes.is_empty() {
        facts.push(Fact { label: label(tr, &tr.t("place-themes")), text: themes });
    }
    let languages = entry.languages.iter().filter_map(|c| snapshot.term(Taxonomy::Language, c)).map(|t| t.label(tr.locale)).collect::<Vec<_>>().join(", ");
    if !languages.is_empty() {
        facts.push(Fact { label: label(tr, &tr.t("place-languages")), text: languages });
    }
    // "Access: Without appointment · Wheelchair accessible"
    let mut access: Vec<String> = match (entry.free_access, entry.by_appointment) {
        (true, true) => vec![tr.t("search-access-any")],
        (true, false) => vec![tr.t("search-access-free")],
        (false, true) => vec![tr.t("search-access-appointment")],
        (false, false) => Vec::new(),
    };
    if place.wheelchair {
        access.push(tr.t("place-wheelchair"));
    }
    if !access.is_empty() {
        facts.push(Fact { label: label(tr, &tr.t("search-access")), text: access.join(" · ") });
    }
    if let Some(hint) = place.transport_hint.as_deref().map(str::trim).filter(|h| !h.is_empty()) {
        facts.push(Fact { label: tr.t("place-transport"), text: hint.to_string() });
    }
    let name = place.name(tr.locale).to_string();
    PlaceSheet {
        id: place.id,
        sort_name: fold(&name),
        name,
        address: address(entry, tr.locale),
        phone: place.phone.clone(),
        phone_href: place.phone.as_deref().map(|p| format!("tel:{}", p.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>())),
        days: days.into_iter().map(|(date, hours)| Day { date: display::date(tr, date), hours: hours.join(", ") }).collect(),
        closures,
        facts,
        first_opening: openings.first().map(|o| o.start.timestamp()),
    }
}

/// "Languages:" (with the language's punctuation: "Langues :" in French).
fn label(tr: &Tr, text: &str) -> String {
    tr.t_args("sheet-label", &[("label", FluentArg::Text(text.to_string()))])
}

/// A file name's part: "Bruxelles / Brussel" → "bruxelles-brussel".
fn file_slug(text: &str) -> String {
    let mut out = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out: String = out.trim_end_matches('-').chars().take(60).collect();
    if out.is_empty() { "sheet".to_string() } else { out }
}

struct Choice {
    label: String,
    href: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "sheet.html")]
struct SheetPage<'a> {
    tr: Tr,
    sheet: &'a Sheet,
    /// The level of the headings inside a place (2 on a one-place sheet, 3 on a list).
    sub: u8,
    periods: Vec<Choice>,
    sorts: Vec<Choice>,
    pdf_href: String,
}

/// The PDF of a sheet (see [`relais_core::pdf`]): a head, one section per place (never split
/// across pages when it fits on one), the date it was made; "Page 1 of 2" at each foot.
mod pdf {
    use relais_core::pdf::{BODY, Block, Fonts, Group, HEADING, Kind, LARGE, SECTION, SMALL, Spec, TITLE, column_for};

    use super::{FluentArg, Locale, Sheet, Tr};

    /// The sheet as groups of blocks that stay together: the head, one group per place, the foot.
    fn blocks(sheet: &Sheet, tr: &Tr, fonts: &Fonts) -> Vec<Group> {
        let mut groups = Vec::new();
        let mut head = vec![Block::new(Kind::Heading(1), TITLE, true, &sheet.title, 0.0)];
        head.push(Block::new(Kind::Paragraph, BODY, false, &sheet.intro, 4.0));
        head.push(Block::new(Kind::Paragraph, BODY, true, &sheet.period_line, 4.0));
        if let Some(count) = &sheet.count_line {
            head.push(Block::new(Kind::Paragraph, BODY, false, count, 2.0));
        }
        if sheet.places.is_empty() {
            head.push(Block::new(Kind::Paragraph, BODY, false, &sheet.empty_line, 12.0));
        }
        groups.push(Group { blocks: head, section: false });
        let sub = if sheet.single { 2 } else { 3 };
        for place in &sheet.places {
            let mut group = Vec::new();
            if !sheet.single {
                group.push(Block::new(Kind::Heading(2), SECTION, true, &place.name, 0.0));
            }
            group.push(Block::new(Kind::Paragraph, BODY, false, &place.address, 4.0));
            if let Some(phone) = &place.phone {
                group.push(Block::new(Kind::Paragraph, LARGE, true, format!("{} {phone}", tr.t("place-phone")), 4.0));
            }
            group.push(Block::new(Kind::Heading(sub), HEADING, true, tr.t("place-schedule"), 10.0));
            if place.days.is_empty() {
                group.push(Block::new(Kind::Paragraph, BODY, false, tr.t("sheet-no-openings"), 2.0));
            } else {
                let column = column_for(fonts, place.days.iter().map(|d| d.date.as_str()));
                group.extend(place.days.iter().map(|d| Block::labelled(&d.date, &d.hours, column)));
            }
            if !place.closures.is_empty() {
                group.push(Block::new(Kind::Heading(sub), HEADING, true, tr.t("sheet-closures"), 10.0));
                group.extend(place.closures.iter().map(|c| Block::labelled(&c.dates, &c.text, 0.0)));
            }
            if !place.facts.is_empty() {
                let column = column_for(fonts, place.facts.iter().map(|f| f.label.as_str()));
                let mut first = true;
                for fact in &place.facts {
                    let mut block = Block::labelled(&fact.label, &fact.text, column);
                    if first {
                        block.space_before = 10.0;
                        first = false;
                    }
                    group.push(block);
                }
            }
            groups.push(Group { blocks: group, section: true });
        }
        groups.push(Group { blocks: vec![Block::new(Kind::Paragraph, SMALL, false, &sheet.as_of_line, 16.0)], section: false });
        groups
    }

    pub fn render(sheet: &Sheet, locale: Locale) -> Result<Vec<u8>, String> {
        let tr = Tr::new(locale);
        let fonts = Fonts::load()?;
        let footer = |page: usize, pages: usize| {
            let page_line = tr.t_args("sheet-page", &[("page", FluentArg::Number(page as f64)), ("pages", FluentArg::Number(pages as f64))]);
            format!("{} · {page_line}", sheet.title)
        };
        let spec = Spec { title: sheet.document_title.clone(), locale, footer: &footer };
        relais_core::pdf::render(&spec, &fonts, &blocks(sheet, &tr, &fonts))
    }
}
