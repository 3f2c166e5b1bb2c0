//! End-to-end tests of Relais: the real app on a random port, on SQLite or PostgreSQL
//! (`RELAIS_TEST_ENGINE`), plus the real binary for the command line.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod accompaniments;
mod accounts;
mod api;
mod cli;
mod csv_exports;
mod diagnostics;
mod directory;
mod groups;
mod hardening;
mod harness;
mod helpers;
mod jobs;
mod languages;
mod matrix;
mod messages;
mod ops;
mod organisations;
mod pg;
mod reports;
mod resume;
mod robustness;
mod schema;
mod second_factor;
mod sheets;
mod shell;
mod text_input;
mod workshops;
