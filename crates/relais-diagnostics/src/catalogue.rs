//! The training catalogue: modules with their goals, the areas and levels they target, devices,
//! publics, languages, materials, prerequisites and self-learning resources. The network's
//! modules (seeded from `catalogue/network.toml`) belong to no organisation and every
//! organisation can run them; an organisation publishes its own too.

use std::{collections::BTreeMap, sync::OnceLock};

use relais_core::{Db, DbError, i18n::Locale, on_db};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::framework::Area;

const NETWORK: &str = include_str!("../catalogue/network.toml");

/// An area and the levels a module is for: from `from` (prerequisite) to below `to` (its goal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub area: Area,
    pub from: u8,
    pub to: u8,
}

impl Target {
    /// Whether a person of this level in the area is who the module is for.
    pub fn fits(&self, level: u8) -> bool {
        self.from <= level && level < self.to
    }
}

/// A link to learn alone between workshops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resource {
    pub title: String,
    pub url: String,
}

/// A module's texts in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleText {
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub materials: String,
    #[serde(default)]
    pub prerequisites: String,
    #[serde(default)]
    pub resources: Vec<Resource>,
}

/// A module of the catalogue.
#[derive(Debug, Clone)]
pub struct Module {
    pub id: Uuid,
    pub code: String,
    /// `None`: the network's catalogue.
    pub organisation_id: Option<Uuid>,
    pub themes: Vec<String>,
    pub publics: Vec<String>,
    pub devices: Vec<String>,
    pub languages: Vec<String>,
    pub minutes: i64,
    pub meetings: i64,
    pub targets: Vec<Target>,
    pub pictogram: String,
    pub texts: BTreeMap<String, ModuleText>,
    pub active: bool,
}

impl Module {
    pub fn text(&self, locale: Locale) -> &ModuleText {
        static EMPTY: OnceLock<ModuleText> = OnceLock::new();
        self.texts.get(locale.code()).or_else(|| self.texts.get("en")).or_else(|| self.texts.values().next()).unwrap_or_else(|| EMPTY.get_or_init(ModuleText::default))
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct SeedModule {
    pub code: String,
    pub themes: Vec<String>,
    pub publics: Vec<String>,
    pub devices: Vec<String>,
    pub languages: Vec<String>,
    pub minutes: i64,
    pub meetings: i64,
    pub targets: Vec<Target>,
    pub pictogram: String,
    pub fr: ModuleText,
    pub nl: ModuleText,
    pub de: ModuleText,
    pub en: ModuleText,
}

#[derive(Deserialize)]
struct SeedFile {
    module: Vec<SeedModule>,
}

/// The network's catalogue as shipped.
pub fn seed() -> &'static [SeedModule] {
    static MODULES: OnceLock<Vec<SeedModule>> = OnceLock::new();
    MODULES.get_or_init(|| match toml::from_str::<SeedFile>(NETWORK) {
        Ok(file) => file.module,
        Err(e) => {
            tracing::error!(error = %e, "the network catalogue's seed does not parse");
            Vec::new()
        }
    })
}

#[derive(sqlx::FromRow)]
struct ModuleRow {
    id: Uuid,
    code: String,
    organisation_id: Option<Uuid>,
    themes: String,
    publics: String,
    devices: String,
    languages: String,
    minutes: i64,
    meetings: i64,
    targets: String,
    pictogram: String,
    texts: String,
    active: bool,
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}

impl ModuleRow {
    fn into_module(self) -> Module {
        Module {
            id: self.id,
            organisation_id: self.organisation_id,
            themes: words(&self.themes),
            publics: words(&self.publics),
            devices: words(&self.devices),
            languages: words(&self.languages),
            minutes: self.minutes,
            meetings: self.meetings,
            targets: serde_json::from_str(&self.targets).unwrap_or_default(),
            pictogram: self.pictogram,
            texts: serde_json::from_str(&self.texts).unwrap_or_default(),
            active: self.active,
            code: self.code,
        }
    }
}

/// Insert the network's modules whose code is not in the catalogue yet.
pub async fn ensure_seed(db: &Db) -> Result<(), DbError> {
    let now = relais_core::clock::now();
    for m in seed() {
        let texts: BTreeMap<&str, &ModuleText> = [("fr", &m.fr), ("nl", &m.nl), ("de", &m.de), ("en", &m.en)].into_iter().collect();
        on_db!(db, pool => sqlx::query(
            "INSERT INTO modules (id, code, organisation_id, themes, publics, devices, languages, minutes, meetings, targets,
                pictogram, texts, active, created_at, updated_at)
             VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) ON CONFLICT (code) DO NOTHING",
        )
        .bind(Uuid::new_v4())
        .bind(&m.code)
        .bind(m.themes.join(" "))
        .bind(m.publics.join(" "))
        .bind(m.devices.join(" "))
        .bind(m.languages.join(" "))
        .bind(m.minutes)
        .bind(m.meetings)
        .bind(serde_json::to_string(&m.targets).unwrap_or_default())
        .bind(&m.pictogram)
        .bind(serde_json::to_string(&texts).unwrap_or_default())
        .bind(true)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ()))?;
    }
    Ok(())
}

macro_rules! module_columns {
    () => {
        "id, code, organisation_id, themes, publics, devices, languages, minutes, meetings, targets, pictogram, texts, active"
    };
}

/// The modules an organisation can run: the network's and its own (active ones).
pub async fn available_to(db: &Db, organisation: Option<Uuid>) -> Result<Vec<Module>, DbError> {
    let sql = concat!("SELECT ", module_columns!(), " FROM modules WHERE active = $1 AND (organisation_id IS NULL OR organisation_id = $2) ORDER BY code");
    let rows = on_db!(db, pool => sqlx::query_as::<_, ModuleRow>(sql).bind(true).bind(organisation).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(ModuleRow::into_module).collect())
}

/// Every active module of every organisation (the public catalogue).
pub async fn all_active(db: &Db) -> Result<Vec<Module>, DbError> {
    let sql = concat!("SELECT ", module_columns!(), " FROM modules WHERE active = $1 ORDER BY code");
    let rows = on_db!(db, pool => sqlx::query_as::<_, ModuleRow>(sql).bind(true).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(ModuleRow::into_module).collect())
}

/// One module by its code.
pub async fn by_code(db: &Db, code: &str) -> Result<Option<Module>, DbError> {
    let sql = concat!("SELECT ", module_columns!(), " FROM modules WHERE code = $1");
    let row = on_db!(db, pool => sqlx::query_as::<_, ModuleRow>(sql).bind(code).fetch_optional(pool).await)?;
    Ok(row.map(ModuleRow::into_module))
}

/// A module an organisation publishes (texts in the language it was written in).
#[derive(Debug, Clone)]
pub struct NewModule {
    pub language: String,
    pub text: ModuleText,
    pub themes: Vec<String>,
    pub devices: Vec<String>,
    pub languages: Vec<String>,
    pub minutes: i64,
    pub meetings: i64,
    pub target: Target,
}

/// A code from the organisation and the title ("cpas-charleroi-whatsapp-en-famille").
fn code_for(organisation_slug: &str, title: &str) -> String {
    let folded = relais_directory::reference::fold(title);
    let words: Vec<String> = folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).take(6).map(str::to_string).collect();
    format!("{organisation_slug}-{}", words.join("-"))
}

/// Publish an organisation's own module; its code.
pub async fn create(db: &Db, organisation: Uuid, organisation_slug: &str, new: &NewModule) -> Result<String, DbError> {
    let now = relais_core::clock::now();
    let base = code_for(organisation_slug, &new.text.title);
    let texts: BTreeMap<&str, &ModuleText> = [(new.language.as_str(), &new.text)].into_iter().collect();
    for attempt in 0..20 {
        let code = if attempt == 0 { base.clone() } else { format!("{base}-{}", attempt + 1) };
        let done = on_db!(db, pool => sqlx::query(
            "INSERT INTO modules (id, code, organisation_id, themes, publics, devices, languages, minutes, meetings, targets,
                pictogram, texts, active, created_at, updated_at)
             VALUES ($1, $2, $3, $4, 'everyone', $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) ON CONFLICT (code) DO NOTHING",
        )
        .bind(Uuid::new_v4())
        .bind(&code)
        .bind(organisation)
        .bind(new.themes.join(" "))
        .bind(new.devices.join(" "))
        .bind(new.languages.join(" "))
        .bind(new.minutes)
        .bind(new.meetings)
        .bind(serde_json::to_string(&[new.target]).unwrap_or_default())
        .bind(new.target.area.pictogram())
        .bind(serde_json::to_string(&texts).unwrap_or_default())
        .bind(true)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        if done == 1 {
            return Ok(code);
        }
    }
    Err(DbError::Sqlx(sqlx::Error::Protocol("no free module code".into())))
}

/// An organisation's own modules.
pub async fn own(db: &Db, organisation: Uuid) -> Result<Vec<Module>, DbError> {
    let sql = concat!("SELECT ", module_columns!(), " FROM modules WHERE organisation_id = $1 ORDER BY code");
    let rows = on_db!(db, pool => sqlx::query_as::<_, ModuleRow>(sql).bind(organisation).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(ModuleRow::into_module).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::AREAS;

    #[test]
    fn the_network_catalogue_parses_and_covers_every_area_and_level() {
        let modules = seed();
        assert!(modules.len() >= 12, "{} modules", modules.len());
        for area in AREAS {
            for level in 0..4 {
                assert!(modules.iter().any(|m| m.targets.iter().any(|t| t.area == area && t.fits(level))), "{area:?} {level}");
            }
        }
        for m in modules {
            for (lang, t) in [("fr", &m.fr), ("nl", &m.nl), ("de", &m.de), ("en", &m.en)] {
                assert!(!t.title.is_empty() && !t.summary.is_empty() && !t.goals.is_empty(), "{} {lang}", m.code);
                assert!(t.resources.iter().all(|r| r.url.starts_with("https://")), "{} {lang}", m.code);
            }
            assert!(crate::pictograms::NAMES.contains(&m.pictogram.as_str()), "{}", m.code);
        }
    }
}
