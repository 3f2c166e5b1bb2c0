//! The public "become a volunteer helper" page of an organisation (`/volunteer/{slug}`) and of a
//! group (`/groups/{slug}/volunteer`: the applicant chooses one of its organisations). No account:
//! a name, an e-mail or a phone, the languages spoken, a short message, and consent to being
//! contacted. The form's client id makes a double submit one application.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::{
    i18n::Tr,
    web::{
        AppState,
        error::AppError,
        forms::{Choice, DoneQuery, FieldError, Fields, all, field},
        layout::PageContext,
        response::see_other,
    },
};
use relais_directory::taxonomy::Taxonomy;
use relais_organisations::{groups, model::OrganisationKind, organisations, users};
use uuid::Uuid;

use super::terms;
use crate::journey::{self, NewApplication};

#[derive(Debug, Clone, Default)]
struct Typed {
    organisation: String,
    name: String,
    email: String,
    phone: String,
    languages: Vec<String>,
    message: String,
    consent: bool,
    form_id: String,
}

impl Typed {
    fn read(fields: &Fields) -> Typed {
        let take = |name: &str, n: usize| field(fields, name).trim().chars().take(n).collect::<String>();
        Typed {
            organisation: take("organisation", 80),
            name: take("name", 120),
            email: take("email", 200),
            phone: take("phone", 40),
            languages: all(fields, "languages").into_iter().take(20).collect(),
            message: take("message", 1000),
            consent: !field(fields, "consent").is_empty(),
            form_id: Uuid::parse_str(field(fields, "form_id")).map(|u| u.to_string()).unwrap_or_else(|_| Uuid::new_v4().to_string()),
        }
    }
}

#[derive(Template)]
#[template(path = "apply.html")]
struct ApplyPage<'a> {
    tr: Tr,
    csrf: &'a str,
    /// Where the form posts.
    action: String,
    /// The organisation's or the group's name.
    name: String,
    /// A group's organisations to choose from (empty on an organisation's page).
    organisations: Vec<Choice>,
    charter: Option<String>,
    languages: Vec<Choice>,
    typed: Typed,
    errors: Vec<FieldError>,
    sent: bool,
}

impl ApplyPage<'_> {
    fn error(&self, field: &str) -> Option<String> {
        FieldError::of(&self.errors, field)
    }
}

/// Whom a page recruits for.
enum Recruiter {
    Organisation(organisations::Organisation),
    Group(groups::Group, Vec<groups::CoveredOrganisation>),
}

async fn recruiter_of_organisation(state: &AppState, slug: &str) -> Result<Recruiter, AppError> {
    let organisation = organisations::find_by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
    // A funder does not recruit helpers.
    if organisation.kind == OrganisationKind::Funder.as_str() {
        return Err(AppError::NotFound);
    }
    Ok(Recruiter::Organisation(organisation))
}

async fn recruiter_of_group(state: &AppState, slug: &str) -> Result<Recruiter, AppError> {
    let group = groups::find_by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
    let covered: Vec<groups::CoveredOrganisation> =
        groups::covered_organisations(&state.db, group.id).await?.into_iter().filter(|o| o.kind != OrganisationKind::Funder.as_str()).collect();
    if covered.is_empty() {
        return Err(AppError::NotFound);
    }
    Ok(Recruiter::Group(group, covered))
}

async fn render(state: &AppState, ctx: &PageContext, recruiter: &Recruiter, typed: Typed, errors: Vec<FieldError>, sent: bool, status: StatusCode) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let terms = terms(state).await?;
    let (action, name, organisations, charter) = match recruiter {
        Recruiter::Organisation(o) => {
            let charter = journey::current_charter(&state.db, o.id).await?.map(|c| c.text(tr.locale).to_string());
            (format!("/volunteer/{}", o.slug), o.name.clone(), Vec::new(), charter)
        }
        Recruiter::Group(g, covered) => (
            format!("/groups/{}/volunteer", g.slug),
            g.name.clone(),
            covered.iter().map(|o| Choice { value: o.slug.clone(), label: format!("{} ({})", o.name, o.municipality), checked: typed.organisation == o.slug }).collect(),
            None,
        ),
    };
    let page = ApplyPage {
        tr,
        csrf: &ctx.csrf,
        action,
        name: name.clone(),
        organisations,
        charter,
        languages: terms
            .active(Taxonomy::Language)
            .map(|t| Choice { value: t.code.clone(), label: t.label(tr.locale).to_string(), checked: typed.languages.contains(&t.code) })
            .collect(),
        typed,
        errors,
        sent,
    };
    ctx.render_with_status(status, &format!("{} — {}", tr.t("apply-title"), name), &page.render()?)
}

fn fresh(ctx: &PageContext) -> Typed {
    Typed { languages: vec![ctx.locale().code().to_string()], form_id: Uuid::new_v4().to_string(), ..Typed::default() }
}

/// `GET /volunteer/{slug}`.
pub async fn organisation_page(State(state): State<AppState>, ctx: PageContext, Path(slug): Path<String>, Query(done): Query<DoneQuery>) -> Result<Response, AppError> {
    let recruiter = recruiter_of_organisation(&state, &slug).await?;
    render(&state, &ctx, &recruiter, fresh(&ctx), Vec::new(), done.done == "sent", StatusCode::OK).await
}

/// `GET /groups/{slug}/volunteer`.
pub async fn group_page(State(state): State<AppState>, ctx: PageContext, Path(slug): Path<String>, Query(done): Query<DoneQuery>) -> Result<Response, AppError> {
    let recruiter = recruiter_of_group(&state, &slug).await?;
    render(&state, &ctx, &recruiter, fresh(&ctx), Vec::new(), done.done == "sent", StatusCode::OK).await
}

/// `POST /volunteer/{slug}`.
pub async fn organisation_apply(State(state): State<AppState>, ctx: PageContext, Path(slug): Path<String>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let recruiter = recruiter_of_organisation(&state, &slug).await?;
    submit(&state, &ctx, recruiter, fields).await
}

/// `POST /groups/{slug}/volunteer`.
pub async fn group_apply(State(state): State<AppState>, ctx: PageContext, Path(slug): Path<String>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let recruiter = recruiter_of_group(&state, &slug).await?;
    submit(&state, &ctx, recruiter, fields).await
}

async fn submit(state: &AppState, ctx: &PageContext, recruiter: Recruiter, fields: Fields) -> Result<Response, AppError> {
    let typed = Typed::read(&fields);
    let terms = terms(state).await?;
    let languages: Vec<String> = terms.active(Taxonomy::Language).map(|t| t.code.clone()).collect();
    let mut errors = Vec::new();
    let (organisation, group) = match &recruiter {
        Recruiter::Organisation(o) => (Some(o.id), None),
        Recruiter::Group(g, covered) => (covered.iter().find(|o| o.slug == typed.organisation).map(|o| o.organisation_id), Some(g.id)),
    };
    if organisation.is_none() {
        errors.push(("organisation", "apply-error-organisation"));
    }
    if typed.name.is_empty() {
        errors.push(("name", "apply-error-name"));
    }
    if typed.email.is_empty() && typed.phone.is_empty() {
        errors.push(("email", "apply-error-contact"));
    } else if !typed.email.is_empty() && !users::is_plausible_email(&typed.email) {
        errors.push(("email", "apply-error-email"));
    }
    if typed.languages.iter().any(|l| !languages.contains(l)) {
        errors.push(("languages", "apply-error-languages"));
    }
    if !typed.consent {
        errors.push(("consent", "apply-error-consent"));
    }
    let (Some(organisation), true) = (organisation, errors.is_empty()) else {
        let errors = errors.into_iter().map(|(field, key)| FieldError { field, message: ctx.tr.t(key) }).collect();
        return render(state, ctx, &recruiter, typed, errors, false, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let id = Uuid::parse_str(&typed.form_id).unwrap_or_else(|_| Uuid::new_v4());
    let new = NewApplication { name: typed.name, email: typed.email, phone: typed.phone, locale: ctx.locale(), languages: typed.languages, message: typed.message };
    journey::apply(&state.db, organisation, group, id, &new, journey::Notify::Yes(&state.config.public_url), state.clock.now()).await?;
    let back = match &recruiter {
        Recruiter::Organisation(o) => format!("/volunteer/{}?done=sent", o.slug),
        Recruiter::Group(g, _) => format!("/groups/{}/volunteer?done=sent", g.slug),
    };
    Ok(see_other(&back).into_response())
}
