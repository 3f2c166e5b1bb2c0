//! The diagnostic's and the workshops' figures for the reports: diagnostics finished, the level
//! distribution per area, access and services already used (the barometer's dimensions: access,
//! skills, use of essential services), workshops held, participants, attendance, and the demand
//! waiting per module and place. Counts only; the reports suppress small cells above the
//! organisation.

use std::collections::BTreeMap;

use relais_core::{
    Db, DbError,
    figures::{CountFuture, Counted, CountedTable, Headline, Measure},
    i18n::{FluentArg, Locale, Tr},
    on_db,
};
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

/// What diagnostics and workshops add to the reports (see [`relais_core::figures`]): their
/// headline figures, the level distribution per area, access and services already used, and
/// the demand waiting, labelled in `locale`.
pub fn source<'a>(db: &'a Db, organisations: &'a [Uuid], start: OffsetDateTime, end: OffsetDateTime, locale: Locale) -> CountFuture<'a> {
    Box::pin(async move {
        let f = compute(db, organisations, start, end).await?;
        let tr = Tr::new(locale);
        let headline = vec![
            Headline { code: "diagnostics", label: "report-diagnostics", value: f.diagnostics, measure: Measure::People },
            Headline { code: "workshops", label: "report-workshops", value: f.workshops, measure: Measure::NoOne },
            Headline { code: "participants", label: "report-workshop-participants", value: f.participants, measure: Measure::People },
            Headline { code: "attendance-rate", label: "report-attendance-rate", value: f.attendance_rate().unwrap_or(0), measure: Measure::RateOf(f.expected) },
        ];
        let labelled = |id: String, caption: &'static str, counts: &Counts, label: &dyn Fn(&str) -> String, in_code_order: bool| CountedTable {
            id,
            caption,
            labels: counts.keys().map(|c| (c.clone(), label(c))).collect(),
            counts: counts.clone(),
            in_code_order,
        };
        let mut tables = Vec::new();
        for (area, caption) in AREAS.iter().zip(["report-level-device", "report-level-information", "report-level-communication", "report-level-procedures", "report-level-safety"])
        {
            // Every level of the five, even with no one at it, so the label function knows them.
            let counts = f.levels.get(area.code()).cloned().unwrap_or_default();
            let level = |code: &str| tr.t_args("result-level", &[("level", FluentArg::Number(code.parse().unwrap_or(0.0)))]);
            tables.push(labelled(format!("level-{}", area.code()), caption, &counts, &level, true));
        }
        let access = |code: &str| {
            tr.t(match code {
                "no-device" => "report-access-no-device",
                "home" => "intake-connection-home",
                "mobile-data" => "intake-connection-mobile",
                "public" => "intake-connection-public",
                _ => "intake-connection-none",
            })
        };
        tables.push(labelled("access".into(), "report-diagnostic-access", &f.access, &access, false));
        let services = |code: &str| {
            tr.t(match code {
                "email" => "intake-service-email",
                "banking" => "intake-service-banking",
                "health-insurance" => "intake-service-health-insurance",
                "taxes" => "intake-service-taxes",
                "pension" => "intake-service-pension",
                _ => "intake-service-employment",
            })
        };
        tables.push(labelled("services".into(), "report-diagnostic-services", &f.services, &services, false));
        // The demand: a module's title and the place asked for.
        let (mut modules, mut places) = (std::collections::HashMap::new(), std::collections::HashMap::new());
        if !f.demand.is_empty() {
            modules = crate::catalogue::all_active(db).await?.into_iter().map(|m| (m.code.clone(), m.text(locale).title.clone())).collect();
            let wanted: std::collections::BTreeSet<Uuid> = f.demand.keys().filter_map(|c| c.split_once(' ').and_then(|(_, p)| Uuid::parse_str(p).ok())).collect();
            for o in organisations {
                for p in relais_directory::places::places_of(db, *o).await?.into_iter().filter(|p| wanted.contains(&p.id)) {
                    places.insert(p.id, p.name(locale).to_string());
                }
            }
        }
        let demand = |code: &str| {
            let (module, place) = code.split_once(' ').unwrap_or((code, ""));
            let title = modules.get(module).cloned().unwrap_or_else(|| module.to_string());
            match Uuid::parse_str(place).ok().and_then(|p| places.get(&p)) {
                Some(place) => format!("{title} — {place}"),
                None => title,
            }
        };
        tables.push(labelled("demand".into(), "report-demand", &f.demand, &demand, false));
        Ok(Counted { headline, tables })
    })
}
