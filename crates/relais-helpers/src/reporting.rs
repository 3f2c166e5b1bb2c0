//! What the helpers area adds to the reports (see [`relais_core::figures`]): volunteers and
//! workers helping, applications and their stages, hours helped, drop-in dates covered and short,
//! helpers per job family. The reports suppress small counts above the organisation.

use std::collections::BTreeMap;

use relais_core::{
    Db, DbError,
    figures::{CountFuture, Counted, CountedTable, Headline, Measure},
    i18n::{Locale, Tr},
    on_db,
};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    journey::Stage,
    shifts::{self},
};

/// The counts of `organisations` for `[start, end)`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HelperFigures {
    pub volunteers: i64,
    pub workers: i64,
    pub applications: i64,
    pub minutes: i64,
    pub covered: i64,
    pub short: i64,
    pub stages: BTreeMap<String, i64>,
    pub families: BTreeMap<String, i64>,
}

fn local(at: OffsetDateTime) -> jiff::civil::Date {
    let d = relais_core::dates::local_date_of(at);
    jiff::civil::Date::new(d.year() as i16, u8::from(d.month()) as i8, d.day() as i8).unwrap_or(jiff::civil::Date::constant(2026, 1, 1))
}

pub async fn compute(db: &Db, organisations: &[Uuid], start: OffsetDateTime, end: OffsetDateTime) -> Result<HelperFigures, DbError> {
    let mut f = HelperFigures::default();
    let now = OffsetDateTime::now_utc();
    for organisation in organisations {
        // Helping at the end of the period: active profiles that existed by then.
        let rows: Vec<(String, i64)> = on_db!(db, pool => sqlx::query_as(
            "SELECT job_family, COUNT(*) FROM helpers WHERE organisation_id = $1 AND status = 'active' AND created_at < $2 GROUP BY job_family",
        )
        .bind(organisation)
        .bind(end)
        .fetch_all(pool)
        .await)?;
        for (family, n) in rows {
            if family == "volunteer" {
                f.volunteers += n;
            } else {
                f.workers += n;
            }
            *f.families.entry(family).or_default() += n;
        }
        let stages: Vec<(String, i64)> = on_db!(db, pool => sqlx::query_as(
            "SELECT stage, COUNT(*) FROM applications WHERE organisation_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY stage",
        )
        .bind(organisation)
        .bind(start)
        .bind(end)
        .fetch_all(pool)
        .await)?;
        for (stage, n) in stages {
            f.applications += n;
            *f.stages.entry(stage).or_default() += n;
        }
        let minutes: Option<i64> = on_db!(db, pool => sqlx::query_scalar(
            "SELECT CAST(SUM(minutes) AS BIGINT) FROM shifts WHERE organisation_id = $1 AND status <> 'withdrawn' AND starts_at >= $2 AND starts_at < $3 AND starts_at < $4",
        )
        .bind(organisation)
        .bind(start)
        .bind(end)
        .bind(now)
        .fetch_one(pool)
        .await)?;
        f.minutes += minutes.unwrap_or(0);
        // Drop-in dates that needed helpers, up to yesterday: covered or short.
        let last = local(end.min(now)).yesterday().unwrap_or(local(end.min(now)));
        let first = local(start);
        if first <= last {
            let dates = shifts::occurrences(db, *organisation, Locale::Fr, first, last).await?;
            let taken = shifts::shifts_between(db, *organisation, first, last).await?;
            for o in dates.iter().filter(|o| o.need.as_ref().is_some_and(|n| n.helpers > 0)) {
                let need = o.need.as_ref().map_or(0, |n| n.helpers);
                let here = taken.iter().filter(|s| s.session_id == o.session_id && s.date == o.date).count() as i64;
                if here >= need {
                    f.covered += 1;
                } else {
                    f.short += 1;
                }
            }
        }
    }
    Ok(f)
}

/// The helpers' figures for the reports.
pub fn source<'a>(db: &'a Db, organisations: &'a [Uuid], start: OffsetDateTime, end: OffsetDateTime, locale: Locale) -> CountFuture<'a> {
    Box::pin(async move {
        let f = compute(db, organisations, start, end).await?;
        let tr = Tr::new(locale);
        let headline = vec![
            Headline { code: "volunteers-active", label: "report-volunteers-active", value: f.volunteers, measure: Measure::People },
            Headline { code: "workers-helping", label: "report-workers-helping", value: f.workers, measure: Measure::People },
            Headline { code: "volunteer-applications", label: "report-volunteer-applications", value: f.applications, measure: Measure::People },
            Headline { code: "hours-helped", label: "report-hours-helped", value: f.minutes / 60, measure: Measure::NoOne },
            Headline { code: "sessions-covered", label: "report-sessions-covered", value: f.covered, measure: Measure::NoOne },
            Headline { code: "sessions-short", label: "report-sessions-short", value: f.short, measure: Measure::NoOne },
        ];
        let stage_label = |code: &str| Stage::parse(code).map(|s| tr.t(s.key())).unwrap_or_else(|| code.to_string());
        let terms = relais_directory::taxonomy::all_terms(db).await?;
        let family_label = |code: &str| {
            terms
                .iter()
                .find(|t| t.taxonomy == relais_directory::taxonomy::Taxonomy::JobFamily && t.code == code)
                .map(|t| t.label(locale).to_string())
                .unwrap_or_else(|| code.to_string())
        };
        let tables = vec![
            CountedTable {
                id: "volunteer-stages".into(),
                caption: "report-volunteer-stages",
                labels: f.stages.keys().map(|c| (c.clone(), stage_label(c))).collect(),
                counts: f.stages.clone(),
                in_code_order: false,
            },
            CountedTable {
                id: "helpers-families".into(),
                caption: "report-helpers-families",
                labels: f.families.keys().map(|c| (c.clone(), family_label(c))).collect(),
                counts: f.families.clone(),
                in_code_order: false,
            },
        ];
        Ok(Counted { headline, tables })
    })
}
