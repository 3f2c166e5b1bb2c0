//! The result a person understands: per area what they can do and what to learn next (pictures,
//! short words, a meter), what is still "to confirm", progress since the last diagnostic where
//! it is probable, up to three modules, and where to find help nearby. Printable.

use askama::Template;
use axum::{
    extract::{Path, Query, State},
    response::Response,
};
use jiff::Timestamp;
use relais_core::{
    i18n::{FluentArg, Tr},
    web::{AppState, error::AppError, layout::PageContext},
};
use relais_directory::{
    display, reference, schedule,
    search::{self, Query as SearchQuery},
    search::{address, cache_snapshot},
};
use relais_organisations::{
    policy::{self, Action, Decision},
    sessions::MaybeUser,
};
use serde::Deserialize;

use super::take::{history, load};
use crate::{
    catalogue::{self, Module},
    diagnostics::{self, Stage},
    levels, pictograms,
};

pub struct AreaLine {
    pub label: String,
    pub path: &'static str,
    pub level_text: String,
    pub meter: [bool; 4],
    pub can: String,
    pub next: String,
    pub to_confirm: bool,
    pub progress: bool,
}

pub struct ModuleCard {
    pub code: String,
    pub title: String,
    pub summary: String,
    pub path: &'static str,
    pub facts: String,
    pub chosen: bool,
}

pub struct HelpLine {
    pub href: String,
    pub name: String,
    pub address: String,
    pub distance: String,
    pub opening: Option<String>,
    pub module: String,
}

#[derive(Template)]
#[template(path = "diagnostic_result.html")]
struct ResultPage<'a> {
    tr: Tr,
    csrf: &'a str,
    id: uuid::Uuid,
    code: &'a str,
    /// "Valid until …" while the code may still be given to a helper.
    code_valid_until: Option<String>,
    first_steps: bool,
    any_to_confirm: bool,
    areas: Vec<AreaLine>,
    modules: Vec<ModuleCard>,
    help: Vec<HelpLine>,
    /// When the places for a module are all far: help by phone instead.
    phone_help: Option<display::PhoneHelp>,
    workshops: Vec<crate::routes::present::WorkshopLine>,
    postcode: String,
    postcode_error: Option<String>,
    /// The organisation's slug when the reader is one of its helpers (may change the modules).
    helper_of: Option<String>,
    all_modules: Vec<ModuleCard>,
    script: String,
}

#[derive(Debug, Deserialize, Default)]
pub struct ResultQuery {
    #[serde(default)]
    postcode: String,
}

/// A module's facts in one line: duration, meetings, devices.
pub fn facts(tr: &Tr, m: &Module) -> String {
    let devices: Vec<String> = m
        .devices
        .iter()
        .map(|d| {
            tr.t(match d.as_str() {
                "pc" => "device-pc",
                "tablet" => "device-tablet",
                _ => "device-smartphone",
            })
        })
        .collect();
    format!("{} · {}", tr.t_args("module-meetings", &[("count", FluentArg::Number(m.meetings as f64)), ("minutes", FluentArg::Number(m.minutes as f64))]), devices.join(", "))
}

pub fn card(tr: &Tr, m: &Module, chosen: bool) -> ModuleCard {
    let text = m.text(tr.locale);
    ModuleCard { code: m.code.clone(), title: text.title.clone(), summary: text.summary.clone(), path: pictograms::path(&m.pictogram), facts: facts(tr, m), chosen }
}

/// `GET /diagnostic/{id}/result`.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
    Query(query): Query<ResultQuery>,
) -> Result<Response, AppError> {
    let d = load(&state, &id).await?;
    if d.stage != Stage::Done {
        return Ok(axum::response::IntoResponse::into_response(relais_core::web::response::see_other(&format!("/diagnostic/{}", d.id))));
    }
    let tr = ctx.tr;
    let (previous, _) = history(&state, &d).await?;
    let areas: Vec<AreaLine> = diagnostics::ordered(&d.result)
        .into_iter()
        .map(|r| {
            let a = r.area.index();
            let l = r.level as usize;
            let progress = previous.as_ref().and_then(|p| p.result_of(r.area)).is_some_and(|before| diagnostics::progress_probability(r, before) >= 0.8);
            AreaLine {
                label: tr.t(r.area.key()),
                path: pictograms::path(r.area.pictogram()),
                level_text: tr.t_args("result-level", &[("level", FluentArg::Number(l as f64))]),
                meter: [l >= 1, l >= 2, l >= 3, l >= 4],
                can: tr.t(levels::CAN[a][l]),
                next: tr.t(levels::NEXT[a][l]),
                to_confirm: r.to_confirm,
                progress,
            }
        })
        .collect();
    let catalogue = catalogue::available_to(&state.db, d.organisation_id).await?;
    let chosen: Vec<&Module> = d.modules.iter().filter_map(|code| catalogue.iter().find(|m| &m.code == code)).collect();
    let modules = chosen.iter().map(|m| card(&tr, m, true)).collect();
    // where to find help: the postcode given at the intake, or typed here
    let typed: String = query.postcode.trim().chars().take(10).collect();
    let postcode = if typed.is_empty() { d.postcode.clone() } else { typed };
    let centre = reference::reference().lookup(&postcode).first().map(|a| a.centre());
    let postcode_error = (!postcode.is_empty() && centre.is_none()).then(|| tr.t("intake-postcode-unknown"));
    let mut help = Vec::new();
    let mut phone_help = None;
    if let Some(centre) = centre {
        let snapshot = cache_snapshot(&state).await?;
        let now = Timestamp::now();
        let zoned = now.to_zoned(schedule::zone());
        for m in &chosen {
            let Some(theme) = m.themes.first() else { continue };
            let found = search::search(&snapshot, &SearchQuery { centre: Some(centre), theme: Some(theme.clone()), ..SearchQuery::default() }, now, 0, 2);
            // A far place is no help for a module: the phone is, before it.
            if found.hits.iter().any(|h| h.far) && phone_help.is_none() {
                phone_help = Some(display::phone_help(&tr, found.phone_help.as_deref()));
            }
            for hit in found.hits.into_iter().filter(|h| !h.far) {
                if help.iter().any(|h: &HelpLine| h.href.ends_with(&hit.entry.place.id.to_string())) {
                    continue;
                }
                help.push(HelpLine {
                    href: format!("/places/{}", hit.entry.place.id),
                    name: hit.entry.place.name(tr.locale).to_string(),
                    address: address(&hit.entry, tr.locale),
                    distance: hit.distance_km.map(|km| display::distance(&tr, km)).unwrap_or_default(),
                    opening: hit.next_opening.as_ref().map(|o| display::opening(&tr, o, &zoned)),
                    module: m.text(tr.locale).title.clone(),
                });
            }
        }
    }
    // the next workshops near the person: of those modules, else of any module made for the result
    let mut workshops = Vec::new();
    if centre.is_some() {
        let query = crate::routes::calendar::CalendarQuery { postcode: postcode.clone(), ..Default::default() };
        let near = crate::routes::calendar::find(&state, &query, 500).await?;
        let mut pick: Vec<_> = chosen.iter().filter_map(|m| near.iter().find(|x| x.1.code == m.code)).collect();
        if pick.is_empty() {
            let fits = |m: &Module| m.targets.iter().any(|t| d.result.iter().any(|r| r.area == t.area && t.fits(r.level)));
            pick = near.iter().filter(|x| fits(&x.1)).take(2).collect();
        }
        for (w, module, place, distance) in pick {
            workshops.push(crate::routes::present::line(&tr, w, Some(module), place.as_ref(), format!("/workshops/{}", w.id), *distance));
        }
    }
    let helper_of = match (&user, d.organisation_id) {
        (Some(u), Some(org)) if policy::decide(u, org, Action::LogRequests) == Decision::Allowed => {
            u.memberships.iter().find(|m| m.organisation_id == org).map(|m| m.organisation_slug.clone())
        }
        _ => None,
    };
    let all_modules = if helper_of.is_some() { catalogue.iter().map(|m| card(&tr, m, d.modules.contains(&m.code))).collect() } else { Vec::new() };
    let code_valid_until = diagnostics::linkable(&d, state.clock.now()).then(|| {
        let last_day = relais_core::dates::local_date(&diagnostics::code_valid_until(&d).0.to_string());
        tr.t_args("result-code-valid-until", &[("date", FluentArg::Text(last_day))])
    });
    let page = ResultPage {
        tr,
        csrf: &ctx.csrf,
        id: d.id,
        code: &d.code,
        code_valid_until,
        first_steps: d.first_steps(),
        any_to_confirm: areas.iter().any(|a: &AreaLine| a.to_confirm),
        areas,
        modules,
        help,
        phone_help,
        workshops,
        postcode,
        postcode_error,
        helper_of,
        all_modules,
        script: super::take::script(),
    };
    ctx.render(&tr.t("result-title"), &page.render()?)
}
