//! The log's fixed vocabularies: (stored code, Fluent key of its label), in display order.
//! The editable lists (themes, publics, online services, autonomy, outcome) live in the
//! directory's `taxonomy_terms`.

pub use relais_core::vocabulary::{Vocabulary, contains, key_of};
pub use relais_people::vocabulary::{AGE_BANDS, CONSENT_TOPICS, GENDERS, PERSON_LANGUAGES};

/// Where a request was helped.
pub const SETTINGS: Vocabulary = &[("place", "setting-place"), ("mobile-stop", "setting-mobile-stop"), ("home-visit", "setting-home-visit"), ("phone", "setting-phone")];

/// The steps a helper may tick; stored as a bit set in this order.
pub const STEPS: Vocabulary =
    &[("identified", "step-identified"), ("decomposed", "step-decomposed"), ("done-with", "step-done-with"), ("explained", "step-explained"), ("oriented", "step-oriented")];

/// Barriers a political signal reports.
pub const BARRIERS: Vocabulary = &[
    ("itsme-only", "barrier-itsme-only"),
    ("no-other-channel", "barrier-no-other-channel"),
    ("inaccessible", "barrier-inaccessible"),
    ("language", "barrier-language"),
    ("needs-email-smartphone", "barrier-needs-email-smartphone"),
    ("too-complex", "barrier-too-complex"),
    ("cost", "barrier-cost"),
    ("scam-risk", "barrier-scam-risk"),
    ("other", "barrier-other"),
];

pub const SIGNAL_STATUSES: Vocabulary =
    &[("submitted", "signal-status-submitted"), ("published", "signal-status-published"), ("merged", "signal-status-merged"), ("set-aside", "signal-status-set-aside")];

pub const MOMENT_KINDS: Vocabulary =
    &[("information-session", "moment-kind-information-session"), ("neighbourhood-meeting", "moment-kind-neighbourhood-meeting"), ("group-help", "moment-kind-group-help")];

pub const REFERRAL_KINDS: Vocabulary = &[
    ("social-service", "referral-kind-social-service"),
    ("regional-service", "referral-kind-regional-service"),
    ("administration", "referral-kind-administration"),
    ("association", "referral-kind-association"),
    ("training", "referral-kind-training"),
    ("other", "referral-kind-other"),
];

/// Where a redirection stands, as the receiving partner reports it.
pub const REDIRECTION_STATUSES: Vocabulary =
    &[("sent", "redirection-status-sent"), ("accepted", "redirection-status-accepted"), ("helped", "redirection-status-helped"), ("not-reached", "redirection-status-not-reached")];

pub const REGIONS: Vocabulary = &[("brussels", "region-brussels"), ("flanders", "region-flanders"), ("wallonia", "region-wallonia"), ("unknown", "region-unknown")];

/// The steps' bit set from their codes (unknown codes ignored).
pub fn steps_bits<'a>(codes: impl IntoIterator<Item = &'a str>) -> i64 {
    codes.into_iter().filter_map(|c| STEPS.iter().position(|(s, _)| *s == c)).fold(0, |bits, i| bits | (1 << i))
}

/// The steps' codes from their bit set.
pub fn steps_codes(bits: i64) -> Vec<&'static str> {
    STEPS.iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, (c, _))| *c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_round_trip() {
        let bits = steps_bits(["identified", "explained", "nonsense"]);
        assert_eq!(bits, 0b01001);
        assert_eq!(steps_codes(bits), vec!["identified", "explained"]);
    }
}
