//! Outgoing e-mail. Without SMTP configured, every message is written to an outbox folder as an
//! `.eml` file (RFC 5322, UTF-8) and logged, so the demo and the tests can read it.

use std::path::{Path, PathBuf};

use base64::Engine as _;
use time::{OffsetDateTime, format_description::well_known::Rfc2822};

#[derive(Debug, Clone)]
pub struct Message {
    pub to: String,
    pub subject: String,
    pub body: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("cannot write to the outbox {path}: {source}")]
    Outbox { path: String, source: std::io::Error },
    #[error("invalid recipient address")]
    InvalidRecipient,
}

#[derive(Debug, Clone)]
pub struct Mailer {
    outbox: PathBuf,
    from: String,
}

impl Mailer {
    pub fn outbox(folder: impl Into<PathBuf>, from: &str) -> Mailer {
        Mailer { outbox: folder.into(), from: from.to_string() }
    }

    pub fn outbox_folder(&self) -> &Path {
        &self.outbox
    }

    pub async fn send(&self, message: &Message) -> Result<(), MailError> {
        if message.to.contains(['\r', '\n', '<', '>', ',']) || !message.to.contains('@') {
            return Err(MailError::InvalidRecipient);
        }
        let now = OffsetDateTime::now_utc();
        let date = now.format(&Rfc2822).unwrap_or_default();
        let subject = format!("=?UTF-8?B?{}?=", base64::engine::general_purpose::STANDARD.encode(&message.subject));
        let id = uuid::Uuid::new_v4();
        let text = format!(
            "From: Relais <{from}>\r\nTo: <{to}>\r\nSubject: {subject}\r\nDate: {date}\r\nMessage-ID: <{id}@relais>\r\n\
             MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n",
            from = self.from,
            to = message.to,
            body = message.body.replace('\n', "\r\n"),
        );
        let name = format!("{}-{id}.eml", now.unix_timestamp_nanos());
        let path = self.outbox.join(name);
        let write = async {
            tokio::fs::create_dir_all(&self.outbox).await?;
            tokio::fs::write(&path, text).await
        };
        write.await.map_err(|source| MailError::Outbox { path: self.outbox.display().to_string(), source })?;
        tracing::info!(to = %message.to, path = %path.display(), "e-mail written to the outbox (no SMTP configured)");
        Ok(())
    }
}

/// Read the messages of an outbox (newest last): (recipient, subject, body). For tests and tools.
pub fn read_outbox(folder: &Path) -> Vec<(String, String, String)> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "eml")).collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|text| {
            let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
            let header = |name: &str| {
                head.lines().find_map(|l| l.strip_prefix(name)).map(str::trim).unwrap_or("").to_string()
            };
            let to = header("To:").trim_matches(['<', '>']).to_string();
            let subject = header("Subject:");
            let subject = subject
                .strip_prefix("=?UTF-8?B?")
                .and_then(|s| s.strip_suffix("?="))
                .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
                .and_then(|b| String::from_utf8(b).ok())
                .unwrap_or(subject);
            (to, subject, body.replace("\r\n", "\n"))
        })
        .collect()
}
