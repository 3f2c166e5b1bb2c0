//! `/organisations/{slug}/helpers…`: the list of helpers with the headcount per job family, a
//! helper without an account added, a profile seen and saved, its status changed, and one's own
//! profile (`/helpers/me`). Coordinators and workers see the helpers; coordinators manage them;
//! every helper keeps their own profile and sees nobody else's.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::{
    i18n::{Locale, Tr},
    web::{
        AppState,
        client::ClientAddr,
        error::AppError,
        forms::{Choice, DoneQuery, FieldError, Fields, all, field},
        layout::PageContext,
        response::see_other,
    },
};
use relais_diagnostics::framework::AREAS;
use relais_directory::{places, taxonomy::Taxonomy};
use relais_organisations::{
    access::{authorise, may},
    audit::{self, Event},
    model::Role,
    organisations::{self, Organisation},
    policy::Action,
    sessions::CurrentUser,
};
use uuid::Uuid;

use super::{job_families, terms};
use crate::helpers::{self, Change, Helper, NewHelper, Part, Profile, SKILL_LEVELS, Status, parse_date};

/// One helper in the list.
struct Row {
    id: Uuid,
    name: String,
    family: String,
    status: String,
    active: bool,
    languages: String,
    /// Their role, or "no account yet".
    account: String,
}

/// One job family: helpers active in it and the organisation's headcount.
struct Family {
    label: String,
    active: usize,
    headcount: Option<i64>,
}

#[derive(Template)]
#[template(path = "helpers.html")]
struct ListPage<'a> {
    tr: Tr,
    organisation: &'a Organisation,
    rows: Vec<Row>,
    families: Vec<Family>,
    may_manage: bool,
    notice: Option<String>,
}

fn languages_text(terms: &relais_directory::terms::Terms, codes: &[String], locale: Locale) -> String {
    codes.iter().map(|c| terms.label(Taxonomy::Language, c, locale)).collect::<Vec<_>>().join(", ")
}

fn role_label(tr: &Tr, helper: &Helper) -> String {
    match (helper.user_id, helper.role) {
        (Some(_), Some(role)) => tr.t(role.label_key()),
        (Some(_), None) => tr.t("helper-account-former"),
        (None, _) => tr.t("helper-account-none"),
    }
}

/// `GET /organisations/{slug}/helpers`.
pub async fn list(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(done): Query<DoneQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ViewHelpers).await?;
    helpers::ensure_members(&state.db, organisation.id, state.clock.now()).await?;
    let tr = ctx.tr;
    let terms = terms(&state).await?;
    let list = helpers::list(&state.db, organisation.id).await?;
    let headcounts = helpers::headcounts(&state.db, organisation.id).await?;
    let families = job_families(&terms, &tr, "")
        .into_iter()
        .map(|(code, label)| Family {
            active: list.iter().filter(|h| h.job_family == code && h.status == Status::Active).count(),
            headcount: headcounts.iter().find(|(f, _)| *f == code).map(|(_, n)| *n),
            label,
        })
        .collect();
    let rows = list
        .iter()
        .map(|h| Row {
            id: h.id,
            name: h.name.clone(),
            family: terms.label(Taxonomy::JobFamily, &h.job_family, tr.locale).to_string(),
            status: tr.t(h.status.key()),
            active: h.status == Status::Active,
            languages: languages_text(&terms, &h.languages, tr.locale),
            account: role_label(&tr, h),
        })
        .collect();
    let notice = match done.done.as_str() {
        "headcount" => Some(tr.t("headcount-saved")),
        _ => None,
    };
    let page = ListPage { tr, organisation: &organisation, rows, families, may_manage: may(&user, organisation.id, Action::ManageHelpers), notice };
    ctx.render(&format!("{} — {}", tr.t("helpers-title"), organisation.name), &page.render()?)
}

/// What was typed in a profile or a new helper's form (kept on an error).
#[derive(Debug, Clone, Default)]
struct Typed {
    name: String,
    email: String,
    phone: String,
    job_family: String,
    languages: Vec<String>,
    referent: String,
    started_on: String,
    /// (area code, level as typed)
    skills: Vec<(String, String)>,
    /// "weekday-part"
    available: Vec<String>,
    places: Vec<String>,
    /// The new helper form's client id (a double submit adds one helper).
    form_id: String,
}

impl Typed {
    fn of(profile: &Profile) -> Typed {
        let h = &profile.helper;
        Typed {
            name: h.name.clone(),
            email: h.email.clone(),
            phone: h.phone.clone(),
            job_family: h.job_family.clone(),
            languages: h.languages.clone(),
            referent: h.referent_id.map(|r| r.to_string()).unwrap_or_default(),
            started_on: h.started_on.map(|d| d.to_string()).unwrap_or_default(),
            skills: profile.skills.iter().map(|(a, l)| (a.code().to_string(), l.to_string())).collect(),
            available: profile.availability.iter().map(|(d, p)| format!("{d}-{}", p.code())).collect(),
            places: profile.places.iter().map(Uuid::to_string).collect(),
            form_id: String::new(),
        }
    }

    fn read(fields: &Fields) -> Typed {
        let take = |name: &str, n: usize| field(fields, name).trim().chars().take(n).collect::<String>();
        Typed {
            name: take("name", 120),
            email: take("email", 200),
            phone: take("phone", 40),
            job_family: take("job_family", 40),
            languages: all(fields, "languages").into_iter().take(20).collect(),
            referent: take("referent", 40),
            started_on: take("started_on", 10),
            skills: AREAS.iter().map(|a| (a.code().to_string(), take(&format!("skill_{}", a.code()), 2))).collect(),
            available: all(fields, "available").into_iter().take(21).collect(),
            places: all(fields, "places").into_iter().take(50).collect(),
            form_id: Uuid::parse_str(field(fields, "form_id")).map(|u| u.to_string()).unwrap_or_else(|_| Uuid::new_v4().to_string()),
        }
    }
}

/// A skill's row in the form.
struct SkillRow {
    code: &'static str,
    label: String,
    levels: Vec<Choice>,
}

/// A weekday's row of the availability grid.
struct DayRow {
    label: String,
    /// "Mon": the grid's row header (the full name is its title and in each box's label).
    short: String,
    parts: Vec<(String, String, bool)>,
}

struct HistoryRow {
    status: String,
    reason: String,
    by: String,
    at: String,
}

#[derive(Template)]
#[template(path = "helper.html")]
struct ProfilePage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    id: Uuid,
    name: String,
    email: String,
    /// A member (name and e-mail come from the account) or not yet.
    member: bool,
    account: String,
    status: String,
    own: bool,
    /// Coordinators edit everything; a helper their own languages, skills and times.
    may_manage: bool,
    may_edit: bool,
    typed: Typed,
    families: Vec<Choice>,
    languages: Vec<Choice>,
    referents: Vec<Choice>,
    skills: Vec<SkillRow>,
    days: Vec<DayRow>,
    parts: Vec<String>,
    places: Vec<Choice>,
    statuses: Vec<Choice>,
    history: Vec<HistoryRow>,
    errors: Vec<FieldError>,
    notice: Option<String>,
}

impl ProfilePage<'_> {
    fn error(&self, field: &str) -> Option<String> {
        FieldError::of(&self.errors, field)
    }
}

const SHORT_WEEKDAYS: [&str; 7] = ["weekday-short-1", "weekday-short-2", "weekday-short-3", "weekday-short-4", "weekday-short-5", "weekday-short-6", "weekday-short-7"];

/// The name of a weekday, 1 = Monday.
fn weekday(tr: &Tr, day: u8) -> String {
    let day = jiff::civil::Weekday::from_monday_one_offset(i8::try_from(day).unwrap_or(1)).unwrap_or(jiff::civil::Weekday::Monday);
    tr.t(relais_directory::display::weekday_key(day))
}

fn choice(value: impl Into<String>, label: impl Into<String>, checked: bool) -> Choice {
    Choice { value: value.into(), label: label.into(), checked }
}

/// Who may act on this profile: (own profile, may manage).
async fn access(state: &AppState, user: &CurrentUser, slug: &str, id: Uuid, manage: bool) -> Result<(Organisation, Profile, bool, bool), AppError> {
    let organisation = authorise(state, user, slug, Action::KeepOwnProfile).await?;
    let profile = helpers::find(&state.db, organisation.id, id).await?.ok_or(AppError::NotFound)?;
    let own = profile.helper.user_id == Some(user.id);
    let may_manage = may(user, organisation.id, Action::ManageHelpers);
    if !own {
        authorise(state, user, slug, if manage { Action::ManageHelpers } else { Action::ViewHelpers }).await?;
    }
    Ok((organisation, profile, own, may_manage))
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    ctx: &PageContext,
    organisation: &Organisation,
    profile: &Profile,
    own: bool,
    may_manage: bool,
    typed: Typed,
    errors: Vec<FieldError>,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let terms = terms(state).await?;
    let h = &profile.helper;
    let members = organisations::members_of(&state.db, organisation.id).await?;
    let referents = members
        .iter()
        .filter(|m| m.active && matches!(Role::parse(&m.role), Some(Role::Coordinator | Role::Worker)) && Some(m.user_id) != h.user_id)
        .map(|m| choice(m.user_id.to_string(), m.display_name.clone(), typed.referent == m.user_id.to_string()))
        .collect();
    let places =
        places::places_of(&state.db, organisation.id).await?.iter().map(|p| choice(p.id.to_string(), p.name(tr.locale), typed.places.contains(&p.id.to_string()))).collect();
    let level_of = |code: &str| typed.skills.iter().find(|(a, _)| a == code).map(|(_, l)| l.clone()).unwrap_or_default();
    let page = ProfilePage {
        tr,
        csrf: &ctx.csrf,
        organisation,
        id: h.id,
        name: h.name.clone(),
        email: h.email.clone(),
        member: h.user_id.is_some(),
        account: role_label(&tr, h),
        status: tr.t(h.status.key()),
        own,
        may_manage,
        may_edit: may_manage || own,
        families: job_families(&terms, &tr, &h.job_family).into_iter().map(|(code, label)| choice(code.clone(), label, typed.job_family == code)).collect(),
        languages: terms.active(Taxonomy::Language).map(|t| choice(t.code.clone(), t.label(tr.locale), typed.languages.contains(&t.code))).collect(),
        referents,
        skills: AREAS
            .iter()
            .map(|a| {
                let level = level_of(a.code());
                let mut levels = vec![choice("", tr.t("helper-skill-unrated"), level.is_empty())];
                levels.extend(SKILL_LEVELS.map(|l| choice(l.to_string(), tr.t(helpers::skill_key(l)), level == l.to_string())));
                SkillRow { code: a.code(), label: tr.t(a.key()), levels }
            })
            .collect(),
        days: (1..=7u8)
            .map(|d| DayRow {
                label: weekday(&tr, d),
                short: tr.t(SHORT_WEEKDAYS[usize::from(d.clamp(1, 7) - 1)]),
                parts: Part::ALL
                    .iter()
                    .map(|p| {
                        let value = format!("{d}-{}", p.code());
                        let checked = typed.available.contains(&value);
                        (value, format!("{}, {}", weekday(&tr, d), tr.t(p.key())), checked)
                    })
                    .collect(),
            })
            .collect(),
        parts: Part::ALL.iter().map(|p| tr.t(p.key())).collect(),
        places,
        statuses: Status::ALL.iter().map(|s| choice(s.code(), tr.t(s.key()), *s == h.status)).collect(),
        history: profile
            .history
            .iter()
            .map(|c| HistoryRow {
                status: tr.t(c.status.key()),
                reason: c.reason.clone(),
                by: c.changed_by.clone().unwrap_or_default(),
                at: relais_core::dates::local_datetime(c.changed_at),
            })
            .collect(),
        typed,
        errors,
        notice,
    };
    ctx.render_with_status(status, &format!("{} — {}", h.name, organisation.name), &page.render()?)
}

/// `GET /organisations/{slug}/helpers/{helper}`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path((slug, id)): Path<(String, Uuid)>,
    Query(done): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let (organisation, profile, own, may_manage) = access(&state, &user, &slug, id, false).await?;
    let notice = match done.done.as_str() {
        "saved" => Some(ctx.tr.t("helper-saved")),
        "created" => Some(ctx.tr.t("helper-created")),
        "status" => Some(ctx.tr.t("helper-status-changed")),
        _ => None,
    };
    let typed = Typed::of(&profile);
    render(&state, &ctx, &organisation, &profile, own, may_manage, typed, Vec::new(), notice, StatusCode::OK).await
}

/// `GET /organisations/{slug}/helpers/me`: one's own profile (made if missing).
pub async fn me(State(state): State<AppState>, user: CurrentUser, Path(slug): Path<String>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::KeepOwnProfile).await?;
    helpers::ensure_members(&state.db, organisation.id, state.clock.now()).await?;
    let id = helpers::of_member(&state.db, organisation.id, user.id).await?.ok_or(AppError::NotFound)?;
    Ok(see_other(&format!("/organisations/{}/helpers/{id}", organisation.slug)).into_response())
}

/// Check what was typed; the change, or the errors (field, message key).
fn check(typed: &Typed, families: &[String], languages: &[String], referents: &[Uuid], places: &[Uuid]) -> Result<Change, Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    if !families.contains(&typed.job_family) {
        errors.push(("job_family", "helper-error-family"));
    }
    if typed.languages.iter().any(|l| !languages.contains(l)) {
        errors.push(("languages", "helper-error-languages"));
    }
    let referent = match typed.referent.as_str() {
        "" => None,
        r => match Uuid::parse_str(r).ok().filter(|r| referents.contains(r)) {
            Some(r) => Some(r),
            None => {
                errors.push(("referent", "helper-error-referent"));
                None
            }
        },
    };
    let started_on = match typed.started_on.as_str() {
        "" => None,
        s => match parse_date(s) {
            Some(d) => Some(d),
            None => {
                errors.push(("started_on", "helper-error-date"));
                None
            }
        },
    };
    let mut skills = Vec::new();
    for area in AREAS {
        let level = typed.skills.iter().find(|(a, _)| a == area.code()).map(|(_, l)| l.as_str()).unwrap_or("");
        if level.is_empty() {
            continue;
        }
        match level.parse::<i64>().ok().filter(|l| SKILL_LEVELS.contains(l)) {
            Some(l) => skills.push((area, l)),
            None => errors.push(("skills", "helper-error-skill")),
        }
    }
    let mut availability = Vec::new();
    for slot in &typed.available {
        let parsed = slot.split_once('-').and_then(|(d, p)| Some((d.parse::<u8>().ok().filter(|d| (1..=7).contains(d))?, Part::parse(p)?)));
        match parsed {
            Some(slot) if !availability.contains(&slot) => availability.push(slot),
            Some(_) => {}
            None => {
                errors.push(("available", "helper-error-available"));
                break;
            }
        }
    }
    let mut chosen = Vec::new();
    for place in &typed.places {
        match Uuid::parse_str(place).ok().filter(|p| places.contains(p)) {
            Some(p) if !chosen.contains(&p) => chosen.push(p),
            Some(_) => {}
            None => {
                errors.push(("places", "helper-error-places"));
                break;
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Change { job_family: typed.job_family.clone(), languages: typed.languages.clone(), referent_id: referent, started_on, contact: None, skills, availability, places: chosen })
}

/// A plausible e-mail address (or none).
fn email_ok(email: &str) -> bool {
    email.is_empty() || (email.len() <= 200 && email.split_once('@').is_some_and(|(a, d)| !a.is_empty() && d.contains('.') && !email.contains(char::is_whitespace)))
}

/// `POST /organisations/{slug}/helpers/{helper}`.
pub async fn save(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path((slug, id)): Path<(String, Uuid)>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let (organisation, profile, own, may_manage) = access(&state, &user, &slug, id, true).await?;
    let h = &profile.helper;
    let mut typed = Typed::read(&fields);
    if !may_manage {
        // A helper keeps their languages, skills, times, places and phone; the rest is the
        // coordinator's.
        typed.job_family = h.job_family.clone();
        typed.referent = h.referent_id.map(|r| r.to_string()).unwrap_or_default();
        typed.started_on = h.started_on.map(|d| d.to_string()).unwrap_or_default();
        typed.name = h.name.clone();
        typed.email = h.email.clone();
    }
    if h.user_id.is_some() {
        typed.name = h.name.clone();
        typed.email = h.email.clone();
    }
    let terms = terms(&state).await?;
    let families: Vec<String> = job_families(&terms, &ctx.tr, &h.job_family).into_iter().map(|(c, _)| c).collect();
    let languages: Vec<String> = terms.every(Taxonomy::Language).map(|t| t.code.clone()).collect();
    let referents: Vec<Uuid> = organisations::members_of(&state.db, organisation.id)
        .await?
        .iter()
        .filter(|m| m.active && matches!(Role::parse(&m.role), Some(Role::Coordinator | Role::Worker)) && Some(m.user_id) != h.user_id)
        .map(|m| m.user_id)
        .collect();
    let places: Vec<Uuid> = places::places_of(&state.db, organisation.id).await?.iter().map(|p| p.id).collect();
    let mut result = check(&typed, &families, &languages, &referents, &places);
    if h.user_id.is_none() {
        let mut contact_errors = Vec::new();
        if typed.name.is_empty() {
            contact_errors.push(("name", "helper-error-name"));
        }
        if !email_ok(&typed.email) {
            contact_errors.push(("email", "helper-error-email"));
        }
        result = match result {
            Ok(mut change) if contact_errors.is_empty() => {
                change.contact = Some((typed.name.clone(), typed.email.clone(), typed.phone.clone()));
                Ok(change)
            }
            Ok(_) => Err(contact_errors),
            Err(mut errors) => {
                errors.extend(contact_errors);
                Err(errors)
            }
        };
    } else if let Ok(change) = &mut result {
        // A member's phone is kept on the profile (the account has none).
        change.contact = None;
    }
    match result {
        Ok(change) => {
            helpers::save(&state.db, organisation.id, id, &change, state.clock.now()).await?;
            if h.user_id.is_some() {
                helpers::set_phone(&state.db, organisation.id, id, &typed.phone).await?;
            }
            audit::record_or_log(&state.db, Event::new("helper.profile_saved", &client).actor(user.id).organisation(organisation.id).detail(format!("helper={id} own={own}")))
                .await;
            Ok(see_other(&format!("/organisations/{}/helpers/{id}?done=saved", organisation.slug)).into_response())
        }
        Err(errors) => {
            let errors = errors.into_iter().map(|(field, key)| FieldError { field, message: ctx.tr.t(key) }).collect();
            render(&state, &ctx, &organisation, &profile, own, may_manage, typed, errors, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

/// `POST /organisations/{slug}/helpers/{helper}/status`.
pub async fn set_status(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path((slug, id)): Path<(String, Uuid)>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageHelpers).await?;
    let profile = helpers::find(&state.db, organisation.id, id).await?.ok_or(AppError::NotFound)?;
    let reason: String = field(&fields, "reason").trim().chars().take(300).collect();
    let Some(status) = Status::parse(field(&fields, "status")) else {
        let errors = vec![FieldError { field: "status", message: ctx.tr.t("helper-error-status") }];
        let typed = Typed::of(&profile);
        let own = profile.helper.user_id == Some(user.id);
        return render(&state, &ctx, &organisation, &profile, own, true, typed, errors, None, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    // The same status again (a double submit) changes nothing.
    if helpers::set_status(&state.db, organisation.id, id, status, &reason, user.id, state.clock.now()).await? {
        audit::record_or_log(
            &state.db,
            Event::new("helper.status_changed", &client).actor(user.id).organisation(organisation.id).detail(format!("helper={id} status={}", status.code())),
        )
        .await;
    }
    Ok(see_other(&format!("/organisations/{}/helpers/{id}?done=status", organisation.slug)).into_response())
}

#[derive(Template)]
#[template(path = "helper_new.html")]
struct NewPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    typed: Typed,
    families: Vec<Choice>,
    languages: Vec<Choice>,
    errors: Vec<FieldError>,
}

impl NewPage<'_> {
    fn error(&self, field: &str) -> Option<String> {
        FieldError::of(&self.errors, field)
    }
}

async fn render_new(state: &AppState, ctx: &PageContext, organisation: &Organisation, typed: Typed, errors: Vec<FieldError>, status: StatusCode) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let terms = terms(state).await?;
    let page = NewPage {
        tr,
        csrf: &ctx.csrf,
        organisation,
        families: job_families(&terms, &tr, "").into_iter().map(|(code, label)| choice(code.clone(), label, typed.job_family == code)).collect(),
        languages: terms.active(Taxonomy::Language).map(|t| choice(t.code.clone(), t.label(tr.locale), typed.languages.contains(&t.code))).collect(),
        typed,
        errors,
    };
    ctx.render_with_status(status, &format!("{} — {}", tr.t("helper-new"), organisation.name), &page.render()?)
}

/// `GET /organisations/{slug}/helpers/new`.
pub async fn new_form(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageHelpers).await?;
    let typed = Typed { job_family: "volunteer".into(), languages: vec![ctx.locale().code().into()], form_id: Uuid::new_v4().to_string(), ..Typed::default() };
    render_new(&state, &ctx, &organisation, typed, Vec::new(), StatusCode::OK).await
}

/// `POST /organisations/{slug}/helpers/new`. The form carries a client id (`form_id`): a double
/// submit adds one helper.
pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path(slug): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageHelpers).await?;
    let typed = Typed::read(&fields);
    let terms = terms(&state).await?;
    let families: Vec<String> = job_families(&terms, &ctx.tr, "").into_iter().map(|(c, _)| c).collect();
    let languages: Vec<String> = terms.active(Taxonomy::Language).map(|t| t.code.clone()).collect();
    let mut errors = Vec::new();
    if typed.name.is_empty() {
        errors.push(("name", "helper-error-name"));
    }
    if !email_ok(&typed.email) {
        errors.push(("email", "helper-error-email"));
    }
    if !families.contains(&typed.job_family) {
        errors.push(("job_family", "helper-error-family"));
    }
    if typed.languages.iter().any(|l| !languages.contains(l)) {
        errors.push(("languages", "helper-error-languages"));
    }
    let started_on = parse_date(&typed.started_on);
    if !typed.started_on.is_empty() && started_on.is_none() {
        errors.push(("started_on", "helper-error-date"));
    }
    if !errors.is_empty() {
        let errors = errors.into_iter().map(|(field, key)| FieldError { field, message: ctx.tr.t(key) }).collect();
        return render_new(&state, &ctx, &organisation, typed, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let form_id = Uuid::parse_str(&typed.form_id).ok();
    let new = NewHelper { name: typed.name, email: typed.email, phone: typed.phone, job_family: typed.job_family, languages: typed.languages, started_on };
    let (id, created) = helpers::create(&state.db, organisation.id, form_id, &new, user.id, state.clock.now()).await?;
    if created {
        audit::record_or_log(&state.db, Event::new("helper.created", &client).actor(user.id).organisation(organisation.id).detail(format!("helper={id}"))).await;
    }
    Ok(see_other(&format!("/organisations/{}/helpers/{id}?done=created", organisation.slug)).into_response())
}
