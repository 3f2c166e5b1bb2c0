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
    area::Area,
    demo::{self, DemoPart},
    web::{self, Routes},
};

/// Every area, in dependency order (an area's demo part may use the ones before). New areas add
/// their `area()` here: its routes, API document, demo part, start-up preparation, jobs, SMS
/// templates, retention and erasure steps are then part of the application. (The first call
/// installs the erasure steps for the process: see [`relais_core::area::ERASURE`].)
pub fn areas() -> Vec<Area> {
    let areas =
        vec![relais_organisations::area(), relais_directory::area(), relais_accompaniments::area(), relais_reports::area(), relais_diagnostics::area(), relais_helpers::area()];
    relais_core::area::ERASURE.get_or_init(|| areas.iter().flat_map(|a| a.erasure.iter().copied()).collect());
    relais_core::area::ACCOUNT_CLOSURE.get_or_init(|| areas.iter().flat_map(|a| a.account_closure.iter().copied()).collect());
    areas
}

/// Every route of the application.
pub fn routes() -> Routes {
    areas().iter().fold(web::kernel_routes(), |routes, area| routes.merge((area.routes)())).route("/api/openapi.json", axum::routing::get(openapi))
}

/// `GET /api/openapi.json`: every area's API in one document.
async fn openapi() -> axum::response::Response {
    relais_organisations::api::openapi_with(areas().iter().filter(|a| a.name != "organisations").filter_map(|a| a.openapi.map(|f| f())).collect())
}

/// The demo data set, in loading order.
pub fn demo_parts() -> Vec<DemoPart> {
    std::iter::once(demo::INSTANCE_PART).chain(areas().into_iter().filter_map(|a| a.demo)).collect()
}

/// The jobs this process runs: the kernel's (messages) and every area's.
pub fn job_runner(db: relais_core::Db, clock: relais_core::clock::Clock, senders: std::sync::Arc<relais_core::messages::Senders>) -> relais_core::jobs::Runner {
    let runner = relais_core::messages::jobs(relais_core::jobs::Runner::new(db, clock), senders);
    areas().into_iter().filter_map(|a| a.jobs).fold(runner, |runner, jobs| jobs(runner))
}

/// What the areas add to the reports (the app's `WebConfig::figures`).
pub fn figure_sources() -> Vec<relais_core::figures::Source> {
    areas().into_iter().filter_map(|a| a.figures).collect()
}

/// Every area's SMS templates (a test checks each fits in one SMS in every language).
pub fn sms_templates() -> Vec<&'static relais_core::messages::SmsTemplate> {
    areas().into_iter().flat_map(|a| a.sms_templates.iter()).collect()
}

/// What every area needs in the database besides its tables (e.g. default taxonomy terms);
/// run after the migrations at every start, idempotent.
pub async fn prepare(db: &relais_core::Db) -> Result<(), relais_core::DbError> {
    for area in areas() {
        if let Some(prepare) = area.prepare {
            prepare(db).await?;
        }
    }
    Ok(())
}
