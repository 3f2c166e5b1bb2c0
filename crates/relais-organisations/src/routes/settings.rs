//! `GET/POST /organisations/{slug}/settings`: the session idle timeout and whether coordinators
//! and workers must use a second factor. Coordinators (and platform admins).

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use relais_core::{
    i18n::Tr,
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use serde::Deserialize;

use crate::{
    audit::{self, Event},
    organisations,
    policy::Action,
    routes::organisation::authorise,
    sessions::CurrentUser,
};

pub const IDLE_MIN: i64 = 5;
pub const IDLE_MAX: i64 = 240;

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage<'a> {
    tr: Tr,
    csrf: &'a str,
    slug: &'a str,
    organisation: &'a str,
    idle: String,
    require_second_factor: bool,
    saved: bool,
    error: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
pub struct SavedQuery {
    #[serde(default)]
    saved: String,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(slug): Path<String>,
    Query(query): Query<SavedQuery>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageSettings).await?;
    let (idle, required) = organisations::settings_of(&state.db, organisation.id).await?;
    let page = SettingsPage {
        tr: ctx.tr,
        csrf: &ctx.csrf,
        slug: &organisation.slug,
        organisation: &organisation.name,
        idle: idle.to_string(),
        require_second_factor: required,
        saved: query.saved == "1",
        error: None,
    };
    ctx.render(&ctx.tr.t("settings-title"), &page.render()?)
}

#[derive(Debug, Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    idle_timeout: String,
    #[serde(default)]
    require_second_factor: Option<String>,
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
    let Some(idle) = form.idle_timeout.trim().parse::<i64>().ok().filter(|m| (IDLE_MIN..=IDLE_MAX).contains(m)) else {
        let page = SettingsPage {
            tr: ctx.tr,
            csrf: &ctx.csrf,
            slug: &organisation.slug,
            organisation: &organisation.name,
            idle: form.idle_timeout.clone(),
            require_second_factor: required,
            saved: false,
            error: Some(ctx.tr.t("settings-error-idle")),
        };
        return ctx.render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &ctx.tr.t("settings-title"), &page.render()?);
    };
    organisations::set_idle_timeout(&state.db, organisation.id, idle).await?;
    organisations::set_require_second_factor(&state.db, organisation.id, required).await?;
    audit::record_or_log(&state.db, Event {
        actor: Some(user.id),
        organisation: Some(organisation.id),
        action: "organisation.settings_changed",
        client: &client,
        detail: Some(format!("idle_timeout_minutes={idle} require_second_factor={required}")),
        ..Event::default()
    })
    .await;
    Ok(Redirect::to(&format!("/organisations/{}/settings?saved=1", organisation.slug)).into_response())
}
