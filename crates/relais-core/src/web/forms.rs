//! What every form handler needs: the fields as posted, the choices of a group of checkboxes,
//! radios or a select, an error tied to its field, and the `?done=` notice a page shows after a
//! successful submit (post/redirect/get).

use serde::Deserialize;

/// A form's fields as posted (repeated names kept, in order).
pub type Fields = Vec<(String, String)>;

/// The first value of `name`, or "".
pub fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str()).unwrap_or("")
}

/// Every value of `name` (ticked checkboxes, a multiple select).
pub fn all(fields: &Fields, name: &str) -> Vec<String> {
    fields.iter().filter(|(n, _)| n == name).map(|(_, v)| v.clone()).collect()
}

/// One option of a group of checkboxes, radios or a select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

/// A translated error and the field it belongs to.
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    /// The messages for `field`, joined; `None` when it has none.
    pub fn of(errors: &[FieldError], field: &str) -> Option<String> {
        let found: Vec<&str> = errors.iter().filter(|e| e.field == field).map(|e| e.message.as_str()).collect();
        (!found.is_empty()).then(|| found.join(" "))
    }
}

/// `?done=created` after a redirect: which notice the page shows.
#[derive(Debug, Deserialize, Default, Clone)]
pub struct DoneQuery {
    #[serde(default)]
    pub done: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_repeats_and_errors_join_per_field() {
        let fields: Fields = vec![("theme".into(), "pension".into()), ("theme".into(), "health".into()), ("note".into(), "x".into())];
        assert_eq!(field(&fields, "theme"), "pension");
        assert_eq!(field(&fields, "missing"), "");
        assert_eq!(all(&fields, "theme"), ["pension", "health"]);
        let errors = [FieldError { field: "start", message: "A.".into() }, FieldError { field: "start", message: "B.".into() }];
        assert_eq!(FieldError::of(&errors, "start").as_deref(), Some("A. B."));
        assert_eq!(FieldError::of(&errors, "end"), None);
    }
}
