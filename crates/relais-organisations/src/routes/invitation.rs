//! `GET/POST /invitation?token=…`: accept an invitation. A newcomer chooses a password and a
//! language; someone who already has an account just accepts, then logs in as usual.

use askama::Template;
use axum::{
    Form,
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::web::response::see_other;
use relais_core::{
    i18n::{Locale, Tr},
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use serde::Deserialize;

use crate::{
    audit::{self, Event},
    links::{self, Purpose},
    model::Role,
    organisations, passwords, sessions, users,
};

#[derive(Template)]
#[template(path = "invitation.html")]
struct InvitationPage<'a> {
    tr: Tr,
    csrf: &'a str,
    token: &'a str,
    email: &'a str,
    organisation: &'a str,
    role: String,
    needs_password: bool,
    languages: Vec<LanguageChoice>,
    errors: Vec<String>,
}

use super::common::{LanguageChoice, invalid_link as invalid, languages, new_password_errors};

#[derive(Debug, Deserialize, Default)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// Everything the page needs, from a valid link.
struct Context {
    user: users::User,
    organisation: organisations::Organisation,
    role: Role,
}

async fn load(state: &AppState, token: &str) -> Result<Option<Context>, AppError> {
    let Some(link) = links::peek(&state.db, Purpose::Invitation, token).await? else { return Ok(None) };
    let (Some(organisation_id), Some(role)) = (link.organisation_id, link.role.as_deref().and_then(Role::parse)) else {
        return Ok(None);
    };
    let Some(user) = users::find(&state.db, link.user_id).await? else { return Ok(None) };
    let organisation = organisations::find_by_id(&state.db, organisation_id).await?;
    Ok(organisation.map(|organisation| Context { user, organisation, role }))
}

fn page<'a>(ctx: &'a PageContext, tr: Tr, token: &'a str, c: &'a Context, locale: Locale, errors: Vec<String>) -> InvitationPage<'a> {
    InvitationPage {
        tr,
        csrf: &ctx.csrf,
        token,
        email: &c.user.email,
        organisation: &c.organisation.name,
        role: tr.t(c.role.label_key()),
        needs_password: c.user.password_hash.is_none(),
        languages: languages(locale),
        errors,
    }
}

pub async fn show(State(state): State<AppState>, ctx: PageContext, Query(query): Query<TokenQuery>) -> Result<Response, AppError> {
    let Some(c) = load(&state, &query.token).await? else { return invalid(&ctx) };
    let p = page(&ctx, ctx.tr, &query.token, &c, ctx.locale(), Vec::new());
    ctx.render(&ctx.tr.t("invitation-title"), &p.render()?)
}

#[derive(Debug, Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
    #[serde(default)]
    language: String,
}

pub async fn accept(State(state): State<AppState>, ctx: PageContext, ClientAddr(client): ClientAddr, Form(form): Form<AcceptForm>) -> Result<Response, AppError> {
    let db = &state.db;
    let Some(c) = load(&state, &form.token).await? else { return invalid(&ctx) };
    let locale = Locale::parse(&form.language).unwrap_or(ctx.locale());
    let tr = Tr::new(locale);
    let needs_password = c.user.password_hash.is_none();
    let mut hash = None;
    if needs_password {
        let errors = new_password_errors(tr, &form.password, &form.confirm, &c.user.email);
        if !errors.is_empty() {
            let p = page(&ctx, tr, &form.token, &c, locale, errors);
            return ctx.render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &tr.t("invitation-title"), &p.render()?);
        }
        hash = Some(passwords::hash_async(form.password.clone()).await.ok_or(AppError::Unavailable)?);
    }
    if links::consume(db, Purpose::Invitation, &form.token).await?.is_none() {
        return invalid(&ctx);
    }
    if let Some(hash) = &hash {
        users::set_password(db, c.user.id, hash, locale).await?;
    }
    organisations::add_member(db, c.user.id, c.organisation.id, c.role).await?;
    audit::record_or_log(
        db,
        Event::new("invitation.accepted", &client).actor(c.user.id).organisation(c.organisation.id).object(c.user.email.clone()).detail(format!("role={}", c.role.as_str())),
    )
    .await;
    if hash.is_some() {
        let token = sessions::open(db, c.user.id, &client).await?;
        return Ok(sessions::signed_in_redirect(&state.config, &format!("/organisations/{}", c.organisation.slug), &token, locale));
    }
    Ok(see_other(&format!("/login?next=/organisations/{}", c.organisation.slug)).into_response())
}
