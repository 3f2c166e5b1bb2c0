//! `relais bench diagnostic`: the adaptive diagnostic against synthetic people who answer by a
//! fixed reference model the estimator does not share (see `relais_diagnostics::simulation`),
//! on the seeded item bank, each person alone (no observed items).

use std::time::Instant;

use clap::Args;
use relais_diagnostics::simulation;

use crate::args::CliResult;

#[derive(Debug, Args)]
pub struct DiagnosticArgs {
    /// Synthetic people.
    #[arg(long, default_value_t = 10_000)]
    pub people: usize,
    /// The random seed (people, answers, the reference model's discriminations).
    #[arg(long, default_value_t = 20_261_128)]
    pub seed: u64,
}

pub async fn run(args: DiagnosticArgs) -> CliResult {
    let bank = simulation::seed_bank();
    let started = Instant::now();
    let report = simulation::run(&bank, args.people, args.seed);
    let elapsed = started.elapsed();
    crate::outln!("items in the bank (person alone): {}", bank.len());
    crate::outln!("areas placed: {} ({} people, 5 areas each)", report.areas, report.people);
    crate::outln!("foundation gate failed: {} people", report.gate_failed);
    crate::outln!("scored questions: mean {:.1}, max {}", report.mean_questions(), report.max_questions);
    crate::outln!(
        "shown \"to confirm\": {} areas ({:.1}%): exact {:.1}%, within one {:.1}%; the others: exact {:.1}%, within one {:.1}%",
        report.confirm_areas,
        100.0 * report.confirm_areas as f64 / report.areas.max(1) as f64,
        report.confirm_exact_pct(),
        report.confirm_within_one_pct(),
        report.confident_exact_pct(),
        report.confident_within_one_pct()
    );
    crate::outln!("time: {:.0} µs per session", elapsed.as_secs_f64() * 1e6 / args.people.max(1) as f64);
    crate::outln!("bench: people={} exact_pct={:.1} within_one_pct={:.1} max_questions={}", report.people, report.exact_pct(), report.within_one_pct(), report.max_questions);
    Ok(())
}
