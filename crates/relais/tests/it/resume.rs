//! A session left idle asks for the password again and loses nothing that was being typed.

use relais_core::on_db;
use time::{Duration, OffsetDateTime};

use crate::harness::{TestApp, signed_in};

/// Make every session of the account look idle for `minutes`.
async fn idle_for(app: &TestApp, email: &str, minutes: i64) {
    let user = relais_organisations::users::find_by_email(&app.db, email).await.unwrap().unwrap();
    let then = OffsetDateTime::now_utc() - Duration::minutes(minutes);
    on_db!(&app.db, pool => sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE user_id = $1")
        .bind(user.id)
        .bind(then)
        .execute(pool)
        .await
        .map(|_| ()))
    .unwrap();
}

fn hidden(body: &str, name: &str) -> Option<String> {
    let marker = format!("type=\"hidden\" name=\"{name}\" value=\"");
    let start = body.find(&marker)? + marker.len();
    Some(body[start..start + body[start..].find('"')?].to_string())
}

#[tokio::test]
async fn an_idle_form_post_is_kept_and_sent_once_the_password_is_given() {
    let app = TestApp::spawn_demo().await;
    let email = "coordinator.charleroi@demo.relais.be";
    let (coordinator, csrf) = signed_in(&app, email).await;
    idle_for(&app, email, 31).await;

    // The form typed before the pause is posted: the app asks for the password, keeping it.
    let form = [("csrf", csrf.as_str()), ("email", "lea.lenoir@example.be"), ("name", "Léa Lenoir & co"), ("role", "volunteer"), ("language", "fr")];
    let page = coordinator.post(app.url("/organisations/cpas-charleroi/members/invite?lang=en")).form(&form).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["cache-control"], "no-store");
    let body = page.text().await.unwrap();
    assert!(body.contains("Are you still there?") && body.contains("30 minutes"), "{body}");
    assert!(body.contains("action=\"/organisations/cpas-charleroi/members/invite?lang=en\""));
    assert_eq!(hidden(&body, "name").as_deref(), Some("Léa Lenoir &#38; co"));
    assert_eq!(hidden(&body, "email").as_deref(), Some("lea.lenoir@example.be"));
    assert!(app.mails().await.is_empty(), "nothing sent before the password");

    // A wrong password: asked again, still keeping the form.
    let mut with_password: Vec<(&str, &str)> = form.to_vec();
    with_password.push(("resume_password", "not the password at all"));
    let wrong = coordinator.post(app.url("/organisations/cpas-charleroi/members/invite?lang=en")).form(&with_password).send().await.unwrap();
    assert_eq!(wrong.status(), 401);
    let body = wrong.text().await.unwrap();
    assert!(body.contains("This password is not correct") && body.contains("lea.lenoir@example.be"));

    // The right one: the original form goes through, once.
    with_password.pop();
    with_password.push(("resume_password", relais_organisations::demo::DEMO_PASSWORD));
    let done = coordinator.post(app.url("/organisations/cpas-charleroi/members/invite?lang=en")).form(&with_password).send().await.unwrap();
    assert_eq!(done.status(), 303);
    assert_eq!(done.headers()["location"], "/organisations/cpas-charleroi/members?done=invited");
    let mails = app.mails().await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].0, "lea.lenoir@example.be");
    let members = coordinator.get(app.url("/organisations/cpas-charleroi/members")).send().await.unwrap().text().await.unwrap();
    assert!(members.contains("Léa Lenoir &#38; co"), "the name typed before the pause was kept");
}

#[tokio::test]
async fn an_idle_page_resumes_with_the_password_and_returns_there() {
    let app = TestApp::spawn_demo().await;
    let email = "worker.charleroi@demo.relais.be";
    let (worker, _) = signed_in(&app, email).await;
    idle_for(&app, email, 45).await;

    let page = worker.get(app.url("/organisations/cpas-charleroi?lang=nl")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    assert!(body.contains("Bent u er nog?") && body.contains("action=\"/session/resume\""), "{body}");
    let csrf = hidden(&body, "csrf").unwrap();
    let next = hidden(&body, "next").unwrap();
    assert_eq!(next, "/organisations/cpas-charleroi?lang=nl");

    let resumed = worker
        .post(app.url("/session/resume"))
        .form(&[("csrf", csrf.as_str()), ("next", next.as_str()), ("resume_password", relais_organisations::demo::DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(resumed.status(), 303);
    assert_eq!(resumed.headers()["location"], "/organisations/cpas-charleroi?lang=nl");
    assert_eq!(worker.get(app.url("/organisations/cpas-charleroi")).send().await.unwrap().status(), 200);

    // Public pages stay public while idle, and logging out needs no password.
    idle_for(&app, email, 45).await;
    assert_eq!(worker.get(app.url("/")).send().await.unwrap().status(), 200);
    let out = worker.post(app.url("/logout")).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(out.status(), 303);
    assert!(out.headers()["location"].to_str().unwrap().starts_with("/login"));
    let after = worker.get(app.url("/account")).send().await.unwrap();
    assert_eq!(after.status(), 303, "the session has ended");
}

#[tokio::test]
async fn past_twelve_hours_a_session_is_over_whatever_the_password() {
    let app = TestApp::spawn_demo().await;
    let email = "worker.charleroi@demo.relais.be";
    let (worker, _) = signed_in(&app, email).await;
    let user = relais_organisations::users::find_by_email(&app.db, email).await.unwrap().unwrap();
    let then = OffsetDateTime::now_utc() - Duration::hours(13);
    on_db!(&app.db, pool => sqlx::query("UPDATE sessions SET created_at = $2 WHERE user_id = $1")
        .bind(user.id)
        .bind(then)
        .execute(pool)
        .await
        .map(|_| ()))
    .unwrap();
    let page = worker.get(app.url("/account")).send().await.unwrap();
    assert_eq!(page.status(), 303);
    assert!(page.headers()["location"].to_str().unwrap().starts_with("/login"));
}
