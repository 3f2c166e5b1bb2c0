//! The volunteer journey: an application from the public page, then each step with its date and
//! who recorded it — met (accepted: a helper profile is made), charter signed (the version in
//! force and the time are kept), onboarding training, first supervised shifts, autonomous — or
//! closed as declined or withdrawn, with a reason. The coordinators are told of each new
//! application; the referent (else the coordinators) is reminded at 7, 30, 60 and 90 days when
//! the step due by then is not reached (jobs, so once across processes and after a restart).

use relais_core::{
    Db, DbError,
    i18n::Locale,
    jobs::{self, JobContext, JobError, NewJob},
    messages::{self, MessageTemplate, NewMessage},
    on_db,
};
use relais_organisations::model::Role;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::helpers::{self, NewHelper, Status};

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    Applied,
    Met,
    CharterSigned,
    Trained,
    Supervised,
    Autonomous,
    Declined,
    Withdrawn,
}

impl Stage {
    pub const ALL: [Stage; 8] = [Stage::Applied, Stage::Met, Stage::CharterSigned, Stage::Trained, Stage::Supervised, Stage::Autonomous, Stage::Declined, Stage::Withdrawn];
    /// The steps of the journey, in order.
    pub const STEPS: [Stage; 6] = [Stage::Applied, Stage::Met, Stage::CharterSigned, Stage::Trained, Stage::Supervised, Stage::Autonomous];

    pub fn code(self) -> &'static str {
        match self {
            Stage::Applied => "applied",
            Stage::Met => "met",
            Stage::CharterSigned => "charter-signed",
            Stage::Trained => "trained",
            Stage::Supervised => "supervised",
            Stage::Autonomous => "autonomous",
            Stage::Declined => "declined",
            Stage::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(code: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn key(self) -> &'static str {
        match self {
            Stage::Applied => "stage-applied",
            Stage::Met => "stage-met",
            Stage::CharterSigned => "stage-charter-signed",
            Stage::Trained => "stage-trained",
            Stage::Supervised => "stage-supervised",
            Stage::Autonomous => "stage-autonomous",
            Stage::Declined => "stage-declined",
            Stage::Withdrawn => "stage-withdrawn",
        }
    }

    /// The step that follows (none once autonomous or closed).
    pub fn next(self) -> Option<Stage> {
        let i = Stage::STEPS.iter().position(|s| *s == self)?;
        Stage::STEPS.get(i + 1).copied()
    }

    pub fn is_closed(self) -> bool {
        matches!(self, Stage::Declined | Stage::Withdrawn)
    }
}

/// The onboarding reminders: (days after the application, the step that should be reached).
pub const REMINDERS: [(i64, Stage); 4] = [(7, Stage::Met), (30, Stage::CharterSigned), (60, Stage::Trained), (90, Stage::Autonomous)];
pub const REMINDER_JOB: &str = "helpers-onboarding-reminder";

/// An application.
#[derive(Debug, Clone)]
pub struct Application {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub helper_id: Option<Uuid>,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub locale: Locale,
    pub languages: Vec<String>,
    pub message: String,
    pub stage: Stage,
    pub closed_reason: String,
    pub charter_version: Option<i64>,
    pub charter_signed_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
}

/// A step recorded.
#[derive(Debug, Clone)]
pub struct Step {
    pub stage: Stage,
    pub note: String,
    pub done_by: Option<String>,
    pub done_at: OffsetDateTime,
}

/// What the public form sends.
#[derive(Debug, Clone)]
pub struct NewApplication {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub locale: Locale,
    pub languages: Vec<String>,
    pub message: String,
}

type Row = (Uuid, Uuid, Option<Uuid>, String, String, String, String, String, String, String, String, Option<i64>, Option<OffsetDateTime>, OffsetDateTime);
const COLUMNS: &str = "id, organisation_id, helper_id, name, email, phone, locale, languages, message, stage, closed_reason, charter_version, charter_signed_at, created_at";

fn application(
    (id, organisation_id, helper_id, name, email, phone, locale, languages, message, stage, closed_reason, charter_version, charter_signed_at, created_at): Row,
) -> Application {
    Application {
        id,
        organisation_id,
        helper_id,
        name,
        email,
        phone,
        locale: Locale::parse(&locale).unwrap_or(Locale::Fr),
        languages: languages.split(',').filter(|l| !l.is_empty()).map(str::to_string).collect(),
        message,
        stage: Stage::parse(&stage).unwrap_or(Stage::Applied),
        closed_reason,
        charter_version,
        charter_signed_at,
        created_at,
    }
}

/// Whether recording an application tells the coordinators and plans the reminders (the demo's
/// past applications do not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notify<'a> {
    /// Yes, with links to the instance's public address.
    Yes(&'a str),
    Quietly,
}

/// Record an application (`id` is the form's client id: the same twice is one application),
/// tell the coordinators and plan the onboarding reminders. `true` when it is new.
pub async fn apply(db: &Db, organisation: Uuid, group: Option<Uuid>, id: Uuid, new: &NewApplication, notify: Notify<'_>, now: OffsetDateTime) -> Result<bool, DbError> {
    let inserted = on_db!(db, pool => sqlx::query(
        "INSERT INTO applications (id, organisation_id, group_id, helper_id, name, email, phone, locale, languages, message, stage, closed_reason, charter_version, charter_signed_at, created_at, updated_at)
         VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, $8, $9, 'applied', '', NULL, NULL, $10, $10) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(organisation)
    .bind(group)
    .bind(&new.name)
    .bind(&new.email)
    .bind(&new.phone)
    .bind(new.locale.code())
    .bind(new.languages.join(","))
    .bind(&new.message)
    .bind(now)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    if inserted == 0 {
        return Ok(false);
    }
    record_step(db, id, Stage::Applied, "", None, now).await?;
    let Notify::Yes(public_url) = notify else { return Ok(true) };
    let link = format!("{public_url}/organisations/{}/applications/{id}", slug_of(db, organisation).await?);
    for (email, locale) in coordinators(db, organisation).await? {
        let args = vec![("name", new.name.clone()), ("link", link.clone())];
        let template = MessageTemplate::Email { subject: "application-mail-subject", body: "application-mail-body" };
        messages::queue(db, &NewMessage::new(Some(organisation), &email, locale, template, args).key(format!("application:{id}:{email}")), now).await?;
    }
    for (days, _) in REMINDERS {
        let payload = serde_json::json!({ "application": id, "days": days, "link": link }).to_string();
        jobs::enqueue(db, &NewJob::new(REMINDER_JOB, now + Duration::days(days)).key(format!("onboarding:{id}:{days}")).payload(payload), now).await?;
    }
    Ok(true)
}

async fn slug_of(db: &Db, organisation: Uuid) -> Result<String, DbError> {
    Ok(on_db!(db, pool => sqlx::query_scalar("SELECT slug FROM organisations WHERE id = $1").bind(organisation).fetch_one(pool).await)?)
}

/// The active coordinators' e-mail and language.
async fn coordinators(db: &Db, organisation: Uuid) -> Result<Vec<(String, Locale)>, DbError> {
    let rows: Vec<(String, String)> = on_db!(db, pool => sqlx::query_as(
        "SELECT u.email, u.locale FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.organisation_id = $1 AND m.role = $2 AND m.active = $3 AND u.active = $3 ORDER BY u.email",
    )
    .bind(organisation)
    .bind(Role::Coordinator.as_str())
    .bind(true)
    .fetch_all(pool)
    .await)?;
    Ok(rows.into_iter().map(|(email, locale)| (email, Locale::parse(&locale).unwrap_or(Locale::Fr))).collect())
}

/// The organisation's applications, newest first.
pub async fn list(db: &Db, organisation: Uuid) -> Result<Vec<Application>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM applications WHERE organisation_id = $1 ORDER BY created_at DESC, id");
    let rows: Vec<Row> = on_db!(db, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(organisation).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(application).collect())
}

/// One application of the organisation, with its steps (oldest first).
pub async fn find(db: &Db, organisation: Uuid, id: Uuid) -> Result<Option<(Application, Vec<Step>)>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM applications WHERE organisation_id = $1 AND id = $2");
    let row: Option<Row> = on_db!(db, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(organisation).bind(id).fetch_optional(pool).await)?;
    let Some(row) = row else { return Ok(None) };
    let steps: Vec<(String, String, Option<String>, OffsetDateTime)> = on_db!(db, pool => sqlx::query_as(
        "SELECT s.step, s.note, u.display_name, s.done_at FROM application_steps s LEFT JOIN users u ON u.id = s.done_by
         WHERE s.application_id = $1 ORDER BY s.done_at, s.id",
    )
    .bind(id)
    .fetch_all(pool)
    .await)?;
    let steps = steps.into_iter().filter_map(|(stage, note, done_by, done_at)| Some(Step { stage: Stage::parse(&stage)?, note, done_by, done_at })).collect();
    Ok(Some((application(row), steps)))
}

async fn record_step(db: &Db, application: Uuid, stage: Stage, note: &str, by: Option<Uuid>, now: OffsetDateTime) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("INSERT INTO application_steps (id, application_id, step, note, done_by, done_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(Uuid::new_v4())
        .bind(application)
        .bind(stage.code())
        .bind(note)
        .bind(by)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Why a step was not recorded.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not the next step (already recorded: a double submit; or closed).
    NotNext,
    /// The charter step needs a charter published first.
    NoCharter,
}

/// Record the next step. Moving to "met" makes the helper profile (a volunteer without an
/// account yet); "charter signed" keeps the charter's version in force and the time.
pub async fn advance(db: &Db, organisation: Uuid, id: Uuid, to: Stage, note: &str, by: Uuid, now: OffsetDateTime) -> Result<Result<(), Refused>, DbError> {
    let Some((app, _)) = find(db, organisation, id).await? else { return Ok(Err(Refused::NotNext)) };
    if app.stage.next() != Some(to) {
        return Ok(Err(Refused::NotNext));
    }
    let charter = if to == Stage::CharterSigned {
        match current_charter(db, organisation).await? {
            Some(c) => Some(c.version),
            None => return Ok(Err(Refused::NoCharter)),
        }
    } else {
        None
    };
    // Only from the stage read: two coordinators recording the same step make one.
    let moved = on_db!(db, pool => sqlx::query(
        "UPDATE applications SET stage = $4, updated_at = $5,
                charter_version = COALESCE($6, charter_version),
                charter_signed_at = CASE WHEN $7 THEN $5 ELSE charter_signed_at END
         WHERE organisation_id = $1 AND id = $2 AND stage = $3",
    )
    .bind(organisation)
    .bind(id)
    .bind(app.stage.code())
    .bind(to.code())
    .bind(now)
    .bind(charter)
    .bind(charter.is_some())
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    if moved == 0 {
        return Ok(Err(Refused::NotNext));
    }
    record_step(db, id, to, note, Some(by), now).await?;
    if to == Stage::Met && app.helper_id.is_none() {
        let new = NewHelper {
            name: app.name.clone(),
            email: app.email.clone(),
            phone: app.phone.clone(),
            job_family: "volunteer".into(),
            languages: app.languages.clone(),
            started_on: Some(relais_core::dates::local_date_of(now)),
        };
        let (helper, _) = helpers::create(db, organisation, Some(id), &new, by, now).await?;
        on_db!(db, pool => sqlx::query("UPDATE applications SET helper_id = $2 WHERE id = $1").bind(id).bind(helper).execute(pool).await.map(|_| ()))?;
        helpers::set_referent(db, organisation, helper, by).await?;
    }
    Ok(Ok(()))
}

/// Close an open application (declined or withdrawn, with the reason); the helper, if any, has
/// left. `false` when it was already closed.
pub async fn close(db: &Db, organisation: Uuid, id: Uuid, how: Stage, reason: &str, by: Uuid, now: OffsetDateTime) -> Result<bool, DbError> {
    if !how.is_closed() {
        return Ok(false);
    }
    let closed = on_db!(db, pool => sqlx::query(
        "UPDATE applications SET stage = $3, closed_reason = $4, updated_at = $5 WHERE organisation_id = $1 AND id = $2 AND stage NOT IN ('declined', 'withdrawn')",
    )
    .bind(organisation)
    .bind(id)
    .bind(how.code())
    .bind(reason)
    .bind(now)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    if closed == 0 {
        return Ok(false);
    }
    record_step(db, id, how, reason, Some(by), now).await?;
    if let Some((app, _)) = find(db, organisation, id).await?
        && let Some(helper) = app.helper_id
    {
        helpers::set_status(db, organisation, helper, Status::Left, reason, by, now).await?;
    }
    Ok(true)
}

/// The charter in force.
#[derive(Debug, Clone)]
pub struct Charter {
    pub version: i64,
    /// fr, nl, de, en
    pub texts: [String; 4],
    pub created_at: OffsetDateTime,
}

impl Charter {
    pub fn text(&self, locale: Locale) -> &str {
        let i = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
        let text = &self.texts[i];
        if text.trim().is_empty() { self.texts.iter().find(|t| !t.trim().is_empty()).map(String::as_str).unwrap_or("") } else { text }
    }
}

/// The latest version of the organisation's charter.
pub async fn current_charter(db: &Db, organisation: Uuid) -> Result<Option<Charter>, DbError> {
    charter(db, organisation, None).await
}

/// A version of the charter (the latest when `None`).
pub async fn charter(db: &Db, organisation: Uuid, version: Option<i64>) -> Result<Option<Charter>, DbError> {
    let row: Option<(i64, String, String, String, String, OffsetDateTime)> = on_db!(db, pool => sqlx::query_as(
        "SELECT version, text_fr, text_nl, text_de, text_en, created_at FROM charters
         WHERE organisation_id = $1 AND ($2 IS NULL OR version = $2) ORDER BY version DESC LIMIT 1",
    )
    .bind(organisation)
    .bind(version)
    .fetch_optional(pool)
    .await)?;
    Ok(row.map(|(version, fr, nl, de, en, created_at)| Charter { version, texts: [fr, nl, de, en], created_at }))
}

/// Publish a new version (the previous ones are kept: what each volunteer signed stays readable).
pub async fn publish_charter(db: &Db, organisation: Uuid, texts: &[String; 4], by: Uuid, now: OffsetDateTime) -> Result<i64, DbError> {
    for _ in 0..3 {
        let next = current_charter(db, organisation).await?.map_or(1, |c| c.version + 1);
        let inserted = on_db!(db, pool => sqlx::query(
            "INSERT INTO charters (organisation_id, version, text_fr, text_nl, text_de, text_en, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (organisation_id, version) DO NOTHING",
        )
        .bind(organisation)
        .bind(next)
        .bind(&texts[0])
        .bind(&texts[1])
        .bind(&texts[2])
        .bind(&texts[3])
        .bind(by)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        if inserted == 1 {
            return Ok(next);
        }
    }
    Err(DbError::Sqlx(sqlx::Error::Protocol("charter version taken three times".into())))
}

/// Link the application's helper profile to the account made by the invitation.
pub async fn link_account(db: &Db, organisation: Uuid, application: &Application, user: Uuid) -> Result<(), DbError> {
    let Some(helper) = application.helper_id else { return Ok(()) };
    on_db!(db, pool => sqlx::query(
        "UPDATE helpers SET user_id = $3 WHERE organisation_id = $1 AND id = $2 AND user_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM helpers h WHERE h.organisation_id = $1 AND h.user_id = $3)",
    )
    .bind(organisation)
    .bind(helper)
    .bind(user)
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// The jobs of the area.
pub fn jobs(runner: jobs::Runner) -> jobs::Runner {
    runner.handle(REMINDER_JOB, |ctx| async move { remind(&ctx).await })
}

/// One reminder: if the step due by then is not reached (and the application is open), the
/// referent — else the coordinators — gets an e-mail.
async fn remind(ctx: &JobContext) -> Result<(), JobError> {
    #[derive(serde::Deserialize)]
    struct Payload {
        application: Uuid,
        days: i64,
        link: String,
    }
    let payload: Payload = serde_json::from_str(&ctx.job.payload).map_err(|e| JobError(format!("payload: {e}")))?;
    let db = &ctx.db;
    let organisation: Option<Uuid> =
        on_db!(db, pool => sqlx::query_scalar("SELECT organisation_id FROM applications WHERE id = $1").bind(payload.application).fetch_optional(pool).await)
            .map_err(DbError::from)?;
    let Some(organisation) = organisation else { return Ok(()) }; // erased
    let Some((app, _)) = find(db, organisation, payload.application).await? else { return Ok(()) };
    let Some((_, due)) = REMINDERS.iter().find(|(d, _)| *d == payload.days) else { return Ok(()) };
    if app.stage.is_closed() || app.stage >= *due {
        return Ok(());
    }
    let referent = match app.helper_id {
        Some(h) => helpers::find(db, organisation, h).await?.and_then(|p| p.helper.referent_id),
        None => None,
    };
    let to = match referent {
        Some(user) => organisations_user(db, user).await?.into_iter().collect(),
        None => coordinators(db, organisation).await?,
    };
    for (email, locale) in to {
        let tr = relais_core::i18n::Tr::new(locale);
        let args = vec![("name", app.name.clone()), ("days", payload.days.to_string()), ("step", tr.t(due.key())), ("link", payload.link.clone())];
        let template = MessageTemplate::Email { subject: "onboarding-reminder-subject", body: "onboarding-reminder-body" };
        let key = format!("onboarding:{}:{}:{email}", app.id, payload.days);
        messages::queue(db, &NewMessage::new(Some(organisation), &email, locale, template, args).key(key), ctx.clock.now()).await?;
    }
    Ok(())
}

async fn organisations_user(db: &Db, user: Uuid) -> Result<Option<(String, Locale)>, DbError> {
    let row: Option<(String, String, bool)> = on_db!(db, pool => sqlx::query_as("SELECT email, locale, active FROM users WHERE id = $1").bind(user).fetch_optional(pool).await)?;
    Ok(row.filter(|(_, _, active)| *active).map(|(email, locale, _)| (email, Locale::parse(&locale).unwrap_or(Locale::Fr))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_follow_each_other_and_closed_ones_end_it() {
        assert_eq!(Stage::Applied.next(), Some(Stage::Met));
        assert_eq!(Stage::Supervised.next(), Some(Stage::Autonomous));
        assert_eq!(Stage::Autonomous.next(), None);
        assert_eq!(Stage::Declined.next(), None);
        for s in Stage::ALL {
            assert_eq!(Stage::parse(s.code()), Some(s));
        }
        assert!(Stage::Trained > Stage::CharterSigned);
    }
}
