//! The database a bench fills: the one given (it must be empty), or a temporary SQLite file.

/// A temporary folder, removed with everything in it when dropped.
struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The database a bench fills: the one given (it must be empty), or a temporary SQLite file
/// removed when this is dropped. Migrated and prepared.
pub struct FreshDatabase {
    pub db: relais_core::Db,
    pub url: String,
    _temp: Option<TempDir>,
}

/// Open (and check, migrate, prepare) the database of `relais bench <name>`, which fills it with
/// `what`.
pub async fn fresh_database(given: Option<&str>, name: &str, what: &str) -> Result<FreshDatabase, Box<dyn std::error::Error + Send + Sync>> {
    use relais_core::{Db, db::redact};
    let (url, temp) = match given {
        Some(url) => (url.to_string(), None),
        None => {
            let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or_default();
            let dir = std::env::temp_dir().join(format!("relais-bench-{name}-{}-{nanos}", std::process::id()));
            std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            (format!("sqlite://{}", dir.join("bench.db").display()), Some(TempDir(dir)))
        }
    };
    let db = Db::connect(&url).await?;
    let tables: i64 = match &db {
        Db::Sqlite(pool) => sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").fetch_one(pool).await?,
        Db::Postgres(pool) => {
            sqlx::query_scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')").fetch_one(pool).await?
        }
    };
    if tables > 0 {
        db.close().await;
        return Err(format!(
            "{} is not empty ({tables} tables): `relais bench {name}` fills the database with {what}, \
             so it needs a fresh one (e.g. `createdb relais_bench`), or leave out --database for a temporary SQLite file",
            redact(&url)
        )
        .into());
    }
    db.migrate().await?;
    crate::prepare(&db).await?;
    Ok(FreshDatabase { db, url, _temp: temp })
}
