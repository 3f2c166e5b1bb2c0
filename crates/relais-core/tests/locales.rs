//! Every user-visible string lives in Fluent files, in four languages. This test fails when a key
//! is missing in a locale, when a key is never used by the code or templates, or when the code
//! asks for a key that no locale defines.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use std::{
    collections::{BTreeMap, BTreeSet},
    path::{Path, PathBuf},
};

use relais_core::i18n::{FluentArg, Locale, Tr};

/// Every `$variable` used in any message, each given a sample value, so that messages with
/// variables resolve in the checks below.
fn sample_args() -> Vec<(&'static str, FluentArg)> {
    let mut files = Vec::new();
    files_under(&workspace().join("locales"), &["ftl"], &mut files);
    let mut names = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for piece in text.split('$').skip(1) {
            let name: String = piece.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect();
            if !name.is_empty() {
                names.insert(name);
            }
        }
    }
    names.into_iter().map(|n| (&*Box::leak(n.into_boxed_str()), FluentArg::Number(2.0))).collect()
}

fn text(tr: &Tr, key: &str, args: &[(&'static str, FluentArg)]) -> String {
    tr.t_args(key, args)
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files_under(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, extensions, out);
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e)) {
            out.push(path);
        }
    }
}

/// Message identifiers defined in one locale's `.ftl` files.
fn keys_of(locale: &str) -> BTreeSet<String> {
    let mut files = Vec::new();
    files_under(&workspace().join("locales").join(locale), &["ftl"], &mut files);
    assert!(!files.is_empty(), "no .ftl files for {locale}");
    let mut keys = BTreeSet::new();
    for file in files {
        for line in std::fs::read_to_string(&file).unwrap().lines() {
            let Some((id, _)) = line.split_once('=') else { continue };
            let id = id.trim_end();
            if !id.is_empty() && id.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                assert!(keys.insert(id.to_string()), "{id} defined twice in {locale}");
            }
        }
    }
    keys
}

/// The text of every Rust source and template of the workspace.
fn sources() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    files_under(&workspace().join("crates"), &["rs", "html", "txt", "js"], &mut files);
    files
        .into_iter()
        .filter(|p| !p.components().any(|c| c.as_os_str() == "tests"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect()
}

#[test]
fn every_locale_has_every_key_and_every_key_loads() {
    let all: BTreeMap<&str, BTreeSet<String>> = Locale::ALL.iter().map(|l| (l.code(), keys_of(l.code()))).collect();
    let union: BTreeSet<String> = all.values().flatten().cloned().collect();
    let mut problems = Vec::new();
    for (code, keys) in &all {
        for missing in union.difference(keys) {
            problems.push(format!("{code}: missing {missing}"));
        }
    }
    // Every file parses as Fluent (a syntax error would silently drop messages).
    let mut files = Vec::new();
    files_under(&workspace().join("locales"), &["ftl"], &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        if let Err((_, errors)) = fluent_templates::fluent_bundle::FluentResource::try_new(text) {
            problems.push(format!("{}: {errors:?}", file.display()));
        }
    }
    // And every key resolves in every language (messages with variables are checked above).
    let args = sample_args();
    for locale in Locale::ALL {
        let tr = Tr::new(locale);
        for key in &all[locale.code()] {
            if text(&tr, key, &args) == *key {
                problems.push(format!("{}: {key} does not resolve", locale.code()));
            }
        }
    }
    assert!(problems.is_empty(), "locale problems:\n{}", problems.join("\n"));
}

#[test]
fn every_key_is_used_and_every_used_key_exists() {
    let keys = keys_of("fr");
    let sources = sources();
    let unused: Vec<&String> = keys
        .iter()
        .filter(|key| {
            let quoted = format!("\"{key}\"");
            !sources.iter().any(|(_, text)| text.contains(&quoted))
        })
        .collect();
    assert!(unused.is_empty(), "keys defined but never used: {unused:?}");

    let mut unknown = Vec::new();
    for (path, text) in &sources {
        for pattern in [".t(\"", "t_args(\""] {
            for piece in text.split(pattern).skip(1) {
                let key = &piece[..piece.find('"').unwrap_or(0)];
                if !key.is_empty() && !keys.contains(key) {
                    unknown.push(format!("{}: {key}", path.display()));
                }
            }
        }
    }
    assert!(unknown.is_empty(), "keys used but not defined: {unknown:?}");
}

#[test]
fn translations_are_not_left_in_french() {
    // Proper names (itsme, MyPension) are the same everywhere, but whole sentences are not.
    let fr = Tr::new(Locale::Fr);
    let args = sample_args();
    for locale in [Locale::Nl, Locale::De, Locale::En] {
        let tr = Tr::new(locale);
        let same: Vec<String> = keys_of("fr")
            .into_iter()
            .filter(|key| {
                let french = text(&fr, key, &args);
                // (a message made only of its arguments, e.g. a date's parts in order, is no sentence)
                french.split_whitespace().count() > 2 && french.chars().any(char::is_alphabetic) && text(&tr, key, &args) == french
            })
            .collect();
        assert!(same.is_empty(), "{}: still in French: {same:?}", locale.code());
    }
}
