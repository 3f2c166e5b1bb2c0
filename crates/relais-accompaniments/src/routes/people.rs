//! People: the list, a new record (with the consent record and a duplicate warning), a person's
//! history, their export (JSON) and erasure. Only within the organisation, only for the roles
//! the policy allows.

use askama::Template;
use axum::{
    Form, Json,
    extract::{Path, Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use relais_core::db::{FormTable, is_own_row};
use relais_core::web::response::see_other;
use relais_core::{
    i18n::Tr,
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use relais_directory::taxonomy::Taxonomy;
use relais_organisations::{
    access::authorise,
    audit::{self, Event},
    organisations::Organisation,
    policy::{self, Action, Decision},
    sessions::{self, CurrentUser},
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Choice, FieldError, Fields, all, field, local_datetime, term_choices, vocabulary_choices};
use crate::{
    log,
    people::{self, Person, TypedPerson},
    redirections,
    routes::requests::{Line, line, place_names},
    terms::{self, Terms},
    vocabulary,
};

struct PersonLine {
    id: Uuid,
    pseudonym: String,
    details: String,
    last_activity: String,
}

fn details(person: &Person, terms: &Terms, tr: &Tr) -> String {
    let mut parts = vec![tr.t(vocabulary::key_of(vocabulary::AGE_BANDS, &person.age_band).unwrap_or("age-band-unknown"))];
    if !person.postcode.is_empty() {
        parts.push(person.postcode.clone());
    }
    parts.push(tr.t(vocabulary::key_of(vocabulary::PERSON_LANGUAGES, &person.language).unwrap_or("person-language-other")));
    if !person.situations.is_empty() {
        parts.push(terms.labels(Taxonomy::Public, &person.situations, tr.locale));
    }
    parts.join(" · ")
}

#[derive(Template)]
#[template(path = "people.html")]
struct ListPage<'a> {
    tr: Tr,
    organisation: &'a Organisation,
    query: String,
    people: Vec<PersonLine>,
    notice: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    done: String,
}

/// `GET /organisations/{slug}/people`.
pub async fn list(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(query): Query<ListQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ViewPeople).await?;
    let tr = ctx.tr;
    let terms = terms::terms(&state).await?;
    let people = people::list(&state.db, organisation.id, &query.q, 100)
        .await?
        .iter()
        .map(|p| PersonLine { id: p.id, pseudonym: p.pseudonym.clone(), details: details(p, &terms, &tr), last_activity: local_datetime(p.last_activity_at) })
        .collect();
    let page = ListPage { tr, organisation: &organisation, query: query.q.chars().take(60).collect(), people, notice: (query.done == "erased").then(|| tr.t("person-erased")) };
    ctx.render(&format!("{} — {}", tr.t("people-title"), organisation.name), &page.render()?)
}

#[derive(Template)]
#[template(path = "person_new.html")]
struct NewPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    form_id: String,
    typed: TypedPerson,
    age_bands: Vec<Choice>,
    genders: Vec<Choice>,
    languages: Vec<Choice>,
    situations: Vec<Choice>,
    consent: Vec<Choice>,
    errors: Vec<FieldError>,
    duplicates: Vec<PersonLine>,
}

impl NewPage<'_> {
    fn error(&self, field: &str) -> Option<String> {
        FieldError::of(&self.errors, field)
    }
}

#[allow(clippy::too_many_arguments)]
fn render_new(
    ctx: &PageContext,
    organisation: &Organisation,
    form_id: String,
    typed: TypedPerson,
    terms: &Terms,
    errors: Vec<FieldError>,
    duplicates: Vec<PersonLine>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let one = |v: &str| vec![v.to_string()];
    let page = NewPage {
        tr,
        csrf: &ctx.csrf,
        organisation,
        form_id,
        age_bands: vocabulary_choices(&tr, vocabulary::AGE_BANDS, &one(if typed.age_band.is_empty() { "unknown" } else { &typed.age_band })),
        genders: vocabulary_choices(&tr, vocabulary::GENDERS, &one(if typed.gender.is_empty() { "unspecified" } else { &typed.gender })),
        languages: vocabulary_choices(&tr, vocabulary::PERSON_LANGUAGES, &one(if typed.language.is_empty() { tr.locale.code() } else { &typed.language })),
        situations: term_choices(terms, Taxonomy::Public, tr.locale, &typed.situations).into_iter().filter(|c| c.value != "everyone").collect(),
        consent: vocabulary_choices(&tr, vocabulary::CONSENT_TOPICS, &typed.consent_topics),
        typed,
        errors,
        duplicates,
    };
    let title =
        if page.errors.is_empty() && page.duplicates.is_empty() { tr.t("person-new-title") } else { format!("{} — {}", tr.t("form-has-errors"), tr.t("person-new-title")) };
    ctx.render_with_status(status, &title, &page.render()?)
}

/// `GET /organisations/{slug}/people/new`.
pub async fn new_form(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ViewPeople).await?;
    let terms = terms::terms(&state).await?;
    render_new(&ctx, &organisation, Uuid::new_v4().to_string(), TypedPerson::default(), &terms, Vec::new(), Vec::new(), StatusCode::OK)
}

/// `POST /organisations/{slug}/people/new`.
pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path(slug): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ViewPeople).await?;
    let tr = ctx.tr;
    let terms = terms::terms(&state).await?;
    let typed = TypedPerson {
        pseudonym: field(&fields, "pseudonym").chars().take(200).collect(),
        age_band: field(&fields, "age_band").to_string(),
        gender: field(&fields, "gender").to_string(),
        postcode: field(&fields, "postcode").chars().take(20).collect(),
        language: field(&fields, "language").to_string(),
        situations: all(&fields, "situations"),
        consent_topics: all(&fields, "consent_topics"),
    };
    let form_id = Uuid::parse_str(field(&fields, "id")).unwrap_or_else(|_| Uuid::new_v4());
    // A repeated submit of a form already saved goes to the person.
    if people::find(&state.db, organisation.id, form_id).await?.is_some() {
        return Ok(see_other(&format!("/organisations/{}/people/{form_id}", organisation.slug)).into_response());
    }
    let checked = match people::check(&typed, &terms) {
        Ok(checked) => checked,
        Err(errors) => {
            let errors = errors.iter().map(|e| FieldError { field: e.field(), message: tr.t(e.message_key()) }).collect();
            return render_new(&ctx, &organisation, form_id.to_string(), typed, &terms, errors, Vec::new(), StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    if field(&fields, "not_a_duplicate") != "yes" {
        let duplicates = people::possible_duplicates(&state.db, organisation.id, &checked).await?;
        if !duplicates.is_empty() {
            let lines = duplicates
                .iter()
                .map(|p| PersonLine { id: p.id, pseudonym: p.pseudonym.clone(), details: details(p, &terms, &tr), last_activity: local_datetime(p.last_activity_at) })
                .collect();
            return render_new(&ctx, &organisation, form_id.to_string(), typed, &terms, Vec::new(), lines, StatusCode::CONFLICT);
        }
    }
    let mut form_id = form_id;
    let mut created = people::create(&state.db, form_id, organisation.id, &checked, user.id).await?;
    if !created && !is_own_row(&state.db, FormTable::People, organisation.id, form_id).await? {
        // The form's id is another organisation's record: created as a fresh one.
        form_id = Uuid::new_v4();
        created = people::create(&state.db, form_id, organisation.id, &checked, user.id).await?;
    }
    if created {
        audit::record_or_log(&state.db, Event::new("person.created", &client).actor(user.id).organisation(organisation.id).object(form_id.to_string())).await;
    }
    Ok(see_other(&format!("/organisations/{}/people/{form_id}", organisation.slug)).into_response())
}

#[derive(Template)]
#[template(path = "person.html")]
struct PersonPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    person: &'a Person,
    details: String,
    gender: String,
    consent: Vec<String>,
    consent_at: String,
    consent_by: String,
    created_at: String,
    history: Vec<Line>,
    follow_ups: Vec<Line>,
    may_erase: bool,
    erase_error: Option<String>,
}

async fn person_page(
    state: &AppState,
    ctx: &PageContext,
    user: &CurrentUser,
    organisation: &Organisation,
    id: Uuid,
    erase_error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let person = people::find(&state.db, organisation.id, id).await?.ok_or(AppError::NotFound)?;
    let tr = ctx.tr;
    let terms = terms::terms(state).await?;
    let places = place_names(state, &tr, organisation.id).await?;
    let names = std::collections::HashMap::from([(person.id, person.pseudonym.clone())]);
    let rows = log::of_person(&state.db, organisation.id, person.id).await?;
    let today = super::today().to_string();
    let history: Vec<Line> = rows.iter().map(|a| line(a, &terms, &tr, &places, &names)).collect();
    let follow_ups = rows.iter().filter(|a| a.follow_up_on.as_deref().is_some_and(|d| d >= today.as_str())).map(|a| line(a, &terms, &tr, &places, &names)).collect();
    let consent_by = match person.consent_by {
        Some(by) => sessions::user_by_id(&state.db, by).await?.map(|u| u.display_name).unwrap_or_default(),
        None => String::new(),
    };
    let page = PersonPage {
        tr,
        csrf: &ctx.csrf,
        organisation,
        details: details(&person, &terms, &tr),
        gender: tr.t(vocabulary::key_of(vocabulary::GENDERS, &person.gender).unwrap_or("gender-unspecified")),
        consent: person.consent_topics.split_whitespace().filter_map(|c| vocabulary::key_of(vocabulary::CONSENT_TOPICS, c)).map(|k| tr.t(k)).collect(),
        consent_at: local_datetime(person.consent_at),
        consent_by,
        created_at: local_datetime(person.created_at),
        history,
        follow_ups,
        may_erase: policy::decide(user, organisation.id, Action::ErasePeople) == Decision::Allowed,
        erase_error,
        person: &person,
    };
    ctx.render_with_status(status, &format!("{} — {}", person.pseudonym, tr.t("people-title")), &page.render()?)
}

fn person_id(id: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(id).map_err(|_| AppError::NotFound)
}

/// `GET /organisations/{slug}/people/{person}`: the person and their history.
pub async fn show(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path((slug, id)): Path<(String, String)>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ViewPeople).await?;
    person_page(&state, &ctx, &user, &organisation, person_id(&id)?, None, StatusCode::OK).await
}

/// Everything Relais holds about a person, as handed to them.
#[derive(Serialize)]
struct Export<'a> {
    organisation: &'a str,
    person: &'a Person,
    requests: Vec<ExportedRequest>,
}

#[derive(Serialize)]
struct ExportedRequest {
    id: Uuid,
    started_at: String,
    minutes: i64,
    setting: String,
    themes: Vec<String>,
    online_service: String,
    autonomy: String,
    outcome: String,
    steps: Vec<&'static str>,
    note: String,
    follow_up_on: Option<String>,
    redirections: Vec<ExportedRedirection>,
}

#[derive(Serialize)]
struct ExportedRedirection {
    to: String,
    reason: String,
    status: String,
}

/// `GET /organisations/{slug}/people/{person}/export`: the person's data as JSON (a download).
pub async fn export(State(state): State<AppState>, user: CurrentUser, ClientAddr(client): ClientAddr, Path((slug, id)): Path<(String, String)>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ErasePeople).await?;
    let person = people::find(&state.db, organisation.id, person_id(&id)?).await?.ok_or(AppError::NotFound)?;
    let mut requests = Vec::new();
    for a in log::of_person(&state.db, organisation.id, person.id).await? {
        let redirections = redirections::of_accompaniment(&state.db, organisation.id, a.id)
            .await?
            .into_iter()
            .map(|r| ExportedRedirection { to: r.target_name.or(r.referral_name).unwrap_or_default(), reason: r.reason, status: r.status })
            .collect();
        requests.push(ExportedRequest {
            id: a.id,
            started_at: a.started_at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default(),
            minutes: a.minutes,
            setting: a.setting,
            themes: a.themes.split_whitespace().map(String::from).collect(),
            online_service: a.online_service,
            autonomy: a.autonomy,
            outcome: a.outcome,
            steps: vocabulary::steps_codes(a.steps),
            note: a.note,
            follow_up_on: a.follow_up_on,
            redirections,
        });
    }
    audit::record_or_log(&state.db, Event::new("person.exported", &client).actor(user.id).organisation(organisation.id).object(person.id.to_string())).await;
    let body = Export { organisation: &organisation.name, person: &person, requests };
    Ok(([(header::CONTENT_DISPOSITION, format!("attachment; filename=\"relais-person-{}.json\"", person.id))], Json(body)).into_response())
}

/// `POST /organisations/{slug}/people/{person}/erase` (with `confirm=yes`).
pub async fn erase(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path((slug, id)): Path<(String, String)>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ErasePeople).await?;
    let id = person_id(&id)?;
    if field(&fields, "confirm") != "yes" {
        return person_page(&state, &ctx, &user, &organisation, id, Some(ctx.tr.t("person-erase-confirm-missing")), StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    if !people::erase(&state.db, organisation.id, id).await? {
        return Err(AppError::NotFound);
    }
    audit::record_or_log(&state.db, Event::new("person.erased", &client).actor(user.id).organisation(organisation.id).object(id.to_string())).await;
    Ok(see_other(&format!("/organisations/{}/people?done=erased", organisation.slug)).into_response())
}
