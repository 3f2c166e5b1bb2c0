//! Access in one place: every page and API handler that acts on an organisation, a group or
//! the platform asks here, with the action it is about to do; the answer comes from
//! [`crate::policy`] (the rules), the organisation or group from the database. A refusal is an
//! [`AppError`]: "not found" when the user has nothing to do with the organisation (its existence
//! is not revealed), "forbidden" otherwise. The authorization matrix test checks every route.

use relais_core::web::{AppState, error::AppError};

use crate::{
    groups::{self, CoveredOrganisation, Group},
    organisations::{self, Organisation},
    policy::{self, Action, Decision, GroupAction, GroupFacts, PlatformAction},
    sessions::CurrentUser,
};

/// The organisation named in the URL, if the user may do `action` to it.
pub async fn authorise(state: &AppState, user: &CurrentUser, slug: &str, action: Action) -> Result<Organisation, AppError> {
    let organisation = organisations::find_by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
    match policy::decide(user, organisation.id, action) {
        Decision::Allowed => Ok(organisation),
        Decision::Forbidden => Err(AppError::Forbidden),
        Decision::NotFound => Err(AppError::NotFound),
    }
}

/// The group named in the URL with what the policy needs, if the user may do `action` to it.
pub async fn authorise_group(state: &AppState, user: &CurrentUser, slug: &str, action: GroupAction) -> Result<(Group, Vec<CoveredOrganisation>, GroupFacts), AppError> {
    let group = groups::find_by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
    let covered = groups::covered_organisations(&state.db, group.id).await?;
    let facts = GroupFacts {
        organisations: covered.iter().map(|o| (o.organisation_id, o.direct && o.role == "lead")).collect(),
        user_holds_scope: groups::holds_scope(&state.db, user.id, &group).await?,
    };
    match policy::decide_group(user, &facts, action) {
        Decision::Allowed => Ok((group, covered, facts)),
        Decision::Forbidden => Err(AppError::Forbidden),
        Decision::NotFound => Err(AppError::NotFound),
    }
}

/// `Forbidden` unless the platform action is allowed ([`policy::decide_platform`]).
pub fn authorise_platform(user: &CurrentUser, action: PlatformAction) -> Result<(), AppError> {
    match policy::decide_platform(user, action) {
        Decision::Allowed => Ok(()),
        _ => Err(AppError::Forbidden),
    }
}

/// Whether the user may do `action` to the organisation (what a page offers: a button, a link).
pub fn may(user: &CurrentUser, organisation: uuid::Uuid, action: Action) -> bool {
    policy::decide(user, organisation, action) == Decision::Allowed
}
