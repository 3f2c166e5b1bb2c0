//! The authorization matrix: every route × every role × own / other organisation (CPAS Charleroi,
//! ÖSHZ Eupen), checked against the policy; the funder's viewer and a platform admin included. A route added without an entry here makes this test fail.

use std::collections::BTreeSet;

use relais_organisations::{
    demo::DEMO_PASSWORD,
    model::Role,
    policy::{Action, GroupAction, role_may},
};

use crate::harness::TestApp;

#[derive(Debug, Clone, Copy)]
enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Reached through a single-use link (the token is the credential).
    Link,
    /// Any signed-in user, about themselves only.
    SignedIn,
    /// A signed-in user with this right on the organisation in the URL.
    Organisation(Action),
    /// An API token; about its person only.
    Bearer,
    /// An API token whose person has this right on the organisation in the URL.
    BearerOrganisation(Action),
    /// A signed-in user with this right on the group (project, network, programme) in the URL.
    Group(GroupAction),
    /// Platform admins only (others signed in: 403).
    Admin,
}

/// (path pattern, method, access). Every registered route must appear.
const MATRIX: &[(&str, &str, Access)] = &[
    ("/", "GET", Access::Public),
    ("/healthz", "GET", Access::Public),
    ("/readyz", "GET", Access::Public),
    ("/metrics", "GET", Access::Public),
    ("/assets/{file}", "GET", Access::Public),
    ("/login", "GET", Access::Public),
    ("/login", "POST", Access::Public),
    ("/login/second-factor", "GET", Access::SignedIn),
    ("/login/second-factor", "POST", Access::SignedIn),
    ("/account/second-factor", "GET", Access::SignedIn),
    ("/account/second-factor", "POST", Access::SignedIn),
    ("/logout", "POST", Access::SignedIn),
    ("/logout/everywhere", "POST", Access::SignedIn),
    ("/password/forgot", "GET", Access::Public),
    ("/password/forgot", "POST", Access::Public),
    ("/password/set", "GET", Access::Link),
    ("/password/set", "POST", Access::Link),
    ("/invitation", "GET", Access::Link),
    ("/invitation", "POST", Access::Link),
    ("/account", "GET", Access::SignedIn),
    ("/account/data.json", "GET", Access::SignedIn),
    ("/account/close", "POST", Access::SignedIn),
    ("/account/tokens", "GET", Access::SignedIn),
    ("/account/tokens", "POST", Access::SignedIn),
    ("/account/tokens/{id}/revoke", "POST", Access::SignedIn),
    ("/api/openapi.json", "GET", Access::Public),
    ("/api/v1/me", "GET", Access::Bearer),
    ("/api/v1/organisations", "GET", Access::Bearer),
    ("/api/v1/organisations/{slug}/members", "GET", Access::BearerOrganisation(Action::ViewMembers)),
    ("/organisations/{slug}", "GET", Access::Organisation(Action::ViewOrganisation)),
    ("/organisations/{slug}/members", "GET", Access::Organisation(Action::ViewMembers)),
    ("/organisations/{slug}/settings", "GET", Access::Organisation(Action::ManageSettings)),
    ("/organisations/{slug}/settings", "POST", Access::Organisation(Action::ManageSettings)),
    ("/organisations/{slug}/audit", "GET", Access::Organisation(Action::ViewAuditLog)),
    ("/organisations/{slug}/audit.csv", "GET", Access::Organisation(Action::ViewAuditLog)),
    ("/organisations/{slug}/members/invite", "POST", Access::Organisation(Action::ManageMembers)),
    ("/organisations/{slug}/members/{user}/role", "POST", Access::Organisation(Action::ManageMembers)),
    ("/organisations/{slug}/members/{user}/active", "POST", Access::Organisation(Action::ManageMembers)),
    ("/session/resume", "POST", Access::SignedIn),
    ("/places", "GET", Access::Public),
    ("/places/{id}", "GET", Access::Public),
    ("/api/v1/places", "GET", Access::Public),
    ("/opendata/places.json", "GET", Access::Public),
    ("/feeds/municipality/{nis}", "GET", Access::Public),
    ("/units/{id}", "GET", Access::Public),
    ("/organisations/{slug}/units", "GET", Access::Organisation(Action::ManageDirectory)),
    ("/organisations/{slug}/units", "POST", Access::Organisation(Action::ManageDirectory)),
    ("/opendata/places.csv", "GET", Access::Public),
    ("/api/v1/places/{id}", "GET", Access::Public),
    ("/places/{id}/sheet", "GET", Access::Public),
    ("/sheets/municipality/{nis}", "GET", Access::Public),
    ("/sheets/network/{slug}", "GET", Access::Public),
    ("/admin/taxonomies/{taxonomy}", "GET", Access::Admin),
    ("/admin/taxonomies/{taxonomy}", "POST", Access::Admin),
    ("/admin/taxonomies/{taxonomy}/{code}", "POST", Access::Admin),
    ("/organisations/{slug}/places", "GET", Access::Organisation(Action::ManageDirectory)),
    ("/organisations/{slug}/places/new", "GET", Access::Organisation(Action::ManageDirectory)),
    ("/organisations/{slug}/places/new", "POST", Access::Organisation(Action::ManageDirectory)),
    ("/organisations/{slug}/places/{id}", "GET", Access::Organisation(Action::ManageDirectory)),
    ("/organisations/{slug}/places/{id}", "POST", Access::Organisation(Action::ManageDirectory)),
    ("/organisations/{slug}/places/{id}/preview", "GET", Access::Organisation(Action::ManageDirectory)),
    ("/organisations/{slug}/places/{id}/sessions", "POST", Access::Organisation(Action::ManageDirectory)),
    ("/organisations/{slug}/places/{id}/sessions/{session}/delete", "POST", Access::Organisation(Action::ManageDirectory)),
    ("/organisations/{slug}/places/{id}/exceptions", "POST", Access::Organisation(Action::ManageDirectory)),
    ("/organisations/{slug}/places/{id}/exceptions/{exception}/delete", "POST", Access::Organisation(Action::ManageDirectory)),
    ("/groups/{slug}", "GET", Access::Group(GroupAction::ViewGroup)),
    ("/groups/{slug}/scopes", "GET", Access::Group(GroupAction::ManageScopes)),
    ("/groups/{slug}/scopes", "POST", Access::Group(GroupAction::ManageScopes)),
    ("/groups/{slug}/scopes/{user}/revoke", "POST", Access::Group(GroupAction::ManageScopes)),
    ("/groups/{slug}/places", "GET", Access::Group(GroupAction::ViewDirectory)),
    ("/organisations/{slug}/session", "GET", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/log", "GET", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/log", "POST", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/requests", "GET", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/requests/{request}", "GET", Access::Organisation(Action::ViewRequests)),
    ("/organisations/{slug}/people", "GET", Access::Organisation(Action::ViewPeople)),
    ("/organisations/{slug}/people/new", "GET", Access::Organisation(Action::ViewPeople)),
    ("/organisations/{slug}/people/new", "POST", Access::Organisation(Action::ViewPeople)),
    ("/organisations/{slug}/people/{person}", "GET", Access::Organisation(Action::ViewPeople)),
    ("/organisations/{slug}/people/{person}/export", "GET", Access::Organisation(Action::ErasePeople)),
    ("/organisations/{slug}/people/{person}/erase", "POST", Access::Organisation(Action::ErasePeople)),
    ("/organisations/{slug}/redirections", "GET", Access::Organisation(Action::ViewPeople)),
    ("/organisations/{slug}/redirections/{redirection}", "POST", Access::Organisation(Action::ViewPeople)),
    ("/organisations/{slug}/referral-targets", "GET", Access::Organisation(Action::ReviewSignals)),
    ("/organisations/{slug}/referral-targets", "POST", Access::Organisation(Action::ReviewSignals)),
    ("/organisations/{slug}/referral-targets/{target}", "POST", Access::Organisation(Action::ReviewSignals)),
    ("/organisations/{slug}/signals", "GET", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/signals/new", "GET", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/signals/new", "POST", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/signals/{signal}/review", "POST", Access::Organisation(Action::ReviewSignals)),
    ("/organisations/{slug}/moments", "GET", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/moments", "POST", Access::Organisation(Action::LogRequests)),
    // Published signals hold no personal data: every signed-in person reads the board.
    ("/signals", "GET", Access::SignedIn),
    ("/signals.csv", "GET", Access::SignedIn),
    ("/signals.json", "GET", Access::SignedIn),
    ("/api/v1/accompaniments", "GET", Access::Bearer),
    ("/api/v1/accompaniments", "POST", Access::Bearer),
    ("/api/v1/people", "GET", Access::Bearer),
    ("/api/v1/signals", "GET", Access::Bearer),
    ("/api/v1/signals", "POST", Access::Bearer),
    ("/organisations/{slug}/reports", "GET", Access::Organisation(Action::ViewReports)),
    ("/groups/{slug}/reports", "GET", Access::Group(GroupAction::ViewGroupStatistics)),
    ("/api/v1/stats", "GET", Access::Bearer),
    ("/organisations/{slug}/reports/annual", "GET", Access::Organisation(Action::ViewReports)),
    ("/groups/{slug}/reports/annual", "GET", Access::Group(GroupAction::ViewGroupStatistics)),
    // The diagnostic: a person alone needs no account; the diagnostic's id is the capability.
    ("/diagnostic", "GET", Access::Public),
    ("/diagnostic", "POST", Access::Public),
    ("/diagnostic/{id}", "GET", Access::Link),
    ("/diagnostic/{id}/intake", "POST", Access::Link),
    ("/diagnostic/{id}/answer", "POST", Access::Link),
    ("/diagnostic/{id}/result", "GET", Access::Link),
    ("/catalogue", "GET", Access::Public),
    ("/catalogue/{code}", "GET", Access::Public),
    ("/organisations/{slug}/diagnostics", "GET", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/diagnostics", "POST", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/diagnostics/link", "POST", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/diagnostics/{diagnostic}/modules", "POST", Access::Organisation(Action::LogRequests)),
    ("/admin/items", "GET", Access::Admin),
    ("/admin/items/{code}", "GET", Access::Admin),
    ("/admin/items/{code}", "POST", Access::Admin),
    ("/admin/items/recalibrate", "POST", Access::Admin),
    ("/admin/jobs", "GET", Access::Admin),
    ("/admin/jobs/retry-failed", "POST", Access::Admin),
    ("/admin/jobs/{id}/retry", "POST", Access::Admin),
    // Workshops: the calendar and registering are public; helpers register people and take
    // attendance; coordinators and workers plan, cancel and read the call list.
    ("/workshops", "GET", Access::Public),
    ("/workshops.ics", "GET", Access::Public),
    ("/workshops/{id}", "GET", Access::Public),
    ("/workshops/{id}/register", "POST", Access::Public),
    ("/organisations/{slug}/workshops", "GET", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/workshops/new", "GET", Access::Organisation(Action::ManageWorkshops)),
    ("/organisations/{slug}/workshops/new", "POST", Access::Organisation(Action::ManageWorkshops)),
    ("/organisations/{slug}/workshops/{workshop}", "GET", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/workshops/{workshop}/registrations", "POST", Access::Organisation(Action::LogRequests)),
    // (a helper without the right cancels only whom they registered: not the demo's registrations)
    ("/organisations/{slug}/workshops/{workshop}/registrations/{registration}/cancel", "POST", Access::Organisation(Action::ManageParticipants)),
    ("/organisations/{slug}/workshops/{workshop}/cancel", "POST", Access::Organisation(Action::ManageWorkshops)),
    ("/organisations/{slug}/workshops/{workshop}/attendance/{meeting}", "GET", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/workshops/{workshop}/attendance/{meeting}", "POST", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/workshops/{workshop}/call-list", "GET", Access::Organisation(Action::ManageWorkshops)),
    ("/organisations/{slug}/demand", "GET", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/demand", "POST", Access::Organisation(Action::LogRequests)),
    ("/organisations/{slug}/demand/{demand}/withdraw", "POST", Access::Organisation(Action::ManageParticipants)),
    ("/organisations/{slug}/modules", "GET", Access::Organisation(Action::ManageWorkshops)),
    ("/organisations/{slug}/modules", "POST", Access::Organisation(Action::ManageWorkshops)),
    // Helpers: coordinators and workers see them, coordinators manage them; every helper keeps
    // their own profile ({helper} is a volunteer without an account, nobody's own).
    ("/organisations/{slug}/helpers", "GET", Access::Organisation(Action::ViewHelpers)),
    ("/organisations/{slug}/helpers/new", "GET", Access::Organisation(Action::ManageHelpers)),
    ("/organisations/{slug}/helpers/new", "POST", Access::Organisation(Action::ManageHelpers)),
    ("/organisations/{slug}/helpers/me", "GET", Access::Organisation(Action::KeepOwnProfile)),
    ("/organisations/{slug}/helpers/{helper}", "GET", Access::Organisation(Action::ViewHelpers)),
    ("/organisations/{slug}/helpers/{helper}", "POST", Access::Organisation(Action::ManageHelpers)),
    ("/organisations/{slug}/helpers/{helper}/status", "POST", Access::Organisation(Action::ManageHelpers)),
    ("/organisations/{slug}/headcount", "GET", Access::Organisation(Action::ManageHelpers)),
    ("/organisations/{slug}/headcount", "POST", Access::Organisation(Action::ManageHelpers)),
    // The volunteer journey: applying is public (an organisation's page or a group's); the
    // applications, their steps and the charter are the coordinators'. ({application}: one
    // just received, so the invitation is refused and nothing is sent.)
    ("/volunteer/{slug}", "GET", Access::Public),
    ("/volunteer/{slug}", "POST", Access::Public),
    ("/groups/{slug}/volunteer", "GET", Access::Public),
    ("/groups/{slug}/volunteer", "POST", Access::Public),
    ("/organisations/{slug}/applications", "GET", Access::Organisation(Action::ManageHelpers)),
    ("/organisations/{slug}/applications/{application}", "GET", Access::Organisation(Action::ManageHelpers)),
    ("/organisations/{slug}/applications/{application}/step", "POST", Access::Organisation(Action::ManageHelpers)),
    ("/organisations/{slug}/applications/{application}/close", "POST", Access::Organisation(Action::ManageHelpers)),
    ("/organisations/{slug}/applications/{application}/invite", "POST", Access::Organisation(Action::ManageHelpers)),
    ("/organisations/{slug}/charter", "GET", Access::Organisation(Action::ManageHelpers)),
    ("/organisations/{slug}/charter", "POST", Access::Organisation(Action::ManageHelpers)),
    // Shifts: every helper signs up and withdraws from their own; coordinators and workers see
    // the coverage, coordinators set the needs and assign. ({shift}: a demo shift, nobody's own.)
    ("/organisations/{slug}/shifts", "GET", Access::Organisation(Action::KeepOwnProfile)),
    ("/organisations/{slug}/shifts", "POST", Access::Organisation(Action::KeepOwnProfile)),
    ("/organisations/{slug}/shifts/{shift}/withdraw", "POST", Access::Organisation(Action::KeepOwnProfile)),
    ("/organisations/{slug}/shifts/{shift}/swap", "POST", Access::Organisation(Action::KeepOwnProfile)),
    ("/organisations/{slug}/coverage", "GET", Access::Organisation(Action::ViewHelpers)),
    ("/organisations/{slug}/coverage/needs", "POST", Access::Organisation(Action::ManageHelpers)),
    ("/organisations/{slug}/coverage/assign", "POST", Access::Organisation(Action::ManageHelpers)),
    ("/organisations/{slug}/supervisions", "GET", Access::Organisation(Action::ViewHelpers)),
    ("/organisations/{slug}/supervisions", "POST", Access::Organisation(Action::ManageHelpers)),
];

#[test]
fn every_registered_route_has_an_entry_and_every_entry_a_route() {
    let registered: BTreeSet<&str> = relais::routes().paths().iter().copied().collect();
    let listed: BTreeSet<&str> = MATRIX.iter().map(|(path, _, _)| *path).collect();
    let missing: Vec<_> = registered.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&registered).collect();
    assert!(missing.is_empty(), "routes without an authorization entry: {missing:?}");
    assert!(stale.is_empty(), "entries for routes that no longer exist: {stale:?}");
}

/// A demo account, signed in.
struct Actor {
    label: &'static str,
    client: reqwest::Client,
    csrf: String,
    token: String,
    /// The actor's role in each organisation (by slug).
    roles: &'static [(&'static str, Role)],
    is_admin: bool,
}

async fn actor(app: &TestApp, label: &'static str, email: &str, roles: &'static [(&'static str, Role)], is_admin: bool) -> Actor {
    let client = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let csrf = crate::harness::token_for(&client, app).await;
    let response = client.post(app.url("/login")).form(&[("csrf", csrf.as_str()), ("email", email), ("password", DEMO_PASSWORD)]).send().await.unwrap();
    assert_eq!(response.status(), 303, "{label} logs in");
    let csrf = crate::harness::token_for(&client, app).await; // bound to the session
    let user = relais_organisations::users::find_by_email(&app.db, email).await.unwrap().unwrap();
    let (_, token) = relais_organisations::tokens::create(&app.db, user.id, "matrix").await.unwrap();
    Actor { label, client, csrf, token, roles, is_admin }
}

fn role_in(actor: &Actor, slug: &str) -> Option<Role> {
    actor.roles.iter().find(|(s, _)| *s == slug).map(|(_, r)| *r)
}

fn allowed(actor: &Actor, action: Action, slug: &str) -> bool {
    let member_may = role_in(actor, slug).is_some_and(|r| role_may(r, action));
    let admin_may = actor.is_admin && matches!(action, Action::ViewOrganisation | Action::ViewMembers | Action::ManageMembers | Action::ManageSettings | Action::ManageDirectory);
    // (a platform admin never reads an organisation's audit log)
    member_may || admin_may
}

fn expected_denial(actor: &Actor, slug: &str) -> u16 {
    if role_in(actor, slug).is_some() { 403 } else { 404 }
}

#[tokio::test]
async fn every_route_role_and_organisation_gets_what_the_policy_says() {
    let app = TestApp::spawn_demo().await;
    let actors = vec![
        actor(&app, "coordinator", "coordinator.charleroi@demo.relais.be", &[("cpas-charleroi", Role::Coordinator)], false).await,
        actor(&app, "worker", "worker.charleroi@demo.relais.be", &[("cpas-charleroi", Role::Worker)], false).await,
        actor(&app, "volunteer", "volunteer.charleroi@demo.relais.be", &[("cpas-charleroi", Role::Volunteer)], false).await,
        actor(&app, "viewer", "viewer.charleroi@demo.relais.be", &[("cpas-charleroi", Role::Viewer)], false).await,
        actor(&app, "eupen-coordinator", "coordinator.eupen@demo.relais.be", &[("oeshz-eupen", Role::Coordinator)], false).await,
        actor(&app, "funder-viewer", "viewer.digilab@demo.relais.be", &[("digilab", Role::Viewer)], false).await,
        actor(&app, "admin", "admin@demo.relais.be", &[], true).await,
    ];
    let find = |email: &str| {
        let db = app.db.clone();
        let email = email.to_string();
        async move { relais_organisations::users::find_by_email(&db, &email).await.unwrap().unwrap().id }
    };
    // The "own" organisation is CPAS Charleroi, the "other" ÖSHZ Eupen; {user} is a worker there.
    let targets = [("cpas-charleroi", find("worker.charleroi@demo.relais.be").await), ("oeshz-eupen", find("worker.eupen@demo.relais.be").await)];
    // {id}: a place of the organisation in the URL.
    let mut place_of = std::collections::HashMap::new();
    // {request}, {person}, {redirection} (an incoming one), {target}, {signal}: demo records of
    // the organisation in the URL.
    let mut records_of = std::collections::HashMap::new();
    // {diagnostic}: a demo diagnostic of the organisation in the URL.
    let mut diagnostic_of = std::collections::HashMap::new();
    // {workshop}, {registration}, {meeting}, {demand}: a demo workshop of the organisation in the
    // URL, its first registration and meeting, and a request for a module waiting there.
    let mut workshop_of = std::collections::HashMap::new();
    // {helper}: a demo volunteer without an account of the organisation in the URL.
    let mut helper_of = std::collections::HashMap::new();
    // {application}: a demo application just received, of the organisation in the URL.
    let mut application_of = std::collections::HashMap::new();
    for (slug, _) in &targets {
        let organisation = relais_organisations::organisations::find_by_slug(&app.db, slug).await.unwrap().unwrap();
        let place = relais_directory::places::places_of(&app.db, organisation.id).await.unwrap().first().expect("a demo place").id;
        place_of.insert(*slug, place.to_string());
        records_of.insert(*slug, crate::accompaniments::demo_records(&app, organisation.id).await);
        let diagnostic = relais_diagnostics::diagnostics::of_organisation(&app.db, organisation.id, 1).await.unwrap().first().expect("a demo diagnostic").id;
        diagnostic_of.insert(*slug, diagnostic.to_string());
        let since = time::OffsetDateTime::now_utc() - time::Duration::days(30);
        let workshop = relais_diagnostics::workshops::of_organisation(&app.db, organisation.id, since, 1).await.unwrap().into_iter().next().expect("a demo workshop");
        let registration = relais_diagnostics::workshops::registrations(&app.db, workshop.id).await.unwrap()[0].id;
        let request = relais_diagnostics::demand::list(&app.db, organisation.id, "waiting").await.unwrap()[0].id;
        workshop_of.insert(*slug, (workshop.id.to_string(), registration.to_string(), workshop.meetings[0].id.to_string(), request.to_string()));
        let helper =
            relais_helpers::helpers::list(&app.db, organisation.id).await.unwrap().into_iter().find(|h| h.user_id.is_none()).expect("a demo volunteer without an account").id;
        helper_of.insert(*slug, helper.to_string());
        let application = relais_helpers::journey::list(&app.db, organisation.id)
            .await
            .unwrap()
            .into_iter()
            .find(|a| a.stage == relais_helpers::journey::Stage::Applied)
            .expect("a demo application just received")
            .id;
        application_of.insert(*slug, application.to_string());
    }

    let mut failures = Vec::new();
    let mut checked = 0;
    for (pattern, method, access) in MATRIX {
        let (Access::Organisation(action) | Access::BearerOrganisation(action)) = access else { continue };
        for actor in &actors {
            for (slug, member) in &targets {
                let path = pattern
                    .replace("{slug}", slug)
                    .replace("{user}", &member.to_string())
                    .replace("{id}", &place_of[slug])
                    .replace("{request}", &records_of[slug].request.to_string())
                    .replace("{person}", &records_of[slug].person.to_string())
                    .replace("{redirection}", &records_of[slug].incoming_redirection.to_string())
                    .replace("{target}", &records_of[slug].referral_target.to_string())
                    .replace("{signal}", &records_of[slug].signal.to_string())
                    .replace("{diagnostic}", &diagnostic_of[slug])
                    .replace("{workshop}", &workshop_of[slug].0)
                    .replace("{registration}", &workshop_of[slug].1)
                    .replace("{meeting}", &workshop_of[slug].2)
                    .replace("{demand}", &workshop_of[slug].3)
                    .replace("{helper}", &helper_of[slug])
                    .replace("{application}", &application_of[slug])
                    .replace("{shift}", "00000000-0000-0000-0000-000000000000")
                    .replace("{session}", "00000000-0000-0000-0000-000000000000")
                    .replace("{exception}", "00000000-0000-0000-0000-000000000000");
                let request = match *method {
                    "GET" => actor.client.get(app.url(&path)),
                    _ => actor.client.post(app.url(&path)).form(&[
                        ("csrf", actor.csrf.as_str()),
                        ("role", "worker"),
                        ("active", "true"),
                        ("email", &format!("matrix.{}.{}@example.be", actor.label, checked)),
                        ("language", "fr"),
                        ("idle_timeout", "30"),
                        ("at", "phone"),
                        ("status", "helped"),
                        ("decision", "publish"),
                    ]),
                };
                let request = if matches!(access, Access::BearerOrganisation(_)) { reqwest::Client::new().get(app.url(&path)).bearer_auth(&actor.token) } else { request };
                let status = request.send().await.unwrap().status().as_u16();
                let ok = if allowed(actor, *action, slug) {
                    (200..400).contains(&status) || status == 422 // a form with bad input
                } else {
                    status == expected_denial(actor, slug)
                };
                if !ok {
                    failures.push(format!("{method} {path} as {} → {status}", actor.label));
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 60, "checked {checked} cases");
    assert!(failures.is_empty(), "authorization matrix violations:\n{}", failures.join("\n"));
}

#[tokio::test]
async fn signed_in_routes_send_strangers_to_login_and_api_routes_answer_401() {
    let app = TestApp::spawn_demo().await;
    for (pattern, method, access) in MATRIX {
        let path = pattern
            .replace("{slug}", if pattern.starts_with("/groups") { "digikar" } else { "cpas-charleroi" })
            .replace("{user}", "00000000-0000-0000-0000-000000000000")
            .replace("{id}", "00000000-0000-0000-0000-000000000000")
            .replace("{taxonomy}", "theme")
            .replace("{code}", "other");
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let status = match *method {
            "GET" => client.get(app.url(&path)).send().await.unwrap().status().as_u16(),
            _ => {
                // A stranger with a valid anti-forgery token, so that only the login decides.
                let (cookie, csrf) = app.csrf_token().await;
                client.post(app.url(&path)).header("cookie", cookie).form(&[("csrf", csrf.as_str())]).send().await.unwrap().status().as_u16()
            }
        };
        match access {
            Access::SignedIn | Access::Organisation(_) | Access::Group(_) | Access::Admin => assert_eq!(status, 303, "{method} {path} without a session"),
            Access::Bearer | Access::BearerOrganisation(_) => assert_eq!(status, 401, "{method} {path} without a token"),
            Access::Link => assert!(status == 404 || status == 422, "{method} {path} without a link: {status}"),
            Access::Public => assert!(status < 500 && status != 401 && status != 403, "{method} {path}: {status}"),
        }
    }
}

/// The demo's groups as the test sees them, written out independently of the application:
/// (group, organisations it covers with `true` for its lead, demo holders of a scope on it or
/// on its programme).
/// (group slug, covered organisations with lead flag, scope holders)
type DemoGroup = (&'static str, &'static [(&'static str, bool)], &'static [&'static str]);

const GROUPS: &[DemoGroup] = &[
    ("clic-tous-connectes", &[("cpas-charleroi", true)], &["viewer.digilab@demo.relais.be"]),
    ("digikar", &[("ocmw-puurs-sint-amands", true), ("ocmw-bornem", false)], &["viewer.digilab@demo.relais.be", "coordinator.puurs@demo.relais.be"]),
    ("informaticiens-publics", &[("clic-bruxelles", true), ("maison-quartier-nord", false)], &["viewer.digilab@demo.relais.be", "coordinator.bruxelles@demo.relais.be"]),
    (
        "e-inclusion-2022",
        &[
            ("digilab", true),
            ("cpas-charleroi", false),
            ("ocmw-puurs-sint-amands", false),
            ("ocmw-bornem", false),
            ("clic-bruxelles", false),
            ("maison-quartier-nord", false),
            ("oeshz-eupen", false),
        ],
        &["viewer.digilab@demo.relais.be"],
    ),
];

/// Every group route × actors holding each kind of grant (project, network, programme) or none ×
/// every demo group. A scope shows a group's figures; it never opens an organisation's pages
/// (checked for the same actors on the organisation routes).
#[tokio::test]
async fn every_group_route_and_grant_gets_what_the_policy_says() {
    let app = TestApp::spawn_demo().await;
    // (email, role per organisation, platform admin)
    type Person = (&'static str, &'static [(&'static str, Role)], bool);
    let people: &[Person] = &[
        ("coordinator.charleroi@demo.relais.be", &[("cpas-charleroi", Role::Coordinator)], false),
        ("volunteer.charleroi@demo.relais.be", &[("cpas-charleroi", Role::Volunteer)], false),
        ("coordinator.puurs@demo.relais.be", &[("ocmw-puurs-sint-amands", Role::Coordinator)], false),
        ("coordinator.bruxelles@demo.relais.be", &[("clic-bruxelles", Role::Coordinator)], false),
        ("viewer.digilab@demo.relais.be", &[("digilab", Role::Viewer)], false),
        ("coordinator.eupen@demo.relais.be", &[("oeshz-eupen", Role::Coordinator)], false),
        ("admin@demo.relais.be", &[], true),
    ];
    let mut failures = Vec::new();
    let mut checked = 0;
    for (email, roles, is_admin) in people {
        let (client, csrf) = crate::harness::signed_in(&app, email).await;
        for (group, covered, holders) in GROUPS {
            let member = roles.iter().any(|(slug, _)| covered.iter().any(|(c, _)| c == slug));
            let leads = roles.iter().any(|(slug, role)| *role == Role::Coordinator && covered.iter().any(|(c, lead)| *lead && c == slug));
            let holds = holders.contains(email);
            let knows = *is_admin || member || holds;
            for (pattern, method, access) in MATRIX {
                let Access::Group(action) = access else { continue };
                let allowed = match action {
                    GroupAction::ViewGroup => knows,
                    GroupAction::ViewGroupStatistics => holds,
                    GroupAction::ManageScopes => *is_admin || leads,
                    GroupAction::ViewDirectory => *is_admin || leads || holds,
                };
                // {user}: a holder who is not the actor (or nobody), so that a revoke changes nothing
                // the rest of the test relies on.
                let path = pattern.replace("{slug}", group).replace("{user}", "00000000-0000-0000-0000-000000000000");
                let request = match *method {
                    "GET" => client.get(app.url(&path)),
                    _ => client.post(app.url(&path)).form(&[("csrf", csrf.as_str()), ("user", "00000000-0000-0000-0000-000000000000")]),
                };
                let status = request.send().await.unwrap().status().as_u16();
                let ok = if allowed {
                    (200..400).contains(&status) || status == 422 // a grant of nobody is a form error
                } else {
                    status == if knows { 403 } else { 404 }
                };
                if !ok {
                    failures.push(format!("{method} {path} as {email} → {status}"));
                }
                checked += 1;
            }
            // What a group page shows depends on the scope.
            let page = client.get(app.url(&format!("/groups/{group}"))).send().await.unwrap();
            if page.status() == 200 {
                let shows_figures = page.text().await.unwrap().contains("<tfoot>");
                if shows_figures != holds {
                    failures.push(format!("/groups/{group} as {email}: figures shown = {shows_figures}"));
                }
            }
        }
        // A scope never opens an organisation's records.
        for (slug, _) in GROUPS.iter().flat_map(|(_, covered, _)| covered.iter()) {
            if roles.iter().any(|(s, _)| s == slug) || *is_admin {
                continue;
            }
            for page in ["", "/members", "/audit"] {
                let status = client.get(app.url(&format!("/organisations/{slug}{page}"))).send().await.unwrap().status().as_u16();
                if status != 404 {
                    failures.push(format!("/organisations/{slug}{page} as {email} → {status}"));
                }
            }
        }
    }
    assert!(checked >= 100, "checked {checked} cases");
    assert!(failures.is_empty(), "group authorization violations:\n{}", failures.join("\n"));
}

/// Admin-only routes: a platform admin reaches them, every other signed-in role gets 403.
#[tokio::test]
async fn admin_routes_are_for_platform_admins_only() {
    let app = TestApp::spawn_demo().await;
    let people =
        [("admin@demo.relais.be", true), ("coordinator.charleroi@demo.relais.be", false), ("viewer.digilab@demo.relais.be", false), ("volunteer.charleroi@demo.relais.be", false)];
    let mut failures = Vec::new();
    // {code}: a taxonomy's term, or an item of the diagnostic's bank
    let item = relais_diagnostics::items::all(&app.db).await.unwrap()[0].code.clone();
    // {id}: a failed job
    let now = app.clock.now();
    relais_core::jobs::enqueue(&app.db, &relais_core::jobs::NewJob::new("matrix", now).max_attempts(1), now).await.unwrap();
    let claimed = relais_core::jobs::claim(&app.db, "matrix", 1, relais_core::jobs::LEASE, now).await.unwrap();
    relais_core::jobs::fail(&app.db, &claimed[0], "matrix", "refused", now).await.unwrap();
    let job = claimed[0].id.to_string();
    for (email, is_admin) in people {
        let (client, csrf) = crate::harness::signed_in(&app, email).await;
        for (pattern, method, access) in MATRIX {
            let Access::Admin = access else { continue };
            let code = if pattern.starts_with("/admin/items") { item.as_str() } else { "other" };
            let path = pattern.replace("{taxonomy}", "theme").replace("{code}", code).replace("{id}", &job);
            let request = match *method {
                "GET" => client.get(app.url(&path)),
                _ => client.post(app.url(&path)).form(&[("csrf", csrf.as_str())]),
            };
            let status = request.send().await.unwrap().status().as_u16();
            let ok = if is_admin { (200..400).contains(&status) || status == 422 } else { status == 403 };
            if !ok {
                failures.push(format!("{method} {path} as {email} → {status}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
