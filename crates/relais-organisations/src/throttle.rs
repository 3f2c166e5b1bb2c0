//! Throttling of guesses (passwords, second-factor codes, reset links, diagnostic codes) by
//! sliding windows, kept in the database so that every `relais serve` process counts the same.
//!
//! Each failure is a row `(key, at)`; a key is blocked while it has `max_failures` failures within
//! the last `window`, until the oldest of them leaves the window. Counters decay by themselves:
//! no key is blocked for good, and an old burst of typos weighs nothing.
//!
//! Signing in is counted three ways (see [`sign_in_blocked_until`]):
//! - the account **from this address** ([`PAIR`]): 5 failures in 15 minutes — a person mistyping;
//!   a success from the address clears it;
//! - the **address** across accounts ([`CLIENT`]): 30 in 15 minutes — a CPAS office behind one NAT
//!   keeps working through its staff's typos, a sprayer of many accounts is slowed down;
//! - the **account** from everywhere ([`ACCOUNT`]): 30 in 15 minutes — bounds guessing from many
//!   addresses; it does not apply to an address the account signed in from successfully in the
//!   last 30 days, so an attacker elsewhere cannot lock a person out of their own office.

use relais_core::{Db, DbError, on_db};
use time::{Duration, OffsetDateTime};

/// At most `max_failures` failures within `window`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max_failures: i64,
    pub window: Duration,
}

pub const WINDOW: Duration = Duration::minutes(15);
/// One account from one address.
pub const PAIR: Limit = Limit { max_failures: 5, window: WINDOW };
/// One address, whatever the account.
pub const CLIENT: Limit = Limit { max_failures: 30, window: WINDOW };
/// One account, whatever the address (not for addresses it signed in from recently).
pub const ACCOUNT: Limit = Limit { max_failures: 30, window: WINDOW };
/// How long a successful sign-in makes an address known for the account.
pub const KNOWN_FOR: Duration = Duration::days(30);

pub fn account_key(email: &str) -> String {
    format!("account:{}", email.trim().to_lowercase())
}

pub fn client_key(client: &str) -> String {
    format!("client:{client}")
}

pub fn pair_key(email: &str, client: &str) -> String {
    format!("pair:{}|{client}", email.trim().to_lowercase())
}

fn known_key(email: &str, client: &str) -> String {
    format!("known:{}|{client}", email.trim().to_lowercase())
}

/// Timestamps are stored to the second: SQLite compares them as text.
fn second(at: OffsetDateTime) -> OffsetDateTime {
    at.replace_nanosecond(0).unwrap_or(at)
}

/// When `key` may try again; `None` when it is not blocked now.
pub async fn blocked_until(db: &Db, key: &str, limit: Limit, now: OffsetDateTime) -> Result<Option<OffsetDateTime>, DbError> {
    let recent: Vec<OffsetDateTime> = on_db!(db, pool => sqlx::query_scalar(
        "SELECT at FROM throttle_events WHERE key = $1 AND at > $2 ORDER BY at DESC LIMIT $3",
    )
    .bind(key)
    .bind(second(now - limit.window))
    .bind(limit.max_failures)
    .fetch_all(pool)
    .await)?;
    Ok(until_of(&recent, limit, now))
}

/// The most recent failures (newest first, at most `max_failures` of them) → when the key is free.
fn until_of(recent: &[OffsetDateTime], limit: Limit, now: OffsetDateTime) -> Option<OffsetDateTime> {
    let oldest = usize::try_from(limit.max_failures).ok().filter(|&n| n > 0).and_then(|n| recent.get(n - 1))?;
    Some(*oldest + limit.window).filter(|until| *until > now)
}

/// Count a failure of `key` at `now`.
pub async fn record_failure(db: &Db, key: &str, now: OffsetDateTime) -> Result<(), DbError> {
    insert(db, key, now).await?;
    // The key's rows older than anything a limit looks at go (known addresses last longest).
    on_db!(db, pool => sqlx::query("DELETE FROM throttle_events WHERE key = $1 AND at < $2")
        .bind(key)
        .bind(second(now - KNOWN_FOR))
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

async fn insert(db: &Db, key: &str, now: OffsetDateTime) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("INSERT INTO throttle_events (key, at) VALUES ($1, $2)")
        .bind(key)
        .bind(second(now))
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Forget the failures of `key`.
pub async fn clear(db: &Db, key: &str) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("DELETE FROM throttle_events WHERE key = $1")
        .bind(key)
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Rows no limit looks at any more (run with the other periodic jobs).
pub async fn purge(db: &Db, now: OffsetDateTime) -> Result<u64, DbError> {
    let removed = on_db!(db, pool => sqlx::query("DELETE FROM throttle_events WHERE at < $1")
        .bind(second(now - KNOWN_FOR))
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(removed)
}

/// The job that purges old rows, every hour (on the kernel's jobs).
pub const PURGE_JOB: &str = "throttle-purge";

pub fn jobs(runner: relais_core::jobs::Runner) -> relais_core::jobs::Runner {
    runner
        .handle(PURGE_JOB, |ctx| async move {
            purge(&ctx.db, ctx.clock.now()).await?;
            Ok(())
        })
        .every(PURGE_JOB, time::Duration::hours(1))
}

/// Whether signing in to `email` from `client` must wait, and until when: the account from this
/// address, the address, then the account from everywhere unless the address is known for it.
pub async fn sign_in_blocked_until(db: &Db, email: &str, client: &str, now: OffsetDateTime) -> Result<Option<OffsetDateTime>, DbError> {
    if let Some(until) = blocked_until(db, &pair_key(email, client), PAIR, now).await? {
        return Ok(Some(until));
    }
    if let Some(until) = blocked_until(db, &client_key(client), CLIENT, now).await? {
        return Ok(Some(until));
    }
    let Some(until) = blocked_until(db, &account_key(email), ACCOUNT, now).await? else { return Ok(None) };
    if is_known(db, email, client, now).await? { Ok(None) } else { Ok(Some(until)) }
}

async fn is_known(db: &Db, email: &str, client: &str, now: OffsetDateTime) -> Result<bool, DbError> {
    let found: i64 = on_db!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM throttle_events WHERE key = $1 AND at > $2")
        .bind(known_key(email, client))
        .bind(second(now - KNOWN_FOR))
        .fetch_one(pool)
        .await)?;
    Ok(found > 0)
}

/// A wrong password or code for `email` from `client`.
pub async fn sign_in_failed(db: &Db, email: &str, client: &str, now: OffsetDateTime) -> Result<(), DbError> {
    record_failure(db, &pair_key(email, client), now).await?;
    record_failure(db, &client_key(client), now).await?;
    record_failure(db, &account_key(email), now).await
}

/// A successful sign-in: this address's failures for the account are forgotten, and the address
/// becomes known for the account (the per-account limit no longer stops it).
pub async fn sign_in_succeeded(db: &Db, email: &str, client: &str, now: OffsetDateTime) -> Result<(), DbError> {
    clear(db, &pair_key(email, client)).await?;
    let known = known_key(email, client);
    clear(db, &known).await?;
    insert(db, &known, now).await
}

/// Minutes to tell the person (rounded up, at least one).
pub fn minutes_until(until: OffsetDateTime, now: OffsetDateTime) -> i64 {
    (((until - now).whole_seconds() + 59) / 60).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_free_again_when_its_oldest_counted_failure_leaves_the_window() {
        let now = OffsetDateTime::UNIX_EPOCH + Duration::days(20_000);
        let limit = Limit { max_failures: 3, window: Duration::minutes(15) };
        let at = |minutes_ago: i64| now - Duration::minutes(minutes_ago);
        assert_eq!(until_of(&[at(1), at(2)], limit, now), None);
        assert_eq!(until_of(&[at(1), at(2), at(10)], limit, now), Some(at(10) + Duration::minutes(15)));
        assert_eq!(until_of(&[at(1), at(2), at(15)], limit, now), None);
        assert_eq!(until_of(&[], Limit { max_failures: 0, window: WINDOW }, now), None);
    }

    #[test]
    fn minutes_are_rounded_up() {
        let now = OffsetDateTime::UNIX_EPOCH;
        assert_eq!(minutes_until(now + Duration::seconds(61), now), 2);
        assert_eq!(minutes_until(now + Duration::seconds(1), now), 1);
        assert_eq!(minutes_until(now, now), 1);
    }
}
