//! `GET/POST /login/second-factor` (the code after the password) and
//! `GET/POST /account/second-factor` (enrolment: QR code, first code, recovery codes).

use askama::Template;
use axum::{
    Form,
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::web::response::see_other;
use relais_core::{
    i18n::{FluentArg, Tr},
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use serde::Deserialize;

use crate::{
    audit::{self, Event},
    second_factor,
    sessions::{self, CurrentUser},
    throttle,
};

#[derive(Template)]
#[template(path = "second_factor_login.html")]
struct LoginPage<'a> {
    tr: Tr,
    csrf: &'a str,
    next: &'a str,
    error: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

pub async fn show_login(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Query(query): Query<NextQuery>) -> Result<Response, AppError> {
    if !user.second_factor_pending {
        return Ok(see_other(&crate::sessions::safe_next(&state.config, &query.next)).into_response());
    }
    let page = LoginPage { tr: ctx.tr, csrf: &ctx.csrf, next: &crate::sessions::safe_next(&state.config, &query.next), error: None };
    ctx.render(&ctx.tr.t("second-factor-login-title"), &page.render()?)
}

#[derive(Debug, Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

pub async fn submit_login(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Form(form): Form<CodeForm>,
) -> Result<Response, AppError> {
    let db = &state.db;
    if !user.second_factor_pending {
        return Ok(see_other(&crate::sessions::safe_next(&state.config, &form.next)).into_response());
    }
    let now = state.clock.now();
    let render = |status: StatusCode, error: String| -> Result<Response, AppError> {
        let page = LoginPage { tr: ctx.tr, csrf: &ctx.csrf, next: &crate::sessions::safe_next(&state.config, &form.next), error: Some(error) };
        ctx.render_with_status(status, &ctx.tr.t("second-factor-login-title"), &page.render()?)
    };
    if let Some(until) = throttle::sign_in_blocked_until(db, &user.email, &client, now).await? {
        audit::record_or_log(db, Event::new("login.throttled", &client).actor(user.id).object(user.email.clone())).await;
        let minutes = throttle::minutes_until(until, now);
        return render(StatusCode::TOO_MANY_REQUESTS, ctx.tr.t_args("login-throttled", &[("minutes", FluentArg::Number(minutes as f64))]));
    }
    let (secret, enabled) = second_factor::state(db, user.id).await?;
    let code = form.code.trim();
    let valid = match (secret, enabled) {
        (Some(secret), true) if !code.contains('-') => second_factor::accept(db, user.id, &secret, &user.email, code).await?,
        (Some(_), true) => second_factor::use_recovery_code(db, user.id, code).await?,
        _ => false,
    };
    if !valid {
        throttle::sign_in_failed(db, &user.email, &client, now).await?;
        audit::record_or_log(db, Event::new("second_factor.failure", &client).actor(user.id).object(user.email.clone())).await;
        return render(StatusCode::UNAUTHORIZED, ctx.tr.t("second-factor-wrong-code"));
    }
    throttle::sign_in_succeeded(db, &user.email, &client, now).await?;
    sessions::complete_second_factor(db, &user.token).await?;
    let action = if code.contains('-') { "login.success.recovery_code" } else { "login.success" };
    audit::record_or_log(db, Event::new(action, &client).actor(user.id).object(user.email.clone())).await;
    Ok(see_other(&crate::sessions::safe_next(&state.config, &form.next)).into_response())
}

#[derive(Template)]
#[template(path = "second_factor_enrol.html")]
struct EnrolPage<'a> {
    tr: Tr,
    csrf: &'a str,
    enabled: bool,
    required: bool,
    qr_svg: String,
    secret: String,
    recovery_codes: Vec<String>,
    error: Option<String>,
}

fn enrol_page<'a>(ctx: &'a PageContext, user: &CurrentUser, secret: &str) -> EnrolPage<'a> {
    let qr_svg = second_factor::otpauth_url(secret, &user.email)
        .and_then(|url| second_factor::qr_svg(&url))
        .map(|svg| svg.trim_start_matches(|c| c != '<').split_once("?>").map(|(_, rest)| rest.to_string()).unwrap_or(svg))
        .unwrap_or_default();
    let grouped: Vec<String> = secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect();
    EnrolPage { tr: ctx.tr, csrf: &ctx.csrf, enabled: false, required: user.must_enrol, qr_svg, secret: grouped.join(" "), recovery_codes: Vec::new(), error: None }
}

pub async fn show_enrol(State(state): State<AppState>, ctx: PageContext, user: CurrentUser) -> Result<Response, AppError> {
    let (secret, enabled) = second_factor::state(&state.db, user.id).await?;
    if enabled {
        let page = EnrolPage { enabled: true, ..enrol_page(&ctx, &user, "") };
        return ctx.render(&ctx.tr.t("second-factor-title"), &page.render()?);
    }
    let secret = match secret {
        Some(s) => s,
        None => {
            let s = second_factor::new_secret();
            second_factor::start_enrolment(&state.db, user.id, &s).await?;
            s
        }
    };
    let page = enrol_page(&ctx, &user, &secret);
    ctx.render(&ctx.tr.t("second-factor-title"), &page.render()?)
}

#[derive(Debug, Deserialize)]
pub struct EnrolForm {
    #[serde(default)]
    code: String,
}

pub async fn submit_enrol(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Form(form): Form<EnrolForm>,
) -> Result<Response, AppError> {
    let db = &state.db;
    let (secret, enabled) = second_factor::state(db, user.id).await?;
    if enabled {
        return Ok(see_other(sessions::SECOND_FACTOR_ENROL).into_response());
    }
    let Some(secret) = secret else { return Ok(see_other(sessions::SECOND_FACTOR_ENROL).into_response()) };
    if !second_factor::accept(db, user.id, &secret, &user.email, &form.code).await? {
        let page = EnrolPage { error: Some(ctx.tr.t("second-factor-wrong-code")), ..enrol_page(&ctx, &user, &secret) };
        return ctx.render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &ctx.tr.t("second-factor-title"), &page.render()?);
    }
    let codes = second_factor::enable(db, user.id).await?;
    audit::record_or_log(db, Event::new("second_factor.enabled", &client).actor(user.id).object(user.email.clone())).await;
    let page = EnrolPage { enabled: true, recovery_codes: codes, ..enrol_page(&ctx, &user, "") };
    ctx.render_with_status(StatusCode::CREATED, &ctx.tr.t("second-factor-title"), &page.render()?)
}
