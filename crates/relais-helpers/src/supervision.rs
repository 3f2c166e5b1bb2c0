//! Supervision and intervision: meetings where helpers talk through what they met, led by a
//! facilitator, held by an organisation for its own helpers or for a network's (the Brussels
//! network's partners meet together). Attendance is recorded; the note names no one helped.

use relais_core::{Db, DbError, on_db};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// A meeting as the list shows it.
#[derive(Debug, Clone)]
pub struct Supervision {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub organisation: String,
    pub group: Option<String>,
    pub held_on: Date,
    pub facilitator: String,
    pub themes: String,
    pub note: String,
    /// (helper, name, their organisation's name)
    pub attendees: Vec<(Uuid, String, String)>,
}

/// What a coordinator records.
#[derive(Debug, Clone)]
pub struct NewSupervision {
    pub group: Option<Uuid>,
    pub held_on: Date,
    pub facilitator: String,
    pub themes: String,
    pub note: String,
    pub attendees: Vec<Uuid>,
}

/// The networks (groups) the organisation belongs to: (id, name).
pub async fn networks_of(db: &Db, organisation: Uuid) -> Result<Vec<(Uuid, String)>, DbError> {
    Ok(on_db!(db, pool => sqlx::query_as(
        "SELECT g.id, g.name FROM groups g JOIN group_members m ON m.group_id = g.id WHERE m.organisation_id = $1 ORDER BY g.name",
    )
    .bind(organisation)
    .fetch_all(pool)
    .await)?)
}

/// Who may attend a meeting of `organisation` for `group`: the active helpers of the
/// organisation and, for a network it belongs to, of the network's organisations.
/// (helper, name, organisation's name)
pub async fn candidates(db: &Db, organisation: Uuid, group: Option<Uuid>) -> Result<Vec<(Uuid, String, String)>, DbError> {
    Ok(on_db!(db, pool => sqlx::query_as(
        "SELECT h.id, COALESCE(u.display_name, h.name), o.name FROM helpers h
         JOIN organisations o ON o.id = h.organisation_id LEFT JOIN users u ON u.id = h.user_id
         WHERE h.status = 'active' AND (h.organisation_id = $1 OR ($2 IS NOT NULL AND h.organisation_id IN (
             SELECT m.organisation_id FROM group_members m WHERE m.group_id = $2
               AND EXISTS (SELECT 1 FROM group_members me WHERE me.group_id = $2 AND me.organisation_id = $1))))
         ORDER BY o.name, 2",
    )
    .bind(organisation)
    .bind(group)
    .fetch_all(pool)
    .await)?)
}

/// Record a meeting; attendees outside the candidates are refused (`None`).
pub async fn record(db: &Db, organisation: Uuid, new: &NewSupervision, by: Uuid, now: OffsetDateTime) -> Result<Option<Uuid>, DbError> {
    if let Some(group) = new.group
        && !networks_of(db, organisation).await?.iter().any(|(g, _)| *g == group)
    {
        return Ok(None);
    }
    let allowed = candidates(db, organisation, new.group).await?;
    if new.attendees.iter().any(|a| !allowed.iter().any(|(c, _, _)| c == a)) {
        return Ok(None);
    }
    let id = Uuid::new_v4();
    let held_on = new.held_on.to_string();
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO supervisions (id, organisation_id, group_id, held_on, facilitator, themes, note, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(id)
        .bind(organisation)
        .bind(new.group)
        .bind(&held_on)
        .bind(&new.facilitator)
        .bind(&new.themes)
        .bind(&new.note)
        .bind(by)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        for helper in &new.attendees {
            sqlx::query("INSERT INTO supervision_attendees (supervision_id, helper_id) VALUES ($1, $2) ON CONFLICT DO NOTHING").bind(id).bind(helper).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(())
    })?;
    Ok(Some(id))
}

/// The meetings the organisation held or one of its helpers attended, newest first.
pub async fn of_organisation(db: &Db, organisation: Uuid) -> Result<Vec<Supervision>, DbError> {
    /// (id, organisation, its name, network, date, facilitator, themes, note)
    type Row = (Uuid, Uuid, String, Option<String>, String, String, String, String);
    let rows: Vec<Row> = on_db!(db, pool => sqlx::query_as(
        "SELECT s.id, s.organisation_id, o.name, g.name, s.held_on, s.facilitator, s.themes, s.note FROM supervisions s
         JOIN organisations o ON o.id = s.organisation_id LEFT JOIN groups g ON g.id = s.group_id
         WHERE s.organisation_id = $1 OR s.id IN (SELECT a.supervision_id FROM supervision_attendees a JOIN helpers h ON h.id = a.helper_id WHERE h.organisation_id = $1)
         ORDER BY s.held_on DESC, s.created_at DESC",
    )
    .bind(organisation)
    .fetch_all(pool)
    .await)?;
    let mut out = Vec::new();
    for (id, organisation_id, organisation, group, held_on, facilitator, themes, note) in rows {
        let attendees: Vec<(Uuid, String, String)> = on_db!(db, pool => sqlx::query_as(
            "SELECT h.id, COALESCE(u.display_name, h.name), o.name FROM supervision_attendees a JOIN helpers h ON h.id = a.helper_id
             JOIN organisations o ON o.id = h.organisation_id LEFT JOIN users u ON u.id = h.user_id WHERE a.supervision_id = $1 ORDER BY o.name, 2",
        )
        .bind(id)
        .fetch_all(pool)
        .await)?;
        let Some(held_on) = crate::helpers::parse_date(&held_on) else { continue };
        out.push(Supervision { id, organisation_id, organisation, group, held_on, facilitator, themes, note, attendees });
    }
    Ok(out)
}
