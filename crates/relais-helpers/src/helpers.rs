//! Helper profiles: every member of an organisation who helps (coordinators, workers,
//! volunteers; not viewers) has one, made the first time the list is opened, and a volunteer can
//! have one before their account. A profile holds the job family (the shared list), languages
//! spoken, the five areas self-rated, when and where they can help, a referent, the start date
//! and the status with its history.

use relais_core::{Db, DbError, on_db};
use relais_diagnostics::framework::{AREAS, Area};
use relais_organisations::model::Role;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// Where a helper stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Helps now.
    Active,
    /// Stopped for a while (leave, exams, illness).
    Paused,
    /// Does not help any more.
    Left,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Active, Status::Paused, Status::Left];

    pub fn code(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Paused => "paused",
            Status::Left => "left",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Fluent key of its label.
    pub fn key(self) -> &'static str {
        match self {
            Status::Active => "helper-status-active",
            Status::Paused => "helper-status-paused",
            Status::Left => "helper-status-left",
        }
    }
}

/// A part of the day a helper can help in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Morning,
    Afternoon,
    Evening,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Morning, Part::Afternoon, Part::Evening];

    pub fn code(self) -> &'static str {
        match self {
            Part::Morning => "morning",
            Part::Afternoon => "afternoon",
            Part::Evening => "evening",
        }
    }

    pub fn parse(code: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn key(self) -> &'static str {
        match self {
            Part::Morning => "helper-part-morning",
            Part::Afternoon => "helper-part-afternoon",
            Part::Evening => "helper-part-evening",
        }
    }
}

/// When a member closes their account: their profiles lose the phone and they have left (the
/// name shown is the account's pseudonym; shifts and hours stay, as statistics).
pub const ACCOUNT_CLOSURE: &[relais_core::area::AccountClosure] = &["UPDATE helpers SET phone = '', email = '', name = '', status = 'left' WHERE user_id = $1"];

/// Self-rated skill in an area: 1 (I am learning) to 4 (I can teach it).
pub const SKILL_LEVELS: std::ops::RangeInclusive<i64> = 1..=4;

/// The Fluent key of a self-rated level.
pub fn skill_key(level: i64) -> &'static str {
    match level {
        1 => "helper-skill-1",
        2 => "helper-skill-2",
        3 => "helper-skill-3",
        _ => "helper-skill-4",
    }
}

/// One helper as the list shows them.
#[derive(Debug, Clone)]
pub struct Helper {
    pub id: Uuid,
    pub organisation_id: Uuid,
    /// Their account, once they have one.
    pub user_id: Option<Uuid>,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub job_family: String,
    pub languages: Vec<String>,
    pub referent_id: Option<Uuid>,
    pub started_on: Option<Date>,
    pub status: Status,
    /// Their role in the organisation (members only).
    pub role: Option<Role>,
}

/// A status change: what, why, who and when.
#[derive(Debug, Clone)]
pub struct StatusChange {
    pub status: Status,
    pub reason: String,
    pub changed_by: Option<String>,
    pub changed_at: OffsetDateTime,
}

/// A helper in full.
#[derive(Debug, Clone)]
pub struct Profile {
    pub helper: Helper,
    /// Self-rated level per area (areas not rated are absent).
    pub skills: Vec<(Area, i64)>,
    /// (weekday 1 = Monday … 7, part of the day)
    pub availability: Vec<(u8, Part)>,
    pub places: Vec<Uuid>,
    pub history: Vec<StatusChange>,
}

/// What a coordinator (or the helper, for their own profile) saves.
#[derive(Debug, Clone, Default)]
pub struct Change {
    pub job_family: String,
    pub languages: Vec<String>,
    pub referent_id: Option<Uuid>,
    pub started_on: Option<Date>,
    /// Name, e-mail and phone of a helper without an account (a member's come from the account).
    pub contact: Option<(String, String, String)>,
    pub skills: Vec<(Area, i64)>,
    pub availability: Vec<(u8, Part)>,
    pub places: Vec<Uuid>,
}

/// A helper without an account yet (a volunteer before their invitation).
#[derive(Debug, Clone)]
pub struct NewHelper {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub job_family: String,
    pub languages: Vec<String>,
    pub started_on: Option<Date>,
}

type Row = (Uuid, Uuid, Option<Uuid>, String, String, String, String, String, Option<Uuid>, String, String, Option<String>);

const SELECT: &str = "SELECT h.id, h.organisation_id, h.user_id, COALESCE(u.display_name, h.name), COALESCE(u.email, h.email), h.phone, h.job_family,
            h.languages, h.referent_id, h.started_on, h.status, m.role
     FROM helpers h
     LEFT JOIN users u ON u.id = h.user_id
     LEFT JOIN memberships m ON m.user_id = h.user_id AND m.organisation_id = h.organisation_id";

fn helper((id, organisation_id, user_id, name, email, phone, job_family, languages, referent_id, started_on, status, role): Row) -> Helper {
    Helper {
        id,
        organisation_id,
        user_id,
        name,
        email,
        phone,
        job_family,
        languages: languages.split(',').filter(|l| !l.is_empty()).map(str::to_string).collect(),
        referent_id,
        started_on: parse_date(&started_on),
        status: Status::parse(&status).unwrap_or(Status::Active),
        role: role.as_deref().and_then(Role::parse),
    }
}

/// `YYYY-MM-DD`, or nothing.
pub fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text.trim(), time::macros::format_description!("[year]-[month]-[day]")).ok()
}

fn date_text(date: Option<Date>) -> String {
    date.map(|d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())).unwrap_or_default()
}

/// The job family a member starts with, from their role.
fn default_family(role: Role) -> &'static str {
    if role == Role::Volunteer { "volunteer" } else { "other" }
}

/// Give every active member who helps (not viewers) a profile if they have none. Idempotent, safe
/// when two requests do it at once.
pub async fn ensure_members(db: &Db, organisation: Uuid, now: OffsetDateTime) -> Result<(), DbError> {
    let missing: Vec<(Uuid, String, OffsetDateTime)> = on_db!(db, pool => sqlx::query_as(
        "SELECT m.user_id, m.role, m.created_at FROM memberships m
         WHERE m.organisation_id = $1 AND m.active = $2 AND m.role <> 'viewer'
           AND NOT EXISTS (SELECT 1 FROM helpers h WHERE h.organisation_id = m.organisation_id AND h.user_id = m.user_id)",
    )
    .bind(organisation)
    .bind(true)
    .fetch_all(pool)
    .await)?;
    for (user, role, since) in missing {
        let Some(role) = Role::parse(&role) else { continue };
        let id = Uuid::new_v4();
        let started = date_text(Some(relais_core::dates::local_date_of(since)));
        let inserted = on_db!(db, pool => sqlx::query(
            "INSERT INTO helpers (id, organisation_id, user_id, name, email, phone, job_family, languages, referent_id, started_on, status, created_at, updated_at)
             VALUES ($1, $2, $3, '', '', '', $4, '', NULL, $5, 'active', $6, $6) ON CONFLICT (organisation_id, user_id) DO NOTHING",
        )
        .bind(id)
        .bind(organisation)
        .bind(user)
        .bind(default_family(role))
        .bind(&started)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        if inserted == 1 {
            record_status(db, id, Status::Active, "", None, now).await?;
        }
    }
    Ok(())
}

/// The organisation's helpers: active first, then by name.
pub async fn list(db: &Db, organisation: Uuid) -> Result<Vec<Helper>, DbError> {
    let sql = format!("{SELECT} WHERE h.organisation_id = $1");
    let rows: Vec<Row> = on_db!(db, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(organisation).fetch_all(pool).await)?;
    let mut helpers: Vec<Helper> = rows.into_iter().map(helper).collect();
    helpers.sort_by_key(|h| (h.status != Status::Active, h.status == Status::Left, h.name.to_lowercase()));
    Ok(helpers)
}

/// One helper of the organisation, in full; `None` for another organisation's.
pub async fn find(db: &Db, organisation: Uuid, id: Uuid) -> Result<Option<Profile>, DbError> {
    let sql = format!("{SELECT} WHERE h.organisation_id = $1 AND h.id = $2");
    let row: Option<Row> = on_db!(db, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(organisation).bind(id).fetch_optional(pool).await)?;
    let Some(row) = row else { return Ok(None) };
    let helper = helper(row);
    let skills: Vec<(String, i64)> = on_db!(db, pool => sqlx::query_as("SELECT area, level FROM helper_skills WHERE helper_id = $1").bind(id).fetch_all(pool).await)?;
    let availability: Vec<(i64, String)> =
        on_db!(db, pool => sqlx::query_as("SELECT weekday, part FROM helper_availability WHERE helper_id = $1 ORDER BY weekday").bind(id).fetch_all(pool).await)?;
    let places: Vec<Uuid> = on_db!(db, pool => sqlx::query_scalar("SELECT place_id FROM helper_places WHERE helper_id = $1").bind(id).fetch_all(pool).await)?;
    let history: Vec<(String, String, Option<String>, OffsetDateTime)> = on_db!(db, pool => sqlx::query_as(
        "SELECT s.status, s.reason, u.display_name, s.changed_at FROM helper_statuses s
         LEFT JOIN users u ON u.id = s.changed_by WHERE s.helper_id = $1 ORDER BY s.changed_at DESC, s.id",
    )
    .bind(id)
    .fetch_all(pool)
    .await)?;
    let mut skills: Vec<(Area, i64)> = skills.into_iter().filter_map(|(a, l)| Some((Area::parse(&a)?, l))).collect();
    skills.sort_by_key(|(a, _)| AREAS.iter().position(|x| x == a));
    let mut availability: Vec<(u8, Part)> = availability.into_iter().filter_map(|(d, p)| Some((u8::try_from(d).ok()?, Part::parse(&p)?))).collect();
    availability.sort();
    Ok(Some(Profile {
        helper,
        skills,
        availability,
        places,
        history: history
            .into_iter()
            .filter_map(|(status, reason, changed_by, changed_at)| Some(StatusChange { status: Status::parse(&status)?, reason, changed_by, changed_at }))
            .collect(),
    }))
}

/// The profile of a member of the organisation, if they have one.
pub async fn of_member(db: &Db, organisation: Uuid, user: Uuid) -> Result<Option<Uuid>, DbError> {
    Ok(on_db!(db, pool => sqlx::query_scalar("SELECT id FROM helpers WHERE organisation_id = $1 AND user_id = $2").bind(organisation).bind(user).fetch_optional(pool).await)?)
}

/// Add a helper without an account. `id` is the form's client id when it has one: the same id
/// twice (a double submit) adds one helper. (id, whether it was added now)
pub async fn create(db: &Db, organisation: Uuid, id: Option<Uuid>, new: &NewHelper, by: Uuid, now: OffsetDateTime) -> Result<(Uuid, bool), DbError> {
    let id = id.unwrap_or_else(Uuid::new_v4);
    let inserted = on_db!(db, pool => sqlx::query(
        "INSERT INTO helpers (id, organisation_id, user_id, name, email, phone, job_family, languages, referent_id, started_on, status, created_at, updated_at)
         VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, NULL, $8, 'active', $9, $9) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(organisation)
    .bind(&new.name)
    .bind(&new.email)
    .bind(&new.phone)
    .bind(&new.job_family)
    .bind(new.languages.join(","))
    .bind(date_text(new.started_on))
    .bind(now)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    if inserted == 1 {
        record_status(db, id, Status::Active, "", Some(by), now).await?;
        return Ok((id, true));
    }
    // Already there: the same organisation's (a double submit), else a fresh id.
    let owner: Option<Uuid> = on_db!(db, pool => sqlx::query_scalar("SELECT organisation_id FROM helpers WHERE id = $1").bind(id).fetch_optional(pool).await)?;
    if owner == Some(organisation) { Ok((id, false)) } else { Box::pin(create(db, organisation, None, new, by, now)).await }
}

/// Set the referent of a helper.
pub async fn set_referent(db: &Db, organisation: Uuid, id: Uuid, referent: Uuid) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("UPDATE helpers SET referent_id = $3 WHERE organisation_id = $1 AND id = $2").bind(organisation).bind(id).bind(referent).execute(pool).await.map(|_| ()))?;
    Ok(())
}

/// The phone of a member's profile (their account has none).
pub async fn set_phone(db: &Db, organisation: Uuid, id: Uuid, phone: &str) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("UPDATE helpers SET phone = $3 WHERE organisation_id = $1 AND id = $2").bind(organisation).bind(id).bind(phone).execute(pool).await.map(|_| ()))?;
    Ok(())
}

/// Save a profile (everything but the status) in one transaction; `false` when the helper is not
/// the organisation's.
pub async fn save(db: &Db, organisation: Uuid, id: Uuid, change: &Change, now: OffsetDateTime) -> Result<bool, DbError> {
    let languages = change.languages.join(",");
    let started = date_text(change.started_on);
    let saved = on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        let updated = sqlx::query(
            "UPDATE helpers SET job_family = $3, languages = $4, referent_id = $5, started_on = $6, updated_at = $7 WHERE organisation_id = $1 AND id = $2",
        )
        .bind(organisation)
        .bind(id)
        .bind(&change.job_family)
        .bind(&languages)
        .bind(change.referent_id)
        .bind(&started)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 1 {
            if let Some((name, email, phone)) = &change.contact {
                sqlx::query("UPDATE helpers SET name = $2, email = $3, phone = $4 WHERE id = $1 AND user_id IS NULL")
                    .bind(id)
                    .bind(name)
                    .bind(email)
                    .bind(phone)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query("DELETE FROM helper_skills WHERE helper_id = $1").bind(id).execute(&mut *tx).await?;
            for (area, level) in &change.skills {
                sqlx::query("INSERT INTO helper_skills (helper_id, area, level) VALUES ($1, $2, $3)").bind(id).bind(area.code()).bind(*level).execute(&mut *tx).await?;
            }
            sqlx::query("DELETE FROM helper_availability WHERE helper_id = $1").bind(id).execute(&mut *tx).await?;
            for (weekday, part) in &change.availability {
                sqlx::query("INSERT INTO helper_availability (helper_id, weekday, part) VALUES ($1, $2, $3)")
                    .bind(id)
                    .bind(i64::from(*weekday))
                    .bind(part.code())
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query("DELETE FROM helper_places WHERE helper_id = $1").bind(id).execute(&mut *tx).await?;
            for place in &change.places {
                sqlx::query("INSERT INTO helper_places (helper_id, place_id) VALUES ($1, $2)").bind(id).bind(*place).execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(updated.rows_affected() == 1)
    })?;
    Ok(saved)
}

/// Change the status (recorded in the history with the reason and who changed it); `false` when
/// the helper is not the organisation's or already has that status.
pub async fn set_status(db: &Db, organisation: Uuid, id: Uuid, status: Status, reason: &str, by: Uuid, now: OffsetDateTime) -> Result<bool, DbError> {
    let updated = on_db!(db, pool => sqlx::query("UPDATE helpers SET status = $3, updated_at = $4 WHERE organisation_id = $1 AND id = $2 AND status <> $3")
        .bind(organisation)
        .bind(id)
        .bind(status.code())
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    if updated == 0 {
        return Ok(false);
    }
    record_status(db, id, status, reason, Some(by), now).await?;
    Ok(true)
}

async fn record_status(db: &Db, helper: Uuid, status: Status, reason: &str, by: Option<Uuid>, now: OffsetDateTime) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("INSERT INTO helper_statuses (id, helper_id, status, reason, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(Uuid::new_v4())
        .bind(helper)
        .bind(status.code())
        .bind(reason)
        .bind(by)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// The organisation's headcount per job family (families without one are absent).
pub async fn headcounts(db: &Db, organisation: Uuid) -> Result<Vec<(String, i64)>, DbError> {
    Ok(on_db!(db, pool => sqlx::query_as("SELECT job_family, headcount FROM headcounts WHERE organisation_id = $1 ORDER BY job_family")
        .bind(organisation)
        .fetch_all(pool)
        .await)?)
}

/// Set the headcount of each job family listed; `None` clears it.
pub async fn set_headcounts(db: &Db, organisation: Uuid, counts: &[(String, Option<i64>)]) -> Result<(), DbError> {
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        for (family, count) in counts {
            sqlx::query("DELETE FROM headcounts WHERE organisation_id = $1 AND job_family = $2").bind(organisation).bind(family).execute(&mut *tx).await?;
            if let Some(count) = count {
                sqlx::query("INSERT INTO headcounts (organisation_id, job_family, headcount) VALUES ($1, $2, $3)")
                    .bind(organisation)
                    .bind(family)
                    .bind(*count)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(())
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_codes_round_trip() {
        let date = parse_date("2025-03-01");
        assert_eq!(date_text(date), "2025-03-01");
        assert_eq!(parse_date("1/3/2025"), None);
        assert_eq!(date_text(None), "");
        for s in Status::ALL {
            assert_eq!(Status::parse(s.code()), Some(s));
        }
        for p in Part::ALL {
            assert_eq!(Part::parse(p.code()), Some(p));
        }
        assert_eq!(default_family(Role::Volunteer), "volunteer");
    }
}
