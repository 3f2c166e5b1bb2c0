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
