//! The four languages of Relais: French, Dutch, German, English.
//!
//! Every user-visible string lives in `locales/<lang>/*.ftl` (Fluent). The language of a request is
//! chosen in this order: `?lang=`, the `lang` cookie (set by the FR | NL | DE | EN switcher), the
//! `Accept-Language` header, then French. A test fails when a key is missing in a locale or unused.

use std::{borrow::Cow, collections::HashMap};

use fluent_templates::{LanguageIdentifier, Loader, fluent_bundle::FluentValue, langid, static_loader};

static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "fr",
        // Bidi isolation marks would leak into CSV, iCal and e-mails.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static FR: LanguageIdentifier = langid!("fr");
static NL: LanguageIdentifier = langid!("nl");
static DE: LanguageIdentifier = langid!("de");
static EN: LanguageIdentifier = langid!("en");

/// A language Relais is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    Fr,
    Nl,
    De,
    En,
}

impl Locale {
    /// In the order shown by the switcher.
    pub const ALL: [Locale; 4] = [Locale::Fr, Locale::Nl, Locale::De, Locale::En];

    /// The BCP 47 code, as used in `<html lang>`, `?lang=` and the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::Nl => "nl",
            Locale::De => "de",
            Locale::En => "en",
        }
    }

    /// The language's name in itself (for the switcher's accessible labels).
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::Fr => "Français",
            Locale::Nl => "Nederlands",
            Locale::De => "Deutsch",
            Locale::En => "English",
        }
    }

    /// Parse a code such as `nl`, `NL`, `nl-BE` or `de_BE`.
    pub fn parse(code: &str) -> Option<Locale> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Locale::Fr),
            "nl" => Some(Locale::Nl),
            "de" => Some(Locale::De),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The best supported language in an `Accept-Language` header, by quality then order.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(f32, usize, Locale)> = None;
        for (index, item) in header.split(',').enumerate().take(32) {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let quality = parts.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.trim().parse::<f32>().ok()).filter(|q| q.is_finite()).unwrap_or(1.0);
            if quality <= 0.0 {
                continue;
            }
            if let Some(locale) = Locale::parse(tag) {
                let better = match best {
                    None => true,
                    Some((q, i, _)) => quality > q || (quality == q && index < i),
                };
                if better {
                    best = Some((quality, index, locale));
                }
            }
        }
        best.map(|(_, _, locale)| locale)
    }

    /// Negotiate: `?lang=` wins, then the cookie, then `Accept-Language`, then French.
    pub fn negotiate(query: Option<&str>, cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
        query.and_then(Locale::parse).or_else(|| cookie.and_then(Locale::parse)).or_else(|| accept_language.and_then(Locale::from_accept_language)).unwrap_or_default()
    }

    fn langid(self) -> &'static LanguageIdentifier {
        match self {
            Locale::Fr => &FR,
            Locale::Nl => &NL,
            Locale::De => &DE,
            Locale::En => &EN,
        }
    }
}

/// Translations for one language, handed to every template as `tr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    pub locale: Locale,
}

impl Tr {
    pub fn new(locale: Locale) -> Tr {
        Tr { locale }
    }

    /// The text of `key`. A missing key shows the key itself (and the locale test fails).
    pub fn t(&self, key: &str) -> String {
        // A message without arguments always gives the same text: each thread keeps what it
        // formatted (Fluent's lookup negotiates the language and formats at every call; a search
        // page asks for about a hundred texts).
        thread_local! {
            static KNOWN: std::cell::RefCell<[HashMap<Box<str>, String>; 4]> = std::cell::RefCell::default();
        }
        let slot = Locale::ALL.iter().position(|l| *l == self.locale).unwrap_or(0);
        if let Some(text) = KNOWN.with_borrow(|known| known[slot].get(key).cloned()) {
            return text;
        }
        let text = self.typography(LOCALES.try_lookup(self.locale.langid(), key).unwrap_or_else(|| key.to_string()));
        KNOWN.with_borrow_mut(|known| known[slot].insert(key.into(), text.clone()));
        text
    }

    /// French typography: a no-break space before `? ! : ;` and inside « », so that the sign
    /// never starts a line on a narrow screen (the `.ftl` files may use plain spaces).
    fn typography(&self, text: String) -> String {
        if self.locale != Locale::Fr || !text.contains(['?', '!', ':', ';', '«', '»']) {
            return text;
        }
        text.replace(" ?", "\u{a0}?").replace(" !", "\u{a0}!").replace(" :", "\u{a0}:").replace(" ;", "\u{a0};").replace("« ", "«\u{a0}").replace(" »", "\u{a0}»")
    }

    /// The text of `key` with named arguments.
    pub fn t_args(&self, key: &str, args: &[(&'static str, FluentArg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    FluentArg::Text(s) => FluentValue::from(s.clone()),
                    FluentArg::Number(n) => FluentValue::from(*n),
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        let text = LOCALES.try_lookup_with_args(self.locale.langid(), key, &map).unwrap_or_else(|| key.to_string());
        self.typography(text)
    }
}

/// An argument to a Fluent message.
#[derive(Debug, Clone)]
pub enum FluentArg {
    Text(String),
    Number(f64),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_wins_over_cookie_and_header() {
        assert_eq!(Locale::negotiate(Some("de"), Some("nl"), Some("en")), Locale::De);
        assert_eq!(Locale::negotiate(None, Some("nl"), Some("en")), Locale::Nl);
        assert_eq!(Locale::negotiate(Some("xx"), None, Some("en-GB,en;q=0.8")), Locale::En);
        assert_eq!(Locale::negotiate(None, None, None), Locale::Fr);
        assert_eq!(Locale::negotiate(None, None, Some("es,it;q=0.5")), Locale::Fr);
    }

    #[test]
    fn accept_language_follows_quality() {
        assert_eq!(Locale::from_accept_language("nl-BE,nl;q=0.9"), Some(Locale::Nl));
        assert_eq!(Locale::from_accept_language("en;q=0.2, de;q=0.8"), Some(Locale::De));
        assert_eq!(Locale::from_accept_language("es, fr-BE;q=0.7, en;q=0.7"), Some(Locale::Fr));
        assert_eq!(Locale::from_accept_language("de;q=0, en"), Some(Locale::En));
        assert_eq!(Locale::from_accept_language(";;;q=abc,,"), None);
    }

    #[test]
    fn every_locale_translates_the_home_title_differently() {
        let titles: Vec<String> = Locale::ALL.iter().map(|l| Tr::new(*l).t("home-title")).collect();
        for (i, a) in titles.iter().enumerate() {
            assert_ne!(a, "home-title");
            for b in &titles[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
