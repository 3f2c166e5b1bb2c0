//! The JSON API: personal tokens (CLI and page), `/api/v1/me`, rights through the policy,
//! JSON errors, the OpenAPI document.

use std::process::{Command, Stdio};

use crate::harness::TestApp;

/// `relais token create` against the app's database; returns the token (the last line).
fn token_for(app: &TestApp, email: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_relais"))
        .args(["token", "create", "--email", email, "--name", "test script", "--database", &app.database_url])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().last().unwrap().trim().to_string()
}

async fn get_json(app: &TestApp, path: &str, token: Option<&str>) -> (u16, serde_json::Value, reqwest::header::HeaderMap) {
    let mut request = app.client.get(app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    assert!(headers["content-type"].to_str().unwrap().starts_with("application/json"), "{path}: JSON");
    (status, serde_json::from_slice(&response.bytes().await.unwrap()).unwrap(), headers)
}

#[tokio::test]
async fn me_with_a_token_returns_the_person_and_401_otherwise() {
    let app = TestApp::spawn_demo().await;
    let token = token_for(&app, "worker.eupen@demo.relais.be");
    assert!(token.starts_with("relais_"));

    let (status, me, _) = get_json(&app, "/api/v1/me", Some(&token)).await;
    assert_eq!(status, 200);
    assert_eq!(me["email"], "worker.eupen@demo.relais.be");
    assert_eq!(me["locale"], "de");
    assert_eq!(me["memberships"][0]["slug"], "oeshz-eupen");
    assert_eq!(me["memberships"][0]["role"], "worker");

    let (status, body, headers) = get_json(&app, "/api/v1/me", None).await;
    assert_eq!(status, 401);
    assert_eq!(body["error"], "unauthorized");
    assert_eq!(headers["www-authenticate"], "Bearer");
    let wrong = format!("relais_{}", "0".repeat(64));
    assert_eq!(get_json(&app, "/api/v1/me", Some(&wrong)).await.0, 401);
    assert_eq!(get_json(&app, "/api/v1/me", Some("nonsense")).await.0, 401);
}

#[tokio::test]
async fn the_api_follows_the_same_rights_as_the_browser() {
    let app = TestApp::spawn_demo().await;
    let coordinator = token_for(&app, "coordinator.charleroi@demo.relais.be");
    let volunteer = token_for(&app, "volunteer.charleroi@demo.relais.be");

    let (status, members, _) = get_json(&app, "/api/v1/organisations/cpas-charleroi/members", Some(&coordinator)).await;
    assert_eq!(status, 200);
    assert!(members.as_array().unwrap().iter().any(|m| m["email"] == "worker.charleroi@demo.relais.be"));
    assert_eq!(get_json(&app, "/api/v1/organisations/cpas-charleroi/members", Some(&volunteer)).await.0, 403);
    let (status, body, _) = get_json(&app, "/api/v1/organisations/oeshz-eupen/members", Some(&coordinator)).await;
    assert_eq!((status, body["error"].as_str()), (404, Some("not_found")));
    let (_, orgs, _) = get_json(&app, "/api/v1/organisations", Some(&coordinator)).await;
    let slugs: Vec<&str> = orgs.as_array().unwrap().iter().map(|o| o["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs, ["cpas-charleroi"], "only its own organisations");
    // Unknown API paths answer JSON too.
    assert_eq!(get_json(&app, "/api/v1/nothing-here", Some(&coordinator)).await.0, 404);
}

#[tokio::test]
async fn tokens_are_created_once_and_revoked_from_the_account_page() {
    let app = TestApp::spawn_demo().await;
    let client = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let csrf = crate::harness::token_for(&client, &app).await;
    client
        .post(app.url("/login"))
        .form(&[("csrf", csrf.as_str()), ("email", "worker.puurs@demo.relais.be"), ("password", relais_organisations::demo::DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    let csrf = crate::harness::token_for(&client, &app).await;
    let created = client.post(app.url("/account/tokens?lang=en")).form(&[("csrf", csrf.as_str()), ("name", "spreadsheet import")]).send().await.unwrap();
    assert_eq!(created.status(), 201);
    let body = created.text().await.unwrap();
    let start = body.find("value=\"relais_").unwrap() + 7;
    let secret = &body[start..start + 7 + 64];
    assert_eq!(get_json(&app, "/api/v1/me", Some(secret)).await.0, 200);

    let listing = client.get(app.url("/account/tokens")).send().await.unwrap().text().await.unwrap();
    assert!(listing.contains("spreadsheet import"));
    assert!(!listing.contains(secret), "the secret is shown only once");
    let action = listing.find("/revoke\"").unwrap();
    let id_start = listing[..action].rfind("/account/tokens/").unwrap() + "/account/tokens/".len();
    let id = &listing[id_start..action];
    let revoked = client.post(app.url(&format!("/account/tokens/{id}/revoke"))).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(revoked.status(), 303);
    assert_eq!(get_json(&app, "/api/v1/me", Some(secret)).await.0, 401);
    // Another user cannot revoke it (nor see it): 404.
    assert_eq!(relais_organisations::audit::by_action(&app.db, "token.revoked", id).await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_openapi_document_describes_the_api() {
    let app = TestApp::spawn().await;
    let (status, doc, _) = get_json(&app, "/api/openapi.json", None).await;
    assert_eq!(status, 200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in ["/api/v1/me", "/api/v1/organisations", "/api/v1/organisations/{slug}/members"] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} documented");
    }
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
}

/// Every `{name}` of a path template.
fn template_names(path: &str) -> Vec<&str> {
    path.split('/').filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}'))).collect()
}

#[tokio::test]
async fn the_openapi_document_can_be_called_as_it_is_written() {
    let app = TestApp::spawn().await;
    let (_, doc, _) = get_json(&app, "/api/openapi.json", None).await;
    let mut operation_ids = std::collections::HashSet::new();
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            operations += 1;
            let id = operation["operationId"].as_str().unwrap_or_else(|| panic!("{method} {path}: an operationId"));
            assert!(operation_ids.insert(id.to_string()), "{method} {path}: operationId {id} used twice");
            for parameter in operation["parameters"].as_array().into_iter().flatten() {
                let (name, place) = (parameter["name"].as_str().unwrap(), parameter["in"].as_str().unwrap());
                if place == "path" {
                    assert!(template_names(path).contains(&name), "{method} {path}: `{name}` is declared in the path but is not in it");
                    assert_eq!(parameter["required"], true, "{method} {path}: path parameter {name}");
                } else {
                    assert_eq!(place, "query", "{method} {path}: {name}");
                }
            }
            for name in template_names(path) {
                let declared = operation["parameters"].as_array().into_iter().flatten().any(|p| p["name"] == name && p["in"] == "path");
                assert!(declared, "{method} {path}: `{name}` is not declared");
            }
            // Every operation can be refused as unreadable (a control character, a repeated parameter).
            assert!(operation["responses"]["400"]["content"]["application/json"]["schema"].is_object(), "{method} {path}: 400 and its schema");
            for (status, response) in operation["responses"].as_object().unwrap() {
                if status != "200" || path != "/api/v1/stats" {
                    assert!(response["content"]["application/json"]["schema"].is_object(), "{method} {path}: {status} has a JSON schema");
                }
            }
        }
    }
    assert!(operations >= 11, "{operations} operations");
    for (method, path, statuses) in [
        ("post", "/api/v1/accompaniments", &["201", "200", "400", "401", "403", "404", "422"][..]),
        ("post", "/api/v1/signals", &["201", "200", "400", "401", "403", "404", "422"][..]),
        ("get", "/api/v1/places", &["200", "400", "404", "409"][..]),
    ] {
        for status in statuses {
            assert!(doc["paths"][path][method]["responses"][status].is_object(), "{method} {path}: {status} documented");
        }
    }
    // The lists' filters are optional query parameters.
    for path in ["/api/v1/accompaniments", "/api/v1/people", "/api/v1/signals", "/api/v1/stats"] {
        let parameters = doc["paths"][path]["get"]["parameters"].as_array().unwrap();
        assert!(!parameters.is_empty(), "{path}");
        assert!(parameters.iter().all(|p| p["in"] == "query" && p["required"] != true), "{path}: {parameters:?}");
    }
    let page = doc["paths"]["/api/v1/places"]["get"]["parameters"].as_array().unwrap().iter().find(|p| p["name"] == "page").unwrap();
    assert_eq!((page["schema"]["minimum"].as_i64(), page["schema"]["maximum"].as_i64()), (Some(1), Some(10_000)));
}

#[tokio::test]
async fn a_page_out_of_range_is_refused_as_documented() {
    let app = TestApp::spawn_demo().await;
    for page in ["-1", "0", "10001", "abc", "1.5"] {
        let (status, body, _) = get_json(&app, &format!("/api/v1/places?q=1000&page={page}"), None).await;
        assert_eq!((status, body["error"].as_str(), body["field"].as_str()), (400, Some("bad_request"), Some("page")), "page={page}");
    }
    let (status, body, _) = get_json(&app, "/api/v1/places?q=1000&page=2", None).await;
    assert_eq!(status, 200, "{body}");
    // Repeated parameters are refused with the same shape.
    let (status, body, _) = get_json(&app, "/api/v1/places?page=1&page=2", None).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("bad_request")));
}

/// One error shape across the API: a stable `error` code and a `message` in the caller's
/// language (`Accept-Language`), the fields at fault with their own messages.
#[tokio::test]
async fn every_api_error_has_a_stable_code_and_a_message_in_the_callers_language() {
    let app = TestApp::spawn_demo().await;
    let token = token_for(&app, "worker.puurs@demo.relais.be");
    let tr = |locale, key: &str| relais_core::i18n::Tr::new(locale).t(key);
    use relais_core::i18n::Locale;
    let ask = |path: &str, lang: &str, auth: bool| {
        let mut request = app.client.get(app.url(path)).header("accept-language", lang);
        if auth {
            request = request.bearer_auth(&token);
        }
        request
    };
    // 401 (no token), 404 (a place that is not there), 409 (an ambiguous area), 400 (a bad page),
    // 404 for a route that does not exist: each in the language asked.
    for (path, auth, status, code, lang, locale) in [
        ("/api/v1/me", false, 401, "unauthorized", "nl-BE", Locale::Nl),
        ("/api/v1/places/00000000-0000-4000-8000-000000000000", false, 404, "not_found", "de", Locale::De),
        ("/api/v1/places?q=nowhere-at-all", false, 404, "unknown_area", "en", Locale::En),
        ("/api/v1/places?q=1000&page=0", false, 400, "bad_request", "fr-BE", Locale::Fr),
        ("/api/v1/no-such-thing", true, 404, "not_found", "nl", Locale::Nl),
    ] {
        let response = ask(path, lang, auth).send().await.unwrap();
        assert_eq!(response.status().as_u16(), status, "{path}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"], code, "{path}: {body}");
        let key = format!("api-error-{}", code.replace('_', "-"));
        assert_eq!(body["message"], tr(locale, &key), "{path}: {body}");
    }
    // A refused request: every field at fault, each with its message in German.
    let bad = serde_json::json!({"organisation": "ocmw-puurs-sint-amands", "themes": [], "autonomy": "nope", "outcome": "solved"});
    let refused = app.client.post(app.url("/api/v1/accompaniments")).bearer_auth(&token).header("accept-language", "de-BE").json(&bad).send().await.unwrap();
    assert_eq!(refused.status(), 422);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body["error"], "invalid");
    assert_eq!(body["message"], tr(Locale::De, "api-error-invalid"));
    let no_theme = body["problems"].as_array().unwrap().iter().find(|p| p["code"] == "log-error-no-theme").expect("the missing theme");
    assert_eq!(no_theme["message"], tr(Locale::De, "log-error-no-theme"));
    // The control character refusal has the same shape.
    let control = ask("/api/v1/places?q=10%0100", "nl", false).send().await.unwrap();
    assert_eq!(control.status(), 400);
    let body: serde_json::Value = control.json().await.unwrap();
    assert_eq!((body["error"].as_str(), body["field"].as_str()), (Some("control_character"), Some("q")));
    assert_eq!(body["message"], tr(Locale::Nl, "error-control-character-text"));
}
