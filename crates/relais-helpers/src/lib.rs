//! Helpers: the people who do the work — staff and volunteers of an organisation, with a
//! profile each (job family, languages, skills, when and where they can help, a referent, the
//! status and its history) and the organisation's headcount per job family (the denominator of
//! "share trained"). See `docs/helpers.md`.

pub mod demo;
pub mod helpers;
pub mod journey;
pub mod reporting;
pub mod routes;
pub mod shifts;
pub mod supervision;

use axum::routing::get;
use relais_core::web::Routes;

/// The area's routes.
pub fn routes() -> Routes {
    use routes::{applications, apply, headcount, profiles, shifts as shift_pages, supervisions};
    Routes::new()
        .route("/organisations/{slug}/helpers", get(profiles::list))
        .route("/organisations/{slug}/helpers/new", get(profiles::new_form).post(profiles::create))
        .route("/organisations/{slug}/helpers/me", get(profiles::me))
        .route("/organisations/{slug}/helpers/{helper}", get(profiles::show).post(profiles::save))
        .route("/organisations/{slug}/helpers/{helper}/status", axum::routing::post(profiles::set_status))
        .route("/organisations/{slug}/headcount", get(headcount::show).post(headcount::save))
        .route("/volunteer/{slug}", get(apply::organisation_page).post(apply::organisation_apply))
        .route("/groups/{slug}/volunteer", get(apply::group_page).post(apply::group_apply))
        .route("/organisations/{slug}/applications", get(applications::list))
        .route("/organisations/{slug}/applications/{application}", get(applications::show))
        .route("/organisations/{slug}/applications/{application}/step", axum::routing::post(applications::step))
        .route("/organisations/{slug}/applications/{application}/close", axum::routing::post(applications::close))
        .route("/organisations/{slug}/applications/{application}/invite", axum::routing::post(applications::invite))
        .route("/organisations/{slug}/charter", get(applications::charter).post(applications::publish))
        .route("/organisations/{slug}/shifts", get(shift_pages::mine).post(shift_pages::sign_up))
        .route("/organisations/{slug}/shifts/{shift}/withdraw", axum::routing::post(shift_pages::withdraw))
        .route("/organisations/{slug}/shifts/{shift}/swap", axum::routing::post(shift_pages::swap))
        .route("/organisations/{slug}/coverage", get(shift_pages::coverage))
        .route("/organisations/{slug}/coverage/needs", axum::routing::post(shift_pages::set_need))
        .route("/organisations/{slug}/coverage/assign", axum::routing::post(shift_pages::assign))
        .route("/organisations/{slug}/supervisions", get(supervisions::list).post(supervisions::record))
}

/// What the area brings (see [`relais_core::area`]).
pub fn area() -> relais_core::area::Area {
    relais_core::area::Area {
        demo: Some(demo::DEMO_PART),
        jobs: Some(|runner| shifts::jobs(journey::jobs(runner))),
        figures: Some(reporting::source),
        account_closure: helpers::ACCOUNT_CLOSURE,
        sms_templates: shifts::SMS_TEMPLATES,
        ..relais_core::area::Area::new("helpers", routes)
    }
}
