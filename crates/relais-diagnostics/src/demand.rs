//! On-demand grouping: requests for a module at a place accumulate; once enough people wait, the
//! coordinator is prompted to open a workshop, and opening it invites them (by e-mail where they
//! gave one; the others are on a printable call list).

use relais_core::clock::now;
use relais_core::{Db, DbError, on_db};
use time::OffsetDateTime;
use uuid::Uuid;

/// How many people waiting for a module at a place make a group worth opening.
pub const GROUP_SIZE: i64 = 5;

/// A request for a module.
#[derive(Debug, Clone)]
pub struct Request {
    pub id: Uuid,
    pub module_id: Uuid,
    pub place_id: Option<Uuid>,
    pub person_id: Option<Uuid>,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub status: String,
    pub workshop_id: Option<Uuid>,
    pub created_at: OffsetDateTime,
}

/// Who asks.
#[derive(Debug, Clone, Default)]
pub struct NewRequest {
    pub module_id: Uuid,
    pub place_id: Option<Uuid>,
    pub person_id: Option<Uuid>,
    pub name: String,
    pub phone: String,
    pub email: String,
}

/// Add a request (idempotent on its id).
pub async fn add(db: &Db, id: Uuid, organisation: Uuid, new: &NewRequest) -> Result<bool, DbError> {
    let done = on_db!(db, pool => sqlx::query(
        "INSERT INTO module_requests (id, organisation_id, module_id, place_id, person_id, name, phone, email, status, workshop_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'waiting', NULL, $9, $9) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(organisation)
    .bind(new.module_id)
    .bind(new.place_id)
    .bind(new.person_id)
    .bind(&new.name)
    .bind(&new.phone)
    .bind(&new.email)
    .bind(now())
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// People waiting per module and place, most first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub module_id: Uuid,
    pub place_id: Option<Uuid>,
    pub count: i64,
}

impl Waiting {
    pub fn enough(&self) -> bool {
        self.count >= GROUP_SIZE
    }
}

pub async fn waiting(db: &Db, organisation: Uuid) -> Result<Vec<Waiting>, DbError> {
    let rows: Vec<(Uuid, Option<Uuid>, i64)> = on_db!(db, pool => sqlx::query_as(
        "SELECT module_id, place_id, CAST(COUNT(*) AS BIGINT) FROM module_requests WHERE organisation_id = $1 AND status = 'waiting'
         GROUP BY module_id, place_id ORDER BY COUNT(*) DESC",
    )
    .bind(organisation)
    .fetch_all(pool)
    .await)?;
    Ok(rows.into_iter().map(|(module_id, place_id, count)| Waiting { module_id, place_id, count }).collect())
}

macro_rules! request_columns {
    () => {
        "SELECT id, module_id, place_id, person_id, name, phone, email, status, workshop_id, created_at FROM module_requests"
    };
}

type Row = (Uuid, Uuid, Option<Uuid>, Option<Uuid>, String, String, String, String, Option<Uuid>, OffsetDateTime);

fn request(r: Row) -> Request {
    Request { id: r.0, module_id: r.1, place_id: r.2, person_id: r.3, name: r.4, phone: r.5, email: r.6, status: r.7, workshop_id: r.8, created_at: r.9 }
}

/// The requests of an organisation in a status, oldest first.
pub async fn list(db: &Db, organisation: Uuid, status: &str) -> Result<Vec<Request>, DbError> {
    let rows: Vec<Row> = on_db!(db, pool => sqlx::query_as(concat!(request_columns!(), " WHERE organisation_id = $1 AND status = $2 ORDER BY created_at, id"))
    .bind(organisation)
    .bind(status)
    .fetch_all(pool)
    .await)?;
    Ok(rows.into_iter().map(request).collect())
}

/// One request of the organisation (nothing for another organisation's).
pub async fn find(db: &Db, organisation: Uuid, id: Uuid) -> Result<Option<Request>, DbError> {
    let row: Option<Row> = on_db!(db, pool => sqlx::query_as(concat!(request_columns!(), " WHERE organisation_id = $1 AND id = $2"))
    .bind(organisation)
    .bind(id)
    .fetch_optional(pool)
    .await)?;
    Ok(row.map(request))
}

/// The requests invited to a workshop (its call list).
pub async fn invited_to(db: &Db, organisation: Uuid, workshop: Uuid) -> Result<Vec<Request>, DbError> {
    let rows: Vec<Row> = on_db!(db, pool => sqlx::query_as(concat!(request_columns!(), " WHERE organisation_id = $1 AND workshop_id = $2 ORDER BY created_at, id"))
    .bind(organisation)
    .bind(workshop)
    .fetch_all(pool)
    .await)?;
    Ok(rows.into_iter().map(request).collect())
}

/// Invite everyone waiting for the module at the place to the workshop: marks them invited
/// and returns them.
pub async fn invite(db: &Db, organisation: Uuid, module: Uuid, place: Option<Uuid>, workshop: Uuid) -> Result<Vec<Request>, DbError> {
    on_db!(db, pool => sqlx::query(
        "UPDATE module_requests SET status = 'invited', workshop_id = $4, updated_at = $5
         WHERE organisation_id = $1 AND module_id = $2 AND status = 'waiting' AND (place_id = $3 OR ($3 IS NULL AND place_id IS NULL))",
    )
    .bind(organisation)
    .bind(module)
    .bind(place)
    .bind(workshop)
    .bind(now())
    .execute(pool)
    .await
    .map(|_| ()))?;
    invited_to(db, organisation, workshop).await
}

/// Withdraw a request (the person no longer wants it).
pub async fn withdraw(db: &Db, organisation: Uuid, id: Uuid) -> Result<bool, DbError> {
    let done = on_db!(db, pool => sqlx::query("UPDATE module_requests SET status = 'withdrawn', updated_at = $3 WHERE id = $1 AND organisation_id = $2 AND status = 'waiting'")
        .bind(id)
        .bind(organisation)
        .bind(now())
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// The SMS inviting someone waiting for a module to the group opened for it.
pub const SMS_WORKSHOP_INVITATION: &str = "sms-workshop-invitation";

/// The SMS templates of workshops, with realistic values (see `messages::sms_templates_problems`).
pub const SMS_TEMPLATES: &[relais_core::messages::SmsTemplate] = &[relais_core::messages::SmsTemplate {
    key: SMS_WORKSHOP_INVITATION,
    example: &[("module", "Gps-route en openbaar vervoer"), ("date", "15/12 14:00"), ("place", "Espace public numérique de Charleroi"), ("phone", "+32 71 00 00 01")],
}];
