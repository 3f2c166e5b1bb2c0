//! Spawn the real app on a random port against a fresh database of the engine under test.
//!
//! `RELAIS_TEST_ENGINE=sqlite` (default) or `postgres` picks the engine; `./scripts/test` runs the
//! whole suite once per engine.

use std::net::SocketAddr;

use relais_core::{
    Db, Engine, demo,
    mail::Mailer,
    web::{AppState, Routes, WebConfig},
};

use crate::pg;

pub fn engine() -> Engine {
    match std::env::var("RELAIS_TEST_ENGINE").as_deref() {
        Ok("postgres") | Ok("postgresql") => Engine::Postgres,
        Ok("sqlite") | Err(_) => Engine::Sqlite,
        Ok(other) => panic!("RELAIS_TEST_ENGINE must be sqlite or postgres, not {other}"),
    }
}

/// A fresh, empty database URL of the engine under test (kept alive by the returned guard).
pub async fn fresh_database_url() -> (String, Option<tempfile::TempDir>) {
    match engine() {
        Engine::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}/relais.db", dir.path().display());
            (url, Some(dir))
        }
        Engine::Postgres => (pg::fresh_database().await, None),
    }
}

pub struct TestApp {
    pub address: SocketAddr,
    #[allow(dead_code)] // later areas query it directly
    pub db: Db,
    pub client: reqwest::Client,
    pub database_url: String,
    /// Where the app writes its e-mails.
    pub outbox: tempfile::TempDir,
    /// The app's clock: tests move it (`app.clock.advance(…)`) instead of sleeping.
    #[allow(dead_code)]
    pub clock: relais_core::clock::Clock,
    /// Where the app writes its SMS.
    pub sms_outbox: tempfile::TempDir,
    _dir: Option<tempfile::TempDir>,
}

pub struct Options {
    pub demo: bool,
    pub routes: Routes,
    pub database_url: Option<String>,
    /// The address people use (`https://…` turns on `Secure` cookies and HSTS).
    pub public_url: Option<&'static str>,
}

impl Default for Options {
    fn default() -> Self {
        Options { demo: false, routes: relais::routes(), database_url: None, public_url: None }
    }
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(Options::default()).await
    }

    pub async fn spawn_demo() -> TestApp {
        TestApp::spawn_with(Options { demo: true, ..Options::default() }).await
    }

    pub async fn spawn_with(options: Options) -> TestApp {
        let (url, dir) = match options.database_url {
            Some(url) => (url, None),
            None => fresh_database_url().await,
        };
        let db = Db::connect(&url).await.expect("connect");
        // (the URL is kept for tests that drive the binary against the same database)
        db.migrate().await.expect("migrate");
        relais::prepare(&db).await.expect("prepare");
        if options.demo {
            demo::load(&db, &relais::demo_parts()).await.expect("demo data");
        }
        let outbox = tempfile::tempdir().expect("outbox");
        let clock = relais_core::clock::Clock::manual();
        let config = options
            .public_url
            .map(WebConfig::new)
            .unwrap_or_default()
            .with_mailer(Mailer::outbox(outbox.path(), "relais@test.invalid"))
            .with_clock(clock.clone())
            .with_figures(relais::figure_sources());
        let app = options.routes.into_app(AppState::with_config(db.clone(), config));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let address = listener.local_addr().expect("address");
        tokio::spawn(async move {
            axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>()).await.expect("server");
        });
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        let sms_outbox = tempfile::tempdir().expect("sms outbox");
        TestApp { address, db, client, database_url: url, outbox, clock, sms_outbox, _dir: dir }
    }

    /// The jobs `relais serve` would run, on this app's database, clock and outboxes (tests run
    /// rounds with `run_once`).
    pub fn job_runner(&self) -> relais_core::jobs::Runner {
        let senders = relais_core::messages::Senders {
            mail: Mailer::outbox(self.outbox.path(), "relais@test.invalid"),
            sms: relais_core::sms::SmsSender::outbox(self.sms_outbox.path(), "Relais"),
        };
        relais::job_runner(self.db.clone(), self.clock.clone(), std::sync::Arc::new(senders))
    }

    /// The SMS in the outbox, oldest first: (to, text).
    pub fn sms(&self) -> Vec<(String, String)> {
        let mut files: Vec<_> = std::fs::read_dir(self.sms_outbox.path()).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
        files.sort();
        files
            .into_iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .map(|raw| {
                let to = raw.lines().next().and_then(|l| l.strip_prefix("To: ")).unwrap_or_default().to_string();
                let text = raw.split_once("\n\n").map(|(_, t)| t.trim_end().to_string()).unwrap_or_default();
                (to, text)
            })
            .collect()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("request")
    }

    /// A fresh browser's anti-forgery cookie (`relais_csrf=…`, for a `Cookie` header) and the
    /// token its forms carry, as a browser gets them from any page.
    pub async fn csrf_token(&self) -> (String, String) {
        let response = self.get("/login").await;
        let cookie = set_cookie(&response, "relais_csrf").expect("the login page sets the CSRF cookie");
        let token = form_token(&response.text().await.expect("body")).expect("the login page has a form");
        (format!("relais_csrf={cookie}"), token)
    }

    /// The e-mails the app has sent: (to, subject, body), after sending what is queued (what
    /// the sending job of `relais serve` does within a second).
    #[allow(dead_code)]
    pub async fn mails(&self) -> Vec<(String, String, String)> {
        self.send_queued().await;
        relais_core::mail::read_outbox(self.outbox.path())
    }

    /// Run the sending job on what is due (nothing else: other jobs stay queued).
    pub async fn send_queued(&self) {
        let senders = relais_core::messages::Senders {
            mail: Mailer::outbox(self.outbox.path(), "relais@test.invalid"),
            sms: relais_core::sms::SmsSender::outbox(self.sms_outbox.path(), "Relais"),
        };
        let runner = relais_core::messages::jobs(relais_core::jobs::Runner::bare(self.db.clone(), self.clock.clone()), std::sync::Arc::new(senders));
        while runner.run_once().await.expect("a round of sending") > 0 {}
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
        let mut request = self.client.get(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.expect("request")
    }
}

/// The `lang` attribute of the `<html>` element.
pub fn html_lang(body: &str) -> Option<&str> {
    let start = body.find("<html lang=\"")? + "<html lang=\"".len();
    let end = body[start..].find('"')? + start;
    Some(&body[start..end])
}

/// The value a response sets for cookie `name`.
pub fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// The anti-forgery token a page's forms carry (`<input name="csrf" value="…">`).
pub fn form_token(body: &str) -> Option<String> {
    let start = body.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    body.get(start..start + 64).map(str::to_string)
}

/// The token the forms of this browser carry now (it changes when the browser signs in or out):
/// read from the first of a few pages that has a form.
pub async fn token_for(client: &reqwest::Client, app: &TestApp) -> String {
    for path in ["/login", "/account", "/login/second-factor", "/account/second-factor", "/password/forgot"] {
        let page = client.get(app.url(path)).send().await.expect("page");
        if page.status() == 200
            && let Some(token) = form_token(&page.text().await.expect("body"))
        {
            return token;
        }
    }
    panic!("no page with a form for this browser")
}

/// The token the forms of a browser with this cookie jar carry now, computed as the server does.
pub async fn token_from_jar(app: &TestApp, jar: &reqwest::cookie::Jar) -> String {
    use reqwest::cookie::CookieStore;
    let cookies = jar.cookies(&app.url("/").parse().expect("url")).map(|v| v.to_str().unwrap_or("").to_string()).unwrap_or_default();
    let value = |name: &str| cookies.split(';').filter_map(|p| p.trim().split_once('=')).find(|(k, _)| *k == name).map(|(_, v)| v.to_string());
    let key = relais_core::settings::instance_key(&app.db).await.expect("instance key");
    relais_core::web::csrf::token_for(&key, value("relais_session").as_deref(), &value("relais_csrf").unwrap_or_default())
}

/// A browser: its own cookie jar, no automatic redirects.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().expect("client")
}

/// Log a demo account in through the login form; returns its browser and its CSRF token.
#[allow(dead_code)]
pub async fn signed_in(app: &TestApp, email: &str) -> (reqwest::Client, String) {
    let client = browser();
    let csrf = token_for(&client, app).await;
    let response =
        client.post(app.url("/login")).form(&[("csrf", csrf.as_str()), ("email", email), ("password", relais_organisations::demo::DEMO_PASSWORD)]).send().await.expect("login");
    assert_eq!(response.status(), 303, "{email} logs in");
    let csrf = token_for(&client, app).await; // bound to the new session
    (client, csrf)
}

/// The requests an organisation has logged.
#[allow(dead_code)]
pub async fn count_requests(app: &TestApp, organisation: uuid::Uuid) -> i64 {
    relais_core::on_db!(&app.db, pool => sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM accompaniments WHERE organisation_id = $1")
        .bind(organisation)
        .fetch_one(pool)
        .await)
    .expect("count")
}
