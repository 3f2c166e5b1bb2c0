//! The shell middleware: chooses the language of each request and turns every bare error
//! response (404, 405, 413, a rejected form, a caught panic…) into a translated HTML page.

use axum::{
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::{
    AppState,
    cookies::cookie,
    layout::{PageContext, query_without_lang},
    response::{ErrorText, Verbatim},
    templates::ErrorPage,
};
use crate::i18n::{Locale, Tr};

pub const LANG_COOKIE: &str = "lang";

pub async fn shell(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let query_lang = query_param(request.uri().query(), "lang").and_then(Locale::parse);
    let cookie_lang = cookie(request.headers(), LANG_COOKIE).and_then(Locale::parse);
    let accept = request.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    let locale = query_lang.or(cookie_lang).or_else(|| accept.and_then(Locale::from_accept_language)).unwrap_or_default();
    request.extensions_mut().insert(locale);
    let path = request.uri().path().to_string();
    let query = query_without_lang(request.uri().query());

    let mut response = next.run(request).await;

    let status = response.status();
    if let Some(super::api::Untranslated(error)) = response.extensions_mut().remove::<super::api::Untranslated>() {
        // An API error: its messages in the caller's language, its headers kept.
        let mut translated = error.response_in(locale);
        for (name, value) in response.headers() {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                translated.headers_mut().insert(name.clone(), value.clone());
            }
        }
        response = translated;
    } else if (status.is_client_error() || status.is_server_error())
        && response.extensions().get::<Verbatim>().is_none()
        && !is_html(response.headers())
        && path.starts_with("/api/")
    {
        let mut json = super::api::ApiError::of_status(status).response_in(locale);
        for name in [header::ALLOW, header::RETRY_AFTER, header::WWW_AUTHENTICATE] {
            if let Some(value) = response.headers().get(&name) {
                json.headers_mut().insert(name, value.clone());
            }
        }
        response = json;
    } else if (status.is_client_error() || status.is_server_error()) && response.extensions().get::<Verbatim>().is_none() && !is_html(response.headers()) {
        let ctx = PageContext { tr: Tr::new(locale), path, query, demo: state.instance.is_demo(&state.db).await, csrf: String::new() };
        let text = response.extensions().get::<ErrorText>().copied();
        response = error_page(&ctx, status, response.headers(), text);
    }

    let headers = response.headers_mut();
    if let Some(chosen) = query_lang
        && cookie_lang != Some(chosen)
        && let Ok(value) = HeaderValue::from_str(&format!("{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", chosen.code()))
    {
        headers.append(header::SET_COOKIE, value);
    }
    if is_html(headers) {
        headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(locale.code()));
    }
    headers.append(header::VARY, HeaderValue::from_static("Accept-Language, Cookie"));
    response
}

/// The translated page for an error status, keeping the headers that matter to clients.
fn error_page(ctx: &PageContext, status: StatusCode, original: &HeaderMap, text: Option<ErrorText>) -> Response {
    let tr = ctx.tr;
    let (title_key, text_key) = text.map(|t| (t.title, t.text)).unwrap_or(match status.as_u16() {
        400 | 422 => ("error-bad-request-title", "error-bad-request-text"),
        403 => ("error-forbidden-title", "error-forbidden-text"),
        404 => ("error-not-found-title", "error-not-found-text"),
        405 => ("error-method-title", "error-method-text"),
        408 => ("error-timeout-title", "error-timeout-text"),
        413 => ("error-too-large-title", "error-too-large-text"),
        415 => ("error-media-type-title", "error-media-type-text"),
        429 => ("error-too-many-title", "error-too-many-text"),
        503 => ("error-unavailable-title", "error-unavailable-text"),
        s if s >= 500 => ("error-internal-title", "error-internal-text"),
        _ => ("error-bad-request-title", "error-bad-request-text"),
    });
    let title = tr.t(title_key);
    let body = ErrorPage { tr, status: status.as_u16(), title: &title, text: tr.t(text_key) };
    let mut response = askama::Template::render(&body)
        .map_err(super::error::AppError::from)
        .and_then(|main| ctx.render_with_status(status, &title, &main))
        .unwrap_or_else(|_| status.into_response());
    for name in [header::ALLOW, header::RETRY_AFTER] {
        if let Some(value) = original.get(&name) {
            response.headers_mut().insert(name, value.clone());
        }
    }
    response
}

fn is_html(headers: &HeaderMap) -> bool {
    headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"))
}

/// The raw value of one query parameter (no decoding: only used for short codes).
fn query_param<'a>(query: Option<&'a str>, name: &str) -> Option<&'a str> {
    query?.split('&').filter_map(|pair| pair.split_once('=')).find(|(key, _)| *key == name).map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_params_are_found() {
        assert_eq!(query_param(Some("x=1&lang=de"), "lang"), Some("de"));
        assert_eq!(query_param(Some("lang"), "lang"), None);
        assert_eq!(query_param(None, "lang"), None);
    }
}
