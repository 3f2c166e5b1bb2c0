//! `GET/POST /login`, `POST /logout`, `POST /logout/everywhere`.

use askama::Template;
use axum::{
    Form,
    extract::{Query, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use relais_core::{
    i18n::Tr,
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::{
    audit::{self, Event},
    passwords,
    sessions::{self, CurrentUser, MaybeUser, is_local_path},
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

pub(crate) fn safe_next(next: &str) -> &str {
    if is_local_path(next) && next.len() < 2048 { next } else { "/account" }
}

pub async fn show(ctx: PageContext, MaybeUser(user): MaybeUser, Query(query): Query<LoginQuery>) -> Result<Response, AppError> {
    if user.is_some() {
        return Ok(Redirect::to(safe_next(&query.next)).into_response());
    }
    render(&ctx, StatusCode::OK, "", &query.next, None)
}

fn render(ctx: &PageContext, status: StatusCode, email: &str, next: &str, error: Option<String>) -> Result<Response, AppError> {
    let page = LoginPage { tr: ctx.tr, csrf: &ctx.csrf, email, next: safe_next(next), error };
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

pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    ClientAddr(client): ClientAddr,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let db = &state.db;
    let email = users::normalise_email(&form.email);
    let account_key = throttle::account_key(&email);
    let client_key = throttle::client_key(&client);

    // Throttled: say so clearly, in the reader's language, and log it.
    let blocked = match throttle::blocked_until(db, &account_key).await? {
        Some(until) => Some(until),
        None => throttle::blocked_until(db, &client_key).await?,
    };
    if let Some(until) = blocked {
        audit::record_or_log(db, Event { action: "login.throttled", object: Some(email.clone()), client: &client, ..Event::default() }).await;
        let minutes = ((until - OffsetDateTime::now_utc()).whole_seconds() + 59) / 60;
        let message = ctx.tr.t_args("login-throttled", &[("minutes", relais_core::i18n::FluentArg::Number(minutes.max(1) as f64))]);
        let mut response = render(&ctx, StatusCode::TOO_MANY_REQUESTS, &form.email, &form.next, Some(message))?;
        let retry = (until - OffsetDateTime::now_utc()).whole_seconds().max(1);
        if let Ok(value) = HeaderValue::from_str(&retry.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return Ok(response);
    }

    if email.is_empty() || form.password.is_empty() {
        let message = ctx.tr.t("login-missing-fields");
        return render(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &form.email, &form.next, Some(message));
    }

    let user = users::find_by_email(db, &email).await?;
    let stored = user.as_ref().filter(|u| u.active).and_then(|u| u.password_hash.clone());
    let valid = passwords::verify_async(form.password.clone(), stored).await;
    match user.filter(|_| valid) {
        Some(user) => {
            throttle::clear(db, &account_key).await?;
            let (_, second_factor) = crate::second_factor::state(db, user.id).await?;
            let token = sessions::open_with(db, user.id, &client, second_factor).await?;
            if second_factor {
                audit::record_or_log(db, Event { actor: Some(user.id), action: "login.password_ok", object: Some(email), client: &client, ..Event::default() }).await;
                let to = format!("{}?next={}", sessions::SECOND_FACTOR_LOGIN, sessions::encode_component(safe_next(&form.next)));
                return Ok(sessions::signed_in_redirect(&state.config, &to, &token, user.locale()));
            }
            audit::record_or_log(db, Event { actor: Some(user.id), action: "login.success", object: Some(email), client: &client, ..Event::default() }).await;
            Ok(sessions::signed_in_redirect(&state.config, safe_next(&form.next), &token, user.locale()))
        }
        None => {
            let failures = throttle::record_failure(db, &account_key).await?;
            throttle::record_failure(db, &client_key).await?;
            audit::record_or_log(db, Event {
                action: "login.failure",
                object: Some(email),
                client: &client,
                detail: Some(format!("failures={failures}")),
                ..Event::default()
            })
            .await;
            // The same answer whether the account exists or not.
            let message = ctx.tr.t("login-failed");
            render(&ctx, StatusCode::UNAUTHORIZED, &form.email, &form.next, Some(message))
        }
    }
}

pub async fn logout(State(state): State<AppState>, ClientAddr(client): ClientAddr, user: CurrentUser) -> Result<Response, AppError> {
    sessions::close(&state.db, &user.token).await?;
    audit::record_or_log(&state.db, Event { actor: Some(user.id), action: "logout", client: &client, ..Event::default() }).await;
    Ok(signed_out(&state))
}

pub async fn logout_everywhere(State(state): State<AppState>, ClientAddr(client): ClientAddr, user: CurrentUser) -> Result<Response, AppError> {
    let closed = sessions::close_all(&state.db, user.id).await?;
    audit::record_or_log(&state.db, Event {
        actor: Some(user.id),
        action: "logout.everywhere",
        client: &client,
        detail: Some(format!("sessions={closed}")),
        ..Event::default()
    })
    .await;
    Ok(signed_out(&state))
}

fn signed_out(state: &AppState) -> Response {
    let mut response = Redirect::to("/login").into_response();
    if let Ok(value) = HeaderValue::from_str(&sessions::removal_cookie(&state.config)) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}
