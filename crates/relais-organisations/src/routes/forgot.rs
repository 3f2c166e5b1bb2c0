//! `GET/POST /password/forgot`: ask for a link to choose a new password. The reply is the same
//! whether an account exists or not; the link (valid one hour, single use) goes by e-mail.

use askama::Template;
use axum::{Form, extract::State, http::StatusCode, response::Response};
use relais_core::{
    i18n::Tr,
    messages::{self, MessageTemplate, NewMessage},
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use serde::Deserialize;
use time::Duration;

use crate::{
    audit::{self, Event},
    links::{self, Purpose},
    throttle, users,
};

pub const RESET_VALIDITY: Duration = Duration::hours(1);

#[derive(Template)]
#[template(path = "forgot.html")]
struct ForgotPage<'a> {
    tr: Tr,
    csrf: &'a str,
    email: &'a str,
    sent: bool,
}

pub async fn show(ctx: PageContext) -> Result<Response, AppError> {
    let page = ForgotPage { tr: ctx.tr, csrf: &ctx.csrf, email: "", sent: false };
    ctx.render(&ctx.tr.t("forgot-title"), &page.render()?)
}

#[derive(Debug, Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

pub async fn submit(State(state): State<AppState>, ctx: PageContext, ClientAddr(client): ClientAddr, Form(form): Form<ForgotForm>) -> Result<Response, AppError> {
    let db = &state.db;
    let reply = |status: StatusCode| -> Result<Response, AppError> {
        let page = ForgotPage { tr: ctx.tr, csrf: &ctx.csrf, email: &form.email, sent: status == StatusCode::OK };
        ctx.render_with_status(status, &ctx.tr.t("forgot-title"), &page.render()?)
    };
    if !users::is_plausible_email(&form.email) {
        return reply(StatusCode::UNPROCESSABLE_ENTITY);
    }
    // At most a few links per e-mail address in a quarter of an hour, silently.
    let key = format!("reset:{}", users::normalise_email(&form.email));
    let now = state.clock.now();
    if throttle::blocked_until(db, &key, throttle::PAIR, now).await?.is_none() {
        throttle::record_failure(db, &key, now).await?;
        if let Some(user) = users::find_by_email(db, &form.email).await?.filter(|u| u.active) {
            let token = links::create(db, Purpose::SetPassword, user.id, RESET_VALIDITY).await?;
            let link = format!("{}/password/set?token={token}&lang={}", state.config.public_url, user.locale().code());
            let template = MessageTemplate::Email { subject: "forgot-mail-subject", body: "forgot-mail-body" };
            messages::queue(db, &NewMessage::new(None, &user.email, user.locale(), template, vec![("link", link)]).secret(), now).await?;
            audit::record_or_log(db, Event::new("password.reset_requested", &client).actor(user.id).object(user.email.clone())).await;
        }
    }
    reply(StatusCode::OK)
}
