//! Group scopes: who may grant them, what a scope shows (aggregates) and what it never opens
//! (another organisation's records).

use crate::harness::{TestApp, browser, signed_in};

async fn id_of(app: &TestApp, email: &str) -> String {
    relais_organisations::users::find_by_email(&app.db, email).await.unwrap().unwrap().id.to_string()
}

#[tokio::test]
async fn the_lead_coordinator_grants_a_scope_which_shows_aggregates_only() {
    let app = TestApp::spawn_demo().await;
    let (coordinator, csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let (viewer, _) = signed_in(&app, "viewer.charleroi@demo.relais.be").await;

    // Before: the viewer sees the project (their organisation leads it), not its figures.
    let page = viewer.get(app.url("/groups/clic-tous-connectes?lang=en")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    assert!(body.contains("CPAS de Charleroi (démo)") && body.contains("people who hold a scope"), "{body}");
    assert!(!body.contains("<tfoot>"));
    // A viewer does not manage scopes.
    assert_eq!(viewer.get(app.url("/groups/clic-tous-connectes/scopes")).send().await.unwrap().status(), 403);

    // The lead's coordinator grants it; a second submit changes nothing.
    let viewer_id = id_of(&app, "viewer.charleroi@demo.relais.be").await;
    for _ in 0..2 {
        let granted = coordinator.post(app.url("/groups/clic-tous-connectes/scopes")).form(&[("csrf", csrf.as_str()), ("user", viewer_id.as_str())]).send().await.unwrap();
        assert_eq!(granted.status(), 303);
    }
    let scopes = coordinator.get(app.url("/groups/clic-tous-connectes/scopes?lang=en")).send().await.unwrap().text().await.unwrap();
    assert_eq!(scopes.matches("viewer.charleroi@demo.relais.be").count(), 1, "one holder line, no duplicate");

    // Someone who is not a coordinator or viewer of the group's organisations cannot receive one.
    let worker_id = id_of(&app, "worker.charleroi@demo.relais.be").await;
    let refused = coordinator.post(app.url("/groups/clic-tous-connectes/scopes?lang=en")).form(&[("csrf", csrf.as_str()), ("user", worker_id.as_str())]).send().await.unwrap();
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("Choose a person from the list"));

    // After: the figures (totals per organisation), and the scope on the account page and in the API.
    let body = viewer.get(app.url("/groups/clic-tous-connectes?lang=en")).send().await.unwrap().text().await.unwrap();
    assert!(body.contains("<tfoot>"), "{body}");
    let account = viewer.get(app.url("/account?lang=en")).send().await.unwrap().text().await.unwrap();
    assert!(account.contains("My group scopes") && account.contains("/groups/clic-tous-connectes"));

    // Revoke; a double submit is harmless.
    for _ in 0..2 {
        let revoked = coordinator.post(app.url(&format!("/groups/clic-tous-connectes/scopes/{viewer_id}/revoke"))).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
        assert_eq!(revoked.status(), 303);
    }
    let body = viewer.get(app.url("/groups/clic-tous-connectes?lang=en")).send().await.unwrap().text().await.unwrap();
    assert!(!body.contains("<tfoot>"));

    // The audit log of the lead organisation records both, and every read of the members list.
    coordinator.get(app.url("/organisations/cpas-charleroi/members")).send().await.unwrap();
    let audit = coordinator.get(app.url("/organisations/cpas-charleroi/audit?lang=en")).send().await.unwrap().text().await.unwrap();
    assert!(audit.contains("scope.granted") && audit.contains("scope.revoked") && audit.contains("member.list_viewed"), "{audit}");
}

#[tokio::test]
async fn a_programme_scope_covers_its_projects_but_never_their_records() {
    let app = TestApp::spawn_demo().await;
    let (funder, _) = signed_in(&app, "viewer.digilab@demo.relais.be").await;
    for group in ["e-inclusion-2022", "digikar", "clic-tous-connectes", "informaticiens-publics"] {
        let page = funder.get(app.url(&format!("/groups/{group}?lang=en"))).send().await.unwrap();
        assert_eq!(page.status(), 200, "{group}");
        let body = page.text().await.unwrap();
        assert!(body.contains("<tfoot>"), "{group}: figures shown");
        assert!(!body.contains("@demo.relais.be"), "{group}: no person listed");
        assert!(!body.contains("href=\"/organisations/cpas-charleroi\""), "{group}: no way into an organisation");
    }
    let programme = funder.get(app.url("/groups/e-inclusion-2022?lang=en")).send().await.unwrap().text().await.unwrap();
    assert!(programme.contains("OCMW Bornem (demo)") && programme.contains("/groups/digikar"), "the programme covers its projects' members");
    for path in ["/organisations/cpas-charleroi", "/organisations/cpas-charleroi/members", "/organisations/ocmw-bornem/audit"] {
        assert_eq!(funder.get(app.url(path)).send().await.unwrap().status(), 404, "{path}");
    }
    // The funder does not manage the programme's scopes (no coordinator there; a platform admin does).
    assert_eq!(funder.get(app.url("/groups/e-inclusion-2022/scopes")).send().await.unwrap().status(), 403);
    let (admin, _) = signed_in(&app, "admin@demo.relais.be").await;
    assert_eq!(admin.get(app.url("/groups/e-inclusion-2022/scopes")).send().await.unwrap().status(), 200);

    // Eupen's coordinator has nothing to do with Digikar: not found.
    let (eupen, _) = signed_in(&app, "coordinator.eupen@demo.relais.be").await;
    assert_eq!(eupen.get(app.url("/groups/digikar")).send().await.unwrap().status(), 404);
    assert_eq!(browser().get(app.url("/groups/digikar")).send().await.unwrap().status(), 303, "strangers log in first");

    // The API lists the scopes.
    let user = relais_organisations::users::find_by_email(&app.db, "viewer.digilab@demo.relais.be").await.unwrap().unwrap();
    let (_, token) = relais_organisations::tokens::create(&app.db, user.id, "test").await.unwrap();
    let me: serde_json::Value = serde_json::from_str(&reqwest::Client::new().get(app.url("/api/v1/me")).bearer_auth(token).send().await.unwrap().text().await.unwrap()).unwrap();
    assert_eq!(me["scopes"][0]["slug"], "e-inclusion-2022", "{me}");
}

#[tokio::test]
async fn the_network_coordinator_sees_the_whole_network_directory() {
    let app = TestApp::spawn_demo().await;
    let (lead, _) = signed_in(&app, "coordinator.bruxelles@demo.relais.be").await;
    let page = lead.get(app.url("/groups/informaticiens-publics/places?lang=fr")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    assert!(body.contains("Maison de quartier Nord — aide numérique") && body.contains("EPN Molenbeek"), "the host venue's places too");
    let group = lead.get(app.url("/groups/informaticiens-publics?lang=en")).send().await.unwrap().text().await.unwrap();
    assert!(group.contains("/groups/informaticiens-publics/places"));
    let (other, _) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    assert_eq!(other.get(app.url("/groups/informaticiens-publics/places")).send().await.unwrap().status(), 404);
}
