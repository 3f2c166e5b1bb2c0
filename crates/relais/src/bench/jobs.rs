//! `relais bench jobs`: N probe jobs, all due, drained by W worker processes (`relais jobs
//! work`) on one database; checks that each ran exactly once and reports the rate and how late
//! jobs started.
//!
//! Ends with `bench: engine=… jobs=N workers=W jobs_per_s=… duplicates=0 p99_delay_ms=…`.
//! (All jobs are due at the start, so a job's delay is mostly its wait behind the others: the
//! p99 delay is close to the drain time.)

use std::{
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use clap::Args;
use relais_core::jobs::{self, State};

use crate::args::CliResult;

#[derive(Debug, Clone, Args)]
pub struct JobsArgs {
    /// How many probe jobs.
    #[arg(long, default_value_t = 100_000)]
    pub jobs: u32,
    /// How many worker processes.
    #[arg(long, default_value_t = 2)]
    pub workers: u32,
    /// Jobs taken per claim by each worker.
    #[arg(long, default_value_t = 64)]
    pub batch: u32,
    /// An empty database to fill (default: a temporary SQLite file).
    #[arg(long)]
    pub database: Option<String>,
    /// Give up after this many seconds.
    #[arg(long, default_value_t = 900)]
    pub timeout: u64,
}

/// Worker processes, stopped (SIGTERM, then killed) when dropped.
struct Workers(Vec<Child>);

impl Drop for Workers {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        for child in &mut self.0 {
            while Instant::now() < deadline && matches!(child.try_wait(), Ok(None)) {
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

pub async fn run(args: JobsArgs) -> CliResult {
    let fresh = super::fresh::fresh_database(args.database.as_deref(), "jobs", "probe jobs").await?;
    let db = fresh.db.clone();
    let engine = db.engine().name();
    let now = time::OffsetDateTime::now_utc();
    let loading = Instant::now();
    jobs::enqueue_probes(&db, args.jobs, now, now).await?;
    crate::outln!("bench: step=enqueue engine={engine} jobs={} enqueue_s={:.1}", args.jobs, loading.elapsed().as_secs_f64());

    let exe = std::env::current_exe()?;
    let started = Instant::now();
    let mut workers = Workers(Vec::new());
    for _ in 0..args.workers {
        let child = Command::new(&exe)
            .args(["jobs", "work", "--batch", &args.batch.to_string(), "--poll-ms", "50", "--database", &fresh.url])
            .env("RELAIS_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()?;
        workers.0.push(child);
    }
    let deadline = started + Duration::from_secs(args.timeout);
    let expected = u64::from(args.jobs);
    loop {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let done = jobs::probes_run(&db).await?;
        if done >= expected {
            break;
        }
        for child in &mut workers.0 {
            if let Some(status) = child.try_wait()? {
                return Err(format!("a worker process stopped ({status}) with {done} of {expected} jobs done").into());
            }
        }
        if Instant::now() > deadline {
            return Err(format!("{done} of {expected} jobs done after {} s", args.timeout).into());
        }
    }
    let drain = started.elapsed().as_secs_f64();
    drop(workers);
    let runs = jobs::probe_runs(&db).await?;
    let duplicates = runs.runs - runs.jobs;
    let p99 = runs.delays_ms.get((runs.delays_ms.len().saturating_sub(1)) * 99 / 100).copied().unwrap_or(0);
    let p50 = runs.delays_ms.get(runs.delays_ms.len() / 2).copied().unwrap_or(0);
    let failed = jobs::counts(&db).await?.get(&State::Failed).copied().unwrap_or(0);
    crate::outln!(
        "bench: engine={engine} jobs={} workers={} jobs_per_s={:.0} duplicates={duplicates} p99_delay_ms={p99} p50_delay_ms={p50} drain_s={drain:.1} workers_seen={} failed={failed}",
        runs.jobs,
        args.workers,
        runs.jobs as f64 / drain,
        runs.workers.len(),
    );
    db.close().await;
    if duplicates > 0 || runs.jobs != expected || failed > 0 {
        return Err(format!("{} jobs ran, {duplicates} twice, {failed} failed, of {expected}", runs.jobs).into());
    }
    Ok(())
}
