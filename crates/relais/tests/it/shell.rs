//! The page shell: languages, security headers, error pages, demo banner, page weight.

use axum::routing::get;

use crate::harness::{Options, TestApp, html_lang};

#[tokio::test]
async fn accept_language_picks_each_of_the_four_languages() {
    let app = TestApp::spawn().await;
    for (header, code, text) in [
        ("nl-BE,nl;q=0.9", "nl", "Hulp bij uw online aanvragen"),
        ("de-BE,de;q=0.9,fr;q=0.5", "de", "Hilfe bei Ihren Online-Behördengängen"),
        ("fr-BE,fr;q=0.9", "fr", "De l’aide pour vos démarches en ligne"),
        ("en-GB,en;q=0.9", "en", "Help with your online procedures"),
        ("es-ES,es;q=0.9", "fr", "De l’aide pour vos démarches en ligne"),
    ] {
        let response = app.get_with("/", &[("accept-language", header)]).await;
        assert_eq!(response.headers()["content-language"], code, "{header}");
        let body = response.text().await.unwrap();
        assert_eq!(html_lang(&body), Some(code), "{header}");
        assert!(body.contains(text), "{header}: expected {text}");
    }
}

#[tokio::test]
async fn no_header_means_french() {
    let app = TestApp::spawn().await;
    let body = app.get("/").await.text().await.unwrap();
    assert_eq!(html_lang(&body), Some("fr"));
}

#[tokio::test]
async fn query_wins_over_header_and_sets_the_cookie() {
    let app = TestApp::spawn().await;
    let response = app.get_with("/?lang=de", &[("accept-language", "nl-BE,nl;q=0.9")]).await;
    let cookie = response.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).find(|v| v.starts_with("lang=")).unwrap_or_default().to_string();
    assert!(cookie.starts_with("lang=de;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    let body = response.text().await.unwrap();
    assert_eq!(html_lang(&body), Some("de"));

    // The cookie then wins over the header.
    let body = app.get_with("/", &[("accept-language", "nl"), ("cookie", "lang=en")]).await.text().await.unwrap();
    assert_eq!(html_lang(&body), Some("en"));
    // An unknown ?lang is ignored.
    let body = app.get_with("/?lang=xx", &[("accept-language", "nl")]).await.text().await.unwrap();
    assert_eq!(html_lang(&body), Some("nl"));
}

#[tokio::test]
async fn switcher_links_point_to_each_language_and_mark_the_current_one() {
    let app = TestApp::spawn().await;
    let body = app.get("/?lang=nl").await.text().await.unwrap();
    for code in ["fr", "nl", "de", "en"] {
        assert!(body.contains(&format!("href=\"/?lang={code}\" lang=\"{code}\"")), "{code}");
    }
    assert!(body.contains("hreflang=\"nl\" aria-current=\"true\""));
}

#[tokio::test]
async fn security_headers_are_on_every_response() {
    let app = TestApp::spawn().await;
    let css = {
        let body = app.get("/").await.text().await.unwrap();
        let start = body.find("/assets/app.").unwrap();
        let end = body[start..].find('"').unwrap() + start;
        body[start..end].to_string()
    };
    for path in ["/", "/does-not-exist", "/healthz", "/readyz", "/metrics", css.as_str(), "/assets/nope.css"] {
        let response = app.get(path).await;
        let h = response.headers();
        let csp = h.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
        assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff", "{path}");
        assert!(h.get("referrer-policy").is_some(), "{path}");
    }
}

#[tokio::test]
async fn unknown_pages_get_a_translated_404() {
    let app = TestApp::spawn().await;
    for (lang, title) in [("fr", "Page introuvable"), ("nl", "Pagina niet gevonden"), ("de", "Seite nicht gefunden"), ("en", "Page not found")] {
        let response = app.get(&format!("/nowhere/at/all?lang={lang}")).await;
        assert_eq!(response.status(), 404);
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
        let body = response.text().await.unwrap();
        assert_eq!(html_lang(&body), Some(lang));
        assert!(body.contains(title), "{lang}");
    }
    let missing_asset = app.get("/assets/app.00000000.css").await;
    assert_eq!(missing_asset.status(), 404);
}

#[tokio::test]
async fn wrong_method_is_a_translated_405_that_keeps_allow() {
    let app = TestApp::spawn().await;
    let (cookie, csrf) = app.csrf_token().await;
    let response = app.client.delete(app.url("/?lang=en")).header("cookie", cookie).header("x-csrf-token", &csrf).send().await.unwrap();
    assert_eq!(response.status(), 405);
    assert!(response.headers().get("allow").is_some());
    assert!(response.text().await.unwrap().contains("Not possible here"));
}

async fn panicking() -> &'static str {
    panic!("deliberate test panic")
}

#[tokio::test]
async fn a_panic_becomes_a_translated_500_and_the_server_keeps_serving() {
    let routes = relais::routes().route("/test/panic", get(panicking));
    let app = TestApp::spawn_with(Options { routes, ..Options::default() }).await;
    for _ in 0..3 {
        let response = app.get("/test/panic?lang=nl").await;
        assert_eq!(response.status(), 500);
        let body = response.text().await.unwrap();
        assert!(body.contains("Er ging iets mis"));
        assert!(!body.contains("deliberate test panic"), "panic messages never reach users");
    }
    assert_eq!(app.get("/").await.status(), 200);
}

#[tokio::test]
async fn the_demo_banner_is_on_every_page_of_a_demo_instance_only() {
    let demo = TestApp::spawn_demo().await;
    for path in ["/?lang=fr", "/missing?lang=fr"] {
        let body = demo.get(path).await.text().await.unwrap();
        assert!(body.contains("class=\"demo-banner\""), "{path}");
        assert!(body.contains("Instance de démonstration"), "{path}");
    }
    let plain = TestApp::spawn().await;
    assert!(!plain.get("/").await.text().await.unwrap().contains("demo-banner"));
}

/// Bytes on the wire for `path` with gzip, as a browser would fetch it.
async fn gzip_size(app: &TestApp, path: &str) -> usize {
    let response = app.get_with(path, &[("accept-encoding", "gzip")]).await;
    assert_eq!(response.status(), 200, "{path}");
    response.bytes().await.unwrap().len()
}

#[tokio::test]
async fn the_public_directory_pages_with_what_they_load_stay_under_30_kb_compressed() {
    let app = TestApp::spawn_demo().await;
    let api: serde_json::Value = serde_json::from_str(&app.get("/api/v1/places?postcode=1080").await.text().await.unwrap()).unwrap();
    let place = api["places"][0]["id"].as_str().expect("a place near Molenbeek").to_string();
    for lang in ["fr", "nl", "de", "en"] {
        for path in [format!("/places?q=1000&lang={lang}"), format!("/places/{place}?lang={lang}"), format!("/places/{place}/sheet?lang={lang}")] {
            let body = app.get(&path).await.text().await.unwrap();
            let mut total = gzip_size(&app, &path).await;
            let mut assets = std::collections::BTreeSet::new();
            for part in body.split("\"/assets/").skip(1) {
                assets.insert(part[..part.find('"').unwrap()].to_string());
            }
            for name in &assets {
                total += gzip_size(&app, &format!("/assets/{name}")).await;
            }
            assert!(total < 30 * 1024, "{path} weighs {total} bytes compressed");
        }
    }
}

#[tokio::test]
async fn the_home_page_with_its_css_and_icon_stays_under_30_kb_compressed() {
    let app = TestApp::spawn_demo().await;
    let body = app.get("/").await.text().await.unwrap();
    let mut total = gzip_size(&app, "/").await;
    let mut assets = 0;
    for part in body.split("\"/assets/").skip(1) {
        let name = &part[..part.find('"').unwrap()];
        total += gzip_size(&app, &format!("/assets/{name}")).await;
        assets += 1;
    }
    assert!(assets >= 2, "stylesheet and icon are linked");
    assert!(total < 30 * 1024, "home page weighs {total} bytes compressed");
    // And the HTML is really compressed on the wire.
    let response = app.get_with("/", &[("accept-encoding", "gzip")]).await;
    assert_eq!(response.headers()["content-encoding"], "gzip");
}

#[tokio::test]
async fn assets_are_cached_for_a_year_under_hashed_names() {
    let app = TestApp::spawn().await;
    let body = app.get("/").await.text().await.unwrap();
    let start = body.find("/assets/app.").unwrap();
    let css = &body[start..start + body[start..].find('"').unwrap()];
    let response = app.get(css).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/css; charset=utf-8");
    assert!(response.headers()["cache-control"].to_str().unwrap().contains("immutable"));
}

#[tokio::test]
async fn an_oversized_body_is_a_translated_413() {
    let app = TestApp::spawn().await;
    let response = app.client.post(app.url("/?lang=fr")).header("content-type", "application/x-www-form-urlencoded").body(vec![b'a'; 2 * 1024 * 1024]).send().await.unwrap();
    assert_eq!(response.status(), 413);
    assert!(response.text().await.unwrap().contains("Envoi trop volumineux"));
}
