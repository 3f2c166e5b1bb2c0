//! `/groups/{slug}/places`: the coordinator of a network's (or project's) lead organisation, a
//! scope holder or a platform admin sees the directory of every organisation of the group —
//! published places and those not published yet — to keep the network's offer coherent.

use askama::Template;
use axum::{
    extract::{Path, State},
    response::Response,
};
use jiff::Timestamp;
use relais_core::{
    i18n::Tr,
    web::{AppState, error::AppError, layout::PageContext},
};
use relais_organisations::{access::authorise_group, policy::GroupAction, sessions::CurrentUser};
use uuid::Uuid;

use crate::{display, places, reference::reference, schedule, search::HORIZON_DAYS};

struct Line {
    id: Uuid,
    name: String,
    organisation: String,
    address: String,
    published: bool,
    opening: Option<String>,
}

#[derive(Template)]
#[template(path = "network_places.html")]
struct Page<'a> {
    tr: Tr,
    slug: &'a str,
    name: &'a str,
    lines: Vec<Line>,
}

pub async fn show(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>) -> Result<Response, AppError> {
    let (group, covered, _) = authorise_group(&state, &user, &slug, GroupAction::ViewDirectory).await?;
    let now = Timestamp::now();
    let zoned = now.to_zoned(schedule::zone());
    let mut lines = Vec::new();
    for organisation in &covered {
        for place in places::places_of(&state.db, organisation.organisation_id).await? {
            let recurrences: Vec<_> = places::sessions_of(&state.db, place.id).await?.iter().map(|s| s.recurrence).collect();
            let exceptions: Vec<_> = places::exceptions_of(&state.db, place.id).await?.iter().map(|e| e.exception).collect();
            let municipality = reference().municipality(&place.municipality_nis).map(|m| m.name(ctx.locale()).to_string()).unwrap_or_default();
            lines.push(Line {
                id: place.id,
                name: place.name(ctx.locale()).to_string(),
                organisation: organisation.name.clone(),
                address: format!("{}, {} {}", place.street, place.postcode, municipality),
                published: place.published,
                opening: schedule::next_opening(&recurrences, &exceptions, now, HORIZON_DAYS).map(|o| display::opening(&ctx.tr, &o, &zoned)),
            });
        }
    }
    let page = Page { tr: ctx.tr, slug: &group.slug, name: &group.name, lines };
    ctx.render(&format!("{} — {}", ctx.tr.t("network-places-title"), group.name), &page.render()?)
}
