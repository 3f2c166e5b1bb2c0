//! Background jobs and the retention job. A job is one row of `jobs` (kind, run after, locked
//! until): whichever process claims it first with a conditional UPDATE runs it, so several
//! instances on one PostgreSQL database never run it twice at once; on SQLite the same statement
//! serialises on the writer lock.
//!
//! Retention: a person without activity for longer than their organisation's period (24 months
//! by default, set on the organisation's settings page) is anonymised — their requests stay in
//! the statistics, unlinked and without private notes, and the record is deleted.

use std::time::Duration;

use relais_core::{Db, DbError, on_db};
use time::OffsetDateTime;

pub const RETENTION_JOB: &str = "retention";
/// How often the retention job runs.
const EVERY: time::Duration = time::Duration::hours(6);
/// How long a claim holds (a crashed runner's claim expires).
const LEASE: time::Duration = time::Duration::minutes(30);

/// Claim a due job; `true` when this caller got it.
pub async fn claim(db: &Db, kind: &str, now: OffsetDateTime) -> Result<bool, DbError> {
    let now = crate::whole_seconds(now);
    on_db!(db, pool => sqlx::query(
        "INSERT INTO jobs (kind, run_after, locked_until, last_run_at, last_result) VALUES ($1, $2, $2, NULL, NULL)
         ON CONFLICT (kind) DO NOTHING",
    )
    .bind(kind)
    .bind(now - time::Duration::seconds(1))
    .execute(pool)
    .await
    .map(|_| ()))?;
    let done = on_db!(db, pool => sqlx::query(
        "UPDATE jobs SET locked_until = $2 WHERE kind = $1 AND run_after <= $3 AND locked_until <= $3",
    )
    .bind(kind)
    .bind(now + LEASE)
    .bind(now)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Record a run's result and when the job is due again; releases the claim.
pub async fn finish(db: &Db, kind: &str, now: OffsetDateTime, result: &str) -> Result<(), DbError> {
    let now = crate::whole_seconds(now);
    on_db!(db, pool => sqlx::query("UPDATE jobs SET run_after = $2, locked_until = $3, last_run_at = $3, last_result = $4 WHERE kind = $1")
        .bind(kind)
        .bind(now + EVERY)
        .bind(now)
        .bind(result)
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Anonymise every person inactive past their organisation's period; returns how many.
pub async fn anonymise_inactive(db: &Db, now: OffsetDateTime) -> Result<usize, DbError> {
    let mut done = 0;
    for (organisation, person) in crate::people::inactive(db, now).await? {
        if crate::people::erase(db, organisation, person).await? {
            done += 1;
        }
    }
    Ok(done)
}

/// Run the retention job if it is due and nobody else holds it. `Some(n)` when it ran.
pub async fn run_due(db: &Db, now: OffsetDateTime) -> Result<Option<usize>, DbError> {
    if !claim(db, RETENTION_JOB, now).await? {
        return Ok(None);
    }
    let result = anonymise_inactive(db, now).await;
    let summary = match &result {
        Ok(n) => format!("anonymised={n}"),
        Err(e) => format!("error: {e}"),
    };
    finish(db, RETENTION_JOB, now, &summary).await?;
    result.map(Some)
}

/// The background loop `relais serve` starts: checks every few minutes whether a job is due.
pub async fn run_forever(db: Db) {
    let mut tick = tokio::time::interval(Duration::from_secs(300));
    loop {
        tick.tick().await;
        match run_due(&db, OffsetDateTime::now_utc()).await {
            Ok(Some(n)) => tracing::info!(job = RETENTION_JOB, anonymised = n, "job done"),
            Ok(None) => {}
            Err(error) => tracing::warn!(job = RETENTION_JOB, %error, "job failed"),
        }
    }
}
