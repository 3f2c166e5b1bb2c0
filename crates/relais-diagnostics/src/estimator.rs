//! The adaptive estimator: places a person on a level (0–4) in each area with few questions.
//!
//! Model (the estimator's own; the simulation answers with a different one, see
//! [`crate::simulation`]):
//! - within an area, a person of level `l` has an ability spread evenly over `[l − ½, l + ½]`; an
//!   item of difficulty `b` and discrimination `α` is answered right with probability
//!   `c + (1 − c)·σ(α·(θ − b))`, where `c` is the chance of guessing among the answers shown
//!   (0 for self-assessed and observed items);
//! - the areas are linked by a general level `G`: an area's level is near `G` (a kernel that
//!   halves per step away), so every answer also says a little about the other areas.
//!
//! The posterior of each area is exact over the 5 × 5 states (`G`, level): cheap enough to run
//! after every answer. Items are chosen by expected reduction of the area's entropy.

use crate::framework::{AREAS, Area, LEVELS};

/// What the estimator knows of an item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemModel {
    pub area: Area,
    pub level: u8,
    pub difficulty: f64,
    pub discrimination: f64,
    /// Chance of a right guess (1 / number of answers shown, or 0).
    pub guessing: f64,
}

/// The rules of a session.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Scored questions at most (the foundation gate is not scored).
    pub max_scored: usize,
    /// Questions per area at most.
    pub max_per_area: usize,
    /// An area stops once the probability of its most likely level reaches this.
    pub stop_confidence: f64,
    /// Below this confidence a result is shown "to confirm".
    pub confirm_below: f64,
    /// The next item is drawn among this many most informative ones.
    pub top_few: usize,
}

impl Default for Policy {
    fn default() -> Self {
        Policy { max_scored: 15, max_per_area: 4, stop_confidence: 0.8, confirm_below: 0.5, top_few: 3 }
    }
}

/// Weight of an area's level `d` steps away from the general level.
const KERNEL: [f64; LEVELS] = [1.0, 0.35, 0.05, 0.01, 0.005];

/// Prior beliefs: on the general level and, per area, weights (from an earlier result).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prior {
    pub general: [f64; LEVELS],
    pub areas: [[f64; LEVELS]; 5],
}

impl Default for Prior {
    fn default() -> Self {
        Prior { general: [1.0; LEVELS], areas: [[1.0; LEVELS]; 5] }
    }
}

impl Prior {
    /// Start from an earlier result: each area leaning on its previous level, mildly and more
    /// upwards than downwards (people learn between two diagnostics); a result that was "to
    /// confirm" leans less. Never so firmly that one question could not move it.
    pub fn from_previous(levels: &[(Area, u8, f64)]) -> Prior {
        let mut prior = Prior::default();
        for &(area, level, confidence) in levels {
            let weights = &mut prior.areas[area.index()];
            for (l, w) in weights.iter_mut().enumerate() {
                let d = l as i32 - level as i32;
                let lean: f64 = match d {
                    0 => 1.0,
                    1 => 0.7,
                    2 => 0.35,
                    -1 => 0.35,
                    _ if d > 0 => 0.15,
                    _ => 0.1,
                };
                *w = if confidence < 0.5 { lean.sqrt() } else { lean };
            }
        }
        prior
    }
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The probability that a person of level `level` answers the item right.
pub fn p_right(item: &ItemModel, level: usize) -> f64 {
    const SPREAD: [f64; 4] = [-0.375, -0.125, 0.125, 0.375];
    let mean = SPREAD.iter().map(|o| sigmoid(item.discrimination * (level as f64 + o - item.difficulty))).sum::<f64>() / SPREAD.len() as f64;
    item.guessing + (1.0 - item.guessing) * mean
}

fn normalise(v: &mut [f64; LEVELS]) {
    let total: f64 = v.iter().sum();
    if total > 0.0 && total.is_finite() {
        v.iter_mut().for_each(|x| *x /= total);
    } else {
        *v = [1.0 / LEVELS as f64; LEVELS];
    }
}

fn entropy(p: &[f64; LEVELS]) -> f64 {
    -p.iter().filter(|&&x| x > 0.0).map(|&x| x * x.ln()).sum::<f64>()
}

/// One answer seen by the estimator.
#[derive(Debug, Clone, Copy)]
pub struct Observation {
    pub item: ItemModel,
    pub right: bool,
    /// Counted among the scored questions (the gate's micro-tasks are not).
    pub scored: bool,
}

/// The marginal posterior of each area's level.
pub fn posteriors(prior: &Prior, observations: &[Observation]) -> [[f64; LEVELS]; 5] {
    let mut likelihood = prior.areas;
    for l in likelihood.iter_mut() {
        normalise(l);
    }
    for o in observations {
        let lik = &mut likelihood[o.item.area.index()];
        for (level, x) in lik.iter_mut().enumerate() {
            let p = p_right(&o.item, level);
            *x *= if o.right { p } else { 1.0 - p };
        }
        normalise(lik);
    }
    let mut kernel = [[0.0; LEVELS]; LEVELS];
    for (g, row) in kernel.iter_mut().enumerate() {
        for (l, x) in row.iter_mut().enumerate() {
            *x = KERNEL[(l as i32 - g as i32).unsigned_abs() as usize];
        }
        normalise(row);
    }
    // z[a][g] = P(answers of area a | G = g)
    let mut z = [[0.0; LEVELS]; 5];
    for a in 0..5 {
        for g in 0..LEVELS {
            z[a][g] = (0..LEVELS).map(|l| kernel[g][l] * likelihood[a][l]).sum();
        }
    }
    let mut result = [[0.0; LEVELS]; 5];
    for a in 0..5 {
        let mut marginal = [0.0; LEVELS];
        for g in 0..LEVELS {
            let others: f64 = (0..5).filter(|&b| b != a).map(|b| z[b][g]).product();
            let weight = prior.general[g] * others;
            for l in 0..LEVELS {
                marginal[l] += weight * kernel[g][l] * likelihood[a][l];
            }
        }
        normalise(&mut marginal);
        result[a] = marginal;
    }
    result
}

/// An area's placement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub area: Area,
    pub level: u8,
    /// The probability of that level.
    pub confidence: f64,
    pub to_confirm: bool,
}

/// The most likely level of each area and how sure it is.
pub fn placements(prior: &Prior, observations: &[Observation], policy: &Policy) -> Vec<Placement> {
    let post = posteriors(prior, observations);
    AREAS
        .iter()
        .map(|&area| {
            let p = &post[area.index()];
            let (level, confidence) = p.iter().enumerate().fold((0, 0.0), |best, (l, &x)| if x > best.1 { (l, x) } else { best });
            Placement { area, level: level as u8, confidence, to_confirm: confidence < policy.confirm_below }
        })
        .collect()
}

/// Expected reduction of the area's entropy if the item is asked.
pub fn information(marginal: &[f64; LEVELS], item: &ItemModel) -> f64 {
    let mut right = [0.0; LEVELS];
    let mut wrong = [0.0; LEVELS];
    for l in 0..LEVELS {
        let p = p_right(item, l);
        right[l] = marginal[l] * p;
        wrong[l] = marginal[l] * (1.0 - p);
    }
    let p_r: f64 = right.iter().sum();
    normalise(&mut right);
    normalise(&mut wrong);
    entropy(marginal) - p_r * entropy(&right) - (1.0 - p_r) * entropy(&wrong)
}

/// What to ask next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Ask the item at this index of the candidates.
    Ask(usize),
    Done,
}

/// Choose the next question.
///
/// `candidates` are the items that may still be asked (not seen, allowed in this mode);
/// `first_level` is the level of the one easy question each area opens with.
pub fn next(prior: &Prior, observations: &[Observation], candidates: &[ItemModel], first_level: &dyn Fn(Area) -> u8, policy: &Policy, rng: &mut fastrand::Rng) -> Next {
    let scored = observations.iter().filter(|o| o.scored).count();
    if scored >= policy.max_scored {
        return Next::Done;
    }
    let asked = |area: Area| observations.iter().filter(|o| o.scored && o.item.area == area).count();
    // 1. One easy question per area, in order.
    for area in AREAS {
        if asked(area) == 0 {
            let level = first_level(area);
            let mut nearest: Vec<usize> = Vec::new();
            let mut best = u8::MAX;
            for (i, c) in candidates.iter().enumerate().filter(|(_, c)| c.area == area) {
                let d = c.level.abs_diff(level);
                if d < best {
                    best = d;
                    nearest.clear();
                }
                if d == best {
                    nearest.push(i);
                }
            }
            if !nearest.is_empty() {
                return Next::Ask(nearest[rng.usize(..nearest.len())]);
            }
        }
    }
    // 2. The least certain open area, its most informative item (among the top few).
    let post = posteriors(prior, observations);
    let open = AREAS.into_iter().filter(|&a| {
        let confidence = post[a.index()].iter().cloned().fold(0.0, f64::max);
        asked(a) < policy.max_per_area && confidence < policy.stop_confidence && candidates.iter().any(|c| c.area == a)
    });
    let Some(area) = open.min_by(|a, b| {
        let ca = post[a.index()].iter().cloned().fold(0.0, f64::max);
        let cb = post[b.index()].iter().cloned().fold(0.0, f64::max);
        ca.total_cmp(&cb)
    }) else {
        return Next::Done;
    };
    let marginal = &post[area.index()];
    let mut ranked: Vec<(usize, f64)> = candidates.iter().enumerate().filter(|(_, c)| c.area == area).map(|(i, c)| (i, information(marginal, c))).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let few = ranked.len().min(policy.top_few.max(1));
    Next::Ask(ranked[rng.usize(..few)].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(area: Area, level: u8) -> ItemModel {
        ItemModel { area, level, difficulty: level as f64, discrimination: 1.4, guessing: 0.0 }
    }

    #[test]
    fn right_answers_raise_the_level_and_wrong_ones_lower_it() {
        let prior = Prior::default();
        let up: Vec<Observation> = (1..=4).map(|l| Observation { item: item(Area::Safety, l), right: true, scored: true }).collect();
        let down: Vec<Observation> = (1..=4).map(|l| Observation { item: item(Area::Safety, l), right: false, scored: true }).collect();
        let high = placements(&prior, &up, &Policy::default());
        let low = placements(&prior, &down, &Policy::default());
        assert_eq!(high[4].level, 4);
        assert_eq!(low[4].level, 0);
        // the other areas follow a little
        assert!(high[0].level > low[0].level);
    }

    #[test]
    fn posteriors_are_distributions() {
        let obs = [Observation { item: item(Area::Device, 2), right: true, scored: true }];
        for p in posteriors(&Prior::default(), &obs) {
            assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        }
    }

    #[test]
    fn the_most_informative_item_sits_near_the_estimate() {
        let mut marginal = [0.02, 0.08, 0.8, 0.08, 0.02];
        normalise(&mut marginal);
        let near = information(&marginal, &item(Area::Device, 2));
        let far = information(&marginal, &item(Area::Device, 4));
        assert!(near > far);
    }

    #[test]
    fn a_session_opens_with_one_easy_question_per_area_then_stops_at_fifteen() {
        let mut rng = fastrand::Rng::with_seed(7);
        let bank: Vec<ItemModel> = AREAS.iter().flat_map(|&a| (0..5u8).flat_map(move |l| std::iter::repeat_n(item(a, l), 4))).collect();
        let mut seen = vec![false; bank.len()];
        let mut obs = Vec::new();
        let policy = Policy::default();
        loop {
            let idx: Vec<usize> = (0..bank.len()).filter(|&i| !seen[i]).collect();
            let candidates: Vec<ItemModel> = idx.iter().map(|&i| bank[i]).collect();
            match next(&Prior::default(), &obs, &candidates, &|_| 1, &policy, &mut rng) {
                Next::Done => break,
                Next::Ask(i) => {
                    let chosen = idx[i];
                    seen[chosen] = true;
                    if obs.len() < 5 {
                        assert_eq!(bank[chosen].area, AREAS[obs.len()]);
                        assert_eq!(bank[chosen].level, 1);
                    }
                    // a person who gets everything half right
                    obs.push(Observation { item: bank[chosen], right: obs.len() % 2 == 0, scored: true });
                }
            }
        }
        assert!(obs.len() <= 15);
        for area in AREAS {
            assert!(obs.iter().filter(|o| o.item.area == area).count() <= 4);
        }
    }
}
