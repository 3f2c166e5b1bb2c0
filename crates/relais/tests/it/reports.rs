//! Reports: the same figures on the dashboard, in the CSV, the JSON and the API, equal to a count
//! of the raw rows; small cells hidden above the organisation; roll-ups follow new requests.

use std::collections::BTreeMap;

use serde_json::Value;
use uuid::Uuid;

use crate::harness::{TestApp, signed_in};

/// The requests of an organisation started within the period, counted from the raw rows.
async fn raw_counts(app: &TestApp, organisation: Uuid, from: &str, to: &str) -> (i64, BTreeMap<String, i64>, BTreeMap<String, i64>) {
    let (start, _) = relais_reports::rollup::month_bounds(from).unwrap();
    let (_, end) = relais_reports::rollup::month_bounds(to).unwrap();
    let rows: Vec<(String, String)> = relais_core::on_db!(&app.db, pool => sqlx::query_as(
        "SELECT themes, outcome FROM accompaniments WHERE organisation_id = $1 AND started_at >= $2 AND started_at < $3",
    )
    .bind(organisation)
    .bind(start)
    .bind(end)
    .fetch_all(pool)
    .await)
    .unwrap();
    let mut themes = BTreeMap::new();
    let mut outcomes = BTreeMap::new();
    for (t, o) in &rows {
        for theme in t.split_whitespace() {
            *themes.entry(theme.to_string()).or_insert(0) += 1;
        }
        *outcomes.entry(o.clone()).or_insert(0) += 1;
    }
    (rows.len() as i64, themes, outcomes)
}

fn table<'a>(report: &'a Value, id: &str) -> &'a Vec<Value> {
    report["tables"].as_array().unwrap().iter().find(|t| t["id"] == id).unwrap_or_else(|| panic!("table {id}"))["rows"].as_array().unwrap()
}

fn by_code(rows: &[Value]) -> BTreeMap<String, Value> {
    rows.iter().map(|r| (r["code"].as_str().unwrap().to_string(), r["value"].clone())).collect()
}

#[tokio::test]
async fn the_figures_agree_on_the_page_in_the_csv_the_json_the_api_and_with_the_raw_rows() {
    let app = TestApp::spawn_demo().await;
    let charleroi = relais_organisations::organisations::find_by_slug(&app.db, "cpas-charleroi").await.unwrap().unwrap().id;
    let (coordinator, csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    // One more request now: the roll-up follows.
    let id = Uuid::new_v4().to_string();
    let form = [("csrf", csrf.as_str()), ("id", &id), ("at", "phone"), ("themes", "pension"), ("themes", "email"), ("autonomy", "done-with"), ("outcome", "solved")];
    assert_eq!(coordinator.post(app.url("/organisations/cpas-charleroi/log")).form(&form).send().await.unwrap().status(), 303);

    let month = relais_reports::rollup::month_of(time::OffsetDateTime::now_utc());
    let from = relais_reports::figures::Period { from: month.clone(), to: month.clone() }.previous().from;
    let from = (0..10).fold(from, |m, _| relais_reports::figures::Period { from: m.clone(), to: m }.previous().from);
    let query = format!("from={from}&to={month}");
    let report: Value = coordinator.get(app.url(&format!("/organisations/cpas-charleroi/reports?{query}&format=json"))).send().await.unwrap().json().await.unwrap();
    assert_eq!((report["period"]["from"].as_str().unwrap(), report["period"]["to"].as_str().unwrap()), (from.as_str(), month.as_str()));

    let (total, themes, outcomes) = raw_counts(&app, charleroi, &from, &month).await;
    assert!(total > 300, "a year of demo activity: {total}");
    let headline: BTreeMap<String, Value> = report["headline"].as_array().unwrap().iter().map(|r| (r["code"].as_str().unwrap().to_string(), r["value"].clone())).collect();
    assert_eq!(headline["requests"], total);
    let theme_rows = by_code(table(&report, "theme"));
    assert_eq!(theme_rows.len(), themes.len());
    for (theme, n) in &themes {
        assert_eq!(theme_rows[theme], *n, "{theme}");
    }
    for (outcome, n) in &outcomes {
        assert_eq!(by_code(table(&report, "outcome"))[outcome], *n, "{outcome}");
    }
    // Diagnostics and workshops, against their raw rows: every finished diagnostic of the
    // period counted once per area, participants as the booked registrations.
    let (start, end) = relais_reports::figures::Period { from: from.clone(), to: month.clone() }.bounds().unwrap();
    let diagnostics: Vec<_> = relais_diagnostics::diagnostics::of_organisation(&app.db, charleroi, 10_000)
        .await
        .unwrap()
        .into_iter()
        .filter(|d| d.finished_at.is_some_and(|f| f >= start && f < end))
        .collect();
    assert!(diagnostics.len() >= 10, "demo diagnostics: {}", diagnostics.len());
    assert_eq!(headline["diagnostics"], diagnostics.len() as i64);
    for area in relais_diagnostics::framework::AREAS {
        let rows = by_code(table(&report, &format!("level-{}", area.code())));
        for level in 0..5u8 {
            let raw = diagnostics.iter().filter(|d| d.result_of(area).is_some_and(|r| r.level == level)).count() as i64;
            assert_eq!(rows.get(&level.to_string()).cloned().unwrap_or(Value::from(0)), raw, "{area:?} level {level}");
        }
    }
    let workshops = relais_diagnostics::workshops::of_organisation(&app.db, charleroi, start, 1000).await.unwrap();
    let booked: i64 = workshops.iter().filter(|w| !w.cancelled && w.starts_at < end).map(|w| w.booked).sum();
    assert_eq!(headline["participants"], booked);
    assert!(!table(&report, "demand").is_empty(), "the demand waiting");
    // the demo took attendance at last week's workshop: a rate, in percent
    let rate = headline["attendance-rate"].as_i64().expect("an attendance rate");
    assert!((0..=100).contains(&rate));
    // The page shows the same total; the CSV of a table has the same cells.
    let page = coordinator.get(app.url(&format!("/organisations/cpas-charleroi/reports?{query}&lang=en"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains(&format!("<td data-code=\"requests\">{total}</td>")), "headline on the page");
    assert!(page.contains("<svg class=\"chart\"") && page.contains("role=\"img\""));
    let csv_text = coordinator.get(app.url(&format!("/organisations/cpas-charleroi/reports?{query}&format=csv&table=theme"))).send().await.unwrap().text().await.unwrap();
    let mut reader = csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let from_csv: BTreeMap<String, i64> = reader.records().map(|r| r.unwrap()).map(|r| (r[1].to_string(), r[2].parse().unwrap())).collect();
    assert_eq!(from_csv, themes);
    // The XLSX, read back by an independent reader (calamine): the same figures, as numbers.
    let xlsx = coordinator.get(app.url(&format!("/organisations/cpas-charleroi/reports?{query}&format=xlsx"))).send().await.unwrap();
    assert_eq!(xlsx.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    let bytes = xlsx.bytes().await.unwrap().to_vec();
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    use calamine::Reader;
    let names = workbook.sheet_names();
    assert_eq!(names[0], "cover");
    assert!(names.iter().any(|n| n == "theme") && names.iter().any(|n| n == "outcome"));
    let sheet = workbook.worksheet_range("theme").unwrap();
    let mut from_xlsx = BTreeMap::new();
    for row in sheet.rows().skip(2) {
        let code = row[1].to_string();
        let value = match &row[2] {
            calamine::Data::Float(f) => *f as i64,
            calamine::Data::Int(i) => *i,
            other => panic!("a number, not {other:?}"),
        };
        from_xlsx.insert(code, value);
    }
    assert_eq!(from_xlsx, themes);
    let cover = workbook.worksheet_range("cover").unwrap();
    assert!(cover.rows().any(|r| r.iter().any(|c| c.to_string().contains(&from))), "the period is on the cover sheet");
    // The yearly activity report.
    let annual = coordinator.get(app.url("/organisations/cpas-charleroi/reports/annual?lang=nl")).send().await.unwrap();
    assert_eq!(annual.status(), 200);
    assert!(annual.text().await.unwrap().contains("Clic Tous Connectés"), "the project it belongs to");

    // The API gives the same report.
    let coordinator_id = relais_organisations::users::find_by_email(&app.db, "coordinator.charleroi@demo.relais.be").await.unwrap().unwrap().id;
    let (_, token) = relais_organisations::tokens::create(&app.db, coordinator_id, "test").await.unwrap();
    let api: Value = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/stats?organisation=cpas-charleroi&{query}")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(api["headline"], report["headline"]);
    assert_eq!(api["tables"], report["tables"]);
    // Another organisation's figures are not reachable.
    assert_eq!(reqwest::Client::new().get(app.url(&format!("/api/v1/stats?organisation=oeshz-eupen&{query}"))).bearer_auth(&token).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn a_programme_viewer_sees_aggregates_only_never_a_small_cell() {
    let app = TestApp::spawn_demo().await;
    let (funder, _) = signed_in(&app, "viewer.digilab@demo.relais.be").await;
    let report: Value = funder.get(app.url("/groups/e-inclusion-2022/reports?format=json")).send().await.unwrap().json().await.unwrap();
    assert_eq!(report["suppressed"], true);
    let mut hidden = 0;
    for t in report["tables"].as_array().unwrap() {
        let rows = t["rows"].as_array().unwrap();
        let mut hidden_here = 0;
        for r in rows {
            for key in ["value", "previous"] {
                match &r[key] {
                    Value::String(s) => assert_eq!(s, "<5"),
                    Value::Number(n) => {
                        let n = n.as_i64().unwrap();
                        assert!(n == 0 || n >= 5 || t["id"] == "moment-people", "{} {}: {n}", t["id"], r["code"]);
                    }
                    other => panic!("{other}"),
                }
            }
            if r["value"] == "<5" {
                hidden_here += 1;
            }
        }
        assert_ne!(hidden_here, 1, "a lone hidden cell in {} could be recovered", t["id"]);
        hidden += hidden_here;
    }
    let _ = hidden;
    // No person: no pseudonym of the demo appears anywhere.
    let page = funder.get(app.url("/groups/e-inclusion-2022/reports")).send().await.unwrap().text().await.unwrap();
    for pseudonym in ["Marie D.", "Ahmed B.", "Josiane", "Nadia K."] {
        assert!(!page.contains(pseudonym), "{pseudonym}");
    }
    assert!(page.contains("class=\"notice\""), "the suppression is explained");
    let annual = funder.get(app.url("/groups/e-inclusion-2022/reports/annual")).send().await.unwrap();
    assert_eq!(annual.status(), 200);
    let annual = annual.text().await.unwrap();
    assert!(annual.contains("CPAS de Charleroi (démo)") && !annual.contains("Marie D."), "partners named, no person");
    // A scope opens no organisation's figures; a volunteer does not read the organisation's.
    assert_eq!(funder.get(app.url("/organisations/cpas-charleroi/reports")).send().await.unwrap().status(), 404);
    let (volunteer, _) = signed_in(&app, "volunteer.charleroi@demo.relais.be").await;
    assert_eq!(volunteer.get(app.url("/organisations/cpas-charleroi/reports")).send().await.unwrap().status(), 403);
    let (viewer, _) = signed_in(&app, "viewer.charleroi@demo.relais.be").await;
    assert_eq!(viewer.get(app.url("/organisations/cpas-charleroi/reports")).send().await.unwrap().status(), 200);
    // Bad periods: a clear message, the default period, no error.
    let odd = viewer.get(app.url("/organisations/cpas-charleroi/reports?from=yesterday&to=2026-13&lang=en")).send().await.unwrap();
    assert_eq!(odd.status(), 200);
    assert!(odd.text().await.unwrap().contains("role=\"alert\""));
}
