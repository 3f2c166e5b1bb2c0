//! Pieces shared by the pages that choose a password (set, reset, invitation) or a language.

use askama::Template;
use axum::{http::StatusCode, response::Response};
use relais_core::{
    i18n::{Locale, Tr},
    web::{error::AppError, layout::PageContext},
};

use crate::passwords;

/// One option of a language `<select>`.
pub struct LanguageChoice {
    pub code: &'static str,
    pub name: &'static str,
    pub selected: bool,
}

/// The four languages, `selected` chosen.
pub fn languages(selected: Locale) -> Vec<LanguageChoice> {
    Locale::ALL.iter().map(|l| LanguageChoice { code: l.code(), name: l.endonym(), selected: *l == selected }).collect()
}

/// What is wrong with a new password and its confirmation, translated (empty when it is fine).
pub fn new_password_errors(tr: Tr, password: &str, confirm: &str, email: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if let Err(problem) = passwords::check_new(password, email) {
        errors.push(tr.t(problem.message_key()));
    }
    if password != confirm {
        errors.push(tr.t("password-mismatch"));
    }
    errors
}

#[derive(Template)]
#[template(path = "link_invalid.html")]
struct LinkInvalidPage {
    tr: Tr,
}

/// The page for a link that is unknown, used or expired (404).
pub fn invalid_link(ctx: &PageContext) -> Result<Response, AppError> {
    let page = LinkInvalidPage { tr: ctx.tr };
    ctx.render_with_status(StatusCode::NOT_FOUND, &ctx.tr.t("link-invalid-title"), &page.render()?)
}
