//! `GET/POST /password/set?token=…`: choose a password (and a language) from a single-use link.

use askama::Template;
use axum::{
    Form,
    extract::{Query, State},
    http::StatusCode,
    response::Response,
};
use relais_core::{
    i18n::{Locale, Tr},
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use serde::Deserialize;

use crate::{
    audit::{self, Event},
    links::{self, Purpose},
    passwords, sessions, users,
};

#[derive(Template)]
#[template(path = "password_set.html")]
struct SetPasswordPage<'a> {
    tr: Tr,
    csrf: &'a str,
    token: &'a str,
    email: &'a str,
    languages: Vec<LanguageChoice>,
    errors: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

use super::common::{LanguageChoice, invalid_link as invalid, languages, new_password_errors};

pub async fn show(State(state): State<AppState>, ctx: PageContext, Query(query): Query<TokenQuery>) -> Result<Response, AppError> {
    let Some(link) = links::peek(&state.db, Purpose::SetPassword, &query.token).await? else {
        return invalid(&ctx);
    };
    let Some(user) = users::find(&state.db, link.user_id).await? else { return invalid(&ctx) };
    let page = SetPasswordPage { tr: ctx.tr, csrf: &ctx.csrf, token: &query.token, email: &user.email, languages: languages(ctx.locale()), errors: Vec::new() };
    ctx.render(&ctx.tr.t("password-set-title"), &page.render()?)
}

#[derive(Debug, Deserialize)]
pub struct SetPasswordForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
    #[serde(default)]
    language: String,
}

pub async fn submit(State(state): State<AppState>, ctx: PageContext, ClientAddr(client): ClientAddr, Form(form): Form<SetPasswordForm>) -> Result<Response, AppError> {
    let db = &state.db;
    let Some(link) = links::peek(db, Purpose::SetPassword, &form.token).await? else {
        return invalid(&ctx);
    };
    let Some(user) = users::find(db, link.user_id).await? else { return invalid(&ctx) };
    let locale = Locale::parse(&form.language).unwrap_or(ctx.locale());
    let tr = Tr::new(locale);
    let errors = new_password_errors(tr, &form.password, &form.confirm, &user.email);
    if !errors.is_empty() {
        let page = SetPasswordPage { tr, csrf: &ctx.csrf, token: &form.token, email: &user.email, languages: languages(locale), errors };
        return ctx.render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &tr.t("password-set-title"), &page.render()?);
    }
    let Some(hash) = passwords::hash_async(form.password.clone()).await else {
        return Err(AppError::Unavailable);
    };
    // Single use: a double submit or a second tab finds the link used.
    if links::consume(db, Purpose::SetPassword, &form.token).await?.is_none() {
        return invalid(&ctx);
    }
    users::set_password(db, user.id, &hash, locale).await?;
    audit::record_or_log(db, Event::new("password.set", &client).actor(user.id)).await;
    // With a second factor on, the new session still waits for it.
    let (_, second_factor) = crate::second_factor::state(db, user.id).await?;
    let token = sessions::open_with(db, user.id, &client, second_factor).await?;
    let to = if second_factor { sessions::SECOND_FACTOR_LOGIN } else { "/account" };
    Ok(sessions::signed_in_redirect(&state.config, to, &token, locale))
}
