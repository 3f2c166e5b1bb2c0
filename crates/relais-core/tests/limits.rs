//! Every text field of every page has a server-side limit and a `maxlength` no larger than it:
//! this test reads every template of the workspace (see `relais_core::web::limits`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use std::path::{Path, PathBuf};

use relais_core::web::limits;

fn templates() -> Vec<PathBuf> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&crates).unwrap().flatten() {
        let dir = entry.path().join("templates");
        if let Ok(read) = std::fs::read_dir(&dir) {
            files.extend(read.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "html")));
        }
    }
    files.sort();
    files
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[start..].split('"').next()
}

/// A template expression in a name stands for a language code (`name_{{ l.code }}` → `name_fr`).
fn field_name(raw: &str) -> String {
    let mut out = String::new();
    let mut rest = raw;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        out.push_str("fr");
        rest = rest[start..].find("}}").map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out
}

#[test]
fn every_text_field_has_a_server_limit_and_a_maxlength_within_it() {
    let mut problems = Vec::new();
    let mut fields = 0;
    for file in templates() {
        let text = std::fs::read_to_string(&file).unwrap();
        let where_ = file.file_name().unwrap().to_string_lossy().to_string();
        for (element, open) in [("input", "<input"), ("textarea", "<textarea")] {
            for piece in text.split(open).skip(1) {
                let tag = format!(" {}", piece.split('>').next().unwrap_or(""));
                let kind = attribute(&tag, "type").unwrap_or(if element == "textarea" { "textarea" } else { "text" });
                if matches!(kind, "hidden" | "checkbox" | "radio" | "submit" | "number" | "date" | "time" | "month" | "file") {
                    continue;
                }
                let Some(name) = attribute(&tag, "name") else { continue };
                let name = field_name(name);
                fields += 1;
                let Some(limit) = limits::limit_of(&name) else {
                    problems.push(format!("{where_}: \"{name}\" has no limit in relais_core::web::limits::LIMITS"));
                    continue;
                };
                match attribute(&tag, "maxlength").map(str::parse::<usize>) {
                    Some(Ok(max)) if max <= limit => {}
                    Some(_) => problems.push(format!("{where_}: \"{name}\" has a maxlength above its limit {limit}")),
                    None => problems.push(format!("{where_}: \"{name}\" has no maxlength (its limit is {limit})")),
                }
            }
        }
    }
    assert!(fields > 40, "only {fields} text fields found: is the parsing right?");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
