//! The shared lists (themes, publics, online services, autonomy, outcome) as the log reads them:
//! loaded from `taxonomy_terms` and kept for a short while, so that logging a request does not
//! read them again (an admin's change shows within [`FRESH_FOR`]).

use std::{
    sync::{Arc, RwLock},
    time::{Duration, Instant},
};

use crate::taxonomy::{self, Taxonomy, Term};
use relais_core::{Db, DbError, i18n::Locale, web::AppState};

const FRESH_FOR: Duration = Duration::from_secs(30);

#[derive(Default)]
pub struct TermsCache(RwLock<Option<(Instant, Arc<Terms>)>>);

/// Every term, grouped by list.
#[derive(Debug, Default)]
pub struct Terms {
    all: Vec<Term>,
}

impl Terms {
    pub fn from_terms(all: Vec<Term>) -> Terms {
        Terms { all }
    }

    /// Every term of a list, retired ones included, in display order.
    pub fn every(&self, taxonomy: Taxonomy) -> impl Iterator<Item = &Term> {
        self.all.iter().filter(move |t| t.taxonomy == taxonomy)
    }

    /// The active terms of a list, in display order.
    pub fn active(&self, taxonomy: Taxonomy) -> impl Iterator<Item = &Term> {
        self.all.iter().filter(move |t| t.taxonomy == taxonomy && t.active)
    }

    /// Whether `code` is an active term of the list.
    pub fn is_active(&self, taxonomy: Taxonomy, code: &str) -> bool {
        self.active(taxonomy).any(|t| t.code == code)
    }

    /// The label of a term (retired ones too), or the code itself when unknown.
    pub fn label<'a>(&'a self, taxonomy: Taxonomy, code: &'a str, locale: Locale) -> &'a str {
        self.all.iter().find(|t| t.taxonomy == taxonomy && t.code == code).map(|t| t.label(locale)).unwrap_or(code)
    }

    /// Labels of space-separated codes, joined with ", ".
    pub fn labels(&self, taxonomy: Taxonomy, codes: &str, locale: Locale) -> String {
        codes.split_whitespace().map(|c| self.label(taxonomy, c, locale)).collect::<Vec<_>>().join(", ")
    }
}

/// The terms, from the cache when fresh.
pub async fn terms(state: &AppState) -> Result<Arc<Terms>, DbError> {
    let cache = state.caches.get::<TermsCache>();
    if let Some((at, terms)) = cache.0.read().unwrap_or_else(|e| e.into_inner()).as_ref()
        && at.elapsed() < FRESH_FOR
    {
        return Ok(terms.clone());
    }
    let terms = Arc::new(load(&state.db).await?);
    *cache.0.write().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), terms.clone()));
    Ok(terms)
}

pub async fn load(db: &Db) -> Result<Terms, DbError> {
    Ok(Terms::from_terms(taxonomy::all_terms(db).await?))
}
