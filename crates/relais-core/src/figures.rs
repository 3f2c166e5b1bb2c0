//! Figures an area adds to the reports: its headline figures and tables for a scope (some
//! organisations) over a period, counted and labelled by the area itself. The reports area asks
//! every registered source (`Area::figures`) and suppresses small cells above the organisation;
//! it knows nothing of the areas' tables.

use std::{collections::BTreeMap, future::Future, pin::Pin};

use time::OffsetDateTime;
use uuid::Uuid;

use crate::{Db, DbError, i18n::Locale};

/// What a headline figure counts, which decides whether it is hidden when small above the
/// organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// People, or what they asked, took part in, filled in or reported: "< 5" when 1 to 4.
    People,
    /// Counts no one (hours spent, workshops held).
    NoOne,
    /// A rate computed from this many people: hidden when they are fewer than 5, not shown at
    /// all when there were none now and before (never a made-up 0 %).
    RateOf(i64),
}

/// One headline figure.
#[derive(Debug, Clone)]
pub struct Headline {
    /// A stable code (`diagnostics`, `attendance-rate`).
    pub code: &'static str,
    /// The Fluent key of its label.
    pub label: &'static str,
    pub value: i64,
    pub measure: Measure,
}

/// One table: counts per code, each code with its label in the report's language.
#[derive(Debug, Clone, Default)]
pub struct CountedTable {
    /// A stable id (`level-device`, `demand`).
    pub id: String,
    /// The Fluent key of its caption.
    pub caption: &'static str,
    pub counts: BTreeMap<String, i64>,
    pub labels: BTreeMap<String, String>,
    /// Rows in code order (levels 0 to 4) rather than largest first.
    pub in_code_order: bool,
}

/// What one source counted.
#[derive(Debug, Clone, Default)]
pub struct Counted {
    pub headline: Vec<Headline>,
    pub tables: Vec<CountedTable>,
}

pub type CountFuture<'a> = Pin<Box<dyn Future<Output = Result<Counted, DbError>> + Send + 'a>>;

/// A source of figures: counts for `organisations` between `start` (included) and `end`
/// (excluded), labelled in `locale`.
pub type Source = for<'a> fn(&'a Db, &'a [Uuid], OffsetDateTime, OffsetDateTime, Locale) -> CountFuture<'a>;
