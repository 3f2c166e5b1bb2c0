//! `GET/POST /account/tokens`, `POST /account/tokens/{id}/revoke`: personal API tokens.

use askama::Template;
use axum::{
    Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::web::response::see_other;
use relais_core::{
    i18n::Tr,
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use serde::Deserialize;
use time::{OffsetDateTime, macros::format_description};
use uuid::Uuid;

use crate::{
    audit::{self, Event},
    sessions::CurrentUser,
    tokens,
};

struct TokenLine {
    id: Uuid,
    name: String,
    created: String,
    last_used: String,
    revoked: bool,
}

#[derive(Template)]
#[template(path = "tokens.html")]
struct TokensPage<'a> {
    tr: Tr,
    csrf: &'a str,
    tokens: Vec<TokenLine>,
    new_secret: Option<String>,
    error: Option<String>,
    name: String,
}

fn date(at: OffsetDateTime) -> String {
    at.format(format_description!("[year]-[month]-[day] [hour]:[minute] UTC")).unwrap_or_default()
}

async fn render(
    state: &AppState,
    ctx: &PageContext,
    user: &CurrentUser,
    status: StatusCode,
    new_secret: Option<String>,
    error: Option<String>,
    name: String,
) -> Result<Response, AppError> {
    let list = tokens::list(&state.db, user.id).await?;
    let page = TokensPage {
        tr: ctx.tr,
        csrf: &ctx.csrf,
        tokens: list
            .into_iter()
            .map(|t| TokenLine {
                id: t.id,
                name: t.name,
                created: date(t.created_at),
                last_used: t.last_used_at.map(date).unwrap_or_else(|| ctx.tr.t("tokens-never")),
                revoked: t.revoked_at.is_some(),
            })
            .collect(),
        new_secret,
        error,
        name,
    };
    ctx.render_with_status(status, &ctx.tr.t("tokens-title"), &page.render()?)
}

pub async fn list(State(state): State<AppState>, ctx: PageContext, user: CurrentUser) -> Result<Response, AppError> {
    render(&state, &ctx, &user, StatusCode::OK, None, None, String::new()).await
}

#[derive(Debug, Deserialize)]
pub struct CreateForm {
    #[serde(default)]
    name: String,
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Form(form): Form<CreateForm>,
) -> Result<Response, AppError> {
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        let error = Some(ctx.tr.t("tokens-error-name"));
        return render(&state, &ctx, &user, StatusCode::UNPROCESSABLE_ENTITY, None, error, form.name.clone()).await;
    }
    let (id, secret) = tokens::create(&state.db, user.id, name).await?;
    audit::record_or_log(&state.db, Event::new("token.created", &client).actor(user.id).object(id.to_string()).detail(name.to_string())).await;
    render(&state, &ctx, &user, StatusCode::CREATED, Some(secret), None, String::new()).await
}

pub async fn revoke(State(state): State<AppState>, user: CurrentUser, ClientAddr(client): ClientAddr, Path(id): Path<Uuid>) -> Result<Response, AppError> {
    if !tokens::revoke(&state.db, user.id, id).await? {
        return Err(AppError::NotFound);
    }
    audit::record_or_log(&state.db, Event::new("token.revoked", &client).actor(user.id).object(id.to_string())).await;
    Ok(see_other("/account/tokens").into_response())
}
