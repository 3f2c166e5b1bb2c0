//! iCalendar feeds (RFC 5545): one event per drop-in session with its recurrence rule, the
//! closures as exception dates, one event per extra session; the Europe/Brussels time-zone
//! definition included; UIDs stable across requests (the session's id).

use relais_core::web::response::verbatim;
use std::fmt::Write as _;

use axum::response::Response;
use jiff::{
    Timestamp, ToSpan,
    civil::{Date, DateTime, Weekday},
};
use relais_core::{
    i18n::{Locale, Tr},
    web::{AppState, error::AppError},
};
use uuid::Uuid;

use crate::{
    reference::LanguageArea,
    schedule::{ExceptionKind, Recurrence},
    search::Entry,
    search::{address, cache_snapshot},
};

const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

/// Escape a TEXT value (RFC 5545 §3.3.11).
pub fn text(value: &str) -> String {
    // (soft hyphens are for wrapping words on a screen; a calendar shows them as dashes)
    value.replace('\u{ad}', "").replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace("\r\n", "\\n").replace('\n', "\\n")
}

/// Append a content line, folded at 75 octets (§3.1), never inside a UTF-8 character.
pub fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn local(date: Date, time: jiff::civil::Time) -> String {
    DateTime::from_parts(date, time).strftime("%Y%m%dT%H%M%S").to_string()
}

fn byday(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

/// The first date of the recurrence (on its weekday, in its phase, not before `from`).
fn first_date(r: &Recurrence) -> Date {
    let mut date = r.anchor;
    let step = (7 * i64::from(r.every_weeks.max(1))).days();
    if let Some(from) = r.from {
        while date < from {
            match date.checked_add(step) {
                Ok(next) => date = next,
                Err(_) => break,
            }
        }
    }
    date
}

/// Whether the recurrence has an occurrence on `date`.
fn occurs_on(r: &Recurrence, date: Date) -> bool {
    if date.weekday() != r.weekday || r.from.is_some_and(|f| date < f) || r.until.is_some_and(|u| date > u) {
        return false;
    }
    let days = (date - r.anchor).get_days();
    let period = 7 * i32::from(r.every_weeks.max(1));
    days.rem_euclid(period) == 0
}

/// The calendar of one place.
pub fn calendar(entry: &Entry, locale: Locale) -> String {
    calendar_of(entry.place.name(locale), &[entry], locale)
}

/// One calendar holding the events of several places (a municipality's).
pub fn calendar_of(title: &str, entries: &[&Entry], locale: Locale) -> String {
    let mut buffer = String::with_capacity(4096 * entries.len().max(1));
    let out = &mut buffer;
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Relais//Directory//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, &format!("X-WR-CALNAME:{}", text(title)));
    line(out, "X-WR-TIMEZONE:Europe/Brussels");
    out.push_str(VTIMEZONE);
    let stamp = Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
    for entry in entries {
        events(out, entry, locale, &stamp);
    }
    line(out, "END:VCALENDAR");
    buffer
}

/// The VEVENTs of one place.
fn events(out: &mut String, entry: &Entry, locale: Locale, stamp: &str) {
    let tr = Tr::new(locale);
    let place = &entry.place;
    let name = place.name(locale);
    let location = address(entry, locale);
    let summary = tr.t_args("feed-summary", &[("place", relais_core::i18n::FluentArg::Text(name.to_string()))]);
    for session in &entry.sessions {
        let r = &session.recurrence;
        let start = first_date(r);
        line(out, "BEGIN:VEVENT");
        line(out, &format!("UID:session-{}@relais", session.id));
        line(out, &format!("DTSTAMP:{stamp}"));
        line(out, &format!("DTSTART;TZID=Europe/Brussels:{}", local(start, r.start)));
        line(out, &format!("DTEND;TZID=Europe/Brussels:{}", local(start, r.end)));
        let mut rule = format!("RRULE:FREQ=WEEKLY;INTERVAL={};BYDAY={}", r.every_weeks.max(1), byday(r.weekday));
        if let Some(until) = r.until {
            // UNTIL in UTC (§3.3.10): the end of the last day, Brussels time.
            let end = DateTime::from_parts(until, jiff::civil::Time::constant(23, 59, 59, 0))
                .to_zoned(crate::schedule::zone())
                .map(|z| z.timestamp().strftime("%Y%m%dT%H%M%SZ").to_string())
                .unwrap_or_default();
            let _ = write!(rule, ";UNTIL={end}");
        }
        line(out, &rule);
        // Closures that cancel an occurrence of this session.
        let mut excluded = Vec::new();
        for e in &entry.exceptions {
            let x = &e.exception;
            if x.kind != ExceptionKind::Closed {
                continue;
            }
            if let (Some(s), Some(en)) = (x.start, x.end)
                && !(s < r.end && r.start < en)
            {
                continue;
            }
            let mut date = x.from;
            while date <= x.until && excluded.len() < 500 {
                if occurs_on(r, date) {
                    excluded.push(local(date, r.start));
                }
                match date.tomorrow() {
                    Ok(next) => date = next,
                    Err(_) => break,
                }
            }
        }
        if !excluded.is_empty() {
            line(out, &format!("EXDATE;TZID=Europe/Brussels:{}", excluded.join(",")));
        }
        line(out, &format!("SUMMARY:{}", text(&summary)));
        line(out, &format!("LOCATION:{}", text(&location)));
        line(out, &format!("GEO:{:.6};{:.6}", place.latitude, place.longitude));
        line(out, "END:VEVENT");
    }
    for e in &entry.exceptions {
        let x = &e.exception;
        let (ExceptionKind::Extra, Some(s), Some(en)) = (x.kind, x.start, x.end) else { continue };
        line(out, "BEGIN:VEVENT");
        line(out, &format!("UID:extra-{}@relais", e.id));
        line(out, &format!("DTSTAMP:{stamp}"));
        line(out, &format!("DTSTART;TZID=Europe/Brussels:{}", local(x.from, s)));
        line(out, &format!("DTEND;TZID=Europe/Brussels:{}", local(x.from, en)));
        let title = if e.reason.is_empty() { summary.clone() } else { format!("{summary} — {}", e.reason) };
        line(out, &format!("SUMMARY:{}", text(&title)));
        line(out, &format!("LOCATION:{}", text(&location)));
        line(out, &format!("GEO:{:.6};{:.6}", place.latitude, place.longitude));
        line(out, "END:VEVENT");
    }
}

/// The language of a feed: the one its link names (`?lang=`, the page's language), else the
/// language of the area it describes (a calendar app sends no language of its own).
pub fn feed_locale(query: Option<&str>, area: Option<LanguageArea>) -> Locale {
    let asked = query.and_then(|q| q.split('&').find_map(|pair| pair.strip_prefix("lang=")).and_then(Locale::parse));
    asked.unwrap_or(match area {
        Some(LanguageArea::German) => Locale::De,
        Some(LanguageArea::Dutch) => Locale::Nl,
        _ => Locale::Fr,
    })
}

/// The places of a municipality that have a drop-in session (what its feed holds).
pub fn municipality_entries<'a>(snapshot: &'a crate::search::Snapshot, nis: &str) -> Vec<&'a Entry> {
    snapshot.entries.iter().filter(|e| e.place.municipality_nis == nis && (!e.sessions.is_empty() || !e.exceptions.is_empty())).map(|e| e.as_ref()).collect()
}

/// `/feeds/municipality/{nis}`: every published place of a municipality in one calendar.
pub async fn municipality_feed(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::extract::Path(nis): axum::extract::Path<String>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Result<Response, AppError> {
    let nis = nis.strip_suffix(".ics").unwrap_or(&nis).to_string();
    let municipality = crate::reference::reference().municipality(&nis).ok_or(AppError::NotFound)?;
    let snapshot = cache_snapshot(&state).await?;
    let entries = municipality_entries(&snapshot, &nis);
    let locale = feed_locale(query.as_deref(), municipality.area);
    Ok(verbatim("text/calendar; charset=utf-8", calendar_of(municipality.name(locale), &entries, locale)))
}

pub async fn place_feed(state: &AppState, id: Uuid, query: Option<&str>) -> Result<Response, AppError> {
    let snapshot = cache_snapshot(state).await?;
    let entry = snapshot.get(id).ok_or(AppError::NotFound)?;
    Ok(verbatim("text/calendar; charset=utf-8", calendar(entry, feed_locale(query, entry.area))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_folded_at_75_octets_and_text_escaped() {
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for l in out.split("\r\n") {
            assert!(l.len() <= 75, "{l}");
        }
        assert_eq!(text("a,b;c\nd"), "a\\,b\\;c\\nd");
    }
}
