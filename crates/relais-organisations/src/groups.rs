//! Groups of organisations (projects, networks, programmes) and the **group scopes** granted on
//! them: a coordinator or viewer holding a scope sees the group's aggregates, never another
//! organisation's records. A programme scope covers the programme's projects and networks too.

use std::collections::BTreeMap;

use relais_core::{Db, DbError, on_db};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::model::Role;

/// A project, network or programme.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Group {
    pub id: Uuid,
    pub slug: String,
    pub kind: String,
    pub name: String,
    pub programme_id: Option<Uuid>,
}

pub async fn find_by_slug(db: &Db, slug: &str) -> Result<Option<Group>, DbError> {
    let row = on_db!(db, pool => sqlx::query_as::<_, Group>(
        "SELECT id, slug, kind, name, programme_id FROM groups WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(pool)
    .await)?;
    Ok(row)
}

pub async fn find_by_id(db: &Db, id: Uuid) -> Result<Option<Group>, DbError> {
    let row = on_db!(db, pool => sqlx::query_as::<_, Group>(
        "SELECT id, slug, kind, name, programme_id FROM groups WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await)?;
    Ok(row)
}

/// The projects and networks of a programme.
pub async fn parts_of(db: &Db, programme: Uuid) -> Result<Vec<Group>, DbError> {
    let rows = on_db!(db, pool => sqlx::query_as::<_, Group>(
        "SELECT id, slug, kind, name, programme_id FROM groups WHERE programme_id = $1 ORDER BY kind, name",
    )
    .bind(programme)
    .fetch_all(pool)
    .await)?;
    Ok(rows)
}

/// An organisation covered by a group.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CoveredOrganisation {
    pub organisation_id: Uuid,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub municipality: String,
    /// Its role in the group itself (`lead`, `partner`, `host-venue`), or in the programme's
    /// project or network that brings it in.
    pub role: String,
    /// Whether it belongs to the group directly (not through one of a programme's parts).
    pub direct: bool,
}

/// The organisations a group covers: its members and, for a programme, the members of its
/// projects and networks. One line per organisation (a direct membership wins).
pub async fn covered_organisations(db: &Db, group: Uuid) -> Result<Vec<CoveredOrganisation>, DbError> {
    let rows: Vec<CoveredOrganisation> = on_db!(db, pool => sqlx::query_as::<_, CoveredOrganisation>(
        "SELECT o.id AS organisation_id, o.slug, o.name, o.kind, o.municipality, gm.role,
                (g.id = $1) AS direct
         FROM group_members gm
         JOIN groups g ON g.id = gm.group_id
         JOIN organisations o ON o.id = gm.organisation_id
         WHERE g.id = $1 OR g.programme_id = $1
         ORDER BY o.name",
    )
    .bind(group)
    .fetch_all(pool)
    .await)?;
    let mut unique: BTreeMap<Uuid, CoveredOrganisation> = BTreeMap::new();
    for row in rows {
        match unique.get(&row.organisation_id) {
            Some(existing) if existing.direct || !row.direct => {}
            _ => {
                unique.insert(row.organisation_id, row);
            }
        }
    }
    let mut list: Vec<CoveredOrganisation> = unique.into_values().collect();
    list.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(list)
}

/// Whether `user` holds a scope on `group` or on the programme it belongs to.
pub async fn holds_scope(db: &Db, user: Uuid, group: &Group) -> Result<bool, DbError> {
    let programme = group.programme_id.unwrap_or(group.id);
    let found: i64 = on_db!(db, pool => sqlx::query_scalar(
        "SELECT COUNT(*) FROM group_scopes WHERE user_id = $1 AND (group_id = $2 OR group_id = $3)",
    )
    .bind(user)
    .bind(group.id)
    .bind(programme)
    .fetch_one(pool)
    .await)?;
    Ok(found > 0)
}

/// A scope granted to a user, as their account page and the API show it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ScopeOfUser {
    pub slug: String,
    pub name: String,
    pub kind: String,
}

pub async fn scopes_of(db: &Db, user: Uuid) -> Result<Vec<ScopeOfUser>, DbError> {
    let rows = on_db!(db, pool => sqlx::query_as::<_, ScopeOfUser>(
        "SELECT g.slug, g.name, g.kind FROM group_scopes s JOIN groups g ON g.id = s.group_id
         WHERE s.user_id = $1 ORDER BY g.kind, g.name",
    )
    .bind(user)
    .fetch_all(pool)
    .await)?;
    Ok(rows)
}

/// A holder of a scope on a group, for its scopes page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ScopeHolder {
    pub user_id: Uuid,
    pub display_name: String,
    pub email: String,
    pub granted_at: OffsetDateTime,
    pub granted_by: Option<String>,
}

pub async fn holders_of(db: &Db, group: Uuid) -> Result<Vec<ScopeHolder>, DbError> {
    let rows = on_db!(db, pool => sqlx::query_as::<_, ScopeHolder>(
        "SELECT u.id AS user_id, u.display_name, u.email, s.granted_at, g.display_name AS granted_by
         FROM group_scopes s JOIN users u ON u.id = s.user_id
         LEFT JOIN users g ON g.id = s.granted_by
         WHERE s.group_id = $1 ORDER BY u.display_name",
    )
    .bind(group)
    .fetch_all(pool)
    .await)?;
    Ok(rows)
}

/// Someone who may receive a scope on a group: an active coordinator or viewer of an
/// organisation the group covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub user_id: Uuid,
    pub display_name: String,
    pub email: String,
    pub organisation: String,
    pub role: Role,
}

pub async fn candidates_for(db: &Db, group: Uuid) -> Result<Vec<Candidate>, DbError> {
    let rows: Vec<(Uuid, String, String, String, String)> = on_db!(db, pool => sqlx::query_as(
        "SELECT DISTINCT u.id, u.display_name, u.email, o.name, m.role
         FROM memberships m
         JOIN users u ON u.id = m.user_id
         JOIN organisations o ON o.id = m.organisation_id
         JOIN group_members gm ON gm.organisation_id = o.id
         JOIN groups g ON g.id = gm.group_id
         WHERE (g.id = $1 OR g.programme_id = $1)
           AND m.active = $2 AND u.active = $2 AND u.password_hash IS NOT NULL
           AND m.role IN ('coordinator', 'viewer')
         ORDER BY u.display_name, o.name",
    )
    .bind(group)
    .bind(true)
    .fetch_all(pool)
    .await)?;
    Ok(rows
        .into_iter()
        .filter_map(|(user_id, display_name, email, organisation, role)| Some(Candidate { user_id, display_name, email, organisation, role: Role::parse(&role)? }))
        .collect())
}

/// Grant a scope; false when the user held it already.
pub async fn grant(db: &Db, group: Uuid, user: Uuid, granted_by: Option<Uuid>) -> Result<bool, DbError> {
    let n = on_db!(db, pool => sqlx::query(
        "INSERT INTO group_scopes (user_id, group_id, granted_by, granted_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, group_id) DO NOTHING",
    )
    .bind(user)
    .bind(group)
    .bind(granted_by)
    .bind(OffsetDateTime::now_utc())
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// Revoke a scope; false when the user did not hold it.
pub async fn revoke(db: &Db, group: Uuid, user: Uuid) -> Result<bool, DbError> {
    let n = on_db!(db, pool => sqlx::query("DELETE FROM group_scopes WHERE user_id = $1 AND group_id = $2")
        .bind(user)
        .bind(group)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// The group's aggregate figures today: per covered organisation, the number of active helpers
/// on Relais by role. (The reports issue adds the activity indicators.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelperCounts {
    pub coordinators: i64,
    pub workers: i64,
    pub volunteers: i64,
    pub viewers: i64,
}

impl HelperCounts {
    pub fn total(&self) -> i64 {
        self.coordinators + self.workers + self.volunteers + self.viewers
    }

    fn add(&mut self, role: Role, n: i64) {
        match role {
            Role::Coordinator => self.coordinators += n,
            Role::Worker => self.workers += n,
            Role::Volunteer => self.volunteers += n,
            Role::Viewer => self.viewers += n,
        }
    }
}

pub async fn helper_counts(db: &Db, group: Uuid) -> Result<BTreeMap<Uuid, HelperCounts>, DbError> {
    let rows: Vec<(Uuid, String, i64)> = on_db!(db, pool => sqlx::query_as(
        "SELECT m.organisation_id, m.role, COUNT(*) FROM memberships m
         JOIN users u ON u.id = m.user_id
         WHERE m.active = $2 AND u.active = $2 AND m.organisation_id IN (
             SELECT gm.organisation_id FROM group_members gm JOIN groups g ON g.id = gm.group_id
             WHERE g.id = $1 OR g.programme_id = $1)
         GROUP BY m.organisation_id, m.role",
    )
    .bind(group)
    .bind(true)
    .fetch_all(pool)
    .await)?;
    let mut counts: BTreeMap<Uuid, HelperCounts> = BTreeMap::new();
    for (organisation, role, n) in rows {
        if let Some(role) = Role::parse(&role) {
            counts.entry(organisation).or_default().add(role, n);
        }
    }
    Ok(counts)
}
