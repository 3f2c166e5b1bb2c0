//! Login throttling, per account and per client address, kept in the database so that every
//! `relais serve` process counts the same failures.
//!
//! Five failures per account are free (twenty per client address: a CPAS office shares one
//! address); each further failure blocks the key for 30 s, doubling each time, up to 15 minutes.
//! A success clears the account's counter.

use relais_core::{Db, DbError, on_db};
use time::{Duration, OffsetDateTime};

pub const FREE_FAILURES: i64 = 5;
pub const FREE_FAILURES_PER_CLIENT: i64 = 20;
const FIRST_DELAY_SECONDS: i64 = 30;
const MAX_DELAY_SECONDS: i64 = 15 * 60;

pub fn account_key(email: &str) -> String {
    format!("account:{}", email.trim().to_lowercase())
}

pub fn client_key(client: &str) -> String {
    format!("client:{client}")
}

/// When the key may try again, if it is blocked now.
pub async fn blocked_until(db: &Db, key: &str) -> Result<Option<OffsetDateTime>, DbError> {
    let until: Option<OffsetDateTime> = on_db!(db, pool => sqlx::query_scalar(
        "SELECT blocked_until FROM login_throttle WHERE key = $1",
    )
    .bind(key)
    .fetch_optional(pool)
    .await)?;
    Ok(until.filter(|u| *u > OffsetDateTime::now_utc()))
}

fn delay_after(failures: i64, free: i64) -> Duration {
    if failures < free {
        return Duration::ZERO;
    }
    let doublings = u32::try_from((failures - free).min(10)).unwrap_or(10);
    Duration::seconds((FIRST_DELAY_SECONDS << doublings).min(MAX_DELAY_SECONDS))
}

/// Count a failure; returns the number of failures so far.
pub async fn record_failure(db: &Db, key: &str) -> Result<i64, DbError> {
    let now = OffsetDateTime::now_utc();
    let failures: i64 = on_db!(db, pool => sqlx::query_scalar(
        "INSERT INTO login_throttle (key, failures, last_failure_at, blocked_until) VALUES ($1, 1, $2, $2)
         ON CONFLICT (key) DO UPDATE SET failures = login_throttle.failures + 1, last_failure_at = excluded.last_failure_at
         RETURNING failures",
    )
    .bind(key)
    .bind(now)
    .fetch_one(pool)
    .await)?;
    let free = if key.starts_with("client:") { FREE_FAILURES_PER_CLIENT } else { FREE_FAILURES };
    let until = now + delay_after(failures, free);
    on_db!(db, pool => sqlx::query("UPDATE login_throttle SET blocked_until = $2 WHERE key = $1")
        .bind(key)
        .bind(until)
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(failures)
}

pub async fn clear(db: &Db, key: &str) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("DELETE FROM login_throttle WHERE key = $1")
        .bind(key)
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_after_five_failures_and_are_capped() {
        assert_eq!(delay_after(4, FREE_FAILURES), Duration::ZERO);
        assert_eq!(delay_after(5, FREE_FAILURES), Duration::seconds(30));
        assert_eq!(delay_after(6, FREE_FAILURES), Duration::seconds(60));
        assert_eq!(delay_after(7, FREE_FAILURES), Duration::seconds(120));
        assert_eq!(delay_after(50, FREE_FAILURES), Duration::seconds(MAX_DELAY_SECONDS));
        assert_eq!(delay_after(19, FREE_FAILURES_PER_CLIENT), Duration::ZERO);
    }
}
