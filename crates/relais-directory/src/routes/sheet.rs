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
//!   shipped in `assets/fonts/` embedded and subset); otherwise the HTML page, whose print
//!   stylesheet (`app.css`, "Printable sheets") gives the same A4 page.
//!
//! Openings are the period's actual ones in Europe/Brussels (closures applied, extra sessions
//! added), grouped by day; closures overlapping the period are listed too.

use std::collections::HashSet;

use askama::Template;
use axum::{
    extract::{Path, Query, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use jiff::{Timestamp, ToSpan, civil::Date};
use relais_core::{
    i18n::{FluentArg, Locale, Tr},
    web::{AppState, error::AppError, layout::PageContext, response::Verbatim},
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
        return Ok(pdf_response(bytes, &file_name));
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

fn pdf_response(bytes: Vec<u8>, file_name: &str) -> Response {
    let mut response = (Verbatim, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
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

/// The PDF: A4 portrait, 15 mm margins, DejaVu Sans 14 pt and more, black on white, a place
/// never split across pages when it fits on one, tagged (headings, paragraphs) for screen
/// readers, with the document's title and language.
mod pdf {
    use std::num::NonZeroU16;

    use krilla::{
        Document,
        geom::{PathBuilder, Point},
        metadata::Metadata,
        page::PageSettings,
        paint::Stroke,
        surface::Surface,
        tagging::{Artifact, ArtifactType, ContentTag, SpanTag, Tag, TagGroup, TagTree},
        text::{Font, TextDirection},
    };
    use skrifa::{
        FontRef, MetadataProvider,
        charmap::Charmap,
        instance::{LocationRef, Size},
        metrics::GlyphMetrics,
        raw::TableProvider,
    };

    use super::{FluentArg, Locale, Sheet, Tr};

    const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
    const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

    /// A4 in points, and 15 mm.
    const PAGE_WIDTH: f32 = 595.276;
    const PAGE_HEIGHT: f32 = 841.89;
    const MARGIN: f32 = 42.52;
    /// Room kept at the foot of each page for its footer line.
    const FOOTER: f32 = 30.0;
    const WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
    const BOTTOM: f32 = PAGE_HEIGHT - MARGIN - FOOTER;

    const TITLE: f32 = 24.0;
    const PLACE: f32 = 19.0;
    const HEADING: f32 = 16.0;
    const PHONE: f32 = 20.0;
    const BODY: f32 = 14.0;
    const SMALL: f32 = 12.0;

    /// Advance widths of one font, to wrap lines.
    struct Measure<'a> {
        charmap: Charmap<'a>,
        glyphs: GlyphMetrics<'a>,
        units_per_em: f32,
    }

    impl<'a> Measure<'a> {
        fn new(bytes: &'a [u8]) -> Result<Measure<'a>, String> {
            let font = FontRef::new(bytes).map_err(|e| format!("font: {e}"))?;
            let units_per_em = f32::from(font.head().map_err(|e| format!("font head: {e}"))?.units_per_em());
            Ok(Measure { charmap: font.charmap(), glyphs: font.glyph_metrics(Size::unscaled(), LocationRef::default()), units_per_em })
        }

        fn width(&self, text: &str, size: f32) -> f32 {
            let units: f32 = text.chars().map(|c| self.charmap.map(c).and_then(|g| self.glyphs.advance_width(g)).unwrap_or(self.units_per_em * 0.6)).sum();
            units * size / self.units_per_em
        }
    }

    struct Fonts<'a> {
        regular: Font,
        bold: Font,
        measure_regular: Measure<'a>,
        measure_bold: Measure<'a>,
    }

    impl Fonts<'_> {
        fn width(&self, bold: bool, text: &str, size: f32) -> f32 {
            if bold { self.measure_bold.width(text, size) } else { self.measure_regular.width(text, size) }
        }
    }

    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Heading(u16),
        Paragraph,
    }

    /// A paragraph or heading: an optional bold label in a first column, then text.
    struct Block {
        kind: Kind,
        size: f32,
        bold: bool,
        label: Option<String>,
        /// Where the text starts when there is a label.
        column: f32,
        text: String,
        space_before: f32,
    }

    impl Block {
        fn new(kind: Kind, size: f32, bold: bool, text: impl Into<String>, space_before: f32) -> Block {
            // (soft hyphens wrap German words on a screen; the PDF wraps at spaces)
            Block { kind, size, bold, label: None, column: 0.0, text: text.into().replace('\u{ad}', ""), space_before }
        }

        fn labelled(label: &str, text: &str, column: f32) -> Block {
            Block { kind: Kind::Paragraph, size: BODY, bold: false, label: Some(label.replace('\u{ad}', "")), column, text: text.replace('\u{ad}', ""), space_before: 2.0 }
        }
    }

    /// A piece of text on a line: (x, bold, text).
    struct Piece {
        x: f32,
        bold: bool,
        text: String,
    }

    struct Line {
        size: f32,
        pieces: Vec<Piece>,
    }

    impl Line {
        fn height(&self) -> f32 {
            self.size * 1.35
        }
    }

    struct Laid {
        kind: Kind,
        space_before: f32,
        lines: Vec<Line>,
    }

    impl Laid {
        fn height(&self) -> f32 {
            self.space_before + self.lines.iter().map(Line::height).sum::<f32>()
        }
    }

    /// Words of `text` on lines at most `width` wide (a word longer than a line is cut).
    fn wrap(fonts: &Fonts, bold: bool, size: f32, text: &str, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if fonts.width(bold, &candidate, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone: cut it if it is still too long.
            for c in word.chars() {
                line.push(c);
                if fonts.width(bold, &line, size) > width && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    fn lay(fonts: &Fonts, block: &Block) -> Laid {
        let size = block.size;
        let line = |x: f32, bold: bool, text: String| Line { size, pieces: vec![Piece { x, bold, text }] };
        let mut lines = Vec::new();
        let Some(label) = &block.label else {
            lines.extend(wrap(fonts, block.bold, size, &block.text, WIDTH).into_iter().map(|t| line(0.0, block.bold, t)));
            return Laid { kind: block.kind, space_before: block.space_before, lines };
        };
        // The text beside its label when the label fits in the column, else under it, indented.
        let beside = fonts.width(true, label, size) + size * 0.5 <= block.column;
        lines.extend(wrap(fonts, true, size, label, WIDTH).into_iter().map(|t| line(0.0, true, t)));
        let column = if beside { block.column } else { size };
        let mut text = wrap(fonts, block.bold, size, &block.text, WIDTH - column).into_iter();
        if beside && let (Some(first), Some(last)) = (text.next(), lines.last_mut()) {
            last.pieces.push(Piece { x: column, bold: block.bold, text: first });
        }
        lines.extend(text.map(|t| line(column, block.bold, t)));
        Laid { kind: block.kind, space_before: block.space_before, lines }
    }

    /// The widest of `labels` plus a gap, at most 45 % of the width.
    fn column_for<'a>(fonts: &Fonts, labels: impl Iterator<Item = &'a str>) -> f32 {
        let widest = labels.map(|l| fonts.width(true, l, BODY)).fold(0.0_f32, f32::max);
        (widest + BODY).min(WIDTH * 0.45)
    }

    /// The sheet as groups of blocks that stay together: the head, one group per place, the foot.
    fn blocks(sheet: &Sheet, tr: &Tr, fonts: &Fonts) -> Vec<Vec<Block>> {
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
        groups.push(head);
        let sub = if sheet.single { 2 } else { 3 };
        for place in &sheet.places {
            let mut group = Vec::new();
            if !sheet.single {
                group.push(Block::new(Kind::Heading(2), PLACE, true, &place.name, 0.0));
            }
            group.push(Block::new(Kind::Paragraph, BODY, false, &place.address, 4.0));
            if let Some(phone) = &place.phone {
                group.push(Block::new(Kind::Paragraph, PHONE, true, format!("{} {phone}", tr.t("place-phone")), 4.0));
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
            groups.push(group);
        }
        groups.push(vec![Block::new(Kind::Paragraph, SMALL, false, &sheet.as_of_line, 16.0)]);
        groups
    }

    /// Where each line goes: (page, y of its top).
    struct Placed<'a> {
        page: usize,
        y: f32,
        line: &'a Line,
    }

    pub fn render(sheet: &Sheet, locale: Locale) -> Result<Vec<u8>, String> {
        let tr = Tr::new(locale);
        let fonts = Fonts {
            regular: Font::new(REGULAR.into(), 0).ok_or("the regular font does not load")?,
            bold: Font::new(BOLD.into(), 0).ok_or("the bold font does not load")?,
            measure_regular: Measure::new(REGULAR)?,
            measure_bold: Measure::new(BOLD)?,
        };
        let groups: Vec<Vec<Laid>> = blocks(sheet, &tr, &fonts).iter().map(|g| g.iter().map(|b| lay(&fonts, b)).collect()).collect();

        // Pages: a place starts a new page when it does not fit in what is left of this one
        // (unless it would not fit on a whole page either). A rule above each place.
        let mut placed: Vec<Vec<Vec<Placed>>> = Vec::new();
        let mut rules: Vec<(usize, f32)> = Vec::new();
        let mut page = 0;
        let mut y = MARGIN;
        for (index, group) in groups.iter().enumerate() {
            let is_place = index > 0 && index + 1 < groups.len();
            let rule = if is_place { 12.0 } else { 0.0 };
            let height: f32 = rule + group.iter().map(Laid::height).sum::<f32>();
            if y > MARGIN && y + height > BOTTOM && height <= BOTTOM - MARGIN {
                page += 1;
                y = MARGIN;
            }
            if is_place {
                y += rule / 2.0;
                rules.push((page, y));
                y += rule / 2.0;
            }
            let mut laid_group = Vec::new();
            for laid in group {
                y += laid.space_before;
                let mut lines = Vec::new();
                for line in &laid.lines {
                    if y + line.height() > BOTTOM {
                        page += 1;
                        y = MARGIN;
                    }
                    lines.push(Placed { page, y, line });
                    y += line.height();
                }
                laid_group.push(lines);
            }
            placed.push(laid_group);
        }
        let pages = page + 1;

        let mut document = Document::new();
        let mut tree = TagTree::new().with_lang(Some(locale.code().to_string()));
        let mut groups_tags: Vec<Vec<TagGroup>> = groups
            .iter()
            .map(|g| {
                g.iter()
                    .map(|laid| match laid.kind {
                        Kind::Heading(level) => TagGroup::new(Tag::Hn(NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN), None)),
                        Kind::Paragraph => TagGroup::new(Tag::P),
                    })
                    .collect()
            })
            .collect();
        for number in 0..pages {
            let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or("A4")?;
            let mut pdf_page = document.start_page_with(settings);
            let mut surface = pdf_page.surface();
            for (page_of_rule, y) in &rules {
                if *page_of_rule == number {
                    rule(&mut surface, *y);
                }
            }
            for (g, group) in placed.iter().enumerate() {
                for (b, lines) in group.iter().enumerate() {
                    for placed_line in lines.iter().filter(|p| p.page == number) {
                        let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                        draw_line(&mut surface, &fonts, placed_line.line, placed_line.y);
                        surface.end_tagged();
                        groups_tags[g][b].push(id);
                    }
                }
            }
            // The foot of the page: the sheet's title and "Page 1 of 2" (one line, cut if need be).
            let page_line = tr.t_args("sheet-page", &[("page", FluentArg::Number((number + 1) as f64)), ("pages", FluentArg::Number(pages as f64))]);
            let footer = wrap(&fonts, false, SMALL, &format!("{} · {page_line}", sheet.title), WIDTH).into_iter().next().unwrap_or_default();
            surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Footer)));
            draw_line(&mut surface, &fonts, &Line { size: SMALL, pieces: vec![Piece { x: 0.0, bold: false, text: footer }] }, PAGE_HEIGHT - MARGIN - SMALL * 1.35);
            surface.end_tagged();
            surface.finish();
            pdf_page.finish();
        }
        let last = groups_tags.len().saturating_sub(1);
        for (index, tags) in groups_tags.into_iter().enumerate() {
            let is_place = index > 0 && index < last;
            if is_place {
                let mut section = TagGroup::new(Tag::Section);
                for tag in tags {
                    section.push(tag);
                }
                tree.push(section);
            } else {
                for tag in tags {
                    tree.push(tag);
                }
            }
        }
        document.set_tag_tree(tree);
        document.set_metadata(Metadata::new().title(sheet.document_title.clone()).language(locale.code().to_string()).creator("Relais".to_string()));
        document.finish().map_err(|e| format!("{e:?}"))
    }

    fn draw_line(surface: &mut Surface, fonts: &Fonts, line: &Line, top: f32) {
        let baseline = top + line.size * 1.05;
        for piece in &line.pieces {
            let font = if piece.bold { fonts.bold.clone() } else { fonts.regular.clone() };
            surface.draw_text(Point::from_xy(MARGIN + piece.x, baseline), font, line.size, &piece.text, false, TextDirection::Auto);
        }
    }

    /// A black rule across the page, above a place.
    fn rule(surface: &mut Surface, y: f32) {
        let mut path = PathBuilder::new();
        path.move_to(MARGIN, y);
        path.line_to(PAGE_WIDTH - MARGIN, y);
        let Some(path) = path.finish() else { return };
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)));
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke { width: 1.5, ..Stroke::default() }));
        surface.draw_path(&path);
        surface.set_stroke(None);
        surface.set_fill(Some(krilla::paint::Fill::default()));
        surface.end_tagged();
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn long_text_wraps_within_the_width_and_long_words_are_cut() {
            let fonts = Fonts {
                regular: Font::new(REGULAR.into(), 0).unwrap(),
                bold: Font::new(BOLD.into(), 0).unwrap(),
                measure_regular: Measure::new(REGULAR).unwrap(),
                measure_bold: Measure::new(BOLD).unwrap(),
            };
            let text = "Aide pour vos démarches en ligne, votre smartphone ou votre ordinateur, sans rendez-vous, à Molenbeek-Saint-Jean.";
            let lines = wrap(&fonts, false, BODY, text, 200.0);
            assert!(lines.len() > 2, "{lines:?}");
            assert!(lines.iter().all(|l| fonts.width(false, l, BODY) <= 200.0), "{lines:?}");
            assert_eq!(lines.join(" "), text);
            let cut = wrap(&fonts, true, BODY, &"x".repeat(200), 100.0);
            assert!(cut.len() > 3 && cut.iter().all(|l| fonts.width(true, l, BODY) <= 100.0));
            // Accented letters have their own glyphs (no fallback width).
            assert!(fonts.measure_regular.charmap.map('é').is_some() && fonts.measure_regular.charmap.map('ü').is_some());
        }
    }
}
