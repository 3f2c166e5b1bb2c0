//! Places where help is offered, their drop-in sessions and their exceptions: the records and
//! the SQL that reads and writes them (the same SQL on both engines).

use jiff::civil::{Date, Time, Weekday};
use relais_core::{Db, DbError, i18n::Locale, on_db, settings};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::schedule::{Exception, ExceptionKind, Recurrence};

/// A place as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Place {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub mobile_unit_id: Option<Uuid>,
    pub kind: String,
    pub name_fr: Option<String>,
    pub name_nl: Option<String>,
    pub name_de: Option<String>,
    pub name_en: Option<String>,
    pub description_fr: Option<String>,
    pub description_nl: Option<String>,
    pub description_de: Option<String>,
    pub description_en: Option<String>,
    pub street: String,
    pub postcode: String,
    pub municipality_nis: String,
    pub latitude: f64,
    pub longitude: f64,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub equipment: String,
    pub wheelchair: bool,
    pub hearing_loop: bool,
    pub transport_hint: Option<String>,
    pub published: bool,
}

/// The first non-empty text among `wanted` then the others, in a sensible order.
fn in_language(texts: [&Option<String>; 4], locale: Locale) -> Option<&str> {
    let first = match locale {
        Locale::Fr => 0,
        Locale::Nl => 1,
        Locale::De => 2,
        Locale::En => 3,
    };
    // French and Dutch are the usual languages of Belgian places; German and English fall back on them.
    let order = [first, 0, 1, 3, 2];
    order.iter().filter_map(|i| texts[*i].as_deref()).map(str::trim).find(|t| !t.is_empty())
}

impl Place {
    /// The name in the reader's language, falling back sensibly.
    pub fn name(&self, locale: Locale) -> &str {
        in_language([&self.name_fr, &self.name_nl, &self.name_de, &self.name_en], locale).unwrap_or("—")
    }

    pub fn description(&self, locale: Locale) -> Option<&str> {
        in_language([&self.description_fr, &self.description_nl, &self.description_de, &self.description_en], locale)
    }

    pub fn equipment_codes(&self) -> impl Iterator<Item = &str> {
        self.equipment.split_whitespace()
    }
}

/// A recurring drop-in session at a place.
#[derive(Debug, Clone)]
pub struct DropInSession {
    pub id: Uuid,
    pub place_id: Uuid,
    pub recurrence: Recurrence,
    pub by_appointment: bool,
    pub themes: Vec<String>,
    pub services: Vec<String>,
    pub publics: Vec<String>,
    pub languages: Vec<String>,
    pub helper_kind: String,
}

/// A closure or a one-off extra session, with the reason shown to the public.
#[derive(Debug, Clone)]
pub struct PlaceException {
    pub id: Uuid,
    pub place_id: Uuid,
    pub exception: Exception,
    pub reason: String,
}

/// What a form gives to create or change a place.
#[derive(Debug, Clone, Default)]
pub struct PlaceInput {
    pub kind: String,
    pub names: [Option<String>; 4],
    pub descriptions: [Option<String>; 4],
    pub street: String,
    pub postcode: String,
    pub municipality_nis: String,
    pub latitude: f64,
    pub longitude: f64,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub equipment: Vec<String>,
    pub wheelchair: bool,
    pub hearing_loop: bool,
    pub transport_hint: Option<String>,
    pub published: bool,
    pub mobile_unit_id: Option<Uuid>,
}

const PLACE_COLUMNS: &str = "id, organisation_id, mobile_unit_id, kind, name_fr, name_nl, name_de, name_en,
    description_fr, description_nl, description_de, description_en, street, postcode, municipality_nis,
    latitude, longitude, phone, email, website, equipment, wheelchair, hearing_loop, transport_hint, published";

pub async fn create_place(db: &Db, organisation: Uuid, input: &PlaceInput) -> Result<Uuid, DbError> {
    create_place_with_id(db, Uuid::new_v4(), organisation, input).await
}

/// Create a place with the id its form carried (a double submit then finds it).
pub async fn create_place_with_id(db: &Db, id: Uuid, organisation: Uuid, input: &PlaceInput) -> Result<Uuid, DbError> {
    let now = OffsetDateTime::now_utc();
    on_db!(db, pool => sqlx::query(
        "INSERT INTO places (id, organisation_id, mobile_unit_id, kind, name_fr, name_nl, name_de, name_en,
             description_fr, description_nl, description_de, description_en, street, postcode, municipality_nis,
             latitude, longitude, phone, email, website, equipment, wheelchair, hearing_loop, transport_hint,
             published, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                 $21, $22, $23, $24, $25, $26, $26)",
    )
    .bind(id)
    .bind(organisation)
    .bind(input.mobile_unit_id)
    .bind(&input.kind)
    .bind(&input.names[0])
    .bind(&input.names[1])
    .bind(&input.names[2])
    .bind(&input.names[3])
    .bind(&input.descriptions[0])
    .bind(&input.descriptions[1])
    .bind(&input.descriptions[2])
    .bind(&input.descriptions[3])
    .bind(&input.street)
    .bind(&input.postcode)
    .bind(&input.municipality_nis)
    .bind(input.latitude)
    .bind(input.longitude)
    .bind(&input.phone)
    .bind(&input.email)
    .bind(&input.website)
    .bind(input.equipment.join(" "))
    .bind(input.wheelchair)
    .bind(input.hearing_loop)
    .bind(&input.transport_hint)
    .bind(input.published)
    .bind(now)
    .execute(pool)
    .await
    .map(|_| ()))?;
    changed(db).await?;
    Ok(id)
}

pub async fn update_place(db: &Db, id: Uuid, input: &PlaceInput) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query(
        "UPDATE places SET kind = $2, name_fr = $3, name_nl = $4, name_de = $5, name_en = $6,
             description_fr = $7, description_nl = $8, description_de = $9, description_en = $10,
             street = $11, postcode = $12, municipality_nis = $13, latitude = $14, longitude = $15,
             phone = $16, email = $17, website = $18, equipment = $19, wheelchair = $20, hearing_loop = $21,
             transport_hint = $22, published = $23, updated_at = $24
         WHERE id = $1",
    )
    .bind(id)
    .bind(&input.kind)
    .bind(&input.names[0])
    .bind(&input.names[1])
    .bind(&input.names[2])
    .bind(&input.names[3])
    .bind(&input.descriptions[0])
    .bind(&input.descriptions[1])
    .bind(&input.descriptions[2])
    .bind(&input.descriptions[3])
    .bind(&input.street)
    .bind(&input.postcode)
    .bind(&input.municipality_nis)
    .bind(input.latitude)
    .bind(input.longitude)
    .bind(&input.phone)
    .bind(&input.email)
    .bind(&input.website)
    .bind(input.equipment.join(" "))
    .bind(input.wheelchair)
    .bind(input.hearing_loop)
    .bind(&input.transport_hint)
    .bind(input.published)
    .bind(OffsetDateTime::now_utc())
    .execute(pool)
    .await
    .map(|_| ()))?;
    changed(db).await
}

pub async fn find_place(db: &Db, id: Uuid) -> Result<Option<Place>, DbError> {
    let sql = format!("SELECT {PLACE_COLUMNS} FROM places WHERE id = $1");
    let row = on_db!(db, pool => sqlx::query_as::<_, Place>(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(pool).await)?;
    Ok(row)
}

pub async fn places_of(db: &Db, organisation: Uuid) -> Result<Vec<Place>, DbError> {
    let sql = format!("SELECT {PLACE_COLUMNS} FROM places WHERE organisation_id = $1 ORDER BY postcode, name_fr, name_nl");
    let rows = on_db!(db, pool => sqlx::query_as::<_, Place>(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).fetch_all(pool).await)?;
    Ok(rows)
}

pub async fn published_places(db: &Db) -> Result<Vec<Place>, DbError> {
    let sql = format!("SELECT {PLACE_COLUMNS} FROM places WHERE published = $1");
    let rows = on_db!(db, pool => sqlx::query_as::<_, Place>(sqlx::AssertSqlSafe(sql.clone())).bind(true).fetch_all(pool).await)?;
    Ok(rows)
}

/// What a form gives to add a drop-in session.
#[derive(Debug, Clone)]
pub struct SessionInput {
    pub recurrence: Recurrence,
    pub by_appointment: bool,
    pub themes: Vec<String>,
    pub services: Vec<String>,
    pub publics: Vec<String>,
    pub languages: Vec<String>,
    pub helper_kind: String,
}

pub async fn add_session(db: &Db, place: Uuid, input: &SessionInput) -> Result<Uuid, DbError> {
    add_session_with_id(db, Uuid::new_v4(), place, input).await
}

pub async fn add_session_with_id(db: &Db, id: Uuid, place: Uuid, input: &SessionInput) -> Result<Uuid, DbError> {
    let r = &input.recurrence;
    on_db!(db, pool => sqlx::query(
        "INSERT INTO drop_in_sessions (id, place_id, weekday, start_time, end_time, every_weeks, anchor_date,
             valid_from, valid_until, by_appointment, themes, services, publics, languages, helper_kind, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(id)
    .bind(place)
    .bind(i64::from(r.weekday.to_monday_one_offset()))
    .bind(hhmm(r.start))
    .bind(hhmm(r.end))
    .bind(i64::from(r.every_weeks))
    .bind(r.anchor.to_string())
    .bind(r.from.map(|d| d.to_string()))
    .bind(r.until.map(|d| d.to_string()))
    .bind(input.by_appointment)
    .bind(input.themes.join(" "))
    .bind(input.services.join(" "))
    .bind(input.publics.join(" "))
    .bind(input.languages.join(" "))
    .bind(&input.helper_kind)
    .bind(OffsetDateTime::now_utc())
    .execute(pool)
    .await
    .map(|_| ()))?;
    changed(db).await?;
    Ok(id)
}

pub async fn delete_session(db: &Db, place: Uuid, session: Uuid) -> Result<bool, DbError> {
    let n = on_db!(db, pool => sqlx::query("DELETE FROM drop_in_sessions WHERE id = $1 AND place_id = $2")
        .bind(session)
        .bind(place)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    changed(db).await?;
    Ok(n > 0)
}

type SessionRow = (Uuid, Uuid, i64, String, String, i64, String, Option<String>, Option<String>, bool, String, String, String, String, String);

fn session_from(row: SessionRow) -> Option<DropInSession> {
    let (id, place_id, weekday, start, end, every_weeks, anchor, from, until, by_appointment, themes, services, publics, languages, helper_kind) = row;
    let split = |s: String| s.split_whitespace().map(String::from).collect::<Vec<_>>();
    Some(DropInSession {
        id,
        place_id,
        recurrence: Recurrence {
            weekday: Weekday::from_monday_one_offset(i8::try_from(weekday).ok()?).ok()?,
            start: start.parse::<Time>().ok()?,
            end: end.parse::<Time>().ok()?,
            every_weeks: u8::try_from(every_weeks).ok()?,
            anchor: anchor.parse::<Date>().ok()?,
            from: from.and_then(|d| d.parse().ok()),
            until: until.and_then(|d| d.parse().ok()),
        },
        by_appointment,
        themes: split(themes),
        services: split(services),
        publics: split(publics),
        languages: split(languages),
        helper_kind,
    })
}

const SESSION_COLUMNS: &str = "id, place_id, weekday, start_time, end_time, every_weeks, anchor_date, valid_from, valid_until,
    by_appointment, themes, services, publics, languages, helper_kind";

pub async fn sessions_of(db: &Db, place: Uuid) -> Result<Vec<DropInSession>, DbError> {
    let sql = format!("SELECT {SESSION_COLUMNS} FROM drop_in_sessions WHERE place_id = $1 ORDER BY weekday, start_time");
    let rows: Vec<SessionRow> = on_db!(db, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(place).fetch_all(pool).await)?;
    Ok(rows.into_iter().filter_map(session_from).collect())
}

pub async fn all_sessions(db: &Db) -> Result<Vec<DropInSession>, DbError> {
    let sql = format!("SELECT {SESSION_COLUMNS} FROM drop_in_sessions WHERE place_id IN (SELECT id FROM places WHERE published = $1)");
    let rows: Vec<SessionRow> = on_db!(db, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(true).fetch_all(pool).await)?;
    Ok(rows.into_iter().filter_map(session_from).collect())
}

pub async fn add_exception(db: &Db, place: Uuid, exception: &Exception, reason: &str) -> Result<Uuid, DbError> {
    add_exception_with_id(db, Uuid::new_v4(), place, exception, reason).await
}

pub async fn add_exception_with_id(db: &Db, id: Uuid, place: Uuid, exception: &Exception, reason: &str) -> Result<Uuid, DbError> {
    on_db!(db, pool => sqlx::query(
        "INSERT INTO place_exceptions (id, place_id, kind, from_date, until_date, start_time, end_time, reason, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(id)
    .bind(place)
    .bind(match exception.kind {
        ExceptionKind::Closed => "closed",
        ExceptionKind::Extra => "extra",
    })
    .bind(exception.from.to_string())
    .bind(exception.until.to_string())
    .bind(exception.start.map(hhmm))
    .bind(exception.end.map(hhmm))
    .bind(reason)
    .bind(OffsetDateTime::now_utc())
    .execute(pool)
    .await
    .map(|_| ()))?;
    changed(db).await?;
    Ok(id)
}

pub async fn delete_exception(db: &Db, place: Uuid, exception: Uuid) -> Result<bool, DbError> {
    let n = on_db!(db, pool => sqlx::query("DELETE FROM place_exceptions WHERE id = $1 AND place_id = $2")
        .bind(exception)
        .bind(place)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    changed(db).await?;
    Ok(n > 0)
}

type ExceptionRow = (Uuid, Uuid, String, String, String, Option<String>, Option<String>, String);

fn exception_from(row: ExceptionRow) -> Option<PlaceException> {
    let (id, place_id, kind, from, until, start, end, reason) = row;
    Some(PlaceException {
        id,
        place_id,
        exception: Exception {
            kind: match kind.as_str() {
                "closed" => ExceptionKind::Closed,
                "extra" => ExceptionKind::Extra,
                _ => return None,
            },
            from: from.parse().ok()?,
            until: until.parse().ok()?,
            start: start.and_then(|t| t.parse().ok()),
            end: end.and_then(|t| t.parse().ok()),
        },
        reason,
    })
}

const EXCEPTION_COLUMNS: &str = "id, place_id, kind, from_date, until_date, start_time, end_time, reason";

pub async fn exceptions_of(db: &Db, place: Uuid) -> Result<Vec<PlaceException>, DbError> {
    let sql = format!("SELECT {EXCEPTION_COLUMNS} FROM place_exceptions WHERE place_id = $1 ORDER BY from_date, start_time");
    let rows: Vec<ExceptionRow> = on_db!(db, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(place).fetch_all(pool).await)?;
    Ok(rows.into_iter().filter_map(exception_from).collect())
}

pub async fn all_exceptions(db: &Db) -> Result<Vec<PlaceException>, DbError> {
    let sql = format!("SELECT {EXCEPTION_COLUMNS} FROM place_exceptions WHERE place_id IN (SELECT id FROM places WHERE published = $1)");
    let rows: Vec<ExceptionRow> = on_db!(db, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(true).fetch_all(pool).await)?;
    Ok(rows.into_iter().filter_map(exception_from).collect())
}

/// `09:30`
pub fn hhmm(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// The settings key whose value changes with every change of the directory.
pub const VERSION_KEY: &str = "directory.version";

/// Record that the directory changed: every process rebuilds its search snapshot.
pub async fn changed(db: &Db) -> Result<(), DbError> {
    settings::set(db, VERSION_KEY, &Uuid::new_v4().to_string()).await
}
