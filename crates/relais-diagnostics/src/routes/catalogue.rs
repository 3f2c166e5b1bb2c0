//! The public training catalogue: the network's modules and the organisations' own, each with its
//! goals, the levels it is for, devices, duration, materials, prerequisites and resources to learn
//! alone between workshops.

use askama::Template;
use axum::{
    extract::{Path, Query, State},
    response::Response,
};
use relais_core::{
    i18n::{FluentArg, Tr},
    web::{AppState, error::AppError, layout::PageContext},
};
use serde::Deserialize;

use super::{
    Choice,
    result::{ModuleCard, card, facts},
};
use crate::{
    catalogue::{self, Resource},
    framework::AREAS,
    pictograms,
};

#[derive(Template)]
#[template(path = "catalogue.html")]
struct ListPage {
    tr: Tr,
    modules: Vec<ModuleCard>,
    areas: Vec<Choice>,
    devices: Vec<Choice>,
}

#[derive(Debug, Deserialize, Default)]
pub struct CatalogueQuery {
    #[serde(default)]
    area: String,
    #[serde(default)]
    device: String,
}

const DEVICES: [(&str, &str); 3] = [("smartphone", "device-smartphone"), ("tablet", "device-tablet"), ("pc", "device-pc")];

/// `GET /catalogue`.
pub async fn list(State(state): State<AppState>, ctx: PageContext, Query(query): Query<CatalogueQuery>) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let modules = catalogue::all_active(&state.db)
        .await?
        .iter()
        .filter(|m| query.area.is_empty() || m.targets.iter().any(|t| t.area.code() == query.area))
        .filter(|m| query.device.is_empty() || m.devices.contains(&query.device))
        .map(|m| card(&tr, m, false))
        .collect();
    let mut areas = vec![Choice { value: String::new(), label: tr.t("catalogue-all-areas"), checked: query.area.is_empty(), path: "" }];
    areas.extend(AREAS.iter().map(|a| Choice { value: a.code().into(), label: tr.t(a.key()), checked: query.area == a.code(), path: "" }));
    let mut devices = vec![Choice { value: String::new(), label: tr.t("catalogue-all-devices"), checked: query.device.is_empty(), path: "" }];
    devices.extend(DEVICES.iter().map(|(v, k)| Choice { value: v.to_string(), label: tr.t(k), checked: query.device == *v, path: "" }));
    let page = ListPage { tr, modules, areas, devices };
    ctx.render(&tr.t("catalogue-title"), &page.render()?)
}

#[derive(Template)]
#[template(path = "module.html")]
struct ModulePage<'a> {
    tr: Tr,
    title: &'a str,
    summary: &'a str,
    path: &'static str,
    facts: String,
    goals: &'a [String],
    targets: Vec<String>,
    materials: &'a str,
    prerequisites: &'a str,
    resources: &'a [Resource],
    network: bool,
}

/// `GET /catalogue/{code}`.
pub async fn show(State(state): State<AppState>, ctx: PageContext, Path(code): Path<String>) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let m = catalogue::by_code(&state.db, &code).await?.filter(|m| m.active).ok_or(AppError::NotFound)?;
    let text = m.text(tr.locale);
    let targets = m
        .targets
        .iter()
        .map(|t| tr.t_args("module-target", &[("area", FluentArg::Text(tr.t(t.area.key()))), ("from", FluentArg::Number(t.from as f64)), ("to", FluentArg::Number(t.to as f64))]))
        .collect();
    let page = ModulePage {
        tr,
        title: &text.title,
        summary: &text.summary,
        path: pictograms::path(&m.pictogram),
        facts: facts(&tr, &m),
        goals: &text.goals,
        targets,
        materials: &text.materials,
        prerequisites: &text.prerequisites,
        resources: &text.resources,
        network: m.organisation_id.is_none(),
    };
    ctx.render(&text.title, &page.render()?)
}
