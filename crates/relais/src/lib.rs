//! Relais, assembled: every area's routes and demo parts, the CLI commands.

pub mod accounts;
pub mod bench;
pub mod cli;
pub mod serve;
pub mod telemetry;

use relais_core::{
    demo::{self, DemoPart},
    web::{self, Routes},
};

/// Every route of the application. New areas add their `routes()` here.
pub fn routes() -> Routes {
    web::kernel_routes().merge(relais_organisations::routes())
}

/// The demo data set, in loading order. New areas add their part here.
pub fn demo_parts() -> Vec<DemoPart> {
    vec![demo::INSTANCE_PART, relais_organisations::demo::DEMO_PART]
}
