//! Organisations and the groups that gather them (projects, networks, programmes), and the
//! memberships of users in organisations.

use relais_core::{Db, DbError, on_db};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::model::{GroupKind, GroupRole, OrganisationKind, Role};

/// Default idle timeout of a session, in minutes (configurable per organisation).
pub const DEFAULT_IDLE_TIMEOUT_MINUTES: i64 = 30;

#[derive(Debug, Clone)]
pub struct NewOrganisation<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub kind: OrganisationKind,
    pub municipality: &'a str,
    /// Language codes, e.g. `fr,nl`.
    pub languages: &'a str,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub website: Option<&'a str>,
}

pub async fn create(db: &Db, new: &NewOrganisation<'_>) -> Result<Uuid, DbError> {
    let id = Uuid::new_v4();
    on_db!(db, pool => sqlx::query(
        "INSERT INTO organisations (id, slug, name, kind, municipality, languages, email, phone, website,
                                    idle_timeout_minutes, require_second_factor, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(id)
    .bind(new.slug)
    .bind(new.name)
    .bind(new.kind.as_str())
    .bind(new.municipality)
    .bind(new.languages)
    .bind(new.email)
    .bind(new.phone)
    .bind(new.website)
    .bind(DEFAULT_IDLE_TIMEOUT_MINUTES)
    .bind(true)
    .bind(OffsetDateTime::now_utc())
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(id)
}

pub async fn create_group(db: &Db, slug: &str, kind: GroupKind, name: &str, programme: Option<Uuid>) -> Result<Uuid, DbError> {
    let id = Uuid::new_v4();
    on_db!(db, pool => sqlx::query(
        "INSERT INTO groups (id, slug, kind, name, programme_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(slug)
    .bind(kind.as_str())
    .bind(name)
    .bind(programme)
    .bind(OffsetDateTime::now_utc())
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(id)
}

pub async fn add_to_group(db: &Db, group: Uuid, organisation: Uuid, role: GroupRole) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query(
        "INSERT INTO group_members (group_id, organisation_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (group_id, organisation_id) DO UPDATE SET role = excluded.role",
    )
    .bind(group)
    .bind(organisation)
    .bind(role.as_str())
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Give `user` a role in `organisation` (one role per organisation).
pub async fn add_member(db: &Db, user: Uuid, organisation: Uuid, role: Role) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query(
        "INSERT INTO memberships (user_id, organisation_id, role, active, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id, organisation_id) DO UPDATE SET role = excluded.role, active = excluded.active",
    )
    .bind(user)
    .bind(organisation)
    .bind(role.as_str())
    .bind(true)
    .bind(OffsetDateTime::now_utc())
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// One of a user's memberships, with what pages show of the organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub organisation_id: Uuid,
    pub organisation_slug: String,
    pub organisation_name: String,
    pub role: Role,
}

/// The user's active memberships, by organisation name.
pub async fn memberships_of(db: &Db, user: Uuid) -> Result<Vec<Membership>, DbError> {
    let rows: Vec<(Uuid, String, String, String)> = on_db!(db, pool => sqlx::query_as(
        "SELECT o.id, o.slug, o.name, m.role FROM memberships m
         JOIN organisations o ON o.id = m.organisation_id
         WHERE m.user_id = $1 AND m.active = $2 ORDER BY o.name",
    )
    .bind(user)
    .bind(true)
    .fetch_all(pool)
    .await)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, slug, name, role)| Some(Membership { organisation_id: id, organisation_slug: slug, organisation_name: name, role: Role::parse(&role)? }))
        .collect())
}

/// An organisation as its pages show it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Organisation {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub municipality: String,
    pub languages: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    /// BCE/KBO number, `0123.456.789`.
    pub company_number: Option<String>,
}

pub async fn find_by_slug(db: &Db, slug: &str) -> Result<Option<Organisation>, DbError> {
    let row = on_db!(db, pool => sqlx::query_as::<_, Organisation>(
        "SELECT id, slug, name, kind, municipality, languages, email, phone, website, company_number FROM organisations WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(pool)
    .await)?;
    Ok(row)
}

/// The groups an organisation belongs to: (group slug, name, kind, its role there).
pub async fn groups_of(db: &Db, organisation: Uuid) -> Result<Vec<(String, String, String, String)>, DbError> {
    let rows = on_db!(db, pool => sqlx::query_as(
        "SELECT g.slug, g.name, g.kind, gm.role FROM group_members gm JOIN groups g ON g.id = gm.group_id
         WHERE gm.organisation_id = $1 ORDER BY g.kind, g.name",
    )
    .bind(organisation)
    .fetch_all(pool)
    .await)?;
    Ok(rows)
}

/// One line of the members page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Member {
    pub user_id: Uuid,
    pub display_name: String,
    pub email: String,
    pub role: String,
    pub active: bool,
    /// No password yet: the invitation is pending.
    pub invited: bool,
}

pub async fn members_of(db: &Db, organisation: Uuid) -> Result<Vec<Member>, DbError> {
    let rows = on_db!(db, pool => sqlx::query_as::<_, Member>(
        "SELECT u.id AS user_id, u.display_name, u.email, m.role, m.active,
                (u.password_hash IS NULL) AS invited
         FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.organisation_id = $1 ORDER BY m.active DESC, u.display_name",
    )
    .bind(organisation)
    .fetch_all(pool)
    .await)?;
    Ok(rows)
}

/// Change a member's role; false when they are not a member.
pub async fn set_role(db: &Db, organisation: Uuid, user: Uuid, role: Role) -> Result<bool, DbError> {
    let n = on_db!(db, pool => sqlx::query("UPDATE memberships SET role = $3 WHERE organisation_id = $1 AND user_id = $2")
        .bind(organisation)
        .bind(user)
        .bind(role.as_str())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// Activate or deactivate a membership (history stays: nothing is deleted).
pub async fn set_active(db: &Db, organisation: Uuid, user: Uuid, active: bool) -> Result<bool, DbError> {
    let n = on_db!(db, pool => sqlx::query("UPDATE memberships SET active = $3 WHERE organisation_id = $1 AND user_id = $2")
        .bind(organisation)
        .bind(user)
        .bind(active)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// Record an invited membership (inactive until the invitation is accepted).
pub async fn add_invited_member(db: &Db, user: Uuid, organisation: Uuid, role: Role) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query(
        "INSERT INTO memberships (user_id, organisation_id, role, active, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id, organisation_id) DO UPDATE SET role = excluded.role",
    )
    .bind(user)
    .bind(organisation)
    .bind(role.as_str())
    .bind(false)
    .bind(OffsetDateTime::now_utc())
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(())
}

pub async fn find_by_id(db: &Db, id: Uuid) -> Result<Option<Organisation>, DbError> {
    let row = on_db!(db, pool => sqlx::query_as::<_, Organisation>(
        "SELECT id, slug, name, kind, municipality, languages, email, phone, website, company_number FROM organisations WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await)?;
    Ok(row)
}

/// Whether coordinators and workers of the organisation must use a second factor (on by default).
pub async fn set_require_second_factor(db: &Db, organisation: Uuid, required: bool) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("UPDATE organisations SET require_second_factor = $2 WHERE id = $1")
        .bind(organisation)
        .bind(required)
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// (idle timeout in minutes, second factor required) of an organisation.
pub async fn settings_of(db: &Db, organisation: Uuid) -> Result<(i64, bool), DbError> {
    let row: Option<(i64, bool)> = on_db!(db, pool => sqlx::query_as(
        "SELECT idle_timeout_minutes, require_second_factor FROM organisations WHERE id = $1",
    )
    .bind(organisation)
    .fetch_optional(pool)
    .await)?;
    Ok(row.unwrap_or((DEFAULT_IDLE_TIMEOUT_MINUTES, true)))
}

/// How many months without activity before a person's record is anonymised (24 by default).
pub async fn retention_months_of(db: &Db, organisation: Uuid) -> Result<i64, DbError> {
    let row: Option<i64> = on_db!(db, pool => sqlx::query_scalar("SELECT retention_months FROM organisations WHERE id = $1")
        .bind(organisation)
        .fetch_optional(pool)
        .await)?;
    Ok(row.unwrap_or(DEFAULT_RETENTION_MONTHS))
}

pub const DEFAULT_RETENTION_MONTHS: i64 = 24;

/// Sets (or, with `None`, clears) the organisation's BCE/KBO number (checked by
/// [`crate::company_number::parse`]).
pub async fn set_company_number(db: &Db, organisation: Uuid, number: Option<&str>) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("UPDATE organisations SET company_number = $2 WHERE id = $1")
        .bind(organisation)
        .bind(number)
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// The settings page's fields, saved together: idle timeout, second factor required, BCE/KBO
/// number (already checked by [`crate::company_number::parse`]; `None` clears it).
pub async fn save_settings(
    db: &Db,
    organisation: Uuid,
    idle_minutes: i64,
    require_second_factor: bool,
    company_number: Option<&str>,
    retention_months: i64,
) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query(
        "UPDATE organisations SET idle_timeout_minutes = $2, require_second_factor = $3, company_number = $4, retention_months = $5 WHERE id = $1",
    )
    .bind(organisation)
    .bind(idle_minutes)
    .bind(require_second_factor)
    .bind(company_number)
    .bind(retention_months)
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(())
}
