//! `GET/POST /organisations/{slug}/headcount`: how many staff the organisation has per job family
//! (Charleroi: 2,800), the denominator of "share trained". Coordinators.

use askama::Template;
use axum::{
    Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::{
    i18n::Tr,
    web::{
        AppState,
        client::ClientAddr,
        error::AppError,
        forms::{Fields, field},
        layout::PageContext,
        response::see_other,
    },
};
use relais_organisations::{
    access::authorise,
    audit::{self, Event},
    organisations::Organisation,
    policy::Action,
    sessions::CurrentUser,
};

use super::{job_families, terms};
use crate::helpers;

/// The most staff a job family can count.
pub const HEADCOUNT_MAX: i64 = 1_000_000;

struct Line {
    code: String,
    label: String,
    value: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "headcount.html")]
struct HeadcountPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    lines: Vec<Line>,
    has_errors: bool,
}

/// `GET /organisations/{slug}/headcount`.
pub async fn show(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageHelpers).await?;
    let tr = ctx.tr;
    let counts = helpers::headcounts(&state.db, organisation.id).await?;
    let lines = job_families(&*terms(&state).await?, &tr, "")
        .into_iter()
        .map(|(code, label)| Line { value: counts.iter().find(|(f, _)| *f == code).map(|(_, n)| n.to_string()).unwrap_or_default(), code, label, error: None })
        .collect();
    let page = HeadcountPage { tr, csrf: &ctx.csrf, organisation: &organisation, lines, has_errors: false };
    ctx.render(&format!("{} — {}", tr.t("headcount-title"), organisation.name), &page.render()?)
}

/// `POST /organisations/{slug}/headcount`: a number per job family, or empty for "not known".
pub async fn save(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path(slug): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageHelpers).await?;
    let tr = ctx.tr;
    let mut lines = Vec::new();
    let mut counts = Vec::new();
    for (code, label) in job_families(&*terms(&state).await?, &tr, "") {
        let typed: String = field(&fields, &format!("headcount_{code}")).trim().chars().take(12).collect();
        // "2 800", "2.800" and "2,800" are how people write it.
        let digits: String = typed.chars().filter(|c| !matches!(c, ' ' | '.' | ',' | '\u{202f}' | '\u{a0}')).collect();
        let parsed = if digits.is_empty() { Ok(None) } else { digits.parse::<i64>().ok().filter(|n| (0..=HEADCOUNT_MAX).contains(n)).map(Some).ok_or(()) };
        let error = parsed.is_err().then(|| tr.t("headcount-error"));
        if let Ok(count) = parsed {
            counts.push((code.clone(), count));
        }
        lines.push(Line { code, label, value: typed, error });
    }
    if lines.iter().any(|l| l.error.is_some()) {
        let page = HeadcountPage { tr, csrf: &ctx.csrf, organisation: &organisation, lines, has_errors: true };
        return ctx.render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &format!("{} — {}", tr.t("headcount-title"), organisation.name), &page.render()?);
    }
    helpers::set_headcounts(&state.db, organisation.id, &counts).await?;
    let detail = counts.iter().map(|(f, n)| format!("{f}={}", n.map(|n| n.to_string()).unwrap_or_else(|| "-".into()))).collect::<Vec<_>>().join(" ");
    audit::record_or_log(&state.db, Event::new("helper.headcount_changed", &client).actor(user.id).organisation(organisation.id).detail(detail)).await;
    Ok(see_other(&format!("/organisations/{}/helpers?done=headcount", organisation.slug)).into_response())
}
