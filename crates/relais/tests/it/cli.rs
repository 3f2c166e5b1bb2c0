//! The real `relais` binary: commands, flags, environment, graceful shutdown.

use std::{
    io::{BufRead, BufReader, Read, Write},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use crate::harness::fresh_database_url;

const BIN: &str = env!("CARGO_BIN_EXE_relais");

fn relais() -> Command {
    let mut command = Command::new(BIN);
    command.env_remove("RELAIS_BIND").env_remove("RELAIS_DATABASE_URL").stdin(Stdio::null());
    command
}

#[test]
fn version_and_help() {
    let out = relais().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("relais {}", env!("CARGO_PKG_VERSION")));

    let out = relais().arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for command in ["serve", "migrate", "demo", "bench", "routes"] {
        assert!(help.contains(command), "{help}");
    }
    let out = relais().args(["serve", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for flag in ["--bind", "--database", "--demo", "RELAIS_BIND", "RELAIS_DATABASE_URL", "127.0.0.1:8080", "sqlite://data/relais.db"] {
        assert!(help.contains(flag), "{flag} missing in {help}");
    }
}

#[tokio::test]
async fn migrate_then_demo_twice_loads_the_demo_once() {
    let (url, _guard) = fresh_database_url().await;
    let out = relais().args(["migrate", "--database", &url]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = relais().args(["demo", "--database", &url]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("demo data loaded: instance"));
    let out = relais().arg("demo").env("RELAIS_DATABASE_URL", &url).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("demo data already present"));
}

#[test]
fn the_default_database_is_created_under_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = relais().arg("migrate").current_dir(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dir.path().join("data/relais.db").exists());
}

#[test]
fn a_bad_database_url_is_a_clear_error() {
    let out = relais().args(["migrate", "--database", "mysql://nope"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unsupported database URL"));
}

struct Server {
    child: Child,
    address: String,
}

impl Server {
    /// `relais serve --demo` with the bind address and database given through the environment.
    fn start(url: &str) -> Server {
        let mut child =
            relais().args(["serve", "--demo"]).env("RELAIS_BIND", "127.0.0.1:0").env("RELAIS_DATABASE_URL", url).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        let address = line.trim().strip_prefix("listening on http://").unwrap_or_else(|| panic!("unexpected first line: {line:?}")).to_string();
        Server { child, address }
    }

    fn terminate(&self) {
        let status = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().unwrap();
        assert!(status.success());
    }

    fn wait(mut self) -> (bool, String) {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                let mut stderr = String::new();
                self.child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
                return (status.success(), stderr);
            }
            assert!(started.elapsed() < Duration::from_secs(20), "server did not stop");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn http_get(address: &str, path: &str) -> String {
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[tokio::test]
async fn serve_with_env_settings_serves_the_demo_and_stops_cleanly_on_sigterm() {
    let (url, _guard) = fresh_database_url().await;
    let server = Server::start(&url);
    let home = http_get(&server.address, "/?lang=de");
    assert!(home.starts_with("HTTP/1.1 200"), "{home:.200}");
    assert!(home.contains("<html lang=\"de\""));
    assert!(home.contains("Demo-Umgebung"));
    server.terminate();
    let (success, stderr) = server.wait();
    assert!(success, "{stderr}");
    assert!(stderr.contains("stopped"), "{stderr}");
}

#[tokio::test]
async fn sigterm_lets_an_in_flight_request_finish() {
    let (url, _guard) = fresh_database_url().await;
    let server = Server::start(&url);
    // A request whose body is still arriving when the signal comes.
    let mut stream = std::net::TcpStream::connect(&server.address).unwrap();
    write!(
        stream,
        "POST /?lang=en HTTP/1.1\r\nHost: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10\r\nConnection: close\r\n\r\nhalf=",
        server.address
    )
    .unwrap();
    stream.flush().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    server.terminate();
    std::thread::sleep(Duration::from_millis(300));
    stream.write_all(b"done!").unwrap();
    let mut response = String::new();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream.read_to_string(&mut response).unwrap();
    // No anti-forgery token, so the answer is a 403 — what matters is that it comes.
    assert!(response.starts_with("HTTP/1.1 403"), "the in-flight request got its answer: {response:.200}");
    let (success, stderr) = server.wait();
    assert!(success, "{stderr}");
}

#[tokio::test]
async fn json_logs_with_relais_log_format_json() {
    let (url, _guard) = fresh_database_url().await;
    let out = relais().args(["migrate", "--database", &url]).env("RELAIS_LOG_FORMAT", "json").output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(!lines.is_empty(), "some log line");
    for line in lines {
        let value: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(value.get("level").is_some() && value.get("timestamp").is_some(), "{line}");
    }
}

/// Log in through the real server's form; returns the client (with its cookies) and the response status.
async fn form_login(base: &str, email: &str, password: &str) -> (reqwest::Client, u16) {
    let client = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let page = client.get(format!("{base}/login")).send().await.unwrap();
    let csrf = crate::harness::form_token(&page.text().await.unwrap()).unwrap();
    let status = client.post(format!("{base}/login")).form(&[("csrf", csrf.as_str()), ("email", email), ("password", password)]).send().await.unwrap().status().as_u16();
    (client, status)
}

#[tokio::test]
async fn two_serve_processes_on_one_postgresql_behave_as_one() {
    let url = crate::pg::fresh_database().await;
    let a = Server::start(&url);
    let b = Server::start(&url);
    let (base_a, base_b) = (format!("http://{}", a.address), format!("http://{}", b.address));
    let password = relais_organisations::demo::DEMO_PASSWORD;

    // A session opened on A is valid on B.
    let (client, status) = form_login(&base_a, "coordinator.eupen@demo.relais.be", password).await;
    assert_eq!(status, 303);
    assert_eq!(client.get(format!("{base_a}/account")).send().await.unwrap().status(), 200);
    let session = {
        // The same login, reading the session cookie that A sets.
        let plain = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let page = plain.get(format!("{base_a}/login")).send().await.unwrap();
        let cookie = crate::harness::set_cookie(&page, "relais_csrf").unwrap();
        let csrf = crate::harness::form_token(&page.text().await.unwrap()).unwrap();
        let r = plain
            .post(format!("{base_a}/login"))
            .header("cookie", format!("relais_csrf={cookie}"))
            .form(&[("csrf", csrf.as_str()), ("email", "coordinator.eupen@demo.relais.be"), ("password", password)])
            .send()
            .await
            .unwrap();
        crate::harness::set_cookie(&r, "relais_session").unwrap()
    };
    let on_b = reqwest::Client::new().get(format!("{base_b}/account")).header("cookie", format!("relais_session={session}")).send().await.unwrap();
    assert_eq!(on_b.status(), 200, "the session opened on A works on B");
    assert!(on_b.text().await.unwrap().contains("coordinator.eupen@demo.relais.be"));

    // Failures on A and B count together.
    let email = "worker.eupen@demo.relais.be";
    for base in [&base_a, &base_b, &base_a, &base_b, &base_a] {
        assert_eq!(form_login(base, email, "wrong password here").await.1, 401);
    }
    assert_eq!(form_login(&base_b, email, password).await.1, 429, "throttled across both processes");

    a.terminate();
    b.terminate();
    assert!(a.wait().0 && b.wait().0);
}

/// Two `relais serve` processes on one database (of the engine under test) share the jobs:
/// 300 probes enqueued by `relais jobs probe` each run once, and `relais jobs list` says so.
#[tokio::test]
async fn two_serve_processes_run_each_job_once() {
    let (url, _guard) = fresh_database_url().await;
    let a = Server::start(&url);
    let b = Server::start(&url);
    let out = relais().args(["jobs", "probe", "--count", "300", "--database", &url]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "jobs: probes=300");
    let db = relais_core::Db::connect(&url).await.unwrap();
    let started = Instant::now();
    loop {
        let runs = relais_core::jobs::probe_runs(&db).await.unwrap();
        if runs.jobs == 300 {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "{} of 300 probes ran", runs.jobs);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let runs = relais_core::jobs::probe_runs(&db).await.unwrap();
    assert_eq!((runs.runs, runs.jobs), (300, 300), "each probe ran once");
    let out = relais().args(["jobs", "list", "--state", "done", "--limit", "1", "--database", &url]).output().unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    let counts = listed.lines().next().unwrap_or_default();
    assert!(counts.starts_with("jobs: queued=") && counts.contains(" failed=0 "), "{listed}");
    let done: u64 = counts.rsplit("done=").next().unwrap().parse().unwrap();
    assert!(done >= 300, "{listed}");
    a.terminate();
    b.terminate();
    assert!(a.wait().0 && b.wait().0);
    db.close().await;
}

/// `relais retention` runs every area's retention step now and prints one line per step.
#[tokio::test]
async fn retention_runs_every_areas_step_and_says_how_many() {
    let (url, _guard) = fresh_database_url().await;
    let out = relais().args(["retention", "--database", &url]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines, ["retention: anonymised=0", "retention: workshop_contacts_cleared=0"], "{stdout}");
}
