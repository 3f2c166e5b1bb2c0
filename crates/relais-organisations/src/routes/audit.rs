//! `GET /organisations/{slug}/audit` (filter by action family and dates) and
//! `GET /organisations/{slug}/audit.csv` (the same rows, for a spreadsheet). Coordinators only.
//! Read-only: the application has no way to edit or delete the log.

use askama::Template;
use axum::{
    extract::{Path, Query, State},
    http::{HeaderValue, StatusCode, header},
    response::Response,
};
use relais_core::{
    csv::{self, CsvWriter},
    i18n::Tr,
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use serde::Deserialize;
use time::{Date, Duration, OffsetDateTime, macros::format_description};

use crate::{
    access::authorise,
    audit::{self, Event, Filter, OrganisationEntry},
    policy::Action,
    sessions::CurrentUser,
};

/// The action families offered in the filter.
const FAMILIES: &[(&str, &str)] = &[
    ("", "audit-family-all"),
    ("login", "audit-family-login"),
    ("second_factor", "audit-family-second-factor"),
    ("member", "audit-family-member"),
    ("invitation", "audit-family-invitation"),
    ("token", "audit-family-token"),
    ("password", "audit-family-password"),
    ("session", "audit-family-session"),
    ("scope", "audit-family-scope"),
];

#[derive(Debug, Deserialize, Default, Clone)]
pub struct AuditQuery {
    #[serde(default)]
    action: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

struct Family {
    code: &'static str,
    label: String,
    selected: bool,
}

struct Line {
    at: String,
    actor: String,
    action: String,
    object: String,
    client: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage<'a> {
    tr: Tr,
    slug: &'a str,
    organisation: &'a str,
    families: Vec<Family>,
    query: &'a AuditQuery,
    csv_href: String,
    lines: Vec<Line>,
    errors: Vec<String>,
    truncated: bool,
}

const DATE: &[time::format_description::BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

fn stamp(at: OffsetDateTime) -> String {
    at.format(format_description!("[year]-[month]-[day] [hour]:[minute]:[second] UTC")).unwrap_or_default()
}

/// The filter a query asks for, or the keys of what is wrong with it.
fn parse(query: &AuditQuery) -> Result<Filter, Vec<&'static str>> {
    let mut problems = Vec::new();
    let family = FAMILIES.iter().find(|(code, _)| *code == query.action).map(|(code, _)| *code);
    if family.is_none() {
        problems.push("audit-error-action");
    }
    let date = |text: &str, default: OffsetDateTime| -> Result<OffsetDateTime, ()> {
        if text.trim().is_empty() {
            return Ok(default);
        }
        Date::parse(text.trim(), DATE).map(|d| d.midnight().assume_utc()).map_err(|_| ())
    };
    let now = OffsetDateTime::now_utc();
    let from = date(&query.from, now - Duration::days(90)).unwrap_or_else(|_| {
        problems.push("audit-error-date");
        now
    });
    let until = date(&query.to, now).map(|d| if query.to.trim().is_empty() { d + Duration::seconds(1) } else { d + Duration::days(1) });
    let until = until.unwrap_or_else(|_| {
        if !problems.contains(&"audit-error-date") {
            problems.push("audit-error-date");
        }
        now
    });
    if problems.is_empty() && until <= from {
        problems.push("audit-error-range");
    }
    if problems.is_empty() { Ok(Filter { action_prefix: family.unwrap_or("").to_string(), from, until }) } else { Err(problems) }
}

fn encode(text: &str) -> String {
    text.bytes().map(|b| if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

pub async fn page(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(query): Query<AuditQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ViewAuditLog).await?;
    let (entries, errors) = match parse(&query) {
        Ok(filter) => (audit::for_organisation(&state.db, organisation.id, &filter).await?, Vec::new()),
        Err(problems) => (Vec::new(), problems.into_iter().map(|k| ctx.tr.t(k)).collect()),
    };
    let truncated = entries.len() as i64 >= audit::MAX_ROWS;
    let page = AuditPage {
        tr: ctx.tr,
        slug: &organisation.slug,
        organisation: &organisation.name,
        families: FAMILIES.iter().map(|(code, key)| Family { code, label: ctx.tr.t(key), selected: *code == query.action }).collect(),
        csv_href: format!("/organisations/{}/audit.csv?action={}&from={}&to={}", organisation.slug, encode(&query.action), encode(&query.from), encode(&query.to)),
        query: &query,
        lines: entries
            .into_iter()
            .map(|e: OrganisationEntry| Line {
                at: stamp(e.at),
                actor: e.actor.unwrap_or_default(),
                action: e.action,
                object: e.object.unwrap_or_default(),
                client: e.client,
                detail: e.detail.unwrap_or_default(),
            })
            .collect(),
        errors,
        truncated,
    };
    let status = if page.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let title = format!("{} — {}", ctx.tr.t("audit-title"), organisation.name);
    ctx.render_with_status(status, &title, &page.render()?)
}

pub async fn csv(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path(slug): Path<String>,
    Query(query): Query<AuditQuery>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ViewAuditLog).await?;
    let filter = parse(&query).map_err(|_| AppError::BadRequest)?;
    let entries = audit::for_organisation(&state.db, organisation.id, &filter).await?;
    let tr = ctx.tr;
    // Semicolons and a byte-order mark: what spreadsheets in Belgian locales open directly.
    let mut writer = CsvWriter::new(csv::SEMICOLON_WITH_BOM);
    writer.record([tr.t("audit-col-at"), tr.t("audit-col-actor"), tr.t("audit-col-action"), tr.t("audit-col-object"), tr.t("audit-col-client"), tr.t("audit-col-detail")])?;
    for e in &entries {
        writer.record([stamp(e.at).as_str(), e.actor.as_deref().unwrap_or(""), &e.action, e.object.as_deref().unwrap_or(""), &e.client, e.detail.as_deref().unwrap_or("")])?;
    }
    let body = writer.finish()?;
    audit::record_or_log(&state.db, Event::new("audit.exported", &client).actor(user.id).organisation(organisation.id).detail(format!("rows={}", entries.len()))).await;
    let filename = format!("audit-{}-{}.csv", organisation.slug, OffsetDateTime::now_utc().date().format(DATE).unwrap_or_default());
    let mut response = csv::attachment(body, &filename);
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
