//! Group pages: `/groups/{slug}` (what the project, network or programme covers, and its
//! aggregates for scope holders) and `/groups/{slug}/scopes` (grant and revoke group scopes).

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::web::response::see_other;
use relais_core::{
    i18n::Tr,
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use serde::Deserialize;
use time::format_description::well_known::Iso8601;
use uuid::Uuid;

use super::organisation::kind_key;
use crate::{
    audit::{self, Event},
    groups::{self, Candidate, CoveredOrganisation, Group, HelperCounts, ScopeHolder},
    policy::{self, Decision, GroupAction},
    sessions::CurrentUser,
};

struct OrganisationLine<'a> {
    organisation: &'a CoveredOrganisation,
    kind: String,
    role: String,
    /// Whether the reader may open the organisation's page (they belong to it, or run the platform).
    linked: bool,
    helpers: HelperCounts,
}

struct PartLine {
    slug: String,
    name: String,
    kind: String,
}

#[derive(Template)]
#[template(path = "group.html")]
struct GroupPage<'a> {
    tr: Tr,
    group: &'a Group,
    kind: String,
    programme: Option<Group>,
    parts: Vec<PartLine>,
    organisations: Vec<OrganisationLine<'a>>,
    show_statistics: bool,
    totals: HelperCounts,
    can_manage_scopes: bool,
    can_view_directory: bool,
}

pub async fn show(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>) -> Result<Response, AppError> {
    let (group, covered, facts) = crate::access::authorise_group(&state, &user, &slug, GroupAction::ViewGroup).await?;
    let show_statistics = policy::decide_group(&user, &facts, GroupAction::ViewGroupStatistics) == Decision::Allowed;
    let mut counts = if show_statistics { groups::helper_counts(&state.db, group.id).await? } else { Default::default() };
    let mut totals = HelperCounts::default();
    let organisations: Vec<OrganisationLine> = covered
        .iter()
        .map(|o| {
            let helpers = counts.remove(&o.organisation_id).unwrap_or_default();
            totals.coordinators += helpers.coordinators;
            totals.workers += helpers.workers;
            totals.volunteers += helpers.volunteers;
            totals.viewers += helpers.viewers;
            OrganisationLine {
                organisation: o,
                kind: ctx.tr.t(kind_key(&o.kind)),
                role: ctx.tr.t(kind_key(&o.role)),
                linked: user.is_admin || user.memberships.iter().any(|m| m.organisation_id == o.organisation_id),
                helpers,
            }
        })
        .collect();
    let programme = match group.programme_id {
        Some(id) => groups::find_by_id(&state.db, id).await?,
        None => None,
    };
    let parts = groups::parts_of(&state.db, group.id).await?.into_iter().map(|g| PartLine { kind: ctx.tr.t(kind_key(&g.kind)), slug: g.slug, name: g.name }).collect();
    let page = GroupPage {
        tr: ctx.tr,
        kind: ctx.tr.t(kind_key(&group.kind)),
        group: &group,
        programme,
        parts,
        organisations,
        show_statistics,
        totals,
        can_manage_scopes: policy::decide_group(&user, &facts, GroupAction::ManageScopes) == Decision::Allowed,
        can_view_directory: policy::decide_group(&user, &facts, GroupAction::ViewDirectory) == Decision::Allowed,
    };
    ctx.render(&group.name, &page.render()?)
}

struct HolderLine<'a> {
    holder: &'a ScopeHolder,
    granted_at: String,
}

struct CandidateLine<'a> {
    candidate: &'a Candidate,
    role: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "group_scopes.html")]
struct ScopesPage<'a> {
    tr: Tr,
    csrf: &'a str,
    group: &'a Group,
    holders: Vec<HolderLine<'a>>,
    candidates: Vec<CandidateLine<'a>>,
    notice: Option<String>,
    error: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
pub struct ScopesQuery {
    #[serde(default)]
    done: String,
}

async fn render_scopes(
    state: &AppState,
    ctx: &PageContext,
    group: &Group,
    status: StatusCode,
    notice: Option<String>,
    error: Option<String>,
    selected: Option<Uuid>,
) -> Result<Response, AppError> {
    let holders = groups::holders_of(&state.db, group.id).await?;
    let candidates = groups::candidates_for(&state.db, group.id).await?;
    let holder_lines = holders.iter().map(|h| HolderLine { holder: h, granted_at: h.granted_at.date().format(&Iso8601::DATE).unwrap_or_default() }).collect();
    let candidate_lines = candidates
        .iter()
        .filter(|c| !holders.iter().any(|h| h.user_id == c.user_id))
        .map(|c| CandidateLine { candidate: c, role: ctx.tr.t(c.role.label_key()), selected: Some(c.user_id) == selected })
        .collect();
    let page = ScopesPage { tr: ctx.tr, csrf: &ctx.csrf, group, holders: holder_lines, candidates: candidate_lines, notice, error };
    let title = format!("{} — {}", ctx.tr.t("scopes-title"), group.name);
    ctx.render_with_status(status, &title, &page.render()?)
}

pub async fn scopes(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(query): Query<ScopesQuery>) -> Result<Response, AppError> {
    let (group, _, _) = crate::access::authorise_group(&state, &user, &slug, GroupAction::ManageScopes).await?;
    let notice = match query.done.as_str() {
        "granted" => Some(ctx.tr.t("scopes-granted")),
        "revoked" => Some(ctx.tr.t("scopes-revoked")),
        _ => None,
    };
    render_scopes(&state, &ctx, &group, StatusCode::OK, notice, None, None).await
}

#[derive(Debug, Deserialize)]
pub struct GrantForm {
    #[serde(default)]
    user: String,
}

pub async fn grant(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path(slug): Path<String>,
    Form(form): Form<GrantForm>,
) -> Result<Response, AppError> {
    let (group, covered, _) = crate::access::authorise_group(&state, &user, &slug, GroupAction::ManageScopes).await?;
    let chosen = Uuid::parse_str(form.user.trim()).ok();
    let candidates = groups::candidates_for(&state.db, group.id).await?;
    let Some(candidate) = chosen.and_then(|id| candidates.iter().find(|c| c.user_id == id)) else {
        let error = Some(ctx.tr.t("scopes-error-person"));
        return render_scopes(&state, &ctx, &group, StatusCode::UNPROCESSABLE_ENTITY, None, error, chosen).await;
    };
    // A second submit of the same form finds the scope granted already: nothing is duplicated.
    if groups::grant(&state.db, group.id, candidate.user_id, Some(user.id)).await? {
        audit::record_or_log(
            &state.db,
            Event::new("scope.granted", &client).actor(user.id).organisation(lead_of(&covered)).object(candidate.email.clone()).detail(format!("group={}", group.slug)),
        )
        .await;
    }
    Ok(see_other(&format!("/groups/{}/scopes?done=granted", group.slug)).into_response())
}

pub async fn revoke(State(state): State<AppState>, user: CurrentUser, ClientAddr(client): ClientAddr, Path((slug, holder)): Path<(String, Uuid)>) -> Result<Response, AppError> {
    let (group, covered, _) = crate::access::authorise_group(&state, &user, &slug, GroupAction::ManageScopes).await?;
    let holders = groups::holders_of(&state.db, group.id).await?;
    let Some(holder) = holders.iter().find(|h| h.user_id == holder) else {
        // Revoked already (a double submit): the page says it is done.
        return Ok(see_other(&format!("/groups/{}/scopes?done=revoked", group.slug)).into_response());
    };
    groups::revoke(&state.db, group.id, holder.user_id).await?;
    audit::record_or_log(
        &state.db,
        Event::new("scope.revoked", &client).actor(user.id).organisation(lead_of(&covered)).object(holder.email.clone()).detail(format!("group={}", group.slug)),
    )
    .await;
    Ok(see_other(&format!("/groups/{}/scopes?done=revoked", group.slug)).into_response())
}

/// The organisation leading the group, whose audit log records scope changes.
fn lead_of(covered: &[CoveredOrganisation]) -> Option<Uuid> {
    covered.iter().find(|o| o.direct && o.role == "lead").map(|o| o.organisation_id)
}
