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
shell-find-help = Hilfe finden

## Organisation pages
organisation-kind = Art
organisation-municipality = Gemeinde
organisation-languages = Sprachen
organisation-phone = Telefon
organisation-groups = Projekte und Netzwerke
organisation-no-groups = Diese Organisation gehört zu keinem Projekt und keinem Netzwerk.
organisation-kind-cpas = ÖSHZ
organisation-kind-association = Verein
organisation-kind-digital-space-operator = Träger öffentlicher digitaler Räume
organisation-kind-library = Bibliothek
organisation-kind-trainer = Bildungsträger
organisation-kind-funder = Geldgeber
organisation-kind-unknown = andere
group-kind-project = Projekt
group-kind-network = Netzwerk
group-kind-programme = Programm
group-role-lead = Projektträger
group-role-partner = Partner
group-role-host-venue = Gastort
members-title = Mitglieder
members-back = Zurück zur Organisation
members-invited = Die Einladung ist verschickt.
members-role-changed = Die Rolle ist geändert.
members-active-changed = Der Status ist geändert. Der Verlauf bleibt erhalten.
members-role = Rolle
members-status = Status
members-actions = Aktionen
members-status-active = aktiv
members-status-invited = eingeladen
members-status-inactive = deaktiviert
members-change-role = Rolle ändern
members-deactivate = Deaktivieren
members-reactivate = Wieder aktivieren
members-invite-title = Jemanden einladen
members-invite-language = Sprache der Einladung
members-invite-submit = Einladung senden
members-error-email = Geben Sie eine gültige E-Mail-Adresse ein.
members-error-role = Wählen Sie eine Rolle.
members-error-already = Diese Person ist schon Mitglied der Organisation.
invitation-title = Einer Organisation beitreten
invitation-intro = Sie sind eingeladen, beizutreten:
invitation-accept = Einladung annehmen
invitation-mail-subject = Einladung zu { $organisation } auf Relais
invitation-mail-body =
    Guten Tag,

    { $inviter } lädt Sie ein, { $organisation } auf Relais beizutreten, als { $role }.

    Zum Annehmen öffnen Sie diesen Link (7 Tage gültig, nur einmal nutzbar):
    { $link }

    Wenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese Nachricht.

## API tokens
tokens-title = API-Zugangsschlüssel
tokens-intro = Mit einem Schlüssel kann ein anderes Programm Relais in Ihrem Namen nutzen, mit Ihren Rechten. Widerrufen Sie ihn, sobald er nicht mehr gebraucht wird.
tokens-created = Der Schlüssel ist erstellt.
tokens-copy-now = Kopieren Sie ihn jetzt: Er wird nicht mehr angezeigt.
tokens-name = Name des Schlüssels
tokens-created-at = Erstellt am
tokens-last-used = Zuletzt benutzt
tokens-never = nie
tokens-revoked = widerrufen
tokens-revoke = Widerrufen
tokens-new = Neuer Schlüssel
tokens-create = Schlüssel erstellen
tokens-error-name = Geben Sie dem Schlüssel einen Namen (höchstens 100 Zeichen).

## Second factor
second-factor-title = Zweiter Faktor (Einmalcode)
second-factor-login-title = Bestätigungscode
second-factor-login-intro = Öffnen Sie Ihre Authentifizierungs-App und geben Sie den 6-stelligen Code für Relais ein.
second-factor-code = Code
second-factor-code-hint = 6 Ziffern, oder ein Wiederherstellungs­code (mit Bindestrich).
second-factor-submit = Prüfen
second-factor-wrong-code = Dieser Code passt nicht. Geben Sie den Code ein, den die App jetzt zeigt.
second-factor-enabled = Der zweite Faktor ist für Ihr Konto eingeschaltet.
second-factor-recovery-title = Wiederherstellungs­codes
second-factor-recovery-intro = Wenn Sie Ihr Telefon verlieren, erlaubt jeder Code eine Anmeldung. Schreiben Sie sie auf und bewahren Sie sie sicher auf: Sie werden nicht mehr angezeigt.
second-factor-required = Ihre Organisation verlangt für Ihre Rolle einen zweiten Faktor. Schalten Sie ihn ein, um weiterzumachen.
second-factor-step-app = Installieren Sie eine Authentifizierungs-App auf Ihrem Telefon (zum Beispiel FreeOTP, Aegis oder eine andere Ihrer Wahl).
second-factor-step-scan = Fügen Sie in der App ein Konto hinzu und scannen Sie diesen QR-Code.
second-factor-qr-label = QR-Code zum Scannen mit der Authentifizierungs-App
second-factor-manual = Scannen geht nicht? Geben Sie diesen Schlüssel ein:
second-factor-step-code = Geben Sie unten den 6-stelligen Code ein, den die App zeigt.
second-factor-enrol-submit = Einschalten

## Audit log
audit-title = Prüfprotokoll
audit-intro = Anmeldungen, Änderungen an Mitgliedern und Rechten, Schlüssel: wer, was, wann, von wo. Dieses Protokoll kann nicht geändert werden.
audit-family-all = Alles
audit-family-login = Anmeldungen
audit-family-second-factor = Zweiter Faktor
audit-family-member = Mitglieder
audit-family-invitation = Einladungen
audit-family-token = API-Schlüssel
audit-family-password = Passwörter
audit-family-session = Sitzungen
audit-family-scope = Gruppenbereiche
audit-error-action = Wählen Sie eine Ereignisart aus der Liste.
audit-error-date = Geben Sie die Daten im Format JJJJ-MM-TT ein.
audit-error-range = Das Enddatum muss nach dem Anfangsdatum liegen.
audit-from = Vom
audit-to = Bis
audit-filter = Filtern
audit-download-csv = Als CSV herunterladen (Tabelle)
audit-empty = Keine Ereignisse für diesen Filter.
audit-truncated = Nur die 1.000 neuesten Ereignisse werden angezeigt. Wählen Sie einen kürzeren Zeitraum.
audit-col-at = Datum und Uhrzeit
audit-col-actor = Von
audit-col-action = Ereignis
audit-col-object = Gegenstand
audit-col-client = Adresse
audit-col-detail = Detail

## Own data
own-data-title = Meine Daten
own-data-intro = Laden Sie alles herunter, was Relais über Sie speichert: Ihr Konto, Ihre Organisationen, Ihre Schlüssel und das Protokoll Ihrer Aktionen.
own-data-download = Meine Daten herunterladen (JSON)
close-title = Mein Konto schließen
close-intro = Sie können sich dann nicht mehr anmelden. Ihr Name und Ihre E-Mail-Adresse werden durch ein Pseudonym ersetzt; was Sie erfasst haben, bleibt für Ihre Organisation erhalten.
close-password = Ihr Passwort, zur Bestätigung
close-submit = Mein Konto schließen
close-wrong-password = Das Passwort passt nicht. Das Konto ist nicht geschlossen.

## Forgotten password
forgot-title = Passwort vergessen?
forgot-intro = Geben Sie Ihre E-Mail-Adresse ein. Wenn es ein Konto gibt, erhalten Sie einen Link, um ein neues Passwort zu wählen (eine Stunde gültig).
forgot-submit = Link erhalten
forgot-sent = Notiert. Wenn es ein Konto für diese Adresse gibt, ist gerade eine E-Mail mit einem Link verschickt worden. Schauen Sie auch im Spam-Ordner nach.
forgot-mail-subject = Relais: ein neues Passwort wählen
forgot-mail-body =
    Guten Tag,

    Jemand hat verlangt, das Passwort Ihres Relais-Kontos zu ändern.
    Um ein neues Passwort zu wählen, öffnen Sie diesen Link (eine Stunde gültig, nur einmal nutzbar):
    { $link }

    Wenn Sie das nicht waren, ignorieren Sie diese Nachricht: Ihr Passwort bleibt gleich.

## Organisation settings
settings-title = Einstellungen der Organisation
settings-idle = Abmelden nach Inaktivität (Minuten)
settings-idle-hint = Zwischen 5 und 240 Minuten. Eine Sprechstunde dauert oft 2 bis 3 Stunden.
settings-require-2fa = Einen zweiten Faktor für Koordination und Mitarbeitende verlangen
settings-save = Speichern
settings-saved = Die Einstellungen sind gespeichert.
settings-error-idle = Geben Sie eine Zahl von Minuten zwischen 5 und 240 ein.
settings-company-number = Unternehmens­nummer (ZDU)
settings-company-number-hint = Freiwillig. Zum Beispiel 0212.345.668. Sie wird mit Ihren Orten in den offenen Daten des Verzeichnisses veröffentlicht.
settings-error-company-number-shape = Eine Unternehmens­nummer hat 10 Ziffern und beginnt mit 0 oder 1, zum Beispiel 0212.345.668.
settings-error-company-number-check = Diese Unternehmens­nummer gibt es nicht: Prüfen Sie die Ziffern (die letzten beiden prüfen die anderen).

## Gruppen und Gruppenbereiche
group-parts = Projekte und Netzwerke dieses Programms
group-organisations = Organisationen
group-no-organisations = Zu dieser Gruppe gehört noch keine Organisation.
group-col-organisation = Organisation
group-col-role = Rolle in der Gruppe
group-total = Gesamt
group-statistics-note = Die Zahlen sind Summen je Organisation: aktive Helfende auf Relais, nach Rolle. Ein Gruppenbereich öffnet nie die Akten einer Organisation.
group-statistics-scope-needed = Die Zahlen der Gruppe sehen Personen, die einen Bereich für diese Gruppe haben. Wenden Sie sich an die Koordination der federführenden Organisation oder an die Plattform­verwaltung.
scopes-title = Gruppenbereiche
scopes-back = Zurück zur Gruppe
scopes-intro = Mit einem Gruppenbereich sieht eine koordinierende oder lesende Person die Zahlen dieser Gruppe, nur als Summen, nie die Akten einer anderen Organisation. Ein Programmbereich gilt auch für dessen Projekte und Netzwerke.
scopes-holders = Wer einen Bereich hat
scopes-none = Noch niemand hat einen Bereich für diese Gruppe.
scopes-granted-at = Erteilt am
scopes-granted-by = Erteilt von
scopes-revoke = Entziehen
scopes-grant-title = Einen Bereich erteilen
scopes-person = Person (Koordination und Lesende der Organisationen dieser Gruppe)
scopes-grant = Bereich erteilen
scopes-no-candidates = Keine weitere koordinierende oder lesende Person dieser Organisationen kann einen Bereich erhalten.
scopes-granted = Der Bereich wurde erteilt.
scopes-revoked = Der Bereich wurde entzogen.
scopes-error-person = Wählen Sie eine Person aus der Liste.
account-scopes = Meine Gruppenbereiche

## Eine Sitzung nach Inaktivität fortsetzen
resume-title = Sind Sie noch da?
resume-intro-form = Zur Sicherheit fragt Relais nach { $minutes } Minuten ohne Aktivität erneut nach Ihrem Passwort. Was Sie eingegeben haben, bleibt erhalten: Es wird gesendet, sobald Sie bestätigen.
resume-intro-page = Zur Sicherheit fragt Relais nach { $minutes } Minuten ohne Aktivität erneut nach Ihrem Passwort.
resume-signed-in-as = Angemeldet als { $email }
resume-password = Passwort
resume-submit = Weiter
resume-wrong = Dieses Passwort ist nicht richtig. Versuchen Sie es noch einmal.
resume-logout = Abmelden

## Plattformverwaltung: die Aufgabenwarteschlange (/admin/jobs)
admin-jobs-title = Hintergrundaufgaben
admin-jobs-intro = Arbeit, die Relais später erledigt: Erinnerungen, Nachrichten, Aufbewahrungsfristen. Eine fehlgeschlagene Aufgabe wird nach einer sich jeweils verdoppelnden Wartezeit erneut versucht; nach dem letzten Versuch wartet sie hier auf Sie.
admin-jobs-states = Aufgaben nach Zustand
admin-jobs-queued = Wartend
admin-jobs-running = Laufend
admin-jobs-failed = Fehlgeschlagen
admin-jobs-done = Erledigt
admin-jobs-none = Keine Aufgabe in dieser Liste.
admin-jobs-key = Schlüssel
admin-jobs-due = Fällig am
admin-jobs-finished = Beendet am
admin-jobs-held-until = Reserviert bis
admin-jobs-tries = Versuche
admin-jobs-error = Letzter Fehler
admin-jobs-retry = Erneut versuchen
admin-jobs-retry-all = Alle fehlgeschlagenen Aufgaben erneut versuchen
admin-jobs-retried = Wieder in der Warteschlange: die Aufgabe läuft innerhalb einer Minute.
admin-jobs-more = Nur die 100 neuesten werden angezeigt.
