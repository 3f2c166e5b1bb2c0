//! Outgoing e-mail. With an SMTP URL configured, messages are sent by SMTP (lettre); without one,
//! every message is written to an outbox folder as an `.eml` file (RFC 5322, UTF-8, `8bit` body
//! when possible so the links stay readable) and logged, so the demo and the tests can read it.

use std::{
    fmt,
    path::{Path, PathBuf},
    time::Duration,
};

use base64::Engine as _;
use lettre::{
    AsyncSmtpTransport, AsyncTransport as _, Tokio1Executor,
    message::{
        Body, Mailbox, SinglePart,
        header::{ContentTransferEncoding, ContentType},
    },
};

/// How long an SMTP delivery may take (connection, every command and the whole exchange): the
/// mail is sent while the request waits, and requests time out after 30 s.
pub const DEFAULT_SMTP_TIMEOUT: Duration = Duration::from_secs(15);

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
    #[error("invalid sender address {0:?}")]
    InvalidSender(String),
    #[error("invalid SMTP URL {url}: {reason}")]
    SmtpUrl { url: String, reason: String },
    #[error("cannot build the e-mail: {0}")]
    Build(String),
    #[error("SMTP delivery failed: {0}")]
    Smtp(String),
}

#[derive(Clone)]
enum Delivery {
    Outbox(PathBuf),
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        /// The URL without its credentials, for logs.
        server: String,
        timeout: Duration,
    },
}

#[derive(Clone)]
pub struct Mailer {
    delivery: Delivery,
    from: String,
}

impl fmt::Debug for Mailer {
    // Hand-written so that no credential can ever reach a log through `{:?}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Mailer");
        match &self.delivery {
            Delivery::Outbox(folder) => s.field("outbox", folder),
            Delivery::Smtp { server, timeout, .. } => s.field("smtp", server).field("timeout", timeout),
        };
        s.field("from", &self.from).finish()
    }
}

impl Mailer {
    /// Write messages as `.eml` files into `folder` (created when needed).
    pub fn outbox(folder: impl Into<PathBuf>, from: &str) -> Mailer {
        Mailer { delivery: Delivery::Outbox(folder.into()), from: from.to_string() }
    }

    /// Send messages by SMTP: `smtp://user:pass@host:587?tls=required` (STARTTLS),
    /// `smtps://user:pass@host` (TLS from the start, port 465), `smtp://localhost:2525` (plain).
    /// Special characters in the user name or password must be percent-encoded.
    pub fn smtp(url: &str, from: &str) -> Result<Mailer, MailError> {
        Mailer::smtp_with_timeout(url, from, DEFAULT_SMTP_TIMEOUT)
    }

    /// [`Mailer::smtp`] with another timeout than [`DEFAULT_SMTP_TIMEOUT`].
    pub fn smtp_with_timeout(url: &str, from: &str, timeout: Duration) -> Result<Mailer, MailError> {
        sender(from)?;
        let server = redact_url(url);
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|error| MailError::SmtpUrl { url: server.clone(), reason: error.to_string() })?
            .timeout(Some(timeout))
            .build();
        Ok(Mailer { delivery: Delivery::Smtp { transport, server, timeout }, from: from.to_string() })
    }

    /// The outbox folder, when messages are not sent by SMTP.
    pub fn outbox_folder(&self) -> Option<&Path> {
        match &self.delivery {
            Delivery::Outbox(folder) => Some(folder),
            Delivery::Smtp { .. } => None,
        }
    }

    /// Where messages go, for logs: the outbox folder or the SMTP URL without its credentials.
    pub fn destination(&self) -> String {
        match &self.delivery {
            Delivery::Outbox(folder) => folder.display().to_string(),
            Delivery::Smtp { server, .. } => server.clone(),
        }
    }

    pub async fn send(&self, message: &Message) -> Result<(), MailError> {
        self.deliver(message, uuid::Uuid::new_v4()).await.map(|_| ())
    }

    /// Send with `id` as the Message-ID's local part; returns a reference: the Message-ID and the
    /// SMTP server's answer, or the outbox file's name.
    pub async fn deliver(&self, message: &Message, id: uuid::Uuid) -> Result<String, MailError> {
        if message.to.contains(['\r', '\n', '<', '>', ',']) || !message.to.contains('@') {
            return Err(MailError::InvalidRecipient);
        }
        let to: lettre::Address = message.to.trim().parse().map_err(|_| MailError::InvalidRecipient)?;
        let from = sender(&self.from)?;
        let message_id = format!("<{id}@{}>", from.email.domain());
        let outbox = matches!(self.delivery, Delivery::Outbox(_));
        let email = lettre::Message::builder()
            .from(from.clone())
            .to(Mailbox::new(None, to))
            .subject(message.subject.as_str())
            .message_id(Some(message_id.clone()))
            .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(body(&message.body, outbox)))
            .map_err(|error| MailError::Build(error.to_string()))?;

        match &self.delivery {
            Delivery::Outbox(folder) => {
                let now = time::OffsetDateTime::now_utc();
                let path = folder.join(format!("{}-{id}.eml", now.unix_timestamp_nanos()));
                let write = async {
                    tokio::fs::create_dir_all(folder).await?;
                    tokio::fs::write(&path, email.formatted()).await
                };
                write.await.map_err(|source| MailError::Outbox { path: folder.display().to_string(), source })?;
                tracing::info!(to = %message.to, path = %path.display(), "e-mail written to the outbox (no SMTP configured)");
                Ok(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
            }
            Delivery::Smtp { transport, server, timeout } => {
                let result = match tokio::time::timeout(*timeout, transport.send(email)).await {
                    Ok(Ok(response)) => Ok(format!("{message_id} {}", response.code())),
                    Ok(Err(error)) => Err(error.to_string()),
                    Err(_) => Err(format!("no answer within {} s", timeout.as_secs_f32())),
                };
                match result {
                    Ok(reference) => {
                        tracing::info!(to = %message.to, %server, "e-mail sent by SMTP");
                        Ok(reference)
                    }
                    Err(error) => {
                        tracing::warn!(to = %message.to, %server, %error, "e-mail not sent: SMTP delivery failed");
                        Err(MailError::Smtp(error))
                    }
                }
            }
        }
    }
}

/// `Relais <from>`.
fn sender(from: &str) -> Result<Mailbox, MailError> {
    let address: lettre::Address = from.trim().parse().map_err(|_| MailError::InvalidSender(from.to_string()))?;
    Ok(Mailbox::new(Some("Relais".to_string()), address))
}

/// The text body, UTF-8. In the outbox, `8bit` (readable as is, links on one line) as long as
/// every line fits the 998-octet limit of RFC 5322; otherwise, and for SMTP, lettre's choice
/// (7bit, quoted-printable or base64), which every SMTP server accepts.
fn body(text: &str, prefer_8bit: bool) -> Body {
    if prefer_8bit {
        let crlf = text.replace("\r\n", "\n").replace('\n', "\r\n");
        if !crlf.contains('\0') && crlf.split("\r\n").all(|line| line.len() <= 998 && !line.contains('\r')) {
            return Body::dangerous_pre_encoded(crlf.into_bytes(), ContentTransferEncoding::EightBit);
        }
    }
    Body::new(text.to_string())
}

/// The URL without user name and password (`smtp://***@host:587?tls=required`).
fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else { return "(not a URL)".to_string() };
    let authority_start = scheme_end + 3;
    let authority_end = url[authority_start..].find(['/', '?', '#']).map_or(url.len(), |i| authority_start + i);
    match url[authority_start..authority_end].rfind('@') {
        Some(at) => format!("{}***{}", &url[..authority_start], &url[authority_start + at..]),
        None => url.to_string(),
    }
}

/// Read the messages of an outbox (oldest first): (recipient, subject, body). For tests and tools.
pub fn read_outbox(folder: &Path) -> Vec<(String, String, String)> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "eml")).collect();
    files.sort();
    files.into_iter().filter_map(|p| std::fs::read(p).ok()).map(|raw| decode_message(&String::from_utf8_lossy(&raw))).collect()
}

/// Decode a single-part text message as Relais writes it (and as it arrives at an SMTP server,
/// dot-unstuffed): (recipient address, subject, body with `\n` line ends). Handles RFC 2047
/// encoded words in folded headers and 7bit, 8bit, quoted-printable and base64 bodies.
pub fn decode_message(raw: &str) -> (String, String, String) {
    let (head, body) = raw.split_once("\r\n\r\n").or_else(|| raw.split_once("\n\n")).unwrap_or((raw, ""));
    // Unfold: a line starting with white space continues the previous one.
    let mut fields: Vec<String> = Vec::new();
    for line in head.lines() {
        match fields.last_mut() {
            Some(field) if line.starts_with([' ', '\t']) => field.push_str(line),
            _ => fields.push(line.to_string()),
        }
    }
    let header =
        |name: &str| fields.iter().find_map(|f| f.split_once(':').filter(|(n, _)| n.trim().eq_ignore_ascii_case(name)).map(|(_, v)| v.trim().to_string())).unwrap_or_default();
    let to = header("To");
    let to = match (to.rfind('<'), to.rfind('>')) {
        (Some(start), Some(end)) if start < end => to[start + 1..end].trim().to_string(),
        _ => to,
    };
    let subject = decode_words(&header("Subject"));
    let body = body.strip_suffix("\r\n").or_else(|| body.strip_suffix('\n')).unwrap_or(body);
    let bytes = match header("Content-Transfer-Encoding").to_ascii_lowercase().as_str() {
        "base64" => {
            let compact: String = body.chars().filter(|c| !c.is_ascii_whitespace()).collect();
            decode_base64(&compact).unwrap_or_else(|| body.as_bytes().to_vec())
        }
        "quoted-printable" => decode_quoted_printable(body),
        _ => body.as_bytes().to_vec(),
    };
    let body = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
    (to, subject, body)
}

fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let engines = [&base64::engine::general_purpose::STANDARD, &base64::engine::general_purpose::STANDARD_NO_PAD];
    engines.iter().find_map(|engine| engine.decode(text).ok())
}

fn hex_byte(pair: &[u8]) -> Option<u8> {
    std::str::from_utf8(pair).ok().and_then(|s| u8::from_str_radix(s, 16).ok())
}

/// Quoted-printable (RFC 2045): `=XX` is a byte, `=` at the end of a line is a soft line break.
fn decode_quoted_printable(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let lines: Vec<&str> = text.split('\n').collect();
    for (index, line) in lines.iter().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line).trim_end_matches([' ', '\t']);
        let (line, soft) = match line.strip_suffix('=') {
            Some(line) => (line, true),
            None => (line, false),
        };
        unescape_hex(line.as_bytes(), &mut out);
        if !soft && index + 1 < lines.len() {
            out.extend_from_slice(b"\r\n");
        }
    }
    out
}

/// Copy `bytes` to `out`, with `=XX` as the byte XX.
fn unescape_hex(bytes: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1..i + 3).and_then(hex_byte)) {
            (b'=', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
}

/// Decode RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?UTF-8?Q?…?=`); white space between two
/// encoded words is dropped, and their bytes are joined before UTF-8 decoding (an encoder may
/// split a character over two words).
fn decode_words(value: &str) -> String {
    let mut out: Vec<u8> = Vec::new();
    let mut rest = value;
    let mut after_word = false;
    while let Some(start) = rest.find("=?") {
        match decode_word(&rest[start..]) {
            Some((bytes, len)) => {
                let before = &rest[..start];
                if !(after_word && before.trim().is_empty()) {
                    out.extend_from_slice(before.as_bytes());
                }
                out.extend_from_slice(&bytes);
                after_word = true;
                rest = &rest[start + len..];
            }
            None => {
                out.extend_from_slice(&rest.as_bytes()[..start + 2]);
                after_word = false;
                rest = &rest[start + 2..];
            }
        }
    }
    out.extend_from_slice(rest.as_bytes());
    String::from_utf8_lossy(&out).into_owned()
}

/// One encoded word at the start of `text`: its bytes (as UTF-8) and its length.
fn decode_word(text: &str) -> Option<(Vec<u8>, usize)> {
    let inner = text.strip_prefix("=?")?;
    let (charset, inner) = inner.split_once('?')?;
    let (encoding, inner) = inner.split_once('?')?;
    let end = inner.find("?=")?;
    let encoded = &inner[..end];
    if charset.is_empty() || encoded.contains(char::is_whitespace) || charset.contains(char::is_whitespace) {
        return None;
    }
    let bytes = match encoding {
        "B" | "b" => decode_base64(encoded)?,
        "Q" | "q" => {
            let mut bytes = Vec::with_capacity(encoded.len());
            unescape_hex(encoded.replace('_', " ").as_bytes(), &mut bytes);
            bytes
        }
        _ => return None,
    };
    let charset = charset.split('*').next().unwrap_or(charset).to_ascii_lowercase();
    let bytes = match charset.as_str() {
        "iso-8859-1" | "latin1" => bytes.iter().map(|&b| char::from(b)).collect::<String>().into_bytes(),
        _ => bytes,
    };
    let len = 2 + charset.len() + 1 + encoding.len() + 1 + end + 2;
    Some((bytes, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_headers_with_encoded_words_are_decoded() {
        assert_eq!(decode_words("=?UTF-8?B?w4lsw6h2ZQ==?="), "Élève");
        assert_eq!(decode_words("=?utf-8?b?w4k=?=\r\n =?utf-8?b?bMOodmU=?= x"), "Élève x");
        assert_eq!(decode_words("=?utf-8?q?caf=C3=A9_noir?= et th\u{e9}"), "café noir et thé");
        assert_eq!(decode_words("=?utf-8?q?caf=C3=A9_?= =?utf-8?q?noir?="), "café noir");
        assert_eq!(decode_words("=?iso-8859-1?Q?d=E9mo?="), "démo");
        assert_eq!(decode_words("a =? b"), "a =? b");
        assert_eq!(decode_words("plain subject"), "plain subject");
    }

    #[test]
    fn mail_quoted_printable_soft_breaks_are_undone() {
        let decoded = decode_quoted_printable("https://example.be/invitation?token=3Dabc=\r\ndef\r\ncaf=C3=A9");
        assert_eq!(String::from_utf8(decoded).unwrap(), "https://example.be/invitation?token=abcdef\r\ncafé");
    }

    #[test]
    fn mail_urls_are_redacted() {
        assert_eq!(redact_url("smtp://user:s3cret@mail.example.be:587?tls=required"), "smtp://***@mail.example.be:587?tls=required");
        assert_eq!(redact_url("smtps://mail.example.be"), "smtps://mail.example.be");
        assert_eq!(redact_url("smtp://u:p@ss@host/ehlo"), "smtp://***@host/ehlo");
        assert_eq!(redact_url("user:pass@host"), "(not a URL)");
    }

    #[test]
    fn mail_an_invalid_smtp_url_is_an_error_without_the_password() {
        for url in ["smtp//nope", "http://user:s3cret@host", "smtp://user:s3cret@:25", "smtp://host?tls=sometimes"] {
            let error = Mailer::smtp(url, "relais@example.be").expect_err(url).to_string();
            assert!(!error.contains("s3cret"), "{error}");
        }
        assert!(matches!(Mailer::smtp("smtp://localhost:2525", "not an address"), Err(MailError::InvalidSender(_))));
        let mailer = Mailer::smtp("smtp://user:s3cret@localhost:2525", "relais@example.be").unwrap();
        assert!(!format!("{mailer:?}").contains("s3cret"));
        assert!(mailer.outbox_folder().is_none());
    }
}
