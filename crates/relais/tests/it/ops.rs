//! Operations endpoints: liveness, readiness (including a stopped PostgreSQL), metrics.

use crate::{
    harness::{Options, TestApp},
    pg::{PgCluster, fresh_database_on},
};

#[tokio::test]
async fn healthz_and_readyz_answer_200() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get("/healthz").await.status(), 200);
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.text().await.unwrap(), "ready\n");
}

#[tokio::test]
async fn readyz_is_503_once_postgresql_is_stopped_while_healthz_stays_200() {
    let cluster = PgCluster::start();
    let url = fresh_database_on(&cluster.admin_url()).await;
    let app = TestApp::spawn_with(Options { database_url: Some(url), ..Options::default() }).await;
    assert_eq!(app.get("/readyz").await.status(), 200);

    cluster.stop();
    let response = app.get("/readyz").await;
    assert_eq!(response.status(), 503);
    assert_eq!(response.text().await.unwrap(), "database unreachable\n");
    assert_eq!(app.get("/healthz").await.status(), 200);
    // Pages still answer with a translated page, never a hang or a crash.
    let home = app.get("/?lang=en").await;
    assert!(home.status() == 200 || home.status() == 503, "{}", home.status());
}

/// A strict reading of the Prometheus text format (0.0.4): comments, then `name{labels} value`.
/// One sample: metric name, labels, value.
type Sample = (String, Vec<(String, String)>, f64);

fn parse_prometheus(text: &str) -> Vec<Sample> {
    let mut samples = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        if let Some(comment) = line.strip_prefix('#') {
            let words: Vec<&str> = comment.split_whitespace().collect();
            if words.first() == Some(&"TYPE") {
                assert_eq!(words.len(), 3, "TYPE line: {line}");
                assert!(["counter", "gauge", "histogram", "summary", "untyped"].contains(&words[2]), "{line}");
            }
            continue;
        }
        let (series, value) = line.rsplit_once(' ').unwrap_or_else(|| panic!("no value: {line}"));
        let value: f64 = match value {
            "+Inf" => f64::INFINITY,
            "-Inf" => f64::NEG_INFINITY,
            v => v.parse().unwrap_or_else(|_| panic!("bad value: {line}")),
        };
        let (name, labels) = match series.split_once('{') {
            Some((name, rest)) => {
                let inner = rest.strip_suffix('}').unwrap_or_else(|| panic!("unclosed labels: {line}"));
                let labels = inner
                    .split("\",")
                    .filter(|p| !p.is_empty())
                    .map(|pair| {
                        let (k, v) = pair.split_once("=\"").unwrap_or_else(|| panic!("bad label: {line}"));
                        (k.to_string(), v.trim_end_matches('"').to_string())
                    })
                    .collect();
                (name, labels)
            }
            None => (series, Vec::new()),
        };
        assert!(name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':'), "bad metric name: {line}");
        samples.push((name.to_string(), labels, value));
    }
    samples
}

#[tokio::test]
async fn metrics_count_requests_per_route_and_status_and_show_the_pool() {
    let app = TestApp::spawn().await;
    app.get("/").await;
    app.get("/nowhere").await;
    let response = app.get("/metrics").await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/plain"));
    let samples = parse_prometheus(&response.text().await.unwrap());
    let has = |name: &str, label: (&str, &str)| samples.iter().any(|(n, labels, _)| n == name && labels.iter().any(|(k, v)| k == label.0 && v == label.1));
    assert!(has("relais_http_requests_total", ("route", "/")));
    assert!(has("relais_http_requests_total", ("status", "404")));
    assert!(has("relais_http_request_duration_seconds_bucket", ("route", "/")));
    assert!(has("relais_db_pool_connections", ("state", "idle")));
    assert!(samples.iter().any(|(n, _, v)| n == "relais_db_pool_max_connections" && *v >= 1.0));
}
