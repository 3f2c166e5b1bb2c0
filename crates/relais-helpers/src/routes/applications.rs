//! The coordinators' side of the volunteer journey: the applications by stage, one application
//! with its steps, recording the next step, closing it (declined / withdrawn, with a reason),
//! inviting the volunteer to an account with the volunteer role, and the charter's versions.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use relais_core::{
    i18n::{FluentArg, Locale, Tr},
    web::{
        AppState,
        client::ClientAddr,
        error::AppError,
        forms::{DoneQuery, Fields, field},
        layout::PageContext,
        response::see_other,
    },
};
use relais_directory::taxonomy::Taxonomy;
use relais_organisations::{
    access::authorise,
    audit::{self, Event},
    invitations::{self, Invitation, InviteError},
    model::Role,
    organisations::Organisation,
    policy::Action,
    sessions::CurrentUser,
};
use uuid::Uuid;

use super::terms;
use crate::journey::{self, Application, Refused, Stage};

struct Line {
    id: Uuid,
    name: String,
    stage: String,
    since: String,
    open: bool,
}

#[derive(Template)]
#[template(path = "applications.html")]
struct ListPage<'a> {
    tr: Tr,
    organisation: &'a Organisation,
    lines: Vec<Line>,
    /// "Charter, version 2", or that there is none yet.
    charter_label: String,
}

/// "Charter, version 2".
fn charter_label(tr: &Tr, version: i64) -> String {
    tr.t_args("applications-charter", &[("version", FluentArg::Number(version as f64))])
}

/// `GET /organisations/{slug}/applications`.
pub async fn list(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageHelpers).await?;
    let tr = ctx.tr;
    let mut all = journey::list(&state.db, organisation.id).await?;
    // Open ones first (the oldest waiting at the top), closed and autonomous after.
    all.sort_by_key(|a| (a.stage.is_closed() || a.stage == Stage::Autonomous, a.stage, a.created_at));
    let lines = all
        .iter()
        .map(|a| Line {
            id: a.id,
            name: a.name.clone(),
            stage: tr.t(a.stage.key()),
            since: relais_core::dates::local_date_of(a.created_at).to_string(),
            open: !a.stage.is_closed() && a.stage != Stage::Autonomous,
        })
        .collect();
    let charter_label = match journey::current_charter(&state.db, organisation.id).await? {
        Some(c) => charter_label(&tr, c.version),
        None => tr.t("applications-no-charter"),
    };
    let page = ListPage { tr, organisation: &organisation, lines, charter_label };
    ctx.render(&format!("{} — {}", tr.t("applications-title"), organisation.name), &page.render()?)
}

struct StepLine {
    stage: String,
    note: String,
    by: String,
    at: String,
}

#[derive(Template)]
#[template(path = "application.html")]
struct ShowPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    app: &'a Application,
    stage: String,
    languages: String,
    steps: Vec<StepLine>,
    /// The step a coordinator may record now, and its label.
    next: Option<(&'static str, String)>,
    /// The charter the applicant signed (its version's label, date).
    signed: Option<(String, String)>,
    closed: bool,
    /// Invite to an account: when met, not closed, with an e-mail and no account yet.
    may_invite: bool,
    notice: Option<String>,
    error: Option<String>,
}

async fn render(state: &AppState, ctx: &PageContext, organisation: &Organisation, id: Uuid, notice: Option<String>, error: Option<String>) -> Result<Response, AppError> {
    let tr = ctx.tr;
    let (app, steps) = journey::find(&state.db, organisation.id, id).await?.ok_or(AppError::NotFound)?;
    let terms = terms(state).await?;
    let has_account = match app.helper_id {
        Some(h) => crate::helpers::find(&state.db, organisation.id, h).await?.is_some_and(|p| p.helper.user_id.is_some()),
        None => false,
    };
    let page = ShowPage {
        tr,
        csrf: &ctx.csrf,
        organisation,
        stage: tr.t(app.stage.key()),
        languages: app.languages.iter().map(|l| terms.label(Taxonomy::Language, l, tr.locale)).collect::<Vec<_>>().join(", "),
        steps: steps
            .iter()
            .map(|s| StepLine { stage: tr.t(s.stage.key()), note: s.note.clone(), by: s.done_by.clone().unwrap_or_default(), at: relais_core::dates::local_datetime(s.done_at) })
            .collect(),
        next: app.stage.next().map(|n| (n.code(), tr.t(n.key()))),
        signed: app.charter_version.zip(app.charter_signed_at).map(|(v, at)| (charter_label(&tr, v), relais_core::dates::local_datetime(at))),
        closed: app.stage.is_closed(),
        may_invite: !app.stage.is_closed() && app.stage >= Stage::Met && !app.email.is_empty() && !has_account,
        app: &app,
        notice,
        error,
    };
    let status = if page.error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    ctx.render_with_status(status, &format!("{} — {}", app.name, organisation.name), &page.render()?)
}

/// `GET /organisations/{slug}/applications/{application}`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    Path((slug, id)): Path<(String, Uuid)>,
    Query(done): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageHelpers).await?;
    let notice = match done.done.as_str() {
        "step" => Some(ctx.tr.t("application-step-recorded")),
        "closed" => Some(ctx.tr.t("application-closed")),
        "invited" => Some(ctx.tr.t("application-invited")),
        _ => None,
    };
    render(&state, &ctx, &organisation, id, notice, None).await
}

/// `POST /organisations/{slug}/applications/{application}/step`: record the next step (`step`
/// names it, so a double submit records it once).
pub async fn step(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path((slug, id)): Path<(String, Uuid)>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageHelpers).await?;
    let Some(to) = Stage::parse(field(&fields, "step")) else {
        return render(&state, &ctx, &organisation, id, None, Some(ctx.tr.t("application-error-step"))).await;
    };
    let note: String = field(&fields, "note").trim().chars().take(500).collect();
    match journey::advance(&state.db, organisation.id, id, to, &note, user.id, state.clock.now()).await? {
        Ok(()) => {
            audit::record_or_log(
                &state.db,
                Event::new("application.step", &client).actor(user.id).organisation(organisation.id).detail(format!("application={id} step={}", to.code())),
            )
            .await;
            Ok(see_other(&format!("/organisations/{}/applications/{id}?done=step", organisation.slug)).into_response())
        }
        // Already recorded (a double submit, or a colleague at the same time): show where it is.
        Err(Refused::NotNext) => {
            journey::find(&state.db, organisation.id, id).await?.ok_or(AppError::NotFound)?;
            Ok(see_other(&format!("/organisations/{}/applications/{id}?done=step", organisation.slug)).into_response())
        }
        Err(Refused::NoCharter) => render(&state, &ctx, &organisation, id, None, Some(ctx.tr.t("application-error-no-charter"))).await,
    }
}

/// `POST /organisations/{slug}/applications/{application}/close`.
pub async fn close(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path((slug, id)): Path<(String, Uuid)>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageHelpers).await?;
    let how = Stage::parse(field(&fields, "how")).filter(|s| s.is_closed());
    let reason: String = field(&fields, "reason").trim().chars().take(500).collect();
    let (Some(how), false) = (how, reason.is_empty()) else {
        journey::find(&state.db, organisation.id, id).await?.ok_or(AppError::NotFound)?;
        return render(&state, &ctx, &organisation, id, None, Some(ctx.tr.t("application-error-close"))).await;
    };
    if journey::close(&state.db, organisation.id, id, how, &reason, user.id, state.clock.now()).await? {
        audit::record_or_log(
            &state.db,
            Event::new("application.closed", &client).actor(user.id).organisation(organisation.id).detail(format!("application={id} how={}", how.code())),
        )
        .await;
    } else {
        journey::find(&state.db, organisation.id, id).await?.ok_or(AppError::NotFound)?;
    }
    Ok(see_other(&format!("/organisations/{}/applications/{id}?done=closed", organisation.slug)).into_response())
}

/// `POST /organisations/{slug}/applications/{application}/invite`: an account with the volunteer
/// role, by the invitation every member gets (e-mail with a link valid a week).
pub async fn invite(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path((slug, id)): Path<(String, Uuid)>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageHelpers).await?;
    let (app, _) = journey::find(&state.db, organisation.id, id).await?.ok_or(AppError::NotFound)?;
    if app.stage.is_closed() || app.stage < Stage::Met {
        return render(&state, &ctx, &organisation, id, None, Some(ctx.tr.t("application-error-invite-stage"))).await;
    }
    let invitation = Invitation {
        organisation: &organisation,
        email: &app.email,
        name: &app.name,
        role: Role::Volunteer,
        locale: app.locale,
        inviter: &user.display_name,
        public_url: &state.config.public_url,
    };
    let invitee = match invitations::invite(&state.db, &invitation, state.clock.now()).await {
        Ok(invitee) => invitee,
        Err(InviteError::Db(e)) => return Err(e.into()),
        Err(InviteError::Email) => return render(&state, &ctx, &organisation, id, None, Some(ctx.tr.t("application-error-invite-email"))).await,
        Err(InviteError::AlreadyMember) => return render(&state, &ctx, &organisation, id, None, Some(ctx.tr.t("members-error-already"))).await,
    };
    journey::link_account(&state.db, organisation.id, &app, invitee.id).await?;
    audit::record_or_log(
        &state.db,
        Event::new("member.invited", &client).actor(user.id).organisation(organisation.id).object(invitee.email.clone()).detail(format!("role=volunteer application={id}")),
    )
    .await;
    Ok(see_other(&format!("/organisations/{}/applications/{id}?done=invited", organisation.slug)).into_response())
}

#[derive(Template)]
#[template(path = "charter.html")]
struct CharterPage<'a> {
    tr: Tr,
    csrf: &'a str,
    organisation: &'a Organisation,
    version: Option<String>,
    published: String,
    /// (language code, its name, the text)
    texts: Vec<(&'static str, String, String)>,
    error: Option<String>,
    saved: bool,
}

fn charter_page<'a>(
    ctx: &'a PageContext,
    organisation: &'a Organisation,
    current: Option<&journey::Charter>,
    texts: [String; 4],
    error: Option<String>,
    saved: bool,
) -> CharterPage<'a> {
    CharterPage {
        tr: ctx.tr,
        csrf: &ctx.csrf,
        organisation,
        version: current.map(|c| charter_label(&ctx.tr, c.version)),
        published: current.map(|c| relais_core::dates::local_datetime(c.created_at)).unwrap_or_default(),
        texts: Locale::ALL.iter().zip(texts).map(|(l, t)| (l.code(), l.endonym().to_string(), t)).collect(),
        error,
        saved,
    }
}

/// `GET /organisations/{slug}/charter`: the charter in force and a form for the next version.
pub async fn charter(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Path(slug): Path<String>, Query(done): Query<DoneQuery>) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageHelpers).await?;
    let current = journey::current_charter(&state.db, organisation.id).await?;
    let texts = current.as_ref().map(|c| c.texts.clone()).unwrap_or_default();
    let page = charter_page(&ctx, &organisation, current.as_ref(), texts, None, done.done == "published");
    ctx.render(&format!("{} — {}", ctx.tr.t("charter-title"), organisation.name), &page.render()?)
}

/// `POST /organisations/{slug}/charter`: publish a new version (at least one language).
pub async fn publish(
    State(state): State<AppState>,
    ctx: PageContext,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    Path(slug): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = authorise(&state, &user, &slug, Action::ManageHelpers).await?;
    let texts: [String; 4] = Locale::ALL.map(|l| field(&fields, &format!("text_{}", l.code())).trim().chars().take(8000).collect());
    let current = journey::current_charter(&state.db, organisation.id).await?;
    if texts.iter().all(|t| t.is_empty()) {
        let page = charter_page(&ctx, &organisation, current.as_ref(), texts, Some(ctx.tr.t("charter-error-empty")), false);
        return ctx.render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &format!("{} — {}", ctx.tr.t("charter-title"), organisation.name), &page.render()?);
    }
    // The same text again (a double submit) is not a new version.
    if current.as_ref().is_none_or(|c| c.texts != texts) {
        let version = journey::publish_charter(&state.db, organisation.id, &texts, user.id, state.clock.now()).await?;
        audit::record_or_log(&state.db, Event::new("charter.published", &client).actor(user.id).organisation(organisation.id).detail(format!("version={version}"))).await;
    }
    Ok(see_other(&format!("/organisations/{}/charter?done=published", organisation.slug)).into_response())
}
