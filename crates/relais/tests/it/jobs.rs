//! The kernel's jobs on the engine under test: unique keys, claims that never overlap, backoff
//! and the failure list, a job left by a dead process run again after its lease. (Two real
//! `relais serve` processes sharing one database: `cli::two_serve_processes_run_each_job_once`.)

use std::collections::BTreeSet;

use relais_core::{
    clock::Clock,
    jobs::{self, AfterFailure, JobError, NewJob, Runner, State},
};
use time::Duration;

use crate::harness::TestApp;

#[tokio::test]
async fn the_same_key_twice_makes_one_job_and_two_claims_never_share_a_job() {
    let app = TestApp::spawn().await;
    let now = app.clock.now();
    let job = NewJob::new("reminder", now).key("appointment:42:reminder").payload(r#"{"appointment":42}"#);
    let first = jobs::enqueue(&app.db, &job, now).await.unwrap();
    let second = jobs::enqueue(&app.db, &job.clone().payload("{}"), now).await.unwrap();
    assert!(first.created && !second.created);
    assert_eq!(first.id, second.id);
    assert_eq!(jobs::list(&app.db, State::Queued, 10).await.unwrap().len(), 1);
    // Jobs without a key are each their own.
    for _ in 0..2 {
        assert!(jobs::enqueue(&app.db, &NewJob::new("survey", now), now).await.unwrap().created);
    }

    // 300 due jobs, two workers claiming at once in batches: every job taken once.
    jobs::enqueue_probes(&app.db, 297, now, now).await.unwrap();
    let (a, b) = (app.db.clone(), app.db.clone());
    let claim_all = |db: relais_core::Db, worker: &'static str| async move {
        let mut taken = Vec::new();
        loop {
            let batch = jobs::claim(&db, worker, 25, Duration::hours(2), now).await.unwrap();
            if batch.is_empty() {
                return taken;
            }
            taken.extend(batch.into_iter().map(|j| j.id));
        }
    };
    let (from_a, from_b) = tokio::join!(tokio::spawn(claim_all(a, "a")), tokio::spawn(claim_all(b, "b")));
    let (from_a, from_b) = (from_a.unwrap(), from_b.unwrap());
    let all: BTreeSet<_> = from_a.iter().chain(&from_b).collect();
    assert_eq!(from_a.len() + from_b.len(), 300, "every job claimed");
    assert_eq!(all.len(), 300, "and none twice");
    // A job due later is not claimed before its time.
    let later = jobs::enqueue(&app.db, &NewJob::new("reminder", now + Duration::hours(1)), now).await.unwrap();
    assert!(jobs::claim(&app.db, "a", 10, jobs::LEASE, now).await.unwrap().is_empty());
    let due = jobs::claim(&app.db, "a", 10, jobs::LEASE, now + Duration::hours(1)).await.unwrap();
    assert_eq!(due.iter().map(|j| j.id).collect::<Vec<_>>(), vec![later.id]);
}

#[tokio::test]
async fn a_failing_job_backs_off_then_goes_to_the_failure_list_and_is_retried() {
    let app = TestApp::spawn().await;
    let clock = Clock::manual();
    let runner = Runner::new(app.db.clone(), clock.clone()).handle("flaky", |ctx| async move {
        // Fails on its first three tries, whatever the try count says after a retry.
        let tries: i64 = relais_core::on_db!(&ctx.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM job_probes WHERE worker = 'flaky'").fetch_one(pool).await)
            .map_err(|e| JobError(e.to_string()))?;
        relais_core::on_db!(&ctx.db, pool => sqlx::query("INSERT INTO job_probes (job_id, worker, delay_ms, ran_ms) VALUES ($1, 'flaky', 0, 0)").bind(ctx.job.id).execute(pool).await.map(|_| ()))
            .map_err(|e| JobError(e.to_string()))?;
        if tries < 3 { Err(JobError(format!("gateway answered 503 (try {})", ctx.job.attempt))) } else { Ok(()) }
    });
    runner.run_once().await.unwrap(); // the recurring prune job, out of the way
    let id = jobs::enqueue(&app.db, &NewJob::new("flaky", clock.now()).max_attempts(2), clock.now()).await.unwrap().id;
    assert_eq!(runner.run_once().await.unwrap(), 1);
    let job = jobs::find(&app.db, id).await.unwrap().unwrap();
    assert_eq!((job.state, job.attempts), (State::Queued, 1));
    assert_eq!(job.last_error.as_deref(), Some("gateway answered 503 (try 1)"));
    let wait = job.due - clock.now();
    assert!(wait > Duration::seconds(29) && wait <= Duration::seconds(30), "backs off 30 s: {wait}");
    // Not before its time…
    assert_eq!(runner.run_once().await.unwrap(), 0);
    clock.advance(Duration::seconds(31));
    assert_eq!(runner.run_once().await.unwrap(), 1);
    // …and after its last try, on the failure list.
    let job = jobs::find(&app.db, id).await.unwrap().unwrap();
    assert_eq!((job.state, job.attempts), (State::Failed, 2));
    assert_eq!(jobs::list(&app.db, State::Failed, 10).await.unwrap().iter().map(|j| j.id).collect::<Vec<_>>(), vec![id]);
    clock.advance(Duration::hours(7));
    runner.run_once().await.unwrap();
    assert_eq!(jobs::find(&app.db, id).await.unwrap().unwrap().state, State::Failed, "a failed job waits for someone");
    // Retried by an admin: due now, tries from zero; it fails once more, then succeeds.
    assert!(jobs::retry(&app.db, id, clock.now()).await.unwrap());
    assert!(!jobs::retry(&app.db, id, clock.now()).await.unwrap(), "only a failed job is retried");
    runner.run_once().await.unwrap();
    clock.advance(Duration::seconds(31));
    runner.run_once().await.unwrap();
    let job = jobs::find(&app.db, id).await.unwrap().unwrap();
    assert_eq!((job.state, job.attempts, job.last_error), (State::Done, 2, None));
}

#[tokio::test]
async fn a_job_left_by_a_dead_process_runs_again_after_its_lease_and_once() {
    let app = TestApp::spawn().await;
    let clock = Clock::manual();
    let now = clock.now();
    let [id] = jobs::enqueue_probes(&app.db, 1, now, now).await.unwrap()[..] else { panic!("one probe") };
    // A process claims it and dies before answering (kill -9: nothing else happens).
    let dead = jobs::claim(&app.db, "dead-worker", 10, jobs::LEASE, now).await.unwrap();
    assert_eq!(dead.len(), 1);
    let runner = Runner::new(app.db.clone(), clock.clone());
    runner.run_once().await.unwrap(); // the prune job
    assert_eq!(jobs::probe_runs(&app.db).await.unwrap().runs, 0, "held while the lease lasts");
    clock.advance(jobs::LEASE + Duration::seconds(1));
    assert!(runner.run_once().await.unwrap() >= 1);
    let job = jobs::find(&app.db, id).await.unwrap().unwrap();
    assert_eq!((job.state, job.attempts), (State::Done, 2), "the dead try counts");
    let runs = jobs::probe_runs(&app.db).await.unwrap();
    assert_eq!((runs.runs, runs.jobs), (1, 1));
    // Were the dead process to come back and answer, its answer no longer counts.
    assert!(!jobs::complete(&app.db, id, "dead-worker", clock.now()).await.unwrap());
    assert_eq!(jobs::fail(&app.db, &dead[0], "dead-worker", "late", clock.now()).await.unwrap(), AfterFailure::NotHeld);
    assert_eq!(jobs::find(&app.db, id).await.unwrap().unwrap().state, State::Done);
    // A job whose last try died goes to the failure list.
    let last = jobs::enqueue(&app.db, &NewJob::new(jobs::PROBE_JOB, clock.now()).max_attempts(1), clock.now()).await.unwrap().id;
    assert_eq!(jobs::claim(&app.db, "dead-worker", 10, jobs::LEASE, clock.now()).await.unwrap().len(), 1);
    clock.advance(jobs::LEASE + Duration::seconds(1));
    runner.run_once().await.unwrap();
    let job = jobs::find(&app.db, last).await.unwrap().unwrap();
    assert_eq!((job.state, job.last_error.as_deref()), (State::Failed, Some("lease-expired")));
}

#[tokio::test]
async fn old_jobs_are_forgotten_and_a_job_of_no_known_kind_waits_for_a_runner_that_knows_it() {
    let app = TestApp::spawn().await;
    let clock = Clock::manual();
    let runner = Runner::new(app.db.clone(), clock.clone());
    let unknown = jobs::enqueue(&app.db, &NewJob::new("no-such-kind", clock.now()).max_attempts(1), clock.now()).await.unwrap().id;
    runner.run_once().await.unwrap();
    // A process of an older version does not take it (nor fail it).
    let job = jobs::find(&app.db, unknown).await.unwrap().unwrap();
    assert_eq!((job.state, job.attempts), (State::Queued, 0));
    let knows = Runner::bare(app.db.clone(), clock.clone()).handle("no-such-kind", |_| async { Err(jobs::JobError("refused".into())) });
    assert_eq!(knows.run_once().await.unwrap(), 1);
    let job = jobs::find(&app.db, unknown).await.unwrap().unwrap();
    assert_eq!((job.state, job.last_error.as_deref()), (State::Failed, Some("refused")));
    let done = jobs::list(&app.db, State::Done, 10).await.unwrap();
    assert_eq!(done.iter().map(|j| j.kind.as_str()).collect::<Vec<_>>(), vec![jobs::PRUNE_JOB]);
    // 91 days on, the prune job of that day forgets both (done after 30 days, failed after 90).
    clock.advance(Duration::days(91));
    runner.run_once().await.unwrap();
    assert!(jobs::find(&app.db, unknown).await.unwrap().is_none());
    assert!(jobs::find(&app.db, done[0].id).await.unwrap().is_none());
}

#[tokio::test]
async fn a_platform_admin_retrying_a_failed_job_is_in_the_audit_log() {
    let app = TestApp::spawn_demo().await;
    let now = app.clock.now();
    jobs::enqueue(&app.db, &NewJob::new("audited", now).max_attempts(1), now).await.unwrap();
    let claimed = jobs::claim(&app.db, "test", 1, jobs::LEASE, now).await.unwrap();
    let claimed = claimed.into_iter().find(|j| j.kind == "audited").unwrap();
    jobs::fail(&app.db, &claimed, "test", "refused", now).await.unwrap();
    let (admin, csrf) = crate::harness::signed_in(&app, "admin@demo.relais.be").await;
    let response = admin.post(app.url(&format!("/admin/jobs/{}/retry", claimed.id))).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(response.status(), 303);
    let admin_id = relais_organisations::users::find_by_email(&app.db, "admin@demo.relais.be").await.unwrap().unwrap().id;
    let logged: Vec<(String, Option<String>)> =
        relais_core::on_db!(&app.db, pool => sqlx::query_as("SELECT action, object FROM audit_log WHERE actor_user_id = $1 AND action LIKE 'job.%'")
        .bind(admin_id)
        .fetch_all(pool)
        .await)
        .unwrap();
    assert_eq!(logged, vec![("job.retried".to_string(), Some(claimed.id.to_string()))]);
}
