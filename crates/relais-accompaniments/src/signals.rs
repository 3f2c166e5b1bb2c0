//! Political signals: a barrier met with an online service (no alternative to itsme, no counter,
//! broken site…), recorded from a request or on its own, reviewed by a coordinator (published,
//! merged into an earlier one, set aside) and aggregated on the signals board. A signal never
//! carries personal data: its text is refused when [`personal_data::find`] sees any.

use relais_core::{Db, DbError, on_db};
use relais_directory::taxonomy::Taxonomy;
use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{personal_data, terms::Terms, vocabulary};

pub const MAX_DESCRIPTION: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignalError {
    #[error("unknown online service")]
    Service,
    #[error("unknown barrier")]
    Barrier,
    #[error("description missing or too long")]
    Description,
    #[error("the description holds personal data")]
    PersonalData(personal_data::Found),
}

impl SignalError {
    pub fn message_key(self) -> &'static str {
        match self {
            SignalError::Service => "signal-error-service",
            SignalError::Barrier => "signal-error-barrier",
            SignalError::Description => "signal-error-description",
            SignalError::PersonalData(kind) => match kind {
                personal_data::Found::NationalNumber => "signal-error-national-number",
                personal_data::Found::Iban => "signal-error-iban",
                personal_data::Found::EmailAddress => "signal-error-email",
                personal_data::Found::PhoneNumber => "signal-error-phone",
            },
        }
    }

    pub fn field(self) -> &'static str {
        match self {
            SignalError::Service => "online_service",
            SignalError::Barrier => "barrier",
            SignalError::Description | SignalError::PersonalData(_) => "description",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct TypedSignal {
    pub online_service: String,
    pub barrier: String,
    pub description: String,
}

/// Check a signal; personal data in the text is an error per kind found.
pub fn check(typed: &TypedSignal, terms: &Terms) -> Result<TypedSignal, Vec<SignalError>> {
    let mut errors = Vec::new();
    let service = typed.online_service.trim();
    if !terms.is_active(Taxonomy::OnlineService, service) {
        errors.push(SignalError::Service);
    }
    let barrier = typed.barrier.trim();
    if !vocabulary::contains(vocabulary::BARRIERS, barrier) {
        errors.push(SignalError::Barrier);
    }
    let description = typed.description.trim();
    if description.is_empty() || description.chars().count() > MAX_DESCRIPTION {
        errors.push(SignalError::Description);
    }
    errors.extend(personal_data::find(description).into_iter().map(SignalError::PersonalData));
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(TypedSignal { online_service: service.into(), barrier: barrier.into(), description: description.into() })
}

/// Record a checked signal (idempotent on `id`). Returns whether it was created.
pub async fn create(db: &Db, id: Uuid, organisation: Uuid, author: Option<Uuid>, accompaniment: Option<Uuid>, signal: &TypedSignal, region: &str) -> Result<bool, DbError> {
    let done = on_db!(db, pool => sqlx::query(
        "INSERT INTO signals (id, organisation_id, author_id, accompaniment_id, online_service, barrier, description, region,
            status, merged_into, occurrences, created_at, reviewed_at, reviewed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'submitted', NULL, 1, $9, NULL, NULL) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(organisation)
    .bind(author)
    .bind(accompaniment)
    .bind(&signal.online_service)
    .bind(&signal.barrier)
    .bind(&signal.description)
    .bind(region)
    .bind(crate::now())
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Signal {
    pub id: Uuid,
    #[serde(skip)]
    pub organisation_id: Uuid,
    pub organisation: String,
    pub online_service: String,
    pub barrier: String,
    pub description: String,
    pub region: String,
    pub status: String,
    pub merged_into: Option<Uuid>,
    /// How many reports this signal stands for (itself and the ones merged into it).
    pub occurrences: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

const SELECT: &str = "SELECT s.id, s.organisation_id, o.name AS organisation, s.online_service, s.barrier, s.description, s.region,
    s.status, s.merged_into, s.occurrences, s.created_at FROM signals s JOIN organisations o ON o.id = s.organisation_id";

/// The organisation's signals, newest first.
pub async fn of_organisation(db: &Db, organisation: Uuid, limit: i64) -> Result<Vec<Signal>, DbError> {
    let sql = format!("{SELECT} WHERE s.organisation_id = $1 ORDER BY s.created_at DESC LIMIT $2");
    Ok(on_db!(db, pool => sqlx::query_as::<_, Signal>(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).bind(limit).fetch_all(pool).await)?)
}

/// Published signals of a period (the board and its exports).
pub async fn published(db: &Db, from: OffsetDateTime, until: OffsetDateTime) -> Result<Vec<Signal>, DbError> {
    let sql = format!("{SELECT} WHERE s.status = 'published' AND s.created_at >= $1 AND s.created_at < $2 ORDER BY s.created_at DESC");
    Ok(on_db!(db, pool => sqlx::query_as::<_, Signal>(sqlx::AssertSqlSafe(sql.clone())).bind(from).bind(until).fetch_all(pool).await)?)
}

/// A coordinator's review decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Review {
    Publish,
    SetAside,
    /// Merge into another signal of the same organisation: it counts one occurrence more.
    MergeInto(Uuid),
}

/// Apply a review to one of the organisation's signals. `false` when the signal (or the one
/// merged into) is not the organisation's, or when merging into itself or a merged one.
pub async fn review(db: &Db, organisation: Uuid, id: Uuid, review: Review, by: Uuid) -> Result<bool, DbError> {
    let now = crate::now();
    let (status, merged_into) = match review {
        Review::Publish => ("published", None),
        Review::SetAside => ("set-aside", None),
        Review::MergeInto(other) if other == id => return Ok(false),
        Review::MergeInto(other) => ("merged", Some(other)),
    };
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        // The signal changes first, only if it is not merged already: of two merges at once (a
        // double click), one finds nothing to do. Its occurrences move to the one it joins.
        let moved: Option<i64> = sqlx::query_scalar(
            "UPDATE signals SET status = $3, merged_into = $4, reviewed_at = $5, reviewed_by = $6
             WHERE organisation_id = $1 AND id = $2 AND status <> 'merged'
             RETURNING occurrences",
        )
        .bind(organisation)
        .bind(id)
        .bind(status)
        .bind(merged_into)
        .bind(now)
        .bind(by)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(occurrences) = moved else { return Ok(false) };
        if let Some(other) = merged_into {
            let joined = sqlx::query(
                "UPDATE signals SET occurrences = occurrences + $3 WHERE organisation_id = $1 AND id = $2 AND status <> 'merged'",
            )
            .bind(organisation)
            .bind(other)
            .bind(occurrences)
            .execute(&mut *tx)
            .await?;
            if joined.rows_affected() != 1 {
                return Ok(false); // dropped: the transaction rolls back
            }
            sqlx::query("UPDATE signals SET occurrences = 0 WHERE organisation_id = $1 AND id = $2")
                .bind(organisation)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok::<bool, sqlx::Error>(true)
    })
    .map_err(DbError::from)
}
