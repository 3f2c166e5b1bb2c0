//! The public search: a read snapshot of every published place with its sessions and exceptions,
//! kept by each process and rebuilt when the directory's version (in the database) moves — so a
//! search costs no database round trip, and any number of processes stay consistent within
//! [`FRESH_FOR`].
//!
//! What makes a search cheap (see `docs/directory.md`, "Search performance"):
//! * each place's openings for the coming [`HORIZON_DAYS`] (plus a week) are computed once, when
//!   the snapshot is built, as a sorted list of instants: a next opening or a time filter is a
//!   binary search, not a walk through the calendar; the snapshot is rebuilt after a week;
//! * the filters (theme, public, language, access, wheelchair) are bits in a compact record per
//!   place, and the records are sorted by latitude: a search reads only the band of latitudes
//!   its radius covers, tests longitude and bits, and computes a distance for what is left.

use std::{
    collections::{HashMap, HashSet},
    sync::{
        Arc, RwLock,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use jiff::{SignedDuration, Timestamp, ToSpan};
use relais_core::{Db, DbError, on_db, settings};
use uuid::Uuid;

use crate::{
    places::{self, DropInSession, Place, PlaceException},
    reference::{LanguageArea, distance_km, reference},
    schedule::{self, Exception, Opening, Recurrence},
    taxonomy::{self, Term},
};

/// How long a process trusts its snapshot before asking the database for the version.
pub const FRESH_FOR: Duration = Duration::from_secs(2);
/// How far ahead a next opening is looked for.
pub const HORIZON_DAYS: i64 = 120;
/// How long a snapshot's precomputed openings stay usable: it is rebuilt once this old.
pub const TIMELINE_SLACK_DAYS: i64 = 7;
/// The first search radius, widened while fewer than [`ENOUGH`] places match.
pub const RADIUS_KM: [f64; 4] = [25.0, 50.0, 100.0, 400.0];
pub const ENOUGH: usize = 5;
/// Beyond this a place is far: more than an hour's journey for most people without a car. The
/// search offers help by phone before it.
pub const FAR_KM: f64 = 50.0;

/// The last instant a next opening may start: `now` plus [`HORIZON_DAYS`] calendar days.
pub fn horizon_limit(now: Timestamp) -> Timestamp {
    now.to_zoned(schedule::zone()).checked_add(HORIZON_DAYS.days()).map_or(Timestamp::MAX, |z| z.timestamp())
}

/// A place's openings over a window, as Unix seconds, sorted, merged (see [`schedule::openings`]).
#[derive(Debug, Default)]
struct Timeline {
    from: Timestamp,
    to: Timestamp,
    spans: Box<[(i64, i64)]>,
}

impl Timeline {
    fn new(recurrences: &[Recurrence], exceptions: &[Exception], from: Timestamp, to: Timestamp) -> Timeline {
        let spans = schedule::openings(recurrences, exceptions, from, to).into_iter().map(|o| (o.start.timestamp().as_second(), o.end.timestamp().as_second())).collect();
        Timeline { from, to, spans }
    }

    /// The opening in progress at `now` or the next one, if it starts no later than `limit`;
    /// `None` (outside) when the window does not cover `now..=limit`.
    fn lookup(&self, now: Timestamp, limit: Timestamp) -> Option<Option<(i64, i64)>> {
        if now < self.from || limit >= self.to {
            return None;
        }
        // Spans are whole seconds: `end > now` ⇔ `end > ⌊now⌋`, `start <= limit` ⇔ `start <= ⌊limit⌋`.
        let now_s = now.as_second();
        let first = self.spans.partition_point(|&(_, end)| end <= now_s);
        Some(self.spans.get(first).copied().filter(|&(start, _)| start <= limit.as_second()))
    }
}

fn opening_of((start, end): (i64, i64)) -> Option<Opening> {
    let zone = schedule::zone();
    Some(Opening { start: Timestamp::from_second(start).ok()?.to_zoned(zone.clone()), end: Timestamp::from_second(end).ok()?.to_zoned(zone) })
}

/// A published place with what the search needs.
#[derive(Debug)]
pub struct Entry {
    pub place: Place,
    pub sessions: Vec<DropInSession>,
    pub exceptions: Vec<PlaceException>,
    pub recurrences: Vec<Recurrence>,
    pub schedule_exceptions: Vec<Exception>,
    /// The codes of its sessions, sorted, each once.
    pub themes: Vec<String>,
    pub publics: Vec<String>,
    pub languages: Vec<String>,
    pub services: Vec<String>,
    pub free_access: bool,
    pub by_appointment: bool,
    /// Where it is: its municipality's language area and province (from the reference data).
    pub area: Option<LanguageArea>,
    pub province: Option<u32>,
    timeline: Timeline,
}

impl Entry {
    pub fn new(place: Place, sessions: Vec<DropInSession>, exceptions: Vec<PlaceException>) -> Entry {
        Entry::at(place, sessions, exceptions, Timestamp::now())
    }

    /// An entry whose openings are precomputed from the day before `now` to a week past the horizon.
    fn at(place: Place, mut sessions: Vec<DropInSession>, exceptions: Vec<PlaceException>, now: Timestamp) -> Entry {
        sessions.sort_by_key(|s| (s.recurrence.weekday.to_monday_one_offset(), s.recurrence.start));
        let gather = |pick: fn(&DropInSession) -> &Vec<String>| -> Vec<String> {
            let mut codes: Vec<String> = sessions.iter().flat_map(|s| pick(s).iter().cloned()).collect();
            codes.sort_unstable();
            codes.dedup();
            codes
        };
        let recurrences: Vec<Recurrence> = sessions.iter().map(|s| s.recurrence).collect();
        let schedule_exceptions: Vec<Exception> = exceptions.iter().map(|e| e.exception).collect();
        let day = SignedDuration::from_hours(24);
        let from = now.saturating_sub(day).unwrap_or(now);
        let to = now.saturating_add(day * (HORIZON_DAYS + TIMELINE_SLACK_DAYS + 2) as i32).unwrap_or(Timestamp::MAX);
        let municipality = reference().municipality(&place.municipality_nis);
        Entry {
            area: municipality.and_then(|m| m.area),
            province: municipality.map(|m| m.province),
            themes: gather(|s| &s.themes),
            publics: gather(|s| &s.publics),
            languages: gather(|s| &s.languages),
            services: gather(|s| &s.services),
            free_access: sessions.iter().any(|s| !s.by_appointment),
            by_appointment: sessions.iter().any(|s| s.by_appointment),
            timeline: Timeline::new(&recurrences, &schedule_exceptions, from, to),
            recurrences,
            schedule_exceptions,
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

    /// The opening in progress or the next one within [`HORIZON_DAYS`] (as
    /// [`schedule::next_opening`] computes it).
    pub fn next_opening(&self, now: Timestamp) -> Option<Opening> {
        self.span(now, horizon_limit(now)).and_then(opening_of)
    }

    /// The opening in progress at `now` or the next one, if it starts no later than `limit`:
    /// from the precomputed openings, or computed when they do not cover the window.
    fn span(&self, now: Timestamp, limit: Timestamp) -> Option<(i64, i64)> {
        match self.timeline.lookup(now, limit) {
            Some(found) => found,
            None => {
                let to = limit.checked_add(SignedDuration::from_nanos(1)).unwrap_or(Timestamp::MAX);
                schedule::openings(&self.recurrences, &self.schedule_exceptions, now, to).first().map(|o| (o.start.timestamp().as_second(), o.end.timestamp().as_second()))
            }
        }
    }
}

/// Codes of one taxonomy numbered as bits (the first 128 codes seen; any further code is
/// tested on the entry's list instead).
#[derive(Debug, Default)]
struct CodeBits {
    bits: HashMap<String, u8>,
    overflow: bool,
}

impl CodeBits {
    fn learn(&mut self, codes: &[String]) -> u128 {
        let mut mask = 0;
        for code in codes {
            let next = self.bits.len();
            let bit = match self.bits.get(code) {
                Some(bit) => Some(*bit),
                None if next < 128 => {
                    self.bits.insert(code.clone(), next as u8);
                    Some(next as u8)
                }
                None => {
                    self.overflow = true;
                    None
                }
            };
            if let Some(bit) = bit {
                mask |= 1u128 << bit;
            }
        }
        mask
    }

    fn test(&self, code: &str) -> CodeTest {
        match self.bits.get(code) {
            Some(bit) => CodeTest::Bits(1u128 << bit),
            None if self.overflow => CodeTest::List(code.to_string()),
            None => CodeTest::Bits(0),
        }
    }
}

/// How a wanted code is tested: bits of the compact record, or the entry's list of codes.
#[derive(Debug)]
enum CodeTest {
    Any,
    Bits(u128),
    List(String),
}

impl CodeTest {
    fn passes(&self, mask: u128, list: impl FnOnce() -> bool) -> bool {
        match self {
            CodeTest::Any => true,
            CodeTest::Bits(bits) => mask & bits != 0,
            CodeTest::List(_) => list(),
        }
    }
}

const WHEELCHAIR: u8 = 1;
const FREE_ACCESS: u8 = 2;
const BY_APPOINTMENT: u8 = 4;
/// The place has at least one drop-in session: a place without any is not in the search (its
/// page stays public, for its workshops, and says it has no session yet).
const HAS_SESSION: u8 = 8;

/// The height of a band of latitude (about 11 km): places are kept by band, then by longitude.
const BAND_DEGREES: f64 = 0.1;

fn band_of(latitude: f64) -> i32 {
    (latitude / BAND_DEGREES).floor() as i32
}

/// What a search scans for each place: 80 bytes, grouped by band of latitude, sorted by
/// longitude within a band.
#[derive(Debug, Clone, Copy)]
struct Spot {
    latitude: f64,
    longitude: f64,
    themes: u128,
    publics: u128,
    languages: u128,
    flags: u8,
    entry: u32,
}

/// Everything the public side reads.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub entries: Vec<Arc<Entry>>,
    /// The organisations that are a CPAS/OCMW/ÖSHZ: their places' phones are offered as help by
    /// phone before a far place.
    pub cpas: HashSet<Uuid>,
    by_id: HashMap<Uuid, usize>,
    spots: Vec<Spot>,
    /// Each band of latitude holding places: (band, its first spot, past its last spot), by band.
    bands: Vec<(i32, usize, usize)>,
    themes: CodeBits,
    publics: CodeBits,
    languages: CodeBits,
    pub terms: Vec<Term>,
    pub units: Vec<crate::units::Unit>,
    version: Option<String>,
    /// When the openings were computed; the snapshot is rebuilt [`TIMELINE_SLACK_DAYS`] later.
    built: Option<Timestamp>,
    /// For each time filter (open now, today, this week), which places fit, while it holds.
    moments: [RwLock<Option<Arc<Moment>>>; 3],
}

/// Which places fit a time filter from `from` until `until` (Unix seconds): the answer changes
/// only when a session starts or ends somewhere, or at midnight, so a search reads a bit per
/// place instead of looking up its openings.
#[derive(Debug)]
struct Moment {
    from: i64,
    until: i64,
    /// A bit per entry.
    fits: Vec<u64>,
    /// The positions of the fitting places among the snapshot's spots, when they are few (a
    /// search then reads only them: at night, "open now" reads nothing).
    few: Option<Vec<u32>>,
}

impl Moment {
    fn fits(&self, entry: u32) -> bool {
        self.fits[entry as usize / 64] & (1 << (entry % 64)) != 0
    }

    /// Computes which entries fit `when` at `now`, and until when that holds (at most an hour).
    fn compute(entries: &[Arc<Entry>], spots: &[Spot], when: When, now: Timestamp) -> Moment {
        let mut moment = Moment::of_entries(entries, when, now);
        let count: u32 = moment.fits.iter().map(|w| w.count_ones()).sum();
        if (count as usize) * 8 < spots.len() {
            moment.few = Some((0..spots.len()).filter(|&i| moment.fits(spots[i].entry)).map(|i| i as u32).collect());
        }
        moment
    }

    fn of_entries(entries: &[Arc<Entry>], when: When, now: Timestamp) -> Moment {
        let t = now.as_second();
        let limit = when.limit(now);
        let limit_s = limit.as_second();
        let horizon = horizon_limit(now);
        let mut until = t + 3600;
        if when == When::Today {
            until = until.min(limit_s + 1);
        }
        let mut fits = vec![0u64; entries.len().div_ceil(64)];
        for (i, entry) in entries.iter().enumerate() {
            let Some((start, end)) = entry.span(now, horizon) else { continue };
            if start <= limit_s {
                fits[i / 64] |= 1 << (i % 64);
                // It may stop fitting once this opening ends.
                until = until.min(end);
            } else {
                // It starts fitting once its start comes within the filter's reach.
                let changes = match when {
                    When::OpenNow => start,
                    When::ThisWeek => start - 7 * 24 * 3600 + 1,
                    When::Today | When::Any => i64::MAX,
                };
                until = until.min(changes);
            }
        }
        Moment { from: t, until: until.max(t + 1), fits, few: None }
    }
}

impl Snapshot {
    /// A snapshot of these entries (built at `now`).
    pub fn new(entries: Vec<Arc<Entry>>, terms: Vec<Term>, units: Vec<crate::units::Unit>) -> Snapshot {
        let mut snapshot = Snapshot { terms, units, built: Some(Timestamp::now()), ..Snapshot::default() };
        for (i, entry) in entries.iter().enumerate() {
            let flags = if entry.place.wheelchair { WHEELCHAIR } else { 0 }
                | if entry.free_access { FREE_ACCESS } else { 0 }
                | if entry.by_appointment { BY_APPOINTMENT } else { 0 }
                | if entry.sessions.is_empty() { 0 } else { HAS_SESSION };
            snapshot.spots.push(Spot {
                latitude: entry.place.latitude,
                longitude: entry.place.longitude,
                themes: snapshot.themes.learn(&entry.themes),
                publics: snapshot.publics.learn(&entry.publics),
                languages: snapshot.languages.learn(&entry.languages),
                flags,
                entry: u32::try_from(i).unwrap_or(u32::MAX),
            });
        }
        snapshot.spots.sort_by(|a, b| band_of(a.latitude).cmp(&band_of(b.latitude)).then(a.longitude.total_cmp(&b.longitude)));
        for (i, spot) in snapshot.spots.iter().enumerate() {
            let band = band_of(spot.latitude);
            match snapshot.bands.last_mut() {
                Some(last) if last.0 == band => last.2 = i + 1,
                _ => snapshot.bands.push((band, i, i + 1)),
            }
        }
        snapshot.by_id = entries.iter().enumerate().map(|(i, e)| (e.place.id, i)).collect();
        snapshot.entries = entries;
        snapshot
    }

    /// Which places fit `when` at `now` (kept while it holds).
    fn moment(&self, when: When, now: Timestamp) -> Option<Arc<Moment>> {
        let slot = &self.moments[match when {
            When::Any => return None,
            When::OpenNow => 0,
            When::Today => 1,
            When::ThisWeek => 2,
        }];
        let t = now.as_second();
        if let Some(moment) = slot.read().unwrap_or_else(|e| e.into_inner()).as_ref()
            && moment.from <= t
            && t < moment.until
        {
            return Some(moment.clone());
        }
        let moment = Arc::new(Moment::compute(&self.entries, &self.spots, when, now));
        *slot.write().unwrap_or_else(|e| e.into_inner()) = Some(moment.clone());
        Some(moment)
    }

    /// Whether its precomputed openings still reach the horizon.
    fn current(&self, now: Timestamp) -> bool {
        self.built.is_some_and(|built| now < built.saturating_add(SignedDuration::from_hours(24 * TIMELINE_SLACK_DAYS)).unwrap_or(built))
    }

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
        let now = Timestamp::now();
        let mut entries = Vec::with_capacity(places.len());
        for place in places {
            let sessions = sessions.remove(&place.id).unwrap_or_default();
            let exceptions = exceptions.remove(&place.id).unwrap_or_default();
            entries.push(Arc::new(Entry::at(place, sessions, exceptions, now)));
        }
        let terms = taxonomy::all_terms(db).await?;
        let units = crate::units::all(db).await?;
        let mut snapshot = Snapshot::new(entries, terms, units);
        let cpas: Vec<(Uuid,)> = on_db!(db, pool => sqlx::query_as("SELECT id FROM organisations WHERE kind = $1").bind("cpas").fetch_all(pool).await)?;
        snapshot.cpas = cpas.into_iter().map(|(id,)| id).collect();
        snapshot.version = version;
        snapshot.built = Some(now);
        Ok(snapshot)
    }
}

/// The application's snapshot (built or refreshed when needed): what every search reads.
pub async fn cache_snapshot(state: &relais_core::web::AppState) -> Result<Arc<Snapshot>, relais_core::web::error::AppError> {
    Ok(state.caches.get::<DirectoryCache>().snapshot(&state.db).await?)
}

/// A place's address on one line, its municipality named in `locale`.
pub fn address(entry: &Entry, locale: relais_core::i18n::Locale) -> String {
    let municipality = crate::reference::reference().municipality(&entry.place.municipality_nis).map(|m| m.name(locale).to_string()).unwrap_or_default();
    format!("{}, {} {}", entry.place.street, entry.place.postcode, municipality)
}

/// The process's snapshot (one per application, in [`relais_core::web::Caches`]).
pub struct DirectoryCache {
    snapshot: RwLock<Option<Arc<Snapshot>>>,
    /// When the version was last checked, in milliseconds since `base` (0: never, or invalidated).
    checked: AtomicU64,
    base: Instant,
    /// Serialises rebuilds (one at a time; the others keep reading the old snapshot).
    rebuilding: tokio::sync::Mutex<()>,
}

impl Default for DirectoryCache {
    fn default() -> DirectoryCache {
        DirectoryCache { snapshot: RwLock::default(), checked: AtomicU64::new(0), base: Instant::now(), rebuilding: tokio::sync::Mutex::default() }
    }
}

impl DirectoryCache {
    /// Milliseconds since `base`, at least 1 (0 means "not checked").
    fn now_ms(&self) -> u64 {
        u64::try_from(self.base.elapsed().as_millis()).unwrap_or(u64::MAX).max(1)
    }

    /// The current snapshot: rebuilt when the database's version moved (checked at most every
    /// [`FRESH_FOR`]), when its openings no longer reach the horizon, or after [`Self::invalidate`].
    pub async fn snapshot(&self, db: &Db) -> Result<Arc<Snapshot>, DbError> {
        if let Some(snapshot) = self.fresh() {
            return Ok(snapshot);
        }
        let _guard = self.rebuilding.lock().await;
        // Another request may have checked (or rebuilt) while this one waited for the lock.
        if let Some(snapshot) = self.fresh() {
            return Ok(snapshot);
        }
        let version = settings::get(db, places::VERSION_KEY).await?;
        let current = self.snapshot.read().unwrap_or_else(|e| e.into_inner()).clone();
        let snapshot = match current {
            Some(snapshot) if snapshot.version == version && snapshot.current(Timestamp::now()) => snapshot,
            _ => {
                let snapshot = Arc::new(Snapshot::load(db, version).await?);
                *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = Some(snapshot.clone());
                snapshot
            }
        };
        self.checked.store(self.now_ms(), Ordering::Release);
        Ok(snapshot)
    }

    /// The snapshot, if checked within [`FRESH_FOR`] and still current.
    fn fresh(&self) -> Option<Arc<Snapshot>> {
        let at = self.checked.load(Ordering::Acquire);
        let checked = at != 0 && self.now_ms().saturating_sub(at) < FRESH_FOR.as_millis() as u64;
        let snapshot = self.snapshot.read().unwrap_or_else(|e| e.into_inner()).clone()?;
        (checked && snapshot.current(Timestamp::now())).then_some(snapshot)
    }

    /// After a change made by this process: the next read rebuilds at once.
    pub fn invalidate(&self) {
        self.checked.store(0, Ordering::Release);
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

    /// The last instant an opening may start and still fit (it must also not have ended):
    /// `now` itself for "open now", the end of the day (in Brussels) for "today", seven days
    /// for "this week"; the horizon otherwise.
    fn limit(self, now: Timestamp) -> Timestamp {
        let before = |t: Timestamp| t.checked_sub(SignedDuration::from_nanos(1)).unwrap_or(t);
        match self {
            When::Any => horizon_limit(now),
            When::OpenNow => now,
            When::Today => now.to_zoned(schedule::zone()).tomorrow().and_then(|z| z.start_of_day()).map_or_else(|_| horizon_limit(now), |z| before(z.timestamp())),
            // From the whole second, so that the answer is the same all through that second.
            When::ThisWeek => before(Timestamp::from_second(now.as_second()).unwrap_or(now).saturating_add(SignedDuration::from_hours(7 * 24)).unwrap_or(Timestamp::MAX)),
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
    /// Farther than [`FAR_KM`]: listed after the help by phone.
    pub far: bool,
}

/// The results: the page asked for, the total number of matches, the radius used.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub total: usize,
    pub radius_km: Option<f64>,
    /// How many matches are not far (the far ones come after them).
    pub near: usize,
    /// When some match is far: the nearest CPAS place with a phone in the person's language
    /// area, to call before travelling.
    pub phone_help: Option<Arc<Entry>>,
}

/// A query turned into tests on the compact records.
struct Filter<'a> {
    query: &'a Query,
    theme: CodeTest,
    public: CodeTest,
    language: CodeTest,
    flags: u8,
    /// For a time filter: which places fit it now.
    moment: Option<Arc<Moment>>,
}

impl<'a> Filter<'a> {
    fn new(snapshot: &Snapshot, query: &'a Query, now: Timestamp) -> Filter<'a> {
        let test = |bits: &CodeBits, code: &Option<String>| code.as_deref().map_or(CodeTest::Any, |c| bits.test(c));
        let public = match (test(&snapshot.publics, &query.public), snapshot.publics.test("everyone")) {
            (CodeTest::Bits(wanted), CodeTest::Bits(everyone)) => CodeTest::Bits(wanted | everyone),
            (public, _) => public,
        };
        let flags = HAS_SESSION
            | if query.wheelchair { WHEELCHAIR } else { 0 }
            | match query.appointment {
                Some(true) => BY_APPOINTMENT,
                Some(false) => FREE_ACCESS,
                None => 0,
            };
        Filter { query, theme: test(&snapshot.themes, &query.theme), public, language: test(&snapshot.languages, &query.language), flags, moment: snapshot.moment(query.when, now) }
    }

    /// Whether the place passes every filter but distance and time.
    fn passes(&self, spot: &Spot, entries: &[Arc<Entry>]) -> bool {
        let entry = || &entries[spot.entry as usize];
        spot.flags & self.flags == self.flags
            && self.theme.passes(spot.themes, || matches!(&self.theme, CodeTest::List(c) if entry().themes.contains(c)))
            && self.public.passes(spot.publics, || matches!(&self.public, CodeTest::List(c) if entry().publics.contains(c) || entry().publics.iter().any(|p| p == "everyone")))
            && self.language.passes(spot.languages, || matches!(&self.language, CodeTest::List(c) if entry().languages.contains(c)))
            && self.query.organisation.is_none_or(|o| entry().place.organisation_id == o)
    }

    /// Whether the place fits the time filter (if any).
    fn fits_when(&self, spot: &Spot) -> bool {
        self.moment.as_ref().is_none_or(|m| m.fits(spot.entry))
    }
}

/// A match: distance, entry index.
type Found = (Option<f64>, u32);

/// Where the person is: the language area and province of the municipality nearest the centre.
#[derive(Debug, Clone, Copy)]
struct Home {
    area: Option<LanguageArea>,
    province: u32,
}

impl Home {
    fn of(centre: (f64, f64)) -> Option<Home> {
        reference().nearest(centre).map(|m| Home { area: m.area, province: m.province })
    }

    /// 0: in the same language area and province; 1: in the same language area; 2: elsewhere.
    /// A place or a home whose area is not known counts as the same area.
    fn rank(home: Option<Home>, entry: &Entry) -> u8 {
        match (home, entry.area) {
            (Some(home), Some(area)) if home.area.is_some_and(|a| a != area) => 2,
            (Some(home), _) if entry.province.is_some_and(|p| p != home.province) => 1,
            _ => 0,
        }
    }
}

/// Search: places matching the filters, nearest first within 25 km. When fewer than 5 match
/// there, the search widens within the person's language area and province first (a German
/// speaker in Eupen is not sent to Charleroi while the German-speaking area has places), and
/// takes places of other areas only when those are still too few. Far places (beyond
/// [`FAR_KM`]) come last, those of the person's area first; `limit` of them from `offset`.
pub fn search(snapshot: &Snapshot, query: &Query, now: Timestamp, offset: usize, limit: usize) -> Results {
    let filter = Filter::new(snapshot, query, now);
    let entries = &snapshot.entries;
    let mut found: Vec<Found> = Vec::new();
    let mut radius_used = None;
    let mut home = None;
    match query.centre {
        Some(centre) => {
            within(snapshot, &filter, centre, RADIUS_KM[0], &mut found);
            radius_used = Some(RADIUS_KM[0]);
            if found.len() < ENOUGH {
                home = Home::of(centre);
                found.clear();
                let widest = RADIUS_KM[RADIUS_KM.len() - 1];
                within(snapshot, &filter, centre, widest, &mut found);
                let distance = |f: &Found| f.0.unwrap_or(0.0);
                let at_home = |f: &Found| distance(f) <= RADIUS_KM[0] || Home::rank(home, &entries[f.1 as usize]) < 2;
                // The smallest radius that holds enough places of the person's area…
                let count = |r: f64, keep: &dyn Fn(&Found) -> bool| found.iter().filter(|f| distance(f) <= r && keep(f)).count();
                let radius = match RADIUS_KM[1..].iter().copied().find(|r| count(*r, &at_home) >= ENOUGH) {
                    Some(radius) => {
                        found.retain(|f| distance(f) <= radius && at_home(f));
                        radius
                    }
                    // …else all of them, and the nearest others to make enough.
                    None => {
                        let (mut kept, mut others): (Vec<Found>, Vec<Found>) = found.drain(..).partition(|f| at_home(f));
                        others.sort_unstable_by(|a, b| distance(a).total_cmp(&distance(b)));
                        let missing = ENOUGH.saturating_sub(kept.len());
                        kept.extend(others.into_iter().take(missing));
                        found = kept;
                        let farthest = found.iter().map(distance).fold(0.0, f64::max);
                        RADIUS_KM.iter().copied().find(|r| farthest <= *r).unwrap_or(widest)
                    }
                };
                radius_used = Some(radius);
            }
        }
        None => {
            for spot in &snapshot.spots {
                if filter.passes(spot, entries) && filter.fits_when(spot) {
                    found.push((None, spot.entry));
                }
            }
        }
    }
    let total = found.len();
    let is_far = |f: &Found| f.0.is_some_and(|d| d > FAR_KM);
    // Near places by distance; then far ones, those of the person's province, then of their
    // language area, first.
    let key = |f: &Found| if is_far(f) { (true, Home::rank(home, &entries[f.1 as usize])) } else { (false, 0) };
    let order = |a: &Found, b: &Found| {
        let (ea, eb) = (&entries[a.1 as usize].place, &entries[b.1 as usize].place);
        key(a).cmp(&key(b)).then_with(|| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal)).then_with(|| ea.postcode.cmp(&eb.postcode)).then_with(|| ea.id.cmp(&eb.id))
    };
    let near = found.iter().filter(|f| !is_far(f)).count();
    let phone_help = match query.centre {
        Some(centre) if near < total => phone_help(snapshot, centre, home.or_else(|| Home::of(centre))),
        _ => None,
    };
    let end = offset.saturating_add(limit).min(total);
    if end < total && end > 0 {
        found.select_nth_unstable_by(end - 1, order);
        found.truncate(end);
    }
    found.sort_unstable_by(order);
    let until = query.when.limit(now);
    let hits = found
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|(distance_km, i)| {
            let entry = entries[i as usize].clone();
            Hit { next_opening: entry.span(now, until).and_then(opening_of), entry, distance_km, far: distance_km.is_some_and(|d| d > FAR_KM) }
        })
        .collect();
    Results { hits, total, radius_km: radius_used, near, phone_help }
}

/// The nearest place of a CPAS with a phone number, in the person's language area.
fn phone_help(snapshot: &Snapshot, centre: (f64, f64), home: Option<Home>) -> Option<Arc<Entry>> {
    snapshot
        .entries
        .iter()
        .filter(|e| snapshot.cpas.contains(&e.place.organisation_id) && e.place.phone.as_deref().is_some_and(|p| !p.trim().is_empty()))
        .filter(|e| Home::rank(home, e) < 2)
        .map(|e| (distance_km(centre, (e.place.latitude, e.place.longitude)), e))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, e)| e.clone())
}

/// The places within `radius` km of `centre` that pass the filter: only the bands of latitude the
/// radius reaches, and in each only the longitudes it reaches, are read.
fn within(snapshot: &Snapshot, filter: &Filter, centre: (f64, f64), radius: f64, found: &mut Vec<Found>) {
    // A degree of latitude is at least 110.5 km; of longitude, 111.3 km × cos(latitude) (the
    // box is widened a little so that rounding never loses a place at its edge).
    let dlat = radius / 110.5 * 1.01;
    let cos = (centre.0.abs() + dlat).min(89.0).to_radians().cos();
    let dlon = radius / (111.3 * cos) * 1.01;
    let (south, north) = (centre.0 - dlat, centre.0 + dlat);
    let (west, east) = (centre.1 - dlon, centre.1 + dlon);
    let mut consider = |spot: &Spot| {
        if spot.latitude < south || spot.latitude > north || spot.longitude < west || spot.longitude > east {
            return;
        }
        if !filter.fits_when(spot) || !filter.passes(spot, &snapshot.entries) {
            return;
        }
        let distance = distance_km(centre, (spot.latitude, spot.longitude));
        if distance <= radius {
            found.push((Some(distance), spot.entry));
        }
    };
    if let Some(few) = filter.moment.as_ref().and_then(|m| m.few.as_ref()) {
        few.iter().for_each(|&i| consider(&snapshot.spots[i as usize]));
        return;
    }
    let bands = &snapshot.bands;
    let first = bands.partition_point(|b| b.0 < band_of(south));
    for &(_, from, to) in bands[first..].iter().take_while(|b| b.0 <= band_of(north)) {
        let spots = &snapshot.spots[from..to];
        let start = spots.partition_point(|s| s.longitude < west);
        spots[start..].iter().take_while(|s| s.longitude <= east).for_each(&mut consider);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{Date, Time, Weekday, date, time};

    fn place(n: u32, latitude: f64, longitude: f64, wheelchair: bool) -> Place {
        Place {
            id: Uuid::from_u128(u128::from(n) + 1),
            organisation_id: Uuid::from_u128(u128::from(n % 3) + 1000),
            mobile_unit_id: None,
            kind: "public-digital-space".into(),
            name_fr: Some(format!("Lieu {n}")),
            name_nl: None,
            name_de: None,
            name_en: None,
            description_fr: None,
            description_nl: None,
            description_de: None,
            description_en: None,
            street: "Rue 1".into(),
            postcode: format!("{}", 1000 + n % 50),
            municipality_nis: "21001".into(),
            latitude,
            longitude,
            phone: None,
            email: None,
            website: None,
            equipment: String::new(),
            wheelchair,
            hearing_loop: false,
            transport_hint: None,
            published: true,
        }
    }

    fn session(place: Uuid, recurrence: Recurrence, by_appointment: bool, themes: &[&str], publics: &[&str], languages: &[&str]) -> DropInSession {
        let codes = |c: &[&str]| c.iter().map(|s| s.to_string()).collect();
        DropInSession {
            id: Uuid::new_v4(),
            place_id: place,
            recurrence,
            by_appointment,
            themes: codes(themes),
            services: codes(&["online-procedures"]),
            publics: codes(publics),
            languages: codes(languages),
            helper_kind: "volunteer".into(),
        }
    }

    fn exception(place: Uuid, exception: Exception) -> PlaceException {
        PlaceException { id: Uuid::new_v4(), place_id: place, exception, reason: String::new() }
    }

    /// A small pseudo-random sequence (the same on every run).
    struct Dice(u64);
    impl Dice {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }

    const THEMES: [&str; 5] = ["pension", "taxes", "email", "banking", "housing"];
    const PUBLICS: [&str; 3] = ["everyone", "seniors", "job-seekers"];
    const LANGUAGES: [&str; 3] = ["fr", "nl", "ar"];

    /// Places around Brussels and Liège with varied sessions, closures and extras; built at `built`.
    fn entries(count: u32, built: Timestamp) -> Vec<Arc<Entry>> {
        let mut dice = Dice(7);
        let weekdays = [Weekday::Monday, Weekday::Tuesday, Weekday::Wednesday, Weekday::Thursday, Weekday::Friday, Weekday::Saturday, Weekday::Sunday];
        (0..count)
            .map(|n| {
                let (lat, lon) = if n % 4 == 0 { (50.63, 5.57) } else { (50.85, 4.35) };
                let p = place(n, lat + dice.below(600) as f64 / 1000.0 - 0.3, lon + dice.below(800) as f64 / 1000.0 - 0.4, dice.below(2) == 0);
                let mut sessions = Vec::new();
                for _ in 0..=dice.below(3) {
                    let weekday = weekdays[dice.below(7) as usize];
                    let start = time(8 + dice.below(10) as i8, [0, 30][dice.below(2) as usize], 0, 0);
                    let end = start.checked_add(SignedDuration::from_mins(60 + 30 * dice.below(5) as i64)).unwrap_or(time(23, 30, 0, 0));
                    let recurrence = if dice.below(3) == 0 {
                        let anchor = date(2026, 11, 2).checked_add(jiff::Span::new().days(dice.below(7) as i64)).unwrap();
                        Recurrence::every_n_weeks(2, anchor, start, end)
                    } else {
                        Recurrence::weekly(weekday, start, end)
                    };
                    let pick = |dice: &mut Dice, from: &[&'static str]| -> Vec<&'static str> {
                        let mut chosen: Vec<&str> = from.iter().copied().filter(|_| dice.below(2) == 0).collect();
                        if chosen.is_empty() {
                            chosen.push(from[0]);
                        }
                        chosen
                    };
                    let (themes, publics, languages) = (pick(&mut dice, &THEMES), pick(&mut dice, &PUBLICS), pick(&mut dice, &LANGUAGES));
                    sessions.push(session(p.id, recurrence, dice.below(4) == 0, &themes, &publics, &languages));
                }
                let day = |d: u64| date(2026, 11, 20).checked_add(jiff::Span::new().days(d as i64)).unwrap();
                let mut exceptions = Vec::new();
                if dice.below(3) == 0 {
                    let from = day(dice.below(40));
                    exceptions.push(exception(p.id, Exception::closed(from, from.checked_add(jiff::Span::new().days(dice.below(9) as i64)).unwrap())));
                }
                if dice.below(3) == 0 {
                    exceptions.push(exception(p.id, Exception::extra(day(dice.below(40)), time(18, 0, 0, 0), time(20, 0, 0, 0))));
                }
                Arc::new(Entry::at(p, sessions, exceptions, built))
            })
            .collect()
    }

    fn at(text: &str) -> Timestamp {
        let civil: jiff::civil::DateTime = text.parse().unwrap();
        civil.to_zoned(schedule::zone()).unwrap().timestamp()
    }

    #[test]
    fn precomputed_openings_agree_with_the_schedule_across_a_dst_change() {
        // Built on Friday 2027-03-19; checked every 47 minutes for two weeks, across the last
        // Sunday of March (clocks go forward on 2027-03-28), and after the window (computed then).
        let built = at("2027-03-19T10:00");
        let all = entries(60, built);
        let mut now = built;
        let mut checked = 0;
        while now < at("2027-04-02T00:00") {
            for entry in &all {
                let expected = schedule::next_opening(&entry.recurrences, &entry.schedule_exceptions, now, HORIZON_DAYS);
                assert_eq!(entry.next_opening(now), expected, "{} at {now}", entry.place.id);
                checked += 1;
            }
            now = now.saturating_add(SignedDuration::from_mins(47)).unwrap();
        }
        assert!(checked > 20_000);
        let later = at("2027-10-31T02:30");
        for entry in &all {
            assert!(entry.timeline.lookup(later, horizon_limit(later)).is_none(), "outside the window");
            assert_eq!(entry.next_opening(later), schedule::next_opening(&entry.recurrences, &entry.schedule_exceptions, later, HORIZON_DAYS));
        }
    }

    /// The same search, written the obvious way: every entry, every filter on its lists.
    fn naive(all: &[Arc<Entry>], query: &Query, now: Timestamp) -> Vec<(Uuid, Option<Opening>)> {
        let zoned = now.to_zoned(schedule::zone());
        let fits = |e: &Entry| -> Option<Option<Opening>> {
            let next = schedule::next_opening(&e.recurrences, &e.schedule_exceptions, now, HORIZON_DAYS);
            let ok = match query.when {
                When::Any => true,
                When::OpenNow => next.as_ref().is_some_and(|o| o.start.timestamp() <= now),
                When::Today => next.as_ref().is_some_and(|o| o.start.date() <= zoned.date()),
                When::ThisWeek => next.as_ref().is_some_and(|o| o.start.timestamp() < now + SignedDuration::from_hours(7 * 24)),
            };
            ok.then_some(next)
        };
        let matching = |e: &Entry| {
            !e.sessions.is_empty()
                && query.theme.as_ref().is_none_or(|t| e.themes.contains(t))
                && query.public.as_ref().is_none_or(|p| e.publics.contains(p) || e.publics.iter().any(|x| x == "everyone"))
                && query.language.as_ref().is_none_or(|l| e.languages.contains(l))
                && (!query.wheelchair || e.place.wheelchair)
                && query.appointment.is_none_or(|a| if a { e.by_appointment } else { e.free_access })
                && query.organisation.is_none_or(|o| e.place.organisation_id == o)
        };
        let centre = query.centre.unwrap();
        let home = Home::of(centre);
        let mut found: Vec<(f64, &Arc<Entry>, Option<Opening>)> = all
            .iter()
            .filter(|e| matching(e))
            .map(|e| (distance_km(centre, (e.place.latitude, e.place.longitude)), e))
            .filter(|(d, _)| *d <= RADIUS_KM[3])
            .filter_map(|(d, e)| fits(e).map(|next| (d, e, next)))
            .collect();
        found.sort_by(|a, b| a.0.total_cmp(&b.0));
        if found.iter().filter(|f| f.0 <= RADIUS_KM[0]).count() >= ENOUGH {
            found.retain(|f| f.0 <= RADIUS_KM[0]);
        } else {
            let at_home = |f: &(f64, &Arc<Entry>, Option<Opening>)| f.0 <= RADIUS_KM[0] || Home::rank(home, f.1) < 2;
            match RADIUS_KM[1..].iter().find(|r| found.iter().filter(|f| f.0 <= **r && at_home(f)).count() >= ENOUGH) {
                Some(r) => found.retain(|f| f.0 <= *r && at_home(f)),
                None => {
                    let mut others = ENOUGH.saturating_sub(found.iter().filter(|f| at_home(f)).count());
                    found.retain(|f| {
                        let keep = at_home(f) || others > 0;
                        if !at_home(f) && others > 0 {
                            others -= 1;
                        }
                        keep
                    });
                }
            }
        }
        let key = |f: &(f64, &Arc<Entry>, Option<Opening>)| if f.0 > FAR_KM { (1, Home::rank(home, f.1)) } else { (0, 0) };
        found.sort_by(|a, b| key(a).cmp(&key(b)).then(a.0.total_cmp(&b.0)).then_with(|| a.1.place.postcode.cmp(&b.1.place.postcode)).then_with(|| a.1.place.id.cmp(&b.1.place.id)));
        found.into_iter().map(|(_, e, next)| (e.place.id, next)).collect()
    }

    #[test]
    fn the_indexed_search_finds_what_a_full_scan_finds() {
        let built = at("2026-11-27T09:00");
        let all = entries(400, built);
        let snapshot = Snapshot::new(all.clone(), Vec::new(), Vec::new());
        let mut dice = Dice(11);
        let whens = [When::Any, When::OpenNow, When::Today, When::ThisWeek];
        let some = |dice: &mut Dice, codes: &[&str]| (dice.below(3) == 0).then(|| codes[dice.below(codes.len() as u64) as usize].to_string());
        for round in 0..300 {
            let now = built.saturating_add(SignedDuration::from_mins(13 * 60 * round + 7)).unwrap();
            let query = Query {
                centre: Some(if round % 3 == 0 { (50.64, 5.58) } else { (50.84 + dice.below(100) as f64 / 1000.0, 4.36) }),
                theme: some(&mut dice, &THEMES),
                public: some(&mut dice, &["seniors", "job-seekers", "nobody-has-it"]),
                language: some(&mut dice, &LANGUAGES),
                when: whens[dice.below(4) as usize],
                wheelchair: dice.below(3) == 0,
                appointment: [None, Some(true), Some(false)][dice.below(3) as usize],
                organisation: (dice.below(5) == 0).then(|| Uuid::from_u128(1001)),
            };
            let expected = naive(&all, &query, now);
            let results = search(&snapshot, &query, now, 0, usize::MAX);
            assert_eq!(results.total, expected.len(), "{query:?}");
            let got: Vec<(Uuid, Option<Opening>)> = results.hits.iter().map(|h| (h.entry.place.id, h.next_opening.clone())).collect();
            assert_eq!(got, expected, "{query:?} at {now}");
            // A page is the same slice of the whole list.
            let page = search(&snapshot, &query, now, 3, 4);
            let ids: Vec<Uuid> = page.hits.iter().map(|h| h.entry.place.id).collect();
            let slice: Vec<Uuid> = expected.iter().skip(3).take(4).map(|(id, _)| *id).collect();
            assert_eq!(ids, slice);
            assert_eq!(page.total, expected.len());
        }
    }

    #[test]
    fn a_time_filter_kept_between_changes_agrees_with_each_place_minute_by_minute() {
        // Every 3 minutes (and a few seconds) over four days, around a weekend: which places fit
        // each time filter, from the kept answer, against each place's own next opening.
        let built = at("2026-12-04T07:00");
        let all = entries(300, built);
        let snapshot = Snapshot::new(all.clone(), Vec::new(), Vec::new());
        let mut now = built;
        let mut recomputed = 0;
        let mut last: [Option<*const Moment>; 3] = [None; 3];
        while now < at("2026-12-08T07:00") {
            for (k, when) in [When::OpenNow, When::Today, When::ThisWeek].into_iter().enumerate() {
                let moment = snapshot.moment(when, now).unwrap();
                if last[k] != Some(Arc::as_ptr(&moment)) {
                    recomputed += 1;
                    last[k] = Some(Arc::as_ptr(&moment));
                }
                let limit = when.limit(now);
                for (i, entry) in all.iter().enumerate() {
                    let expected = entry.span(now, limit).is_some();
                    assert_eq!(moment.fits(i as u32), expected, "{when:?} at {now}, place {i}");
                }
            }
            now = now.saturating_add(SignedDuration::from_secs(3 * 60 + 11)).unwrap();
        }
        // Kept for several steps in a row (not recomputed every time).
        assert!(recomputed < 3 * 1800 / 2, "{recomputed}");
    }

    #[test]
    fn a_theme_beyond_the_first_128_codes_is_still_found() {
        let built = at("2026-11-27T09:00");
        let mut all = Vec::new();
        for n in 0..140u32 {
            let p = place(n, 50.85, 4.35 + f64::from(n) / 1000.0, false);
            let theme = format!("theme-{n}");
            let s = session(p.id, Recurrence::weekly(Weekday::Monday, time(9, 0, 0, 0), time(12, 0, 0, 0)), false, &[&theme], &["seniors"], &["fr"]);
            all.push(Arc::new(Entry::at(p, vec![s], Vec::new(), built)));
        }
        let snapshot = Snapshot::new(all, Vec::new(), Vec::new());
        for n in [0u32, 127, 128, 139] {
            let query = Query { centre: Some((50.85, 4.35)), theme: Some(format!("theme-{n}")), ..Query::default() };
            let found = search(&snapshot, &query, built, 0, 20);
            assert_eq!(found.total, 1, "theme-{n}");
            assert_eq!(found.hits[0].entry.place.id, Uuid::from_u128(u128::from(n) + 1));
        }
        let unknown = Query { centre: Some((50.85, 4.35)), theme: Some("theme-999".into()), ..Query::default() };
        assert_eq!(search(&snapshot, &unknown, built, 0, 20).total, 0);
    }

    #[test]
    fn time_filters_end_where_people_expect() {
        // Tuesday 2026-12-01 at 10:00 in Brussels; one place open 09:30–12:00 on Tuesdays, one
        // on Tuesday evenings, one on Wednesday mornings, one on the next Tuesday only.
        let built = at("2026-12-01T10:00");
        let t = |h: i8, m: i8| time(h, m, 0, 0);
        let make = |n: u32, r: Recurrence| {
            let p = place(n, 50.85, 4.35, false);
            let s = session(p.id, r, false, &["pension"], &["everyone"], &["fr"]);
            Arc::new(Entry::at(p, vec![s], Vec::new(), built))
        };
        let next_tuesday: Date = date(2026, 12, 8);
        let all = vec![
            make(0, Recurrence::weekly(Weekday::Tuesday, t(9, 30), t(12, 0))),
            make(1, Recurrence::weekly(Weekday::Tuesday, t(18, 0), t(20, 0))),
            make(2, Recurrence::weekly(Weekday::Wednesday, t(9, 0), t(11, 0))),
            make(3, Recurrence::weekly(Weekday::Tuesday, t(10, 0), t(11, 0)).with_from(next_tuesday)),
        ];
        let snapshot = Snapshot::new(all, Vec::new(), Vec::new());
        let count = |when: When| search(&snapshot, &Query { centre: Some((50.85, 4.35)), when, ..Query::default() }, built, 0, 20).total;
        assert_eq!(count(When::OpenNow), 1);
        assert_eq!(count(When::Today), 2);
        assert_eq!(count(When::ThisWeek), 3, "next Tuesday 10:00 is exactly seven days away: not this week");
        assert_eq!(count(When::Any), 4);
        let _: Time = t(0, 0);
    }
}
