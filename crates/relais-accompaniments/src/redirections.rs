//! Redirections: a request sent on to a partner organisation on Relais (or one of its places), or
//! to a service in the organisation's own register of referral targets. A partner on Relais sees
//! its incoming redirections and closes the loop (accepted, helped, not reached).

use relais_core::{Db, DbError, on_db};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::vocabulary;

pub const MAX_REASON: usize = 500;

/// Where a request is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Organisation(Uuid),
    Place { organisation: Uuid, place: Uuid },
    Referral(Uuid),
}

impl Target {
    /// Parse the form's value: `org:{id}`, `place:{id}` (the organisation looked up by the
    /// caller) or `ref:{id}`.
    pub fn parse_kind(value: &str) -> Option<(&str, Uuid)> {
        let (kind, id) = value.split_once(':')?;
        Some((kind, Uuid::parse_str(id).ok()?))
    }
}

pub async fn create(db: &Db, organisation: Uuid, accompaniment: Uuid, target: Target, reason: &str) -> Result<Uuid, DbError> {
    let id = Uuid::new_v4();
    let now = crate::now();
    let (target_organisation, target_place, referral) = match target {
        Target::Organisation(o) => (Some(o), None, None),
        Target::Place { organisation, place } => (Some(organisation), Some(place), None),
        Target::Referral(r) => (None, None, Some(r)),
    };
    on_db!(db, pool => sqlx::query(
        "INSERT INTO redirections (id, organisation_id, accompaniment_id, target_organisation_id, target_place_id,
            referral_target_id, reason, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'sent', $8, $8)",
    )
    .bind(id)
    .bind(organisation)
    .bind(accompaniment)
    .bind(target_organisation)
    .bind(target_place)
    .bind(referral)
    .bind(reason)
    .bind(now)
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(id)
}

/// A redirection as either side lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Redirection {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub from_name: String,
    pub accompaniment_id: Uuid,
    pub target_organisation_id: Option<Uuid>,
    pub target_name: Option<String>,
    pub target_place_id: Option<Uuid>,
    pub referral_name: Option<String>,
    pub reason: String,
    pub status: String,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub themes: String,
    pub online_service: String,
}

const SELECT: &str = "SELECT r.id, r.organisation_id, f.name AS from_name, r.accompaniment_id, r.target_organisation_id,
        t.name AS target_name, r.target_place_id, rt.name AS referral_name, r.reason, r.status, r.created_at, r.updated_at,
        a.themes, a.online_service
    FROM redirections r
    JOIN organisations f ON f.id = r.organisation_id
    JOIN accompaniments a ON a.id = r.accompaniment_id
    LEFT JOIN organisations t ON t.id = r.target_organisation_id
    LEFT JOIN referral_targets rt ON rt.id = r.referral_target_id";

/// Redirections sent by the organisation, newest first.
pub async fn outgoing(db: &Db, organisation: Uuid, limit: i64) -> Result<Vec<Redirection>, DbError> {
    let sql = format!("{SELECT} WHERE r.organisation_id = $1 ORDER BY r.created_at DESC LIMIT $2");
    Ok(on_db!(db, pool => sqlx::query_as::<_, Redirection>(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).bind(limit).fetch_all(pool).await)?)
}

/// Redirections received by the organisation (it is on Relais), newest first.
pub async fn incoming(db: &Db, organisation: Uuid, limit: i64) -> Result<Vec<Redirection>, DbError> {
    let sql = format!("{SELECT} WHERE r.target_organisation_id = $1 ORDER BY r.created_at DESC LIMIT $2");
    Ok(on_db!(db, pool => sqlx::query_as::<_, Redirection>(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).bind(limit).fetch_all(pool).await)?)
}

/// Redirections of one request (its sender's view).
pub async fn of_accompaniment(db: &Db, organisation: Uuid, accompaniment: Uuid) -> Result<Vec<Redirection>, DbError> {
    let sql = format!("{SELECT} WHERE r.organisation_id = $1 AND r.accompaniment_id = $2 ORDER BY r.created_at");
    Ok(on_db!(db, pool => sqlx::query_as::<_, Redirection>(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).bind(accompaniment).fetch_all(pool).await)?)
}

/// The receiving organisation reports where a redirection stands. `false` when it is not one of
/// its incoming redirections or the status is unknown.
pub async fn set_status(db: &Db, receiver: Uuid, id: Uuid, status: &str) -> Result<bool, DbError> {
    if !vocabulary::contains(vocabulary::REDIRECTION_STATUSES, status) || status == "sent" {
        return Ok(false);
    }
    let done = on_db!(db, pool => sqlx::query(
        "UPDATE redirections SET status = $3, updated_at = $4 WHERE target_organisation_id = $1 AND id = $2",
    )
    .bind(receiver)
    .bind(id)
    .bind(status)
    .bind(crate::now())
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// One service of the organisation's register of referral targets.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReferralTarget {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub name: String,
    pub kind: String,
    pub contact: String,
    /// Space-separated language codes.
    pub languages: String,
    pub active: bool,
}

pub async fn referral_targets(db: &Db, organisation: Uuid) -> Result<Vec<ReferralTarget>, DbError> {
    Ok(on_db!(db, pool => sqlx::query_as::<_, ReferralTarget>(
        "SELECT id, organisation_id, name, kind, contact, languages, active FROM referral_targets
         WHERE organisation_id = $1 ORDER BY active DESC, name",
    )
    .bind(organisation)
    .fetch_all(pool)
    .await)?)
}

/// Add a referral target (idempotent on `id`).
pub async fn add_referral_target(db: &Db, id: Uuid, organisation: Uuid, name: &str, kind: &str, contact: &str, languages: &[String]) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query(
        "INSERT INTO referral_targets (id, organisation_id, name, kind, contact, languages, active, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(organisation)
    .bind(name)
    .bind(kind)
    .bind(contact)
    .bind(languages.join(" "))
    .bind(true)
    .bind(crate::now())
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Retire or bring back a referral target (kept for the redirections that name it).
pub async fn set_referral_active(db: &Db, organisation: Uuid, id: Uuid, active: bool) -> Result<bool, DbError> {
    let done = on_db!(db, pool => sqlx::query("UPDATE referral_targets SET active = $3 WHERE organisation_id = $1 AND id = $2")
        .bind(organisation)
        .bind(id)
        .bind(active)
        .execute(pool)
        .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Organisations a request may be sent to: every other organisation with a published place.
pub async fn partner_organisations(db: &Db, except: Uuid) -> Result<Vec<(Uuid, String)>, DbError> {
    Ok(on_db!(db, pool => sqlx::query_as(
        "SELECT o.id, o.name FROM organisations o WHERE o.id <> $1
           AND EXISTS (SELECT 1 FROM places p WHERE p.organisation_id = o.id AND p.published = $2)
         ORDER BY o.name",
    )
    .bind(except)
    .bind(true)
    .fetch_all(pool)
    .await)?)
}
