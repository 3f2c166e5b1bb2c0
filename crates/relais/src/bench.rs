//! `relais bench …`: reproducible performance figures. Every command ends each measurement with
//! one machine-readable line: `bench: key=value key=value …`.

use std::time::{Duration, Instant};

use clap::{Args, Subcommand, ValueEnum};
use http_body_util::{BodyExt, Empty};
use hyper::{Request, body::Bytes, client::conn::http1};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

use crate::cli::CliResult;

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Load a running server over HTTP (loopback) and report requests/s and latency percentiles.
    Http(HttpArgs),
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
    let authority = args
        .url
        .strip_prefix("http://")
        .ok_or("only http:// URLs are supported (bench runs on loopback)")?
        .trim_end_matches('/')
        .to_string();
    let targets = if args.target.is_empty() {
        vec![Target::Home, Target::Healthz]
    } else {
        args.target.clone()
    };
    let conns = args.conns.max(1);
    let duration = Duration::from_secs(args.duration.max(1));
    // Fail early and clearly when nothing listens there.
    TcpStream::connect(&authority)
        .await
        .map_err(|e| format!("cannot reach {}: {e} (start it with `relais serve --demo`)", args.url))?;
    for target in targets {
        println!("loading {}{} with {conns} connections for {}s…", args.url, target.path(), duration.as_secs());
        let m = load(&authority, target.path(), conns, duration).await?;
        let rps = m.requests as f64 / m.elapsed.as_secs_f64();
        println!(
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
    let started = Instant::now();
    let deadline = started + duration;
    let mut workers = Vec::with_capacity(conns);
    for _ in 0..conns {
        let authority = authority.to_string();
        let path = path.to_string();
        workers.push(tokio::spawn(async move { worker(&authority, &path, deadline).await }));
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
    let pick = |q: f64| -> Duration {
        if latencies.is_empty() {
            return Duration::ZERO;
        }
        let index = ((latencies.len() as f64 - 1.0) * q).round() as usize;
        latencies[index.min(latencies.len() - 1)]
    };
    Ok(Measurement {
        requests: latencies.len(),
        errors,
        elapsed,
        p50: pick(0.50),
        p99: pick(0.99),
    })
}

/// One connection's loop; reconnects after an error. Returns latencies and the error count.
async fn worker(authority: &str, path: &str, deadline: Instant) -> (Vec<Duration>, usize) {
    let mut latencies = Vec::with_capacity(4096);
    let mut errors = 0;
    'connect: while Instant::now() < deadline {
        let Ok(stream) = TcpStream::connect(authority).await else {
            errors += 1;
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let _ = stream.set_nodelay(true);
        let Ok((mut sender, connection)) = http1::handshake(TokioIo::new(stream)).await else {
            errors += 1;
            continue;
        };
        let driver = tokio::spawn(connection);
        while Instant::now() < deadline {
            let request = match Request::get(path)
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
                    response.into_body().collect().await.is_ok() && status.is_success()
                }
                Err(_) => false,
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
