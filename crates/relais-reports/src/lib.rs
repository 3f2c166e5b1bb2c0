//! Reports: the impact of the accompaniment log for an organisation, a project, a network and the
//! programme — monthly roll-ups, indicators, small-cell suppression above the organisation,
//! dashboards with accessible charts, CSV/JSON exports and `/api/v1/stats`.

pub mod figures;
pub mod report;
pub mod rollup;
pub mod routes;
pub mod suppress;
pub mod xlsx;

use axum::routing::get;
use relais_core::web::Routes;
use utoipa::OpenApi;

pub fn routes() -> Routes {
    Routes::new()
        .route("/organisations/{slug}/reports", get(routes::organisation))
        .route("/groups/{slug}/reports", get(routes::group))
        .route("/organisations/{slug}/reports/annual", get(routes::organisation_annual))
        .route("/groups/{slug}/reports/annual", get(routes::group_annual))
        .route("/api/v1/stats", get(routes::api))
}

#[derive(OpenApi)]
#[openapi(paths(routes::api), components(schemas(relais_organisations::api::ApiError, relais_organisations::api::Problem)))]
pub struct ApiDoc;

/// What the area brings (see [`relais_core::area`]).
pub fn area() -> relais_core::area::Area {
    relais_core::area::Area { openapi: Some(<ApiDoc as utoipa::OpenApi>::openapi), ..relais_core::area::Area::new("reports", routes) }
}
