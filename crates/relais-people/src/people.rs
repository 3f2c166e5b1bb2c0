//! People, only when needed: a pseudonym (or first name), age band, gender, postcode, language and
//! situation tags, with the consent record (what was explained, when, by whom). Always read
//! within one organisation: every query here takes it.

use relais_core::{Db, DbError, db::like_pattern, on_db};
use relais_directory::taxonomy::Taxonomy;
use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use relais_directory::terms::Terms;

use crate::vocabulary;

pub const MAX_PSEUDONYM: usize = 60;

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Person {
    pub id: Uuid,
    #[serde(skip)]
    pub organisation_id: Uuid,
    pub pseudonym: String,
    pub age_band: String,
    pub gender: String,
    pub postcode: String,
    pub language: String,
    /// Space-separated codes of the directory's publics.
    pub situations: String,
    /// Space-separated codes of what was explained (see [`vocabulary::CONSENT_TOPICS`]).
    pub consent_topics: String,
    #[serde(with = "time::serde::rfc3339")]
    pub consent_at: OffsetDateTime,
    #[serde(skip)]
    pub consent_by: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub last_activity_at: OffsetDateTime,
}

#[derive(Debug, Clone, Default)]
pub struct TypedPerson {
    pub pseudonym: String,
    pub age_band: String,
    pub gender: String,
    pub postcode: String,
    pub language: String,
    pub situations: Vec<String>,
    pub consent_topics: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PersonError {
    #[error("pseudonym missing or too long")]
    Pseudonym,
    #[error("unknown age band")]
    AgeBand,
    #[error("unknown gender")]
    Gender,
    #[error("postcode is not 4 digits")]
    Postcode,
    #[error("unknown language")]
    Language,
    #[error("unknown situation")]
    Situation,
    #[error("consent not recorded")]
    Consent,
}

impl PersonError {
    pub fn message_key(self) -> &'static str {
        match self {
            PersonError::Pseudonym => "person-error-pseudonym",
            PersonError::AgeBand => "person-error-age-band",
            PersonError::Gender => "person-error-gender",
            PersonError::Postcode => "person-error-postcode",
            PersonError::Language => "person-error-language",
            PersonError::Situation => "person-error-situation",
            PersonError::Consent => "person-error-consent",
        }
    }

    pub fn field(self) -> &'static str {
        match self {
            PersonError::Pseudonym => "pseudonym",
            PersonError::AgeBand => "age_band",
            PersonError::Gender => "gender",
            PersonError::Postcode => "postcode",
            PersonError::Language => "language",
            PersonError::Situation => "situations",
            PersonError::Consent => "consent_topics",
        }
    }
}

/// Check a person as typed. Every consent topic must have been explained.
pub fn check(typed: &TypedPerson, terms: &Terms) -> Result<TypedPerson, Vec<PersonError>> {
    let mut errors = Vec::new();
    let pseudonym = typed.pseudonym.split_whitespace().collect::<Vec<_>>().join(" ");
    if pseudonym.is_empty() || pseudonym.chars().count() > MAX_PSEUDONYM {
        errors.push(PersonError::Pseudonym);
    }
    let or_default = |text: &str, default: &str| if text.trim().is_empty() { default.to_string() } else { text.trim().to_string() };
    let age_band = or_default(&typed.age_band, "unknown");
    if !vocabulary::contains(vocabulary::AGE_BANDS, &age_band) {
        errors.push(PersonError::AgeBand);
    }
    let gender = or_default(&typed.gender, "unspecified");
    if !vocabulary::contains(vocabulary::GENDERS, &gender) {
        errors.push(PersonError::Gender);
    }
    let postcode: String = typed.postcode.chars().filter(|c| !c.is_whitespace()).collect();
    let belgian = postcode.len() == 4 && postcode.bytes().all(|b| b.is_ascii_digit()) && !postcode.starts_with('0');
    if !postcode.is_empty() && !belgian {
        errors.push(PersonError::Postcode);
    }
    let language = or_default(&typed.language, "fr");
    if !vocabulary::contains(vocabulary::PERSON_LANGUAGES, &language) {
        errors.push(PersonError::Language);
    }
    let mut situations: Vec<String> = typed.situations.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    situations.sort();
    situations.dedup();
    if situations.iter().any(|s| !terms.is_active(Taxonomy::Public, s)) {
        errors.push(PersonError::Situation);
    }
    let explained: Vec<String> = vocabulary::CONSENT_TOPICS.iter().filter(|(code, _)| typed.consent_topics.iter().any(|t| t == code)).map(|(code, _)| code.to_string()).collect();
    if explained.len() != vocabulary::CONSENT_TOPICS.len() {
        errors.push(PersonError::Consent);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(TypedPerson { pseudonym, age_band, gender, postcode, language, situations, consent_topics: explained })
}

/// Create a person (idempotent on `id`, for a double submit). Returns whether it was created.
pub async fn create(db: &Db, id: Uuid, organisation: Uuid, person: &TypedPerson, by: Uuid) -> Result<bool, DbError> {
    let now = relais_core::clock::now();
    let done = on_db!(db, pool => sqlx::query(
        "INSERT INTO people (id, organisation_id, pseudonym, search_key, age_band, gender, postcode, language, situations,
            consent_topics, consent_at, consent_by, created_at, last_activity_at)
         VALUES ($1, $2, $3, $12, $4, $5, $6, $7, $8, $9, $10, $11, $10, $10) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(organisation)
    .bind(&person.pseudonym)
    .bind(&person.age_band)
    .bind(&person.gender)
    .bind(&person.postcode)
    .bind(&person.language)
    .bind(person.situations.join(" "))
    .bind(person.consent_topics.join(" "))
    .bind(now)
    .bind(by)
    .bind(fold(&person.pseudonym))
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

const COLUMNS: &str = "id, organisation_id, pseudonym, age_band, gender, postcode, language, situations, consent_topics,
    consent_at, consent_by, created_at, last_activity_at";

/// One person of the organisation (nothing for another organisation's).
pub async fn find(db: &Db, organisation: Uuid, id: Uuid) -> Result<Option<Person>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM people WHERE organisation_id = $1 AND id = $2");
    Ok(on_db!(db, pool => sqlx::query_as::<_, Person>(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).bind(id).fetch_optional(pool).await)?)
}

/// The organisation's people, most recently active first; `query` filters on the pseudonym,
/// ignoring case, accents and punctuation ("zoe t" finds "Zoé T."). A query of punctuation only
/// ("%", "_") would fold to nothing and find everyone: it looks for those characters as typed.
pub async fn list(db: &Db, organisation: Uuid, query: &str, limit: i64) -> Result<Vec<Person>, DbError> {
    let folded = fold(query);
    let (column, text) = if folded.is_empty() && !query.trim().is_empty() { ("pseudonym", query.trim()) } else { ("search_key", folded.as_str()) };
    let pattern = format!("%{}%", like_pattern(text));
    let sql = format!("SELECT {COLUMNS} FROM people WHERE organisation_id = $1 AND {column} LIKE $2 ESCAPE '\\' ORDER BY last_activity_at DESC LIMIT $3");
    Ok(on_db!(db, pool => sqlx::query_as::<_, Person>(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).bind(&pattern).bind(limit).fetch_all(pool).await)?)
}

/// The pseudonym as searched and compared: lower case, without accents or punctuation
/// ("Zoé T." and "zoe t" are the same), computed here so that both engines agree.
pub fn fold(pseudonym: &str) -> String {
    relais_directory::reference::fold(pseudonym).trim().to_string()
}

/// People of the organisation who may be the same as the one being created: same pseudonym
/// (case, accents, punctuation and spacing ignored), and same postcode and age band when both
/// are known.
pub async fn possible_duplicates(db: &Db, organisation: Uuid, person: &TypedPerson) -> Result<Vec<Person>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM people WHERE organisation_id = $1 AND search_key = $2 ORDER BY created_at");
    let same_name: Vec<Person> = on_db!(db, pool => sqlx::query_as::<_, Person>(sqlx::AssertSqlSafe(sql.clone()))
        .bind(organisation)
        .bind(fold(&person.pseudonym))
        .fetch_all(pool)
        .await)?;
    Ok(same_name
        .into_iter()
        .filter(|p| person.postcode.is_empty() || p.postcode.is_empty() || p.postcode == person.postcode)
        .filter(|p| person.age_band == "unknown" || p.age_band == "unknown" || p.age_band == person.age_band)
        .collect())
}

/// A request for the person was logged: their last activity moves.
pub async fn touch(db: &Db, organisation: Uuid, id: Uuid, at: OffsetDateTime) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("UPDATE people SET last_activity_at = $3 WHERE organisation_id = $1 AND id = $2")
        .bind(organisation)
        .bind(id)
        .bind(at)
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Erase a person: every area's erasure statement runs (their requests, registrations and
/// diagnostics stay, unlinked and without notes, names or contacts), then the record is
/// deleted, in one transaction. Used by the erasure button and by the retention job. `false`
/// when there was none.
pub async fn erase(db: &Db, organisation: Uuid, id: Uuid) -> Result<bool, DbError> {
    let Some(steps) = relais_core::area::ERASURE.get() else {
        return Err(DbError::Sqlx(sqlx::Error::Protocol("erasure refused: the areas' erasure steps are not installed (relais::areas())".into())));
    };
    let deleted = on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        for step in steps {
            sqlx::query(sqlx::AssertSqlSafe(*step)).bind(organisation).bind(id).execute(&mut *tx).await?;
        }
        let done = sqlx::query("DELETE FROM people WHERE organisation_id = $1 AND id = $2").bind(organisation).bind(id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(done.rows_affected() == 1)
    })?;
    Ok(deleted)
}

/// People of every organisation inactive since before their organisation's retention period.
pub async fn inactive(db: &Db, now: OffsetDateTime) -> Result<Vec<(Uuid, Uuid)>, DbError> {
    // The period is per organisation; computed here rather than in SQL date arithmetic, which the
    // two engines spell differently.
    let rows: Vec<(Uuid, Uuid, OffsetDateTime, i64)> = on_db!(db, pool => sqlx::query_as(
        "SELECT p.organisation_id, p.id, p.last_activity_at, o.retention_months FROM people p
         JOIN organisations o ON o.id = p.organisation_id WHERE p.last_activity_at < $1",
    )
    .bind(now - time::Duration::days(30))
    .fetch_all(pool)
    .await)?;
    Ok(rows.into_iter().filter(|(_, _, last, months)| months_between(*last, now) >= *months).map(|(organisation, id, _, _)| (organisation, id)).collect())
}

/// Whole calendar months from `from` to `to` (a month is counted once its day is reached).
pub fn months_between(from: OffsetDateTime, to: OffsetDateTime) -> i64 {
    let months = (to.year() as i64 - from.year() as i64) * 12 + (to.month() as i64 - from.month() as i64);
    if (to.day(), to.time()) < (from.day(), from.time()) { months - 1 } else { months }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn months_are_counted_on_the_calendar() {
        assert_eq!(months_between(datetime!(2024-11-27 10:00 UTC), datetime!(2026-11-27 10:00 UTC)), 24);
        assert_eq!(months_between(datetime!(2024-11-27 10:00 UTC), datetime!(2026-11-27 09:59 UTC)), 23);
        assert_eq!(months_between(datetime!(2024-01-31 00:00 UTC), datetime!(2024-02-29 00:00 UTC)), 0);
    }

    #[test]
    fn pseudonyms_fold_the_same_on_both_engines() {
        assert_eq!(fold("  Zoé  T. "), "zoe t");
        assert_eq!(fold("ÉMILE"), fold("emile"));
    }
}
