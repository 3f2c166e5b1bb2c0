//! `GET /account`: who I am, where I belong, and the ways out.

use askama::Template;
use axum::{
    extract::{Query, State},
    response::Response,
};
use relais_core::{
    i18n::Tr,
    web::{AppState, error::AppError, layout::PageContext},
};
use serde::Deserialize;

use crate::sessions::CurrentUser;

struct MembershipLine {
    organisation: String,
    slug: String,
    role: String,
    /// The member logs requests there: "my session now" comes first.
    can_log: bool,
}

struct ScopeLine {
    slug: String,
    name: String,
    kind: String,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage<'a> {
    tr: Tr,
    csrf: &'a str,
    user: &'a CurrentUser,
    memberships: Vec<MembershipLine>,
    scopes: Vec<ScopeLine>,
    close_error: bool,
}

#[derive(Debug, Deserialize, Default)]
pub struct AccountQuery {
    #[serde(default)]
    close: String,
}

pub async fn show(State(state): State<AppState>, ctx: PageContext, user: CurrentUser, Query(query): Query<AccountQuery>) -> Result<Response, AppError> {
    let scopes = crate::groups::scopes_of(&state.db, user.id)
        .await?
        .into_iter()
        .map(|s| ScopeLine { kind: ctx.tr.t(super::organisation::kind_key(&s.kind)), slug: s.slug, name: s.name })
        .collect();
    let memberships = user
        .memberships
        .iter()
        .map(|m| MembershipLine {
            organisation: m.organisation_name.clone(),
            slug: m.organisation_slug.clone(),
            role: ctx.tr.t(m.role.label_key()),
            can_log: crate::policy::decide(&user, m.organisation_id, crate::policy::Action::LogRequests) == crate::policy::Decision::Allowed,
        })
        .collect();
    let page = AccountPage { tr: ctx.tr, csrf: &ctx.csrf, user: &user, memberships, scopes, close_error: query.close == "wrong-password" };
    ctx.render(&ctx.tr.t("account-title"), &page.render()?)
}
