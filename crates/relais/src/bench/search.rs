//! `relais bench search`: the directory search under load, server and load tool in one process.

use std::{
    collections::HashMap,
    net::SocketAddr,
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use axum::body::Body;
use clap::Args;
use http_body_util::BodyExt;
use hyper::Request;
use jiff::{
    Timestamp,
    civil::{Date, Time, Weekday},
};
use relais_core::{
    Db,
    db::redact,
    i18n::Locale,
    on_db,
    web::{AppState, WebConfig},
};
use relais_directory::{
    api::place_out,
    places::{self, PlaceInput, SessionInput},
    reference::{Area, Municipality, Region, reference},
    routes::public::{Resolved, SearchParams, resolve, search_query},
    schedule::Recurrence,
    search::{DirectoryCache, Snapshot, search},
    taxonomy::{EQUIPMENT, HELPER_KINDS, PLACE_KINDS, Taxonomy},
};
use relais_organisations::{
    model::OrganisationKind,
    organisations::{self, NewOrganisation},
};
use time::OffsetDateTime;
use tokio::net::TcpListener;
use tower::ServiceExt;
use uuid::Uuid;

use super::load::{Sample, load_paths};
use crate::args::CliResult;

/// One organisation (a CPAS/OCMW) per this many places.
const PLACES_PER_ORGANISATION: usize = 50;
/// Rows per multi-row INSERT (27 and 16 parameters a row: well under both engines' limits).
const PLACE_ROWS: usize = 500;
const SESSION_ROWS: usize = 1000;
/// The time filters of the search form.
const WHENS: [&str; 4] = ["", "now", "today", "week"];
/// Warm-up before each measured target.
const WARM_UP: Duration = Duration::from_secs(1);

#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    /// An EMPTY database to fill: postgres://user@host/db (e.g. made with `createdb`) or
    /// sqlite://file.db. Default: a new SQLite file in a temporary folder, removed afterwards.
    #[arg(long = "database")]
    pub database: Option<String>,
    /// Places to create (two drop-in sessions each), spread over every Belgian municipality.
    #[arg(long, default_value_t = 10_000)]
    pub places: usize,
    /// Concurrent keep-alive connections.
    #[arg(long, default_value_t = 50)]
    pub conns: usize,
    /// Seconds of load per target (API, then page), each after one second of warm-up.
    #[arg(long, default_value_t = 10)]
    pub duration: u64,
    /// Create the places with the directory's own functions (one INSERT per row, a version
    /// bump after each) instead of multi-row INSERTs in one transaction.
    #[arg(long)]
    pub one_by_one: bool,
    /// Before the load, time the stages of one search in-process: the search itself, the API's
    /// records, the whole application without TCP, and HTTP on one connection.
    #[arg(long)]
    pub profile: bool,
}

pub async fn run(args: SearchArgs) -> CliResult {
    let wanted = args.places.max(1);
    let conns = args.conns.max(1);
    let duration = Duration::from_secs(args.duration.max(1));
    // A fresh database only: the bench fills it with thousands of fictitious places.
    let fresh = super::fresh::fresh_database(args.database.as_deref(), "search", &format!("{wanted} fictitious places")).await?;
    let (db, url) = (fresh.db.clone(), fresh.url.clone());
    let engine = db.engine().name();
    crate::outln!("database: {} ({engine}, fresh), rss_mb={:.1}", redact(&url), rss_mb("VmRSS:"));

    let fixture = Fixture::new(wanted);
    let started = Instant::now();
    if args.one_by_one {
        fixture.load_one_by_one(&db).await?;
    } else {
        fixture.load_bulk(&db).await?;
    }
    crate::outln!(
        "bench: step=load engine={engine} places={} sessions={} organisations={} mode={} load_s={:.1} rss_mb={:.1}",
        fixture.places.len(),
        fixture.places.len() * 2,
        fixture.organisations.len(),
        if args.one_by_one { "one-by-one" } else { "bulk" },
        started.elapsed().as_secs_f64(),
        rss_mb("VmRSS:")
    );
    let places_loaded = fixture.places.len();
    drop(fixture);

    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let state = AppState::with_config(db.clone(), WebConfig::new(&format!("http://{address}")).with_figures(crate::figure_sources()));
    let cache = state.caches.get::<DirectoryCache>();
    let started = Instant::now();
    let snapshot = cache.snapshot(&db).await?;
    crate::outln!(
        "bench: step=snapshot engine={engine} entries={} build_ms={:.0} rss_mb={:.1}",
        snapshot.entries.len(),
        started.elapsed().as_secs_f64() * 1000.0,
        rss_mb("VmRSS:")
    );

    let combos = combos()?;
    let api_paths: Vec<String> = combos.iter().map(Combo::api_path).collect();
    let page_paths: Vec<String> = combos.iter().map(Combo::page_path).collect();
    let by_name = combos.iter().filter(|c| c.by_name).count() / (Taxonomy::Theme.defaults().len() + 1) / WHENS.len();
    crate::outln!(
        "searches: {} municipalities × {} themes (and none) × {} time filters = {} URLs per target; \
         the page searches {by_name} municipalities by name, the others by postcode; \
         time filters evaluated at {} (Europe/Brussels)",
        reference().municipalities.len(),
        Taxonomy::Theme.defaults().len(),
        WHENS.len(),
        combos.len(),
        Timestamp::now().to_zoned(relais_directory::schedule::zone()).strftime("%a %Y-%m-%d %H:%M")
    );

    let app = crate::routes().into_app(state.clone());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn({
        let app = app.clone();
        async move {
            axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
        }
    });
    if args.profile {
        profile(&snapshot, &combos, &app, &address.to_string(), &api_paths, &page_paths).await?;
    }

    // Watch the snapshot every 20 ms, as a request would get it: a new one means a rebuild
    // (a cache miss); the slowest answer shows how long a request may wait for it (a version
    // check in the database every 2 s, one at a time).
    let rebuilds = Arc::new(AtomicUsize::new(0));
    let watching = Arc::new(AtomicBool::new(true));
    let watcher = tokio::spawn({
        let (cache, db, rebuilds, watching) = (cache.clone(), db.clone(), rebuilds.clone(), watching.clone());
        let mut last = snapshot.clone();
        async move {
            let mut slowest = Duration::ZERO;
            while watching.load(Ordering::Relaxed) {
                tokio::time::sleep(Duration::from_millis(20)).await;
                let started = Instant::now();
                let now = cache.snapshot(&db).await;
                slowest = slowest.max(started.elapsed());
                if let Ok(now) = now
                    && !Arc::ptr_eq(&now, &last)
                {
                    rebuilds.fetch_add(1, Ordering::Relaxed);
                    last = now;
                }
            }
            slowest
        }
    });

    let authority = address.to_string();
    let mut total = Sample::default();
    for (target, paths) in [("api", api_paths), ("page", page_paths)] {
        let paths = Arc::new(paths);
        crate::outln!("loading {target} ({}…) with {conns} connections for {}s…", paths[0], duration.as_secs());
        load_paths(&authority, paths.clone(), conns, WARM_UP).await?;
        let sample = load_paths(&authority, paths, conns, duration).await?;
        crate::outln!(
            "bench: target={target} engine={engine} places={places_loaded} conns={conns} requests={} errors={} rps={:.0} p50_ms={:.3} p99_ms={:.3}",
            sample.latencies.len(),
            sample.errors,
            sample.rps(),
            ms(sample.percentile(0.50)),
            ms(sample.percentile(0.99)),
        );
        if let Some(error) = &sample.first_error {
            crate::outln!("first error ({target}): {error}");
        }
        total = total.merge(sample);
    }
    watching.store(false, Ordering::Relaxed);
    let slowest = watcher.await.unwrap_or_default();
    let rebuilds = rebuilds.load(Ordering::Relaxed);
    let requests = total.latencies.len();
    crate::outln!(
        "bench: cache=directory-snapshot requests={requests} snapshot_rebuilds={rebuilds} hit_rate_pct={:.2} snapshot_wait_max_ms={:.1} peak_rss_mb={:.1}",
        100.0 * requests.saturating_sub(rebuilds) as f64 / requests.max(1) as f64,
        ms(slowest),
        rss_mb("VmHWM:")
    );
    crate::outln!(
        "bench: engine={engine} places={places_loaded} conns={conns} rps={:.0} p50_ms={:.3} p99_ms={:.3} rss_mb={:.1}",
        total.rps(),
        ms(total.percentile(0.50)),
        ms(total.percentile(0.99)),
        rss_mb("VmRSS:")
    );

    let _ = stop.send(());
    let _ = tokio::time::timeout(Duration::from_secs(5), server).await;
    db.close().await;
    if total.errors > 0 {
        return Err(format!("{} requests failed (first: {})", total.errors, total.first_error.unwrap_or_default()).into());
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A line of /proc/self/status (`VmRSS:`, `VmHWM:`) in MB; 0 where there is none.
fn rss_mb(key: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with(key))?.to_string();
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// A small deterministic generator (SplitMix64): the same data set at every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `-1.0..1.0`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

struct OrganisationSpec {
    slug: String,
    name: String,
    municipality: String,
    languages: &'static str,
}

struct PlaceSpec {
    id: Uuid,
    organisation: usize,
    input: PlaceInput,
    sessions: [(Uuid, SessionInput); 2],
}

/// The fictitious data set: places spread evenly over every municipality, at one of its
/// postcodes, each with two weekly (or fortnightly) sessions between 08:30 and 21:00, Monday
/// to Saturday, with 8 of the 17 themes.
struct Fixture {
    organisations: Vec<OrganisationSpec>,
    places: Vec<PlaceSpec>,
}

fn languages_of(m: &Municipality) -> &'static str {
    match m.region {
        Region::Flanders => "nl",
        Region::Wallonia => "fr",
        Region::Brussels => "fr nl",
    }
}

/// The first date on or after 2026-01-05 (a Monday) falling on `weekday`.
fn anchor(weekday: Weekday) -> Date {
    let monday = Date::constant(2026, 1, 5);
    monday.checked_add(jiff::Span::new().days(i64::from(weekday.to_monday_zero_offset()))).unwrap_or(monday)
}

impl Fixture {
    fn new(count: usize) -> Fixture {
        let reference = reference();
        let municipalities = &reference.municipalities;
        let coordinates: HashMap<(&str, &str), (f64, f64)> = reference.postcodes.iter().map(|p| ((p.code.as_str(), p.nis.as_str()), (p.latitude, p.longitude))).collect();
        let themes: Vec<&str> = Taxonomy::Theme.defaults().iter().map(|(code, _)| *code).collect();
        let mut rng = Rng(0x5EED_2026);
        let mut organisations = Vec::new();
        let mut places = Vec::with_capacity(count);
        let mut previous = usize::MAX;
        let mut k = 0;
        for i in 0..count {
            let index = i * municipalities.len() / count;
            k = if index == previous { k + 1 } else { 0 };
            previous = index;
            let m = &municipalities[index];
            let (fr, nl) = (m.name(Locale::Fr), m.name(Locale::Nl));
            if i % PLACES_PER_ORGANISATION == 0 {
                let n = organisations.len() + 1;
                let (name, municipality) = match m.region {
                    Region::Flanders => (format!("OCMW {nl} (bench {n})"), nl),
                    _ => (format!("CPAS de {fr} (bench {n})"), fr),
                };
                organisations.push(OrganisationSpec {
                    slug: format!("bench-{n}-{}", m.nis),
                    name,
                    municipality: municipality.to_string(),
                    languages: match m.region {
                        Region::Flanders => "nl",
                        Region::Wallonia => "fr",
                        Region::Brussels => "fr,nl",
                    },
                });
            }
            let (postcode, (latitude, longitude)) = match m.postcodes.get(k % m.postcodes.len().max(1)) {
                Some(code) => (code.clone(), coordinates.get(&(code.as_str(), m.nis.as_str())).copied().unwrap_or((m.latitude, m.longitude))),
                None => (String::new(), (m.latitude, m.longitude)),
            };
            let (french, dutch) = (m.region != Region::Flanders, m.region != Region::Wallonia);
            let mut names: [Option<String>; 4] = Default::default();
            let mut descriptions: [Option<String>; 4] = Default::default();
            if french {
                names[0] = Some(format!("Espace numérique {fr} n° {} (bench)", k + 1));
                descriptions[0] = Some("Aide gratuite pour vos démarches en ligne, votre smartphone et vos e-mails.".into());
            }
            if dutch {
                names[1] = Some(format!("Digipunt {nl} nr. {} (bench)", k + 1));
                descriptions[1] = Some("Gratis hulp bij online zaken, je smartphone en je e-mails.".into());
            }
            let street = if french { format!("Rue de la Station {}", k + 1) } else { format!("Stationsstraat {}", k + 1) };
            let input = PlaceInput {
                kind: PLACE_KINDS[i % PLACE_KINDS.len()].0.to_string(),
                names,
                descriptions,
                street,
                postcode,
                municipality_nis: m.nis.clone(),
                latitude: latitude + 0.01 * rng.unit(),
                longitude: longitude + 0.01 * rng.unit(),
                phone: Some(format!("+32 2 {:03} {:02} {:02}", i / 10_000 % 1000, i / 100 % 100, i % 100)),
                email: Some(format!("place-{i}@bench.invalid")),
                website: None,
                equipment: EQUIPMENT.iter().enumerate().filter(|(bit, _)| (i >> bit) & 1 == 1 || *bit == 2).map(|(_, (code, _))| code.to_string()).collect(),
                wheelchair: i % 4 != 3,
                hearing_loop: i % 7 == 0,
                transport_hint: None,
                published: true,
                mobile_unit_id: None,
            };
            let session = |j: usize, rng: &mut Rng| -> SessionInput {
                let weekday = Weekday::from_monday_one_offset(((i + 3 * j) % 6 + 1) as i8).unwrap_or(Weekday::Monday);
                let start = 8 * 60 + 30 + 30 * rng.below(20) as i32;
                let end = start + 90 + 30 * rng.below(4) as i32;
                let at = |minutes: i32| Time::new((minutes / 60) as i8, (minutes % 60) as i8, 0, 0).unwrap_or(Time::midnight());
                let first = (i * 7 + j * 5) % themes.len();
                let mut languages = languages_of(m).split(' ').map(String::from).collect::<Vec<_>>();
                if i % 10 == 0 {
                    languages.push("ar".into());
                }
                SessionInput {
                    recurrence: Recurrence {
                        weekday,
                        start: at(start),
                        end: at(end),
                        every_weeks: if j == 1 && i % 5 == 4 { 2 } else { 1 },
                        anchor: anchor(weekday),
                        from: None,
                        until: None,
                    },
                    by_appointment: j == 1 && i % 4 == 0,
                    themes: (0..4).map(|t| themes[(first + t) % themes.len()].to_string()).collect(),
                    services: ["online-procedures", "device-basics"].map(String::from).to_vec(),
                    publics: if i % 3 == 0 { vec!["everyone".into(), "seniors".into()] } else { vec!["everyone".into()] },
                    languages,
                    helper_kind: HELPER_KINDS[(i + j) % HELPER_KINDS.len()].0.to_string(),
                }
            };
            let sessions = [(Uuid::new_v4(), session(0, &mut rng)), (Uuid::new_v4(), session(1, &mut rng))];
            places.push(PlaceSpec { id: Uuid::new_v4(), organisation: organisations.len() - 1, input, sessions });
        }
        Fixture { organisations, places }
    }

    async fn create_organisations(&self, db: &Db) -> Result<Vec<Uuid>, relais_core::DbError> {
        let mut ids = Vec::with_capacity(self.organisations.len());
        for o in &self.organisations {
            let email = format!("{}@bench.invalid", o.slug);
            ids.push(
                organisations::create(
                    db,
                    &NewOrganisation {
                        slug: &o.slug,
                        name: &o.name,
                        kind: OrganisationKind::Cpas,
                        municipality: &o.municipality,
                        languages: o.languages,
                        email: Some(&email),
                        phone: None,
                        website: None,
                    },
                )
                .await?,
            );
        }
        Ok(ids)
    }

    /// With the directory's functions: what the management pages do, row by row.
    async fn load_one_by_one(&self, db: &Db) -> Result<(), relais_core::DbError> {
        let organisations = self.create_organisations(db).await?;
        for place in &self.places {
            places::create_place_with_id(db, place.id, organisations[place.organisation], &place.input).await?;
            for (id, session) in &place.sessions {
                places::add_session_with_id(db, *id, place.id, session).await?;
            }
        }
        Ok(())
    }

    /// The same rows (same columns as `places.rs`) in multi-row INSERTs, one transaction, and
    /// one version bump at the end.
    async fn load_bulk(&self, db: &Db) -> Result<(), relais_core::DbError> {
        let organisations = self.create_organisations(db).await?;
        let now = OffsetDateTime::now_utc();
        on_db!(db, pool => {
            let mut tx = pool.begin().await?;
            for chunk in self.places.chunks(PLACE_ROWS) {
                let mut insert = sqlx::QueryBuilder::new(
                    "INSERT INTO places (id, organisation_id, mobile_unit_id, kind, name_fr, name_nl, name_de, name_en,
                         description_fr, description_nl, description_de, description_en, street, postcode, municipality_nis,
                         latitude, longitude, phone, email, website, equipment, wheelchair, hearing_loop, transport_hint,
                         published, created_at, updated_at) ",
                );
                insert.push_values(chunk, |mut row, place| {
                    let p = &place.input;
                    row.push_bind(place.id)
                        .push_bind(organisations[place.organisation])
                        .push_bind(p.mobile_unit_id)
                        .push_bind(p.kind.clone());
                    for text in p.names.iter().chain(&p.descriptions) {
                        row.push_bind(text.clone());
                    }
                    row.push_bind(p.street.clone())
                        .push_bind(p.postcode.clone())
                        .push_bind(p.municipality_nis.clone())
                        .push_bind(p.latitude)
                        .push_bind(p.longitude)
                        .push_bind(p.phone.clone())
                        .push_bind(p.email.clone())
                        .push_bind(p.website.clone())
                        .push_bind(p.equipment.join(" "))
                        .push_bind(p.wheelchair)
                        .push_bind(p.hearing_loop)
                        .push_bind(p.transport_hint.clone())
                        .push_bind(p.published)
                        .push_bind(now)
                        .push_bind(now);
                });
                insert.build().execute(&mut *tx).await?;
            }
            let sessions: Vec<(Uuid, &(Uuid, SessionInput))> = self.places.iter().flat_map(|p| p.sessions.iter().map(move |s| (p.id, s))).collect();
            for chunk in sessions.chunks(SESSION_ROWS) {
                let mut insert = sqlx::QueryBuilder::new(
                    "INSERT INTO drop_in_sessions (id, place_id, weekday, start_time, end_time, every_weeks, anchor_date,
                         valid_from, valid_until, by_appointment, themes, services, publics, languages, helper_kind, created_at) ",
                );
                insert.push_values(chunk, |mut row, (place, (id, s))| {
                    let r = &s.recurrence;
                    row.push_bind(*id)
                        .push_bind(*place)
                        .push_bind(i64::from(r.weekday.to_monday_one_offset()))
                        .push_bind(places::hhmm(r.start))
                        .push_bind(places::hhmm(r.end))
                        .push_bind(i64::from(r.every_weeks))
                        .push_bind(r.anchor.to_string())
                        .push_bind(r.from.map(|d| d.to_string()))
                        .push_bind(r.until.map(|d| d.to_string()))
                        .push_bind(s.by_appointment)
                        .push_bind(s.themes.join(" "))
                        .push_bind(s.services.join(" "))
                        .push_bind(s.publics.join(" "))
                        .push_bind(s.languages.join(" "))
                        .push_bind(s.helper_kind.clone())
                        .push_bind(now);
                });
                insert.build().execute(&mut *tx).await?;
            }
            tx.commit().await
        })?;
        places::changed(db).await
    }
}

/// One search of the rotation: an area (as the API and the page name it), a theme, a time filter.
struct Combo {
    api_area: String,
    page_area: String,
    by_name: bool,
    centre: (f64, f64),
    theme: Option<&'static str>,
    when: &'static str,
}

impl Combo {
    fn filters(&self) -> String {
        let mut filters = String::new();
        if let Some(theme) = self.theme {
            filters.push_str("&theme=");
            filters.push_str(theme);
        }
        if !self.when.is_empty() {
            filters.push_str("&when=");
            filters.push_str(self.when);
        }
        filters
    }

    fn api_path(&self) -> String {
        format!("/api/v1/places?{}{}", self.api_area, self.filters())
    }

    fn page_path(&self) -> String {
        format!("/places?{}{}", self.page_area, self.filters())
    }

    fn query(&self) -> relais_directory::search::Query {
        let params = SearchParams { theme: self.theme.unwrap_or_default().to_string(), when: self.when.to_string(), ..SearchParams::default() };
        search_query(&params, Some(self.centre))
    }
}

/// Percent-encoding of a query value.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Where `q` (and `area`) lead, as the handlers resolve them: the municipality's centre, or
/// `None` when they would answer 404 (unknown) or 409 (ambiguous).
fn centre_of(q: &str, area: &str, nis: &str) -> Option<(f64, f64)> {
    match resolve(&SearchParams { q: q.to_string(), area: area.to_string(), ..SearchParams::default() }) {
        Resolved::Area(area @ Area::Municipality { .. }) if matches!(&area, Area::Municipality { nis: n, .. } if n == nis) => Some(area.centre()),
        _ => None,
    }
}

/// Every municipality × every theme and none × every time filter, in a fixed shuffled order
/// (so that any stretch of the run mixes all of them).
fn combos() -> Result<Vec<Combo>, String> {
    let reference = reference();
    let mut areas = Vec::new();
    for (index, m) in reference.municipalities.iter().enumerate() {
        let unique = m.postcodes.iter().find(|code| reference.by_postcode(code).len() == 1);
        let first = m.postcodes.first().map(String::as_str).unwrap_or_default();
        // The API by postcode; with `area` when every postcode of the municipality is shared.
        let (api_area, centre) = match unique {
            Some(code) => (format!("postcode={code}"), centre_of(code, "", &m.nis)),
            None => (format!("postcode={first}&area={}", m.nis), centre_of(first, &m.nis, &m.nis)),
        };
        let centre = centre.ok_or_else(|| format!("no unambiguous postcode for {} ({})", m.name(Locale::Fr), m.nis))?;
        // The page by name, in the area's language (both in Brussels), when the name is
        // unambiguous; else as the API.
        let locale = match m.region {
            Region::Flanders => Locale::Nl,
            Region::Wallonia => Locale::Fr,
            Region::Brussels if index % 2 == 1 => Locale::Nl,
            Region::Brussels => Locale::Fr,
        };
        let name = m.name(locale);
        let (page_area, by_name) = if centre_of(name, "", &m.nis).is_some() { (format!("q={}", encode(name)), true) } else { (api_area.replacen("postcode=", "q=", 1), false) };
        areas.push((api_area, page_area, by_name, centre));
    }
    let themes = std::iter::once(None).chain(Taxonomy::Theme.defaults().iter().map(|(code, _)| Some(*code))).collect::<Vec<_>>();
    let mut combos = Vec::with_capacity(areas.len() * themes.len() * WHENS.len());
    for (api_area, page_area, by_name, centre) in &areas {
        for theme in &themes {
            for when in WHENS {
                combos.push(Combo { api_area: api_area.clone(), page_area: page_area.clone(), by_name: *by_name, centre: *centre, theme: *theme, when });
            }
        }
    }
    let mut rng = Rng(0xB0B0);
    for i in (1..combos.len()).rev() {
        combos.swap(i, rng.below(i + 1));
    }
    Ok(combos)
}

/// Mean and 99th percentile, in µs.
fn stats(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort_unstable();
    let mean = times.iter().map(Duration::as_secs_f64).sum::<f64>() / times.len().max(1) as f64;
    let p99 = times.get(times.len() * 99 / 100).or(times.last()).map_or(0.0, Duration::as_secs_f64);
    (mean * 1e6, p99 * 1e6)
}

/// Where the time of one search goes, one request at a time (no contention).
async fn profile(snapshot: &Snapshot, combos: &[Combo], app: &axum::Router, authority: &str, api_paths: &[String], page_paths: &[String]) -> CliResult {
    const N: usize = 1000;
    let print = |stage: &str, times: Vec<Duration>| {
        let n = times.len();
        let (mean, p99) = stats(times);
        crate::outln!("profile: stage={stage} n={n} mean_us={mean:.0} p99_us={p99:.0}");
    };
    let sample = &combos[..N.min(combos.len())];
    // The search alone, as the handlers call it, overall and per time filter.
    let mut by_when: HashMap<&str, Vec<Duration>> = HashMap::new();
    let mut all = Vec::new();
    let mut totals = 0usize;
    for combo in sample {
        let query = combo.query();
        let started = Instant::now();
        let found = search(snapshot, &query, Timestamp::now(), 0, 20);
        let took = started.elapsed();
        totals += found.total;
        by_when.entry(combo.when).or_default().push(took);
        all.push(took);
    }
    print("search", all);
    for when in WHENS {
        print(&format!("search_when_{}", if when.is_empty() { "any" } else { when }), by_when.remove(when).unwrap_or_default());
    }
    crate::outln!("profile: mean_total_matches={}", totals / sample.len().max(1));
    // The time filters depend on the clock: the fewer places open, the wider the radius and
    // the more next openings computed. The same searches at other moments of the week:
    for (label, at) in [("tue_10h30", "2026-12-01T10:30:00+01:00"), ("fri_19h30", "2026-12-04T19:30:00+01:00"), ("sun_03h00", "2026-12-06T03:00:00+01:00")] {
        let at: Timestamp = at.parse()?;
        let mut times = Vec::new();
        for combo in sample.iter().filter(|c| !c.when.is_empty()) {
            let query = combo.query();
            let started = Instant::now();
            std::hint::black_box(search(snapshot, &query, at, 0, 20));
            times.push(started.elapsed());
        }
        print(&format!("search_time_filters_at_{label}"), times);
    }
    // Its parts: the scan (filters, distances, radius, sort) without any next opening…
    let mut times = Vec::new();
    for combo in sample.iter().filter(|c| c.when.is_empty()) {
        let query = combo.query();
        let started = Instant::now();
        std::hint::black_box(search(snapshot, &query, Timestamp::now(), 0, 0));
        times.push(started.elapsed());
    }
    print("scan_when_any_no_page", times);
    // …and one place's next opening (120 days ahead), computed for each result shown and,
    // with a time filter, for every candidate within each radius tried.
    let now = Timestamp::now();
    let mut times = Vec::new();
    for entry in snapshot.entries.iter().take(N) {
        let started = Instant::now();
        std::hint::black_box(entry.next_opening(now));
        times.push(started.elapsed());
    }
    print("next_opening", times);
    // The search and the API's records (each computes the next opening again), without JSON.
    let mut times = Vec::new();
    for combo in sample {
        let query = combo.query();
        let started = Instant::now();
        let now = Timestamp::now();
        let found = search(snapshot, &query, now, 0, 20);
        let records: Vec<_> = found.hits.iter().map(|h| place_out(&h.entry, h.next_opening.clone(), now, h.distance_km, "http://bench")).collect();
        std::hint::black_box(records);
        times.push(started.elapsed());
    }
    print("search+place_out", times);
    // The whole application (middleware, handler, JSON or HTML, compression), without TCP;
    // and what it adds to the search of the same request.
    for (target, paths) in [("api", api_paths), ("page", page_paths)] {
        for encoding in ["gzip, br", ""] {
            let mut times = Vec::new();
            let mut bytes = 0;
            let mut added = 0.0;
            for (path, combo) in paths.iter().zip(sample) {
                let started = Instant::now();
                std::hint::black_box(search(snapshot, &combo.query(), Timestamp::now(), 0, 20));
                let searched = started.elapsed();
                let mut request = Request::get(path.as_str()).header(hyper::header::ACCEPT_LANGUAGE, "fr-BE,fr;q=0.9");
                if !encoding.is_empty() {
                    request = request.header(hyper::header::ACCEPT_ENCODING, encoding);
                }
                let request = request.body(Body::empty())?;
                let started = Instant::now();
                let response = app.clone().oneshot(request).await?;
                if !response.status().is_success() {
                    return Err(format!("{} {path}", response.status()).into());
                }
                bytes += response.into_body().collect().await?.to_bytes().len();
                let took = started.elapsed();
                added += took.as_secs_f64() - searched.as_secs_f64();
                times.push(took);
            }
            let n = times.len().max(1);
            let stage = format!("app_{target}_{}", if encoding.is_empty() { "identity" } else { "compressed" });
            let mut slowest: Vec<(Duration, &String)> = times.iter().copied().zip(paths.iter()).collect();
            slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
            for (took, path) in slowest.iter().take(3) {
                crate::outln!("profile: stage={stage} slow_us={:.0} path={path}", took.as_secs_f64() * 1e6);
            }
            print(&stage, times);
            crate::outln!("profile: stage={stage} mean_body_bytes={} mean_beyond_search_us={:.0}", bytes / n, added / n as f64 * 1e6);
        }
    }
    // The same over HTTP, one keep-alive connection, one request at a time.
    for (target, paths) in [("api", api_paths), ("page", page_paths)] {
        let sample = load_paths(authority, Arc::new(paths.to_vec()), 1, Duration::from_secs(2)).await?;
        print(&format!("http1conn_{target}"), sample.latencies);
    }
    Ok(())
}
