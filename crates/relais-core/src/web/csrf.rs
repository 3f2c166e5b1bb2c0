//! Cross-site request forgery protection for every cookie-authenticated state-changing request.
//!
//! Two independent checks: (1) a request that the browser marks cross-site (`Sec-Fetch-Site`), or
//! whose `Origin` — or, without one, `Referer` — is not this site, is refused; (2) the request must
//! carry the token made for this browser — the `csrf` form field (or the `X-CSRF-Token` header) —
//! which is the instance key's HMAC of the session cookie (signed in) or of the browser's random
//! `relais_csrf` cookie (`__Host-relais_csrf` over HTTPS; `HttpOnly`, `SameSite=Lax`) before
//! signing in. A request with `Authorization: Bearer` is an API call: it is neither checked nor
//! given a cookie, and its cookies are dropped (the token alone authenticates it).
//! A refusal is a 403 (rendered as the translated error page) and changes nothing.

use axum::{
    body::Body,
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::{AppState, BODY_LIMIT, cookies::cookie, response::ErrorText};
use crate::secrets;

/// The cookie holding this browser's random value when served over plain HTTP (development).
pub const CSRF_COOKIE: &str = "relais_csrf";
/// Its name over HTTPS: the `__Host-` prefix makes browsers refuse it from a sibling subdomain
/// or without `Secure` and `Path=/`, so no other site can plant it.
pub const CSRF_COOKIE_SECURE: &str = "__Host-relais_csrf";
pub const CSRF_FIELD: &str = "csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";
/// The session cookie (set by the organisations area): a token made for a signed-in browser is
/// bound to it.
pub const SESSION_COOKIE: &str = "relais_session";

/// The token of this browser, for forms (`<input type="hidden" name="csrf" value="…">`).
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

fn is_token(value: &str) -> bool {
    value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The name of the CSRF cookie under this configuration.
pub fn cookie_name(config: &super::WebConfig) -> &'static str {
    if config.secure_cookies { CSRF_COOKIE_SECURE } else { CSRF_COOKIE }
}

/// What the token is bound to: the session when the browser has one, else the browser's random
/// value (before signing in). The token is the instance key's HMAC of it: a made-up cookie and
/// field do not match, and a token from one session is worth nothing in another.
fn binding(session: Option<&str>, browser: &str) -> String {
    match session {
        Some(session) => format!("session:{session}"),
        None => format!("browser:{browser}"),
    }
}

/// The token for a browser with these cookies (the session's, else the browser's random value).
pub fn token_for(key: &secrets::InstanceKey, session: Option<&str>, browser: &str) -> String {
    key.sign("csrf", &binding(session, browser))
}

pub async fn csrf(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    if has_bearer(request.headers()) {
        // Authenticated by its token, not by cookies: no CSRF check, no CSRF cookie, and the
        // cookies that came along are not looked at by anyone.
        request.headers_mut().remove(header::COOKIE);
        request.extensions_mut().insert(CsrfToken(String::new()));
        return next.run(request).await;
    }
    let key = match state.key().await {
        Ok(key) => key.clone(),
        Err(error) => {
            tracing::error!(%error, "cannot read the instance key");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let name = cookie_name(&state.config);
    let browser = cookie(request.headers(), name).filter(|t| is_token(t)).map(str::to_owned);
    let session = cookie(request.headers(), SESSION_COOKIE).filter(|t| is_token(t)).map(str::to_owned);
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE);
    if !safe {
        if is_cross_site(request.headers(), &state.config.public_url) {
            tracing::warn!(path = %request.uri().path(), "refused a cross-site state-changing request");
            return refused();
        }
        if session.is_none() && browser.is_none() {
            return refused();
        }
        let expected = token_for(&key, session.as_deref(), browser.as_deref().unwrap_or(""));
        match presented_token(request).await {
            Ok((rebuilt, Some(presented))) if secrets::same_secret(&presented, &expected) => request = rebuilt,
            Ok(_) => return refused(),
            Err(status) => return status.into_response(),
        }
    }
    let (browser, fresh) = match browser {
        Some(value) => (value, false),
        None => (secrets::random_token(), true),
    };
    let token = token_for(&key, session.as_deref(), &browser);
    request.extensions_mut().insert(CsrfToken(token));
    let mut response = next.run(request).await;
    if fresh {
        let secure = if state.config.secure_cookies { "; Secure" } else { "" };
        if let Ok(value) = HeaderValue::from_str(&format!("{name}={browser}; Path=/; HttpOnly; SameSite=Lax{secure}")) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// A refusal: 403, and the error page says the form expired (not that access is denied).
fn refused() -> Response {
    (StatusCode::FORBIDDEN, ErrorText { title: "error-form-expired-title", text: "error-form-expired-text" }, ()).into_response()
}

/// A request that says it is authenticated by a bearer token (an API client).
fn has_bearer(headers: &HeaderMap) -> bool {
    headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).is_some_and(|v| v.len() > 7 && v[..7].eq_ignore_ascii_case("bearer "))
}

/// The browser says the request comes from another site, or its `Origin` (or, without one, its
/// `Referer`) is not this site.
fn is_cross_site(headers: &HeaderMap, public_url: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    if let Some(origin) = headers.get(header::ORIGIN) {
        return !origin.to_str().is_ok_and(|o| is_this_site(o, host, public_url));
    }
    if let Some(referer) = headers.get(header::REFERER) {
        return !referer.to_str().is_ok_and(|r| is_this_site(r, host, public_url));
    }
    false
}

/// Whether `url` (an Origin or a Referer) is on this site: the public URL's origin, or the
/// host the request was sent to. `null` and anything unparseable are not.
fn is_this_site(url: &str, host: Option<&str>, public_url: &str) -> bool {
    let Ok(url) = url::Url::parse(url) else { return false };
    if !matches!(url.scheme(), "http" | "https") {
        return false;
    }
    let origin = url.origin();
    if url::Url::parse(public_url).is_ok_and(|public| public.origin() == origin) {
        return true;
    }
    // Behind a proxy or on another local address: the Host header names this server.
    let Some(host) = host else { return false };
    url::Url::parse(&format!("{}://{host}/", url.scheme())).is_ok_and(|this| this.origin() == origin)
}

/// The token presented by the request (header, or the `csrf` field of a urlencoded form), and
/// the request rebuilt with its body intact.
async fn presented_token(request: Request) -> Result<(Request, Option<String>), StatusCode> {
    if let Some(value) = request.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok()) {
        let value = value.to_string();
        return Ok((request, Some(value)));
    }
    let is_form = request.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Ok((request, None));
    }
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, BODY_LIMIT).await.map_err(|_| StatusCode::PAYLOAD_TOO_LARGE)?;
    let token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes).ok().and_then(|pairs| pairs.into_iter().find(|(k, _)| k == CSRF_FIELD).map(|(_, v)| v));
    Ok((Request::from_parts(parts, Body::from(bytes)), token))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn cross_site_requests_are_recognised() {
        let public = "https://relais.example";
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site")]), public));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "same-site")]), public));
        assert!(!is_cross_site(&headers(&[("sec-fetch-site", "same-origin")]), public));
        assert!(!is_cross_site(&headers(&[("host", "127.0.0.1:8080"), ("origin", "http://127.0.0.1:8080")]), public));
        assert!(!is_cross_site(&headers(&[("host", "internal:8080"), ("origin", "https://relais.example")]), public));
        assert!(is_cross_site(&headers(&[("host", "127.0.0.1:8080"), ("origin", "https://evil.example")]), public));
        assert!(is_cross_site(&headers(&[("host", "127.0.0.1:8080"), ("origin", "null")]), public));
        assert!(!is_cross_site(&headers(&[("host", "127.0.0.1:8080")]), public));
        assert!(is_cross_site(&headers(&[("host", "127.0.0.1:8080"), ("origin", "http://127.0.0.1:8081")]), public));
        assert!(is_cross_site(&headers(&[("host", "127.0.0.1:8080"), ("origin", "http://relais.example")]), public));
    }

    #[test]
    fn a_cross_site_referer_is_refused_without_an_origin() {
        let public = "https://relais.example";
        let h = |referer: &'static str| headers(&[("host", "127.0.0.1:8080"), ("referer", referer)]);
        assert!(is_cross_site(&h("https://evil.example/form.html"), public));
        assert!(is_cross_site(&h("https://relais.example.evil.example/"), public));
        assert!(is_cross_site(&h("http://relais.example/"), public)); // another scheme, another origin
        assert!(is_cross_site(&h("not a url"), public));
        assert!(!is_cross_site(&h("https://relais.example/organisations/x/log?at=1"), public));
        assert!(!is_cross_site(&h("http://127.0.0.1:8080/login"), public));
        // Origin, when there, decides.
        assert!(is_cross_site(&headers(&[("origin", "https://evil.example"), ("referer", "https://relais.example/")]), public));
    }

    #[test]
    fn bearer_calls_are_recognised_whatever_cookies_come_along() {
        assert!(has_bearer(&headers(&[("authorization", "Bearer abc")])));
        assert!(has_bearer(&headers(&[("authorization", "bearer abc"), ("cookie", "relais_csrf=abc")])));
        assert!(!has_bearer(&headers(&[("authorization", "Basic abc")])));
        assert!(!has_bearer(&headers(&[("cookie", "relais_csrf=abc")])));
    }

    #[test]
    fn tokens_are_bound_to_the_session_or_the_browser() {
        let key = secrets::InstanceKey::from_hex(&"ab".repeat(32)).unwrap();
        let a = "a".repeat(64);
        let b = "b".repeat(64);
        assert_ne!(key.sign("csrf", &binding(Some(&a), &b)), key.sign("csrf", &binding(Some(&b), &b)));
        assert_ne!(key.sign("csrf", &binding(None, &a)), a);
        assert_eq!(binding(Some(&a), &b), binding(Some(&a), "whatever"));
    }
}
