//! The seeds shipped with Relais: the item bank (`items/*.toml`) and the network's catalogue
//! (`catalogue/network.toml`), original texts written for Relais. Parsed once; tests prove they parse
//! and meet the framework's rules. They are copied into an empty database, where platform
//! admins and organisations then edit them.

use std::{collections::BTreeMap, sync::OnceLock};

use serde::{Deserialize, Serialize};

use crate::{
    estimator::ItemModel,
    framework::{Area, Kind},
};

const ITEM_FILES: [(&str, &str); 5] = [
    ("device", include_str!("../items/device.toml")),
    ("information", include_str!("../items/information.toml")),
    ("communication", include_str!("../items/communication.toml")),
    ("procedures", include_str!("../items/procedures.toml")),
    ("safety", include_str!("../items/safety.toml")),
];

/// The discrimination an item starts with, before recalibration from answers.
pub const DEFAULT_DISCRIMINATION: f64 = 1.4;

/// An item's text in one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    pub question: String,
    pub alt: String,
    #[serde(default)]
    pub options: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct ItemFile {
    #[serde(default)]
    item: Vec<SeedItem>,
}

/// An item of the seed.
#[derive(Debug, Clone, Deserialize)]
pub struct SeedItem {
    pub code: String,
    pub area: Area,
    pub level: u8,
    pub kind: Kind,
    pub digcomp: Vec<String>,
    pub pictogram: String,
    #[serde(default)]
    pub options_pictograms: Vec<String>,
    pub answer: usize,
    pub fr: Variant,
    pub nl: Variant,
    pub de: Variant,
    pub en: Variant,
}

impl SeedItem {
    pub fn model(&self) -> ItemModel {
        ItemModel {
            area: self.area,
            level: self.level,
            difficulty: self.level as f64,
            discrimination: DEFAULT_DISCRIMINATION,
            guessing: if self.kind.is_choice() { 1.0 / self.en.options.len().max(1) as f64 } else { 0.0 },
        }
    }

    /// The four variants by language code.
    pub fn variants(&self) -> BTreeMap<String, Variant> {
        [("fr", &self.fr), ("nl", &self.nl), ("de", &self.de), ("en", &self.en)].into_iter().map(|(l, v)| (l.to_string(), v.clone())).collect()
    }
}

/// Parse one seed file (exposed for the tests and the admin's import).
pub fn parse_items(text: &str) -> Result<Vec<SeedItem>, toml::de::Error> {
    Ok(toml::from_str::<ItemFile>(text)?.item)
}

/// The whole seeded item bank (empty, and logged, if a file failed to parse: a test forbids it).
pub fn items() -> &'static [SeedItem] {
    static ITEMS: OnceLock<Vec<SeedItem>> = OnceLock::new();
    ITEMS.get_or_init(|| {
        let mut all = Vec::new();
        for (name, text) in ITEM_FILES {
            match parse_items(text) {
                Ok(items) => all.extend(items),
                Err(e) => tracing::error!(file = name, error = %e, "the item bank's seed does not parse"),
            }
        }
        all
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        framework::{AREAS, LEVELS},
        pictograms,
    };

    #[test]
    fn every_file_parses() {
        for (name, text) in ITEM_FILES {
            assert!(parse_items(text).is_ok(), "{name}: {:?}", parse_items(text).err());
        }
    }

    #[test]
    fn the_bank_holds_at_least_three_items_per_area_and_level_in_four_languages() {
        let items = items();
        assert!(items.len() >= 75, "{} items", items.len());
        for area in AREAS {
            for level in 0..LEVELS as u8 {
                let cell: Vec<_> = items.iter().filter(|i| i.area == area && i.level == level).collect();
                assert!(cell.len() >= 3, "{area:?} level {level}: {}", cell.len());
                // a person alone (no observed items) still has three
                assert!(cell.iter().filter(|i| i.kind != Kind::Observed).count() >= 3, "{area:?} level {level}");
            }
        }
        let mut codes: Vec<&str> = items.iter().map(|i| i.code.as_str()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), items.len(), "codes are unique");
    }

    #[test]
    fn every_item_is_complete_in_every_language() {
        for item in items() {
            assert!(!item.digcomp.is_empty(), "{}", item.code);
            for code in &item.digcomp {
                assert!(item.area.digcomp().contains(&code.as_str()), "{}: DigComp {code} is not one of its area's", item.code);
            }
            assert!(pictograms::NAMES.contains(&item.pictogram.as_str()), "{}: pictogram {}", item.code, item.pictogram);
            let n = item.en.options.len();
            for (lang, v) in item.variants() {
                assert!(!v.question.trim().is_empty() && !v.alt.trim().is_empty(), "{} {lang}", item.code);
                assert_eq!(v.options.len(), n, "{} {lang}: options", item.code);
                assert!(v.options.iter().all(|o| !o.trim().is_empty()), "{} {lang}", item.code);
            }
            if item.kind.is_choice() {
                assert!((3..=4).contains(&n), "{}: {n} options", item.code);
                assert!(item.answer < n, "{}: answer", item.code);
            } else {
                assert_eq!(n, 0, "{}: self and observed items have fixed answers", item.code);
            }
            if matches!(item.kind, Kind::Task | Kind::Picture) {
                assert_eq!(item.options_pictograms.len(), n, "{}: one pictogram per option", item.code);
                for p in &item.options_pictograms {
                    assert!(pictograms::NAMES.contains(&p.as_str()), "{}: pictogram {p}", item.code);
                }
            }
        }
    }
}
