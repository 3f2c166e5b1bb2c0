//! Inviting someone to join an organisation with a role: their account (made without a password
//! if they have none), a pending membership, a single-use link valid for a week, and the
//! invitation e-mail in their language through the outbox. Used by the members page and by the
//! areas that turn someone into a member (an accepted volunteer).

use relais_core::{
    Db, DbError,
    i18n::{Locale, Tr},
    messages::{self, MessageTemplate, NewMessage},
};
use time::{Duration, OffsetDateTime};

use crate::{
    links::{self, Link, Purpose},
    model::Role,
    organisations::{self, Organisation},
    users::{self, User},
};

/// How long an invitation link stays valid.
pub const INVITATION_VALIDITY: Duration = Duration::days(7);

/// Who is invited, where, and by whom.
pub struct Invitation<'a> {
    pub organisation: &'a Organisation,
    pub email: &'a str,
    /// Their name (used when the account is made; the address's local part when empty).
    pub name: &'a str,
    pub role: Role,
    pub locale: Locale,
    /// The inviter's name, in the e-mail.
    pub inviter: &'a str,
    /// The instance's public address, for the link.
    pub public_url: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum InviteError {
    #[error("not a plausible e-mail address")]
    Email,
    #[error("already an active member")]
    AlreadyMember,
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Invite: the account (existing or new), the pending membership, the link and the e-mail
/// queued with them. Returns the invitee's account.
pub async fn invite(db: &Db, invitation: &Invitation<'_>, now: OffsetDateTime) -> Result<User, InviteError> {
    let Invitation { organisation, email, name, role, locale, inviter, public_url } = *invitation;
    if !users::is_plausible_email(email) {
        return Err(InviteError::Email);
    }
    let existing = users::find_by_email(db, email).await?;
    if let Some(existing) = &existing
        && organisations::members_of(db, organisation.id).await?.iter().any(|m| m.user_id == existing.id && m.active)
    {
        return Err(InviteError::AlreadyMember);
    }
    let invitee = match existing {
        Some(u) => u,
        None => {
            let name = if name.trim().is_empty() { email.split('@').next().unwrap_or("").to_string() } else { name.trim().to_string() };
            match users::create(db, users::NewUser { email, display_name: &name, locale, is_admin: false, password_hash: None }).await {
                Ok(u) => u,
                Err(users::CreateUserError::Db(e)) => return Err(e.into()),
                // Lost a race with another invitation of the same address: use that account.
                Err(_) => users::find_by_email(db, email).await?.ok_or(InviteError::Email)?,
            }
        }
    };
    organisations::add_invited_member(db, invitee.id, organisation.id, role).await?;
    let link = Link { user_id: invitee.id, organisation_id: Some(organisation.id), role: Some(role.as_str().to_string()) };
    let token = links::create_for(db, Purpose::Invitation, &link, INVITATION_VALIDITY).await?;
    let url = format!("{public_url}/invitation?token={token}&lang={}", locale.code());
    let args = vec![("inviter", inviter.to_string()), ("organisation", organisation.name.clone()), ("role", Tr::new(locale).t(role.label_key())), ("link", url)];
    let template = MessageTemplate::Email { subject: "invitation-mail-subject", body: "invitation-mail-body" };
    messages::queue(db, &NewMessage::new(Some(organisation.id), &invitee.email, locale, template, args).secret(), now).await?;
    Ok(invitee)
}
