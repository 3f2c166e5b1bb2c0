//! `relais serve`: the web application, with graceful shutdown.

use std::io::Write;

use std::net::SocketAddr;

use relais_core::{
    demo, settings,
    web::{AppState, WebConfig},
};
use tokio::net::TcpListener;

use crate::args::{CliResult, DatabaseArgs, MessagingArgs, open_database};
use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "RELAIS_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Load the demo data set when the database is empty (pages then show a "demo instance" banner).
    #[arg(long)]
    pub demo: bool,
    /// The base URL people use, for links in e-mails and origin checks (default: http://BIND).
    #[arg(long, env = "RELAIS_PUBLIC_URL")]
    pub public_url: Option<String>,
    #[command(flatten)]
    pub messaging: MessagingArgs,
}

pub async fn run(args: ServeArgs) -> CliResult {
    let senders = std::sync::Arc::new(args.messaging.senders()?);
    let mailer = senders.mail.clone();
    let db = open_database(&args.database).await?;
    if args.demo {
        if demo::database_is_empty(&db).await? || settings::is_demo(&db).await? {
            let report = demo::load(&db, &crate::demo_parts()).await?;
            if !report.loaded.is_empty() {
                tracing::info!(parts = ?report.loaded, "demo data loaded");
            }
        } else {
            tracing::warn!("--demo ignored: the database already holds data that is not demo data");
        }
    }

    let listener = TcpListener::bind(args.bind).await?;
    let address = listener.local_addr()?;
    let public_url = args.public_url.clone().unwrap_or_else(|| format!("http://{address}"));
    let app = crate::routes().into_app(AppState::with_config(db.clone(), WebConfig::new(&public_url).with_mailer(mailer).with_figures(crate::figure_sources())));

    // Jobs (retention, contacts of workshops, old sign-in failures, …): claimed through the
    // database, so several instances share them and each runs once.
    let (stopping, stop) = tokio::sync::watch::channel(false);
    let jobs = tokio::spawn(crate::job_runner(db.clone(), relais_core::clock::Clock::system(), senders.clone()).run_until(stopped(stop)));
    let rollups = tokio::spawn(relais_reports::rollup::run_forever(db.clone()));

    tracing::info!(%address, "Relais is listening");
    // Printed on stdout for people and for the test harness (which may bind port 0).
    // (A closed stdout does not stop the server.)
    let _ = writeln!(std::io::stdout(), "listening on http://{address}").and_then(|()| std::io::stdout().flush());

    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>()).with_graceful_shutdown(shutdown_signal()).await?;
    // The jobs in hand are finished and answered (their round ends), then the loop stops.
    let _ = stopping.send(true);
    if tokio::time::timeout(std::time::Duration::from_secs(20), jobs).await.is_err() {
        tracing::warn!("jobs still running after 20 s: left to their lease");
    }
    rollups.abort();
    tracing::info!("in-flight requests finished; closing the database pool");
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves when `stop` turns true (or its sender is gone).
pub async fn stopped(mut stop: tokio::sync::watch::Receiver<bool>) {
    let _ = stop.wait_for(|stopping| *stopping).await;
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received");
}
