//! The kernel's own page bodies (each wrapped by the layout).

use askama::Template;

use crate::i18n::Tr;

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    pub tr: Tr,
    pub status: u16,
    pub title: &'a str,
    pub text: String,
}
