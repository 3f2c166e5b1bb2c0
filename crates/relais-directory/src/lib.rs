//! The directory: where and when help is offered — places, recurring drop-in sessions, closures
//! and extra sessions, mobile-unit stops — and the public "find help" pages, feeds and API.

pub mod api;
pub mod demo;
pub mod display;
pub mod feeds;
pub mod opendata;
pub mod places;
pub mod reference;
pub mod routes;
pub mod schedule;
pub mod search;
pub mod taxonomy;
pub mod terms;
pub mod units;

use axum::routing::{get, post};
use relais_core::web::Routes;
use utoipa::OpenApi;

/// The area's routes.
pub fn routes() -> Routes {
    use routes::{manage, public};
    Routes::new()
        .route("/places", get(public::search_page))
        .route("/places/{id}", get(public::place_page))
        .route("/units/{id}", get(routes::units::public_page))
        .route("/groups/{slug}/places", get(routes::network::show))
        .route("/organisations/{slug}/units", get(routes::units::manage_page).post(routes::units::create))
        // Printable sheets (A4, large type); `?period=week|month`, `?format=pdf` for the PDF.
        .route("/places/{id}/sheet", get(routes::sheet::place))
        .route("/sheets/municipality/{nis}", get(routes::sheet::municipality))
        .route("/sheets/network/{slug}", get(routes::sheet::network))
        .route("/feeds/municipality/{nis}", get(feeds::municipality_feed))
        .route("/opendata/places.json", get(opendata::json))
        .route("/opendata/places.csv", get(opendata::csv))
        .route("/api/v1/places", get(api::list))
        .route("/api/v1/places/{id}", get(api::one))
        .route("/admin/taxonomies/{taxonomy}", get(routes::taxonomies::show).post(routes::taxonomies::add))
        .route("/admin/taxonomies/{taxonomy}/{code}", post(routes::taxonomies::save))
        .route("/organisations/{slug}/places", get(manage::list))
        .route("/organisations/{slug}/places/new", get(manage::new_form).post(manage::create))
        .route("/organisations/{slug}/places/{id}", get(manage::edit_form).post(manage::update))
        .route("/organisations/{slug}/places/{id}/preview", get(manage::preview))
        .route("/organisations/{slug}/places/{id}/sessions", post(manage::add_session))
        .route("/organisations/{slug}/places/{id}/sessions/{session}/delete", post(manage::delete_session))
        .route("/organisations/{slug}/places/{id}/exceptions", post(manage::add_exception))
        .route("/organisations/{slug}/places/{id}/exceptions/{exception}/delete", post(manage::delete_exception))
}

/// The directory's part of the OpenAPI document.
#[derive(OpenApi)]
#[openapi(paths(api::list, api::one), components(schemas(api::PlaceOut, api::PlacesOut, api::OpeningOut, relais_organisations::api::ApiError)))]
pub struct ApiDoc;

/// Make sure the shared taxonomies hold their default terms (at every start; idempotent).
pub async fn prepare(db: &relais_core::Db) -> Result<(), relais_core::DbError> {
    taxonomy::ensure_defaults(db).await
}

/// What the area brings (see [`relais_core::area`]).
pub fn area() -> relais_core::area::Area {
    relais_core::area::Area {
        openapi: Some(<ApiDoc as utoipa::OpenApi>::openapi),
        demo: Some(demo::DEMO_PART),
        prepare: Some(|db| Box::pin(prepare(db))),
        ..relais_core::area::Area::new("directory", routes)
    }
}
