//! From figures to what a reader sees: labelled tables (suppressed above the organisation), the
//! same for the dashboard, the CSV, the JSON and the API.

use std::collections::HashMap;

use relais_accompaniments::{terms::Terms, vocabulary};
use relais_core::i18n::Tr;
use relais_directory::taxonomy::Taxonomy;
use serde::Serialize;
use uuid::Uuid;

use crate::{
    figures::{Counts, Figures, Period},
    suppress::{self, Cell},
};

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub code: String,
    pub label: String,
    pub value: Cell,
    /// The same figure over the previous period of the same length.
    pub previous: Cell,
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub id: String,
    pub caption: String,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub scope: String,
    pub period: Period,
    pub previous_period: Period,
    /// Cells from fewer than 5 records are shown as "<5" (above the organisation).
    pub suppressed: bool,
    pub headline: Vec<Row>,
    pub tables: Vec<Table>,
}

/// The tables, in display order: (id, Fluent key of the caption, where the counts come from).
const TABLES: &[(&str, &str)] = &[
    ("theme", "report-by-theme"),
    ("online-service", "report-by-online-service"),
    ("outcome", "report-by-outcome"),
    ("autonomy", "report-by-autonomy"),
    ("setting", "report-by-setting"),
    ("place", "report-by-place"),
    ("helper-kind", "report-by-helper-kind"),
    ("month", "report-by-month"),
    ("weekday", "report-by-weekday"),
    ("hour", "report-by-hour"),
    ("age-band", "report-people-by-age-band"),
    ("gender", "report-people-by-gender"),
    ("situation", "report-people-by-situation"),
    ("redirections", "report-redirections"),
    ("moment-people", "report-moment-people"),
    ("signals", "report-signals-by-barrier"),
];

fn counts<'a>(figures: &'a Figures, id: &str) -> Option<&'a Counts> {
    match id {
        "age-band" | "gender" | "situation" => figures.people_by.get(id),
        "redirections" => Some(&figures.redirections),
        "moment-people" => Some(&figures.moment_people),
        "signals" => Some(&figures.signals_by_barrier),
        _ => figures.dimensions.get(id),
    }
}

fn label(id: &str, code: &str, tr: &Tr, terms: &Terms, places: &HashMap<Uuid, String>) -> String {
    let key = |list: vocabulary::Vocabulary| vocabulary::key_of(list, code).map(|k| tr.t(k));
    let term = |t: Taxonomy| terms.label(t, code, tr.locale).to_string();
    let unknown = || tr.t("report-unknown");
    match id {
        "theme" => term(Taxonomy::Theme),
        "online-service" if code.is_empty() => tr.t("log-service-none"),
        "online-service" => term(Taxonomy::OnlineService),
        "outcome" => term(Taxonomy::Outcome),
        "autonomy" => term(Taxonomy::Autonomy),
        "setting" => key(vocabulary::SETTINGS).unwrap_or_else(unknown),
        "place" => Uuid::parse_str(code).ok().and_then(|p| places.get(&p).cloned()).unwrap_or_else(|| tr.t("report-other-place")),
        "helper-kind" => tr.t(if code == "volunteer" { "helper-kind-volunteer" } else { "helper-kind-professional" }),
        "weekday" => tr.t(&format!("weekday-{code}")),
        "hour" => format!("{code}:00"),
        "age-band" => key(vocabulary::AGE_BANDS).unwrap_or_else(unknown),
        "gender" => key(vocabulary::GENDERS).unwrap_or_else(unknown),
        "situation" => term(Taxonomy::Public),
        "redirections" => key(vocabulary::REDIRECTION_STATUSES).unwrap_or_else(unknown),
        "moment-people" => match code {
            "under-25" => tr.t("age-band-under-25"),
            "25-44" => tr.t("age-band-25-44"),
            "45-64" => tr.t("age-band-45-64"),
            "65-plus" => tr.t("moment-age-65-plus"),
            "women" => tr.t("moment-women"),
            "men" => tr.t("moment-men"),
            _ => unknown(),
        },
        "signals" => key(vocabulary::BARRIERS).unwrap_or_else(unknown),
        _ => code.to_string(),
    }
}

/// Build the report. `places`: names of the places of the scope's organisations.
#[allow(clippy::too_many_arguments)]
pub fn build(tr: &Tr, terms: &Terms, scope: String, period: &Period, figures: &Figures, previous: &Figures, suppressed: bool, places: &HashMap<Uuid, String>) -> Report {
    let (people, none) = (Measure::People, Measure::NoOne);
    let mut headline_rows: Vec<(&str, &str, i64, i64, Measure)> = vec![
        ("requests", "report-requests", figures.requests, previous.requests, people),
        ("people", "report-people", figures.people, previous.people, people),
        ("hours", "report-hours", figures.minutes / 60, previous.minutes / 60, none),
        ("redirections", "report-redirections-total", figures.redirections.values().sum(), previous.redirections.values().sum(), people),
        ("moments", "report-moments", figures.moments, previous.moments, none),
        ("moment-head-count", "report-moment-head-count", figures.moment_head_count, previous.moment_head_count, people),
        ("signals", "report-signals", figures.signals, previous.signals, people),
    ];
    // The other areas' figures, after the log's. A rate only where its base was counted (never
    // a made-up 0 %).
    for (i, source) in figures.sources.iter().enumerate() {
        for h in &source.headline {
            let before = previous.sources.get(i).and_then(|p| p.headline.iter().find(|b| b.code == h.code));
            let measure = match (h.measure, before.map(|b| b.measure)) {
                (relais_core::figures::Measure::People, _) => Measure::People,
                (relais_core::figures::Measure::NoOne, _) => Measure::NoOne,
                (relais_core::figures::Measure::RateOf(now), Some(relais_core::figures::Measure::RateOf(then))) => Measure::RateOf(now, then),
                (relais_core::figures::Measure::RateOf(now), _) => Measure::RateOf(now, 0),
            };
            if let Measure::RateOf(0, 0) = measure {
                continue;
            }
            headline_rows.push((h.code, h.label, h.value, before.map_or(0, |b| b.value), measure));
        }
    }
    let headline = headline_rows
        .iter()
        .map(|(code, key, now, before, measure)| {
            let (value, previous) = measure.cells(*now, *before, suppressed);
            Row { code: code.to_string(), label: tr.t(key), value, previous }
        })
        .collect();
    let mut tables = Vec::new();
    for (id, caption) in TABLES {
        let now = counts(figures, id).cloned().unwrap_or_default();
        let before = counts(previous, id).cloned().unwrap_or_default();
        let mut codes: Vec<String> = now.keys().chain(before.keys()).cloned().collect();
        codes.sort();
        codes.dedup();
        if *id == "month" {
            // Only the months of the period itself.
            codes.retain(|m| m.as_str() >= period.from.as_str() && m.as_str() <= period.to.as_str());
        }
        codes.retain(|c| now.get(c).copied().unwrap_or(0) > 0 || before.get(c).copied().unwrap_or(0) > 0);
        if codes.is_empty() {
            continue;
        }
        let values: Vec<i64> = codes.iter().map(|c| now.get(c).copied().unwrap_or(0)).collect();
        let old: Vec<i64> = codes.iter().map(|c| before.get(c).copied().unwrap_or(0)).collect();
        // Every table counts people or their requests: hidden when small above the organisation.
        let parts = partitions(id, &codes);
        let cells = suppress::partitioned(&values, &parts, suppressed);
        let old_cells = suppress::partitioned(&old, &parts, suppressed);
        let mut rows: Vec<Row> =
            codes.iter().enumerate().map(|(i, code)| Row { code: code.clone(), label: label(id, code, tr, terms, places), value: cells[i], previous: old_cells[i] }).collect();
        if !matches!(*id, "month" | "weekday" | "hour") {
            rows.sort_by(|a, b| values_of(b).cmp(&values_of(a)).then(a.label.cmp(&b.label)));
        }
        tables.push(Table { id: id.to_string(), caption: tr.t(caption), rows });
    }
    for (i, source) in figures.sources.iter().enumerate() {
        for table in &source.tables {
            let before = previous.sources.get(i).and_then(|p| p.tables.iter().find(|t| t.id == table.id));
            let empty = std::collections::BTreeMap::new();
            let old_counts = before.map_or(&empty, |b| &b.counts);
            let mut codes: Vec<String> = table.counts.keys().chain(old_counts.keys()).cloned().collect();
            codes.sort();
            codes.dedup();
            codes.retain(|c| table.counts.get(c).copied().unwrap_or(0) > 0 || old_counts.get(c).copied().unwrap_or(0) > 0);
            if codes.is_empty() {
                continue;
            }
            let values: Vec<i64> = codes.iter().map(|c| table.counts.get(c).copied().unwrap_or(0)).collect();
            let old: Vec<i64> = codes.iter().map(|c| old_counts.get(c).copied().unwrap_or(0)).collect();
            let parts = vec![(0..codes.len()).collect()];
            let cells = suppress::partitioned(&values, &parts, suppressed);
            let old_cells = suppress::partitioned(&old, &parts, suppressed);
            let label_of = |code: &str| table.labels.get(code).or_else(|| before.and_then(|b| b.labels.get(code))).cloned().unwrap_or_else(|| code.to_string());
            let mut rows: Vec<Row> = codes.iter().enumerate().map(|(i, code)| Row { code: code.clone(), label: label_of(code), value: cells[i], previous: old_cells[i] }).collect();
            if !table.in_code_order {
                rows.sort_by(|a, b| values_of(b).cmp(&values_of(a)).then(a.label.cmp(&b.label)));
            }
            tables.push(Table { id: table.id.clone(), caption: tr.t(table.caption), rows });
        }
    }
    Report { scope, period: period.clone(), previous_period: period.previous(), suppressed, headline, tables }
}

/// What a headline figure measures, which decides whether it is hidden when small above the
/// organisation. Every table counts people or their requests, and is always suppressed there.
#[derive(Debug, Clone, Copy)]
enum Measure {
    /// People, or what they asked, took part in, filled in or reported (requests, people
    /// followed, head counts of collective moments, workshop participants, diagnostics,
    /// redirections, signals): "< 5" when between 1 and 4.
    People,
    /// Counts no one: hours spent, collective moments and workshops held.
    NoOne,
    /// A rate computed from this many people (now, before): hidden when they are fewer than 5.
    RateOf(i64, i64),
}

impl Measure {
    /// The cells of a figure now and before.
    fn cells(self, now: i64, before: i64, suppressed: bool) -> (Cell, Cell) {
        match self {
            Measure::People => (suppress::one(now, suppressed), suppress::one(before, suppressed)),
            Measure::NoOne => (Cell::Value(now), Cell::Value(before)),
            Measure::RateOf(base_now, base_before) => {
                let rate = |rate: i64, base: i64| match suppress::one(base, suppressed) {
                    Cell::Value(0) => Cell::NotKnown,
                    Cell::Suppressed => Cell::Suppressed,
                    _ => Cell::Value(rate),
                };
                (rate(now, base_now), rate(before, base_before))
            }
        }
    }
}

/// The partitions of a table's rows whose figures relate to a total of their own: the age bands
/// and the genders of collective moments each add up to (at most) the head count; any other
/// table is one partition.
fn partitions(id: &str, codes: &[String]) -> Vec<Vec<usize>> {
    if id != "moment-people" {
        return vec![(0..codes.len()).collect()];
    }
    let (genders, ages): (Vec<usize>, Vec<usize>) = (0..codes.len()).partition(|i| matches!(codes[*i].as_str(), "women" | "men"));
    vec![ages, genders]
}

/// For sorting: a hidden cell sorts as a small one.
fn values_of(row: &Row) -> i64 {
    row.value.value().unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_count_of_people_is_hidden_when_small_and_only_above_the_organisation() {
        assert_eq!(Measure::People.cells(4, 12, true), (Cell::Suppressed, Cell::Value(12)));
        assert_eq!(Measure::People.cells(4, 12, false), (Cell::Value(4), Cell::Value(12)));
        // hours, moments and workshops held count no one
        assert_eq!(Measure::NoOne.cells(3, 1, true), (Cell::Value(3), Cell::Value(1)));
        // a rate from 3 people is hidden, from 20 it is shown
        assert_eq!(Measure::RateOf(3, 20).cells(67, 85, true), (Cell::Suppressed, Cell::Value(85)));
        assert_eq!(Measure::RateOf(3, 20).cells(67, 85, false), (Cell::Value(67), Cell::Value(85)));
        assert_eq!(Measure::RateOf(0, 20).cells(0, 85, false), (Cell::NotKnown, Cell::Value(85)), "no attendance taken: not a 0 %");
    }

    #[test]
    fn the_ages_and_the_genders_of_moments_are_two_partitions() {
        let codes: Vec<String> = ["25-44", "45-64", "men", "under-25", "women"].map(String::from).to_vec();
        assert_eq!(partitions("moment-people", &codes), vec![vec![0, 1, 3], vec![2, 4]]);
        assert_eq!(partitions("theme", &codes), vec![vec![0, 1, 2, 3, 4]]);
    }
}
