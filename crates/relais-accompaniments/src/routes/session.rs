//! Session mode: "my session now" (where the helper is: a place, a mobile stop, a home visit, the
//! phone) and the request form, one request after another. The common case is five
//! interactions: a theme, the online service, how it went, the outcome, save.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::db::{FormTable, is_own_row};
use relais_core::web::response::see_other;
use relais_core::{
    i18n::{FluentArg, Tr},
    web::{AppState, error::AppError, layout::PageContext},
};
use relais_directory::{places, taxonomy::Taxonomy};
use relais_organisations::{
    access::authorise,
    model::Role,
    organisations::Organisation,
    policy::{self, Action, Decision},
    sessions::CurrentUser,
};
use serde::Deserialize;
use time::OffsetDateTime;
use uuid::Uuid;

use super::{Choice, FieldError, Fields, all, field, term_choices, vocabulary_choices};
use crate::{
    icons,
    log::{self, NewAccompaniment, Typed},
    people,
    redirections::{self, Target},
    terms::{self, Terms},
    vocabulary,
};

struct Where {
    href: String,
    label: String,
}

#[derive(Template)]
#[template(path = "session.html")]
struct SessionPage<'a> {
    tr: Tr,
    organisation: &'a Organisation,
    /// Where the helper signed up to help today (their shifts), first.
    shifts: Vec<Where>,
    places: Vec<Where>,
    stops: Vec<Where>,
    elsewhere: Vec<Where>,
    person: Option<String>,
    may_view_people: bool,
    may_view_requests: bool,
    may_review: bool,
}

#[derive(Debug, Deserialize, Default)]
pub struct SessionQuery {
    #[serde(default)]
    person: String,
}

/// `GET /organisations/{slug}/session`: where is the helper now?
pub async fn start(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(query): Query<SessionQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let tr = ctx.tr;
    let may_view_people = policy::decide(&user, organisation.id, Action::ViewPeople) == Decision::Allowed;
    let person = match Uuid::parse_str(&query.person).ok() {
        Some(id) if may_view_people => people::find(&state.db, organisation.id, id).await?,
        _ => None,
    };
    let since = OffsetDateTime::now_utc().unix_timestamp();
    let person_param = person.as_ref().map(|p| format!("&person={}", p.id)).unwrap_or_default();
    let href = |at: &str| format!("/organisations/{}/log?at={at}&since={since}{person_param}", organisation.slug);
    let mut fixed = Vec::new();
    let mut stops = Vec::new();
    let all_places = places::places_of(&state.db, organisation.id).await?;
    for place in &all_places {
        let line = Where { href: href(&format!("place:{}", place.id)), label: place.name(tr.locale).to_string() };
        if place.mobile_unit_id.is_some() { stops.push(line) } else { fixed.push(line) }
    }
    let today = relais_core::dates::local_date_of(state.clock.now());
    let today = jiff::civil::Date::new(today.year() as i16, u8::from(today.month()) as i8, today.day() as i8).ok();
    let mut shifts = Vec::new();
    if let Some(today) = today {
        for (place, starts) in relais_helpers::shifts::places_of_member_on(&state.db, organisation.id, user.id, today).await? {
            if let Some(p) = all_places.iter().find(|p| p.id == place) {
                let time = relais_core::dates::local_datetime(starts);
                let time = time.rsplit(' ').next().unwrap_or_default().to_string();
                shifts.push(Where { href: href(&format!("place:{}", p.id)), label: format!("{} — {time}", p.name(tr.locale)) });
            }
        }
    }
    let elsewhere =
        ["home-visit", "phone"].iter().map(|code| Where { href: href(code), label: tr.t(vocabulary::key_of(vocabulary::SETTINGS, code).unwrap_or_default()) }).collect();
    let page = SessionPage {
        tr,
        organisation: &organisation,
        shifts,
        places: fixed,
        stops,
        elsewhere,
        person: person.map(|p| p.pseudonym),
        may_view_people,
        may_view_requests: policy::decide(&user, organisation.id, Action::ViewRequests) == Decision::Allowed,
        may_review: policy::decide(&user, organisation.id, Action::ReviewSignals) == Decision::Allowed,
    };
    ctx.render(&format!("{} — {}", tr.t("session-title"), organisation.name), &page.render()?)
}

/// Where the session takes place, from the `at` parameter.
struct At {
    code: String,
    setting: &'static str,
    place: Option<Uuid>,
    label: String,
}

async fn resolve_at(state: &AppState, tr: &Tr, organisation: &Organisation, at: &str) -> Result<At, AppError> {
    if let Some(id) = at.strip_prefix("place:") {
        let id = Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
        let place = places::find_place(&state.db, id).await?.filter(|p| p.organisation_id == organisation.id).ok_or(AppError::NotFound)?;
        let setting = if place.mobile_unit_id.is_some() { "mobile-stop" } else { "place" };
        return Ok(At { code: at.to_string(), setting, place: Some(place.id), label: place.name(tr.locale).to_string() });
    }
    match vocabulary::SETTINGS.iter().find(|(code, _)| *code == at && matches!(*code, "home-visit" | "phone")) {
        Some((code, key)) => Ok(At { code: code.to_string(), setting: code, place: None, label: tr.t(key) }),
        None => Err(AppError::NotFound),
    }
}

struct ThemeChoice {
    choice: Choice,
    icon: &'static str,
}

struct Target2 {
    value: String,
    label: String,
    selected: bool,
}

/// How many themes and online services (besides "none") the log form offers in one tap, from
/// the requests of the last `FREQUENT_DAYS` days (the catalogue's first ones while there are few).
const FREQUENT_THEMES: usize = 5;
const FREQUENT_SERVICES: usize = 4;
const FREQUENT_DAYS: i64 = 90;

/// The choices among the `count` most frequent, and the others, both in the catalogue's order
/// (while fewer than `count` were used, the catalogue's first ones fill the line).
fn split_frequent<T>(choices: Vec<T>, frequent: &[String], count: usize, code: impl Fn(&T) -> &String) -> (Vec<T>, Vec<T>) {
    let mut first: Vec<String> = frequent.iter().filter(|f| choices.iter().any(|c| code(c) == *f)).take(count).cloned().collect();
    for choice in &choices {
        if first.len() >= count {
            break;
        }
        if !first.contains(code(choice)) {
            first.push(code(choice).clone());
        }
    }
    choices.into_iter().partition(|c| first.contains(code(c)))
}

#[derive(Template)]
#[template(path = "log.html")]
struct LogPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    at: &'a At,
    since: i64,
    opened: i64,
    form_id: String,
    person: Option<(Uuid, String)>,
    people_choices: Vec<Target2>,
    saved: Option<(Uuid, String)>,
    errors: Vec<FieldError>,
    /// The most used themes (one tap), and the others behind "another theme".
    themes: Vec<ThemeChoice>,
    more_themes: Vec<ThemeChoice>,
    open_more_themes: bool,
    /// "None" and the most used online services, as one-tap choices.
    services: Vec<Choice>,
    /// The other online services, behind "other online service".
    more_services: Vec<Choice>,
    open_more_services: bool,
    autonomy: Vec<Choice>,
    outcomes: Vec<Choice>,
    steps: Vec<Choice>,
    minutes: String,
    note: String,
    follow_up_on: String,
    targets_partners: Vec<Target2>,
    targets_places: Vec<Target2>,
    targets_register: Vec<Target2>,
    reason: String,
    may_view_people: bool,
    open_more: bool,
}

impl LogPage<'_> {
    fn error(&self, field: &str) -> Option<String> {
        FieldError::of(&self.errors, field)
    }
}

#[derive(Debug, Deserialize, Default)]
pub struct LogQuery {
    #[serde(default)]
    at: String,
    #[serde(default)]
    since: Option<i64>,
    #[serde(default)]
    person: String,
    #[serde(default)]
    saved: String,
}

/// What the form shows (blank or as typed).
#[derive(Default)]
struct Shown {
    typed: Typed,
    person: Option<Uuid>,
    target: String,
    reason: String,
    /// The minutes as typed (kept even when not a number).
    minutes_text: String,
}

#[allow(clippy::too_many_arguments)] // the page's parts
async fn render(
    state: &AppState,
    ctx: &PageContext,
    user: &CurrentUser,
    organisation: &Organisation,
    at: &At,
    since: i64,
    form_id: String,
    shown: Shown,
    saved: Option<(Uuid, i64)>,
    errors: Vec<FieldError>,
    terms: &Terms,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let may_view_people = policy::decide(user, organisation.id, Action::ViewPeople) == Decision::Allowed;
    let person = match shown.person {
        Some(id) if may_view_people => people::find(&state.db, organisation.id, id).await?.map(|p| (p.id, p.pseudonym)),
        _ => None,
    };
    let targets_places = if may_view_people {
        nearby_partner_places(state, organisation, at.place, tr.locale)
            .await?
            .into_iter()
            .map(|(place, _, label)| Target2 { selected: shown.target == format!("place:{place}"), value: format!("place:{place}"), label })
            .collect()
    } else {
        Vec::new()
    };
    let (targets_partners, targets_register, people_choices) = if may_view_people {
        let partners = redirections::partner_organisations(&state.db, organisation.id)
            .await?
            .into_iter()
            .map(|(id, name)| Target2 { selected: shown.target == format!("org:{id}"), value: format!("org:{id}"), label: name })
            .collect();
        let register = redirections::referral_targets(&state.db, organisation.id)
            .await?
            .into_iter()
            .filter(|t| t.active)
            .map(|t| Target2 { selected: shown.target == format!("ref:{}", t.id), value: format!("ref:{}", t.id), label: t.name })
            .collect();
        let recent = if person.is_none() {
            people::list(&state.db, organisation.id, "", 50).await?.into_iter().map(|p| Target2 { selected: false, value: p.id.to_string(), label: p.pseudonym }).collect()
        } else {
            Vec::new()
        };
        (partners, register, recent)
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };
    let typed = &shown.typed;
    // One tap for what the organisation logs most (themes, online services, in the catalogue's
    // order so a choice stays where the hand expects it); one more for the others, shown at once
    // when one of them is chosen.
    let frequent = log::frequent(&state.db, organisation.id, OffsetDateTime::now_utc() - time::Duration::days(FREQUENT_DAYS)).await?;
    let themes = term_choices(terms, Taxonomy::Theme, tr.locale, &typed.themes).into_iter().map(|choice| ThemeChoice { icon: icons::theme(&choice.value), choice }).collect();
    let (themes, more_themes) = split_frequent(themes, &frequent.themes, FREQUENT_THEMES, |t: &ThemeChoice| &t.choice.value);
    let services = term_choices(terms, Taxonomy::OnlineService, tr.locale, std::slice::from_ref(&typed.online_service));
    let (mut services, more_services) = split_frequent(services, &frequent.online_services, FREQUENT_SERVICES, |c: &Choice| &c.value);
    services.insert(0, Choice { value: String::new(), label: tr.t("log-service-none"), checked: typed.online_service.is_empty() });
    let open_more_themes = more_themes.iter().any(|t| t.choice.checked);
    let open_more_services = more_services.iter().any(|c| c.checked);
    // "More details" stays open when it holds an error or anything typed: nothing typed is hidden.
    let open_more = errors.iter().any(|e| matches!(e.field, "minutes" | "follow_up_on" | "note" | "target"))
        || !typed.note.trim().is_empty()
        || !typed.steps.is_empty()
        || !typed.follow_up_on.trim().is_empty()
        || !shown.minutes_text.trim().is_empty()
        || !shown.target.is_empty()
        || !shown.reason.trim().is_empty();
    let page = LogPage {
        tr,
        csrf: &ctx.csrf,
        organisation,
        at,
        since,
        opened: OffsetDateTime::now_utc().unix_timestamp(),
        form_id,
        person,
        people_choices,
        saved: saved.map(|(id, count)| (id, tr.t_args("log-saved-count", &[("count", FluentArg::Number(count as f64))]))),
        themes,
        more_themes,
        open_more_themes,
        services,
        more_services,
        open_more_services,
        autonomy: term_choices(terms, Taxonomy::Autonomy, tr.locale, std::slice::from_ref(&typed.autonomy)),
        outcomes: term_choices(terms, Taxonomy::Outcome, tr.locale, std::slice::from_ref(&typed.outcome)),
        steps: vocabulary_choices(&tr, vocabulary::STEPS, &typed.steps),
        minutes: shown.minutes_text.clone(),
        note: typed.note.clone(),
        follow_up_on: typed.follow_up_on.clone(),
        targets_partners,
        targets_places,
        targets_register,
        reason: shown.reason,
        may_view_people,
        open_more,
        errors,
    };
    let title = if page.errors.is_empty() { tr.t("log-title") } else { format!("{} — {}", tr.t("form-has-errors"), tr.t("log-title")) };
    ctx.render_with_status(status, &title, &page.render()?)
}

/// `GET /organisations/{slug}/log?at=…&since=…`: the request form.
pub async fn form(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(query): Query<LogQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    if query.at.is_empty() {
        // No place chosen yet: choose it first.
        return Ok(see_other(&format!("/organisations/{}/session", organisation.slug)).into_response());
    }
    let at = resolve_at(&state, &ctx.tr, &organisation, &query.at).await?;
    let since = query.since.filter(|t| super::plausible(*t)).unwrap_or_else(|| OffsetDateTime::now_utc().unix_timestamp());
    let saved = match Uuid::parse_str(&query.saved).ok() {
        Some(id) => {
            let from = OffsetDateTime::from_unix_timestamp(since).unwrap_or_else(|_| OffsetDateTime::now_utc());
            Some((id, log::count_since(&state.db, organisation.id, user.id, from).await?))
        }
        None => None,
    };
    let terms = terms::terms(&state).await?;
    let shown = Shown { person: Uuid::parse_str(&query.person).ok(), ..Shown::default() };
    render(&state, &ctx, &user, &organisation, &at, since, Uuid::new_v4().to_string(), shown, saved, Vec::new(), &terms, StatusCode::OK).await
}

/// `POST /organisations/{slug}/log`: save one request, then a fresh form for the next.
pub async fn save(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::LogRequests).await?;
    let tr = ctx.tr;
    let at = resolve_at(&state, &tr, &organisation, field(&fields, "at")).await?;
    let since = field(&fields, "since").parse::<i64>().ok().filter(|t| super::plausible(*t)).unwrap_or_else(|| OffsetDateTime::now_utc().unix_timestamp());
    let now = OffsetDateTime::now_utc();
    let opened = field(&fields, "opened").parse::<i64>().ok().filter(|t| super::plausible(*t)).and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok()).unwrap_or(now);
    let default_minutes = ((now - opened).whole_minutes()).clamp(1, log::MAX_MINUTES);
    let minutes_text = field(&fields, "minutes").trim();
    let typed = Typed {
        setting: at.setting.to_string(),
        themes: all(&fields, "themes"),
        online_service: field(&fields, "online_service").to_string(),
        autonomy: field(&fields, "autonomy").to_string(),
        outcome: field(&fields, "outcome").to_string(),
        minutes: if minutes_text.is_empty() { None } else { Some(minutes_text.parse::<i64>().unwrap_or(-1)) },
        steps: all(&fields, "steps"),
        note: field(&fields, "note").to_string(),
        follow_up_on: field(&fields, "follow_up_on").to_string(),
    };
    let may_view_people = policy::decide(&user, organisation.id, Action::ViewPeople) == Decision::Allowed;
    let person = match Uuid::parse_str(field(&fields, "person")).ok() {
        Some(id) if may_view_people => people::find(&state.db, organisation.id, id).await?.map(|p| p.id),
        _ => None,
    };
    let target_text = field(&fields, "target").trim().to_string();
    let reason = field(&fields, "reason").trim().chars().take(redirections::MAX_REASON).collect::<String>();
    let terms = terms::terms(&state).await?;
    let mut errors: Vec<FieldError> = Vec::new();
    let checked = log::check(&typed, &terms, default_minutes);
    if let Err(found) = &checked {
        errors.extend(found.iter().map(|e| FieldError { field: e.field(), message: tr.t(e.message_key()) }));
    }
    // The reason goes to the partner: no personal data in it.
    if let Some(found) = crate::personal_data::find(&reason).first() {
        errors.push(FieldError { field: "target", message: tr.t(crate::signals::SignalError::PersonalData(*found).message_key()) });
    }
    // "Redirected to a partner" names the partner (where the form offers the choice).
    if may_view_people && typed.outcome.trim() == REDIRECTED && target_text.is_empty() {
        errors.push(FieldError { field: "target", message: tr.t("log-error-redirected-without-partner") });
    }
    let target = if target_text.is_empty() || !may_view_people {
        None
    } else {
        match resolve_target(&state, &organisation, &target_text).await? {
            Some(target) => Some(target),
            None => {
                errors.push(FieldError { field: "target", message: tr.t("log-error-target") });
                None
            }
        }
    };
    let form_id = Uuid::parse_str(field(&fields, "id")).unwrap_or_else(|_| Uuid::new_v4());
    let checked = match checked {
        Ok(checked) if errors.is_empty() => checked,
        _ => {
            let shown = Shown { typed, person, target: target_text, reason, minutes_text: minutes_text.chars().take(10).collect() };
            return render(&state, &ctx, &user, &organisation, &at, since, form_id.to_string(), shown, None, errors, &terms, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let mut new = NewAccompaniment {
        id: form_id,
        organisation: organisation.id,
        helper: Some(user.id),
        helper_kind: helper_kind(&user, organisation.id),
        setting: checked.setting,
        place: at.place,
        started_at: now - time::Duration::minutes(checked.minutes),
        minutes: checked.minutes,
        themes: checked.themes,
        online_service: checked.online_service,
        autonomy: checked.autonomy,
        outcome: checked.outcome,
        steps: checked.steps,
        note: checked.note,
        follow_up_on: checked.follow_up_on,
        person,
    };
    // A repeated submit of the same form (double click, reload) finds the row already there.
    if let Some(existing) = log::find(&state.db, organisation.id, form_id).await? {
        if existing.helper_id != Some(user.id) {
            return Err(AppError::BadRequest);
        }
    } else if log::insert(&state.db, &new).await? {
        if let Some(target) = target {
            redirections::create(&state.db, organisation.id, new.id, target, &reason).await?;
        }
    } else if !is_own_row(&state.db, FormTable::Accompaniments, organisation.id, form_id).await? {
        // The form's id is another organisation's request: logged as a fresh one (an id of
        // another organisation is answered like any new id, and its row is never touched).
        // (Taken by our own row instead, it is the same form sent twice at once: logged once.)
        new.id = Uuid::new_v4();
        log::insert(&state.db, &new).await?;
        if let Some(target) = target {
            redirections::create(&state.db, organisation.id, new.id, target, &reason).await?;
        }
    }
    let form_id = new.id;
    // The next request starts with no person: each request names its own, never the previous one's.
    Ok(see_other(&format!("/organisations/{}/log?at={}&since={since}&saved={form_id}", organisation.slug, at.code)).into_response())
}

/// The outcome "redirected to a partner".
const REDIRECTED: &str = "redirected";

/// Professional or volunteer, from the helper's role in the organisation.
pub fn helper_kind(user: &CurrentUser, organisation: Uuid) -> &'static str {
    match user.memberships.iter().find(|m| m.organisation_id == organisation).map(|m| m.role) {
        Some(Role::Volunteer) => "volunteer",
        _ => "professional",
    }
}

/// A redirection target from the form's value, checked: a partner organisation on Relais, or
/// one of the organisation's own active referral targets.
pub async fn resolve_target(state: &AppState, organisation: &Organisation, value: &str) -> Result<Option<Target>, AppError> {
    let Some((kind, id)) = Target::parse_kind(value) else { return Ok(None) };
    Ok(match kind {
        "org" => redirections::partner_organisations(&state.db, organisation.id).await?.into_iter().any(|(o, _)| o == id).then_some(Target::Organisation(id)),
        // Any published place of another organisation (the form offers the nearby ones).
        "place" => relais_directory::search::cache_snapshot(state)
            .await?
            .entries
            .iter()
            .find(|e| e.place.id == id && e.place.published && e.place.organisation_id != organisation.id)
            .map(|e| Target::Place { organisation: e.place.organisation_id, place: id }),
        "ref" => redirections::referral_targets(&state.db, organisation.id).await?.into_iter().any(|t| t.id == id && t.active).then_some(Target::Referral(id)),
        _ => None,
    })
}

/// How far a partner place may be to be offered as a redirection.
const NEARBY_KM: f64 = 25.0;

/// Published places of other organisations near `origin` (a place of the organisation, else its
/// first place), nearest first: (place, its organisation, "name — municipality (n km)").
pub async fn nearby_partner_places(
    state: &AppState,
    organisation: &Organisation,
    origin: Option<Uuid>,
    locale: relais_core::i18n::Locale,
) -> Result<Vec<(Uuid, Uuid, String)>, AppError> {
    use relais_directory::reference::{distance_km, reference};
    let snapshot = relais_directory::search::cache_snapshot(state).await?;
    let own: Vec<_> = snapshot.entries.iter().filter(|e| e.place.organisation_id == organisation.id).collect();
    let centre = origin.and_then(|id| own.iter().find(|e| e.place.id == id)).or(own.first()).map(|e| (e.place.latitude, e.place.longitude));
    let mut found: Vec<(f64, Uuid, Uuid, String)> = snapshot
        .entries
        .iter()
        .filter(|e| e.place.organisation_id != organisation.id && e.place.published)
        .filter_map(|e| {
            let km = centre.map(|c| distance_km(c, (e.place.latitude, e.place.longitude)));
            if km.is_none_or(|km| km > NEARBY_KM) {
                return None;
            }
            let municipality = reference().municipality(&e.place.municipality_nis).map(|m| m.name(locale).to_string()).unwrap_or_default();
            let km = km.unwrap_or_default();
            let label = format!("{} — {municipality} ({km:.0} km)", e.place.name(locale));
            Some((km, e.place.id, e.place.organisation_id, label))
        })
        .collect();
    found.sort_by(|a, b| a.0.total_cmp(&b.0));
    found.truncate(15);
    Ok(found.into_iter().map(|(_, place, partner, label)| (place, partner, label)).collect())
}

#[cfg(test)]
mod tests {
    use super::split_frequent;

    fn codes(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_most_used_come_first_in_the_catalogues_order_and_the_first_ones_fill_in() {
        let catalogue = codes(&["a", "b", "c", "d", "e"]);
        let (first, others) = split_frequent(catalogue.clone(), &codes(&["d", "b", "zz"]), 3, |c: &String| c);
        // "zz" left the catalogue; "a" fills the third place; each list keeps the catalogue's order.
        assert_eq!(first, codes(&["a", "b", "d"]));
        assert_eq!(others, codes(&["c", "e"]));
        let (first, others) = split_frequent(catalogue, &[], 2, |c: &String| c);
        assert_eq!((first, others), (codes(&["a", "b"]), codes(&["c", "d", "e"])));
    }
}
