//! Storage: one behaviour over two engines.
//!
//! `Db` is either an embedded SQLite pool (the default) or a PostgreSQL pool. Queries are written
//! once, in portable SQL (`$N` placeholders, `RETURNING`, `ON CONFLICT`), and run on whichever
//! engine is configured through [`crate::on_db!`]. Each engine has its own migration folder with
//! the same versions; a test compares the resulting schemas.

use std::{str::FromStr, time::Duration};

use sqlx::{
    PgPool, SqlitePool,
    postgres::{PgConnectOptions, PgPoolOptions},
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};

/// Which engine a database URL points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported database URL (expected sqlite://… or postgres://…): {0}")]
    UnsupportedUrl(String),
    #[error("cannot create the database folder {path}: {source}")]
    CreateFolder { path: String, source: std::io::Error },
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// A connection pool on one of the two engines.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Run the same block on whichever pool `db` holds: `on_db!(db, pool => sqlx::query(SQL).execute(pool).await)`.
/// The block is compiled once per engine, so the same SQL text serves both.
#[macro_export]
macro_rules! on_db {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($pool) => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}

/// Pool sizes: SQLite serialises writers anyway; a few readers are plenty on 2 cores.
const SQLITE_MAX_CONNECTIONS: u32 = 8;
const POSTGRES_MAX_CONNECTIONS: u32 = 16;
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

impl Db {
    /// Which engine a URL names, without connecting.
    pub fn engine_of(url: &str) -> Result<Engine, DbError> {
        if url.starts_with("sqlite:") {
            Ok(Engine::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Engine::Postgres)
        } else {
            Err(DbError::UnsupportedUrl(redact(url)))
        }
    }

    /// Connect to `url`. For SQLite the file (and its folder) is created when missing, with WAL,
    /// foreign keys on and a busy timeout. Nothing is migrated here: see [`Db::migrate`].
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        match Db::engine_of(url)? {
            Engine::Sqlite => {
                let options = SqliteConnectOptions::from_str(url)?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    // NORMAL in WAL mode: a crash of the process loses nothing; a power loss may
                    // lose the last commits, never corrupt the file (see docs/storage.md).
                    .synchronous(SqliteSynchronous::Normal)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(5));
                if let Some(parent) = options.get_filename().parent()
                    && !parent.as_os_str().is_empty()
                {
                    std::fs::create_dir_all(parent).map_err(|source| DbError::CreateFolder { path: parent.display().to_string(), source })?;
                }
                let pool = SqlitePoolOptions::new().max_connections(SQLITE_MAX_CONNECTIONS).acquire_timeout(ACQUIRE_TIMEOUT).connect_with(options).await?;
                Ok(Db::Sqlite(pool))
            }
            Engine::Postgres => {
                let options = PgConnectOptions::from_str(url)?.application_name("relais");
                let pool = PgPoolOptions::new().max_connections(POSTGRES_MAX_CONNECTIONS).acquire_timeout(ACQUIRE_TIMEOUT).connect_with(options).await?;
                Ok(Db::Postgres(pool))
            }
        }
    }

    pub fn engine(&self) -> Engine {
        match self {
            Db::Sqlite(_) => Engine::Sqlite,
            Db::Postgres(_) => Engine::Postgres,
        }
    }

    /// Apply every pending migration of this engine's folder.
    pub async fn migrate(&self) -> Result<(), DbError> {
        match self {
            Db::Sqlite(pool) => sqlx::migrate!("../../migrations/sqlite").run(pool).await?,
            Db::Postgres(pool) => sqlx::migrate!("../../migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// True when the database answers a trivial query.
    pub async fn ping(&self) -> Result<(), DbError> {
        on_db!(self, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// Connections open and idle, for the metrics gauges.
    pub fn pool_stats(&self) -> PoolStats {
        on_db!(self, pool => PoolStats {
            size: pool.size(),
            idle: u32::try_from(pool.num_idle()).unwrap_or(u32::MAX),
            max: pool.options().get_max_connections(),
        })
    }

    /// Close the pool, waiting for connections in use to be returned.
    pub async fn close(&self) {
        on_db!(self, pool => pool.close().await)
    }
}

#[derive(Debug, Clone, Copy)]
pub struct PoolStats {
    pub size: u32,
    pub idle: u32,
    pub max: u32,
}

/// Text to find as itself in a `LIKE` pattern: `%`, `_` and the escape character `\` are escaped.
/// Every `LIKE` says `ESCAPE '\'` (the same on both engines) and adds its own wildcards around
/// the result, e.g. `format!("%{}%", like_pattern(query))`.
pub fn like_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern
}

/// Tables whose rows are created from a form's id (so that a double submit creates one row).
#[derive(Debug, Clone, Copy)]
pub enum FormTable {
    Accompaniments,
    People,
    CollectiveMoments,
    Signals,
    ModuleRequests,
    Workshops,
}

impl FormTable {
    /// Whether a row of the table has this id and organisation.
    fn own_row_sql(self) -> &'static str {
        match self {
            FormTable::Accompaniments => "SELECT COUNT(*) FROM accompaniments WHERE id = $1 AND organisation_id = $2",
            FormTable::People => "SELECT COUNT(*) FROM people WHERE id = $1 AND organisation_id = $2",
            FormTable::CollectiveMoments => "SELECT COUNT(*) FROM collective_moments WHERE id = $1 AND organisation_id = $2",
            FormTable::Signals => "SELECT COUNT(*) FROM signals WHERE id = $1 AND organisation_id = $2",
            FormTable::ModuleRequests => "SELECT COUNT(*) FROM module_requests WHERE id = $1 AND organisation_id = $2",
            FormTable::Workshops => "SELECT COUNT(*) FROM workshops WHERE id = $1 AND organisation_id = $2",
        }
    }
}

/// Whether `id` names a row of `table` belonging to `organisation`. When a form's insert finds
/// its id taken, this tells a repeated submit of the same form (the row is ours) from an id that
/// is another organisation's row (tampered with, or a collision): the latter is then stored under
/// a new id, so that it is answered exactly like a fresh one and the other row is never touched.
pub async fn is_own_row(db: &Db, table: FormTable, organisation: uuid::Uuid, id: uuid::Uuid) -> Result<bool, DbError> {
    let found: i64 = on_db!(db, pool => sqlx::query_scalar(table.own_row_sql()).bind(id).bind(organisation).fetch_one(pool).await)?;
    Ok(found > 0)
}

/// A database URL safe to print: the password, if any, is hidden.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}://{}:***{}", &url[..scheme_end], user, &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_is_read_from_the_url() {
        assert_eq!(Db::engine_of("sqlite://data/relais.db").unwrap(), Engine::Sqlite);
        assert_eq!(Db::engine_of("postgres://u@h/db").unwrap(), Engine::Postgres);
        assert_eq!(Db::engine_of("postgresql://u@h/db").unwrap(), Engine::Postgres);
        assert!(Db::engine_of("mysql://u@h/db").is_err());
    }

    #[test]
    fn like_wildcards_stand_for_themselves() {
        assert_eq!(like_pattern("50%"), "50\\%");
        assert_eq!(like_pattern("second_factor"), "second\\_factor");
        assert_eq!(like_pattern("a\\b"), "a\\\\b");
        assert_eq!(like_pattern("Zoé T."), "Zoé T.");
    }

    #[tokio::test]
    async fn an_escaped_pattern_matches_only_itself_on_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&format!("sqlite://{}/like.db", dir.path().display())).await.unwrap();
        let Db::Sqlite(pool) = &db else { panic!("expected SQLite") };
        for (text, pattern, expected) in [("50% off", "%", true), ("5000 off", "%", false), ("a_b", "_", true), ("axb", "_", false), ("a\\b", "\\", true)] {
            let found: bool = sqlx::query_scalar("SELECT $1 LIKE $2 ESCAPE '\\'").bind(text).bind(format!("%{}%", like_pattern(pattern))).fetch_one(pool).await.unwrap();
            assert_eq!(found, expected, "{text} LIKE {pattern}");
        }
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(redact("postgres://relais:secret@db:5432/relais"), "postgres://relais:***@db:5432/relais");
        assert_eq!(redact("postgres://relais@db/relais"), "postgres://relais@db/relais");
        assert_eq!(redact("sqlite://data/relais.db"), "sqlite://data/relais.db");
    }

    #[tokio::test]
    async fn sqlite_file_and_folder_are_created_with_wal_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/nested/relais.db", dir.path().display());
        let db = Db::connect(&url).await.unwrap();
        db.migrate().await.unwrap();
        assert!(dir.path().join("nested/relais.db").exists());
        let Db::Sqlite(pool) = &db else { panic!("expected SQLite") };
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(pool).await.unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(pool).await.unwrap();
        assert_eq!(fk, 1);
        db.close().await;
    }
}
