//! The diagnostic's and the workshops' figures for the reports: diagnostics finished, the level
//! distribution per area, access and services already used (the barometer's dimensions: access,
//! skills, use of essential services), workshops held, participants, attendance, and the demand
//! waiting per module and place. Counts only; the reports suppress small cells above the
//! organisation.

use std::collections::BTreeMap;

use relais_core::{Db, DbError, on_db};
use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    diagnostics::{AreaResult, Intake},
    framework::AREAS,
};

pub type Counts = BTreeMap<String, i64>;

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct LearningFigures {
    /// Diagnostics finished in the period.
    pub diagnostics: i64,
    /// Per area code: diagnostics by level ("0"–"4").
    pub levels: BTreeMap<String, Counts>,
    /// Where people use the Internet (the intake), "no-device" for those without a device.
    pub access: Counts,
    /// Essential services already used online (the intake).
    pub services: Counts,
    /// Workshops whose first meeting falls in the period (not cancelled).
    pub workshops: i64,
    /// Booked registrations of those workshops.
    pub participants: i64,
    /// Attendance taken for those workshops: presences and places expected.
    pub present: i64,
    pub expected: i64,
    /// Requests waiting now, per "module-code place-id" (place empty when none).
    pub demand: Counts,
}

impl LearningFigures {
    /// Attendance rate in whole percent (none when no attendance was taken).
    pub fn attendance_rate(&self) -> Option<i64> {
        (self.expected > 0).then(|| (100 * self.present + self.expected / 2) / self.expected)
    }
}

fn placeholders(first: usize, n: usize) -> String {
    (first..first + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// The figures of `organisations` between `start` (included) and `end` (excluded).
pub async fn compute(db: &Db, organisations: &[Uuid], start: OffsetDateTime, end: OffsetDateTime) -> Result<LearningFigures, DbError> {
    let mut f = LearningFigures::default();
    if organisations.is_empty() {
        return Ok(f);
    }
    let orgs = placeholders(3, organisations.len());
    let sql = format!("SELECT intake, result FROM diagnostics WHERE stage = 'done' AND finished_at >= $1 AND finished_at < $2 AND organisation_id IN ({orgs})");
    let rows: Vec<(String, String)> = on_db!(db, pool => {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(start).bind(end);
        for o in organisations {
            query = query.bind(*o);
        }
        query.fetch_all(pool).await
    })?;
    for (intake, result) in rows {
        f.diagnostics += 1;
        let result: Vec<AreaResult> = serde_json::from_str(&result).unwrap_or_default();
        for r in result {
            *f.levels.entry(r.area.code().to_string()).or_default().entry(r.level.to_string()).or_default() += 1;
        }
        let intake: Intake = serde_json::from_str(&intake).unwrap_or_default();
        if intake.devices.is_empty() {
            *f.access.entry("no-device".into()).or_default() += 1;
        }
        if !intake.connection.is_empty() {
            *f.access.entry(intake.connection.clone()).or_default() += 1;
        }
        for s in intake.services {
            *f.services.entry(s).or_default() += 1;
        }
    }
    for area in AREAS {
        f.levels.entry(area.code().to_string()).or_default();
    }
    let sql = format!(
        "SELECT COUNT(*), CAST(COALESCE(SUM(booked), 0) AS BIGINT) FROM workshops WHERE status = 'open' AND starts_at >= $1 AND starts_at < $2 AND organisation_id IN ({orgs})"
    );
    let (workshops, participants): (i64, i64) = on_db!(db, pool => {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(start).bind(end);
        for o in organisations {
            query = query.bind(*o);
        }
        query.fetch_one(pool).await
    })?;
    f.workshops = workshops;
    f.participants = participants;
    let sql = format!(
        "SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN a.present THEN 1 ELSE 0 END), 0) AS BIGINT) FROM attendance a
         JOIN registrations r ON r.id = a.registration_id JOIN workshops w ON w.id = r.workshop_id
         WHERE w.status = 'open' AND w.starts_at >= $1 AND w.starts_at < $2 AND w.organisation_id IN ({orgs})"
    );
    let (expected, present): (i64, i64) = on_db!(db, pool => {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(start).bind(end);
        for o in organisations {
            query = query.bind(*o);
        }
        query.fetch_one(pool).await
    })?;
    f.expected = expected;
    f.present = present;
    let orgs = placeholders(1, organisations.len());
    let sql = format!(
        "SELECT m.code, r.place_id, COUNT(*) FROM module_requests r JOIN modules m ON m.id = r.module_id
         WHERE r.status = 'waiting' AND r.organisation_id IN ({orgs}) GROUP BY m.code, r.place_id"
    );
    let rows: Vec<(String, Option<Uuid>, i64)> = on_db!(db, pool => {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()));
        for o in organisations {
            query = query.bind(*o);
        }
        query.fetch_all(pool).await
    })?;
    for (code, place, n) in rows {
        f.demand.insert(format!("{code} {}", place.map(|p| p.to_string()).unwrap_or_default()).trim().to_string(), n);
    }
    Ok(f)
}
