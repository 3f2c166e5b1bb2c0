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

pub async fn create_group(
    db: &Db,
    slug: &str,
    kind: GroupKind,
    name: &str,
    programme: Option<Uuid>,
) -> Result<Uuid, DbError> {
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
        .filter_map(|(id, slug, name, role)| {
            Some(Membership {
                organisation_id: id,
                organisation_slug: slug,
                organisation_name: name,
                role: Role::parse(&role)?,
            })
        })
        .collect())
}
