//! Shifts: a drop-in session states how many helpers it needs and which languages; helpers sign
//! up for a date or the series, withdraw, or ask for a swap; a coordinator assigns. A sign-up
//! never takes a place beyond the need, even when many arrive at once (`shift_slots`). The day
//! before, each helper signed up gets a reminder (a job). Hours helped are summed per helper and
//! month from the sessions' real elapsed time in Brussels.

use jiff::{
    Zoned,
    civil::{Date, Time},
};
use relais_core::{
    Db, DbError,
    dates::time_zone,
    i18n::Locale,
    jobs::{self, JobContext, JobError, NewJob},
    messages::{self, MessageTemplate, NewMessage},
    on_db,
};
use relais_directory::places::{self, Place};
use time::OffsetDateTime;
use uuid::Uuid;

/// How far ahead a series sign-up goes.
pub const SERIES_WEEKS: i64 = 12;
pub const REMINDER_JOB: &str = "helpers-shift-reminder";
/// The SMS a helper with only a mobile number gets the day before.
pub const SMS_SHIFT_REMINDER: &str = "sms-shift-reminder";
pub const SMS_TEMPLATES: &[relais_core::messages::SmsTemplate] =
    &[relais_core::messages::SmsTemplate { key: SMS_SHIFT_REMINDER, example: &[("place", "Espace public numérique de Charleroi-Centre"), ("when", "15/12 14:00")] }];

/// A helper's shift status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShiftStatus {
    SignedUp,
    /// Signed up, and asks someone to take it over.
    SwapAsked,
    Withdrawn,
}

impl ShiftStatus {
    pub fn code(self) -> &'static str {
        match self {
            ShiftStatus::SignedUp => "signed-up",
            ShiftStatus::SwapAsked => "swap-asked",
            ShiftStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(code: &str) -> Option<ShiftStatus> {
        [ShiftStatus::SignedUp, ShiftStatus::SwapAsked, ShiftStatus::Withdrawn].into_iter().find(|s| s.code() == code)
    }
}

/// What a session needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    pub helpers: i64,
    pub languages: Vec<String>,
}

/// One date of a drop-in session of the organisation.
#[derive(Debug, Clone)]
pub struct Occurrence {
    pub session_id: Uuid,
    pub place_id: Uuid,
    pub place: String,
    pub date: Date,
    pub start: Time,
    pub end: Time,
    pub need: Option<Need>,
}

impl Occurrence {
    /// When it starts, in Brussels.
    pub fn starts(&self) -> Option<Zoned> {
        self.date.to_datetime(self.start).to_zoned(time_zone().clone()).ok()
    }

    /// Elapsed minutes from start to end that day (a DST change counts what the clock ran).
    pub fn minutes(&self) -> i64 {
        let tz = time_zone().clone();
        match (self.date.to_datetime(self.start).to_zoned(tz.clone()), self.date.to_datetime(self.end).to_zoned(tz)) {
            (Ok(start), Ok(end)) => (end.timestamp().as_second() - start.timestamp().as_second()).max(0) / 60,
            _ => 0,
        }
    }
}

/// The organisation's drop-in session dates from `from` to `to` (inclusive), closures applied,
/// with what each needs; sorted by date and time.
pub async fn occurrences(db: &Db, organisation: Uuid, locale: Locale, from: Date, to: Date) -> Result<Vec<Occurrence>, DbError> {
    let needs = needs_of(db, organisation).await?;
    let mut found = Vec::new();
    for place in places::places_of(db, organisation).await? {
        let sessions = places::sessions_of(db, place.id).await?;
        if sessions.is_empty() {
            continue;
        }
        let exceptions: Vec<_> = places::exceptions_of(db, place.id).await?.into_iter().map(|e| e.exception).collect();
        let mut date = from;
        while date <= to {
            for s in &sessions {
                let r = &s.recurrence;
                if r.validate().is_ok() && r.occurs_on(date) && !exceptions.iter().any(|e| e.validate().is_ok() && e.cancels(date, r.start, r.end)) {
                    found.push(Occurrence {
                        session_id: s.id,
                        place_id: place.id,
                        place: name(&place, locale),
                        date,
                        start: r.start,
                        end: r.end,
                        need: needs.iter().find(|(id, _)| *id == s.id).map(|(_, n)| n.clone()),
                    });
                }
            }
            let Ok(next) = date.tomorrow() else { break };
            date = next;
        }
    }
    found.sort_by_key(|o| (o.date, o.start, o.place.clone()));
    Ok(found)
}

fn name(place: &Place, locale: Locale) -> String {
    place.name(locale).to_string()
}

/// What every session of the organisation needs.
pub async fn needs_of(db: &Db, organisation: Uuid) -> Result<Vec<(Uuid, Need)>, DbError> {
    let rows: Vec<(Uuid, i64, String)> = on_db!(db, pool => sqlx::query_as("SELECT session_id, helpers, languages FROM shift_needs WHERE organisation_id = $1")
        .bind(organisation)
        .fetch_all(pool)
        .await)?;
    Ok(rows.into_iter().map(|(id, helpers, languages)| (id, Need { helpers, languages: split(&languages) })).collect())
}

fn split(codes: &str) -> Vec<String> {
    codes.split(',').filter(|c| !c.is_empty()).map(str::to_string).collect()
}

/// Set what a session of the organisation needs (0 helpers: no shifts). `false` when the session
/// is not the organisation's.
pub async fn set_need(db: &Db, organisation: Uuid, session: Uuid, need: &Need) -> Result<bool, DbError> {
    let owned: Option<Uuid> = on_db!(db, pool => sqlx::query_scalar(
        "SELECT s.id FROM drop_in_sessions s JOIN places p ON p.id = s.place_id WHERE s.id = $1 AND p.organisation_id = $2",
    )
    .bind(session)
    .bind(organisation)
    .fetch_optional(pool)
    .await)?;
    if owned.is_none() {
        return Ok(false);
    }
    on_db!(db, pool => sqlx::query(
        "INSERT INTO shift_needs (session_id, organisation_id, helpers, languages) VALUES ($1, $2, $3, $4)
         ON CONFLICT (session_id) DO UPDATE SET helpers = excluded.helpers, languages = excluded.languages",
    )
    .bind(session)
    .bind(organisation)
    .bind(need.helpers)
    .bind(need.languages.join(","))
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(true)
}

/// A shift as the pages show it.
#[derive(Debug, Clone)]
pub struct Shift {
    pub id: Uuid,
    pub session_id: Uuid,
    pub date: Date,
    pub helper_id: Uuid,
    pub helper: String,
    pub languages: Vec<String>,
    pub status: ShiftStatus,
    pub minutes: i64,
}

/// The shifts (not withdrawn) of the organisation from `from` to `to`.
pub async fn shifts_between(db: &Db, organisation: Uuid, from: Date, to: Date) -> Result<Vec<Shift>, DbError> {
    /// (id, session, date, helper, name, languages, status, minutes)
    type ShiftRow = (Uuid, Uuid, String, Uuid, String, String, String, i64);
    let rows: Vec<ShiftRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT s.id, s.session_id, s.date, s.helper_id, COALESCE(u.display_name, h.name), h.languages, s.status, s.minutes
         FROM shifts s JOIN helpers h ON h.id = s.helper_id LEFT JOIN users u ON u.id = h.user_id
         WHERE s.organisation_id = $1 AND s.date >= $2 AND s.date <= $3 AND s.status <> 'withdrawn' ORDER BY s.date, s.created_at",
    )
    .bind(organisation)
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(pool)
    .await)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, session_id, date, helper_id, helper, languages, status, minutes)| {
            Some(Shift { id, session_id, date: date.parse().ok()?, helper_id, helper, languages: split(&languages), status: ShiftStatus::parse(&status)?, minutes })
        })
        .collect())
}

/// The places where a member helps on `date` (their shifts not withdrawn), earliest first:
/// (place, start in Brussels). "My session now" proposes them first.
pub async fn places_of_member_on(db: &Db, organisation: Uuid, user: Uuid, date: Date) -> Result<Vec<(Uuid, OffsetDateTime)>, DbError> {
    Ok(on_db!(db, pool => sqlx::query_as(
        "SELECT s.place_id, s.starts_at FROM shifts s JOIN helpers h ON h.id = s.helper_id
         WHERE s.organisation_id = $1 AND h.user_id = $2 AND s.date = $3 AND s.status <> 'withdrawn' ORDER BY s.starts_at",
    )
    .bind(organisation)
    .bind(user)
    .bind(date.to_string())
    .fetch_all(pool)
    .await)?)
}

/// Why a sign-up did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignUp {
    Done,
    /// Already signed up for that date.
    Already,
    /// Every place is taken.
    Full,
    /// The session does not need helpers that day (no need set, or not a date of it).
    NotNeeded,
}

/// Sign `helper` up for the occurrence (by themselves, or assigned by `assigned_by`). The place
/// is taken only while some are left: parallel sign-ups never exceed the need.
pub async fn sign_up(db: &Db, organisation: Uuid, occurrence: &Occurrence, helper: Uuid, assigned_by: Option<Uuid>, now: OffsetDateTime) -> Result<SignUp, DbError> {
    let Some(need) = occurrence.need.as_ref().filter(|n| n.helpers > 0) else { return Ok(SignUp::NotNeeded) };
    let Some(starts) = occurrence.starts() else { return Ok(SignUp::NotNeeded) };
    let starts_at = OffsetDateTime::from_unix_timestamp(starts.timestamp().as_second()).unwrap_or(now);
    let id = Uuid::new_v4();
    let date = occurrence.date.to_string();
    let outcome = on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("INSERT INTO shift_slots (session_id, date, taken) VALUES ($1, $2, 0) ON CONFLICT (session_id, date) DO NOTHING")
            .bind(occurrence.session_id)
            .bind(&date)
            .execute(&mut *tx)
            .await?;
        let taken = sqlx::query("UPDATE shift_slots SET taken = taken + 1 WHERE session_id = $1 AND date = $2 AND taken < $3")
            .bind(occurrence.session_id)
            .bind(&date)
            .bind(need.helpers)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if taken == 0 {
            // Full, unless this helper already holds one of the places.
            let mine: Option<String> = sqlx::query_scalar("SELECT status FROM shifts WHERE session_id = $1 AND date = $2 AND helper_id = $3")
                .bind(occurrence.session_id)
                .bind(&date)
                .bind(helper)
                .fetch_optional(&mut *tx)
                .await?;
            tx.rollback().await?;
            return Ok(if mine.is_some_and(|s| s != "withdrawn") { SignUp::Already } else { SignUp::Full });
        }
        let written = sqlx::query(
            "INSERT INTO shifts (id, organisation_id, session_id, place_id, date, helper_id, status, starts_at, minutes, assigned_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'signed-up', $7, $8, $9, $10, $10)
             ON CONFLICT (session_id, date, helper_id) DO UPDATE SET status = 'signed-up', assigned_by = excluded.assigned_by, updated_at = excluded.updated_at
             WHERE shifts.status = 'withdrawn'",
        )
        .bind(id)
        .bind(organisation)
        .bind(occurrence.session_id)
        .bind(occurrence.place_id)
        .bind(&date)
        .bind(helper)
        .bind(starts_at)
        .bind(occurrence.minutes())
        .bind(assigned_by)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if written == 0 {
            tx.rollback().await?;
            return Ok(SignUp::Already);
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(SignUp::Done)
    })?;
    if outcome == SignUp::Done && starts_at - time::Duration::days(1) > now {
        let payload = serde_json::json!({ "session": occurrence.session_id, "date": date, "helper": helper }).to_string();
        let key = format!("shift:{}:{date}:{helper}", occurrence.session_id);
        jobs::enqueue(db, &NewJob::new(REMINDER_JOB, starts_at - time::Duration::days(1)).key(key).payload(payload), now).await?;
    }
    Ok(outcome)
}

/// Withdraw from a shift (the place is free again). `false` when it is not the helper's or
/// already withdrawn.
pub async fn withdraw(db: &Db, organisation: Uuid, shift: Uuid, helper: Option<Uuid>, now: OffsetDateTime) -> Result<bool, DbError> {
    let done = on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        let row: Option<(Uuid, String)> = sqlx::query_as(
            "UPDATE shifts SET status = 'withdrawn', updated_at = $4 WHERE organisation_id = $1 AND id = $2 AND ($3 IS NULL OR helper_id = $3) AND status <> 'withdrawn'
             RETURNING session_id, date",
        )
        .bind(organisation)
        .bind(shift)
        .bind(helper)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((session, date)) = &row {
            sqlx::query("UPDATE shift_slots SET taken = taken - 1 WHERE session_id = $1 AND date = $2 AND taken > 0").bind(session).bind(date).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(row.is_some())
    })?;
    Ok(done)
}

/// Ask for a swap (the shift stays the helper's until someone takes it or they withdraw).
pub async fn ask_swap(db: &Db, organisation: Uuid, shift: Uuid, helper: Uuid, now: OffsetDateTime) -> Result<bool, DbError> {
    let done = on_db!(db, pool => sqlx::query("UPDATE shifts SET status = 'swap-asked', updated_at = $4 WHERE organisation_id = $1 AND id = $2 AND helper_id = $3 AND status = 'signed-up'")
        .bind(organisation)
        .bind(shift)
        .bind(helper)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Minutes helped per (helper, month `YYYY-MM`) of the organisation, for shifts on or before
/// `until`; one helper's only when `helper` is given.
pub async fn hours(db: &Db, organisation: Uuid, helper: Option<Uuid>, until: Date) -> Result<Vec<(Uuid, String, String, i64)>, DbError> {
    let rows: Vec<(Uuid, String, String, i64)> = on_db!(db, pool => sqlx::query_as(
        "SELECT s.helper_id, COALESCE(u.display_name, h.name), s.date, s.minutes
         FROM shifts s JOIN helpers h ON h.id = s.helper_id LEFT JOIN users u ON u.id = h.user_id
         WHERE s.organisation_id = $1 AND s.status <> 'withdrawn' AND s.date <= $2 AND ($3 IS NULL OR s.helper_id = $3)",
    )
    .bind(organisation)
    .bind(until.to_string())
    .bind(helper)
    .fetch_all(pool)
    .await)?;
    let mut sums: std::collections::BTreeMap<(String, String, Uuid), i64> = std::collections::BTreeMap::new();
    for (id, name, date, minutes) in rows {
        let month = date.get(..7).unwrap_or("").to_string();
        *sums.entry((month, name, id)).or_default() += minutes;
    }
    let mut out: Vec<(Uuid, String, String, i64)> = sums.into_iter().map(|((month, name, id), minutes)| (id, name, month, minutes)).collect();
    out.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
    Ok(out)
}

/// The jobs of the shifts.
pub fn jobs(runner: jobs::Runner) -> jobs::Runner {
    runner.handle(REMINDER_JOB, |ctx| async move { remind(&ctx).await })
}

/// The day before: the helper, if still signed up, gets an e-mail with the place, date and time.
async fn remind(ctx: &JobContext) -> Result<(), JobError> {
    #[derive(serde::Deserialize)]
    struct Payload {
        session: Uuid,
        date: String,
        helper: Uuid,
    }
    let payload: Payload = serde_json::from_str(&ctx.job.payload).map_err(|e| JobError(format!("payload: {e}")))?;
    let db = &ctx.db;
    /// (organisation, place, status, start, account's e-mail and language, profile's e-mail, phone)
    type ReminderRow = (Uuid, Uuid, String, OffsetDateTime, Option<String>, Option<String>, String, String);
    let row: Option<ReminderRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT s.organisation_id, s.place_id, s.status, s.starts_at, u.email, u.locale, h.email, h.phone
         FROM shifts s JOIN helpers h ON h.id = s.helper_id LEFT JOIN users u ON u.id = h.user_id
         WHERE s.session_id = $1 AND s.date = $2 AND s.helper_id = $3",
    )
    .bind(payload.session)
    .bind(&payload.date)
    .bind(payload.helper)
    .fetch_optional(pool)
    .await)
    .map_err(DbError::from)?;
    let Some((organisation, place, status, starts_at, user_email, locale, helper_email, phone)) = row else { return Ok(()) };
    if status == ShiftStatus::Withdrawn.code() {
        return Ok(());
    }
    let locale = locale.as_deref().and_then(Locale::parse).unwrap_or(Locale::Fr);
    let place = places::find_place(db, place).await?.map(|p| p.name(locale).to_string()).unwrap_or_default();
    let key = format!("shift-reminder:{}:{}:{}", payload.session, payload.date, payload.helper);
    let to = user_email.filter(|e| !e.is_empty() && !e.ends_with("@closed.invalid")).unwrap_or(helper_email);
    if to.is_empty() {
        // Only a phone: an SMS to a Belgian mobile; else nothing (the coordinator calls).
        let Some(mobile) = relais_core::sms::belgian_e164(&phone).filter(|n| relais_core::sms::is_belgian_mobile(n)) else { return Ok(()) };
        let when = relais_core::dates::zoned(starts_at).strftime("%d/%m %H:%M").to_string();
        let args = messages::fit_sms(SMS_SHIFT_REMINDER, locale, vec![("place", place), ("when", when)], "place");
        messages::queue(db, &NewMessage::new(Some(organisation), &mobile, locale, MessageTemplate::Sms(SMS_SHIFT_REMINDER), args).key(key), ctx.clock.now()).await?;
        return Ok(());
    }
    let args = vec![("place", place), ("when", relais_core::dates::local_datetime(starts_at))];
    let template = MessageTemplate::Email { subject: "shift-reminder-subject", body: "shift-reminder-body" };
    messages::queue(db, &NewMessage::new(Some(organisation), &to, locale, template, args).key(key), ctx.clock.now()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn occurrence(date: &str, start: &str, end: &str) -> Occurrence {
        Occurrence {
            session_id: Uuid::nil(),
            place_id: Uuid::nil(),
            place: String::new(),
            date: date.parse().unwrap(),
            start: start.parse().unwrap(),
            end: end.parse().unwrap(),
            need: None,
        }
    }

    #[test]
    fn a_session_lasts_what_the_clock_ran_across_dst() {
        assert_eq!(occurrence("2027-01-12", "09:00", "12:00").minutes(), 180);
        // 28 March 2027: at 02:00 the clocks go to 03:00 in Brussels.
        assert_eq!(occurrence("2027-03-28", "01:30", "03:30").minutes(), 60);
        // 31 October 2027: at 03:00 the clocks go back to 02:00.
        assert_eq!(occurrence("2027-10-31", "01:30", "03:30").minutes(), 180);
    }
}
