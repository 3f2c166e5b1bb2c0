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
