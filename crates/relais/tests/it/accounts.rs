//! Accounts end to end: log in and out, anti-forgery, throttling, sessions shared by processes,
//! `relais user add` and the single-use password link, the append-only audit log.

use std::process::{Command, Stdio};

use relais_core::on_db;
use relais_organisations::{audit, demo::DEMO_PASSWORD};

use crate::harness::{Options, TestApp, browser, fresh_database_url, set_cookie};

const CHARLEROI: &str = "coordinator.charleroi@demo.relais.be";

async fn csrf_of(client: &reqwest::Client, app: &TestApp) -> String {
    let mut page = client.get(app.url("/login")).send().await.unwrap();
    if page.status() == 303 {
        page = client.get(app.url("/account")).send().await.unwrap(); // signed in: any form will do
    }
    let body = page.text().await.unwrap();
    let start = body.find("name=\"csrf\" value=\"").expect("csrf field") + 19;
    body[start..start + 64].to_string()
}

async fn log_in(client: &reqwest::Client, app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    let csrf = csrf_of(client, app).await;
    client.post(app.url("/login?lang=fr")).form(&[("csrf", csrf.as_str()), ("email", email), ("password", password), ("next", "/account")]).send().await.unwrap()
}

#[tokio::test]
async fn a_demo_coordinator_logs_in_sees_their_organisation_and_logs_out() {
    let app = TestApp::spawn_demo().await;
    let client = browser();
    assert_eq!(client.get(app.url("/account")).send().await.unwrap().status(), 303, "login required");

    let response = log_in(&client, &app, CHARLEROI, DEMO_PASSWORD).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/account");
    let cookie = response.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_string()).find(|c| c.starts_with("relais_session=")).unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");

    let account = client.get(app.url("/account?lang=fr")).send().await.unwrap();
    assert_eq!(account.status(), 200);
    let body = account.text().await.unwrap();
    assert!(body.contains(CHARLEROI));
    assert!(body.contains("CPAS de Charleroi (démo)"));
    assert!(body.contains("coordinateur·rice"));

    let csrf = csrf_of(&client, &app).await;
    let out = client.post(app.url("/logout")).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(out.status(), 303);
    assert_eq!(client.get(app.url("/account")).send().await.unwrap().status(), 303, "the session is over");
}

#[tokio::test]
async fn cross_site_posts_are_refused_even_with_a_valid_token() {
    let app = TestApp::spawn_demo().await;
    let client = browser();
    let csrf = csrf_of(&client, &app).await;
    for (name, value) in [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site"), ("origin", "null")] {
        let response =
            client.post(app.url("/login?lang=en")).header(name, value).form(&[("csrf", csrf.as_str()), ("email", CHARLEROI), ("password", DEMO_PASSWORD)]).send().await.unwrap();
        assert_eq!(response.status(), 403, "{name}: {value}");
        assert!(set_cookie(&response, "relais_session").is_none());
        assert!(response.text().await.unwrap().contains("Form expired"));
    }
}

#[tokio::test]
async fn a_form_without_its_token_gets_403_and_changes_nothing() {
    let app = TestApp::spawn_demo().await;
    let client = browser();
    let _ = csrf_of(&client, &app).await; // the browser has the cookie, the form lacks the field
    let response = client.post(app.url("/login")).form(&[("email", CHARLEROI), ("password", DEMO_PASSWORD)]).send().await.unwrap();
    assert_eq!(response.status(), 403);
    assert!(set_cookie(&response, "relais_session").is_none());
    let wrong = client.post(app.url("/login")).form(&[("csrf", "0".repeat(64).as_str()), ("email", CHARLEROI), ("password", DEMO_PASSWORD)]).send().await.unwrap();
    assert_eq!(wrong.status(), 403);
    assert!(audit::by_action(&app.db, "login.success", CHARLEROI).await.unwrap().is_empty());
}

#[tokio::test]
async fn six_wrong_passwords_are_throttled_with_a_translated_message_and_audited() {
    let app = TestApp::spawn_demo().await;
    let client = browser();
    for attempt in 1..=5 {
        let response = log_in(&client, &app, CHARLEROI, "wrong password here").await;
        assert_eq!(response.status(), 401, "attempt {attempt}");
        let body = response.text().await.unwrap();
        assert!(body.contains("Adresse e-mail ou mot de passe incorrect"), "attempt {attempt}");
        assert!(body.contains(&format!("value=\"{CHARLEROI}\"")), "the e-mail typed is kept");
    }
    let sixth = log_in(&client, &app, CHARLEROI, DEMO_PASSWORD).await;
    assert_eq!(sixth.status(), 429, "even the right password waits");
    assert!(sixth.headers().get("retry-after").is_some());
    assert!(sixth.text().await.unwrap().contains("Trop d’essais"));

    assert_eq!(audit::by_action(&app.db, "login.failure", CHARLEROI).await.unwrap().len(), 5);
    assert_eq!(audit::by_action(&app.db, "login.throttled", CHARLEROI).await.unwrap().len(), 1);
}

#[tokio::test]
async fn an_unknown_account_gets_the_same_answer_as_a_wrong_password() {
    let app = TestApp::spawn_demo().await;
    let client = browser();
    let unknown = log_in(&client, &app, "nobody@nowhere.be", "wrong password here").await;
    let known = log_in(&client, &app, CHARLEROI, "wrong password here").await;
    assert_eq!(unknown.status(), known.status());
    assert!(unknown.text().await.unwrap().contains("Adresse e-mail ou mot de passe incorrect"));
}

#[tokio::test]
async fn two_processes_share_sessions_and_throttling() {
    let (url, _guard) = fresh_database_url().await;
    let a = TestApp::spawn_with(Options { demo: true, database_url: Some(url.clone()), ..Options::default() }).await;
    let b = TestApp::spawn_with(Options { database_url: Some(url), ..Options::default() }).await;

    // A session opened on A is valid on B (same cookie, other process).
    let client = browser();
    let response = log_in(&client, &a, CHARLEROI, DEMO_PASSWORD).await;
    let session = set_cookie(&response, "relais_session").unwrap();
    let on_b = reqwest::Client::new().get(b.url("/account")).header("cookie", format!("relais_session={session}")).send().await.unwrap();
    assert_eq!(on_b.status(), 200);
    assert!(on_b.text().await.unwrap().contains(CHARLEROI));

    // Failures on A and on B add up.
    let email = "worker.charleroi@demo.relais.be";
    for app in [&a, &b, &a, &b, &a] {
        assert_eq!(log_in(&browser(), app, email, "wrong password here").await.status(), 401);
    }
    assert_eq!(log_in(&browser(), &b, email, DEMO_PASSWORD).await.status(), 429);
}

#[tokio::test]
async fn log_out_everywhere_ends_every_session() {
    let app = TestApp::spawn_demo().await;
    let (phone, laptop) = (browser(), browser());
    log_in(&phone, &app, CHARLEROI, DEMO_PASSWORD).await;
    log_in(&laptop, &app, CHARLEROI, DEMO_PASSWORD).await;
    assert_eq!(phone.get(app.url("/account")).send().await.unwrap().status(), 200);
    let csrf = csrf_of(&laptop, &app).await;
    laptop.post(app.url("/logout/everywhere")).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(phone.get(app.url("/account")).send().await.unwrap().status(), 303);
    assert_eq!(laptop.get(app.url("/account")).send().await.unwrap().status(), 303);
}

#[tokio::test]
async fn user_add_prints_a_single_use_link_that_sets_the_password() {
    let app = TestApp::spawn().await;
    let url = app.database_url.clone();
    let out = Command::new(env!("CARGO_BIN_EXE_relais"))
        .args(["user", "add", "--email", "Admin@Example.be", "--admin", "--database", &url, "--public-url", "https://relais.example.be/"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let link = stdout.lines().last().unwrap();
    assert!(link.starts_with("https://relais.example.be/password/set?token="), "{link}");
    let path = &link["https://relais.example.be".len()..];
    let token = &path["/password/set?token=".len()..];

    let client = browser();
    let page = client.get(app.url(&format!("{path}&lang=en"))).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("admin@example.be"));

    let csrf = csrf_of(&client, &app).await;
    let weak = client
        .post(app.url("/password/set"))
        .form(&[("csrf", csrf.as_str()), ("token", token), ("password", "password1234"), ("confirm", "password1234"), ("language", "en")])
        .send()
        .await
        .unwrap();
    assert_eq!(weak.status(), 422);
    assert!(weak.text().await.unwrap().contains("too common"));

    let good = "a blue cargo bike by the Meuse";
    let set =
        client.post(app.url("/password/set")).form(&[("csrf", csrf.as_str()), ("token", token), ("password", good), ("confirm", good), ("language", "nl")]).send().await.unwrap();
    assert_eq!(set.status(), 303);
    let account = client.get(app.url("/account")).send().await.unwrap();
    assert_eq!(account.status(), 200);
    let body = account.text().await.unwrap();
    assert!(body.contains("<html lang=\"nl\""), "the chosen language");
    assert!(body.contains("beheerder van het platform"));

    // Single use.
    let again = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(again.status(), 404);
    // And the new password works.
    assert_eq!(log_in(&browser(), &app, "admin@example.be", good).await.status(), 303);
}

#[tokio::test]
async fn the_audit_log_refuses_changes_and_deletions() {
    let app = TestApp::spawn_demo().await;
    log_in(&browser(), &app, CHARLEROI, "wrong password here").await;
    let update = on_db!(&app.db, pool => sqlx::query("UPDATE audit_log SET action = 'nothing'").execute(pool).await.map(|_| ()));
    assert!(update.is_err(), "update refused");
    let delete = on_db!(&app.db, pool => sqlx::query("DELETE FROM audit_log").execute(pool).await.map(|_| ()));
    assert!(delete.is_err(), "delete refused");
    assert_eq!(audit::by_action(&app.db, "login.failure", CHARLEROI).await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_coordinator_reads_the_failures_in_the_audit_log_and_exports_them() {
    let app = TestApp::spawn_demo().await;
    let worker = "worker.charleroi@demo.relais.be";
    for _ in 0..6 {
        log_in(&browser(), &app, worker, "wrong password here").await;
    }
    // A failure on another organisation's account must not show up in Charleroi's log.
    log_in(&browser(), &app, "worker.eupen@demo.relais.be", "wrong password here").await;

    let coordinator = browser();
    assert_eq!(log_in(&coordinator, &app, CHARLEROI, DEMO_PASSWORD).await.status(), 303);
    let page = coordinator.get(app.url("/organisations/cpas-charleroi/audit?action=login&lang=en")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    assert_eq!(body.matches("<code>login.failure</code>").count(), 5);
    assert_eq!(body.matches("<code>login.throttled</code>").count(), 1);
    assert!(!body.contains("worker.eupen@demo.relais.be"));

    let bad = coordinator.get(app.url("/organisations/cpas-charleroi/audit?from=yesterday&lang=en")).send().await.unwrap();
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains("YYYY-MM-DD"));

    let csv = coordinator.get(app.url("/organisations/cpas-charleroi/audit.csv?action=login&lang=fr")).send().await.unwrap();
    assert_eq!(csv.status(), 200);
    assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert!(csv.headers()["content-disposition"].to_str().unwrap().contains("audit-cpas-charleroi-"));
    let bytes = csv.bytes().await.unwrap();
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF], "BOM for spreadsheets");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut reader = csv_reader(&text);
    assert_eq!(reader.len(), 1 + 5 + 1 + 1, "header, 5 failures, throttled, the coordinator's own login: {text}");
    assert_eq!(reader.remove(0)[0], "Date et heure");

    // Not for a worker.
    let worker_browser = browser();
    log_in(&worker_browser, &app, "worker.puurs@demo.relais.be", DEMO_PASSWORD).await;
    assert_eq!(worker_browser.get(app.url("/organisations/ocmw-puurs-sint-amands/audit")).send().await.unwrap().status(), 403);
}

fn csv_reader(text: &str) -> Vec<Vec<String>> {
    text.lines().filter(|l| !l.is_empty()).map(|l| l.split(';').map(str::to_string).collect()).collect()
}

#[tokio::test]
async fn a_person_downloads_their_data_and_closes_their_account() {
    let app = TestApp::spawn_demo().await;
    let email = "worker.bruxelles@demo.relais.be";
    let me = browser();
    log_in(&me, &app, email, DEMO_PASSWORD).await;
    let data = me.get(app.url("/account/data.json")).send().await.unwrap();
    assert_eq!(data.status(), 200);
    assert!(data.headers()["content-disposition"].to_str().unwrap().contains("attachment"));
    let json: serde_json::Value = serde_json::from_slice(&data.bytes().await.unwrap()).unwrap();
    assert_eq!(json["account"]["email"], email);
    assert_eq!(json["memberships"][0]["role"], "worker");
    assert!(json["audit_log"].as_array().unwrap().iter().any(|e| e["action"] == "login.success"));

    let csrf = csrf_of(&me, &app).await;
    let wrong = me.post(app.url("/account/close")).form(&[("csrf", csrf.as_str()), ("password", "not my password")]).send().await.unwrap();
    assert_eq!(wrong.headers()["location"], "/account?close=wrong-password");
    assert_eq!(me.get(app.url("/account")).send().await.unwrap().status(), 200, "still open");

    let closed = me.post(app.url("/account/close")).form(&[("csrf", csrf.as_str()), ("password", DEMO_PASSWORD)]).send().await.unwrap();
    assert_eq!(closed.status(), 303);
    assert_eq!(me.get(app.url("/account")).send().await.unwrap().status(), 303, "signed out");
    assert_eq!(log_in(&browser(), &app, email, DEMO_PASSWORD).await.status(), 401, "cannot log in again");
    assert!(relais_organisations::users::find_by_email(&app.db, email).await.unwrap().is_none(), "the e-mail is gone");
    // The coordinator still sees the history, under a pseudonym.
    let coordinator = browser();
    log_in(&coordinator, &app, "coordinator.bruxelles@demo.relais.be", DEMO_PASSWORD).await;
    let audit = coordinator.get(app.url("/organisations/clic-bruxelles/audit?lang=en")).send().await.unwrap().text().await.unwrap();
    // (The append-only security log keeps the e-mail typed at past logins as the object of those
    // events; the author column shows the pseudonym.)
    assert!(audit.contains("account.closed") && audit.contains("<td>#"), "pseudonymised authorship");
    assert!(!audit.contains("<td>Wout Informaticus</td>"), "the name is gone");
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_e_mail_without_revealing_accounts() {
    let app = TestApp::spawn_demo().await;
    let b = browser();
    let csrf = csrf_of(&b, &app).await;
    let unknown = b.post(app.url("/password/forgot?lang=en")).form(&[("csrf", csrf.as_str()), ("email", "nobody@nowhere.be")]).send().await.unwrap();
    let known = b.post(app.url("/password/forgot?lang=en")).form(&[("csrf", csrf.as_str()), ("email", "worker.puurs@demo.relais.be")]).send().await.unwrap();
    assert_eq!(unknown.status(), known.status());
    let (u, k) = (unknown.text().await.unwrap(), known.text().await.unwrap());
    assert!(u.contains("If an account exists") && k.contains("If an account exists"));

    let mails = app.mails().await;
    assert_eq!(mails.len(), 1, "only the real account gets a mail");
    let (to, subject, body) = &mails[0];
    assert_eq!(to, "worker.puurs@demo.relais.be");
    assert!(subject.contains("nieuw wachtwoord"), "in the person's language: {subject}");
    let link = body.lines().find(|l| l.contains("/password/set?token=")).unwrap().trim();
    let path = &link[link.find("/password/set").unwrap()..];
    let token = path["/password/set?token=".len()..].split('&').next().unwrap();
    let new = "een nieuwe zin voor de digikar";
    let set = b.post(app.url("/password/set")).form(&[("csrf", csrf.as_str()), ("token", token), ("password", new), ("confirm", new), ("language", "nl")]).send().await.unwrap();
    assert_eq!(set.status(), 303);
    assert_eq!(log_in(&browser(), &app, "worker.puurs@demo.relais.be", new).await.status(), 303);
    assert_eq!(log_in(&browser(), &app, "worker.puurs@demo.relais.be", DEMO_PASSWORD).await.status(), 401);
}
