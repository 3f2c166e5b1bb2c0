//! Helpers end to end on the engine under test: every member who helps gets a profile, a
//! coordinator adds a volunteer without an account (a double submit adds one), saves a profile
//! (errors keep what was typed), changes the status (history kept), sets the headcount; a
//! volunteer keeps their own profile and sees nobody else's; another organisation gets nothing.

use relais_helpers::helpers::{self, Status};
use uuid::Uuid;

use crate::harness::{TestApp, form_token, signed_in};

async fn organisation(app: &TestApp, slug: &str) -> Uuid {
    relais_organisations::organisations::find_by_slug(&app.db, slug).await.unwrap().unwrap().id
}

#[tokio::test]
async fn members_get_a_profile_and_a_coordinator_adds_and_keeps_helpers() {
    let app = TestApp::spawn_demo().await;
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let (coordinator, csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;

    // The list shows the members who help (not the viewer) and the demo's volunteers, with the
    // headcount of 2,800 across the job families.
    let page = coordinator.get(app.url("/organisations/cpas-charleroi/helpers?lang=en")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    for name in ["Claire Coordinatrice", "Walid Aidant", "Véronique Bénévole", "Jean-Pierre D."] {
        assert!(body.contains(name), "{name} listed");
    }
    assert!(!body.contains("Victor Lecteur"), "a viewer is not a helper");
    assert!(body.contains("Home helper") && body.contains("900"), "headcount per job family");
    let counts = helpers::headcounts(&app.db, charleroi).await.unwrap();
    assert_eq!(counts.iter().map(|(_, n)| n).sum::<i64>(), 2800);

    // A volunteer without an account: errors keep what was typed.
    let form = coordinator.get(app.url("/organisations/cpas-charleroi/helpers/new")).send().await.unwrap().text().await.unwrap();
    let form_id = form.split("name=\"form_id\" value=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().to_string();
    let bad = [("csrf", csrf.as_str()), ("form_id", &form_id), ("name", ""), ("email", "marc@"), ("job_family", "volunteer"), ("phone", "0470 11 22 33")];
    let response = coordinator.post(app.url("/organisations/cpas-charleroi/helpers/new?lang=en")).form(&bad).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Give a name.") && body.contains("not complete"), "translated errors");
    assert!(body.contains("value=\"0470 11 22 33\"") && body.contains("value=\"marc@\""), "what was typed is kept");
    let good = [
        ("csrf", csrf.as_str()),
        ("form_id", &form_id),
        ("name", "Marc L."),
        ("email", "marc@example.be"),
        ("job_family", "volunteer"),
        ("languages", "fr"),
        ("languages", "nl"),
        ("started_on", "2026-09-01"),
    ];
    let first = coordinator.post(app.url("/organisations/cpas-charleroi/helpers/new")).form(&good).send().await.unwrap();
    assert_eq!(first.status(), 303);
    let again = coordinator.post(app.url("/organisations/cpas-charleroi/helpers/new")).form(&good).send().await.unwrap();
    assert_eq!(again.status(), 303);
    assert_eq!(first.headers()["location"], again.headers()["location"], "a double submit adds one helper");
    let all = helpers::list(&app.db, charleroi).await.unwrap();
    assert_eq!(all.iter().filter(|h| h.name == "Marc L.").count(), 1);
    let marc = all.iter().find(|h| h.name == "Marc L.").unwrap().id;
    assert_eq!(marc.to_string(), form_id);

    // The profile: a bad level is refused with the rest kept; then saved.
    let worker = relais_organisations::users::find_by_email(&app.db, "worker.charleroi@demo.relais.be").await.unwrap().unwrap().id;
    let path = format!("/organisations/cpas-charleroi/helpers/{marc}");
    let worker_id = worker.to_string();
    let mut fields = vec![
        ("csrf", csrf.as_str()),
        ("name", "Marc L."),
        ("email", "marc@example.be"),
        ("phone", "0470 99 88 77"),
        ("job_family", "volunteer"),
        ("referent", worker_id.as_str()),
        ("started_on", "2026-09-01"),
        ("languages", "fr"),
        ("skill_device", "4"),
        ("skill_safety", "9"),
        ("available", "2-morning"),
        ("available", "4-afternoon"),
    ];
    let response = coordinator.post(app.url(&format!("{path}?lang=en"))).form(&fields).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Choose a level from the list."));
    assert!(body.contains("value=\"2-morning\" aria-label=\"Tuesday, Morning\" checked"), "ticked times kept");
    fields.retain(|(k, _)| *k != "skill_safety");
    let response = coordinator.post(app.url(&path)).form(&fields).send().await.unwrap();
    assert_eq!(response.status(), 303);
    let profile = helpers::find(&app.db, charleroi, marc).await.unwrap().unwrap();
    assert_eq!(profile.helper.referent_id, Some(worker));
    assert_eq!(profile.helper.phone, "0470 99 88 77");
    assert_eq!(profile.skills.len(), 1);
    assert_eq!(profile.availability.len(), 2);
    assert_eq!(profile.helper.started_on.map(|d| d.to_string()).as_deref(), Some("2026-09-01"));

    // A referent from another organisation is refused.
    let stranger = relais_organisations::users::find_by_email(&app.db, "worker.eupen@demo.relais.be").await.unwrap().unwrap().id.to_string();
    let mut with_stranger = fields.clone();
    with_stranger.retain(|(k, _)| *k != "referent");
    with_stranger.push(("referent", stranger.as_str()));
    assert_eq!(coordinator.post(app.url(&path)).form(&with_stranger).send().await.unwrap().status(), 422);

    // The status and its history; the same status twice is one change.
    for _ in 0..2 {
        let response = coordinator.post(app.url(&format!("{path}/status"))).form(&[("csrf", csrf.as_str()), ("status", "paused"), ("reason", "Exams")]).send().await.unwrap();
        assert_eq!(response.status(), 303);
    }
    let profile = helpers::find(&app.db, charleroi, marc).await.unwrap().unwrap();
    assert_eq!(profile.helper.status, Status::Paused);
    assert_eq!(profile.history.len(), 2, "added, then paused once");
    assert_eq!(profile.history[0].reason, "Exams");
    assert_eq!(profile.history[0].changed_by.as_deref(), Some("Claire Coordinatrice"));

    // The headcount: "2 800" is read as 2800; a word is refused and kept.
    let page = coordinator.get(app.url("/organisations/cpas-charleroi/headcount")).send().await.unwrap().text().await.unwrap();
    let token = form_token(&page).unwrap();
    let response = coordinator
        .post(app.url("/organisations/cpas-charleroi/headcount?lang=en"))
        .form(&[("csrf", token.as_str()), ("headcount_social-worker", "2 800"), ("headcount_home-helper", "many")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("value=\"many\""));
    let response =
        coordinator.post(app.url("/organisations/cpas-charleroi/headcount")).form(&[("csrf", token.as_str()), ("headcount_social-worker", "2 800")]).send().await.unwrap();
    assert_eq!(response.status(), 303);
    let counts = helpers::headcounts(&app.db, charleroi).await.unwrap();
    assert_eq!(counts, vec![("social-worker".to_string(), 2800)], "the families left empty are cleared");
}

#[tokio::test]
async fn a_volunteer_keeps_their_own_profile_and_sees_nobody_else() {
    let app = TestApp::spawn_demo().await;
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let (volunteer, csrf) = signed_in(&app, "volunteer.charleroi@demo.relais.be").await;
    let me = volunteer.get(app.url("/organisations/cpas-charleroi/helpers/me")).send().await.unwrap();
    assert_eq!(me.status(), 303);
    let own = me.headers()["location"].to_str().unwrap().to_string();
    let page = volunteer.get(app.url(&own)).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    assert!(body.contains("Véronique Bénévole"));
    assert!(!body.contains("name=\"job_family\""), "the job family is the coordinator's");

    // She changes her languages and times; her job family and referent stay.
    let id: Uuid = own.rsplit('/').next().unwrap().parse().unwrap();
    let before = helpers::find(&app.db, charleroi, id).await.unwrap().unwrap();
    let response = volunteer
        .post(app.url(&own))
        .form(&[("csrf", csrf.as_str()), ("job_family", "social-worker"), ("languages", "fr"), ("languages", "tr"), ("available", "6-morning"), ("skill_communication", "3")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let after = helpers::find(&app.db, charleroi, id).await.unwrap().unwrap();
    assert_eq!(after.helper.languages, ["fr", "tr"]);
    assert_eq!(after.helper.job_family, before.helper.job_family);
    assert_eq!(after.helper.referent_id, before.helper.referent_id);

    // Nobody else's profile, nor the list, nor a status.
    let other = helpers::list(&app.db, charleroi).await.unwrap().into_iter().find(|h| h.id != id).unwrap().id;
    assert_eq!(volunteer.get(app.url(&format!("/organisations/cpas-charleroi/helpers/{other}"))).send().await.unwrap().status(), 403);
    assert_eq!(volunteer.get(app.url("/organisations/cpas-charleroi/helpers")).send().await.unwrap().status(), 403);
    let response = volunteer.post(app.url(&format!("{own}/status"))).form(&[("csrf", csrf.as_str()), ("status", "left")]).send().await.unwrap();
    assert_eq!(response.status(), 403);

    // Another organisation's coordinator gets nothing; a helper id of Charleroi under Eupen's
    // address is not found.
    let (eupen, eupen_csrf) = signed_in(&app, "coordinator.eupen@demo.relais.be").await;
    assert_eq!(eupen.get(app.url(&own)).send().await.unwrap().status(), 404);
    assert_eq!(eupen.get(app.url(&format!("/organisations/oeshz-eupen/helpers/{id}"))).send().await.unwrap().status(), 404);
    let response = eupen.post(app.url(&format!("/organisations/oeshz-eupen/helpers/{id}/status"))).form(&[("csrf", eupen_csrf.as_str()), ("status", "left")]).send().await.unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(helpers::find(&app.db, charleroi, id).await.unwrap().unwrap().helper.status, Status::Active);
}

/// The reminders of the journey that are due: run every job due (clock already moved).
async fn run_jobs(app: &TestApp) {
    let runner = app.job_runner();
    while runner.run_once().await.unwrap() > 0 {}
}

#[tokio::test]
async fn the_volunteer_journey_from_the_public_page_to_autonomous_with_the_charter_version_kept() {
    use relais_helpers::journey::{self, Stage};
    let app = TestApp::spawn_demo().await;
    let charleroi = organisation(&app, "cpas-charleroi").await;
    app.send_queued().await; // the demo's own messages
    let before = app.mails().await.len();

    // The public page, no account: errors keep what was typed; a double submit is one application.
    let browser = crate::harness::browser();
    let page = browser.get(app.url("/volunteer/cpas-charleroi?lang=nl")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("Vrijwillige helper worden") && page.contains("Ik respecteer de persoon"), "the charter in Dutch on the page");
    let csrf = form_token(&page).unwrap();
    let form_id = page.split("name=\"form_id\" value=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().to_string();
    let bad = [("csrf", csrf.as_str()), ("form_id", form_id.as_str()), ("name", "Ayla Testperson"), ("languages", "nl"), ("message", "Dinsdagvoormiddag vrij")];
    let response = browser.post(app.url("/volunteer/cpas-charleroi?lang=nl")).form(&bad).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Geef een e-mailadres of een telefoonnummer.") && body.contains("Vink het vakje aan"));
    assert!(body.contains("Dinsdagvoormiddag vrij") && body.contains("value=\"Ayla Testperson\""));
    let good = [
        ("csrf", csrf.as_str()),
        ("form_id", form_id.as_str()),
        ("name", "Ayla Testperson"),
        ("email", "ayla@example.be"),
        ("languages", "nl"),
        ("languages", "tr"),
        ("message", "Dinsdagvoormiddag vrij"),
        ("consent", "yes"),
    ];
    for _ in 0..2 {
        let response = browser.post(app.url("/volunteer/cpas-charleroi?lang=nl")).form(&good).send().await.unwrap();
        assert_eq!(response.status(), 303);
    }
    let mine: Vec<_> = journey::list(&app.db, charleroi).await.unwrap().into_iter().filter(|a| a.name == "Ayla Testperson").collect();
    assert_eq!(mine.len(), 1, "a double submit is one application");
    let id = mine[0].id;
    let mails = app.mails().await;
    let told: Vec<_> = mails[before..].iter().filter(|(_, subject, _)| subject.contains("Ayla Testperson")).collect();
    assert_eq!(told.len(), 1, "the coordinator is told once: {told:?}");
    assert_eq!(told[0].0, "coordinator.charleroi@demo.relais.be");
    assert!(told[0].2.contains(&format!("/organisations/cpas-charleroi/applications/{id}")));

    // Nobody has met her after 7 days: the coordinators are reminded (once), the jobs run on a
    // moved clock, not by sleeping.
    app.clock.advance(time::Duration::days(7) + time::Duration::minutes(1));
    run_jobs(&app).await;
    let plain = |text: &str| text.replace(['\u{a0}', '\u{202f}'], " ");
    let late = |mails: &[(String, String, String)]| mails.iter().filter(|(_, s, b)| s.contains("Ayla Testperson") && plain(b).contains("il y a 7 jours")).count();
    assert_eq!(late(&app.mails().await), 1, "one reminder at 7 days");

    // The steps, each once; the charter needs the version in force, which stays with her.
    let (coordinator, csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let path = format!("/organisations/cpas-charleroi/applications/{id}");
    for step in ["met", "met"] {
        let response = coordinator.post(app.url(&format!("{path}/step"))).form(&[("csrf", csrf.as_str()), ("step", step), ("note", "Gesprek")]).send().await.unwrap();
        assert_eq!(response.status(), 303);
    }
    let (application, steps) = journey::find(&app.db, charleroi, id).await.unwrap().unwrap();
    assert_eq!(application.stage, Stage::Met);
    assert_eq!(steps.iter().filter(|s| s.stage == Stage::Met).count(), 1, "recorded once");
    let helper = application.helper_id.expect("a helper profile once accepted");
    let profile = helpers::find(&app.db, charleroi, helper).await.unwrap().unwrap();
    assert_eq!(profile.helper.languages, ["nl", "tr"]);
    assert!(profile.helper.user_id.is_none());
    // A step out of order is not recorded.
    let response = coordinator.post(app.url(&format!("{path}/step"))).form(&[("csrf", csrf.as_str()), ("step", "autonomous")]).send().await.unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(journey::find(&app.db, charleroi, id).await.unwrap().unwrap().0.stage, Stage::Met);

    let version = journey::current_charter(&app.db, charleroi).await.unwrap().unwrap().version;
    let response = coordinator.post(app.url(&format!("{path}/step"))).form(&[("csrf", csrf.as_str()), ("step", "charter-signed")]).send().await.unwrap();
    assert_eq!(response.status(), 303);
    // A new version afterwards: hers stays the one she signed.
    let page = coordinator.get(app.url("/organisations/cpas-charleroi/charter")).send().await.unwrap().text().await.unwrap();
    let token = form_token(&page).unwrap();
    let texts = [("csrf", token.as_str()), ("text_fr", "Nouvelle charte."), ("text_nl", "Nieuw charter."), ("text_de", ""), ("text_en", "")];
    for _ in 0..2 {
        assert_eq!(coordinator.post(app.url("/organisations/cpas-charleroi/charter")).form(&texts).send().await.unwrap().status(), 303);
    }
    let latest = journey::current_charter(&app.db, charleroi).await.unwrap().unwrap();
    assert_eq!(latest.version, version + 1, "the same text twice is one version");
    assert_eq!(latest.text(relais_core::i18n::Locale::De), "Nouvelle charte.", "a missing language falls back to one that is written");
    let (application, _) = journey::find(&app.db, charleroi, id).await.unwrap().unwrap();
    assert_eq!(application.charter_version, Some(version));
    assert!(application.charter_signed_at.is_some());
    assert!(journey::charter(&app.db, charleroi, Some(version)).await.unwrap().is_some(), "the signed version stays readable");

    // Invited to an account with the volunteer role: the invitation e-mail, the profile linked.
    let response = coordinator.post(app.url(&format!("{path}/invite"))).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(response.status(), 303);
    let mails = app.mails().await;
    let invitation = mails.iter().find(|(to, _, body)| to == "ayla@example.be" && body.contains("/invitation?token=")).expect("the invitation e-mail");
    assert!(invitation.2.contains("lang=nl"), "in her language");
    let user = relais_organisations::users::find_by_email(&app.db, "ayla@example.be").await.unwrap().unwrap();
    let members = relais_organisations::organisations::members_of(&app.db, charleroi).await.unwrap();
    assert_eq!(members.iter().find(|m| m.user_id == user.id).map(|m| m.role.as_str()), Some("volunteer"));
    assert_eq!(helpers::find(&app.db, charleroi, helper).await.unwrap().unwrap().helper.user_id, Some(user.id));
    // The list does not give her a second profile.
    helpers::ensure_members(&app.db, charleroi, app.clock.now()).await.unwrap();
    assert_eq!(helpers::list(&app.db, charleroi).await.unwrap().iter().filter(|h| h.user_id == Some(user.id)).count(), 1);

    // Trained by day 30, not yet autonomous by day 90: the referent (who recorded "met") is
    // reminded at 90 days, not at 30 or 60.
    for step in ["trained"] {
        coordinator.post(app.url(&format!("{path}/step"))).form(&[("csrf", csrf.as_str()), ("step", step)]).send().await.unwrap();
    }
    app.clock.advance(time::Duration::days(90));
    run_jobs(&app).await;
    let mails = app.mails().await;
    let reminders: Vec<_> = mails.iter().filter(|(_, s, _)| s.contains("Ayla Testperson") && plain(s).contains("en retard")).map(|(to, _, b)| (to.clone(), plain(b))).collect();
    assert!(reminders.iter().any(|(to, b)| to == "coordinator.charleroi@demo.relais.be" && b.contains("il y a 90 jours")), "{reminders:?}");
    assert!(!reminders.iter().any(|(_, b)| b.contains("il y a 30 jours") || b.contains("il y a 60 jours")), "no reminder for steps reached in time: {reminders:?}");
    assert_eq!(reminders.len(), 2, "7 and 90 days: {reminders:?}");

    for step in ["supervised", "autonomous"] {
        coordinator.post(app.url(&format!("{path}/step"))).form(&[("csrf", csrf.as_str()), ("step", step)]).send().await.unwrap();
    }
    let (application, steps) = journey::find(&app.db, charleroi, id).await.unwrap().unwrap();
    assert_eq!(application.stage, Stage::Autonomous);
    assert_eq!(steps.iter().map(|s| s.stage).collect::<Vec<_>>(), Stage::STEPS, "each step once, in order, dated, with who");
    assert!(steps.iter().skip(1).all(|s| s.done_by.as_deref() == Some("Claire Coordinatrice")));
}

#[tokio::test]
async fn a_group_recruits_for_its_organisations_and_an_application_can_be_declined() {
    use relais_helpers::journey::{self, Stage};
    let app = TestApp::spawn_demo().await;
    let browser = crate::harness::browser();
    let page = browser.get(app.url("/groups/informaticiens-publics/volunteer?lang=fr")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Maison de quartier Nord") && page.contains("Clic Bruxelles"), "the network's organisations to choose from");
    let csrf = form_token(&page).unwrap();
    let fields = [("csrf", csrf.as_str()), ("name", "Omar Test"), ("phone", "0470 00 00 01"), ("consent", "yes"), ("organisation", "cpas-charleroi")];
    let response = browser.post(app.url("/groups/informaticiens-publics/volunteer")).form(&fields).send().await.unwrap();
    assert_eq!(response.status(), 422, "an organisation outside the network is refused");
    let fields = [("csrf", csrf.as_str()), ("name", "Omar Test"), ("phone", "0470 00 00 01"), ("consent", "yes"), ("organisation", "maison-quartier-nord")];
    assert_eq!(browser.post(app.url("/groups/informaticiens-publics/volunteer")).form(&fields).send().await.unwrap().status(), 303);
    let north = organisation(&app, "maison-quartier-nord").await;
    let application = journey::list(&app.db, north).await.unwrap().into_iter().find(|a| a.name == "Omar Test").expect("applied to the chosen organisation");

    // Its coordinators see it; another organisation's get nothing.
    let (eupen, eupen_csrf) = signed_in(&app, "coordinator.eupen@demo.relais.be").await;
    let other = format!("/organisations/maison-quartier-nord/applications/{}", application.id);
    assert_eq!(eupen.get(app.url(&other)).send().await.unwrap().status(), 404);
    let response = eupen
        .post(app.url(&format!("/organisations/oeshz-eupen/applications/{}/close", application.id)))
        .form(&[("csrf", eupen_csrf.as_str()), ("how", "declined"), ("reason", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    let (worker, worker_csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    assert_eq!(worker.get(app.url("/organisations/cpas-charleroi/applications")).send().await.unwrap().status(), 403, "a worker does not handle applications");
    drop(worker_csrf);

    // Declined needs a reason; then it is closed and the reminders say nothing.
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let sarah = journey::list(&app.db, charleroi).await.unwrap().into_iter().find(|a| a.stage == Stage::Applied).unwrap();
    let (coordinator, csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let path = format!("/organisations/cpas-charleroi/applications/{}", sarah.id);
    let response = coordinator.post(app.url(&format!("{path}/close?lang=en"))).form(&[("csrf", csrf.as_str()), ("how", "declined"), ("reason", "")]).send().await.unwrap();
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("give the reason"));
    let response =
        coordinator.post(app.url(&format!("{path}/close"))).form(&[("csrf", csrf.as_str()), ("how", "declined"), ("reason", "Pas de disponibilité")]).send().await.unwrap();
    assert_eq!(response.status(), 303);
    let (closed, _) = journey::find(&app.db, charleroi, sarah.id).await.unwrap().unwrap();
    assert_eq!(closed.stage, Stage::Declined);
    assert_eq!(closed.closed_reason, "Pas de disponibilité");
    app.send_queued().await;
    let before = app.mails().await.len();
    app.clock.advance(time::Duration::days(100));
    run_jobs(&app).await;
    assert!(!app.mails().await[before..].iter().any(|(_, s, _)| s.contains(&sarah.name)), "no reminder for a closed application");
}

/// The next date on `weekday` (1 = Monday) after today, in Brussels.
fn next(weekday: i8) -> jiff::civil::Date {
    let today = jiff::Zoned::now().with_time_zone(relais_core::dates::time_zone().clone()).date();
    let mut date = today.tomorrow().unwrap();
    while date.weekday().to_monday_one_offset() != weekday {
        date = date.tomorrow().unwrap();
    }
    date
}

#[tokio::test]
async fn parallel_sign_ups_never_take_more_places_than_the_session_needs() {
    use relais_helpers::shifts::{self, Need, SignUp};
    let app = TestApp::spawn_demo().await;
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let coordinator = relais_organisations::users::find_by_email(&app.db, "coordinator.charleroi@demo.relais.be").await.unwrap().unwrap().id;
    // A Thursday session that needs 3 helpers, and 12 helpers who try at the same moment.
    let date = next(4);
    let mut occurrences = shifts::occurrences(&app.db, charleroi, relais_core::i18n::Locale::Fr, date, date).await.unwrap();
    assert!(!occurrences.is_empty(), "a demo session on Thursdays");
    let mut occurrence = occurrences.remove(0);
    assert!(shifts::set_need(&app.db, charleroi, occurrence.session_id, &Need { helpers: 3, languages: vec!["fr".into()] }).await.unwrap());
    occurrence.need = Some(Need { helpers: 3, languages: vec!["fr".into()] });
    // (the demo has signed up some for the coming weeks)
    let already = shifts::shifts_between(&app.db, charleroi, date, date).await.unwrap().into_iter().filter(|s| s.session_id == occurrence.session_id).count();
    let mut ids = Vec::new();
    for n in 0..12 {
        let new = helpers::NewHelper {
            name: format!("Parallel {n}"),
            email: String::new(),
            phone: String::new(),
            job_family: "volunteer".into(),
            languages: vec!["fr".into()],
            started_on: None,
        };
        ids.push(helpers::create(&app.db, charleroi, None, &new, coordinator, app.clock.now()).await.unwrap().0);
    }
    let now = app.clock.now();
    let tries = ids.iter().map(|helper| {
        let (db, occurrence, helper) = (app.db.clone(), occurrence.clone(), *helper);
        tokio::spawn(async move { shifts::sign_up(&db, charleroi, &occurrence, helper, None, now).await.unwrap() })
    });
    let outcomes: Vec<SignUp> = futures_join(tries).await;
    assert_eq!(outcomes.iter().filter(|o| **o == SignUp::Done).count(), 3 - already, "{outcomes:?}");
    assert_eq!(outcomes.iter().filter(|o| **o == SignUp::Full).count(), 9 + already);
    let signed = shifts::shifts_between(&app.db, charleroi, date, date).await.unwrap().into_iter().filter(|s| s.session_id == occurrence.session_id).count();
    assert_eq!(signed, 3, "three rows, not more");

    // A withdrawal frees a place; signing up twice is one place.
    let first =
        shifts::shifts_between(&app.db, charleroi, date, date).await.unwrap().into_iter().find(|s| s.session_id == occurrence.session_id && ids.contains(&s.helper_id)).unwrap();
    assert!(shifts::withdraw(&app.db, charleroi, first.id, Some(first.helper_id), now).await.unwrap());
    assert!(!shifts::withdraw(&app.db, charleroi, first.id, Some(first.helper_id), now).await.unwrap(), "withdrawn once");
    let outcome = shifts::sign_up(&app.db, charleroi, &occurrence, first.helper_id, None, now).await.unwrap();
    assert_eq!(outcome, SignUp::Done, "back in the freed place");
    assert_eq!(shifts::sign_up(&app.db, charleroi, &occurrence, first.helper_id, None, now).await.unwrap(), SignUp::Already);
}

async fn futures_join<T: Send + 'static>(handles: impl Iterator<Item = tokio::task::JoinHandle<T>>) -> Vec<T> {
    let handles: Vec<_> = handles.collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

#[tokio::test]
async fn hours_are_summed_per_month_with_what_the_clock_ran_across_dst() {
    use relais_helpers::shifts::{self, Need, Occurrence};
    let app = TestApp::spawn_demo().await;
    let eupen = organisation(&app, "oeshz-eupen").await;
    let place = relais_directory::places::places_of(&app.db, eupen).await.unwrap()[0].id;
    let coordinator = relais_organisations::users::find_by_email(&app.db, "coordinator.eupen@demo.relais.be").await.unwrap().unwrap().id;
    let new = helpers::NewHelper {
        name: "Nachtschicht".into(),
        email: String::new(),
        phone: String::new(),
        job_family: "volunteer".into(),
        languages: vec!["de".into()],
        started_on: None,
    };
    let (helper, _) = helpers::create(&app.db, eupen, None, &new, coordinator, app.clock.now()).await.unwrap();
    let at = |date: &str, start: &str, end: &str| Occurrence {
        session_id: Uuid::new_v4(),
        place_id: place,
        place: String::new(),
        date: date.parse().unwrap(),
        start: start.parse().unwrap(),
        end: end.parse().unwrap(),
        need: Some(Need { helpers: 1, languages: Vec::new() }),
    };
    let now = app.clock.now();
    // 21 March 2027: 2 h; 28 March (clocks forward at 02:00): 1 h; 31 October (back at 03:00): 3 h;
    // 2 November: 2 h.
    for o in [at("2027-03-21", "01:30", "03:30"), at("2027-03-28", "01:30", "03:30"), at("2027-10-31", "01:30", "03:30"), at("2027-11-02", "09:00", "11:00")] {
        assert_eq!(shifts::sign_up(&app.db, eupen, &o, helper, Some(coordinator), now).await.unwrap(), shifts::SignUp::Done);
    }
    let hours = shifts::hours(&app.db, eupen, Some(helper), "2027-12-31".parse().unwrap()).await.unwrap();
    let of = |month: &str| hours.iter().find(|(_, _, m, _)| m == month).map(|(_, _, _, minutes)| *minutes);
    assert_eq!(of("2027-03"), Some(180));
    assert_eq!(of("2027-10"), Some(180));
    assert_eq!(of("2027-11"), Some(120));
}

#[tokio::test]
async fn a_volunteer_signs_up_the_coverage_shows_what_is_short_and_the_reminder_comes_the_day_before() {
    let app = TestApp::spawn_demo().await;
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let tuesday = next(2);
    let (volunteer, csrf) = signed_in(&app, "volunteer.charleroi@demo.relais.be").await;
    let page = volunteer.get(app.url("/organisations/cpas-charleroi/shifts?lang=en")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    assert!(body.contains("Antenne sociale de Marcinelle"), "the Tuesday drop-in is offered");
    assert!(body.contains("1 place left"), "one of two places taken by the demo");
    let session = relais_helpers::shifts::occurrences(&app.db, charleroi, relais_core::i18n::Locale::Fr, tuesday, tuesday)
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.place.contains("Marcinelle"))
        .unwrap()
        .session_id;
    let form = [("csrf", csrf.as_str()), ("session", &session.to_string()), ("date", &tuesday.to_string()), ("scope", "one")];
    let response = volunteer.post(app.url("/organisations/cpas-charleroi/shifts")).form(&form).send().await.unwrap();
    assert_eq!(response.status(), 303);
    assert!(response.headers()["location"].to_str().unwrap().ends_with("done=signed-up"));
    // The session is now full: another helper is told so.
    let (worker, worker_csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    let form = [("csrf", worker_csrf.as_str()), ("session", &session.to_string()), ("date", &tuesday.to_string()), ("scope", "one")];
    let response = worker.post(app.url("/organisations/cpas-charleroi/shifts")).form(&form).send().await.unwrap();
    assert!(response.headers()["location"].to_str().unwrap().ends_with("done=full"));

    // The coverage view: the coordinator sees who comes; a volunteer does not see it.
    let (coordinator, _) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let page = coordinator.get(app.url(&format!("/organisations/cpas-charleroi/coverage?week={tuesday}&lang=en"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Véronique Bénévole") && page.contains("2 of 2 helpers"), "the Tuesday covered");
    assert!(page.contains("Short of helpers"), "other sessions of the week are short");
    assert_eq!(volunteer.get(app.url("/organisations/cpas-charleroi/coverage")).send().await.unwrap().status(), 403);
    let (eupen, _) = signed_in(&app, "coordinator.eupen@demo.relais.be").await;
    assert_eq!(eupen.get(app.url("/organisations/cpas-charleroi/coverage")).send().await.unwrap().status(), 404);

    // The reminder the day before, to her address, once the clock gets there (not by sleeping).
    app.send_queued().await;
    let before = app.mails().await.len();
    let starts = relais_helpers::shifts::occurrences(&app.db, charleroi, relais_core::i18n::Locale::Fr, tuesday, tuesday)
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.session_id == session)
        .unwrap()
        .starts()
        .unwrap()
        .timestamp()
        .as_second();
    let until = starts - 86_400 - app.clock.now().unix_timestamp() + 60;
    app.clock.advance(time::Duration::seconds(until));
    let runner = app.job_runner();
    while runner.run_once().await.unwrap() > 0 {}
    let mails = app.mails().await;
    let reminders: Vec<_> = mails[before..].iter().filter(|(to, subject, _)| to == "volunteer.charleroi@demo.relais.be" && subject.contains("Marcinelle")).collect();
    assert_eq!(reminders.len(), 1, "{:?}", &mails[before..]);
}

#[tokio::test]
async fn the_reports_count_helpers_applications_hours_and_coverage_with_small_counts_hidden_above_the_organisation() {
    let app = TestApp::spawn_demo().await;
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let now = time::OffsetDateTime::now_utc();
    let figures = relais_helpers::reporting::compute(&app.db, &[charleroi], now - time::Duration::days(365), now + time::Duration::days(1)).await.unwrap();
    // Véronique and Jean-Pierre, and the two applicants accepted since (Youssef, Brigitte); Nadia
    // has left.
    assert_eq!(figures.volunteers, 4);
    assert!(figures.workers >= 2);
    assert_eq!(figures.applications, 3);
    assert!(figures.minutes > 0, "the demo's past shifts");
    assert!(figures.covered + figures.short > 0);
    let (coordinator, _) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let page = coordinator.get(app.url("/organisations/cpas-charleroi/reports?lang=en")).send().await.unwrap().text().await.unwrap();
    for label in ["Volunteers helping", "Hours helped at drop-ins", "Drop-in dates short of helpers", "Volunteer applications by stage", "Helpers by job family"] {
        assert!(page.contains(label), "{label} on the organisation's report");
    }
    // Above the organisation (the project's scope), 4 volunteers is "fewer than 5".
    let (funder, _) = signed_in(&app, "viewer.digilab@demo.relais.be").await;
    let page = funder.get(app.url("/groups/clic-tous-connectes/reports?lang=en")).send().await.unwrap().text().await.unwrap();
    let row = page.split("Volunteers helping").nth(1).and_then(|rest| rest.split("</tr>").next()).unwrap_or_default();
    assert!(row.contains("&#60; 5") || row.contains("&lt; 5"), "suppressed: {row}");
}

#[tokio::test]
async fn a_network_records_an_intervision_its_partners_see_it_and_others_do_not() {
    let app = TestApp::spawn_demo().await;
    let north = organisation(&app, "maison-quartier-nord").await;
    // The demo's intervision of the Brussels network, seen by its partner's coordinator... (the
    // partner has no coordinator in the demo: the lead's helpers and the partner's helpers attend)
    let meetings = relais_helpers::supervision::of_organisation(&app.db, north).await.unwrap();
    assert_eq!(meetings.len(), 1, "the partner's helper attended the network's intervision");
    assert!(meetings[0].attendees.iter().any(|(_, name, _)| name == "Fatma Y."));

    let (coordinator, csrf) = signed_in(&app, "coordinator.bruxelles@demo.relais.be").await;
    let page = coordinator.get(app.url("/organisations/clic-bruxelles/supervisions?lang=en")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Sophie V.") && page.contains("Fatma Y. (Maison de quartier Nord"), "{page}");
    let network = relais_organisations::groups::find_by_slug(&app.db, "informaticiens-publics").await.unwrap().unwrap().id.to_string();
    let fatma = relais_helpers::helpers::list(&app.db, north).await.unwrap().into_iter().find(|h| h.name == "Fatma Y.").unwrap().id.to_string();
    // Without the network, a partner's helper is not one of ours: refused, what was typed kept.
    let fields = [("csrf", csrf.as_str()), ("held_on", "2026-11-20"), ("facilitator", "Test Facilitator"), ("themes", "boundaries"), ("attendees", fatma.as_str())];
    let response = coordinator.post(app.url("/organisations/clic-bruxelles/supervisions?lang=en")).form(&fields).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("of the chosen network only") && body.contains("value=\"Test Facilitator\""));
    let fields = [("csrf", csrf.as_str()), ("held_on", "2026-11-20"), ("facilitator", "Test Facilitator"), ("group", network.as_str()), ("attendees", fatma.as_str())];
    assert_eq!(coordinator.post(app.url("/organisations/clic-bruxelles/supervisions")).form(&fields).send().await.unwrap().status(), 303);
    assert_eq!(relais_helpers::supervision::of_organisation(&app.db, north).await.unwrap().len(), 2);
    // A helper of an organisation outside the network: refused.
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let outsider = relais_helpers::helpers::list(&app.db, charleroi).await.unwrap()[0].id.to_string();
    let fields = [("csrf", csrf.as_str()), ("held_on", "2026-11-21"), ("facilitator", "X"), ("group", network.as_str()), ("attendees", outsider.as_str())];
    assert_eq!(coordinator.post(app.url("/organisations/clic-bruxelles/supervisions")).form(&fields).send().await.unwrap().status(), 422);
    // Another organisation's coordinator sees none of it.
    let (other, _) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    assert!(!other.get(app.url("/organisations/cpas-charleroi/supervisions")).send().await.unwrap().text().await.unwrap().contains("Test Facilitator"));
    assert_eq!(other.get(app.url("/organisations/clic-bruxelles/supervisions")).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn a_closed_account_leaves_no_contact_on_its_helper_profile() {
    let app = TestApp::spawn_demo().await;
    let _ = relais::areas(); // (installs the areas' closure steps, as the binary does)
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let user = relais_organisations::users::find_by_email(&app.db, "volunteer.charleroi@demo.relais.be").await.unwrap().unwrap().id;
    helpers::ensure_members(&app.db, charleroi, app.clock.now()).await.unwrap();
    let id = helpers::of_member(&app.db, charleroi, user).await.unwrap().unwrap();
    helpers::set_phone(&app.db, charleroi, id, "0470 12 34 56").await.unwrap();
    relais_organisations::users::close(&app.db, user).await.unwrap();
    let profile = helpers::find(&app.db, charleroi, id).await.unwrap().unwrap();
    assert_eq!(profile.helper.phone, "");
    assert_eq!(profile.helper.status, Status::Left);
    assert!(profile.helper.name.starts_with('#'), "the account's pseudonym: {}", profile.helper.name);
}

#[tokio::test]
async fn my_session_now_proposes_the_place_of_todays_shift_first() {
    use relais_helpers::shifts::{self, Need, Occurrence};
    let app = TestApp::spawn_demo().await;
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let user = relais_organisations::users::find_by_email(&app.db, "worker.charleroi@demo.relais.be").await.unwrap().unwrap().id;
    helpers::ensure_members(&app.db, charleroi, app.clock.now()).await.unwrap();
    let helper = helpers::of_member(&app.db, charleroi, user).await.unwrap().unwrap();
    let place = relais_directory::places::places_of(&app.db, charleroi).await.unwrap().into_iter().find(|p| p.name(relais_core::i18n::Locale::Fr).contains("Gosselies")).unwrap();
    let today = relais_core::dates::local_date_of(app.clock.now());
    let today = jiff::civil::Date::new(today.year() as i16, u8::from(today.month()) as i8, today.day() as i8).unwrap();
    let occurrence = Occurrence {
        session_id: Uuid::new_v4(),
        place_id: place.id,
        place: String::new(),
        date: today,
        start: "23:00".parse().unwrap(),
        end: "23:30".parse().unwrap(),
        need: Some(Need { helpers: 1, languages: Vec::new() }),
    };
    assert_eq!(shifts::sign_up(&app.db, charleroi, &occurrence, helper, None, app.clock.now()).await.unwrap(), shifts::SignUp::Done);
    let (worker, _) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    let page = worker.get(app.url("/organisations/cpas-charleroi/session?lang=en")).send().await.unwrap().text().await.unwrap();
    let shifts_part = page.split("Your shift today").nth(1).and_then(|rest| rest.split("</ul>").next()).expect("the shift is proposed");
    assert!(shifts_part.contains("Gosselies") && shifts_part.contains("23:00") && shifts_part.contains(&format!("at=place:{}", place.id)));
    // A colleague without a shift today is not offered one.
    let (coordinator, _) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    assert!(!coordinator.get(app.url("/organisations/cpas-charleroi/session?lang=en")).send().await.unwrap().text().await.unwrap().contains("Your shift today"));
}

#[tokio::test]
async fn a_helper_with_only_a_phone_gets_the_reminder_by_sms_in_one_part() {
    let app = TestApp::spawn_demo().await;
    // The demo signs Jean-Pierre D. (a phone, no e-mail) up for the coming two weeks.
    app.clock.advance(time::Duration::days(15));
    let runner = app.job_runner();
    while runner.run_once().await.unwrap() > 0 {}
    let sms = app.sms();
    let reminders: Vec<_> = sms.iter().filter(|(_, text)| text.starts_with("Relais : demain")).collect();
    assert!(!reminders.is_empty(), "{sms:?}");
    for (to, text) in &reminders {
        assert!(to.starts_with("+32470"), "to a Belgian mobile: {to}");
        assert_eq!(relais_core::sms::length(text).parts, 1, "one SMS: {text}");
    }
}
