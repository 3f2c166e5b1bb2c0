//! `relais bench log`: sustained logging of requests helped through the HTTP API
//! (`POST /api/v1/accompaniments` with personal tokens), server and load tool in one process.
//! Ends with `bench: engine=… inserts_per_s=… p99_ms=…`.

use std::{net::SocketAddr, sync::Arc, time::Duration};

use clap::Args;
use http_body_util::Full;
use hyper::{Request, body::Bytes};
use relais_core::{
    Db,
    db::redact,
    i18n::Locale,
    on_db,
    web::{AppState, WebConfig},
};
use relais_organisations::{
    model::{OrganisationKind, Role},
    organisations::{self, NewOrganisation},
    tokens, users,
};
use tokio::net::TcpListener;
use uuid::Uuid;

use super::load::{Plan, Turn, load_plan};
use crate::args::CliResult;

#[derive(Debug, Clone, Args)]
pub struct LogArgs {
    /// An EMPTY database: postgres://user@host/db or sqlite://file.db. Default: a new SQLite
    /// file in a temporary folder, removed afterwards.
    #[arg(long = "database")]
    pub database: Option<String>,
    /// Concurrent connections, each a helper of one of the organisations with its own token.
    #[arg(long, default_value_t = 50)]
    pub conns: usize,
    /// Seconds of load (after one second of warm-up).
    #[arg(long, default_value_t = 10)]
    pub duration: u64,
    /// Organisations logging at the same time.
    #[arg(long, default_value_t = 25)]
    pub organisations: usize,
}

const THEMES: &[(&str, &str)] = &[
    ("pension", "mypension"),
    ("taxes", "myminfin"),
    ("identity", "itsme"),
    ("employment", "forem"),
    ("health-insurance", "health-insurance-fund"),
    ("email", ""),
    ("banking", "bank"),
    ("smartphone", ""),
];
const OUTCOMES: &[&str] = &["solved", "solved", "partly-solved", "follow-up", "not-solved"];
const AUTONOMY: &[&str] = &["done-for", "done-with", "done-by", "explained"];

pub async fn run(args: LogArgs) -> CliResult {
    let conns = args.conns.max(1);
    let duration = Duration::from_secs(args.duration.max(1));
    let fresh = super::fresh::fresh_database(args.database.as_deref(), "log", "organisations, helpers and their requests").await?;
    let (db, url) = (fresh.db.clone(), fresh.url.clone());
    let engine = db.engine().name();

    // Organisations, each with a worker holding an API token.
    let mut helpers = Vec::new();
    for i in 0..args.organisations.max(1) {
        let slug = format!("bench-cpas-{i}");
        let name = format!("CPAS bench {i}");
        let organisation = organisations::create(
            &db,
            &NewOrganisation { slug: &slug, name: &name, kind: OrganisationKind::Cpas, municipality: "Namur", languages: "fr", email: None, phone: None, website: None },
        )
        .await?;
        let email = format!("worker{i}@bench.relais.invalid");
        let user = users::create(&db, users::NewUser { email: &email, display_name: "Bench", locale: Locale::Fr, is_admin: false, password_hash: None })
            .await
            .map_err(|e| format!("bench user: {e}"))?;
        organisations::add_member(&db, user.id, organisation, Role::Worker).await?;
        let (_, token) = tokens::create(&db, user.id, "bench").await?;
        helpers.push((slug, token));
    }
    crate::outln!("database: {} ({engine}, fresh); {} organisations, one token each", redact(&url), helpers.len());

    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let app = crate::routes().into_app(AppState::with_config(db.clone(), WebConfig::new(&format!("http://{address}")).with_figures(crate::figure_sources())));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });
    let authority = address.to_string();
    let helpers = Arc::new(helpers);

    // Warm-up, then the measured run.
    let _ = load_plan(&authority, plan(helpers.clone()), conns, Duration::from_secs(1), 1).await?;
    let before = count(&db).await?;
    crate::outln!("logging requests through POST /api/v1/accompaniments with {conns} connections for {}s…", duration.as_secs());
    let sample = load_plan(&authority, plan(helpers), conns, duration, 2).await?;
    let after = count(&db).await?;
    let _ = stop.send(());
    let _ = server.await;

    let ok = sample.latencies.len();
    let rows = after - before;
    let rate = ok as f64 / sample.elapsed.as_secs_f64();
    let percentile =
        |q: f64| sample.latencies.get(((ok as f64 * q).ceil() as usize).saturating_sub(1).min(ok.saturating_sub(1))).copied().unwrap_or_default().as_secs_f64() * 1000.0;
    if let Some(error) = &sample.first_error {
        crate::outln!("first error: {error}");
    }
    crate::outln!(
        "detail: conns={conns} duration_s={} logged={ok} errors={} rows_added={rows} p50_ms={:.3} p95_ms={:.3} max_ms={:.3}",
        duration.as_secs(),
        sample.errors,
        percentile(0.50),
        percentile(0.95),
        sample.latencies.last().copied().unwrap_or_default().as_secs_f64() * 1000.0,
    );
    if rows != ok as i64 {
        return Err(format!("{ok} requests answered 201 but {rows} rows were added").into());
    }
    crate::outln!("bench: engine={engine} inserts_per_s={rate:.0} p99_ms={:.3}", percentile(0.99));
    db.close().await;
    Ok(())
}

async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    on_db!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM accompaniments").fetch_one(pool).await)
}

/// Each connection is a helper of one organisation logging a request, then the next.
fn plan(helpers: Arc<Vec<(String, String)>>) -> Plan {
    Arc::new(move |turn: &mut Turn| {
        let (slug, token) = &helpers[turn.conn % helpers.len()];
        let rng = &mut turn.rng;
        let (theme, service) = THEMES[rng.usize(..THEMES.len())];
        let body = serde_json::json!({
            "organisation": slug,
            "id": Uuid::from_u64_pair(rng.u64(..), rng.u64(..)),
            "setting": if rng.bool() { "phone" } else { "home-visit" },
            "themes": [theme],
            "online_service": service,
            "autonomy": AUTONOMY[rng.usize(..AUTONOMY.len())],
            "outcome": OUTCOMES[rng.usize(..OUTCOMES.len())],
            "minutes": rng.i64(5..45),
        });
        Request::post("/api/v1/accompaniments")
            .header(hyper::header::CONTENT_TYPE, "application/json")
            .header(hyper::header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Full::new(Bytes::from(body.to_string())))
    })
}
