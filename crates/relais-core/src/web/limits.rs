//! How long a text field may be, checked on the server for every form and query string: a
//! field longer than its limit is refused (422, translated) before any handler sees it, even
//! when the browser's `maxlength` was removed or the form was not sent by a browser.
//!
//! One table for the whole application, by field name: a name means one thing everywhere
//! ("name" is a person's, a place's or a token's name: 200 characters), and a language suffix
//! (`name_fr`, `question-de`) does not change it. Every text field of every page carries a
//! `maxlength` no larger than its limit here (a test reads every template); a field not in the
//! table (ids, tokens, choices) is checked by its handler and by the body limit. JSON bodies
//! and `/api/` routes are left to the API's handlers, which validate each field as the OpenAPI
//! document says.

/// Field name (without its language suffix) → the most characters it may hold.
pub const LIMITS: &[(&str, usize)] = &[
    ("alt", 300),
    ("code", 40),
    ("company_number", 20),
    ("confirm", 1024),
    ("contact", 300),
    ("description", 2000),
    ("difficulty", 10),
    ("discrimination", 10),
    ("email", 200),
    ("facilitator", 120),
    ("facilitators", 300),
    ("goals", 2000),
    ("headcount", 12),
    ("label", 120),
    ("latitude", 20),
    ("longitude", 20),
    ("materials", 400),
    ("message", 1000),
    ("municipality", 100),
    ("name", 200),
    ("note", 2000),
    ("options", 2000),
    ("password", 1024),
    ("phone", 40),
    ("postcode", 10),
    ("prerequisites", 400),
    ("pseudonym", 60),
    ("q", 100),
    ("question", 300),
    ("reason", 500),
    ("resources", 2000),
    ("resume_password", 1024),
    ("street", 200),
    ("summary", 400),
    ("text", 8000),
    ("themes", 300),
    ("title", 200),
    ("transport_hint", 200),
    ("typed", 20),
    ("username", 200),
    ("website", 300),
];

/// Fields whose handler checks the length itself and answers with the form, what was typed and
/// a message beside the field (better than a refusal page): (route, field), `*` for one segment.
/// Each has a test that an over-long value is refused there and kept in the form.
pub const CHECKED_IN_FORM: &[(&str, &str)] = &[
    ("/organisations/*/log", "note"),
    ("/organisations/*/signals/new", "description"),
    ("/organisations/*/people/new", "pseudonym"),
    ("/organisations/*/moments", "facilitators"),
    ("/organisations/*/places/*/exceptions", "reason"),
    ("/account/tokens", "name"),
];

fn route_matches(pattern: &str, path: &str) -> bool {
    let (mut p, mut q) = (pattern.split('/'), path.split('/'));
    loop {
        match (p.next(), q.next()) {
            (None, None) => return true,
            (Some("*"), Some(segment)) if !segment.is_empty() => {}
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

/// Whether the handler of `path` checks `field` itself.
pub fn checked_in_form(path: &str, field: &str) -> bool {
    CHECKED_IN_FORM.iter().any(|(route, name)| *name == field && route_matches(route, path))
}

/// The Fluent keys of the refusal.
pub const TITLE_KEY: &str = "error-too-long-title";
pub const TEXT_KEY: &str = "error-too-long-text";

/// The field name without a language suffix (`_fr`, `-nl`, `_de`, `-en`).
pub fn base(field: &str) -> &str {
    for suffix in ["_fr", "_nl", "_de", "_en", "-fr", "-nl", "-de", "-en"] {
        if let Some(stem) = field.strip_suffix(suffix) {
            return stem;
        }
    }
    field
}

/// The limit of a field, if it has one.
pub fn limit_of(field: &str) -> Option<usize> {
    let base = base(field);
    LIMITS.iter().find(|(name, _)| *name == base).map(|(_, limit)| *limit)
}

/// A field longer than its limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLong {
    pub field: String,
    pub length: usize,
    pub limit: usize,
}

/// The first field of an urlencoded query string or form body sent to `path` longer than its
/// limit (but those its handler checks, see [`CHECKED_IN_FORM`]).
pub fn in_urlencoded(path: &str, bytes: &[u8]) -> Option<TooLong> {
    form_urlencoded::parse(bytes).find_map(|(name, value)| {
        let limit = limit_of(&name).filter(|_| !checked_in_form(path, &name))?;
        let length = value.chars().count();
        (length > limit).then(|| TooLong { field: name.into_owned(), length, limit })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_measured_in_characters_under_its_base_name() {
        assert_eq!(limit_of("name_fr"), Some(200));
        assert_eq!(limit_of("question-de"), Some(300));
        assert_eq!(limit_of("csrf"), None);
        let name = "é".repeat(200);
        assert_eq!(in_urlencoded("/x", format!("csrf=x&name_de={name}").as_bytes()), None, "200 accented letters are 200 characters");
        let long = format!("csrf=x&name_de={name}e");
        assert_eq!(in_urlencoded("/x", long.as_bytes()), Some(TooLong { field: "name_de".into(), length: 201, limit: 200 }));
        assert_eq!(in_urlencoded("/x", format!("csrf={}", "x".repeat(5000)).as_bytes()), None, "not a text field of the table");
    }

    #[test]
    fn a_field_its_handler_checks_is_left_to_it() {
        let note = format!("note={}", "x".repeat(3000));
        assert_eq!(in_urlencoded("/organisations/cpas-charleroi/log", note.as_bytes()), None);
        assert!(in_urlencoded("/organisations/cpas-charleroi/log/other", note.as_bytes()).is_some());
        assert!(in_urlencoded("/organisations//log", note.as_bytes()).is_some());
        assert!(in_urlencoded("/organisations/cpas-charleroi/signals/new", note.as_bytes()).is_some(), "another field");
    }

    #[test]
    fn the_table_is_sorted_and_each_name_is_there_once() {
        assert!(LIMITS.windows(2).all(|w| w[0].0 < w[1].0), "sorted, no duplicate");
    }
}
