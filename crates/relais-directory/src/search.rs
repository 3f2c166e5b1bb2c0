//! The public search: a read snapshot of every published place with its sessions and exceptions,
//! kept by each process and rebuilt when the directory's version (in the database) moves — so a
//! search costs no database round trip, and any number of processes stay consistent within
//! [`FRESH_FOR`].

use std::{
    collections::{BTreeSet, HashMap},
    sync::{Arc, Mutex, RwLock},
    time::{Duration, Instant},
};

use jiff::{Timestamp, Zoned};
use relais_core::{Db, DbError, settings};
use uuid::Uuid;

use crate::{
    places::{self, DropInSession, Place, PlaceException},
    reference::distance_km,
    schedule::{self, Exception, Opening, Recurrence},
    taxonomy::{self, Term},
};

/// How long a process trusts its snapshot before asking the database for the version.
pub const FRESH_FOR: Duration = Duration::from_secs(2);
/// How far ahead a next opening is looked for.
pub const HORIZON_DAYS: i64 = 120;
/// The first search radius, widened while fewer than [`ENOUGH`] places match.
pub const RADIUS_KM: [f64; 4] = [25.0, 50.0, 100.0, 400.0];
pub const ENOUGH: usize = 5;

/// A published place with what the search needs.
#[derive(Debug)]
pub struct Entry {
    pub place: Place,
    pub sessions: Vec<DropInSession>,
    pub exceptions: Vec<PlaceException>,
    pub recurrences: Vec<Recurrence>,
    pub schedule_exceptions: Vec<Exception>,
    pub themes: BTreeSet<String>,
    pub publics: BTreeSet<String>,
    pub languages: BTreeSet<String>,
    pub services: BTreeSet<String>,
    pub free_access: bool,
    pub by_appointment: bool,
}

impl Entry {
    pub fn new(place: Place, mut sessions: Vec<DropInSession>, exceptions: Vec<PlaceException>) -> Entry {
        sessions.sort_by_key(|s| (s.recurrence.weekday.to_monday_one_offset(), s.recurrence.start));
        let gather = |pick: fn(&DropInSession) -> &Vec<String>| -> BTreeSet<String> { sessions.iter().flat_map(|s| pick(s).iter().cloned()).collect() };
        Entry {
            themes: gather(|s| &s.themes),
            publics: gather(|s| &s.publics),
            languages: gather(|s| &s.languages),
            services: gather(|s| &s.services),
            free_access: sessions.iter().any(|s| !s.by_appointment),
            by_appointment: sessions.iter().any(|s| s.by_appointment),
            recurrences: sessions.iter().map(|s| s.recurrence).collect(),
            schedule_exceptions: exceptions.iter().map(|e| e.exception).collect(),
            place,
            sessions,
            exceptions,
        }
    }

    /// Any place, published or not, read from the database (a coordinator's preview).
    pub async fn load(db: &Db, place: Place) -> Result<Entry, DbError> {
        let sessions = places::sessions_of(db, place.id).await?;
        let exceptions = places::exceptions_of(db, place.id).await?;
        Ok(Entry::new(place, sessions, exceptions))
    }

    pub fn next_opening(&self, now: Timestamp) -> Option<Opening> {
        schedule::next_opening(&self.recurrences, &self.schedule_exceptions, now, HORIZON_DAYS)
    }

    /// The next opening if it starts within `days` (a time filter needs no further look: the
    /// cost of a search then grows with days, not with the 120-day horizon).
    pub fn next_opening_within(&self, now: Timestamp, days: i64) -> Option<Opening> {
        schedule::next_opening(&self.recurrences, &self.schedule_exceptions, now, days)
    }
}

/// Everything the public side reads.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub entries: Vec<Arc<Entry>>,
    by_id: HashMap<Uuid, usize>,
    pub terms: Vec<Term>,
    pub units: Vec<crate::units::Unit>,
    version: Option<String>,
}

impl Snapshot {
    pub fn get(&self, id: Uuid) -> Option<&Arc<Entry>> {
        self.by_id.get(&id).map(|i| &self.entries[*i])
    }

    pub fn unit(&self, id: Uuid) -> Option<&crate::units::Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// A unit's published stops.
    pub fn stops_of(&self, unit: Uuid) -> Vec<&Arc<Entry>> {
        self.entries.iter().filter(|e| e.place.mobile_unit_id == Some(unit)).collect()
    }

    pub fn terms_of(&self, taxonomy: taxonomy::Taxonomy) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(move |t| t.taxonomy == taxonomy && t.active)
    }

    pub fn term(&self, taxonomy: taxonomy::Taxonomy, code: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.taxonomy == taxonomy && t.code == code)
    }

    async fn load(db: &Db, version: Option<String>) -> Result<Snapshot, DbError> {
        let places = places::published_places(db).await?;
        let mut sessions: HashMap<Uuid, Vec<DropInSession>> = HashMap::new();
        for s in places::all_sessions(db).await? {
            sessions.entry(s.place_id).or_default().push(s);
        }
        let mut exceptions: HashMap<Uuid, Vec<PlaceException>> = HashMap::new();
        for e in places::all_exceptions(db).await? {
            exceptions.entry(e.place_id).or_default().push(e);
        }
        let mut entries = Vec::with_capacity(places.len());
        for place in places {
            let sessions = sessions.remove(&place.id).unwrap_or_default();
            let exceptions = exceptions.remove(&place.id).unwrap_or_default();
            entries.push(Arc::new(Entry::new(place, sessions, exceptions)));
        }
        let by_id = entries.iter().enumerate().map(|(i, e)| (e.place.id, i)).collect();
        Ok(Snapshot { entries, by_id, terms: taxonomy::all_terms(db).await?, units: crate::units::all(db).await?, version })
    }
}

/// The process's snapshot (one per application, in [`relais_core::web::Caches`]).
#[derive(Default)]
pub struct DirectoryCache {
    snapshot: RwLock<Option<Arc<Snapshot>>>,
    checked: Mutex<Option<Instant>>,
    /// Serialises rebuilds (one at a time; the others keep reading the old snapshot).
    rebuilding: tokio::sync::Mutex<()>,
}

impl DirectoryCache {
    /// The current snapshot: rebuilt when the database's version moved (checked at most every
    /// [`FRESH_FOR`]) or when `force`.
    pub async fn snapshot(&self, db: &Db) -> Result<Arc<Snapshot>, DbError> {
        let current = self.snapshot.read().unwrap_or_else(|e| e.into_inner()).clone();
        let fresh = self.checked.lock().unwrap_or_else(|e| e.into_inner()).is_some_and(|at| at.elapsed() < FRESH_FOR);
        if let (Some(snapshot), true) = (&current, fresh) {
            return Ok(snapshot.clone());
        }
        let _guard = self.rebuilding.lock().await;
        // Another request may have checked (or rebuilt) while this one waited for the lock.
        let fresh = self.checked.lock().unwrap_or_else(|e| e.into_inner()).is_some_and(|at| at.elapsed() < FRESH_FOR);
        if let (Some(snapshot), true) = (self.snapshot.read().unwrap_or_else(|e| e.into_inner()).clone(), fresh) {
            return Ok(snapshot);
        }
        let version = settings::get(db, places::VERSION_KEY).await?;
        let current = self.snapshot.read().unwrap_or_else(|e| e.into_inner()).clone();
        let snapshot = match current {
            Some(snapshot) if snapshot.version == version => snapshot,
            _ => {
                let snapshot = Arc::new(Snapshot::load(db, version).await?);
                *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = Some(snapshot.clone());
                snapshot
            }
        };
        *self.checked.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
        Ok(snapshot)
    }

    /// After a change made by this process: the next read rebuilds at once.
    pub fn invalidate(&self) {
        *self.checked.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

/// When the person wants help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum When {
    #[default]
    Any,
    OpenNow,
    Today,
    ThisWeek,
}

impl When {
    /// How many days ahead an opening may start and still fit.
    fn days(self) -> i64 {
        match self {
            When::Any => HORIZON_DAYS,
            When::OpenNow | When::Today => 1,
            When::ThisWeek => 7,
        }
    }

    pub fn parse(code: &str) -> When {
        match code {
            "now" => When::OpenNow,
            "today" => When::Today,
            "week" => When::ThisWeek,
            _ => When::Any,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            When::Any => "",
            When::OpenNow => "now",
            When::Today => "today",
            When::ThisWeek => "week",
        }
    }
}

/// What the person looks for.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub centre: Option<(f64, f64)>,
    pub theme: Option<String>,
    pub public: Option<String>,
    pub language: Option<String>,
    pub when: When,
    pub wheelchair: bool,
    /// `Some(true)`: by appointment; `Some(false)`: free access.
    pub appointment: Option<bool>,
    pub organisation: Option<Uuid>,
}

/// One result.
#[derive(Debug, Clone)]
pub struct Hit {
    pub entry: Arc<Entry>,
    pub distance_km: Option<f64>,
    pub next_opening: Option<Opening>,
}

/// The results: the page asked for, the total number of matches, the radius used.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub total: usize,
    pub radius_km: Option<f64>,
}

fn matches(entry: &Entry, query: &Query) -> bool {
    query.theme.as_ref().is_none_or(|t| entry.themes.contains(t))
        && query.public.as_ref().is_none_or(|p| entry.publics.contains(p) || entry.publics.contains("everyone"))
        && query.language.as_ref().is_none_or(|l| entry.languages.contains(l))
        && (!query.wheelchair || entry.place.wheelchair)
        && query.appointment.is_none_or(|a| if a { entry.by_appointment } else { entry.free_access })
        && query.organisation.is_none_or(|o| entry.place.organisation_id == o)
}

fn fits_when(opening: &Option<Opening>, when: When, now: &Zoned) -> bool {
    let Some(opening) = opening else { return when == When::Any };
    match when {
        When::Any => true,
        When::OpenNow => opening.start.timestamp() <= now.timestamp(),
        When::Today => opening.start.date() <= now.date(),
        When::ThisWeek => opening.start.timestamp() < now.timestamp() + jiff::SignedDuration::from_hours(7 * 24),
    }
}

/// Search: places matching the filters, nearest first within 25 km (widened while fewer than 5
/// match), `limit` of them from `offset`.
pub fn search(snapshot: &Snapshot, query: &Query, now: Timestamp, offset: usize, limit: usize) -> Results {
    let zoned = now.to_zoned(schedule::zone());
    let mut candidates: Vec<(Arc<Entry>, Option<f64>)> = snapshot
        .entries
        .iter()
        .filter(|e| matches(e, query))
        .map(|e| (e.clone(), query.centre.map(|c| distance_km(c, (e.place.latitude, e.place.longitude)))))
        .collect();
    // The next opening is computed only for places that may be shown (time filters need it for all).
    let mut radius_used = None;
    if query.centre.is_some() {
        let mut chosen = Vec::new();
        for radius in RADIUS_KM {
            chosen = candidates.iter().filter(|(_, d)| d.is_some_and(|d| d <= radius)).cloned().collect::<Vec<_>>();
            radius_used = Some(radius);
            let enough = if query.when == When::Any {
                chosen.len() >= ENOUGH
            } else {
                chosen.iter().filter(|(e, _)| fits_when(&e.next_opening_within(now, query.when.days()), query.when, &zoned)).count() >= ENOUGH
            };
            if enough {
                break;
            }
        }
        candidates = chosen;
    }
    let mut hits: Vec<Hit> = if query.when == When::Any {
        candidates.into_iter().map(|(entry, distance_km)| Hit { entry, distance_km, next_opening: None }).collect()
    } else {
        candidates
            .into_iter()
            .filter_map(|(entry, distance_km)| {
                let next_opening = entry.next_opening_within(now, query.when.days());
                fits_when(&next_opening, query.when, &zoned).then_some(Hit { entry, distance_km, next_opening })
            })
            .collect()
    };
    hits.sort_by(|a, b| {
        a.distance_km
            .partial_cmp(&b.distance_km)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.entry.place.postcode.cmp(&b.entry.place.postcode))
            .then_with(|| a.entry.place.id.cmp(&b.entry.place.id))
    });
    let total = hits.len();
    let mut page: Vec<Hit> = hits.into_iter().skip(offset).take(limit).collect();
    for hit in &mut page {
        if hit.next_opening.is_none() {
            hit.next_opening = hit.entry.next_opening(now);
        }
    }
    Results { hits: page, total, radius_km: radius_used }
}
