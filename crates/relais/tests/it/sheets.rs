//! Printable sheets end to end: one place, a municipality, a network; a week or a month of actual
//! openings (closures applied) in four languages; the same sheet as a PDF whose text is read back.

use jiff::Timestamp;
use serde_json::Value;

use crate::harness::TestApp;

const LANGUAGES: [&str; 4] = ["fr", "nl", "de", "en"];

/// The heading above the openings, in each language (`place-schedule`).
fn schedule_heading(lang: &str) -> &'static str {
    match lang {
        "fr" => "Permanences",
        "nl" => "Spreekuren",
        "de" => "Sprechstunden",
        _ => "Drop-in sessions",
    }
}

/// The first demo place of a postcode, from the API (Charleroi-Centre for 6000).
async fn first_place(app: &TestApp, postcode: &str) -> Value {
    let text = app.get(&format!("/api/v1/places?postcode={postcode}")).await.text().await.unwrap();
    let found: Value = serde_json::from_str(&text).unwrap();
    found["places"][0].clone()
}

async fn page(app: &TestApp, path: &str) -> (u16, String) {
    let response = app.get(path).await;
    (response.status().as_u16(), response.text().await.unwrap())
}

/// The text of the openings' lists only (not the closures or the rest of the page).
fn openings_of(body: &str) -> String {
    body.split("<ul class=\"sheet-days\">").skip(1).map(|part| part.split("</ul>").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

fn days_in(body: &str) -> usize {
    openings_of(body).matches("<li>").count()
}

/// `HH:MM` of an RFC 3339 instant, in Brussels.
fn brussels_hhmm(instant: &str) -> String {
    let t: Timestamp = instant.parse().unwrap();
    t.to_zoned(jiff::tz::TimeZone::get("Europe/Brussels").unwrap()).strftime("%H:%M").to_string()
}

/// The PDF's text, as a reader extracts it.
fn pdf_text(bytes: &[u8]) -> String {
    let document = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    assert!(!pages.is_empty(), "the PDF has pages");
    document.extract_text(&pages).expect("the PDF's text can be extracted")
}

#[tokio::test]
async fn a_place_sheet_shows_its_phone_and_next_opening_in_four_languages() {
    let app = TestApp::spawn_demo().await;
    let place = first_place(&app, "6000").await;
    let id = place["id"].as_str().unwrap();
    assert!(place["name"].as_str().unwrap().contains("Charleroi-Centre"));
    let phone = place["phone"].as_str().unwrap();
    let next = &place["next_opening"];
    let hours = format!("{}–{}", brussels_hhmm(next["start"].as_str().unwrap()), brussels_hhmm(next["end"].as_str().unwrap()));
    let within_a_week = next["start"].as_str().unwrap().parse::<Timestamp>().unwrap() < Timestamp::now() + jiff::SignedDuration::from_hours(6 * 24);
    for lang in LANGUAGES {
        let (status, body) = page(&app, &format!("/places/{id}/sheet?lang={lang}")).await;
        assert_eq!(status, 200, "[{lang}]");
        assert!(body.contains(&format!("<html lang=\"{lang}\"")), "[{lang}]");
        assert!(body.contains("class=\"sheet-phone\"") && body.contains(phone), "[{lang}] the phone number, large:\n{body}");
        assert!(body.contains(schedule_heading(lang)), "[{lang}] in the reader's language");
        assert!(body.contains("Boulevard Tirou 1, 6000 Charleroi"), "[{lang}] the address");
        if within_a_week {
            assert!(openings_of(&body).contains(&hours), "[{lang}] the next opening {hours}:\n{}", openings_of(&body));
        }
        // The PDF is offered, in the same language.
        let unescaped = body.replace("&#38;", "&").replace("&amp;", "&");
        assert!(unescaped.contains(&format!("href=\"/places/{id}/sheet?period=week&format=pdf&lang={lang}\"")), "[{lang}] the PDF link");
    }
    // The place page links to its sheet and its PDF.
    let (_, body) = page(&app, &format!("/places/{id}?lang=en")).await;
    assert!(body.contains(&format!("href=\"/places/{id}/sheet\"")) && body.contains(&format!("/places/{id}/sheet?format=pdf")), "{body}");
}

#[tokio::test]
async fn the_municipality_sheet_lists_its_places_and_the_network_sheet_its_members_places() {
    let app = TestApp::spawn_demo().await;
    let (status, body) = page(&app, "/sheets/municipality/52011?lang=fr").await;
    assert_eq!(status, 200);
    assert!(body.contains("Aide numérique à Charleroi"), "{body}");
    for name in ["Charleroi-Centre", "Marcinelle", "Gosselies", "Jumet", "Montignies"] {
        assert!(body.contains(name), "Charleroi's sheet lists {name}");
    }
    assert_eq!(body.matches("<section class=\"sheet-place\"").count(), 5);
    assert!(!body.contains("Molenbeek") && !body.contains("Eupen"));
    // Sorted by next opening (default) or by name.
    let (_, by_name) = page(&app, "/sheets/municipality/52011?lang=fr&sort=name").await;
    let order: Vec<usize> = [
        "Antenne sociale de Marcinelle",
        "Bibliothèque de Gosselies",
        "Espace citoyen de Jumet",
        "Espace public numérique de Charleroi-Centre",
        "Maison de quartier de Montignies",
    ]
    .iter()
    .map(|n| by_name.find(n).unwrap_or_else(|| panic!("{n}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "by name: {order:?}");

    for lang in LANGUAGES {
        let (status, body) = page(&app, &format!("/sheets/network/informaticiens-publics?lang={lang}")).await;
        assert_eq!(status, 200, "[{lang}]");
        // Molenbeek, Schaerbeek (Maison de quartier Nord), Bruxelles-Centre, Anderlecht, Ixelles.
        for phone in ["+32 2 000 00 10", "+32 2 000 00 11", "+32 2 000 00 12", "+32 2 000 00 13", "+32 2 000 00 14"] {
            assert!(body.contains(phone), "[{lang}] the network's sheet lists the place of {phone}");
        }
        assert_eq!(body.matches("<section class=\"sheet-place\"").count(), 5, "[{lang}]");
        assert!(!body.contains("Charleroi") && !body.contains("Puurs"), "[{lang}] only the network's organisations");
    }
    // A project is a sheet too; a programme is not.
    assert_eq!(page(&app, "/sheets/network/digikar").await.0, 200);
    assert_eq!(page(&app, "/sheets/network/e-inclusion-2022").await.0, 404);
}

#[tokio::test]
async fn a_month_shows_more_days_than_a_week_and_closures_are_no_openings() {
    let app = TestApp::spawn_demo().await;
    let place = first_place(&app, "6000").await;
    let id = place["id"].as_str().unwrap();
    let (_, week) = page(&app, &format!("/places/{id}/sheet?lang=en")).await;
    let (_, month) = page(&app, &format!("/places/{id}/sheet?period=month&lang=en")).await;
    assert!((1..=7).contains(&days_in(&week)), "a week: {}", days_in(&week));
    assert!(days_in(&month) > days_in(&week), "a month ({}) shows more days than a week ({})", days_in(&month), days_in(&week));
    assert!(month.contains("aria-current=\"page\">This month<"), "the chosen period is said in words, not colour");

    // The Christmas closure (24 Dec – 1 Jan) of Charleroi-Centre (Monday, Wednesday, Friday).
    let (_, body) = page(&app, &format!("/places/{id}/sheet?from=2026-12-21&lang=en")).await;
    let openings = openings_of(&body);
    assert!(openings.contains("Monday 21 Dec") && openings.contains("Wednesday 23 Dec"), "{openings}");
    assert!(!openings.contains("Friday 25 Dec"), "closed on Friday 25 Dec:\n{openings}");
    assert!(body.contains("Thursday 24 Dec – Friday 1 Jan"), "the closure is listed:\n{body}");
    assert!(body.contains("Closed — Congés de fin d"));
    let (_, body) = page(&app, &format!("/places/{id}/sheet?from=2026-12-21&period=month&lang=en")).await;
    let openings = openings_of(&body);
    for closed in ["Friday 25 Dec", "Monday 28 Dec", "Wednesday 30 Dec", "Friday 1 Jan"] {
        assert!(!openings.contains(closed), "{closed} is closed:\n{openings}");
    }
    assert!(openings.contains("Monday 4 Jan") && openings.contains("Friday 8 Jan"), "open again after the break:\n{openings}");
}

#[tokio::test]
async fn the_pdf_holds_the_same_text_in_the_readers_language() {
    let app = TestApp::spawn_demo().await;
    let place = first_place(&app, "6000").await;
    let id = place["id"].as_str().unwrap();
    let phone = place["phone"].as_str().unwrap();
    let response = app.get(&format!("/places/{id}/sheet?format=pdf&period=month&lang=fr")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let disposition = response.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(disposition.starts_with("attachment; filename=\"relais-espace-public-numerique-de-charleroi-centre-demo-month-") && disposition.ends_with(".pdf\""), "{disposition}");
    let bytes = response.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    let text = pdf_text(&bytes);
    for expected in [phone, "Espace public numérique de Charleroi-Centre", "Boulevard Tirou 1, 6000 Charleroi", "Permanences", "Téléphone"] {
        assert!(text.contains(expected), "the PDF holds {expected:?}:\n{text}");
    }

    // A network's month: several pages, every place, German words with their umlauts.
    let response = app.get("/sheets/network/informaticiens-publics?format=pdf&period=month&lang=de").await;
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap();
    let text = pdf_text(&bytes);
    for expected in ["Digitale Hilfe: ", "Molenbeek", "Anderlecht", "Ixelles", "+32 2 000 00 10", "Sprechstunden", "Kostenlose Hilfe bei Online-Behördengängen"] {
        assert!(text.contains(expected), "the network's PDF holds {expected:?}:\n{text}");
    }
    assert!(lopdf::Document::load_mem(&bytes).unwrap().get_pages().len() >= 2, "a month of five places takes more than one page");

    // The municipality's, in Dutch.
    let response = app.get("/sheets/municipality/52011?format=pdf&lang=nl").await;
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let text = pdf_text(&response.bytes().await.unwrap());
    assert!(text.contains("Digitale hulp in Charleroi") && text.contains("+32 71 00 00 05"), "{text}");
}

#[tokio::test]
async fn unknown_places_municipalities_and_networks_are_not_found() {
    let app = TestApp::spawn_demo().await;
    for path in [
        "/places/00000000-0000-0000-0000-000000000000/sheet",
        "/places/not-an-id/sheet",
        "/places/00000000-0000-0000-0000-000000000000/sheet?format=pdf",
        "/sheets/municipality/99999",
        "/sheets/municipality/99999?format=pdf",
        "/sheets/network/no-such-network",
        "/sheets/network/cpas-charleroi",
        "/sheets/network/no-such-network?format=pdf",
    ] {
        assert_eq!(page(&app, path).await.0, 404, "{path}");
    }
    // Odd parameters are ignored, never an error.
    let (status, body) = page(&app, "/sheets/municipality/52011?period=year&from=yesterday&sort=size").await;
    assert_eq!(status, 200);
    assert!(body.contains("<section class=\"sheet-place\""));
}
