//! Text messages (SMS): how long a text is in SMS parts, and sending one — to an outbox folder
//! (the default, like e-mail without SMTP) or to an HTTP gateway.
//!
//! Length: an SMS holds 160 characters of the GSM 7-bit alphabet (153 per part when split), or 70
//! UCS-2 characters (67 per part) as soon as one character is outside that alphabet. French and
//! Dutch accents such as ê, ç, ë are outside it, so [`gsm_friendly`] writes them as their plain
//! letter before sending (what most gateways do anyway): a French text stays at 160.
//!
//! Gateway shape (one, documented for providers and proxies): `POST <url>` with
//! `Authorization: Bearer <token>` and the JSON body `{"from": …, "to": "+32…", "text": …,
//! "reference": "<message id>"}`. A 2xx answer is sent (its JSON `id`, when there is one, is kept
//! as the provider's reference); 429 and 5xx are tried again later; other 4xx are refused for
//! good. The reference lets a gateway drop a repeat.

use std::{path::PathBuf, time::Duration};

/// Characters of the GSM 03.38 basic alphabet (one septet each).
const GSM_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// Characters of its extension table (an escape and a septet: two each).
const GSM_EXTENDED: &str = "^{}\\[~]|€\u{c}";

/// How a text is encoded in SMS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Gsm7,
    Ucs2,
}

/// A text's size in SMS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Length {
    pub encoding: Encoding,
    /// Septets (GSM 7-bit) or UTF-16 code units (UCS-2).
    pub units: usize,
    pub parts: usize,
}

/// How many parts `text` takes, as it is (see [`gsm_friendly`] for what is sent).
pub fn length(text: &str) -> Length {
    let gsm: Option<usize> = text
        .chars()
        .map(|c| {
            if GSM_BASIC.contains(c) {
                Some(1)
            } else if GSM_EXTENDED.contains(c) {
                Some(2)
            } else {
                None
            }
        })
        .sum();
    let (encoding, units, single, multi) = match gsm {
        Some(septets) => (Encoding::Gsm7, septets, 160, 153),
        None => (Encoding::Ucs2, text.encode_utf16().count(), 70, 67),
    };
    let parts = if units <= single { 1 } else { units.div_ceil(multi) };
    Length { encoding, units, parts }
}

/// The text with characters outside the GSM alphabet written as their nearest GSM ones (ê → e,
/// ç → c, ë → e, ’ → ', « » → ", – → -, non-breaking spaces → spaces); what has no near letter
/// stays (and makes the message UCS-2).
pub fn gsm_friendly(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'á' | 'â' | 'ã' => 'a',
            'À' | 'Á' | 'Â' | 'Ã' => 'A',
            'ç' => 'c',
            'ê' | 'ë' => 'e',
            'È' | 'Ê' | 'Ë' => 'E',
            'í' | 'î' | 'ï' => 'i',
            'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
            'ó' | 'ô' | 'õ' => 'o',
            'Ò' | 'Ó' | 'Ô' | 'Õ' => 'O',
            'ú' | 'û' => 'u',
            'Ù' | 'Ú' | 'Û' => 'U',
            'ÿ' => 'y',
            'œ' => 'o',
            '’' | '‘' | '‚' | '′' => '\'',
            '«' | '»' | '“' | '”' | '„' => '"',
            '–' | '—' | '‐' | '‑' => '-',
            '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
            '…' => '.',
            other => other,
        })
        .filter(|c| *c != '\u{ad}')
        .collect()
}

#[derive(Debug, thiserror::Error)]
pub enum SmsError {
    #[error("invalid phone number")]
    InvalidNumber,
    #[error("cannot write to the SMS outbox {path}: {source}")]
    Outbox { path: String, source: std::io::Error },
    /// Worth trying again later (no answer, 429, 5xx).
    #[error("the SMS gateway is unavailable: {0}")]
    Unavailable(String),
    /// The gateway refused this message for good (other 4xx).
    #[error("the SMS gateway refused the message: {0}")]
    Refused(String),
    #[error("invalid SMS gateway URL {0}")]
    Url(String),
}

impl SmsError {
    /// Whether trying again may succeed.
    pub fn is_transient(&self) -> bool {
        matches!(self, SmsError::Unavailable(_) | SmsError::Outbox { .. })
    }
}

/// Where text messages go.
#[derive(Clone)]
pub enum SmsSender {
    /// Written as `.sms` files (To, From, then the text) into a folder.
    Outbox {
        folder: PathBuf,
        from: String,
    },
    Http {
        client: reqwest::Client,
        url: String,
        token: String,
        from: String,
    },
}

impl std::fmt::Debug for SmsSender {
    // Hand-written so the token never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SmsSender::Outbox { folder, from } => f.debug_struct("SmsSender").field("outbox", folder).field("from", from).finish(),
            SmsSender::Http { url, from, .. } => f.debug_struct("SmsSender").field("url", url).field("from", from).finish(),
        }
    }
}

/// How long a gateway may take to answer.
pub const GATEWAY_TIMEOUT: Duration = Duration::from_secs(10);

impl SmsSender {
    pub fn outbox(folder: impl Into<PathBuf>, from: &str) -> SmsSender {
        SmsSender::Outbox { folder: folder.into(), from: from.to_string() }
    }

    /// An HTTP gateway (`https://…`, or `http://` on loopback for tests and local relays).
    pub fn http(url: &str, token: &str, from: &str, timeout: Duration) -> Result<SmsSender, SmsError> {
        let parsed = url::Url::parse(url).map_err(|_| SmsError::Url(url.to_string()))?;
        let loopback = matches!(parsed.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
        if parsed.scheme() != "https" && !(parsed.scheme() == "http" && loopback) {
            return Err(SmsError::Url(format!("{url} (https only, or http on loopback)")));
        }
        let client = reqwest::Client::builder().timeout(timeout).build().map_err(|e| SmsError::Url(e.to_string()))?;
        Ok(SmsSender::Http { client, url: url.to_string(), token: token.to_string(), from: from.to_string() })
    }

    /// Where messages go, for logs.
    pub fn destination(&self) -> String {
        match self {
            SmsSender::Outbox { folder, .. } => folder.display().to_string(),
            SmsSender::Http { url, .. } => url.clone(),
        }
    }

    /// Send `text` (made [`gsm_friendly`] first) to `to` (E.164, `+32…`); `reference` is the
    /// message's id. Returns the provider's reference (or the outbox file's name).
    pub async fn send(&self, to: &str, text: &str, reference: &str) -> Result<String, SmsError> {
        if !is_e164(to) {
            return Err(SmsError::InvalidNumber);
        }
        let text = gsm_friendly(text);
        match self {
            SmsSender::Outbox { folder, from } => {
                let name = format!("{}-{reference}.sms", time::OffsetDateTime::now_utc().unix_timestamp_nanos());
                let path = folder.join(&name);
                let content = format!("To: {to}\nFrom: {from}\nReference: {reference}\n\n{text}\n");
                let write = async {
                    tokio::fs::create_dir_all(folder).await?;
                    tokio::fs::write(&path, content).await
                };
                write.await.map_err(|source| SmsError::Outbox { path: folder.display().to_string(), source })?;
                tracing::info!(path = %path.display(), "SMS written to the outbox (no gateway configured)");
                Ok(name)
            }
            SmsSender::Http { client, url, token, from } => {
                let body = serde_json::json!({ "from": from, "to": to, "text": text, "reference": reference });
                let response = client
                    .post(url)
                    .bearer_auth(token)
                    .json(&body)
                    .send()
                    .await
                    .map_err(|e| if e.is_timeout() { SmsError::Unavailable("no answer in time".to_string()) } else { SmsError::Unavailable(e.without_url().to_string()) })?;
                let status = response.status();
                let answer = response.text().await.unwrap_or_default();
                let detail = || format!("{} {}", status.as_u16(), answer.chars().take(200).collect::<String>());
                if status.is_success() {
                    let id = serde_json::from_str::<serde_json::Value>(&answer).ok().and_then(|v| v.get("id").map(|id| id.as_str().map_or_else(|| id.to_string(), str::to_string)));
                    Ok(id.unwrap_or_else(|| reference.to_string()))
                } else if status.as_u16() == 429 || status.is_server_error() {
                    Err(SmsError::Unavailable(detail()))
                } else {
                    Err(SmsError::Refused(detail()))
                }
            }
        }
    }
}

/// `+` then 8 to 15 digits, the first not 0.
pub fn is_e164(number: &str) -> bool {
    number.strip_prefix('+').is_some_and(|d| (8..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) && !d.starts_with('0'))
}

/// A Belgian phone number as typed (`0470 12 34 56`, `+32 470/12.34.56`, `0032…`) in E.164, or
/// `None` when it is not one.
pub fn belgian_e164(typed: &str) -> Option<String> {
    let digits: String = typed.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    let national = if let Some(rest) = digits.strip_prefix("+32") {
        rest.to_string()
    } else if let Some(rest) = digits.strip_prefix("0032") {
        rest.to_string()
    } else if let Some(rest) = digits.strip_prefix('0') {
        rest.to_string()
    } else if digits.starts_with('+') {
        return is_e164(&digits).then_some(digits);
    } else {
        return None;
    };
    let national = national.trim_start_matches('0');
    (8..=9).contains(&national.len()).then(|| format!("+32{national}")).filter(|n| is_e164(n))
}

/// Whether a Belgian number in E.164 is a mobile one (04…), the only kind that receives SMS.
pub fn is_belgian_mobile(e164: &str) -> bool {
    e164.strip_prefix("+324").is_some_and(|rest| rest.len() == 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gsm_texts_count_septets_and_others_utf16_units() {
        assert_eq!(length("Bonjour"), Length { encoding: Encoding::Gsm7, units: 7, parts: 1 });
        assert_eq!(length(&"a".repeat(160)).parts, 1);
        assert_eq!(length(&"a".repeat(161)).parts, 2);
        assert_eq!(length(&"a".repeat(306)).parts, 2);
        assert_eq!(length(&"a".repeat(307)).parts, 3);
        // The euro sign takes two septets.
        assert_eq!(length("5 €").units, 4);
        assert_eq!(length(&"€".repeat(80)).parts, 1);
        assert_eq!(length(&"€".repeat(81)).parts, 2);
        // ê is outside the alphabet: the whole text is UCS-2.
        assert_eq!(length("fenêtre"), Length { encoding: Encoding::Ucs2, units: 7, parts: 1 });
        assert_eq!(length(&format!("ê{}", "a".repeat(70))).parts, 2);
        assert_eq!(length(&"ê".repeat(134)).parts, 2);
        assert_eq!(length(&"ê".repeat(135)).parts, 3);
        // German umlauts and ß are in it.
        assert_eq!(length("Größe für Übungen").encoding, Encoding::Gsm7);
        assert_eq!(length("").parts, 1);
    }

    #[test]
    fn french_and_dutch_accents_become_plain_letters() {
        assert_eq!(gsm_friendly("Atelier « Itsme » : être prêt, ça va – België’s"), "Atelier \" Itsme \" : etre pret, ca va - Belgie's");
        assert_eq!(length(&gsm_friendly("Rappel : votre atelier à l’Espace public numérique de Châtelet")).encoding, Encoding::Gsm7);
        // What has no near letter stays.
        assert_eq!(gsm_friendly("ĳ 😀"), "ĳ 😀");
    }

    #[test]
    fn belgian_numbers_in_e164() {
        assert_eq!(belgian_e164("0470 12 34 56").as_deref(), Some("+32470123456"));
        assert_eq!(belgian_e164("+32 (0)470/12.34.56").as_deref(), Some("+32470123456"));
        assert_eq!(belgian_e164("0032 71 23 45 67").as_deref(), Some("+3271234567"));
        assert_eq!(belgian_e164("071 23 45 67").as_deref(), Some("+3271234567"));
        assert_eq!(belgian_e164("+33 6 12 34 56 78").as_deref(), Some("+33612345678"));
        assert_eq!(belgian_e164("12"), None);
        assert_eq!(belgian_e164("appelez-moi"), None);
        assert!(is_belgian_mobile("+32470123456"));
        assert!(!is_belgian_mobile("+3271234567"));
        assert!(!is_e164("+0470"));
    }
}
