//! The diagnostic's share of the demo: for each demo organisation, two dozen diagnostics over the
//! past year, taken through the real session logic by synthetic people (some followed, a few
//! diagnosed twice), from a fixed seed.

use relais_core::{Db, DbError, demo::DemoPart};
use relais_organisations::organisations;
use relais_people::people;
use time::{Duration, OffsetDateTime};

use crate::{
    catalogue,
    demand::{self, NewRequest},
    diagnostics::{self, Answer, Intake, Mode, Progress, Stage, Starter},
    flow::{self, Step},
    framework::{Area, Outcome},
    items, simulation,
    workshops::{self, NewRegistration, NewWorkshop},
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
        workshops_of(db, organisation.id, language, &catalogue, &mut rng).await?;
    }
    Ok(())
}

/// Fictional first names and initials for the demo's registrations.
const NAMES: [&str; 16] = [
    "Marie D.",
    "Ahmed B.",
    "Jeanne L.",
    "Piet V.",
    "Fatima E.",
    "Luc M.",
    "Anna K.",
    "Jos D.",
    "Yasmina R.",
    "Guido H.",
    "Nadia S.",
    "Erik W.",
    "Sofia P.",
    "Karel J.",
    "Hélène C.",
    "Omar T.",
];

/// Workshops at the organisation's first place: three coming (one full, with a waiting list),
/// one last week with its attendance, and the demand for two modules (one enough for a group).
async fn workshops_of(db: &Db, organisation: uuid::Uuid, language: &str, catalogue: &[catalogue::Module], rng: &mut fastrand::Rng) -> Result<(), DbError> {
    let places = relais_directory::places::places_of(db, organisation).await?;
    let Some(place) = places.first() else { return Ok(()) };
    let module = |code: &str| catalogue.iter().find(|m| m.code == code).map(|m| m.id);
    let zone = relais_directory::schedule::zone();
    let today = jiff::Zoned::now().with_time_zone(zone.clone()).date();
    let at = |days: i64, hour: i8, minute: i8| {
        let date = today.saturating_add(jiff::Span::new().days(days));
        date.to_datetime(jiff::civil::Time::constant(hour, minute, 0, 0))
            .to_zoned(zone.clone())
            .ok()
            .and_then(|z| OffsetDateTime::from_unix_timestamp(z.timestamp().as_second()).ok())
            .unwrap_or(OffsetDateTime::UNIX_EPOCH)
    };
    // (module, first day from today, weekly meetings, capacity, registrations)
    let plan: [(&str, i64, i64, i64, usize); 4] =
        [("smartphone-first-steps", 3, 3, 8, 5), ("itsme-and-eid-login", 9, 1, 6, 8), ("scams-and-phishing", 16, 2, 10, 3), ("email-basics", -6, 2, 8, 6)];
    let mut name = 0;
    for (code, first, meetings, capacity, registrations) in plan {
        let Some(module_id) = module(code) else { continue };
        let id = uuid::Uuid::new_v4();
        let new = NewWorkshop {
            module_id,
            place_id: Some(place.id),
            language: language.to_string(),
            device: if code == "email-basics" { "pc".into() } else { "smartphone".into() },
            capacity,
            facilitators: "Sam, Lea".into(),
            meetings: (0..meetings).map(|w| (at(first + 7 * w, 9, 30), at(first + 7 * w, 12, 0))).collect(),
        };
        workshops::create(db, id, organisation, &new).await?;
        for _ in 0..registrations {
            let who = NewRegistration { name: NAMES[name % NAMES.len()].to_string(), phone: format!("0470 00 {:02} {:02}", name / 100, name % 100), ..NewRegistration::default() };
            name += 1;
            workshops::register(db, id, uuid::Uuid::new_v4(), &who).await?;
        }
        if first < 0
            && let Some(w) = workshops::find(db, id).await?
        {
            let booked: Vec<uuid::Uuid> = workshops::registrations(db, id).await?.into_iter().map(|r| r.id).collect();
            let present: Vec<uuid::Uuid> = booked.iter().copied().filter(|_| rng.u8(0..10) < 8).collect();
            if let Some(m) = w.meetings.first() {
                workshops::set_attendance(db, id, m.id, &present).await?;
            }
        }
    }
    for (code, count) in [("email-attachment", demand::GROUP_SIZE), ("e-banking-and-paying-online", 2)] {
        let Some(module_id) = module(code) else { continue };
        for _ in 0..count {
            let new = NewRequest {
                module_id,
                place_id: Some(place.id),
                person_id: None,
                name: NAMES[name % NAMES.len()].to_string(),
                phone: format!("0470 00 {:02} {:02}", name / 100, name % 100),
                email: if name % 2 == 0 { format!("demo.{name}@example.be") } else { String::new() },
            };
            name += 1;
            demand::add(db, uuid::Uuid::new_v4(), organisation, &new).await?;
        }
    }
    Ok(())
}
