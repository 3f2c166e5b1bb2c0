//! Monthly roll-ups of the accompaniment log. A run finds the organisation-months that received
//! requests since the previous run (by `created_at`, with a safety margin) and recomputes each
//! from its raw rows, in Rust, so that both engines produce the same rows. Recomputing is
//! idempotent: an overlap between runs costs time, never a double count.

use std::collections::{BTreeMap, BTreeSet};

use relais_core::{Db, DbError, on_db};
use time::{Date, Month, OffsetDateTime};
use uuid::Uuid;

/// Runs overlap by this much: a request committed a little after its `created_at` is not missed.
const MARGIN: time::Duration = time::Duration::minutes(5);
const JOB: &str = "rollup";

/// The dimensions of the roll-up, as stored.
pub const DIMENSIONS: &[&str] = &["total", "theme", "online-service", "outcome", "autonomy", "setting", "place", "helper-kind", "weekday", "hour"];

/// "2026-11" for an instant (Europe/Brussels).
pub fn month_of(at: OffsetDateTime) -> String {
    let zoned = local(at);
    format!("{:04}-{:02}", zoned.year(), zoned.month())
}

fn local(at: OffsetDateTime) -> jiff::Zoned {
    jiff::Timestamp::from_second(at.unix_timestamp()).unwrap_or(jiff::Timestamp::UNIX_EPOCH).to_zoned(relais_directory::schedule::zone())
}

/// The instants a month starts and ends (Europe/Brussels), as UTC.
pub fn month_bounds(month: &str) -> Option<(OffsetDateTime, OffsetDateTime)> {
    let (y, m) = month.split_once('-')?;
    let (y, m): (i16, i8) = (y.parse().ok()?, m.parse().ok()?);
    let start = jiff::civil::date(y, m, 1).to_zoned(relais_directory::schedule::zone()).ok()?;
    let end = start.checked_add(jiff::Span::new().months(1)).ok()?;
    let utc = |z: &jiff::Zoned| OffsetDateTime::from_unix_timestamp(z.timestamp().as_second()).ok();
    Some((utc(&start)?, utc(&end)?))
}

/// The month after `month`.
pub fn next_month(month: &str) -> Option<String> {
    let (y, m) = month.split_once('-')?;
    let (y, m): (i32, u8) = (y.parse().ok()?, m.parse().ok()?);
    let date = Date::from_calendar_date(y, Month::try_from(m).ok()?, 1).ok()?;
    let next = date.replace_day(28).ok()?.checked_add(time::Duration::days(5))?;
    Some(format!("{:04}-{:02}", next.year(), next.month() as u8))
}

/// One refresh at a time in this process (two at once would only repeat the same work).
static REFRESHING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Recompute the roll-ups that new requests touched; returns how many organisation-months.
/// (Two instances refreshing at once converge: rows are upserted.)
pub async fn refresh(db: &Db) -> Result<usize, DbError> {
    let _one_at_a_time = REFRESHING.lock().await;
    let now = relais_core::clock::now();
    let last: Option<OffsetDateTime> = on_db!(db, pool => sqlx::query_scalar("SELECT last_run_at FROM job_marks WHERE kind = $1")
        .bind(JOB)
        .fetch_optional(pool)
        .await)?
    .flatten();
    let since = last.map(|at| at - MARGIN).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let touched: Vec<(Uuid, OffsetDateTime)> = on_db!(db, pool => sqlx::query_as(
        "SELECT DISTINCT organisation_id, started_at FROM accompaniments WHERE created_at >= $1",
    )
    .bind(since)
    .fetch_all(pool)
    .await)?;
    let months: BTreeSet<(Uuid, String)> = touched.into_iter().map(|(o, at)| (o, month_of(at))).collect();
    for (organisation, month) in &months {
        recompute(db, *organisation, month).await?;
    }
    on_db!(db, pool => sqlx::query(
        "INSERT INTO job_marks (kind, last_run_at, last_result) VALUES ($1, $2, $3)
         ON CONFLICT (kind) DO UPDATE SET last_run_at = $2, last_result = $3",
    )
    .bind(JOB)
    .bind(now)
    .bind(format!("months={}", months.len()))
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(months.len())
}

type Raw = (String, String, String, String, String, Option<Uuid>, String, OffsetDateTime, i64, Option<Uuid>);

/// Recompute one organisation-month from its raw rows.
pub async fn recompute(db: &Db, organisation: Uuid, month: &str) -> Result<(), DbError> {
    let Some((start, end)) = month_bounds(month) else { return Ok(()) };
    let rows: Vec<Raw> = on_db!(db, pool => sqlx::query_as(
        "SELECT themes, online_service, outcome, autonomy, setting, place_id, helper_kind, started_at, minutes, person_id
         FROM accompaniments WHERE organisation_id = $1 AND started_at >= $2 AND started_at < $3",
    )
    .bind(organisation)
    .bind(start)
    .bind(end)
    .fetch_all(pool)
    .await)?;
    let mut cells: BTreeMap<(&'static str, String), (i64, i64)> = BTreeMap::new();
    let mut people = BTreeSet::new();
    for (themes, service, outcome, autonomy, setting, place, helper_kind, started_at, minutes, person) in &rows {
        let mut add = |dimension: &'static str, value: String| {
            let cell = cells.entry((dimension, value)).or_insert((0, 0));
            cell.0 += 1;
            cell.1 += minutes;
        };
        add("total", String::new());
        for theme in themes.split_whitespace() {
            add("theme", theme.to_string());
        }
        add("online-service", service.clone());
        add("outcome", outcome.clone());
        add("autonomy", autonomy.clone());
        add("setting", setting.clone());
        add("place", place.map(|p| p.to_string()).unwrap_or_default());
        add("helper-kind", helper_kind.clone());
        let zoned = local(*started_at);
        // Weekday and hour apart (7 + 24 rows, not 168): roll-ups stay small as activity grows.
        add("weekday", zoned.weekday().to_monday_one_offset().to_string());
        add("hour", format!("{:02}", zoned.hour()));
        if let Some(person) = person {
            people.insert(*person);
        }
    }
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM activity_rollup WHERE organisation_id = $1 AND month = $2").bind(organisation).bind(month).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM people_months WHERE organisation_id = $1 AND month = $2").bind(organisation).bind(month).execute(&mut *tx).await?;
        // One multi-row INSERT per 100 cells (6 parameters a row).
        let cells: Vec<_> = cells.iter().collect();
        for chunk in cells.chunks(100) {
            let values = (0..chunk.len()).map(|i| format!("(${}, ${}, ${}, ${}, ${}, ${})", i * 6 + 1, i * 6 + 2, i * 6 + 3, i * 6 + 4, i * 6 + 5, i * 6 + 6)).collect::<Vec<_>>().join(", ");
            let sql = format!(
                "INSERT INTO activity_rollup (organisation_id, month, dimension, value, requests, minutes) VALUES {values}
                 ON CONFLICT (organisation_id, month, dimension, value) DO UPDATE SET requests = excluded.requests, minutes = excluded.minutes"
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for ((dimension, value), (requests, minutes)) in chunk {
                query = query.bind(organisation).bind(month).bind(*dimension).bind(value.as_str()).bind(*requests).bind(*minutes);
            }
            query.execute(&mut *tx).await?;
        }
        for person in &people {
            sqlx::query("INSERT INTO people_months (organisation_id, month, person_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .bind(organisation)
                .bind(month)
                .bind(person)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await
    })?;
    Ok(())
}

/// `relais serve` keeps the roll-ups fresh in the background (dashboards also refresh on read).
pub async fn run_forever(db: Db) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        tick.tick().await;
        if let Err(error) = refresh(&db).await {
            tracing::warn!(%error, "roll-up refresh failed");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_follow_brussels_time() {
        // 23:30 UTC on 31 January is already February in Brussels.
        assert_eq!(month_of(time::macros::datetime!(2026-01-31 23:30 UTC)), "2026-02");
        assert_eq!(next_month("2026-12").as_deref(), Some("2027-01"));
        let (start, end) = month_bounds("2026-03").unwrap();
        assert_eq!(start, time::macros::datetime!(2026-02-28 23:00 UTC));
        assert_eq!(end, time::macros::datetime!(2026-03-31 22:00 UTC));
    }
}
