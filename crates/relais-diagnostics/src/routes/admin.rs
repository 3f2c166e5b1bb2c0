//! Platform admins keep the item bank: every item with how often it was answered right (the
//! ground for recalibrating its difficulty), and an item's texts in four languages, its right
//! answer, its difficulty and discrimination, and whether sessions may ask it.

use relais_core::web::forms::DoneQuery;
use relais_core::web::response::see_other;
use std::collections::HashMap;

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::{
    i18n::{Locale, Tr},
    on_db,
    web::{AppState, error::AppError, layout::PageContext},
};
use relais_organisations::sessions::CurrentUser;
use serde::Deserialize;

use super::{Fields, field};
use crate::{
    diagnostics::Answer,
    framework::AREAS,
    items::{self, Item},
};

fn admin_only(user: &CurrentUser) -> Result<(), AppError> {
    relais_organisations::access::authorise_platform(user, relais_organisations::policy::PlatformAction::ManageItemBank)
}

pub struct ItemLine {
    pub code: String,
    pub area: String,
    pub level: u8,
    pub kind: &'static str,
    pub question: String,
    pub answered: i64,
    pub right_pct: String,
    pub difficulty: String,
    pub active: bool,
}

impl ListPage<'_> {
    fn min_answers_f64(&self) -> f64 {
        self.min_answers as f64
    }
}

#[derive(Template)]
#[template(path = "admin_items.html")]
struct ListPage<'a> {
    tr: Tr,
    csrf: &'a str,
    lines: Vec<ItemLine>,
    total: usize,
    min_answers: usize,
    notice: Option<String>,
}

/// How often each item was answered, and answered right, over every finished diagnostic.
async fn answer_stats(state: &AppState) -> Result<HashMap<String, (i64, i64)>, AppError> {
    let rows: Vec<String> =
        on_db!(&state.db, pool => sqlx::query_scalar("SELECT answers FROM diagnostics WHERE stage = 'done'").fetch_all(pool).await).map_err(relais_core::DbError::from)?;
    let mut stats: HashMap<String, (i64, i64)> = HashMap::new();
    for answers in rows {
        for a in serde_json::from_str::<Vec<Answer>>(&answers).unwrap_or_default().into_iter().filter(|a| a.scored) {
            let entry = stats.entry(a.item).or_default();
            entry.0 += 1;
            entry.1 += a.outcome.is_right() as i64;
        }
    }
    Ok(stats)
}

/// `GET /admin/items`.
pub async fn list(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Query(query): Query<RecalibratedQuery>) -> Result<Response, AppError> {
    admin_only(&user)?;
    let tr = ctx.tr;
    let stats = answer_stats(&state).await?;
    let mut all = items::all(&state.db).await?;
    all.sort_by_key(|i| (AREAS.iter().position(|a| *a == i.area), i.level, i.code.clone()));
    let lines: Vec<ItemLine> = all
        .iter()
        .map(|i| {
            let (n, right) = stats.get(&i.code).copied().unwrap_or((0, 0));
            ItemLine {
                code: i.code.clone(),
                area: tr.t(i.area.key()),
                level: i.level,
                kind: i.kind.code(),
                question: i.variant(tr.locale).question.clone(),
                answered: n,
                right_pct: if n > 0 { format!("{} %", (100 * right + n / 2) / n) } else { "—".into() },
                difficulty: format!("{:.2}", i.difficulty),
                active: i.active,
            }
        })
        .collect();
    let notice = query.recalibrated.parse::<f64>().ok().map(|n| tr.t_args("admin-items-recalibrated", &[("count", relais_core::i18n::FluentArg::Number(n))]));
    let page = ListPage { tr, csrf: &ctx.csrf, total: lines.len(), lines, min_answers: crate::calibration::MIN_ANSWERS, notice };
    ctx.render(&tr.t("admin-items-title"), &page.render()?)
}

#[derive(Debug, Deserialize, Default)]
pub struct RecalibratedQuery {
    #[serde(default)]
    recalibrated: String,
}

/// `POST /admin/items/recalibrate`: refit the difficulty of every item answered often enough.
pub async fn recalibrate(State(state): State<AppState>, user: CurrentUser) -> Result<Response, AppError> {
    admin_only(&user)?;
    let bank = items::all(&state.db).await?;
    let diagnostics = crate::diagnostics::finished(&state.db, 100_000).await?;
    let fitted = crate::calibration::refit(&bank, &diagnostics);
    for (code, difficulty) in &fitted {
        if let Some(item) = bank.iter().find(|i| &i.code == code) {
            let mut item = item.clone();
            item.difficulty = *difficulty;
            items::update(&state.db, &item).await?;
        }
    }
    Ok(see_other(&format!("/admin/items?recalibrated={}", fitted.len())).into_response())
}

pub struct VariantForm {
    pub lang: &'static str,
    pub name: &'static str,
    pub question: String,
    pub alt: String,
    pub options: String,
}

#[derive(Template)]
#[template(path = "admin_item.html")]
struct EditPage<'a> {
    tr: Tr,
    csrf: &'a str,
    code: &'a str,
    area: String,
    level: u8,
    kind: &'static str,
    digcomp: String,
    choice: bool,
    variants: Vec<VariantForm>,
    answer: String,
    difficulty: String,
    discrimination: String,
    active: bool,
    errors: Vec<String>,
    notice: Option<String>,
}

async fn find(state: &AppState, code: &str) -> Result<Item, AppError> {
    items::all(&state.db).await?.into_iter().find(|i| i.code == code).ok_or(AppError::NotFound)
}

fn variants_of(item: &Item) -> Vec<VariantForm> {
    Locale::ALL
        .iter()
        .map(|l| {
            let v = item.texts.get(l.code()).cloned().unwrap_or_default();
            VariantForm { lang: l.code(), name: l.endonym(), question: v.question, alt: v.alt, options: v.options.join("\n") }
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn render(
    ctx: &PageContext,
    item: &Item,
    variants: Vec<VariantForm>,
    answer: String,
    difficulty: String,
    discrimination: String,
    active: bool,
    errors: Vec<String>,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let page = EditPage {
        tr,
        csrf: &ctx.csrf,
        code: &item.code,
        area: tr.t(item.area.key()),
        level: item.level,
        kind: item.kind.code(),
        digcomp: item.digcomp.join(", "),
        choice: item.kind.is_choice(),
        variants,
        answer,
        difficulty,
        discrimination,
        active,
        errors,
        notice,
    };
    ctx.render_with_status(status, &format!("{} — {}", tr.t("admin-item-title"), item.code), &page.render()?)
}

/// `GET /admin/items/{code}`.
pub async fn edit(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(code): Path<String>, Query(query): Query<DoneQuery>) -> Result<Response, AppError> {
    admin_only(&user)?;
    let item = find(&state, &code).await?;
    let notice = (query.done == "saved").then(|| ctx.tr.t("admin-item-saved"));
    render(
        &ctx,
        &item,
        variants_of(&item),
        item.answer.to_string(),
        format!("{:.2}", item.difficulty),
        format!("{:.2}", item.discrimination),
        item.active,
        Vec::new(),
        notice,
        StatusCode::OK,
    )
}

/// `POST /admin/items/{code}`.
pub async fn save(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(code): Path<String>, Form(fields): Form<Fields>) -> Result<Response, AppError> {
    admin_only(&user)?;
    let tr = ctx.tr;
    let mut item = find(&state, &code).await?;
    let variants: Vec<VariantForm> = Locale::ALL
        .iter()
        .map(|l| VariantForm {
            lang: l.code(),
            name: l.endonym(),
            question: field(&fields, &format!("question-{}", l.code())).trim().chars().take(300).collect(),
            alt: field(&fields, &format!("alt-{}", l.code())).trim().chars().take(300).collect(),
            options: field(&fields, &format!("options-{}", l.code())).chars().take(1000).collect(),
        })
        .collect();
    let answer_text = field(&fields, "answer").trim().to_string();
    let difficulty_text = field(&fields, "difficulty").trim().replace(',', ".");
    let discrimination_text = field(&fields, "discrimination").trim().replace(',', ".");
    let active = field(&fields, "active") == "on";
    let mut errors = Vec::new();
    let options: Vec<Vec<String>> = variants.iter().map(|v| v.options.lines().map(str::trim).filter(|o| !o.is_empty()).map(str::to_string).collect()).collect();
    if variants.iter().any(|v| v.question.is_empty() || v.alt.is_empty()) {
        errors.push(tr.t("admin-item-error-text"));
    }
    let n = options[0].len();
    if item.kind.is_choice() && (!(3..=4).contains(&n) || options.iter().any(|o| o.len() != n)) {
        errors.push(tr.t("admin-item-error-options"));
    }
    let answer = answer_text.parse::<usize>().ok().filter(|a| !item.kind.is_choice() || *a < n);
    if answer.is_none() {
        errors.push(tr.t("admin-item-error-answer"));
    }
    let difficulty = difficulty_text.parse::<f64>().ok().filter(|d| (-1.0..=5.0).contains(d));
    let discrimination = discrimination_text.parse::<f64>().ok().filter(|d| (0.2..=4.0).contains(d));
    if difficulty.is_none() || discrimination.is_none() {
        errors.push(tr.t("admin-item-error-calibration"));
    }
    let (Some(answer), Some(difficulty), Some(discrimination), true) = (answer, difficulty, discrimination, errors.is_empty()) else {
        return render(&ctx, &item, variants, answer_text, difficulty_text, discrimination_text, active, errors, None, StatusCode::UNPROCESSABLE_ENTITY);
    };
    for (v, o) in variants.iter().zip(options) {
        let text = item.texts.entry(v.lang.to_string()).or_default();
        text.question = v.question.clone();
        text.alt = v.alt.clone();
        text.options = if item.kind.is_choice() { o } else { Vec::new() };
    }
    item.answer = if item.kind.is_choice() { answer } else { 0 };
    item.difficulty = difficulty;
    item.discrimination = discrimination;
    item.active = active;
    items::update(&state.db, &item).await?;
    Ok(see_other(&format!("/admin/items/{}?done=saved", item.code)).into_response())
}
