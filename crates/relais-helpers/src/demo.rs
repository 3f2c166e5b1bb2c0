//! The helpers' share of the demo: every member's profile (job family, languages, skills, times,
//! a referent), volunteers of the Brussels network and of Charleroi not yet with an account, and
//! Charleroi's headcount of 2,800 staff across its job families.

use relais_core::{Db, DbError, demo::DemoPart};
use relais_diagnostics::framework::Area;
use relais_organisations::{organisations, users};
use time::{Date, Month, OffsetDateTime};

use crate::{
    helpers::{self, Change, NewHelper, Part, Status},
    journey::{self, NewApplication, Stage},
};

pub const DEMO_PART: DemoPart = DemoPart { name: "helpers", load: |db| Box::pin(load(db)) };

/// (member's e-mail, job family, languages, referent's e-mail)
const MEMBERS: &[(&str, &str, &[&str], Option<&str>)] = &[
    ("coordinator.charleroi@demo.relais.be", "social-worker", &["fr"], None),
    ("worker.charleroi@demo.relais.be", "social-worker", &["fr", "ar"], Some("coordinator.charleroi@demo.relais.be")),
    ("volunteer.charleroi@demo.relais.be", "volunteer", &["fr", "it"], Some("worker.charleroi@demo.relais.be")),
    ("coordinator.bruxelles@demo.relais.be", "facilitator", &["fr", "nl"], None),
    ("worker.bruxelles@demo.relais.be", "facilitator", &["nl", "fr", "en"], Some("coordinator.bruxelles@demo.relais.be")),
    ("coordinator.puurs@demo.relais.be", "social-worker", &["nl"], None),
    ("worker.puurs@demo.relais.be", "educator", &["nl", "en"], Some("coordinator.puurs@demo.relais.be")),
    ("coordinator.eupen@demo.relais.be", "social-worker", &["de", "fr"], None),
    ("worker.eupen@demo.relais.be", "reception", &["de"], Some("coordinator.eupen@demo.relais.be")),
];

/// Volunteers before their account: (organisation, name, languages, status)
const VOLUNTEERS: &[(&str, &str, &[&str], Status)] = &[
    ("clic-bruxelles", "Amina B.", &["fr", "ar"], Status::Active),
    ("clic-bruxelles", "Joris V.", &["nl", "fr"], Status::Active),
    ("clic-bruxelles", "Lucia M.", &["fr", "es", "it"], Status::Active),
    ("clic-bruxelles", "Piotr K.", &["fr", "pl"], Status::Paused),
    ("maison-quartier-nord", "Fatma Y.", &["fr", "tr"], Status::Active),
    ("cpas-charleroi", "Jean-Pierre D.", &["fr"], Status::Active),
    ("cpas-charleroi", "Nadia E.", &["fr", "ar"], Status::Left),
    ("oeshz-eupen", "Monika S.", &["de", "fr"], Status::Active),
    ("ocmw-puurs-sint-amands", "Els D.", &["nl"], Status::Active),
];

/// Charleroi's staff per job family: 2,800 in all.
const CHARLEROI_HEADCOUNT: &[(&str, i64)] = &[("home-helper", 900), ("social-worker", 650), ("reception", 300), ("educator", 150), ("facilitator", 40), ("other", 760)];

async fn load(db: &Db) -> Result<(), DbError> {
    let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let mut rng = fastrand::Rng::with_seed(1717);
    for slug in ["cpas-charleroi", "clic-bruxelles", "maison-quartier-nord", "ocmw-puurs-sint-amands", "ocmw-bornem", "oeshz-eupen"] {
        if let Some(organisation) = organisations::find_by_slug(db, slug).await? {
            helpers::ensure_members(db, organisation.id, now).await?;
        }
    }
    for (email, family, languages, referent) in MEMBERS {
        let Some(user) = users::find_by_email(db, email).await.ok().flatten() else { continue };
        let Some(membership) = organisations::memberships_of(db, user.id).await?.into_iter().next() else { continue };
        let Some(id) = helpers::of_member(db, membership.organisation_id, user.id).await? else { continue };
        let referent = match referent {
            Some(r) => users::find_by_email(db, r).await.ok().flatten().map(|u| u.id),
            None => None,
        };
        let change = Change {
            job_family: family.to_string(),
            languages: languages.iter().map(|l| l.to_string()).collect(),
            referent_id: referent,
            started_on: Date::from_calendar_date(2024 - rng.i32(0..4), Month::try_from(rng.u8(1..=12)).unwrap_or(Month::January), rng.u8(1..=28)).ok(),
            contact: None,
            skills: skills(&mut rng),
            availability: availability(&mut rng),
            places: Vec::new(),
        };
        helpers::save(db, membership.organisation_id, id, &change, now).await?;
    }
    for (slug, name, languages, status) in VOLUNTEERS {
        let Some(organisation) = organisations::find_by_slug(db, slug).await? else { continue };
        let Some(by) = recorder(db, organisation.id).await? else { continue };
        let new = NewHelper {
            name: name.to_string(),
            email: String::new(),
            phone: format!("0470 {:02} {:02} {:02}", rng.u8(10..99), rng.u8(10..99), rng.u8(10..99)),
            job_family: "volunteer".into(),
            languages: languages.iter().map(|l| l.to_string()).collect(),
            started_on: Date::from_calendar_date(2025, Month::try_from(rng.u8(1..=12)).unwrap_or(Month::March), rng.u8(1..=28)).ok(),
        };
        let (id, _) = helpers::create(db, organisation.id, None, &new, by, now).await?;
        let change = Change {
            job_family: new.job_family.clone(),
            languages: new.languages.clone(),
            referent_id: Some(by),
            started_on: new.started_on,
            contact: None,
            skills: skills(&mut rng),
            availability: availability(&mut rng),
            places: relais_directory::places::places_of(db, organisation.id).await?.iter().take(1).map(|p| p.id).collect(),
        };
        helpers::save(db, organisation.id, id, &change, now).await?;
        if *status != Status::Active {
            let reason = if *status == Status::Paused { "Examens (démo)" } else { "A déménagé (démo)" };
            helpers::set_status(db, organisation.id, id, *status, reason, by, now).await?;
        }
    }
    applications(db, now).await?;
    shifts(db, now, &mut rng).await?;
    intervision(db, now).await?;
    if let Some(charleroi) = organisations::find_by_slug(db, "cpas-charleroi").await? {
        let counts: Vec<(String, Option<i64>)> = CHARLEROI_HEADCOUNT.iter().map(|(f, n)| (f.to_string(), Some(*n))).collect();
        helpers::set_headcounts(db, charleroi.id, &counts).await?;
    }
    Ok(())
}

fn skills(rng: &mut fastrand::Rng) -> Vec<(Area, i64)> {
    [Area::Device, Area::Information, Area::Communication, Area::Procedures, Area::Safety].into_iter().map(|a| (a, rng.i64(2..=4))).collect()
}

fn availability(rng: &mut fastrand::Rng) -> Vec<(u8, Part)> {
    let mut slots: Vec<(u8, Part)> = (0..3).map(|_| (rng.u8(1..=5), Part::ALL[rng.usize(..2)])).collect();
    slots.sort();
    slots.dedup();
    slots
}

/// The charters (fr, nl, de, en) of the organisations that recruit in the demo.
const CHARTER: [&str; 4] = [
    "Je respecte la personne aidée et ses choix. Je fais avec elle, pas à sa place. Je ne note jamais ses mots de passe ni ses codes. Ce que j'apprends sur elle reste confidentiel. Je passe le relais quand la demande dépasse mon rôle.",
    "Ik respecteer de persoon en zijn keuzes. Ik doe het samen, niet in zijn plaats. Ik noteer nooit wachtwoorden of codes. Wat ik over de persoon te weten kom, blijft vertrouwelijk. Ik geef door wanneer de vraag mijn rol overstijgt.",
    "Ich respektiere die Person und ihre Entscheidungen. Ich mache es mit ihr, nicht für sie. Ich notiere nie Passwörter oder Codes. Was ich über sie erfahre, bleibt vertraulich. Ich gebe weiter, wenn die Frage meine Rolle übersteigt.",
    "I respect the person and their choices. I do it with them, not for them. I never write down passwords or codes. What I learn about the person stays confidential. I hand over when the request goes beyond my role.",
];

/// (organisation, name, e-mail, phone, languages, days ago, stage reached)
type DemoApplication = (&'static str, &'static str, &'static str, &'static str, &'static [&'static str], i64, Stage);
const APPLICATIONS: &[DemoApplication] = &[
    ("cpas-charleroi", "Sarah T.", "sarah.t@example.be", "", &["fr"], 3, Stage::Applied),
    ("cpas-charleroi", "Youssef A.", "", "0485 12 34 56", &["fr", "ar"], 40, Stage::CharterSigned),
    ("cpas-charleroi", "Brigitte L.", "brigitte.l@example.be", "", &["fr"], 120, Stage::Autonomous),
    ("clic-bruxelles", "Inès R.", "ines.r@example.be", "", &["fr", "es"], 12, Stage::Applied),
    ("clic-bruxelles", "Tom W.", "tom.w@example.be", "0476 98 76 54", &["nl", "fr", "en"], 65, Stage::Trained),
    ("maison-quartier-nord", "Hakan Ö.", "", "0488 11 22 33", &["fr", "tr"], 20, Stage::Met),
    ("oeshz-eupen", "Lena K.", "lena.k@example.be", "", &["de"], 5, Stage::Applied),
    ("ocmw-puurs-sint-amands", "Wim P.", "wim.p@example.be", "", &["nl"], 8, Stage::Applied),
];

/// Applications at every stage, through the journey's own steps, dated in the past.
async fn applications(db: &Db, now: OffsetDateTime) -> Result<(), DbError> {
    let texts = CHARTER.map(str::to_string);
    for (n, (slug, name, email, phone, languages, days, reached)) in APPLICATIONS.iter().enumerate() {
        let Some(organisation) = organisations::find_by_slug(db, slug).await? else { continue };
        let Some(by) = recorder(db, organisation.id).await? else { continue };
        if journey::current_charter(db, organisation.id).await?.is_none() {
            journey::publish_charter(db, organisation.id, &texts, by, now - time::Duration::days(200)).await?;
        }
        let applied = now - time::Duration::days(*days);
        let group = if *slug == "clic-bruxelles" { relais_organisations::groups::find_by_slug(db, "informaticiens-publics").await?.map(|g| g.id) } else { None };
        let id = uuid::Uuid::from_u64_pair(0x4a0b_1e5e, n as u64 + 1);
        let new = NewApplication {
            name: name.to_string(),
            email: email.to_string(),
            phone: phone.to_string(),
            locale: relais_core::i18n::Locale::parse(languages[0]).unwrap_or(relais_core::i18n::Locale::Fr),
            languages: languages.iter().map(|l| l.to_string()).collect(),
            message: String::new(),
        };
        journey::apply(db, organisation.id, group, id, &new, journey::Notify::Quietly, applied).await?;
        let mut stage = Stage::Applied;
        let mut at = applied;
        while stage < *reached {
            let Some(next) = stage.next() else { break };
            at += time::Duration::days(3);
            let _ = journey::advance(db, organisation.id, id, next, "", by, at).await?;
            stage = next;
        }
    }
    Ok(())
}

/// What the drop-ins of Charleroi and of the Brussels network need (two helpers, the session's
/// languages), the past eight weeks helped (hours), and the next two weeks half covered.
async fn shifts(db: &Db, now: OffsetDateTime, rng: &mut fastrand::Rng) -> Result<(), DbError> {
    use crate::shifts::{self, Need};
    let today = relais_core::dates::local_date_of(now);
    let today = jiff::civil::Date::new(today.year() as i16, u8::from(today.month()) as i8, today.day() as i8).unwrap_or(jiff::civil::Date::constant(2026, 1, 1));
    let span = |days: i64| jiff::Span::new().days(days);
    for slug in ["cpas-charleroi", "clic-bruxelles", "maison-quartier-nord"] {
        let Some(organisation) = organisations::find_by_slug(db, slug).await? else { continue };
        for place in relais_directory::places::places_of(db, organisation.id).await? {
            for session in relais_directory::places::sessions_of(db, place.id).await? {
                let languages = session.languages.iter().take(2).cloned().collect();
                shifts::set_need(db, organisation.id, session.id, &Need { helpers: 2, languages }).await?;
            }
        }
        let helpers: Vec<helpers::Helper> = helpers::list(db, organisation.id).await?.into_iter().filter(|h| h.status == Status::Active).collect();
        let without_account: Vec<&helpers::Helper> = helpers.iter().filter(|h| h.user_id.is_none()).collect();
        if helpers.is_empty() {
            continue;
        }
        let from = today.checked_sub(span(56)).unwrap_or(today);
        let to = today.checked_add(span(14)).unwrap_or(today);
        for occurrence in shifts::occurrences(db, organisation.id, relais_core::i18n::Locale::Fr, from, to).await? {
            let past = occurrence.date < today;
            let picks: Vec<uuid::Uuid> = if past {
                (0..rng.usize(1..=2)).map(|_| helpers[rng.usize(..helpers.len())].id).collect()
            } else {
                // the coming weeks: one of the volunteers without an account, so the demo's members
                // still find a place to sign up for
                without_account.first().map(|h| h.id).into_iter().collect()
            };
            for helper in picks {
                let _ = shifts::sign_up(db, organisation.id, &occurrence, helper, None, now).await?;
            }
        }
    }
    Ok(())
}

/// The Brussels network's monthly intervision: its lead's helpers and its partner's.
async fn intervision(db: &Db, now: OffsetDateTime) -> Result<(), DbError> {
    use crate::supervision::{self, NewSupervision};
    let (Some(lead), Some(network)) = (organisations::find_by_slug(db, "clic-bruxelles").await?, relais_organisations::groups::find_by_slug(db, "informaticiens-publics").await?)
    else {
        return Ok(());
    };
    let Some(by) = organisations::members_of(db, lead.id).await?.first().map(|m| m.user_id) else { return Ok(()) };
    let attendees = supervision::candidates(db, lead.id, Some(network.id)).await?.into_iter().map(|(id, _, _)| id).collect();
    let held_on = (now - time::Duration::days(10)).date();
    let new = NewSupervision {
        group: Some(network.id),
        held_on,
        facilitator: "Sophie V. (démo)".into(),
        themes: "itsme sur un smartphone prêté ; quand passer le relais au CPAS ; les limites du rôle".into(),
        note: "Rappel : ne jamais noter les codes des personnes. Fiche « passer le relais » à revoir ensemble.".into(),
        attendees,
    };
    supervision::record(db, lead.id, &new, by, now).await?;
    Ok(())
}

/// Who records for an organisation in the demo: its first member, else the coordinator of the
/// network it is a partner of (the neighbourhood house has no account of its own).
async fn recorder(db: &Db, organisation: uuid::Uuid) -> Result<Option<uuid::Uuid>, DbError> {
    if let Some(member) = organisations::members_of(db, organisation).await?.first() {
        return Ok(Some(member.user_id));
    }
    Ok(users::find_by_email(db, "coordinator.bruxelles@demo.relais.be").await.ok().flatten().map(|u| u.id))
}
