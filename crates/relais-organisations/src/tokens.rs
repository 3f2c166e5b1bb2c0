//! Personal API tokens: named, revocable, shown once (`relais_…`), stored as a fingerprint.
//! `Authorization: Bearer` with a token gives the same rights as its person.

use relais_core::{Db, DbError, on_db, secrets};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

pub const PREFIX: &str = "relais_";
/// A token's use is written to the audit log at most this often.
const AUDIT_EVERY: Duration = Duration::hours(1);

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Token {
    pub id: Uuid,
    pub name: String,
    pub created_at: OffsetDateTime,
    pub last_used_at: Option<OffsetDateTime>,
    pub revoked_at: Option<OffsetDateTime>,
}

/// Create a token; returns its id and the secret (shown once).
pub async fn create(db: &Db, user: Uuid, name: &str) -> Result<(Uuid, String), DbError> {
    let id = Uuid::new_v4();
    let secret = format!("{PREFIX}{}", secrets::random_token());
    on_db!(db, pool => sqlx::query(
        "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, last_used_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, NULL, NULL)",
    )
    .bind(id)
    .bind(user)
    .bind(name.trim())
    .bind(secrets::fingerprint(&secret))
    .bind(OffsetDateTime::now_utc())
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok((id, secret))
}

pub async fn list(db: &Db, user: Uuid) -> Result<Vec<Token>, DbError> {
    let rows = on_db!(db, pool => sqlx::query_as::<_, Token>(
        "SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC",
    )
    .bind(user)
    .fetch_all(pool)
    .await)?;
    Ok(rows)
}

/// Revoke one of the user's tokens; false when it is not theirs or already revoked.
pub async fn revoke(db: &Db, user: Uuid, id: Uuid) -> Result<bool, DbError> {
    let n = on_db!(db, pool => sqlx::query(
        "UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL",
    )
    .bind(id)
    .bind(user)
    .bind(OffsetDateTime::now_utc())
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// The owner of a valid token, and whether this use should be audited (first use in an hour).
pub async fn authenticate(db: &Db, secret: &str) -> Result<Option<(Uuid, Uuid, bool)>, DbError> {
    if !secret.starts_with(PREFIX) || secret.len() != PREFIX.len() + 64 {
        return Ok(None);
    }
    let row: Option<(Uuid, Uuid, Option<OffsetDateTime>)> = on_db!(db, pool => sqlx::query_as(
        "SELECT t.id, t.user_id, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active = $2",
    )
    .bind(secrets::fingerprint(secret))
    .bind(true)
    .fetch_optional(pool)
    .await)?;
    let Some((id, user, last_used)) = row else { return Ok(None) };
    let now = OffsetDateTime::now_utc();
    let audit = last_used.is_none_or(|at| now - at > AUDIT_EVERY);
    if audit {
        on_db!(db, pool => sqlx::query("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1")
            .bind(id)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ()))?;
    }
    Ok(Some((id, user, audit)))
}

/// The token's person with their active memberships, in one query (the API authenticates every
/// call): `(token id, person, whether this use goes to the audit log)`, or `None` when the token
/// is unknown, revoked, or its person deactivated.
pub async fn authenticate_user(db: &Db, secret: &str) -> Result<Option<(Uuid, crate::sessions::CurrentUser, bool)>, DbError> {
    use crate::{model::Role, organisations::Membership};
    if !secret.starts_with(PREFIX) || secret.len() != PREFIX.len() + 64 {
        return Ok(None);
    }
    type Row = (Uuid, Option<OffsetDateTime>, Uuid, String, String, String, bool, Option<Uuid>, Option<String>, Option<String>, Option<String>);
    let rows: Vec<Row> = on_db!(db, pool => sqlx::query_as(
        "SELECT t.id, t.last_used_at, u.id, u.email, u.display_name, u.locale, u.is_admin, o.id, o.slug, o.name, m.role
         FROM api_tokens t
         JOIN users u ON u.id = t.user_id
         LEFT JOIN memberships m ON m.user_id = u.id AND m.active = $2
         LEFT JOIN organisations o ON o.id = m.organisation_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active = $2
         ORDER BY o.name",
    )
    .bind(secrets::fingerprint(secret))
    .bind(true)
    .fetch_all(pool)
    .await)?;
    let Some(first) = rows.first() else { return Ok(None) };
    let (token_id, last_used, user_id) = (first.0, first.1, first.2);
    let user = crate::sessions::CurrentUser {
        id: user_id,
        email: first.3.clone(),
        display_name: first.4.clone(),
        locale: relais_core::i18n::Locale::parse(&first.5).unwrap_or_default(),
        is_admin: first.6,
        memberships: rows
            .iter()
            .filter_map(|r| Some(Membership { organisation_id: r.7?, organisation_slug: r.8.clone()?, organisation_name: r.9.clone()?, role: Role::parse(r.10.as_deref()?)? }))
            .collect(),
        token: String::new(),
        second_factor_pending: false,
        must_enrol: false,
    };
    let now = OffsetDateTime::now_utc();
    let audit = last_used.is_none_or(|at| now - at > AUDIT_EVERY);
    if audit {
        on_db!(db, pool => sqlx::query("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1")
            .bind(token_id)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ()))?;
    }
    Ok(Some((token_id, user, audit)))
}
