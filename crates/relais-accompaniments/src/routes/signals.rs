//! Political signals: record one (from a request or on its own), the organisation's list with
//! the coordinator's review, and the signals board (published signals of every organisation,
//! aggregated by service, barrier, month, region and organisation; CSV and JSON exports).

use relais_core::db::{FormTable, is_own_row};
use relais_core::web::forms::DoneQuery;
use relais_core::web::response::see_other;
use std::collections::BTreeMap;

use askama::Template;
use axum::{
    Form, Json,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::{
    csv::{self, CsvWriter},
    i18n::Tr,
    web::{AppState, error::AppError, layout::PageContext},
};
use relais_directory::{reference, taxonomy::Taxonomy};
use relais_organisations::{
    access::authorise,
    organisations::Organisation,
    policy::{self, Action, Decision},
    sessions::CurrentUser,
};
use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

use super::{Choice, FieldError, Fields, field, local_datetime, term_choices, vocabulary_choices};
use crate::{
    log,
    signals::{self, Review, Signal, TypedSignal},
    terms::{self, Terms},
    vocabulary,
};

/// The region of an organisation, from its municipality (for the board).
pub fn region_of(organisation: &Organisation) -> &'static str {
    let found = reference::reference().lookup(&organisation.municipality).into_iter().find_map(|area| match area {
        reference::Area::Municipality { nis, .. } => reference::reference().municipality(&nis).map(|m| m.region),
        _ => None,
    });
    match found {
        Some(reference::Region::Brussels) => "brussels",
        Some(reference::Region::Flanders) => "flanders",
        Some(reference::Region::Wallonia) => "wallonia",
        None => "unknown",
    }
}

#[derive(Template)]
#[template(path = "signal_new.html")]
struct NewPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    form_id: String,
    request: String,
    services: Vec<Choice>,
    barriers: Vec<Choice>,
    description: String,
    errors: Vec<FieldError>,
}

impl NewPage<'_> {
    fn error(&self, field: &str) -> Option<String> {
        FieldError::of(&self.errors, field)
    }
}

#[allow(clippy::too_many_arguments)]
fn render_new(
    ctx: &PageContext,
    organisation: &Organisation,
    terms: &Terms,
    form_id: String,
    request: String,
    typed: &TypedSignal,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let mut services = vec![Choice { value: String::new(), label: tr.t("signal-choose-service"), checked: typed.online_service.is_empty() }];
    services.extend(term_choices(terms, Taxonomy::OnlineService, tr.locale, std::slice::from_ref(&typed.online_service)));
    let page = NewPage {
        tr,
        csrf: &ctx.csrf,
        organisation,
        form_id,
        request,
        services,
        barriers: vocabulary_choices(&tr, vocabulary::BARRIERS, std::slice::from_ref(&typed.barrier)),
        description: typed.description.clone(),
        errors,
    };
    let title = if page.errors.is_empty() { tr.t("signal-new-title") } else { format!("{} — {}", tr.t("form-has-errors"), tr.t("signal-new-title")) };
    ctx.render_with_status(status, &title, &page.render()?)
}

#[derive(Debug, Deserialize, Default)]
pub struct NewQuery {
    #[serde(default)]
    request: String,
}

/// `GET /organisations/{slug}/signals/new?request=…`: the service is taken from the request.
pub async fn new_form(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(query): Query<NewQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let terms = terms::terms(&state).await?;
    let mut typed = TypedSignal::default();
    let mut request = String::new();
    if let Ok(id) = Uuid::parse_str(&query.request)
        && let Some(a) = log::find(&state.db, organisation.id, id).await?
        && (a.helper_id == Some(user.id) || policy::decide(&user, organisation.id, Action::ViewRequests) == Decision::Allowed)
    {
        typed.online_service = a.online_service;
        request = a.id.to_string();
    }
    render_new(&ctx, &organisation, &terms, Uuid::new_v4().to_string(), request, &typed, Vec::new(), StatusCode::OK)
}

/// `POST /organisations/{slug}/signals/new`.
pub async fn create(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let tr = ctx.tr;
    let terms = terms::terms(&state).await?;
    let typed = TypedSignal {
        online_service: field(&fields, "online_service").to_string(),
        barrier: field(&fields, "barrier").to_string(),
        // Kept whole when too long: the person shortens it, nothing typed is cut off.
        description: field(&fields, "description").to_string(),
    };
    let form_id = Uuid::parse_str(field(&fields, "id")).unwrap_or_else(|_| Uuid::new_v4());
    let may_view_requests = policy::decide(&user, organisation.id, Action::ViewRequests) == Decision::Allowed;
    let request = match Uuid::parse_str(field(&fields, "request")).ok() {
        Some(id) => log::find(&state.db, organisation.id, id).await?.filter(|a| may_view_requests || a.helper_id == Some(user.id)).map(|a| a.id),
        None => None,
    };
    let checked = match signals::check(&typed, &terms) {
        Ok(checked) => checked,
        Err(errors) => {
            let errors = errors.iter().map(|e| FieldError { field: e.field(), message: tr.t(e.message_key()) }).collect();
            let request = request.map(|r| r.to_string()).unwrap_or_default();
            return render_new(&ctx, &organisation, &terms, form_id.to_string(), request, &typed, errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    if !signals::create(&state.db, form_id, organisation.id, Some(user.id), request, &checked, region_of(&organisation)).await?
        && !is_own_row(&state.db, FormTable::Signals, organisation.id, form_id).await?
    {
        // The form's id is another organisation's row: recorded as a fresh one.
        signals::create(&state.db, Uuid::new_v4(), organisation.id, Some(user.id), request, &checked, region_of(&organisation)).await?;
    }
    Ok(see_other(&format!("/organisations/{}/signals?done=created", organisation.slug)).into_response())
}

struct SignalLine {
    id: Uuid,
    when: String,
    service: String,
    barrier: String,
    description: String,
    status: String,
    submitted: bool,
    occurrences: i64,
}

#[derive(Template)]
#[template(path = "signals.html")]
struct ListPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    lines: Vec<SignalLine>,
    may_review: bool,
    merge_targets: Vec<(Uuid, String)>,
    notice: Option<String>,
}

fn signal_line(s: &Signal, terms: &Terms, tr: &Tr) -> SignalLine {
    SignalLine {
        id: s.id,
        when: local_datetime(s.created_at),
        service: terms.label(Taxonomy::OnlineService, &s.online_service, tr.locale).to_string(),
        barrier: tr.t(vocabulary::key_of(vocabulary::BARRIERS, &s.barrier).unwrap_or("barrier-other")),
        description: s.description.clone(),
        status: tr.t(vocabulary::key_of(vocabulary::SIGNAL_STATUSES, &s.status).unwrap_or("signal-status-submitted")),
        submitted: s.status == "submitted",
        occurrences: s.occurrences,
    }
}

/// `GET /organisations/{slug}/signals`.
pub async fn list(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(query): Query<DoneQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let tr = ctx.tr;
    let terms = terms::terms(&state).await?;
    let rows = signals::of_organisation(&state.db, organisation.id, 200).await?;
    let merge_targets = rows
        .iter()
        .filter(|s| s.status != "merged")
        .map(|s| {
            (
                s.id,
                format!(
                    "{} — {} ({})",
                    terms.label(Taxonomy::OnlineService, &s.online_service, tr.locale),
                    s.description.chars().take(40).collect::<String>(),
                    local_datetime(s.created_at)
                ),
            )
        })
        .collect();
    let page = ListPage {
        tr,
        csrf: &ctx.csrf,
        organisation: &organisation,
        lines: rows.iter().map(|s| signal_line(s, &terms, &tr)).collect(),
        may_review: policy::decide(&user, organisation.id, Action::ReviewSignals) == Decision::Allowed,
        merge_targets,
        notice: match query.done.as_str() {
            "created" => Some(tr.t("signal-created")),
            "reviewed" => Some(tr.t("signal-reviewed")),
            _ => None,
        },
    };
    ctx.render(&format!("{} — {}", tr.t("signals-title"), organisation.name), &page.render()?)
}

/// `POST /organisations/{slug}/signals/{signal}/review`: `decision` = publish, set-aside or
/// merge (with `into`).
pub async fn review(State(state): State<AppState>, user: CurrentUser, Path((slug, id)): Path<(String, String)>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ReviewSignals).await?;
    let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    let decision = match field(&fields, "decision") {
        "publish" => Review::Publish,
        "set-aside" => Review::SetAside,
        "merge" => Review::MergeInto(Uuid::parse_str(field(&fields, "into")).map_err(|_| AppError::BadRequest)?),
        _ => return Err(AppError::BadRequest),
    };
    if !signals::review(&state.db, organisation.id, id, decision, user.id).await? {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!("/organisations/{}/signals?done=reviewed", organisation.slug)).into_response())
}

/// The board's filters, as typed in the query string.
#[derive(Debug, Deserialize, Default, Clone)]
pub struct BoardQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    barrier: String,
}

/// One aggregate: a label and how many reports.
#[derive(Debug, Serialize, Clone)]
pub struct Count {
    pub code: String,
    pub label: String,
    pub count: i64,
}

/// The board's figures for a period and filters.
#[derive(Debug, Serialize)]
pub struct Board {
    pub from: String,
    pub to: String,
    pub total: i64,
    pub by_service: Vec<Count>,
    pub by_barrier: Vec<Count>,
    pub by_region: Vec<Count>,
    pub by_organisation: Vec<Count>,
    pub by_month: Vec<Count>,
    pub signals: Vec<BoardSignal>,
}

#[derive(Debug, Serialize)]
pub struct BoardSignal {
    pub date: String,
    pub organisation: String,
    pub region: String,
    pub online_service: String,
    pub barrier: String,
    pub occurrences: i64,
    pub description: String,
}

fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text.trim(), time::macros::format_description!("[year]-[month]-[day]")).ok().filter(|d| (2000..=2100).contains(&d.year()))
}

/// Compute the board (published signals only; a merged duplicate counts in the one it joined).
async fn board(state: &AppState, tr: &Tr, query: &BoardQuery) -> Result<(Board, Vec<FieldError>), AppError> {
    let today = super::today();
    let mut errors = Vec::new();
    let to = match query.to.trim() {
        "" => today,
        text => parse_date(text).unwrap_or_else(|| {
            errors.push(FieldError { field: "to", message: tr.t("board-error-date") });
            today
        }),
    };
    let default_from = to - time::Duration::days(365);
    let from = match query.from.trim() {
        "" => default_from,
        text => parse_date(text).unwrap_or_else(|| {
            errors.push(FieldError { field: "from", message: tr.t("board-error-date") });
            default_from
        }),
    };
    let (from, to) = if from > to { (to, from) } else { (from, to) };
    let start = from.midnight().assume_utc();
    let end = to.next_day().unwrap_or(to).midnight().assume_utc();
    let terms = terms::terms(state).await?;
    let rows: Vec<Signal> = signals::published(&state.db, start, end)
        .await?
        .into_iter()
        .filter(|s| query.region.is_empty() || s.region == query.region)
        .filter(|s| query.service.is_empty() || s.online_service == query.service)
        .filter(|s| query.barrier.is_empty() || s.barrier == query.barrier)
        .collect();
    let tally = |key: &dyn Fn(&Signal) -> (String, String)| {
        let mut map: BTreeMap<String, (String, i64)> = BTreeMap::new();
        for s in &rows {
            let (code, label) = key(s);
            map.entry(code).or_insert((label, 0)).1 += s.occurrences;
        }
        let mut counts: Vec<Count> = map.into_iter().map(|(code, (label, count))| Count { code, label, count }).collect();
        counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
        counts
    };
    let by_service = tally(&|s| (s.online_service.clone(), terms.label(Taxonomy::OnlineService, &s.online_service, tr.locale).to_string()));
    let by_barrier = tally(&|s| (s.barrier.clone(), tr.t(vocabulary::key_of(vocabulary::BARRIERS, &s.barrier).unwrap_or("barrier-other"))));
    let by_region = tally(&|s| (s.region.clone(), tr.t(vocabulary::key_of(vocabulary::REGIONS, &s.region).unwrap_or("region-unknown"))));
    let by_organisation = tally(&|s| (s.organisation_id.to_string(), s.organisation.clone()));
    let mut by_month = tally(&|s| {
        let month = format!("{:04}-{:02}", s.created_at.year(), s.created_at.month() as u8);
        (month.clone(), month)
    });
    by_month.sort_by(|a, b| a.code.cmp(&b.code));
    let board = Board {
        from: from.to_string(),
        to: to.to_string(),
        total: rows.iter().map(|s| s.occurrences).sum(),
        by_service,
        by_barrier,
        by_region,
        by_organisation,
        by_month,
        signals: rows
            .iter()
            .map(|s| BoardSignal {
                date: s.created_at.date().to_string(),
                organisation: s.organisation.clone(),
                region: s.region.clone(),
                online_service: s.online_service.clone(),
                barrier: s.barrier.clone(),
                occurrences: s.occurrences,
                description: s.description.clone(),
            })
            .collect(),
    };
    Ok((board, errors))
}

struct Table {
    id: &'static str,
    caption: String,
    rows: Vec<Count>,
}

#[derive(Template)]
#[template(path = "board.html")]
struct BoardPage {
    tr: Tr,
    from: String,
    to: String,
    regions: Vec<Choice>,
    services: Vec<Choice>,
    barriers: Vec<Choice>,
    total: i64,
    tables: Vec<Table>,
    latest: Vec<(String, String, String, String)>,
    query: String,
    errors: Vec<FieldError>,
}

fn query_string(query: &BoardQuery) -> String {
    let mut s = String::new();
    for (name, value) in [("from", &query.from), ("to", &query.to), ("region", &query.region), ("service", &query.service), ("barrier", &query.barrier)] {
        if !value.is_empty() {
            s.push_str(if s.is_empty() { "?" } else { "&" });
            s.push_str(name);
            s.push('=');
            s.push_str(&value.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect::<String>());
        }
    }
    s
}

/// `GET /signals`: the board, for every signed-in person (published signals hold no personal data).
pub async fn board_page(State(state): State<AppState>, ctx: PageContext, _user: CurrentUser, Query(query): Query<BoardQuery>) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let (board, errors) = board(&state, &tr, &query).await?;
    let terms = terms::terms(&state).await?;
    let with_all = |label: String, mut choices: Vec<Choice>, selected: &str| {
        let mut all = vec![Choice { value: String::new(), label, checked: selected.is_empty() }];
        all.append(&mut choices);
        all
    };
    let latest = board
        .signals
        .iter()
        .take(20)
        .map(|s| {
            (
                super::local_date(&s.date),
                terms.label(Taxonomy::OnlineService, &s.online_service, tr.locale).to_string(),
                tr.t(vocabulary::key_of(vocabulary::BARRIERS, &s.barrier).unwrap_or("barrier-other")),
                s.description.clone(),
            )
        })
        .collect();
    let page = BoardPage {
        tr,
        regions: with_all(tr.t("board-all-regions"), vocabulary_choices(&tr, &vocabulary::REGIONS[..3], std::slice::from_ref(&query.region)), &query.region),
        services: with_all(tr.t("board-all-services"), term_choices(&terms, Taxonomy::OnlineService, tr.locale, std::slice::from_ref(&query.service)), &query.service),
        barriers: with_all(tr.t("board-all-barriers"), vocabulary_choices(&tr, vocabulary::BARRIERS, std::slice::from_ref(&query.barrier)), &query.barrier),
        total: board.total,
        tables: vec![
            Table { id: "by-service", caption: tr.t("board-by-service"), rows: board.by_service.clone() },
            Table { id: "by-barrier", caption: tr.t("board-by-barrier"), rows: board.by_barrier.clone() },
            Table { id: "by-region", caption: tr.t("board-by-region"), rows: board.by_region.clone() },
            Table { id: "by-organisation", caption: tr.t("board-by-organisation"), rows: board.by_organisation.clone() },
            Table { id: "by-month", caption: tr.t("board-by-month"), rows: board.by_month.clone() },
        ],
        latest,
        query: query_string(&query),
        from: board.from,
        to: board.to,
        errors,
    };
    ctx.render(&tr.t("board-title"), &page.render()?)
}

/// `GET /signals.json`: the board's figures and signals.
pub async fn board_json(State(state): State<AppState>, ctx: PageContext, _user: CurrentUser, Query(query): Query<BoardQuery>) -> Result<Response, AppError> {
    let (board, _) = board(&state, &ctx.tr, &query).await?;
    Ok((relais_core::web::response::Verbatim, Json(board)).into_response())
}

/// `GET /signals.csv`: one line per published signal (opens in a spreadsheet).
pub async fn board_csv(State(state): State<AppState>, ctx: PageContext, _user: CurrentUser, Query(query): Query<BoardQuery>) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let (board, _) = board(&state, &tr, &query).await?;
    let terms = terms::terms(&state).await?;
    let mut writer = CsvWriter::new(csv::COMMA_WITH_BOM);
    // Headers in the reader's language, codes beside the labels (for a pivot table).
    writer.record(
        [
            "signals-csv-date",
            "signals-csv-organisation",
            "signals-csv-region",
            "signals-csv-service-code",
            "signals-csv-service",
            "signals-csv-barrier-code",
            "signals-csv-barrier",
            "signals-csv-occurrences",
            "signals-csv-description",
        ]
        .map(|key| tr.t(key)),
    )?;
    for s in &board.signals {
        writer.record([
            s.date.as_str(),
            &s.organisation,
            s.region.as_str(),
            s.online_service.as_str(),
            terms.label(Taxonomy::OnlineService, &s.online_service, tr.locale),
            s.barrier.as_str(),
            &tr.t(vocabulary::key_of(vocabulary::BARRIERS, &s.barrier).unwrap_or("barrier-other")),
            &s.occurrences.to_string(),
            &s.description,
        ])?;
    }
    Ok(csv::attachment(writer.finish()?, &format!("relais-signals-{}-{}.csv", board.from, board.to)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn query_strings_keep_only_safe_characters() {
        let q = super::BoardQuery { from: "2026-01-01".into(), region: "brussels\"><".into(), ..Default::default() };
        assert_eq!(super::query_string(&q), "?from=2026-01-01&region=brussels");
    }
}
