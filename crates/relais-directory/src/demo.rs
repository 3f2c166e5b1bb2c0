//! The directory's share of the demo data set: fictitious places in the three regions, modelled
//! on the seed projects (Charleroi's public digital spaces, the Brussels network's drop-in
//! sessions, Digikar's stops in Klein-Brabant, Eupen), so that every search returns something.

use jiff::civil::{Date, Time, Weekday};
use relais_core::{Db, DbError, demo::DemoPart};
use relais_organisations::organisations;

use crate::{
    places::{self, PlaceInput, SessionInput},
    reference::reference,
    schedule::{Exception, ExceptionKind, Recurrence},
};

pub const DEMO_PART: DemoPart = DemoPart { name: "directory", load: |db| Box::pin(load(db)) };

/// A demo session: (weekday 1–7, start, end, every n weeks, by appointment, themes, publics,
/// languages, helpers).
type DemoSession = (i8, &'static str, &'static str, u8, bool, &'static str, &'static str, &'static str, &'static str);

/// A demo place: (organisation slug, kind, name fr, name nl, street, postcode, offset, phone, equipment, wheelchair).
struct DemoPlace {
    organisation: &'static str,
    kind: &'static str,
    name_fr: Option<&'static str>,
    name_nl: Option<&'static str>,
    name_de: Option<&'static str>,
    description: &'static str,
    street: &'static str,
    postcode: &'static str,
    /// Small offset from the postcode's centre, so places do not sit on one point.
    offset: (f64, f64),
    phone: &'static str,
    equipment: &'static [&'static str],
    wheelchair: bool,
    /// (weekday 1–7, start, end, every n weeks, by appointment, themes, publics, languages, helpers)
    sessions: &'static [DemoSession],
}

const PLACES: &[DemoPlace] = &[
    DemoPlace {
        organisation: "cpas-charleroi",
        kind: "public-digital-space",
        name_fr: Some("Espace public numérique de Charleroi-Centre (démo)"),
        name_nl: None,
        name_de: None,
        description: "Ordinateurs en libre accès et aide pour vos démarches en ligne, sans rendez-vous.",
        street: "Boulevard Tirou 1",
        postcode: "6000",
        offset: (0.0, 0.0),
        phone: "+32 71 00 00 01",
        equipment: &["computers", "wifi", "printer-scanner"],
        wheelchair: true,
        sessions: &[
            (1, "09:00", "12:00", 1, false, "employment pension health-insurance identity email", "everyone", "fr", "professional"),
            (3, "13:30", "16:30", 1, false, "employment taxes banking identity smartphone", "everyone", "fr ar", "professional"),
            (5, "09:00", "12:00", 1, true, "pension taxes family-allowances housing", "seniors", "fr", "professional"),
        ],
    },
    DemoPlace {
        organisation: "cpas-charleroi",
        kind: "social-antenna",
        name_fr: Some("Antenne sociale de Marcinelle (démo)"),
        name_nl: None,
        name_de: None,
        description: "Permanence numérique à l'antenne sociale : smartphone, itsme, e-mail.",
        street: "Rue de la Villette 12",
        postcode: "6001",
        offset: (0.002, -0.003),
        phone: "+32 71 00 00 02",
        equipment: &["tablets", "wifi"],
        wheelchair: true,
        sessions: &[(2, "14:00", "17:00", 1, false, "smartphone identity email messaging", "everyone seniors", "fr it", "volunteer")],
    },
    DemoPlace {
        organisation: "cpas-charleroi",
        kind: "library",
        name_fr: Some("Bibliothèque de Gosselies — coin numérique (démo)"),
        name_nl: None,
        name_de: None,
        description: "Un mardi sur deux, des bénévoles aident à utiliser l'ordinateur et internet.",
        street: "Place des Martyrs 5",
        postcode: "6041",
        offset: (0.001, 0.002),
        phone: "+32 71 00 00 03",
        equipment: &["computers", "wifi"],
        wheelchair: false,
        sessions: &[(2, "09:30", "12:00", 2, false, "devices email social-networks safety", "everyone", "fr", "volunteer")],
    },
    DemoPlace {
        organisation: "cpas-charleroi",
        kind: "citizen-space",
        name_fr: Some("Espace citoyen de Jumet (démo)"),
        name_nl: None,
        name_de: None,
        description: "Aide aux démarches en ligne pour l'emploi et le logement.",
        street: "Rue de Gosselies 40",
        postcode: "6040",
        offset: (0.0, 0.0),
        phone: "+32 71 00 00 04",
        equipment: &["computers"],
        wheelchair: true,
        sessions: &[(4, "09:00", "12:00", 1, false, "employment housing transport", "job-seekers newcomers", "fr", "professional")],
    },
    DemoPlace {
        organisation: "cpas-charleroi",
        kind: "neighbourhood-house",
        name_fr: Some("Maison de quartier de Montignies (démo)"),
        name_nl: None,
        name_de: None,
        description: "Permanence du samedi matin : banque en ligne, arnaques, smartphone.",
        street: "Rue de la Station 3",
        postcode: "6061",
        offset: (0.0, 0.0),
        phone: "+32 71 00 00 05",
        equipment: &["wifi"],
        wheelchair: true,
        sessions: &[(6, "09:30", "12:30", 1, false, "banking safety smartphone", "everyone women", "fr", "both")],
    },
    DemoPlace {
        organisation: "clic-bruxelles",
        kind: "public-digital-space",
        name_fr: Some("EPN Molenbeek — permanence numérique (démo)"),
        name_nl: Some("OCR Molenbeek — digitale permanentie (demo)"),
        name_de: None,
        description: "Informaticiens publics : aide gratuite pour MyPension, Actiris, Irisbox, itsme.",
        street: "Rue du Comte de Flandre 20",
        postcode: "1080",
        offset: (0.0, 0.0),
        phone: "+32 2 000 00 10",
        equipment: &["computers", "wifi", "printer-scanner"],
        wheelchair: true,
        sessions: &[
            (1, "13:00", "16:00", 1, false, "employment pension identity housing taxes", "everyone", "fr nl ar", "professional"),
            (4, "09:30", "12:30", 1, false, "employment family-allowances identity email", "everyone newcomers", "fr ar tr", "professional"),
        ],
    },
    DemoPlace {
        organisation: "maison-quartier-nord",
        kind: "neighbourhood-house",
        name_fr: Some("Maison de quartier Nord — aide numérique (démo)"),
        name_nl: Some("Buurthuis Noord — digitale hulp (demo)"),
        name_de: None,
        description: "Lieu d'accueil partenaire du réseau des informaticiens publics.",
        street: "Rue Royale-Sainte-Marie 80",
        postcode: "1030",
        offset: (0.0, 0.0),
        phone: "+32 2 000 00 11",
        equipment: &["computers", "wifi"],
        wheelchair: false,
        sessions: &[(2, "09:30", "12:00", 1, false, "identity email smartphone health", "everyone seniors", "fr nl tr", "professional")],
    },
    DemoPlace {
        organisation: "clic-bruxelles",
        kind: "library",
        name_fr: Some("Bibliothèque de Bruxelles-Centre — permanence (démo)"),
        name_nl: Some("Bibliotheek Brussel-Centrum — permanentie (demo)"),
        name_de: None,
        description: "Permanence numérique à la bibliothèque.",
        street: "Boulevard de l'Abattoir 27",
        postcode: "1000",
        offset: (0.0, 0.0),
        phone: "+32 2 000 00 12",
        equipment: &["computers", "wifi", "printer-scanner"],
        wheelchair: true,
        sessions: &[(3, "10:00", "13:00", 1, false, "health-insurance health pension email", "everyone", "fr nl en", "professional")],
    },
    DemoPlace {
        organisation: "clic-bruxelles",
        kind: "soup-kitchen",
        name_fr: Some("Restaurant social d'Anderlecht — aide numérique (démo)"),
        name_nl: Some("Sociaal restaurant Anderlecht — digitale hulp (demo)"),
        name_de: None,
        description: "Pendant le repas, un informaticien public aide pour les démarches urgentes.",
        street: "Rue Wayez 30",
        postcode: "1070",
        offset: (0.0, 0.0),
        phone: "+32 2 000 00 13",
        equipment: &["tablets"],
        wheelchair: true,
        sessions: &[(5, "11:30", "14:00", 1, false, "identity housing employment messaging", "homeless everyone", "fr nl ar ro", "professional")],
    },
    DemoPlace {
        organisation: "clic-bruxelles",
        kind: "public-digital-space",
        name_fr: Some("EPN Ixelles — sur rendez-vous (démo)"),
        name_nl: Some("OCR Elsene — op afspraak (demo)"),
        name_de: None,
        description: "Accompagnement individuel sur rendez-vous.",
        street: "Chaussée d'Ixelles 168",
        postcode: "1050",
        offset: (0.0, 0.0),
        phone: "+32 2 000 00 14",
        equipment: &["computers", "wifi"],
        wheelchair: true,
        sessions: &[(2, "14:00", "17:00", 1, true, "taxes banking pension", "seniors everyone", "fr nl en es", "professional")],
    },
    DemoPlace {
        organisation: "ocmw-puurs-sint-amands",
        kind: "public-digital-space",
        name_fr: None,
        name_nl: Some("Digipunt Puurs (demo)"),
        name_de: None,
        description: "Digipunt in het Sociaal Huis: hulp bij itsme, mails en online formulieren.",
        street: "Hoogstraat 29",
        postcode: "2870",
        offset: (0.0, 0.0),
        phone: "+32 3 000 00 20",
        equipment: &["computers", "tablets", "wifi", "printer-scanner"],
        wheelchair: true,
        sessions: &[
            (1, "09:00", "12:00", 1, false, "identity email health-insurance pension", "everyone", "nl", "professional"),
            (4, "13:30", "16:00", 1, true, "taxes family-allowances housing", "everyone", "nl fr", "professional"),
        ],
    },
    DemoPlace {
        organisation: "ocmw-puurs-sint-amands",
        kind: "mobile-stop",
        name_fr: None,
        name_nl: Some("Digikar — halte Liezele (demo)"),
        name_de: None,
        description: "De Digikar stopt om de twee weken aan de kerk: vragen over je smartphone of online zaken.",
        street: "Kerkplein 1",
        postcode: "2870",
        offset: (0.012, -0.02),
        phone: "+32 3 000 00 21",
        equipment: &["tablets", "wifi"],
        wheelchair: true,
        sessions: &[(3, "10:00", "12:00", 2, false, "smartphone identity banking safety", "seniors", "nl", "both")],
    },
    DemoPlace {
        organisation: "ocmw-puurs-sint-amands",
        kind: "mobile-stop",
        name_fr: None,
        name_nl: Some("Digikar — halte Sint-Amands (demo)"),
        name_de: None,
        description: "De Digikar staat om de twee weken op het marktplein van Sint-Amands.",
        street: "Kaai 1",
        postcode: "2890",
        offset: (0.0, 0.0),
        phone: "+32 3 000 00 21",
        equipment: &["tablets", "wifi"],
        wheelchair: true,
        sessions: &[(3, "14:00", "16:00", 2, false, "smartphone identity email", "seniors everyone", "nl", "both")],
    },
    DemoPlace {
        organisation: "ocmw-bornem",
        kind: "library",
        name_fr: None,
        name_nl: Some("Bibliotheek Bornem — digitaal spreekuur (demo)"),
        name_de: None,
        description: "Elke woensdagnamiddag digitaal spreekuur in de bibliotheek.",
        street: "Boomstraat 1",
        postcode: "2880",
        offset: (0.0, 0.0),
        phone: "+32 3 000 00 22",
        equipment: &["computers", "wifi"],
        wheelchair: true,
        sessions: &[(3, "14:00", "16:30", 1, false, "email devices social-networks messaging", "everyone", "nl", "volunteer")],
    },
    DemoPlace {
        organisation: "oeshz-eupen",
        kind: "social-antenna",
        name_fr: Some("CPAS d'Eupen — aide numérique (démo)"),
        name_nl: None,
        name_de: Some("ÖSHZ Eupen — Digitale Hilfe (Demo)"),
        description: "Digitale Sprechstunde im ÖSHZ: Hilfe bei itsme, MyPension und Online-Anträgen.",
        street: "Hütte 79",
        postcode: "4700",
        offset: (0.0, 0.0),
        phone: "+32 87 00 00 30",
        equipment: &["computers", "wifi", "printer-scanner"],
        wheelchair: true,
        sessions: &[
            (2, "09:00", "12:00", 1, false, "identity pension health-insurance email", "everyone", "de fr", "professional"),
            (4, "14:00", "16:00", 1, true, "taxes banking employment", "everyone", "de", "professional"),
        ],
    },
    DemoPlace {
        organisation: "oeshz-eupen",
        kind: "rest-home",
        name_fr: None,
        name_nl: None,
        name_de: Some("Seniorenheim Eupen — Tablet-Café (Demo)"),
        description: "Einmal im Monat: Tablet-Café für Senioren, Videoanrufe mit der Familie.",
        street: "Judenstraße 2",
        postcode: "4700",
        offset: (0.004, 0.003),
        phone: "+32 87 00 00 31",
        equipment: &["tablets", "wifi"],
        wheelchair: true,
        sessions: &[(5, "14:30", "16:30", 4, false, "messaging smartphone devices", "seniors", "de", "volunteer")],
    },
];

fn time(text: &str) -> Time {
    text.parse().unwrap_or(Time::midnight())
}

/// The first date on or after 2026-01-05 (a Monday) falling on `weekday`.
fn anchor(weekday: Weekday) -> Date {
    let monday = Date::constant(2026, 1, 5);
    monday.checked_add(jiff::Span::new().days(i64::from(weekday.to_monday_zero_offset()))).unwrap_or(monday)
}

async fn load(db: &Db) -> Result<(), DbError> {
    crate::taxonomy::ensure_defaults(db).await?;
    // Mobile units: the Digikar (a van) of Puurs-Sint-Amands; its stops are the `mobile-stop` places.
    let mut digikar = None;
    if let Some(puurs) = organisations::find_by_slug(db, "ocmw-puurs-sint-amands").await? {
        let id = uuid::Uuid::new_v4();
        crate::units::create(db, id, puurs.id, "van", "Digikar (demo)").await?;
        digikar = Some((puurs.id, id));
    }
    for demo in PLACES {
        let Some(organisation) = organisations::find_by_slug(db, demo.organisation).await? else { continue };
        let Some(postcode) = reference().by_postcode(demo.postcode).into_iter().next() else {
            tracing::warn!(postcode = demo.postcode, "demo place skipped: unknown postcode");
            continue;
        };
        let names = [demo.name_fr, demo.name_nl, demo.name_de, None].map(|n| n.map(String::from));
        let description_slot = if demo.name_de.is_some() && demo.name_fr.is_none() || demo.postcode == "4700" {
            2
        } else if demo.name_fr.is_none() {
            1
        } else {
            0
        };
        let mut descriptions: [Option<String>; 4] = Default::default();
        descriptions[description_slot] = Some(demo.description.to_string());
        let input = PlaceInput {
            kind: demo.kind.to_string(),
            names,
            descriptions,
            street: demo.street.to_string(),
            postcode: demo.postcode.to_string(),
            municipality_nis: postcode.nis.clone(),
            latitude: postcode.latitude + demo.offset.0,
            longitude: postcode.longitude + demo.offset.1,
            phone: Some(demo.phone.to_string()),
            email: organisation.email.clone(),
            website: None,
            equipment: demo.equipment.iter().map(|e| e.to_string()).collect(),
            wheelchair: demo.wheelchair,
            hearing_loop: false,
            transport_hint: None,
            published: true,
            mobile_unit_id: digikar.filter(|(o, _)| demo.kind == "mobile-stop" && *o == organisation.id).map(|(_, u)| u),
        };
        let place = places::create_place(db, organisation.id, &input).await?;
        for (weekday, start, end, every_weeks, by_appointment, themes, publics, languages, helpers) in demo.sessions {
            let Ok(weekday) = Weekday::from_monday_one_offset(*weekday) else { continue };
            let split = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
            let recurrence = Recurrence { weekday, start: time(start), end: time(end), every_weeks: *every_weeks, anchor: anchor(weekday), from: None, until: None };
            places::add_session(
                db,
                place,
                &SessionInput {
                    recurrence,
                    by_appointment: *by_appointment,
                    themes: split(themes),
                    services: split("online-procedures device-basics"),
                    publics: split(publics),
                    languages: split(languages),
                    helper_kind: helpers.to_string(),
                },
            )
            .await?;
        }
        // The Christmas break, shown to the public, at the Charleroi space.
        if demo.postcode == "6000" {
            let closure = Exception { kind: ExceptionKind::Closed, from: Date::constant(2026, 12, 24), until: Date::constant(2027, 1, 1), start: None, end: None };
            places::add_exception(db, place, &closure, "Congés de fin d'année").await?;
        }
    }
    Ok(())
}
