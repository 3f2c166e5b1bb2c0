//! What an area brings to the application, in one value the binary lists: its pages and API
//! (routes), its part of the OpenAPI document, its demo data, what it prepares in the database
//! at each start, the jobs it handles, its SMS templates, its retention and erasure steps. `relais::areas()` is that list;
//! routes, the OpenAPI document, the demo set, the job runner and the SMS check are read from it.

use std::{future::Future, pin::Pin};

use crate::{Db, DbError, demo::DemoPart, jobs::Runner, messages::SmsTemplate, web::Routes};

/// Preparing an area's rows at start (default terms, the seeded item bank).
pub type PrepareFuture<'a> = Pin<Box<dyn Future<Output = Result<(), DbError>> + Send + 'a>>;

/// A retention step's run: how many records it anonymised or cleared.
pub type RetentionFuture<'a> = Pin<Box<dyn Future<Output = Result<u64, DbError>> + Send + 'a>>;

/// What an area forgets when its time is up (`relais retention` runs every step now; each also
/// runs as a recurring job of its area).
pub struct RetentionStep {
    /// What `relais retention` prints: `retention: <name>=<count>`.
    pub name: &'static str,
    pub run: for<'a> fn(&'a Db, time::OffsetDateTime) -> RetentionFuture<'a>,
}

/// One area.
pub struct Area {
    /// Its name (the crate's without `relais-`).
    pub name: &'static str,
    pub routes: fn() -> Routes,
    /// Its API's part of `/api/openapi.json`.
    pub openapi: Option<fn() -> utoipa::openapi::OpenApi>,
    pub demo: Option<DemoPart>,
    /// Rows it needs besides its tables, made at every start (idempotent).
    pub prepare: Option<for<'a> fn(&'a Db) -> PrepareFuture<'a>>,
    /// The job handlers and recurring jobs it adds to a runner.
    pub jobs: Option<fn(Runner) -> Runner>,
    pub sms_templates: &'static [SmsTemplate],
    pub retention: &'static [RetentionStep],
    /// What it adds to the reports.
    pub figures: Option<crate::figures::Source>,
    /// What it clears when a person followed is erased (see [`ERASURE`]).
    pub erasure: &'static [Erasure],
    /// What it clears when a user closes their account (see [`ACCOUNT_CLOSURE`]).
    pub account_closure: &'static [AccountClosure],
}

/// One statement an area runs when a user closes their account, after the account itself is
/// anonymised: `$1` is the user; it blanks what the area keeps about them (a helper's phone).
pub type AccountClosure = &'static str;

/// Every area's account-closure statements, installed once by the binary (`relais::areas()`),
/// read by the organisations' `users::close`.
pub static ACCOUNT_CLOSURE: std::sync::OnceLock<Vec<AccountClosure>> = std::sync::OnceLock::new();

/// One statement an area runs when a person followed is erased, in the same transaction that
/// then deletes the person's record: `$1` is the organisation, `$2` the person; it unlinks or
/// blanks what names them in the area's tables (statistics stay, without the person).
pub type Erasure = &'static str;

/// Every area's erasure statements, installed once by the binary's area list: the people's
/// crate sits below the areas and cannot name their tables, so it reads them here. Erasing
/// before they are installed is refused (nothing would be half-erased).
pub static ERASURE: std::sync::OnceLock<Vec<Erasure>> = std::sync::OnceLock::new();

impl Area {
    /// An area with routes only; the rest is added with struct update syntax.
    pub const fn new(name: &'static str, routes: fn() -> Routes) -> Area {
        Area { name, routes, openapi: None, demo: None, prepare: None, jobs: None, sms_templates: &[], retention: &[], figures: None, erasure: &[], account_closure: &[] }
    }
}
