//! The demo data mechanism.
//!
//! The demo data set is a list of [`DemoPart`]s, each loaded through the application's own code
//! (never SQL dumps), so it stays valid as the schema grows. Each domain area adds its part to the
//! list assembled by the binary; `relais demo` loads the parts not loaded yet, in order, and records
//! each in `demo_parts`. The data is deterministic and clearly fictitious.

use std::{future::Future, pin::Pin};

use time::OffsetDateTime;

use crate::{
    db::{Db, DbError},
    on_db, settings,
};

pub type DemoFuture<'a> = Pin<Box<dyn Future<Output = Result<(), DbError>> + Send + 'a>>;

/// One area's share of the demo data set.
#[derive(Clone, Copy)]
pub struct DemoPart {
    /// Stable name, recorded once loaded (e.g. `instance`, `organisations`).
    pub name: &'static str,
    /// Loads the part through the area's own code paths.
    pub load: for<'a> fn(&'a Db) -> DemoFuture<'a>,
}

/// The kernel's own part: marks the instance as a demo instance (the banner on every page).
pub const INSTANCE_PART: DemoPart = DemoPart { name: "instance", load: |db| Box::pin(async move { settings::set(db, settings::DEMO_INSTANCE, "true").await }) };

/// What a run of [`load`] did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct DemoReport {
    pub loaded: Vec<&'static str>,
    pub already_present: Vec<&'static str>,
}

/// Load every part of `parts` not loaded yet, in order. Running it twice changes nothing.
pub async fn load(db: &Db, parts: &[DemoPart]) -> Result<DemoReport, DbError> {
    let mut report = DemoReport::default();
    for (position, part) in parts.iter().enumerate() {
        let present: Option<String> = on_db!(db, pool => sqlx::query_scalar("SELECT name FROM demo_parts WHERE name = $1")
            .bind(part.name)
            .fetch_optional(pool)
            .await)?;
        if present.is_some() {
            report.already_present.push(part.name);
            continue;
        }
        (part.load)(db).await?;
        let position = i64::try_from(position).unwrap_or(i64::MAX);
        on_db!(db, pool => sqlx::query(
            "INSERT INTO demo_parts (name, position, loaded_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING",
        )
        .bind(part.name)
        .bind(position)
        .bind(OffsetDateTime::now_utc())
        .execute(pool)
        .await
        .map(|_| ()))?;
        tracing::info!(part = part.name, "demo data loaded");
        report.loaded.push(part.name);
    }
    Ok(report)
}

/// True when the database holds nothing yet: no demo part, no instance setting, no account.
/// (`serve --demo` loads the demo data only then, so it never mixes with real data.)
pub async fn database_is_empty(db: &Db) -> Result<bool, DbError> {
    let (parts, settings, users): (i64, i64, i64) = on_db!(db, pool => sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM demo_parts), (SELECT COUNT(*) FROM settings), (SELECT COUNT(*) FROM users)",
    )
    .fetch_one(pool)
    .await)?;
    Ok(parts == 0 && settings == 0 && users == 0)
}
