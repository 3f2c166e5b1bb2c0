//! The page shell: `<html lang>`, skip link, header with the language switcher, demo banner,
//! `<main>`, footer. Area templates render their own `<main>` content; [`PageContext::render`]
//! wraps it, so every page shares one accessible layout whatever crate it comes from.

use askama::Template;
use axum::{
    extract::FromRequestParts,
    http::{HeaderValue, StatusCode, header, request::Parts},
    response::{Html, IntoResponse, Response},
};

use super::{AppState, assets, error::AppError};
use crate::i18n::{Locale, Tr};

/// What every page needs to know about the request it answers.
#[derive(Debug, Clone)]
pub struct PageContext {
    pub tr: Tr,
    /// The request path, for the language switcher's links.
    pub path: String,
    /// The query string without `lang`, for the language switcher's links.
    pub query: String,
    /// Whether the instance holds demo data (banner on every page).
    pub demo: bool,
    /// This browser's anti-forgery token, for the hidden field of every form.
    pub csrf: String,
}

impl PageContext {
    pub fn locale(&self) -> Locale {
        self.tr.locale
    }

    /// Wrap `main` (already rendered HTML) in the layout.
    pub fn render(&self, title: &str, main: &str) -> Result<Response, AppError> {
        self.render_with_status(StatusCode::OK, title, main)
    }

    pub fn render_with_status(&self, status: StatusCode, title: &str, main: &str) -> Result<Response, AppError> {
        let languages = Locale::ALL
            .iter()
            .map(|locale| LanguageLink {
                code: locale.code(),
                label: locale.code().to_ascii_uppercase(),
                name: locale.endonym(),
                href: self.href_in(*locale),
                current: *locale == self.tr.locale,
            })
            .collect();
        let page = Layout { tr: self.tr, title, main, demo: self.demo, languages, css: assets::url("app.css"), icon: assets::url("icon.svg"), version: env!("CARGO_PKG_VERSION") };
        let html = page.render()?;
        let mut response = (status, Html(html)).into_response();
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        Ok(response)
    }

    /// This page's URL in another language.
    fn href_in(&self, locale: Locale) -> String {
        let mut href = String::with_capacity(self.path.len() + self.query.len() + 10);
        href.push_str(&self.path);
        href.push('?');
        if !self.query.is_empty() {
            href.push_str(&self.query);
            href.push('&');
        }
        href.push_str("lang=");
        href.push_str(locale.code());
        href
    }
}

struct LanguageLink {
    code: &'static str,
    label: String,
    name: &'static str,
    href: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "layout.html")]
struct Layout<'a> {
    tr: Tr,
    title: &'a str,
    main: &'a str,
    demo: bool,
    languages: Vec<LanguageLink>,
    css: String,
    icon: String,
    version: &'static str,
}

/// The query string without its `lang` parameter (and without anything unparseable).
pub(crate) fn query_without_lang(query: Option<&str>) -> String {
    query
        .unwrap_or("")
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("lang=") && *pair != "lang")
        .filter(|pair| pair.bytes().all(|b| b.is_ascii_graphic() && b != b'"' && b != b'<' && b != b'>'))
        .collect::<Vec<_>>()
        .join("&")
}

impl FromRequestParts<AppState> for PageContext {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let locale = parts.extensions.get::<Locale>().copied().unwrap_or_default();
        Ok(PageContext {
            tr: Tr::new(locale),
            path: parts.uri.path().to_string(),
            query: query_without_lang(parts.uri.query()),
            demo: state.instance.is_demo(&state.db).await,
            csrf: parts.extensions.get::<super::csrf::CsrfToken>().map(|t| t.0.clone()).unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switcher_links_keep_the_query_but_replace_lang() {
        let ctx = PageContext { tr: Tr::new(Locale::Fr), path: "/places".into(), query: query_without_lang(Some("q=li%C3%A8ge&lang=nl&x=1")), demo: false, csrf: String::new() };
        assert_eq!(ctx.href_in(Locale::De), "/places?q=li%C3%A8ge&x=1&lang=de");
        let bare = PageContext { query: String::new(), ..ctx };
        assert_eq!(bare.href_in(Locale::En), "/places?lang=en");
    }
}
