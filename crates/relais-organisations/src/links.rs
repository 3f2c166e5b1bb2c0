//! Single-use links (set a password, reset it, accept an invitation): a random token shown once
//! in the link, its fingerprint stored, an expiry, used at most once.

use relais_core::{Db, DbError, on_db, secrets};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    SetPassword,
    Invitation,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::SetPassword => "set-password",
            Purpose::Invitation => "invitation",
        }
    }
}

/// What a link grants.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Link {
    pub user_id: Uuid,
    pub organisation_id: Option<Uuid>,
    pub role: Option<String>,
}

/// Create a link for `user`; returns the token (to put in the URL, never stored as such).
pub async fn create(db: &Db, purpose: Purpose, user: Uuid, valid_for: Duration) -> Result<String, DbError> {
    create_for(db, purpose, &Link { user_id: user, organisation_id: None, role: None }, valid_for).await
}

/// Create a link carrying an organisation and a role (invitations).
pub async fn create_for(db: &Db, purpose: Purpose, link: &Link, valid_for: Duration) -> Result<String, DbError> {
    let token = secrets::random_token();
    let now = OffsetDateTime::now_utc();
    on_db!(db, pool => sqlx::query(
        "INSERT INTO one_time_links (token_hash, purpose, user_id, expires_at, used_at, created_at, organisation_id, role)
         VALUES ($1, $2, $3, $4, NULL, $5, $6, $7)",
    )
    .bind(secrets::fingerprint(&token))
    .bind(purpose.as_str())
    .bind(link.user_id)
    .bind(now + valid_for)
    .bind(now)
    .bind(link.organisation_id)
    .bind(&link.role)
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(token)
}

/// What a valid (unused, unexpired) link grants, without using it.
pub async fn peek(db: &Db, purpose: Purpose, token: &str) -> Result<Option<Link>, DbError> {
    let user = on_db!(db, pool => sqlx::query_as::<_, Link>(
        "SELECT user_id, organisation_id, role FROM one_time_links
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(secrets::fingerprint(token))
    .bind(purpose.as_str())
    .bind(OffsetDateTime::now_utc())
    .fetch_optional(pool)
    .await)?;
    Ok(user)
}

/// Use the link: succeeds once (a second use, even concurrent, gets `None`).
pub async fn consume(db: &Db, purpose: Purpose, token: &str) -> Result<Option<Link>, DbError> {
    let now = OffsetDateTime::now_utc();
    let user = on_db!(db, pool => sqlx::query_as::<_, Link>(
        "UPDATE one_time_links SET used_at = $3
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
         RETURNING user_id, organisation_id, role",
    )
    .bind(secrets::fingerprint(token))
    .bind(purpose.as_str())
    .bind(now)
    .fetch_optional(pool)
    .await)?;
    Ok(user)
}
