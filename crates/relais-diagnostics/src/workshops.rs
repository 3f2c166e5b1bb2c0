//! Workshops: a session of a catalogue module at a place, in one meeting or a series, with its
//! capacity, language, device and facilitators; registrations (booked or on the waiting list),
//! cancellation with automatic promotion of the first person waiting, and attendance.
//!
//! No overbooking, on either engine: every change to a workshop's registrations runs in one
//! transaction that first updates the workshop's own row (a write lock on PostgreSQL, the
//! database's write lock on SQLite), then counts and decides.

use relais_core::clock::now;
use relais_core::{Db, DbError, on_db};
use time::OffsetDateTime;
use uuid::Uuid;

/// A workshop as stored, with its meetings.
#[derive(Debug, Clone)]
pub struct Workshop {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub module_id: Uuid,
    pub place_id: Option<Uuid>,
    pub language: String,
    pub device: String,
    pub capacity: i64,
    pub booked: i64,
    pub facilitators: String,
    pub cancelled: bool,
    pub starts_at: OffsetDateTime,
    pub meetings: Vec<Meeting>,
}

impl Workshop {
    pub fn free(&self) -> i64 {
        (self.capacity - self.booked).max(0)
    }
    /// The end of the last meeting.
    pub fn ends_at(&self) -> OffsetDateTime {
        self.meetings.iter().map(|m| m.ends_at).max().unwrap_or(self.starts_at)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub id: Uuid,
    pub starts_at: OffsetDateTime,
    pub ends_at: OffsetDateTime,
}

/// A workshop to create.
#[derive(Debug, Clone)]
pub struct NewWorkshop {
    pub module_id: Uuid,
    pub place_id: Option<Uuid>,
    pub language: String,
    pub device: String,
    pub capacity: i64,
    pub facilitators: String,
    pub meetings: Vec<(OffsetDateTime, OffsetDateTime)>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    organisation_id: Uuid,
    module_id: Uuid,
    place_id: Option<Uuid>,
    language: String,
    device: String,
    capacity: i64,
    booked: i64,
    facilitators: String,
    status: String,
    starts_at: OffsetDateTime,
}

macro_rules! workshop_columns {
    () => {
        "id, organisation_id, module_id, place_id, language, device, capacity, booked, facilitators, status, starts_at"
    };
}

/// The workshops of the rows with their meetings, read in one query per 500 workshops (a
/// calendar page lists hundreds).
async fn with_meetings(db: &Db, rows: Vec<Row>) -> Result<Vec<Workshop>, DbError> {
    let mut meetings: std::collections::HashMap<Uuid, Vec<Meeting>> = std::collections::HashMap::new();
    for chunk in rows.chunks(500) {
        let ids = (1..=chunk.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let sql = format!("SELECT workshop_id, id, starts_at, ends_at FROM workshop_meetings WHERE workshop_id IN ({ids}) ORDER BY starts_at");
        let found: Vec<(Uuid, Uuid, OffsetDateTime, OffsetDateTime)> = on_db!(db, pool => {
            let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()));
            for r in chunk {
                query = query.bind(r.id);
            }
            query.fetch_all(pool).await
        })?;
        for (workshop, id, starts_at, ends_at) in found {
            meetings.entry(workshop).or_default().push(Meeting { id, starts_at, ends_at });
        }
    }
    Ok(rows
        .into_iter()
        .map(|r| Workshop {
            meetings: meetings.remove(&r.id).unwrap_or_default(),
            id: r.id,
            organisation_id: r.organisation_id,
            module_id: r.module_id,
            place_id: r.place_id,
            language: r.language,
            device: r.device,
            capacity: r.capacity,
            booked: r.booked,
            facilitators: r.facilitators,
            cancelled: r.status == "cancelled",
            starts_at: r.starts_at,
        })
        .collect())
}

/// Create a workshop (idempotent on its id: a double submit creates one).
pub async fn create(db: &Db, id: Uuid, organisation: Uuid, new: &NewWorkshop) -> Result<bool, DbError> {
    let at = now();
    let starts_at = new.meetings.iter().map(|m| m.0).min().unwrap_or(at);
    let created = on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        let done = sqlx::query(
            "INSERT INTO workshops (id, organisation_id, module_id, place_id, language, device, capacity, booked, facilitators, status,
                starts_at, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, 'open', $9, $10, $10) ON CONFLICT (id) DO NOTHING",
        )
        .bind(id)
        .bind(organisation)
        .bind(new.module_id)
        .bind(new.place_id)
        .bind(&new.language)
        .bind(&new.device)
        .bind(new.capacity)
        .bind(&new.facilitators)
        .bind(starts_at)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 1 {
            for (start, end) in &new.meetings {
                sqlx::query("INSERT INTO workshop_meetings (id, workshop_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)")
                    .bind(Uuid::new_v4())
                    .bind(id)
                    .bind(*start)
                    .bind(*end)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(done.rows_affected() == 1)
    })?;
    Ok(created)
}

pub async fn find(db: &Db, id: Uuid) -> Result<Option<Workshop>, DbError> {
    let sql = concat!("SELECT ", workshop_columns!(), " FROM workshops WHERE id = $1");
    let rows = on_db!(db, pool => sqlx::query_as::<_, Row>(sql).bind(id).fetch_all(pool).await)?;
    Ok(with_meetings(db, rows).await?.into_iter().next())
}

/// An organisation's workshops whose first meeting is after `from`, soonest first.
pub async fn of_organisation(db: &Db, organisation: Uuid, from: OffsetDateTime, limit: i64) -> Result<Vec<Workshop>, DbError> {
    let sql = concat!("SELECT ", workshop_columns!(), " FROM workshops WHERE organisation_id = $1 AND starts_at >= $2 ORDER BY starts_at LIMIT $3");
    let rows = on_db!(db, pool => sqlx::query_as::<_, Row>(sql).bind(organisation).bind(from).bind(limit).fetch_all(pool).await)?;
    with_meetings(db, rows).await
}

/// Open workshops of every organisation starting after `from`, soonest first (the public calendar).
pub async fn upcoming(db: &Db, from: OffsetDateTime, limit: i64) -> Result<Vec<Workshop>, DbError> {
    let sql = concat!("SELECT ", workshop_columns!(), " FROM workshops WHERE status = 'open' AND starts_at >= $1 ORDER BY starts_at LIMIT $2");
    let rows = on_db!(db, pool => sqlx::query_as::<_, Row>(sql).bind(from).bind(limit).fetch_all(pool).await)?;
    with_meetings(db, rows).await
}

/// Cancel a workshop (its registrations stay, for the call list).
pub async fn cancel(db: &Db, organisation: Uuid, id: Uuid) -> Result<bool, DbError> {
    let done = on_db!(db, pool => sqlx::query("UPDATE workshops SET status = 'cancelled', updated_at = $3 WHERE id = $1 AND organisation_id = $2")
        .bind(id)
        .bind(organisation)
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Where a registration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Booked,
    Waiting,
    Cancelled,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Booked => "booked",
            Status::Waiting => "waiting",
            Status::Cancelled => "cancelled",
        }
    }
    fn parse(code: &str) -> Status {
        match code {
            "booked" => Status::Booked,
            "waiting" => Status::Waiting,
            _ => Status::Cancelled,
        }
    }
}

/// A registration.
#[derive(Debug, Clone)]
pub struct Registration {
    pub id: Uuid,
    pub workshop_id: Uuid,
    pub person_id: Option<Uuid>,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub status: Status,
    /// The helper who registered them (none: the person on the public page).
    pub registered_by: Option<Uuid>,
    pub created_at: OffsetDateTime,
}

/// A participant as a helper facilitating the workshop sees them: the first name and the initial
/// of the next name ("Nadia Kaddouri" → "Nadia K."), no more.
pub fn first_name_and_initial(name: &str) -> String {
    let mut words = name.split_whitespace();
    let Some(first) = words.next() else { return String::new() };
    match words.next().and_then(|w| w.chars().find(|c| c.is_alphanumeric())) {
        Some(initial) => format!("{first} {}.", initial.to_uppercase()),
        None => first.to_string(),
    }
}

/// Who registers.
#[derive(Debug, Clone, Default)]
pub struct NewRegistration {
    pub person_id: Option<Uuid>,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub registered_by: Option<Uuid>,
}

/// The outcome of a registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    Booked,
    /// On the waiting list, at this position.
    Waiting(i64),
    /// The workshop is cancelled, or gone.
    Closed,
}

/// Register someone: booked while places remain, else on the waiting list. Idempotent on the
/// registration's id (a double submit registers once and answers the same).
pub async fn register(db: &Db, workshop: Uuid, id: Uuid, who: &NewRegistration) -> Result<Placed, DbError> {
    let at = now();
    let placed = on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        // the lock: every registration of this workshop waits here for the one before
        let row: Option<(i64, i64)> = sqlx::query_as("UPDATE workshops SET updated_at = $2 WHERE id = $1 AND status = 'open' RETURNING capacity, booked")
            .bind(workshop)
            .bind(at)
            .fetch_optional(&mut *tx)
            .await?;
        let Some((capacity, booked)) = row else {
            tx.rollback().await?;
            return Ok(Placed::Closed);
        };
        let existing: Option<(String, i64)> = sqlx::query_as("SELECT status, position FROM registrations WHERE id = $1 AND workshop_id = $2")
            .bind(id)
            .bind(workshop)
            .fetch_optional(&mut *tx)
            .await?;
        let placed = if let Some((status, position)) = existing {
            match Status::parse(&status) {
                Status::Booked => Placed::Booked,
                _ => {
                    let ahead: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM registrations WHERE workshop_id = $1 AND status = 'waiting' AND position <= $2")
                        .bind(workshop)
                        .bind(position)
                        .fetch_one(&mut *tx)
                        .await?;
                    Placed::Waiting(ahead)
                }
            }
        } else {
            let status = if booked < capacity { Status::Booked } else { Status::Waiting };
            let position: i64 = sqlx::query_scalar("SELECT CAST(COALESCE(MAX(position), 0) + 1 AS BIGINT) FROM registrations WHERE workshop_id = $1")
                .bind(workshop)
                .fetch_one(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO registrations (id, workshop_id, person_id, name, phone, email, status, position, registered_by, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $10, $8, $9, $9)",
            )
            .bind(id)
            .bind(workshop)
            .bind(who.person_id)
            .bind(&who.name)
            .bind(&who.phone)
            .bind(&who.email)
            .bind(status.code())
            .bind(who.registered_by)
            .bind(at)
            .bind(position)
            .execute(&mut *tx)
            .await?;
            if status == Status::Booked {
                sqlx::query("UPDATE workshops SET booked = booked + 1 WHERE id = $1").bind(workshop).execute(&mut *tx).await?;
                Placed::Booked
            } else {
                let waiting: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM registrations WHERE workshop_id = $1 AND status = 'waiting'")
                    .bind(workshop)
                    .fetch_one(&mut *tx)
                    .await?;
                Placed::Waiting(waiting)
            }
        };
        tx.commit().await?;
        Ok::<_, sqlx::Error>(placed)
    })?;
    Ok(placed)
}

/// What cancelling a registration did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancellation {
    /// Cancelled; the first person waiting got the place, if any.
    Cancelled { promoted: Option<Uuid> },
    /// Nothing: the workshop has no such registration, or it was cancelled already.
    Unchanged,
}

impl Cancellation {
    pub fn promoted(self) -> Option<Uuid> {
        match self {
            Cancellation::Cancelled { promoted } => promoted,
            Cancellation::Unchanged => None,
        }
    }
}

/// Cancel a registration; when it held a place, the first person waiting gets it.
pub async fn cancel_registration(db: &Db, workshop: Uuid, registration: Uuid) -> Result<Cancellation, DbError> {
    let at = now();
    let outcome = on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE workshops SET updated_at = $2 WHERE id = $1").bind(workshop).bind(at).execute(&mut *tx).await?;
        let was: Option<String> = sqlx::query_scalar("SELECT status FROM registrations WHERE id = $1 AND workshop_id = $2")
            .bind(registration)
            .bind(workshop)
            .fetch_optional(&mut *tx)
            .await?;
        let mut outcome = Cancellation::Unchanged;
        if let Some(was) = was.filter(|s| s != "cancelled") {
            let mut promoted = None;
            sqlx::query("UPDATE registrations SET status = 'cancelled', updated_at = $2 WHERE id = $1").bind(registration).bind(at).execute(&mut *tx).await?;
            if was == "booked" {
                let next: Option<Uuid> = sqlx::query_scalar("SELECT id FROM registrations WHERE workshop_id = $1 AND status = 'waiting' ORDER BY position LIMIT 1")
                    .bind(workshop)
                    .fetch_optional(&mut *tx)
                    .await?;
                match next {
                    Some(next) => {
                        sqlx::query("UPDATE registrations SET status = 'booked', updated_at = $2 WHERE id = $1").bind(next).bind(at).execute(&mut *tx).await?;
                        promoted = Some(next);
                    }
                    None => {
                        sqlx::query("UPDATE workshops SET booked = booked - 1 WHERE id = $1 AND booked > 0").bind(workshop).execute(&mut *tx).await?;
                    }
                }
            }
            outcome = Cancellation::Cancelled { promoted };
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(outcome)
    })?;
    Ok(outcome)
}

#[derive(sqlx::FromRow)]
struct RegistrationRow {
    id: Uuid,
    workshop_id: Uuid,
    person_id: Option<Uuid>,
    name: String,
    phone: String,
    email: String,
    status: String,
    registered_by: Option<Uuid>,
    created_at: OffsetDateTime,
}

/// A workshop's registrations: booked, then waiting (in order), then cancelled.
pub async fn registrations(db: &Db, workshop: Uuid) -> Result<Vec<Registration>, DbError> {
    let rows = on_db!(db, pool => sqlx::query_as::<_, RegistrationRow>(
        "SELECT id, workshop_id, person_id, name, phone, email, status, registered_by, created_at FROM registrations WHERE workshop_id = $1 ORDER BY position",
    )
    .bind(workshop)
    .fetch_all(pool)
    .await)?;
    let mut out: Vec<Registration> = rows
        .into_iter()
        .map(|r| Registration {
            id: r.id,
            workshop_id: r.workshop_id,
            person_id: r.person_id,
            name: r.name,
            phone: r.phone,
            email: r.email,
            status: Status::parse(&r.status),
            registered_by: r.registered_by,
            created_at: r.created_at,
        })
        .collect();
    out.sort_by_key(|r| match r.status {
        Status::Booked => 0,
        Status::Waiting => 1,
        Status::Cancelled => 2,
    });
    Ok(out)
}

/// Record who came to a meeting: `present` among the booked registrations (the others absent).
pub async fn set_attendance(db: &Db, workshop: Uuid, meeting: Uuid, present: &[Uuid]) -> Result<(), DbError> {
    let booked: Vec<Uuid> = registrations(db, workshop).await?.into_iter().filter(|r| r.status == Status::Booked).map(|r| r.id).collect();
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        for id in &booked {
            sqlx::query(
                "INSERT INTO attendance (registration_id, meeting_id, present) VALUES ($1, $2, $3)
                 ON CONFLICT (registration_id, meeting_id) DO UPDATE SET present = excluded.present",
            )
            .bind(*id)
            .bind(meeting)
            .bind(present.contains(id))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(())
    })?;
    Ok(())
}

/// Who was present at a meeting.
pub async fn present_at(db: &Db, meeting: Uuid) -> Result<Vec<Uuid>, DbError> {
    Ok(on_db!(db, pool => sqlx::query_scalar::<_, Uuid>("SELECT registration_id FROM attendance WHERE meeting_id = $1 AND present = $2")
        .bind(meeting)
        .bind(true)
        .fetch_all(pool)
        .await)?)
}

/// The background job that clears contacts (see [`forget_contacts`]).
pub const CONTACTS_JOB: &str = "workshop-contacts";

/// Days after a workshop's last meeting (or after a request for a module was closed) before the
/// names, phones and e-mails given for it are cleared: the rows stay, for the figures.
pub const KEEP_CONTACTS_DAYS: i64 = 90;

/// Clear the contacts of registrations to workshops over for [`KEEP_CONTACTS_DAYS`], and of
/// requests for a module closed as long ago; returns how many rows were cleared.
pub async fn forget_contacts(db: &Db, now: OffsetDateTime) -> Result<u64, DbError> {
    let cutoff = now - time::Duration::days(KEEP_CONTACTS_DAYS);
    let registrations = on_db!(db, pool => sqlx::query(
        "UPDATE registrations SET name = '', phone = '', email = '', updated_at = $2
         WHERE (name <> '' OR phone <> '' OR email <> '') AND workshop_id IN (
            SELECT w.id FROM workshops w WHERE NOT EXISTS (
                SELECT 1 FROM workshop_meetings m WHERE m.workshop_id = w.id AND m.ends_at >= $1))",
    )
    .bind(cutoff)
    .bind(now)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    let requests = on_db!(db, pool => sqlx::query(
        "UPDATE module_requests SET name = '', phone = '', email = '' WHERE (name <> '' OR phone <> '' OR email <> '')
         AND status <> 'waiting' AND updated_at < $1",
    )
    .bind(cutoff)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(registrations + requests)
}

/// The retention step (see [`relais_core::area::RetentionStep`]).
/// What erasing a person clears here (see [`relais_core::area::Erasure`]): their workshop
/// registrations and requests for a module stay counted, without name or contact; their
/// diagnostics stay as anonymous results (levels only) for the statistics.
pub const ERASURE: &[relais_core::area::Erasure] = &[
    "UPDATE registrations SET person_id = NULL, name = '', phone = '', email = ''
     WHERE person_id = $2 AND workshop_id IN (SELECT id FROM workshops WHERE organisation_id = $1)",
    "UPDATE module_requests SET person_id = NULL, name = '', phone = '', email = '' WHERE organisation_id = $1 AND person_id = $2",
    "UPDATE diagnostics SET person_id = NULL WHERE organisation_id = $1 AND person_id = $2",
];

pub const RETENTION: &[relais_core::area::RetentionStep] =
    &[relais_core::area::RetentionStep { name: "workshop_contacts_cleared", run: |db, now| Box::pin(forget_contacts(db, now)) }];

/// The contacts job, on the kernel's jobs (one per 6 hours, run by one process).
pub fn jobs(runner: relais_core::jobs::Runner) -> relais_core::jobs::Runner {
    runner
        .handle(CONTACTS_JOB, |ctx| async move {
            let cleared = forget_contacts(&ctx.db, ctx.clock.now()).await?;
            tracing::info!(job = CONTACTS_JOB, cleared, "job done");
            Ok(())
        })
        .every(CONTACTS_JOB, time::Duration::hours(6))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_facilitator_sees_a_first_name_and_an_initial() {
        assert_eq!(first_name_and_initial("Nadia Kaddouri"), "Nadia K.");
        assert_eq!(first_name_and_initial("  jean-pierre   van Damme "), "jean-pierre V.");
        assert_eq!(first_name_and_initial("Marie D."), "Marie D.");
        assert_eq!(first_name_and_initial("Élodie (Ëlise) Martin"), "Élodie Ë.");
        assert_eq!(first_name_and_initial("Omar"), "Omar");
        assert_eq!(first_name_and_initial("Omar -"), "Omar");
        assert_eq!(first_name_and_initial(""), "");
    }
}
