//! Text input is text: a request whose path, query string, urlencoded form or JSON body (keys
//! and values, at any depth, `\u0000` escapes included) holds a control character other than
//! TAB, CR and LF is refused before any handler sees it, so no such character is ever stored
//! (SQLite would keep a NUL; PostgreSQL refuses it in text and the request would fail).
//!
//! Refused: the C0 controls but TAB, LF, CR (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F),
//! DEL (U+007F) and the C1 controls (U+0080–U+009F): none is typed by a person, they come
//! from binary data or from text decoded with the wrong character set, and none displays.
//!
//! Pages get the translated error page (400) saying what is wrong; `/api/` calls get
//! `{"error": "control_character", "field": …, "message": …}` (400). Other bodies (none yet:
//! multipart, binary) are passed on untouched, and a body that is not valid JSON is left to the
//! handler to refuse.

use axum::{
    body::Body,
    extract::Request,
    http::{HeaderMap, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::{BODY_LIMIT, limits, response::ErrorText};
use crate::i18n::Locale;

/// The Fluent keys of the refusal.
pub const TITLE_KEY: &str = "error-control-character-title";
pub const TEXT_KEY: &str = "error-control-character-text";

/// A character text input may not hold: a control character other than TAB, LF and CR.
pub fn is_refused(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Whether `text` holds a refused character.
pub fn has_refused(text: &str) -> bool {
    text.chars().any(is_refused)
}

/// Where a refused character was found: the field's name (or JSON path), when it is itself clean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offence {
    pub field: String,
}

impl Offence {
    fn at(field: &str) -> Offence {
        Offence { field: if has_refused(field) { String::new() } else { field.to_string() } }
    }
}

/// The first refused character in a percent-encoded path (`%00`, `%7F`, `%C2%85`…).
pub fn in_path(path: &str) -> Option<Offence> {
    has_refused(&percent_encoding::percent_decode(path.as_bytes()).decode_utf8_lossy()).then(|| Offence { field: "path".into() })
}

/// The first refused character in an urlencoded query string or form body, names and values.
pub fn in_urlencoded(bytes: &[u8]) -> Option<Offence> {
    form_urlencoded::parse(bytes).find(|(name, value)| has_refused(name) || has_refused(value)).map(|(name, _)| Offence::at(&name))
}

/// The first refused character in a JSON document's keys and strings, at any depth. A document
/// that does not parse has none (its handler refuses it as it is).
pub fn in_json(bytes: &[u8]) -> Option<Offence> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    in_json_value(&value, &mut String::new())
}

fn in_json_value(value: &serde_json::Value, path: &mut String) -> Option<Offence> {
    match value {
        serde_json::Value::String(s) => has_refused(s).then(|| Offence::at(path)),
        serde_json::Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            let found = in_json_value(item, path);
            path.truncate(len);
            found
        }),
        serde_json::Value::Object(map) => map.iter().find_map(|(key, item)| {
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(key);
            let found = if has_refused(key) { Some(Offence::at(path)) } else { in_json_value(item, path) };
            path.truncate(len);
            found
        }),
        _ => None,
    }
}

enum BodyKind {
    Form,
    Json,
    Other,
}

fn body_kind(headers: &HeaderMap) -> BodyKind {
    let Some(content_type) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else { return BodyKind::Other };
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if essence == "application/x-www-form-urlencoded" {
        BodyKind::Form
    } else if essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json")) {
        BodyKind::Json
    } else {
        BodyKind::Other
    }
}

/// The middleware: refuses a request carrying a refused character, passes the others on with
/// their body intact.
pub async fn refuse_control_characters(request: Request, next: Next) -> Response {
    let locale = request.extensions().get::<Locale>().copied().unwrap_or_default();
    let api = request.uri().path().starts_with("/api/");
    let found = in_path(request.uri().path()).or_else(|| request.uri().query().and_then(|q| in_urlencoded(q.as_bytes())));
    if let Some(offence) = found {
        return refusal(offence, api, locale);
    }
    // Lengths are checked for pages; the API's handlers check theirs as its document says.
    if !api && let Some(too_long) = request.uri().query().and_then(|q| limits::in_urlencoded(request.uri().path(), q.as_bytes())) {
        return too_long_refusal(too_long);
    }
    let kind = body_kind(request.headers());
    if matches!(kind, BodyKind::Other) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else { return StatusCode::PAYLOAD_TOO_LARGE.into_response() };
    let found = match kind {
        BodyKind::Form => in_urlencoded(&bytes),
        _ => in_json(&bytes),
    };
    if let Some(offence) = found {
        return refusal(offence, api, locale);
    }
    if let BodyKind::Form = kind
        && !api
        && let Some(too_long) = limits::in_urlencoded(parts.uri.path(), &bytes)
    {
        return too_long_refusal(too_long);
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

fn refusal(offence: Offence, api: bool, locale: Locale) -> Response {
    tracing::info!(field = %offence.field, "refused a control character in text input");
    if api {
        let error = super::api::ApiError::new(StatusCode::BAD_REQUEST, "control_character");
        let error = if offence.field.is_empty() { error } else { error.field(offence.field) };
        return error.response_in(locale);
    }
    (StatusCode::BAD_REQUEST, ErrorText { title: TITLE_KEY, text: TEXT_KEY }, ()).into_response()
}

/// A field of a page's form or query longer than its limit (see [`limits`]): 422, translated.
fn too_long_refusal(too_long: limits::TooLong) -> Response {
    tracing::info!(field = %too_long.field, length = too_long.length, limit = too_long.limit, "refused a field longer than its limit");
    (StatusCode::UNPROCESSABLE_ENTITY, ErrorText { title: limits::TITLE_KEY, text: limits::TEXT_KEY }, ()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_character_but_tab_cr_lf_is_refused() {
        for c in (0u32..=0x1f).chain(0x7f..=0x9f).filter_map(char::from_u32) {
            assert_eq!(is_refused(c), !matches!(c, '\t' | '\n' | '\r'), "{:?}", c);
        }
        for c in [' ', 'a', 'é', 'ü', '€', '\u{a0}', '\u{ad}', '\u{200b}', '\u{2028}', '😀'] {
            assert!(!is_refused(c), "{c:?}");
        }
        assert!(!has_refused("Ligne 1\r\nLigne 2\tfin — Liège, Eupen, Düsseldorf, 5 €"));
        assert!(has_refused("a\u{0}b") && has_refused("\u{b}") && has_refused("\u{7f}") && has_refused("\u{85}"));
    }

    #[test]
    fn forms_and_query_strings_are_read_decoded() {
        assert_eq!(in_urlencoded(b"csrf=x&note=a%00b"), Some(Offence { field: "note".into() }));
        assert_eq!(in_urlencoded(b"q=%01"), Some(Offence { field: "q".into() }));
        assert_eq!(in_urlencoded(b"q=%0B&lang=en"), Some(Offence { field: "q".into() }));
        assert_eq!(in_urlencoded(b"q=%7f"), Some(Offence { field: "q".into() }));
        assert_eq!(in_urlencoded(b"q=%C2%85"), Some(Offence { field: "q".into() }), "C1 NEL");
        assert_eq!(in_urlencoded(b"na%00me=x"), Some(Offence { field: String::new() }), "a name is checked, not echoed");
        assert_eq!(in_urlencoded(b"note=a%09b%0D%0Ac+%C3%A9%C3%BC%E2%82%AC&x"), None);
        assert_eq!(in_urlencoded(b"q=%ZZ&r=%0&s=%"), None, "a broken escape is text");
        assert_eq!(in_urlencoded(b""), None);
        assert_eq!(in_urlencoded("q=\u{1}".as_bytes()), Some(Offence { field: "q".into() }), "raw bytes too");
    }

    #[test]
    fn json_keys_and_strings_are_read_at_any_depth() {
        assert_eq!(in_json(br#"{"note":"a\u0000b"}"#), Some(Offence { field: "note".into() }));
        assert_eq!(in_json(br#"{"themes":["ok","\u007f"]}"#), Some(Offence { field: "themes[1]".into() }));
        assert_eq!(in_json(br#"{"a":{"b":[{"c":"\u000b"}]}}"#), Some(Offence { field: "a.b[0].c".into() }));
        assert_eq!(in_json(br#"{"k\u0001":1}"#), Some(Offence { field: String::new() }));
        assert_eq!(in_json(br#"["\u0085"]"#), Some(Offence { field: "[0]".into() }));
        assert_eq!(in_json(r#"{"note":"a\tb\r\nc \u00e9 ü €","n":1,"b":true,"z":null}"#.as_bytes()), None);
        assert_eq!(in_json(br#"{"note":"\\u0000"}"#), None, "an escaped backslash is not an escape");
        assert_eq!(in_json(b"{not json"), None, "left to the handler");
    }

    #[test]
    fn paths_are_read_decoded() {
        assert!(in_path("/places/%00").is_some());
        assert!(in_path("/api/v1/organisations/a%7Fb/members").is_some());
        assert!(in_path("/places/Li%C3%A8ge").is_none());
        assert!(in_path("/").is_none());
    }
}
