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

/// A form's fields as posted (repeated names kept).
pub type Fields = Vec<(String, String)>;

pub fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str()).unwrap_or("")
}

pub fn all(fields: &Fields, name: &str) -> Vec<String> {
    fields.iter().filter(|(n, _)| n == name).map(|(_, v)| v.clone()).collect()
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
