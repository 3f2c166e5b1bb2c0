//! Markers carried by responses through the shell middleware.

use axum::response::{IntoResponseParts, ResponseParts};

/// A response whose body is final: the shell never replaces it with an HTML error page
/// (assets, `/readyz`, `/metrics`, API answers).
#[derive(Debug, Clone, Copy)]
pub struct Verbatim;

impl IntoResponseParts for Verbatim {
    type Error = std::convert::Infallible;

    fn into_response_parts(self, mut res: ResponseParts) -> Result<ResponseParts, Self::Error> {
        res.extensions_mut().insert(Verbatim);
        Ok(res)
    }
}

/// The Fluent keys of the title and text of the error page for this response, instead of the
/// generic ones of its status (e.g. a refused control character says so).
#[derive(Debug, Clone, Copy)]
pub struct ErrorText {
    pub title: &'static str,
    pub text: &'static str,
}

impl IntoResponseParts for ErrorText {
    type Error = std::convert::Infallible;

    fn into_response_parts(self, mut res: ResponseParts) -> Result<ResponseParts, Self::Error> {
        res.extensions_mut().insert(self);
        Ok(res)
    }
}

/// A `303 See Other` to `location`, which may hold user input: every byte a header cannot carry
/// (controls, space, DEL, non-ASCII) is percent-encoded first, so no input can make it fail.
/// Use it instead of `Redirect::to`, which panics on such input (clippy refuses that one).
pub fn see_other(location: &str) -> axum::response::Redirect {
    #[allow(clippy::disallowed_methods)]
    axum::response::Redirect::to(&header_safe(location))
}

/// `text` with every byte outside visible ASCII percent-encoded.
pub fn header_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.bytes().all(|b| (0x21..0x7f).contains(&b)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for b in text.bytes() {
        if (0x21..0x7f).contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The local address `next` names (path and query, normalised by the WHATWG URL rules, as a
/// browser would resolve it against `public_url`), when it stays on this origin. `None` for
/// another site however it is spelled: `//evil`, `/\evil`, `/<TAB>/evil`, `https://…`, `javascript:`.
pub fn local_target(public_url: &str, next: &str) -> Option<String> {
    if !next.starts_with('/') || next.len() > 2048 {
        return None;
    }
    let base = url::Url::parse(public_url).ok()?;
    let target = base.join(next).ok()?;
    if target.origin() != base.origin() {
        return None;
    }
    let mut local = target.path().to_string();
    if let Some(query) = target.query() {
        local.push('?');
        local.push_str(query);
    }
    Some(local)
}

/// `body` as it is, with its content type (a feed, a CSV, a JSON-LD file): no shell page around it.
pub fn verbatim(content_type: &'static str, body: String) -> axum::response::Response {
    use axum::response::IntoResponse;
    let mut response = (Verbatim, body).into_response();
    response.headers_mut().insert(axum::http::header::CONTENT_TYPE, axum::http::HeaderValue::from_static(content_type));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUBLIC: &str = "https://relais.example";

    #[test]
    fn only_paths_on_this_origin_are_local() {
        assert_eq!(local_target(PUBLIC, "/account").as_deref(), Some("/account"));
        assert_eq!(local_target(PUBLIC, "/a/b?c=d e").as_deref(), Some("/a/b?c=d%20e"));
        assert_eq!(local_target(PUBLIC, "/places?q=Liège").as_deref(), Some("/places?q=Li%C3%A8ge"));
        for evil in ["//evil.example", "/\\evil.example", "https://evil.example", "evil.example", "javascript:alert(1)", "", "\t/evil"] {
            assert_eq!(local_target(PUBLIC, evil), None, "{evil:?}");
        }
    }

    #[test]
    fn no_control_character_whitespace_or_backslash_leads_elsewhere() {
        // Every ASCII control character, space and DEL, between the slashes, before them, and
        // with a backslash instead of the second slash: never another origin, always a valid header.
        let specials: Vec<char> = (0u8..=0x20).chain([0x7f]).map(char::from).collect();
        for c in specials {
            for next in
                [format!("/{c}/evil.example"), format!("/{c}\\evil.example"), format!("/\\{c}evil.example"), format!("{c}//evil.example"), format!("/{c}"), format!("/account{c}x")]
            {
                if let Some(local) = local_target(PUBLIC, &next) {
                    assert!(local.starts_with('/') && !local.starts_with("//") && !local.starts_with("/\\"), "{next:?} → {local:?}");
                    assert!(axum::http::HeaderValue::from_str(&local).is_ok(), "{next:?} → {local:?}");
                    let resolved = url::Url::parse(PUBLIC).unwrap().join(&local).unwrap();
                    assert_eq!(resolved.host_str(), Some("relais.example"), "{next:?} → {local:?}");
                }
            }
        }
    }

    #[test]
    fn header_safe_encodes_what_a_header_cannot_carry() {
        assert_eq!(header_safe("/a?b=c"), "/a?b=c");
        assert_eq!(header_safe("/a\u{1}\u{b}\u{7f} é"), "/a%01%0B%7F%20%C3%A9");
        let _ = see_other("/\n\r\0");
    }
}
