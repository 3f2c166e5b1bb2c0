//! Relais, assembled: every area's routes and demo parts, the CLI commands.

/// Print a line on stdout; when the reader has gone away (`relais routes | head -1`), end the
/// command quietly instead of panicking. Every command prints through it.
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => { $crate::output::line(format_args!($($arg)*)) };
}

pub mod accounts;
pub mod args;
pub mod bench;
pub mod cli;
pub mod jobs;
pub mod output;
pub mod serve;
pub mod telemetry;

use relais_core::{
    demo::{self, DemoPart},
    web::{self, Routes},
};

/// Every route of the application. New areas add their `routes()` here.
pub fn routes() -> Routes {
    web::kernel_routes()
        .merge(relais_organisations::routes())
        .merge(relais_directory::routes())
        .merge(relais_accompaniments::routes())
        .merge(relais_reports::routes())
        .merge(relais_diagnostics::routes())
        .route("/api/openapi.json", axum::routing::get(openapi))
}

/// `GET /api/openapi.json`: every area's API in one document.
async fn openapi() -> axum::response::Response {
    use utoipa::OpenApi;
    relais_organisations::api::openapi_with(vec![relais_directory::ApiDoc::openapi(), relais_accompaniments::api::ApiDoc::openapi(), relais_reports::ApiDoc::openapi()])
}

/// The demo data set, in loading order. New areas add their part here.
pub fn demo_parts() -> Vec<DemoPart> {
    vec![demo::INSTANCE_PART, relais_organisations::demo::DEMO_PART, relais_directory::demo::DEMO_PART, relais_accompaniments::demo::DEMO_PART, relais_diagnostics::demo::DEMO_PART]
}

/// The jobs this process runs: every area's handlers and recurring jobs. New areas add theirs here.
pub fn job_runner(db: relais_core::Db, clock: relais_core::clock::Clock, senders: std::sync::Arc<relais_core::messages::Senders>) -> relais_core::jobs::Runner {
    let runner = relais_core::jobs::Runner::new(db, clock);
    let runner = relais_core::messages::jobs(runner, senders);
    let runner = relais_organisations::throttle::jobs(runner);
    let runner = relais_accompaniments::retention::jobs(runner);
    relais_diagnostics::workshops::jobs(runner)
}

/// Every area's SMS templates (a test checks each fits in one SMS in every language).
pub fn sms_templates() -> Vec<&'static relais_core::messages::SmsTemplate> {
    relais_diagnostics::demand::SMS_TEMPLATES.iter().collect()
}

/// What every area needs in the database besides its tables (e.g. default taxonomy terms);
/// run after the migrations at every start, idempotent.
pub async fn prepare(db: &relais_core::Db) -> Result<(), relais_core::DbError> {
    relais_directory::prepare(db).await?;
    relais_diagnostics::prepare(db).await
}
