## Login, sessions, account
login-title = Anmelden
login-email = E-Mail-Adresse
login-password = Passwort
login-submit = Anmelden
login-no-account = Noch kein Konto? Bitten Sie die Koordination Ihrer Organisation um eine Einladung.
login-failed = E-Mail-Adresse oder Passwort falsch.
login-missing-fields = Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.
login-throttled = Zu viele Versuche. Zu Ihrer Sicherheit: Warten Sie { $minutes ->
        [one] 1 Minute
       *[other] { $minutes } Minuten
    } und versuchen Sie es dann noch einmal.
password-set-title = Ihr Passwort wählen
password-set-intro = Ihr Konto:
password-new = Neues Passwort
password-rules = Mindestens 12 Zeichen. Ein kurzer Satz, den Sie sich gut merken können, eignet sich gut.
password-confirm = Passwort wiederholen
password-language = Ihre Sprache
password-set-submit = Passwort speichern
password-too-short = Das Passwort muss mindestens 12 Zeichen haben.
password-too-common = Dieses Passwort ist zu verbreitet oder zu leicht zu erraten. Wählen Sie ein anderes.
password-too-long = Dieses Passwort ist zu lang.
password-mismatch = Die beiden Passwörter sind nicht gleich.
link-invalid-title = Dieser Link funktioniert nicht mehr
link-invalid-text = Der Link wurde schon benutzt oder ist abgelaufen. Fordern Sie einen neuen Link an.
account-title = Mein Konto
account-name = Name
account-email = E-Mail-Adresse
account-organisations = Meine Organisationen
account-platform-admin = Sie sind Administrator·in der Plattform.
account-no-organisation = Sie gehören noch keiner Organisation an.
account-sessions = Sitzungen
account-logout = Abmelden
account-logout-everywhere = Überall abmelden
role-coordinator = Koordinator·in
role-worker = Mitarbeiter·in
role-volunteer = Ehrenamtliche·r
role-viewer = Leser·in der Statistiken
shell-helpers-area = Für Helfer
