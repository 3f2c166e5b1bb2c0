//! Instance settings: a small key–value table shared by every `relais serve` process.

use time::OffsetDateTime;

use crate::{
    db::{Db, DbError},
    on_db,
};

/// Set when the demo data set has been loaded; every page then shows the demo banner.
pub const DEMO_INSTANCE: &str = "instance.demo";

pub async fn get(db: &Db, key: &str) -> Result<Option<String>, DbError> {
    let value = on_db!(db, pool => sqlx::query_scalar::<_, String>("SELECT value FROM settings WHERE key = $1")
        .bind(key)
        .fetch_optional(pool)
        .await)?;
    Ok(value)
}

pub async fn set(db: &Db, key: &str, value: &str) -> Result<(), DbError> {
    let now = OffsetDateTime::now_utc();
    on_db!(db, pool => sqlx::query(
        "INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(key)
    .bind(value)
    .bind(now)
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// The value of `key`, set to `value` first when absent; every process gets the same answer
/// (the first writer wins).
pub async fn get_or_insert(db: &Db, key: &str, value: &str) -> Result<String, DbError> {
    let now = OffsetDateTime::now_utc();
    on_db!(db, pool => sqlx::query(
        "INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING",
    )
    .bind(key)
    .bind(value)
    .bind(now)
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(get(db, key).await?.unwrap_or_else(|| value.to_string()))
}

/// The instance's secret key, created on first use.
pub async fn instance_key(db: &Db) -> Result<crate::secrets::InstanceKey, DbError> {
    let stored = get_or_insert(db, INSTANCE_KEY, &crate::secrets::random_token()).await?;
    match crate::secrets::InstanceKey::from_hex(&stored) {
        Some(key) => Ok(key),
        None => Err(DbError::Sqlx(sqlx::Error::Protocol(format!("the setting {INSTANCE_KEY} is not 64 hex digits")))),
    }
}

/// Where the instance's secret key is kept.
const INSTANCE_KEY: &str = "instance.secret_key";

/// Whether this instance holds the fictitious demo data set.
pub async fn is_demo(db: &Db) -> Result<bool, DbError> {
    Ok(get(db, DEMO_INSTANCE).await?.as_deref() == Some("true"))
}
