//! The log's pages. Every handler first asks the policy (through `authorise`), then reads only
//! within that organisation.

pub mod moments;
pub mod people;
pub mod redirections;
pub mod requests;
pub mod session;
pub mod signals;

use relais_core::i18n::{Locale, Tr};
use relais_directory::taxonomy::Taxonomy;

use crate::{terms::Terms, vocabulary::Vocabulary};

/// A form's fields as posted (repeated names kept).
pub type Fields = Vec<(String, String)>;

pub fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str()).unwrap_or("")
}

pub fn all(fields: &Fields, name: &str) -> Vec<String> {
    fields.iter().filter(|(n, _)| n == name).map(|(_, v)| v.clone()).collect()
}

/// One option of a group of checkboxes, radios or a select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

pub fn term_choices(terms: &Terms, taxonomy: Taxonomy, locale: Locale, selected: &[String]) -> Vec<Choice> {
    terms.active(taxonomy).map(|t| Choice { value: t.code.clone(), label: t.label(locale).to_string(), checked: selected.contains(&t.code) }).collect()
}

pub fn vocabulary_choices(tr: &Tr, list: Vocabulary, selected: &[String]) -> Vec<Choice> {
    list.iter().map(|(code, key)| Choice { value: code.to_string(), label: tr.t(key), checked: selected.iter().any(|s| s == code) }).collect()
}

/// A translated error and the field it belongs to.
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn of(errors: &[FieldError], field: &str) -> Option<String> {
        let found: Vec<&str> = errors.iter().filter(|e| e.field == field).map(|e| e.message.as_str()).collect();
        (!found.is_empty()).then(|| found.join(" "))
    }
}

pub use relais_core::dates::{local_date, local_datetime, today};

/// A Unix time a form or a link may carry: between 2000 and 2100 (anything else is tampering,
/// and SQLite could not store it).
pub fn plausible(unix: i64) -> bool {
    (946_684_800..4_102_444_800).contains(&unix)
}
