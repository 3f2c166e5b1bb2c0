//! What a person record says about them, as fixed lists: (stored code, Fluent key of its label).

pub use relais_core::vocabulary::{Vocabulary, contains, key_of};

pub const AGE_BANDS: Vocabulary = &[
    ("unknown", "age-band-unknown"),
    ("under-25", "age-band-under-25"),
    ("25-44", "age-band-25-44"),
    ("45-64", "age-band-45-64"),
    ("65-79", "age-band-65-79"),
    ("80-plus", "age-band-80-plus"),
];

pub const GENDERS: Vocabulary = &[("unspecified", "gender-unspecified"), ("woman", "gender-woman"), ("man", "gender-man"), ("other", "gender-other")];

/// Languages a person may prefer to be helped in.
pub const PERSON_LANGUAGES: Vocabulary = &[
    ("fr", "person-language-fr"),
    ("nl", "person-language-nl"),
    ("de", "person-language-de"),
    ("en", "person-language-en"),
    ("ar", "person-language-ar"),
    ("tr", "person-language-tr"),
    ("other", "person-language-other"),
];

/// What was explained to the person before a record about them was kept.
pub const CONSENT_TOPICS: Vocabulary = &[("purpose", "consent-purpose"), ("who-sees", "consent-who-sees"), ("retention", "consent-retention"), ("rights", "consent-rights")];
