//! Collective moments outside the catalogue: the organisation's list and the form.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::db::{FormTable, is_own_row};
use relais_core::web::forms::DoneQuery;
use relais_core::web::response::see_other;
use relais_core::{
    i18n::Tr,
    web::{AppState, error::AppError, layout::PageContext},
};
use relais_directory::{places, taxonomy::Taxonomy};
use relais_organisations::{access::authorise, organisations::Organisation, policy::Action, sessions::CurrentUser};
use uuid::Uuid;

use super::{Choice, FieldError, Fields, all, field, local_date, term_choices, today, vocabulary_choices};
use crate::{
    moments::{self, TypedMoment},
    routes::requests::place_names,
    terms::{self, Terms},
    vocabulary,
};

struct MomentLine {
    when: String,
    kind: String,
    place: String,
    minutes: i64,
    themes: String,
    facilitators: String,
    head_count: i64,
}

struct Count {
    name: &'static str,
    label: String,
    value: String,
}

#[derive(Template)]
#[template(path = "moments.html")]
struct Page<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    lines: Vec<MomentLine>,
    form_id: String,
    kinds: Vec<Choice>,
    places: Vec<Choice>,
    themes: Vec<Choice>,
    held_on: String,
    minutes: String,
    facilitators: String,
    counts: Vec<Count>,
    errors: Vec<FieldError>,
    notice: Option<String>,
}

impl Page<'_> {
    fn error(&self, field: &str) -> Option<String> {
        FieldError::of(&self.errors, field)
    }
}

const COUNT_FIELDS: [(&str, &str); 7] = [
    ("head_count", "moment-head-count"),
    ("age_under_25", "age-band-under-25"),
    ("age_25_44", "age-band-25-44"),
    ("age_45_64", "age-band-45-64"),
    ("age_65_plus", "moment-age-65-plus"),
    ("women", "moment-women"),
    ("men", "moment-men"),
];

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    ctx: &PageContext,
    organisation: &Organisation,
    terms: &Terms,
    typed: TypedMoment,
    errors: Vec<FieldError>,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let names = place_names(state, &tr, organisation.id).await?;
    let lines = moments::of_organisation(&state.db, organisation.id, 100)
        .await?
        .into_iter()
        .map(|m| MomentLine {
            when: local_date(&m.held_on),
            kind: tr.t(vocabulary::key_of(vocabulary::MOMENT_KINDS, &m.kind).unwrap_or("moment-kind-group-help")),
            place: m.place_id.and_then(|p| names.get(&p).cloned()).unwrap_or_default(),
            minutes: m.minutes,
            themes: terms.labels(Taxonomy::Theme, &m.themes, tr.locale),
            facilitators: m.facilitators,
            head_count: m.head_count,
        })
        .collect();
    let mut place_choices = vec![Choice { value: String::new(), label: tr.t("moment-place-none"), checked: typed.place.is_none() }];
    let mut sorted: Vec<(Uuid, String)> = names.into_iter().collect();
    sorted.sort_by(|a, b| a.1.cmp(&b.1));
    place_choices.extend(sorted.into_iter().map(|(id, name)| Choice { checked: typed.place == Some(id), value: id.to_string(), label: name }));
    let page = Page {
        tr,
        csrf: &ctx.csrf,
        organisation,
        lines,
        form_id: Uuid::new_v4().to_string(),
        kinds: vocabulary_choices(&tr, vocabulary::MOMENT_KINDS, std::slice::from_ref(&typed.kind)),
        places: place_choices,
        themes: term_choices(terms, Taxonomy::Theme, tr.locale, &typed.themes),
        held_on: typed.held_on.clone(),
        minutes: typed.minutes.clone(),
        facilitators: typed.facilitators.clone(),
        counts: COUNT_FIELDS.iter().zip(typed.counts.iter()).map(|((name, key), value)| Count { name, label: tr.t(key), value: value.clone() }).collect(),
        errors,
        notice,
    };
    ctx.render_with_status(status, &format!("{} — {}", tr.t("moments-title"), organisation.name), &page.render()?)
}

/// `GET /organisations/{slug}/moments`.
pub async fn page(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(query): Query<DoneQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let terms = terms::terms(&state).await?;
    let typed = TypedMoment { kind: "information-session".into(), held_on: today().to_string(), minutes: "60".into(), ..TypedMoment::default() };
    let notice = (query.done == "created").then(|| ctx.tr.t("moment-created"));
    render(&state, &ctx, &organisation, &terms, typed, Vec::new(), notice, StatusCode::OK).await
}

/// `POST /organisations/{slug}/moments`.
pub async fn create(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let tr = ctx.tr;
    let terms = terms::terms(&state).await?;
    let place = match Uuid::parse_str(field(&fields, "place")).ok() {
        Some(id) => places::find_place(&state.db, id).await?.filter(|p| p.organisation_id == organisation.id).map(|p| p.id),
        None => None,
    };
    let typed = TypedMoment {
        kind: field(&fields, "kind").to_string(),
        place,
        held_on: field(&fields, "held_on").chars().take(20).collect(),
        minutes: field(&fields, "minutes").chars().take(10).collect(),
        themes: all(&fields, "themes"),
        facilitators: field(&fields, "facilitators").chars().take(400).collect(),
        counts: COUNT_FIELDS.map(|(name, _)| field(&fields, name).chars().take(10).collect()),
    };
    let moment = match moments::check(&typed, &terms, today()) {
        Ok(moment) => moment,
        Err(errors) => {
            let errors = errors.iter().map(|e| FieldError { field: e.field(), message: tr.t(e.message_key()) }).collect();
            return render(&state, &ctx, &organisation, &terms, typed, errors, None, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let id = Uuid::parse_str(field(&fields, "id")).unwrap_or_else(|_| Uuid::new_v4());
    if !moments::create(&state.db, id, organisation.id, &moment, Some(user.id)).await? && !is_own_row(&state.db, FormTable::CollectiveMoments, organisation.id, id).await? {
        // The form's id is another organisation's row: recorded as a fresh one.
        moments::create(&state.db, Uuid::new_v4(), organisation.id, &moment, Some(user.id)).await?;
    }
    Ok(see_other(&format!("/organisations/{}/moments?done=created", organisation.slug)).into_response())
}
