//! A person's own data: `GET /account/data.json` (everything Relais holds about them) and
//! `POST /account/close` (close the account; authorship becomes a pseudonym, records stay).

use axum::{
    Form, Json,
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use relais_core::web::response::see_other;
use relais_core::web::{AppState, client::ClientAddr, error::AppError, response::Verbatim};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::{
    audit::{self, Event},
    passwords, second_factor,
    sessions::{self, CurrentUser},
    tokens, users,
};

#[derive(Serialize)]
struct Export {
    exported_at: String,
    account: AccountOut,
    memberships: Vec<MembershipOut>,
    api_tokens: Vec<TokenOut>,
    second_factor_enabled: bool,
    audit_log: Vec<AuditOut>,
}

#[derive(Serialize)]
struct AccountOut {
    id: String,
    email: String,
    display_name: String,
    locale: String,
    is_admin: bool,
}

#[derive(Serialize)]
struct MembershipOut {
    organisation: String,
    role: String,
}

#[derive(Serialize)]
struct TokenOut {
    name: String,
    created_at: String,
    last_used_at: Option<String>,
    revoked_at: Option<String>,
}

#[derive(Serialize)]
struct AuditOut {
    at: String,
    action: String,
    object: Option<String>,
    client: String,
}

fn iso(at: OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

pub async fn export(State(state): State<AppState>, user: CurrentUser, ClientAddr(client): ClientAddr) -> Result<Response, AppError> {
    let db = &state.db;
    let (_, second_factor_enabled) = second_factor::state(db, user.id).await?;
    let export = Export {
        exported_at: iso(OffsetDateTime::now_utc()),
        account: AccountOut {
            id: user.id.to_string(),
            email: user.email.clone(),
            display_name: user.display_name.clone(),
            locale: user.locale.code().to_string(),
            is_admin: user.is_admin,
        },
        memberships: user.memberships.iter().map(|m| MembershipOut { organisation: m.organisation_name.clone(), role: m.role.as_str().to_string() }).collect(),
        api_tokens: tokens::list(db, user.id)
            .await?
            .into_iter()
            .map(|t| TokenOut { name: t.name, created_at: iso(t.created_at), last_used_at: t.last_used_at.map(iso), revoked_at: t.revoked_at.map(iso) })
            .collect(),
        second_factor_enabled,
        audit_log: audit::for_actor(db, user.id, 10_000).await?.into_iter().map(|e| AuditOut { at: iso(e.at), action: e.action, object: e.object, client: e.client }).collect(),
    };
    audit::record_or_log(db, Event::new("personal_data.exported", &client).actor(user.id)).await;
    let mut response = (StatusCode::OK, Verbatim, Json(export)).into_response();
    response.headers_mut().insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"relais-my-data.json\""));
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[derive(Debug, Deserialize)]
pub struct CloseForm {
    #[serde(default)]
    password: String,
}

pub async fn close(State(state): State<AppState>, user: CurrentUser, ClientAddr(client): ClientAddr, Form(form): Form<CloseForm>) -> Result<Response, AppError> {
    let db = &state.db;
    let stored = users::find(db, user.id).await?.and_then(|u| u.password_hash);
    if !passwords::verify_async(form.password.clone(), stored).await {
        return Ok(see_other("/account?close=wrong-password").into_response());
    }
    let pseudonym = users::close(db, user.id).await?;
    audit::record_or_log(db, Event::new("account.closed", &client).actor(user.id).detail(pseudonym)).await;
    let mut response = see_other("/login").into_response();
    if let Ok(value) = HeaderValue::from_str(&sessions::removal_cookie(&state.config)) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(response)
}
