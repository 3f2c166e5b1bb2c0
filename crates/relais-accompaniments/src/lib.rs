//! Accompaniments: every request helped, logged in seconds (session mode), the people followed
//! (only when needed, with consent, erased after a retention period), redirections to partners,
//! political signals about online-only services, and collective moments.

pub mod api;
pub mod demo;
pub mod icons;
pub mod log;
pub mod moments;
pub mod personal_data;
pub mod redirections;
pub mod retention;
pub mod routes;
pub mod signals;
pub mod vocabulary;

use axum::routing::{get, post};
use relais_core::web::Routes;

pub use relais_core::clock::{now, whole_seconds};
/// People followed (their own crate: other areas use them too) and the shared lists as read here.
pub use relais_directory::terms;
pub use relais_people::people;

/// The area's routes.
pub fn routes() -> Routes {
    use routes::{moments, people, redirections, requests, session, signals};
    Routes::new()
        .route("/organisations/{slug}/session", get(session::start))
        .route("/organisations/{slug}/log", get(session::form).post(session::save))
        .route("/organisations/{slug}/requests", get(requests::list))
        .route("/organisations/{slug}/requests/{request}", get(requests::show))
        .route("/organisations/{slug}/people", get(people::list))
        .route("/organisations/{slug}/people/new", get(people::new_form).post(people::create))
        .route("/organisations/{slug}/people/{person}", get(people::show))
        .route("/organisations/{slug}/people/{person}/export", get(people::export))
        .route("/organisations/{slug}/people/{person}/erase", post(people::erase))
        .route("/organisations/{slug}/redirections", get(redirections::page))
        .route("/organisations/{slug}/redirections/{redirection}", post(redirections::set_status))
        .route("/organisations/{slug}/referral-targets", get(redirections::targets).post(redirections::add_target))
        .route("/organisations/{slug}/referral-targets/{target}", post(redirections::toggle_target))
        .route("/organisations/{slug}/signals", get(signals::list))
        .route("/organisations/{slug}/signals/new", get(signals::new_form).post(signals::create))
        .route("/organisations/{slug}/signals/{signal}/review", post(signals::review))
        .route("/organisations/{slug}/moments", get(moments::page).post(moments::create))
        .route("/signals", get(signals::board_page))
        .route("/signals.csv", get(signals::board_csv))
        .route("/signals.json", get(signals::board_json))
        .route("/api/v1/accompaniments", get(api::list).post(api::create))
        .route("/api/v1/people", get(api::people_list))
        .route("/api/v1/signals", get(api::signals_list).post(api::signals_create))
}

/// What the area brings (see [`relais_core::area`]).
pub fn area() -> relais_core::area::Area {
    relais_core::area::Area {
        openapi: Some(<api::ApiDoc as utoipa::OpenApi>::openapi),
        demo: Some(demo::DEMO_PART),
        jobs: Some(retention::jobs),
        retention: retention::STEPS,
        erasure: retention::ERASURE,
        ..relais_core::area::Area::new("accompaniments", routes)
    }
}
