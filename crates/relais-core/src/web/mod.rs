//! The web shell shared by every area: state, route registry, middleware stack, layout,
//! error pages, assets, operations endpoints and the home page.

pub mod api;
pub mod assets;
pub mod client;
pub mod cookies;
pub mod csrf;
pub mod error;
pub mod forms;
pub mod home;
pub mod instance;
pub mod layout;
pub mod limits;
pub mod metrics;
pub mod ops;
pub mod response;
pub mod security;
pub mod shell;
pub mod templates;
pub mod text_input;

use std::{any::Any, sync::Arc, time::Duration};

use axum::{
    Router,
    extract::DefaultBodyLimit,
    http::StatusCode,
    middleware,
    response::{IntoResponse, Response},
    routing::{MethodRouter, get},
};
use metrics_exporter_prometheus::PrometheusHandle;
use tower_http::{CompressionLevel, catch_panic::CatchPanicLayer, compression::CompressionLayer, limit::RequestBodyLimitLayer, timeout::TimeoutLayer, trace::TraceLayer};

use crate::db::Db;

/// Largest request body accepted (forms; uploads get their own limit where they exist).
pub const BODY_LIMIT: usize = 1024 * 1024;
/// A request taking longer than this is answered 408 and its work dropped.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Shared by every handler. Holds nothing that matters only in memory: the database is the truth,
/// so any number of processes behave as one.
///
/// One `Arc`: the middleware and extractors clone it for every request, and one reference count
/// bounces between the cores instead of five.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

/// What [`AppState`] shares (its fields are read through it: `state.db`, `state.config`).
pub struct Shared {
    pub db: Db,
    pub config: Arc<WebConfig>,
    pub instance: Arc<instance::InstanceCache>,
    pub metrics: PrometheusHandle,
    /// Read caches of the areas (e.g. the directory's search snapshot), one of each type per app.
    pub caches: Arc<Caches>,
    /// The time (moved by tests instead of sleeping).
    pub clock: crate::clock::Clock,
    /// Keys derived from the instance's secret (CSRF tokens), read from the database once.
    pub keys: tokio::sync::OnceCell<crate::secrets::InstanceKey>,
}

/// One value of each type per application, created on first use: where an area keeps a read
/// cache of what lives in the database (each process rebuilds its own; the database stays the truth).
#[derive(Default)]
pub struct Caches {
    values: std::sync::RwLock<std::collections::HashMap<std::any::TypeId, Arc<dyn Any + Send + Sync>>>,
}

impl Caches {
    pub fn get<T: Default + Send + Sync + 'static>(&self) -> Arc<T> {
        let found = self.values.read().unwrap_or_else(|e| e.into_inner()).get(&std::any::TypeId::of::<T>()).cloned();
        if let Some(value) = found.and_then(|v| v.downcast::<T>().ok()) {
            return value;
        }
        let mut values = self.values.write().unwrap_or_else(|e| e.into_inner());
        let value = values.entry(std::any::TypeId::of::<T>()).or_insert_with(|| Arc::new(T::default()) as Arc<dyn Any + Send + Sync>).clone();
        value.downcast::<T>().unwrap_or_else(|_| Arc::new(T::default()))
    }
}

impl AppState {
    pub fn new(db: Db) -> AppState {
        AppState::with_config(db, WebConfig::default())
    }

    pub fn with_config(db: Db, config: WebConfig) -> AppState {
        let clock = config.clock.clone();
        AppState(Arc::new(Shared {
            db,
            config: Arc::new(config),
            instance: Arc::default(),
            metrics: metrics::prometheus(),
            caches: Arc::default(),
            clock,
            keys: tokio::sync::OnceCell::new(),
        }))
    }
}

impl AppState {
    /// The instance's secret key (read from the database on first use, then kept).
    pub async fn key(&self) -> Result<&crate::secrets::InstanceKey, crate::DbError> {
        self.keys.get_or_try_init(|| crate::settings::instance_key(&self.db)).await
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// Settings of the web front.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// The base URL people use (links in e-mails, Origin checks), e.g. `https://relais.example.be`.
    pub public_url: String,
    /// Mark cookies `Secure`: on when the public URL is HTTPS (served over TLS or behind a proxy).
    pub secure_cookies: bool,
    /// Outgoing e-mail.
    pub mailer: crate::mail::Mailer,
    /// The time the app reads (the system clock, or a test's manual clock).
    pub clock: crate::clock::Clock,
    /// What the areas add to the reports (see [`crate::figures`]).
    pub figures: Vec<crate::figures::Source>,
}

impl WebConfig {
    pub fn new(public_url: &str) -> WebConfig {
        let public_url = public_url.trim_end_matches('/').to_string();
        WebConfig {
            secure_cookies: public_url.starts_with("https://"),
            public_url,
            mailer: crate::mail::Mailer::outbox("data/outbox", "relais@localhost"),
            clock: crate::clock::Clock::system(),
            figures: Vec::new(),
        }
    }

    pub fn with_figures(mut self, figures: Vec<crate::figures::Source>) -> WebConfig {
        self.figures = figures;
        self
    }

    pub fn with_clock(mut self, clock: crate::clock::Clock) -> WebConfig {
        self.clock = clock;
        self
    }

    pub fn with_mailer(mut self, mailer: crate::mail::Mailer) -> WebConfig {
        self.mailer = mailer;
        self
    }
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig::new("http://127.0.0.1:8080")
    }
}

/// A middleware an area wraps around every route (innermost: after the shell, CSRF checks and
/// body limits), given the application state.
pub type AreaLayer = fn(Router<AppState>, &AppState) -> Router<AppState>;

/// The route registry: builds the router and remembers every path, so tests (the robustness
/// test, the accessibility run) cover new routes automatically.
#[derive(Default)]
pub struct Routes {
    router: Router<AppState>,
    paths: Vec<&'static str>,
    layers: Vec<AreaLayer>,
}

impl Routes {
    pub fn new() -> Routes {
        Routes::default()
    }

    pub fn route(mut self, path: &'static str, method_router: MethodRouter<AppState>) -> Routes {
        self.router = self.router.route(path, method_router);
        self.paths.push(path);
        self
    }

    pub fn merge(mut self, other: Routes) -> Routes {
        self.router = self.router.merge(other.router);
        self.paths.extend(other.paths);
        self.layers.extend(other.layers);
        self
    }

    /// Wrap every route of the application (not only this area's) in a middleware.
    pub fn wrap(mut self, layer: AreaLayer) -> Routes {
        self.layers.push(layer);
        self
    }

    /// Every registered path pattern (e.g. `/assets/{file}`).
    pub fn paths(&self) -> &[&'static str] {
        &self.paths
    }

    /// The complete application: routes, a translated 404 fallback and the middleware stack.
    pub fn into_app(self, state: AppState) -> Router {
        // Each `.layer` wraps everything above it: the last one is the outermost.
        let mut router = self.router.fallback(not_found);
        for layer in &self.layers {
            router = layer(router, &state);
        }
        router
            .layer(CatchPanicLayer::custom(panic_response))
            .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
            // after the CSRF check (a forged request is refused as such), before any handler
            .layer(middleware::from_fn(text_input::refuse_control_characters))
            .layer(middleware::from_fn_with_state(state.clone(), csrf::csrf))
            .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
            .layer(DefaultBodyLimit::max(BODY_LIMIT))
            .layer(middleware::from_fn_with_state(state.clone(), shell::shell))
            // gzip at its fastest level: pages are small and the CPU is better spent answering.
            // Brotli is not built in: at its default level 4 it took a quarter of the CPU of `relais
            // bench search`, and even at level 1 it cost twice gzip's time for 6 % fewer bytes.
            .layer(CompressionLayer::new().quality(COMPRESSION))
            .layer(middleware::from_fn_with_state(state.clone(), security::security_headers))
            .layer(TraceLayer::new_for_http())
            .layer(middleware::from_fn(metrics::track))
            .with_state(state)
    }
}

/// Compression level (1: a few hundred bytes more a page than the default level, several times
/// less CPU; a search page of 12 KB is sent as 3.8 KB).
const COMPRESSION: CompressionLevel = CompressionLevel::Precise(1);

/// The kernel's routes: home, operations, assets.
pub fn kernel_routes() -> Routes {
    Routes::new()
        .route("/", get(home::home))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(metrics::render))
        .route("/assets/{file}", get(assets::serve))
}

async fn not_found() -> error::AppError {
    error::AppError::NotFound
}

/// A panic in a handler becomes a logged 500; the shell renders the translated error page.
fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let message = panic.downcast_ref::<String>().map(String::as_str).or_else(|| panic.downcast_ref::<&str>().copied()).unwrap_or("(no message)");
    tracing::error!(panic = message, "a request handler panicked");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}
