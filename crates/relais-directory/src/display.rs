//! Dates and hours as people read them, in their language: "today 14:00–17:00",
//! "Tuesday 3 Dec 9:30–12:00", "every 2 weeks on Thursday".

use jiff::{
    Zoned,
    civil::{Date, Time, Weekday},
};
use relais_core::i18n::{FluentArg, Tr};

use crate::{places::hhmm, schedule::Opening};

pub fn weekday_key(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "weekday-1",
        Weekday::Tuesday => "weekday-2",
        Weekday::Wednesday => "weekday-3",
        Weekday::Thursday => "weekday-4",
        Weekday::Friday => "weekday-5",
        Weekday::Saturday => "weekday-6",
        Weekday::Sunday => "weekday-7",
    }
}

fn month_key(month: i8) -> &'static str {
    const KEYS: [&str; 12] = ["month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8", "month-9", "month-10", "month-11", "month-12"];
    KEYS[usize::try_from(month - 1).unwrap_or(0).min(11)]
}

/// "Tuesday 3 Dec" (in the reader's language).
pub fn date(tr: &Tr, date: Date) -> String {
    tr.t_args(
        "date-long",
        &[
            ("weekday", FluentArg::Text(tr.t(weekday_key(date.weekday())))),
            ("day", FluentArg::Text(date.day().to_string())),
            ("month", FluentArg::Text(tr.t(month_key(date.month())))),
        ],
    )
}

/// "9:30–12:00"
pub fn hours(start: Time, end: Time) -> String {
    format!("{}–{}", hhmm(start), hhmm(end))
}

/// The next opening as a line: "open now until 17:00", "today 14:00–17:00", "tomorrow …",
/// "Tuesday 3 Dec 9:30–12:00".
pub fn opening(tr: &Tr, opening: &Opening, now: &Zoned) -> String {
    let start = &opening.start;
    let end = &opening.end;
    let span = hours(start.time(), end.time());
    if start.timestamp() <= now.timestamp() {
        return tr.t_args("opening-now", &[("end", FluentArg::Text(hhmm(end.time())))]);
    }
    if start.date() == now.date() {
        return tr.t_args("opening-today", &[("hours", FluentArg::Text(span))]);
    }
    if now.date().tomorrow().ok() == Some(start.date()) {
        return tr.t_args("opening-tomorrow", &[("hours", FluentArg::Text(span))]);
    }
    tr.t_args("opening-on", &[("date", FluentArg::Text(date(tr, start.date()))), ("hours", FluentArg::Text(span))])
}

/// An opening as an interval for the API: RFC 3339 start and end.
pub fn rfc3339(zoned: &Zoned) -> String {
    zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// How far a place is, in words: the distance and what it means for a person without a car
/// ("1,2 km away, about 20 minutes on foot"; "114 km away: very far, about two hours or more").
pub fn distance(tr: &Tr, km: f64) -> String {
    let text = if km < 10.0 { format!("{km:.1}") } else { format!("{km:.0}") };
    let text = if matches!(tr.locale, relais_core::i18n::Locale::En) { text } else { text.replace('.', ",") };
    let km_arg = ("km", FluentArg::Text(text));
    if km <= 2.0 {
        // On foot at 4.5 km/h, rounded up to five minutes.
        let minutes = ((km * 60.0 / 4.5 / 5.0).ceil() * 5.0).max(5.0);
        return tr.t_args("distance-walk", &[km_arg, ("minutes", FluentArg::Number(minutes))]);
    }
    let key = match km {
        k if k <= 25.0 => "distance-near",
        k if k <= crate::search::FAR_KM => "distance-region",
        k if k <= 100.0 => "distance-far",
        _ => "distance-very-far",
    };
    tr.t_args(key, &[km_arg])
}

/// The help by phone offered before a far place: a CPAS place's phone, or the advice to call
/// one's CPAS when none is known.
pub struct PhoneHelp {
    pub text: String,
    pub phone: Option<String>,
    /// The phone as a `tel:` link.
    pub tel: String,
}

pub fn phone_help(tr: &Tr, entry: Option<&crate::search::Entry>) -> PhoneHelp {
    let phone = entry.and_then(|e| e.place.phone.clone()).filter(|p| !p.trim().is_empty());
    match (entry, phone) {
        (Some(e), Some(phone)) => PhoneHelp {
            text: tr.t_args("search-phone-help", &[("name", FluentArg::Text(e.place.name(tr.locale).to_string()))]),
            tel: format!("tel:{}", phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>()),
            phone: Some(phone),
        },
        _ => PhoneHelp { text: tr.t("search-phone-help-none"), phone: None, tel: String::new() },
    }
}
