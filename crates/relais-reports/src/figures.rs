//! The indicators of a scope (a set of organisations) over a period of months, read from the
//! roll-ups (requests) and from the small tables (people, redirections, collective moments,
//! signals). Designed to grow: a later area adds its own indicators next to these.

use std::collections::BTreeMap;

use relais_core::{Db, DbError, on_db};
use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::rollup::month_bounds;

/// Whole months, inclusive: "2026-01" to "2026-12".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from: String,
    pub to: String,
}

impl Period {
    /// The instants the period starts and ends.
    pub fn bounds(&self) -> Option<(OffsetDateTime, OffsetDateTime)> {
        Some((month_bounds(&self.from)?.0, month_bounds(&self.to)?.1))
    }

    /// How many months it spans.
    pub fn months(&self) -> i64 {
        let index = |m: &str| -> Option<i64> {
            let (y, m) = m.split_once('-')?;
            Some(y.parse::<i64>().ok()? * 12 + m.parse::<i64>().ok()? - 1)
        };
        match (index(&self.from), index(&self.to)) {
            (Some(a), Some(b)) => b - a + 1,
            _ => 0,
        }
    }

    /// The period of the same length just before.
    pub fn previous(&self) -> Period {
        let shift = |m: &str, by: i64| -> String {
            let (y, mo) = m.split_once('-').unwrap_or(("2000", "01"));
            let index = y.parse::<i64>().unwrap_or(2000) * 12 + mo.parse::<i64>().unwrap_or(1) - 1 - by;
            format!("{:04}-{:02}", index.div_euclid(12), index.rem_euclid(12) + 1)
        };
        let n = self.months();
        Period { from: shift(&self.from, n), to: shift(&self.to, n) }
    }

    /// A month as typed ("2026-03"), when plausible.
    pub fn parse_month(text: &str) -> Option<String> {
        let (y, m) = text.trim().split_once('-')?;
        let (y, m): (i32, u8) = (y.parse().ok()?, m.parse().ok()?);
        ((2000..=2100).contains(&y) && (1..=12).contains(&m)).then(|| format!("{y:04}-{m:02}"))
    }
}

/// Counts per value of one dimension (requests; for time spent, minutes).
pub type Counts = BTreeMap<String, i64>;

/// Everything the dashboards, exports and API show, before suppression.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub requests: i64,
    pub minutes: i64,
    /// Distinct people followed who were helped in the period.
    pub people: i64,
    /// Requests per value, for each roll-up dimension (theme, online-service, …, month).
    pub dimensions: BTreeMap<String, Counts>,
    /// People helped, by age band, gender and situation.
    pub people_by: BTreeMap<String, Counts>,
    /// Redirections sent, by how they ended.
    pub redirections: Counts,
    pub moments: i64,
    pub moment_head_count: i64,
    /// Head count of collective moments by age band and gender where known.
    pub moment_people: Counts,
    /// Political signals recorded (not set aside), and by barrier.
    pub signals: i64,
    pub signals_by_barrier: Counts,
    /// What the other areas counted (diagnostics and workshops…), one per registered source.
    pub sources: Vec<relais_core::figures::Counted>,
}

fn placeholders(first: usize, n: usize) -> String {
    (first..first + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// Compute the figures of `organisations` over `period`: the log's here, the other areas' from
/// their `sources`, labelled in `locale`.
pub async fn compute(db: &Db, organisations: &[Uuid], period: &Period, sources: &[relais_core::figures::Source], locale: relais_core::i18n::Locale) -> Result<Figures, DbError> {
    let mut figures = Figures::default();
    if organisations.is_empty() {
        return Ok(figures);
    }
    let Some((start, end)) = period.bounds() else { return Ok(figures) };
    let orgs = placeholders(3, organisations.len());

    // Requests: from the roll-ups.
    let sql = format!(
        "SELECT dimension, value, month, CAST(SUM(requests) AS BIGINT), CAST(SUM(minutes) AS BIGINT) FROM activity_rollup
         WHERE month >= $1 AND month <= $2 AND organisation_id IN ({orgs}) GROUP BY dimension, value, month"
    );
    let rows: Vec<(String, String, String, i64, i64)> = on_db!(db, pool => {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(&period.from).bind(&period.to);
        for o in organisations {
            query = query.bind(*o);
        }
        query.fetch_all(pool).await
    })?;
    for (dimension, value, month, requests, minutes) in rows {
        if dimension == "total" {
            figures.requests += requests;
            figures.minutes += minutes;
            *figures.dimensions.entry("month".into()).or_default().entry(month).or_default() += requests;
        } else {
            *figures.dimensions.entry(dimension).or_default().entry(value).or_default() += requests;
        }
    }
    // Distinct people helped, and who they are.
    let sql = format!(
        "SELECT p.age_band, p.gender, p.situations FROM people p WHERE p.id IN (
            SELECT DISTINCT pm.person_id FROM people_months pm WHERE pm.month >= $1 AND pm.month <= $2 AND pm.organisation_id IN ({orgs}))"
    );
    let people: Vec<(String, String, String)> = on_db!(db, pool => {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(&period.from).bind(&period.to);
        for o in organisations {
            query = query.bind(*o);
        }
        query.fetch_all(pool).await
    })?;
    figures.people = people.len() as i64;
    for (age, gender, situations) in people {
        *figures.people_by.entry("age-band".into()).or_default().entry(age).or_default() += 1;
        *figures.people_by.entry("gender".into()).or_default().entry(gender).or_default() += 1;
        for s in situations.split_whitespace() {
            *figures.people_by.entry("situation".into()).or_default().entry(s.to_string()).or_default() += 1;
        }
    }

    // The redirections of the requests helped in the period, by status: each comes from one
    // request, so there are never more than requests (a redirection is dated by its request).
    let sql = format!(
        "SELECT r.status, COUNT(*) FROM redirections r JOIN accompaniments a ON a.id = r.accompaniment_id
         WHERE a.started_at >= $1 AND a.started_at < $2 AND r.organisation_id IN ({orgs}) GROUP BY r.status"
    );
    let rows: Vec<(String, i64)> = on_db!(db, pool => {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(start).bind(end);
        for o in organisations {
            query = query.bind(*o);
        }
        query.fetch_all(pool).await
    })?;
    figures.redirections = rows.into_iter().collect();

    // Collective moments held in the period.
    let (from_day, until_day) = (format!("{}-01", period.from), format!("{}-31", period.to));
    let sql = format!(
        "SELECT COUNT(*), CAST(COALESCE(SUM(head_count), 0) AS BIGINT), CAST(COALESCE(SUM(age_under_25), 0) AS BIGINT), CAST(COALESCE(SUM(age_25_44), 0) AS BIGINT), CAST(COALESCE(SUM(age_45_64), 0) AS BIGINT),
                CAST(COALESCE(SUM(age_65_plus), 0) AS BIGINT), CAST(COALESCE(SUM(women), 0) AS BIGINT), CAST(COALESCE(SUM(men), 0) AS BIGINT)
         FROM collective_moments WHERE held_on >= $1 AND held_on <= $2 AND organisation_id IN ({orgs})"
    );
    let row: (i64, i64, i64, i64, i64, i64, i64, i64) = on_db!(db, pool => {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(&from_day).bind(&until_day);
        for o in organisations {
            query = query.bind(*o);
        }
        query.fetch_one(pool).await
    })?;
    figures.moments = row.0;
    figures.moment_head_count = row.1;
    figures.moment_people =
        [("under-25", row.2), ("25-44", row.3), ("45-64", row.4), ("65-plus", row.5), ("women", row.6), ("men", row.7)].into_iter().map(|(k, v)| (k.to_string(), v)).collect();

    // Political signals recorded in the period (each merged duplicate counts in the one it joined).
    let sql = format!(
        "SELECT barrier, CAST(SUM(occurrences) AS BIGINT) FROM signals WHERE status <> 'set-aside' AND created_at >= $1 AND created_at < $2
         AND organisation_id IN ({orgs}) GROUP BY barrier"
    );
    let rows: Vec<(String, i64)> = on_db!(db, pool => {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(start).bind(end);
        for o in organisations {
            query = query.bind(*o);
        }
        query.fetch_all(pool).await
    })?;
    figures.signals = rows.iter().map(|(_, n)| n).sum();
    figures.signals_by_barrier = rows.into_iter().filter(|(_, n)| *n > 0).collect();
    for source in sources {
        figures.sources.push(source(db, organisations, start, end, locale).await?);
    }
    Ok(figures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_have_a_previous_one_of_the_same_length() {
        let p = Period { from: "2026-01".into(), to: "2026-12".into() };
        assert_eq!(p.months(), 12);
        assert_eq!(p.previous(), Period { from: "2025-01".into(), to: "2025-12".into() });
        let q = Period { from: "2026-02".into(), to: "2026-03".into() };
        assert_eq!(q.previous(), Period { from: "2025-12".into(), to: "2026-01".into() });
        assert_eq!(Period::parse_month("2026-3").as_deref(), Some("2026-03"));
        assert_eq!(Period::parse_month("1999-01"), None);
    }
}
