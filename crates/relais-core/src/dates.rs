//! Local dates and times: Relais serves Belgium, so every date a person reads or types is in
//! Europe/Brussels (from the tz database bundled into the binary — jiff's `tzdb-bundle-always` —
//! so it does not depend on `/usr/share/zoneinfo`). Instants are stored in UTC.

use std::sync::OnceLock;

use jiff::tz::TimeZone;
use time::OffsetDateTime;

/// The zone's name.
pub const ZONE: &str = "Europe/Brussels";

/// The Europe/Brussels time zone.
pub fn time_zone() -> &'static TimeZone {
    static TZ: OnceLock<TimeZone> = OnceLock::new();
    TZ.get_or_init(|| TimeZone::get(ZONE).unwrap_or(TimeZone::UTC))
}

/// The Europe/Brussels time zone, by value.
pub fn zone() -> TimeZone {
    time_zone().clone()
}

/// An instant in Brussels.
pub fn zoned(at: OffsetDateTime) -> jiff::Zoned {
    jiff::Timestamp::from_second(at.unix_timestamp()).unwrap_or(jiff::Timestamp::UNIX_EPOCH).to_zoned(zone())
}

/// Date and time in Brussels, short ("27/11/2026 14:05").
pub fn local_datetime(at: OffsetDateTime) -> String {
    zoned(at).strftime("%d/%m/%Y %H:%M").to_string()
}

/// The date in Brussels at `at`.
pub fn local_date_of(at: OffsetDateTime) -> time::Date {
    let z = zoned(at);
    time::Date::from_calendar_date(i32::from(z.year()), time::Month::try_from(z.month() as u8).unwrap_or(time::Month::January), z.day() as u8).unwrap_or(at.date())
}

/// Today's date in Brussels.
pub fn today() -> time::Date {
    local_date_of(OffsetDateTime::now_utc())
}

/// A civil date (`2026-11-27`) shown as "27/11/2026".
pub fn local_date(iso: &str) -> String {
    match iso.split('-').collect::<Vec<_>>()[..] {
        [y, m, d] => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brussels_in_winter_and_summer() {
        assert_eq!(local_datetime(time::macros::datetime!(2026-01-31 23:30 UTC)), "01/02/2026 00:30");
        assert_eq!(local_datetime(time::macros::datetime!(2026-07-01 12:00 UTC)), "01/07/2026 14:00");
        assert_eq!(local_date_of(time::macros::datetime!(2026-12-31 23:30 UTC)), time::macros::date!(2027 - 01 - 01));
        assert_eq!(local_date("2026-11-27"), "27/11/2026");
    }
}
