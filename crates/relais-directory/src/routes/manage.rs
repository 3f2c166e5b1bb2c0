//! Coordinators keep their organisation's directory current: places, drop-in sessions,
//! closures and extra sessions. Every change is in the audit log; bad input gets translated
//! messages and keeps what was typed; a double submit creates nothing twice (each form carries
//! the id of what it creates).

use askama::Template;
use axum::{
    Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use jiff::{
    Timestamp,
    civil::{Date, Time, Weekday},
};
use relais_core::web::forms::DoneQuery;
use relais_core::web::response::see_other;
use relais_core::{
    i18n::Tr,
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use relais_organisations::{
    access::authorise,
    audit::{self, Event},
    organisations::Organisation,
    policy::Action,
    sessions::CurrentUser,
};
use uuid::Uuid;

use crate::{
    display,
    places::{self, Place, PlaceInput, SessionInput},
    reference::reference,
    routes::public::exception_line,
    schedule::{self, Exception, ExceptionKind, Recurrence, ScheduleError},
    search::DirectoryCache,
    taxonomy::{self, EQUIPMENT, HELPER_KINDS, PLACE_KINDS, Taxonomy},
};

/// Form fields as posted: repeated names (checkboxes) are kept in order.
use relais_core::web::forms::Fields;

fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.trim()).unwrap_or("")
}

fn all<'a>(fields: &'a Fields, name: &str) -> Vec<&'a str> {
    fields.iter().filter(|(n, _)| n == name).map(|(_, v)| v.trim()).filter(|v| !v.is_empty()).collect()
}

async fn audited(state: &AppState, user: &CurrentUser, organisation: &Organisation, client: &str, action: &str, object: Uuid) {
    audit::record_or_log(&state.db, Event::new(action, client).actor(user.id).organisation(organisation.id).object(object.to_string())).await;
    state.caches.get::<DirectoryCache>().invalidate();
}

struct PlaceLine {
    id: Uuid,
    name: String,
    address: String,
    published: bool,
    opening: Option<String>,
}

#[derive(Template)]
#[template(path = "manage_list.html")]
struct ListPage<'a> {
    tr: Tr,
    organisation: &'a Organisation,
    places: Vec<PlaceLine>,
}

pub async fn list(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageDirectory).await?;
    let now = Timestamp::now();
    let zoned = now.to_zoned(schedule::zone());
    let mut lines = Vec::new();
    for place in places::places_of(&state.db, organisation.id).await? {
        let sessions = places::sessions_of(&state.db, place.id).await?;
        let exceptions = places::exceptions_of(&state.db, place.id).await?;
        let recurrences: Vec<Recurrence> = sessions.iter().map(|s| s.recurrence).collect();
        let excs: Vec<Exception> = exceptions.iter().map(|e| e.exception).collect();
        let opening = schedule::next_opening(&recurrences, &excs, now, crate::search::HORIZON_DAYS).map(|o| display::opening(&ctx.tr, &o, &zoned));
        let municipality = reference().municipality(&place.municipality_nis).map(|m| m.name(ctx.locale()).to_string()).unwrap_or_default();
        lines.push(PlaceLine {
            id: place.id,
            name: place.name(ctx.locale()).to_string(),
            address: format!("{}, {} {}", place.street, place.postcode, municipality),
            published: place.published,
            opening,
        });
    }
    let page = ListPage { tr: ctx.tr, organisation: &organisation, places: lines };
    let title = format!("{} — {}", ctx.tr.t("places-manage-title"), organisation.name);
    ctx.render(&title, &page.render()?)
}

struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// What the place form shows: the values typed and the messages.
#[derive(Default, Clone)]
struct PlaceForm {
    id: String,
    kind: String,
    names: [String; 4],
    descriptions: [String; 4],
    street: String,
    postcode: String,
    municipality: String,
    latitude: String,
    longitude: String,
    phone: String,
    email: String,
    website: String,
    equipment: Vec<String>,
    wheelchair: bool,
    hearing_loop: bool,
    transport_hint: String,
    published: bool,
    /// The mobile unit this place is a stop of (its id), or empty.
    mobile_unit: String,
}

const LANGS: [&str; 4] = ["fr", "nl", "de", "en"];

impl PlaceForm {
    fn from_fields(fields: &Fields) -> PlaceForm {
        PlaceForm {
            id: field(fields, "id").to_string(),
            kind: field(fields, "kind").to_string(),
            names: LANGS.map(|l| field(fields, &format!("name_{l}")).to_string()),
            descriptions: LANGS.map(|l| field(fields, &format!("description_{l}")).to_string()),
            street: field(fields, "street").to_string(),
            postcode: field(fields, "postcode").to_string(),
            municipality: field(fields, "municipality").to_string(),
            latitude: field(fields, "latitude").to_string(),
            longitude: field(fields, "longitude").to_string(),
            phone: field(fields, "phone").to_string(),
            email: field(fields, "email").to_string(),
            website: field(fields, "website").to_string(),
            equipment: all(fields, "equipment").into_iter().map(String::from).collect(),
            wheelchair: !field(fields, "wheelchair").is_empty(),
            hearing_loop: !field(fields, "hearing_loop").is_empty(),
            transport_hint: field(fields, "transport_hint").to_string(),
            published: !field(fields, "published").is_empty(),
            mobile_unit: field(fields, "mobile_unit").to_string(),
        }
    }

    fn from_place(place: &Place) -> PlaceForm {
        let text = |o: &Option<String>| o.clone().unwrap_or_default();
        PlaceForm {
            id: place.id.to_string(),
            kind: place.kind.clone(),
            names: [text(&place.name_fr), text(&place.name_nl), text(&place.name_de), text(&place.name_en)],
            descriptions: [text(&place.description_fr), text(&place.description_nl), text(&place.description_de), text(&place.description_en)],
            street: place.street.clone(),
            postcode: place.postcode.clone(),
            municipality: place.municipality_nis.clone(),
            latitude: format!("{:.6}", place.latitude),
            longitude: format!("{:.6}", place.longitude),
            phone: text(&place.phone),
            email: text(&place.email),
            website: text(&place.website),
            equipment: place.equipment_codes().map(String::from).collect(),
            wheelchair: place.wheelchair,
            hearing_loop: place.hearing_loop,
            transport_hint: text(&place.transport_hint),
            published: place.published,
            mobile_unit: place.mobile_unit_id.map(|u| u.to_string()).unwrap_or_default(),
        }
    }

    /// The place to store, or the keys of what is wrong.
    fn validate(&self) -> Result<PlaceInput, Vec<&'static str>> {
        let mut errors = Vec::new();
        if taxonomy::key_of(PLACE_KINDS, &self.kind).is_none() {
            errors.push("place-error-kind");
        }
        if self.names.iter().all(|n| n.is_empty()) {
            errors.push("place-error-name");
        }
        if self.street.is_empty() {
            errors.push("place-error-street");
        }
        let links = reference().by_postcode(&self.postcode);
        let link = if links.len() > 1 { links.iter().find(|p| p.nis == self.municipality).copied() } else { links.first().copied() };
        if self.postcode.trim().is_empty() {
            errors.push("place-error-postcode-missing");
        } else if links.is_empty() {
            errors.push("place-error-postcode");
        } else if link.is_none() {
            errors.push("place-error-municipality");
        }
        let coordinates = match (self.latitude.replace(',', ".").parse::<f64>(), self.longitude.replace(',', ".").parse::<f64>()) {
            _ if self.latitude.is_empty() && self.longitude.is_empty() => link.map(|p| (p.latitude, p.longitude)),
            (Ok(lat), Ok(lon)) if (49.4..=51.6).contains(&lat) && (2.5..=6.5).contains(&lon) => Some((lat, lon)),
            _ => {
                errors.push("place-error-coordinates");
                None
            }
        };
        if !self.email.is_empty() && !relais_organisations::users::is_plausible_email(&self.email) {
            errors.push("place-error-email");
        }
        let website_ok = self.website.is_empty() || self.website.starts_with("https://") || self.website.starts_with("http://");
        if !website_ok {
            errors.push("place-error-website");
        }
        if !self.phone.is_empty() && !self.phone.chars().all(|c| c.is_ascii_digit() || " +./()-".contains(c)) {
            errors.push("place-error-phone");
        }
        if self.equipment.iter().any(|e| taxonomy::key_of(EQUIPMENT, e).is_none()) {
            errors.push("place-error-kind");
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let (Some(link), Some((latitude, longitude))) = (link, coordinates) else { return Err(vec!["place-error-postcode"]) };
        let some = |s: &String| Some(s.clone()).filter(|s| !s.is_empty());
        Ok(PlaceInput {
            kind: self.kind.clone(),
            names: [some(&self.names[0]), some(&self.names[1]), some(&self.names[2]), some(&self.names[3])],
            descriptions: [some(&self.descriptions[0]), some(&self.descriptions[1]), some(&self.descriptions[2]), some(&self.descriptions[3])],
            street: self.street.clone(),
            postcode: self.postcode.clone(),
            municipality_nis: link.nis.clone(),
            latitude,
            longitude,
            phone: some(&self.phone),
            email: some(&self.email),
            website: some(&self.website),
            equipment: self.equipment.clone(),
            wheelchair: self.wheelchair,
            hearing_loop: self.hearing_loop,
            transport_hint: some(&self.transport_hint),
            published: self.published,
            mobile_unit_id: Uuid::parse_str(&self.mobile_unit).ok(),
        })
    }
}

struct LanguageField {
    code: &'static str,
    label: String,
    name: String,
    description: String,
}

struct SessionLine {
    id: Uuid,
    summary: String,
}

struct ExceptionLine {
    id: Uuid,
    summary: String,
}

/// What the session form shows.
#[derive(Default, Clone)]
struct SessionForm {
    id: String,
    weekday: String,
    start: String,
    end: String,
    every_weeks: String,
    first: String,
    until: String,
    access: String,
    themes: Vec<String>,
    services: Vec<String>,
    publics: Vec<String>,
    languages: Vec<String>,
    helper_kind: String,
}

/// What the exception form shows.
#[derive(Default, Clone)]
struct ExceptionForm {
    id: String,
    kind: String,
    from: String,
    until: String,
    start: String,
    end: String,
    reason: String,
}

struct CheckGroup {
    name: &'static str,
    legend: String,
    options: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "manage_place.html")]
struct PlacePage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    /// None while creating.
    place_id: Option<Uuid>,
    form: PlaceForm,
    kinds: Vec<Choice>,
    equipment: Vec<Choice>,
    languages: Vec<LanguageField>,
    errors: Vec<String>,
    notice: Option<String>,
    sessions: Vec<SessionLine>,
    exceptions: Vec<ExceptionLine>,
    session_form: SessionForm,
    session_errors: Vec<String>,
    weekdays: Vec<Choice>,
    frequencies: Vec<Choice>,
    accesses: Vec<Choice>,
    helper_kinds: Vec<Choice>,
    session_checks: Vec<CheckGroup>,
    exception_form: ExceptionForm,
    exception_errors: Vec<String>,
    exception_kinds: Vec<Choice>,
    duplicate: Option<Uuid>,
}

fn fixed(tr: &Tr, list: &'static [(&'static str, &'static str)], selected: &[String]) -> Vec<Choice> {
    list.iter().map(|(code, key)| Choice { value: code.to_string(), label: tr.t(key), selected: selected.iter().any(|s| s == code) }).collect()
}

fn weekday_of(code: &str) -> Option<Weekday> {
    code.parse::<i8>().ok().and_then(|n| Weekday::from_monday_one_offset(n).ok())
}

impl SessionForm {
    fn blank(today: Date) -> SessionForm {
        SessionForm {
            id: Uuid::new_v4().to_string(),
            weekday: today.weekday().to_monday_one_offset().to_string(),
            every_weeks: "1".into(),
            first: today.to_string(),
            access: "free".into(),
            helper_kind: "professional".into(),
            ..SessionForm::default()
        }
    }

    fn from_fields(fields: &Fields) -> SessionForm {
        let list = |name: &str| all(fields, name).into_iter().map(String::from).collect();
        SessionForm {
            id: field(fields, "id").to_string(),
            weekday: field(fields, "weekday").to_string(),
            start: field(fields, "start").to_string(),
            end: field(fields, "end").to_string(),
            every_weeks: field(fields, "every_weeks").to_string(),
            first: field(fields, "first").to_string(),
            until: field(fields, "until").to_string(),
            access: field(fields, "access").to_string(),
            themes: list("themes"),
            services: list("services"),
            publics: list("publics"),
            languages: list("languages"),
            helper_kind: field(fields, "helper_kind").to_string(),
        }
    }

    fn validate(&self, known: &dyn Fn(Taxonomy, &str) -> bool) -> Result<SessionInput, Vec<&'static str>> {
        let mut errors = Vec::new();
        let weekday = weekday_of(&self.weekday);
        let start = self.start.parse::<Time>().ok();
        let end = self.end.parse::<Time>().ok();
        let every_weeks = self.every_weeks.parse::<u8>().ok().filter(|n| (1..=8).contains(n));
        let first = self.first.parse::<Date>().ok();
        let until = if self.until.is_empty() { Ok(None) } else { self.until.parse::<Date>().map(Some) };
        if weekday.is_none() {
            errors.push("session-error-weekday");
        }
        if start.is_none() || end.is_none() {
            errors.push("session-error-time");
        }
        if every_weeks.is_none() {
            errors.push("session-error-frequency");
        }
        if first.is_none() {
            errors.push("session-error-first");
        }
        if until.is_err() {
            errors.push("session-error-until");
        }
        if self.themes.is_empty() {
            errors.push("session-error-themes");
        }
        let unknown = self.themes.iter().any(|c| !known(Taxonomy::Theme, c))
            || self.services.iter().any(|c| !known(Taxonomy::Service, c))
            || self.publics.iter().any(|c| !known(Taxonomy::Public, c))
            || self.languages.iter().any(|c| !known(Taxonomy::Language, c))
            || taxonomy::key_of(HELPER_KINDS, &self.helper_kind).is_none()
            || !matches!(self.access.as_str(), "free" | "appointment");
        if unknown {
            errors.push("session-error-choice");
        }
        // The hours are checked with the rest (every mistake said at once), whatever the date.
        if let (Some(weekday), Some(start), Some(end)) = (weekday, start, end) {
            let anchor = first.unwrap_or(Date::constant(2026, 1, 5));
            let trial = Recurrence { weekday, start, end, every_weeks: every_weeks.unwrap_or(1), anchor, from: first, until: until.clone().ok().flatten() };
            if let Err(e) = trial.validate() {
                let key = schedule_error_key(&e);
                if !errors.contains(&key) {
                    errors.push(key);
                }
            }
        }
        let (Some(weekday), Some(start), Some(end), Some(every_weeks), Some(first), Ok(until), true) = (weekday, start, end, every_weeks, first, until, errors.is_empty()) else {
            return Err(errors);
        };
        // The first date sets the phase: move it forward to the chosen weekday.
        let mut anchor = first;
        while anchor.weekday() != weekday {
            anchor = anchor.tomorrow().map_err(|_| vec!["session-error-first"])?;
        }
        let recurrence = Recurrence { weekday, start, end, every_weeks, anchor, from: Some(anchor), until };
        recurrence.validate().map_err(|e| vec![schedule_error_key(&e)])?;
        Ok(SessionInput {
            recurrence,
            by_appointment: self.access == "appointment",
            themes: self.themes.clone(),
            services: self.services.clone(),
            publics: self.publics.clone(),
            languages: self.languages.clone(),
            helper_kind: self.helper_kind.clone(),
        })
    }
}

fn schedule_error_key(error: &ScheduleError) -> &'static str {
    match error {
        ScheduleError::CrossesMidnight => "session-error-midnight",
        ScheduleError::Empty => "session-error-empty",
        ScheduleError::UntilBeforeFrom => "session-error-until",
        _ => "session-error-time",
    }
}

impl ExceptionForm {
    fn blank(today: Date) -> ExceptionForm {
        ExceptionForm { id: Uuid::new_v4().to_string(), kind: "closed".into(), from: today.to_string(), ..ExceptionForm::default() }
    }

    fn from_fields(fields: &Fields) -> ExceptionForm {
        ExceptionForm {
            id: field(fields, "id").to_string(),
            kind: field(fields, "kind").to_string(),
            from: field(fields, "from").to_string(),
            until: field(fields, "until").to_string(),
            start: field(fields, "start").to_string(),
            end: field(fields, "end").to_string(),
            reason: field(fields, "reason").to_string(),
        }
    }

    fn validate(&self) -> Result<Exception, Vec<&'static str>> {
        let kind = match self.kind.as_str() {
            "closed" => ExceptionKind::Closed,
            "extra" => ExceptionKind::Extra,
            _ => return Err(vec!["exception-error-kind"]),
        };
        let Ok(from) = self.from.parse::<Date>() else { return Err(vec!["exception-error-date"]) };
        let until = if self.until.is_empty() || kind == ExceptionKind::Extra { Ok(from) } else { self.until.parse::<Date>() };
        let Ok(until) = until else { return Err(vec!["exception-error-date"]) };
        let time = |t: &str| if t.is_empty() { Ok(None) } else { t.parse::<Time>().map(Some) };
        let (Ok(start), Ok(end)) = (time(&self.start), time(&self.end)) else { return Err(vec!["session-error-time"]) };
        if start.is_some() != end.is_some() {
            return Err(vec!["session-error-time"]);
        }
        if self.reason.chars().count() > 200 {
            return Err(vec!["exception-error-reason"]);
        }
        let exception = Exception { kind, from, until, start, end };
        exception.validate().map_err(|e| {
            vec![match e {
                ScheduleError::ExtraNeedsTimes => "exception-error-extra-times",
                ScheduleError::UntilBeforeFrom => "exception-error-until",
                other => schedule_error_key(&other),
            }]
        })?;
        Ok(exception)
    }
}

struct Views {
    form: PlaceForm,
    errors: Vec<&'static str>,
    notice: Option<&'static str>,
    session_form: Option<SessionForm>,
    session_errors: Vec<&'static str>,
    exception_form: Option<ExceptionForm>,
    exception_errors: Vec<&'static str>,
    /// A place of the organisation with the same name and address as the one being created.
    duplicate: Option<Uuid>,
}

impl Views {
    fn of(form: PlaceForm) -> Views {
        Views { form, errors: Vec::new(), notice: None, session_form: None, session_errors: Vec::new(), exception_form: None, exception_errors: Vec::new(), duplicate: None }
    }
}

async fn render_place(state: &AppState, ctx: &PageContext, organisation: &Organisation, place_id: Option<Uuid>, views: Views, status: StatusCode) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let today = Timestamp::now().to_zoned(schedule::zone()).date();
    let terms = taxonomy::all_terms(&state.db).await?;
    let (mut sessions, mut exceptions) = (Vec::new(), Vec::new());
    if let Some(id) = place_id {
        for s in places::sessions_of(&state.db, id).await? {
            let r = &s.recurrence;
            let frequency = if r.every_weeks <= 1 {
                tr.t("session-every-week")
            } else {
                tr.t_args("session-every-n-weeks", &[("weeks", relais_core::i18n::FluentArg::Number(f64::from(r.every_weeks)))])
            };
            sessions.push(SessionLine { id: s.id, summary: format!("{} {} — {}", tr.t(display::weekday_key(r.weekday)), display::hours(r.start, r.end), frequency) });
        }
        for e in places::exceptions_of(&state.db, id).await? {
            let line = exception_line(&tr, &e);
            let summary = if line.reason.is_empty() { format!("{}: {}", line.dates, line.what) } else { format!("{}: {} — {}", line.dates, line.what, line.reason) };
            exceptions.push(ExceptionLine { id: e.id, summary });
        }
    }
    let session_form = views.session_form.unwrap_or_else(|| SessionForm::blank(today));
    let exception_form = views.exception_form.unwrap_or_else(|| ExceptionForm::blank(today));
    let term_choices = |taxonomy: Taxonomy, selected: &[String]| -> Vec<Choice> {
        terms
            .iter()
            .filter(|t| t.taxonomy == taxonomy && t.active)
            .map(|t| Choice { value: t.code.clone(), label: t.label(tr.locale).to_string(), selected: selected.contains(&t.code) })
            .collect()
    };
    let session_checks = vec![
        CheckGroup { name: "themes", legend: tr.t("place-themes"), options: term_choices(Taxonomy::Theme, &session_form.themes) },
        CheckGroup { name: "services", legend: tr.t("place-services"), options: term_choices(Taxonomy::Service, &session_form.services) },
        CheckGroup { name: "publics", legend: tr.t("place-publics"), options: term_choices(Taxonomy::Public, &session_form.publics) },
        CheckGroup { name: "languages", legend: tr.t("place-languages"), options: term_choices(Taxonomy::Language, &session_form.languages) },
    ];
    let page = PlacePage {
        tr,
        csrf: &ctx.csrf,
        organisation,
        place_id,
        kinds: fixed(&tr, PLACE_KINDS, std::slice::from_ref(&views.form.kind)),
        equipment: fixed(&tr, EQUIPMENT, &views.form.equipment),
        languages: LANGS
            .iter()
            .enumerate()
            .map(|(i, code)| LanguageField {
                code,
                label: tr.t(["language-fr", "language-nl", "language-de", "language-en"][i]),
                name: views.form.names[i].clone(),
                description: views.form.descriptions[i].clone(),
            })
            .collect(),
        form: views.form,
        errors: views.errors.iter().map(|k| tr.t(k)).collect(),
        notice: views.notice.map(|k| tr.t(k)),
        sessions,
        exceptions,
        weekdays: (1..=7i8)
            .filter_map(|n| Weekday::from_monday_one_offset(n).ok())
            .map(|d| Choice {
                value: d.to_monday_one_offset().to_string(),
                label: tr.t(display::weekday_key(d)),
                selected: d.to_monday_one_offset().to_string() == session_form.weekday,
            })
            .collect(),
        frequencies: (1..=4u8)
            .map(|n| Choice {
                value: n.to_string(),
                label: if n == 1 { tr.t("session-every-week") } else { tr.t_args("session-every-n-weeks", &[("weeks", relais_core::i18n::FluentArg::Number(f64::from(n)))]) },
                selected: n.to_string() == session_form.every_weeks,
            })
            .collect(),
        accesses: [("free", "search-access-free"), ("appointment", "search-access-appointment")]
            .iter()
            .map(|(c, k)| Choice { value: c.to_string(), label: tr.t(k), selected: *c == session_form.access })
            .collect(),
        helper_kinds: fixed(&tr, HELPER_KINDS, std::slice::from_ref(&session_form.helper_kind)),
        session_checks,
        session_errors: views.session_errors.iter().map(|k| tr.t(k)).collect(),
        session_form,
        exception_kinds: [("closed", "exception-closed"), ("extra", "exception-extra")]
            .iter()
            .map(|(c, k)| Choice { value: c.to_string(), label: tr.t(k), selected: *c == exception_form.kind })
            .collect(),
        exception_errors: views.exception_errors.iter().map(|k| tr.t(k)).collect(),
        exception_form,
        duplicate: views.duplicate,
    };
    let title = if place_id.is_some() { tr.t("place-edit-title") } else { tr.t("place-new-title") };
    ctx.render_with_status(status, &format!("{title} — {}", organisation.name), &page.render()?)
}

#[derive(Debug, serde::Deserialize, Default)]
pub struct NewQuery {
    /// Add a stop of this mobile unit.
    #[serde(default)]
    unit: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path(slug): Path<String>,
    axum::extract::Query(query): axum::extract::Query<NewQuery>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageDirectory).await?;
    let mut form = PlaceForm { id: Uuid::new_v4().to_string(), kind: "public-digital-space".into(), published: true, ..PlaceForm::default() };
    if let Ok(unit) = Uuid::parse_str(&query.unit) {
        let unit = crate::units::find(&state.db, unit).await?.filter(|u| u.organisation_id == organisation.id).ok_or(AppError::NotFound)?;
        form.kind = "mobile-stop".into();
        form.mobile_unit = unit.id.to_string();
    }
    render_place(&state, &ctx, &organisation, None, Views::of(form), StatusCode::OK).await
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path(slug): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageDirectory).await?;
    let form = PlaceForm::from_fields(&fields);
    // The id the form carries makes a double submit harmless; a form without one gets a new id.
    let id = Uuid::parse_str(&form.id).unwrap_or_else(|_| Uuid::new_v4());
    // A double submit: the place exists already (and is this organisation's).
    if let Some(existing) = places::find_place(&state.db, id).await? {
        if existing.organisation_id != organisation.id {
            return Err(AppError::BadRequest);
        }
        return Ok(see_other(&format!("/organisations/{}/places/{id}?done=created", organisation.slug)).into_response());
    }
    match form.validate() {
        Err(errors) => {
            let views = Views { errors, ..Views::of(form) };
            render_place(&state, &ctx, &organisation, None, views, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Ok(input) => {
            // A stop belongs to one of the organisation's own units.
            if let Some(unit) = input.mobile_unit_id
                && crate::units::find(&state.db, unit).await?.is_none_or(|u| u.organisation_id != organisation.id)
            {
                return Err(AppError::NotFound);
            }
            // The same name at the same address: most often the place exists already.
            if field(&fields, "duplicate_ok") != "on"
                && let Some(same) = same_place(&places::places_of(&state.db, organisation.id).await?, &input)
            {
                let views = Views { errors: vec!["place-error-duplicate"], duplicate: Some(same), ..Views::of(form) };
                return render_place(&state, &ctx, &organisation, None, views, StatusCode::UNPROCESSABLE_ENTITY).await;
            }
            places::create_place_with_id(&state.db, id, organisation.id, &input).await?;
            audited(&state, &user, &organisation, &client, "place.created", id).await;
            Ok(see_other(&format!("/organisations/{}/places/{id}?done=created", organisation.slug)).into_response())
        }
    }
}

/// A place among `existing` with one of the new place's names and its street and postcode
/// (compared without case, accents or punctuation).
fn same_place(existing: &[Place], new: &places::PlaceInput) -> Option<Uuid> {
    let fold = crate::reference::fold;
    let names: Vec<String> = new.names.iter().flatten().map(|n| fold(n)).filter(|n| !n.is_empty()).collect();
    existing
        .iter()
        .find(|p| {
            p.postcode == new.postcode
                && fold(&p.street) == fold(&new.street)
                && [&p.name_fr, &p.name_nl, &p.name_de, &p.name_en].into_iter().flatten().any(|n| names.contains(&fold(n)))
        })
        .map(|p| p.id)
}

/// The place in the URL, if it is the organisation's.
async fn own_place(state: &AppState, organisation: &Organisation, id: &str) -> Result<Place, AppError> {
    let id = Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
    places::find_place(&state.db, id).await?.filter(|p| p.organisation_id == organisation.id).ok_or(AppError::NotFound)
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path((slug, id)): Path<(String, String)>,
    axum::extract::Query(query): axum::extract::Query<DoneQuery>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageDirectory).await?;
    let place = own_place(&state, &organisation, &id).await?;
    let notice = match query.done.as_str() {
        "created" => Some("place-created"),
        "saved" => Some("place-saved"),
        "session" => Some("session-added"),
        "exception" => Some("exception-added"),
        "deleted" => Some("place-item-deleted"),
        _ => None,
    };
    let views = Views { notice, ..Views::of(PlaceForm::from_place(&place)) };
    render_place(&state, &ctx, &organisation, Some(place.id), views, StatusCode::OK).await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path((slug, id)): Path<(String, String)>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageDirectory).await?;
    let place = own_place(&state, &organisation, &id).await?;
    let mut form = PlaceForm::from_fields(&fields);
    form.id = place.id.to_string();
    match form.validate() {
        Err(errors) => {
            let views = Views { errors, ..Views::of(form) };
            render_place(&state, &ctx, &organisation, Some(place.id), views, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Ok(mut input) => {
            input.mobile_unit_id = place.mobile_unit_id;
            places::update_place(&state.db, place.id, &input).await?;
            audited(&state, &user, &organisation, &client, "place.updated", place.id).await;
            Ok(see_other(&format!("/organisations/{}/places/{}?done=saved", organisation.slug, place.id)).into_response())
        }
    }
}

pub async fn add_session(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path((slug, id)): Path<(String, String)>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageDirectory).await?;
    let place = own_place(&state, &organisation, &id).await?;
    let form = SessionForm::from_fields(&fields);
    let session_id = Uuid::parse_str(&form.id).unwrap_or_else(|_| Uuid::new_v4());
    let existing = places::sessions_of(&state.db, place.id).await?;
    if existing.iter().any(|s| s.id == session_id) {
        return Ok(see_other(&format!("/organisations/{}/places/{}?done=session", organisation.slug, place.id)).into_response());
    }
    let terms = taxonomy::all_terms(&state.db).await?;
    let known = |t: Taxonomy, code: &str| terms.iter().any(|term| term.taxonomy == t && term.code == code);
    match form.validate(&known) {
        Err(session_errors) => {
            let views = Views { session_form: Some(form), session_errors, ..Views::of(PlaceForm::from_place(&place)) };
            render_place(&state, &ctx, &organisation, Some(place.id), views, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Ok(input) => {
            places::add_session_with_id(&state.db, session_id, place.id, &input).await?;
            audited(&state, &user, &organisation, &client, "place.session_added", place.id).await;
            Ok(see_other(&format!("/organisations/{}/places/{}?done=session", organisation.slug, place.id)).into_response())
        }
    }
}

pub async fn delete_session(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path((slug, id, session)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageDirectory).await?;
    let place = own_place(&state, &organisation, &id).await?;
    let session = Uuid::parse_str(&session).map_err(|_| AppError::NotFound)?;
    if places::delete_session(&state.db, place.id, session).await? {
        audited(&state, &user, &organisation, &client, "place.session_deleted", place.id).await;
    }
    Ok(see_other(&format!("/organisations/{}/places/{}?done=deleted", organisation.slug, place.id)).into_response())
}

pub async fn add_exception(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path((slug, id)): Path<(String, String)>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageDirectory).await?;
    let place = own_place(&state, &organisation, &id).await?;
    let form = ExceptionForm::from_fields(&fields);
    let exception_id = Uuid::parse_str(&form.id).unwrap_or_else(|_| Uuid::new_v4());
    if places::exceptions_of(&state.db, place.id).await?.iter().any(|e| e.id == exception_id) {
        return Ok(see_other(&format!("/organisations/{}/places/{}?done=exception", organisation.slug, place.id)).into_response());
    }
    match form.validate() {
        Err(exception_errors) => {
            let views = Views { exception_form: Some(form), exception_errors, ..Views::of(PlaceForm::from_place(&place)) };
            render_place(&state, &ctx, &organisation, Some(place.id), views, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Ok(exception) => {
            places::add_exception_with_id(&state.db, exception_id, place.id, &exception, &form.reason).await?;
            audited(&state, &user, &organisation, &client, "place.exception_added", place.id).await;
            Ok(see_other(&format!("/organisations/{}/places/{}?done=exception", organisation.slug, place.id)).into_response())
        }
    }
}

pub async fn delete_exception(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path((slug, id, exception)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageDirectory).await?;
    let place = own_place(&state, &organisation, &id).await?;
    let exception = Uuid::parse_str(&exception).map_err(|_| AppError::NotFound)?;
    if places::delete_exception(&state.db, place.id, exception).await? {
        audited(&state, &user, &organisation, &client, "place.exception_deleted", place.id).await;
    }
    Ok(see_other(&format!("/organisations/{}/places/{}?done=deleted", organisation.slug, place.id)).into_response())
}

/// `/organisations/{slug}/places/{id}/preview`: the public page as it will look, published or not.
pub async fn preview(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path((slug, id)): Path<(String, String)>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageDirectory).await?;
    let place = own_place(&state, &organisation, &id).await?;
    let snapshot = crate::search::cache_snapshot(&state).await?;
    let entry = crate::search::Entry::load(&state.db, place).await?;
    crate::routes::public::render_place_page(&ctx, &snapshot, &entry, true)
}
