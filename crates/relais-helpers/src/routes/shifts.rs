//! `/organisations/{slug}/shifts`: a helper's coming drop-ins that need helpers, signing up for a
//! date or the series, withdrawing, asking for a swap, and their hours per month.
//! `/organisations/{slug}/coverage`: the week's sessions short of helpers or of a language (red
//! before the day), what each needs, assigning a helper, and everyone's hours that month.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use jiff::civil::Date;
use relais_core::{
    i18n::{FluentArg, Tr},
    web::{
        AppState,
        client::ClientAddr,
        error::AppError,
        forms::{Choice, DoneQuery, Fields, all, field},
        layout::PageContext,
        response::see_other,
    },
};
use relais_directory::{display, places::hhmm, taxonomy::Taxonomy};
use relais_organisations::{
    access::{authorise, may},
    audit::{self, Event},
    organisations::Organisation,
    policy::Action,
    sessions::CurrentUser,
};
use serde::Deserialize;
use uuid::Uuid;

use super::terms;
use crate::{
    helpers::{self, Status},
    shifts::{self, Need, Occurrence, SERIES_WEEKS, Shift, ShiftStatus, SignUp},
};

/// How far ahead a helper sees the drop-ins to sign up for.
const AHEAD_DAYS: i64 = 28;

fn today() -> Date {
    let d = relais_core::dates::today();
    Date::new(d.year() as i16, u8::from(d.month()) as i8, d.day() as i8).unwrap_or(Date::constant(2026, 1, 1))
}

fn today_at(state: &AppState) -> Date {
    let d = relais_core::dates::local_date_of(state.clock.now());
    Date::new(d.year() as i16, u8::from(d.month()) as i8, d.day() as i8).unwrap_or_else(|_| today())
}

fn plus_days(date: Date, days: i64) -> Date {
    date.checked_add(jiff::Span::new().days(days)).unwrap_or(date)
}

fn hours_text(minutes: i64) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// One drop-in date on a helper's page.
struct Line {
    session: Uuid,
    date: String,
    when: String,
    place: String,
    left: i64,
    /// "2 places left"
    left_text: String,
    languages: String,
    /// The helper's shift that day: (id, asked for a swap).
    mine: Option<(Uuid, bool)>,
}

#[derive(Template)]
#[template(path = "shifts.html")]
struct ShiftsPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    lines: Vec<Line>,
    hours: Vec<(String, String)>,
    notice: Option<String>,
    may_cover: bool,
}

async fn own_helper(state: &AppState, organisation: &Organisation, user: &CurrentUser) -> Result<Uuid, AppError> {
    helpers::ensure_members(&state.db, organisation.id, state.clock.now()).await?;
    helpers::of_member(&state.db, organisation.id, user.id).await?.ok_or(AppError::NotFound)
}

/// `GET /organisations/{slug}/shifts`.
pub async fn mine(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(done): Query<DoneQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::KeepOwnProfile).await?;
    let helper = own_helper(&state, &organisation, &user).await?;
    let tr = ctx.tr;
    let terms = terms(&state).await?;
    let from = today_at(&state);
    let to = plus_days(from, AHEAD_DAYS);
    let occurrences = shifts::occurrences(&state.db, organisation.id, tr.locale, from, to).await?;
    let taken = shifts::shifts_between(&state.db, organisation.id, from, to).await?;
    let lines = occurrences
        .iter()
        .filter(|o| o.need.as_ref().is_some_and(|n| n.helpers > 0))
        .map(|o| {
            let here: Vec<&Shift> = taken.iter().filter(|s| s.session_id == o.session_id && s.date == o.date).collect();
            let need = o.need.clone().unwrap_or(Need { helpers: 0, languages: Vec::new() });
            let left = (need.helpers - here.len() as i64).max(0);
            Line {
                left_text: if left == 0 { tr.t("shifts-no-place-left") } else { tr.t_args("shifts-places-left", &[("count", FluentArg::Number(left as f64))]) },
                session: o.session_id,
                date: o.date.to_string(),
                when: format!("{} {}–{}", display::date(&tr, o.date), hhmm(o.start), hhmm(o.end)),
                place: o.place.clone(),
                left,
                languages: need.languages.iter().map(|l| terms.label(Taxonomy::Language, l, tr.locale)).collect::<Vec<_>>().join(", "),
                mine: here.iter().find(|s| s.helper_id == helper).map(|s| (s.id, s.status == ShiftStatus::SwapAsked)),
            }
        })
        .collect();
    let hours = shifts::hours(&state.db, organisation.id, Some(helper), from).await?.into_iter().map(|(_, _, month, minutes)| (month, hours_text(minutes))).collect();
    let notice = match done.done.as_str() {
        "signed-up" => Some(tr.t("shifts-signed-up")),
        "full" => Some(tr.t("shifts-full")),
        "withdrawn" => Some(tr.t("shifts-withdrawn")),
        "swap" => Some(tr.t("shifts-swap-asked")),
        "gone" => Some(tr.t("shifts-gone")),
        _ => None,
    };
    let page = ShiftsPage { tr, csrf: &ctx.csrf, organisation: &organisation, lines, hours, notice, may_cover: may(&user, organisation.id, Action::ViewHelpers) };
    ctx.render(&format!("{} — {}", tr.t("shifts-title"), organisation.name), &page.render()?)
}

/// The occurrence of `session` on `date` in the organisation, if it is one.
async fn occurrence_of(state: &AppState, organisation: &Organisation, tr: &Tr, session: &str, date: &str) -> Result<Option<Occurrence>, AppError> {
    let (Ok(session), Ok(date)) = (Uuid::parse_str(session), date.parse::<Date>()) else { return Ok(None) };
    Ok(shifts::occurrences(&state.db, organisation.id, tr.locale, date, date).await?.into_iter().find(|o| o.session_id == session))
}

/// `POST /organisations/{slug}/shifts`: sign up for a date (`scope=one`) or for every date of the
/// session in the coming weeks (`scope=series`).
pub async fn sign_up(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path(slug): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::KeepOwnProfile).await?;
    let helper = own_helper(&state, &organisation, &user).await?;
    let now = state.clock.now();
    let back = format!("/organisations/{}/shifts", organisation.slug);
    // A date no longer open (the session was changed or closed since the page was shown, or it
    // is past): said on the page.
    let first = occurrence_of(&state, &organisation, &ctx.tr, field(&fields, "session"), field(&fields, "date")).await?.filter(|o| o.date >= today_at(&state));
    let Some(first) = first else { return Ok(see_other(&format!("{back}?done=gone")).into_response()) };
    let dates: Vec<Occurrence> = if field(&fields, "scope") == "series" {
        shifts::occurrences(&state.db, organisation.id, ctx.tr.locale, first.date, plus_days(first.date, SERIES_WEEKS * 7))
            .await?
            .into_iter()
            .filter(|o| o.session_id == first.session_id)
            .collect()
    } else {
        vec![first]
    };
    let mut outcome = "signed-up";
    for occurrence in &dates {
        match shifts::sign_up(&state.db, organisation.id, occurrence, helper, None, now).await? {
            SignUp::Done | SignUp::Already => {}
            SignUp::Full | SignUp::NotNeeded => outcome = "full",
        }
    }
    audit::record_or_log(
        &state.db,
        Event::new("shift.signed_up", &client).actor(user.id).organisation(organisation.id).detail(format!("session={} dates={}", dates[0].session_id, dates.len())),
    )
    .await;
    Ok(see_other(&format!("{back}?done={outcome}")).into_response())
}

/// `POST /organisations/{slug}/shifts/{shift}/withdraw`: one's own shift (a coordinator: anyone's).
pub async fn withdraw(State(state): State<AppState>, user: CurrentUser, ClientAddr(client): ClientAddr, Path((slug, shift)): Path<(String, Uuid)>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::KeepOwnProfile).await?;
    let manager = may(&user, organisation.id, Action::ManageHelpers);
    let helper = if manager { None } else { Some(own_helper(&state, &organisation, &user).await?) };
    if shifts::withdraw(&state.db, organisation.id, shift, helper, state.clock.now()).await? {
        audit::record_or_log(&state.db, Event::new("shift.withdrawn", &client).actor(user.id).organisation(organisation.id).detail(format!("shift={shift}"))).await;
    }
    let back = if manager { "coverage" } else { "shifts" };
    Ok(see_other(&format!("/organisations/{}/{back}?done=withdrawn", organisation.slug)).into_response())
}

/// `POST /organisations/{slug}/shifts/{shift}/swap`.
pub async fn swap(State(state): State<AppState>, user: CurrentUser, Path((slug, shift)): Path<(String, Uuid)>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::KeepOwnProfile).await?;
    let helper = own_helper(&state, &organisation, &user).await?;
    shifts::ask_swap(&state.db, organisation.id, shift, helper, state.clock.now()).await?;
    Ok(see_other(&format!("/organisations/{}/shifts?done=swap", organisation.slug)).into_response())
}

/// One session date of the coverage view.
struct Cover {
    session: Uuid,
    date: String,
    when: String,
    place: String,
    needed: i64,
    /// "1 of 2 helpers"
    count: String,
    helpers: Vec<(Uuid, String, bool)>,
    missing_languages: String,
    /// Short of helpers or of a language, and still to come (red).
    short: bool,
    /// Short, but past.
    was_short: bool,
}

/// What a session needs, to set it.
struct NeedForm {
    session: Uuid,
    label: String,
    helpers: i64,
    languages: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "coverage.html")]
struct CoveragePage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    week: String,
    previous: String,
    next: String,
    covers: Vec<Cover>,
    needs: Vec<NeedForm>,
    candidates: Vec<Choice>,
    hours: Vec<(String, String, String)>,
    may_manage: bool,
    notice: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
pub struct WeekQuery {
    #[serde(default)]
    week: String,
    #[serde(default)]
    done: String,
}

/// `GET /organisations/{slug}/coverage?week=YYYY-MM-DD` (any day of the week).
pub async fn coverage(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(query): Query<WeekQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ViewHelpers).await?;
    helpers::ensure_members(&state.db, organisation.id, state.clock.now()).await?;
    let tr = ctx.tr;
    let terms = terms(&state).await?;
    let today = today_at(&state);
    let day = query.week.parse::<Date>().unwrap_or(today);
    let monday = plus_days(day, -i64::from(day.weekday().to_monday_zero_offset()));
    let sunday = plus_days(monday, 6);
    let occurrences = shifts::occurrences(&state.db, organisation.id, tr.locale, monday, sunday).await?;
    let taken = shifts::shifts_between(&state.db, organisation.id, monday, sunday).await?;
    let label = |code: &String| terms.label(Taxonomy::Language, code, tr.locale).to_string();
    let covers = occurrences
        .iter()
        .map(|o| {
            let here: Vec<&Shift> = taken.iter().filter(|s| s.session_id == o.session_id && s.date == o.date).collect();
            let need = o.need.clone().unwrap_or(Need { helpers: 0, languages: Vec::new() });
            let missing: Vec<String> = need.languages.iter().filter(|l| !here.iter().any(|s| s.languages.contains(l))).map(label).collect();
            let short = (here.len() as i64) < need.helpers || !missing.is_empty();
            Cover {
                session: o.session_id,
                date: o.date.to_string(),
                when: format!("{} {}–{}", display::date(&tr, o.date), hhmm(o.start), hhmm(o.end)),
                place: o.place.clone(),
                needed: need.helpers,
                count: tr.t_args("coverage-count", &[("count", FluentArg::Number(here.len() as f64)), ("needed", FluentArg::Number(need.helpers as f64))]),
                helpers: here.iter().map(|s| (s.id, s.helper.clone(), s.status == ShiftStatus::SwapAsked)).collect(),
                missing_languages: missing.join(", "),
                short: short && o.date >= today,
                was_short: short && o.date < today,
            }
        })
        .collect();
    let mut needs: Vec<NeedForm> = Vec::new();
    for o in &occurrences {
        if needs.iter().any(|n| n.session == o.session_id) {
            continue;
        }
        let need = o.need.clone().unwrap_or(Need { helpers: 0, languages: Vec::new() });
        needs.push(NeedForm {
            session: o.session_id,
            label: format!("{} — {} {}–{}", o.place, tr.t(display::weekday_key(o.date.weekday())), hhmm(o.start), hhmm(o.end)),
            helpers: need.helpers,
            languages: terms
                .active(Taxonomy::Language)
                .map(|t| Choice { value: t.code.clone(), label: t.label(tr.locale).to_string(), checked: need.languages.contains(&t.code) })
                .collect(),
        });
    }
    let candidates = helpers::list(&state.db, organisation.id)
        .await?
        .into_iter()
        .filter(|h| h.status == Status::Active)
        .map(|h| Choice { value: h.id.to_string(), label: h.name, checked: false })
        .collect();
    let month_end = plus_days(sunday, 0);
    let month = monday.strftime("%Y-%m").to_string();
    let hours = shifts::hours(&state.db, organisation.id, None, month_end)
        .await?
        .into_iter()
        .filter(|(_, _, m, _)| *m == month)
        .map(|(_, name, m, minutes)| (name, m, hours_text(minutes)))
        .collect();
    let notice = match query.done.as_str() {
        "assigned" => Some(tr.t("coverage-assigned")),
        "full" => Some(tr.t("shifts-full")),
        "needs" => Some(tr.t("coverage-needs-saved")),
        "withdrawn" => Some(tr.t("shifts-withdrawn")),
        "gone" => Some(tr.t("shifts-gone")),
        "needs-error" => Some(tr.t("coverage-needs-error")),
        _ => None,
    };
    let page = CoveragePage {
        tr,
        csrf: &ctx.csrf,
        organisation: &organisation,
        week: display::date(&tr, monday),
        previous: plus_days(monday, -7).to_string(),
        next: plus_days(monday, 7).to_string(),
        covers,
        needs,
        candidates,
        hours,
        may_manage: may(&user, organisation.id, Action::ManageHelpers),
        notice,
    };
    ctx.render(&format!("{} — {}", tr.t("coverage-title"), organisation.name), &page.render()?)
}

/// `POST /organisations/{slug}/coverage/needs`: how many helpers a session needs and which languages.
pub async fn set_need(State(state): State<AppState>, user: CurrentUser, Path(slug): Path<String>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageHelpers).await?;
    let week = field(&fields, "week").parse::<Date>().map(|d| d.to_string()).unwrap_or_default();
    let back = format!("/organisations/{}/coverage?week={week}", organisation.slug);
    let session = Uuid::parse_str(field(&fields, "session")).ok();
    let helpers = field(&fields, "helpers").trim().parse::<i64>().ok().filter(|n| (0..=50).contains(n));
    let (Some(session), Some(helpers)) = (session, helpers) else { return Ok(see_other(&format!("{back}&done=needs-error")).into_response()) };
    let terms = terms(&state).await?;
    let languages: Vec<String> = all(&fields, "languages").into_iter().filter(|l| terms.every(Taxonomy::Language).any(|t| t.code == *l)).collect();
    if !shifts::set_need(&state.db, organisation.id, session, &Need { helpers, languages }).await? {
        return Ok(see_other(&format!("{back}&done=gone")).into_response());
    }
    Ok(see_other(&format!("{back}&done=needs")).into_response())
}

/// `POST /organisations/{slug}/coverage/assign`: a coordinator signs a helper up for a date.
pub async fn assign(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path(slug): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageHelpers).await?;
    let date = field(&fields, "date").parse::<Date>().map(|d| d.to_string()).unwrap_or_default();
    let helper = match Uuid::parse_str(field(&fields, "helper")) {
        Ok(h) => helpers::find(&state.db, organisation.id, h).await?.map(|_| h),
        Err(_) => None,
    };
    let occurrence = occurrence_of(&state, &organisation, &ctx.tr, field(&fields, "session"), &date).await?;
    let (Some(helper), Some(occurrence)) = (helper, occurrence) else {
        return Ok(see_other(&format!("/organisations/{}/coverage?week={date}&done=gone", organisation.slug)).into_response());
    };
    let outcome = shifts::sign_up(&state.db, organisation.id, &occurrence, helper, Some(user.id), state.clock.now()).await?;
    if outcome == SignUp::Done {
        audit::record_or_log(&state.db, Event::new("shift.assigned", &client).actor(user.id).organisation(organisation.id).detail(format!("helper={helper} date={date}"))).await;
    }
    let done = if matches!(outcome, SignUp::Done | SignUp::Already) { "assigned" } else { "full" };
    Ok(see_other(&format!("/organisations/{}/coverage?week={date}&done={done}", organisation.slug)).into_response())
}
