//! The log itself: one row per request helped. Anonymous unless a helper links a person.
//! A row's id comes from the form (or the API client), so a double submit inserts once.

use relais_core::{Db, DbError, on_db};
use relais_directory::taxonomy::Taxonomy;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{terms::Terms, vocabulary};

/// The longest a request may be logged as lasting (minutes).
pub const MAX_MINUTES: i64 = 480;
pub const MAX_NOTE: usize = 2000;

/// A request to log, once checked.
#[derive(Debug, Clone)]
pub struct NewAccompaniment {
    pub id: Uuid,
    pub organisation: Uuid,
    pub helper: Option<Uuid>,
    /// `professional` or `volunteer`, from the helper's role.
    pub helper_kind: &'static str,
    pub setting: String,
    pub place: Option<Uuid>,
    pub started_at: OffsetDateTime,
    pub minutes: i64,
    pub themes: Vec<String>,
    pub online_service: String,
    pub autonomy: String,
    pub outcome: String,
    pub steps: i64,
    pub note: String,
    pub follow_up_on: Option<Date>,
    pub person: Option<Uuid>,
}

/// What is wrong with a request as typed (each has a translated message).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LogError {
    #[error("no theme")]
    NoTheme,
    #[error("unknown theme")]
    UnknownTheme,
    #[error("unknown online service")]
    UnknownService,
    #[error("how it went is missing")]
    NoAutonomy,
    #[error("outcome missing")]
    NoOutcome,
    #[error("unknown setting")]
    UnknownSetting,
    #[error("time spent out of range")]
    Minutes,
    #[error("invalid follow-up date")]
    FollowUp,
    #[error("note too long")]
    NoteTooLong,
}

impl LogError {
    pub fn message_key(self) -> &'static str {
        match self {
            LogError::NoTheme => "log-error-no-theme",
            LogError::UnknownTheme => "log-error-unknown-theme",
            LogError::UnknownService => "log-error-unknown-service",
            LogError::NoAutonomy => "log-error-no-autonomy",
            LogError::NoOutcome => "log-error-no-outcome",
            LogError::UnknownSetting => "log-error-unknown-setting",
            LogError::Minutes => "log-error-minutes",
            LogError::FollowUp => "log-error-follow-up",
            LogError::NoteTooLong => "log-error-note-too-long",
        }
    }

    /// The form field the error belongs to (for `aria-describedby` and focus).
    pub fn field(self) -> &'static str {
        match self {
            LogError::NoTheme | LogError::UnknownTheme => "themes",
            LogError::UnknownService => "online_service",
            LogError::NoAutonomy => "autonomy",
            LogError::NoOutcome => "outcome",
            LogError::UnknownSetting => "setting",
            LogError::Minutes => "minutes",
            LogError::FollowUp => "follow_up_on",
            LogError::NoteTooLong => "note",
        }
    }
}

/// The typed values, before checking (shared by the form and the API).
#[derive(Debug, Clone, Default)]
pub struct Typed {
    pub setting: String,
    pub themes: Vec<String>,
    pub online_service: String,
    pub autonomy: String,
    pub outcome: String,
    pub minutes: Option<i64>,
    pub steps: Vec<String>,
    pub note: String,
    pub follow_up_on: String,
}

/// Checked parts of a request.
#[derive(Debug, Clone)]
pub struct Checked {
    pub setting: String,
    pub themes: Vec<String>,
    pub online_service: String,
    pub autonomy: String,
    pub outcome: String,
    pub minutes: i64,
    pub steps: i64,
    pub note: String,
    pub follow_up_on: Option<Date>,
}

/// Check what was typed against the lists; every problem at once.
pub fn check(typed: &Typed, terms: &Terms, default_minutes: i64) -> Result<Checked, Vec<LogError>> {
    let mut errors = Vec::new();
    let mut themes: Vec<String> = typed.themes.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect();
    themes.sort();
    themes.dedup();
    if themes.is_empty() {
        errors.push(LogError::NoTheme);
    } else if themes.iter().any(|t| !terms.is_active(Taxonomy::Theme, t)) {
        errors.push(LogError::UnknownTheme);
    }
    let service = typed.online_service.trim();
    if !service.is_empty() && !terms.is_active(Taxonomy::OnlineService, service) {
        errors.push(LogError::UnknownService);
    }
    if !terms.is_active(Taxonomy::Autonomy, typed.autonomy.trim()) {
        errors.push(LogError::NoAutonomy);
    }
    if !terms.is_active(Taxonomy::Outcome, typed.outcome.trim()) {
        errors.push(LogError::NoOutcome);
    }
    if !vocabulary::contains(vocabulary::SETTINGS, typed.setting.trim()) {
        errors.push(LogError::UnknownSetting);
    }
    let minutes = typed.minutes.unwrap_or(default_minutes);
    if !(1..=MAX_MINUTES).contains(&minutes) {
        errors.push(LogError::Minutes);
    }
    let follow_up_on = match typed.follow_up_on.trim() {
        "" => None,
        text => match Date::parse(text, time::macros::format_description!("[year]-[month]-[day]")) {
            Ok(date) => Some(date),
            Err(_) => {
                errors.push(LogError::FollowUp);
                None
            }
        },
    };
    let note = typed.note.trim().to_string();
    if note.chars().count() > MAX_NOTE {
        errors.push(LogError::NoteTooLong);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Checked {
        setting: typed.setting.trim().to_string(),
        themes,
        online_service: service.to_string(),
        autonomy: typed.autonomy.trim().to_string(),
        outcome: typed.outcome.trim().to_string(),
        minutes,
        steps: vocabulary::steps_bits(typed.steps.iter().map(String::as_str)),
        note,
        follow_up_on,
    })
}

/// One request; a repeated id (a double submit, a retried API call) changes nothing.
const INSERT: &str = "INSERT INTO accompaniments (id, organisation_id, helper_id, helper_kind, setting, place_id, started_at, minutes,
            themes, online_service, autonomy, outcome, steps, note, follow_up_on, person_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         ON CONFLICT (id) DO NOTHING";

/// Insert a request; `false` when a request with this id already exists (a repeated submit).
/// A linked person's last activity moves to now.
pub async fn insert(db: &Db, new: &NewAccompaniment) -> Result<bool, DbError> {
    let now = crate::now();
    let done = on_db!(db, pool => sqlx::query(INSERT)
    .bind(new.id)
    .bind(new.organisation)
    .bind(new.helper)
    .bind(new.helper_kind)
    .bind(&new.setting)
    .bind(new.place)
    .bind(crate::whole_seconds(new.started_at))
    .bind(new.minutes)
    .bind(new.themes.join(" "))
    .bind(&new.online_service)
    .bind(&new.autonomy)
    .bind(&new.outcome)
    .bind(new.steps)
    .bind(&new.note)
    .bind(new.follow_up_on.map(|d| d.to_string()))
    .bind(new.person)
    .bind(now)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    let created = done == 1;
    if created && let Some(person) = new.person {
        crate::people::touch(db, new.organisation, person, now).await?;
    }
    Ok(created)
}

/// One logged request.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Accompaniment {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub helper_id: Option<Uuid>,
    pub helper_kind: String,
    pub setting: String,
    pub place_id: Option<Uuid>,
    pub started_at: OffsetDateTime,
    pub minutes: i64,
    pub themes: String,
    pub online_service: String,
    pub autonomy: String,
    pub outcome: String,
    pub steps: i64,
    pub note: String,
    pub follow_up_on: Option<String>,
    pub person_id: Option<Uuid>,
}

const COLUMNS: &str = "id, organisation_id, helper_id, helper_kind, setting, place_id, started_at, minutes, themes,
    online_service, autonomy, outcome, steps, note, follow_up_on, person_id";

/// Which requests a list shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct ListFilter {
    /// Only this helper's (a volunteer's own list).
    pub helper: Option<Uuid>,
    /// Only with a follow-up date on or after this day.
    pub follow_up_from: Option<Date>,
    /// Only started before this instant (paging).
    pub before: Option<OffsetDateTime>,
}

/// The organisation's requests, newest first.
pub async fn list(db: &Db, organisation: Uuid, filter: ListFilter, limit: i64) -> Result<Vec<Accompaniment>, DbError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM accompaniments
         WHERE organisation_id = $1 AND ($2 IS NULL OR helper_id = $2) AND ($3 IS NULL OR started_at < $3)
           AND ($4 IS NULL OR follow_up_on >= $4)
         ORDER BY {} LIMIT $5",
        if filter.follow_up_from.is_some() { "follow_up_on, started_at DESC" } else { "started_at DESC" }
    );
    Ok(on_db!(db, pool => sqlx::query_as::<_, Accompaniment>(sqlx::AssertSqlSafe(sql.clone()))
        .bind(organisation)
        .bind(filter.helper)
        .bind(filter.before)
        .bind(filter.follow_up_from.map(|d| d.to_string()))
        .bind(limit)
        .fetch_all(pool)
        .await)?)
}

/// A person's requests, newest first (within their organisation).
pub async fn of_person(db: &Db, organisation: Uuid, person: Uuid) -> Result<Vec<Accompaniment>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM accompaniments WHERE organisation_id = $1 AND person_id = $2 ORDER BY started_at DESC");
    Ok(on_db!(db, pool => sqlx::query_as::<_, Accompaniment>(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).bind(person).fetch_all(pool).await)?)
}

/// One request of the organisation.
pub async fn find(db: &Db, organisation: Uuid, id: Uuid) -> Result<Option<Accompaniment>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM accompaniments WHERE organisation_id = $1 AND id = $2");
    Ok(on_db!(db, pool => sqlx::query_as::<_, Accompaniment>(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).bind(id).fetch_optional(pool).await)?)
}

/// How many requests this helper logged since `since` (the session's counter): logged since then,
/// and started at most [`MAX_MINUTES`] before it (requests imported at that time are not the session's).
pub async fn count_since(db: &Db, organisation: Uuid, helper: Uuid, since: OffsetDateTime) -> Result<i64, DbError> {
    let since = crate::whole_seconds(since);
    Ok(on_db!(db, pool => sqlx::query_scalar(
        "SELECT COUNT(*) FROM accompaniments WHERE organisation_id = $1 AND helper_id = $2 AND created_at >= $3 AND started_at >= $4",
    )
    .bind(organisation)
    .bind(helper)
    .bind(since)
    .bind(since - time::Duration::minutes(MAX_MINUTES))
    .fetch_one(pool)
    .await)?)
}

/// The themes and online services an organisation's recent requests named, most used first: the
/// log form offers them in one tap, the others one tap further.
#[derive(Debug, Default, PartialEq)]
pub struct Frequent {
    pub themes: Vec<String>,
    pub online_services: Vec<String>,
}

/// How many recent requests [`frequent`] looks at (enough to be representative, cheap to count).
const FREQUENT_SAMPLE: i64 = 1000;

/// What the organisation's requests since `since` named most (of the latest [`FREQUENT_SAMPLE`]).
pub async fn frequent(db: &Db, organisation: Uuid, since: OffsetDateTime) -> Result<Frequent, DbError> {
    let rows: Vec<(String, String)> = on_db!(db, pool => sqlx::query_as(
        "SELECT themes, online_service FROM accompaniments
         WHERE organisation_id = $1 AND started_at >= $2 ORDER BY started_at DESC LIMIT $3",
    )
    .bind(organisation)
    .bind(crate::whole_seconds(since))
    .bind(FREQUENT_SAMPLE)
    .fetch_all(pool)
    .await)?;
    let mut themes = std::collections::HashMap::<&str, usize>::new();
    let mut services = std::collections::HashMap::<&str, usize>::new();
    for (row_themes, service) in &rows {
        for theme in row_themes.split_whitespace() {
            *themes.entry(theme).or_default() += 1;
        }
        if !service.is_empty() {
            *services.entry(service.as_str()).or_default() += 1;
        }
    }
    let ranked = |counts: std::collections::HashMap<&str, usize>| {
        let mut list: Vec<(&str, usize)> = counts.into_iter().collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        list.into_iter().map(|(code, _)| code.to_string()).collect()
    };
    Ok(Frequent { themes: ranked(themes), online_services: ranked(services) })
}

/// Insert many requests in one transaction (demo data, imports); existing ids are skipped. Their
/// `created_at` is now: the roll-ups pick them up at their next run.
pub async fn insert_many(db: &Db, rows: &[NewAccompaniment]) -> Result<(), DbError> {
    let now = crate::now();
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        for new in rows {
            sqlx::query(INSERT)
            .bind(new.id)
            .bind(new.organisation)
            .bind(new.helper)
            .bind(new.helper_kind)
            .bind(&new.setting)
            .bind(new.place)
            .bind(crate::whole_seconds(new.started_at))
            .bind(new.minutes)
            .bind(new.themes.join(" "))
            .bind(&new.online_service)
            .bind(&new.autonomy)
            .bind(&new.outcome)
            .bind(new.steps)
            .bind(&new.note)
            .bind(new.follow_up_on.map(|d| d.to_string()))
            .bind(new.person)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    })?;
    Ok(())
}
