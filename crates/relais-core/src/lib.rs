//! Relais shared kernel: storage on two engines, i18n, the web shell, demo data mechanism.
//! Domain areas (places, accompaniments, diagnostics, …) build on it.

pub mod area;
pub mod clock;
pub mod csv;
pub mod dates;
pub mod db;
pub mod demo;
pub mod figures;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod messages;
pub mod pdf;
pub mod secrets;
pub mod settings;
pub mod sms;
pub mod vocabulary;
pub mod web;

pub use db::{Db, DbError, Engine};
