//! Server-side sessions, stored in the database (so every process knows them). The browser holds
//! a random token in an `HttpOnly`, `SameSite=Lax` cookie (`Secure` over HTTPS); the database holds
//! only its fingerprint. Sessions end after an idle timeout (per organisation, 30 min by default),
//! after 12 hours in all, at log-out, or with "log out everywhere".

use axum::{
    extract::FromRequestParts,
    http::{HeaderValue, header, request::Parts},
    response::{IntoResponse, Response},
};
use relais_core::web::response::see_other;
use relais_core::{
    Db, DbError,
    i18n::Locale,
    on_db, secrets,
    web::{AppState, WebConfig, error::AppError},
};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::organisations::{DEFAULT_IDLE_TIMEOUT_MINUTES, Membership, memberships_of};

pub use relais_core::web::csrf::SESSION_COOKIE;
/// Where a session waiting for its second factor is sent.
pub const SECOND_FACTOR_LOGIN: &str = "/login/second-factor";
/// Where a user who must enrol a second factor is sent.
pub const SECOND_FACTOR_ENROL: &str = "/account/second-factor";
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);
/// `last_seen_at` is written at most this often (one write per minute, not per request).
const TOUCH_EVERY: Duration = Duration::seconds(60);

/// Open a session for `user`; returns the token for the cookie.
pub async fn open(db: &Db, user: Uuid, client: &str) -> Result<String, DbError> {
    open_with(db, user, client, false).await
}

/// Open a session that still waits for the second factor when `pending`.
pub async fn open_with(db: &Db, user: Uuid, client: &str, pending: bool) -> Result<String, DbError> {
    let token = secrets::random_token();
    let now = OffsetDateTime::now_utc();
    on_db!(db, pool => sqlx::query(
        "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, client, second_factor_pending)
         VALUES ($1, $2, $3, $3, $4, $5)",
    )
    .bind(secrets::fingerprint(&token))
    .bind(user)
    .bind(now)
    .bind(client)
    .bind(pending)
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(token)
}

pub async fn close(db: &Db, token: &str) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(secrets::fingerprint(token))
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// "Log out everywhere": every session of the user ends.
pub async fn close_all(db: &Db, user: Uuid) -> Result<u64, DbError> {
    let n = on_db!(db, pool => sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n)
}

/// The `Set-Cookie` value that gives the browser its session.
pub fn cookie(config: &WebConfig, token: &str) -> String {
    let secure = if config.secure_cookies { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{secure}")
}

/// The `Set-Cookie` value that makes the user's language the interface language.
pub fn language_cookie(locale: Locale) -> String {
    format!("{}={}; Path=/; Max-Age=31536000; SameSite=Lax", relais_core::web::shell::LANG_COOKIE, locale.code())
}

/// A redirect that opens a session: session cookie, and the user's language.
pub fn signed_in_redirect(config: &WebConfig, to: &str, token: &str, locale: Locale) -> Response {
    let mut response = see_other(to).into_response();
    for cookie in [cookie(config, token), language_cookie(locale)] {
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// The `Set-Cookie` value that removes it.
pub fn removal_cookie(config: &WebConfig) -> String {
    let secure = if config.secure_cookies { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}

/// The signed-in user of a request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub locale: Locale,
    pub is_admin: bool,
    pub memberships: Vec<Membership>,
    /// The session token (to close this session).
    pub token: String,
    /// The password was given, the second factor not yet.
    pub second_factor_pending: bool,
    /// An organisation requires a second factor for this user's role and none is enrolled.
    pub must_enrol: bool,
}

/// Mark the session's second factor as given.
pub async fn complete_second_factor(db: &Db, token: &str) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("UPDATE sessions SET second_factor_pending = $2 WHERE id_hash = $1")
        .bind(secrets::fingerprint(token))
        .bind(false)
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

type SessionRow = (Uuid, OffsetDateTime, OffsetDateTime, String, String, String, bool, Option<i64>, bool, bool, bool);

/// A session left idle longer than its timeout, within its 12 hours: the password brings it
/// back (see [`crate::resume`]), so nothing being typed is lost.
#[derive(Debug, Clone)]
pub struct IdleSession {
    pub user_id: Uuid,
    pub email: String,
    pub idle_minutes: i64,
}

/// What a session token is worth now.
#[derive(Debug, Clone)]
pub enum SessionState {
    Valid(Box<CurrentUser>),
    Idle(IdleSession),
    /// Unknown, ended, past its 12 hours, or its user deactivated.
    Gone,
}

/// The user of a session token, when the session is valid now (not idle).
pub async fn lookup(db: &Db, token: &str) -> Result<Option<CurrentUser>, DbError> {
    Ok(match lookup_state(db, token).await? {
        SessionState::Valid(user) => Some(*user),
        _ => None,
    })
}

/// The session behind a token. Sessions past their absolute timeout are removed.
pub async fn lookup_state(db: &Db, token: &str) -> Result<SessionState, DbError> {
    let fingerprint = secrets::fingerprint(token);
    let row: Option<SessionRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT s.user_id, s.created_at, s.last_seen_at, u.email, u.display_name, u.locale, u.is_admin,
                (SELECT MIN(o.idle_timeout_minutes) FROM memberships m
                   JOIN organisations o ON o.id = m.organisation_id
                  WHERE m.user_id = s.user_id AND m.active = $2),
                s.second_factor_pending, u.totp_enabled,
                EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id
                         WHERE m.user_id = s.user_id AND m.active = $2 AND o.require_second_factor = $2
                           AND m.role IN ('coordinator', 'worker'))
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id_hash = $1 AND u.active = $2",
    )
    .bind(&fingerprint)
    .bind(true)
    .fetch_optional(pool)
    .await)?;
    let Some((user, created_at, last_seen_at, email, display_name, locale, is_admin, idle, pending, totp_enabled, required)) = row else {
        return Ok(SessionState::Gone);
    };
    let now = OffsetDateTime::now_utc();
    let idle_minutes = idle.unwrap_or(DEFAULT_IDLE_TIMEOUT_MINUTES);
    if now - created_at > ABSOLUTE_TIMEOUT {
        close(db, token).await?;
        return Ok(SessionState::Gone);
    }
    if now - last_seen_at > Duration::minutes(idle_minutes) {
        if pending {
            // Never finished signing in: nothing to resume.
            close(db, token).await?;
            return Ok(SessionState::Gone);
        }
        return Ok(SessionState::Idle(IdleSession { user_id: user, email, idle_minutes }));
    }
    if now - last_seen_at > TOUCH_EVERY {
        on_db!(db, pool => sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1")
            .bind(&fingerprint)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ()))?;
    }
    Ok(SessionState::Valid(Box::new(CurrentUser {
        id: user,
        email,
        display_name,
        locale: Locale::parse(&locale).unwrap_or_default(),
        is_admin,
        memberships: memberships_of(db, user).await?,
        token: token.to_string(),
        second_factor_pending: pending,
        must_enrol: required && !totp_enabled,
    })))
}

/// The password was given again: the idle session goes on.
pub async fn touch(db: &Db, token: &str) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1")
        .bind(secrets::fingerprint(token))
        .bind(OffsetDateTime::now_utc())
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

pub(crate) fn session_token_of(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == SESSION_COOKIE && value.len() == 64)
        .map(|(_, value)| value.to_string())
}

pub(crate) fn session_token(parts: &Parts) -> Option<String> {
    session_token_of(&parts.headers)
}

/// A user when signed in, nobody otherwise (never redirects).
pub struct MaybeUser(pub Option<CurrentUser>);

impl FromRequestParts<AppState> for MaybeUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        match session_token(parts) {
            Some(token) => Ok(MaybeUser(lookup(&state.db, &token).await?.filter(|u| !u.second_factor_pending))),
            None => Ok(MaybeUser(None)),
        }
    }
}

/// Where to go after signing in: `next` when it is a path on this site (by the WHATWG URL rules,
/// as the browser will read the `Location`), the account page otherwise.
pub(crate) fn safe_next(config: &WebConfig, next: &str) -> String {
    relais_core::web::response::local_target(&config.public_url, next).unwrap_or_else(|| "/account".to_string())
}

/// A path on this site (`/x`), never another site (`//evil`, `https://…`, `/\\evil`, `/<TAB>/evil`):
/// read by the WHATWG URL rules, as a browser reads it.
pub fn is_local_path(path: &str) -> bool {
    relais_core::web::response::local_target("http://relais.invalid", path).is_some()
}

pub(crate) fn encode_component(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The user behind an API token (same rights as in the browser).
pub async fn user_by_id(db: &Db, id: Uuid) -> Result<Option<CurrentUser>, DbError> {
    let Some(user) = crate::users::find(db, id).await? else { return Ok(None) };
    if !user.active {
        return Ok(None);
    }
    Ok(Some(CurrentUser {
        id: user.id,
        locale: user.locale(),
        email: user.email,
        display_name: user.display_name,
        is_admin: user.is_admin,
        memberships: memberships_of(db, id).await?,
        token: String::new(),
        second_factor_pending: false,
        must_enrol: false,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/account"));
        assert!(!is_local_path("//evil.example"));
        assert!(!is_local_path("https://evil.example"));
        assert!(!is_local_path("/\\evil.example"));
        assert_eq!(encode_component("/a?b=c d"), "/a%3Fb%3Dc%20d");
    }
}
