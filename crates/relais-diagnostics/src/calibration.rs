//! Recalibrating the item bank from the answers given: for each item answered often enough, the
//! difficulty that makes the answers most likely, given where each person who answered it was
//! placed in that area (one step of joint maximum likelihood; the discrimination is kept).

use std::collections::HashMap;

use crate::{
    diagnostics::Diagnostic,
    estimator::{ItemModel, p_right},
    items::Item,
};

/// An item needs this many answers before its difficulty is refitted.
pub const MIN_ANSWERS: usize = 30;

/// The difficulty (on a 0.05 grid in −1…5) that makes `answers` most likely for this item.
pub fn best_difficulty(item: &ItemModel, answers: &[(u8, bool)]) -> f64 {
    let mut best = (f64::NEG_INFINITY, item.difficulty);
    for step in 0..=120 {
        let b = -1.0 + 0.05 * step as f64;
        let model = ItemModel { difficulty: b, ..*item };
        let ll: f64 = answers
            .iter()
            .map(|&(level, right)| {
                let p = p_right(&model, level as usize).clamp(1e-6, 1.0 - 1e-6);
                if right { p.ln() } else { (1.0 - p).ln() }
            })
            .sum();
        if ll > best.0 {
            best = (ll, b);
        }
    }
    (best.1 * 100.0).round() / 100.0
}

/// New difficulties for the items answered at least [`MIN_ANSWERS`] times: (item code, difficulty).
pub fn refit(bank: &[Item], diagnostics: &[Diagnostic]) -> Vec<(String, f64)> {
    let mut answers: HashMap<&str, Vec<(u8, bool)>> = HashMap::new();
    for d in diagnostics.iter().filter(|d| !d.result.is_empty() && !d.first_steps()) {
        for a in d.answers.iter().filter(|a| a.scored) {
            let Some(item) = bank.iter().find(|i| i.code == a.item) else { continue };
            let Some(r) = d.result_of(item.area) else { continue };
            answers.entry(item.code.as_str()).or_default().push((r.level, a.outcome.is_right()));
        }
    }
    bank.iter()
        .filter_map(|item| {
            let given = answers.get(item.code.as_str())?;
            (given.len() >= MIN_ANSWERS).then(|| (item.code.clone(), best_difficulty(&item.model(), given)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Area;

    #[test]
    fn the_fitted_difficulty_is_near_the_one_that_produced_the_answers() {
        let mut rng = fastrand::Rng::with_seed(3);
        let truth = ItemModel { area: Area::Safety, level: 2, difficulty: 2.6, discrimination: 1.4, guessing: 0.25 };
        let answers: Vec<(u8, bool)> = (0..2000)
            .map(|_| {
                let level = rng.u8(0..5);
                (level, rng.f64() < p_right(&truth, level as usize))
            })
            .collect();
        // the bank still says "level 2, difficulty 2.0"
        let stored = ItemModel { difficulty: 2.0, ..truth };
        let fitted = best_difficulty(&stored, &answers);
        assert!((fitted - 2.6).abs() <= 0.2, "fitted {fitted}");
    }
}
