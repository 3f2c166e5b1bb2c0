//! `relais bench http`: load a running server over HTTP (loopback).

use std::time::Duration;

use clap::{Args, ValueEnum};
use tokio::net::TcpStream;

use super::load::load;
use crate::args::CliResult;

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

pub async fn run(args: HttpArgs) -> CliResult {
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
