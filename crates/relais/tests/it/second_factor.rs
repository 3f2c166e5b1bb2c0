//! The second factor: enrolment by QR code, login with a TOTP code or a recovery code, and
//! organisations that require it for coordinators and workers.

use relais_organisations::{
    demo::DEMO_PASSWORD,
    model::{OrganisationKind, Role},
    organisations::{self, NewOrganisation},
    passwords, second_factor, users,
};

use std::sync::Arc;

use crate::harness::{TestApp, token_from_jar};

struct Browser {
    client: reqwest::Client,
    jar: Arc<reqwest::cookie::Jar>,
}

async fn open(app: &TestApp) -> Browser {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let client = reqwest::Client::builder().cookie_provider(jar.clone()).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    client.get(app.url("/login")).send().await.unwrap();
    Browser { client, jar }
}

impl Browser {
    async fn post(&self, app: &TestApp, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let csrf = token_from_jar(app, &self.jar).await;
        let mut form: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        form.extend_from_slice(fields);
        self.client.post(app.url(path)).form(&form).send().await.unwrap()
    }

    async fn get(&self, app: &TestApp, path: &str) -> reqwest::Response {
        self.client.get(app.url(path)).send().await.unwrap()
    }
}

fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

#[tokio::test]
async fn enrol_then_log_in_with_a_code_or_a_recovery_code() {
    let app = TestApp::spawn_demo().await;
    let email = "worker.charleroi@demo.relais.be";
    let me = open(&app).await;
    assert_eq!(me.post(&app, "/login", &[("email", email), ("password", DEMO_PASSWORD)]).await.status(), 303);

    let page = me.get(&app, "/account/second-factor?lang=en").await;
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    assert!(body.contains("<svg") && body.contains("role=\"img\""), "QR code rendered on the server");
    let user = users::find_by_email(&app.db, email).await.unwrap().unwrap();
    let (secret, enabled) = second_factor::state(&app.db, user.id).await.unwrap();
    let secret = secret.unwrap();
    assert!(!enabled);

    assert_eq!(me.post(&app, "/account/second-factor", &[("code", "000000")]).await.status(), 422);
    let code = second_factor::current_code(&secret, email).unwrap();
    let done = me.post(&app, "/account/second-factor?lang=en", &[("code", &code)]).await;
    assert_eq!(done.status(), 201);
    let body = done.text().await.unwrap();
    let recovery: Vec<String> = body.split("<li><code>").skip(1).map(|p| p[..p.find('<').unwrap()].to_string()).collect();
    assert_eq!(recovery.len(), 10);

    // A new login needs the code.
    let later = open(&app).await;
    let response = later.post(&app, "/login", &[("email", email), ("password", DEMO_PASSWORD), ("next", "/account")]).await;
    assert_eq!(response.status(), 303);
    assert!(location(&response).starts_with("/login/second-factor"), "{}", location(&response));
    let blocked = later.get(&app, "/account").await;
    assert_eq!(location(&blocked), "/login/second-factor", "no page before the code");
    let wrong = later.post(&app, "/login/second-factor?lang=en", &[("code", "123456"), ("next", "/account")]).await;
    assert_eq!(wrong.status(), 401);
    assert!(wrong.text().await.unwrap().contains("This code does not match"));
    // The code used at enrolment cannot be used again; the next one (accepted within the ±1
    // step tolerance) can, once.
    // (the very code typed at enrolment: recomputing "the current code" could fall in the next
    // 30-second step on a slow machine, which is a new, unused code)
    let replay = later.post(&app, "/login/second-factor", &[("code", &code), ("next", "/account")]).await;
    assert_eq!(replay.status(), 401, "a code is accepted once");
    let next = second_factor::next_code(&secret, email).unwrap();
    let ok = later.post(&app, "/login/second-factor", &[("code", &next), ("next", "/account")]).await;
    assert_eq!((ok.status().as_u16(), location(&ok)), (303, "/account".to_string()));
    assert_eq!(later.get(&app, "/account").await.status(), 200);

    // A recovery code works once.
    for (attempt, expected) in [(1, 303), (2, 401)] {
        let b = open(&app).await;
        b.post(&app, "/login", &[("email", email), ("password", DEMO_PASSWORD)]).await;
        let r = b.post(&app, "/login/second-factor", &[("code", &recovery[0])]).await;
        assert_eq!(r.status().as_u16(), expected, "recovery attempt {attempt}");
    }
}

#[tokio::test]
async fn an_organisation_that_requires_it_sends_workers_to_enrol_first() {
    let app = TestApp::spawn().await;
    let org = organisations::create(
        &app.db,
        &NewOrganisation { slug: "cpas-test", name: "CPAS Test", kind: OrganisationKind::Cpas, municipality: "Namur", languages: "fr", email: None, phone: None, website: None },
    )
    .await
    .unwrap();
    let password = "une longue phrase de passe";
    let hash = passwords::hash(password).unwrap();
    let user = users::create(
        &app.db,
        users::NewUser { email: "anne@cpas-test.be", display_name: "Anne", locale: relais_core::i18n::Locale::Fr, is_admin: false, password_hash: Some(hash) },
    )
    .await
    .unwrap();
    organisations::add_member(&app.db, user.id, org, Role::Worker).await.unwrap();

    let b = open(&app).await;
    assert_eq!(b.post(&app, "/login", &[("email", "anne@cpas-test.be"), ("password", password)]).await.status(), 303);
    for path in ["/account", "/organisations/cpas-test"] {
        let r = b.get(&app, path).await;
        assert_eq!(location(&r), "/account/second-factor", "{path}");
    }
    let page = b.get(&app, "/account/second-factor?lang=fr").await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Votre organisation demande un deuxième facteur"));
}
