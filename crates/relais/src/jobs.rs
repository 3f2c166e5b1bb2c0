//! `relais jobs …`: the job queue from the command line (what `/admin/jobs` shows), and a
//! process that only runs jobs (`relais jobs work`, beside or instead of the servers' runners).

use clap::{Args, Subcommand};
use relais_core::{
    clock::Clock,
    jobs::{self, State},
};
use time::format_description::well_known::Rfc3339;

use crate::args::{CliResult, DatabaseArgs, open_database};

#[derive(Debug, Subcommand)]
pub enum JobsCommand {
    /// Print how many jobs are in each state, then the jobs of one state (failed by default):
    /// `jobs: queued=N running=N failed=N done=N`, then one line per job.
    List(ListArgs),
    /// Put a failed job back in the queue (its tries counted from zero), or every failed job.
    Retry(RetryArgs),
    /// Enqueue probe jobs, due now: each run writes who ran it and how late (see `job_probes`).
    Probe(ProbeArgs),
    /// Run jobs until stopped (SIGTERM, Ctrl-C), without serving pages.
    Work(WorkArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    /// queued, running, failed or done.
    #[arg(long, default_value = "failed")]
    pub state: String,
    /// At most this many lines of jobs.
    #[arg(long, default_value_t = 50)]
    pub limit: u32,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Clone, Args)]
pub struct RetryArgs {
    /// The job's id (as `relais jobs list` prints it).
    #[arg(required_unless_present = "failed", conflicts_with = "failed")]
    pub id: Option<uuid::Uuid>,
    /// Every failed job.
    #[arg(long)]
    pub failed: bool,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ProbeArgs {
    /// How many.
    #[arg(long, default_value_t = 1)]
    pub count: u32,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Clone, Args)]
pub struct WorkArgs {
    /// Jobs taken per claim (run side by side).
    #[arg(long, default_value_t = 16)]
    pub batch: u32,
    /// Milliseconds to wait when nothing is due.
    #[arg(long, default_value_t = 1000)]
    pub poll_ms: u64,
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub messaging: crate::args::MessagingArgs,
}

pub async fn run(command: JobsCommand) -> CliResult {
    match command {
        JobsCommand::List(args) => list(args).await,
        JobsCommand::Retry(args) => retry(args).await,
        JobsCommand::Probe(args) => probe(args).await,
        JobsCommand::Work(args) => work(args).await,
    }
}

fn at(t: time::OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

async fn list(args: ListArgs) -> CliResult {
    let state = State::from_code(&args.state).ok_or_else(|| format!("unknown state {:?}: queued, running, failed or done", args.state))?;
    let db = open_database(&args.database).await?;
    let counts = jobs::counts(&db).await?;
    let count = |s: State| counts.get(&s).copied().unwrap_or(0);
    crate::outln!("jobs: queued={} running={} failed={} done={}", count(State::Queued), count(State::Running), count(State::Failed), count(State::Done));
    for job in jobs::list(&db, state, args.limit).await? {
        crate::outln!(
            "{} {} {} key={} due={} tries={}/{} error={}",
            job.id,
            job.state.code(),
            job.kind,
            job.key.as_deref().unwrap_or("-"),
            at(job.due),
            job.attempts,
            job.max_attempts,
            job.last_error.as_deref().unwrap_or("-")
        );
    }
    db.close().await;
    Ok(())
}

async fn retry(args: RetryArgs) -> CliResult {
    let db = open_database(&args.database).await?;
    let now = time::OffsetDateTime::now_utc();
    let result = match args.id {
        Some(id) if !args.failed => {
            if jobs::retry(&db, id, now).await? {
                crate::outln!("jobs: retried=1");
                Ok(())
            } else {
                Err(format!("no failed job has the id {id}").into())
            }
        }
        _ => {
            let n = jobs::retry_all_failed(&db, now).await?;
            crate::outln!("jobs: retried={n}");
            Ok(())
        }
    };
    db.close().await;
    result
}

async fn probe(args: ProbeArgs) -> CliResult {
    let db = open_database(&args.database).await?;
    let now = time::OffsetDateTime::now_utc();
    let ids = jobs::enqueue_probes(&db, args.count, now, now).await?;
    crate::outln!("jobs: probes={}", ids.len());
    db.close().await;
    Ok(())
}

async fn work(args: WorkArgs) -> CliResult {
    let senders = std::sync::Arc::new(args.messaging.senders()?);
    let db = open_database(&args.database).await?;
    let runner = crate::job_runner(db.clone(), Clock::system(), senders).batch(args.batch).poll(std::time::Duration::from_millis(args.poll_ms));
    tracing::info!(worker = runner.worker(), kinds = ?runner.kinds(), "running jobs");
    // Printed for people and for `relais bench jobs`, which waits for it.
    crate::outln!("working as {}", runner.worker());
    runner.run_until(crate::serve::shutdown_signal()).await;
    db.close().await;
    Ok(())
}
