//! `GET /admin/jobs`: the job queue for platform admins (how many jobs are queued, running,
//! failed and done; the jobs of one state), `POST /admin/jobs/{id}/retry` and
//! `POST /admin/jobs/retry-failed` to put failed jobs back in the queue.

use askama::Template;
use axum::{
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use relais_core::{
    dates::local_datetime,
    i18n::Tr,
    jobs::{self, State as JobState},
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext, response::see_other},
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    access::authorise_platform,
    audit::{self, Event},
    policy::PlatformAction,
    sessions::CurrentUser,
};

/// Jobs shown per state.
const SHOWN: u32 = 100;

#[derive(Debug, Deserialize, Default)]
pub struct JobsQuery {
    #[serde(default)]
    state: String,
    #[serde(default)]
    done: String,
}

pub struct Tab {
    code: &'static str,
    label: String,
    count: u64,
    current: bool,
}

pub struct Line {
    id: Uuid,
    kind: String,
    key: Option<String>,
    due: String,
    finished: Option<String>,
    locked_until: Option<String>,
    tries: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "admin_jobs.html")]
struct JobsPage<'a> {
    tr: Tr,
    csrf: &'a str,
    tabs: Vec<Tab>,
    jobs: Vec<Line>,
    failed: bool,
    more: bool,
    notice: Option<String>,
}

fn state_label(tr: &Tr, state: JobState) -> String {
    tr.t(match state {
        JobState::Queued => "admin-jobs-queued",
        JobState::Running => "admin-jobs-running",
        JobState::Failed => "admin-jobs-failed",
        JobState::Done => "admin-jobs-done",
    })
}

/// `GET /admin/jobs?state=failed`.
pub async fn list(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Query(query): Query<JobsQuery>) -> Result<Response, AppError> {
    authorise_platform(&user, PlatformAction::ManageJobs)?;
    let tr = ctx.tr;
    let shown = JobState::from_code(&query.state).unwrap_or(JobState::Failed);
    let counts = jobs::counts(&state.db).await?;
    let tabs = JobState::ALL.into_iter().map(|s| Tab { code: s.code(), label: state_label(&tr, s), count: counts.get(&s).copied().unwrap_or(0), current: s == shown }).collect();
    let found = jobs::list(&state.db, shown, SHOWN + 1).await?;
    let more = found.len() > SHOWN as usize;
    let lines = found
        .into_iter()
        .take(SHOWN as usize)
        .map(|j| Line {
            id: j.id,
            kind: j.kind,
            key: j.key,
            due: local_datetime(j.due),
            finished: j.finished.map(local_datetime),
            locked_until: j.locked_until.filter(|_| j.state == JobState::Running).map(local_datetime),
            tries: format!("{} / {}", j.attempts, j.max_attempts),
            error: j.last_error,
        })
        .collect();
    let notice = match query.done.as_str() {
        "retried" => Some(tr.t("admin-jobs-retried")),
        _ => None,
    };
    let page = JobsPage { tr, csrf: &ctx.csrf, tabs, jobs: lines, failed: shown == JobState::Failed, more, notice };
    ctx.render(&tr.t("admin-jobs-title"), &page.render()?)
}

/// `POST /admin/jobs/{id}/retry`: a failed job back in the queue (a job no longer failed — retried
/// meanwhile, or forgotten — is answered like a retried one: the admin's wish is met).
pub async fn retry(State(state): State<AppState>, user: CurrentUser, ClientAddr(client): ClientAddr, Path(id): Path<String>) -> Result<Response, AppError> {
    authorise_platform(&user, PlatformAction::ManageJobs)?;
    let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    if jobs::find(&state.db, id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let retried = jobs::retry(&state.db, id, state.clock.now()).await?;
    tracing::info!(admin = %user.id, job = %id, retried, "job retried");
    if retried {
        audit::record_or_log(&state.db, Event::new("job.retried", &client).actor(user.id).object(id.to_string())).await;
    }
    Ok(see_other("/admin/jobs?state=failed&done=retried").into_response())
}

/// `POST /admin/jobs/retry-failed`: every failed job back in the queue.
pub async fn retry_failed(State(state): State<AppState>, user: CurrentUser, ClientAddr(client): ClientAddr) -> Result<Response, AppError> {
    authorise_platform(&user, PlatformAction::ManageJobs)?;
    let retried = jobs::retry_all_failed(&state.db, state.clock.now()).await?;
    tracing::info!(admin = %user.id, retried, "failed jobs retried");
    if retried > 0 {
        audit::record_or_log(&state.db, Event::new("job.retried_all", &client).actor(user.id).detail(format!("jobs={retried}"))).await;
    }
    Ok(see_other("/admin/jobs?state=failed&done=retried").into_response())
}
