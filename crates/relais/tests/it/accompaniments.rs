//! The accompaniment log end to end: session mode, people and their privacy, redirections,
//! political signals, collective moments, retention and the API — on the engine under test.

use relais_accompaniments::{log, people, redirections, retention};
use relais_core::i18n::{Locale, Tr};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::harness::{TestApp, count_requests, signed_in};

/// Demo records of an organisation, for the routes that name one.
pub struct DemoRecords {
    pub request: Uuid,
    pub person: Uuid,
    pub incoming_redirection: Uuid,
    pub referral_target: Uuid,
    pub signal: Uuid,
}

pub async fn demo_records(app: &TestApp, organisation: Uuid) -> DemoRecords {
    let db = &app.db;
    let request = log::list(db, organisation, log::ListFilter::default(), 1).await.unwrap()[0].id;
    let person = people::list(db, organisation, "", 1).await.unwrap()[0].id;
    let referral_target = redirections::referral_targets(db, organisation).await.unwrap()[0].id;
    let signal = relais_accompaniments::signals::of_organisation(db, organisation, 1).await.unwrap()[0].id;
    let incoming_redirection = match redirections::incoming(db, organisation, 1).await.unwrap().first() {
        Some(r) => r.id,
        None => {
            // One from another demo organisation.
            let other = relais_organisations::organisations::find_by_slug(db, "clic-bruxelles").await.unwrap().unwrap().id;
            let from = log::list(db, other, log::ListFilter::default(), 1).await.unwrap()[0].id;
            redirections::create(db, other, from, redirections::Target::Organisation(organisation), "matrix").await.unwrap()
        }
    };
    DemoRecords { request, person, incoming_redirection, referral_target, signal }
}

fn field_value(page: &str, name: &str) -> String {
    page.split(&format!("name=\"{name}\" value=\"")).nth(1).unwrap_or_else(|| panic!("field {name}")).split('"').next().unwrap().to_string()
}

async fn organisation(app: &TestApp, slug: &str) -> Uuid {
    relais_organisations::organisations::find_by_slug(&app.db, slug).await.unwrap().unwrap().id
}

#[tokio::test]
async fn a_helper_logs_requests_in_a_session_and_a_double_submit_logs_once() {
    let app = TestApp::spawn_demo().await;
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let (worker, csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;

    // "My session now": choose where; the form follows.
    let session = worker.get(app.url("/organisations/cpas-charleroi/session?lang=en")).send().await.unwrap().text().await.unwrap();
    let link = session.split("href=\"/organisations/cpas-charleroi/log?at=place:").nth(1).expect("a place to choose").split('"').next().unwrap().replace("&amp;", "&");
    let form = worker.get(app.url(&format!("/organisations/cpas-charleroi/log?at=place:{link}&lang=en"))).send().await.unwrap();
    assert_eq!(form.status(), 200);
    let form = form.text().await.unwrap();
    assert!(form.contains("name=\"themes\"") && form.contains("name=\"autonomy\"") && form.contains("name=\"outcome\""));
    let (id, at, since, opened) = (field_value(&form, "id"), field_value(&form, "at"), field_value(&form, "since"), field_value(&form, "opened"));

    // A mistake: translated, what was typed kept, nothing stored.
    let before = count_requests(&app, charleroi).await;
    let bad = [
        ("csrf", csrf.as_str()),
        ("id", &id),
        ("at", &at),
        ("since", &since),
        ("opened", &opened),
        ("online_service", "mypension"),
        ("autonomy", "done-with"),
        ("note", "Rappeler jeudi"),
    ];
    let response = worker.post(app.url("/organisations/cpas-charleroi/log?lang=en")).form(&bad).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains(&Tr::new(Locale::En).t("log-error-no-theme")) && body.contains(&Tr::new(Locale::En).t("log-error-no-outcome")));
    assert!(body.contains("Rappeler jeudi") && body.contains("value=\"done-with\" checked") && body.contains("value=\"mypension\" checked"));
    assert_eq!(count_requests(&app, charleroi).await, before);

    // The common case, submitted twice (a double click): one request.
    let good = [
        ("csrf", csrf.as_str()),
        ("id", &id),
        ("at", &at),
        ("since", &since),
        ("opened", &opened),
        ("themes", "pension"),
        ("online_service", "mypension"),
        ("autonomy", "done-with"),
        ("outcome", "solved"),
    ];
    for _ in 0..2 {
        let saved = worker.post(app.url("/organisations/cpas-charleroi/log")).form(&good).send().await.unwrap();
        assert_eq!(saved.status(), 303);
        let next = saved.headers()["location"].to_str().unwrap().to_string();
        assert!(next.contains(&format!("saved={id}")), "{next}");
    }
    assert_eq!(count_requests(&app, charleroi).await, before + 1);
    let row = log::find(&app.db, charleroi, id.parse().unwrap()).await.unwrap().unwrap();
    assert_eq!((row.themes.as_str(), row.online_service.as_str(), row.setting.as_str(), row.helper_kind.as_str()), ("pension", "mypension", "place", "professional"));
    assert!((1..=480).contains(&row.minutes));

    // The next form says how many were logged in this session; the list shows it.
    let next = worker.get(app.url(&format!("/organisations/cpas-charleroi/log?at={at}&since={since}&saved={id}&lang=en"))).send().await.unwrap().text().await.unwrap();
    assert!(next.contains("1 request logged in this session"), "counter: {}", next.split("role=\"status\"").nth(1).unwrap_or("no notice").chars().take(300).collect::<String>());
    assert_ne!(field_value(&next, "id"), id, "a new form id for the next request");
    let list = worker.get(app.url(&format!("/organisations/cpas-charleroi/requests/{id}?lang=en"))).send().await.unwrap().text().await.unwrap();
    assert!(list.contains("MyPension"));
}

#[tokio::test]
async fn a_volunteer_logs_and_sees_only_their_own_requests() {
    let app = TestApp::spawn_demo().await;
    let (volunteer, csrf) = signed_in(&app, "volunteer.charleroi@demo.relais.be").await;
    let id = Uuid::new_v4().to_string();
    let form = [("csrf", csrf.as_str()), ("id", &id), ("at", "phone"), ("themes", "email"), ("autonomy", "explained"), ("outcome", "solved"), ("note", "Note du bénévole")];
    assert_eq!(volunteer.post(app.url("/organisations/cpas-charleroi/log")).form(&form).send().await.unwrap().status(), 303);
    let charleroi = organisation(&app, "cpas-charleroi").await;
    assert_eq!(log::find(&app.db, charleroi, id.parse().unwrap()).await.unwrap().unwrap().helper_kind, "volunteer");

    let list = volunteer.get(app.url("/organisations/cpas-charleroi/requests")).send().await.unwrap().text().await.unwrap();
    assert!(list.contains("Note du bénévole"));
    // Demo requests by other helpers are not listed: every line is the volunteer's.
    let volunteer_id = relais_organisations::users::find_by_email(&app.db, "volunteer.charleroi@demo.relais.be").await.unwrap().unwrap().id;
    let own = log::list(&app.db, charleroi, log::ListFilter { helper: Some(volunteer_id), ..Default::default() }, 500).await.unwrap().len();
    let latest = list.split("id=\"requests\"").nth(1).expect("the latest requests");
    assert_eq!(latest.matches("class=\"result\"").count(), own.min(50));
    for forbidden in ["/organisations/cpas-charleroi/people", "/organisations/cpas-charleroi/redirections", &format!("/organisations/cpas-charleroi/requests/{id}")] {
        assert_eq!(volunteer.get(app.url(forbidden)).send().await.unwrap().status(), 403, "{forbidden}");
    }
    // A person cannot be linked by a volunteer, even by tampering with the form.
    let person = people::list(&app.db, charleroi, "", 1).await.unwrap()[0].id.to_string();
    let id2 = Uuid::new_v4().to_string();
    let tampered = [("csrf", csrf.as_str()), ("id", &id2), ("at", "phone"), ("themes", "email"), ("autonomy", "explained"), ("outcome", "solved"), ("person", &person)];
    assert_eq!(volunteer.post(app.url("/organisations/cpas-charleroi/log")).form(&tampered).send().await.unwrap().status(), 303);
    assert_eq!(log::find(&app.db, charleroi, id2.parse().unwrap()).await.unwrap().unwrap().person_id, None);
}

#[tokio::test]
async fn a_person_is_followed_with_consent_and_invisible_to_another_organisation() {
    let app = TestApp::spawn_demo().await;
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let (worker, csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    let page = worker.get(app.url("/organisations/cpas-charleroi/people/new")).send().await.unwrap().text().await.unwrap();
    let id = field_value(&page, "id");

    // Consent not recorded: refused, input kept.
    let mut fields = vec![
        ("csrf", csrf.clone()),
        ("id", id.clone()),
        ("pseudonym", "Zoé T.".to_string()),
        ("age_band", "65-79".into()),
        ("postcode", "6000".into()),
        ("language", "fr".into()),
        ("situations", "seniors".into()),
    ];
    let refused = worker.post(app.url("/organisations/cpas-charleroi/people/new?lang=nl")).form(&fields).send().await.unwrap();
    assert_eq!(refused.status(), 422);
    let body = refused.text().await.unwrap();
    assert!(body.contains(&Tr::new(Locale::Nl).t("person-error-consent")) && body.contains("Zoé T."));
    for topic in ["purpose", "who-sees", "retention", "rights"] {
        fields.push(("consent_topics", topic.into()));
    }
    assert_eq!(worker.post(app.url("/organisations/cpas-charleroi/people/new")).form(&fields).send().await.unwrap().status(), 303);
    // The same name again: a duplicate warning, then created only when confirmed.
    let mut again = fields.clone();
    again[1] = ("id", Uuid::new_v4().to_string());
    again[2] = ("pseudonym", "  ZOE   t ".into());
    assert_eq!(worker.post(app.url("/organisations/cpas-charleroi/people/new")).form(&again).send().await.unwrap().status(), 409);
    again.push(("not_a_duplicate", "yes".into()));
    assert_eq!(worker.post(app.url("/organisations/cpas-charleroi/people/new")).form(&again).send().await.unwrap().status(), 303);

    // A request linked to her shows in her history.
    let request = Uuid::new_v4().to_string();
    let form = [
        ("csrf", csrf.as_str()),
        ("id", &request),
        ("at", "home-visit"),
        ("themes", "banking"),
        ("online_service", "bank"),
        ("autonomy", "done-with"),
        ("outcome", "follow-up"),
        ("person", &id),
        ("follow_up_on", "2099-01-15"),
        ("note", "Carte bancaire bloquée"),
    ];
    assert_eq!(worker.post(app.url("/organisations/cpas-charleroi/log")).form(&form).send().await.unwrap().status(), 303);
    let history = worker.get(app.url(&format!("/organisations/cpas-charleroi/people/{id}?lang=fr"))).send().await.unwrap().text().await.unwrap();
    assert!(history.contains("Zoé T.") && history.contains("Carte bancaire bloquée") && history.contains("15/01/2099"));

    // Another organisation: nothing, whatever the URL.
    let (eupen, _) = signed_in(&app, "coordinator.eupen@demo.relais.be").await;
    for path in [
        format!("/organisations/cpas-charleroi/people/{id}"),
        format!("/organisations/oeshz-eupen/people/{id}"),
        format!("/organisations/oeshz-eupen/requests/{request}"),
        format!("/organisations/cpas-charleroi/people/{id}/export"),
    ] {
        assert_eq!(eupen.get(app.url(&path)).send().await.unwrap().status(), 404, "{path}");
    }
    // Found by a search without the accent; not by another organisation.
    let found = worker.get(app.url("/organisations/cpas-charleroi/people?q=ZOE")).send().await.unwrap().text().await.unwrap();
    assert!(found.contains(&format!("/people/{id}")));
    let eupen_people = eupen.get(app.url("/organisations/oeshz-eupen/people?q=zo")).send().await.unwrap().text().await.unwrap();
    assert!(!eupen_people.contains("Zoé"));
    // …nor through the API.
    let eupen_user = relais_organisations::users::find_by_email(&app.db, "coordinator.eupen@demo.relais.be").await.unwrap().unwrap().id;
    let (_, token) = relais_organisations::tokens::create(&app.db, eupen_user, "test").await.unwrap();
    let api = reqwest::Client::new();
    let listed: Value = api.get(app.url("/api/v1/people")).bearer_auth(&token).send().await.unwrap().json().await.unwrap();
    assert!(listed.as_array().unwrap().iter().all(|p| p["organisation"] == "oeshz-eupen"));
    assert_eq!(api.get(app.url("/api/v1/people?organisation=cpas-charleroi")).bearer_auth(&token).send().await.unwrap().status(), 404);
    assert_eq!(api.get(app.url("/api/v1/accompaniments?organisation=cpas-charleroi")).bearer_auth(&token).send().await.unwrap().status(), 404);

    // The coordinator exports her data, then erases the record: the request stays, unlinked.
    let (coordinator, coordinator_csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let export: Value = coordinator.get(app.url(&format!("/organisations/cpas-charleroi/people/{id}/export"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(export["person"]["pseudonym"], "Zoé T.");
    assert_eq!(export["requests"][0]["note"], "Carte bancaire bloquée");
    assert_eq!(worker.get(app.url(&format!("/organisations/cpas-charleroi/people/{id}/export"))).send().await.unwrap().status(), 403, "workers do not export");
    let unconfirmed = coordinator.post(app.url(&format!("/organisations/cpas-charleroi/people/{id}/erase"))).form(&[("csrf", coordinator_csrf.as_str())]).send().await.unwrap();
    assert_eq!(unconfirmed.status(), 422);
    let erased = coordinator
        .post(app.url(&format!("/organisations/cpas-charleroi/people/{id}/erase")))
        .form(&[("csrf", coordinator_csrf.as_str()), ("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(erased.status(), 303);
    assert!(people::find(&app.db, charleroi, id.parse().unwrap()).await.unwrap().is_none());
    let kept = log::find(&app.db, charleroi, request.parse().unwrap()).await.unwrap().unwrap();
    assert_eq!((kept.person_id, kept.note.as_str(), kept.themes.as_str()), (None, "", "banking"));
}

#[tokio::test]
async fn a_signal_with_an_iban_or_a_national_number_is_refused_with_a_translated_message() {
    let app = TestApp::spawn_demo().await;
    let (worker, csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    for (locale, text, key) in [
        (Locale::Fr, "Remboursement versé sur BE68 5390 0754 7034 refusé", "signal-error-iban"),
        (Locale::Nl, "Rijksregisternummer 85.07.30-033.28 gevraagd zonder reden", "signal-error-national-number"),
        (Locale::De, "Bitte an jean.dupont@example.be schreiben", "signal-error-email"),
        (Locale::En, "They had to call 0470 12 34 56", "signal-error-phone"),
    ] {
        let id = Uuid::new_v4().to_string();
        let form = [("csrf", csrf.as_str()), ("id", &id), ("online_service", "health-insurance-fund"), ("barrier", "too-complex"), ("description", text)];
        let response = worker.post(app.url(&format!("/organisations/cpas-charleroi/signals/new?lang={}", locale.code()))).form(&form).send().await.unwrap();
        assert_eq!(response.status(), 422, "{text}");
        let body = response.text().await.unwrap();
        let message = Tr::new(locale).t(key);
        assert!(!message.contains(key), "{key} is translated");
        assert!(body.contains(&message.replace('\'', "&#39;")) || body.contains(&message), "{key} in {locale:?}");
        assert!(body.contains("value=\"too-complex\" checked"), "input kept");
    }
    // Through the API too.
    let worker_id = relais_organisations::users::find_by_email(&app.db, "worker.charleroi@demo.relais.be").await.unwrap().unwrap().id;
    let (_, token) = relais_organisations::tokens::create(&app.db, worker_id, "test").await.unwrap();
    let refused = reqwest::Client::new()
        .post(app.url("/api/v1/signals"))
        .bearer_auth(&token)
        .json(&json!({"organisation": "cpas-charleroi", "online_service": "bank", "barrier": "cost", "description": "IBAN BE68539007547034"}))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 422);
    assert_eq!(refused.json::<Value>().await.unwrap()["problems"][0]["code"], "signal-error-iban");

    // A clean one is recorded, reviewed, merged with a duplicate and counted on the board.
    let mut ids = Vec::new();
    for text in ["MyPension exige itsme, aucune alternative au guichet.", "Même problème: itsme obligatoire pour la pension."] {
        let id = Uuid::new_v4().to_string();
        let form = [("csrf", csrf.as_str()), ("id", &id), ("online_service", "mypension"), ("barrier", "itsme-only"), ("description", text)];
        assert_eq!(worker.post(app.url("/organisations/cpas-charleroi/signals/new")).form(&form).send().await.unwrap().status(), 303);
        ids.push(id);
    }
    let board_before: Value = worker.get(app.url("/signals.json?service=mypension&barrier=itsme-only")).send().await.unwrap().json().await.unwrap();
    assert_eq!(
        worker
            .post(app.url(&format!("/organisations/cpas-charleroi/signals/{}/review", ids[0])))
            .form(&[("csrf", csrf.as_str()), ("decision", "publish")])
            .send()
            .await
            .unwrap()
            .status(),
        403,
        "workers do not review"
    );
    let (coordinator, coordinator_csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let review = |id: &str, decision: &'static str, into: &str| {
        coordinator
            .post(app.url(&format!("/organisations/cpas-charleroi/signals/{id}/review")))
            .form(&[("csrf", coordinator_csrf.clone()), ("decision", decision.to_string()), ("into", into.to_string())])
            .send()
    };
    assert_eq!(review(&ids[0], "publish", "").await.unwrap().status(), 303);
    assert_eq!(review(&ids[1], "merge", &ids[0]).await.unwrap().status(), 303);
    assert_eq!(review(&ids[1], "merge", &ids[0]).await.unwrap().status(), 404, "merged once, even when sent twice");
    let board: Value = coordinator.get(app.url("/signals.json?service=mypension&barrier=itsme-only")).send().await.unwrap().json().await.unwrap();
    assert_eq!(board["total"].as_i64().unwrap(), board_before["total"].as_i64().unwrap() + 2, "published + merged duplicate");
    // The CSV opens in a spreadsheet: a header and one line per published signal.
    let csv_text = coordinator.get(app.url("/signals.csv?service=mypension&barrier=itsme-only")).send().await.unwrap().text().await.unwrap();
    let mut reader = csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], Tr::new(Locale::Fr).t("signals-csv-date"), "headers in the reader's language");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), board["signals"].as_array().unwrap().len());
    assert!(rows.iter().any(|r| &r[8] == "MyPension exige itsme, aucune alternative au guichet." && &r[7] == "2"));
    // The board page in German.
    let page = coordinator.get(app.url("/signals?lang=de")).send().await.unwrap();
    assert_eq!(page.status(), 200);
}

#[tokio::test]
async fn the_retention_job_anonymises_inactive_people_and_keeps_their_requests() {
    let app = TestApp::spawn_demo().await;
    let eupen = organisation(&app, "oeshz-eupen").await;
    let author = relais_organisations::users::find_by_email(&app.db, "worker.eupen@demo.relais.be").await.unwrap().unwrap().id;
    let typed = people::TypedPerson {
        pseudonym: "Inaktiv".into(),
        age_band: "80-plus".into(),
        gender: "man".into(),
        postcode: "4700".into(),
        language: "de".into(),
        situations: vec![],
        consent_topics: vec!["purpose".into(), "who-sees".into(), "retention".into(), "rights".into()],
    };
    let (old, recent) = (Uuid::new_v4(), Uuid::new_v4());
    people::create(&app.db, old, eupen, &typed, author).await.unwrap();
    people::create(&app.db, recent, eupen, &people::TypedPerson { pseudonym: "Aktiv".into(), ..typed.clone() }, author).await.unwrap();
    let now = time::OffsetDateTime::now_utc();
    let request = Uuid::new_v4();
    log::insert(
        &app.db,
        &log::NewAccompaniment {
            id: request,
            organisation: eupen,
            helper: Some(author),
            helper_kind: "professional",
            setting: "phone".into(),
            place: None,
            started_at: now,
            minutes: 20,
            themes: vec!["pension".into()],
            online_service: "mypension".into(),
            autonomy: "done-with".into(),
            outcome: "solved".into(),
            steps: 0,
            note: "Notiz".into(),
            follow_up_on: None,
            person: Some(old),
        },
    )
    .await
    .unwrap();
    // 25 months without activity for one, 23 for the other (the period is 24 by default).
    for (person, months) in [(old, 25), (recent, 23)] {
        relais_core::on_db!(&app.db, pool => sqlx::query("UPDATE people SET last_activity_at = $2 WHERE id = $1")
            .bind(person)
            .bind(now - time::Duration::days(months * 31))
            .execute(pool)
            .await
            .map(|_| ()))
        .unwrap();
    }
    // The retention job, run by the kernel's jobs as `relais serve` runs it.
    let runner = app.job_runner();
    assert!(runner.run_once().await.unwrap() >= 1);
    assert!(people::find(&app.db, eupen, old).await.unwrap().is_none(), "anonymised");
    assert!(people::find(&app.db, eupen, recent).await.unwrap().is_some(), "still within the period");
    let kept = log::find(&app.db, eupen, request).await.unwrap().unwrap();
    assert_eq!((kept.person_id, kept.note.as_str(), kept.online_service.as_str()), (None, "", "mypension"));
    // The job is not run again before it is due (another instance would not run it either).
    let retention_runs =
        || async { relais_core::jobs::list(&app.db, relais_core::jobs::State::Done, 100).await.unwrap().into_iter().filter(|j| j.kind == retention::RETENTION_JOB).count() };
    assert_eq!(retention_runs().await, 1);
    app.clock.advance(time::Duration::minutes(1));
    let other = app.job_runner();
    assert_eq!(other.run_once().await.unwrap(), 0, "another process finds nothing due");
    app.clock.advance(time::Duration::hours(7));
    assert!(other.run_once().await.unwrap() >= 1);
    assert_eq!(retention_runs().await, 2, "the next period's run");
}

#[tokio::test]
async fn the_api_logs_a_request_once_and_explains_what_is_wrong() {
    let app = TestApp::spawn_demo().await;
    let worker = relais_organisations::users::find_by_email(&app.db, "worker.puurs@demo.relais.be").await.unwrap().unwrap().id;
    let (_, token) = relais_organisations::tokens::create(&app.db, worker, "test").await.unwrap();
    let api = reqwest::Client::new();
    let id = Uuid::new_v4();
    let body = json!({"organisation": "ocmw-puurs-sint-amands", "id": id, "setting": "phone", "themes": ["identity"], "online_service": "itsme", "autonomy": "done-by", "outcome": "solved", "minutes": 25});
    let first = api.post(app.url("/api/v1/accompaniments")).bearer_auth(&token).json(&body).send().await.unwrap();
    assert_eq!(first.status(), 201);
    let stored = first.json::<Value>().await.unwrap()["id"].clone();
    let again = api.post(app.url("/api/v1/accompaniments")).bearer_auth(&token).json(&body).send().await.unwrap();
    assert_eq!(again.status(), 200);
    let again: Value = again.json().await.unwrap();
    assert_eq!((&again["created"], &again["id"]), (&json!(false), &stored));
    let listed: Value = api.get(app.url("/api/v1/accompaniments?organisation=ocmw-puurs-sint-amands&limit=500")).bearer_auth(&token).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed.as_array().unwrap().iter().filter(|a| a["id"] == stored).count(), 1);

    let bad = json!({"organisation": "ocmw-puurs-sint-amands", "themes": [], "autonomy": "nope", "outcome": "solved", "minutes": 900});
    let refused = api.post(app.url("/api/v1/accompaniments")).bearer_auth(&token).json(&bad).send().await.unwrap();
    assert_eq!(refused.status(), 422);
    let problems: Vec<String> = refused.json::<Value>().await.unwrap()["problems"].as_array().unwrap().iter().map(|p| p["code"].as_str().unwrap().to_string()).collect();
    for code in ["log-error-no-theme", "log-error-no-autonomy", "log-error-minutes", "log-error-unknown-setting"] {
        assert!(problems.iter().any(|p| p == code), "{code} in {problems:?}");
    }
    let elsewhere = json!({"organisation": "cpas-charleroi", "themes": ["email"], "autonomy": "done-by", "outcome": "solved", "setting": "phone"});
    assert_eq!(api.post(app.url("/api/v1/accompaniments")).bearer_auth(&token).json(&elsewhere).send().await.unwrap().status(), 404);
    let garbage = api.post(app.url("/api/v1/accompaniments")).bearer_auth(&token).header("content-type", "application/json").body("{not json").send().await.unwrap();
    assert_eq!(garbage.status(), 400);
    // The OpenAPI document describes the three resources.
    let doc: Value = reqwest::get(app.url("/api/openapi.json")).await.unwrap().json().await.unwrap();
    for path in ["/api/v1/accompaniments", "/api/v1/people", "/api/v1/signals"] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
}

#[tokio::test]
async fn a_partner_on_relais_sees_an_incoming_redirection_and_closes_the_loop() {
    let app = TestApp::spawn_demo().await;
    let clic = organisation(&app, "clic-bruxelles").await;
    let (worker, csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    let id = Uuid::new_v4().to_string();
    let target = format!("org:{clic}");
    let form = [
        ("csrf", csrf.as_str()),
        ("id", &id),
        ("at", "phone"),
        ("themes", "housing"),
        ("autonomy", "explained"),
        ("outcome", "redirected"),
        ("target", &target),
        ("reason", "Permanence logement à Bruxelles"),
    ];
    assert_eq!(worker.post(app.url("/organisations/cpas-charleroi/log")).form(&form).send().await.unwrap().status(), 303);
    // To one of the partner's places, from the directory.
    let clic_place = relais_directory::places::places_of(&app.db, clic).await.unwrap().into_iter().find(|p| p.published).unwrap();
    let to_place = format!("place:{}", clic_place.id);
    let id_place = Uuid::new_v4().to_string();
    let form_place = [
        ("csrf", csrf.as_str()),
        ("id", &id_place),
        ("at", "phone"),
        ("themes", "email"),
        ("autonomy", "explained"),
        ("outcome", "redirected"),
        ("target", &to_place),
        ("reason", "Atelier e-mail"),
    ];
    assert_eq!(worker.post(app.url("/organisations/cpas-charleroi/log")).form(&form_place).send().await.unwrap().status(), 303);
    // The reason goes to the partner: personal data in it is refused.
    let personal = [
        ("csrf", csrf.as_str()),
        ("id", &Uuid::new_v4().to_string()),
        ("at", "phone"),
        ("themes", "housing"),
        ("autonomy", "explained"),
        ("outcome", "redirected"),
        ("target", &target),
        ("reason", "Rappeler au 0470 12 34 56"),
    ];
    let refused = worker.post(app.url("/organisations/cpas-charleroi/log?lang=fr")).form(&personal).send().await.unwrap();
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("Rappeler au 0470 12 34 56"), "kept for correction");
    // A made-up target is refused, with the form kept.
    let bogus = [
        ("csrf", csrf.as_str()),
        ("id", &Uuid::new_v4().to_string()),
        ("at", "phone"),
        ("themes", "housing"),
        ("autonomy", "explained"),
        ("outcome", "redirected"),
        ("target", &format!("org:{}", Uuid::new_v4())),
        ("reason", "x"),
    ];
    assert_eq!(worker.post(app.url("/organisations/cpas-charleroi/log")).form(&bogus).send().await.unwrap().status(), 422);

    let (partner, partner_csrf) = signed_in(&app, "coordinator.bruxelles@demo.relais.be").await;
    let page = partner.get(app.url("/organisations/clic-bruxelles/redirections")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Permanence logement à Bruxelles") && page.contains("Atelier e-mail"));
    assert!(page.contains(&format!("→ {}", clic_place.name(Locale::Fr))), "the receiving place is named");
    let redirection = redirections::incoming(&app.db, clic, 100).await.unwrap().into_iter().find(|r| r.reason == "Permanence logement à Bruxelles").unwrap();
    let done = partner
        .post(app.url(&format!("/organisations/clic-bruxelles/redirections/{}", redirection.id)))
        .form(&[("csrf", partner_csrf.as_str()), ("status", "helped")])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 303);
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let sent = redirections::of_accompaniment(&app.db, charleroi, id.parse().unwrap()).await.unwrap();
    assert_eq!(sent[0].status, "helped");
    // The sender cannot set the status of its own outgoing redirection.
    let (coordinator, coordinator_csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let status = coordinator
        .post(app.url(&format!("/organisations/cpas-charleroi/redirections/{}", redirection.id)))
        .form(&[("csrf", coordinator_csrf.as_str()), ("status", "not-reached")])
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 404);
}

#[tokio::test]
async fn collective_moments_keep_an_anonymous_head_count() {
    let app = TestApp::spawn_demo().await;
    let (worker, csrf) = signed_in(&app, "worker.puurs@demo.relais.be").await;
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let id = Uuid::new_v4().to_string();
    let mut form = vec![
        ("csrf", csrf.clone()),
        ("id", id.clone()),
        ("kind", "information-session".into()),
        ("held_on", today.clone()),
        ("minutes", "90".into()),
        ("themes", "safety".into()),
        ("facilitators", "Dries".into()),
        ("head_count", "12".into()),
        ("age_65_plus", "15".into()),
    ];
    let refused = worker.post(app.url("/organisations/ocmw-puurs-sint-amands/moments?lang=nl")).form(&form).send().await.unwrap();
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains(&Tr::new(Locale::Nl).t("moment-error-breakdown")));
    form.pop();
    form.push(("age_65_plus", "8".into()));
    form.push(("women", "7".into()));
    for _ in 0..2 {
        assert_eq!(worker.post(app.url("/organisations/ocmw-puurs-sint-amands/moments")).form(&form).send().await.unwrap().status(), 303);
    }
    let puurs = organisation(&app, "ocmw-puurs-sint-amands").await;
    let rows = relais_accompaniments::moments::of_organisation(&app.db, puurs, 500).await.unwrap();
    let mine: Vec<_> = rows.iter().filter(|m| m.id.to_string() == id).collect();
    assert_eq!(mine.len(), 1);
    assert_eq!((mine[0].head_count, mine[0].age_65_plus, mine[0].women, mine[0].men), (12, 8, 7, 0));
}

#[tokio::test]
async fn the_demo_holds_a_year_of_activity() {
    let app = TestApp::spawn_demo().await;
    for slug in ["cpas-charleroi", "clic-bruxelles", "ocmw-puurs-sint-amands", "oeshz-eupen"] {
        let id = organisation(&app, slug).await;
        let count = count_requests(&app, id).await;
        assert!(count > 300, "{slug}: {count}");
        let oldest: time::OffsetDateTime = relais_core::on_db!(&app.db, pool => sqlx::query_scalar("SELECT MIN(started_at) FROM accompaniments WHERE organisation_id = $1")
            .bind(id)
            .fetch_one(pool)
            .await)
        .unwrap();
        assert!(time::OffsetDateTime::now_utc() - oldest > time::Duration::days(300), "{slug}");
    }
}

#[tokio::test]
async fn like_wildcards_in_a_search_stand_for_themselves() {
    let app = TestApp::spawn_demo().await;
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let worker = relais_organisations::users::find_by_email(&app.db, "worker.charleroi@demo.relais.be").await.unwrap().unwrap().id;
    let mut ids = std::collections::HashMap::new();
    for pseudonym in ["Zoé 100%", "Ana_B", "Marc L."] {
        let person = people::TypedPerson { pseudonym: pseudonym.into(), age_band: "unknown".into(), gender: "unspecified".into(), language: "fr".into(), ..Default::default() };
        let id = Uuid::new_v4();
        assert!(people::create(&app.db, id, charleroi, &person, worker).await.unwrap());
        ids.insert(pseudonym, id);
    }
    let found = |query: &'static str| {
        let db = app.db.clone();
        async move { people::list(&db, charleroi, query, 500).await.unwrap().into_iter().map(|p| p.pseudonym).collect::<Vec<_>>() }
    };
    let everyone = found("").await;
    assert!(everyone.len() > 3, "the demo's people and ours");
    assert_eq!(found("%").await, vec!["Zoé 100%".to_string()]);
    assert_eq!(found("_").await, vec!["Ana_B".to_string()]);
    assert_eq!(found(" % ").await, vec!["Zoé 100%".to_string()]);
    assert!(found("%%").await.is_empty());
    assert!(found("\\").await.is_empty());
    // letters still ignore case, accents and punctuation
    assert_eq!(found("ZOE 100").await, vec!["Zoé 100%".to_string()]);
    assert_eq!(found("ana b").await, vec!["Ana_B".to_string()]);
    // the page and the API search the same way
    let (client, _) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    let page = client.get(app.url("/organisations/cpas-charleroi/people?q=%25")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains(&format!("/people/{}", ids["Zoé 100%"])) && !page.contains(&format!("/people/{}", ids["Marc L."])));

    // the audit log's families: `second_factor` is itself, `%` finds nothing
    let audit_for = |prefix: &'static str| {
        let db = app.db.clone();
        async move {
            let filter = relais_organisations::audit::Filter {
                action_prefix: prefix.into(),
                from: time::OffsetDateTime::UNIX_EPOCH,
                until: time::OffsetDateTime::now_utc() + time::Duration::days(1),
            };
            relais_organisations::audit::for_organisation(&db, charleroi, &filter).await.unwrap()
        }
    };
    let event = |action: &'static str| relais_organisations::audit::Event::new(action, "test").actor(worker).organisation(charleroi);
    relais_organisations::audit::record(&app.db, event("second_factor.enabled")).await.unwrap();
    relais_organisations::audit::record(&app.db, event("secondXfactor.other")).await.unwrap();
    let second_factor = audit_for("second_factor").await;
    assert!(second_factor.iter().any(|e| e.action == "second_factor.enabled"), "the family finds its events");
    assert!(second_factor.iter().all(|e| e.action.starts_with("second_factor")), "and only them");
    assert!(audit_for("%").await.is_empty());
    assert!(audit_for("_").await.is_empty());
    assert!(!audit_for("").await.is_empty());
}

#[tokio::test]
async fn the_next_request_starts_with_no_person_and_a_redirection_names_its_partner() {
    let app = TestApp::spawn_demo().await;
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let person = people::list(&app.db, charleroi, "", 1).await.unwrap().remove(0);
    let (worker, csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    let target = format!("ref:{}", redirections::referral_targets(&app.db, charleroi).await.unwrap().into_iter().find(|t| t.active).expect("an active referral target").id);

    // From the person's page: the first form names them, and offers someone else.
    let form = worker.get(app.url(&format!("/organisations/cpas-charleroi/log?at=phone&person={}&lang=en", person.id))).send().await.unwrap().text().await.unwrap();
    assert!(form.contains(&format!("name=\"person\" value=\"{}\"", person.id)) && form.contains(&person.pseudonym));
    assert!(form.contains("Request of someone else"));
    let (id, since) = (field_value(&form, "id"), field_value(&form, "since"));
    let person_id = person.id.to_string();
    let first = [
        ("csrf", csrf.as_str()),
        ("id", &id),
        ("at", "phone"),
        ("since", &since),
        ("person", &person_id),
        ("themes", "housing"),
        ("autonomy", "explained"),
        ("outcome", "redirected"),
        ("target", &target),
        ("reason", "Permanence logement"),
    ];
    let saved = worker.post(app.url("/organisations/cpas-charleroi/log")).form(&first).send().await.unwrap();
    assert_eq!(saved.status(), 303);
    assert_eq!(log::find(&app.db, charleroi, id.parse().unwrap()).await.unwrap().unwrap().person_id, Some(person.id));
    let next = saved.headers()["location"].to_str().unwrap().to_string();
    assert!(!next.contains("person="), "the next form is not tied to the person: {next}");

    // The next form holds no person; saved as it comes, the next request has none.
    let form = worker.get(app.url(&format!("{next}&lang=en"))).send().await.unwrap().text().await.unwrap();
    assert!(form.contains("1 request logged in this session"));
    assert!(!form.contains(&format!("name=\"person\" value=\"{}\"", person.id)), "no person carried over");
    assert!(!form.contains("id=\"log-person\""), "no \"Request of\" notice");
    assert!(!form.contains(&format!("value=\"{}\" selected", person.id)));
    let id2 = field_value(&form, "id");
    let second = [("csrf", csrf.as_str()), ("id", &id2), ("at", "phone"), ("since", &since), ("themes", "email"), ("autonomy", "explained"), ("outcome", "solved")];
    assert_eq!(worker.post(app.url("/organisations/cpas-charleroi/log")).form(&second).send().await.unwrap().status(), 303);
    assert_eq!(log::find(&app.db, charleroi, id2.parse().unwrap()).await.unwrap().unwrap().person_id, None);

    // "Redirected to a partner" with no partner: refused at the field, everything typed kept.
    let before = count_requests(&app, charleroi).await;
    let id3 = Uuid::new_v4().to_string();
    let no_partner = [
        ("csrf", csrf.as_str()),
        ("id", &id3),
        ("at", "phone"),
        ("since", &since),
        ("person", &person_id),
        ("themes", "housing"),
        ("online_service", "mypension"),
        ("autonomy", "explained"),
        ("outcome", "redirected"),
        ("note", "Voir le CPAS"),
        ("reason", "Logement"),
    ];
    for locale in Locale::ALL {
        let refused = worker.post(app.url(&format!("/organisations/cpas-charleroi/log?lang={}", locale.code()))).form(&no_partner).send().await.unwrap();
        assert_eq!(refused.status(), 422);
        let body = refused.text().await.unwrap();
        let message = Tr::new(locale).t("log-error-redirected-without-partner").replace('"', "&#34;");
        let field = body.split("id=\"field-target\"").nth(1).expect("the partner field");
        assert!(field.split("</div>").next().unwrap().contains(&message), "[{}] the message at the field", locale.code());
        assert!(body.contains(&format!("<a href=\"#field-target\">{message}</a>")), "[{}] and in the summary", locale.code());
        assert!(body.contains("value=\"redirected\" checked") && body.contains("value=\"housing\" checked") && body.contains("value=\"mypension\" checked"));
        assert!(body.contains("Voir le CPAS") && body.contains("value=\"Logement\"") && body.contains(&format!("name=\"person\" value=\"{}\"", person.id)));
        assert!(body.contains("<details open>"), "the partner field is shown");
    }
    assert_eq!(count_requests(&app, charleroi).await, before, "nothing stored");
    assert!(log::find(&app.db, charleroi, id3.parse().unwrap()).await.unwrap().is_none());
}

/// The keys of a JSON object, sorted.
fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

#[tokio::test]
async fn an_id_of_another_organisation_is_answered_like_a_fresh_one_and_left_alone() {
    let app = TestApp::spawn_demo().await;
    let (charleroi, puurs) = (organisation(&app, "cpas-charleroi").await, organisation(&app, "ocmw-puurs-sint-amands").await);
    let theirs = demo_records(&app, charleroi).await;
    let their_request = format!("{:?}", log::find(&app.db, charleroi, theirs.request).await.unwrap().unwrap());
    let their_signal = |signals: Vec<relais_accompaniments::signals::Signal>| format!("{:?}", signals.into_iter().find(|s| s.id == theirs.signal).unwrap());
    let signal_before = their_signal(relais_accompaniments::signals::of_organisation(&app.db, charleroi, 500).await.unwrap());
    let worker = relais_organisations::users::find_by_email(&app.db, "worker.puurs@demo.relais.be").await.unwrap().unwrap().id;
    let (_, token) = relais_organisations::tokens::create(&app.db, worker, "test").await.unwrap();
    let api = reqwest::Client::new();
    let post = |path: &'static str, body: Value| api.post(app.url(path)).bearer_auth(&token).json(&body).send();

    let request = |id: Uuid| json!({"organisation": "ocmw-puurs-sint-amands", "id": id, "setting": "phone", "themes": ["identity"], "online_service": "itsme", "autonomy": "done-by", "outcome": "solved", "minutes": 20});
    let signal = |id: Uuid| json!({"organisation": "ocmw-puurs-sint-amands", "id": id, "online_service": "mypension", "barrier": "itsme-only", "description": "Geen alternatief voor itsme aan het loket."});
    let before = count_requests(&app, puurs).await;
    for (path, body_of, foreign) in [("/api/v1/accompaniments", &request as &dyn Fn(Uuid) -> Value, theirs.request), ("/api/v1/signals", &signal, theirs.signal)] {
        // A fresh id and the other organisation's: the same answer (201, a new id, created).
        let fresh = post(path, body_of(Uuid::new_v4())).await.unwrap();
        assert_eq!(fresh.status(), 201, "{path}");
        let fresh: Value = fresh.json().await.unwrap();
        let reused = post(path, body_of(foreign)).await.unwrap();
        assert_eq!(reused.status(), 201, "{path}: another organisation's id is answered as a fresh one");
        let reused: Value = reused.json().await.unwrap();
        assert_eq!(keys(&reused), keys(&fresh), "{path}");
        assert_eq!(reused["created"], true, "{path}");
        assert_ne!(reused["id"], json!(foreign), "{path}: never the other organisation's row");
        // The same call again: already recorded, under the same id, not twice.
        let retried = post(path, body_of(foreign)).await.unwrap();
        assert_eq!(retried.status(), 200, "{path}");
        let retried: Value = retried.json().await.unwrap();
        assert_eq!((&retried["created"], &retried["id"]), (&json!(false), &reused["id"]), "{path}");
    }
    assert_eq!(count_requests(&app, puurs).await, before + 2, "one fresh, one under the reused id, the retry not again");
    // The other organisation's rows are as they were.
    assert_eq!(format!("{:?}", log::find(&app.db, charleroi, theirs.request).await.unwrap().unwrap()), their_request);
    assert_eq!(their_signal(relais_accompaniments::signals::of_organisation(&app.db, charleroi, 500).await.unwrap()), signal_before);
    assert!(log::find(&app.db, puurs, theirs.request).await.unwrap().is_none());
}

async fn count_rows(app: &TestApp, table: &str, organisation: Uuid) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE organisation_id = $1");
    relais_core::on_db!(&app.db, pool => sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).fetch_one(pool).await).unwrap()
}

async fn first_id(app: &TestApp, table: &str, organisation: Uuid) -> Uuid {
    let sql = format!("SELECT id FROM {table} WHERE organisation_id = $1 ORDER BY id LIMIT 1");
    relais_core::on_db!(&app.db, pool => sqlx::query_scalar::<_, Uuid>(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).fetch_one(pool).await).unwrap()
}

/// A page form whose id was replaced by another organisation's row id is recorded like a fresh
/// form (a new row of one's own), and the other organisation's row is left as it was.
#[tokio::test]
async fn a_form_id_of_another_organisation_is_recorded_as_a_fresh_one() {
    let app = TestApp::spawn_demo().await;
    let (charleroi, puurs) = (organisation(&app, "cpas-charleroi").await, organisation(&app, "ocmw-puurs-sint-amands").await);
    let (puurs_worker, puurs_csrf) = signed_in(&app, "worker.puurs@demo.relais.be").await;
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let moment = [
        ("csrf", puurs_csrf.as_str()),
        ("id", &Uuid::new_v4().to_string()),
        ("kind", "information-session"),
        ("held_on", &today),
        ("minutes", "60"),
        ("themes", "safety"),
        ("facilitators", "Dries"),
        ("head_count", "9"),
    ];
    assert_eq!(puurs_worker.post(app.url("/organisations/ocmw-puurs-sint-amands/moments")).form(&moment).send().await.unwrap().status(), 303);
    let (worker, csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    let snapshot = |table: &'static str, id: Uuid| {
        let db = app.db.clone();
        async move {
            let sql = format!("SELECT organisation_id FROM {table} WHERE id = $1");
            relais_core::on_db!(&db, pool => sqlx::query_scalar::<_, Uuid>(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_one(pool).await).unwrap()
        }
    };

    // A person followed.
    let theirs = first_id(&app, "people", puurs).await;
    let (pseudonym_before, before) = (people::find(&app.db, puurs, theirs).await.unwrap().unwrap().pseudonym, count_rows(&app, "people", charleroi).await);
    let id = theirs.to_string();
    let mut person = vec![("csrf", csrf.as_str()), ("id", &id), ("pseudonym", "Léon V."), ("age_band", "65-79"), ("language", "fr"), ("not_a_duplicate", "yes")];
    for topic in ["purpose", "who-sees", "retention", "rights"] {
        person.push(("consent_topics", topic));
    }
    let created = worker.post(app.url("/organisations/cpas-charleroi/people/new")).form(&person).send().await.unwrap();
    assert_eq!(created.status(), 303);
    let location = created.headers()["location"].to_str().unwrap().to_string();
    assert!(!location.contains(&id), "a new id of our own: {location}");
    assert_eq!(worker.get(app.url(&location)).send().await.unwrap().status(), 200);
    assert_eq!(count_rows(&app, "people", charleroi).await, before + 1);
    assert_eq!(people::find(&app.db, puurs, theirs).await.unwrap().unwrap().pseudonym, pseudonym_before);

    // A request logged.
    let theirs = first_id(&app, "accompaniments", puurs).await;
    let before = count_rows(&app, "accompaniments", charleroi).await;
    let form = worker.get(app.url("/organisations/cpas-charleroi/log?at=phone&lang=en")).send().await.unwrap().text().await.unwrap();
    let (id, since) = (theirs.to_string(), field_value(&form, "since"));
    let request = [("csrf", csrf.as_str()), ("id", &id), ("at", "phone"), ("since", &since), ("themes", "pension"), ("autonomy", "done-with"), ("outcome", "solved")];
    let saved = worker.post(app.url("/organisations/cpas-charleroi/log")).form(&request).send().await.unwrap();
    assert_eq!(saved.status(), 303);
    assert!(!saved.headers()["location"].to_str().unwrap().contains(&id));
    assert_eq!(count_rows(&app, "accompaniments", charleroi).await, before + 1);
    assert_eq!(snapshot("accompaniments", theirs).await, puurs);

    // A signal and a collective moment.
    for (table, path, fields) in [
        (
            "signals",
            "/organisations/cpas-charleroi/signals/new",
            vec![("online_service", "mypension"), ("barrier", "itsme-only"), ("description", "itsme obligatoire, pas de guichet.")],
        ),
        (
            "collective_moments",
            "/organisations/cpas-charleroi/moments",
            vec![("kind", "information-session"), ("held_on", today.as_str()), ("minutes", "60"), ("themes", "safety"), ("facilitators", "Nadia"), ("head_count", "7")],
        ),
    ] {
        let theirs = first_id(&app, table, puurs).await;
        let before = count_rows(&app, table, charleroi).await;
        let id = theirs.to_string();
        let mut form = vec![("csrf", csrf.as_str()), ("id", id.as_str())];
        form.extend(fields);
        assert_eq!(worker.post(app.url(path)).form(&form).send().await.unwrap().status(), 303, "{table}");
        assert_eq!(count_rows(&app, table, charleroi).await, before + 1, "{table}: recorded as a fresh one");
        assert_eq!(snapshot(table, theirs).await, puurs, "{table}: theirs untouched");
    }
}

/// The same form sent twice at once (a double tap) logs one request, and both answers name it.
#[tokio::test]
async fn a_form_sent_twice_at_once_logs_once() {
    let app = TestApp::spawn_demo().await;
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let (worker, csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    for _ in 0..5 {
        let form = worker.get(app.url("/organisations/cpas-charleroi/log?at=phone&lang=en")).send().await.unwrap().text().await.unwrap();
        let (id, since) = (field_value(&form, "id"), field_value(&form, "since"));
        let fields = [("csrf", csrf.as_str()), ("id", &id), ("at", "phone"), ("since", &since), ("themes", "pension"), ("autonomy", "done-with"), ("outcome", "solved")];
        let before = count_requests(&app, charleroi).await;
        let send = || worker.post(app.url("/organisations/cpas-charleroi/log")).form(&fields).send();
        let (a, b) = tokio::join!(send(), send());
        for response in [a.unwrap(), b.unwrap()] {
            assert_eq!(response.status(), 303);
            assert!(response.headers()["location"].to_str().unwrap().contains(&format!("saved={id}")));
        }
        assert_eq!(count_requests(&app, charleroi).await, before + 1, "one request");
    }
}
