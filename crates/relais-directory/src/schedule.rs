//! Drop-in session schedules of a Relais place: recurring sessions, exceptions
//! (closures and extra sessions), the next opening, and the schedule in
//! OpenStreetMap `opening_hours` syntax.
//!
//! # Model
//!
//! * All dates and times given by the place are **civil** (wall-clock) values
//!   in [`ZONE`] (Europe/Brussels). They are turned into instants only at the
//!   end, one day at a time, so a session at 10:00 stays at 10:00 on both
//!   sides of a daylight-saving change.
//! * A session never crosses midnight (`start < end` on the same date);
//!   [`Recurrence::validate`] rejects anything else.
//! * A [`Recurrence`] happens on its `weekday`, every `every_weeks` weeks. The
//!   phase is counted in days from `anchor` (`days_between / 7 mod n`), never
//!   from ISO week numbers, so it is not disturbed by years with a week 53
//!   (2026 has one: 2026-12-28 .. 2027-01-03).
//! * A closing [`Exception`] cancels the *recurring* sessions on its dates
//!   (all of them, or only those overlapping its optional time window). An
//!   extra [`Exception`] always takes place, even on a closed date: an
//!   explicit one-off session is the more specific decision.
//! * Sessions of the same day that overlap or touch are merged into one
//!   [`Opening`].
//! * Invalid entries (those whose `validate` fails) are **ignored** by the
//!   computing functions; validate them when they are entered.
//!
//! # Daylight saving time
//!
//! Civil times are converted with jiff's *compatible* disambiguation (as in
//! RFC 5545 and JavaScript's `Temporal`):
//!
//! * in the spring-forward gap (last Sunday of March, 02:00 → 03:00) a
//!   non-existent time is moved forward by the length of the gap: 02:00
//!   becomes 03:00+02:00 and 02:30 becomes 03:30+02:00 (the time is read
//!   with the winter offset). So on that day a session 02:00–03:30 runs
//!   03:00–03:30 (+02:00), 30 real minutes; 01:30–02:30 runs 01:30+01:00 to
//!   03:30+02:00, one real hour; 02:30–03:30 (or 02:30–03:15) has its start
//!   moved onto (or past) its end, is empty and is dropped. One refinement
//!   on top of "compatible": a session whose start *and* end both fall in
//!   the gap (02:15–02:45, 02:00–02:30) never appears on the clock and is
//!   dropped, rather than moved to 03:15–03:45. OpenStreetMap's reference
//!   evaluator (opening_hours.js) gives exactly these results too;
//! * in the autumn fold (last Sunday of October, 03:00 → 02:00) a repeated
//!   time takes its first occurrence (+02:00): a session 02:00–03:00 on that
//!   day runs from 02:00+02:00 to 03:00+01:00, two real hours.

use std::collections::BTreeMap;

use jiff::civil::{Date, Time, Weekday};
use jiff::tz::AmbiguousOffset;
use jiff::{SignedDuration, Timestamp, ToSpan, Zoned};

/// The time zone of every civil date and time in this module.
pub use relais_core::dates::ZONE;

/// A session's local `(start, end)` times on one date.
pub type Slot = (Time, Time);

/// The largest accepted [`Recurrence::every_weeks`].
pub const MAX_EVERY_WEEKS: u8 = 8;

/// Horizons (in days) are clamped to `0..=MAX_HORIZON_DAYS` (about ten years).
pub const MAX_HORIZON_DAYS: i64 = 3660;

/// The Europe/Brussels time zone (the kernel's [`relais_core::dates`]).
pub use relais_core::dates::{time_zone, zone};

/// Why a [`Recurrence`] or an [`Exception`] is rejected. Each variant is
/// meant to be mapped by the application to a translated message (the enum
/// is deliberately exhaustive so that a new variant breaks that mapping at
/// compile time); `Display` gives an English one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
pub enum ScheduleError {
    /// The end time is before the start time: a session crossing midnight
    /// is not supported (split it into two sessions).
    #[error("the session ends before it starts (a session cannot cross midnight)")]
    CrossesMidnight,
    /// The end time equals the start time.
    #[error("the session ends when it starts")]
    Empty,
    /// A time has seconds or fractions of a second.
    #[error("times must be whole minutes")]
    SubMinute,
    /// `every_weeks` is outside `1..=8`.
    #[error("a session repeats every 1 to 8 weeks")]
    BadEveryWeeks,
    /// The anchor date is not on the session's weekday.
    #[error("the reference date is not on the session's weekday")]
    AnchorNotOnWeekday,
    /// The last date is before the first date.
    #[error("the end date is before the start date")]
    UntilBeforeFrom,
    /// An extra session lacks its start or end time.
    #[error("an extra session needs a start and an end time")]
    ExtraNeedsTimes,
    /// An extra session spans several dates (`until` must equal `from`).
    #[error("an extra session takes place on a single date")]
    ExtraSpansDays,
}

/// A recurring drop-in session: every `every_weeks` weeks on `weekday`, from
/// `start` to `end` (civil times in [`ZONE`], same day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Recurrence {
    /// The day of the week of the session.
    pub weekday: Weekday,
    /// Local start time (whole minutes).
    pub start: Time,
    /// Local end time (whole minutes), after `start` on the same day.
    pub end: Time,
    /// 1 = every week, 2 = every other week, … up to [`MAX_EVERY_WEEKS`].
    pub every_weeks: u8,
    /// A date on which the session happens (it must be on `weekday`). For
    /// `every_weeks > 1` it fixes the phase: the session happens on the dates
    /// whose distance in days to the anchor is a multiple of
    /// `7 * every_weeks`, before or after the anchor. It is not a first date:
    /// use `from` for that.
    pub anchor: Date,
    /// First date on which the session may happen (inclusive), if any.
    pub from: Option<Date>,
    /// Last date on which the session may happen (inclusive), if any.
    pub until: Option<Date>,
}

impl Recurrence {
    /// A weekly session without date bounds (the anchor is the first
    /// `weekday` on or after 2024-01-01; it does not matter for weekly
    /// sessions).
    pub fn weekly(weekday: Weekday, start: Time, end: Time) -> Recurrence {
        // 2024-01-01 is a Monday.
        let anchor = jiff::civil::date(2024, 1, 1).checked_add(i64::from(weekday.to_monday_zero_offset()).days()).unwrap_or(jiff::civil::date(2024, 1, 1));
        Recurrence { weekday, start, end, every_weeks: 1, anchor, from: None, until: None }
    }

    /// A session every `n` weeks on `anchor`'s weekday, in phase with `anchor`.
    pub fn every_n_weeks(n: u8, anchor: Date, start: Time, end: Time) -> Recurrence {
        Recurrence { weekday: anchor.weekday(), start, end, every_weeks: n, anchor, from: None, until: None }
    }

    /// The same session, not before `from`.
    pub fn with_from(self, from: Date) -> Recurrence {
        Recurrence { from: Some(from), ..self }
    }

    /// The same session, not after `until`.
    pub fn with_until(self, until: Date) -> Recurrence {
        Recurrence { until: Some(until), ..self }
    }

    /// Checks, in this order: times ([`ScheduleError::CrossesMidnight`],
    /// [`ScheduleError::Empty`], [`ScheduleError::SubMinute`]),
    /// `every_weeks`, the anchor's weekday, and `until >= from`.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_times(self.start, self.end)?;
        if !(1..=MAX_EVERY_WEEKS).contains(&self.every_weeks) {
            return Err(ScheduleError::BadEveryWeeks);
        }
        if self.anchor.weekday() != self.weekday {
            return Err(ScheduleError::AnchorNotOnWeekday);
        }
        if let (Some(from), Some(until)) = (self.from, self.until)
            && until < from
        {
            return Err(ScheduleError::UntilBeforeFrom);
        }
        Ok(())
    }

    /// Whether the session is scheduled on `date` (weekday, bounds and
    /// every-n-weeks phase; exceptions not considered).
    pub fn occurs_on(&self, date: Date) -> bool {
        if date.weekday() != self.weekday || self.from.is_some_and(|from| date < from) || self.until.is_some_and(|until| date > until) {
            return false;
        }
        let n = i64::from(self.every_weeks.max(1));
        (days_between(self.anchor, date) / 7).rem_euclid(n) == 0
    }
}

/// What an [`Exception`] does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExceptionKind {
    /// No recurring session on the dates `from..=until` (holidays, sick
    /// day). With a time window (`start` and/or `end`), only the recurring
    /// sessions overlapping that window are cancelled (whole sessions, not
    /// trimmed); a missing `start` means from midnight, a missing `end` until
    /// the end of the day.
    Closed,
    /// A one-off additional session on `from` (`until == from`) from `start`
    /// to `end`. It takes place even on a closed date.
    Extra,
}

/// A dated deviation from the recurring sessions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Exception {
    /// Closure or extra session.
    pub kind: ExceptionKind,
    /// First date (inclusive).
    pub from: Date,
    /// Last date (inclusive); equal to `from` for an extra session.
    pub until: Date,
    /// Local start time: of the extra session, or of the closed window.
    pub start: Option<Time>,
    /// Local end time: of the extra session, or of the closed window.
    pub end: Option<Time>,
}

impl Exception {
    /// Closed all day on `from..=until`.
    pub fn closed(from: Date, until: Date) -> Exception {
        Exception { kind: ExceptionKind::Closed, from, until, start: None, end: None }
    }

    /// Closed on `date` for the sessions overlapping `start..end`.
    pub fn closed_slot(date: Date, start: Time, end: Time) -> Exception {
        Exception { kind: ExceptionKind::Closed, from: date, until: date, start: Some(start), end: Some(end) }
    }

    /// An extra session on `date` from `start` to `end`.
    pub fn extra(date: Date, start: Time, end: Time) -> Exception {
        Exception { kind: ExceptionKind::Extra, from: date, until: date, start: Some(start), end: Some(end) }
    }

    /// Checks `until >= from`, the times (as for a [`Recurrence`], when both
    /// are given; whole minutes), and for an extra session that both times
    /// are given and `until == from`.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        if self.until < self.from {
            return Err(ScheduleError::UntilBeforeFrom);
        }
        match (self.start, self.end) {
            (Some(start), Some(end)) => check_times(start, end)?,
            (None, None) => {}
            (one, other) => {
                if one.or(other).is_some_and(|t| !whole_minutes(t)) {
                    return Err(ScheduleError::SubMinute);
                }
            }
        }
        if self.kind == ExceptionKind::Extra {
            if self.start.is_none() || self.end.is_none() {
                return Err(ScheduleError::ExtraNeedsTimes);
            }
            if self.until != self.from {
                return Err(ScheduleError::ExtraSpansDays);
            }
        }
        Ok(())
    }

    /// Whether this exception cancels a recurring session `start..end` on `date`.
    pub fn cancels(&self, date: Date, start: Time, end: Time) -> bool {
        self.kind == ExceptionKind::Closed
            && self.from <= date
            && date <= self.until
            && self.start.is_none_or(|window_start| window_start < end)
            && self.end.is_none_or(|window_end| start < window_end)
    }

    /// The extra session's times on `date`, if this is an extra session there.
    fn extra_on(&self, date: Date) -> Option<Slot> {
        match (self.kind, self.start, self.end) {
            (ExceptionKind::Extra, Some(start), Some(end)) if self.from == date => Some((start, end)),
            _ => None,
        }
    }
}

/// One opening of the place: one session, or several overlapping or
/// touching sessions merged. `start < end`; both are in [`ZONE`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opening {
    /// When it opens.
    pub start: Zoned,
    /// When it closes (exclusive).
    pub end: Zoned,
}

impl Opening {
    /// Whether the place is open at `t` during this opening (`start <= t < end`).
    pub fn contains(&self, t: Timestamp) -> bool {
        self.start.timestamp() <= t && t < self.end.timestamp()
    }
}

/// The sessions of the place on `date`, as local `(start, end)` times,
/// closures applied, extras added, overlapping or touching ones merged,
/// sorted. Invalid entries are ignored.
pub fn day_slots(recurrences: &[Recurrence], exceptions: &[Exception], date: Date) -> Vec<Slot> {
    let mut slots = Vec::new();
    for r in recurrences.iter().filter(|r| r.validate().is_ok() && r.occurs_on(date)) {
        let cancelled = exceptions.iter().any(|e| e.validate().is_ok() && e.cancels(date, r.start, r.end));
        if !cancelled {
            slots.push((r.start, r.end));
        }
    }
    slots.extend(exceptions.iter().filter(|e| e.validate().is_ok()).filter_map(|e| e.extra_on(date)));
    merge(slots)
}

/// Every opening overlapping `[from, to)`, sorted, with closures applied and
/// extras added; sessions that overlap or touch are merged. Openings are
/// returned whole (not clipped to `[from, to)`). The cost is proportional to
/// the number of days in the range times the number of entries.
pub fn openings(recurrences: &[Recurrence], exceptions: &[Exception], from: Timestamp, to: Timestamp) -> Vec<Opening> {
    if to <= from {
        return Vec::new();
    }
    let tz = time_zone();
    let first = from.to_zoned(tz.clone()).date();
    // A session of date D lies within D's instants, but start one day early
    // anyway so that nothing depends on that.
    let first = first.yesterday().unwrap_or(first);
    let last = to.to_zoned(tz.clone()).date();
    let mut spans = Vec::new();
    for date in dates(first, last) {
        for (start, end) in day_slots(recurrences, exceptions, date) {
            let (Some((start, start_in_gap)), Some((end, end_in_gap))) = (instant(date, start), instant(date, end)) else {
                continue;
            };
            // Dropped when it never shows on the clock, or when the gap moved
            // its start onto or past its end (see the module documentation).
            if start < end && !(start_in_gap && end_in_gap) {
                spans.push((start, end));
            }
        }
    }
    merge(spans)
        .into_iter()
        .filter(|&(start, end)| start < to && end > from)
        .map(|(start, end)| Opening { start: start.to_zoned(tz.clone()), end: end.to_zoned(tz.clone()) })
        .collect()
}

/// The opening in progress at `now` (its whole interval, `start <= now <
/// end`), or else the next one to start, if it starts no later than
/// `horizon_days` calendar days after `now` (clamped to
/// `0..=MAX_HORIZON_DAYS`; e.g. 120). `None` when nothing is scheduled in
/// that window.
pub fn next_opening(recurrences: &[Recurrence], exceptions: &[Exception], now: Timestamp, horizon_days: i64) -> Option<Opening> {
    let days = horizon_days.clamp(0, MAX_HORIZON_DAYS);
    let limit = now.to_zoned(time_zone().clone()).checked_add(days.days()).map_or(Timestamp::MAX, |z| z.timestamp());
    let to = limit.checked_add(SignedDuration::from_nanos(1)).unwrap_or(Timestamp::MAX);
    openings(recurrences, exceptions, now, to).into_iter().next()
}

/// Whether the place is open at `now`.
pub fn is_open(recurrences: &[Recurrence], exceptions: &[Exception], now: Timestamp) -> bool {
    let to = now.checked_add(SignedDuration::from_nanos(1)).unwrap_or(Timestamp::MAX);
    !openings(recurrences, exceptions, now, to).is_empty()
}

/// The schedule in OpenStreetMap `opening_hours` syntax: the regular weekly
/// sessions as rules, plus every date from `today` through `today +
/// horizon_days` (clamped to `0..=MAX_HORIZON_DAYS`) whose sessions differ
/// from them. Within that window the string gives exactly the sessions of
/// [`day_slots`]; after it, only the weekly rules (every-n-weeks sessions and
/// exceptions after the window are not stated).
///
/// * Weekly sessions: `Tu 09:30-12:00; Th 14:00-17:00`, two slots on one day
///   `Tu 09:30-12:00,14:00-17:00`, the same slots on several days
///   `Mo,We 09:00-12:00` / `Mo-Fr 09:00-12:00`.
/// * Weekly sessions bounded by `from`/`until` get a date range
///   (`2026 Dec 01-2027 Mar 31 Tu 14:00-17:00`; open-ended
///   `2027 Jan 05-2027 Dec 31 Tu …, 2028+ Tu …`, since `2027 Jan 05+` is not
///   accepted by the reference parser) and are joined to the rules before
///   them with the additional-rule separator `, ` so that they add to, and
///   do not replace, the other sessions of the same weekday.
/// * Every-n-weeks sessions (n > 1): explicit dates, one fully qualified
///   date per item (`2026 Dec 01,2026 Dec 15,2027 Jan 12 14:00-16:00`);
///   never ISO week numbers, which break in years with a week 53.
/// * Whole-day closures: `2026 Dec 24-2027 Jan 01 off`, `2026 Dec 25 off`
///   (clipped to the window, given only when they close something).
/// * Any other date whose sessions differ from what the rules before say
///   (partial closure, extra session, every-n-weeks session, extra on a
///   closed date) gets a normal rule (`; `) listing **all** its sessions,
///   the regular ones repeated (`2026 Dec 01 09:30-12:00,14:00-16:00`) or
///   `off`: a later normal rule replaces the earlier ones for its dates.
///   A partial closure is thus written as the remaining hours.
/// * Nothing at all: `off`.
pub fn opening_hours(recurrences: &[Recurrence], exceptions: &[Exception], today: Date, horizon_days: i64) -> String {
    let days = horizon_days.clamp(0, MAX_HORIZON_DAYS);
    let last = today.checked_add(days.days()).unwrap_or(today);
    let recurrences: Vec<Recurrence> = recurrences.iter().filter(|r| r.validate().is_ok()).copied().collect();
    let exceptions: Vec<Exception> = exceptions.iter().filter(|e| e.validate().is_ok()).copied().collect();
    let weekly: Vec<&Recurrence> = recurrences.iter().filter(|r| r.every_weeks == 1 && r.until.is_none_or(|until| until >= today)).collect();

    // 1. Weekly rules, grouped by their date bounds; bounds in the past are
    //    dropped (the string speaks from `today` on). Unbounded first.
    type Week = [Vec<Slot>; 7];
    let mut blocks: BTreeMap<(Option<Date>, Option<Date>), Week> = BTreeMap::new();
    for r in &weekly {
        let key = (r.from.filter(|&from| from > today), r.until);
        blocks.entry(key).or_default()[weekday_index(r.weekday)].push((r.start, r.end));
    }
    let mut out = String::new();
    for (block, ((from, until), week)) in blocks.iter().enumerate() {
        for prefix in date_prefixes(today, *from, *until) {
            for rule in weekday_rules(week) {
                // Rules of the first block are on distinct weekdays, or on
                // disjoint dates: `; ` is safe. Later blocks may share a
                // weekday with an earlier one: they must add to it.
                if !out.is_empty() {
                    out.push_str(if block == 0 { "; " } else { ", " });
                }
                out.push_str(&prefix);
                out.push_str(&rule);
            }
        }
    }
    let regular = |date: Date| -> Vec<Slot> { merge(weekly.iter().filter(|r| r.occurs_on(date)).map(|r| (r.start, r.end)).collect()) };

    // 2. Whole-day closures, as ranges, when they close a recurring session.
    let mut closed: Vec<(Date, Date)> = exceptions
        .iter()
        .filter(|e| e.kind == ExceptionKind::Closed && e.start.is_none() && e.end.is_none())
        .map(|e| (e.from.max(today), e.until.min(last)))
        .filter(|(from, until)| from <= until)
        .collect();
    closed.sort();
    let mut ranges: Vec<(Date, Date)> = Vec::new();
    for (from, until) in closed {
        match ranges.last_mut() {
            Some(prev) if from <= prev.1.tomorrow().unwrap_or(prev.1) => prev.1 = prev.1.max(until),
            _ => ranges.push((from, until)),
        }
    }
    ranges.retain(|&(from, until)| dates(from, until).any(|date| recurrences.iter().any(|r| r.occurs_on(date))));
    let mut rules: Vec<String> = ranges.iter().map(|&(from, until)| format!("{} off", fmt_date_range(from, until))).collect();

    // 3. Dates whose sessions differ from what the rules so far state.
    let mut groups: Vec<(Vec<Slot>, Vec<Date>)> = Vec::new();
    for date in dates(today, last) {
        let stated = if ranges.iter().any(|&(from, until)| from <= date && date <= until) { Vec::new() } else { regular(date) };
        let actual = day_slots(&recurrences, &exceptions, date);
        if stated != actual {
            match groups.iter_mut().find(|(slots, _)| *slots == actual) {
                Some((_, group)) => group.push(date),
                None => groups.push((actual, vec![date])),
            }
        }
    }
    for (slots, group) in &groups {
        let mut items: Vec<String> = Vec::new();
        let mut run: Option<(Date, Date)> = None;
        for &date in group {
            run = match run {
                Some((first, prev)) if prev.tomorrow().ok() == Some(date) => Some((first, date)),
                Some((first, prev)) => {
                    items.push(fmt_date_range(first, prev));
                    Some((date, date))
                }
                None => Some((date, date)),
            };
        }
        if let Some((first, prev)) = run {
            items.push(fmt_date_range(first, prev));
        }
        let what = if slots.is_empty() { "off".to_string() } else { fmt_slots(slots) };
        rules.push(format!("{} {what}", items.join(",")));
    }

    for rule in rules {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(&rule);
    }
    if out.is_empty() {
        out.push_str("off");
    }
    out
}

// ---------------------------------------------------------------------------
// Helpers.

fn whole_minutes(t: Time) -> bool {
    t.second() == 0 && t.subsec_nanosecond() == 0
}

fn check_times(start: Time, end: Time) -> Result<(), ScheduleError> {
    if end < start {
        Err(ScheduleError::CrossesMidnight)
    } else if end == start {
        Err(ScheduleError::Empty)
    } else if !whole_minutes(start) || !whole_minutes(end) {
        Err(ScheduleError::SubMinute)
    } else {
        Ok(())
    }
}

/// The instant of the local time `t` on `date` (compatible disambiguation:
/// a time in a spring-forward gap moves forward by the gap's length, a
/// repeated time takes its first occurrence), and whether `t` falls in a gap.
fn instant(date: Date, t: Time) -> Option<(Timestamp, bool)> {
    let ambiguous = time_zone().to_ambiguous_timestamp(date.to_datetime(t));
    let in_gap = matches!(ambiguous.offset(), AmbiguousOffset::Gap { .. });
    ambiguous.compatible().ok().map(|ts| (ts, in_gap))
}

/// Signed number of days from `a` to `b` (civil days are exactly 24 hours).
fn days_between(a: Date, b: Date) -> i64 {
    b.duration_since(a).as_hours().div_euclid(24)
}

/// The dates `first..=last` (nothing when `last < first`).
fn dates(first: Date, last: Date) -> impl Iterator<Item = Date> {
    std::iter::successors((first <= last).then_some(first), move |d| d.tomorrow().ok().filter(|next| *next <= last))
}

/// Sorts intervals and merges those that overlap or touch.
fn merge<T: Ord + Copy>(mut spans: Vec<(T, T)>) -> Vec<(T, T)> {
    spans.sort();
    let mut out: Vec<(T, T)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

fn weekday_index(w: Weekday) -> usize {
    usize::try_from(w.to_monday_zero_offset()).unwrap_or(0)
}

const WEEKDAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn fmt_time(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

fn fmt_slots(slots: &[Slot]) -> String {
    slots.iter().map(|&(start, end)| format!("{}-{}", fmt_time(start), fmt_time(end))).collect::<Vec<_>>().join(",")
}

fn fmt_date(d: Date) -> String {
    let month = MONTHS[usize::try_from(d.month() - 1).unwrap_or(0)];
    format!("{} {month} {:02}", d.year(), d.day())
}

/// `2026 Dec 25`, `2026 Dec 24-31`, `2026 Dec 24-2027 Jan 01`.
fn fmt_date_range(from: Date, until: Date) -> String {
    if from == until {
        fmt_date(from)
    } else if from.year() == until.year() && from.month() == until.month() {
        format!("{}-{:02}", fmt_date(from), until.day())
    } else {
        format!("{}-{}", fmt_date(from), fmt_date(until))
    }
}

/// Date-range prefixes (with a trailing space) stating `from..=until` from
/// `today` on; `from` is `None` when it is not after `today`.
fn date_prefixes(today: Date, from: Option<Date>, until: Option<Date>) -> Vec<String> {
    match (from, until) {
        (None, None) => vec![String::new()],
        (from, Some(until)) => vec![format!("{} ", fmt_date_range(from.unwrap_or(today), until))],
        (Some(from), None) if from.month() == 1 && from.day() == 1 => {
            vec![format!("{}+ ", from.year())]
        }
        (Some(from), None) => {
            let new_year_eve = jiff::civil::date(from.year(), 12, 31);
            vec![format!("{} ", fmt_date_range(from, new_year_eve)), format!("{}+ ", i32::from(from.year()) + 1)]
        }
    }
}

/// `Tu 09:30-12:00,14:00-17:00`, `Mo,We 09:00-12:00`, `Mo-Fr 09:00-12:00`:
/// weekdays with the same (merged) slots share a rule; ordered by weekday.
fn weekday_rules(week: &[Vec<Slot>; 7]) -> Vec<String> {
    let merged: Vec<Vec<Slot>> = week.iter().map(|slots| merge(slots.clone())).collect();
    let mut done = [false; 7];
    let mut rules = Vec::new();
    for (i, slots) in merged.iter().enumerate() {
        if done[i] || slots.is_empty() {
            continue;
        }
        let same: Vec<usize> = (i..7).filter(|&j| merged[j] == *slots).collect();
        for &j in &same {
            done[j] = true;
        }
        rules.push(format!("{} {}", fmt_weekdays(&same), fmt_slots(slots)));
    }
    rules
}

/// Sorted weekday indices as `Mo,We`, runs of three or more as `Mo-Fr`.
fn fmt_weekdays(days: &[usize]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1] == days[j] + 1 {
            j += 1;
        }
        if j - i >= 2 {
            parts.push(format!("{}-{}", WEEKDAYS[days[i]], WEEKDAYS[days[j]]));
            i = j + 1;
        } else {
            parts.push(WEEKDAYS[days[i]].to_string());
            i += 1;
        }
    }
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::Weekday::{Monday, Sunday, Thursday, Tuesday, Wednesday};
    use jiff::civil::{Weekday, time};

    fn d(s: &str) -> Date {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }
    fn t(s: &str) -> Time {
        let (h, m) = s.split_once(':').expect("HH:MM");
        time(h.parse().unwrap(), m.parse().unwrap(), 0, 0)
    }
    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }
    /// Local time with its UTC offset, e.g. `2026-12-01T09:30+01:00`.
    fn local(z: &Zoned) -> String {
        z.strftime("%Y-%m-%dT%H:%M%:z").to_string()
    }
    fn wk(w: Weekday, start: &str, end: &str) -> Recurrence {
        Recurrence::weekly(w, t(start), t(end))
    }
    fn every(n: u8, anchor: &str, start: &str, end: &str) -> Recurrence {
        Recurrence::every_n_weeks(n, d(anchor), t(start), t(end))
    }
    fn closed(from: &str, until: &str) -> Exception {
        Exception::closed(d(from), d(until))
    }
    fn closed_slot(date: &str, start: &str, end: &str) -> Exception {
        Exception::closed_slot(d(date), t(start), t(end))
    }
    fn extra(date: &str, start: &str, end: &str) -> Exception {
        Exception::extra(d(date), t(start), t(end))
    }

    struct Row {
        desc: &'static str,
        recs: Vec<Recurrence>,
        excs: Vec<Exception>,
        now: &'static str,
        horizon: i64,
        want: Option<(&'static str, &'static str)>,
    }

    fn row(desc: &'static str, recs: Vec<Recurrence>, excs: Vec<Exception>, now: &'static str, horizon: i64, want: Option<(&'static str, &'static str)>) -> Row {
        Row { desc, recs, excs, now, horizon, want }
    }

    // 2026-12-01 is a Tuesday; 2026-12-28 .. 2027-01-03 is ISO week 53 of 2026.
    #[rustfmt::skip]
    fn next_opening_rows() -> Vec<Row> {
        let tue = || wk(Tuesday, "09:30", "12:00");
        let bi = || every(2, "2026-12-01", "14:00", "16:00");
        let sun = |s, e| wk(Sunday, s, e);
        vec![
            // --- weekly
            row("weekly Tue, now Monday -> Tuesday 9:30", vec![tue()], vec![],
                "2026-11-30T10:00+01:00", 120, Some(("2026-12-01T09:30+01:00", "2026-12-01T12:00+01:00"))),
            row("weekly Tue, now Tuesday 10:00 -> current interval", vec![tue()], vec![],
                "2026-12-01T10:00+01:00", 120, Some(("2026-12-01T09:30+01:00", "2026-12-01T12:00+01:00"))),
            row("weekly Tue, now exactly 9:30 -> current interval", vec![tue()], vec![],
                "2026-12-01T09:30+01:00", 120, Some(("2026-12-01T09:30+01:00", "2026-12-01T12:00+01:00"))),
            row("weekly Tue, now Tuesday 12:00 (end is exclusive) -> next week", vec![tue()], vec![],
                "2026-12-01T12:00+01:00", 120, Some(("2026-12-08T09:30+01:00", "2026-12-08T12:00+01:00"))),
            row("weekly Tue, now given in UTC", vec![tue()], vec![],
                "2026-12-01T11:00Z", 120, Some(("2026-12-08T09:30+01:00", "2026-12-08T12:00+01:00"))),
            // --- every n weeks
            row("biweekly: after the Dec 1 session -> Dec 15 (Dec 8 skipped)", vec![bi()], vec![],
                "2026-12-01T16:00+01:00", 120, Some(("2026-12-15T14:00+01:00", "2026-12-15T16:00+01:00"))),
            row("biweekly: on an off week -> next week", vec![bi()], vec![],
                "2026-12-08T13:00+01:00", 120, Some(("2026-12-15T14:00+01:00", "2026-12-15T16:00+01:00"))),
            row("biweekly: the session in ISO week 53 happens", vec![bi()], vec![],
                "2026-12-16T00:00+01:00", 120, Some(("2026-12-29T14:00+01:00", "2026-12-29T16:00+01:00"))),
            row("biweekly: after week 53 -> Jan 12, not Jan 5", vec![bi()], vec![],
                "2026-12-29T16:00+01:00", 120, Some(("2027-01-12T14:00+01:00", "2027-01-12T16:00+01:00"))),
            row("biweekly: Jan 5 is an off week", vec![bi()], vec![],
                "2027-01-05T00:00+01:00", 120, Some(("2027-01-12T14:00+01:00", "2027-01-12T16:00+01:00"))),
            row("biweekly: anchor after now, phase counted backwards", vec![every(2, "2027-01-12", "14:00", "16:00")], vec![],
                "2026-12-02T00:00+01:00", 120, Some(("2026-12-15T14:00+01:00", "2026-12-15T16:00+01:00"))),
            row("every 3 weeks across the new year (Dec 1, Dec 22, Jan 12)", vec![every(3, "2026-12-01", "14:00", "16:00")], vec![],
                "2026-12-23T00:00+01:00", 120, Some(("2027-01-12T14:00+01:00", "2027-01-12T16:00+01:00"))),
            // --- closures
            row("closed on one day -> the week after", vec![tue()], vec![closed("2026-12-08", "2026-12-08")],
                "2026-12-01T12:00+01:00", 120, Some(("2026-12-15T09:30+01:00", "2026-12-15T12:00+01:00"))),
            row("closed on one day: not open during the cancelled session", vec![tue()], vec![closed("2026-12-08", "2026-12-08")],
                "2026-12-08T10:00+01:00", 120, Some(("2026-12-15T09:30+01:00", "2026-12-15T12:00+01:00"))),
            row("closed over Christmas (Dec 24 - Jan 1), Tue and Thu",
                vec![tue(), wk(Thursday, "14:00", "17:00")], vec![closed("2026-12-24", "2027-01-01")],
                "2026-12-23T00:00+01:00", 120, Some(("2027-01-05T09:30+01:00", "2027-01-05T12:00+01:00"))),
            row("partial closure cancels the overlapping afternoon session only",
                vec![tue(), wk(Tuesday, "14:00", "17:00")], vec![closed_slot("2026-12-08", "13:00", "15:00")],
                "2026-12-08T12:30+01:00", 120, Some(("2026-12-15T09:30+01:00", "2026-12-15T12:00+01:00"))),
            row("partial closure keeps the morning session",
                vec![tue(), wk(Tuesday, "14:00", "17:00")], vec![closed_slot("2026-12-08", "13:00", "15:00")],
                "2026-12-08T08:00+01:00", 120, Some(("2026-12-08T09:30+01:00", "2026-12-08T12:00+01:00"))),
            row("extra session on a Sunday", vec![tue()], vec![extra("2026-12-06", "10:00", "12:00")],
                "2026-12-05T10:00+01:00", 120, Some(("2026-12-06T10:00+01:00", "2026-12-06T12:00+01:00"))),
            row("extra on a day with a session: the session is kept", vec![tue()], vec![extra("2026-12-01", "14:00", "16:00")],
                "2026-12-01T10:00+01:00", 120, Some(("2026-12-01T09:30+01:00", "2026-12-01T12:00+01:00"))),
            row("extra on a day with a session: the extra is kept", vec![tue()], vec![extra("2026-12-01", "14:00", "16:00")],
                "2026-12-01T12:30+01:00", 120, Some(("2026-12-01T14:00+01:00", "2026-12-01T16:00+01:00"))),
            row("extra touching a session is merged with it", vec![tue()], vec![extra("2026-12-01", "12:00", "13:00")],
                "2026-12-01T10:00+01:00", 120, Some(("2026-12-01T09:30+01:00", "2026-12-01T13:00+01:00"))),
            row("extra on a closed date takes place",
                vec![tue()], vec![closed("2026-12-24", "2027-01-01"), extra("2026-12-27", "10:00", "12:00")],
                "2026-12-24T00:00+01:00", 120, Some(("2026-12-27T10:00+01:00", "2026-12-27T12:00+01:00"))),
            // --- DST
            row("Sunday 10-12 on 2026-10-25 (autumn change) is +01:00", vec![sun("10:00", "12:00")], vec![],
                "2026-10-24T12:00+02:00", 120, Some(("2026-10-25T10:00+01:00", "2026-10-25T12:00+01:00"))),
            row("Sunday 10-12 the week before is +02:00", vec![sun("10:00", "12:00")], vec![],
                "2026-10-17T12:00+02:00", 120, Some(("2026-10-18T10:00+02:00", "2026-10-18T12:00+02:00"))),
            row("Sunday 10-12 on 2027-03-28 (spring change) is +02:00", vec![sun("10:00", "12:00")], vec![],
                "2027-03-27T12:00+01:00", 120, Some(("2027-03-28T10:00+02:00", "2027-03-28T12:00+02:00"))),
            row("02:00-03:30 on the spring day: 02:00 does not exist, runs 03:00-03:30", vec![sun("02:00", "03:30")], vec![],
                "2027-03-27T12:00+01:00", 120, Some(("2027-03-28T03:00+02:00", "2027-03-28T03:30+02:00"))),
            row("02:15-02:45 on the spring day lies wholly in the gap: dropped", vec![sun("02:15", "02:45")], vec![],
                "2027-03-27T12:00+01:00", 120, Some(("2027-04-04T02:15+02:00", "2027-04-04T02:45+02:00"))),
            row("02:00-02:30 on the spring day lies wholly in the gap: dropped", vec![sun("02:00", "02:30")], vec![],
                "2027-03-27T12:00+01:00", 120, Some(("2027-04-04T02:00+02:00", "2027-04-04T02:30+02:00"))),
            row("01:30-02:30 on the spring day: ends at 03:30+02:00, one real hour", vec![sun("01:30", "02:30")], vec![],
                "2027-03-27T12:00+01:00", 120, Some(("2027-03-28T01:30+01:00", "2027-03-28T03:30+02:00"))),
            row("02:30-04:00 on the spring day: starts at 03:30+02:00", vec![sun("02:30", "04:00")], vec![],
                "2027-03-27T12:00+01:00", 120, Some(("2027-03-28T03:30+02:00", "2027-03-28T04:00+02:00"))),
            row("02:15-03:45 on the spring day: starts at 03:15+02:00", vec![sun("02:15", "03:45")], vec![],
                "2027-03-27T12:00+01:00", 120, Some(("2027-03-28T03:15+02:00", "2027-03-28T03:45+02:00"))),
            row("02:30-03:15 on the spring day: start moved past the end, dropped", vec![sun("02:30", "03:15")], vec![],
                "2027-03-27T12:00+01:00", 120, Some(("2027-04-04T02:30+02:00", "2027-04-04T03:15+02:00"))),
            row("02:30-03:30 on the spring day: 02:30 moves to 03:30, empty, dropped", vec![sun("02:30", "03:30")], vec![],
                "2027-03-27T12:00+01:00", 120, Some(("2027-04-04T02:30+02:00", "2027-04-04T03:30+02:00"))),
            row("02:00-03:00 on the autumn day: first 02:00 to 03:00, two real hours", vec![sun("02:00", "03:00")], vec![],
                "2026-10-24T12:00+02:00", 120, Some(("2026-10-25T02:00+02:00", "2026-10-25T03:00+01:00"))),
            row("02:15-02:45 on the autumn day: first occurrence (+02:00)", vec![sun("02:15", "02:45")], vec![],
                "2026-10-24T12:00+02:00", 120, Some(("2026-10-25T02:15+02:00", "2026-10-25T02:45+02:00"))),
            row("01:30-02:30 on the autumn day: ends at the first 02:30", vec![sun("01:30", "02:30")], vec![],
                "2026-10-24T12:00+02:00", 120, Some(("2026-10-25T01:30+02:00", "2026-10-25T02:30+02:00"))),
            row("02:30-03:30 on the autumn day: two real hours", vec![sun("02:30", "03:30")], vec![],
                "2026-10-24T12:00+02:00", 120, Some(("2026-10-25T02:30+02:00", "2026-10-25T03:30+01:00"))),
            row("autumn day, now in the second 02:30 (+01:00): still open", vec![sun("02:00", "03:00")], vec![],
                "2026-10-25T02:30+01:00", 120, Some(("2026-10-25T02:00+02:00", "2026-10-25T03:00+01:00"))),
            // --- merging
            row("two overlapping sessions merge", vec![wk(Tuesday, "09:00", "11:00"), wk(Tuesday, "10:00", "12:00")], vec![],
                "2026-11-30T00:00+01:00", 120, Some(("2026-12-01T09:00+01:00", "2026-12-01T12:00+01:00"))),
            row("two touching sessions merge", vec![wk(Tuesday, "09:00", "10:00"), wk(Tuesday, "10:00", "12:00")], vec![],
                "2026-11-30T00:00+01:00", 120, Some(("2026-12-01T09:00+01:00", "2026-12-01T12:00+01:00"))),
            row("weekly + biweekly overlapping: merged on the on-week", vec![tue(), every(2, "2026-12-01", "11:00", "13:00")], vec![],
                "2026-12-01T00:00+01:00", 120, Some(("2026-12-01T09:30+01:00", "2026-12-01T13:00+01:00"))),
            row("weekly + biweekly overlapping: weekly alone on the off-week", vec![tue(), every(2, "2026-12-01", "11:00", "13:00")], vec![],
                "2026-12-08T00:00+01:00", 120, Some(("2026-12-08T09:30+01:00", "2026-12-08T12:00+01:00"))),
            // --- bounds and horizon
            row("until: the last date is included", vec![tue().with_until(d("2026-12-08"))], vec![],
                "2026-12-08T00:00+01:00", 120, Some(("2026-12-08T09:30+01:00", "2026-12-08T12:00+01:00"))),
            row("until: nothing after it", vec![tue().with_until(d("2026-12-08"))], vec![],
                "2026-12-08T12:00+01:00", 120, None),
            row("from: nothing before it", vec![tue().with_from(d("2026-12-10"))], vec![],
                "2026-12-01T00:00+01:00", 120, Some(("2026-12-15T09:30+01:00", "2026-12-15T12:00+01:00"))),
            row("horizon: first session after 120 days -> None", vec![tue().with_from(d("2027-06-01"))], vec![],
                "2026-12-01T00:00+01:00", 120, None),
            row("horizon: found with 200 days (in summer time)", vec![tue().with_from(d("2027-06-01"))], vec![],
                "2026-12-01T00:00+01:00", 200, Some(("2027-06-01T09:30+02:00", "2027-06-01T12:00+02:00"))),
            row("horizon 0: the current opening only", vec![tue()], vec![],
                "2026-12-01T10:00+01:00", 0, Some(("2026-12-01T09:30+01:00", "2026-12-01T12:00+01:00"))),
            row("horizon 0: nothing in progress -> None", vec![tue()], vec![],
                "2026-11-30T10:00+01:00", 0, None),
            row("horizon 6 days from Tuesday noon: next Tuesday is too far", vec![tue()], vec![],
                "2026-12-01T12:00+01:00", 6, None),
            row("horizon 7 days from Tuesday noon: next Tuesday is in", vec![tue()], vec![],
                "2026-12-01T12:00+01:00", 7, Some(("2026-12-08T09:30+01:00", "2026-12-08T12:00+01:00"))),
            row("empty schedule -> None", vec![], vec![], "2026-12-01T10:00+01:00", 120, None),
            row("only closures -> None", vec![], vec![closed("2026-12-01", "2026-12-31")], "2026-12-01T10:00+01:00", 120, None),
            row("an invalid (midnight-crossing) session is ignored", vec![wk(Tuesday, "18:00", "02:00")], vec![],
                "2026-12-01T10:00+01:00", 120, None),
        ]
    }

    #[test]
    fn next_opening_table() {
        let mut failures = Vec::new();
        for r in next_opening_rows() {
            let now = ts(r.now);
            let got = next_opening(&r.recs, &r.excs, now, r.horizon);
            let got_s = got.as_ref().map(|o| (local(&o.start), local(&o.end)));
            let want_s = r.want.map(|(s, e)| (s.to_string(), e.to_string()));
            if got_s != want_s {
                failures.push(format!("{}: now {} got {:?} want {:?}", r.desc, r.now, got_s, want_s));
            }
            // is_open agrees with the opening being in progress.
            let in_progress = got.as_ref().is_some_and(|o| o.contains(now));
            if is_open(&r.recs, &r.excs, now) != in_progress {
                failures.push(format!("{}: is_open disagrees", r.desc));
            }
            if let Some(o) = &got {
                assert!(o.start < o.end, "{}", r.desc);
                assert_eq!(o.start.time_zone().iana_name(), Some(ZONE));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn dst_instants() {
        let sun = [wk(Sunday, "10:00", "12:00")];
        // Autumn: 10:00 CET = 09:00 UTC.
        let o = next_opening(&sun, &[], ts("2026-10-24T12:00Z"), 120).unwrap();
        assert_eq!(o.start.timestamp(), ts("2026-10-25T09:00Z"));
        assert_eq!(o.end.timestamp(), ts("2026-10-25T11:00Z"));
        assert_eq!(o.start.offset().seconds(), 3600);
        // Spring: 10:00 CEST = 08:00 UTC.
        let o = next_opening(&sun, &[], ts("2027-03-27T12:00Z"), 120).unwrap();
        assert_eq!(o.start.timestamp(), ts("2027-03-28T08:00Z"));
        assert_eq!(o.end.timestamp(), ts("2027-03-28T10:00Z"));
        assert_eq!(o.start.offset().seconds(), 7200);
        // The 02:00-03:30 session on the spring day lasts 30 real minutes.
        let o = next_opening(&[wk(Sunday, "02:00", "03:30")], &[], ts("2027-03-27T12:00Z"), 120).unwrap();
        assert_eq!(o.start.timestamp(), ts("2027-03-28T01:00Z"));
        assert_eq!(o.end.timestamp().duration_since(o.start.timestamp()), SignedDuration::from_mins(30));
        // The 02:00-03:00 session on the autumn day lasts two real hours.
        let o = next_opening(&[wk(Sunday, "02:00", "03:00")], &[], ts("2026-10-24T12:00Z"), 120).unwrap();
        assert_eq!(o.start.timestamp(), ts("2026-10-25T00:00Z"));
        assert_eq!(o.end.timestamp(), ts("2026-10-25T02:00Z"));
    }

    #[test]
    fn every_weeks_phase_matches_stepping_from_the_anchor() {
        // Step by 7n days from the anchor, backwards and forwards, over
        // several years (including 2026 and its week 53), and compare.
        for n in 1..=MAX_EVERY_WEEKS {
            let anchor = d("2026-12-29");
            let r = Recurrence::every_n_weeks(n, anchor, t("14:00"), t("16:00"));
            let step = i64::from(n) * 7;
            let mut expected = std::collections::BTreeSet::new();
            for k in -200..=200 {
                expected.insert(anchor.checked_add((k * step).days()).unwrap());
            }
            for date in dates(d("2025-06-01"), d("2028-06-01")) {
                assert_eq!(r.occurs_on(date), expected.contains(&date), "n={n} {date}");
            }
        }
    }

    #[test]
    fn openings_in_a_range() {
        let recs = [wk(Tuesday, "09:30", "12:00"), wk(Thursday, "14:00", "17:00"), wk(Thursday, "16:00", "18:00")];
        let excs = [closed("2026-12-08", "2026-12-08"), extra("2026-12-06", "10:00", "12:00")];
        let got: Vec<(String, String)> =
            openings(&recs, &excs, ts("2026-12-01T10:00+01:00"), ts("2026-12-10T15:00+01:00")).iter().map(|o| (local(&o.start), local(&o.end))).collect();
        let want = [
            ("2026-12-01T09:30+01:00", "2026-12-01T12:00+01:00"), // in progress at `from`: whole
            ("2026-12-03T14:00+01:00", "2026-12-03T18:00+01:00"), // Thursday sessions merged
            ("2026-12-06T10:00+01:00", "2026-12-06T12:00+01:00"), // extra
            // Dec 8 closed
            ("2026-12-10T14:00+01:00", "2026-12-10T18:00+01:00"), // overlaps `to`: whole
        ];
        let want: Vec<(String, String)> = want.iter().map(|(s, e)| (s.to_string(), e.to_string())).collect();
        assert_eq!(got, want);
        assert!(openings(&recs, &excs, ts("2026-12-02T00:00Z"), ts("2026-12-02T00:00Z")).is_empty());
        assert_eq!(day_slots(&recs, &excs, d("2026-12-03")), vec![(t("14:00"), t("18:00"))],);
    }

    #[test]
    fn is_open_edges() {
        let recs = [wk(Tuesday, "09:30", "12:00")];
        assert!(!is_open(&recs, &[], ts("2026-12-01T09:29:59+01:00")));
        assert!(is_open(&recs, &[], ts("2026-12-01T09:30+01:00")));
        assert!(is_open(&recs, &[], ts("2026-12-01T11:59:59+01:00")));
        assert!(!is_open(&recs, &[], ts("2026-12-01T12:00+01:00")));
    }

    #[test]
    fn validation() {
        let ok = wk(Tuesday, "09:30", "12:00");
        let rows: Vec<(&str, Recurrence, Result<(), ScheduleError>)> = vec![
            ("valid", ok, Ok(())),
            ("18:00-02:00", wk(Tuesday, "18:00", "02:00"), Err(ScheduleError::CrossesMidnight)),
            ("10:00-10:00", wk(Tuesday, "10:00", "10:00"), Err(ScheduleError::Empty)),
            ("seconds", Recurrence { start: time(9, 30, 15, 0), ..ok }, Err(ScheduleError::SubMinute)),
            ("every 0 weeks", Recurrence { every_weeks: 0, ..ok }, Err(ScheduleError::BadEveryWeeks)),
            ("every 9 weeks", Recurrence { every_weeks: 9, ..ok }, Err(ScheduleError::BadEveryWeeks)),
            ("every 8 weeks", every(8, "2026-12-01", "09:30", "12:00"), Ok(())),
            ("anchor not on weekday", Recurrence { weekday: Monday, anchor: d("2026-12-01"), ..ok }, Err(ScheduleError::AnchorNotOnWeekday)),
            ("until before from", ok.with_from(d("2026-12-10")).with_until(d("2026-12-09")), Err(ScheduleError::UntilBeforeFrom)),
            ("until == from", ok.with_from(d("2026-12-08")).with_until(d("2026-12-08")), Ok(())),
        ];
        for (desc, r, want) in rows {
            assert_eq!(r.validate(), want, "{desc}");
        }

        let x = extra("2026-12-06", "10:00", "12:00");
        let rows: Vec<(&str, Exception, Result<(), ScheduleError>)> = vec![
            ("closed range", closed("2026-12-24", "2027-01-01"), Ok(())),
            ("closed until < from", closed("2027-01-01", "2026-12-24"), Err(ScheduleError::UntilBeforeFrom)),
            ("closed slot", closed_slot("2026-12-08", "13:00", "15:00"), Ok(())),
            ("closed slot reversed", closed_slot("2026-12-08", "15:00", "13:00"), Err(ScheduleError::CrossesMidnight)),
            ("closed from 14:00 on", Exception { end: None, ..closed_slot("2026-12-08", "14:00", "15:00") }, Ok(())),
            ("extra", x, Ok(())),
            ("extra without end", Exception { end: None, ..x }, Err(ScheduleError::ExtraNeedsTimes)),
            ("extra without times", Exception { start: None, end: None, ..x }, Err(ScheduleError::ExtraNeedsTimes)),
            ("extra over two days", Exception { until: d("2026-12-07"), ..x }, Err(ScheduleError::ExtraSpansDays)),
            ("extra crossing midnight", extra("2026-12-06", "22:00", "01:00"), Err(ScheduleError::CrossesMidnight)),
            ("extra empty", extra("2026-12-06", "10:00", "10:00"), Err(ScheduleError::Empty)),
        ];
        for (desc, e, want) in rows {
            assert_eq!(e.validate(), want, "{desc}");
        }
        assert_eq!(ScheduleError::CrossesMidnight.to_string(), "the session ends before it starts (a session cannot cross midnight)");
    }

    #[test]
    fn closure_window_without_end_cancels_the_rest_of_the_day() {
        let recs = [wk(Tuesday, "09:30", "12:00"), wk(Tuesday, "14:00", "17:00")];
        let afternoon = Exception { end: None, ..closed_slot("2026-12-08", "13:00", "13:00") };
        assert_eq!(day_slots(&recs, &[afternoon], d("2026-12-08")), vec![(t("09:30"), t("12:00"))]);
        let morning = Exception { start: None, ..closed_slot("2026-12-08", "13:00", "13:00") };
        assert_eq!(day_slots(&recs, &[morning], d("2026-12-08")), vec![(t("14:00"), t("17:00"))]);
    }

    #[rustfmt::skip]
    fn osm_rows() -> Vec<(&'static str, Vec<Recurrence>, Vec<Exception>, &'static str)> {
        let tue = || wk(Tuesday, "09:30", "12:00");
        let tue_pm = || wk(Tuesday, "14:00", "17:00");
        let thu = || wk(Thursday, "14:00", "17:00");
        vec![
            ("weekly only", vec![tue(), thu()], vec![], "Tu 09:30-12:00; Th 14:00-17:00"),
            ("two slots on one day", vec![tue_pm(), tue()], vec![], "Tu 09:30-12:00,14:00-17:00"),
            ("overlapping weekly sessions merged",
                vec![wk(Tuesday, "09:00", "11:00"), wk(Tuesday, "10:00", "12:00")], vec![], "Tu 09:00-12:00"),
            ("same slots, weekday range",
                [Monday, Tuesday, Wednesday, Thursday, jiff::civil::Weekday::Friday].iter()
                    .map(|&w| wk(w, "09:00", "12:00")).collect(), vec![], "Mo-Fr 09:00-12:00"),
            ("same slots, weekday list",
                vec![wk(Monday, "09:00", "12:00"), wk(Wednesday, "09:00", "12:00"), tue_pm(), wk(Sunday, "09:00", "12:00")],
                vec![], "Mo,We,Su 09:00-12:00; Tu 14:00-17:00"),
            ("weekly + biweekly on another day",
                vec![tue(), every(2, "2026-12-03", "14:00", "16:00")], vec![],
                "Tu 09:30-12:00; 2026 Dec 03,2026 Dec 17,2026 Dec 31,2027 Jan 14,2027 Jan 28 14:00-16:00"),
            ("weekly + biweekly on the same day: weekly slots repeated",
                vec![tue(), every(2, "2026-12-01", "14:00", "16:00")], vec![],
                "Tu 09:30-12:00; 2026 Dec 01,2026 Dec 15,2026 Dec 29,2027 Jan 12,2027 Jan 26 09:30-12:00,14:00-16:00"),
            ("closures and extras",
                vec![tue(), tue_pm(), thu()],
                vec![
                    closed("2026-12-24", "2027-01-01"),
                    extra("2026-12-27", "10:00", "12:00"),
                    closed_slot("2026-12-08", "14:00", "17:00"),
                    closed("2026-12-10", "2026-12-10"),
                    extra("2026-12-15", "18:00", "20:00"),
                ],
                "Tu 09:30-12:00,14:00-17:00; Th 14:00-17:00; 2026 Dec 10 off; 2026 Dec 24-2027 Jan 01 off; \
                 2026 Dec 08 09:30-12:00; 2026 Dec 15 09:30-12:00,14:00-17:00,18:00-20:00; 2026 Dec 27 10:00-12:00"),
            ("partial closure of the only session, closures in the past or without effect",
                vec![tue()],
                vec![
                    closed_slot("2026-12-08", "10:00", "11:00"),
                    closed("2026-11-01", "2026-11-15"),
                    closed("2026-12-12", "2026-12-13"),
                    closed("2026-12-21", "2026-12-23"),
                    closed("2026-12-22", "2026-12-22"),
                ],
                "Tu 09:30-12:00; 2026 Dec 21-23 off; 2026 Dec 08 off"),
            ("date bounds",
                vec![tue(), tue_pm().with_until(d("2027-03-31")), wk(Wednesday, "10:00", "12:00").with_from(d("2027-01-05")),
                     thu().with_until(d("2026-11-01")), wk(Monday, "10:00", "12:00").with_from(d("2027-01-01")),
                     wk(Sunday, "10:00", "12:00").with_from(d("2026-11-01"))],
                vec![],
                "Tu 09:30-12:00; Su 10:00-12:00, 2026 Nov 30-2027 Mar 31 Tu 14:00-17:00, 2027+ Mo 10:00-12:00, \
                 2027 Jan 05-2027 Dec 31 We 10:00-12:00, 2028+ We 10:00-12:00"),
            ("ending within the horizon", vec![tue().with_until(d("2026-12-15"))], vec![closed("2026-12-08", "2026-12-08")],
                "2026 Nov 30-2026 Dec 15 Tu 09:30-12:00; 2026 Dec 08 off"),
            ("only extras", vec![], vec![extra("2026-12-27", "10:00", "12:00")], "2026 Dec 27 10:00-12:00"),
            ("only sessions in the past", vec![tue().with_until(d("2026-11-01"))], vec![closed("2026-12-24", "2026-12-31")], "off"),
            ("nothing", vec![], vec![], "off"),
        ]
    }

    #[test]
    fn opening_hours_strings() {
        let today = d("2026-11-30");
        let mut failures = Vec::new();
        for (desc, recs, excs, want) in osm_rows() {
            let got = opening_hours(&recs, &excs, today, 60);
            if got != want {
                failures.push(format!("{desc}:\n  got  {got}\n  want {want}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    /// With `OH_CASES=/path/prefix`, writes `prefix.in` (lines `value<TAB>now<TAB>until`
    /// for /work/scratch/oh/check.mjs) and `prefix.want` (what check.mjs should print),
    /// for every schedule of the tests above.
    #[test]
    fn dump_cases_for_the_reference_parser() {
        let Ok(prefix) = std::env::var("OH_CASES") else {
            return;
        };
        let mut cases: Vec<(Vec<Recurrence>, Vec<Exception>, Timestamp, i64)> = next_opening_rows().into_iter().map(|r| (r.recs, r.excs, ts(r.now), r.horizon.max(1))).collect();
        for (_, recs, excs, _) in osm_rows() {
            for now in ["2026-11-30T00:00+01:00", "2026-12-08T10:30+01:00", "2026-12-26T12:00+01:00"] {
                cases.push((recs.clone(), excs.clone(), ts(now), 60));
            }
        }
        let (mut input, mut want) = (String::new(), String::new());
        for (recs, excs, now, horizon) in cases {
            let zoned = now.to_zoned(time_zone().clone());
            let value = opening_hours(&recs, &excs, zoned.date(), horizon);
            let limit = zoned.checked_add(horizon.days()).unwrap().timestamp();
            let all = openings(&recs, &excs, now, limit);
            let open = all.first().is_some_and(|o| o.contains(now));
            let next_change = match all.first() {
                Some(o) if open => o.end.timestamp().to_string(),
                Some(o) => o.start.timestamp().to_string(),
                None => "none".to_string(),
            };
            let fmt = |o: &Opening| format!("{}/{}", o.start.timestamp(), o.end.timestamp());
            let opening = all.first().map_or("none".to_string(), fmt);
            let intervals: Vec<String> = all.iter().map(fmt).collect();
            input.push_str(&format!("{value}\t{now}\t{limit}\n"));
            want.push_str(&format!("{value}\t{now}\topen={open}\tnext_change={next_change}\topening={opening}\tintervals={}\n", intervals.join(",")));
        }
        std::fs::write(format!("{prefix}.in"), input).unwrap();
        std::fs::write(format!("{prefix}.want"), want).unwrap();
    }
}
