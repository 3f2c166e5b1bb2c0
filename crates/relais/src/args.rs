//! What several commands share: the database setting and how they open it, the messaging
//! settings, the result type.

use clap::Args;
use relais_core::{Db, db::redact};

pub const DEFAULT_DATABASE: &str = "sqlite://data/relais.db";

#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// Database URL: sqlite://path/to/file.db (default) or postgres://user:password@host/db.
    #[arg(long = "database", env = "RELAIS_DATABASE_URL", default_value = DEFAULT_DATABASE)]
    pub url: String,
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

pub type CliResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// Connect and migrate: every command that touches the database starts here.
pub async fn open_database(args: &DatabaseArgs) -> Result<Db, relais_core::DbError> {
    let db = Db::connect(&args.url).await?;
    db.migrate().await?;
    crate::prepare(&db).await?;
    tracing::info!(database = %redact(&args.url), engine = db.engine().name(), "database ready");
    Ok(db)
}
