//! Collective moments outside the catalogue: information sessions (during a cargo-bike or
//! Digikar stop), neighbourhood meetings, group help. Only an anonymous head count is kept, by
//! age band and gender where known, so that they count in the reports without naming anyone.

use relais_core::{Db, DbError, on_db};
use relais_directory::taxonomy::Taxonomy;
use time::Date;
use uuid::Uuid;

use crate::{terms::Terms, vocabulary};

pub const MAX_HEAD_COUNT: i64 = 10_000;

#[derive(Debug, Clone, Default)]
pub struct TypedMoment {
    pub kind: String,
    pub place: Option<Uuid>,
    pub held_on: String,
    pub minutes: String,
    pub themes: Vec<String>,
    pub facilitators: String,
    /// total, under 25, 25–44, 45–64, 65+, women, men (as typed)
    pub counts: [String; 7],
}

#[derive(Debug, Clone)]
pub struct Moment {
    pub kind: String,
    pub place: Option<Uuid>,
    pub held_on: Date,
    pub minutes: i64,
    pub themes: Vec<String>,
    pub facilitators: String,
    pub counts: [i64; 7],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MomentError {
    #[error("unknown kind")]
    Kind,
    #[error("invalid date")]
    Date,
    #[error("invalid duration")]
    Minutes,
    #[error("no theme")]
    Themes,
    #[error("facilitators missing")]
    Facilitators,
    #[error("invalid head count")]
    Count,
    #[error("the details add up to more than the total")]
    Breakdown,
}

impl MomentError {
    pub fn message_key(self) -> &'static str {
        match self {
            MomentError::Kind => "moment-error-kind",
            MomentError::Date => "moment-error-date",
            MomentError::Minutes => "moment-error-minutes",
            MomentError::Themes => "moment-error-themes",
            MomentError::Facilitators => "moment-error-facilitators",
            MomentError::Count => "moment-error-count",
            MomentError::Breakdown => "moment-error-breakdown",
        }
    }

    pub fn field(self) -> &'static str {
        match self {
            MomentError::Kind => "kind",
            MomentError::Date => "held_on",
            MomentError::Minutes => "minutes",
            MomentError::Themes => "themes",
            MomentError::Facilitators => "facilitators",
            MomentError::Count | MomentError::Breakdown => "head_count",
        }
    }
}

pub fn check(typed: &TypedMoment, terms: &Terms, today: Date) -> Result<Moment, Vec<MomentError>> {
    let mut errors = Vec::new();
    if !vocabulary::contains(vocabulary::MOMENT_KINDS, typed.kind.trim()) {
        errors.push(MomentError::Kind);
    }
    let held_on = Date::parse(typed.held_on.trim(), time::macros::format_description!("[year]-[month]-[day]")).ok().filter(|d| *d <= today && d.year() >= 2000);
    if held_on.is_none() {
        errors.push(MomentError::Date);
    }
    let minutes = typed.minutes.trim().parse::<i64>().ok().filter(|m| (1..=1440).contains(m));
    if minutes.is_none() {
        errors.push(MomentError::Minutes);
    }
    let mut themes: Vec<String> = typed.themes.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect();
    themes.sort();
    themes.dedup();
    if themes.is_empty() || themes.iter().any(|t| !terms.is_active(Taxonomy::Theme, t)) {
        errors.push(MomentError::Themes);
    }
    let facilitators = typed.facilitators.split_whitespace().collect::<Vec<_>>().join(" ");
    if facilitators.is_empty() || facilitators.chars().count() > 300 {
        errors.push(MomentError::Facilitators);
    }
    let mut counts = [0i64; 7];
    let mut bad_count = false;
    for (i, text) in typed.counts.iter().enumerate() {
        let text = text.trim();
        if text.is_empty() && i > 0 {
            continue;
        }
        match text.parse::<i64>() {
            Ok(n) if (0..=MAX_HEAD_COUNT).contains(&n) && (i > 0 || n > 0) => counts[i] = n,
            _ => bad_count = true,
        }
    }
    if bad_count {
        errors.push(MomentError::Count);
    } else if counts[1..5].iter().sum::<i64>() > counts[0] || counts[5] + counts[6] > counts[0] {
        errors.push(MomentError::Breakdown);
    }
    match (held_on, minutes, errors.is_empty()) {
        (Some(held_on), Some(minutes), true) => Ok(Moment { kind: typed.kind.trim().to_string(), place: typed.place, held_on, minutes, themes, facilitators, counts }),
        _ => Err(errors),
    }
}

/// Record a moment (idempotent on `id`).
pub async fn create(db: &Db, id: Uuid, organisation: Uuid, moment: &Moment, by: Option<Uuid>) -> Result<bool, DbError> {
    let [total, under_25, from_25, from_45, from_65, women, men] = moment.counts;
    let done = on_db!(db, pool => sqlx::query(
        "INSERT INTO collective_moments (id, organisation_id, kind, place_id, held_on, minutes, themes, facilitators,
            head_count, age_under_25, age_25_44, age_45_64, age_65_plus, women, men, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(organisation)
    .bind(&moment.kind)
    .bind(moment.place)
    .bind(moment.held_on.to_string())
    .bind(moment.minutes)
    .bind(moment.themes.join(" "))
    .bind(&moment.facilitators)
    .bind(total)
    .bind(under_25)
    .bind(from_25)
    .bind(from_45)
    .bind(from_65)
    .bind(women)
    .bind(men)
    .bind(by)
    .bind(crate::now())
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MomentRow {
    pub id: Uuid,
    pub kind: String,
    pub place_id: Option<Uuid>,
    pub held_on: String,
    pub minutes: i64,
    pub themes: String,
    pub facilitators: String,
    pub head_count: i64,
    pub age_under_25: i64,
    pub age_25_44: i64,
    pub age_45_64: i64,
    pub age_65_plus: i64,
    pub women: i64,
    pub men: i64,
}

pub async fn of_organisation(db: &Db, organisation: Uuid, limit: i64) -> Result<Vec<MomentRow>, DbError> {
    Ok(on_db!(db, pool => sqlx::query_as::<_, MomentRow>(
        "SELECT id, kind, place_id, held_on, minutes, themes, facilitators, head_count, age_under_25, age_25_44, age_45_64,
            age_65_plus, women, men FROM collective_moments WHERE organisation_id = $1 ORDER BY held_on DESC, created_at DESC LIMIT $2",
    )
    .bind(organisation)
    .bind(limit)
    .fetch_all(pool)
    .await)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn terms() -> Terms {
        use relais_directory::taxonomy::Term;
        Terms::from_terms(vec![Term { taxonomy: Taxonomy::Theme, code: "email".into(), labels: Default::default(), active: true }])
    }

    fn typed(total: &str, under_25: &str, women: &str) -> TypedMoment {
        TypedMoment {
            kind: "information-session".into(),
            held_on: "2026-11-20".into(),
            minutes: "90".into(),
            themes: vec!["email".into()],
            facilitators: "Anne, Luc".into(),
            counts: [total.into(), under_25.into(), "".into(), "".into(), "".into(), women.into(), "".into()],
            ..TypedMoment::default()
        }
    }

    #[test]
    fn head_counts_add_up() {
        let today = date!(2026 - 11 - 27);
        assert_eq!(check(&typed("12", "3", "7"), &terms(), today).unwrap().counts, [12, 3, 0, 0, 0, 7, 0]);
        assert_eq!(check(&typed("2", "3", ""), &terms(), today).unwrap_err(), vec![MomentError::Breakdown]);
        assert_eq!(check(&typed("", "", ""), &terms(), today).unwrap_err(), vec![MomentError::Count]);
        assert_eq!(check(&typed("-1", "", ""), &terms(), today).unwrap_err(), vec![MomentError::Count]);
        let mut future = typed("5", "", "");
        future.held_on = "2026-12-01".into();
        assert_eq!(check(&future, &terms(), today).unwrap_err(), vec![MomentError::Date]);
    }
}
