//! `GET/POST /organisations/{slug}/settings`: the session idle timeout, whether coordinators
//! and workers must use a second factor, the organisation's BCE/KBO number (published with
//! its places as open data), and how long people's records are kept after their last activity. Coordinators (and platform admins).

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::web::response::see_other;
use relais_core::{
    i18n::Tr,
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use serde::Deserialize;

use crate::{
    access::authorise,
    audit::{self, Event},
    company_number::{self, CompanyNumberError},
    organisations,
    policy::Action,
    sessions::CurrentUser,
};

pub const IDLE_MIN: i64 = 5;
pub const IDLE_MAX: i64 = 240;
/// A person's record is kept between 1 month and 10 years after their last activity.
pub const RETENTION_MIN: i64 = 1;
pub const RETENTION_MAX: i64 = 120;

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage<'a> {
    tr: Tr,
    csrf: &'a str,
    slug: &'a str,
    organisation: &'a str,
    idle: String,
    require_second_factor: bool,
    company_number: String,
    retention: String,
    /// Coordinators only (not platform admins).
    may_set_retention: bool,
    saved: bool,
    /// The messages of the fields refused: idle timeout, company number.
    idle_error: Option<String>,
    company_number_error: Option<String>,
    retention_error: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
pub struct SavedQuery {
    #[serde(default)]
    saved: String,
}

pub async fn show(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(query): Query<SavedQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageSettings).await?;
    let (idle, required) = organisations::settings_of(&state.db, organisation.id).await?;
    let page = SettingsPage {
        tr: ctx.tr,
        csrf: &ctx.csrf,
        slug: &organisation.slug,
        organisation: &organisation.name,
        idle: idle.to_string(),
        require_second_factor: required,
        company_number: organisation.company_number.clone().unwrap_or_default(),
        retention: organisations::retention_months_of(&state.db, organisation.id).await?.to_string(),
        may_set_retention: crate::policy::decide(&user, organisation.id, Action::ErasePeople) == crate::policy::Decision::Allowed,
        saved: query.saved == "1",
        idle_error: None,
        company_number_error: None,
        retention_error: None,
    };
    ctx.render(&ctx.tr.t("settings-title"), &page.render()?)
}

#[derive(Debug, Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    idle_timeout: String,
    #[serde(default)]
    require_second_factor: Option<String>,
    #[serde(default)]
    company_number: String,
    /// Months; absent or empty keeps the current period.
    #[serde(default)]
    retention_months: String,
}

pub async fn save(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path(slug): Path<String>,
    Form(form): Form<SettingsForm>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageSettings).await?;
    let required = form.require_second_factor.is_some();
    let idle = form.idle_timeout.trim().parse::<i64>().ok().filter(|m| (IDLE_MIN..=IDLE_MAX).contains(m));
    let company_number = match form.company_number.trim() {
        "" => Ok(None),
        typed => company_number::parse(typed).map(Some),
    };
    // Only the organisation's coordinators set how long people's records are kept (a platform
    // admin manages the organisation, never its people).
    let may_set_retention = crate::policy::decide(&user, organisation.id, Action::ErasePeople) == crate::policy::Decision::Allowed;
    let retention = match form.retention_months.trim() {
        _ if !may_set_retention => Some(organisations::retention_months_of(&state.db, organisation.id).await?),
        "" => Some(organisations::retention_months_of(&state.db, organisation.id).await?),
        typed => typed.parse::<i64>().ok().filter(|m| (RETENTION_MIN..=RETENTION_MAX).contains(m)),
    };
    let (Some(idle), Ok(company_number), Some(retention)) = (idle, &company_number, retention) else {
        let page = SettingsPage {
            tr: ctx.tr,
            csrf: &ctx.csrf,
            slug: &organisation.slug,
            organisation: &organisation.name,
            idle: form.idle_timeout.clone(),
            require_second_factor: required,
            company_number: form.company_number.clone(),
            retention: form.retention_months.clone(),
            may_set_retention,
            saved: false,
            idle_error: idle.is_none().then(|| ctx.tr.t("settings-error-idle")),
            company_number_error: company_number.as_ref().err().map(|e| {
                ctx.tr.t(match e {
                    CompanyNumberError::Shape => "settings-error-company-number-shape",
                    CompanyNumberError::Check => "settings-error-company-number-check",
                })
            }),
            retention_error: retention.is_none().then(|| ctx.tr.t("settings-error-retention")),
        };
        return ctx.render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &ctx.tr.t("settings-title"), &page.render()?);
    };
    let company_number = company_number.clone();
    organisations::save_settings(&state.db, organisation.id, idle, required, company_number.as_deref(), retention).await?;
    audit::record_or_log(
        &state.db,
        Event::new("organisation.settings_changed", &client).actor(user.id).organisation(organisation.id).detail(format!(
            "idle_timeout_minutes={idle} require_second_factor={required} company_number={} retention_months={retention}",
            company_number.as_deref().unwrap_or("-")
        )),
    )
    .await;
    Ok(see_other(&format!("/organisations/{}/settings?saved=1", organisation.slug)).into_response())
}
