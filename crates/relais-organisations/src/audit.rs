//! The audit log: append-only record of security events and of reads and writes of personal
//! data. The database itself refuses updates and deletions (triggers on both engines).

use relais_core::{Db, DbError, db::like_pattern, on_db};
use time::OffsetDateTime;
use uuid::Uuid;

/// One event to record.
#[derive(Debug, Clone, Default)]
pub struct Event<'a> {
    pub actor: Option<Uuid>,
    pub organisation: Option<Uuid>,
    /// A dotted code, e.g. `login.success`, `login.failure`, `login.throttled`, `password.set`.
    pub action: &'a str,
    pub object: Option<String>,
    pub client: &'a str,
    pub detail: Option<String>,
}

impl<'a> Event<'a> {
    /// An event of `action` from `client` (the caller's address); the rest is added as known.
    pub fn new(action: &'a str, client: &'a str) -> Event<'a> {
        Event { action, client, ..Event::default() }
    }

    /// Who did it.
    pub fn actor(mut self, user: impl Into<Option<Uuid>>) -> Event<'a> {
        self.actor = user.into();
        self
    }

    /// In which organisation.
    pub fn organisation(mut self, organisation: impl Into<Option<Uuid>>) -> Event<'a> {
        self.organisation = organisation.into();
        self
    }

    /// To what (an id, an e-mail address).
    pub fn object(mut self, object: impl Into<Option<String>>) -> Event<'a> {
        self.object = object.into();
        self
    }

    /// Anything else worth keeping (a role changed, a reason).
    pub fn detail(mut self, detail: impl Into<Option<String>>) -> Event<'a> {
        self.detail = detail.into();
        self
    }
}

pub async fn record(db: &Db, event: Event<'_>) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query(
        "INSERT INTO audit_log (id, at, actor_user_id, organisation_id, action, object, client, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(Uuid::new_v4())
    .bind(OffsetDateTime::now_utc())
    .bind(event.actor)
    .bind(event.organisation)
    .bind(event.action)
    .bind(event.object)
    .bind(event.client)
    .bind(event.detail)
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Record, and log (never fail the request because the audit insert failed — but say so loudly).
pub async fn record_or_log(db: &Db, event: Event<'_>) {
    let action = event.action.to_string();
    if let Err(error) = record(db, event).await {
        tracing::error!(%error, action, "could not write to the audit log");
    }
}

/// An entry as read back.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Entry {
    pub at: OffsetDateTime,
    pub actor_user_id: Option<Uuid>,
    pub action: String,
    pub object: Option<String>,
    pub client: String,
    pub detail: Option<String>,
}

/// The entries about one user (as actor), newest first.
pub async fn for_actor(db: &Db, user: Uuid, limit: i64) -> Result<Vec<Entry>, DbError> {
    let rows = on_db!(db, pool => sqlx::query_as::<_, Entry>(
        "SELECT at, actor_user_id, action, object, client, detail FROM audit_log
         WHERE actor_user_id = $1 ORDER BY at DESC LIMIT $2",
    )
    .bind(user)
    .bind(limit)
    .fetch_all(pool)
    .await)?;
    Ok(rows)
}

/// Entries with a given action and object (e.g. failures for one e-mail), newest first.
pub async fn by_action(db: &Db, action: &str, object: &str) -> Result<Vec<Entry>, DbError> {
    let rows = on_db!(db, pool => sqlx::query_as::<_, Entry>(
        "SELECT at, actor_user_id, action, object, client, detail FROM audit_log
         WHERE action = $1 AND object = $2 ORDER BY at DESC",
    )
    .bind(action)
    .bind(object)
    .fetch_all(pool)
    .await)?;
    Ok(rows)
}

/// One line of an organisation's audit log, as its coordinators read it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrganisationEntry {
    pub at: OffsetDateTime,
    pub actor: Option<String>,
    pub action: String,
    pub object: Option<String>,
    pub client: String,
    pub detail: Option<String>,
}

/// What to show of an organisation's log.
#[derive(Debug, Clone)]
pub struct Filter {
    /// An action family (`login`, `member`, …); empty for all.
    pub action_prefix: String,
    pub from: OffsetDateTime,
    pub until: OffsetDateTime,
}

pub const MAX_ROWS: i64 = 1000;

/// The organisation's own events, and the personal security events (logins, second factor,
/// tokens) of its members — never what its members did in another organisation.
pub async fn for_organisation(db: &Db, organisation: Uuid, filter: &Filter) -> Result<Vec<OrganisationEntry>, DbError> {
    let pattern = format!("{}%", like_pattern(&filter.action_prefix));
    let rows = on_db!(db, pool => sqlx::query_as::<_, OrganisationEntry>(
        "SELECT a.at, u.display_name AS actor, a.action, a.object, a.client, a.detail
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
         WHERE (a.organisation_id = $1
                OR (a.organisation_id IS NULL
                    AND (a.actor_user_id IN (SELECT user_id FROM memberships WHERE organisation_id = $1)
                         OR a.object IN (SELECT mu.email FROM memberships mm JOIN users mu ON mu.id = mm.user_id
                                          WHERE mm.organisation_id = $1))))
           AND a.action LIKE $2 ESCAPE '\\'
           AND a.at >= $3 AND a.at < $4
         ORDER BY a.at DESC
         LIMIT $5",
    )
    .bind(organisation)
    .bind(pattern)
    .bind(filter.from)
    .bind(filter.until)
    .bind(MAX_ROWS)
    .fetch_all(pool)
    .await)?;
    Ok(rows)
}
