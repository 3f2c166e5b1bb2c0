//! The diagnostic's share of the demo: for each demo organisation, two dozen diagnostics over the
//! past year, taken through the real session logic by synthetic people (some followed, a few
//! diagnosed twice), from a fixed seed.

use relais_accompaniments::people;
use relais_core::{Db, DbError, demo::DemoPart};
use relais_organisations::organisations;
use time::{Duration, OffsetDateTime};

use crate::{
    catalogue,
    diagnostics::{self, Answer, Intake, Mode, Progress, Stage, Starter},
    flow::{self, Step},
    framework::{Area, Outcome},
    items, simulation,
};

pub const DEMO_PART: DemoPart = DemoPart { name: "diagnostics", load: |db| Box::pin(load(db)) };

const ORGANISATIONS: &[(&str, &str, &str)] = &[
    ("cpas-charleroi", "fr", "6000"),
    ("clic-bruxelles", "fr", "1000"),
    ("maison-quartier-nord", "fr", "1030"),
    ("ocmw-puurs-sint-amands", "nl", "2870"),
    ("ocmw-bornem", "nl", "2880"),
    ("oeshz-eupen", "de", "4700"),
];

const PER_ORGANISATION: i64 = 24;

async fn load(db: &Db) -> Result<(), DbError> {
    crate::prepare(db).await?;
    let bank = items::active(db).await?;
    let mut rng = fastrand::Rng::with_seed(2611);
    let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    for (slug, language, postcode) in ORGANISATIONS {
        let Some(organisation) = organisations::find_by_slug(db, slug).await? else { continue };
        let helper = organisations::members_of(db, organisation.id).await?.first().map(|m| m.user_id);
        let followed = people::list(db, organisation.id, "", 4).await?;
        let catalogue = catalogue::available_to(db, Some(organisation.id)).await?;
        // the people followed keep one synthetic profile across their diagnostics
        let profiles: Vec<simulation::Person> = followed.iter().map(|_| simulation::draw_person(&mut rng)).collect();
        for k in 0..PER_ORGANISATION {
            let who = (k % 3 == 0 && !followed.is_empty()).then(|| (k as usize / 3) % followed.len());
            let anonymous = simulation::draw_person(&mut rng);
            let person = who.map_or(&anonymous, |i| &profiles[i]);
            let starter = Starter { organisation_id: Some(organisation.id), helper_id: helper, person_id: who.map(|i| followed[i].id), previous_id: None };
            let mut d = diagnostics::start(db, Mode::Assisted, language, starter).await?;
            let (previous, seen) = diagnostics::history(db, &d).await?;
            d.intake = Intake {
                devices: if person.level(Area::Device) == 0 { Vec::new() } else { vec!["smartphone".into()] },
                connection: if person.level(Area::Device) == 0 { "none".into() } else { "mobile-data".into() },
                identity: if person.level(Area::Procedures) >= 3 { vec!["itsme".into()] } else { Vec::new() },
                services: Vec::new(),
            };
            d.postcode = postcode.to_string();
            diagnostics::save_intake(db, d.id, &d.intake, &d.postcode).await?;
            d.stage = Stage::Gate;
            while d.stage != Stage::Done {
                let answer = match flow::step(&d, &bank, previous.as_ref(), &seen) {
                    Step::Gate(task) => {
                        let right = person.answers(Area::Device, 0, task.choice, 1.4, &mut rng);
                        Answer { item: format!("gate-{}", task.code), outcome: if right { Outcome::Right } else { Outcome::DontKnow }, scored: false, choice: None }
                    }
                    Step::Question { item, .. } => {
                        let right = person.answers(item.area, item.level, item.kind.is_choice(), 1.4, &mut rng);
                        Answer { item: item.code.clone(), outcome: if right { Outcome::Right } else { Outcome::Wrong }, scored: true, choice: None }
                    }
                    Step::Intake | Step::Result => break,
                };
                let after = flow::answer(&d, &bank, previous.as_ref(), &seen, &catalogue, answer);
                d.answers = after.answers;
                d.stage = after.stage;
                d.result = after.result;
                d.modules = after.modules;
            }
            diagnostics::save_progress(db, d.id, &[], Progress { answers: &d.answers, stage: Stage::Done, result: &d.result, modules: &d.modules }).await?;
            // spread over the past year, older first (a person's second diagnostic comes later)
            let days = (PER_ORGANISATION - k) * 15 + rng.i64(0..10);
            diagnostics::backdate(db, d.id, now - Duration::days(days) - Duration::minutes(rng.i64(0..600))).await?;
        }
    }
    Ok(())
}
