//! Who is who and who may see what: organisations, groups (projects, networks, programmes),
//! users and their roles, sessions, single-use links, login throttling, the audit log.

pub mod access;
pub mod api;
pub mod audit;
pub mod company_number;
pub mod demo;
pub mod groups;
pub mod invitations;
pub mod links;
pub mod model;
pub mod organisations;
pub mod passwords;
pub mod policy;
pub mod resume;
pub mod routes;
pub mod second_factor;
pub mod sessions;
pub mod signed_in;
pub mod throttle;
pub mod tokens;
pub mod users;

use axum::routing::{get, post};
use relais_core::web::Routes;

/// The area's routes.
pub fn routes() -> Routes {
    Routes::new()
        .route("/login", get(routes::login::show).post(routes::login::submit))
        .route("/login/second-factor", get(routes::second_factor::show_login).post(routes::second_factor::submit_login))
        .route("/account/second-factor", get(routes::second_factor::show_enrol).post(routes::second_factor::submit_enrol))
        .route("/logout", post(routes::login::logout))
        .route("/logout/everywhere", post(routes::login::logout_everywhere))
        .route("/password/forgot", get(routes::forgot::show).post(routes::forgot::submit))
        .route("/password/set", get(routes::password::show).post(routes::password::submit))
        .route("/account", get(routes::account::show))
        .route("/account/data.json", get(routes::own_data::export))
        .route("/account/close", post(routes::own_data::close))
        .route("/account/tokens", get(routes::tokens::list).post(routes::tokens::create))
        .route("/account/tokens/{id}/revoke", post(routes::tokens::revoke))
        .route("/api/v1/me", get(api::me))
        .route("/api/v1/organisations", get(api::organisations_list))
        .route("/api/v1/organisations/{slug}/members", get(api::members))
        .route("/invitation", get(routes::invitation::show).post(routes::invitation::accept))
        .route("/organisations/{slug}", get(routes::organisation::show))
        .route("/organisations/{slug}/members", get(routes::organisation::members))
        .route("/organisations/{slug}/settings", get(routes::settings::show).post(routes::settings::save))
        .route("/organisations/{slug}/audit", get(routes::audit::page))
        .route("/organisations/{slug}/audit.csv", get(routes::audit::csv))
        .route("/organisations/{slug}/members/invite", post(routes::organisation::invite))
        .route("/organisations/{slug}/members/{user}/role", post(routes::organisation::change_role))
        .route("/organisations/{slug}/members/{user}/active", post(routes::organisation::change_active))
        .route("/session/resume", post(resume::submit))
        .route("/admin/jobs", get(routes::jobs::list))
        .route("/admin/jobs/retry-failed", post(routes::jobs::retry_failed))
        .route("/admin/jobs/{id}/retry", post(routes::jobs::retry))
        .route("/groups/{slug}", get(routes::group::show))
        .route("/groups/{slug}/scopes", get(routes::group::scopes).post(routes::group::grant))
        .route("/groups/{slug}/scopes/{user}/revoke", post(routes::group::revoke))
        .wrap(resume::layer)
}

/// What the area brings (see [`relais_core::area`]); its API document is the base the others join.
pub fn area() -> relais_core::area::Area {
    relais_core::area::Area { demo: Some(demo::DEMO_PART), jobs: Some(throttle::jobs), ..relais_core::area::Area::new("organisations", routes) }
}
