## Login, sessions, account
login-title = Log in
login-email = E-mail address
login-password = Password
login-submit = Log in
login-no-account = No account yet? Ask the coordinator of your organisation for an invitation.
login-failed = Wrong e-mail address or password.
login-missing-fields = Enter your e-mail address and your password.
login-throttled = Too many attempts. For your safety, wait { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    } before trying again.
password-set-title = Choose your password
password-set-intro = Your account:
password-new = New password
password-rules = At least 12 characters. A short sentence you can easily remember works well.
password-confirm = Repeat the password
password-language = Your language
password-set-submit = Save the password
password-too-short = The password must have at least 12 characters.
password-too-common = This password is too common or too easy to guess. Choose another one.
password-too-long = This password is too long.
password-mismatch = The two passwords are not the same.
link-invalid-title = This link no longer works
link-invalid-text = The link has already been used or has expired. Ask for a new link.
account-title = My account
account-name = Name
account-email = E-mail address
account-organisations = My organisations
account-platform-admin = You are a platform administrator.
account-no-organisation = You are not part of any organisation yet.
account-sessions = Sessions
account-logout = Log out
account-logout-everywhere = Log out everywhere
role-coordinator = coordinator
role-worker = worker
role-volunteer = volunteer
role-viewer = statistics viewer
shell-helpers-area = Helpers' area
shell-find-help = Find help

## Organisation pages
organisation-kind = Kind
organisation-municipality = Municipality
organisation-languages = Languages
organisation-phone = Phone
organisation-groups = Projects and networks
organisation-no-groups = This organisation is not part of any project or network.
organisation-kind-cpas = CPAS/OCMW
organisation-kind-association = association
organisation-kind-digital-space-operator = public digital space operator
organisation-kind-library = library
organisation-kind-trainer = trainer
organisation-kind-funder = funder
organisation-kind-unknown = other
group-kind-project = project
group-kind-network = network
group-kind-programme = programme
group-role-lead = lead
group-role-partner = partner
group-role-host-venue = host venue
members-title = Members
members-back = Back to the organisation
members-invited = The invitation has been sent.
members-role-changed = The role has been changed.
members-active-changed = The status has been changed. The history is kept.
members-role = Role
members-status = Status
members-actions = Actions
members-status-active = active
members-status-invited = invited
members-status-inactive = deactivated
members-change-role = Change role
members-deactivate = Deactivate
members-reactivate = Reactivate
members-invite-title = Invite someone
members-invite-language = Language of the invitation
members-invite-submit = Send the invitation
members-error-email = Enter a valid e-mail address.
members-error-role = Choose a role.
members-error-already = This person is already a member of the organisation.
invitation-title = Join an organisation
invitation-intro = You are invited to join
invitation-accept = Accept the invitation
invitation-mail-subject = Invitation to join { $organisation } on Relais
invitation-mail-body =
    Hello,

    { $inviter } invites you to join { $organisation } on Relais, as { $role }.

    To accept, open this link (valid 7 days, single use):
    { $link }

    If you did not expect this invitation, you can ignore this message.

## API tokens
tokens-title = API access tokens
tokens-intro = A token lets another program use Relais on your behalf, with your rights. Revoke it as soon as it is no longer needed.
tokens-created = The token has been created.
tokens-copy-now = Copy it now: it will not be shown again.
tokens-name = Token name
tokens-created-at = Created
tokens-last-used = Last used
tokens-never = never
tokens-revoked = revoked
tokens-revoke = Revoke
tokens-new = New token
tokens-create = Create the token
tokens-error-name = Give the token a name (100 characters at most).

## Second factor
second-factor-title = Second factor (one-time code)
second-factor-login-title = Verification code
second-factor-login-intro = Open your authenticator app and type the 6-digit code it shows for Relais.
second-factor-code = Code
second-factor-code-hint = 6 digits, or a recovery code (with a dash).
second-factor-submit = Verify
second-factor-wrong-code = This code does not match. Type the code the app shows now.
second-factor-enabled = The second factor is on for your account.
second-factor-recovery-title = Recovery codes
second-factor-recovery-intro = If you lose your phone, each code lets you log in once. Write them down and keep them safe: they will not be shown again.
second-factor-required = Your organisation asks for a second factor for your role. Turn it on to continue.
second-factor-step-app = Install an authenticator app on your phone (for example FreeOTP, Aegis or another of your choice).
second-factor-step-scan = In the app, add an account and scan this QR code.
second-factor-qr-label = QR code to scan with the authenticator app
second-factor-manual = Cannot scan? Type this key:
second-factor-step-code = Type below the 6-digit code the app shows.
second-factor-enrol-submit = Turn on

## Audit log
audit-title = Audit log
audit-intro = Logins, changes to members and rights, tokens: who, what, when, from where. This log cannot be changed.
audit-family-all = Everything
audit-family-login = Logins
audit-family-second-factor = Second factor
audit-family-member = Members
audit-family-invitation = Invitations
audit-family-token = API tokens
audit-family-password = Passwords
audit-family-session = Sessions
audit-family-scope = Group scopes
audit-error-action = Choose a kind of event from the list.
audit-error-date = Enter dates as YYYY-MM-DD.
audit-error-range = The end date must come after the start date.
audit-from = From
audit-to = To
audit-filter = Filter
audit-download-csv = Download as CSV (spreadsheet)
audit-empty = No events for this filter.
audit-truncated = Only the 1,000 most recent events are shown. Choose a shorter period.
audit-col-at = Date and time
audit-col-actor = By
audit-col-action = Event
audit-col-object = Object
audit-col-client = Address
audit-col-detail = Detail

## Own data
own-data-title = My data
own-data-intro = Download everything Relais keeps about you: your account, your organisations, your tokens and the log of your actions.
own-data-download = Download my data (JSON)
close-title = Close my account
close-intro = You will no longer be able to log in. Your name and e-mail address will be replaced by a pseudonym; what you recorded stays with your organisation.
close-password = Your password, to confirm
close-submit = Close my account
close-wrong-password = The password does not match. The account is not closed.

## Forgotten password
forgot-title = Forgot your password?
forgot-intro = Enter your e-mail address. If an account exists, you will receive a link to choose a new password (valid one hour).
forgot-submit = Send me a link
forgot-sent = Done. If an account exists for this address, an e-mail with a link is on its way. Check your spam folder too.
forgot-mail-subject = Relais: choose a new password
forgot-mail-body =
    Hello,

    Someone asked to change the password of your Relais account.
    To choose a new password, open this link (valid one hour, single use):
    { $link }

    If this was not you, ignore this message: your password stays the same.

## Organisation settings
settings-title = Organisation settings
settings-idle = Log out after inactivity (minutes)
settings-idle-hint = Between 5 and 240 minutes. A drop-in session often lasts 2 to 3 hours.
settings-require-2fa = Require a second factor for coordinators and workers
settings-save = Save
settings-saved = The settings have been saved.
settings-error-idle = Enter a number of minutes between 5 and 240.
settings-company-number = Enterprise number (BCE/KBO)
settings-company-number-hint = Optional. For example 0212.345.668. It is published with your places in the directory's open data.
settings-error-company-number-shape = An enterprise number has 10 digits and starts with 0 or 1, for example 0212.345.668.
settings-error-company-number-check = This enterprise number does not exist: check the digits (the last two are a check on the others).

## Groups and group scopes
group-parts = Projects and networks of this programme
group-organisations = Organisations
group-no-organisations = No organisation belongs to this group yet.
group-col-organisation = Organisation
group-col-role = Role in the group
group-total = Total
group-statistics-note = Figures are totals per organisation: active helpers on Relais, by role. A group scope never opens an organisation's records.
group-statistics-scope-needed = The group's figures are shown to people who hold a scope on it. Ask the coordinator of the lead organisation or a platform administrator.
scopes-title = Group scopes
scopes-back = Back to the group
scopes-intro = A group scope lets a coordinator or a viewer see this group's figures, as totals only, never another organisation's records. A programme scope also covers its projects and networks.
scopes-holders = Who holds a scope
scopes-none = Nobody holds a scope on this group yet.
scopes-granted-at = Granted on
scopes-granted-by = Granted by
scopes-revoke = Revoke
scopes-grant-title = Grant a scope
scopes-person = Person (coordinators and viewers of the organisations in this group)
scopes-grant = Grant the scope
scopes-no-candidates = No other coordinator or viewer of these organisations can receive a scope.
scopes-granted = The scope has been granted.
scopes-revoked = The scope has been revoked.
scopes-error-person = Choose a person from the list.
account-scopes = My group scopes

## Resuming a session after inactivity
resume-title = Are you still there?
resume-intro-form = For safety, Relais asks for your password again after { $minutes } minutes without activity. What you were typing is kept: it is sent as soon as you confirm.
resume-intro-page = For safety, Relais asks for your password again after { $minutes } minutes without activity.
resume-signed-in-as = Signed in as { $email }
resume-password = Password
resume-submit = Continue
resume-wrong = This password is not correct. Try again.
resume-logout = Log out

## Platform admins: the job queue (/admin/jobs)
admin-jobs-title = Background jobs
admin-jobs-intro = Work Relais does later: reminders, messages, retention. A job that fails is tried again after a wait that doubles; after its last try it waits here for you.
admin-jobs-states = Jobs by state
admin-jobs-queued = Waiting
admin-jobs-running = Running
admin-jobs-failed = Failed
admin-jobs-done = Done
admin-jobs-none = No job in this list.
admin-jobs-key = Key
admin-jobs-due = Due
admin-jobs-finished = Ended
admin-jobs-held-until = Held until
admin-jobs-tries = Tries
admin-jobs-error = Last error
admin-jobs-retry = Try again
admin-jobs-retry-all = Try all failed jobs again
admin-jobs-retried = Back in the queue: the job will run within a minute.
admin-jobs-more = Only the 100 most recent are shown.
