//! The JSON API (`/api/v1/…`), authenticated by personal tokens (`Authorization: Bearer`), and
//! its OpenAPI document (`/api/openapi.json`). Same rights as in the browser: the policy decides.

use axum::{
    Json,
    extract::{FromRequestParts, Path, State},
    http::{StatusCode, header, request::Parts},
    response::{IntoResponse, Response},
};
use relais_core::web::{AppState, client::ClientAddr, error::AppError, response::Verbatim};
use serde::Serialize;
use utoipa::{
    Modify, OpenApi, ToSchema,
    openapi::security::{Http, HttpAuthScheme, SecurityScheme},
};
use uuid::Uuid;

use crate::{
    audit::{self, Event},
    organisations,
    policy::{self, Action, Decision},
    sessions::CurrentUser,
    tokens,
};

pub use relais_core::web::api::{ApiError, Problem};

/// `400 {"error": "bad_request", "field": …}`: a request refused before it was read (a body that
/// is not JSON or not of the documented shape, a parameter repeated or out of range). A control
/// character in any text is refused with `control_character` for the whole application by
/// `relais_core::web::text_input`.
pub fn bad_request(field: Option<&str>) -> Response {
    let error = ApiError::new(StatusCode::BAD_REQUEST, "bad_request");
    match field {
        Some(field) => error.field(field),
        None => error,
    }
    .into_response()
}

fn api_error(status: StatusCode, error: &'static str) -> Response {
    ApiError::new(status, error).into_response()
}

fn from_app_error(error: AppError) -> Response {
    match error.status() {
        StatusCode::NOT_FOUND => api_error(StatusCode::NOT_FOUND, "not_found"),
        StatusCode::FORBIDDEN => api_error(StatusCode::FORBIDDEN, "forbidden"),
        StatusCode::BAD_REQUEST => api_error(StatusCode::BAD_REQUEST, "bad_request"),
        _ => {
            let _ = error.into_response(); // logs server errors
            api_error(StatusCode::SERVICE_UNAVAILABLE, "unavailable")
        }
    }
}

/// The person behind the bearer token.
pub struct ApiUser(pub CurrentUser);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let secret =
            parts.headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.get(..7).filter(|p| p.eq_ignore_ascii_case("bearer ")).map(|_| v[7..].trim()));
        let Some(secret) = secret else { return Err(api_error(StatusCode::UNAUTHORIZED, "unauthorized")) };
        // One query: the token, its person and their memberships (every API call pays for it).
        let found = tokens::authenticate_user(&state.db, secret).await.map_err(|e| from_app_error(e.into()))?;
        let Some((token_id, user, audit_use)) = found else {
            return Err(api_error(StatusCode::UNAUTHORIZED, "unauthorized"));
        };
        if audit_use {
            let ClientAddr(client) = ClientAddr::from_request_parts(parts, state).await.unwrap_or(ClientAddr("unknown".into()));
            audit::record_or_log(&state.db, Event::new("token.used", &client).actor(user.id).object(token_id.to_string())).await;
        }
        Ok(ApiUser(user))
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MembershipOut {
    pub organisation_id: Uuid,
    pub slug: String,
    pub name: String,
    /// `coordinator`, `worker`, `volunteer` or `viewer`.
    pub role: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    /// `fr`, `nl`, `de` or `en`.
    pub locale: String,
    pub is_admin: bool,
    pub memberships: Vec<MembershipOut>,
    /// Group scopes held: the person sees these groups' aggregates (never their records).
    pub scopes: Vec<ScopeOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ScopeOut {
    pub slug: String,
    pub name: String,
    /// `project`, `network` or `programme`.
    pub kind: String,
}

fn json<T: Serialize>(value: T) -> Response {
    (Verbatim, Json(value)).into_response()
}

/// The person the token belongs to.
#[utoipa::path(get, path = "/api/v1/me", tag = "people", operation_id = "get_me",
    responses((status = 200, body = Me), (status = 400, body = ApiError), (status = 401, body = ApiError),
        (status = 503, body = ApiError, description = "The database cannot be reached")),
    security(("bearer" = [])))]
pub async fn me(State(state): State<AppState>, ApiUser(user): ApiUser) -> Response {
    let scopes = match crate::groups::scopes_of(&state.db, user.id).await {
        Ok(scopes) => scopes,
        Err(e) => return from_app_error(e.into()),
    };
    let scopes = scopes.into_iter().map(|s| ScopeOut { slug: s.slug, name: s.name, kind: s.kind }).collect();
    json(Me {
        id: user.id,
        email: user.email,
        display_name: user.display_name,
        locale: user.locale.code().to_string(),
        is_admin: user.is_admin,
        memberships: user
            .memberships
            .into_iter()
            .map(|m| MembershipOut { organisation_id: m.organisation_id, slug: m.organisation_slug, name: m.organisation_name, role: m.role.as_str().to_string() })
            .collect(),
        scopes,
    })
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationOut {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    /// `cpas`, `association`, `digital-space-operator`, `library`, `trainer` or `funder`.
    pub kind: String,
    pub municipality: String,
    /// Comma-separated language codes.
    pub languages: String,
}

/// The organisations the person belongs to.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations", operation_id = "list_organisations",
    responses((status = 200, body = [OrganisationOut]), (status = 400, body = ApiError), (status = 401, body = ApiError),
        (status = 503, body = ApiError, description = "The database cannot be reached")),
    security(("bearer" = [])))]
pub async fn organisations_list(State(state): State<AppState>, ApiUser(user): ApiUser) -> Response {
    let mut out = Vec::new();
    for m in &user.memberships {
        match organisations::find_by_id(&state.db, m.organisation_id).await {
            Ok(Some(o)) => out.push(OrganisationOut { id: o.id, slug: o.slug, name: o.name, kind: o.kind, municipality: o.municipality, languages: o.languages }),
            Ok(None) => {}
            Err(e) => return from_app_error(e.into()),
        }
    }
    json(out)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberOut {
    pub user_id: Uuid,
    pub display_name: String,
    pub email: String,
    pub role: String,
    pub active: bool,
}

/// The members of one organisation (coordinators and platform admins only).
#[utoipa::path(get, path = "/api/v1/organisations/{slug}/members", tag = "organisations", operation_id = "list_organisation_members",
    params(("slug" = String, Path, description = "The organisation's short name")),
    responses((status = 200, body = [MemberOut]), (status = 400, body = ApiError), (status = 401, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 503, body = ApiError, description = "The database cannot be reached")),
    security(("bearer" = [])))]
pub async fn members(State(state): State<AppState>, ClientAddr(client): ClientAddr, ApiUser(user): ApiUser, Path(slug): Path<String>) -> Response {
    let organisation = match organisations::find_by_slug(&state.db, &slug).await {
        Ok(Some(o)) => o,
        Ok(None) => return api_error(StatusCode::NOT_FOUND, "not_found"),
        Err(e) => return from_app_error(e.into()),
    };
    match policy::decide(&user, organisation.id, Action::ViewMembers) {
        Decision::Allowed => {}
        Decision::Forbidden => return api_error(StatusCode::FORBIDDEN, "forbidden"),
        Decision::NotFound => return api_error(StatusCode::NOT_FOUND, "not_found"),
    }
    audit::record_or_log(&state.db, Event::new("member.list_viewed", &client).actor(user.id).organisation(organisation.id).object("api".to_string())).await;
    match organisations::members_of(&state.db, organisation.id).await {
        Ok(list) => {
            json(list.into_iter().map(|m| MemberOut { user_id: m.user_id, display_name: m.display_name, email: m.email, role: m.role, active: m.active }).collect::<Vec<_>>())
        }
        Err(e) => from_app_error(e.into()),
    }
}

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Relais API", description = "The Relais JSON API. Authenticate with a personal API token: `Authorization: Bearer relais_…`."),
    paths(me, organisations_list, members),
    components(schemas(Me, MembershipOut, ScopeOut, OrganisationOut, MemberOut, ApiError, Problem)),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;

/// `GET /api/openapi.json`
/// The whole application's OpenAPI document: this area's, merged with the others' by the binary.
pub fn openapi_with(others: Vec<utoipa::openapi::OpenApi>) -> Response {
    let mut doc = ApiDoc::openapi();
    for other in others {
        doc.merge(other);
    }
    json(doc)
}
