//! The item bank in the database: seeded from [`crate::seed`] into an empty bank (an admin's
//! edits are kept), read by every session.

use std::collections::BTreeMap;

use relais_core::{Db, DbError, i18n::Locale, on_db};
use uuid::Uuid;

use crate::{
    estimator::ItemModel,
    framework::{Area, Kind},
    seed::{self, Variant},
};

/// An item as stored.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: Uuid,
    pub code: String,
    pub area: Area,
    pub level: u8,
    pub kind: Kind,
    pub digcomp: Vec<String>,
    pub pictogram: String,
    pub option_pictograms: Vec<String>,
    pub answer: usize,
    pub difficulty: f64,
    pub discrimination: f64,
    pub texts: BTreeMap<String, Variant>,
    pub active: bool,
}

impl Item {
    pub fn model(&self) -> ItemModel {
        let options = self.variant(Locale::En).options.len();
        ItemModel {
            area: self.area,
            level: self.level,
            difficulty: self.difficulty,
            discrimination: self.discrimination,
            guessing: if self.kind.is_choice() && options > 0 { 1.0 / options as f64 } else { 0.0 },
        }
    }

    /// The text in a language (English, then any, if an admin left one out).
    pub fn variant(&self, locale: Locale) -> &Variant {
        static EMPTY: std::sync::OnceLock<Variant> = std::sync::OnceLock::new();
        self.texts.get(locale.code()).or_else(|| self.texts.get("en")).or_else(|| self.texts.values().next()).unwrap_or_else(|| EMPTY.get_or_init(Variant::default))
    }
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    id: Uuid,
    code: String,
    area: String,
    level: i64,
    kind: String,
    digcomp: String,
    pictogram: String,
    option_pictograms: String,
    answer: i64,
    difficulty: f64,
    discrimination: f64,
    texts: String,
    active: bool,
}

impl ItemRow {
    fn into_item(self) -> Option<Item> {
        Some(Item {
            id: self.id,
            area: Area::parse(&self.area)?,
            level: u8::try_from(self.level).ok().filter(|l| *l <= 4)?,
            kind: Kind::parse(&self.kind)?,
            digcomp: self.digcomp.split_whitespace().map(str::to_string).collect(),
            pictogram: self.pictogram,
            option_pictograms: self.option_pictograms.split_whitespace().map(str::to_string).collect(),
            answer: usize::try_from(self.answer).unwrap_or(0),
            difficulty: self.difficulty,
            discrimination: self.discrimination,
            texts: serde_json::from_str(&self.texts).ok()?,
            active: self.active,
            code: self.code,
        })
    }
}

/// Insert the seeded items whose code is not in the bank yet.
pub async fn ensure_seed(db: &Db) -> Result<(), DbError> {
    let now = relais_core::clock::now();
    for item in seed::items() {
        let texts = serde_json::to_string(&item.variants()).unwrap_or_default();
        on_db!(db, pool => sqlx::query(
            "INSERT INTO diagnostic_items (id, code, area, level, kind, digcomp, pictogram, option_pictograms, answer,
                difficulty, discrimination, texts, active, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (code) DO NOTHING",
        )
        .bind(Uuid::new_v4())
        .bind(&item.code)
        .bind(item.area.code())
        .bind(item.level as i64)
        .bind(item.kind.code())
        .bind(item.digcomp.join(" "))
        .bind(&item.pictogram)
        .bind(item.options_pictograms.join(" "))
        .bind(item.answer as i64)
        .bind(item.level as f64)
        .bind(seed::DEFAULT_DISCRIMINATION)
        .bind(texts)
        .bind(true)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ()))?;
    }
    Ok(())
}

/// Every item of the bank (active or not), by area, level and code.
pub async fn all(db: &Db) -> Result<Vec<Item>, DbError> {
    let rows = on_db!(db, pool => sqlx::query_as::<_, ItemRow>(
        "SELECT id, code, area, level, kind, digcomp, pictogram, option_pictograms, answer, difficulty, discrimination, texts, active
         FROM diagnostic_items ORDER BY area, level, code",
    )
    .fetch_all(pool)
    .await)?;
    Ok(rows.into_iter().filter_map(ItemRow::into_item).collect())
}

/// The items a session may ask.
pub async fn active(db: &Db) -> Result<Vec<Item>, DbError> {
    Ok(all(db).await?.into_iter().filter(|i| i.active).collect())
}

/// Save an admin's edit of an item's texts, answer, calibration and status.
pub async fn update(db: &Db, item: &Item) -> Result<(), DbError> {
    let texts = serde_json::to_string(&item.texts).unwrap_or_default();
    let now = relais_core::clock::now();
    on_db!(db, pool => sqlx::query(
        "UPDATE diagnostic_items SET texts = $2, answer = $3, difficulty = $4, discrimination = $5, active = $6, updated_at = $7 WHERE id = $1",
    )
    .bind(item.id)
    .bind(texts)
    .bind(item.answer as i64)
    .bind(item.difficulty)
    .bind(item.discrimination)
    .bind(item.active)
    .bind(now)
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(())
}
