//! Liveness and readiness probes for orchestrators and load balancers.

use std::time::Duration;

use axum::{
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use super::{AppState, response::Verbatim};

const READY_TIMEOUT: Duration = Duration::from_secs(2);

fn text(status: StatusCode, body: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8")), (header::CACHE_CONTROL, HeaderValue::from_static("no-store"))], Verbatim, body)
        .into_response()
}

/// `GET /healthz`: 200 while the process runs.
pub async fn healthz() -> Response {
    text(StatusCode::OK, "ok\n")
}

/// `GET /readyz`: 200 when the database answers within 2 s, 503 otherwise.
pub async fn readyz(State(state): State<AppState>) -> Response {
    match tokio::time::timeout(READY_TIMEOUT, state.db.ping()).await {
        Ok(Ok(())) => text(StatusCode::OK, "ready\n"),
        Ok(Err(error)) => {
            tracing::warn!(%error, "not ready: database unreachable");
            text(StatusCode::SERVICE_UNAVAILABLE, "database unreachable\n")
        }
        Err(_) => {
            tracing::warn!("not ready: database timed out");
            text(StatusCode::SERVICE_UNAVAILABLE, "database unreachable\n")
        }
    }
}
