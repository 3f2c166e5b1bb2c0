//! One place decides access: "may this user do this to that organisation?". Every handler asks
//! here; the authorization matrix test checks every route against it.
//!
//! An organisation the user has nothing to do with is answered "not found" (its existence is not
//! revealed); a member without the right gets "forbidden".

use uuid::Uuid;

use crate::{model::Role, sessions::CurrentUser};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// See the organisation's profile and groups.
    ViewOrganisation,
    /// See the list of members.
    ViewMembers,
    /// Invite, change roles, deactivate.
    ManageMembers,
    /// Read the organisation's audit log.
    ViewAuditLog,
    /// Change the organisation's settings (session timeout, second factor).
    ManageSettings,
    /// Create and edit the organisation's places, drop-in sessions, exceptions and mobile units.
    ManageDirectory,
    /// Log requests helped and collective moments, record political signals (one's own list).
    LogRequests,
    /// Read every request of the organisation (not only one's own), with private notes.
    ViewRequests,
    /// Create, read and link person records and their history; redirect requests, handle
    /// incoming redirections.
    ViewPeople,
    /// Export and erase a person's record (the data subject's rights).
    ErasePeople,
    /// Review political signals (publish, merge, set aside) and keep the register of referral targets.
    ReviewSignals,
    /// See the organisation's own figures (reports: aggregates of its log).
    ViewReports,
    /// Plan and cancel workshops, open a group from the demand for a module.
    ManageWorkshops,
    /// See workshop participants and people waiting for a module in full (names, phones,
    /// e-mails), cancel their registrations and withdraw their requests. Without it, a helper
    /// facilitating a workshop sees first names and initials and cancels only whom they registered.
    ManageParticipants,
    /// See the organisation's helpers (profiles with contact data, referents, status history).
    ViewHelpers,
    /// Add helpers, edit their profiles and status, set the headcount per job family.
    ManageHelpers,
    /// Keep one's own helper profile (languages, skills, when and where one can help).
    KeepOwnProfile,
}

/// What each role may do in its own organisation.
pub fn role_may(role: Role, action: Action) -> bool {
    match action {
        Action::ViewOrganisation => true,
        Action::LogRequests => role != Role::Viewer,
        Action::ViewRequests | Action::ViewPeople | Action::ManageWorkshops | Action::ManageParticipants => matches!(role, Role::Coordinator | Role::Worker),
        Action::ViewReports => role != Role::Volunteer,
        Action::ViewHelpers => matches!(role, Role::Coordinator | Role::Worker),
        Action::KeepOwnProfile => role != Role::Viewer,
        Action::ViewMembers
        | Action::ManageMembers
        | Action::ViewAuditLog
        | Action::ManageSettings
        | Action::ManageDirectory
        | Action::ErasePeople
        | Action::ReviewSignals
        | Action::ManageHelpers => role == Role::Coordinator,
    }
}

/// Platform admins run the instance: they manage organisations and their members, but never
/// read an organisation's records or audit log through the application.
fn admin_may(action: Action) -> bool {
    matches!(action, Action::ViewOrganisation | Action::ViewMembers | Action::ManageMembers | Action::ManageSettings | Action::ManageDirectory)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    Forbidden,
    NotFound,
}

pub fn decide(user: &CurrentUser, organisation: Uuid, action: Action) -> Decision {
    match user.memberships.iter().find(|m| m.organisation_id == organisation) {
        Some(m) if role_may(m.role, action) => Decision::Allowed,
        _ if user.is_admin && admin_may(action) => Decision::Allowed,
        Some(_) => Decision::Forbidden,
        None => Decision::NotFound,
    }
}

/// What only platform admins do: the instance's shared lists and its machinery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlatformAction {
    /// Rename and add the terms of the shared lists (themes, online services, outcomes, …).
    ManageTaxonomies,
    /// Keep the diagnostic's item bank.
    ManageItemBank,
    /// See the job queue and retry failed jobs.
    ManageJobs,
}

/// Platform actions are the platform admins' alone (no organisation role opens them).
pub fn decide_platform(user: &CurrentUser, action: PlatformAction) -> Decision {
    match action {
        PlatformAction::ManageTaxonomies | PlatformAction::ManageItemBank | PlatformAction::ManageJobs if user.is_admin => Decision::Allowed,
        _ => Decision::Forbidden,
    }
}

/// What may be done with a group (project, network, programme).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupAction {
    /// See the group: its kind, programme and the organisations it covers.
    ViewGroup,
    /// See the group's aggregate figures (a group scope).
    ViewGroupStatistics,
    /// Grant and revoke group scopes.
    ManageScopes,
    /// See the directory of every organisation of the group (places, published or not).
    ViewDirectory,
}

/// What the policy needs to know about a group and the user.
#[derive(Debug, Clone)]
pub struct GroupFacts {
    /// Organisations the group covers (for a programme, its projects' and networks' members too),
    /// each with whether it leads the group itself.
    pub organisations: Vec<(Uuid, bool)>,
    /// The user holds a scope on the group or on its programme.
    pub user_holds_scope: bool,
}

/// Group scopes see aggregates only; organisations' records stay behind [`decide`], which knows
/// nothing of scopes. A platform admin or a coordinator of a lead organisation manages scopes.
pub fn decide_group(user: &CurrentUser, facts: &GroupFacts, action: GroupAction) -> Decision {
    let member_of_covered = user.memberships.iter().any(|m| facts.organisations.iter().any(|(o, _)| *o == m.organisation_id));
    let coordinates_lead = user.memberships.iter().any(|m| m.role == Role::Coordinator && facts.organisations.iter().any(|(o, lead)| *lead && *o == m.organisation_id));
    let knows_group = user.is_admin || facts.user_holds_scope || member_of_covered;
    let allowed = match action {
        GroupAction::ViewGroup => knows_group,
        GroupAction::ViewGroupStatistics => facts.user_holds_scope,
        GroupAction::ManageScopes => user.is_admin || coordinates_lead,
        GroupAction::ViewDirectory => user.is_admin || coordinates_lead || facts.user_holds_scope,
    };
    match (allowed, knows_group) {
        (true, _) => Decision::Allowed,
        (false, true) => Decision::Forbidden,
        (false, false) => Decision::NotFound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::organisations::Membership;
    use relais_core::i18n::Locale;

    fn user(role: Option<Role>, admin: bool, org: Uuid) -> CurrentUser {
        CurrentUser {
            id: Uuid::new_v4(),
            email: "x@y.be".into(),
            display_name: "X".into(),
            locale: Locale::Fr,
            is_admin: admin,
            memberships: role.map(|role| Membership { organisation_id: org, organisation_slug: "a".into(), organisation_name: "A".into(), role }).into_iter().collect(),
            token: String::new(),
            second_factor_pending: false,
            must_enrol: false,
        }
    }

    #[test]
    fn roles_and_strangers() {
        let a = Uuid::new_v4();
        let b = Uuid::new_v4();
        let coordinator = user(Some(Role::Coordinator), false, a);
        assert_eq!(decide(&coordinator, a, Action::ManageMembers), Decision::Allowed);
        assert_eq!(decide(&coordinator, b, Action::ViewOrganisation), Decision::NotFound);
        let volunteer = user(Some(Role::Volunteer), false, a);
        assert_eq!(decide(&volunteer, a, Action::ViewOrganisation), Decision::Allowed);
        assert_eq!(decide(&volunteer, a, Action::ViewMembers), Decision::Forbidden);
        // Volunteers log requests, but read neither people nor others' requests.
        assert_eq!(decide(&volunteer, a, Action::LogRequests), Decision::Allowed);
        assert_eq!(decide(&volunteer, a, Action::ViewPeople), Decision::Forbidden);
        assert_eq!(decide(&volunteer, a, Action::ViewRequests), Decision::Forbidden);
        // Volunteers facilitate workshops without the participants' contacts.
        assert_eq!(decide(&volunteer, a, Action::ManageParticipants), Decision::Forbidden);
        let worker = user(Some(Role::Worker), false, a);
        assert_eq!(decide(&worker, a, Action::ViewPeople), Decision::Allowed);
        assert_eq!(decide(&worker, a, Action::ErasePeople), Decision::Forbidden);
        // Workers see the helpers (they are referents); only coordinators manage them; a
        // volunteer keeps their own profile and sees nobody else's.
        assert_eq!(decide(&worker, a, Action::ViewHelpers), Decision::Allowed);
        assert_eq!(decide(&worker, a, Action::ManageHelpers), Decision::Forbidden);
        assert_eq!(decide(&volunteer, a, Action::ViewHelpers), Decision::Forbidden);
        assert_eq!(decide(&volunteer, a, Action::KeepOwnProfile), Decision::Allowed);
        let viewer = user(Some(Role::Viewer), false, a);
        assert_eq!(decide(&viewer, a, Action::LogRequests), Decision::Forbidden);
        assert_eq!(decide(&viewer, a, Action::KeepOwnProfile), Decision::Forbidden);
        assert_eq!(decide(&coordinator, b, Action::ViewPeople), Decision::NotFound);
        let admin = user(None, true, a);
        assert_eq!(decide(&admin, b, Action::ManageMembers), Decision::Allowed);
        assert_eq!(decide(&admin, b, Action::ViewAuditLog), Decision::NotFound);
        // Platform admins never read an organisation's people or requests.
        assert_eq!(decide(&admin, b, Action::ViewPeople), Decision::NotFound);
        assert_eq!(decide(&admin, b, Action::LogRequests), Decision::NotFound);
    }

    #[test]
    fn platform_actions_are_for_platform_admins_only() {
        let a = Uuid::new_v4();
        for action in [PlatformAction::ManageTaxonomies, PlatformAction::ManageItemBank, PlatformAction::ManageJobs] {
            assert_eq!(decide_platform(&user(None, true, a), action), Decision::Allowed);
            assert_eq!(decide_platform(&user(Some(Role::Coordinator), false, a), action), Decision::Forbidden);
        }
    }

    #[test]
    fn group_scopes() {
        let lead = Uuid::new_v4();
        let partner = Uuid::new_v4();
        let facts = |holds| GroupFacts { organisations: vec![(lead, true), (partner, false)], user_holds_scope: holds };
        let lead_coordinator = user(Some(Role::Coordinator), false, lead);
        assert_eq!(decide_group(&lead_coordinator, &facts(false), GroupAction::ManageScopes), Decision::Allowed);
        assert_eq!(decide_group(&lead_coordinator, &facts(false), GroupAction::ViewGroupStatistics), Decision::Forbidden);
        let partner_coordinator = user(Some(Role::Coordinator), false, partner);
        assert_eq!(decide_group(&partner_coordinator, &facts(false), GroupAction::ManageScopes), Decision::Forbidden);
        assert_eq!(decide_group(&partner_coordinator, &facts(false), GroupAction::ViewGroup), Decision::Allowed);
        let funder = user(Some(Role::Viewer), false, Uuid::new_v4());
        assert_eq!(decide_group(&funder, &facts(false), GroupAction::ViewGroup), Decision::NotFound);
        assert_eq!(decide_group(&funder, &facts(true), GroupAction::ViewGroupStatistics), Decision::Allowed);
        assert_eq!(decide_group(&funder, &facts(true), GroupAction::ManageScopes), Decision::Forbidden);
        // A scope never opens an organisation's own pages.
        assert_eq!(decide(&funder, lead, Action::ViewMembers), Decision::NotFound);
        let admin = user(None, true, lead);
        assert_eq!(decide_group(&admin, &facts(false), GroupAction::ManageScopes), Decision::Allowed);
        assert_eq!(decide_group(&admin, &facts(false), GroupAction::ViewGroupStatistics), Decision::Forbidden);
    }
}
