//! What the attack of issue 14 found in accounts and the web shell, kept fixed: redirects after
//! signing in, control characters in `next`, API clients that keep cookies, CSRF tokens bound to
//! the session, the sign-in throttle's windows, HSTS, and commands whose reader goes away.

use std::{
    net::IpAddr,
    process::{Command, Stdio},
};

use relais_organisations::demo::DEMO_PASSWORD;
use serde_json::{Value, json};

use crate::harness::{Options, TestApp, browser, form_token, set_cookie, signed_in, token_for};

const WORKER: &str = "worker.charleroi@demo.relais.be";

fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Every ASCII control character, space and DEL, placed where a browser would drop or fold it,
/// with slashes and backslashes: all the ways `next` has been seen to lead to another site.
fn hostile_nexts() -> Vec<String> {
    let mut nexts: Vec<String> = ["//evil.example", "/\\evil.example", "\\/evil.example", "https://evil.example", "http:evil.example", "javascript:alert(1)", "/%09/evil.example"]
        .map(String::from)
        .to_vec();
    for c in (0u8..=0x20).chain([0x7f]).map(char::from) {
        nexts.extend([format!("/{c}/evil.example"), format!("/{c}\\evil.example"), format!("/\\{c}evil.example"), format!("{c}//evil.example"), format!("/{c}")]);
    }
    nexts
}

/// A control character other than TAB, CR and LF is refused with all text input, before the
/// login sees it (400, nothing done); anything else is followed only to this server.
fn refused_as_text(next: &str) -> bool {
    next.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
}

/// The `Location` stays on this server, as a browser resolves it.
fn assert_stays_here(app: &TestApp, response: &reqwest::Response, next: &str) {
    if refused_as_text(next) {
        assert_eq!(response.status(), 400, "next={next:?}");
        return;
    }
    assert_eq!(response.status(), 303, "next={next:?}");
    let location = response.headers()["location"].to_str().unwrap();
    let resolved = url::Url::parse(&app.url("/login")).unwrap().join(location).unwrap();
    assert_eq!(resolved.host_str(), Some("127.0.0.1"), "next={next:?} → {location:?}");
    assert_eq!(resolved.port(), Some(app.address.port()), "next={next:?} → {location:?}");
}

fn from_address(ip: &str) -> reqwest::Client {
    reqwest::Client::builder().local_address(ip.parse::<IpAddr>().unwrap()).cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

async fn log_in(app: &TestApp, client: &reqwest::Client, email: &str, password: &str, next: &str) -> reqwest::Response {
    let csrf = token_for(client, app).await;
    client.post(app.url("/login?lang=en")).form(&[("csrf", csrf.as_str()), ("email", email), ("password", password), ("next", next)]).send().await.unwrap()
}

async fn sessions(app: &TestApp) -> i64 {
    match &app.db {
        relais_core::Db::Sqlite(pool) => sqlx::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(pool).await.unwrap(),
        relais_core::Db::Postgres(pool) => sqlx::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(pool).await.unwrap(),
    }
}

#[tokio::test]
async fn next_never_leads_to_another_site_nor_to_a_server_error() {
    let app = TestApp::spawn_demo().await;
    let (client, _) = signed_in(&app, WORKER).await;
    for next in hostile_nexts() {
        let response = client.get(app.url(&format!("/login?next={}", encode(&next)))).send().await.unwrap();
        assert_stays_here(&app, &response, &next);
    }
    // A local next is followed, normalised.
    let response = client.get(app.url("/login?next=%2Forganisations%2Fcpas-charleroi%3Fx%3D%C3%A9")).send().await.unwrap();
    assert_eq!(response.headers()["location"], "/organisations/cpas-charleroi?x=%C3%A9");

    // Through the login form: each right password opens exactly one session, with its cookie.
    for next in ["/\t/evil.example", "/\t\\evil.example", "/\u{b}", "/\u{1}", "/\u{7f}", "/\0", "/\r\n/evil.example"] {
        let before = sessions(&app).await;
        let response = log_in(&app, &browser(), WORKER, DEMO_PASSWORD, next).await;
        assert_stays_here(&app, &response, next);
        let opened = i64::from(!refused_as_text(next));
        assert_eq!(set_cookie(&response, "relais_session").is_some(), opened == 1, "next={next:?}: signed in, or refused whole");
        assert_eq!(sessions(&app).await, before + opened, "next={next:?}: no session left behind");
    }
}

#[tokio::test]
async fn an_api_client_that_keeps_cookies_is_served_by_its_token_alone() {
    let app = TestApp::spawn_demo().await;
    let worker = relais_organisations::users::find_by_email(&app.db, "worker.puurs@demo.relais.be").await.unwrap().unwrap().id;
    let (_, token) = relais_organisations::tokens::create(&app.db, worker, "keeps cookies").await.unwrap();
    // A session of someone else in the same jar: the token decides, never the cookie.
    let (_, _) = signed_in(&app, WORKER).await;
    let other = log_in(&app, &browser(), WORKER, DEMO_PASSWORD, "/").await;
    let session = set_cookie(&other, "relais_session").unwrap();
    let cookies = format!("relais_csrf=abc; relais_session={session}");

    let me = app.client.get(app.url("/api/v1/me")).bearer_auth(&token).header("cookie", &cookies).send().await.unwrap();
    assert_eq!(me.status(), 200);
    assert!(me.headers().get_all("set-cookie").iter().next().is_none(), "no cookie given to an API call");
    assert_eq!(me.json::<Value>().await.unwrap()["email"], "worker.puurs@demo.relais.be");

    let body = json!({"organisation": "ocmw-puurs-sint-amands", "id": uuid::Uuid::new_v4(), "setting": "phone", "themes": ["identity"], "online_service": "itsme", "autonomy": "done-by", "outcome": "solved", "minutes": 10});
    let created = app.client.post(app.url("/api/v1/accompaniments")).bearer_auth(&token).header("cookie", &cookies).json(&body).send().await.unwrap();
    assert_eq!(created.status(), 201, "no CSRF check on a bearer call");
    assert!(created.headers().get_all("set-cookie").iter().next().is_none());

    // A bearer header does not open the cookie's pages either.
    let page = app.client.get(app.url("/account")).bearer_auth(&token).header("cookie", &cookies).send().await.unwrap();
    assert_eq!(page.status(), 303, "the session cookie is not read on a bearer request");
}

#[tokio::test]
async fn csrf_tokens_are_bound_to_the_session_and_cross_site_referers_refused() {
    let app = TestApp::spawn_demo().await;
    // Made up: a cookie of 64 × a and the same value in the field (or the header).
    let forged = "a".repeat(64);
    let cookie = format!("relais_csrf={forged}");
    let form = [("csrf", forged.as_str()), ("email", WORKER), ("password", DEMO_PASSWORD)];
    let refused = app.client.post(app.url("/login")).header("cookie", &cookie).form(&form).send().await.unwrap();
    assert_eq!(refused.status(), 403);
    let refused = app.client.post(app.url("/login")).header("cookie", &cookie).header("x-csrf-token", &forged).form(&form[1..]).send().await.unwrap();
    assert_eq!(refused.status(), 403);

    // A token from before signing in, or from another session, is worth nothing.
    let ann = browser();
    let before = token_for(&ann, &app).await;
    assert_eq!(log_in(&app, &ann, WORKER, DEMO_PASSWORD, "/account").await.status(), 303);
    let ann_token = token_for(&ann, &app).await;
    assert_ne!(before, ann_token, "signing in gives a new token");
    let (bob, bob_token) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    assert_eq!(bob.post(app.url("/logout")).form(&[("csrf", ann_token.as_str())]).send().await.unwrap().status(), 403);
    assert_eq!(ann.post(app.url("/logout")).form(&[("csrf", before.as_str())]).send().await.unwrap().status(), 403);

    // A cross-site Referer (no Origin, no Sec-Fetch-Site) is refused; our own is not.
    let evil = bob.post(app.url("/logout")).header("referer", "https://evil.example/page.html").form(&[("csrf", bob_token.as_str())]).send().await.unwrap();
    assert_eq!(evil.status(), 403);
    let own = bob.post(app.url("/logout")).header("referer", app.url("/account")).form(&[("csrf", bob_token.as_str())]).send().await.unwrap();
    assert_eq!(own.status(), 303);
    assert_eq!(ann.post(app.url("/logout")).form(&[("csrf", ann_token.as_str())]).send().await.unwrap().status(), 303);
}

#[tokio::test]
async fn over_https_the_csrf_cookie_is_host_only_and_hsts_is_sent() {
    let app = TestApp::spawn_with(Options { public_url: Some("https://relais.example"), ..Options::default() }).await;
    let page = app.get("/login").await;
    let cookies: Vec<String> = page.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_string()).collect();
    let csrf = cookies.iter().find(|c| c.starts_with("__Host-relais_csrf=")).expect("__Host- cookie");
    assert!(csrf.contains("; Secure") && csrf.contains("Path=/") && !csrf.contains("Domain"), "{csrf}");
    assert_eq!(page.headers()["strict-transport-security"], "max-age=31536000; includeSubDomains");
    assert!(form_token(&page.text().await.unwrap()).is_some());

    let plain = TestApp::spawn().await;
    let page = plain.get("/login").await;
    assert!(page.headers().get("strict-transport-security").is_none(), "not over plain HTTP");
}

#[tokio::test]
async fn the_sign_in_throttle_decays_spares_the_office_and_cannot_lock_a_person_out_from_elsewhere() {
    let app = TestApp::spawn_demo().await;
    let typist = from_address("127.0.0.2");
    for _ in 0..5 {
        assert_eq!(log_in(&app, &typist, WORKER, "wrong password", "/").await.status(), 401);
    }
    // This account from this address waits, even with the right password, and is told how long.
    let blocked = log_in(&app, &typist, WORKER, DEMO_PASSWORD, "/").await;
    assert_eq!(blocked.status(), 429);
    assert!(blocked.headers().get("retry-after").is_some());
    assert!(blocked.text().await.unwrap().contains("minute"));
    // From another address the person signs in.
    let office = from_address("127.0.0.3");
    assert_eq!(log_in(&app, &office, WORKER, DEMO_PASSWORD, "/").await.status(), 303);
    // A quarter of an hour later the first address may try again.
    app.clock.advance(time::Duration::minutes(16));
    assert_eq!(log_in(&app, &typist, WORKER, DEMO_PASSWORD, "/").await.status(), 303);

    // A success clears this address's count for the account: 4 typos, a success, 4 typos, a success.
    let desk = from_address("127.0.0.4");
    for _ in 0..2 {
        for _ in 0..4 {
            assert_eq!(log_in(&app, &desk, WORKER, "typo typo typo", "/").await.status(), 401);
        }
        assert_eq!(log_in(&app, &desk, WORKER, DEMO_PASSWORD, "/").await.status(), 303);
    }

    // A CPAS office behind one address: 25 typos across its staff, then everyone still signs in
    // (the old counter blocked an address for good after 20 in its lifetime).
    let nat = from_address("127.0.0.5");
    let staff = [
        "coordinator.charleroi@demo.relais.be",
        "worker.charleroi@demo.relais.be",
        "volunteer.charleroi@demo.relais.be",
        "viewer.charleroi@demo.relais.be",
        "coordinator.bruxelles@demo.relais.be",
        "worker.bruxelles@demo.relais.be",
        "coordinator.puurs@demo.relais.be",
    ];
    for round in 0..2 {
        for (i, email) in staff.iter().cycle().take(25).enumerate() {
            assert_eq!(log_in(&app, &nat, email, "wrong again", "/").await.status(), 401, "round {round}, typo {i}");
        }
        for email in staff {
            assert_eq!(log_in(&app, &nat, email, DEMO_PASSWORD, "/").await.status(), 303, "round {round}: {email}");
        }
        app.clock.advance(time::Duration::minutes(16));
    }

    // An attacker spread over many addresses hits the looser per-account limit: a new address
    // waits, but the person's own office (known: signed in from there) does not.
    let victim = "coordinator.eupen@demo.relais.be";
    assert_eq!(log_in(&app, &office, victim, DEMO_PASSWORD, "/").await.status(), 303);
    for n in 0..8 {
        let attacker = from_address(&format!("127.0.1.{}", n + 1));
        for _ in 0..4 {
            let status = log_in(&app, &attacker, victim, "guess guess guess", "/").await.status();
            assert!(status == 401 || status == 429, "{status}");
        }
    }
    assert_eq!(log_in(&app, &from_address("127.0.2.1"), victim, DEMO_PASSWORD, "/").await.status(), 429, "a new address waits");
    assert_eq!(log_in(&app, &office, victim, DEMO_PASSWORD, "/").await.status(), 303, "the person's own office does not");
}

#[test]
fn commands_end_quietly_when_their_reader_goes_away() {
    for args in [&["routes"][..], &["--version"], &["help", "serve"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_relais")).args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        drop(child.stdout.take()); // the reader is gone before the first line
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "relais {args:?}: {:?} {stderr}", out.status);
        assert!(!stderr.contains("panicked"), "relais {args:?}: {stderr}");
    }
}
