//! How a workshop reads on a page: "Tuesday 3 Dec 9:30–12:00", its module's title, its place.

use std::collections::HashMap;

use jiff::Timestamp;
use relais_core::{
    Db, DbError,
    i18n::{FluentArg, Tr},
};
use relais_directory::{
    display,
    places::{self, Place},
    reference, schedule,
};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{catalogue::Module, workshops::Workshop};

/// A meeting's date and hours, in Brussels.
pub fn when(tr: &Tr, start: OffsetDateTime, end: OffsetDateTime) -> String {
    let zone = schedule::zone();
    let s = Timestamp::from_second(start.unix_timestamp()).unwrap_or(Timestamp::UNIX_EPOCH).to_zoned(zone.clone());
    let e = Timestamp::from_second(end.unix_timestamp()).unwrap_or(Timestamp::UNIX_EPOCH).to_zoned(zone);
    format!("{} {}", display::date(tr, s.date()), display::hours(s.time(), e.time()))
}

/// A place's street, postcode and municipality.
pub fn address(place: &Place, tr: &Tr) -> String {
    let municipality = reference::reference().municipality(&place.municipality_nis).map(|m| m.name(tr.locale).to_string()).unwrap_or_default();
    format!("{}, {} {}", place.street, place.postcode, municipality)
}

/// The places named by workshops, loaded once.
pub async fn places_of(db: &Db, workshops: &[Workshop]) -> Result<HashMap<Uuid, Place>, DbError> {
    let mut out = HashMap::new();
    for id in workshops.iter().filter_map(|w| w.place_id) {
        if let std::collections::hash_map::Entry::Vacant(slot) = out.entry(id)
            && let Some(place) = places::find_place(db, id).await?
        {
            slot.insert(place);
        }
    }
    Ok(out)
}

/// One workshop in a list.
pub struct WorkshopLine {
    pub href: String,
    pub title: String,
    pub when: String,
    pub meetings: usize,
    /// "4 meetings" (empty for one).
    pub meetings_text: String,
    pub place: String,
    pub address: String,
    pub seats: String,
    pub full: bool,
    pub cancelled: bool,
    pub distance: String,
}

pub fn line(tr: &Tr, w: &Workshop, module: Option<&Module>, place: Option<&Place>, href: String, distance_km: Option<f64>) -> WorkshopLine {
    let first = w.meetings.first();
    WorkshopLine {
        href,
        title: module.map(|m| m.text(tr.locale).title.clone()).unwrap_or_default(),
        when: first.map(|m| when(tr, m.starts_at, m.ends_at)).unwrap_or_default(),
        meetings: w.meetings.len(),
        meetings_text: if w.meetings.len() > 1 { tr.t_args("workshop-meetings-count", &[("count", FluentArg::Number(w.meetings.len() as f64))]) } else { String::new() },
        place: place.map(|p| p.name(tr.locale).to_string()).unwrap_or_default(),
        address: place.map(|p| address(p, tr)).unwrap_or_default(),
        seats: if w.free() > 0 { tr.t_args("workshop-seats-left", &[("count", FluentArg::Number(w.free() as f64))]) } else { tr.t("workshop-full") },
        full: w.free() == 0,
        cancelled: w.cancelled,
        distance: distance_km.map(|km| display::distance(tr, km)).unwrap_or_default(),
    }
}
