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
    // Redirections are those of the period's requests: never more, and each month too.
    for m in [from.as_str(), month.as_str()] {
        let one: Value = coordinator.get(app.url(&format!("/organisations/cpas-charleroi/reports?from={m}&to={m}&format=json"))).send().await.unwrap().json().await.unwrap();
        let figure = |code: &str| one["headline"].as_array().unwrap().iter().find(|r| r["code"] == code).and_then(|r| r["value"].as_i64()).unwrap_or(0);
        let redirected = one["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == "outcome")
            .and_then(|t| t["rows"].as_array().unwrap().iter().find(|r| r["code"] == "redirected"))
            .and_then(|r| r["value"].as_i64())
            .unwrap_or(0);
        assert!(
            figure("redirections") <= redirected && redirected <= figure("requests"),
            "{m}: {} redirections, {redirected} requests redirected, {} requests",
            figure("redirections"),
            figure("requests")
        );
    }
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
    // A cover sheet, then one sheet per table in the report's order, named by its caption.
    let names = workbook.sheet_names();
    assert_eq!(names[0], "Cover");
    let tables = report["tables"].as_array().unwrap();
    assert_eq!(names.len(), tables.len() + 1);
    let theme_at = tables.iter().position(|t| t["id"] == "theme").unwrap();
    assert_eq!(names[theme_at + 1], "Requests by theme", "the caption, in the language of the session (English since lang=en above)");
    let sheet = workbook.worksheet_range_at(theme_at + 1).unwrap().unwrap();
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
    let cover = workbook.worksheet_range_at(0).unwrap().unwrap();
    assert!(cover.rows().any(|r| r.iter().any(|c| c.to_string().contains(&from))), "the period is on the cover sheet");
    // The yearly activity report.
    let annual = coordinator.get(app.url("/organisations/cpas-charleroi/reports/annual?lang=nl")).send().await.unwrap();
    assert_eq!(annual.status(), 200);
    assert!(annual.text().await.unwrap().contains("Clic Tous Connectés"), "the project it belongs to");

    // The API gives the same report.
    let coordinator_id = relais_organisations::users::find_by_email(&app.db, "coordinator.charleroi@demo.relais.be").await.unwrap().unwrap().id;
    let (_, token) = relais_organisations::tokens::create(&app.db, coordinator_id, "test").await.unwrap();
    let api: Value =
        reqwest::Client::new().get(app.url(&format!("/api/v1/stats?organisation=cpas-charleroi&{query}"))).bearer_auth(&token).send().await.unwrap().json().await.unwrap();
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
                        assert!(n == 0 || n >= 5, "{} {}: {n}", t["id"], r["code"]);
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

/// Headline figures that count no one (hours, moments and workshops held, hours helped, drop-in
/// dates covered or short) or are a rate: they may be small; every other figure counts people or
/// their requests.
const NOT_PEOPLE: [&str; 7] = ["hours", "moments", "workshops", "attendance-rate", "hours-helped", "sessions-covered", "sessions-short"];

/// A figure as shown: `None` when hidden ("< 5") or not measured ("–"), else its value.
fn shown(text: &str) -> Option<i64> {
    let text = text.trim();
    if matches!(text, "< 5" | "&lt; 5" | "&#60; 5" | "<5" | "–") {
        return None;
    }
    Some(text.parse().unwrap_or_else(|_| panic!("a figure, not {text:?}")))
}

fn json_figure(value: &Value) -> Option<i64> {
    match value {
        Value::String(s) => shown(s),
        Value::Number(n) => n.as_i64(),
        Value::Null => None,
        other => panic!("a figure, not {other}"),
    }
}

/// No figure that counts people between 1 and 4.
fn no_small_cell(place: &str, headline: bool, code: &str, figure: Option<i64>) {
    if headline && NOT_PEOPLE.contains(&code) {
        return;
    }
    if let Some(n) = figure {
        assert!(!(1..5).contains(&n), "{place}: {code} = {n}");
    }
}

/// The cells (headline?, code, text) of a report page's tables and charts.
fn page_cells(body: &str) -> Vec<(bool, String, String)> {
    let (before, headline, after) = match body.split_once("<table id=\"headline\">") {
        Some((before, rest)) => {
            let (headline, after) = rest.split_once("</table>").unwrap();
            (before, headline, after)
        }
        None => panic!("a headline table"),
    };
    let mut cells = Vec::new();
    for (is_headline, part) in [(false, before), (true, headline), (false, after)] {
        for row in part.split("<tr>").skip(1) {
            let row = row.split("</tr>").next().unwrap();
            let code = row.split_once("data-code=\"").map(|(_, r)| r.split('"').next().unwrap().to_string()).unwrap_or_default();
            for td in row.split("<td").skip(1) {
                let text = td.split_once('>').unwrap().1.split("</td>").next().unwrap();
                cells.push((is_headline, code.clone(), text.to_string()));
            }
        }
        for value in part.split("class=\"chart-value\">").skip(1) {
            cells.push((false, "chart".into(), value.split("</text>").next().unwrap().to_string()));
        }
    }
    cells
}

/// The partitions of a table's rows whose cells protect each other (a collective moment's age
/// bands, and its genders).
fn partitions(table: &Value) -> Vec<Vec<&Value>> {
    let rows: Vec<&Value> = table["rows"].as_array().unwrap().iter().collect();
    if table["id"] == "moment-people" {
        let (gender, age): (Vec<&Value>, Vec<&Value>) = rows.into_iter().partition(|r| r["code"] == "women" || r["code"] == "men");
        vec![age, gender]
    } else {
        vec![rows]
    }
}

/// Every cell of a report (JSON or API): no small count, and never a lone hidden cell that the
/// others and the total would give away. Returns how many cells are hidden.
fn check_report(place: &str, report: &Value) -> usize {
    assert_eq!(report["suppressed"], true, "{place}");
    let mut hidden = 0;
    for r in report["headline"].as_array().unwrap() {
        for key in ["value", "previous"] {
            no_small_cell(place, true, r["code"].as_str().unwrap(), json_figure(&r[key]));
        }
    }
    for t in report["tables"].as_array().unwrap() {
        for part in partitions(t) {
            for key in ["value", "previous"] {
                let figures: Vec<Option<i64>> = part.iter().map(|r| json_figure(&r[key])).collect();
                for (r, f) in part.iter().zip(&figures) {
                    no_small_cell(&format!("{place} {}", t["id"]), false, r["code"].as_str().unwrap(), *f);
                }
                let hidden_here = figures.iter().filter(|f| f.is_none()).count();
                assert!(hidden_here != 1 || figures.iter().all(|f| f.is_none_or(|n| n == 0)), "{place} {} {key}: a lone hidden cell could be recovered", t["id"]);
                hidden += hidden_here;
            }
        }
    }
    hidden
}

#[tokio::test]
async fn no_report_above_the_organisation_shows_a_count_of_one_to_four_in_any_table_or_format() {
    use calamine::Reader;
    let app = TestApp::spawn_demo().await;
    let (funder, _) = signed_in(&app, "viewer.digilab@demo.relais.be").await;
    let funder_id = relais_organisations::users::find_by_email(&app.db, "viewer.digilab@demo.relais.be").await.unwrap().unwrap().id;
    let (_, token) = relais_organisations::tokens::create(&app.db, funder_id, "test").await.unwrap();
    // The programme covers every project and network (README "Demo group scopes").
    let groups = ["e-inclusion-2022", "digikar", "clic-tous-connectes", "digital-eupen", "informaticiens-publics"];
    // The default twelve months, and each of the last twelve months alone (the December of the
    // issue among them): small cells come from short periods.
    let now = relais_reports::rollup::month_of(time::OffsetDateTime::now_utc());
    let mut months = vec![now.clone()];
    while months.len() < 12 {
        let last = months.last().unwrap().clone();
        months.push(relais_reports::figures::Period { from: last.clone(), to: last }.previous().from);
    }
    let december = months.iter().find(|m| m.ends_with("-12")).unwrap().clone();
    let periods: Vec<String> = std::iter::once(String::new()).chain(months.iter().map(|m| format!("from={m}&to={m}"))).collect();
    let mut hidden = 0;
    for group in groups {
        let scope = format!("/groups/{group}/reports");
        for period in &periods {
            let place = format!("{scope}?{period}");
            let report: Value = funder.get(app.url(&format!("{scope}?{period}&format=json"))).send().await.unwrap().json().await.unwrap();
            hidden += check_report(&format!("{place} json"), &report);
            let api: Value = reqwest::Client::new().get(app.url(&format!("/api/v1/stats?group={group}&{period}"))).bearer_auth(&token).send().await.unwrap().json().await.unwrap();
            check_report(&format!("{place} api"), &api);
            assert_eq!(api["tables"], report["tables"], "{place}: the API and the JSON agree");
            // The other formats render the same report: read them for the default period and
            // the December of the issue.
            if !(period.is_empty() || period.ends_with(&format!("to={december}"))) {
                continue;
            }
            // The page: headline, tables, charts.
            let page = funder.get(app.url(&format!("{scope}?{period}"))).send().await.unwrap().text().await.unwrap();
            let cells = page_cells(&page);
            assert!(!cells.is_empty(), "{place}: cells on the page");
            for (headline, code, text) in cells {
                no_small_cell(&format!("{place} page"), headline, &code, shown(&text));
            }
            // The CSV of every table.
            for t in report["tables"].as_array().unwrap() {
                let id = t["id"].as_str().unwrap();
                let text = funder.get(app.url(&format!("{scope}?{period}&format=csv&table={id}"))).send().await.unwrap().text().await.unwrap();
                let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
                for record in reader.records() {
                    let record = record.unwrap();
                    for column in [2, 3] {
                        no_small_cell(&format!("{place} csv {id}"), false, &record[1], shown(&record[column]));
                    }
                }
            }
            // The workbook, read back: the cover's headline and a sheet per table.
            let bytes = funder.get(app.url(&format!("{scope}?{period}&format=xlsx"))).send().await.unwrap().bytes().await.unwrap().to_vec();
            let mut workbook: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
            let xlsx_figure = |cell: &calamine::Data| match cell {
                calamine::Data::Float(f) => Some(*f as i64),
                calamine::Data::Int(i) => Some(*i),
                calamine::Data::String(s) => shown(s),
                other => panic!("{place}: a figure, not {other:?}"),
            };
            let cover = workbook.worksheet_range_at(0).unwrap().unwrap();
            for (i, r) in report["headline"].as_array().unwrap().iter().enumerate() {
                let row = cover.rows().nth(6 + i).unwrap_or_else(|| panic!("{place}: headline row {i} on the cover"));
                assert_eq!(row[0].to_string(), r["label"].as_str().unwrap());
                no_small_cell(&format!("{place} xlsx cover"), true, r["code"].as_str().unwrap(), xlsx_figure(&row[1]));
            }
            for name in workbook.sheet_names().into_iter().skip(1) {
                let sheet = workbook.worksheet_range(&name).unwrap();
                for row in sheet.rows().skip(2) {
                    for column in [2, 3] {
                        no_small_cell(&format!("{place} xlsx {name}"), false, &row[1].to_string(), xlsx_figure(&row[column]));
                    }
                }
            }
        }
        // The yearly reports of this year and the last.
        for year in [&now[..4], &months[11][..4]] {
            let page = funder.get(app.url(&format!("{scope}/annual?year={year}"))).send().await.unwrap().text().await.unwrap();
            for (headline, code, text) in page_cells(&page) {
                no_small_cell(&format!("{scope}/annual?year={year}"), headline, &code, shown(&text));
            }
        }
    }
    assert!(hidden > 0, "small cells exist in the demo data, and are hidden");

    // The December of the issue: in the programme, the head counts of collective moments by age
    // band came from a single moment.
    let report: Value = funder.get(app.url(&format!("/groups/e-inclusion-2022/reports?from={december}&to={december}&format=json"))).send().await.unwrap().json().await.unwrap();
    if let Some(moments) = report["tables"].as_array().unwrap().iter().find(|t| t["id"] == "moment-people") {
        for r in moments["rows"].as_array().unwrap() {
            assert!(json_figure(&r["value"]).is_none_or(|n| n == 0 || n >= 5), "December {}: {}", r["code"], r["value"]);
        }
    }

    // An organisation's own dashboard still shows its members every figure, small ones included.
    let (coordinator, _) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let mut small_seen = false;
    for m in &months {
        let own: Value = coordinator.get(app.url(&format!("/organisations/cpas-charleroi/reports?from={m}&to={m}&format=json"))).send().await.unwrap().json().await.unwrap();
        assert_eq!(own["suppressed"], false);
        for t in own["tables"].as_array().unwrap() {
            for r in t["rows"].as_array().unwrap() {
                let value = r["value"].as_i64().unwrap_or_else(|| panic!("nothing hidden on the own dashboard: {r}"));
                small_seen |= t["id"] == "moment-people" && (1..5).contains(&value);
            }
        }
    }
    assert!(small_seen, "the organisation sees its own small head counts");
}
