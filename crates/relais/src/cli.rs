//! The `relais` command line.

use std::{net::SocketAddr, process::ExitCode};

use clap::{Args, Parser, Subcommand};
use relais_core::{Db, db::redact, demo};

use crate::{bench, serve, telemetry};

pub const DEFAULT_DATABASE: &str = "sqlite://data/relais.db";

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

#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// Database URL: sqlite://path/to/file.db (default) or postgres://user:password@host/db.
    #[arg(long = "database", env = "RELAIS_DATABASE_URL", default_value = DEFAULT_DATABASE)]
    pub url: String,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "RELAIS_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Load the demo data set when the database is empty (pages then show a "demo instance" banner).
    #[arg(long)]
    pub demo: bool,
    /// The base URL people use, for links in e-mails and origin checks (default: http://BIND).
    #[arg(long, env = "RELAIS_PUBLIC_URL")]
    pub public_url: Option<String>,
    #[command(flatten)]
    pub messaging: MessagingArgs,
}

/// Where messages go: e-mail (SMTP or an outbox folder) and SMS (an HTTP gateway or an outbox
/// folder). `relais serve` and `relais jobs work` send them.
#[derive(Debug, Clone, Args)]
pub struct MessagingArgs {
    /// SMTP server for outgoing e-mails, e.g. smtp://user:password@mail.example.be:587?tls=required
    /// (STARTTLS), smtps://user:password@mail.example.be (TLS) or smtp://localhost:2525 (plain).
    /// Without it, e-mails go to the outbox folder.
    #[arg(long, env = "RELAIS_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Folder where outgoing e-mails are written (as .eml files) when no SMTP server is configured.
    #[arg(long, env = "RELAIS_OUTBOX", default_value = "data/outbox")]
    pub outbox: std::path::PathBuf,
    /// Sender address of outgoing e-mails.
    #[arg(long, env = "RELAIS_MAIL_FROM", default_value = "relais@localhost")]
    pub mail_from: String,
    /// SMS gateway (https://…, or http:// on loopback): POST with a bearer token and a JSON body
    /// {from, to, text, reference} (see docs/messages.md). Without it, SMS go to the SMS outbox.
    #[arg(long, env = "RELAIS_SMS_URL")]
    pub sms_url: Option<String>,
    /// The gateway's bearer token.
    #[arg(long, env = "RELAIS_SMS_TOKEN", hide_env_values = true, default_value = "")]
    pub sms_token: String,
    /// The sender name SMS show (at most 11 letters and digits for most operators).
    #[arg(long, env = "RELAIS_SMS_FROM", default_value = "Relais")]
    pub sms_from: String,
    /// Folder where SMS are written (as .sms files) when no gateway is configured.
    #[arg(long, env = "RELAIS_SMS_OUTBOX", default_value = "data/sms-outbox")]
    pub sms_outbox: std::path::PathBuf,
}

impl MessagingArgs {
    /// The senders these settings name (an invalid URL stops the start). Passwords and tokens
    /// never reach a log or an error message.
    pub fn senders(&self) -> Result<relais_core::messages::Senders, String> {
        use relais_core::{mail::Mailer, sms::SmsSender};
        let mail = match self.smtp_url.as_deref().map(str::trim).filter(|url| !url.is_empty()) {
            Some(url) => {
                let mailer = Mailer::smtp(url, &self.mail_from).map_err(|error| format!("cannot send e-mail by SMTP (--smtp-url, --mail-from): {error}"))?;
                tracing::info!(smtp = %mailer.destination(), from = %self.mail_from, "e-mails are sent by SMTP");
                mailer
            }
            None => {
                let mailer = Mailer::outbox(&self.outbox, &self.mail_from);
                tracing::info!(outbox = %mailer.destination(), "no SMTP server configured: e-mails are written to the outbox");
                mailer
            }
        };
        let sms = match self.sms_url.as_deref().map(str::trim).filter(|url| !url.is_empty()) {
            Some(url) => {
                let sender =
                    SmsSender::http(url, &self.sms_token, &self.sms_from, relais_core::sms::GATEWAY_TIMEOUT).map_err(|error| format!("cannot send SMS (--sms-url): {error}"))?;
                tracing::info!(gateway = %sender.destination(), from = %self.sms_from, "SMS are sent through the gateway");
                sender
            }
            None => {
                let sender = SmsSender::outbox(&self.sms_outbox, &self.sms_from);
                tracing::info!(outbox = %sender.destination(), "no SMS gateway configured: SMS are written to the SMS outbox");
                sender
            }
        };
        Ok(relais_core::messages::Senders { mail, sms })
    }
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a personal API token for an account; the token alone is printed on the last line.
    Create(TokenCreateArgs),
}

#[derive(Debug, Clone, Args)]
pub struct TokenCreateArgs {
    /// The account's e-mail address.
    #[arg(long)]
    pub email: String,
    /// A name that says what the token is for.
    #[arg(long)]
    pub name: String,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account; prints a single-use link to set its password (or reads the password).
    Add(UserAddArgs),
}

#[derive(Debug, Clone, Args)]
pub struct UserAddArgs {
    /// The person's e-mail address.
    #[arg(long)]
    pub email: String,
    /// Display name (defaults to the part of the e-mail before @).
    #[arg(long)]
    pub name: Option<String>,
    /// Make the account a platform admin.
    #[arg(long)]
    pub admin: bool,
    /// Read the password from standard input instead of printing a link.
    #[arg(long)]
    pub password_stdin: bool,
    /// The base URL for the link.
    #[arg(long, env = "RELAIS_PUBLIC_URL", default_value = "http://127.0.0.1:8080")]
    pub public_url: String,
    #[command(flatten)]
    pub database: DatabaseArgs,
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

pub type CliResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// Connect and migrate: every command that touches the database starts here.
pub async fn open_database(args: &DatabaseArgs) -> Result<Db, relais_core::DbError> {
    let db = Db::connect(&args.url).await?;
    db.migrate().await?;
    crate::prepare(&db).await?;
    tracing::info!(database = %redact(&args.url), engine = db.engine().name(), "database ready");
    Ok(db)
}

async fn migrate(args: &DatabaseArgs) -> CliResult {
    let db = open_database(args).await?;
    db.close().await;
    crate::outln!("migrations applied to {}", redact(&args.url));
    Ok(())
}

async fn retention(args: &DatabaseArgs) -> CliResult {
    let db = open_database(args).await?;
    let anonymised = relais_accompaniments::retention::anonymise_inactive(&db, time::OffsetDateTime::now_utc()).await?;
    crate::outln!("retention: anonymised={anonymised}");
    let cleared = relais_diagnostics::workshops::forget_contacts(&db, time::OffsetDateTime::now_utc()).await?;
    crate::outln!("retention: workshop_contacts_cleared={cleared}");
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
