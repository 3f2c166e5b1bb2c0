//! Text input is text, on every route: a control character other than TAB, CR and LF in a
//! form field, a query parameter, a JSON string or key is refused with a translated message,
//! on a public form, a signed-in form and the API alike, and nothing is stored; TAB, CR, LF
//! and accented letters pass.

use relais_accompaniments::log;
use relais_core::{
    i18n::{Locale, Tr},
    web::text_input::TEXT_KEY,
};
use relais_diagnostics::{catalogue, workshops};
use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::harness::{TestApp, browser, count_requests, form_token, signed_in};

/// The control characters sent (NUL, SOH, VT, DEL) and the harmless ones.
const REFUSED: [char; 4] = ['\u{0}', '\u{1}', '\u{b}', '\u{7f}'];
const HARMLESS: &str = "Ligne 1\r\nLigne 2\tfin — é ü € Ärger";

async fn organisation(app: &TestApp, slug: &str) -> Uuid {
    relais_organisations::organisations::find_by_slug(&app.db, slug).await.unwrap().unwrap().id
}

/// A workshop open to the public at the organisation's first place, in a week.
async fn workshop(app: &TestApp, slug: &str) -> Uuid {
    let org = organisation(app, slug).await;
    let module = catalogue::by_code(&app.db, "smartphone-first-steps").await.unwrap().unwrap();
    let place = relais_directory::places::places_of(&app.db, org).await.unwrap()[0].id;
    let start = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap() + Duration::days(7);
    let new = workshops::NewWorkshop {
        module_id: module.id,
        place_id: Some(place),
        language: "fr".into(),
        device: "smartphone".into(),
        capacity: 10,
        facilitators: "Test".into(),
        meetings: vec![(start, start + Duration::hours(2))],
    };
    let id = Uuid::new_v4();
    assert!(workshops::create(&app.db, id, org, &new).await.unwrap());
    id
}

/// The refusal page in `locale`: 400 and the translated message.
async fn assert_refused_page(response: reqwest::Response, locale: Locale, what: &str) {
    assert_eq!(response.status(), 400, "{what}");
    let body = response.text().await.unwrap();
    let message = Tr::new(locale).t(TEXT_KEY);
    assert!(!message.contains(TEXT_KEY), "translated");
    assert!(body.contains(&message.replace('\'', "&#39;")) || body.contains(&message), "{what}: the message in {locale:?}");
    assert!(body.contains(&format!("<html lang=\"{}\"", locale.code())), "{what}");
}

#[tokio::test]
async fn a_control_character_is_refused_in_forms_queries_and_json_and_nothing_is_stored() {
    let app = TestApp::spawn_demo().await;
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let workshop = workshop(&app, "cpas-charleroi").await;
    let public = browser();
    let page = public.get(app.url(&format!("/workshops/{workshop}"))).send().await.unwrap().text().await.unwrap();
    let public_csrf = form_token(&page).unwrap();
    let (worker, csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    let worker_id = relais_organisations::users::find_by_email(&app.db, "worker.charleroi@demo.relais.be").await.unwrap().unwrap().id;
    let (_, token) = relais_organisations::tokens::create(&app.db, worker_id, "test").await.unwrap();
    let api = reqwest::Client::new();
    let requests_before = count_requests(&app, charleroi).await;

    for c in REFUSED {
        // A public form (English).
        let name = format!("Ann{c}e");
        let form = [("csrf", public_csrf.as_str()), ("id", &Uuid::new_v4().to_string()), ("name", &name), ("phone", "0470 12 34 56")];
        let response = public.post(app.url(&format!("/workshops/{workshop}/register?lang=en"))).form(&form).send().await.unwrap();
        assert_refused_page(response, Locale::En, &format!("public form, {c:?}")).await;

        // A signed-in form (Dutch).
        let id = Uuid::new_v4().to_string();
        let note = format!("Terugbellen{c} donderdag");
        let form = [
            ("csrf", csrf.as_str()),
            ("id", &id),
            ("at", "phone"),
            ("themes", "pension"),
            ("online_service", "mypension"),
            ("autonomy", "done-with"),
            ("outcome", "solved"),
            ("note", &note),
        ];
        let response = worker.post(app.url("/organisations/cpas-charleroi/log?lang=nl")).form(&form).send().await.unwrap();
        assert_refused_page(response, Locale::Nl, &format!("signed-in form, {c:?}")).await;
        assert!(log::find(&app.db, charleroi, id.parse().unwrap()).await.unwrap().is_none());

        // A query parameter, on a page and on the API.
        let encoded = format!("%{:02X}", c as u32);
        let response = app.get(&format!("/places?q=Li{encoded}ge&lang=en")).await;
        assert_refused_page(response, Locale::En, &format!("query, {c:?}")).await;
        let response = api.get(app.url(&format!("/api/v1/people?q=a{encoded}"))).bearer_auth(&token).header("accept-language", "nl").send().await.unwrap();
        assert_eq!(response.status(), 400);
        let body: Value = response.json().await.unwrap();
        assert_eq!((body["error"].as_str(), body["field"].as_str()), (Some("control_character"), Some("q")));
        assert_eq!(body["message"], Tr::new(Locale::Nl).t(TEXT_KEY));

        // A JSON string (as an escape, `\u0000`), at the top and deeper, and a JSON key.
        for (body, field) in [
            (
                json!({"organisation": "cpas-charleroi", "setting": "phone", "themes": ["pension"], "autonomy": "done-with", "outcome": "solved", "note": format!("a{c}b")}),
                Some("note"),
            ),
            (
                json!({"organisation": "cpas-charleroi", "setting": "phone", "themes": ["pension", format!("x{c}")], "autonomy": "done-with", "outcome": "solved"}),
                Some("themes[1]"),
            ),
            (json!({"organisation": "cpas-charleroi", "setting": "phone", "themes": ["pension"], "autonomy": "done-with", "outcome": "solved", format!("k{c}"): 1}), None),
        ] {
            let response = api.post(app.url("/api/v1/accompaniments")).bearer_auth(&token).header("accept-language", "de").json(&body).send().await.unwrap();
            assert_eq!(response.status(), 400, "{body}");
            assert!(response.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
            let answer: Value = response.json().await.unwrap();
            assert_eq!((answer["error"].as_str(), answer["field"].as_str()), (Some("control_character"), field), "{body}");
            assert_eq!(answer["message"], Tr::new(Locale::De).t(TEXT_KEY));
        }
    }
    assert!(workshops::registrations(&app.db, workshop).await.unwrap().is_empty(), "no registration stored");
    assert_eq!(count_requests(&app, charleroi).await, requests_before, "no request stored");
}

#[tokio::test]
async fn tab_cr_lf_and_accented_letters_pass() {
    let app = TestApp::spawn_demo().await;
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let workshop = workshop(&app, "cpas-charleroi").await;

    let public = browser();
    let page = public.get(app.url(&format!("/workshops/{workshop}"))).send().await.unwrap().text().await.unwrap();
    let form = [("csrf", form_token(&page).unwrap()), ("id", Uuid::new_v4().to_string()), ("name", "Zoé Müller".into()), ("phone", "0470 12 34 56".into())];
    let response = public.post(app.url(&format!("/workshops/{workshop}/register"))).form(&form).send().await.unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(workshops::registrations(&app.db, workshop).await.unwrap()[0].name, "Zoé Müller");

    let (worker, csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    let id = Uuid::new_v4().to_string();
    let form = [
        ("csrf", csrf.as_str()),
        ("id", &id),
        ("at", "phone"),
        ("themes", "pension"),
        ("online_service", "mypension"),
        ("autonomy", "done-with"),
        ("outcome", "solved"),
        ("note", HARMLESS),
    ];
    let response = worker.post(app.url("/organisations/cpas-charleroi/log")).form(&form).send().await.unwrap();
    assert_eq!(response.status(), 303);
    let note = log::find(&app.db, charleroi, id.parse().unwrap()).await.unwrap().unwrap().note;
    assert!(note.contains('\t') && note.contains('\n') && note.contains("é ü € Ärger"), "{note:?}");

    assert_eq!(app.get("/places?q=Li%C3%A8ge").await.status(), 200);
    let worker_id = relais_organisations::users::find_by_email(&app.db, "worker.charleroi@demo.relais.be").await.unwrap().unwrap().id;
    let (_, token) = relais_organisations::tokens::create(&app.db, worker_id, "test").await.unwrap();
    let body = json!({"organisation": "cpas-charleroi", "setting": "phone", "themes": ["pension"], "autonomy": "done-with", "outcome": "solved", "note": HARMLESS});
    let response = reqwest::Client::new().post(app.url("/api/v1/accompaniments")).bearer_auth(&token).json(&body).send().await.unwrap();
    assert_eq!(response.status(), 201);
    let id: Uuid = response.json::<Value>().await.unwrap()["id"].as_str().unwrap().parse().unwrap();
    assert_eq!(log::find(&app.db, charleroi, id).await.unwrap().unwrap().note, HARMLESS);
}

#[tokio::test]
async fn a_text_longer_than_its_limit_is_refused_on_the_server_and_nothing_is_stored() {
    use relais_core::web::limits;
    let app = TestApp::spawn_demo().await;
    let (coordinator, csrf) = signed_in(&app, "coordinator.eupen@demo.relais.be").await;
    let eupen = organisation(&app, "oeshz-eupen").await;
    let before = relais_directory::places::places_of(&app.db, eupen).await.unwrap().len();
    let page = coordinator.get(app.url("/organisations/oeshz-eupen/places/new?lang=de")).send().await.unwrap().text().await.unwrap();
    let form_id = page.split("name=\"id\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    // The browser's limit removed: a 5,000-character name.
    let long = "Bibliothek".repeat(500);
    let form = [("csrf", csrf.as_str()), ("id", form_id.as_str()), ("kind", "library"), ("name_de", long.as_str()), ("street", "Aachener Straße 1"), ("postcode", "4700")];
    let response = coordinator.post(app.url("/organisations/oeshz-eupen/places/new?lang=de")).form(&form).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains(&Tr::new(Locale::De).t(limits::TITLE_KEY)) && body.contains("<html lang=\"de\""), "translated");
    assert_eq!(relais_directory::places::places_of(&app.db, eupen).await.unwrap().len(), before, "nothing stored");
    // At the limit, it passes.
    let at_limit = "B".repeat(200);
    let form = [("csrf", csrf.as_str()), ("id", form_id.as_str()), ("kind", "library"), ("name_de", at_limit.as_str()), ("street", "Aachener Straße 1"), ("postcode", "4700")];
    assert_eq!(coordinator.post(app.url("/organisations/oeshz-eupen/places/new")).form(&form).send().await.unwrap().status(), 303);
    // A query too: the public search.
    let q = "4".repeat(5000);
    assert_eq!(browser().get(app.url(&format!("/places?q={q}&lang=nl"))).send().await.unwrap().status(), 422);

    // Where the handler checks the length itself, the form comes back with what was typed.
    let (worker, csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    let long = "Elle ne sait pas utiliser itsme. ".repeat(100);
    let id = Uuid::new_v4().to_string();
    let form = [("csrf", csrf.as_str()), ("id", id.as_str()), ("at", "phone"), ("themes", "identity"), ("autonomy", "explained"), ("outcome", "solved"), ("note", long.as_str())];
    let before = count_requests(&app, organisation(&app, "cpas-charleroi").await).await;
    let response = worker.post(app.url("/organisations/cpas-charleroi/log?lang=fr")).form(&form).send().await.unwrap();
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains(long.trim()), "the note kept whole in the form");
    assert_eq!(count_requests(&app, organisation(&app, "cpas-charleroi").await).await, before);
    let name = "t".repeat(300);
    let response = worker.post(app.url("/account/tokens?lang=fr")).form(&[("csrf", csrf.as_str()), ("name", name.as_str())]).send().await.unwrap();
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains(&name), "the token's name kept in the form");
}
