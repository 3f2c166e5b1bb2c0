//! The dashboards (`/organisations/{slug}/reports`, `/groups/{slug}/reports`), their CSV and
//! JSON, and `GET /api/v1/stats`. One computation for all of them: the figures always agree.

use std::collections::HashMap;

use askama::Template;
use axum::{
    Json,
    extract::{Path, Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use relais_core::{
    csv::{self, CsvWriter},
    i18n::Tr,
    web::{AppState, error::AppError, layout::PageContext, response::Verbatim},
};
use relais_directory::places;
use relais_directory::terms;
use relais_organisations::{
    access::{authorise, authorise_group},
    api::{ApiError, ApiUser},
    groups,
    policy::{self, Action, Decision, GroupAction, GroupFacts},
    sessions::CurrentUser,
};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::{
    figures::{self, Period},
    report::{self, Report, Row, Table},
    rollup,
};

#[derive(Debug, Deserialize, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// First month, `YYYY-MM` (default: 11 months before `to`).
    #[serde(default)]
    pub from: String,
    /// Last month, `YYYY-MM` (default: the current month).
    #[serde(default)]
    pub to: String,
    /// `html` (default), `csv` (one table, see `table`) or `json`.
    #[serde(default)]
    #[param(ignore)]
    pub format: String,
    /// The table for `format=csv`, e.g. `theme`.
    #[serde(default)]
    #[param(ignore)]
    pub table: String,
    /// For the API: an organisation's slug.
    #[serde(default)]
    pub organisation: String,
    /// For the API: a group's slug (project, network, programme).
    #[serde(default)]
    pub group: String,
}

/// The period asked for (whole months), and whether what was typed was understood.
pub fn period_of(query: &ReportQuery) -> (Period, bool) {
    let now = rollup::month_of(relais_core::clock::now());
    let to_ok = query.to.is_empty() || Period::parse_month(&query.to).is_some();
    let from_ok = query.from.is_empty() || Period::parse_month(&query.from).is_some();
    let to = Period::parse_month(&query.to).unwrap_or(now);
    // 12 months ending with `to`.
    let twelve = {
        let mut from = to.clone();
        for _ in 0..11 {
            from = Period { from: from.clone(), to: from.clone() }.previous().from;
        }
        from
    };
    let mut from = Period::parse_month(&query.from).unwrap_or(twelve);
    let mut to = to;
    if from > to {
        std::mem::swap(&mut from, &mut to);
    }
    // At most ten years at once.
    let period = Period { from, to };
    if period.months() > 120 {
        return (Period { from: period.to.clone(), to: period.to }, false);
    }
    (period, from_ok && to_ok)
}

async fn report_of(state: &AppState, tr: &Tr, scope: String, organisations: &[Uuid], period: &Period, suppressed: bool) -> Result<Report, AppError> {
    rollup::refresh(&state.db).await?;
    let sources = &state.config.figures;
    let now = figures::compute(&state.db, organisations, period, sources, tr.locale).await?;
    let before = figures::compute(&state.db, organisations, &period.previous(), sources, tr.locale).await?;
    let terms = terms::terms(state).await?;
    let mut names = HashMap::new();
    for o in organisations {
        for p in places::places_of(&state.db, *o).await? {
            names.insert(p.id, p.name(tr.locale).to_string());
        }
    }
    Ok(report::build(tr, &terms, scope, period, &now, &before, suppressed, &names))
}

struct Bar {
    y: i64,
    width: i64,
    label: String,
    value: String,
}

struct Chart {
    id: String,
    title: String,
    desc: String,
    height: i64,
    bars: Vec<Bar>,
}

/// The longest bar of a chart. Charts are drawn 360 units wide (`report.html`): the width of a
/// phone, so that their 13-unit text stays about 12 px there; the bar leaves room for its figure.
const CHART_BAR_MAX: i64 = 280;

/// A label that fits the chart's width (the table below has it whole).
fn short_label(label: &str) -> String {
    const MAX: usize = 46;
    if label.chars().count() <= MAX { label.to_string() } else { format!("{}…", label.chars().take(MAX - 1).collect::<String>().trim_end()) }
}

fn chart_of(table: &Table, tr: &Tr) -> Chart {
    let max = table.rows.iter().filter_map(|r| r.value.value()).max().unwrap_or(0).max(1);
    let bars: Vec<Bar> = table
        .rows
        .iter()
        .take(20)
        .enumerate()
        .map(|(i, r)| Bar {
            y: i as i64 * 36,
            width: r.value.value().map(|v| (v * CHART_BAR_MAX / max).max(if v > 0 { 2 } else { 0 })).unwrap_or(0),
            label: short_label(&r.label),
            value: r.value.text(),
        })
        .collect();
    let top = table.rows.iter().filter(|r| r.value.value().is_some()).max_by_key(|r| r.value.value());
    let desc = match top {
        Some(r) => format!("{} {} ({})", tr.t("report-chart-largest"), r.label, r.value.text()),
        None => String::new(),
    };
    Chart { id: format!("chart-{}", table.id), title: table.caption.clone(), desc, height: bars.len() as i64 * 36 + 4, bars }
}

/// A scope the reader may switch to (their organisations, the groups they hold a scope on).
struct ScopeLink {
    href: String,
    label: String,
    current: bool,
}

/// Every scope the reader may see, the current one marked.
async fn scopes_of(state: &AppState, user: &CurrentUser, current: &str) -> Result<Vec<ScopeLink>, AppError> {
    let mut links: Vec<ScopeLink> = user
        .memberships
        .iter()
        .filter(|m| policy::decide(user, m.organisation_id, Action::ViewReports) == Decision::Allowed)
        .map(|m| {
            let href = format!("/organisations/{}/reports", m.organisation_slug);
            ScopeLink { current: href == current, href, label: m.organisation_name.clone() }
        })
        .collect();
    for scope in groups::scopes_of(&state.db, user.id).await? {
        let href = format!("/groups/{}/reports", scope.slug);
        links.push(ScopeLink { current: href == current, href, label: scope.name });
    }
    Ok(links)
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage<'a> {
    tr: Tr,
    scopes: Vec<ScopeLink>,
    action: String,
    report: &'a Report,
    charts: Vec<(Chart, &'a Table)>,
    query: String,
    period_error: bool,
    headline: &'a [Row],
}

fn render(ctx: &PageContext, scopes: Vec<ScopeLink>, action: String, report: &Report, period_ok: bool) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let page = ReportPage {
        tr,
        scopes,
        action,
        charts: report.tables.iter().map(|t| (chart_of(t, &tr), t)).collect(),
        query: format!("from={}&to={}", report.period.from, report.period.to),
        period_error: !period_ok,
        headline: &report.headline,
        report,
    };
    ctx.render(&format!("{} — {}", tr.t("report-title"), report.scope), &page.render()?)
}

/// The CSV of one table: label, code, value, previous (the same cells as on the page).
fn csv_of(report: &Report, table: &str, tr: &Tr) -> Result<Response, AppError> {
    let table = report.tables.iter().find(|t| t.id == table).ok_or(AppError::NotFound)?;
    let mut writer = CsvWriter::new(csv::COMMA_WITH_BOM);
    writer.record([
        tr.t("report-csv-label"),
        tr.t("report-csv-code"),
        format!("{} – {}", report.period.from, report.period.to),
        format!("{} – {}", report.previous_period.from, report.previous_period.to),
    ])?;
    for r in &table.rows {
        writer.record([r.label.as_str(), r.code.as_str(), &r.value.text(), &r.previous.text()])?;
    }
    Ok(csv::attachment(writer.finish()?, &format!("relais-{}-{}-{}.csv", table.id, report.period.from, report.period.to)))
}

fn answer(ctx: &PageContext, scopes: Vec<ScopeLink>, action: String, report: Report, query: &ReportQuery, period_ok: bool) -> Result<Response, AppError> {
    match query.format.as_str() {
        "csv" => csv_of(&report, &query.table, &ctx.tr),
        "xlsx" => {
            let bytes = crate::xlsx::workbook(&report, &ctx.tr).map_err(|error| {
                tracing::error!(%error, "xlsx");
                AppError::Unavailable
            })?;
            Ok((
                Verbatim,
                [
                    (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string()),
                    (header::CONTENT_DISPOSITION, format!("attachment; filename=\"relais-report-{}-{}.xlsx\"", report.period.from, report.period.to)),
                ],
                bytes,
            )
                .into_response())
        }
        "json" => Ok((Verbatim, Json(report)).into_response()),
        _ => render(ctx, scopes, action, &report, period_ok),
    }
}

/// `GET /organisations/{slug}/reports`: the organisation's own figures (nothing hidden).
pub async fn organisation(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(slug): Path<String>,
    Query(query): Query<ReportQuery>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ViewReports).await?;
    let (period, ok) = period_of(&query);
    let report = report_of(&state, &ctx.tr, organisation.name.clone(), &[organisation.id], &period, false).await?;
    let action = format!("/organisations/{}/reports", organisation.slug);
    let scopes = scopes_of(&state, &user, &action).await?;
    answer(&ctx, scopes, action, report, &query, ok)
}

/// `GET /groups/{slug}/reports`: a project's, network's or programme's figures, aggregates only,
/// small cells hidden. For holders of a scope on the group.
pub async fn group(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(query): Query<ReportQuery>) -> Result<Response, AppError> {
    let (group, covered, _) = authorise_group(&state, &user, &slug, GroupAction::ViewGroupStatistics).await?;
    let (period, ok) = period_of(&query);
    let organisations: Vec<Uuid> = covered.iter().map(|o| o.organisation_id).collect();
    let report = report_of(&state, &ctx.tr, group.name.clone(), &organisations, &period, true).await?;
    let action = format!("/groups/{}/reports", group.slug);
    let scopes = scopes_of(&state, &user, &action).await?;
    answer(&ctx, scopes, action, report, &query, ok)
}

/// The figures of one organisation (`organisation=slug`: members with the right) or one group
/// (`group=slug`: holders of a scope; small cells hidden), over whole months.
#[utoipa::path(get, path = "/api/v1/stats", tag = "reports", operation_id = "get_stats", params(ReportQuery),
    responses((status = 200, body = Object, description = "The report: headline figures and tables; a hidden cell is the string \"<5\", a figure not measured (an attendance rate where attendance was not taken) is null"),
        (status = 400, body = ApiError, description = "Neither `organisation` nor `group`, a month not `YYYY-MM`, a parameter repeated, or a control character in one"),
        (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError),
        (status = 503, body = ApiError, description = "The database cannot be reached")),
    security(("bearer" = [])))]
pub async fn api(State(state): State<AppState>, ApiUser(user): ApiUser, Query(query): Query<ReportQuery>) -> Response {
    let tr = Tr::new(user.locale);
    let (period, ok) = period_of(&query);
    if !ok {
        let field = if query.from.is_empty() || Period::parse_month(&query.from).is_some() { "to" } else { "from" };
        return relais_organisations::api::bad_request(Some(field));
    }
    let fail = |status: StatusCode, error: &str| (status, Verbatim, Json(serde_json::json!({ "error": error }))).into_response();
    let result = if !query.organisation.is_empty() {
        let Some(m) = user.memberships.iter().find(|m| m.organisation_slug == query.organisation) else { return fail(StatusCode::NOT_FOUND, "not_found") };
        if policy::decide(&user, m.organisation_id, Action::ViewReports) != Decision::Allowed {
            return fail(StatusCode::FORBIDDEN, "forbidden");
        }
        report_of(&state, &tr, m.organisation_name.clone(), &[m.organisation_id], &period, false).await
    } else if !query.group.is_empty() {
        let found = match groups::find_by_slug(&state.db, &query.group).await {
            Ok(Some(g)) => g,
            Ok(None) => return fail(StatusCode::NOT_FOUND, "not_found"),
            Err(_) => return fail(StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
        };
        let (covered, holds) = match (groups::covered_organisations(&state.db, found.id).await, groups::holds_scope(&state.db, user.id, &found).await) {
            (Ok(c), Ok(h)) => (c, h),
            _ => return fail(StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
        };
        let facts = GroupFacts { organisations: covered.iter().map(|o| (o.organisation_id, o.direct && o.role == "lead")).collect(), user_holds_scope: holds };
        match policy::decide_group(&user, &facts, GroupAction::ViewGroupStatistics) {
            Decision::Allowed => {}
            Decision::Forbidden => return fail(StatusCode::FORBIDDEN, "forbidden"),
            Decision::NotFound => return fail(StatusCode::NOT_FOUND, "not_found"),
        }
        let organisations: Vec<Uuid> = covered.iter().map(|o| o.organisation_id).collect();
        report_of(&state, &tr, found.name.clone(), &organisations, &period, true).await
    } else {
        return relais_organisations::api::bad_request(Some("organisation"));
    };
    match result {
        Ok(report) => (Verbatim, Json(report)).into_response(),
        Err(_) => fail(StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
    }
}

#[derive(Debug, Deserialize, Default)]
pub struct AnnualQuery {
    #[serde(default)]
    year: String,
}

#[derive(Template)]
#[template(path = "annual.html")]
struct AnnualPage<'a> {
    tr: Tr,
    year: i32,
    report: &'a Report,
    partners: Vec<String>,
    kind: String,
    top: Vec<&'a Table>,
    signals: Vec<(String, String, String)>,
}

/// The year asked for (default: the current one).
fn year_of(query: &AnnualQuery) -> i32 {
    let now: i32 = rollup::month_of(relais_core::clock::now())[..4].parse().unwrap_or(2026);
    query.year.trim().parse::<i32>().ok().filter(|y| (2000..=now).contains(y)).unwrap_or(now)
}

#[allow(clippy::too_many_arguments)] // the page's parts, from two scopes
async fn annual(
    state: &AppState,
    ctx: &PageContext,
    scope: String,
    kind: String,
    organisations: &[Uuid],
    partners: Vec<String>,
    suppressed: bool,
    year: i32,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let period = Period { from: format!("{year}-01"), to: format!("{year}-12") };
    let report = report_of(state, &tr, scope, organisations, &period, suppressed).await?;
    let (start, end) = period.bounds().ok_or(AppError::BadRequest)?;
    let terms = terms::terms(state).await?;
    let mut signals = Vec::new();
    for s in relais_accompaniments::signals::published(&state.db, start, end).await? {
        if organisations.contains(&s.organisation_id) && signals.len() < 10 {
            signals.push((
                terms.label(relais_directory::taxonomy::Taxonomy::OnlineService, &s.online_service, tr.locale).to_string(),
                tr.t(relais_accompaniments::vocabulary::key_of(relais_accompaniments::vocabulary::BARRIERS, &s.barrier).unwrap_or("barrier-other")),
                s.description,
            ));
        }
    }
    let top = report.tables.iter().filter(|t| matches!(t.id.as_str(), "theme" | "online-service" | "outcome" | "signals")).collect();
    let page = AnnualPage { tr, year, report: &report, partners, kind, top, signals };
    ctx.render(&format!("{} {year} — {}", tr.t("annual-title"), report.scope), &page.render()?)
}

/// `GET /organisations/{slug}/reports/annual?year=2026`: the yearly activity report, printable.
pub async fn organisation_annual(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(slug): Path<String>,
    Query(query): Query<AnnualQuery>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ViewReports).await?;
    let partners = relais_organisations::organisations::groups_of(&state.db, organisation.id).await?.into_iter().map(|(_, name, _, _)| name).collect();
    let kind = ctx.tr.t("annual-organisation");
    annual(&state, &ctx, organisation.name.clone(), kind, &[organisation.id], partners, false, year_of(&query)).await
}

/// `GET /groups/{slug}/reports/annual?year=2026`: the same for a project, network or programme.
pub async fn group_annual(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(slug): Path<String>,
    Query(query): Query<AnnualQuery>,
) -> Result<Response, AppError> {
    let (group, covered, _) = authorise_group(&state, &user, &slug, GroupAction::ViewGroupStatistics).await?;
    let organisations: Vec<Uuid> = covered.iter().map(|o| o.organisation_id).collect();
    let partners = covered.iter().map(|o| o.name.clone()).collect();
    let kind = ctx.tr.t("annual-group");
    annual(&state, &ctx, group.name.clone(), kind, &organisations, partners, true, year_of(&query)).await
}
