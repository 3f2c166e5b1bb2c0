//! Fixed vocabularies: lists of (stored code, Fluent key of its label), in display order. (The
//! editable lists — themes, publics, online services — live in the directory's taxonomy.)

pub type Vocabulary = &'static [(&'static str, &'static str)];

/// The Fluent key of `code` in `list`.
pub fn key_of(list: Vocabulary, code: &str) -> Option<&'static str> {
    list.iter().find(|(c, _)| *c == code).map(|(_, k)| *k)
}

pub fn contains(list: Vocabulary, code: &str) -> bool {
    key_of(list, code).is_some()
}
