//! The foundation gate: two or three micro-tasks done in the page before any scored question
//! (touch a button, type a short word, recognise the Wi-Fi sign). Failing it ends the session with
//! "first steps" advice: asking about e-mail or itsme would only discourage.

use crate::{
    estimator::{self, ItemModel, Observation, Placement, Policy, Prior},
    framework::{AREAS, Area},
};

/// One micro-task of the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Task {
    /// Stable code (also the message keys' middle part).
    pub code: &'static str,
    /// Whether the person picks among several answers (and could guess).
    pub choice: bool,
}

impl Task {
    /// How the estimator reads it: a level-0 item of the device area.
    pub fn model(&self) -> ItemModel {
        ItemModel { area: Area::Device, level: 0, difficulty: 0.0, discrimination: 1.2, guessing: if self.choice { 0.25 } else { 0.0 } }
    }
}

/// The micro-tasks, in order.
pub const TASKS: [Task; 3] = [Task { code: "touch", choice: false }, Task { code: "type", choice: false }, Task { code: "wifi", choice: true }];

/// The word to type in the "type" task (short, the same in the four languages).
pub const WORD: &str = "bus";

/// The pictures offered in the "wifi" task; the first is right (the page shuffles them by the session's seed).
pub const WIFI_CHOICES: [&str; 4] = ["wifi", "battery", "volume", "camera"];

/// The gate is passed with at least two micro-tasks done.
pub fn passed(observations: &[Observation]) -> bool {
    observations.iter().filter(|o| !o.scored && o.right).count() >= 2
}

/// The result after a failed gate: every area at level 0, each with the probability the
/// estimator gives it from the gate alone.
pub fn first_steps(prior: &Prior, observations: &[Observation], policy: &Policy) -> Vec<Placement> {
    let post = estimator::posteriors(prior, observations);
    AREAS
        .iter()
        .map(|&area| {
            let confidence = post[area.index()][0];
            Placement { area, level: 0, confidence, to_confirm: confidence < policy.confirm_below }
        })
        .collect()
}
