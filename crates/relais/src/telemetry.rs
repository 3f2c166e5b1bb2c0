//! Logs via `tracing`: human-readable by default, JSON with `RELAIS_LOG_FORMAT=json`.
//! The filter comes from `RELAIS_LOG` (e.g. `debug`, `relais=debug,tower_http=debug`).

use tracing_subscriber::{EnvFilter, fmt};

pub fn init() {
    let filter = EnvFilter::try_from_env("RELAIS_LOG").unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    let json = std::env::var("RELAIS_LOG_FORMAT").is_ok_and(|v| v.eq_ignore_ascii_case("json"));
    let builder = fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let result = if json { builder.json().with_current_span(false).try_init() } else { builder.try_init() };
    // A second init (tests) keeps the first subscriber.
    drop(result);
}
