//! `relais bench …`: reproducible performance figures. Every command ends each measurement with
//! one machine-readable line: `bench: key=value key=value …`.

use std::{
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use clap::{Args, Subcommand, ValueEnum};
use http_body_util::{BodyExt, Empty};
use hyper::{Request, body::Bytes, client::conn::http1};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

use crate::cli::CliResult;

pub use search::SearchArgs;

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Load a running server over HTTP (loopback) and report requests/s and latency percentiles.
    Http(HttpArgs),
    /// Fill a fresh database with fictitious places, serve the application in-process and load
    /// the directory search (`/api/v1/places` and the `/places` page) over loopback.
    Search(SearchArgs),
    /// Log requests helped through the HTTP API (`POST /api/v1/accompaniments`) from many
    /// helpers at once, on a fresh database; reports inserts per second and latency.
    Log(crate::bench_log::LogArgs),
    /// Generate N synthetic requests across 200 organisations, build the roll-ups and time the
    /// dashboard's queries for an organisation, a project and the programme.
    Report(crate::bench_report::ReportArgs),
    /// Run the adaptive diagnostic for N synthetic people answering by an independent reference
    /// model; reports how often each area's level is exact or within one, and the questions asked.
    Diagnostic(crate::bench_diagnostic::DiagnosticArgs),
    /// Enqueue N probe jobs, all due, and drain them with W worker processes on one database;
    /// checks none ran twice and reports jobs per second and how late they started.
    Jobs(crate::bench_jobs::JobsArgs),
}

#[derive(Debug, Clone, Args)]
pub struct HttpArgs {
    /// Base URL of the running server (plain HTTP, e.g. started with `relais serve --demo`).
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    pub url: String,
    /// Concurrent connections (each keeps its connection alive).
    #[arg(long, default_value_t = 50)]
    pub conns: usize,
    /// Seconds of load per target.
    #[arg(long, default_value_t = 10)]
    pub duration: u64,
    /// What to load; all targets by default.
    #[arg(long, value_enum)]
    pub target: Vec<Target>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Target {
    Home,
    Healthz,
}

impl Target {
    fn path(self) -> &'static str {
        match self {
            Target::Home => "/",
            Target::Healthz => "/healthz",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Target::Home => "home",
            Target::Healthz => "healthz",
        }
    }
}

pub async fn run(command: BenchCommand) -> CliResult {
    match command {
        BenchCommand::Http(args) => http(args).await,
        BenchCommand::Search(args) => search::run(args).await,
        BenchCommand::Log(args) => crate::bench_log::run(args).await,
        BenchCommand::Report(args) => crate::bench_report::run(args).await,
        BenchCommand::Diagnostic(args) => crate::bench_diagnostic::run(args).await,
        BenchCommand::Jobs(args) => crate::bench_jobs::run(args).await,
    }
}

/// The result of loading one target.
#[derive(Debug)]
pub struct Measurement {
    pub requests: usize,
    pub errors: usize,
    pub elapsed: Duration,
    pub p50: Duration,
    pub p99: Duration,
}

async fn http(args: HttpArgs) -> CliResult {
    let authority = args.url.strip_prefix("http://").ok_or("only http:// URLs are supported (bench runs on loopback)")?.trim_end_matches('/').to_string();
    let targets = if args.target.is_empty() { vec![Target::Home, Target::Healthz] } else { args.target.clone() };
    let conns = args.conns.max(1);
    let duration = Duration::from_secs(args.duration.max(1));
    // Fail early and clearly when nothing listens there.
    TcpStream::connect(&authority).await.map_err(|e| format!("cannot reach {}: {e} (start it with `relais serve --demo`)", args.url))?;
    for target in targets {
        crate::outln!("loading {}{} with {conns} connections for {}s…", args.url, target.path(), duration.as_secs());
        let m = load(&authority, target.path(), conns, duration).await?;
        let rps = m.requests as f64 / m.elapsed.as_secs_f64();
        crate::outln!(
            "bench: target={} conns={conns} duration_s={} requests={} errors={} rps={rps:.0} p50_ms={:.3} p99_ms={:.3}",
            target.name(),
            duration.as_secs(),
            m.requests,
            m.errors,
            m.p50.as_secs_f64() * 1000.0,
            m.p99.as_secs_f64() * 1000.0,
        );
    }
    Ok(())
}

/// Drive `conns` keep-alive connections sending `GET path` until `duration` has passed.
pub async fn load(authority: &str, path: &str, conns: usize, duration: Duration) -> Result<Measurement, String> {
    Ok(load_paths(authority, Arc::new(vec![path.to_string()]), conns, duration).await?.measurement())
}

/// Everything one load run saw.
#[derive(Debug, Default)]
pub struct Sample {
    /// Latency of every successful request, sorted.
    pub latencies: Vec<Duration>,
    pub errors: usize,
    pub elapsed: Duration,
    /// The first failure (status and path, or the transport error), to fix a bad URL list.
    pub first_error: Option<String>,
}

impl Sample {
    /// The latency below which a share `q` of the successful requests fall.
    pub fn percentile(&self, q: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        let index = ((self.latencies.len() as f64 - 1.0) * q).round() as usize;
        self.latencies[index.min(self.latencies.len() - 1)]
    }

    pub fn rps(&self) -> f64 {
        self.latencies.len() as f64 / self.elapsed.as_secs_f64().max(f64::EPSILON)
    }

    pub fn measurement(&self) -> Measurement {
        Measurement { requests: self.latencies.len(), errors: self.errors, elapsed: self.elapsed, p50: self.percentile(0.50), p99: self.percentile(0.99) }
    }

    /// Two runs one after the other, as one.
    pub fn merge(mut self, mut other: Sample) -> Sample {
        self.latencies.append(&mut other.latencies);
        self.latencies.sort_unstable();
        self.errors += other.errors;
        self.elapsed += other.elapsed;
        self.first_error = self.first_error.or(other.first_error);
        self
    }
}

/// Drive `conns` keep-alive connections until `duration` has passed; each request takes the next
/// path of `paths` (shared by all connections, round robin).
pub async fn load_paths(authority: &str, paths: Arc<Vec<String>>, conns: usize, duration: Duration) -> Result<Sample, String> {
    if paths.is_empty() {
        return Err("nothing to load".into());
    }
    let started = Instant::now();
    let deadline = started + duration;
    let next = Arc::new(AtomicUsize::new(0));
    let first_error = Arc::new(Mutex::new(None));
    let mut workers = Vec::with_capacity(conns);
    for _ in 0..conns {
        let authority = authority.to_string();
        let (paths, next, first_error) = (paths.clone(), next.clone(), first_error.clone());
        workers.push(tokio::spawn(async move { worker(&authority, &paths, &next, &first_error, deadline).await }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    for worker in workers {
        let (mut l, e) = worker.await.map_err(|e| e.to_string())?;
        latencies.append(&mut l);
        errors += e;
    }
    let elapsed = started.elapsed();
    latencies.sort_unstable();
    let first_error = first_error.lock().unwrap_or_else(|e| e.into_inner()).take();
    Ok(Sample { latencies, errors, elapsed, first_error })
}

/// One connection's loop; reconnects after an error. Returns latencies and the error count.
async fn worker(authority: &str, paths: &[String], next: &AtomicUsize, first_error: &Mutex<Option<String>>, deadline: Instant) -> (Vec<Duration>, usize) {
    let mut latencies = Vec::with_capacity(4096);
    let mut errors = 0;
    let note = |what: String| {
        first_error.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert(what);
    };
    'connect: while Instant::now() < deadline {
        let stream = match TcpStream::connect(authority).await {
            Ok(stream) => stream,
            Err(error) => {
                errors += 1;
                note(format!("connect: {error}"));
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let Ok((mut sender, connection)) = http1::handshake(TokioIo::new(stream)).await else {
            errors += 1;
            continue;
        };
        let driver = tokio::spawn(connection);
        while Instant::now() < deadline {
            let path = &paths[next.fetch_add(1, Ordering::Relaxed) % paths.len()];
            let request = match Request::get(path.as_str())
                .header(hyper::header::HOST, authority)
                .header(hyper::header::ACCEPT_ENCODING, "gzip, br")
                .header(hyper::header::ACCEPT_LANGUAGE, "fr-BE,fr;q=0.9")
                .body(Empty::<Bytes>::new())
            {
                Ok(request) => request,
                Err(_) => break 'connect,
            };
            let sent = Instant::now();
            let ok = match sender.send_request(request).await {
                Ok(response) => {
                    let status = response.status();
                    let body = response.into_body().collect().await.is_ok();
                    if !status.is_success() {
                        note(format!("{status} {path}"));
                    }
                    body && status.is_success()
                }
                Err(error) => {
                    note(format!("{error} {path}"));
                    false
                }
            };
            if ok {
                latencies.push(sent.elapsed());
            } else {
                errors += 1;
                driver.abort();
                continue 'connect;
            }
        }
        driver.abort();
    }
    (latencies, errors)
}

/// A temporary folder, removed with everything in it when dropped.
struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The database a bench fills: the one given (it must be empty), or a temporary SQLite file
/// removed when this is dropped. Migrated and prepared.
pub struct FreshDatabase {
    pub db: relais_core::Db,
    pub url: String,
    _temp: Option<TempDir>,
}

/// Open (and check, migrate, prepare) the database of `relais bench <name>`, which fills it with
/// `what`.
pub async fn fresh_database(given: Option<&str>, name: &str, what: &str) -> Result<FreshDatabase, Box<dyn std::error::Error + Send + Sync>> {
    use relais_core::{Db, db::redact};
    let (url, temp) = match given {
        Some(url) => (url.to_string(), None),
        None => {
            let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or_default();
            let dir = std::env::temp_dir().join(format!("relais-bench-{name}-{}-{nanos}", std::process::id()));
            std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            (format!("sqlite://{}", dir.join("bench.db").display()), Some(TempDir(dir)))
        }
    };
    let db = Db::connect(&url).await?;
    let tables: i64 = match &db {
        Db::Sqlite(pool) => sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").fetch_one(pool).await?,
        Db::Postgres(pool) => {
            sqlx::query_scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')").fetch_one(pool).await?
        }
    };
    if tables > 0 {
        db.close().await;
        return Err(format!(
            "{} is not empty ({tables} tables): `relais bench {name}` fills the database with {what}, \
             so it needs a fresh one (e.g. `createdb relais_bench`), or leave out --database for a temporary SQLite file",
            redact(&url)
        )
        .into());
    }
    db.migrate().await?;
    crate::prepare(&db).await?;
    Ok(FreshDatabase { db, url, _temp: temp })
}

/// `relais bench search`: the directory search under load, server and load tool in one process.
mod search {
    use std::{
        collections::HashMap,
        net::SocketAddr,
        sync::{
            Arc,
            atomic::{AtomicBool, AtomicUsize, Ordering},
        },
        time::{Duration, Instant},
    };

    use axum::body::Body;
    use clap::Args;
    use http_body_util::BodyExt;
    use hyper::Request;
    use jiff::{
        Timestamp,
        civil::{Date, Time, Weekday},
    };
    use relais_core::{
        Db,
        db::redact,
        i18n::Locale,
        on_db,
        web::{AppState, WebConfig},
    };
    use relais_directory::{
        api::place_out,
        places::{self, PlaceInput, SessionInput},
        reference::{Area, Municipality, Region, reference},
        routes::public::{Resolved, SearchParams, resolve, search_query},
        schedule::Recurrence,
        search::{DirectoryCache, Snapshot, search},
        taxonomy::{EQUIPMENT, HELPER_KINDS, PLACE_KINDS, Taxonomy},
    };
    use relais_organisations::{
        model::OrganisationKind,
        organisations::{self, NewOrganisation},
    };
    use time::OffsetDateTime;
    use tokio::net::TcpListener;
    use tower::ServiceExt;
    use uuid::Uuid;

    use super::{Sample, load_paths};
    use crate::cli::CliResult;

    /// One organisation (a CPAS/OCMW) per this many places.
    const PLACES_PER_ORGANISATION: usize = 50;
    /// Rows per multi-row INSERT (27 and 16 parameters a row: well under both engines' limits).
    const PLACE_ROWS: usize = 500;
    const SESSION_ROWS: usize = 1000;
    /// The time filters of the search form.
    const WHENS: [&str; 4] = ["", "now", "today", "week"];
    /// Warm-up before each measured target.
    const WARM_UP: Duration = Duration::from_secs(1);

    #[derive(Debug, Clone, Args)]
    pub struct SearchArgs {
        /// An EMPTY database to fill: postgres://user@host/db (e.g. made with `createdb`) or
        /// sqlite://file.db. Default: a new SQLite file in a temporary folder, removed afterwards.
        #[arg(long = "database")]
        pub database: Option<String>,
        /// Places to create (two drop-in sessions each), spread over every Belgian municipality.
        #[arg(long, default_value_t = 10_000)]
        pub places: usize,
        /// Concurrent keep-alive connections.
        #[arg(long, default_value_t = 50)]
        pub conns: usize,
        /// Seconds of load per target (API, then page), each after one second of warm-up.
        #[arg(long, default_value_t = 10)]
        pub duration: u64,
        /// Create the places with the directory's own functions (one INSERT per row, a version
        /// bump after each) instead of multi-row INSERTs in one transaction.
        #[arg(long)]
        pub one_by_one: bool,
        /// Before the load, time the stages of one search in-process: the search itself, the API's
        /// records, the whole application without TCP, and HTTP on one connection.
        #[arg(long)]
        pub profile: bool,
    }

    pub async fn run(args: SearchArgs) -> CliResult {
        let wanted = args.places.max(1);
        let conns = args.conns.max(1);
        let duration = Duration::from_secs(args.duration.max(1));
        // A fresh database only: the bench fills it with thousands of fictitious places.
        let fresh = super::fresh_database(args.database.as_deref(), "search", &format!("{wanted} fictitious places")).await?;
        let (db, url) = (fresh.db.clone(), fresh.url.clone());
        let engine = db.engine().name();
        crate::outln!("database: {} ({engine}, fresh), rss_mb={:.1}", redact(&url), rss_mb("VmRSS:"));

        let fixture = Fixture::new(wanted);
        let started = Instant::now();
        if args.one_by_one {
            fixture.load_one_by_one(&db).await?;
        } else {
            fixture.load_bulk(&db).await?;
        }
        crate::outln!(
            "bench: step=load engine={engine} places={} sessions={} organisations={} mode={} load_s={:.1} rss_mb={:.1}",
            fixture.places.len(),
            fixture.places.len() * 2,
            fixture.organisations.len(),
            if args.one_by_one { "one-by-one" } else { "bulk" },
            started.elapsed().as_secs_f64(),
            rss_mb("VmRSS:")
        );
        let places_loaded = fixture.places.len();
        drop(fixture);

        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let state = AppState::with_config(db.clone(), WebConfig::new(&format!("http://{address}")));
        let cache = state.caches.get::<DirectoryCache>();
        let started = Instant::now();
        let snapshot = cache.snapshot(&db).await?;
        crate::outln!(
            "bench: step=snapshot engine={engine} entries={} build_ms={:.0} rss_mb={:.1}",
            snapshot.entries.len(),
            started.elapsed().as_secs_f64() * 1000.0,
            rss_mb("VmRSS:")
        );

        let combos = combos()?;
        let api_paths: Vec<String> = combos.iter().map(Combo::api_path).collect();
        let page_paths: Vec<String> = combos.iter().map(Combo::page_path).collect();
        let by_name = combos.iter().filter(|c| c.by_name).count() / (Taxonomy::Theme.defaults().len() + 1) / WHENS.len();
        crate::outln!(
            "searches: {} municipalities × {} themes (and none) × {} time filters = {} URLs per target; \
             the page searches {by_name} municipalities by name, the others by postcode; \
             time filters evaluated at {} (Europe/Brussels)",
            reference().municipalities.len(),
            Taxonomy::Theme.defaults().len(),
            WHENS.len(),
            combos.len(),
            Timestamp::now().to_zoned(relais_directory::schedule::zone()).strftime("%a %Y-%m-%d %H:%M")
        );

        let app = crate::routes().into_app(state.clone());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn({
            let app = app.clone();
            async move {
                axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await
            }
        });
        if args.profile {
            profile(&snapshot, &combos, &app, &address.to_string(), &api_paths, &page_paths).await?;
        }

        // Watch the snapshot every 20 ms, as a request would get it: a new one means a rebuild
        // (a cache miss); the slowest answer shows how long a request may wait for it (a version
        // check in the database every 2 s, one at a time).
        let rebuilds = Arc::new(AtomicUsize::new(0));
        let watching = Arc::new(AtomicBool::new(true));
        let watcher = tokio::spawn({
            let (cache, db, rebuilds, watching) = (cache.clone(), db.clone(), rebuilds.clone(), watching.clone());
            let mut last = snapshot.clone();
            async move {
                let mut slowest = Duration::ZERO;
                while watching.load(Ordering::Relaxed) {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    let started = Instant::now();
                    let now = cache.snapshot(&db).await;
                    slowest = slowest.max(started.elapsed());
                    if let Ok(now) = now
                        && !Arc::ptr_eq(&now, &last)
                    {
                        rebuilds.fetch_add(1, Ordering::Relaxed);
                        last = now;
                    }
                }
                slowest
            }
        });

        let authority = address.to_string();
        let mut total = Sample::default();
        for (target, paths) in [("api", api_paths), ("page", page_paths)] {
            let paths = Arc::new(paths);
            crate::outln!("loading {target} ({}…) with {conns} connections for {}s…", paths[0], duration.as_secs());
            load_paths(&authority, paths.clone(), conns, WARM_UP).await?;
            let sample = load_paths(&authority, paths, conns, duration).await?;
            crate::outln!(
                "bench: target={target} engine={engine} places={places_loaded} conns={conns} requests={} errors={} rps={:.0} p50_ms={:.3} p99_ms={:.3}",
                sample.latencies.len(),
                sample.errors,
                sample.rps(),
                ms(sample.percentile(0.50)),
                ms(sample.percentile(0.99)),
            );
            if let Some(error) = &sample.first_error {
                crate::outln!("first error ({target}): {error}");
            }
            total = total.merge(sample);
        }
        watching.store(false, Ordering::Relaxed);
        let slowest = watcher.await.unwrap_or_default();
        let rebuilds = rebuilds.load(Ordering::Relaxed);
        let requests = total.latencies.len();
        crate::outln!(
            "bench: cache=directory-snapshot requests={requests} snapshot_rebuilds={rebuilds} hit_rate_pct={:.2} snapshot_wait_max_ms={:.1} peak_rss_mb={:.1}",
            100.0 * requests.saturating_sub(rebuilds) as f64 / requests.max(1) as f64,
            ms(slowest),
            rss_mb("VmHWM:")
        );
        crate::outln!(
            "bench: engine={engine} places={places_loaded} conns={conns} rps={:.0} p50_ms={:.3} p99_ms={:.3} rss_mb={:.1}",
            total.rps(),
            ms(total.percentile(0.50)),
            ms(total.percentile(0.99)),
            rss_mb("VmRSS:")
        );

        let _ = stop.send(());
        let _ = tokio::time::timeout(Duration::from_secs(5), server).await;
        db.close().await;
        if total.errors > 0 {
            return Err(format!("{} requests failed (first: {})", total.errors, total.first_error.unwrap_or_default()).into());
        }
        Ok(())
    }

    fn ms(d: Duration) -> f64 {
        d.as_secs_f64() * 1000.0
    }

    /// A line of /proc/self/status (`VmRSS:`, `VmHWM:`) in MB; 0 where there is none.
    fn rss_mb(key: &str) -> f64 {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|status| {
                let line = status.lines().find(|l| l.starts_with(key))?.to_string();
                line.split_whitespace().nth(1)?.parse::<f64>().ok()
            })
            .map_or(0.0, |kb| kb / 1024.0)
    }

    /// A small deterministic generator (SplitMix64): the same data set at every run.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        /// Uniform in `-1.0..1.0`.
        fn unit(&mut self) -> f64 {
            (self.next() >> 11) as f64 / (1u64 << 52) as f64 - 1.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    struct OrganisationSpec {
        slug: String,
        name: String,
        municipality: String,
        languages: &'static str,
    }

    struct PlaceSpec {
        id: Uuid,
        organisation: usize,
        input: PlaceInput,
        sessions: [(Uuid, SessionInput); 2],
    }

    /// The fictitious data set: places spread evenly over every municipality, at one of its
    /// postcodes, each with two weekly (or fortnightly) sessions between 08:30 and 21:00, Monday
    /// to Saturday, with 8 of the 17 themes.
    struct Fixture {
        organisations: Vec<OrganisationSpec>,
        places: Vec<PlaceSpec>,
    }

    fn languages_of(m: &Municipality) -> &'static str {
        match m.region {
            Region::Flanders => "nl",
            Region::Wallonia => "fr",
            Region::Brussels => "fr nl",
        }
    }

    /// The first date on or after 2026-01-05 (a Monday) falling on `weekday`.
    fn anchor(weekday: Weekday) -> Date {
        let monday = Date::constant(2026, 1, 5);
        monday.checked_add(jiff::Span::new().days(i64::from(weekday.to_monday_zero_offset()))).unwrap_or(monday)
    }

    impl Fixture {
        fn new(count: usize) -> Fixture {
            let reference = reference();
            let municipalities = &reference.municipalities;
            let coordinates: HashMap<(&str, &str), (f64, f64)> = reference.postcodes.iter().map(|p| ((p.code.as_str(), p.nis.as_str()), (p.latitude, p.longitude))).collect();
            let themes: Vec<&str> = Taxonomy::Theme.defaults().iter().map(|(code, _)| *code).collect();
            let mut rng = Rng(0x5EED_2026);
            let mut organisations = Vec::new();
            let mut places = Vec::with_capacity(count);
            let mut previous = usize::MAX;
            let mut k = 0;
            for i in 0..count {
                let index = i * municipalities.len() / count;
                k = if index == previous { k + 1 } else { 0 };
                previous = index;
                let m = &municipalities[index];
                let (fr, nl) = (m.name(Locale::Fr), m.name(Locale::Nl));
                if i % PLACES_PER_ORGANISATION == 0 {
                    let n = organisations.len() + 1;
                    let (name, municipality) = match m.region {
                        Region::Flanders => (format!("OCMW {nl} (bench {n})"), nl),
                        _ => (format!("CPAS de {fr} (bench {n})"), fr),
                    };
                    organisations.push(OrganisationSpec {
                        slug: format!("bench-{n}-{}", m.nis),
                        name,
                        municipality: municipality.to_string(),
                        languages: match m.region {
                            Region::Flanders => "nl",
                            Region::Wallonia => "fr",
                            Region::Brussels => "fr,nl",
                        },
                    });
                }
                let (postcode, (latitude, longitude)) = match m.postcodes.get(k % m.postcodes.len().max(1)) {
                    Some(code) => (code.clone(), coordinates.get(&(code.as_str(), m.nis.as_str())).copied().unwrap_or((m.latitude, m.longitude))),
                    None => (String::new(), (m.latitude, m.longitude)),
                };
                let (french, dutch) = (m.region != Region::Flanders, m.region != Region::Wallonia);
                let mut names: [Option<String>; 4] = Default::default();
                let mut descriptions: [Option<String>; 4] = Default::default();
                if french {
                    names[0] = Some(format!("Espace numérique {fr} n° {} (bench)", k + 1));
                    descriptions[0] = Some("Aide gratuite pour vos démarches en ligne, votre smartphone et vos e-mails.".into());
                }
                if dutch {
                    names[1] = Some(format!("Digipunt {nl} nr. {} (bench)", k + 1));
                    descriptions[1] = Some("Gratis hulp bij online zaken, je smartphone en je e-mails.".into());
                }
                let street = if french { format!("Rue de la Station {}", k + 1) } else { format!("Stationsstraat {}", k + 1) };
                let input = PlaceInput {
                    kind: PLACE_KINDS[i % PLACE_KINDS.len()].0.to_string(),
                    names,
                    descriptions,
                    street,
                    postcode,
                    municipality_nis: m.nis.clone(),
                    latitude: latitude + 0.01 * rng.unit(),
                    longitude: longitude + 0.01 * rng.unit(),
                    phone: Some(format!("+32 2 {:03} {:02} {:02}", i / 10_000 % 1000, i / 100 % 100, i % 100)),
                    email: Some(format!("place-{i}@bench.invalid")),
                    website: None,
                    equipment: EQUIPMENT.iter().enumerate().filter(|(bit, _)| (i >> bit) & 1 == 1 || *bit == 2).map(|(_, (code, _))| code.to_string()).collect(),
                    wheelchair: i % 4 != 3,
                    hearing_loop: i % 7 == 0,
                    transport_hint: None,
                    published: true,
                    mobile_unit_id: None,
                };
                let session = |j: usize, rng: &mut Rng| -> SessionInput {
                    let weekday = Weekday::from_monday_one_offset(((i + 3 * j) % 6 + 1) as i8).unwrap_or(Weekday::Monday);
                    let start = 8 * 60 + 30 + 30 * rng.below(20) as i32;
                    let end = start + 90 + 30 * rng.below(4) as i32;
                    let at = |minutes: i32| Time::new((minutes / 60) as i8, (minutes % 60) as i8, 0, 0).unwrap_or(Time::midnight());
                    let first = (i * 7 + j * 5) % themes.len();
                    let mut languages = languages_of(m).split(' ').map(String::from).collect::<Vec<_>>();
                    if i % 10 == 0 {
                        languages.push("ar".into());
                    }
                    SessionInput {
                        recurrence: Recurrence {
                            weekday,
                            start: at(start),
                            end: at(end),
                            every_weeks: if j == 1 && i % 5 == 4 { 2 } else { 1 },
                            anchor: anchor(weekday),
                            from: None,
                            until: None,
                        },
                        by_appointment: j == 1 && i % 4 == 0,
                        themes: (0..4).map(|t| themes[(first + t) % themes.len()].to_string()).collect(),
                        services: ["online-procedures", "device-basics"].map(String::from).to_vec(),
                        publics: if i % 3 == 0 { vec!["everyone".into(), "seniors".into()] } else { vec!["everyone".into()] },
                        languages,
                        helper_kind: HELPER_KINDS[(i + j) % HELPER_KINDS.len()].0.to_string(),
                    }
                };
                let sessions = [(Uuid::new_v4(), session(0, &mut rng)), (Uuid::new_v4(), session(1, &mut rng))];
                places.push(PlaceSpec { id: Uuid::new_v4(), organisation: organisations.len() - 1, input, sessions });
            }
            Fixture { organisations, places }
        }

        async fn create_organisations(&self, db: &Db) -> Result<Vec<Uuid>, relais_core::DbError> {
            let mut ids = Vec::with_capacity(self.organisations.len());
            for o in &self.organisations {
                let email = format!("{}@bench.invalid", o.slug);
                ids.push(
                    organisations::create(
                        db,
                        &NewOrganisation {
                            slug: &o.slug,
                            name: &o.name,
                            kind: OrganisationKind::Cpas,
                            municipality: &o.municipality,
                            languages: o.languages,
                            email: Some(&email),
                            phone: None,
                            website: None,
                        },
                    )
                    .await?,
                );
            }
            Ok(ids)
        }

        /// With the directory's functions: what the management pages do, row by row.
        async fn load_one_by_one(&self, db: &Db) -> Result<(), relais_core::DbError> {
            let organisations = self.create_organisations(db).await?;
            for place in &self.places {
                places::create_place_with_id(db, place.id, organisations[place.organisation], &place.input).await?;
                for (id, session) in &place.sessions {
                    places::add_session_with_id(db, *id, place.id, session).await?;
                }
            }
            Ok(())
        }

        /// The same rows (same columns as `places.rs`) in multi-row INSERTs, one transaction, and
        /// one version bump at the end.
        async fn load_bulk(&self, db: &Db) -> Result<(), relais_core::DbError> {
            let organisations = self.create_organisations(db).await?;
            let now = OffsetDateTime::now_utc();
            on_db!(db, pool => {
                let mut tx = pool.begin().await?;
                for chunk in self.places.chunks(PLACE_ROWS) {
                    let mut insert = sqlx::QueryBuilder::new(
                        "INSERT INTO places (id, organisation_id, mobile_unit_id, kind, name_fr, name_nl, name_de, name_en,
                             description_fr, description_nl, description_de, description_en, street, postcode, municipality_nis,
                             latitude, longitude, phone, email, website, equipment, wheelchair, hearing_loop, transport_hint,
                             published, created_at, updated_at) ",
                    );
                    insert.push_values(chunk, |mut row, place| {
                        let p = &place.input;
                        row.push_bind(place.id)
                            .push_bind(organisations[place.organisation])
                            .push_bind(p.mobile_unit_id)
                            .push_bind(p.kind.clone());
                        for text in p.names.iter().chain(&p.descriptions) {
                            row.push_bind(text.clone());
                        }
                        row.push_bind(p.street.clone())
                            .push_bind(p.postcode.clone())
                            .push_bind(p.municipality_nis.clone())
                            .push_bind(p.latitude)
                            .push_bind(p.longitude)
                            .push_bind(p.phone.clone())
                            .push_bind(p.email.clone())
                            .push_bind(p.website.clone())
                            .push_bind(p.equipment.join(" "))
                            .push_bind(p.wheelchair)
                            .push_bind(p.hearing_loop)
                            .push_bind(p.transport_hint.clone())
                            .push_bind(p.published)
                            .push_bind(now)
                            .push_bind(now);
                    });
                    insert.build().execute(&mut *tx).await?;
                }
                let sessions: Vec<(Uuid, &(Uuid, SessionInput))> = self.places.iter().flat_map(|p| p.sessions.iter().map(move |s| (p.id, s))).collect();
                for chunk in sessions.chunks(SESSION_ROWS) {
                    let mut insert = sqlx::QueryBuilder::new(
                        "INSERT INTO drop_in_sessions (id, place_id, weekday, start_time, end_time, every_weeks, anchor_date,
                             valid_from, valid_until, by_appointment, themes, services, publics, languages, helper_kind, created_at) ",
                    );
                    insert.push_values(chunk, |mut row, (place, (id, s))| {
                        let r = &s.recurrence;
                        row.push_bind(*id)
                            .push_bind(*place)
                            .push_bind(i64::from(r.weekday.to_monday_one_offset()))
                            .push_bind(places::hhmm(r.start))
                            .push_bind(places::hhmm(r.end))
                            .push_bind(i64::from(r.every_weeks))
                            .push_bind(r.anchor.to_string())
                            .push_bind(r.from.map(|d| d.to_string()))
                            .push_bind(r.until.map(|d| d.to_string()))
                            .push_bind(s.by_appointment)
                            .push_bind(s.themes.join(" "))
                            .push_bind(s.services.join(" "))
                            .push_bind(s.publics.join(" "))
                            .push_bind(s.languages.join(" "))
                            .push_bind(s.helper_kind.clone())
                            .push_bind(now);
                    });
                    insert.build().execute(&mut *tx).await?;
                }
                tx.commit().await
            })?;
            places::changed(db).await
        }
    }

    /// One search of the rotation: an area (as the API and the page name it), a theme, a time filter.
    struct Combo {
        api_area: String,
        page_area: String,
        by_name: bool,
        centre: (f64, f64),
        theme: Option<&'static str>,
        when: &'static str,
    }

    impl Combo {
        fn filters(&self) -> String {
            let mut filters = String::new();
            if let Some(theme) = self.theme {
                filters.push_str("&theme=");
                filters.push_str(theme);
            }
            if !self.when.is_empty() {
                filters.push_str("&when=");
                filters.push_str(self.when);
            }
            filters
        }

        fn api_path(&self) -> String {
            format!("/api/v1/places?{}{}", self.api_area, self.filters())
        }

        fn page_path(&self) -> String {
            format!("/places?{}{}", self.page_area, self.filters())
        }

        fn query(&self) -> relais_directory::search::Query {
            let params = SearchParams { theme: self.theme.unwrap_or_default().to_string(), when: self.when.to_string(), ..SearchParams::default() };
            search_query(&params, Some(self.centre))
        }
    }

    /// Percent-encoding of a query value.
    fn encode(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for b in text.bytes() {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }

    /// Where `q` (and `area`) lead, as the handlers resolve them: the municipality's centre, or
    /// `None` when they would answer 404 (unknown) or 409 (ambiguous).
    fn centre_of(q: &str, area: &str, nis: &str) -> Option<(f64, f64)> {
        match resolve(&SearchParams { q: q.to_string(), area: area.to_string(), ..SearchParams::default() }) {
            Resolved::Area(area @ Area::Municipality { .. }) if matches!(&area, Area::Municipality { nis: n, .. } if n == nis) => Some(area.centre()),
            _ => None,
        }
    }

    /// Every municipality × every theme and none × every time filter, in a fixed shuffled order
    /// (so that any stretch of the run mixes all of them).
    fn combos() -> Result<Vec<Combo>, String> {
        let reference = reference();
        let mut areas = Vec::new();
        for (index, m) in reference.municipalities.iter().enumerate() {
            let unique = m.postcodes.iter().find(|code| reference.by_postcode(code).len() == 1);
            let first = m.postcodes.first().map(String::as_str).unwrap_or_default();
            // The API by postcode; with `area` when every postcode of the municipality is shared.
            let (api_area, centre) = match unique {
                Some(code) => (format!("postcode={code}"), centre_of(code, "", &m.nis)),
                None => (format!("postcode={first}&area={}", m.nis), centre_of(first, &m.nis, &m.nis)),
            };
            let centre = centre.ok_or_else(|| format!("no unambiguous postcode for {} ({})", m.name(Locale::Fr), m.nis))?;
            // The page by name, in the area's language (both in Brussels), when the name is
            // unambiguous; else as the API.
            let locale = match m.region {
                Region::Flanders => Locale::Nl,
                Region::Wallonia => Locale::Fr,
                Region::Brussels if index % 2 == 1 => Locale::Nl,
                Region::Brussels => Locale::Fr,
            };
            let name = m.name(locale);
            let (page_area, by_name) = if centre_of(name, "", &m.nis).is_some() { (format!("q={}", encode(name)), true) } else { (api_area.replacen("postcode=", "q=", 1), false) };
            areas.push((api_area, page_area, by_name, centre));
        }
        let themes = std::iter::once(None).chain(Taxonomy::Theme.defaults().iter().map(|(code, _)| Some(*code))).collect::<Vec<_>>();
        let mut combos = Vec::with_capacity(areas.len() * themes.len() * WHENS.len());
        for (api_area, page_area, by_name, centre) in &areas {
            for theme in &themes {
                for when in WHENS {
                    combos.push(Combo { api_area: api_area.clone(), page_area: page_area.clone(), by_name: *by_name, centre: *centre, theme: *theme, when });
                }
            }
        }
        let mut rng = Rng(0xB0B0);
        for i in (1..combos.len()).rev() {
            combos.swap(i, rng.below(i + 1));
        }
        Ok(combos)
    }

    /// Mean and 99th percentile, in µs.
    fn stats(mut times: Vec<Duration>) -> (f64, f64) {
        times.sort_unstable();
        let mean = times.iter().map(Duration::as_secs_f64).sum::<f64>() / times.len().max(1) as f64;
        let p99 = times.get(times.len() * 99 / 100).or(times.last()).map_or(0.0, Duration::as_secs_f64);
        (mean * 1e6, p99 * 1e6)
    }

    /// Where the time of one search goes, one request at a time (no contention).
    async fn profile(snapshot: &Snapshot, combos: &[Combo], app: &axum::Router, authority: &str, api_paths: &[String], page_paths: &[String]) -> CliResult {
        const N: usize = 1000;
        let print = |stage: &str, times: Vec<Duration>| {
            let n = times.len();
            let (mean, p99) = stats(times);
            crate::outln!("profile: stage={stage} n={n} mean_us={mean:.0} p99_us={p99:.0}");
        };
        let sample = &combos[..N.min(combos.len())];
        // The search alone, as the handlers call it, overall and per time filter.
        let mut by_when: HashMap<&str, Vec<Duration>> = HashMap::new();
        let mut all = Vec::new();
        let mut totals = 0usize;
        for combo in sample {
            let query = combo.query();
            let started = Instant::now();
            let found = search(snapshot, &query, Timestamp::now(), 0, 20);
            let took = started.elapsed();
            totals += found.total;
            by_when.entry(combo.when).or_default().push(took);
            all.push(took);
        }
        print("search", all);
        for when in WHENS {
            print(&format!("search_when_{}", if when.is_empty() { "any" } else { when }), by_when.remove(when).unwrap_or_default());
        }
        crate::outln!("profile: mean_total_matches={}", totals / sample.len().max(1));
        // The time filters depend on the clock: the fewer places open, the wider the radius and
        // the more next openings computed. The same searches at other moments of the week:
        for (label, at) in [("tue_10h30", "2026-12-01T10:30:00+01:00"), ("fri_19h30", "2026-12-04T19:30:00+01:00"), ("sun_03h00", "2026-12-06T03:00:00+01:00")] {
            let at: Timestamp = at.parse()?;
            let mut times = Vec::new();
            for combo in sample.iter().filter(|c| !c.when.is_empty()) {
                let query = combo.query();
                let started = Instant::now();
                std::hint::black_box(search(snapshot, &query, at, 0, 20));
                times.push(started.elapsed());
            }
            print(&format!("search_time_filters_at_{label}"), times);
        }
        // Its parts: the scan (filters, distances, radius, sort) without any next opening…
        let mut times = Vec::new();
        for combo in sample.iter().filter(|c| c.when.is_empty()) {
            let query = combo.query();
            let started = Instant::now();
            std::hint::black_box(search(snapshot, &query, Timestamp::now(), 0, 0));
            times.push(started.elapsed());
        }
        print("scan_when_any_no_page", times);
        // …and one place's next opening (120 days ahead), computed for each result shown and,
        // with a time filter, for every candidate within each radius tried.
        let now = Timestamp::now();
        let mut times = Vec::new();
        for entry in snapshot.entries.iter().take(N) {
            let started = Instant::now();
            std::hint::black_box(entry.next_opening(now));
            times.push(started.elapsed());
        }
        print("next_opening", times);
        // The search and the API's records (each computes the next opening again), without JSON.
        let mut times = Vec::new();
        for combo in sample {
            let query = combo.query();
            let started = Instant::now();
            let now = Timestamp::now();
            let found = search(snapshot, &query, now, 0, 20);
            let records: Vec<_> = found.hits.iter().map(|h| place_out(&h.entry, h.next_opening.clone(), now, h.distance_km, "http://bench")).collect();
            std::hint::black_box(records);
            times.push(started.elapsed());
        }
        print("search+place_out", times);
        // The whole application (middleware, handler, JSON or HTML, compression), without TCP;
        // and what it adds to the search of the same request.
        for (target, paths) in [("api", api_paths), ("page", page_paths)] {
            for encoding in ["gzip, br", ""] {
                let mut times = Vec::new();
                let mut bytes = 0;
                let mut added = 0.0;
                for (path, combo) in paths.iter().zip(sample) {
                    let started = Instant::now();
                    std::hint::black_box(search(snapshot, &combo.query(), Timestamp::now(), 0, 20));
                    let searched = started.elapsed();
                    let mut request = Request::get(path.as_str()).header(hyper::header::ACCEPT_LANGUAGE, "fr-BE,fr;q=0.9");
                    if !encoding.is_empty() {
                        request = request.header(hyper::header::ACCEPT_ENCODING, encoding);
                    }
                    let request = request.body(Body::empty())?;
                    let started = Instant::now();
                    let response = app.clone().oneshot(request).await?;
                    if !response.status().is_success() {
                        return Err(format!("{} {path}", response.status()).into());
                    }
                    bytes += response.into_body().collect().await?.to_bytes().len();
                    let took = started.elapsed();
                    added += took.as_secs_f64() - searched.as_secs_f64();
                    times.push(took);
                }
                let n = times.len().max(1);
                let stage = format!("app_{target}_{}", if encoding.is_empty() { "identity" } else { "compressed" });
                let mut slowest: Vec<(Duration, &String)> = times.iter().copied().zip(paths.iter()).collect();
                slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
                for (took, path) in slowest.iter().take(3) {
                    crate::outln!("profile: stage={stage} slow_us={:.0} path={path}", took.as_secs_f64() * 1e6);
                }
                print(&stage, times);
                crate::outln!("profile: stage={stage} mean_body_bytes={} mean_beyond_search_us={:.0}", bytes / n, added / n as f64 * 1e6);
            }
        }
        // The same over HTTP, one keep-alive connection, one request at a time.
        for (target, paths) in [("api", api_paths), ("page", page_paths)] {
            let sample = load_paths(authority, Arc::new(paths.to_vec()), 1, Duration::from_secs(2)).await?;
            print(&format!("http1conn_{target}"), sample.latencies);
        }
        Ok(())
    }
}
