//! Organisation pages: invitation by e-mail end to end, roles, and tenant isolation.

use crate::harness::{TestApp, browser, signed_in};

#[tokio::test]
async fn a_coordinator_invites_and_the_invitee_joins_in_their_language() {
    let app = TestApp::spawn_demo().await;
    let (coordinator, csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let response = coordinator
        .post(app.url("/organisations/cpas-charleroi/members/invite"))
        .form(&[("csrf", csrf.as_str()), ("email", "Nadia.Nouvelle@example.be"), ("name", "Nadia Nouvelle"), ("role", "worker"), ("language", "nl")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);

    let mails = app.mails().await;
    assert_eq!(mails.len(), 1);
    let (to, subject, body) = &mails[0];
    assert_eq!(to, "nadia.nouvelle@example.be");
    assert!(subject.contains("Uitnodiging") && subject.contains("CPAS de Charleroi (démo)"), "{subject}");
    let link = body.lines().find(|l| l.contains("/invitation?token=")).expect("link in the mail").trim();
    let path = &link[link.find("/invitation").unwrap()..];
    let token = path["/invitation?token=".len()..].split('&').next().unwrap().to_string();

    let members = coordinator.get(app.url("/organisations/cpas-charleroi/members?lang=en")).send().await.unwrap().text().await.unwrap();
    assert!(members.contains("nadia.nouvelle@example.be") && members.contains("invited"));

    let invitee = browser();
    let page = invitee.get(app.url(path)).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    let csrf2 = crate::harness::form_token(&body).unwrap();
    assert!(body.contains("<html lang=\"nl\"") && body.contains("CPAS de Charleroi (démo)"));

    let password = "fietsen langs de Schelde";
    let accepted = invitee
        .post(app.url("/invitation"))
        .form(&[("csrf", csrf2.as_str()), ("token", token.as_str()), ("password", password), ("confirm", password), ("language", "nl")])
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), 303);
    assert_eq!(accepted.headers()["location"], "/organisations/cpas-charleroi");
    let org = invitee.get(app.url("/organisations/cpas-charleroi")).send().await.unwrap();
    assert_eq!(org.status(), 200);
    assert!(org.text().await.unwrap().contains("Clic Tous Connectés (démo)"), "the organisation's project is shown");

    let members = coordinator.get(app.url("/organisations/cpas-charleroi/members?lang=en")).send().await.unwrap().text().await.unwrap();
    let line = members.split("<li class=\"result member\">").find(|l| l.contains("nadia.nouvelle@example.be")).unwrap();
    assert!(line.contains("active") && !line.contains("invited"), "{line}");

    // The link is single use.
    assert_eq!(browser().get(app.url(path)).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn a_bad_invitation_form_is_refused_and_keeps_what_was_typed() {
    let app = TestApp::spawn_demo().await;
    let (coordinator, csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let response = coordinator
        .post(app.url("/organisations/cpas-charleroi/members/invite?lang=fr"))
        .form(&[("csrf", csrf.as_str()), ("email", "pas-une-adresse"), ("name", "Paul Pas-Clair"), ("role", "worker"), ("language", "fr")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Indiquez une adresse e-mail valable"));
    assert!(body.contains("value=\"pas-une-adresse\"") && body.contains("value=\"Paul Pas-Clair\""));
    assert!(app.mails().await.is_empty());
}

#[tokio::test]
async fn a_volunteer_sees_the_organisation_but_not_its_members() {
    let app = TestApp::spawn_demo().await;
    let (volunteer, csrf) = signed_in(&app, "volunteer.charleroi@demo.relais.be").await;
    assert_eq!(volunteer.get(app.url("/organisations/cpas-charleroi")).send().await.unwrap().status(), 200);
    assert_eq!(volunteer.get(app.url("/organisations/cpas-charleroi/members")).send().await.unwrap().status(), 403);
    let invite = volunteer
        .post(app.url("/organisations/cpas-charleroi/members/invite"))
        .form(&[("csrf", csrf.as_str()), ("email", "x@example.be"), ("role", "coordinator")])
        .send()
        .await
        .unwrap();
    assert_eq!(invite.status(), 403);
    assert!(app.mails().await.is_empty());
}

#[tokio::test]
async fn a_coordinator_of_one_cpas_gets_nothing_of_another() {
    let app = TestApp::spawn_demo().await;
    let (charleroi, csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    for path in ["/organisations/oeshz-eupen", "/organisations/oeshz-eupen/members"] {
        let response = charleroi.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 404, "{path}");
        assert!(!response.text().await.unwrap().contains("Eupen"), "{path} reveals nothing");
    }
    // Members of Eupen, found through the database, cannot be touched from Charleroi.
    let eupen_worker = relais_organisations::users::find_by_email(&app.db, "worker.eupen@demo.relais.be").await.unwrap().unwrap();
    for (path, field, value) in [
        (format!("/organisations/oeshz-eupen/members/{}/role", eupen_worker.id), "role", "coordinator"),
        (format!("/organisations/oeshz-eupen/members/{}/active", eupen_worker.id), "active", "false"),
        ("/organisations/oeshz-eupen/members/invite".to_string(), "email", "spy@example.be"),
    ] {
        let response = charleroi.post(app.url(&path)).form(&[("csrf", csrf.as_str()), (field, value)]).send().await.unwrap();
        assert_eq!(response.status(), 404, "{path}");
    }
    // Nor through Charleroi's own URLs.
    let sneaky = charleroi
        .post(app.url(&format!("/organisations/cpas-charleroi/members/{}/role", eupen_worker.id)))
        .form(&[("csrf", csrf.as_str()), ("role", "viewer")])
        .send()
        .await
        .unwrap();
    assert_eq!(sneaky.status(), 404);
    let members = relais_organisations::organisations::memberships_of(&app.db, eupen_worker.id).await.unwrap();
    assert_eq!(members[0].role, relais_organisations::model::Role::Worker, "unchanged");
    assert!(app.mails().await.is_empty());
}

#[tokio::test]
async fn a_coordinator_changes_the_settings_and_workers_must_then_enrol_a_second_factor() {
    let app = TestApp::spawn_demo().await;
    let (coordinator, csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let bad = coordinator
        .post(app.url("/organisations/cpas-charleroi/settings?lang=en"))
        .form(&[("csrf", csrf.as_str()), ("idle_timeout", "1000"), ("require_second_factor", "on")])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    let body = bad.text().await.unwrap();
    assert!(body.contains("between 5 and 240") && body.contains("value=\"1000\""));

    let ok = coordinator
        .post(app.url("/organisations/cpas-charleroi/settings"))
        .form(&[("csrf", csrf.as_str()), ("idle_timeout", "45"), ("require_second_factor", "on")])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 303);
    let org = relais_organisations::organisations::find_by_slug(&app.db, "cpas-charleroi").await.unwrap().unwrap();
    assert_eq!(relais_organisations::organisations::settings_of(&app.db, org.id).await.unwrap(), (45, true));

    let (worker, _) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    let r = worker.get(app.url("/organisations/cpas-charleroi")).send().await.unwrap();
    assert_eq!(r.headers()["location"], "/account/second-factor");
    // Volunteers are not concerned.
    let (volunteer, _) = signed_in(&app, "volunteer.charleroi@demo.relais.be").await;
    assert_eq!(volunteer.get(app.url("/organisations/cpas-charleroi")).send().await.unwrap().status(), 200);
}
