//! `relais bench …`: reproducible performance figures. Every command ends each measurement with
//! one machine-readable line: `bench: key=value key=value …`. One module per bench; `load` is the
//! shared HTTP load generator, `fresh` the database a bench fills.

pub mod diagnostic;
pub mod fresh;
pub mod http;
pub mod jobs;
pub mod load;
pub mod log;
pub mod report;
pub mod search;

use clap::Subcommand;

use crate::args::CliResult;

pub use fresh::{FreshDatabase, fresh_database};
pub use load::{Measurement, Plan, Sample, Turn, load, load_paths, load_plan};

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Load a running server over HTTP (loopback) and report requests/s and latency percentiles.
    Http(http::HttpArgs),
    /// Fill a fresh database with fictitious places, serve the application in-process and load
    /// the directory search (`/api/v1/places` and the `/places` page) over loopback.
    Search(search::SearchArgs),
    /// Log requests helped through the HTTP API (`POST /api/v1/accompaniments`) from many
    /// helpers at once, on a fresh database; reports inserts per second and latency.
    Log(log::LogArgs),
    /// Generate N synthetic requests across 200 organisations, build the roll-ups and time the
    /// dashboard's queries for an organisation, a project and the programme.
    Report(report::ReportArgs),
    /// Run the adaptive diagnostic for N synthetic people answering by an independent reference
    /// model; reports how often each area's level is exact or within one, and the questions asked.
    Diagnostic(diagnostic::DiagnosticArgs),
    /// Enqueue N probe jobs, all due, and drain them with W worker processes on one database;
    /// checks none ran twice and reports jobs per second and how late they started.
    Jobs(jobs::JobsArgs),
}

pub async fn run(command: BenchCommand) -> CliResult {
    match command {
        BenchCommand::Http(args) => http::run(args).await,
        BenchCommand::Search(args) => search::run(args).await,
        BenchCommand::Log(args) => log::run(args).await,
        BenchCommand::Report(args) => report::run(args).await,
        BenchCommand::Diagnostic(args) => diagnostic::run(args).await,
        BenchCommand::Jobs(args) => jobs::run(args).await,
    }
}
