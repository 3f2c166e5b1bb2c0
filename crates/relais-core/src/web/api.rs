//! The API's one error shape: `{"error": "<stable code>", "message": "<in the caller's
//! language>", "field"?, "problems"?: [{"field", "code", "message"}], "choices"?}`. Handlers return
//! an [`ApiError`]; the shell, which knows the caller's language (`Accept-Language`, else French),
//! writes its messages. Codes never change; messages may.

use axum::{
    Json,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde::Serialize;
use utoipa::ToSchema;

use super::response::Verbatim;
use crate::i18n::{Locale, Tr};

/// Each code and the Fluent key of its message.
const MESSAGES: &[(&str, &str)] = &[
    ("bad_request", "api-error-bad-request"),
    ("control_character", "error-control-character-text"),
    ("invalid", "api-error-invalid"),
    ("unauthorized", "api-error-unauthorized"),
    ("forbidden", "api-error-forbidden"),
    ("not_found", "api-error-not-found"),
    ("method_not_allowed", "api-error-method-not-allowed"),
    ("timeout", "api-error-timeout"),
    ("too_large", "api-error-too-large"),
    ("unsupported_media_type", "api-error-unsupported-media-type"),
    ("too_many_requests", "api-error-too-many-requests"),
    ("unavailable", "api-error-unavailable"),
    ("internal", "api-error-internal"),
    ("unknown_area", "api-error-unknown-area"),
    ("ambiguous_area", "api-error-ambiguous-area"),
];

/// An API error.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiError {
    /// A stable code: `bad_request`, `control_character`, `invalid`, `unauthorized`, `forbidden`,
    /// `not_found`, `unknown_area`, `ambiguous_area`, `too_many_requests`, `unavailable`, …
    pub error: String,
    /// What is wrong, in the caller's language (`Accept-Language`).
    pub message: String,
    /// The parameter, field or JSON path at fault (`page`, `note`, `themes[0]`), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For `invalid`: every field at fault at once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
    /// For `ambiguous_area`: the values to choose from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    #[serde(skip)]
    #[schema(ignore)]
    status: u16,
}

/// One field at fault.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    pub field: String,
    /// A stable code (the Fluent key of the message, e.g. `log-error-no-theme`).
    pub code: String,
    /// The message, in the caller's language.
    pub message: String,
}

/// The code of a bare error status.
pub fn code_of(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 | 422 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        408 => "timeout",
        413 => "too_large",
        415 => "unsupported_media_type",
        429 => "too_many_requests",
        503 => "unavailable",
        s if s >= 500 => "internal",
        _ => "bad_request",
    }
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str) -> ApiError {
        ApiError { error: code.to_string(), message: String::new(), field: None, problems: Vec::new(), choices: Vec::new(), status: status.as_u16() }
    }

    /// The error a bare status stands for (`404` → `not_found`).
    pub fn of_status(status: StatusCode) -> ApiError {
        ApiError::new(status, code_of(status))
    }

    pub fn field(mut self, field: impl Into<String>) -> ApiError {
        self.field = Some(field.into());
        self
    }

    /// Fields at fault, each with the Fluent key of its message.
    pub fn problems(mut self, problems: impl IntoIterator<Item = (String, String)>) -> ApiError {
        self.problems = problems.into_iter().map(|(field, code)| Problem { field, code, message: String::new() }).collect();
        self
    }

    pub fn choices(mut self, choices: Vec<String>) -> ApiError {
        self.choices = choices;
        self
    }

    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// With its messages in `locale`.
    pub fn translated(mut self, locale: Locale) -> ApiError {
        let tr = Tr::new(locale);
        let key = MESSAGES.iter().find(|(code, _)| *code == self.error).map_or("api-error-bad-request", |(_, key)| key);
        self.message = tr.t(key);
        for problem in &mut self.problems {
            problem.message = tr.t(&problem.code);
        }
        self
    }

    /// The response, its messages in `locale`.
    pub fn response_in(self, locale: Locale) -> Response {
        let status = self.status();
        let mut response = (status, Verbatim, Json(self.translated(locale))).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(axum::http::header::WWW_AUTHENTICATE, axum::http::HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// An error whose messages the shell writes in the caller's language.
#[derive(Debug, Clone)]
pub struct Untranslated(pub ApiError);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = self.clone().response_in(Locale::default());
        response.extensions_mut().insert(Untranslated(self));
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_message_in_every_language() {
        for (code, _) in MESSAGES {
            for locale in Locale::ALL {
                let e = ApiError::new(StatusCode::BAD_REQUEST, code).translated(locale);
                assert!(!e.message.is_empty() && !e.message.starts_with("api-error"), "{code} [{}]: {}", locale.code(), e.message);
            }
        }
        let e = ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid").problems([("note".to_string(), "error-control-character-text".to_string())]).translated(Locale::Nl);
        assert!(!e.problems[0].message.is_empty() && e.problems[0].message != e.problems[0].code);
        assert_eq!(code_of(StatusCode::NOT_FOUND), "not_found");
    }
}
