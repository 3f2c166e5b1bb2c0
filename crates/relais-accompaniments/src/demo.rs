//! The log's share of the demo data set: a year of plausible activity for the demo
//! organisations — requests at their places and mobile stops (more on Mondays and in tax season),
//! a few people followed with consent, redirections, referral targets, signals and collective
//! moments. Generated from a fixed seed, so every demo instance shows the same figures.

use relais_core::{Db, DbError, demo::DemoPart, on_db};
use relais_directory::places;
use relais_organisations::organisations;
use time::{Date, Duration, OffsetDateTime, Time};
use uuid::Uuid;

use crate::{
    log::{self, NewAccompaniment},
    moments::{self, Moment},
    people::{self, TypedPerson},
    redirections::{self, Target},
    signals::{self, TypedSignal},
};

pub const DEMO_PART: DemoPart = DemoPart { name: "accompaniments", load: |db| Box::pin(load(db)) };

/// (organisation slug, requests per opening day on average, region code, the language its
/// helpers write in: its demo texts are in it)
const ORGANISATIONS: &[(&str, u32, &str, Lang)] = &[
    ("cpas-charleroi", 6, "wallonia", Lang::Fr),
    ("clic-bruxelles", 7, "brussels", Lang::Fr),
    ("maison-quartier-nord", 3, "brussels", Lang::Fr),
    ("ocmw-puurs-sint-amands", 4, "flanders", Lang::Nl),
    ("ocmw-bornem", 3, "flanders", Lang::Nl),
    ("oeshz-eupen", 4, "wallonia", Lang::De),
];

#[derive(Clone, Copy)]
enum Lang {
    Fr,
    Nl,
    De,
}

impl Lang {
    fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Nl => "nl",
            Lang::De => "de",
        }
    }
}

/// What the helpers of an organisation write, in its language.
struct Texts {
    /// (name, kind, contact) of the referral register, and the languages spoken there.
    register: [(&'static str, &'static str, &'static str); 3],
    register_languages: &'static [&'static str],
    redirection_reason: &'static str,
    /// One per signal of [`SIGNALS`].
    signals: [&'static str; 9],
    facilitators: &'static str,
}

/// (online service, barrier) of the demo signals.
const SIGNALS: [(&str, &str); 9] = [
    ("itsme", "itsme-only"),
    ("mypension", "too-complex"),
    ("myminfin", "no-other-channel"),
    ("bank", "cost"),
    ("health-insurance-fund", "needs-email-smartphone"),
    ("forem", "inaccessible"),
    ("ebox", "language"),
    ("bank", "scam-risk"),
    ("rail", "cost"),
];

fn texts(lang: Lang) -> Texts {
    match lang {
        Lang::Fr => Texts {
            register: [
                ("Service social du CPAS", "social-service", "Accueil social, du lundi au vendredi 9–12 h"),
                ("Bureau régional de l'emploi", "regional-service", "Rendez-vous par téléphone"),
                ("Service des pensions (SFP), permanence", "administration", "1765 — permanence le jeudi"),
            ],
            register_languages: &["fr", "nl"],
            redirection_reason: "Besoin d'un suivi en personne",
            signals: [
                "Activation impossible sans smartphone récent; aucune alternative proposée au guichet.",
                "Le formulaire de demande de pension demande des documents scannés que la personne ne peut pas produire.",
                "Plus de permanence physique pour la déclaration fiscale dans la commune cette année.",
                "La banque facture les virements au guichet; l'application exige un smartphone.",
                "Le remboursement passe par l'application; sans adresse e-mail, pas de compte.",
                "Le site d'inscription plante sur les téléphones d'entrée de gamme.",
                "Les messages eBox arrivent dans une langue que la personne ne lit pas.",
                "Faux SMS de la banque très convaincants: trois personnes piégées ce mois-ci.",
                "Le billet est plus cher au guichet qu'en ligne.",
            ],
            facilitators: "Équipe numérique",
        },
        Lang::Nl => Texts {
            register: [
                ("Sociale dienst OCMW", "social-service", "Onthaal, maandag tot vrijdag 9–12 u"),
                ("VDAB-werkwinkel", "regional-service", "Afspraak per telefoon"),
                ("Pensioendienst (FPD), zitdag", "administration", "1765 — zitdag op donderdag"),
            ],
            register_languages: &["nl"],
            redirection_reason: "Heeft persoonlijke opvolging nodig",
            signals: [
                "Activeren lukt niet zonder recente smartphone; aan het loket is er geen alternatief.",
                "Het aanvraagformulier voor het pensioen vraagt ingescande documenten die de persoon niet kan maken.",
                "Dit jaar geen zitdag meer voor de belastingaangifte in de gemeente.",
                "De bank rekent overschrijvingen aan het loket aan; de app vraagt een smartphone.",
                "De terugbetaling gaat via de app; zonder e-mailadres geen account.",
                "De inschrijvingssite loopt vast op eenvoudige telefoons.",
                "De berichten in eBox komen in een taal die de persoon niet leest.",
                "Zeer overtuigende valse sms'en van de bank: drie mensen erin getrapt deze maand.",
                "Het ticket is duurder aan het loket dan online.",
            ],
            facilitators: "Digitaal team",
        },
        Lang::De => Texts {
            register: [
                ("Sozialdienst des ÖSHZ", "social-service", "Empfang, Montag bis Freitag 9–12 Uhr"),
                ("Arbeitsamt der DG (ADG)", "regional-service", "Termin per Telefon"),
                ("Pensionsdienst (FPD), Sprechstunde", "administration", "1765 — Sprechstunde am Donnerstag"),
            ],
            register_languages: &["de", "fr"],
            redirection_reason: "Braucht eine persönliche Begleitung",
            signals: [
                "Aktivierung ohne neueres Smartphone unmöglich; am Schalter gibt es keine Alternative.",
                "Der Pensionsantrag verlangt eingescannte Unterlagen, die die Person nicht erstellen kann.",
                "Dieses Jahr keine Sprechstunde mehr für die Steuererklärung in der Gemeinde.",
                "Die Bank berechnet Überweisungen am Schalter; die App verlangt ein Smartphone.",
                "Die Erstattung läuft über die App; ohne E-Mail-Adresse kein Konto.",
                "Die Anmeldeseite stürzt auf einfachen Handys ab.",
                "Die Nachrichten in der eBox kommen in einer Sprache, die die Person nicht liest.",
                "Sehr überzeugende falsche SMS der Bank: drei Personen sind diesen Monat darauf hereingefallen.",
                "Die Fahrkarte ist am Schalter teurer als online.",
            ],
            facilitators: "Digitalteam",
        },
    }
}

/// (theme, online services that go with it, weight)
const REQUESTS: &[(&str, &[&str], u32)] = &[
    ("pension", &["mypension"], 8),
    ("taxes", &["myminfin"], 9),
    ("identity", &["itsme", "csam-eid"], 12),
    ("employment", &["forem", "actiris", "vdab", "adg", "onem"], 10),
    ("health-insurance", &["health-insurance-fund", "myhealth"], 9),
    ("family-allowances", &["family-allowance-fund"], 4),
    ("email", &["other", ""], 10),
    ("smartphone", &["", "other"], 9),
    ("banking", &["bank"], 8),
    ("transport", &["rail", "bus-tram"], 4),
    ("housing", &["municipality", "cpas"], 4),
    ("messaging", &["", "other"], 4),
    ("safety", &["bank", ""], 3),
    ("health", &["myhealth"], 3),
    ("devices", &[""], 3),
];

const AUTONOMY: &[(&str, u32)] = &[("done-for", 3), ("done-with", 5), ("done-by", 3), ("explained", 2)];
const OUTCOMES: &[(&str, u32)] = &[("solved", 11), ("partly-solved", 4), ("not-solved", 1), ("follow-up", 3), ("redirected", 2)];

const PSEUDONYMS: &[&str] = &[
    "Marie D.",
    "Ahmed B.",
    "Josiane",
    "Georges L.",
    "Fatima",
    "Jean-Pierre",
    "Nadia K.",
    "Luc V.",
    "Mireille",
    "Yusuf",
    "Rita",
    "Hendrik",
    "Monique P.",
    "Abdel",
    "Annemie",
    "Françoise",
    "Karim",
    "Gerda S.",
    "Paolo",
    "Irène",
];

fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [(T, u32)]) -> &'a T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut n = rng.u32(0..total);
    for (item, weight) in items {
        if n < *weight {
            return item;
        }
        n -= weight;
    }
    &items[0].0
}

async fn load(db: &Db) -> Result<(), DbError> {
    let mut rng = fastrand::Rng::with_seed(2026);
    let now = OffsetDateTime::now_utc();
    let today = now.date();
    let request_weights: Vec<(usize, u32)> = REQUESTS.iter().enumerate().map(|(i, r)| (i, r.2)).collect();
    let mut signal_ids = Vec::new();
    for (slug, per_day, region, lang) in ORGANISATIONS {
        let Some(organisation) = organisations::find_by_slug(db, slug).await? else { continue };
        let texts = texts(*lang);
        let places = places::places_of(db, organisation.id).await?;
        let members = organisations::members_of(db, organisation.id).await?;
        let helpers: Vec<(Uuid, &'static str)> =
            members.iter().filter(|m| m.role != "viewer").map(|m| (m.user_id, if m.role == "volunteer" { "volunteer" } else { "professional" })).collect();
        let by = helpers.first().map(|h| h.0);

        // People followed: a few per organisation, with the consent explained.
        let mut followed = Vec::new();
        for (i, pseudonym) in PSEUDONYMS.iter().enumerate().filter(|(i, _)| (i + slug.len()) % 3 != 0) {
            let person = TypedPerson {
                pseudonym: pseudonym.to_string(),
                age_band: ["45-64", "65-79", "25-44", "80-plus", "under-25"][i % 5].into(),
                gender: ["woman", "man", "unspecified"][i % 3].into(),
                postcode: places.first().map(|p| p.postcode.clone()).unwrap_or_default(),
                language: ["fr", "nl", "de", "ar", "tr"][(i + slug.len()) % 5].into(),
                situations: vec![["seniors", "job-seekers", "newcomers", "disabilities"][i % 4].to_string()],
                consent_topics: crate::vocabulary::CONSENT_TOPICS.iter().map(|(c, _)| c.to_string()).collect(),
            };
            let id = Uuid::from_u64_pair(rng.u64(..), rng.u64(..));
            if let Some(by) = by {
                people::create(db, id, organisation.id, &person, by).await?;
                followed.push(id);
            }
        }

        // Referral targets of the organisation's own register.
        let mut register = Vec::new();
        for (name, kind, contact) in texts.register {
            let id = Uuid::from_u64_pair(rng.u64(..), rng.u64(..));
            let languages: Vec<String> = texts.register_languages.iter().map(|l| l.to_string()).collect();
            redirections::add_referral_target(db, id, organisation.id, name, kind, contact, &languages).await?;
            register.push(id);
        }

        // A year of requests, on weekdays, at the organisation's places.
        let mut rows = Vec::new();
        let mut day = today - Duration::days(365);
        // Up to the day before yesterday: a session opened today never counts demo requests.
        while day < today - Duration::days(1) {
            let weekday = day.weekday().number_from_monday();
            if weekday <= 5 && !places.is_empty() && !helpers.is_empty() {
                let season = if matches!(day.month(), time::Month::May | time::Month::June) { 2 } else { 1 };
                let monday = if weekday == 1 { 2 } else { 0 };
                let count = rng.u32(0..=(*per_day + monday)) * season;
                let place = &places[rng.usize(..places.len())];
                let (helper, helper_kind) = helpers[rng.usize(..helpers.len())];
                let mut at = day.with_time(Time::from_hms(9, rng.u8(0..30), 0).unwrap_or(Time::MIDNIGHT)).assume_utc();
                for _ in 0..count {
                    let (theme, services, _) = REQUESTS[*pick(&mut rng, &request_weights)];
                    let mut themes = vec![theme.to_string()];
                    if rng.u8(..10) == 0 {
                        themes.push("email".into());
                        themes.sort();
                        themes.dedup();
                    }
                    let outcome = *pick(&mut rng, OUTCOMES);
                    let minutes = 10 + rng.i64(0..40);
                    let person = (rng.u8(..8) == 0 && !followed.is_empty()).then(|| followed[rng.usize(..followed.len())]);
                    let follow_up = (outcome == "follow-up" && day > today - Duration::days(30)).then(|| day + Duration::days(7 + rng.i64(0..14)));
                    rows.push(NewAccompaniment {
                        id: Uuid::from_u64_pair(rng.u64(..), rng.u64(..)),
                        organisation: organisation.id,
                        helper: Some(helper),
                        helper_kind,
                        setting: if place.mobile_unit_id.is_some() { "mobile-stop" } else { "place" }.into(),
                        place: Some(place.id),
                        started_at: at,
                        minutes,
                        themes,
                        online_service: services[rng.usize(..services.len())].to_string(),
                        autonomy: pick(&mut rng, AUTONOMY).to_string(),
                        outcome: outcome.to_string(),
                        steps: rng.i64(0..32),
                        note: String::new(),
                        follow_up_on: follow_up,
                        person,
                    });
                    at += Duration::minutes(minutes + rng.i64(0..10));
                }
            }
            day = day.next_day().unwrap_or(today);
        }
        log::insert_many(db, &rows).await?;
        // People's last activity is their latest request.
        on_db!(db, pool => sqlx::query(
            "UPDATE people SET last_activity_at = COALESCE((SELECT MAX(a.started_at) FROM accompaniments a WHERE a.person_id = people.id), last_activity_at)
             WHERE organisation_id = $1",
        )
        .bind(organisation.id)
        .execute(pool)
        .await
        .map(|_| ()))?;

        // Redirections: the requests marked "redirected", to the register or a partner.
        // (to partners whose first language is the one the reason is written in)
        let mut partners = Vec::new();
        for (id, name) in redirections::partner_organisations(db, organisation.id).await? {
            if let Some(partner) = organisations::find_by_id(db, id).await?
                && partner.languages.split(',').next().map(str::trim) == Some(lang.code())
            {
                partners.push((id, name));
            }
        }
        for (i, row) in rows.iter().filter(|r| r.outcome == "redirected").take(40).enumerate() {
            let target = match (i % 3, partners.get(i % partners.len().max(1))) {
                (0, Some((partner, _))) => Target::Organisation(*partner),
                _ => Target::Referral(register[i % register.len()]),
            };
            let id = redirections::create(db, organisation.id, row.id, target, texts.redirection_reason).await?;
            // Sent when the request was helped, over the year, not all on the day the demo loads.
            on_db!(db, pool => sqlx::query("UPDATE redirections SET created_at = $2, updated_at = $2 WHERE id = $1")
                .bind(id)
                .bind(row.started_at)
                .execute(pool)
                .await
                .map(|_| ()))?;
            if i % 2 == 0 {
                on_db!(db, pool => sqlx::query("UPDATE redirections SET status = $2 WHERE id = $1")
                    .bind(id)
                    .bind(["accepted", "helped", "not-reached"][i % 3])
                    .execute(pool)
                    .await
                    .map(|_| ()))?;
            }
        }

        // Political signals: most published, some waiting for review.
        let author = helpers.first().map(|h| h.0);
        let mut published_here = Vec::new();
        for (i, ((service, barrier), text)) in SIGNALS.iter().zip(texts.signals).enumerate().filter(|(i, _)| (i + slug.len()) % 4 != 1) {
            let id = Uuid::from_u64_pair(rng.u64(..), rng.u64(..));
            let typed = TypedSignal { online_service: service.to_string(), barrier: barrier.to_string(), description: text.to_string() };
            signals::create(db, id, organisation.id, author, None, &typed, region).await?;
            let created = now - Duration::days(rng.i64(1..330));
            on_db!(db, pool => sqlx::query("UPDATE signals SET created_at = $2 WHERE id = $1").bind(id).bind(created).execute(pool).await.map(|_| ()))?;
            if i % 5 != 4 {
                if let Some(by) = by {
                    signals::review(db, organisation.id, id, signals::Review::Publish, by).await?;
                }
                published_here.push(id);
            }
        }
        signal_ids.extend(published_here);

        // Collective moments: an information session or a group help most months.
        for month in 0..12 {
            if rng.u8(..4) == 0 {
                continue;
            }
            let held_on: Date = today - Duration::days(month * 30 + rng.i64(0..20) + 1);
            let total = 4 + rng.i64(0..16);
            let women = rng.i64(0..=total);
            let moment = Moment {
                kind: ["information-session", "group-help", "neighbourhood-meeting"][(month as usize) % 3].into(),
                place: places.get(month as usize % places.len().max(1)).map(|p| p.id),
                held_on,
                minutes: [60, 90, 120][(month as usize) % 3],
                themes: vec![["identity", "safety", "banking", "email"][(month as usize) % 4].into()],
                facilitators: texts.facilitators.into(),
                counts: [total, 0, total / 3, total / 3, total - 2 * (total / 3), women, total - women],
            };
            moments::create(db, Uuid::from_u64_pair(rng.u64(..), rng.u64(..)), organisation.id, &moment, by).await?;
        }
    }
    tracing::debug!(signals = signal_ids.len(), "demo accompaniments loaded");
    Ok(())
}
