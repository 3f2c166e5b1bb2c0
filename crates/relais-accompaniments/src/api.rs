//! The log's JSON API, with personal tokens: `/api/v1/accompaniments` (list, log),
//! `/api/v1/people` (list) and `/api/v1/signals` (list, record). Scoped like the pages: the
//! token's person, in the organisations where their role allows it.
//!
//! A client may send an `id` with what it records, so that a retried call records once. That
//! id is a key of the caller's, not the row's id: the row is stored under an id derived from it,
//! the organisation and the token's person (an HMAC with the instance key), and that id is the
//! one answered. So an id that is another organisation's row (or anyone's) is answered exactly
//! as a fresh one — 201 and a new id — and never touches that row, while the same call resent
//! by the same person answers 200 "already recorded".

use axum::{
    Json,
    extract::rejection::JsonRejection,
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::web::{AppState, response::Verbatim};
use relais_directory::places;
use relais_organisations::{
    api::{ApiError, ApiUser},
    organisations::Membership,
    policy::{self, Action, Decision},
    sessions::CurrentUser,
};
use serde::{Deserialize, Serialize};
use time::{OffsetDateTime, format_description::well_known::Rfc3339};
use utoipa::{IntoParams, OpenApi, ToSchema};
use uuid::Uuid;

use crate::{
    log::{self, Accompaniment, ListFilter, NewAccompaniment, Typed},
    people, signals, terms, vocabulary,
};

/// A field at fault: its name and the Fluent key of its message (the API's `problems`).
pub struct FieldProblem {
    pub field: &'static str,
    pub code: &'static str,
}

fn error(status: StatusCode, error: &'static str, problems: Vec<FieldProblem>) -> Response {
    ApiError::new(status, error).problems(problems.into_iter().map(|p| (p.field.to_string(), p.code.to_string()))).into_response()
}

fn unavailable(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "api: database");
    error(StatusCode::SERVICE_UNAVAILABLE, "unavailable", Vec::new())
}

#[allow(clippy::result_large_err)] // the error is the answer itself, sent at once
/// The membership named by slug or id, if the token's person has `action` there.
fn organisation_for<'a>(user: &'a CurrentUser, name: &str, action: Action) -> Result<&'a Membership, Response> {
    let membership = user.memberships.iter().find(|m| m.organisation_slug == name || m.organisation_id.to_string() == name);
    match membership {
        None => Err(error(StatusCode::NOT_FOUND, "not_found", Vec::new())),
        Some(m) => match policy::decide(user, m.organisation_id, action) {
            Decision::Allowed => Ok(m),
            _ => Err(error(StatusCode::FORBIDDEN, "forbidden", Vec::new())),
        },
    }
}

#[allow(clippy::result_large_err)]
/// The organisations listed: the one named, or every one where `action` is allowed.
fn organisations_for<'a>(user: &'a CurrentUser, name: &Option<String>, action: Action) -> Result<Vec<&'a Membership>, Response> {
    match name {
        Some(name) => organisation_for(user, name, action).map(|m| vec![m]),
        None => Ok(user.memberships.iter().filter(|m| policy::decide(user, m.organisation_id, action) == Decision::Allowed).collect()),
    }
}

fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccompanimentOut {
    pub id: Uuid,
    pub organisation: String,
    /// RFC 3339.
    pub started_at: String,
    pub minutes: i64,
    /// `place`, `mobile-stop`, `home-visit` or `phone`.
    pub setting: String,
    pub place_id: Option<Uuid>,
    pub themes: Vec<String>,
    /// Empty when no online service was concerned.
    pub online_service: String,
    pub autonomy: String,
    pub outcome: String,
    pub steps: Vec<String>,
    /// `professional` or `volunteer`.
    pub helper_kind: String,
    pub follow_up_on: Option<String>,
    pub person_id: Option<Uuid>,
    pub note: String,
}

fn out(a: Accompaniment, organisation: &str) -> AccompanimentOut {
    AccompanimentOut {
        id: a.id,
        organisation: organisation.to_string(),
        started_at: rfc3339(a.started_at),
        minutes: a.minutes,
        setting: a.setting,
        place_id: a.place_id,
        themes: a.themes.split_whitespace().map(String::from).collect(),
        online_service: a.online_service,
        autonomy: a.autonomy,
        outcome: a.outcome,
        steps: vocabulary::steps_codes(a.steps).into_iter().map(String::from).collect(),
        helper_kind: a.helper_kind,
        follow_up_on: a.follow_up_on,
        person_id: a.person_id,
        note: a.note,
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// An organisation's slug or id; all of the person's organisations when absent.
    pub organisation: Option<String>,
    /// At most this many per organisation (default 100, at most 500).
    pub limit: Option<i64>,
    /// Only requests started before this instant (RFC 3339), for paging.
    pub before: Option<String>,
}

/// Requests logged: the organisation's (coordinators, workers) or one's own (volunteers).
#[utoipa::path(get, path = "/api/v1/accompaniments", tag = "accompaniments", operation_id = "list_accompaniments", params(ListParams),
    responses((status = 200, body = [AccompanimentOut]),
        (status = 400, body = ApiError, description = "`before` is not an RFC 3339 instant, `limit` not an integer, or a parameter is repeated or holds a control character"),
        (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError),
        (status = 503, body = ApiError, description = "The database cannot be reached")),
    security(("bearer" = [])))]
pub async fn list(State(state): State<AppState>, ApiUser(user): ApiUser, Query(params): Query<ListParams>) -> Response {
    let organisations = match organisations_for(&user, &params.organisation, Action::LogRequests) {
        Ok(o) => o,
        Err(response) => return response,
    };
    let before = match params.before.as_deref().map(|b| OffsetDateTime::parse(b, &Rfc3339)) {
        Some(Ok(at)) if crate::routes::plausible(at.unix_timestamp()) => Some(crate::whole_seconds(at.to_offset(time::UtcOffset::UTC))),
        Some(_) => return relais_organisations::api::bad_request(Some("before")),
        None => None,
    };
    let limit = params.limit.unwrap_or(100).clamp(1, 500);
    let mut all = Vec::new();
    for m in organisations {
        let everyone = policy::decide(&user, m.organisation_id, Action::ViewRequests) == Decision::Allowed;
        let filter = ListFilter { helper: (!everyone).then_some(user.id), before, follow_up_from: None };
        match log::list(&state.db, m.organisation_id, filter, limit).await {
            Ok(rows) => all.extend(rows.into_iter().map(|a| out(a, &m.organisation_slug))),
            Err(e) => return unavailable(e),
        }
    }
    (Verbatim, Json(all)).into_response()
}

/// A request to log.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AccompanimentIn {
    /// The organisation's slug or id.
    #[schema(example = "cpas-charleroi")]
    pub organisation: String,
    /// A key chosen by the client so that a retried call logs once: the request is stored under
    /// an id derived from it, the organisation and the token's person, answered as `id` (a new
    /// random one when absent).
    pub id: Option<Uuid>,
    /// `place`, `mobile-stop`, `home-visit` or `phone` (from the place when `place_id` is given).
    #[serde(default)]
    #[schema(example = "phone")]
    pub setting: Option<String>,
    pub place_id: Option<Uuid>,
    /// Theme codes (at least one).
    #[schema(example = json!(["identity"]))]
    pub themes: Vec<String>,
    #[serde(default)]
    #[schema(example = "itsme")]
    pub online_service: String,
    #[schema(example = "done-by")]
    pub autonomy: String,
    #[schema(example = "solved")]
    pub outcome: String,
    /// Minutes spent (1–480; 15 when absent).
    #[schema(example = 25)]
    pub minutes: Option<i64>,
    /// When the help started (RFC 3339); now minus `minutes` when absent.
    pub started_at: Option<String>,
    #[serde(default)]
    pub steps: Vec<String>,
    #[serde(default)]
    pub note: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub follow_up_on: String,
    /// A person of the organisation (coordinators and workers only).
    pub person_id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Logged {
    /// The id it is stored under.
    pub id: Uuid,
    /// `false` when the same call (same `id` key) was already recorded (nothing changed).
    pub created: bool,
}

/// The id a record sent with the client's key `key` is stored under: the instance key's HMAC of
/// the organisation, the token's person and the key, so that the same call recorded twice is
/// found again and no key — another organisation's row id included — ever names another's row.
async fn stored_id(state: &AppState, organisation: Uuid, user: Uuid, key: Option<Uuid>, kind: &str) -> Result<Uuid, Response> {
    let Some(key) = key else { return Ok(Uuid::new_v4()) };
    let instance = state.key().await.map_err(unavailable)?;
    let mac = instance.sign(&format!("api-{kind}-id"), &format!("{organisation}:{user}:{key}"));
    let mut bytes = [0u8; 16];
    for (i, byte) in bytes.iter_mut().enumerate() {
        *byte = mac.get(2 * i..2 * i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or_default();
    }
    Ok(uuid::Builder::from_random_bytes(bytes).into_uuid())
}

/// Log a request helped.
#[utoipa::path(post, path = "/api/v1/accompaniments", tag = "accompaniments", operation_id = "log_accompaniment", request_body = AccompanimentIn,
    responses((status = 201, body = Logged), (status = 200, body = Logged, description = "Already logged by the same call (same `id` key)"),
        (status = 400, body = ApiError, description = "Not JSON, not of the documented shape, or a text holding a control character"),
        (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ApiError),
        (status = 503, body = ApiError, description = "The database cannot be reached")),
    security(("bearer" = [])))]
pub async fn create(State(state): State<AppState>, ApiUser(user): ApiUser, body: Result<Json<AccompanimentIn>, JsonRejection>) -> Response {
    let Ok(Json(input)) = body else { return relais_organisations::api::bad_request(None) };
    let membership = match organisation_for(&user, &input.organisation, Action::LogRequests) {
        Ok(m) => m,
        Err(response) => return response,
    };
    let organisation = membership.organisation_id;
    let terms = match terms::terms(&state).await {
        Ok(t) => t,
        Err(e) => return unavailable(e),
    };
    let mut problems = Vec::new();
    let (setting, place) = match input.place_id {
        Some(id) => match places::find_place(&state.db, id).await {
            Ok(Some(p)) if p.organisation_id == organisation => (if p.mobile_unit_id.is_some() { "mobile-stop" } else { "place" }.to_string(), Some(p.id)),
            Ok(_) => {
                problems.push(FieldProblem { field: "place_id", code: "log-error-place" });
                (String::new(), None)
            }
            Err(e) => return unavailable(e),
        },
        None => (input.setting.clone().unwrap_or_default(), None),
    };
    let typed = Typed {
        setting,
        themes: input.themes.clone(),
        online_service: input.online_service.clone(),
        autonomy: input.autonomy.clone(),
        outcome: input.outcome.clone(),
        minutes: input.minutes,
        steps: input.steps.clone(),
        note: input.note.clone(),
        follow_up_on: input.follow_up_on.clone(),
    };
    let started_at = match input.started_at.as_deref().map(|s| OffsetDateTime::parse(s, &Rfc3339)) {
        Some(Ok(at)) if at <= OffsetDateTime::now_utc() + time::Duration::minutes(5) && crate::routes::plausible(at.unix_timestamp()) => {
            Some(crate::whole_seconds(at.to_offset(time::UtcOffset::UTC)))
        }
        Some(_) => {
            problems.push(FieldProblem { field: "started_at", code: "log-error-started-at" });
            None
        }
        None => None,
    };
    let person = match input.person_id {
        Some(id) if policy::decide(&user, organisation, Action::ViewPeople) == Decision::Allowed => match people::find(&state.db, organisation, id).await {
            Ok(Some(p)) => Some(p.id),
            Ok(None) => {
                problems.push(FieldProblem { field: "person_id", code: "log-error-person" });
                None
            }
            Err(e) => return unavailable(e),
        },
        Some(_) => return error(StatusCode::FORBIDDEN, "forbidden", Vec::new()),
        None => None,
    };
    let checked = match log::check(&typed, &terms, 15) {
        Ok(checked) if problems.is_empty() => checked,
        Ok(_) => return error(StatusCode::UNPROCESSABLE_ENTITY, "invalid", problems),
        Err(errors) => {
            problems.extend(errors.iter().map(|e| FieldProblem { field: e.field(), code: e.message_key() }));
            return error(StatusCode::UNPROCESSABLE_ENTITY, "invalid", problems);
        }
    };
    let id = match stored_id(&state, organisation, user.id, input.id, "accompaniment").await {
        Ok(id) => id,
        Err(response) => return response,
    };
    let now = OffsetDateTime::now_utc();
    let mut new = NewAccompaniment {
        id,
        organisation,
        helper: Some(user.id),
        helper_kind: crate::routes::session::helper_kind(&user, organisation),
        setting: checked.setting,
        place,
        started_at: started_at.unwrap_or(now - time::Duration::minutes(checked.minutes)),
        minutes: checked.minutes,
        themes: checked.themes,
        online_service: checked.online_service,
        autonomy: checked.autonomy,
        outcome: checked.outcome,
        steps: checked.steps,
        note: checked.note,
        follow_up_on: checked.follow_up_on,
        person,
    };
    match log::insert(&state.db, &new).await {
        Ok(true) => (StatusCode::CREATED, Verbatim, Json(Logged { id, created: true })).into_response(),
        Ok(false) => match log::find(&state.db, organisation, id).await {
            Ok(Some(existing)) if existing.helper_id == Some(user.id) => (StatusCode::OK, Verbatim, Json(Logged { id, created: false })).into_response(),
            // Not this caller's retry (a derived id is never another's but by a collision of
            // HMACs): recorded under a random id, as any fresh call.
            Ok(_) => {
                new.id = Uuid::new_v4();
                match log::insert(&state.db, &new).await {
                    Ok(_) => (StatusCode::CREATED, Verbatim, Json(Logged { id: new.id, created: true })).into_response(),
                    Err(e) => unavailable(e),
                }
            }
            Err(e) => unavailable(e),
        },
        Err(e) => unavailable(e),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonOut {
    pub id: Uuid,
    pub organisation: String,
    pub pseudonym: String,
    pub age_band: String,
    pub gender: String,
    pub postcode: String,
    pub language: String,
    pub situations: Vec<String>,
    pub consent_topics: Vec<String>,
    pub consent_at: String,
    pub last_activity_at: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeopleParams {
    /// An organisation's slug or id; all of the person's organisations (where allowed) when absent.
    pub organisation: Option<String>,
    /// Part of a pseudonym.
    pub q: Option<String>,
}

/// People followed by the organisation (coordinators and workers).
#[utoipa::path(get, path = "/api/v1/people", tag = "accompaniments", operation_id = "list_people", params(PeopleParams),
    responses((status = 200, body = [PersonOut]),
        (status = 400, body = ApiError, description = "A parameter is repeated or holds a control character"),
        (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError),
        (status = 503, body = ApiError, description = "The database cannot be reached")),
    security(("bearer" = [])))]
pub async fn people_list(State(state): State<AppState>, ApiUser(user): ApiUser, Query(params): Query<PeopleParams>) -> Response {
    let organisations = match organisations_for(&user, &params.organisation, Action::ViewPeople) {
        Ok(o) => o,
        Err(response) => return response,
    };
    let mut all = Vec::new();
    for m in organisations {
        match people::list(&state.db, m.organisation_id, params.q.as_deref().unwrap_or(""), 500).await {
            Ok(rows) => all.extend(rows.into_iter().map(|p| PersonOut {
                id: p.id,
                organisation: m.organisation_slug.clone(),
                pseudonym: p.pseudonym,
                age_band: p.age_band,
                gender: p.gender,
                postcode: p.postcode,
                language: p.language,
                situations: p.situations.split_whitespace().map(String::from).collect(),
                consent_topics: p.consent_topics.split_whitespace().map(String::from).collect(),
                consent_at: rfc3339(p.consent_at),
                last_activity_at: rfc3339(p.last_activity_at),
            })),
            Err(e) => return unavailable(e),
        }
    }
    (Verbatim, Json(all)).into_response()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SignalOut {
    pub id: Uuid,
    pub organisation: String,
    pub online_service: String,
    pub barrier: String,
    pub description: String,
    pub region: String,
    /// `submitted`, `published`, `merged` or `set-aside`.
    pub status: String,
    pub merged_into: Option<Uuid>,
    pub occurrences: i64,
    pub created_at: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SignalParams {
    /// An organisation's slug or id; all of the person's organisations when absent.
    pub organisation: Option<String>,
}

/// The organisation's political signals.
#[utoipa::path(get, path = "/api/v1/signals", tag = "accompaniments", operation_id = "list_signals", params(SignalParams),
    responses((status = 200, body = [SignalOut]),
        (status = 400, body = ApiError, description = "A parameter is repeated or holds a control character"),
        (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError),
        (status = 503, body = ApiError, description = "The database cannot be reached")),
    security(("bearer" = [])))]
pub async fn signals_list(State(state): State<AppState>, ApiUser(user): ApiUser, Query(params): Query<SignalParams>) -> Response {
    let organisations = match organisations_for(&user, &params.organisation, Action::LogRequests) {
        Ok(o) => o,
        Err(response) => return response,
    };
    let mut all = Vec::new();
    for m in organisations {
        match signals::of_organisation(&state.db, m.organisation_id, 500).await {
            Ok(rows) => all.extend(rows.into_iter().map(|s| SignalOut {
                id: s.id,
                organisation: m.organisation_slug.clone(),
                online_service: s.online_service,
                barrier: s.barrier,
                description: s.description,
                region: s.region,
                status: s.status,
                merged_into: s.merged_into,
                occurrences: s.occurrences,
                created_at: rfc3339(s.created_at),
            })),
            Err(e) => return unavailable(e),
        }
    }
    (Verbatim, Json(all)).into_response()
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct SignalIn {
    #[schema(example = "cpas-charleroi")]
    pub organisation: String,
    /// A key chosen by the client so that a retried call records once (as for requests: the
    /// signal is stored under an id derived from it, answered as `id`).
    pub id: Option<Uuid>,
    #[schema(example = "mypension")]
    pub online_service: String,
    /// See the barriers list: `itsme-only`, `no-other-channel`, `inaccessible`, `language`,
    /// `needs-email-smartphone`, `too-complex`, `cost`, `scam-risk`, `other`.
    #[schema(example = "itsme-only")]
    pub barrier: String,
    /// No personal data: refused (422, e.g. `signal-error-iban`) when the text holds a national
    /// register number, an IBAN, an e-mail address or a phone number.
    #[schema(example = "MyPension asks for itsme; no other way was offered at the counter.")]
    pub description: String,
    /// The request it comes from, if any: its `id` as answered when it was logged (or the `id`
    /// key sent then). Ignored when it is not one of the organisation's requests.
    pub accompaniment_id: Option<Uuid>,
}

/// Record a political signal (reviewed by a coordinator before it reaches the board).
#[utoipa::path(post, path = "/api/v1/signals", tag = "accompaniments", operation_id = "record_signal", request_body = SignalIn,
    responses((status = 201, body = Logged), (status = 200, body = Logged, description = "Already recorded by the same call (same `id` key)"),
        (status = 400, body = ApiError, description = "Not JSON, not of the documented shape, or a text holding a control character"),
        (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ApiError),
        (status = 503, body = ApiError, description = "The database cannot be reached")),
    security(("bearer" = [])))]
pub async fn signals_create(State(state): State<AppState>, ApiUser(user): ApiUser, body: Result<Json<SignalIn>, JsonRejection>) -> Response {
    let Ok(Json(input)) = body else { return relais_organisations::api::bad_request(None) };
    let membership = match organisation_for(&user, &input.organisation, Action::LogRequests) {
        Ok(m) => m,
        Err(response) => return response,
    };
    let terms = match terms::terms(&state).await {
        Ok(t) => t,
        Err(e) => return unavailable(e),
    };
    let typed = signals::TypedSignal { online_service: input.online_service, barrier: input.barrier, description: input.description };
    let checked = match signals::check(&typed, &terms) {
        Ok(c) => c,
        Err(errors) => return error(StatusCode::UNPROCESSABLE_ENTITY, "invalid", errors.iter().map(|e| FieldProblem { field: e.field(), code: e.message_key() }).collect()),
    };
    let organisation = match relais_organisations::organisations::find_by_id(&state.db, membership.organisation_id).await {
        Ok(Some(o)) => o,
        Ok(None) => return error(StatusCode::NOT_FOUND, "not_found", Vec::new()),
        Err(e) => return unavailable(e),
    };
    let accompaniment = match input.accompaniment_id {
        Some(id) => match own_accompaniment(&state, organisation.id, user.id, id).await {
            Ok(found) => found,
            Err(response) => return response,
        },
        None => None,
    };
    let id = match stored_id(&state, organisation.id, user.id, input.id, "signal").await {
        Ok(id) => id,
        Err(response) => return response,
    };
    let region = crate::routes::signals::region_of(&organisation);
    match signals::create(&state.db, id, organisation.id, Some(user.id), accompaniment, &checked, region).await {
        Ok(created) => (if created { StatusCode::CREATED } else { StatusCode::OK }, Verbatim, Json(Logged { id, created })).into_response(),
        Err(e) => unavailable(e),
    }
}

/// The organisation's request `id` names: its id, or the key the caller logged it with.
async fn own_accompaniment(state: &AppState, organisation: Uuid, user: Uuid, id: Uuid) -> Result<Option<Uuid>, Response> {
    if let Some(found) = log::find(&state.db, organisation, id).await.map_err(unavailable)? {
        return Ok(Some(found.id));
    }
    let derived = stored_id(state, organisation, user, Some(id), "accompaniment").await?;
    Ok(log::find(&state.db, organisation, derived).await.map_err(unavailable)?.map(|a| a.id))
}

#[derive(OpenApi)]
#[openapi(
    paths(list, create, people_list, signals_list, signals_create),
    components(schemas(AccompanimentOut, AccompanimentIn, Logged, PersonOut, SignalOut, SignalIn, ApiError, relais_organisations::api::Problem))
)]
pub struct ApiDoc;
