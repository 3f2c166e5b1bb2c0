//! The directory end to end: public search by postcode or name in four languages, the API's
//! next openings, the iCalendar feed read back by a real parser, and coordinators keeping their
//! places current (validation, double submits, other tenants).

use jiff::{Timestamp, civil::Date};
use serde_json::Value;

use crate::harness::{TestApp, browser, signed_in};

async fn json(app: &TestApp, path: &str) -> (u16, Value) {
    let response = app.get(path).await;
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[tokio::test]
async fn the_public_finds_places_by_postcode_or_by_name_in_every_language() {
    let app = TestApp::spawn_demo().await;
    for (q, expect) in
        [("6000", "Charleroi-Centre"), ("Charleroi", "Charleroi-Centre"), ("1080", "Molenbeek"), ("Sint-Jans-Molenbeek", "Molenbeek"), ("4700", "Eupen"), ("2870", "Puurs")]
    {
        for lang in ["fr", "nl", "de", "en"] {
            let page = app.get(&format!("/places?q={q}&lang={lang}")).await;
            assert_eq!(page.status(), 200, "{q} [{lang}]");
            let body = page.text().await.unwrap();
            let first = body.split("<li class=\"result\">").nth(1).unwrap_or_else(|| panic!("{q} [{lang}]: no result\n{body}"));
            assert!(first.contains(expect), "{q} [{lang}]: nearest is not {expect}:\n{first}");
        }
    }
    // An unknown name says so; Bruxelles offers the city and the region.
    let body = app.get("/places?q=Atlantis&lang=en").await.text().await.unwrap();
    assert!(body.contains("We do not know this postcode"));
    let body = app.get("/places?q=Bruxelles&lang=fr").await.text().await.unwrap();
    assert!(body.contains("area=brussels") && body.contains("area=21004"), "{body}");
    let body = app.get("/places?q=Bruxelles&area=brussels&lang=fr").await.text().await.unwrap();
    assert!(body.matches("<li class=\"result\">").count() >= 5, "the region has the network's places");
}

#[tokio::test]
async fn the_api_reports_places_with_their_next_opening() {
    let app = TestApp::spawn_demo().await;
    let (status, found) = json(&app, "/api/v1/places?postcode=1080").await;
    assert_eq!(status, 200, "{found}");
    assert!(found["total"].as_u64().unwrap() >= 5);
    let first = &found["places"][0];
    assert!(first["name"].as_str().unwrap().contains("Molenbeek"));
    let opening = &first["next_opening"];
    let start: Timestamp = opening["start"].as_str().unwrap().parse().unwrap();
    let end: Timestamp = opening["end"].as_str().unwrap().parse().unwrap();
    assert!(start < end && end > Timestamp::now());
    assert_eq!(first["open_now"].as_bool().unwrap(), start <= Timestamp::now());

    let id = first["id"].as_str().unwrap();
    let (status, one) = json(&app, &format!("/api/v1/places/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(one["next_opening"], first["next_opening"]);

    // Filters, ambiguity, unknowns.
    let (_, pension) = json(&app, "/api/v1/places?q=Molenbeek&theme=pension").await;
    for place in pension["places"].as_array().unwrap() {
        assert!(place["themes"].as_array().unwrap().iter().any(|t| t == "pension"), "{place}");
    }
    assert_eq!(json(&app, "/api/v1/places?q=Brussel").await.0, 409);
    assert_eq!(json(&app, "/api/v1/places?q=Atlantis").await.0, 404);
    assert_eq!(json(&app, "/api/v1/places/not-an-id").await.0, 404);

    // The OpenAPI document describes it.
    let (_, doc) = json(&app, "/api/openapi.json").await;
    assert!(doc["paths"]["/api/v1/places"].is_object() && doc["paths"]["/api/v1/me"].is_object());
}

#[tokio::test]
async fn the_calendar_feed_parses_and_agrees_with_the_api() {
    use icalendar::{Calendar, CalendarComponent, Component};
    let app = TestApp::spawn_demo().await;
    let (_, found) = json(&app, "/api/v1/places?postcode=6000").await;
    let place = &found["places"][0];
    let id = place["id"].as_str().unwrap();
    let response = app.get(&format!("/places/{id}.ics")).await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    let text = response.text().await.unwrap();
    let calendar: Calendar = text.parse().unwrap_or_else(|e| panic!("the feed does not parse: {e}\n{text}"));
    let events: Vec<_> = calendar.components.iter().filter_map(|c| if let CalendarComponent::Event(e) = c { Some(e) } else { None }).collect();
    assert!(events.len() >= 3, "one event per session");
    for event in &events {
        assert!(event.get_uid().is_some_and(|u| u.ends_with("@relais")));
        assert!(event.property_value("RRULE").is_some() || event.get_uid().unwrap().starts_with("extra-"));
    }
    // Stable UIDs.
    let again = app.get(&format!("/places/{id}.ics")).await.text().await.unwrap();
    let uids = |t: &str| t.lines().filter(|l| l.starts_with("UID:")).map(String::from).collect::<Vec<_>>();
    assert_eq!(uids(&text), uids(&again));

    // Expand the weekly rules over the next 3 weeks: the earliest occurrence is the API's next opening.
    let next_start: Timestamp = place["next_opening"]["start"].as_str().unwrap().parse().unwrap();
    let tz = jiff::tz::TimeZone::get("Europe/Brussels").unwrap();
    let now = Timestamp::now();
    let mut earliest: Option<Timestamp> = None;
    for event in &events {
        let Some(rule) = event.property_value("RRULE") else { continue };
        let dtstart = text.lines().skip_while(|l| !l.contains(event.get_uid().unwrap())).find(|l| l.starts_with("DTSTART")).unwrap();
        let dtend = text.lines().skip_while(|l| !l.contains(event.get_uid().unwrap())).find(|l| l.starts_with("DTEND")).unwrap();
        let start = jiff::civil::DateTime::strptime("%Y%m%dT%H%M%S", dtstart.rsplit(':').next().unwrap()).unwrap();
        let end = jiff::civil::DateTime::strptime("%Y%m%dT%H%M%S", dtend.rsplit(':').next().unwrap()).unwrap();
        let interval: i64 = rule.split(';').find_map(|p| p.strip_prefix("INTERVAL=")).unwrap().parse().unwrap();
        let excluded: Vec<String> = text
            .lines()
            .skip_while(|l| !l.contains(event.get_uid().unwrap()))
            .take_while(|l| *l != "END:VEVENT")
            .filter_map(|l| l.strip_prefix("EXDATE;TZID=Europe/Brussels:"))
            .flat_map(|l| l.split(',').map(String::from).collect::<Vec<_>>())
            .collect();
        let mut day = start.date();
        while day <= now.to_zoned(tz.clone()).date().checked_add(jiff::Span::new().days(21)).unwrap() {
            let stamp = jiff::civil::DateTime::from_parts(day, start.time()).strftime("%Y%m%dT%H%M%S").to_string();
            let ends = jiff::civil::DateTime::from_parts(day, end.time()).to_zoned(tz.clone()).unwrap().timestamp();
            if ends > now && !excluded.contains(&stamp) {
                let begins = jiff::civil::DateTime::from_parts(day, start.time()).to_zoned(tz.clone()).unwrap().timestamp();
                earliest = Some(earliest.map_or(begins, |e: Timestamp| e.min(begins)));
            }
            day = day.checked_add(jiff::Span::new().days(7 * interval)).unwrap();
        }
    }
    assert_eq!(earliest, Some(next_start), "the feed's first occurrence is the API's next opening\n{text}");
}

#[tokio::test]
async fn a_coordinator_adds_a_place_a_session_and_a_closure_and_the_public_sees_them() {
    let app = TestApp::spawn_demo().await;
    let (coordinator, csrf) = signed_in(&app, "coordinator.eupen@demo.relais.be").await;
    let page = coordinator.get(app.url("/organisations/oeshz-eupen/places/new?lang=de")).send().await.unwrap().text().await.unwrap();
    let form_id = page.split("name=\"id\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();

    // Bad input: translated messages, nothing lost, nothing stored.
    let bad = [
        ("csrf", csrf.as_str()),
        ("id", form_id.as_str()),
        ("kind", "library"),
        ("name_de", "Bibliothek Kettenis"),
        ("street", ""),
        ("postcode", "9999"),
        ("email", "not-an-address"),
    ];
    let response = coordinator.post(app.url("/organisations/oeshz-eupen/places/new?lang=de")).form(&bad).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Bibliothek Kettenis") && body.contains("not-an-address"), "input kept");
    assert!(body.contains("role=\"alert\""));
    // No postcode at all: asked for, not called unknown.
    let no_postcode =
        [("csrf", csrf.as_str()), ("id", form_id.as_str()), ("kind", "library"), ("name_de", "Bibliothek Kettenis"), ("street", "Aachener Straße 1"), ("postcode", "")];
    let body = coordinator.post(app.url("/organisations/oeshz-eupen/places/new?lang=de")).form(&no_postcode).send().await.unwrap().text().await.unwrap();
    assert!(body.contains("Geben Sie die Postleitzahl des Ortes an.") && !body.contains("gibt es in Belgien nicht"));

    // A good one, submitted twice: one place.
    let good = [
        ("csrf", csrf.as_str()),
        ("id", form_id.as_str()),
        ("kind", "library"),
        ("name_de", "Bibliothek Kettenis (Test)"),
        ("street", "Aachener Straße 1"),
        ("postcode", "4700"),
        ("published", "on"),
        ("equipment", "wifi"),
    ];
    for _ in 0..2 {
        let created = coordinator.post(app.url("/organisations/oeshz-eupen/places/new")).form(&good).send().await.unwrap();
        assert_eq!(created.status(), 303);
    }
    let organisation = relais_organisations::organisations::find_by_slug(&app.db, "oeshz-eupen").await.unwrap().unwrap();
    let places = relais_directory::places::places_of(&app.db, organisation.id).await.unwrap();
    assert_eq!(places.iter().filter(|p| p.name_de.as_deref() == Some("Bibliothek Kettenis (Test)")).count(), 1);
    let place = places.iter().find(|p| p.name_de.as_deref() == Some("Bibliothek Kettenis (Test)")).unwrap().id;
    // The same name and address from a new form: a warning with a link, nothing created…
    let again = [
        ("csrf", csrf.as_str()),
        ("id", "5b1c2d3e-0000-4000-8000-000000000001"),
        ("kind", "library"),
        ("name_de", "bibliothek kettenis (test)"),
        ("street", "Aachener Strasse 1"),
        ("postcode", "4700"),
    ];
    let response = coordinator.post(app.url("/organisations/oeshz-eupen/places/new?lang=de")).form(&again).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(
        body.contains(&relais_core::i18n::Tr::new(relais_core::i18n::Locale::De).t("place-error-duplicate")) && body.contains(&format!("/places/{place}\"")),
        "warned, with a link"
    );
    assert!(body.contains("name=\"duplicate_ok\""));
    assert_eq!(relais_directory::places::places_of(&app.db, organisation.id).await.unwrap().len(), places.len());
    // …unless the coordinator says it is another place.
    let mut anyway = again.to_vec();
    anyway.push(("duplicate_ok", "on"));
    assert_eq!(coordinator.post(app.url("/organisations/oeshz-eupen/places/new")).form(&anyway).send().await.unwrap().status(), 303);
    assert_eq!(relais_directory::places::places_of(&app.db, organisation.id).await.unwrap().len(), places.len() + 1);
    let (_, before) = json(&app, &format!("/api/v1/places/{place}")).await;
    assert!(before["next_opening"].is_null(), "no session yet");
    // Without a session, the place is not in the public search (its own page says so), and its
    // coordinator is told.
    let in_search = |body: &str| body.contains(&format!("/places/{place}\""));
    assert!(!in_search(&app.get("/places?q=4700&lang=de").await.text().await.unwrap()), "not searchable without a session");
    let manage = coordinator.get(app.url(&format!("/organisations/oeshz-eupen/places/{place}?lang=de"))).send().await.unwrap().text().await.unwrap();
    assert!(manage.contains(&relais_core::i18n::Tr::new(relais_core::i18n::Locale::De).t("place-no-sessions-yet")));

    // A session crossing midnight is refused with a clear message.
    let today = Timestamp::now().to_zoned(jiff::tz::TimeZone::get("Europe/Brussels").unwrap()).date();
    let tomorrow = today.tomorrow().unwrap();
    let weekday = tomorrow.weekday().to_monday_one_offset().to_string();
    let first = tomorrow.to_string();
    let session = |start: &'static str, end: &'static str, id: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("id", id.to_string()),
            ("weekday", weekday.clone()),
            ("start", start.to_string()),
            ("end", end.to_string()),
            ("every_weeks", "1".to_string()),
            ("first", first.clone()),
            ("access", "free".to_string()),
            ("helper_kind", "volunteer".to_string()),
            ("themes", "email".to_string()),
            ("themes", "smartphone".to_string()),
            ("languages", "de".to_string()),
        ]
    };
    let midnight = coordinator
        .post(app.url(&format!("/organisations/oeshz-eupen/places/{place}/sessions?lang=en")))
        .form(&session("22:00", "01:00", "8d6f3a52-3c1e-4d1e-9a57-000000000001"))
        .send()
        .await
        .unwrap();
    assert_eq!(midnight.status(), 422);
    assert!(midnight.text().await.unwrap().contains("cannot go past midnight"));

    let added = coordinator
        .post(app.url(&format!("/organisations/oeshz-eupen/places/{place}/sessions")))
        .form(&session("14:00", "16:00", "8d6f3a52-3c1e-4d1e-9a57-000000000002"))
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), 303);
    let (_, after) = json(&app, &format!("/api/v1/places/{place}")).await;
    assert!(after["next_opening"]["start"].as_str().unwrap().starts_with(&format!("{first}T14:00:00")), "{after}");
    assert!(in_search(&app.get("/places?q=4700&lang=de").await.text().await.unwrap()), "searchable with its session");

    // Closed tomorrow: the next opening moves a week on, and the public page says why.
    let closure = [("csrf", csrf.as_str()), ("id", "8d6f3a52-3c1e-4d1e-9a57-000000000003"), ("kind", "closed"), ("from", first.as_str()), ("until", ""), ("reason", "Inventur")];
    let closed = coordinator.post(app.url(&format!("/organisations/oeshz-eupen/places/{place}/exceptions"))).form(&closure).send().await.unwrap();
    assert_eq!(closed.status(), 303);
    let (_, later) = json(&app, &format!("/api/v1/places/{place}")).await;
    let week_after: Date = tomorrow.checked_add(jiff::Span::new().days(7)).unwrap();
    assert!(later["next_opening"]["start"].as_str().unwrap().starts_with(&week_after.to_string()), "{later}");
    let public = browser().get(app.url(&format!("/places/{place}?lang=de"))).send().await.unwrap().text().await.unwrap();
    assert!(public.contains("Inventur") && public.contains("Bibliothek Kettenis (Test)"));

    // The audit log has every change.
    let audit = coordinator.get(app.url("/organisations/oeshz-eupen/audit")).send().await.unwrap().text().await.unwrap();
    for action in ["place.created", "place.session_added", "place.exception_added"] {
        assert!(audit.contains(action), "{action}");
    }
}

#[tokio::test]
async fn nobody_manages_another_organisations_places() {
    let app = TestApp::spawn_demo().await;
    let eupen = relais_organisations::organisations::find_by_slug(&app.db, "oeshz-eupen").await.unwrap().unwrap();
    let place = relais_directory::places::places_of(&app.db, eupen.id).await.unwrap()[0].id;
    let (charleroi, csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    // Through its own organisation's URL: not its place.
    assert_eq!(charleroi.get(app.url(&format!("/organisations/cpas-charleroi/places/{place}"))).send().await.unwrap().status(), 404);
    // Through the other's URL: not its organisation.
    assert_eq!(charleroi.get(app.url(&format!("/organisations/oeshz-eupen/places/{place}"))).send().await.unwrap().status(), 404);
    let response = charleroi
        .post(app.url(&format!("/organisations/cpas-charleroi/places/{place}/exceptions")))
        .form(&[("csrf", csrf.as_str()), ("kind", "closed"), ("from", "2027-01-04"), ("reason", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert!(relais_directory::places::exceptions_of(&app.db, place).await.unwrap().is_empty(), "nothing changed");
    // A volunteer of Charleroi does not manage Charleroi's places.
    let (volunteer, _) = signed_in(&app, "volunteer.charleroi@demo.relais.be").await;
    assert_eq!(volunteer.get(app.url("/organisations/cpas-charleroi/places")).send().await.unwrap().status(), 403);
}

#[tokio::test]
async fn open_data_uses_the_standard_names_and_the_api_ids() {
    let app = TestApp::spawn_demo().await;
    let (status, lieux) = json(&app, "/opendata/places.json").await;
    assert_eq!(status, 200);
    let lieux = lieux.as_array().unwrap();
    assert!(lieux.len() >= 10);
    for lieu in lieux {
        for field in ["id", "nom", "adresse", "code_postal", "code_nis", "commune", "latitude", "longitude", "horaires", "services", "telephone", "modalites_acces"] {
            assert!(lieu.get(field).is_some(), "{field} in {lieu}");
        }
        assert_eq!(lieu["code_postal"].as_str().unwrap().len(), 4);
        assert!(lieu["telephone"].as_str().unwrap().starts_with("+32 "));
        let horaires = lieu["horaires"].as_str().unwrap();
        assert!(!horaires.is_empty() && !horaires.contains("week"), "{horaires}");
        let id = lieu["id"].as_str().unwrap();
        assert_eq!(json(&app, &format!("/api/v1/places/{id}")).await.0, 200, "the same id in the API");
    }
    let charleroi = lieux.iter().find(|l| l["nom"].as_str().unwrap().contains("Charleroi-Centre")).unwrap();
    assert!(charleroi["horaires"].as_str().unwrap().starts_with("Mo,Fr 09:00-12:00; We 13:30-16:30"), "{}", charleroi["horaires"]);
    assert_eq!(charleroi["pivot"], "0207.461.026", "the organisation's BCE/KBO number");
    let csv = app.get("/opendata/places.csv").await.text().await.unwrap();
    assert!(csv.trim_start_matches('\u{feff}').starts_with("id,nom,pivot,structure_parente,adresse,code_postal,code_nis"));
    assert!(csv.contains(",0207.461.026,CPAS de Charleroi (démo),"));
}

#[tokio::test]
async fn a_coordinator_gives_the_enterprise_number_published_as_pivot() {
    let app = TestApp::spawn_demo().await;
    let (coordinator, csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let save = |number: &'static str, lang: &'static str| {
        coordinator
            .post(app.url(&format!("/organisations/cpas-charleroi/settings?lang={lang}")))
            .form(&[("csrf", csrf.as_str()), ("idle_timeout", "30"), ("company_number", number)])
            .send()
    };
    // A typing error: refused with a translated message, what was typed kept, nothing changed.
    for (lang, message) in [("en", "does not exist"), ("fr", "existe pas"), ("nl", "bestaat niet"), ("de", "gibt es nicht")] {
        let refused = save("0207.461.027", lang).await.unwrap();
        assert_eq!(refused.status(), 422);
        let body = refused.text().await.unwrap();
        assert!(body.contains(message) && body.contains("value=\"0207.461.027\"") && body.contains("aria-invalid=\"true\""), "{lang}: {body}");
    }
    let refused = save("12-34", "en").await.unwrap().text().await.unwrap();
    assert!(refused.contains("10 digits"), "{refused}");
    let (_, lieux) = json(&app, "/opendata/places.json").await;
    let pivots =
        |lieux: &Value| -> Vec<Value> { lieux.as_array().unwrap().iter().filter(|l| l["structure_parente"] == "CPAS de Charleroi (démo)").map(|l| l["pivot"].clone()).collect() };
    assert!(pivots(&lieux).iter().all(|p| p == "0207.461.026"));

    // Written the way people write it: stored and published in the usual form.
    assert_eq!(save("BE 0212 345 668", "en").await.unwrap().status(), 303);
    let (_, lieux) = json(&app, "/opendata/places.json").await;
    let found = pivots(&lieux);
    assert!(!found.is_empty() && found.iter().all(|p| p == "0212.345.668"), "{found:?}");
    let page = coordinator.get(app.url("/organisations/cpas-charleroi/settings")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("value=\"0212.345.668\""));
    // Other organisations keep theirs; an empty field removes it.
    let (_, lieux) = json(&app, "/opendata/places.json").await;
    assert!(lieux.as_array().unwrap().iter().any(|l| l["pivot"] == "0212.453.160"), "Clic Bruxelles unchanged");
    assert_eq!(save("", "en").await.unwrap().status(), 303);
    let (_, lieux) = json(&app, "/opendata/places.json").await;
    assert!(pivots(&lieux).iter().all(Value::is_null));
}

#[tokio::test]
async fn a_municipality_has_one_calendar_with_all_its_places() {
    use icalendar::{Calendar, CalendarComponent};
    let app = TestApp::spawn_demo().await;
    let response = app.get("/feeds/municipality/21012.ics").await;
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    let calendar: Calendar = text.parse().unwrap();
    let events = calendar.components.iter().filter(|c| matches!(c, CalendarComponent::Event(_))).count();
    assert!(events >= 2, "Molenbeek's sessions: {events}");
    assert_eq!(app.get("/feeds/municipality/99999.ics").await.status(), 404);
    let page = app.get("/places?q=1080&lang=en").await.text().await.unwrap();
    assert!(page.contains("/feeds/municipality/21012.ics"));
}

#[tokio::test]
async fn the_lists_of_the_accompaniment_log_start_in_four_languages_and_are_editable() {
    let app = TestApp::spawn_demo().await;
    let (admin, csrf) = signed_in(&app, "admin@demo.relais.be").await;
    for (path, lang, expected) in [
        ("/admin/taxonomies/online-service", "nl", "Ziekenfonds (website of app)"),
        ("/admin/taxonomies/online-service", "de", "Arbeitsamt der DG (ADG)"),
        ("/admin/taxonomies/autonomy", "fr", "Fait avec la personne"),
        ("/admin/taxonomies/outcome", "en", "Follow-up needed"),
    ] {
        let page = admin.get(app.url(&format!("{path}?lang={lang}"))).send().await.unwrap();
        assert_eq!(page.status(), 200, "{path}");
        let body = page.text().await.unwrap();
        assert!(body.contains(expected), "{path} [{lang}]: {expected}: {}", &body[body.len().saturating_sub(3000)..]);
    }
    let new_service = [("csrf", csrf.as_str()), ("code", "mycareer"), ("label_fr", "MyCareer"), ("label_nl", "MyCareer"), ("label_de", "MyCareer"), ("label_en", "MyCareer")];
    assert_eq!(admin.post(app.url("/admin/taxonomies/online-service")).form(&new_service).send().await.unwrap().status(), 303);
    let terms = relais_directory::taxonomy::all_terms(&app.db).await.unwrap();
    let services: Vec<&str> = terms.iter().filter(|t| t.taxonomy == relais_directory::taxonomy::Taxonomy::OnlineService).map(|t| t.code.as_str()).collect();
    assert!(services.contains(&"mypension") && services.contains(&"mycareer") && services.len() == 21, "{services:?}");
    assert_eq!(admin.get(app.url("/admin/taxonomies/nonsense")).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn a_platform_admin_renames_and_adds_theme_terms_in_four_languages() {
    let app = TestApp::spawn_demo().await;
    let (admin, csrf) = signed_in(&app, "admin@demo.relais.be").await;
    let renamed = [
        ("csrf", csrf.as_str()),
        ("label_fr", "Pension de retraite"),
        ("label_nl", "Pensioen"),
        ("label_de", "Ruhestandspension"),
        ("label_en", "Retirement pension"),
        ("active", "on"),
    ];
    let response = admin.post(app.url("/admin/taxonomies/theme/pension")).form(&renamed).send().await.unwrap();
    assert_eq!(response.status(), 303);
    let page = app.get("/places?lang=en").await.text().await.unwrap();
    assert!(page.contains("Retirement pension"), "the search offers the new label at once");

    let new_term = [
        ("csrf", csrf.as_str()),
        ("code", "mobility-aids"),
        ("label_fr", "Aides à la mobilité"),
        ("label_nl", "Mobiliteitshulp"),
        ("label_de", "Mobilitätshilfen"),
        ("label_en", "Mobility aids"),
    ];
    for _ in 0..2 {
        assert_eq!(admin.post(app.url("/admin/taxonomies/theme")).form(&new_term).send().await.unwrap().status(), 303);
    }
    let terms = relais_directory::taxonomy::all_terms(&app.db).await.unwrap();
    assert_eq!(terms.iter().filter(|t| t.code == "mobility-aids").count(), 1, "a double submit adds one term");

    let bad = [("csrf", csrf.as_str()), ("code", "Bad Code!"), ("label_fr", "x")];
    let response = admin.post(app.url("/admin/taxonomies/theme?lang=en")).form(&bad).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("The code must be") && body.contains("value=\"bad code!\""), "the typed code is kept (lower-cased)");

    let (coordinator, csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    assert_eq!(coordinator.get(app.url("/admin/taxonomies/theme")).send().await.unwrap().status(), 403);
    let response = coordinator
        .post(app.url("/admin/taxonomies/theme/pension"))
        .form(&[("csrf", csrf.as_str()), ("label_fr", "x"), ("label_nl", "x"), ("label_de", "x"), ("label_en", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn a_mobile_unit_shows_its_next_stops_and_coordinators_add_stops() {
    use icalendar::{Calendar, CalendarComponent};
    let app = TestApp::spawn_demo().await;
    let puurs = relais_organisations::organisations::find_by_slug(&app.db, "ocmw-puurs-sint-amands").await.unwrap().unwrap();
    let unit = relais_directory::units::of_organisation(&app.db, puurs.id).await.unwrap().remove(0);
    let page = app.get(&format!("/units/{}?lang=nl", unit.id)).await;
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    assert!(body.contains("Volgende haltes") && body.contains("Liezele") && body.contains("Sint-Amands"), "{body}");
    let feed = app.get(&format!("/units/{}.ics", unit.id)).await.text().await.unwrap();
    let calendar: Calendar = feed.parse().unwrap();
    assert_eq!(calendar.components.iter().filter(|c| matches!(c, CalendarComponent::Event(_))).count(), 2, "one event per stop session");

    // A coordinator adds a unit and a stop; a double submit adds one unit.
    let (coordinator, csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let form = [("csrf", csrf.as_str()), ("id", "6a1f0c2e-0000-4000-8000-000000000001"), ("kind", "bus"), ("name", "Bus numérique (test)")];
    for _ in 0..2 {
        assert_eq!(coordinator.post(app.url("/organisations/cpas-charleroi/units")).form(&form).send().await.unwrap().status(), 303);
    }
    let charleroi = relais_organisations::organisations::find_by_slug(&app.db, "cpas-charleroi").await.unwrap().unwrap();
    let units = relais_directory::units::of_organisation(&app.db, charleroi.id).await.unwrap();
    assert_eq!(units.len(), 1);
    let bus = units[0].id;
    let new_stop = coordinator.get(app.url(&format!("/organisations/cpas-charleroi/places/new?unit={bus}"))).send().await.unwrap().text().await.unwrap();
    assert!(new_stop.contains(&format!("name=\"mobile_unit\" value=\"{bus}\"")) && new_stop.contains("value=\"mobile-stop\" selected"));
    let stop = [
        ("csrf", csrf.as_str()),
        ("id", "6a1f0c2e-0000-4000-8000-000000000002"),
        ("kind", "mobile-stop"),
        ("mobile_unit", &bus.to_string()),
        ("name_fr", "Arrêt du bus à Couillet (test)"),
        ("street", "Place de Couillet"),
        ("postcode", "6010"),
        ("published", "on"),
    ];
    assert_eq!(coordinator.post(app.url("/organisations/cpas-charleroi/places/new")).form(&stop).send().await.unwrap().status(), 303);
    let place = relais_directory::places::find_place(&app.db, uuid::Uuid::parse_str("6a1f0c2e-0000-4000-8000-000000000002").unwrap()).await.unwrap().unwrap();
    assert_eq!(place.mobile_unit_id, Some(bus));
    let public = app.get(&format!("/places/{}?lang=fr", place.id)).await.text().await.unwrap();
    assert!(public.contains(&format!("/units/{bus}")), "the stop links to its unit");

    // Nobody adds a stop to another organisation's unit.
    let foreign = [
        ("csrf", csrf.as_str()),
        ("id", "6a1f0c2e-0000-4000-8000-000000000003"),
        ("kind", "mobile-stop"),
        ("mobile_unit", &unit.id.to_string()),
        ("name_fr", "Intrus"),
        ("street", "Rue 1"),
        ("postcode", "6000"),
        ("published", "on"),
    ];
    assert_eq!(coordinator.post(app.url("/organisations/cpas-charleroi/places/new")).form(&foreign).send().await.unwrap().status(), 404);
    assert_eq!(coordinator.get(app.url(&format!("/organisations/cpas-charleroi/places/new?unit={}", unit.id))).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn an_unpublished_place_is_previewed_by_its_organisation_only() {
    let app = TestApp::spawn_demo().await;
    let (coordinator, csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let id = "7b2e0d3f-0000-4000-8000-000000000001";
    let draft = [("csrf", csrf.as_str()), ("id", id), ("kind", "library"), ("name_fr", "Bibliothèque en préparation (test)"), ("street", "Rue Neuve 1"), ("postcode", "6000")];
    assert_eq!(coordinator.post(app.url("/organisations/cpas-charleroi/places/new")).form(&draft).send().await.unwrap().status(), 303);
    assert_eq!(app.get(&format!("/places/{id}")).await.status(), 404, "not published: not public");
    let preview = coordinator.get(app.url(&format!("/organisations/cpas-charleroi/places/{id}/preview?lang=en"))).send().await.unwrap();
    assert_eq!(preview.status(), 200);
    let body = preview.text().await.unwrap();
    assert!(body.contains("Preview:") && body.contains("Bibliothèque en préparation (test)"));
    let (eupen, _) = signed_in(&app, "coordinator.eupen@demo.relais.be").await;
    assert_eq!(eupen.get(app.url(&format!("/organisations/cpas-charleroi/places/{id}/preview"))).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn time_filters_keep_only_places_open_in_the_window() {
    let app = TestApp::spawn_demo().await;
    let now = Timestamp::now();
    let (_, open) = json(&app, "/api/v1/places?postcode=1080&when=now").await;
    for place in open["places"].as_array().unwrap() {
        assert_eq!(place["open_now"], true, "{place}");
    }
    let (_, week) = json(&app, "/api/v1/places?postcode=1080&when=week").await;
    assert!(week["total"].as_u64().unwrap() >= 5);
    for place in week["places"].as_array().unwrap() {
        let start: Timestamp = place["next_opening"]["start"].as_str().unwrap().parse().unwrap();
        assert!(start < now + jiff::SignedDuration::from_hours(7 * 24 + 1), "{place}");
    }
}
