//! Taking a diagnostic: the start page, the intake, the foundation gate and the questions. One
//! form per page, every answer by a tap; works without JavaScript (a read-aloud button is added
//! by script where the browser can speak). Nothing is timed.

use askama::Template;
use axum::{
    Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::web::response::see_other;
use relais_core::{
    i18n::Tr,
    web::{AppState, error::AppError, layout::PageContext},
};
use relais_directory::reference;
use uuid::Uuid;

use super::{Choice, Fields, Picture, all, field};
use crate::{
    catalogue,
    diagnostics::{self, Answer, Diagnostic, Intake, Mode, Progress, Stage, Starter},
    flow::{self, Step},
    framework::{AREAS, Kind, Outcome},
    gate, items,
    items::Item,
    pictograms,
};

#[derive(Template)]
#[template(path = "diagnostic_start.html")]
struct StartPage<'a> {
    tr: Tr,
    csrf: &'a str,
    areas: Vec<Picture>,
}

/// `GET /diagnostic`: what the check is, and a button to start.
pub async fn start_page(ctx: PageContext) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let areas = AREAS.iter().map(|a| Picture { path: pictograms::path(a.pictogram()), label: tr.t(a.key()) }).collect();
    let page = StartPage { tr, csrf: &ctx.csrf, areas };
    ctx.render(&tr.t("diagnostic-title"), &page.render()?)
}

/// `POST /diagnostic`: start a diagnostic for a person alone (no account, nothing personal).
pub async fn start(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let d = diagnostics::start(&state.db, Mode::Alone, ctx.locale().code(), Starter::default()).await?;
    Ok(see_other(&format!("/diagnostic/{}", d.id)).into_response())
}

/// The diagnostic named in the URL (its id is the capability: unguessable, never listed).
pub async fn load(state: &AppState, id: &str) -> Result<Diagnostic, AppError> {
    let id = Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
    diagnostics::find(&state.db, id).await?.ok_or(AppError::NotFound)
}

/// The previous diagnostic of the same person and the items it (and any earlier) showed.
pub async fn history(state: &AppState, d: &Diagnostic) -> Result<(Option<Diagnostic>, Vec<String>), AppError> {
    Ok(diagnostics::history(&state.db, d).await?)
}

#[derive(Template)]
#[template(path = "diagnostic_intake.html")]
struct IntakePage<'a> {
    tr: Tr,
    csrf: &'a str,
    id: Uuid,
    devices: Vec<Choice>,
    connections: Vec<Choice>,
    identity: Vec<Choice>,
    services: Vec<Choice>,
    postcode: String,
    postcode_error: Option<String>,
}

const DEVICES: [(&str, &str, &str); 3] =
    [("smartphone", "intake-device-smartphone", "phone"), ("tablet", "intake-device-tablet", "touch"), ("computer", "intake-device-computer", "keyboard")];
const CONNECTIONS: [(&str, &str, &str); 4] = [
    ("home", "intake-connection-home", "home"),
    ("mobile-data", "intake-connection-mobile", "phone"),
    ("public", "intake-connection-public", "wifi"),
    ("none", "intake-connection-none", "cross"),
];
const IDENTITY: [(&str, &str, &str); 2] = [("itsme", "intake-identity-itsme", "phone-key"), ("eid-reader", "intake-identity-eid", "id-card")];
const SERVICES: [(&str, &str, &str); 6] = [
    ("email", "intake-service-email", "mail"),
    ("banking", "intake-service-banking", "bank"),
    ("health-insurance", "intake-service-health-insurance", "health"),
    ("taxes", "intake-service-taxes", "document"),
    ("pension", "intake-service-pension", "pension"),
    ("employment", "intake-service-employment", "job"),
];

fn choices(tr: &Tr, list: &[(&str, &str, &'static str)], selected: &[String]) -> Vec<Choice> {
    list.iter()
        .map(|(value, key, picto)| Choice { value: value.to_string(), label: tr.t(key), checked: selected.iter().any(|s| s == value), path: pictograms::path(picto) })
        .collect()
}

fn intake_page<'a>(ctx: &'a PageContext, id: Uuid, intake: &Intake, postcode: &str, postcode_error: Option<String>) -> IntakePage<'a> {
    let tr = ctx.tr;
    IntakePage {
        tr,
        csrf: &ctx.csrf,
        id,
        devices: choices(&tr, &DEVICES, &intake.devices),
        connections: choices(&tr, &CONNECTIONS, std::slice::from_ref(&intake.connection)),
        identity: choices(&tr, &IDENTITY, &intake.identity),
        services: choices(&tr, &SERVICES, &intake.services),
        postcode: postcode.to_string(),
        postcode_error,
    }
}

#[derive(Template)]
#[template(path = "diagnostic_gate.html")]
struct GatePage<'a> {
    tr: Tr,
    csrf: &'a str,
    id: Uuid,
    task: &'static str,
    expected: usize,
    word: &'static str,
    pictures: Vec<Choice>,
    typed_error: Option<String>,
}

#[derive(Template)]
#[template(path = "diagnostic_question.html")]
struct QuestionPage<'a> {
    tr: Tr,
    csrf: &'a str,
    id: Uuid,
    code: &'a str,
    expected: usize,
    number_f64: f64,
    lang: &'static str,
    question: &'a str,
    alt: &'a str,
    picture: &'static str,
    kind: &'static str,
    options: Vec<Choice>,
    area: String,
}

/// `GET /diagnostic/{id}`: the current step.
pub async fn page(State(state): State<AppState>, ctx: PageContext, Path(id): Path<String>) -> Result<Response, AppError> {
    let d = load(&state, &id).await?;
    let bank = items::active(&state.db).await?;
    let (previous, seen) = history(&state, &d).await?;
    render_step(&ctx, &d, &bank, previous.as_ref(), &seen, None, StatusCode::OK)
}

fn render_step(
    ctx: &PageContext,
    d: &Diagnostic,
    bank: &[Item],
    previous: Option<&Diagnostic>,
    seen: &[String],
    typed_error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    match flow::step(d, bank, previous, seen) {
        Step::Result => Ok(see_other(&format!("/diagnostic/{}/result", d.id)).into_response()),
        Step::Intake => {
            let page = intake_page(ctx, d.id, &d.intake, &d.postcode, None);
            ctx.render(&tr.t("intake-title"), &page.render()?)
        }
        Step::Gate(task) => {
            // the pictures of the Wi-Fi task, in an order fixed by the session
            let mut pictures: Vec<(usize, &str)> = gate::WIFI_CHOICES.iter().copied().enumerate().collect();
            fastrand::Rng::with_seed(d.seed).shuffle(&mut pictures);
            let pictures =
                pictures.into_iter().map(|(i, name)| Choice { value: i.to_string(), label: tr.t(gate_picture_key(name)), checked: false, path: pictograms::path(name) }).collect();
            let page = GatePage { tr, csrf: &ctx.csrf, id: d.id, task: task.code, expected: d.answers.len(), word: gate::WORD, pictures, typed_error };
            ctx.render_with_status(status, &tr.t("gate-title"), &page.render()?)
        }
        Step::Question { item, number } => {
            let v = item.variant(tr.locale);
            let options = match item.kind {
                Kind::SelfAssessment => fixed(&tr, &[("alone", "answer-self-alone"), ("help", "answer-self-help"), ("not-yet", "answer-self-not-yet")]),
                Kind::Observed => fixed(&tr, &[("alone", "answer-observed-alone"), ("help", "answer-observed-help"), ("not-yet", "answer-observed-not-done")]),
                _ => v
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, label)| Choice {
                        value: i.to_string(),
                        label: label.clone(),
                        checked: false,
                        path: item.option_pictograms.get(i).map(|p| pictograms::path(p)).unwrap_or(""),
                    })
                    .collect(),
            };
            let page = QuestionPage {
                tr,
                csrf: &ctx.csrf,
                id: d.id,
                code: &item.code,
                expected: d.answers.len(),
                number_f64: number as f64,
                lang: tr.locale.code(),
                question: &v.question,
                alt: &v.alt,
                picture: pictograms::path(&item.pictogram),
                kind: item.kind.code(),
                options,
                area: tr.t(item.area.key()),
            };
            ctx.render_with_status(status, &tr.t("question-title"), &page.render()?)
        }
    }
}

fn fixed(tr: &Tr, list: &[(&str, &str)]) -> Vec<Choice> {
    list.iter().map(|(value, key)| Choice { value: value.to_string(), label: tr.t(key), checked: false, path: "" }).collect()
}

fn gate_picture_key(name: &str) -> &'static str {
    match name {
        "wifi" => "gate-picture-wifi",
        "battery" => "gate-picture-battery",
        "volume" => "gate-picture-volume",
        _ => "gate-picture-camera",
    }
}

/// `POST /diagnostic/{id}/intake`.
pub async fn save_intake(State(state): State<AppState>, ctx: PageContext, Path(id): Path<String>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let d = load(&state, &id).await?;
    let keep = |list: &[(&str, &str, &str)], values: Vec<String>| -> Vec<String> { values.into_iter().filter(|v| list.iter().any(|(c, _, _)| c == v)).collect() };
    let connection = field(&fields, "connection").to_string();
    let intake = Intake {
        devices: keep(&DEVICES, all(&fields, "devices")),
        connection: if CONNECTIONS.iter().any(|(c, _, _)| *c == connection) { connection } else { String::new() },
        identity: keep(&IDENTITY, all(&fields, "identity")),
        services: keep(&SERVICES, all(&fields, "services")),
    };
    let postcode: String = field(&fields, "postcode").trim().chars().take(10).collect();
    if !postcode.is_empty() && (postcode.len() != 4 || !postcode.chars().all(|c| c.is_ascii_digit()) || reference::reference().by_postcode(&postcode).is_empty()) {
        let tr = ctx.tr;
        let page = intake_page(&ctx, d.id, &intake, &postcode, Some(tr.t("intake-postcode-unknown")));
        return ctx.render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &tr.t("intake-title"), &page.render()?);
    }
    // a second submit (or a reload after the first) finds the intake already saved: no change
    diagnostics::save_intake(&state.db, d.id, &intake, &postcode).await?;
    Ok(see_other(&format!("/diagnostic/{}", d.id)).into_response())
}

/// `POST /diagnostic/{id}/answer`: one answer (a micro-task of the gate or a question).
pub async fn answer(State(state): State<AppState>, ctx: PageContext, Path(id): Path<String>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    let d = load(&state, &id).await?;
    let here = see_other(&format!("/diagnostic/{}", d.id)).into_response();
    // the page the answer comes from must be the current one (a double submit, an old tab)
    if field(&fields, "expected") != d.answers.len().to_string() {
        return Ok(here);
    }
    let bank = items::active(&state.db).await?;
    let (previous, seen) = history(&state, &d).await?;
    let choice = field(&fields, "choice");
    let answer = match flow::step(&d, &bank, previous.as_ref(), &seen) {
        Step::Gate(task) if field(&fields, "item") == format!("gate-{}", task.code) => {
            let outcome = match (task.code, choice) {
                (_, "dont-know") => Outcome::DontKnow,
                ("touch", "done") => Outcome::Right,
                ("type", _) => {
                    let typed = field(&fields, "typed").trim().to_lowercase();
                    if typed.is_empty() {
                        let tr = ctx.tr;
                        return render_step(&ctx, &d, &bank, previous.as_ref(), &seen, Some(tr.t("gate-type-empty")), StatusCode::UNPROCESSABLE_ENTITY);
                    }
                    if typed == gate::WORD { Outcome::Right } else { Outcome::Wrong }
                }
                ("wifi", "0") => Outcome::Right,
                _ => Outcome::Wrong,
            };
            Answer { item: format!("gate-{}", task.code), outcome, scored: false, choice: None }
        }
        Step::Question { item, .. } if field(&fields, "item") == item.code => {
            let (outcome, index) = match (item.kind, choice) {
                (_, "dont-know") => (Outcome::DontKnow, None),
                (Kind::SelfAssessment | Kind::Observed, "alone") => (Outcome::Right, None),
                (Kind::SelfAssessment | Kind::Observed, "help") => (Outcome::WithHelp, None),
                (Kind::SelfAssessment | Kind::Observed, "not-yet") => (Outcome::Wrong, None),
                (_, c) => match c.parse::<usize>() {
                    Ok(i) if i < item.variant(ctx.locale()).options.len() => (if i == item.answer { Outcome::Right } else { Outcome::Wrong }, Some(i)),
                    // no choice made (or a made-up one): the same question again
                    _ => return Ok(here),
                },
            };
            Answer { item: item.code.clone(), outcome, scored: true, choice: index }
        }
        _ => return Ok(here),
    };
    let catalogue = catalogue::available_to(&state.db, d.organisation_id).await?;
    let after = flow::answer(&d, &bank, previous.as_ref(), &seen, &catalogue, answer);
    diagnostics::save_progress(&state.db, d.id, &d.answers, Progress { answers: &after.answers, stage: after.stage, result: &after.result, modules: &after.modules }).await?;
    if after.stage == Stage::Done {
        return Ok(see_other(&format!("/diagnostic/{}/result", d.id)).into_response());
    }
    Ok(here)
}

/// The URL of the diagnostic's script (read aloud, print).
pub fn script() -> String {
    relais_core::web::assets::url("diagnostic.js")
}
