//! The diagnostic's and the catalogue's pages.

pub mod admin;
pub mod calendar;
pub mod catalogue;
pub mod helper;
pub mod modules;
pub mod present;
pub mod result;
pub mod take;
pub mod workshops;

/// Forms read and their errors kept as in the accompaniment log's pages.
pub use relais_core::web::forms::{FieldError, Fields, all, field};

/// The translated errors of a form from (field, message key) pairs.
pub fn translated(tr: &relais_core::i18n::Tr, errors: Vec<(&'static str, &'static str)>) -> Vec<FieldError> {
    errors.into_iter().map(|(field, key)| FieldError { field, message: tr.t(key) }).collect()
}

/// A pictogram and its word (the word is always shown, or given as the accessible name).
pub struct Picture {
    pub path: &'static str,
    pub label: String,
}

/// One option of a group of checkboxes or radios.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
    pub path: &'static str,
}
