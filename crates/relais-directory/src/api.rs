//! The directory's public JSON API: `GET /api/v1/places` (search) and `GET /api/v1/places/{id}`.
//! No token needed: the directory is public.

use axum::{
    Json,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use jiff::Timestamp;
use relais_core::{
    i18n::Locale,
    web::{AppState, response::Verbatim},
};
use relais_organisations::api::ApiError;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::{
    display::rfc3339,
    reference::{Area, reference},
    routes::public::{Resolved, SearchParams, resolve, search_query},
    search::cache_snapshot,
    search::{self, Entry},
};

#[derive(Debug, Serialize, ToSchema)]
pub struct OpeningOut {
    /// RFC 3339, Europe/Brussels offset.
    pub start: String,
    pub end: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PlaceOut {
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub street: String,
    pub postcode: String,
    /// The municipality's NIS (REFNIS) code.
    pub nis: String,
    pub municipality: String,
    pub latitude: f64,
    pub longitude: f64,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub open_now: bool,
    /// The opening in progress, or the next one; `null` when none is scheduled in 120 days.
    pub next_opening: Option<OpeningOut>,
    /// Distance in km from the searched area's centre (search only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    pub themes: Vec<String>,
    pub publics: Vec<String>,
    pub languages: Vec<String>,
    pub services: Vec<String>,
    pub wheelchair: bool,
    pub url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PlacesOut {
    /// Number of places matching (all pages).
    pub total: usize,
    pub places: Vec<PlaceOut>,
}

#[derive(Debug, serde::Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // documents the parameters; `SearchParams` reads them
pub struct PlacesParams {
    /// A postcode (`1080`) or a municipality's name in any of its languages.
    q: Option<String>,
    /// A 4-digit postcode (same as `q`).
    postcode: Option<String>,
    /// A NIS code or `brussels`, to settle an ambiguous `q`.
    area: Option<String>,
    /// A theme code (e.g. `pension`, `identity`).
    theme: Option<String>,
    public: Option<String>,
    language: Option<String>,
    /// `now`, `today` or `week`.
    when: Option<String>,
    /// `free` or `appointment`.
    access: Option<String>,
    wheelchair: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    /// Page number (20 per page); anything but an integer from 1 to 10,000 is refused (400).
    #[param(minimum = 1, maximum = 10000)]
    page: Option<u32>,
}

fn error(status: StatusCode, error: &'static str, choices: Vec<String>) -> Response {
    ApiError::new(status, error).choices(choices).into_response()
}

/// A place for the API; `next` is its next opening, computed once by the caller.
pub fn place_out(entry: &Entry, next: Option<crate::schedule::Opening>, now: Timestamp, distance_km: Option<f64>, base: &str) -> PlaceOut {
    let place = &entry.place;
    PlaceOut {
        id: place.id,
        name: place.name(Locale::Fr).to_string(),
        kind: place.kind.clone(),
        street: place.street.clone(),
        postcode: place.postcode.clone(),
        nis: place.municipality_nis.clone(),
        municipality: reference().municipality(&place.municipality_nis).map(|m| m.name(Locale::Fr).to_string()).unwrap_or_default(),
        latitude: place.latitude,
        longitude: place.longitude,
        phone: place.phone.clone(),
        email: place.email.clone(),
        website: place.website.clone(),
        open_now: next.as_ref().is_some_and(|o| o.start.timestamp() <= now),
        next_opening: next.map(|o| OpeningOut { start: rfc3339(&o.start), end: rfc3339(&o.end) }),
        distance_km: distance_km.map(|d| (d * 10.0).round() / 10.0),
        themes: entry.themes.to_vec(),
        publics: entry.publics.to_vec(),
        languages: entry.languages.to_vec(),
        services: entry.services.to_vec(),
        wheelchair: place.wheelchair,
        url: format!("{base}/places/{}", place.id),
    }
}

/// The page asked for: 1 when absent, `None` unless an integer from 1 to 10,000.
fn page_of(text: &str) -> Option<usize> {
    match text.trim() {
        "" => Some(1),
        text => text.parse::<usize>().ok().filter(|p| (1..=10_000).contains(p)),
    }
}

/// Search the directory.
#[utoipa::path(get, path = "/api/v1/places", tag = "directory", operation_id = "search_places", params(PlacesParams),
    responses((status = 200, body = PlacesOut),
        (status = 400, body = ApiError, description = "`page` out of range, a parameter repeated, or a control character in one"),
        (status = 404, body = ApiError, description = "`unknown_area`: nothing matches `q`"),
        (status = 409, body = ApiError, description = "`ambiguous_area`: choose one of `choices` and pass it as `area`"),
        (status = 503, body = ApiError, description = "The directory cannot be read")))]
pub async fn list(State(state): State<AppState>, Query(mut params): Query<SearchParams>, Query(extra): Query<PostcodeParam>) -> Response {
    let Some(page) = page_of(&params.page) else { return relais_organisations::api::bad_request(Some("page")) };
    if params.q.trim().is_empty() {
        params.q = extra.postcode.unwrap_or_default();
    }
    let snapshot = match cache_snapshot(&state).await {
        Ok(s) => s,
        Err(_) => return error(StatusCode::SERVICE_UNAVAILABLE, "unavailable", Vec::new()),
    };
    let centre = match resolve(&params) {
        Resolved::Area(area) => Some(area.centre()),
        Resolved::Position(lat, lon) => Some((lat, lon)),
        Resolved::Nothing => None,
        Resolved::Unknown => return error(StatusCode::NOT_FOUND, "unknown_area", Vec::new()),
        Resolved::Choices(areas) => {
            let choices = areas
                .iter()
                .map(|a| match a {
                    Area::Region(_) => "brussels".to_string(),
                    Area::Municipality { nis, .. } => nis.clone(),
                })
                .collect();
            return error(StatusCode::CONFLICT, "ambiguous_area", choices);
        }
    };
    let now = Timestamp::now();
    let found = search::search(&snapshot, &search_query(&params, centre), now, (page - 1) * 20, 20);
    let base = state.config.public_url.clone();
    let places = found.hits.iter().map(|h| place_out(&h.entry, h.next_opening.clone(), now, h.distance_km, &base)).collect();
    (Verbatim, Json(PlacesOut { total: found.total, places })).into_response()
}

#[derive(Debug, serde::Deserialize, Default)]
pub struct PostcodeParam {
    #[serde(default)]
    postcode: Option<String>,
}

/// One place.
#[utoipa::path(get, path = "/api/v1/places/{id}", tag = "directory", operation_id = "get_place",
    params(("id" = Uuid, Path, description = "The place's id")),
    responses((status = 200, body = PlaceOut), (status = 400, body = ApiError, description = "A control character in the path"),
        (status = 404, body = ApiError), (status = 503, body = ApiError, description = "The directory cannot be read")))]
pub async fn one(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let Ok(id) = Uuid::parse_str(&id) else { return error(StatusCode::NOT_FOUND, "not_found", Vec::new()) };
    let snapshot = match cache_snapshot(&state).await {
        Ok(s) => s,
        Err(_) => return error(StatusCode::SERVICE_UNAVAILABLE, "unavailable", Vec::new()),
    };
    match snapshot.get(id) {
        Some(entry) => (
            Verbatim,
            Json({
                let now = Timestamp::now();
                place_out(entry, entry.next_opening(now), now, None, &state.config.public_url)
            }),
        )
            .into_response(),
        None => error(StatusCode::NOT_FOUND, "not_found", Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pages_from_1_to_10000_are_read() {
        assert_eq!(page_of(""), Some(1));
        assert_eq!(page_of("1"), Some(1));
        assert_eq!(page_of(" 7 "), Some(7));
        assert_eq!(page_of("10000"), Some(10_000));
        for refused in ["-1", "0", "10001", "1.5", "abc", "99999999999999999999999", "NaN", "1e3"] {
            assert_eq!(page_of(refused), None, "{refused}");
        }
    }
}
