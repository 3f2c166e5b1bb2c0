//! The diagnostic end to end on the engine under test: a person alone through the intake, the
//! gate and the questions to the result; the gate's "first steps"; a double submit; a helper
//! linking a result by its code and another organisation getting nothing; a second diagnostic of
//! the same person avoiding the items already seen; erasure; the catalogue.

use relais_core::i18n::{Locale, Tr};
use relais_diagnostics::{
    diagnostics::{self, Mode, Stage, Starter},
    items,
};
use uuid::Uuid;

use crate::harness::{TestApp, browser, signed_in};

fn hidden(page: &str, name: &str) -> Option<String> {
    Some(page.split(&format!("name=\"{name}\" value=\"")).nth(1)?.split('"').next()?.to_string())
}

/// A browser with its anti-forgery token.
async fn visitor(app: &TestApp) -> (reqwest::Client, String) {
    let client = browser();
    let csrf = crate::harness::token_for(&client, app).await;
    (client, csrf)
}

async fn start_alone(app: &TestApp, client: &reqwest::Client, csrf: &str) -> Uuid {
    let response = client.post(app.url("/diagnostic?lang=en")).form(&[("csrf", csrf)]).send().await.unwrap();
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    Uuid::parse_str(location.trim_start_matches("/diagnostic/")).unwrap()
}

/// Answer the current page: the gate by doing each task (or not), questions by `choose`.
async fn answer_page(app: &TestApp, client: &reqwest::Client, csrf: &str, id: Uuid, do_gate: bool, choose: &dyn Fn(&str) -> String) -> Option<String> {
    let page = client.get(app.url(&format!("/diagnostic/{id}?lang=en"))).send().await.unwrap();
    if page.status() == 303 {
        return None;
    }
    let body = page.text().await.unwrap();
    let item = hidden(&body, "item").expect("an item on the page");
    let expected = hidden(&body, "expected").unwrap();
    let (choice, typed) = match item.as_str() {
        "gate-touch" => (if do_gate { "done" } else { "dont-know" }.to_string(), String::new()),
        "gate-type" => (if do_gate { "typed" } else { "dont-know" }.to_string(), "bus".to_string()),
        "gate-wifi" => (if do_gate { "0" } else { "dont-know" }.to_string(), String::new()),
        code => (choose(code), String::new()),
    };
    let response = client
        .post(app.url(&format!("/diagnostic/{id}/answer?lang=en")))
        .form(&[("csrf", csrf), ("item", &item), ("expected", &expected), ("choice", &choice), ("typed", &typed)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303, "{item}");
    Some(item)
}

#[tokio::test]
async fn a_person_alone_goes_from_the_intake_to_a_result_with_modules_and_help_nearby() {
    let app = TestApp::spawn_demo().await;
    let (client, csrf) = visitor(&app).await;
    let id = start_alone(&app, &client, &csrf).await;
    let intake = client.get(app.url(&format!("/diagnostic/{id}?lang=en"))).send().await.unwrap().text().await.unwrap();
    assert!(intake.contains("Which devices do you use?"));
    // a postcode that does not exist: a message, and what was ticked stays ticked
    let wrong = client
        .post(app.url(&format!("/diagnostic/{id}/intake?lang=en")))
        .form(&[("csrf", csrf.as_str()), ("devices", "smartphone"), ("connection", "home"), ("postcode", "9999")])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 422);
    let body = wrong.text().await.unwrap();
    assert!(body.contains("We do not know this postcode"));
    assert!(body.contains("value=\"smartphone\" checked"));
    assert!(body.contains("value=\"9999\""));
    let ok = client
        .post(app.url(&format!("/diagnostic/{id}/intake?lang=en")))
        .form(&[("csrf", csrf.as_str()), ("devices", "smartphone"), ("connection", "home"), ("postcode", "6000")])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 303);

    // answers: right at levels 0–2, "I don't know" above (read from the bank)
    let bank = items::active(&app.db).await.unwrap();
    let choose = |code: &str| {
        let item = bank.iter().find(|i| i.code == code).expect("a bank item");
        if item.level > 2 {
            "dont-know".to_string()
        } else if item.kind.is_choice() {
            item.answer.to_string()
        } else {
            "alone".to_string()
        }
    };
    let mut asked = Vec::new();
    while let Some(item) = answer_page(&app, &client, &csrf, id, true, &choose).await {
        asked.push(item);
        assert!(asked.len() <= 18, "the session ends");
    }
    let scored: Vec<&String> = asked.iter().filter(|i| !i.starts_with("gate-")).collect();
    assert!(scored.len() <= 15 && scored.len() >= 5, "{} scored questions", scored.len());
    let mut unique = scored.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), scored.len(), "no item asked twice");

    let d = diagnostics::find(&app.db, id).await.unwrap().unwrap();
    assert_eq!(d.stage, Stage::Done);
    assert_eq!(d.result.len(), 5);
    assert!(d.result.iter().all(|r| r.level >= 1 && r.level <= 3), "{:?}", d.result.iter().map(|r| r.level).collect::<Vec<_>>());
    assert!(!d.modules.is_empty() && d.modules.len() <= 3);
    assert!(d.organisation_id.is_none() && d.person_id.is_none(), "nothing links a person alone");

    let result = client.get(app.url(&format!("/diagnostic/{id}/result?lang=en"))).send().await.unwrap().text().await.unwrap();
    assert!(result.contains("Your result"));
    assert!(result.contains(&d.code), "the code to show a helper");
    assert!(result.contains("/catalogue/"), "recommended modules link to the catalogue");
    assert!(result.contains("Help near you") && result.contains("/places/"), "places near 6000");
    // From Eupen, help stays in the German-speaking area: a place there, or the CPAS's phone
    // before anything far (never a French library two hours away).
    let eupen = client.get(app.url(&format!("/diagnostic/{id}/result?postcode=4700&lang=de"))).send().await.unwrap().text().await.unwrap();
    let help = eupen.split("id=\"help-title\"").nth(1).and_then(|s| s.split("<form").next()).unwrap_or_default();
    let postcodes: Vec<&str> = help.split(", ").skip(1).filter_map(|s| s.get(..4)).filter(|p| p.bytes().all(|b| b.is_ascii_digit())).collect();
    assert!(postcodes.iter().all(|p| p.starts_with("47")), "{postcodes:?} in {help}");
    assert!(!postcodes.is_empty() || help.contains("tel:+32"), "a place or a phone: {help}");
    // the same result in the other languages
    for locale in [Locale::Fr, Locale::Nl, Locale::De] {
        let page = client.get(app.url(&format!("/diagnostic/{id}/result?lang={}", locale.code()))).send().await.unwrap().text().await.unwrap();
        assert!(page.contains(&Tr::new(locale).t("result-title")));
    }
    // a finished diagnostic takes no more answers
    let late = client
        .post(app.url(&format!("/diagnostic/{id}/answer")))
        .form(&[("csrf", csrf.as_str()), ("item", scored[0].as_str()), ("expected", &d.answers.len().to_string()), ("choice", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(late.status(), 303);
    assert_eq!(diagnostics::find(&app.db, id).await.unwrap().unwrap().answers.len(), d.answers.len());
}

#[tokio::test]
async fn failing_the_gate_ends_with_first_steps_and_a_double_submit_counts_once() {
    let app = TestApp::spawn_demo().await;
    let (client, csrf) = visitor(&app).await;
    let id = start_alone(&app, &client, &csrf).await;
    client.post(app.url(&format!("/diagnostic/{id}/intake"))).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    // the first micro-task posted twice (a double tap): one answer
    for _ in 0..2 {
        client
            .post(app.url(&format!("/diagnostic/{id}/answer")))
            .form(&[("csrf", csrf.as_str()), ("item", "gate-touch"), ("expected", "0"), ("choice", "dont-know")])
            .send()
            .await
            .unwrap();
    }
    assert_eq!(diagnostics::find(&app.db, id).await.unwrap().unwrap().answers.len(), 1);
    // an empty word is a message, not an answer
    let empty = client
        .post(app.url(&format!("/diagnostic/{id}/answer?lang=en")))
        .form(&[("csrf", csrf.as_str()), ("item", "gate-type"), ("expected", "1"), ("choice", "typed"), ("typed", " ")])
        .send()
        .await
        .unwrap();
    assert_eq!(empty.status(), 422);
    assert!(empty.text().await.unwrap().contains("Type the word in the box"));
    while answer_page(&app, &client, &csrf, id, false, &|_| "dont-know".into()).await.is_some() {}
    let d = diagnostics::find(&app.db, id).await.unwrap().unwrap();
    assert_eq!(d.stage, Stage::Done);
    assert!(d.first_steps());
    assert_eq!(d.scored_count(), 0, "no scored question after a failed gate");
    assert!(d.result.iter().all(|r| r.level == 0));
    let page = client.get(app.url(&format!("/diagnostic/{id}/result?lang=en"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("start with the first steps"));
    assert!(page.contains("/catalogue/"), "a first-steps module is proposed");
}

#[tokio::test]
async fn a_helper_links_a_result_by_its_code_and_another_organisation_gets_nothing() {
    let app = TestApp::spawn_demo().await;
    let (client, csrf) = visitor(&app).await;
    let id = start_alone(&app, &client, &csrf).await;
    client.post(app.url(&format!("/diagnostic/{id}/intake"))).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    while answer_page(&app, &client, &csrf, id, true, &|_| "dont-know".into()).await.is_some() {}
    let d = diagnostics::find(&app.db, id).await.unwrap().unwrap();

    let charleroi = relais_organisations::organisations::find_by_slug(&app.db, "cpas-charleroi").await.unwrap().unwrap();
    let person = relais_accompaniments::people::list(&app.db, charleroi.id, "", 1).await.unwrap()[0].id;
    let (worker, worker_csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    // a wrong code: a message, the code kept
    let wrong = worker.post(app.url("/organisations/cpas-charleroi/diagnostics/link?lang=en")).form(&[("csrf", worker_csrf.as_str()), ("code", "ZZZZ99")]).send().await.unwrap();
    assert_eq!(wrong.status(), 422);
    let body = wrong.text().await.unwrap();
    assert!(body.contains("This code opens no diagnostic") && body.contains("value=\"ZZZZ99\""));
    // the code as a person reads it out: lower case, with a space
    let spoken = format!("{} {}", &d.code[..3].to_lowercase(), &d.code[3..]);
    let linked = worker
        .post(app.url("/organisations/cpas-charleroi/diagnostics/link"))
        .form(&[("csrf", worker_csrf.as_str()), ("code", spoken.as_str()), ("person", &person.to_string())])
        .send()
        .await
        .unwrap();
    let status = linked.status();
    assert_eq!(status, 303, "{}", linked.text().await.unwrap());
    let d = diagnostics::find(&app.db, id).await.unwrap().unwrap();
    assert_eq!(d.organisation_id, Some(charleroi.id));
    assert_eq!(d.person_id, Some(person));
    let list = worker.get(app.url("/organisations/cpas-charleroi/diagnostics")).send().await.unwrap().text().await.unwrap();
    assert!(list.contains(&format!("/diagnostic/{id}/result")));

    // Eupen cannot take it over, nor see it, nor change its modules
    let (eupen, eupen_csrf) = signed_in(&app, "coordinator.eupen@demo.relais.be").await;
    let taken = eupen.post(app.url("/organisations/oeshz-eupen/diagnostics/link")).form(&[("csrf", eupen_csrf.as_str()), ("code", d.code.as_str())]).send().await.unwrap();
    assert_eq!(taken.status(), 422);
    let list = eupen.get(app.url("/organisations/oeshz-eupen/diagnostics")).send().await.unwrap().text().await.unwrap();
    assert!(!list.contains(&id.to_string()));
    let modules = eupen
        .post(app.url(&format!("/organisations/oeshz-eupen/diagnostics/{id}/modules")))
        .form(&[("csrf", eupen_csrf.as_str()), ("modules", "email-basics")])
        .send()
        .await
        .unwrap();
    assert_eq!(modules.status(), 404);
    assert_eq!(diagnostics::find(&app.db, id).await.unwrap().unwrap().modules, d.modules);

    // the helper overrides the modules (at most three kept, unknown codes dropped)
    let chosen = worker
        .post(app.url(&format!("/organisations/cpas-charleroi/diagnostics/{id}/modules")))
        .form(&[("csrf", worker_csrf.as_str()), ("modules", "email-basics"), ("modules", "no-such-module"), ("modules", "scams-and-phishing")])
        .send()
        .await
        .unwrap();
    assert_eq!(chosen.status(), 303);
    assert_eq!(diagnostics::find(&app.db, id).await.unwrap().unwrap().modules, vec!["email-basics".to_string(), "scams-and-phishing".to_string()]);
    let page = worker.get(app.url(&format!("/diagnostic/{id}/result?lang=en"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Choose the modules (helper)"), "the helper sees the override form");
    let anonymous = client.get(app.url(&format!("/diagnostic/{id}/result?lang=en"))).send().await.unwrap().text().await.unwrap();
    assert!(!anonymous.contains("Choose the modules (helper)"));

    // a second, assisted diagnostic of the same person avoids the items seen
    let started = worker.post(app.url("/organisations/cpas-charleroi/diagnostics")).form(&[("csrf", worker_csrf.as_str()), ("person", &person.to_string())]).send().await.unwrap();
    assert_eq!(started.status(), 303);
    let second = Uuid::parse_str(started.headers()["location"].to_str().unwrap().trim_start_matches("/diagnostic/")).unwrap();
    worker.post(app.url(&format!("/diagnostic/{second}/intake"))).form(&[("csrf", worker_csrf.as_str())]).send().await.unwrap();
    while answer_page(&app, &worker, &worker_csrf, second, true, &|_| "dont-know".into()).await.is_some() {}
    let again = diagnostics::find(&app.db, second).await.unwrap().unwrap();
    assert_eq!(again.stage, Stage::Done);
    let seen: Vec<&String> = d.answers.iter().filter(|a| a.scored).map(|a| &a.item).collect();
    assert!(again.answers.iter().filter(|a| a.scored).all(|a| !seen.contains(&&a.item)), "no item of the first diagnostic again");

    // a third diagnostic, answered right throughout: progress shown where it is probable
    let started = worker.post(app.url("/organisations/cpas-charleroi/diagnostics")).form(&[("csrf", worker_csrf.as_str()), ("person", &person.to_string())]).send().await.unwrap();
    let third = Uuid::parse_str(started.headers()["location"].to_str().unwrap().trim_start_matches("/diagnostic/")).unwrap();
    worker.post(app.url(&format!("/diagnostic/{third}/intake"))).form(&[("csrf", worker_csrf.as_str()), ("devices", "smartphone")]).send().await.unwrap();
    let bank = items::active(&app.db).await.unwrap();
    let right = |code: &str| {
        let item = bank.iter().find(|i| i.code == code).unwrap();
        if item.kind.is_choice() { item.answer.to_string() } else { "alone".to_string() }
    };
    while answer_page(&app, &worker, &worker_csrf, third, true, &right).await.is_some() {}
    let latest = diagnostics::find(&app.db, third).await.unwrap().unwrap();
    let previous = diagnostics::find(&app.db, second).await.unwrap().unwrap();
    let probable: Vec<_> = latest.result.iter().filter(|r| previous.result_of(r.area).is_some_and(|b| diagnostics::progress_probability(r, b) >= 0.8)).collect();
    assert!(
        !probable.is_empty(),
        "levels rose: {:?} → {:?} {:?}",
        previous.result.iter().map(|r| r.level).collect::<Vec<_>>(),
        latest.result.iter().map(|r| r.level).collect::<Vec<_>>(),
        latest.answers
    );
    let page = worker.get(app.url(&format!("/diagnostic/{third}/result?lang=en"))).send().await.unwrap().text().await.unwrap();
    assert_eq!(page.matches("Progress!").count(), probable.len(), "progress shown only where probable");

    // erasing the person keeps the results, unlinked
    let (coordinator, coordinator_csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let erased = coordinator
        .post(app.url(&format!("/organisations/cpas-charleroi/people/{person}/erase")))
        .form(&[("csrf", coordinator_csrf.as_str()), ("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(erased.status(), 303);
    let d = diagnostics::find(&app.db, id).await.unwrap().unwrap();
    assert_eq!(d.person_id, None);
    assert_eq!(d.result.len(), 5);
}

/// Try to link a code as a member of `slug`.
async fn link_code(app: &TestApp, client: &reqwest::Client, csrf: &str, slug: &str, code: &str) -> reqwest::Response {
    client.post(app.url(&format!("/organisations/{slug}/diagnostics/link?lang=en"))).form(&[("csrf", csrf), ("code", code)]).send().await.unwrap()
}

/// The error summary of the helper's page.
fn alert(body: &str) -> String {
    body.split("<div class=\"alert\" role=\"alert\" tabindex=\"-1\" autofocus>").nth(1).and_then(|s| s.split("</div>").next()).unwrap_or_default().to_string()
}

/// A well-formed code no diagnostic has.
async fn unknown_code(app: &TestApp) -> String {
    loop {
        let code = diagnostics::new_code();
        if diagnostics::find_by_code(&app.db, &code).await.unwrap().is_none() {
            return code;
        }
    }
}

async fn taken_alone(app: &TestApp) -> diagnostics::Diagnostic {
    diagnostics::start(&app.db, Mode::Alone, "en", Starter::default()).await.unwrap()
}

#[tokio::test]
async fn an_unknown_a_linked_and_an_expired_code_get_the_same_answer_and_a_fresh_one_links() {
    let app = TestApp::spawn_demo().await;
    let linked = taken_alone(&app).await;
    let expired = taken_alone(&app).await;
    diagnostics::backdate(&app.db, expired.id, time::OffsetDateTime::now_utc() - time::Duration::days(diagnostics::CODE_VALID_DAYS + 2)).await.unwrap();
    let fresh = taken_alone(&app).await;
    let (eupen, eupen_csrf) = signed_in(&app, "coordinator.eupen@demo.relais.be").await;
    assert_eq!(link_code(&app, &eupen, &eupen_csrf, "oeshz-eupen", &linked.code).await.status(), 303);

    let (worker, csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    let mut answers = Vec::new();
    for code in [unknown_code(&app).await, linked.code.clone(), expired.code.clone()] {
        let response = link_code(&app, &worker, &csrf, "cpas-charleroi", &code).await;
        let status = response.status().as_u16();
        let body = response.text().await.unwrap();
        assert!(body.contains(&format!("value=\"{code}\"")), "the code typed is kept");
        answers.push((status, alert(&body)));
    }
    assert!(answers[0].1.contains("This code opens no diagnostic"), "{:?}", answers[0]);
    assert_eq!(answers[0].0, 422);
    assert!(answers.iter().all(|a| *a == answers[0]), "one answer for unknown, linked and expired: {answers:?}");
    assert_eq!(diagnostics::find(&app.db, expired.id).await.unwrap().unwrap().organisation_id, None, "an expired code links nothing");

    let done = link_code(&app, &worker, &csrf, "cpas-charleroi", &fresh.code).await;
    assert_eq!(done.status(), 303);
    let charleroi = relais_organisations::organisations::find_by_slug(&app.db, "cpas-charleroi").await.unwrap().unwrap();
    assert_eq!(diagnostics::find(&app.db, fresh.id).await.unwrap().unwrap().organisation_id, Some(charleroi.id));
}

#[tokio::test]
async fn a_result_says_until_when_its_code_is_valid_in_four_languages() {
    let app = TestApp::spawn_demo().await;
    let (client, csrf) = visitor(&app).await;
    let id = start_alone(&app, &client, &csrf).await;
    client.post(app.url(&format!("/diagnostic/{id}/intake"))).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    while answer_page(&app, &client, &csrf, id, false, &|_| "dont-know".into()).await.is_some() {}
    let d = diagnostics::find(&app.db, id).await.unwrap().unwrap();
    let (last_day, _) = diagnostics::code_valid_until(&d);
    let shown = format!("{:02}/{:02}/{}", last_day.day(), last_day.month(), last_day.year());
    for locale in Locale::ALL {
        let page = client.get(app.url(&format!("/diagnostic/{id}/result?lang={}", locale.code()))).send().await.unwrap().text().await.unwrap();
        let line = page.split("id=\"result-code-valid-until\">").nth(1).and_then(|s| s.split("</p>").next()).unwrap_or_default();
        assert!(line.contains(&shown), "[{}] {line}", locale.code());
    }
    // once linked, the code opens nothing more: no date is promised
    let (worker, worker_csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    assert_eq!(link_code(&app, &worker, &worker_csrf, "cpas-charleroi", &d.code).await.status(), 303);
    let page = client.get(app.url(&format!("/diagnostic/{id}/result?lang=en"))).send().await.unwrap().text().await.unwrap();
    assert!(!page.contains("result-code-valid-until"));
}

#[tokio::test]
async fn a_member_is_throttled_after_ten_wrong_codes_another_is_not_and_the_window_passes() {
    let app = TestApp::spawn_demo().await;
    let (worker, worker_csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    let (coordinator, coordinator_csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let good = taken_alone(&app).await;
    let wrong = unknown_code(&app).await;
    for attempt in 0..10 {
        assert_eq!(link_code(&app, &worker, &worker_csrf, "cpas-charleroi", &wrong).await.status(), 422, "attempt {attempt}");
    }
    // the eleventh attempt is not even looked up: a good code links nothing
    let throttled = link_code(&app, &worker, &worker_csrf, "cpas-charleroi", &good.code).await;
    assert_eq!(throttled.status(), 429);
    let retry: i64 = throttled.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=15 * 60).contains(&retry), "Retry-After {retry}");
    let body = throttled.text().await.unwrap();
    assert!(alert(&body).contains("Too many codes tried. Wait 15 minutes"), "{}", alert(&body));
    assert_eq!(diagnostics::find(&app.db, good.id).await.unwrap().unwrap().organisation_id, None);
    // another member of the same office is not blocked
    assert_eq!(link_code(&app, &coordinator, &coordinator_csrf, "cpas-charleroi", &wrong).await.status(), 422);
    // the window passes (the app's clock, no sleep): the first member tries again
    app.clock.advance(time::Duration::minutes(16));
    assert_eq!(link_code(&app, &worker, &worker_csrf, "cpas-charleroi", &good.code).await.status(), 303);
}

#[tokio::test]
async fn an_address_is_throttled_after_thirty_wrong_codes_whoever_the_member() {
    let app = TestApp::spawn_demo().await;
    let wrong = unknown_code(&app).await;
    for email in ["worker.charleroi@demo.relais.be", "coordinator.charleroi@demo.relais.be", "volunteer.charleroi@demo.relais.be"] {
        let (client, csrf) = signed_in(&app, email).await;
        for attempt in 0..10 {
            assert_eq!(link_code(&app, &client, &csrf, "cpas-charleroi", &wrong).await.status(), 422, "{email} attempt {attempt}");
        }
    }
    // a fourth member from the same address, even of another organisation, waits
    let (eupen, eupen_csrf) = signed_in(&app, "coordinator.eupen@demo.relais.be").await;
    let good = taken_alone(&app).await;
    assert_eq!(link_code(&app, &eupen, &eupen_csrf, "oeshz-eupen", &good.code).await.status(), 429);
    app.clock.advance(time::Duration::minutes(16));
    assert_eq!(link_code(&app, &eupen, &eupen_csrf, "oeshz-eupen", &good.code).await.status(), 303);
}

#[tokio::test]
async fn the_bank_and_the_catalogue_are_seeded_in_four_languages() {
    let app = TestApp::spawn().await;
    let bank = items::all(&app.db).await.unwrap();
    assert!(bank.len() >= 75);
    assert!(bank.iter().all(|i| ["fr", "nl", "de", "en"].iter().all(|l| i.texts.get(*l).is_some_and(|v| !v.question.is_empty()))));
    // seeding again changes nothing (an admin's edits are kept)
    let mut edited = bank[0].clone();
    edited.texts.get_mut("fr").unwrap().question = "Question revue par un admin".into();
    items::update(&app.db, &edited).await.unwrap();
    relais::prepare(&app.db).await.unwrap();
    let again = items::all(&app.db).await.unwrap();
    assert_eq!(again.len(), bank.len());
    assert_eq!(again.iter().find(|i| i.id == edited.id).unwrap().texts["fr"].question, "Question revue par un admin");

    for locale in Locale::ALL {
        let tr = Tr::new(locale);
        let page = app.get(&format!("/catalogue?lang={}", locale.code())).await.text().await.unwrap();
        assert!(page.contains(&tr.t("catalogue-title")));
        assert!(page.contains("/catalogue/itsme-and-eid-login"));
        let module = app.get(&format!("/catalogue/itsme-and-eid-login?lang={}", locale.code())).await;
        assert_eq!(module.status(), 200);
        assert!(module.text().await.unwrap().contains("https://"), "self-learning resources");
    }
    let filtered = app.get("/catalogue?area=safety&device=smartphone&lang=en").await.text().await.unwrap();
    assert!(filtered.contains("/catalogue/scams-and-phishing"));
    assert!(!filtered.contains("/catalogue/myminfin-tax-return"));
    assert_eq!(app.get("/catalogue/no-such-module").await.status(), 404);
    assert_eq!(app.get("/diagnostic/not-an-id").await.status(), 404);
    assert_eq!(app.get(&format!("/diagnostic/{}", Uuid::new_v4())).await.status(), 404);
}

#[tokio::test]
async fn a_platform_admin_edits_an_item_and_sees_how_it_was_answered() {
    let app = TestApp::spawn_demo().await;
    let (admin, csrf) = signed_in(&app, "admin@demo.relais.be").await;
    let list = admin.get(app.url("/admin/items?lang=en")).send().await.unwrap().text().await.unwrap();
    assert!(list.contains("Item bank of the diagnostic"));
    assert!(list.contains(" %</td>"), "the share of right answers from the demo's diagnostics");
    let item = items::all(&app.db).await.unwrap().into_iter().find(|i| i.kind.is_choice()).unwrap();
    let mut form: Vec<(String, String)> = vec![("csrf".into(), csrf.clone())];
    for lang in ["fr", "nl", "de", "en"] {
        let v = &item.texts[lang];
        form.push((format!("question-{lang}"), format!("{} (revu)", v.question)));
        form.push((format!("alt-{lang}"), v.alt.clone()));
        form.push((format!("options-{lang}"), v.options.join("\n")));
    }
    form.push(("answer".into(), "9".into()));
    form.push(("difficulty".into(), "2,5".into()));
    form.push(("discrimination".into(), "1.1".into()));
    // a right answer out of range: refused, what was typed kept
    let wrong = admin.post(app.url(&format!("/admin/items/{}?lang=en", item.code))).form(&form).send().await.unwrap();
    assert_eq!(wrong.status(), 422);
    let body = wrong.text().await.unwrap();
    assert!(body.contains("must be one of the answers") && body.contains("(revu)"));
    form.retain(|(k, _)| k != "answer");
    form.push(("answer".into(), item.answer.to_string()));
    form.push(("active".into(), "on".into()));
    let saved = admin.post(app.url(&format!("/admin/items/{}", item.code))).form(&form).send().await.unwrap();
    assert_eq!(saved.status(), 303);
    let after = items::all(&app.db).await.unwrap().into_iter().find(|i| i.id == item.id).unwrap();
    assert!(after.texts["nl"].question.ends_with("(revu)"));
    assert_eq!(after.difficulty, 2.5);
    assert_eq!(after.discrimination, 1.1);
    assert!(after.active);
    // recalibration from the demo's answers: the items answered often enough get a fitted difficulty
    let before = items::all(&app.db).await.unwrap();
    let done = admin.post(app.url("/admin/items/recalibrate")).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(done.status(), 303);
    let count: usize = done.headers()["location"].to_str().unwrap().split('=').nth(1).unwrap().parse().unwrap();
    assert!(count >= 1, "items answered at least {} times in the demo", relais_diagnostics::calibration::MIN_ANSWERS);
    let after_all = items::all(&app.db).await.unwrap();
    let changed = after_all.iter().filter(|a| before.iter().any(|b| b.id == a.id && (b.difficulty - a.difficulty).abs() > 1e-9)).count();
    assert!(changed >= 1 && changed <= count);
    assert!(after_all.iter().all(|i| (-1.0..=5.0).contains(&i.difficulty)));
    let list = admin.get(app.url(&format!("/admin/items?recalibrated={count}&lang=en"))).send().await.unwrap().text().await.unwrap();
    assert!(list.contains("recalibrated"));
    // a coordinator may not
    let (coordinator, coordinator_csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    assert_eq!(coordinator.get(app.url("/admin/items")).send().await.unwrap().status(), 403);
    let refused = coordinator.post(app.url(&format!("/admin/items/{}", item.code))).form(&[("csrf", coordinator_csrf.as_str())]).send().await.unwrap();
    assert_eq!(refused.status(), 403);
}
