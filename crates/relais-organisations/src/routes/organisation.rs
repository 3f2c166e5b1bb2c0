//! Organisation pages: `/organisations/{slug}` (profile and groups) and
//! `/organisations/{slug}/members` (list, invite, change role, deactivate).

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::web::response::see_other;
use relais_core::{
    i18n::{Locale, Tr},
    web::{AppState, client::ClientAddr, error::AppError, layout::PageContext},
};
use serde::Deserialize;
use uuid::Uuid;

use super::common::{LanguageChoice, languages};
use crate::access::authorise;
use crate::{
    audit::{self, Event},
    invitations::{self, Invitation, InviteError},
    model::Role,
    organisations::{self, Member, Organisation},
    policy::{self, Action, Decision},
    sessions::CurrentUser,
};

pub use crate::invitations::INVITATION_VALIDITY;

pub(crate) fn kind_key(kind: &str) -> &'static str {
    match kind {
        "cpas" => "organisation-kind-cpas",
        "association" => "organisation-kind-association",
        "digital-space-operator" => "organisation-kind-digital-space-operator",
        "library" => "organisation-kind-library",
        "trainer" => "organisation-kind-trainer",
        "funder" => "organisation-kind-funder",
        "project" => "group-kind-project",
        "network" => "group-kind-network",
        "programme" => "group-kind-programme",
        "lead" => "group-role-lead",
        "partner" => "group-role-partner",
        "host-venue" => "group-role-host-venue",
        _ => "organisation-kind-unknown",
    }
}

struct GroupLine {
    slug: String,
    name: String,
    kind: String,
    role: String,
}

#[derive(Template)]
#[template(path = "organisation.html")]
struct OrganisationPage<'a> {
    tr: Tr,
    organisation: &'a Organisation,
    kind: String,
    /// Its languages by name, in the reader's language ("Deutsch, Französisch").
    languages: String,
    groups: Vec<GroupLine>,
    can_view_members: bool,
    can_view_audit: bool,
    can_manage_settings: bool,
    can_manage_directory: bool,
    can_log: bool,
    can_view_reports: bool,
    can_view_helpers: bool,
    can_keep_profile: bool,
}

/// "de,fr" → "Deutsch, Französisch" (a code without a name is left as it is).
fn language_names(tr: &Tr, codes: &str) -> String {
    codes
        .split([',', ' '])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| match Locale::parse(c) {
            Some(l) => tr.t(&format!("language-{}", l.code())),
            None => c.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub async fn show(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ViewOrganisation).await?;
    let groups = organisations::groups_of(&state.db, organisation.id)
        .await?
        .into_iter()
        .map(|(slug, name, kind, role)| GroupLine { slug, name, kind: ctx.tr.t(kind_key(&kind)), role: ctx.tr.t(kind_key(&role)) })
        .collect();
    let page = OrganisationPage {
        tr: ctx.tr,
        kind: ctx.tr.t(kind_key(&organisation.kind)),
        languages: language_names(&ctx.tr, &organisation.languages),
        organisation: &organisation,
        groups,
        can_view_members: policy::decide(&user, organisation.id, Action::ViewMembers) == Decision::Allowed,
        can_view_audit: policy::decide(&user, organisation.id, Action::ViewAuditLog) == Decision::Allowed,
        can_manage_settings: policy::decide(&user, organisation.id, Action::ManageSettings) == Decision::Allowed,
        can_manage_directory: policy::decide(&user, organisation.id, Action::ManageDirectory) == Decision::Allowed,
        can_log: policy::decide(&user, organisation.id, Action::LogRequests) == Decision::Allowed,
        can_view_reports: policy::decide(&user, organisation.id, Action::ViewReports) == Decision::Allowed,
        can_view_helpers: policy::decide(&user, organisation.id, Action::ViewHelpers) == Decision::Allowed,
        can_keep_profile: policy::decide(&user, organisation.id, Action::KeepOwnProfile) == Decision::Allowed,
    };
    ctx.render(&organisation.name, &page.render()?)
}

struct MemberLine<'a> {
    member: &'a Member,
    role_label: String,
    is_me: bool,
}

struct RoleChoice {
    code: &'static str,
    label: String,
}

#[derive(Template)]
#[template(path = "members.html")]
struct MembersPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    members: Vec<MemberLine<'a>>,
    roles: Vec<RoleChoice>,
    languages: Vec<LanguageChoice>,
    can_manage: bool,
    notice: Option<String>,
    errors: Vec<String>,
    form: InviteForm,
}

#[derive(Debug, Deserialize, Default)]
pub struct MembersQuery {
    #[serde(default)]
    done: String,
}

#[derive(Debug, Deserialize, Default, Clone)]
pub struct InviteForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub language: String,
}

/// What the members page shows besides the members: a notice, form errors and the invite form.
struct MembersView {
    status: StatusCode,
    notice: Option<String>,
    errors: Vec<String>,
    form: InviteForm,
}

async fn render_members(state: &AppState, ctx: &PageContext, user: &CurrentUser, organisation: &Organisation, view: MembersView) -> Result<Response, AppError> {
    let MembersView { status, notice, errors, form } = view;
    let members = organisations::members_of(&state.db, organisation.id).await?;
    let lines = members
        .iter()
        .map(|m| MemberLine { member: m, role_label: Role::parse(&m.role).map(|r| ctx.tr.t(r.label_key())).unwrap_or_default(), is_me: m.user_id == user.id })
        .collect();
    let selected_language = Locale::parse(&form.language).unwrap_or(ctx.locale());
    let page = MembersPage {
        tr: ctx.tr,
        csrf: &ctx.csrf,
        organisation,
        members: lines,
        roles: Role::ALL.iter().map(|r| RoleChoice { code: r.as_str(), label: ctx.tr.t(r.label_key()) }).collect(),
        languages: languages(selected_language),
        can_manage: policy::decide(user, organisation.id, Action::ManageMembers) == Decision::Allowed,
        notice,
        errors,
        form,
    };
    let title = format!("{} — {}", ctx.tr.t("members-title"), organisation.name);
    ctx.render_with_status(status, &title, &page.render()?)
}

pub async fn members(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path(slug): Path<String>,
    Query(query): Query<MembersQuery>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ViewMembers).await?;
    // Names and e-mail addresses are personal data: every read is recorded.
    audit::record_or_log(&state.db, Event::new("member.list_viewed", &client).actor(user.id).organisation(organisation.id)).await;
    let notice = match query.done.as_str() {
        "invited" => Some(ctx.tr.t("members-invited")),
        "role" => Some(ctx.tr.t("members-role-changed")),
        "active" => Some(ctx.tr.t("members-active-changed")),
        _ => None,
    };
    let form = InviteForm { role: Role::Worker.as_str().to_string(), ..InviteForm::default() };
    render_members(&state, &ctx, &user, &organisation, MembersView { status: StatusCode::OK, notice, errors: Vec::new(), form }).await
}

pub async fn invite(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path(slug): Path<String>,
    Form(form): Form<InviteForm>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageMembers).await?;
    let db = &state.db;
    let role = Role::parse(&form.role);
    let Some(role) = role else {
        let view = MembersView { status: StatusCode::UNPROCESSABLE_ENTITY, notice: None, errors: vec![ctx.tr.t("members-error-role")], form };
        return render_members(&state, &ctx, &user, &organisation, view).await;
    };
    let locale = Locale::parse(&form.language).unwrap_or(ctx.locale());
    let invitation =
        Invitation { organisation: &organisation, email: &form.email, name: &form.name, role, locale, inviter: &user.display_name, public_url: &state.config.public_url };
    let invitee = match invitations::invite(db, &invitation, state.clock.now()).await {
        Ok(invitee) => invitee,
        Err(InviteError::Db(e)) => return Err(e.into()),
        Err(e) => {
            let key = if matches!(e, InviteError::Email) { "members-error-email" } else { "members-error-already" };
            let view = MembersView { status: StatusCode::UNPROCESSABLE_ENTITY, notice: None, errors: vec![ctx.tr.t(key)], form };
            return render_members(&state, &ctx, &user, &organisation, view).await;
        }
    };
    audit::record_or_log(
        db,
        Event::new("member.invited", &client).actor(user.id).organisation(organisation.id).object(invitee.email.clone()).detail(format!("role={}", role.as_str())),
    )
    .await;
    Ok(see_other(&format!("/organisations/{}/members?done=invited", organisation.slug)).into_response())
}

#[derive(Debug, Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
}

pub async fn change_role(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path((slug, member)): Path<(String, Uuid)>,
    Form(form): Form<RoleForm>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageMembers).await?;
    let role = Role::parse(&form.role).ok_or(AppError::BadRequest)?;
    if member == user.id {
        return Err(AppError::Forbidden); // nobody changes their own role (no accidental lock-out)
    }
    if !organisations::set_role(&state.db, organisation.id, member, role).await? {
        return Err(AppError::NotFound);
    }
    audit::record_or_log(
        &state.db,
        Event::new("member.role_changed", &client).actor(user.id).organisation(organisation.id).object(member.to_string()).detail(format!("role={}", role.as_str())),
    )
    .await;
    Ok(see_other(&format!("/organisations/{}/members?done=role", organisation.slug)).into_response())
}

#[derive(Debug, Deserialize)]
pub struct ActiveForm {
    #[serde(default)]
    active: String,
}

pub async fn change_active(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path((slug, member)): Path<(String, Uuid)>,
    Form(form): Form<ActiveForm>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageMembers).await?;
    let active = match form.active.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(AppError::BadRequest),
    };
    if member == user.id {
        return Err(AppError::Forbidden);
    }
    if !organisations::set_active(&state.db, organisation.id, member, active).await? {
        return Err(AppError::NotFound);
    }
    audit::record_or_log(
        &state.db,
        Event::new(if active { "member.reactivated" } else { "member.deactivated" }, &client).actor(user.id).organisation(organisation.id).object(member.to_string()),
    )
    .await;
    Ok(see_other(&format!("/organisations/{}/members?done=active", organisation.slug)).into_response())
}
