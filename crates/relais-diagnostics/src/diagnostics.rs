//! A diagnostic taken: who (nobody, when the person is alone; an organisation, a helper and maybe
//! a person followed when assisted or linked), the short intake, every answer, the result per
//! area and the recommended modules. Saved after each answer, so a reload or a lost connection
//! loses nothing; an answer is appended only if the answers are still those the page was built
//! from (a double submit counts once).

use relais_core::clock::now;
use relais_core::{Db, DbError, on_db};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    estimator::{ItemModel, Observation, Placement, Prior},
    framework::{AREAS, Area, LEVELS, Outcome},
    gate,
    items::Item,
};

/// Alone (public link) or with a helper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Alone,
    Assisted,
}

impl Mode {
    pub fn code(self) -> &'static str {
        match self {
            Mode::Alone => "alone",
            Mode::Assisted => "assisted",
        }
    }
}

/// Where the session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Intake,
    Gate,
    Questions,
    Done,
}

impl Stage {
    pub fn code(self) -> &'static str {
        match self {
            Stage::Intake => "intake",
            Stage::Gate => "gate",
            Stage::Questions => "questions",
            Stage::Done => "done",
        }
    }
    fn parse(code: &str) -> Stage {
        match code {
            "gate" => Stage::Gate,
            "questions" => Stage::Questions,
            "done" => Stage::Done,
            _ => Stage::Intake,
        }
    }
}

/// The short unscored intake.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Intake {
    /// smartphone, tablet, computer (none: empty)
    pub devices: Vec<String>,
    /// home, mobile-data, public, none
    pub connection: String,
    /// itsme, eid-reader
    pub identity: Vec<String>,
    /// directory theme codes of the services the person already uses online
    pub services: Vec<String>,
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The item's code, or `gate-<task>` for a micro-task of the gate.
    pub item: String,
    pub outcome: Outcome,
    pub scored: bool,
    /// The option chosen (choice items), for recalibration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<usize>,
}

/// The result of an area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaResult {
    pub area: Area,
    pub level: u8,
    pub confidence: f64,
    pub to_confirm: bool,
    /// The probability of each level (for "progress" at the next diagnostic).
    pub posterior: [f64; LEVELS],
}

/// A diagnostic as stored.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub id: Uuid,
    pub code: String,
    pub mode: Mode,
    pub language: String,
    pub organisation_id: Option<Uuid>,
    pub person_id: Option<Uuid>,
    pub helper_id: Option<Uuid>,
    pub previous_id: Option<Uuid>,
    pub stage: Stage,
    pub intake: Intake,
    pub postcode: String,
    pub seed: u64,
    pub answers: Vec<Answer>,
    pub result: Vec<AreaResult>,
    pub modules: Vec<String>,
    pub started_at: OffsetDateTime,
    pub finished_at: Option<OffsetDateTime>,
}

impl Diagnostic {
    /// Whether the foundation gate was failed (the result is "first steps").
    pub fn first_steps(&self) -> bool {
        let gate: Vec<&Answer> = self.answers.iter().filter(|a| !a.scored).collect();
        gate.len() >= gate::TASKS.len() && gate.iter().filter(|a| a.outcome.is_right()).count() < 2
    }

    /// The answers as the estimator reads them (answers to items since removed are skipped).
    pub fn observations(&self, bank: &[Item]) -> Vec<Observation> {
        self.answers
            .iter()
            .filter_map(|a| {
                let model: ItemModel = match a.item.strip_prefix("gate-") {
                    Some(task) => gate::TASKS.iter().find(|t| t.code == task)?.model(),
                    None => bank.iter().find(|i| i.code == a.item)?.model(),
                };
                Some(Observation { item: model, right: a.outcome.is_right(), scored: a.scored })
            })
            .collect()
    }

    pub fn scored_count(&self) -> usize {
        self.answers.iter().filter(|a| a.scored).count()
    }

    /// The prior a later diagnostic starts from: this one's result.
    pub fn as_prior(&self) -> Prior {
        let levels: Vec<(Area, u8, f64)> = self.result.iter().map(|r| (r.area, r.level, r.confidence)).collect();
        Prior::from_previous(&levels)
    }

    pub fn result_of(&self, area: Area) -> Option<&AreaResult> {
        self.result.iter().find(|r| r.area == area)
    }
}

/// A result from the estimator's placements and posteriors.
pub fn results(placements: &[Placement], posteriors: &[[f64; LEVELS]; 5]) -> Vec<AreaResult> {
    placements.iter().map(|p| AreaResult { area: p.area, level: p.level, confidence: p.confidence, to_confirm: p.to_confirm, posterior: posteriors[p.area.index()] }).collect()
}

/// The probability that the level rose since the previous result (progress is shown at ≥ 0.8).
pub fn progress_probability(now: &AreaResult, before: &AreaResult) -> f64 {
    now.posterior.iter().enumerate().filter(|(l, _)| *l as u8 > before.level).map(|(_, p)| p).sum()
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    code: String,
    mode: String,
    language: String,
    organisation_id: Option<Uuid>,
    person_id: Option<Uuid>,
    helper_id: Option<Uuid>,
    previous_id: Option<Uuid>,
    stage: String,
    intake: String,
    postcode: String,
    seed: i64,
    answers: String,
    result: String,
    modules: String,
    started_at: OffsetDateTime,
    finished_at: Option<OffsetDateTime>,
}

impl Row {
    fn into_diagnostic(self) -> Diagnostic {
        Diagnostic {
            id: self.id,
            code: self.code,
            mode: if self.mode == "assisted" { Mode::Assisted } else { Mode::Alone },
            language: self.language,
            organisation_id: self.organisation_id,
            person_id: self.person_id,
            helper_id: self.helper_id,
            previous_id: self.previous_id,
            stage: Stage::parse(&self.stage),
            intake: serde_json::from_str(&self.intake).unwrap_or_default(),
            postcode: self.postcode,
            seed: self.seed as u64,
            answers: serde_json::from_str(&self.answers).unwrap_or_default(),
            result: serde_json::from_str(&self.result).unwrap_or_default(),
            modules: self.modules.split_whitespace().map(str::to_string).collect(),
            started_at: self.started_at,
            finished_at: self.finished_at,
        }
    }
}

macro_rules! diagnostic_columns {
    () => {
        "id, code, mode, language, organisation_id, person_id, helper_id, previous_id, stage, intake, postcode, seed, answers, result, modules, started_at, finished_at"
    };
}

/// The characters of a code: letters and digits without look-alikes (0/O, 1/I/L).
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// A code's length: short enough to read out, 31⁶ ≈ 887 million codes.
pub const CODE_LENGTH: usize = 6;
/// How long the code of a diagnostic opens it to a helper, counted in whole days after the day
/// it ended (Brussels time): a person who took it alone brings it to the next appointment or
/// drop-in session, usually within a week or two, sometimes after a month's wait for a slot;
/// past that they take a new one with the helper. Fewer live codes also mean fewer to guess.
pub const CODE_VALID_DAYS: i64 = 30;

/// A code a person can read out to a helper: [`CODE_LENGTH`] characters of [`CODE_ALPHABET`]
/// drawn from the operating system's random source, each equally likely.
pub fn new_code() -> String {
    let mut code = String::with_capacity(CODE_LENGTH);
    while code.len() < CODE_LENGTH {
        for byte in relais_core::secrets::random_bytes::<16>() {
            if code.len() < CODE_LENGTH
                && let Some(c) = code_character(byte)
            {
                code.push(c);
            }
        }
    }
    code
}

/// The character a random byte stands for; `None` for the bytes past the largest multiple of
/// the alphabet's size (248 = 8 × 31), drawn again so that no character is likelier than another.
fn code_character(byte: u8) -> Option<char> {
    let size = CODE_ALPHABET.len();
    let byte = usize::from(byte);
    (byte < 256 / size * size).then(|| char::from(CODE_ALPHABET[byte % size]))
}

/// Until when a code opens its diagnostic: the last day it works (Brussels) and the instant it
/// stops, [`CODE_VALID_DAYS`] whole days after the day the diagnostic ended (or started, while it
/// is not finished).
pub fn code_valid_until(d: &Diagnostic) -> (jiff::civil::Date, OffsetDateTime) {
    let from = d.finished_at.unwrap_or(d.started_at);
    let zone = relais_directory::schedule::zone();
    let day = jiff::Timestamp::from_second(from.unix_timestamp()).map(|t| t.to_zoned(zone.clone()).date()).unwrap_or_default();
    let last = day.saturating_add(jiff::Span::new().days(CODE_VALID_DAYS));
    let end = last.tomorrow().ok().and_then(|next| next.to_zoned(zone).ok()).map(|z| z.timestamp().as_second());
    let until = end.and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok()).unwrap_or(from + time::Duration::days(CODE_VALID_DAYS + 1));
    (last, until)
}

/// Whether a helper may still take the diagnostic over by its code: nobody holds it and the code
/// has not expired.
pub fn linkable(d: &Diagnostic, now: OffsetDateTime) -> bool {
    d.organisation_id.is_none() && now < code_valid_until(d).1
}

/// Who starts a diagnostic.
#[derive(Debug, Clone, Copy, Default)]
pub struct Starter {
    pub organisation_id: Option<Uuid>,
    pub helper_id: Option<Uuid>,
    pub person_id: Option<Uuid>,
    pub previous_id: Option<Uuid>,
}

/// Start a diagnostic (at the intake).
pub async fn start(db: &Db, mode: Mode, language: &str, starter: Starter) -> Result<Diagnostic, DbError> {
    let at = now();
    for _ in 0..5 {
        let id = Uuid::new_v4();
        let code = new_code();
        let seed = fastrand::u32(..) as i64;
        let inserted = on_db!(db, pool => sqlx::query(
            "INSERT INTO diagnostics (id, code, mode, language, organisation_id, person_id, helper_id, previous_id, stage, intake,
                postcode, seed, answers, result, modules, started_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'intake', '{}', '', $9, '[]', '[]', '', $10, $10) ON CONFLICT (code) DO NOTHING",
        )
        .bind(id)
        .bind(&code)
        .bind(mode.code())
        .bind(language)
        .bind(starter.organisation_id)
        .bind(starter.person_id)
        .bind(starter.helper_id)
        .bind(starter.previous_id)
        .bind(seed)
        .bind(at)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        if inserted == 1
            && let Some(d) = find(db, id).await?
        {
            return Ok(d);
        }
    }
    Err(DbError::Sqlx(sqlx::Error::Protocol("no free diagnostic code after five draws".into())))
}

pub async fn find(db: &Db, id: Uuid) -> Result<Option<Diagnostic>, DbError> {
    let sql = concat!("SELECT ", diagnostic_columns!(), " FROM diagnostics WHERE id = $1");
    let row = on_db!(db, pool => sqlx::query_as::<_, Row>(sql).bind(id).fetch_optional(pool).await)?;
    Ok(row.map(Row::into_diagnostic))
}

pub async fn find_by_code(db: &Db, code: &str) -> Result<Option<Diagnostic>, DbError> {
    let code: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_uppercase();
    let sql = concat!("SELECT ", diagnostic_columns!(), " FROM diagnostics WHERE code = $1");
    let row = on_db!(db, pool => sqlx::query_as::<_, Row>(sql).bind(code).fetch_optional(pool).await)?;
    Ok(row.map(Row::into_diagnostic))
}

/// The finished diagnostics of a person followed, newest first.
pub async fn of_person(db: &Db, organisation: Uuid, person: Uuid) -> Result<Vec<Diagnostic>, DbError> {
    let sql = concat!("SELECT ", diagnostic_columns!(), " FROM diagnostics WHERE organisation_id = $1 AND person_id = $2 AND stage = 'done' ORDER BY finished_at DESC");
    let rows = on_db!(db, pool => sqlx::query_as::<_, Row>(sql).bind(organisation).bind(person).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(Row::into_diagnostic).collect())
}

/// An organisation's diagnostics, newest first.
pub async fn of_organisation(db: &Db, organisation: Uuid, limit: i64) -> Result<Vec<Diagnostic>, DbError> {
    let sql = concat!("SELECT ", diagnostic_columns!(), " FROM diagnostics WHERE organisation_id = $1 ORDER BY started_at DESC LIMIT $2");
    let rows = on_db!(db, pool => sqlx::query_as::<_, Row>(sql).bind(organisation).bind(limit).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(Row::into_diagnostic).collect())
}

/// The latest finished diagnostics of every kind (the item bank's recalibration reads them).
pub async fn finished(db: &Db, limit: i64) -> Result<Vec<Diagnostic>, DbError> {
    let sql = concat!("SELECT ", diagnostic_columns!(), " FROM diagnostics WHERE stage = 'done' ORDER BY finished_at DESC LIMIT $1");
    let rows = on_db!(db, pool => sqlx::query_as::<_, Row>(sql).bind(limit).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(Row::into_diagnostic).collect())
}

/// Save the intake and move to the gate.
pub async fn save_intake(db: &Db, id: Uuid, intake: &Intake, postcode: &str) -> Result<bool, DbError> {
    let done = on_db!(db, pool => sqlx::query("UPDATE diagnostics SET intake = $2, postcode = $3, stage = 'gate', updated_at = $4 WHERE id = $1 AND stage = 'intake'")
        .bind(id)
        .bind(serde_json::to_string(intake).unwrap_or_default())
        .bind(postcode)
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// The new state after an answer.
pub struct Progress<'a> {
    pub answers: &'a [Answer],
    pub stage: Stage,
    pub result: &'a [AreaResult],
    pub modules: &'a [String],
}

/// Save the answers (and the result when the session ends) if the answers stored are still
/// `expected` — false when another submit got there first.
pub async fn save_progress(db: &Db, id: Uuid, expected: &[Answer], progress: Progress<'_>) -> Result<bool, DbError> {
    let at = now();
    let finished = (progress.stage == Stage::Done).then_some(at);
    let done = on_db!(db, pool => sqlx::query(
        "UPDATE diagnostics SET answers = $3, stage = $4, result = $5, modules = $6, updated_at = $7, finished_at = $8
         WHERE id = $1 AND answers = $2 AND stage <> 'done'",
    )
    .bind(id)
    .bind(serde_json::to_string(expected).unwrap_or_default())
    .bind(serde_json::to_string(progress.answers).unwrap_or_default())
    .bind(progress.stage.code())
    .bind(serde_json::to_string(progress.result).unwrap_or_default())
    .bind(progress.modules.join(" "))
    .bind(at)
    .bind(finished)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// A helper's choice of modules (overriding the recommendation).
pub async fn set_modules(db: &Db, id: Uuid, organisation: Uuid, modules: &[String]) -> Result<bool, DbError> {
    let done = on_db!(db, pool => sqlx::query("UPDATE diagnostics SET modules = $3, updated_at = $4 WHERE id = $1 AND organisation_id = $2")
        .bind(id)
        .bind(organisation)
        .bind(modules.join(" "))
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Link a diagnostic the person took alone to an organisation (and a person followed): only
/// once, only if nobody holds it yet.
pub async fn link(db: &Db, id: Uuid, organisation: Uuid, helper: Uuid, person: Option<Uuid>, previous: Option<Uuid>) -> Result<bool, DbError> {
    let done = on_db!(db, pool => sqlx::query(
        "UPDATE diagnostics SET organisation_id = $2, helper_id = $3, person_id = $4, previous_id = $5, updated_at = $6
         WHERE id = $1 AND organisation_id IS NULL",
    )
    .bind(id)
    .bind(organisation)
    .bind(helper)
    .bind(person)
    .bind(previous)
    .bind(now())
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Every area's result in framework order (for pages and tests).
pub fn ordered(result: &[AreaResult]) -> Vec<&AreaResult> {
    AREAS.iter().filter_map(|a| result.iter().find(|r| r.area == *a)).collect()
}

/// The previous finished diagnostic of the same person (if the diagnostic names one) and the
/// items their earlier diagnostics showed (a later diagnostic avoids them).
pub async fn history(db: &Db, d: &Diagnostic) -> Result<(Option<Diagnostic>, Vec<String>), DbError> {
    let (Some(organisation), Some(person)) = (d.organisation_id, d.person_id) else {
        return Ok((None, Vec::new()));
    };
    let earlier: Vec<Diagnostic> = of_person(db, organisation, person).await?.into_iter().filter(|e| e.id != d.id && e.started_at <= d.started_at).collect();
    let seen = earlier.iter().flat_map(|e| e.answers.iter().filter(|a| a.scored).map(|a| a.item.clone())).collect();
    Ok((earlier.into_iter().next(), seen))
}

/// Set when a diagnostic took place (the demo's history).
pub async fn backdate(db: &Db, id: Uuid, at: OffsetDateTime) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("UPDATE diagnostics SET started_at = $2, updated_at = $2, finished_at = $2 WHERE id = $1")
        .bind(id)
        .bind(at)
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_the_alphabet_and_the_length_and_every_character_is_equally_likely() {
        let codes: Vec<String> = (0..2000).map(|_| new_code()).collect();
        for code in &codes {
            assert_eq!(code.len(), CODE_LENGTH, "{code}");
            assert!(code.bytes().all(|c| CODE_ALPHABET.contains(&c)), "{code}");
        }
        let distinct: std::collections::BTreeSet<&String> = codes.iter().collect();
        assert!(distinct.len() > 1990, "{} distinct codes of 2000", distinct.len());
        // each character stands for exactly 8 of the 256 byte values, the last 8 are drawn again
        let mut counts = std::collections::BTreeMap::new();
        for byte in 0..=255u8 {
            if let Some(c) = code_character(byte) {
                *counts.entry(c).or_insert(0) += 1;
            } else {
                assert!(byte >= 248, "{byte} is used");
            }
        }
        assert_eq!(counts.len(), CODE_ALPHABET.len());
        assert!(counts.values().all(|n| *n == 8), "{counts:?}");
        assert!(!CODE_ALPHABET.iter().any(|c| b"0O1IL".contains(c)), "no look-alikes");
    }

    #[test]
    fn a_code_works_to_the_end_of_its_thirtieth_day_in_brussels() {
        let started = time::macros::datetime!(2026-12-01 20:30 UTC); // 21:30 in Brussels
        let d = Diagnostic {
            id: Uuid::nil(),
            code: "ABCDEF".into(),
            mode: Mode::Alone,
            language: "fr".into(),
            organisation_id: None,
            person_id: None,
            helper_id: None,
            previous_id: None,
            stage: Stage::Done,
            intake: Intake::default(),
            postcode: String::new(),
            seed: 0,
            answers: Vec::new(),
            result: Vec::new(),
            modules: Vec::new(),
            started_at: started - time::Duration::minutes(20),
            finished_at: Some(started),
        };
        let (last, until) = code_valid_until(&d);
        assert_eq!(last, jiff::civil::date(2026, 12, 31));
        assert_eq!(until, time::macros::datetime!(2026-12-31 23:00 UTC)); // midnight in Brussels
        assert!(linkable(&d, until - time::Duration::seconds(1)));
        assert!(!linkable(&d, until));
        assert!(!linkable(&Diagnostic { organisation_id: Some(Uuid::nil()), ..d }, started));
    }
}
