//! Diagnostic and workshops: a short, accessible skills check that places a person on a level in
//! five areas and orients them to modules of the training catalogue, workshops and registrations.

pub mod catalogue;
pub mod diagnostics;
pub mod estimator;
pub mod flow;
pub mod framework;
pub mod gate;
pub mod items;
pub mod levels;
pub mod pictograms;
pub mod recommend;
pub mod routes;
pub mod seed;
pub mod simulation;

use axum::routing::{get, post};
use relais_core::web::Routes;

/// The area's routes.
pub fn routes() -> Routes {
    use routes::{admin, calendar, catalogue, helper, modules, result, take, workshops};
    Routes::new()
        .route("/diagnostic", get(take::start_page).post(take::start))
        .route("/diagnostic/{id}", get(take::page))
        .route("/diagnostic/{id}/intake", post(take::save_intake))
        .route("/diagnostic/{id}/answer", post(take::answer))
        .route("/diagnostic/{id}/result", get(result::page))
        .route("/catalogue", get(catalogue::list))
        .route("/catalogue/{code}", get(catalogue::show))
        .route("/organisations/{slug}/diagnostics", get(helper::list).post(helper::start))
        .route("/organisations/{slug}/diagnostics/link", post(helper::link))
        .route("/organisations/{slug}/diagnostics/{diagnostic}/modules", post(helper::set_modules))
        .route("/admin/items", get(admin::list))
        .route("/admin/items/recalibrate", post(admin::recalibrate))
        .route("/admin/items/{code}", get(admin::edit).post(admin::save))
        .route("/organisations/{slug}/modules", get(modules::new_form).post(modules::create))
        .route("/workshops", get(calendar::page))
        .route("/workshops.ics", get(calendar::feed))
        .route("/workshops/{id}", get(calendar::show))
        .route("/workshops/{id}/register", post(calendar::register))
        .route("/organisations/{slug}/workshops", get(workshops::list))
        .route("/organisations/{slug}/workshops/new", get(workshops::new_form).post(workshops::create))
        .route("/organisations/{slug}/workshops/{workshop}", get(workshops::show))
        .route("/organisations/{slug}/workshops/{workshop}/registrations", post(workshops::register))
        .route("/organisations/{slug}/workshops/{workshop}/registrations/{registration}/cancel", post(workshops::cancel_registration))
        .route("/organisations/{slug}/workshops/{workshop}/cancel", post(workshops::cancel))
        .route("/organisations/{slug}/workshops/{workshop}/attendance/{meeting}", get(workshops::attendance).post(workshops::save_attendance))
        .route("/organisations/{slug}/workshops/{workshop}/call-list", get(workshops::call_list))
        .route("/organisations/{slug}/demand", get(workshops::demand_page).post(workshops::add_demand))
        .route("/organisations/{slug}/demand/{demand}/withdraw", post(workshops::withdraw_demand))
}

/// Seed the item bank and the network's catalogue (at every start; idempotent: an admin's edits
/// are kept).
pub async fn prepare(db: &relais_core::Db) -> Result<(), relais_core::DbError> {
    items::ensure_seed(db).await?;
    catalogue::ensure_seed(db).await
}
pub mod calibration;
pub mod demand;
pub mod demo;
pub mod reporting;
pub mod workshops;

/// What the area brings (see [`relais_core::area`]).
pub fn area() -> relais_core::area::Area {
    relais_core::area::Area {
        demo: Some(demo::DEMO_PART),
        prepare: Some(|db| Box::pin(prepare(db))),
        jobs: Some(workshops::jobs),
        sms_templates: demand::SMS_TEMPLATES,
        retention: workshops::RETENTION,
        erasure: workshops::ERASURE,
        figures: Some(reporting::source),
        ..relais_core::area::Area::new("diagnostics", routes)
    }
}
