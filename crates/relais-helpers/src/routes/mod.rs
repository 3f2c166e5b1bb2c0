//! The helpers' pages: the list and headcount, a profile, one's own profile.

pub mod applications;
pub mod apply;
pub mod headcount;
pub mod profiles;
pub mod shifts;
pub mod supervisions;

use relais_core::{
    i18n::Tr,
    web::{AppState, error::AppError},
};
use relais_directory::{taxonomy::Taxonomy, terms::Terms};

/// (code, label) of the job families in use, the retired ones a helper still has included.
pub fn job_families(terms: &Terms, tr: &Tr, keep: &str) -> Vec<(String, String)> {
    terms.every(Taxonomy::JobFamily).filter(|t| t.active || t.code == keep).map(|t| (t.code.clone(), t.label(tr.locale).to_string())).collect()
}

/// The shared lists, cached.
pub async fn terms(state: &AppState) -> Result<std::sync::Arc<Terms>, AppError> {
    Ok(relais_directory::terms::terms(state).await?)
}
