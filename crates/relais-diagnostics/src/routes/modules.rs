//! An organisation publishes its own module in the catalogue (beside the network's, which every
//! organisation reuses): its title, goals, the area and levels it is for, devices, duration,
//! materials, prerequisites and links to learn alone.

use askama::Template;
use axum::{
    Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::web::response::see_other;
use relais_core::{
    i18n::{Locale, Tr},
    web::{AppState, error::AppError, layout::PageContext},
};
use relais_directory::taxonomy::Taxonomy;
use relais_organisations::{access::authorise, organisations::Organisation, policy::Action, sessions::CurrentUser};

use super::{Choice, FieldError, Fields, all, field, translated};
use crate::{
    catalogue::{self, ModuleText, NewModule, Resource, Target},
    framework::{AREAS, Area},
};

/// What was typed (kept on an error).
#[derive(Debug, Clone, Default)]
pub struct TypedModule {
    pub title: String,
    pub summary: String,
    pub goals: String,
    pub materials: String,
    pub prerequisites: String,
    pub resources: String,
    pub area: String,
    pub from: String,
    pub to: String,
    pub theme: String,
    pub devices: Vec<String>,
    pub languages: Vec<String>,
    pub minutes: String,
    pub meetings: String,
}

#[derive(Template)]
#[template(path = "module_new.html")]
struct NewPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    typed: TypedModule,
    areas: Vec<Choice>,
    levels_from: Vec<Choice>,
    levels_to: Vec<Choice>,
    themes: Vec<Choice>,
    devices: Vec<Choice>,
    languages: Vec<Choice>,
    own: Vec<(String, String)>,
    errors: Vec<FieldError>,
}

impl NewPage<'_> {
    fn error(&self, field: &str) -> Option<String> {
        FieldError::of(&self.errors, field)
    }
}

fn choice(value: &str, label: String, checked: bool) -> Choice {
    Choice { value: value.to_string(), label, checked, path: "" }
}

async fn render(state: &AppState, ctx: &PageContext, organisation: &Organisation, typed: TypedModule, errors: Vec<FieldError>, status: StatusCode) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let terms = relais_directory::terms::terms(state).await?;
    let own = catalogue::own(&state.db, organisation.id).await?.iter().map(|m| (m.code.clone(), m.text(tr.locale).title.clone())).collect();
    let levels = |selected: &str, range: std::ops::RangeInclusive<u8>| range.map(|l| choice(&l.to_string(), l.to_string(), selected == l.to_string())).collect::<Vec<_>>();
    let page = NewPage {
        tr,
        csrf: &ctx.csrf,
        organisation,
        areas: AREAS.iter().map(|a| choice(a.code(), tr.t(a.key()), typed.area == a.code())).collect(),
        levels_from: levels(&typed.from, 0..=3),
        levels_to: levels(&typed.to, 1..=4),
        themes: terms.active(Taxonomy::Theme).map(|t| choice(&t.code, t.label(tr.locale).to_string(), typed.theme == t.code)).collect(),
        devices: [("smartphone", "device-smartphone"), ("tablet", "device-tablet"), ("pc", "device-pc")]
            .iter()
            .map(|(v, k)| choice(v, tr.t(k), typed.devices.iter().any(|d| d == v)))
            .collect(),
        languages: Locale::ALL.iter().map(|l| choice(l.code(), l.endonym().to_string(), typed.languages.iter().any(|x| x == l.code()))).collect(),
        own,
        typed,
        errors,
    };
    ctx.render_with_status(status, &format!("{} — {}", tr.t("module-new"), organisation.name), &page.render()?)
}

/// `GET /organisations/{slug}/modules`.
pub async fn new_form(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageWorkshops).await?;
    let typed = TypedModule {
        area: "device".into(),
        from: "0".into(),
        to: "1".into(),
        theme: "smartphone".into(),
        devices: vec!["smartphone".into()],
        languages: vec![ctx.locale().code().into()],
        minutes: "120".into(),
        meetings: "1".into(),
        ..TypedModule::default()
    };
    render(&state, &ctx, &organisation, typed, Vec::new(), StatusCode::OK).await
}

/// Check the form; the module, or the errors (field, message key).
pub fn check(typed: &TypedModule, language: &str, themes: &[String]) -> Result<NewModule, Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    if typed.title.trim().is_empty() {
        errors.push(("title", "module-error-title"));
    }
    if typed.summary.trim().is_empty() {
        errors.push(("summary", "module-error-summary"));
    }
    let goals: Vec<String> = typed.goals.lines().map(str::trim).filter(|g| !g.is_empty()).map(str::to_string).take(10).collect();
    if goals.is_empty() {
        errors.push(("goals", "module-error-goals"));
    }
    let mut resources = Vec::new();
    for line in typed.resources.lines().map(str::trim).filter(|l| !l.is_empty()).take(10) {
        let (title, url) = line.rsplit_once(' ').unwrap_or(("", line));
        let url = url.trim();
        if !url.starts_with("https://") || url.len() < 12 || url.contains(char::is_whitespace) {
            errors.push(("resources", "module-error-resources"));
            break;
        }
        let title = title.trim().trim_end_matches(['|', '-', ':']).trim();
        resources.push(Resource { title: if title.is_empty() { url.to_string() } else { title.to_string() }, url: url.to_string() });
    }
    let area = Area::parse(&typed.area);
    let from = typed.from.parse::<u8>().ok().filter(|l| *l <= 3);
    let to = typed.to.parse::<u8>().ok().filter(|l| *l <= 4);
    let target = match (area, from, to) {
        (Some(area), Some(from), Some(to)) if from < to => Some(Target { area, from, to }),
        _ => {
            errors.push(("area", "module-error-levels"));
            None
        }
    };
    if !themes.contains(&typed.theme) {
        errors.push(("theme", "module-error-theme"));
    }
    if typed.devices.is_empty() {
        errors.push(("devices", "module-error-devices"));
    }
    if typed.languages.is_empty() {
        errors.push(("languages", "module-error-languages"));
    }
    let minutes = typed.minutes.trim().parse::<i64>().ok().filter(|m| (15..=480).contains(m));
    let meetings = typed.meetings.trim().parse::<i64>().ok().filter(|m| (1..=26).contains(m));
    if minutes.is_none() || meetings.is_none() {
        errors.push(("minutes", "module-error-duration"));
    }
    let (Some(target), Some(minutes), Some(meetings), true) = (target, minutes, meetings, errors.is_empty()) else { return Err(errors) };
    Ok(NewModule {
        language: language.to_string(),
        text: ModuleText {
            title: typed.title.trim().to_string(),
            summary: typed.summary.trim().to_string(),
            goals,
            materials: typed.materials.trim().to_string(),
            prerequisites: typed.prerequisites.trim().to_string(),
            resources,
        },
        themes: vec![typed.theme.clone()],
        devices: typed.devices.clone(),
        languages: typed.languages.clone(),
        minutes,
        meetings,
        target,
    })
}

/// `POST /organisations/{slug}/modules`.
pub async fn create(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageWorkshops).await?;
    let tr = ctx.tr;
    let take = |name: &str, n: usize| field(&fields, name).chars().take(n).collect::<String>();
    let typed = TypedModule {
        title: take("title", 120),
        summary: take("summary", 400),
        goals: take("goals", 1500),
        materials: take("materials", 400),
        prerequisites: take("prerequisites", 400),
        resources: take("resources", 2000),
        area: take("area", 20),
        from: take("from", 2),
        to: take("to", 2),
        theme: take("theme", 40),
        devices: all(&fields, "devices").into_iter().filter(|d| ["smartphone", "tablet", "pc"].contains(&d.as_str())).collect(),
        languages: all(&fields, "languages").into_iter().filter(|l| Locale::ALL.iter().any(|x| x.code() == l)).collect(),
        minutes: take("minutes", 5),
        meetings: take("meetings", 3),
    };
    let terms = relais_directory::terms::terms(&state).await?;
    let themes: Vec<String> = terms.active(Taxonomy::Theme).map(|t| t.code.clone()).collect();
    match check(&typed, ctx.locale().code(), &themes) {
        Ok(new) => {
            let code = catalogue::create(&state.db, organisation.id, &organisation.slug, &new).await?;
            Ok(see_other(&format!("/catalogue/{code}")).into_response())
        }
        Err(errors) => {
            let errors = translated(&tr, errors);
            render(&state, &ctx, &organisation, typed, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}
