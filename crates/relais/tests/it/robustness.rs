//! Robustness: random methods, query strings, headers and bodies sent to every registered route
//! (enumerated from the route registry, so new routes are covered automatically). No 5xx allowed.

use std::io::{Read, Write};

use axum::{
    body::Body,
    http::{HeaderName, HeaderValue, Method, Request},
};
use http_body_util::BodyExt;
use relais_core::web::AppState;
use tower::ServiceExt;

use crate::harness::{TestApp, fresh_database_url};

const METHODS: &[&str] = &["GET", "GET", "HEAD", "POST", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "X-RELAIS"];
const CONTENT_TYPES: &[&str] = &[
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=iso-8859-1",
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "application/json",
    "text/plain",
    "text/html; charset=utf-8",
    "application/octet-stream",
    ";;;",
    "*/*",
];

fn ascii_junk(rng: &mut fastrand::Rng, len: usize) -> String {
    (0..len).map(|_| char::from(rng.u8(0x21..0x7f))).collect()
}

/// A URL-safe piece: plain words, percent-encoded bytes (valid or not), invalid escapes.
fn url_piece(rng: &mut fastrand::Rng) -> String {
    match rng.u8(0..8) {
        0 => String::new(),
        1 => "%FF%FE%00%C3%28".to_string(),
        2 => "%ZZ%%%2".to_string(),
        3 => "x".repeat(rng.usize(1000..9000)),
        4 => "..%2F..%2Fetc%2Fpasswd".to_string(),
        5 => (0..rng.usize(1..12)).map(|_| format!("%{:02X}", rng.u8(..))).collect(),
        6 => "li%C3%A8ge".to_string(),
        _ => (0..rng.usize(1..16)).map(|_| char::from(b"abcdefghijklmnopqrstuvwxyz0123456789-_.~"[rng.usize(0..40)])).collect(),
    }
}

fn random_path(rng: &mut fastrand::Rng, pattern: &str) -> String {
    pattern
        .split('/')
        .map(|segment| {
            if segment.starts_with('{') {
                let piece = url_piece(rng);
                if piece.is_empty() { "0".to_string() } else { piece }
            } else {
                segment.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn random_query(rng: &mut fastrand::Rng) -> String {
    let mut pairs = Vec::new();
    for _ in 0..rng.usize(0..6) {
        let pair = match rng.u8(0..6) {
            0 => format!("lang={}", ["fr", "nl", "de", "en", "xx", "", "%FF", "FR-be"][rng.usize(0..8)]),
            1 => url_piece(rng),
            2 => format!("{}={}", url_piece(rng), url_piece(rng)),
            3 => "=&==&&".to_string(),
            4 => format!("page={}", ["-1", "0", "99999999999999999999", "NaN", "1e400"][rng.usize(0..5)]),
            _ => format!("q={}", url_piece(rng)),
        };
        pairs.push(pair);
    }
    pairs.join("&")
}

fn random_body(rng: &mut fastrand::Rng) -> Vec<u8> {
    match rng.u8(0..9) {
        0 => Vec::new(),
        1 => (0..rng.usize(1..4096)).map(|_| rng.u8(..)).collect(),
        2 => b"a=%ZZ&&==&b=%FF%FE&c".to_vec(),
        3 => vec![b'a'; 2 * 1024 * 1024 + 17],
        4 => b"{\"unterminated\": [1, 2, ".to_vec(),
        5 => vec![0xff, 0xfe, 0xc3, 0x28, 0x00, 0x80],
        6 => format!("lang=nl&name={}&email=%40%40", "z".repeat(rng.usize(0..100_000))).into_bytes(),
        7 => b"--x\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n--x--".to_vec(),
        _ => {
            let len = rng.usize(1..512);
            ascii_junk(rng, len).into_bytes()
        }
    }
}

fn random_request(rng: &mut fastrand::Rng, pattern: &str) -> Request<Body> {
    let method = Method::from_bytes(METHODS[rng.usize(0..METHODS.len())].as_bytes()).unwrap();
    let mut uri = random_path(rng, pattern);
    let query = random_query(rng);
    if !query.is_empty() {
        uri.push('?');
        uri.push_str(&query);
    }
    let mut builder = Request::builder().method(method).uri(uri);
    if rng.bool() {
        builder = builder.header("content-type", CONTENT_TYPES[rng.usize(0..CONTENT_TYPES.len())]);
    }
    for _ in 0..rng.usize(0..5) {
        let (name, value): (&str, Vec<u8>) = match rng.u8(0..8) {
            0 => {
                let len = rng.usize(0..200);
                ("accept-language", ascii_junk(rng, len).into_bytes())
            }
            1 => ("cookie", b"lang=\xff\xfe; session=%00; ;;=".to_vec()),
            2 => ("accept-language", vec![0xc3, 0xa9, 0xff, b'n', b'l']),
            3 => ("accept-encoding", b"gzip;q=abc, br;q=-1, identity;q=0, *;q=0".to_vec()),
            4 => ("x-forwarded-proto", b"https".to_vec()),
            5 => ("referer", "a".repeat(rng.usize(1..16_000)).into_bytes()),
            6 => ("content-length-junk", ascii_junk(rng, 40).into_bytes()),
            _ => ("origin", b"null".to_vec()),
        };
        if let (Ok(name), Ok(value)) = (HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_bytes(&value)) {
            builder = builder.header(name, value);
        }
    }
    builder.body(Body::from(random_body(rng))).expect("request builds")
}

#[tokio::test]
async fn random_requests_to_every_route_never_get_a_5xx() {
    let seed = std::env::var("RELAIS_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(20_261_123_u64);
    let mut rng = fastrand::Rng::with_seed(seed);
    let (url, _guard) = fresh_database_url().await;
    let db = relais_core::Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    relais_core::demo::load(&db, &relais::demo_parts()).await.unwrap();

    let routes = relais::routes();
    let patterns: Vec<&'static str> = routes.paths().to_vec();
    assert!(patterns.len() >= 5, "routes are enumerated from the registry: {patterns:?}");
    let app = routes.into_app(AppState::new(db));
    let per_route = (1000 / patterns.len() + 1).max(200);

    let mut sent = 0;
    for pattern in &patterns {
        for _ in 0..per_route {
            let request = random_request(&mut rng, pattern);
            let description = format!("{} {}", request.method(), request.uri());
            let response = app.clone().oneshot(request).await.expect("infallible");
            let status = response.status();
            let body = response.into_body().collect().await;
            assert!(body.is_ok(), "body failed for {description} (seed {seed})");
            assert!(!status.is_server_error(), "{status} for {description:.300} (seed {seed}, route {pattern})");
            sent += 1;
        }
    }
    assert!(sent >= 1000, "sent {sent}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_http_on_the_wire_gets_a_4xx_and_the_server_keeps_serving() {
    let app = TestApp::spawn().await;
    let raw: &[&[u8]] = &[
        b"GET / HTTP/1.1\r\nHost: x\r\nAccept-Language: \xff\xfe\r\n\r\n",
        b"GET /%ZZ?%FF HTTP/1.1\r\nHost: x\r\n\r\n",
        b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        b"BR@KEN / HTTP/1.1\r\n\r\n",
        b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
    ];
    for request in raw {
        let mut stream = std::net::TcpStream::connect(app.address).unwrap();
        stream.set_read_timeout(Some(std::time::Duration::from_secs(5))).unwrap();
        stream.write_all(request).unwrap();
        let mut response = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = stream.read(&mut buf) {
            if n == 0 {
                break;
            }
            response.extend_from_slice(&buf[..n]);
            if response.windows(4).any(|w| w == b"\r\n\r\n") {
                break;
            }
        }
        let head = String::from_utf8_lossy(&response);
        assert!(head.starts_with("HTTP/1.1 2") || head.starts_with("HTTP/1.1 4") || head.starts_with("HTTP/1.0 4"), "{:?} → {head:.200}", String::from_utf8_lossy(request));
    }
    assert_eq!(app.get("/healthz").await.status(), 200);
}
