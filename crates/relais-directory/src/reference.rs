//! Belgian reference data: municipalities (NIS code, names in their languages, region,
//! coordinates) and postcodes, shipped in `reference/belgium/` (sources and licences in its
//! README) and embedded in the binary. Used to find a place by postcode or by a municipality's
//! name in any of its languages, for forms, and for distances.

use std::{collections::HashMap, sync::OnceLock};

use relais_core::i18n::Locale;

const MUNICIPALITIES: &str = include_str!("../../../reference/belgium/municipalities.csv");
const POSTCODES: &str = include_str!("../../../reference/belgium/postcodes.csv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Region {
    Brussels,
    Flanders,
    Wallonia,
}

impl Region {
    fn parse(code: &str) -> Option<Region> {
        match code {
            "brussels" => Some(Region::Brussels),
            "flanders" => Some(Region::Flanders),
            "wallonia" => Some(Region::Wallonia),
            _ => None,
        }
    }
}

/// The language area a municipality belongs to (Belgium's four: the bilingual Brussels-Capital
/// Region and three unilingual areas). A search widens within it first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LanguageArea {
    French,
    Dutch,
    German,
    Brussels,
}

impl LanguageArea {
    fn parse(languages: &str) -> Option<LanguageArea> {
        match languages.trim() {
            "fr" => Some(LanguageArea::French),
            "nl" => Some(LanguageArea::Dutch),
            "de" => Some(LanguageArea::German),
            "fr nl" | "nl fr" => Some(LanguageArea::Brussels),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Municipality {
    pub nis: String,
    /// Names in fr, nl, de, en (empty when the language has none of its own).
    names: [String; 4],
    pub region: Region,
    pub area: Option<LanguageArea>,
    /// The province's NIS code (0 for the Brussels-Capital Region, which has none).
    pub province: u32,
    pub latitude: f64,
    pub longitude: f64,
    pub postcodes: Vec<String>,
}

impl Municipality {
    /// The name in the reader's language, falling back to the name in the area's language.
    pub fn name(&self, locale: Locale) -> &str {
        let wanted = &self.names[locale_index(locale)];
        if !wanted.is_empty() {
            return wanted;
        }
        let order: &[usize] = match self.region {
            Region::Flanders => &[1, 0, 2, 3],
            _ => &[0, 1, 2, 3],
        };
        order.iter().map(|i| self.names[*i].as_str()).find(|n| !n.is_empty()).unwrap_or(&self.nis)
    }

    /// Every name it goes by.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str).filter(|n| !n.is_empty())
    }
}

fn locale_index(locale: Locale) -> usize {
    match locale {
        Locale::Fr => 0,
        Locale::Nl => 1,
        Locale::De => 2,
        Locale::En => 3,
    }
}

#[derive(Debug, Clone)]
pub struct Postcode {
    pub code: String,
    pub nis: String,
    pub localities: Vec<String>,
    pub latitude: f64,
    pub longitude: f64,
}

/// What a search term designates: a municipality (by name or by one of its postcodes), or a
/// whole region.
#[derive(Debug, Clone, PartialEq)]
pub enum Area {
    Municipality { nis: String, postcode: Option<String>, latitude: f64, longitude: f64 },
    Region(Region),
}

impl Area {
    pub fn centre(&self) -> (f64, f64) {
        match self {
            Area::Municipality { latitude, longitude, .. } => (*latitude, *longitude),
            // The Brussels-Capital Region's centre (Grand-Place); the other regions are too large
            // to be a search area and are never offered.
            Area::Region(_) => (50.8467, 4.3525),
        }
    }
}

pub struct Reference {
    pub municipalities: Vec<Municipality>,
    by_nis: HashMap<String, usize>,
    pub postcodes: Vec<Postcode>,
    /// (folded name, municipality index), every name and locality of every municipality.
    names: Vec<(String, usize, Option<usize>)>,
    /// Folded name → its positions in `names` (an exact name needs no scan).
    exact: HashMap<String, Vec<usize>>,
}

/// The reference data, parsed once.
pub fn reference() -> &'static Reference {
    static REFERENCE: OnceLock<Reference> = OnceLock::new();
    REFERENCE.get_or_init(Reference::load)
}

fn column<'a>(header: &csv::StringRecord, record: &'a csv::StringRecord, name: &str) -> &'a str {
    header.iter().position(|h| h == name).and_then(|i| record.get(i)).unwrap_or("")
}

impl Reference {
    fn load() -> Reference {
        let mut municipalities = Vec::new();
        let mut reader = csv::Reader::from_reader(MUNICIPALITIES.as_bytes());
        let header = reader.headers().cloned().unwrap_or_default();
        for record in reader.records().flatten() {
            let get = |name: &str| column(&header, &record, name).trim().to_string();
            let (Some(region), Ok(latitude), Ok(longitude)) = (Region::parse(&get("region")), get("latitude").parse(), get("longitude").parse()) else {
                continue;
            };
            municipalities.push(Municipality {
                nis: get("nis"),
                names: [get("name_fr"), get("name_nl"), get("name_de"), get("name_en")],
                region,
                area: LanguageArea::parse(&get("languages")),
                province: get("province_nis").parse().unwrap_or(0),
                latitude,
                longitude,
                postcodes: Vec::new(),
            });
        }
        let by_nis: HashMap<String, usize> = municipalities.iter().enumerate().map(|(i, m)| (m.nis.clone(), i)).collect();
        let mut postcodes = Vec::new();
        let mut reader = csv::Reader::from_reader(POSTCODES.as_bytes());
        let header = reader.headers().cloned().unwrap_or_default();
        for record in reader.records().flatten() {
            let get = |name: &str| column(&header, &record, name).trim().to_string();
            let nis = get("nis");
            let Some(&index) = by_nis.get(&nis) else { continue };
            let latitude = get("latitude").parse().unwrap_or(municipalities[index].latitude);
            let longitude = get("longitude").parse().unwrap_or(municipalities[index].longitude);
            let localities = get("locality").split('|').map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
            let code = get("postcode");
            if !municipalities[index].postcodes.contains(&code) {
                municipalities[index].postcodes.push(code.clone());
            }
            postcodes.push(Postcode { code, nis, localities, latitude, longitude });
        }
        let mut names = Vec::new();
        for (i, m) in municipalities.iter().enumerate() {
            for name in m.all_names() {
                names.push((fold(name), i, None));
            }
        }
        for (p, postcode) in postcodes.iter().enumerate() {
            if let Some(&i) = by_nis.get(&postcode.nis) {
                for locality in &postcode.localities {
                    names.push((fold(locality), i, Some(p)));
                }
            }
        }
        let mut exact: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (name, _, _)) in names.iter().enumerate() {
            exact.entry(name.clone()).or_default().push(i);
        }
        Reference { municipalities, by_nis, postcodes, names, exact }
    }

    pub fn municipality(&self, nis: &str) -> Option<&Municipality> {
        self.by_nis.get(nis).map(|i| &self.municipalities[*i])
    }

    /// The municipality whose centre is nearest to a point (where a position "near me" is).
    pub fn nearest(&self, point: (f64, f64)) -> Option<&Municipality> {
        // At Belgium's latitudes a degree of longitude is about 0.64 of a degree of latitude:
        // enough to compare distances without trigonometry.
        let score = |m: &Municipality| (m.latitude - point.0).powi(2) + ((m.longitude - point.1) * 0.64).powi(2);
        self.municipalities.iter().min_by(|a, b| score(a).total_cmp(&score(b)))
    }

    /// The municipalities a postcode belongs to.
    pub fn by_postcode(&self, code: &str) -> Vec<&Postcode> {
        self.postcodes.iter().filter(|p| p.code == code).collect()
    }

    /// What a search term may designate, best first: several when the term is ambiguous (a
    /// postcode shared by two municipalities, a name shared by a municipality and a region, a
    /// partial name). Forgiving: case, accents, hyphens and the language of the name do not matter.
    pub fn lookup(&self, term: &str) -> Vec<Area> {
        let term = term.trim();
        if term.len() == 4 && term.bytes().all(|b| b.is_ascii_digit()) {
            return self
                .by_postcode(term)
                .into_iter()
                .map(|p| Area::Municipality { nis: p.nis.clone(), postcode: Some(p.code.clone()), latitude: p.latitude, longitude: p.longitude })
                .collect();
        }
        let folded = fold(term);
        if folded.len() < 2 {
            return Vec::new();
        }
        let mut areas = Vec::new();
        if BRUSSELS_REGION_NAMES.contains(&folded.as_str()) {
            areas.push(Area::Region(Region::Brussels));
        }
        // Exact names first, then names starting with the term, then names containing it as words.
        let mut ranked: Vec<(u8, usize, Option<usize>)> = Vec::new();
        let as_word = format!(" {folded}");
        // An exact name leaves out every other rank (see below): no need to scan then.
        let exact: Vec<&(String, usize, Option<usize>)> = self.exact.get(&folded).map(|found| found.iter().map(|i| &self.names[*i]).collect()).unwrap_or_default();
        let candidates: Box<dyn Iterator<Item = &(String, usize, Option<usize>)>> = if exact.is_empty() { Box::new(self.names.iter()) } else { Box::new(exact.into_iter()) };
        for (name, municipality, postcode) in candidates {
            let rank = if *name == folded {
                0
            } else if name.starts_with(&folded) && name[folded.len()..].starts_with(' ') {
                1
            } else if name.starts_with(&folded) {
                2
            } else if name.contains(&as_word) {
                3
            } else {
                continue;
            };
            ranked.push((rank, *municipality, *postcode));
        }
        ranked.sort_by_key(|(rank, m, p)| (*rank, p.is_some(), *m));
        let best = ranked.first().map(|r| r.0);
        // A municipality's own name beats a locality's at the same rank ("Molenbeek" is
        // Molenbeek-Saint-Jean, not the locality Molenbeek-Wersbeek).
        if ranked.first().is_some_and(|r| r.2.is_none()) {
            ranked.retain(|r| Some(r.0) != best || r.2.is_none());
        }
        let mut seen = Vec::new();
        for (rank, municipality, postcode) in ranked {
            // Keep to the best rank (an exact name leaves out mere prefixes), at most 12 choices.
            if Some(rank) != best && !(best == Some(0) && rank == 0) || seen.len() >= 12 {
                continue;
            }
            if seen.contains(&municipality) {
                continue;
            }
            seen.push(municipality);
            let m = &self.municipalities[municipality];
            let (latitude, longitude, code) = match postcode {
                Some(p) => (self.postcodes[p].latitude, self.postcodes[p].longitude, Some(self.postcodes[p].code.clone())),
                None => (m.latitude, m.longitude, None),
            };
            areas.push(Area::Municipality { nis: m.nis.clone(), postcode: code, latitude, longitude });
        }
        areas
    }
}

/// Names of the Brussels-Capital Region, folded.
const BRUSSELS_REGION_NAMES: &[&str] = &[
    "bruxelles",
    "brussel",
    "brussels",
    "brussel hoofdstad",
    "brussels hoofdstedelijk gewest",
    "region de bruxelles capitale",
    "bruxelles capitale",
    "brussels capital region",
    "brussels capital",
    "region bruxelloise",
    "brussels gewest",
];

/// Lower case, accents removed, every run of other characters a single space: "Liège" →
/// "liege", "Sint-Jans-Molenbeek" → "sint jans molenbeek", "L'Écluse" → "l ecluse".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain: &str = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => "o",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ý' | 'ÿ' => "y",
            'œ' => "oe",
            'æ' => "ae",
            'ß' => "ss",
            c if c.is_alphanumeric() => {
                out.push(c);
                space = false;
                continue;
            }
            _ => {
                if !space {
                    out.push(' ');
                    space = true;
                }
                continue;
            }
        };
        out.push_str(plain);
        space = false;
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Distance in kilometres between two points (haversine).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_municipality_has_its_language_area_and_province() {
        let r = reference();
        assert!(r.municipalities.iter().all(|m| m.area.is_some()), "a municipality without a language area");
        let area = |nis: &str| r.municipality(nis).and_then(|m| m.area);
        assert_eq!(area("63023"), Some(LanguageArea::German), "Eupen");
        assert_eq!(area("62063"), Some(LanguageArea::French), "Liège");
        assert_eq!(area("44021"), Some(LanguageArea::Dutch), "Gent");
        assert_eq!(area("21004"), Some(LanguageArea::Brussels), "Bruxelles");
        assert_eq!(r.municipalities.iter().filter(|m| m.area == Some(LanguageArea::German)).count(), 9);
        assert_eq!(r.municipality("63023").map(|m| m.province), r.municipality("62063").map(|m| m.province), "Eupen and Liège: one province");
        let eupen = r.municipality("63023").unwrap();
        assert_eq!(r.nearest((eupen.latitude + 0.001, eupen.longitude)).map(|m| m.nis.as_str()), Some("63023"));
    }

    #[test]
    fn folding_forgives_accents_case_and_hyphens() {
        assert_eq!(fold("Liège"), "liege");
        assert_eq!(fold("  Sint-Jans-Molenbeek "), "sint jans molenbeek");
        assert_eq!(fold("L'Écluse"), "l ecluse");
        assert_eq!(fold("Büllingen"), "bullingen");
    }

    fn nis_of(areas: &[Area]) -> Vec<String> {
        areas
            .iter()
            .filter_map(|a| match a {
                Area::Municipality { nis, .. } => Some(nis.clone()),
                Area::Region(_) => None,
            })
            .collect()
    }

    #[test]
    fn a_place_is_found_by_postcode_or_by_any_of_its_names() {
        let r = reference();
        assert!(r.municipalities.len() > 500, "{} municipalities", r.municipalities.len());
        for term in ["1080", "Molenbeek", "Sint-Jans-Molenbeek", "molenbeek saint jean", "MOLENBEEK-SAINT-JEAN"] {
            assert_eq!(nis_of(&r.lookup(term)), vec!["21012".to_string()], "{term}");
        }
        for term in ["Liège", "liege", "Luik"] {
            assert_eq!(nis_of(&r.lookup(term)).first().map(String::as_str), Some("62063"), "{term}");
        }
        assert_eq!(nis_of(&r.lookup("4700")), vec!["63023".to_string()]);
        assert_eq!(nis_of(&r.lookup("Eupen")).first().map(String::as_str), Some("63023"));
        assert_eq!(nis_of(&r.lookup("6000")), vec!["52011".to_string()]);
    }

    #[test]
    fn brussels_offers_the_city_and_the_region() {
        let areas = reference().lookup("Bruxelles");
        assert_eq!(areas[0], Area::Region(Region::Brussels));
        assert!(nis_of(&areas).contains(&"21004".to_string()), "{areas:?}");
        let areas = reference().lookup("Brussel");
        assert_eq!(areas[0], Area::Region(Region::Brussels));
    }

    #[test]
    fn a_postcode_of_two_municipalities_offers_both() {
        assert!(reference().lookup("1050").len() >= 2);
    }

    #[test]
    fn distances() {
        let brussels = (50.8467, 4.3525);
        let liege = (50.6326, 5.5797);
        let d = distance_km(brussels, liege);
        assert!((85.0..95.0).contains(&d), "{d}");
    }
}
