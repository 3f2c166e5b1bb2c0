//! The `relais` command line.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use relais_core::{db::redact, demo};

use crate::{
    accounts::{TokenCreateArgs, UserAddArgs},
    args::{CliResult, DatabaseArgs, open_database},
    bench,
    serve::{self, ServeArgs},
    telemetry,
};

/// Relais — the digital-inclusion platform for Belgian CPAS/OCMW and their partners.
#[derive(Debug, Parser)]
#[command(name = "relais", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web application (migrations are applied at start).
    Serve(ServeArgs),
    /// Apply pending database migrations, then exit.
    Migrate(DatabaseArgs),
    /// Load the fictitious demo data set (only the parts not loaded yet), then exit.
    Demo(DatabaseArgs),
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage personal API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Run the retention job now: anonymise people inactive past their organisation's period
    /// (`relais serve` also runs it every 6 hours), and clear the contacts given for workshops over
    /// for 90 days. Prints `retention: anonymised=N`, then `retention: workshop_contacts_cleared=M`.
    Retention(DatabaseArgs),
    /// The job queue: list, retry, probe, or run jobs without serving.
    #[command(subcommand)]
    Jobs(crate::jobs::JobsCommand),
    /// List every registered route pattern, one per line.
    Routes,
    /// Measure performance against a running server or the database.
    #[command(subcommand)]
    Bench(bench::BenchCommand),
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a personal API token for an account; the token alone is printed on the last line.
    Create(TokenCreateArgs),
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account; prints a single-use link to set its password (or reads the password).
    Add(UserAddArgs),
}

pub fn run(cli: Cli) -> ExitCode {
    telemetry::init();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("relais: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        match cli.command {
            Command::Serve(args) => serve::run(args).await,
            Command::Migrate(args) => migrate(&args).await,
            Command::Demo(args) => load_demo(&args).await,
            Command::Retention(args) => retention(&args).await,
            Command::Bench(command) => bench::run(command).await,
            Command::Jobs(command) => crate::jobs::run(command).await,
            Command::User(UserCommand::Add(args)) => crate::accounts::add(args).await,
            Command::Token(TokenCommand::Create(args)) => crate::accounts::create_token(args).await,
            Command::Routes => {
                for path in crate::routes().paths() {
                    crate::outln!("{path}");
                }
                Ok(())
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("relais: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn migrate(args: &DatabaseArgs) -> CliResult {
    let db = open_database(args).await?;
    db.close().await;
    crate::outln!("migrations applied to {}", redact(&args.url));
    Ok(())
}

async fn retention(args: &DatabaseArgs) -> CliResult {
    let db = open_database(args).await?;
    for area in crate::areas() {
        for step in area.retention {
            let count = (step.run)(&db, time::OffsetDateTime::now_utc()).await?;
            crate::outln!("retention: {}={count}", step.name);
        }
    }
    db.close().await;
    Ok(())
}

async fn load_demo(args: &DatabaseArgs) -> CliResult {
    let db = open_database(args).await?;
    let report = demo::load(&db, &crate::demo_parts()).await?;
    db.close().await;
    if report.loaded.is_empty() {
        crate::outln!("demo data already present ({})", report.already_present.join(", "));
    } else {
        crate::outln!("demo data loaded: {}", report.loaded.join(", "));
    }
    Ok(())
}
