//! Jobs: work that is due later (reminders, surveys, retention, sending a message), kept in the
//! database so that it survives a restart and runs once across every `relais serve` process.
//!
//! A job is a row of `jobs`: a kind (which handler runs it), an optional unique key (enqueueing
//! the same key twice makes one job), a payload (JSON text), a due time and a state:
//!
//! ```text
//! queued --claim--> running --ok--> done
//!    ^                 |  \--error, tries left--> queued (due after a backoff)
//!    |                 |   \-error, no try left-> failed --retry (admin)--> queued
//!    \--lease expired--/
//! ```
//!
//! A claim takes due jobs with a lease: PostgreSQL `FOR UPDATE SKIP LOCKED` (two processes never
//! take the same row), SQLite one `UPDATE … RETURNING` (serialised by the writer lock). A process
//! killed mid-job leaves the job `running` until its lease ends; another process then takes it
//! again (it counts as a try). Handlers must therefore be safe to run again after a crash (see
//! `docs/jobs.md`). Recurring work (retention every 6 hours) is a job per period, keyed by the
//! period, which every process enqueues and only one runs.

use std::{collections::HashMap, future::Future, pin::Pin, sync::Arc, time::Duration as StdDuration};

use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::{Db, DbError, clock::Clock, on_db};

/// How long a claim holds by default; a handler is stopped before (see [`Runner::lease`]).
pub const LEASE: Duration = Duration::minutes(5);
/// Tries before a job goes to the failure list, by default.
pub const MAX_ATTEMPTS: u32 = 8;
/// Done jobs are kept this long (the admin page shows them; their keys keep deduplicating).
pub const KEEP_DONE: Duration = Duration::days(30);
/// Failed jobs are kept this long unless retried.
pub const KEEP_FAILED: Duration = Duration::days(90);
/// The recurring job that forgets old jobs.
pub const PRUNE_JOB: &str = "jobs-prune";
/// A job that only records who ran it and how late (`relais jobs probe`, `relais bench jobs`).
pub const PROBE_JOB: &str = "jobs-probe";

/// Where a job is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    Queued,
    Running,
    Done,
    Failed,
}

impl State {
    pub const ALL: [State; 4] = [State::Queued, State::Running, State::Failed, State::Done];

    pub fn code(self) -> &'static str {
        match self {
            State::Queued => "queued",
            State::Running => "running",
            State::Done => "done",
            State::Failed => "failed",
        }
    }

    pub fn from_code(code: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Milliseconds since 1970, as the table keeps times.
pub fn millis(at: OffsetDateTime) -> i64 {
    i64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

/// The time of a millisecond count.
pub fn from_millis(ms: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// The wait before try `attempt + 1` after try `attempt` failed: 30 s, doubling, at most 6 hours.
pub fn backoff(attempt: u32) -> Duration {
    let doublings = attempt.saturating_sub(1).min(16);
    (Duration::seconds(30) * 2_i32.pow(doublings)).min(Duration::hours(6))
}

/// What to enqueue.
#[derive(Debug, Clone)]
pub struct NewJob {
    pub kind: String,
    pub key: Option<String>,
    pub payload: String,
    pub due: OffsetDateTime,
    pub max_attempts: u32,
}

impl NewJob {
    /// A job of `kind`, due at `due`, with an empty payload, no key and the default tries.
    pub fn new(kind: &str, due: OffsetDateTime) -> NewJob {
        NewJob { kind: kind.to_string(), key: None, payload: "{}".to_string(), due, max_attempts: MAX_ATTEMPTS }
    }

    pub fn key(mut self, key: impl Into<String>) -> NewJob {
        self.key = Some(key.into());
        self
    }

    pub fn payload(mut self, payload: impl Into<String>) -> NewJob {
        self.payload = payload.into();
        self
    }

    pub fn max_attempts(mut self, tries: u32) -> NewJob {
        self.max_attempts = tries.max(1);
        self
    }
}

/// The job an enqueue made or found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Enqueued {
    pub id: Uuid,
    /// `false` when a job with the same key was already there (nothing was added).
    pub created: bool,
}

/// Add a job (or find the one with the same key).
pub async fn enqueue(db: &Db, job: &NewJob, now: OffsetDateTime) -> Result<Enqueued, DbError> {
    let id = Uuid::new_v4();
    let inserted: Option<Uuid> = on_db!(db, pool => sqlx::query_scalar(
        "INSERT INTO jobs (id, kind, unique_key, payload, state, due_ms, attempts, max_attempts, created_ms)
         VALUES ($1, $2, $3, $4, 'queued', $5, 0, $6, $7)
         ON CONFLICT (unique_key) DO NOTHING
         RETURNING id",
    )
    .bind(id)
    .bind(&job.kind)
    .bind(&job.key)
    .bind(&job.payload)
    .bind(millis(job.due))
    .bind(i64::from(job.max_attempts))
    .bind(millis(now))
    .fetch_optional(pool)
    .await)?;
    if let Some(id) = inserted {
        return Ok(Enqueued { id, created: true });
    }
    let existing: Uuid = on_db!(db, pool => sqlx::query_scalar("SELECT id FROM jobs WHERE unique_key = $1")
        .bind(&job.key)
        .fetch_one(pool)
        .await)?;
    Ok(Enqueued { id: existing, created: false })
}

/// A job this worker holds, to run.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: Uuid,
    pub kind: String,
    pub key: Option<String>,
    pub payload: String,
    /// This try's number, from 1.
    pub attempt: u32,
    pub max_attempts: u32,
    pub due: OffsetDateTime,
}

type ClaimedRow = (Uuid, String, Option<String>, String, i64, i64, i64);

fn claimed((id, kind, key, payload, attempt, max_attempts, due_ms): ClaimedRow) -> Claimed {
    Claimed { id, kind, key, payload, attempt: u32::try_from(attempt).unwrap_or(u32::MAX), max_attempts: u32::try_from(max_attempts).unwrap_or(u32::MAX), due: from_millis(due_ms) }
}

/// Take up to `limit` due jobs for `worker`, each held until `now + lease`. Jobs whose lease
/// ended without an answer (their process died) are due again, unless that was their last try:
/// those go to the failure list first.
pub async fn claim(db: &Db, worker: &str, limit: u32, lease: Duration, now: OffsetDateTime) -> Result<Vec<Claimed>, DbError> {
    claim_of(db, worker, &[], limit, lease, now).await
}

/// [`claim`] only jobs of these kinds (all kinds when empty): a runner takes only what it can
/// run, so a process of an older version never fails a new kind of job it does not know.
pub async fn claim_of(db: &Db, worker: &str, kinds: &[&str], limit: u32, lease: Duration, now: OffsetDateTime) -> Result<Vec<Claimed>, DbError> {
    let now_ms = millis(now);
    on_db!(db, pool => sqlx::query(
        "UPDATE jobs SET state = 'failed', finished_ms = $1, locked_until_ms = NULL, last_error = 'lease-expired'
         WHERE state = 'running' AND locked_until_ms <= $1 AND attempts >= max_attempts",
    )
    .bind(now_ms)
    .execute(pool)
    .await
    .map(|_| ()))?;
    // The same statement on both engines; PostgreSQL also skips rows another claim holds.
    let lock = if db.engine() == crate::Engine::Postgres { " FOR UPDATE SKIP LOCKED" } else { "" };
    let only = if kinds.is_empty() {
        String::new()
    } else {
        let placeholders: Vec<String> = (0..kinds.len()).map(|i| format!("${}", i + 5)).collect();
        format!(" AND kind IN ({})", placeholders.join(", "))
    };
    let sql = format!(
        "UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_until_ms = $1, worker = $2
         WHERE id IN (
             SELECT id FROM jobs
             WHERE ((state = 'queued' AND due_ms <= $3) OR (state = 'running' AND locked_until_ms <= $3)){only}
             ORDER BY due_ms LIMIT $4{lock})
         RETURNING id, kind, unique_key, payload, attempts, max_attempts, due_ms"
    );
    let rows: Vec<ClaimedRow> = on_db!(db, pool => {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(now_ms + lease.whole_milliseconds() as i64)
            .bind(worker)
            .bind(now_ms)
            .bind(i64::from(limit));
        for kind in kinds {
            query = query.bind(*kind);
        }
        query.fetch_all(pool).await
    })?;
    Ok(rows.into_iter().map(claimed).collect())
}

/// Mark a held job done. `false` when this worker no longer held it (its lease had ended and
/// another took it): the other run's answer counts.
pub async fn complete(db: &Db, id: Uuid, worker: &str, now: OffsetDateTime) -> Result<bool, DbError> {
    let done = on_db!(db, pool => sqlx::query(
        "UPDATE jobs SET state = 'done', finished_ms = $3, locked_until_ms = NULL, last_error = NULL
         WHERE id = $1 AND worker = $2 AND state = 'running'",
    )
    .bind(id)
    .bind(worker)
    .bind(millis(now))
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// What became of a failed try.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Due again at this time.
    Retry(OffsetDateTime),
    /// No try left: on the failure list.
    Failed,
    /// This worker no longer held the job.
    NotHeld,
}

/// Record a failed try: due again after [`backoff`], or failed when it was the last.
pub async fn fail(db: &Db, job: &Claimed, worker: &str, error: &str, now: OffsetDateTime) -> Result<AfterFailure, DbError> {
    let last = job.attempt >= job.max_attempts;
    let again = now + backoff(job.attempt);
    let error: String = error.chars().take(2000).collect();
    let changed = on_db!(db, pool => sqlx::query(
        "UPDATE jobs SET state = $3, due_ms = $4, last_error = $5, locked_until_ms = NULL, finished_ms = $6
         WHERE id = $1 AND worker = $2 AND state = 'running'",
    )
    .bind(job.id)
    .bind(worker)
    .bind(if last { State::Failed.code() } else { State::Queued.code() })
    .bind(if last { millis(job.due) } else { millis(again) })
    .bind(&error)
    .bind(if last { Some(millis(now)) } else { None })
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(match (changed, last) {
        (0, _) => AfterFailure::NotHeld,
        (_, true) => AfterFailure::Failed,
        (_, false) => AfterFailure::Retry(again),
    })
}

/// Put a failed job back in the queue, due now, with its tries counted from zero. `false` when
/// there is no failed job with this id.
pub async fn retry(db: &Db, id: Uuid, now: OffsetDateTime) -> Result<bool, DbError> {
    let changed = on_db!(db, pool => sqlx::query(
        "UPDATE jobs SET state = 'queued', due_ms = $2, attempts = 0, finished_ms = NULL WHERE id = $1 AND state = 'failed'",
    )
    .bind(id)
    .bind(millis(now))
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(changed == 1)
}

/// Retry every failed job; returns how many.
pub async fn retry_all_failed(db: &Db, now: OffsetDateTime) -> Result<u64, DbError> {
    on_db!(db, pool => sqlx::query("UPDATE jobs SET state = 'queued', due_ms = $1, attempts = 0, finished_ms = NULL WHERE state = 'failed'")
        .bind(millis(now))
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
    .map_err(DbError::from)
}

/// Forget done jobs older than [`KEEP_DONE`] and failed ones older than [`KEEP_FAILED`].
pub async fn prune(db: &Db, now: OffsetDateTime) -> Result<u64, DbError> {
    on_db!(db, pool => sqlx::query(
        "DELETE FROM jobs WHERE (state = 'done' AND finished_ms < $1) OR (state = 'failed' AND finished_ms < $2)",
    )
    .bind(millis(now - KEEP_DONE))
    .bind(millis(now - KEEP_FAILED))
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .map_err(DbError::from)
}

/// A job as the admin page and `relais jobs list` show it.
#[derive(Debug, Clone)]
pub struct Job {
    pub id: Uuid,
    pub kind: String,
    pub key: Option<String>,
    pub state: State,
    pub due: OffsetDateTime,
    pub attempts: u32,
    pub max_attempts: u32,
    pub locked_until: Option<OffsetDateTime>,
    pub worker: Option<String>,
    pub last_error: Option<String>,
    pub created: OffsetDateTime,
    pub finished: Option<OffsetDateTime>,
}

type JobRow = (Uuid, String, Option<String>, String, i64, i64, i64, Option<i64>, Option<String>, Option<String>, i64, Option<i64>);

const JOB_COLUMNS: &str = "id, kind, unique_key, state, due_ms, attempts, max_attempts, locked_until_ms, worker, last_error, created_ms, finished_ms";

fn job((id, kind, key, state, due, attempts, max_attempts, locked_until, worker, last_error, created, finished): JobRow) -> Job {
    Job {
        id,
        kind,
        key,
        state: State::from_code(&state).unwrap_or(State::Failed),
        due: from_millis(due),
        attempts: u32::try_from(attempts).unwrap_or(0),
        max_attempts: u32::try_from(max_attempts).unwrap_or(0),
        locked_until: locked_until.map(from_millis),
        worker,
        last_error,
        created: from_millis(created),
        finished: finished.map(from_millis),
    }
}

/// Jobs in `state`: the queue by due time, the others most recent first; at most `limit`.
pub async fn list(db: &Db, state: State, limit: u32) -> Result<Vec<Job>, DbError> {
    let order = match state {
        State::Queued | State::Running => "due_ms ASC",
        State::Done | State::Failed => "finished_ms DESC",
    };
    let sql = format!("SELECT {JOB_COLUMNS} FROM jobs WHERE state = $1 ORDER BY {order}, id LIMIT $2");
    let rows: Vec<JobRow> = on_db!(db, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(state.code())
        .bind(i64::from(limit))
        .fetch_all(pool)
        .await)?;
    Ok(rows.into_iter().map(job).collect())
}

/// One job by id.
pub async fn find(db: &Db, id: Uuid) -> Result<Option<Job>, DbError> {
    let sql = format!("SELECT {JOB_COLUMNS} FROM jobs WHERE id = $1");
    let row: Option<JobRow> = on_db!(db, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(pool).await)?;
    Ok(row.map(job))
}

/// How many jobs are in each state.
pub async fn counts(db: &Db) -> Result<HashMap<State, u64>, DbError> {
    let rows: Vec<(String, i64)> = on_db!(db, pool => sqlx::query_as("SELECT state, COUNT(*) FROM jobs GROUP BY state").fetch_all(pool).await)?;
    Ok(rows.into_iter().filter_map(|(s, n)| Some((State::from_code(&s)?, u64::try_from(n).unwrap_or(0)))).collect())
}

/// The probe: one row in `job_probes` per run.
async fn probe(ctx: JobContext) -> Result<(), JobError> {
    let now = ctx.clock.now();
    on_db!(&ctx.db, pool => sqlx::query("INSERT INTO job_probes (job_id, worker, delay_ms, ran_ms) VALUES ($1, $2, $3, $4)")
        .bind(ctx.job.id)
        .bind(&ctx.worker)
        .bind(millis(now) - millis(ctx.job.due))
        .bind(millis(now))
        .execute(pool)
        .await
        .map(|_| ()))
    .map_err(|e| JobError(e.to_string()))
}

/// Enqueue `count` probes due at `due`, in one transaction per thousand; returns their ids.
pub async fn enqueue_probes(db: &Db, count: u32, due: OffsetDateTime, now: OffsetDateTime) -> Result<Vec<Uuid>, DbError> {
    let mut ids = Vec::with_capacity(count as usize);
    let mut left = count;
    while left > 0 {
        let chunk = left.min(1000);
        let chunk_ids: Vec<Uuid> = (0..chunk).map(|_| Uuid::new_v4()).collect();
        on_db!(db, pool => async {
            let mut tx = pool.begin().await?;
            for id in &chunk_ids {
                sqlx::query(
                    "INSERT INTO jobs (id, kind, unique_key, payload, state, due_ms, attempts, max_attempts, created_ms)
                     VALUES ($1, $2, NULL, '{}', 'queued', $3, 0, $4, $5)",
                )
                .bind(id)
                .bind(PROBE_JOB)
                .bind(millis(due))
                .bind(i64::from(MAX_ATTEMPTS))
                .bind(millis(now))
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await
        }.await)?;
        ids.extend(chunk_ids);
        left -= chunk;
    }
    Ok(ids)
}

/// What the probes' runs say: runs, distinct jobs run, workers seen, the delays (ms, sorted).
#[derive(Debug, Clone)]
pub struct ProbeRuns {
    pub runs: u64,
    pub jobs: u64,
    pub workers: Vec<String>,
    pub delays_ms: Vec<i64>,
}

/// How many probe jobs have run (at least once).
pub async fn probes_run(db: &Db) -> Result<u64, DbError> {
    let n: i64 = on_db!(db, pool => sqlx::query_scalar("SELECT COUNT(DISTINCT job_id) FROM job_probes").fetch_one(pool).await)?;
    Ok(u64::try_from(n).unwrap_or(0))
}

pub async fn probe_runs(db: &Db) -> Result<ProbeRuns, DbError> {
    let (runs, jobs): (i64, i64) = on_db!(db, pool => sqlx::query_as("SELECT COUNT(*), COUNT(DISTINCT job_id) FROM job_probes").fetch_one(pool).await)?;
    let workers: Vec<String> = on_db!(db, pool => sqlx::query_scalar("SELECT DISTINCT worker FROM job_probes ORDER BY worker").fetch_all(pool).await)?;
    let delays_ms: Vec<i64> = on_db!(db, pool => sqlx::query_scalar("SELECT delay_ms FROM job_probes ORDER BY delay_ms").fetch_all(pool).await)?;
    Ok(ProbeRuns { runs: u64::try_from(runs).unwrap_or(0), jobs: u64::try_from(jobs).unwrap_or(0), workers, delays_ms })
}

/// Why a try failed, as the failure list shows it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct JobError(pub String);

impl From<DbError> for JobError {
    fn from(error: DbError) -> Self {
        JobError(error.to_string())
    }
}

impl From<String> for JobError {
    fn from(error: String) -> Self {
        JobError(error)
    }
}

impl From<&str> for JobError {
    fn from(error: &str) -> Self {
        JobError(error.to_string())
    }
}

/// What a handler receives: the database, the clock and the job.
#[derive(Clone)]
pub struct JobContext {
    pub db: Db,
    pub clock: Clock,
    /// The runner's name (`pid-random`).
    pub worker: String,
    pub job: Claimed,
}

type BoxFuture = Pin<Box<dyn Future<Output = Result<(), JobError>> + Send>>;
type Handler = Arc<dyn Fn(JobContext) -> BoxFuture + Send + Sync>;

/// A kind of job that is due every `every`, counted from 1970 (every 6 hours: at 0, 6, 12 and
/// 18 h UTC).
#[derive(Debug, Clone)]
struct Recurring {
    kind: &'static str,
    every: Duration,
}

/// Runs jobs in this process: the handlers it knows, the recurring jobs it keeps enqueued.
#[derive(Clone)]
pub struct Runner {
    db: Db,
    clock: Clock,
    worker: String,
    handlers: HashMap<&'static str, Handler>,
    recurring: Vec<Recurring>,
    lease: Duration,
    batch: u32,
    poll: StdDuration,
}

impl Runner {
    /// A runner with the kernel's own jobs (pruning, probes); its worker name tells processes apart on the admin page.
    pub fn new(db: Db, clock: Clock) -> Runner {
        Runner::bare(db, clock)
            .handle(PRUNE_JOB, |ctx| async move {
                let forgotten = prune(&ctx.db, ctx.clock.now()).await?;
                tracing::info!(job = PRUNE_JOB, forgotten, "old jobs forgotten");
                Ok(())
            })
            .every(PRUNE_JOB, Duration::days(1))
            .handle(PROBE_JOB, probe)
    }

    /// A runner without the kernel's own jobs (pruning, probes): only what is added to it runs.
    pub fn bare(db: Db, clock: Clock) -> Runner {
        let worker = format!("{}-{}", std::process::id(), &Uuid::new_v4().simple().to_string()[..8]);
        Runner { db, clock, worker, handlers: HashMap::new(), recurring: Vec::new(), lease: LEASE, batch: 16, poll: StdDuration::from_secs(1) }
    }

    /// Run jobs of `kind` with `handler`.
    pub fn handle<F, Fut>(mut self, kind: &'static str, handler: F) -> Runner
    where
        F: Fn(JobContext) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), JobError>> + Send + 'static,
    {
        self.handlers.insert(kind, Arc::new(move |ctx| Box::pin(handler(ctx))));
        self
    }

    /// Keep a job of `kind` enqueued for each period of `every` (one per period across processes).
    pub fn every(mut self, kind: &'static str, every: Duration) -> Runner {
        self.recurring.retain(|r| r.kind != kind);
        self.recurring.push(Recurring { kind, every });
        self
    }

    /// How long a claim holds; a handler still running at 90 % of it is stopped and its try failed.
    pub fn lease(mut self, lease: Duration) -> Runner {
        self.lease = lease;
        self
    }

    /// How many jobs one claim takes (run side by side).
    pub fn batch(mut self, batch: u32) -> Runner {
        self.batch = batch.max(1);
        self
    }

    /// How long to wait when nothing is due.
    pub fn poll(mut self, poll: StdDuration) -> Runner {
        self.poll = poll;
        self
    }

    pub fn worker(&self) -> &str {
        &self.worker
    }

    /// The kinds this runner has handlers for.
    pub fn kinds(&self) -> Vec<&'static str> {
        let mut kinds: Vec<_> = self.handlers.keys().copied().collect();
        kinds.sort_unstable();
        kinds
    }

    /// Enqueue this period's job of each recurring kind (a no-op when it is there already).
    pub async fn enqueue_recurring(&self) -> Result<(), DbError> {
        let now = self.clock.now();
        for r in &self.recurring {
            let every = r.every.whole_milliseconds().max(1) as i64;
            let period = millis(now) / every;
            let job = NewJob::new(r.kind, from_millis(period * every)).key(format!("{}@{period}", r.kind));
            enqueue(&self.db, &job, now).await?;
        }
        Ok(())
    }

    /// One round: enqueue the recurring jobs, claim what is due, run it, record each answer.
    /// Returns how many jobs ran.
    pub async fn run_once(&self) -> Result<usize, DbError> {
        self.enqueue_recurring().await?;
        let claimed = claim_of(&self.db, &self.worker, &self.kinds(), self.batch, self.lease, self.clock.now()).await?;
        let count = claimed.len();
        let runs = claimed.into_iter().map(|job| self.run(job));
        for result in futures_util::future::join_all(runs).await {
            result?;
        }
        Ok(count)
    }

    async fn run(&self, job: Claimed) -> Result<(), DbError> {
        let started = std::time::Instant::now();
        let outcome = match self.handlers.get(job.kind.as_str()) {
            None => Err(JobError(format!("no handler for jobs of kind {:?}", job.kind))),
            Some(handler) => {
                let ctx = JobContext { db: self.db.clone(), clock: self.clock.clone(), worker: self.worker.clone(), job: job.clone() };
                let limit = StdDuration::from_millis(u64::try_from(self.lease.whole_milliseconds() * 9 / 10).unwrap_or(u64::MAX));
                // Its own task: a panic fails the try instead of the runner.
                let task = tokio::spawn(handler(ctx));
                match tokio::time::timeout(limit, task).await {
                    Ok(Ok(result)) => result,
                    Ok(Err(join)) => Err(JobError(format!("the handler stopped: {join}"))),
                    Err(_) => Err(JobError("timed-out".to_string())),
                }
            }
        };
        let now = self.clock.now();
        let elapsed_ms = started.elapsed().as_millis() as u64;
        match outcome {
            Ok(()) => {
                if !complete(&self.db, job.id, &self.worker, now).await? {
                    tracing::warn!(job = %job.kind, id = %job.id, "the job's lease ended before it finished: another run took it");
                }
                tracing::debug!(job = %job.kind, id = %job.id, elapsed_ms, "job done");
                metrics::counter!("relais_jobs_total", "kind" => job.kind.clone(), "result" => "done").increment(1);
            }
            Err(error) => {
                let after = fail(&self.db, &job, &self.worker, &error.0, now).await?;
                tracing::warn!(job = %job.kind, id = %job.id, attempt = job.attempt, %error, ?after, "job failed");
                let result = if after == AfterFailure::Failed { "failed" } else { "retry" };
                metrics::counter!("relais_jobs_total", "kind" => job.kind.clone(), "result" => result).increment(1);
            }
        }
        Ok(())
    }

    /// Run rounds until the process stops: at once again while claims come back full, else
    /// after the poll interval.
    pub async fn run_forever(self) {
        self.run_until(std::future::pending::<()>()).await;
    }

    /// Run rounds until `stop` resolves; a round in progress is finished first (its jobs are
    /// answered, not left to their lease).
    pub async fn run_until(self, stop: impl Future<Output = ()>) {
        tokio::pin!(stop);
        loop {
            let full = match self.run_once().await {
                Ok(n) => n as u32 >= self.batch,
                Err(error) => {
                    tracing::warn!(%error, "jobs: a round failed");
                    false
                }
            };
            let wait = if full { StdDuration::ZERO } else { self.poll };
            tokio::select! {
                biased;
                () = &mut stop => return,
                () = tokio::time::sleep(wait) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_thirty_seconds_up_to_six_hours() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::minutes(1));
        assert_eq!(backoff(3), Duration::minutes(2));
        assert_eq!(backoff(20), Duration::hours(6));
        assert_eq!(backoff(u32::MAX), Duration::hours(6));
    }

    #[test]
    fn milliseconds_round_trip() {
        let at = time::macros::datetime!(2026-12-07 16:30:00.123 UTC);
        assert_eq!(from_millis(millis(at)), at);
        assert_eq!(State::from_code("failed"), Some(State::Failed));
        assert_eq!(State::from_code("nonsense"), None);
    }
}
