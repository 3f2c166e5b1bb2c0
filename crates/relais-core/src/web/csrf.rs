//! Cross-site request forgery protection for every cookie-authenticated state-changing request.
//!
//! Two independent checks: (1) a request that the browser marks cross-site (`Sec-Fetch-Site`) or
//! whose `Origin` is not this site is refused; (2) the request must carry the per-browser token —
//! the `csrf` form field (or the `X-CSRF-Token` header) equal to the `relais_csrf` cookie, which
//! is `HttpOnly` and `SameSite=Lax`. Bearer-token API calls carry no cookie and are exempt.
//! A refusal is a 403 (rendered as the translated error page) and changes nothing.

use axum::{
    body::Body,
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::{AppState, BODY_LIMIT, shell::cookie};
use crate::secrets;

pub const CSRF_COOKIE: &str = "relais_csrf";
pub const CSRF_FIELD: &str = "csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The token of this browser, for forms (`<input type="hidden" name="csrf" value="…">`).
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

fn is_token(value: &str) -> bool {
    value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

pub async fn csrf(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let cookie_token = cookie(request.headers(), CSRF_COOKIE).filter(|t| is_token(t)).map(str::to_owned);
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE);
    if !safe && !bearer_only(request.headers()) {
        if is_cross_site(request.headers(), &state.config.public_url) {
            tracing::warn!(path = %request.uri().path(), "refused a cross-site state-changing request");
            return StatusCode::FORBIDDEN.into_response();
        }
        let Some(expected) = cookie_token.as_deref() else {
            return StatusCode::FORBIDDEN.into_response();
        };
        match presented_token(request).await {
            Ok((rebuilt, Some(presented))) if secrets::same_secret(&presented, expected) => request = rebuilt,
            Ok(_) => return StatusCode::FORBIDDEN.into_response(),
            Err(status) => return status.into_response(),
        }
    }
    let (token, fresh) = match cookie_token {
        Some(token) => (token, false),
        None => (secrets::random_token(), true),
    };
    request.extensions_mut().insert(CsrfToken(token.clone()));
    let mut response = next.run(request).await;
    if fresh {
        let secure = if state.config.secure_cookies { "; Secure" } else { "" };
        if let Ok(value) = HeaderValue::from_str(&format!(
            "{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{secure}"
        )) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// An API call authenticated by a bearer token alone (no cookie at all).
fn bearer_only(headers: &HeaderMap) -> bool {
    headers.get(header::COOKIE).is_none()
        && headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.len() > 7 && v[..7].eq_ignore_ascii_case("bearer "))
}

/// The browser says the request comes from another site, or its Origin is not ours.
fn is_cross_site(headers: &HeaderMap, public_url: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return true;
    }
    let Some(origin) = headers.get(header::ORIGIN) else { return false };
    let Ok(origin) = origin.to_str() else { return true };
    let origin_host = origin.split_once("://").map(|(_, host)| host.trim_end_matches('/'));
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let public_host = public_url.split_once("://").map(|(_, rest)| rest.split('/').next().unwrap_or(""));
    match origin_host {
        Some(o) => !(host.is_some_and(|h| h.eq_ignore_ascii_case(o)) || public_host.is_some_and(|p| p.eq_ignore_ascii_case(o))),
        None => true, // "null" and anything unparseable
    }
}

/// The token presented by the request (header, or the `csrf` field of a urlencoded form), and
/// the request rebuilt with its body intact.
async fn presented_token(request: Request) -> Result<(Request, Option<String>), StatusCode> {
    if let Some(value) = request.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok()) {
        let value = value.to_string();
        return Ok((request, Some(value)));
    }
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Ok((request, None));
    }
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, BODY_LIMIT)
        .await
        .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE)?;
    let token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
        .ok()
        .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == CSRF_FIELD).map(|(_, v)| v));
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
    }

    #[test]
    fn only_cookieless_bearer_calls_are_exempt() {
        assert!(bearer_only(&headers(&[("authorization", "Bearer abc")])));
        assert!(!bearer_only(&headers(&[("authorization", "Bearer abc"), ("cookie", "a=b")])));
        assert!(!bearer_only(&headers(&[("authorization", "Basic abc")])));
    }
}
