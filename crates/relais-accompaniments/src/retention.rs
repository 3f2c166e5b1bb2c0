//! Retention: a person without activity for longer than their organisation's period (24 months
//! by default, set on the organisation's settings page) is anonymised — their requests stay in
//! the statistics, unlinked and without private notes, and the record is deleted.

use relais_core::{Db, DbError, jobs::Runner};
use time::OffsetDateTime;

pub const RETENTION_JOB: &str = "retention";
/// How often the retention job runs.
pub const EVERY: time::Duration = time::Duration::hours(6);

/// Anonymise every person inactive past their organisation's period; returns how many.
pub async fn anonymise_inactive(db: &Db, now: OffsetDateTime) -> Result<usize, DbError> {
    let mut done = 0;
    for (organisation, person) in crate::people::inactive(db, now).await? {
        if crate::people::erase(db, organisation, person).await? {
            done += 1;
        }
    }
    Ok(done)
}

/// What erasing a person clears in the log (see [`relais_core::area::Erasure`]): their requests
/// stay, unlinked and without private notes, and the reasons sent to partners with their
/// redirections (which may name them) are blanked.
pub const ERASURE: &[relais_core::area::Erasure] = &[
    "UPDATE redirections SET reason = '' WHERE organisation_id = $1
       AND accompaniment_id IN (SELECT id FROM accompaniments WHERE organisation_id = $1 AND person_id = $2)",
    "UPDATE accompaniments SET person_id = NULL, note = '' WHERE organisation_id = $1 AND person_id = $2",
];

/// The retention step (see [`relais_core::area::RetentionStep`]).
pub const STEPS: &[relais_core::area::RetentionStep] =
    &[relais_core::area::RetentionStep { name: "anonymised", run: |db, now| Box::pin(async move { anonymise_inactive(db, now).await.map(|n| n as u64) }) }];

/// The retention job, on the kernel's jobs (one per 6 hours, run by one process).
pub fn jobs(runner: Runner) -> Runner {
    runner
        .handle(RETENTION_JOB, |ctx| async move {
            let anonymised = anonymise_inactive(&ctx.db, ctx.clock.now()).await?;
            tracing::info!(job = RETENTION_JOB, anonymised, "job done");
            Ok(())
        })
        .every(RETENTION_JOB, EVERY)
}
