//! Mobile units (a bus, the Digikar, a cargo bike): a unit's stops are places of kind
//! `mobile-stop` carrying the unit's id, each with its own sessions (a recurrence, or one-off
//! dates as extra sessions). The public sees the unit's next stops; a calendar feed lists them.

use relais_core::{Db, DbError, on_db};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::places;

/// Kinds of unit: (code, Fluent key).
pub const UNIT_KINDS: &[(&str, &str)] = &[("bus", "unit-kind-bus"), ("van", "unit-kind-van"), ("cargo-bike", "unit-kind-cargo-bike"), ("other", "unit-kind-other")];

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Unit {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub kind: String,
    pub name: String,
}

pub async fn create(db: &Db, id: Uuid, organisation: Uuid, kind: &str, name: &str) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query(
        "INSERT INTO mobile_units (id, organisation_id, kind, name, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(organisation)
    .bind(kind)
    .bind(name)
    .bind(OffsetDateTime::now_utc())
    .execute(pool)
    .await
    .map(|_| ()))?;
    places::changed(db).await
}

pub async fn find(db: &Db, id: Uuid) -> Result<Option<Unit>, DbError> {
    let row = on_db!(db, pool => sqlx::query_as::<_, Unit>("SELECT id, organisation_id, kind, name FROM mobile_units WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await)?;
    Ok(row)
}

pub async fn of_organisation(db: &Db, organisation: Uuid) -> Result<Vec<Unit>, DbError> {
    let rows = on_db!(db, pool => sqlx::query_as::<_, Unit>(
        "SELECT id, organisation_id, kind, name FROM mobile_units WHERE organisation_id = $1 ORDER BY name",
    )
    .bind(organisation)
    .fetch_all(pool)
    .await)?;
    Ok(rows)
}

pub async fn all(db: &Db) -> Result<Vec<Unit>, DbError> {
    let rows = on_db!(db, pool => sqlx::query_as::<_, Unit>("SELECT id, organisation_id, kind, name FROM mobile_units ORDER BY name")
        .fetch_all(pool)
        .await)?;
    Ok(rows)
}
