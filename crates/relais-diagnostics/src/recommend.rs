//! Recommended modules: at most three, by each module's targets (the person's level in an area is
//! at least the module's prerequisite and below its goal), weakest areas first, in the person's
//! language when the catalogue has it. A helper may override the choice.

use crate::{catalogue::Module, diagnostics::AreaResult};

/// How many modules a result recommends.
pub const MAX: usize = 3;

/// The modules for a result, best first.
pub fn modules<'a>(result: &[AreaResult], catalogue: &'a [Module], language: &str) -> Vec<&'a Module> {
    let mut scored: Vec<(i64, &str, &Module)> = catalogue
        .iter()
        .filter(|m| m.active)
        .filter_map(|m| {
            // the module's best fitting target: the lower the person's level there, the more it helps
            let best =
                m.targets.iter().filter_map(|t| result.iter().find(|r| r.area == t.area && t.fits(r.level)).map(|r| (4 - r.level as i64) * 10 + (t.to - t.from) as i64)).max()?;
            let speaks = if m.languages.iter().any(|l| l == language) { 5 } else { 0 };
            Some((best + speaks, m.code.as_str(), m))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    // one module per area first, then the rest
    let mut chosen: Vec<&Module> = Vec::new();
    let mut areas_taken = Vec::new();
    for (_, _, m) in &scored {
        let area = m.targets.iter().find(|t| result.iter().any(|r| r.area == t.area && t.fits(r.level))).map(|t| t.area);
        if chosen.len() < MAX && area.is_some_and(|a| !areas_taken.contains(&a)) {
            areas_taken.extend(area);
            chosen.push(m);
        }
    }
    for (_, _, m) in &scored {
        if chosen.len() < MAX && !chosen.iter().any(|c| c.code == m.code) {
            chosen.push(m);
        }
    }
    chosen
}
