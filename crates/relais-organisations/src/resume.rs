//! Resuming a session after inactivity without losing what was being typed.
//!
//! A session idle longer than its organisation's timeout (within its 12 hours) is not thrown
//! away: the next page that needs the user answers "Are you still there?" with a password field.
//! When that page answers a form post, it carries the posted fields along as hidden inputs and
//! posts them back to the same address together with `resume_password`; the middleware
//! [`middleware`] checks the password, revives the session and hands the original form, minus the
//! password, to its handler — one submit, nothing retyped. A page (GET) resumes through
//! `POST /session/resume`, which then returns to it.

use askama::Template;
use axum::{
    Form, Router,
    body::Body,
    extract::{FromRequestParts, Request, State},
    http::{HeaderValue, Method, StatusCode, header, request::Parts},
    middleware::{self, Next},
    response::{IntoResponse, Response},
};
use relais_core::web::response::see_other;
use relais_core::{
    i18n::{FluentArg, Tr},
    web::{AppState, BODY_LIMIT, client::ClientAddr, error::AppError, layout::PageContext},
};
use serde::Deserialize;

use crate::{
    audit::{self, Event},
    passwords,
    sessions::{self, CurrentUser, IdleSession, SessionState},
    throttle, users,
};

/// The field that carries the password on a resumed form.
pub const PASSWORD_FIELD: &str = "resume_password";

/// The fields of a form post made with a session cookie (kept for the "still there?" page).
#[derive(Debug, Clone)]
struct PostedForm(Vec<(String, String)>);

/// Why the last resume attempt failed.
#[derive(Debug, Clone, Copy)]
enum ResumeFailure {
    WrongPassword,
    /// Too many wrong passwords: try again in this many minutes.
    Throttled(i64),
}

/// Wrap every route: see the module documentation.
pub fn layer(router: Router<AppState>, state: &AppState) -> Router<AppState> {
    router.layer(middleware::from_fn_with_state(state.clone(), self::middleware))
}

fn is_form(request: &Request) -> bool {
    request.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

pub async fn middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let token = sessions::session_token_of(request.headers());
    let (Some(token), true, true) = (token, request.method() == Method::POST, is_form(&request)) else {
        return next.run(request).await;
    };
    let (mut parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let mut fields: Vec<(String, String)> = form_urlencoded::parse(&bytes).into_owned().collect();
    let password = fields.iter().position(|(name, _)| name == PASSWORD_FIELD).map(|i| fields.remove(i).1);
    let body = match password {
        None => Body::from(bytes),
        Some(password) => {
            if let Err(failure) = try_resume(&state, &mut parts, &token, password).await {
                parts.extensions.insert(failure);
            }
            let mut serializer = form_urlencoded::Serializer::new(String::new());
            for (name, value) in &fields {
                serializer.append_pair(name, value);
            }
            let rebuilt = serializer.finish();
            parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(rebuilt.len()));
            Body::from(rebuilt)
        }
    };
    parts.extensions.insert(PostedForm(fields));
    next.run(Request::from_parts(parts, body)).await
}

/// Check the password of an idle session and revive it.
async fn try_resume(state: &AppState, parts: &mut Parts, token: &str, password: String) -> Result<(), ResumeFailure> {
    let db = &state.db;
    let Ok(SessionState::Idle(idle)) = sessions::lookup_state(db, token).await else {
        return Ok(()); // valid already (a double submit) or gone: the handler's extractor decides
    };
    let ClientAddr(client) = ClientAddr::from_request_parts(parts, state).await.unwrap_or(ClientAddr("unknown".into()));
    let now = state.clock.now();
    if let Ok(Some(until)) = throttle::sign_in_blocked_until(db, &idle.email, &client, now).await {
        return Err(ResumeFailure::Throttled(throttle::minutes_until(until, now)));
    }
    let stored = users::find(db, idle.user_id).await.ok().flatten().filter(|u| u.active).and_then(|u| u.password_hash);
    if passwords::verify_async(password, stored).await {
        let _ = throttle::sign_in_succeeded(db, &idle.email, &client, now).await;
        if let Err(error) = sessions::touch(db, token).await {
            tracing::error!(%error, "could not resume a session");
        }
        audit::record_or_log(db, Event::new("session.resumed", &client).actor(idle.user_id)).await;
        Ok(())
    } else {
        if let Err(error) = throttle::sign_in_failed(db, &idle.email, &client, now).await {
            tracing::error!(%error, "could not count a failed resumption");
        }
        audit::record_or_log(db, Event::new("session.resume_failed", &client).actor(idle.user_id).object(idle.email.clone())).await;
        Err(ResumeFailure::WrongPassword)
    }
}

#[derive(Template)]
#[template(path = "resume.html")]
struct ResumePage<'a> {
    tr: Tr,
    csrf: &'a str,
    intro: String,
    signed_in_as: String,
    action: &'a str,
    fields: &'a [(String, String)],
    error: Option<String>,
}

/// The "Are you still there?" page, answering a request that needs the user of an idle session.
pub async fn prompt(parts: &mut Parts, state: &AppState, idle: &IdleSession) -> Response {
    let ctx = match PageContext::from_request_parts(parts, state).await {
        Ok(ctx) => ctx,
        Err(error) => return error.into_response(),
    };
    let here = parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_else(|| "/".into());
    let posted = parts.extensions.get::<PostedForm>().filter(|_| parts.method == Method::POST);
    let minutes = [("minutes", FluentArg::Number(idle.idle_minutes as f64))];
    let (action, fields, intro) = match posted {
        Some(PostedForm(fields)) => (here, fields.clone(), ctx.tr.t_args("resume-intro-form", &minutes)),
        None => {
            let next = if parts.method == Method::GET { here } else { "/account".to_string() };
            let fields = vec![("csrf".to_string(), ctx.csrf.clone()), ("next".to_string(), next)];
            ("/session/resume".to_string(), fields, ctx.tr.t_args("resume-intro-page", &minutes))
        }
    };
    let error = parts.extensions.get::<ResumeFailure>().map(|failure| match failure {
        ResumeFailure::WrongPassword => ctx.tr.t("resume-wrong"),
        ResumeFailure::Throttled(minutes) => ctx.tr.t_args("login-throttled", &[("minutes", FluentArg::Number(*minutes as f64))]),
    });
    let page = ResumePage {
        tr: ctx.tr,
        csrf: &ctx.csrf,
        intro,
        signed_in_as: ctx.tr.t_args("resume-signed-in-as", &[("email", FluentArg::Text(idle.email.clone()))]),
        action: &action,
        fields: &fields,
        error,
    };
    let status = if page.error.is_some() { StatusCode::UNAUTHORIZED } else { StatusCode::OK };
    let rendered = page.render().map_err(AppError::from).and_then(|main| ctx.render_with_status(status, &ctx.tr.t("resume-title"), &main));
    match rendered {
        Ok(mut response) => {
            // What was typed is in this page: never keep it in a cache.
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(error) => error.into_response(),
    }
}

#[derive(Debug, Deserialize)]
pub struct ResumeForm {
    #[serde(default)]
    next: String,
}

/// `POST /session/resume`: the middleware has revived the session; go back to the page.
pub async fn submit(State(state): State<AppState>, _user: CurrentUser, Form(form): Form<ResumeForm>) -> Response {
    see_other(&crate::sessions::safe_next(&state.config, &form.next)).into_response()
}
