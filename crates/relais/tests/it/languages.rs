//! Every word in the page's language, data and feeds included: the pages, feeds and exports of
//! the German-speaking (Eupen) and the Dutch-speaking (Puurs) demo organisations hold no word of
//! another language. The dictionary is the other languages' locale files: a word of six letters
//! or more found there and not in the page's own locale is foreign.

use std::collections::BTreeSet;

use relais_core::i18n::Locale;

use crate::harness::{TestApp, signed_in};

fn locale_files(code: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales").join(code);
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        text.push_str(&std::fs::read_to_string(entry.path()).unwrap());
        text.push('\n');
    }
    text
}

/// The words of a locale's messages (values only: no keys, no `{ $variables }`).
fn words_of_locale(code: &str) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for line in locale_files(code).lines() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        let value = match line.split_once(" = ") {
            Some((key, value)) if !key.starts_with(' ') => value,
            _ if line.starts_with(' ') => line,
            _ => continue,
        };
        let mut clean = String::new();
        let mut depth = 0;
        for c in value.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ if depth == 0 => clean.push(c),
                _ => {}
            }
        }
        words.extend(words_in(&clean));
    }
    words
}

/// Words of six letters or more, lowercased (soft hyphens removed); addresses (`a@b.be`,
/// `https://…`) and identifiers (`member.list_viewed`, `csam-eid`) are not words.
fn words_in(text: &str) -> Vec<String> {
    let text = text.replace('\u{ad}', "");
    let kept: Vec<&str> =
        text.split_whitespace().filter(|t| !t.contains('@') && !t.contains("://") && !t.trim_matches(|c: char| !c.is_alphanumeric()).contains(['.', '_'])).collect();
    kept.join(" ").split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 6).map(str::to_lowercase).collect()
}

/// What a reader sees of a page: its text without tags, scripts or styles; the language
/// switcher (each language names itself) left out.
fn visible_text(html: &str) -> String {
    let html = match (html.find("<nav class=\"languages\""), html.find("</nav>")) {
        (Some(start), Some(end)) if end > start => format!("{}{}", &html[..start], &html[end..]),
        _ => html.to_string(),
    };
    let mut out = String::new();
    let mut rest = html.as_str();
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        out.push(' ');
        let tail = &rest[start..];
        let skip_to = ["<script", "<style"].iter().find(|t| tail.starts_with(**t)).map(|t| format!("</{}>", &t[1..]));
        rest = match skip_to {
            Some(close) => tail.find(&close).map_or("", |i| &tail[i + close.len()..]),
            None => tail.find('>').map_or("", |i| &tail[i + 1..]),
        };
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ").replace("&#39;", "'").replace("&amp;", "&")
}

/// What a calendar app shows of a feed: its name and each event's summary, place and
/// description (unfolded), not the protocol's own words (`METHOD:PUBLISH`, `FREQ=YEARLY`).
fn calendar_text(ics: &str) -> String {
    let unfolded = ics.replace("\r\n ", "");
    unfolded
        .lines()
        .filter_map(|l| ["SUMMARY:", "LOCATION:", "DESCRIPTION:", "X-WR-CALNAME:"].iter().find_map(|p| l.strip_prefix(p)))
        .map(|v| v.replace("\\,", ",").replace("\\;", ";").replace("\\n", " "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A report table's CSV without its code column (codes are for pivot tables, in no language).
fn without_code_column(csv: &str) -> String {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).delimiter(b',').flexible(true).from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    reader.records().flatten().map(|r| r.iter().enumerate().filter(|(i, _)| *i != 1).map(|(_, c)| c.to_string()).collect::<Vec<_>>().join(" ")).collect::<Vec<_>>().join("\n")
}

/// What a spreadsheet shows of a report's XLSX: each sheet's name and cells, without the code
/// column of the tables (the cover sheet has none).
fn workbook_text(bytes: Vec<u8>) -> String {
    use calamine::Reader;
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    for (index, name) in workbook.sheet_names().into_iter().enumerate() {
        text.push_str(&name);
        text.push('\n');
        for row in workbook.worksheet_range(&name).unwrap().rows() {
            for (column, cell) in row.iter().enumerate() {
                if index == 0 || column != 1 {
                    text.push_str(&cell.to_string());
                    text.push(' ');
                }
            }
            text.push('\n');
        }
    }
    text
}

/// The foreign words of `text` for a reader of `locale`.
/// (Each language named in itself, as a language choice shows it, is no foreign word.)
fn foreign(text: &str, own: &BTreeSet<String>, others: &BTreeSet<String>) -> BTreeSet<String> {
    let endonyms: Vec<String> = Locale::ALL.iter().map(|l| l.endonym().to_lowercase()).collect();
    words_in(text).into_iter().filter(|w| others.contains(w) && !own.contains(w) && !endonyms.contains(w)).collect()
}

#[tokio::test]
async fn the_german_and_dutch_organisations_pages_feeds_and_exports_hold_no_other_language() {
    let app = TestApp::spawn_demo().await;
    let mut problems = Vec::new();
    for (slug, coordinator, locale) in [("oeshz-eupen", "coordinator.eupen@demo.relais.be", Locale::De), ("ocmw-puurs-sint-amands", "coordinator.puurs@demo.relais.be", Locale::Nl)]
    {
        let lang = locale.code();
        let own = words_of_locale(lang);
        // Words shared by every language (brands, names) are no one's.
        let others: BTreeSet<String> = Locale::ALL.iter().filter(|l| **l != locale).flat_map(|l| words_of_locale(l.code())).collect();
        let organisation = relais_organisations::organisations::find_by_slug(&app.db, slug).await.unwrap().unwrap();
        let places = relais_directory::places::places_of(&app.db, organisation.id).await.unwrap();
        let (client, _) = signed_in(&app, coordinator).await;
        // The public pages and feeds of its places (with and without the page's language: a
        // calendar app asks without one), its municipality's calendar.
        let mut paths = Vec::new();
        for place in places.iter().filter(|p| p.published) {
            paths.push(format!("/places/{}?lang={lang}", place.id));
            paths.push(format!("/places/{}/sheet?lang={lang}", place.id));
            paths.push(format!("/places/{}.ics?lang={lang}", place.id));
            paths.push(format!("/places/{}.ics", place.id));
            paths.push(format!("/feeds/municipality/{}.ics", place.municipality_nis));
        }
        for unit in relais_directory::units::of_organisation(&app.db, organisation.id).await.unwrap() {
            paths.push(format!("/units/{}?lang={lang}", unit.id));
            paths.push(format!("/units/{}.ics", unit.id));
        }
        // Its workshops' public pages and calendar files.
        for w in relais_diagnostics::workshops::of_organisation(&app.db, organisation.id, time::OffsetDateTime::now_utc(), 5).await.unwrap() {
            paths.push(format!("/workshops/{}?lang={lang}", w.id));
            paths.push(format!("/workshops/{}.ics?lang={lang}", w.id));
        }
        // Its own pages and exports, for its coordinator.
        for page in
            ["", "/places", "/members", "/requests", "/people", "/redirections", "/referral-targets", "/signals", "/moments", "/workshops", "/reports", "/reports/annual", "/audit"]
        {
            paths.push(format!("/organisations/{slug}{page}?lang={lang}"));
        }
        paths.push(format!("/organisations/{slug}/audit.csv?lang={lang}"));
        for table in ["theme", "outcome", "autonomy", "online-service", "place"] {
            paths.push(format!("/organisations/{slug}/reports?format=csv&table={table}&lang={lang}"));
        }
        paths.push(format!("/organisations/{slug}/reports?format=xlsx&lang={lang}"));
        for path in paths {
            let response = client.get(app.url(&path)).send().await.unwrap();
            assert_eq!(response.status(), 200, "{path}");
            if path.contains("format=xlsx") {
                let found = foreign(&workbook_text(response.bytes().await.unwrap().to_vec()), &own, &others);
                if !found.is_empty() {
                    problems.push(format!("{path}: {found:?}"));
                }
                continue;
            }
            let body = response.text().await.unwrap();
            let text = if path.contains(".ics") {
                calendar_text(&body)
            } else if path.contains("format=csv") {
                without_code_column(&body)
            } else if path.contains(".csv") {
                body
            } else {
                visible_text(&body)
            };
            let found = foreign(&text, &own, &others);
            if !found.is_empty() {
                problems.push(format!("{path}: {found:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "words of another language:\n{}", problems.join("\n"));
}
