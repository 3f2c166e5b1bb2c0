//! The signed-in user of a page: the `CurrentUser` extractor. No session, or a session past its
//! 12 hours: the login page, then back. An idle session: the password prompt that resumes it
//! ([`crate::resume`]), the request kept. A second factor to give or to enrol: its page first.

use axum::{
    extract::FromRequestParts,
    http::{HeaderValue, header, request::Parts},
    response::{IntoResponse, Response},
};
use relais_core::web::{AppState, error::AppError, response::see_other};

use crate::sessions::{CurrentUser, SECOND_FACTOR_ENROL, SECOND_FACTOR_LOGIN, SessionState, close, encode_component, is_local_path, lookup_state, removal_cookie, session_token};

/// Pages that need a signed-in user send others to the login page, then back.
pub struct LoginRequired {
    next: String,
}

impl IntoResponse for LoginRequired {
    fn into_response(self) -> Response {
        let mut target = String::from("/login");
        if self.next != "/" && is_local_path(&self.next) {
            target.push_str("?next=");
            target.push_str(&encode_component(&self.next));
        }
        see_other(&target).into_response()
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let next = parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_default();
        let Some(token) = session_token(parts) else {
            return Err(LoginRequired { next }.into_response());
        };
        let state_of_session = match lookup_state(&state.db, &token).await {
            Ok(SessionState::Idle(_)) if parts.uri.path() == "/logout" => {
                // Leaving needs no password: end the session.
                if let Err(error) = close(&state.db, &token).await {
                    return Err(AppError::from(error).into_response());
                }
                Ok(None)
            }
            Ok(SessionState::Idle(idle)) => return Err(crate::resume::prompt(parts, state, &idle).await),
            Ok(SessionState::Valid(user)) => Ok(Some(*user)),
            Ok(SessionState::Gone) => Ok(None),
            Err(e) => Err(e),
        };
        match state_of_session {
            Ok(Some(user)) if user.second_factor_pending => {
                let path = parts.uri.path();
                if path == SECOND_FACTOR_LOGIN || path == "/logout" { Ok(user) } else { Err(see_other(SECOND_FACTOR_LOGIN).into_response()) }
            }
            Ok(Some(user)) if user.must_enrol => {
                let path = parts.uri.path();
                if path == SECOND_FACTOR_ENROL || path == "/logout" { Ok(user) } else { Err(see_other(SECOND_FACTOR_ENROL).into_response()) }
            }
            Ok(Some(user)) => Ok(user),
            Ok(None) => {
                let mut response = LoginRequired { next }.into_response();
                if let Ok(value) = HeaderValue::from_str(&removal_cookie(&state.config)) {
                    response.headers_mut().append(header::SET_COOKIE, value);
                }
                Err(response)
            }
            Err(error) => Err(AppError::from(error).into_response()),
        }
    }
}
