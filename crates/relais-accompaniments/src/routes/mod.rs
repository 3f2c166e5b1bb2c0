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

pub use relais_core::web::forms::{Choice, FieldError, Fields, all, field};

pub fn term_choices(terms: &Terms, taxonomy: Taxonomy, locale: Locale, selected: &[String]) -> Vec<Choice> {
    terms.active(taxonomy).map(|t| Choice { value: t.code.clone(), label: t.label(locale).to_string(), checked: selected.contains(&t.code) }).collect()
}

pub fn vocabulary_choices(tr: &Tr, list: Vocabulary, selected: &[String]) -> Vec<Choice> {
    list.iter().map(|(code, key)| Choice { value: code.to_string(), label: tr.t(key), checked: selected.iter().any(|s| s == code) }).collect()
}

pub use relais_core::dates::{local_date, local_datetime, today};

/// A Unix time a form or a link may carry: between 2000 and 2100 (anything else is tampering,
/// and SQLite could not store it).
pub fn plausible(unix: i64) -> bool {
    (946_684_800..4_102_444_800).contains(&unix)
}
