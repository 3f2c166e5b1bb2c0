//! The adaptive session, step by step: from a stored diagnostic and the item bank, what comes
//! next (deterministic for a given diagnostic, so a reload shows the same question), and what an
//! answer changes.

use crate::{
    catalogue::Module,
    diagnostics::{self, Answer, Diagnostic, Intake, Mode, Stage},
    estimator::{self, Next, Policy, Prior},
    framework::{AREAS, Area, Kind},
    gate,
    items::Item,
    recommend,
};

/// What the page shows now.
#[derive(Debug, Clone)]
pub enum Step<'a> {
    Intake,
    Gate(&'static gate::Task),
    Question { item: &'a Item, number: usize },
    Result,
}

/// The prior of a session: the previous result if any, nudged by the intake.
pub fn prior(intake: &Intake, previous: Option<&Diagnostic>) -> Prior {
    let mut prior = previous.map(Diagnostic::as_prior).unwrap_or_default();
    if previous.is_none() && intake.devices.is_empty() {
        // no device of one's own: lower levels are more likely
        prior.general = [3.0, 2.0, 1.0, 0.6, 0.4];
    }
    prior
}

/// The items this session may still ask: active, not yet answered, allowed in the mode
/// (observed items need a helper), and not seen in the previous diagnostics when others remain.
pub fn candidates<'a>(d: &Diagnostic, bank: &'a [Item], seen_before: &[String]) -> Vec<&'a Item> {
    let allowed = |i: &&Item| !d.answers.iter().any(|a| a.item == i.code) && (d.mode == Mode::Assisted || i.kind != Kind::Observed);
    let fresh: Vec<&Item> = bank.iter().filter(allowed).filter(|i| !seen_before.contains(&i.code)).collect();
    let mut all = fresh.clone();
    // an area whose fresh items run out falls back on items seen before
    for area in AREAS {
        if fresh.iter().filter(|i| i.area == area).count() < 4 {
            all.extend(bank.iter().filter(allowed).filter(|i| i.area == area && seen_before.contains(&i.code)));
        }
    }
    all
}

fn first_level(previous: Option<&Diagnostic>) -> impl Fn(Area) -> u8 + '_ {
    move |area| previous.and_then(|p| p.result_of(area)).map(|r| r.level.max(1)).unwrap_or(1)
}

/// The next step of a diagnostic.
pub fn step<'a>(d: &Diagnostic, bank: &'a [Item], previous: Option<&Diagnostic>, seen_before: &[String]) -> Step<'a> {
    match d.stage {
        Stage::Intake => Step::Intake,
        Stage::Gate => {
            let done = d.answers.iter().filter(|a| !a.scored).count();
            gate::TASKS.get(done).map_or(Step::Result, Step::Gate)
        }
        Stage::Done => Step::Result,
        Stage::Questions => match choose(d, bank, previous, seen_before) {
            Some(item) => Step::Question { item, number: d.scored_count() + 1 },
            None => Step::Result,
        },
    }
}

fn choose<'a>(d: &Diagnostic, bank: &'a [Item], previous: Option<&Diagnostic>, seen_before: &[String]) -> Option<&'a Item> {
    let candidates = candidates(d, bank, seen_before);
    let models: Vec<_> = candidates.iter().map(|i| i.model()).collect();
    let mut rng = fastrand::Rng::with_seed(d.seed ^ (d.answers.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    match estimator::next(&prior(&d.intake, previous), &d.observations(bank), &models, &first_level(previous), &Policy::default(), &mut rng) {
        Next::Ask(i) => candidates.get(i).copied(),
        Next::Done => None,
    }
}

/// The state after one more answer: the answers, the stage, and (when the session ends) the
/// result and recommended modules.
pub struct After {
    pub answers: Vec<Answer>,
    pub stage: Stage,
    pub result: Vec<diagnostics::AreaResult>,
    pub modules: Vec<String>,
}

/// Add an answer and see whether the session goes on.
pub fn answer(d: &Diagnostic, bank: &[Item], previous: Option<&Diagnostic>, seen_before: &[String], catalogue: &[Module], answer: Answer) -> After {
    let mut next = d.clone();
    next.answers.push(answer);
    let policy = Policy::default();
    let prior = prior(&next.intake, previous);
    let finish = |next: &Diagnostic, placements: Vec<estimator::Placement>| {
        let observations = next.observations(bank);
        let result = diagnostics::results(&placements, &estimator::posteriors(&prior, &observations));
        let modules = recommend::modules(&result, catalogue, &next.language).into_iter().map(|m| m.code.clone()).collect();
        After { answers: next.answers.clone(), stage: Stage::Done, result, modules }
    };
    match next.stage {
        Stage::Gate => {
            let gate_done = next.answers.iter().filter(|a| !a.scored).count() >= gate::TASKS.len();
            if !gate_done {
                return After { answers: next.answers, stage: Stage::Gate, result: Vec::new(), modules: Vec::new() };
            }
            let observations = next.observations(bank);
            if gate::passed(&observations) {
                next.stage = Stage::Questions;
                if choose(&next, bank, previous, seen_before).is_some() {
                    return After { answers: next.answers, stage: Stage::Questions, result: Vec::new(), modules: Vec::new() };
                }
                let placements = estimator::placements(&prior, &observations, &policy);
                finish(&next, placements)
            } else {
                let placements = gate::first_steps(&prior, &observations, &policy);
                finish(&next, placements)
            }
        }
        _ => {
            if choose(&next, bank, previous, seen_before).is_some() {
                return After { answers: next.answers, stage: Stage::Questions, result: Vec::new(), modules: Vec::new() };
            }
            let placements = estimator::placements(&prior, &next.observations(bank), &policy);
            finish(&next, placements)
        }
    }
}
