//! `relais bench report --records N`: N synthetic requests across 200 organisations (20 projects
//! of 10, one programme) over three years, the roll-ups built, then the dashboard's queries timed
//! for one organisation, one project and the programme. One line per scope:
//! `bench: engine=… records=N scope=organisation|project|programme median_ms=… p95_ms=…`.

use std::time::{Duration, Instant};

use clap::Args;
use relais_core::on_db;
use relais_organisations::{
    model::{GroupKind, GroupRole, OrganisationKind},
    organisations::{self, NewOrganisation},
};
use relais_reports::{
    figures::{self, Period},
    rollup,
};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::args::CliResult;

#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// How many requests to generate.
    #[arg(long, default_value_t = 100_000)]
    pub records: usize,
    /// An EMPTY database (postgres://… or sqlite://…); default: a temporary SQLite file.
    #[arg(long = "database")]
    pub database: Option<String>,
    /// Timed runs per scope.
    #[arg(long, default_value_t = 30)]
    pub runs: usize,
}

/// One generated request: id, organisation, helper kind, start, minutes, theme, service, autonomy, outcome, steps.
type Synthetic = (Uuid, Uuid, &'static str, OffsetDateTime, i64, &'static str, &'static str, &'static str, &'static str, i64);

const ORGANISATIONS: usize = 200;
const PER_PROJECT: usize = 10;
const MONTHS: i64 = 36;
const THEMES: &[&str] = &["pension", "taxes", "identity", "employment", "health-insurance", "email", "banking", "smartphone", "housing", "transport"];
const SERVICES: &[&str] = &["mypension", "myminfin", "itsme", "forem", "health-insurance-fund", "", "bank", "", "municipality", "rail"];
const OUTCOMES: &[&str] = &["solved", "solved", "partly-solved", "follow-up", "not-solved", "redirected"];
const AUTONOMY: &[&str] = &["done-for", "done-with", "done-by", "explained"];
/// Rows per multi-row INSERT (12 parameters a row).
const BATCH: usize = 1000;

pub async fn run(args: ReportArgs) -> CliResult {
    let fresh = super::fresh::fresh_database(args.database.as_deref(), "report", "organisations and synthetic requests").await?;
    let db = fresh.db.clone();
    let engine = db.engine().name();

    // 200 organisations, 20 projects of 10, one programme.
    let programme = organisations::create_group(&db, "bench-programme", GroupKind::Programme, "Bench programme", None).await?;
    let mut orgs = Vec::new();
    let mut projects: Vec<Vec<Uuid>> = Vec::new();
    let mut project = programme;
    for i in 0..ORGANISATIONS {
        let slug = format!("bench-cpas-{i}");
        let name = format!("CPAS bench {i}");
        let id = organisations::create(
            &db,
            &NewOrganisation { slug: &slug, name: &name, kind: OrganisationKind::Cpas, municipality: "Namur", languages: "fr", email: None, phone: None, website: None },
        )
        .await?;
        if i % PER_PROJECT == 0 {
            project = organisations::create_group(&db, &format!("bench-project-{}", i / PER_PROJECT), GroupKind::Project, "Bench project", Some(programme)).await?;
            projects.push(Vec::new());
        }
        organisations::add_to_group(&db, project, id, if i % PER_PROJECT == 0 { GroupRole::Lead } else { GroupRole::Partner }).await?;
        if let Some(members) = projects.last_mut() {
            members.push(id);
        }
        orgs.push(id);
    }

    // The requests, in batches.
    let started = Instant::now();
    let mut rng = fastrand::Rng::with_seed(42);
    let now = relais_accompaniments::now();
    let mut left = args.records;
    while left > 0 {
        let n = left.min(BATCH);
        left -= n;
        let values = (0..n)
            .map(|i| {
                format!(
                    "(${}, ${}, NULL, ${}, 'place', NULL, ${}, ${}, ${}, ${}, ${}, ${}, ${}, '', NULL, NULL, ${})",
                    i * 11 + 1,
                    i * 11 + 2,
                    i * 11 + 3,
                    i * 11 + 4,
                    i * 11 + 5,
                    i * 11 + 6,
                    i * 11 + 7,
                    i * 11 + 8,
                    i * 11 + 9,
                    i * 11 + 10,
                    i * 11 + 11
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO accompaniments (id, organisation_id, helper_id, helper_kind, setting, place_id, started_at, minutes, themes,
                online_service, autonomy, outcome, steps, note, follow_up_on, person_id, created_at) VALUES {values}"
        );
        let rows: Vec<Synthetic> = (0..n)
            .map(|_| {
                let t = rng.usize(..THEMES.len());
                let at = now - time::Duration::seconds(rng.i64(0..MONTHS * 30 * 86_400));
                (
                    Uuid::from_u64_pair(rng.u64(..), rng.u64(..)),
                    orgs[rng.usize(..orgs.len())],
                    if rng.u8(..4) == 0 { "volunteer" } else { "professional" },
                    at,
                    5 + rng.i64(0..50),
                    THEMES[t],
                    SERVICES[t],
                    AUTONOMY[rng.usize(..AUTONOMY.len())],
                    OUTCOMES[rng.usize(..OUTCOMES.len())],
                    rng.i64(0..32),
                )
            })
            .collect();
        on_db!(&db, pool => {
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.clone()));
            for (id, org, helper_kind, at, minutes, theme, service, autonomy, outcome, steps) in &rows {
                query = query.bind(*id).bind(*org).bind(*helper_kind).bind(*at).bind(*minutes).bind(*theme).bind(*service).bind(*autonomy).bind(*outcome).bind(*steps).bind(now);
            }
            query.execute(pool).await.map(|_| ())
        })?;
    }
    crate::outln!("bench: step=load engine={engine} records={} organisations={ORGANISATIONS} months={MONTHS} load_s={:.1}", args.records, started.elapsed().as_secs_f64());
    let started = Instant::now();
    let months = rollup::refresh(&db).await?;
    let rollup_rows: i64 = on_db!(&db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM activity_rollup").fetch_one(pool).await)?;
    // Statistics for the planner, as autovacuum (PostgreSQL) would gather on a live instance.
    on_db!(&db, pool => sqlx::query("ANALYZE").execute(pool).await.map(|_| ()))?;
    crate::outln!(
        "bench: step=rollup engine={engine} records={} organisation_months={months} rollup_rows={rollup_rows} build_s={:.1}",
        args.records,
        started.elapsed().as_secs_f64()
    );

    // The dashboard's default period (12 months) and its comparison.
    let to = rollup::month_of(now);
    let from = (0..11).fold(to.clone(), |m, _| Period { from: m.clone(), to: m }.previous().from);
    let period = Period { from, to };
    let scopes: [(&str, Vec<Uuid>); 3] = [("organisation", vec![orgs[0]]), ("project", projects[0].clone()), ("programme", orgs.clone())];
    for (scope, members) in scopes {
        let mut times = Vec::new();
        let mut requests = 0;
        for _ in 0..args.runs.max(1) {
            let t = Instant::now();
            let now_figures = figures::compute(&db, &members, &period, &crate::figure_sources(), relais_core::i18n::Locale::Fr).await?;
            let _before = figures::compute(&db, &members, &period.previous(), &crate::figure_sources(), relais_core::i18n::Locale::Fr).await?;
            times.push(t.elapsed());
            requests = now_figures.requests;
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let median = times[times.len() / 2];
        let p95 = times[((times.len() as f64 * 0.95).ceil() as usize).saturating_sub(1).min(times.len() - 1)];
        crate::outln!("detail: scope={scope} organisations={} requests_in_period={requests}", members.len());
        crate::outln!("bench: engine={engine} records={} scope={scope} median_ms={:.3} p95_ms={:.3}", args.records, ms(median), ms(p95));
    }
    db.close().await;
    Ok(())
}
