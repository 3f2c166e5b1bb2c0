//! `GET/POST /login`, `POST /logout`, `POST /logout/everywhere`.

use askama::Template;
use axum::{
    Form,
    extract::{Query, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use relais_core::web::response::see_other;
use relais_core::{
    i18n::Tr,
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use serde::Deserialize;

use crate::{
    audit::{self, Event},
    passwords,
    sessions::{self, CurrentUser, MaybeUser},
    throttle, users,
};

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage<'a> {
    tr: Tr,
    csrf: &'a str,
    email: &'a str,
    next: &'a str,
    /// A translated message shown above the form.
    error: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
pub struct LoginQuery {
    #[serde(default)]
    next: String,
}

pub async fn show(State(state): State<AppState>, ctx: PageContext, MaybeUser(user): MaybeUser, Query(query): Query<LoginQuery>) -> Result<Response, AppError> {
    if user.is_some() {
        return Ok(see_other(&crate::sessions::safe_next(&state.config, &query.next)).into_response());
    }
    render(&state, &ctx, StatusCode::OK, "", &query.next, None)
}

fn render(state: &AppState, ctx: &PageContext, status: StatusCode, email: &str, next: &str, error: Option<String>) -> Result<Response, AppError> {
    let next = crate::sessions::safe_next(&state.config, next);
    let page = LoginPage { tr: ctx.tr, csrf: &ctx.csrf, email, next: &next, error };
    ctx.render_with_status(status, &ctx.tr.t("login-title"), &page.render()?)
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn submit(State(state): State<AppState>, ctx: PageContext, ClientAddr(client): ClientAddr, Form(form): Form<LoginForm>) -> Result<Response, AppError> {
    let db = &state.db;
    let email = users::normalise_email(&form.email);
    let now = state.clock.now();

    // Throttled: say so clearly, in the reader's language, and log it.
    if let Some(until) = throttle::sign_in_blocked_until(db, &email, &client, now).await? {
        audit::record_or_log(db, Event::new("login.throttled", &client).object(email.clone())).await;
        let minutes = throttle::minutes_until(until, now);
        let message = ctx.tr.t_args("login-throttled", &[("minutes", relais_core::i18n::FluentArg::Number(minutes as f64))]);
        let mut response = render(&state, &ctx, StatusCode::TOO_MANY_REQUESTS, &form.email, &form.next, Some(message))?;
        let retry = (until - now).whole_seconds().max(1);
        if let Ok(value) = HeaderValue::from_str(&retry.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return Ok(response);
    }

    if email.is_empty() || form.password.is_empty() {
        let message = ctx.tr.t("login-missing-fields");
        return render(&state, &ctx, StatusCode::UNPROCESSABLE_ENTITY, &form.email, &form.next, Some(message));
    }

    let user = users::find_by_email(db, &email).await?;
    let stored = user.as_ref().filter(|u| u.active).and_then(|u| u.password_hash.clone());
    let valid = passwords::verify_async(form.password.clone(), stored).await;
    match user.filter(|_| valid) {
        Some(user) => {
            throttle::sign_in_succeeded(db, &email, &client, now).await?;
            let (_, second_factor) = crate::second_factor::state(db, user.id).await?;
            let token = sessions::open_with(db, user.id, &client, second_factor).await?;
            if second_factor {
                audit::record_or_log(db, Event::new("login.password_ok", &client).actor(user.id).object(email)).await;
                let to = format!("{}?next={}", sessions::SECOND_FACTOR_LOGIN, sessions::encode_component(&crate::sessions::safe_next(&state.config, &form.next)));
                return Ok(sessions::signed_in_redirect(&state.config, &to, &token, user.locale()));
            }
            audit::record_or_log(db, Event::new("login.success", &client).actor(user.id).object(email)).await;
            Ok(sessions::signed_in_redirect(&state.config, &crate::sessions::safe_next(&state.config, &form.next), &token, user.locale()))
        }
        None => {
            throttle::sign_in_failed(db, &email, &client, now).await?;
            audit::record_or_log(db, Event::new("login.failure", &client).object(email)).await;
            // The same answer whether the account exists or not.
            let message = ctx.tr.t("login-failed");
            render(&state, &ctx, StatusCode::UNAUTHORIZED, &form.email, &form.next, Some(message))
        }
    }
}

pub async fn logout(State(state): State<AppState>, ClientAddr(client): ClientAddr, user: CurrentUser) -> Result<Response, AppError> {
    sessions::close(&state.db, &user.token).await?;
    audit::record_or_log(&state.db, Event::new("logout", &client).actor(user.id)).await;
    Ok(signed_out(&state))
}

pub async fn logout_everywhere(State(state): State<AppState>, ClientAddr(client): ClientAddr, user: CurrentUser) -> Result<Response, AppError> {
    let closed = sessions::close_all(&state.db, user.id).await?;
    audit::record_or_log(&state.db, Event::new("logout.everywhere", &client).actor(user.id).detail(format!("sessions={closed}"))).await;
    Ok(signed_out(&state))
}

fn signed_out(state: &AppState) -> Response {
    let mut response = see_other("/login").into_response();
    if let Ok(value) = HeaderValue::from_str(&sessions::removal_cookie(&state.config)) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}
