//! A helper's workshop pages: the organisation's workshops, planning one (one meeting or a weekly
//! series), its participants and waiting list, registering someone, cancelling, attendance taken
//! on a phone, the demand for modules and the call list of a group opened on demand.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use jiff::civil::{Date, Time};
use relais_core::db::{FormTable, is_own_row};
use relais_core::web::forms::DoneQuery;
use relais_core::web::response::see_other;
use relais_core::{
    i18n::Locale,
    i18n::{FluentArg, Tr},
    messages::{self, Channel, MessageTemplate, NewMessage},
    sms,
    web::{AppState, error::AppError, layout::PageContext},
};
use relais_directory::{places, schedule};
use relais_organisations::{
    access::authorise,
    organisations::Organisation,
    policy::{self, Action, Decision},
    sessions::CurrentUser,
};
use relais_people::people;
use serde::Deserialize;
use time::OffsetDateTime;
use uuid::Uuid;

use super::{
    Choice, FieldError, Fields, field,
    present::{self, WorkshopLine},
    translated,
};
use crate::{
    catalogue::{self, Module},
    demand::{self, NewRequest},
    workshops::{self, Cancellation, NewRegistration, NewWorkshop, Placed, Status, Workshop},
};

/// Options of a select.
fn select(values: impl IntoIterator<Item = (String, String)>, selected: &str) -> Vec<Choice> {
    values.into_iter().map(|(value, label)| Choice { checked: value == selected, value, label, path: "" }).collect()
}

fn device_choices(tr: &Tr, selected: &str) -> Vec<Choice> {
    select([("smartphone", "device-smartphone"), ("tablet", "device-tablet"), ("pc", "device-pc")].map(|(v, k)| (v.to_string(), tr.t(k))), selected)
}

fn language_choices(selected: &str) -> Vec<Choice> {
    select(relais_core::i18n::Locale::ALL.iter().map(|l| (l.code().to_string(), l.endonym().to_string())), selected)
}

async fn module_choices(state: &AppState, tr: &Tr, organisation: &Organisation, selected: &str) -> Result<(Vec<Module>, Vec<Choice>), AppError> {
    let modules = catalogue::available_to(&state.db, Some(organisation.id)).await?;
    let mut sorted: Vec<(String, String)> = modules.iter().map(|m| (m.id.to_string(), m.text(tr.locale).title.clone())).collect();
    sorted.sort_by(|a, b| a.1.cmp(&b.1));
    let mut choices = vec![Choice { value: String::new(), label: tr.t("workshop-choose-module"), checked: selected.is_empty(), path: "" }];
    choices.extend(select(sorted, selected));
    Ok((modules, choices))
}

async fn place_choices(state: &AppState, tr: &Tr, organisation: &Organisation, selected: &str) -> Result<Vec<Choice>, AppError> {
    let places = places::places_of(&state.db, organisation.id).await?;
    let mut choices = vec![Choice { value: String::new(), label: tr.t("workshop-place-none"), checked: selected.is_empty(), path: "" }];
    choices.extend(select(places.iter().map(|p| (p.id.to_string(), p.name(tr.locale).to_string())), selected));
    Ok(choices)
}

fn href(organisation: &Organisation, w: &Workshop) -> String {
    format!("/organisations/{}/workshops/{}", organisation.slug, w.id)
}

// ───────────────────────────── the list ─────────────────────────────

#[derive(Template)]
#[template(path = "workshops.html")]
struct ListPage<'a> {
    tr: Tr,
    organisation: &'a Organisation,
    upcoming: Vec<WorkshopLine>,
    may_manage: bool,
}

/// `GET /organisations/{slug}/workshops`.
pub async fn list(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let tr = ctx.tr;
    let since = OffsetDateTime::now_utc() - time::Duration::days(30);
    let list = workshops::of_organisation(&state.db, organisation.id, since, 200).await?;
    let modules = catalogue::available_to(&state.db, Some(organisation.id)).await?;
    let places = present::places_of(&state.db, &list).await?;
    let upcoming =
        list.iter().map(|w| present::line(&tr, w, modules.iter().find(|m| m.id == w.module_id), w.place_id.and_then(|p| places.get(&p)), href(&organisation, w), None)).collect();
    let may_manage = policy::decide(&user, organisation.id, Action::ManageWorkshops) == Decision::Allowed;
    let page = ListPage { tr, organisation: &organisation, upcoming, may_manage };
    ctx.render(&format!("{} — {}", tr.t("workshops-title"), organisation.name), &page.render()?)
}

// ───────────────────────────── planning ─────────────────────────────

/// What was typed in the planning form (kept on an error).
#[derive(Debug, Clone, Default)]
pub struct TypedWorkshop {
    pub module: String,
    pub place: String,
    pub date: String,
    pub start: String,
    pub end: String,
    pub weeks: String,
    pub capacity: String,
    pub language: String,
    pub device: String,
    pub facilitators: String,
    pub demand: bool,
}

#[derive(Template)]
#[template(path = "workshop_new.html")]
struct NewPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    form_id: String,
    typed: TypedWorkshop,
    modules: Vec<Choice>,
    places: Vec<Choice>,
    languages: Vec<Choice>,
    devices: Vec<Choice>,
    errors: Vec<FieldError>,
    waiting: i64,
    waiting_text: String,
}

impl NewPage<'_> {
    fn error(&self, field: &str) -> Option<String> {
        FieldError::of(&self.errors, field)
    }
}

#[derive(Debug, Deserialize, Default)]
pub struct NewQuery {
    #[serde(default)]
    module: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    demand: String,
}

async fn render_new(
    state: &AppState,
    ctx: &PageContext,
    organisation: &Organisation,
    typed: TypedWorkshop,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let (modules_list, modules) = module_choices(state, &tr, organisation, &typed.module).await?;
    let _ = modules_list;
    let places = place_choices(state, &tr, organisation, &typed.place).await?;
    let waiting = if typed.demand {
        let module = Uuid::parse_str(&typed.module).ok();
        let place = Uuid::parse_str(&typed.place).ok();
        demand::waiting(&state.db, organisation.id).await?.into_iter().find(|w| Some(w.module_id) == module && w.place_id == place).map_or(0, |w| w.count)
    } else {
        0
    };
    let page = NewPage {
        tr,
        csrf: &ctx.csrf,
        organisation,
        form_id: Uuid::new_v4().to_string(),
        languages: language_choices(&typed.language),
        devices: device_choices(&tr, &typed.device),
        typed,
        modules,
        places,
        errors,
        waiting,
        waiting_text: tr.t_args("workshop-new-demand", &[("count", FluentArg::Number(waiting as f64))]),
    };
    ctx.render_with_status(status, &format!("{} — {}", tr.t("workshop-new"), organisation.name), &page.render()?)
}

/// `GET /organisations/{slug}/workshops/new`.
pub async fn new_form(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(query): Query<NewQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageWorkshops).await?;
    let typed = TypedWorkshop {
        module: query.module,
        place: query.place,
        start: "09:30".into(),
        end: "12:00".into(),
        weeks: "1".into(),
        capacity: "8".into(),
        language: ctx.locale().code().into(),
        device: "smartphone".into(),
        demand: query.demand == "1",
        ..TypedWorkshop::default()
    };
    render_new(&state, &ctx, &organisation, typed, Vec::new(), StatusCode::OK).await
}

fn instant(date: Date, time: Time) -> Option<OffsetDateTime> {
    let zoned = date.to_datetime(time).to_zoned(schedule::zone()).ok()?;
    OffsetDateTime::from_unix_timestamp(zoned.timestamp().as_second()).ok()
}

/// Check the planning form; the workshop, or the errors (message keys).
pub fn check(typed: &TypedWorkshop, modules: &[Module], places: &[Uuid], today: Date) -> Result<NewWorkshop, Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    let module = Uuid::parse_str(&typed.module).ok().filter(|id| modules.iter().any(|m| m.id == *id));
    if module.is_none() {
        errors.push(("module", "workshop-error-module"));
    }
    let place = match typed.place.as_str() {
        "" => None,
        p => match Uuid::parse_str(p).ok().filter(|id| places.contains(id)) {
            Some(id) => Some(id),
            None => {
                errors.push(("place", "workshop-error-place"));
                None
            }
        },
    };
    let date = typed.date.parse::<Date>().ok().filter(|d| *d >= today && *d <= today.saturating_add(jiff::Span::new().years(2)));
    if date.is_none() {
        errors.push(("date", "workshop-error-date"));
    }
    let start = typed.start.parse::<Time>().ok();
    let end = typed.end.parse::<Time>().ok();
    if start.is_none() || end.is_none() || start >= end {
        errors.push(("start", "workshop-error-hours"));
    }
    let weeks = typed.weeks.trim().parse::<i64>().ok().filter(|w| (1..=26).contains(w));
    if weeks.is_none() {
        errors.push(("weeks", "workshop-error-weeks"));
    }
    let capacity = typed.capacity.trim().parse::<i64>().ok().filter(|c| (1..=100).contains(c));
    if capacity.is_none() {
        errors.push(("capacity", "workshop-error-capacity"));
    }
    if !relais_core::i18n::Locale::ALL.iter().any(|l| l.code() == typed.language) {
        errors.push(("language", "workshop-error-language"));
    }
    if !["smartphone", "tablet", "pc"].contains(&typed.device.as_str()) {
        errors.push(("device", "workshop-error-device"));
    }
    let (Some(module), Some(date), Some(start), Some(end), Some(weeks), Some(capacity), true) = (module, date, start, end, weeks, capacity, errors.is_empty()) else {
        return Err(errors);
    };
    let mut meetings = Vec::new();
    for week in 0..weeks {
        let day = date.saturating_add(jiff::Span::new().weeks(week));
        match (instant(day, start), instant(day, end)) {
            (Some(s), Some(e)) => meetings.push((s, e)),
            _ => return Err(vec![("date", "workshop-error-date")]),
        }
    }
    Ok(NewWorkshop {
        module_id: module,
        place_id: place,
        language: typed.language.clone(),
        device: typed.device.clone(),
        capacity,
        facilitators: typed.facilitators.clone(),
        meetings,
    })
}

fn today() -> Date {
    jiff::Zoned::now().with_time_zone(schedule::zone()).date()
}

/// `POST /organisations/{slug}/workshops/new`.
pub async fn create(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageWorkshops).await?;
    let tr = ctx.tr;
    let take = |name: &str, n: usize| field(&fields, name).trim().chars().take(n).collect::<String>();
    let typed = TypedWorkshop {
        module: take("module", 40),
        place: take("place", 40),
        date: take("date", 12),
        start: take("start", 8),
        end: take("end", 8),
        weeks: take("weeks", 4),
        capacity: take("capacity", 5),
        language: take("language", 4),
        device: take("device", 12),
        facilitators: take("facilitators", 300),
        demand: field(&fields, "demand") == "1",
    };
    let modules = catalogue::available_to(&state.db, Some(organisation.id)).await?;
    let places: Vec<Uuid> = places::places_of(&state.db, organisation.id).await?.into_iter().map(|p| p.id).collect();
    let new = match check(&typed, &modules, &places, today()) {
        Ok(new) => new,
        Err(errors) => {
            let errors = translated(&tr, errors);
            return render_new(&state, &ctx, &organisation, typed, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let mut id = Uuid::parse_str(field(&fields, "id")).unwrap_or_else(|_| Uuid::new_v4());
    let mut created = workshops::create(&state.db, id, organisation.id, &new).await?;
    if !created && !is_own_row(&state.db, FormTable::Workshops, organisation.id, id).await? {
        // The form's id is another organisation's workshop: planned as a fresh one.
        id = Uuid::new_v4();
        created = workshops::create(&state.db, id, organisation.id, &new).await?;
    }
    let mut notice = "created";
    if created && typed.demand {
        // a group opened on demand: the people waiting are invited
        let invited = demand::invite(&state.db, organisation.id, new.module_id, new.place_id, id).await?;
        if let (Some(workshop), Some(module)) = (workshops::find(&state.db, id).await?, modules.iter().find(|m| m.id == new.module_id)) {
            let place = match new.place_id {
                Some(p) => places::find_place(&state.db, p).await?,
                None => None,
            };
            let locale = Locale::parse(&workshop.language).unwrap_or(tr.locale);
            for r in &invited {
                for message in invitations(locale, &state, &organisation, &workshop, module, place.as_ref(), r) {
                    messages::queue(&state.db, &message, state.clock.now()).await?;
                }
            }
        }
        notice = "invited";
    }
    Ok(see_other(&format!("/organisations/{}/workshops/{id}?done={notice}", organisation.slug)).into_response())
}

/// The messages inviting someone who asked for the module, in the workshop's language: an
/// e-mail when they gave an address, else an SMS when they gave a mobile number (and a phone to
/// call back is known); whoever gets neither stays on the call list only.
fn invitations(
    locale: Locale,
    state: &AppState,
    organisation: &Organisation,
    w: &Workshop,
    module: &Module,
    place: Option<&places::Place>,
    r: &demand::Request,
) -> Vec<NewMessage> {
    let tr = Tr::new(locale);
    let title = module.text(locale).title.clone();
    let key = |channel: Channel| Some(format!("workshop:{}:invitation:{}:{}", w.id, r.id, channel.code()));
    if !r.email.is_empty() {
        let dates: Vec<String> = w.meetings.iter().map(|m| present::when(&tr, m.starts_at, m.ends_at)).collect();
        let link = format!("{}/workshops/{}", state.config.public_url.trim_end_matches('/'), w.id);
        let args = vec![
            ("name", r.name.clone()),
            ("module", title),
            ("dates", dates.join("\n")),
            ("place", place.map(|p| format!("{} — {}", p.name(locale), present::address(p, &tr))).unwrap_or_default()),
            ("link", link),
        ];
        let template = MessageTemplate::Email { subject: "workshop-invitation-subject", body: "workshop-invitation-body" };
        return vec![NewMessage { organisation: Some(organisation.id), to: r.email.clone(), locale, template, args, key: key(Channel::Email), secret: false }];
    }
    let mobile = sms::belgian_e164(&r.phone).filter(|n| sms::is_belgian_mobile(n));
    let call_back = place.and_then(|p| p.phone.clone()).or_else(|| organisation.phone.clone()).filter(|p| !p.trim().is_empty());
    let (Some(to), Some(phone), Some(first)) = (mobile, call_back, w.meetings.first()) else { return Vec::new() };
    let args = vec![
        ("module", title),
        ("date", relais_core::dates::zoned(first.starts_at).strftime("%d/%m %H:%M").to_string()),
        ("place", place.map(|p| p.name(locale).to_string()).unwrap_or_else(|| organisation.name.clone())),
        ("phone", phone),
    ];
    let args = messages::fit_sms(demand::SMS_WORKSHOP_INVITATION, locale, args, "place");
    vec![NewMessage {
        organisation: Some(organisation.id),
        to,
        locale,
        template: MessageTemplate::Sms(demand::SMS_WORKSHOP_INVITATION),
        args,
        key: key(Channel::Sms),
        secret: false,
    }]
}

// ───────────────────────────── one workshop ─────────────────────────────

pub struct Participant {
    pub id: Uuid,
    pub name: String,
    pub phone: String,
    pub status: String,
    pub waiting: bool,
    pub position: usize,
    pub may_cancel: bool,
}

pub struct MeetingLine {
    pub id: Uuid,
    pub when: String,
}

#[derive(Template)]
#[template(path = "workshop.html")]
struct ShowPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    id: Uuid,
    line: WorkshopLine,
    facilitators: &'a str,
    language: String,
    device: String,
    meetings: Vec<MeetingLine>,
    booked: Vec<Participant>,
    waiting: Vec<Participant>,
    /// Phones shown (a helper who manages participants; a volunteer sees first names only).
    show_contacts: bool,
    people: Vec<Choice>,
    may_view_people: bool,
    may_manage: bool,
    invited: usize,
    form_id: String,
    name: String,
    phone: String,
    email: String,
    errors: Vec<FieldError>,
    notice: Option<String>,
}

impl ShowPage<'_> {
    fn error(&self, field: &str) -> Option<String> {
        FieldError::of(&self.errors, field)
    }
}

/// Whether the helper sees participants in full and may cancel anyone's registration
/// (a volunteer facilitating a workshop: first names and initials, no contacts).
fn may_manage_participants(user: &CurrentUser, organisation: &Organisation) -> bool {
    policy::decide(user, organisation.id, Action::ManageParticipants) == Decision::Allowed
}

async fn own_workshop(state: &AppState, organisation: &Organisation, id: &str) -> Result<Workshop, AppError> {
    let id = Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
    workshops::find(&state.db, id).await?.filter(|w| w.organisation_id == organisation.id).ok_or(AppError::NotFound)
}

pub fn device_label(tr: &Tr, device: &str) -> String {
    tr.t(match device {
        "pc" => "device-pc",
        "tablet" => "device-tablet",
        _ => "device-smartphone",
    })
}

pub fn language_label(code: &str) -> String {
    relais_core::i18n::Locale::ALL.iter().find(|l| l.code() == code).map(|l| l.endonym().to_string()).unwrap_or_default()
}

#[allow(clippy::too_many_arguments)]
async fn render_show(
    state: &AppState,
    ctx: &PageContext,
    user: &CurrentUser,
    organisation: &Organisation,
    w: &Workshop,
    typed: (String, String, String),
    errors: Vec<FieldError>,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let modules = catalogue::available_to(&state.db, Some(organisation.id)).await?;
    let place = match w.place_id {
        Some(p) => places::find_place(&state.db, p).await?,
        None => None,
    };
    let line = present::line(&tr, w, modules.iter().find(|m| m.id == w.module_id), place.as_ref(), String::new(), None);
    let registrations = workshops::registrations(&state.db, w.id).await?;
    let full = may_manage_participants(user, organisation);
    let participant = |(i, r): (usize, &workshops::Registration)| Participant {
        id: r.id,
        name: if full { r.name.clone() } else { workshops::first_name_and_initial(&r.name) },
        phone: if full { r.phone.clone() } else { String::new() },
        status: r.status.code().to_string(),
        waiting: r.status == Status::Waiting,
        position: i + 1,
        may_cancel: full || r.registered_by == Some(user.id),
    };
    let booked = registrations.iter().filter(|r| r.status == Status::Booked).enumerate().map(participant).collect();
    let waiting = registrations.iter().filter(|r| r.status == Status::Waiting).enumerate().map(participant).collect();
    let may_view_people = policy::decide(user, organisation.id, Action::ViewPeople) == Decision::Allowed;
    let mut people_choices = vec![Choice { value: String::new(), label: tr.t("workshop-person-none"), checked: true, path: "" }];
    if may_view_people {
        people_choices.extend(people::list(&state.db, organisation.id, "", 500).await?.into_iter().map(|p| Choice {
            value: p.id.to_string(),
            label: p.pseudonym,
            checked: false,
            path: "",
        }));
    }
    let invited = demand::invited_to(&state.db, organisation.id, w.id).await?.len();
    let page = ShowPage {
        tr,
        csrf: &ctx.csrf,
        organisation,
        id: w.id,
        line,
        facilitators: &w.facilitators,
        language: language_label(&w.language),
        device: device_label(&tr, &w.device),
        meetings: w.meetings.iter().map(|m| MeetingLine { id: m.id, when: present::when(&tr, m.starts_at, m.ends_at) }).collect(),
        booked,
        waiting,
        show_contacts: full,
        people: people_choices,
        may_view_people,
        may_manage: policy::decide(user, organisation.id, Action::ManageWorkshops) == Decision::Allowed,
        invited,
        form_id: Uuid::new_v4().to_string(),
        name: typed.0,
        phone: typed.1,
        email: typed.2,
        errors,
        notice,
    };
    ctx.render_with_status(status, &format!("{} — {}", tr.t("workshop-title"), organisation.name), &page.render()?)
}

/// `GET /organisations/{slug}/workshops/{workshop}`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path((slug, workshop)): Path<(String, String)>,
    Query(query): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let w = own_workshop(&state, &organisation, &workshop).await?;
    let notice = match query.done.as_str() {
        "created" => Some(ctx.tr.t("workshop-created")),
        "invited" => Some(ctx.tr.t("workshop-created-invited")),
        "booked" => Some(ctx.tr.t("workshop-registered-booked")),
        "waiting" => Some(ctx.tr.t("workshop-registered-waiting")),
        "cancelled" => Some(ctx.tr.t("workshop-registration-cancelled")),
        "unchanged" => Some(ctx.tr.t("workshop-registration-unchanged")),
        "attendance" => Some(ctx.tr.t("attendance-saved")),
        _ => None,
    };
    render_show(&state, &ctx, &user, &organisation, &w, Default::default(), Vec::new(), notice, StatusCode::OK).await
}

/// A name and a phone number as a registration needs them; the errors as message keys.
pub fn check_contact(name: &str, phone: &str, email: &str) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    if name.trim().is_empty() {
        errors.push(("name", "registration-error-name"));
    }
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if !(9..=15).contains(&digits) || phone.chars().any(|c| !(c.is_ascii_digit() || " +./-()".contains(c))) {
        errors.push(("phone", "registration-error-phone"));
    }
    if !email.is_empty() && (!email.contains('@') || email.contains(char::is_whitespace) || email.len() > 200) {
        errors.push(("email", "registration-error-email"));
    }
    errors
}

/// `POST /organisations/{slug}/workshops/{workshop}/registrations`: a helper registers someone.
pub async fn register(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path((slug, workshop)): Path<(String, String)>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let w = own_workshop(&state, &organisation, &workshop).await?;
    let tr = ctx.tr;
    let person = match Uuid::parse_str(field(&fields, "person")).ok() {
        Some(id) if policy::decide(&user, organisation.id, Action::ViewPeople) == Decision::Allowed => people::find(&state.db, organisation.id, id).await?,
        _ => None,
    };
    let mut name: String = field(&fields, "name").trim().chars().take(120).collect();
    let phone: String = field(&fields, "phone").trim().chars().take(30).collect();
    let email: String = field(&fields, "email").trim().chars().take(200).collect();
    if name.is_empty()
        && let Some(p) = &person
    {
        name = p.pseudonym.clone();
    }
    let errors = check_contact(&name, &phone, &email);
    if !errors.is_empty() {
        let errors = translated(&tr, errors);
        return render_show(&state, &ctx, &user, &organisation, &w, (name, phone, email), errors, None, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let id = Uuid::parse_str(field(&fields, "id")).unwrap_or_else(|_| Uuid::new_v4());
    let who = NewRegistration { person_id: person.map(|p| p.id), name, phone, email, registered_by: Some(user.id) };
    let done = match workshops::register(&state.db, w.id, id, &who).await? {
        Placed::Booked => "booked",
        Placed::Waiting(_) => "waiting",
        Placed::Closed => return Err(AppError::NotFound),
    };
    Ok(see_other(&format!("/organisations/{}/workshops/{}?done={done}", organisation.slug, w.id)).into_response())
}

/// `POST /organisations/{slug}/workshops/{workshop}/registrations/{registration}/cancel`: by a
/// helper who manages participants, or by the helper who registered the person. A registration
/// the workshop does not have is not found; one cancelled already changes nothing, and says so.
pub async fn cancel_registration(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((slug, workshop, registration)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let w = own_workshop(&state, &organisation, &workshop).await?;
    let id = Uuid::parse_str(&registration).map_err(|_| AppError::NotFound)?;
    let registration = workshops::registrations(&state.db, w.id).await?.into_iter().find(|r| r.id == id).ok_or(AppError::NotFound)?;
    if !may_manage_participants(&user, &organisation) && registration.registered_by != Some(user.id) {
        return Err(AppError::Forbidden);
    }
    let done = match workshops::cancel_registration(&state.db, w.id, id).await? {
        Cancellation::Cancelled { .. } => "cancelled",
        Cancellation::Unchanged => "unchanged",
    };
    Ok(see_other(&format!("/organisations/{}/workshops/{}?done={done}", organisation.slug, w.id)).into_response())
}

/// `POST /organisations/{slug}/workshops/{workshop}/cancel`: cancel the whole workshop.
pub async fn cancel(State(state): State<AppState>, user: CurrentUser, Path((slug, workshop)): Path<(String, String)>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageWorkshops).await?;
    let w = own_workshop(&state, &organisation, &workshop).await?;
    workshops::cancel(&state.db, organisation.id, w.id).await?;
    Ok(see_other(&format!("/organisations/{}/workshops/{}", organisation.slug, w.id)).into_response())
}

// ───────────────────────────── attendance ─────────────────────────────

pub struct Present {
    pub id: Uuid,
    pub name: String,
    pub present: bool,
}

#[derive(Template)]
#[template(path = "attendance.html")]
struct AttendancePage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    workshop: Uuid,
    meeting: Uuid,
    title: String,
    when: String,
    people: Vec<Present>,
}

/// `GET /organisations/{slug}/workshops/{workshop}/attendance/{meeting}`.
pub async fn attendance(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path((slug, workshop, meeting)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let w = own_workshop(&state, &organisation, &workshop).await?;
    let m = w.meetings.iter().find(|m| m.id.to_string() == meeting).ok_or(AppError::NotFound)?;
    let tr = ctx.tr;
    let present = workshops::present_at(&state.db, m.id).await?;
    let full = may_manage_participants(&user, &organisation);
    let people = workshops::registrations(&state.db, w.id)
        .await?
        .into_iter()
        .filter(|r| r.status == Status::Booked)
        .map(|r| Present { present: present.contains(&r.id), id: r.id, name: if full { r.name } else { workshops::first_name_and_initial(&r.name) } })
        .collect();
    let title =
        catalogue::available_to(&state.db, Some(organisation.id)).await?.into_iter().find(|x| x.id == w.module_id).map(|x| x.text(tr.locale).title.clone()).unwrap_or_default();
    let page = AttendancePage { tr, csrf: &ctx.csrf, organisation: &organisation, workshop: w.id, meeting: m.id, title, when: present::when(&tr, m.starts_at, m.ends_at), people };
    ctx.render(&tr.t("attendance-title"), &page.render()?)
}

/// `POST /organisations/{slug}/workshops/{workshop}/attendance/{meeting}`.
pub async fn save_attendance(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((slug, workshop, meeting)): Path<(String, String, String)>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let w = own_workshop(&state, &organisation, &workshop).await?;
    let m = w.meetings.iter().find(|m| m.id.to_string() == meeting).ok_or(AppError::NotFound)?;
    let present: Vec<Uuid> = super::all(&fields, "present").iter().filter_map(|p| Uuid::parse_str(p).ok()).collect();
    workshops::set_attendance(&state.db, w.id, m.id, &present).await?;
    Ok(see_other(&format!("/organisations/{}/workshops/{}?done=attendance", organisation.slug, w.id)).into_response())
}

// ───────────────────────────── demand and the call list ─────────────────────────────

pub struct DemandLine {
    pub module: String,
    pub place: String,
    pub count: i64,
    pub count_text: String,
    pub enough: bool,
    pub open_href: String,
}

pub struct RequestLine {
    pub id: Uuid,
    pub module: String,
    pub place: String,
    pub name: String,
    pub phone: String,
    pub when: String,
}

#[derive(Template)]
#[template(path = "demand.html")]
struct DemandPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    lines: Vec<DemandLine>,
    requests: Vec<RequestLine>,
    modules: Vec<Choice>,
    places: Vec<Choice>,
    form_id: String,
    name: String,
    phone: String,
    email: String,
    errors: Vec<FieldError>,
    notice: Option<String>,
    may_manage: bool,
    intro: String,
}

impl DemandPage<'_> {
    fn error(&self, field: &str) -> Option<String> {
        FieldError::of(&self.errors, field)
    }
}

#[allow(clippy::too_many_arguments)]
async fn render_demand(
    state: &AppState,
    ctx: &PageContext,
    user: &CurrentUser,
    organisation: &Organisation,
    typed: (String, String, String, String, String),
    errors: Vec<FieldError>,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let (modules, module_options) = module_choices(state, &tr, organisation, &typed.0).await?;
    let place_options = place_choices(state, &tr, organisation, &typed.1).await?;
    let places = places::places_of(&state.db, organisation.id).await?;
    let module_title = |id: Uuid| modules.iter().find(|m| m.id == id).map(|m| m.text(tr.locale).title.clone()).unwrap_or_default();
    let place_name = |id: Option<Uuid>| id.and_then(|id| places.iter().find(|p| p.id == id)).map(|p| p.name(tr.locale).to_string()).unwrap_or_else(|| tr.t("workshop-place-none"));
    let lines = demand::waiting(&state.db, organisation.id)
        .await?
        .into_iter()
        .map(|w| DemandLine {
            module: module_title(w.module_id),
            place: place_name(w.place_id),
            count: w.count,
            count_text: tr.t_args("demand-waiting", &[("count", FluentArg::Number(w.count as f64))]),
            enough: w.enough(),
            open_href: format!(
                "/organisations/{}/workshops/new?module={}&place={}&demand=1",
                organisation.slug,
                w.module_id,
                w.place_id.map(|p| p.to_string()).unwrap_or_default()
            ),
        })
        .collect();
    // the people waiting, with their phones: only for those who manage participants
    let waiting_people = if may_manage_participants(user, organisation) { demand::list(&state.db, organisation.id, "waiting").await? } else { Vec::new() };
    let requests = waiting_people
        .into_iter()
        .map(|r| RequestLine {
            id: r.id,
            module: module_title(r.module_id),
            place: place_name(r.place_id),
            name: r.name,
            phone: r.phone,
            when: relais_core::dates::local_date(&r.created_at.date().to_string()),
        })
        .collect();
    let page = DemandPage {
        tr,
        csrf: &ctx.csrf,
        organisation,
        lines,
        requests,
        modules: module_options,
        places: place_options,
        form_id: Uuid::new_v4().to_string(),
        name: typed.2,
        phone: typed.3,
        email: typed.4,
        errors,
        notice,
        may_manage: policy::decide(user, organisation.id, Action::ManageWorkshops) == Decision::Allowed,
        intro: tr.t_args("demand-intro", &[("count", FluentArg::Number(demand::GROUP_SIZE as f64))]),
    };
    ctx.render_with_status(status, &format!("{} — {}", tr.t("demand-title"), organisation.name), &page.render()?)
}

/// `GET /organisations/{slug}/demand`.
pub async fn demand_page(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(slug): Path<String>,
    Query(query): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let notice = match query.done.as_str() {
        "added" => Some(ctx.tr.t("demand-added")),
        "withdrawn" => Some(ctx.tr.t("demand-withdrawn")),
        "unchanged" => Some(ctx.tr.t("demand-unchanged")),
        _ => None,
    };
    render_demand(&state, &ctx, &user, &organisation, Default::default(), Vec::new(), notice, StatusCode::OK).await
}

/// `POST /organisations/{slug}/demand`: someone asks for a module at a place.
pub async fn add_demand(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let tr = ctx.tr;
    let typed = (
        field(&fields, "module").trim().chars().take(40).collect::<String>(),
        field(&fields, "place").trim().chars().take(40).collect::<String>(),
        field(&fields, "name").trim().chars().take(120).collect::<String>(),
        field(&fields, "phone").trim().chars().take(30).collect::<String>(),
        field(&fields, "email").trim().chars().take(200).collect::<String>(),
    );
    let modules = catalogue::available_to(&state.db, Some(organisation.id)).await?;
    let places = places::places_of(&state.db, organisation.id).await?;
    let module = Uuid::parse_str(&typed.0).ok().filter(|id| modules.iter().any(|m| m.id == *id));
    let place = Uuid::parse_str(&typed.1).ok().filter(|id| places.iter().any(|p| p.id == *id));
    let mut errors = check_contact(&typed.2, &typed.3, &typed.4);
    if module.is_none() {
        errors.insert(0, ("module", "workshop-error-module"));
    }
    if !typed.1.is_empty() && place.is_none() {
        errors.push(("place", "workshop-error-place"));
    }
    let (Some(module), true) = (module, errors.is_empty()) else {
        let errors = translated(&tr, errors);
        return render_demand(&state, &ctx, &user, &organisation, typed, errors, None, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let id = Uuid::parse_str(field(&fields, "id")).unwrap_or_else(|_| Uuid::new_v4());
    let request = NewRequest { module_id: module, place_id: place, person_id: None, name: typed.2, phone: typed.3, email: typed.4 };
    if !demand::add(&state.db, id, organisation.id, &request).await? && !is_own_row(&state.db, FormTable::ModuleRequests, organisation.id, id).await? {
        // The form's id is another organisation's request: recorded as a fresh one.
        demand::add(&state.db, Uuid::new_v4(), organisation.id, &request).await?;
    }
    Ok(see_other(&format!("/organisations/{}/demand?done=added", organisation.slug)).into_response())
}

/// `POST /organisations/{slug}/demand/{demand}/withdraw`. A request the organisation does not
/// have (unknown, another organisation's) is not found; one no longer waiting (withdrawn already,
/// invited to a workshop) changes nothing, and says so.
pub async fn withdraw_demand(State(state): State<AppState>, user: CurrentUser, Path((slug, request)): Path<(String, String)>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageParticipants).await?;
    let id = Uuid::parse_str(&request).map_err(|_| AppError::NotFound)?;
    demand::find(&state.db, organisation.id, id).await?.ok_or(AppError::NotFound)?;
    let done = if demand::withdraw(&state.db, organisation.id, id).await? { "withdrawn" } else { "unchanged" };
    Ok(see_other(&format!("/organisations/{}/demand?done={done}", organisation.slug)).into_response())
}

pub struct CallLine {
    pub name: String,
    pub phone: String,
    pub email: String,
    pub mailed: bool,
}

#[derive(Template)]
#[template(path = "call_list.html")]
struct CallListPage<'a> {
    tr: Tr,
    organisation: &'a Organisation,
    line: WorkshopLine,
    dates: Vec<String>,
    calls: Vec<CallLine>,
    workshop: Uuid,
}

/// `GET /organisations/{slug}/workshops/{workshop}/call-list`: the people invited to a group
/// opened on demand; those without e-mail to phone. Printable.
pub async fn call_list(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path((slug, workshop)): Path<(String, String)>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageWorkshops).await?;
    let w = own_workshop(&state, &organisation, &workshop).await?;
    let tr = ctx.tr;
    let modules = catalogue::available_to(&state.db, Some(organisation.id)).await?;
    let place = match w.place_id {
        Some(p) => places::find_place(&state.db, p).await?,
        None => None,
    };
    let line = present::line(&tr, &w, modules.iter().find(|m| m.id == w.module_id), place.as_ref(), String::new(), None);
    let mut calls: Vec<CallLine> = demand::invited_to(&state.db, organisation.id, w.id)
        .await?
        .into_iter()
        .map(|r| CallLine { mailed: !r.email.is_empty(), name: r.name, phone: r.phone, email: r.email })
        .collect();
    calls.sort_by_key(|c| c.mailed);
    let page =
        CallListPage { tr, organisation: &organisation, line, dates: w.meetings.iter().map(|m| present::when(&tr, m.starts_at, m.ends_at)).collect(), calls, workshop: w.id };
    ctx.render(&tr.t("call-list-title"), &page.render()?)
}
