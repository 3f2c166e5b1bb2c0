## Page shell
shell-description = Relais: Hilfe bei Online-Behördengängen finden, in Ihrer Nähe.
shell-skip-to-content = Zum Inhalt
shell-demo-banner-title = Demo-Umgebung.
shell-demo-banner-text = Die Organisationen, Orte und Personen sind erfunden.
shell-language-nav = Sprache
shell-footer-tagline = Relais hilft den ÖSHZ und ihren Partnern, Menschen mit wenig Digitalerfahrung zu begleiten.
shell-footer-privacy = Ihre Daten bleiben in Ihrer Organisation. Keine Werbung, keine Tracker.

## Home page
home-title = Hilfe bei Ihren Online-Behördengängen
home-lead = Das ÖSHZ, die öffentlichen digitalen Räume, Vereine und Bibliotheken helfen Ihnen kostenlos. Sie sind nicht allein.
home-find-title = Hilfe in Ihrer Nähe finden
home-find-submit = Suchen
home-help-title = Wobei können Sie Hilfe bekommen?
home-help-text = Zum Beispiel:
home-topic-pension = Ihre Rente (MyPension)
home-topic-health-insurance = Ihre Krankenkasse
home-topic-job = Arbeit suchen, Arbeits­losigkeit
home-topic-housing = eine Wohnung suchen
home-topic-itsme = itsme und der Personalausweis (eID)
home-topic-email = E-Mails schreiben und lesen
home-topic-banking = Online-Banking
home-topic-family = Familien­leistungen und Studienbeihilfe
home-help-where = Fragen Sie am Empfang Ihres ÖSHZ: Dort erfahren Sie, wo und wann es eine digitale Sprechstunde in Ihrer Nähe gibt.
home-helpers-title = Für Helfer und Organisationen
home-helpers-text = Relais ist das Werkzeug der ÖSHZ, der öffentlichen digitalen Räume und ihrer Partner, um:
home-helpers-find = zu zeigen, wo und wann es Hilfe gibt;
home-helpers-log = jede Anfrage in wenigen Sekunden zu notieren;
home-helpers-orient = einen Kompetenzcheck zu machen und an einen Kurs oder Partner weiterzuleiten;
home-helpers-report = die Wirkung dem ÖSHZ, dem Netzwerk und dem Geldgeber zu zeigen, ohne persönliche Daten.

## Error pages
error-code = Fehlercode:
error-back-home = Zurück zur Startseite
error-not-found-title = Seite nicht gefunden
error-not-found-text = Diese Seite gibt es nicht oder nicht mehr. Prüfen Sie die Adresse oder gehen Sie zur Startseite.
error-bad-request-title = Fehlerhafte Anfrage
error-bad-request-text = Wir haben diese Anfrage nicht verstanden. Gehen Sie zurück und versuchen Sie es noch einmal.
error-method-title = Hier nicht möglich
error-method-text = Diese Seite erlaubt diese Aktion nicht.
error-timeout-title = Das dauert zu lange
error-timeout-text = Die Antwort hat zu lange gedauert. Versuchen Sie es gleich noch einmal.
error-too-large-title = Zu groß
error-too-large-text = Was Sie gesendet haben, ist zu groß. Versuchen Sie es mit weniger Text oder einer kleineren Datei.
error-media-type-title = Format nicht angenommen
error-media-type-text = Dieses Format wird hier nicht angenommen.
error-too-many-title = Zu viele Versuche
error-too-many-text = Zu viele Anfragen in kurzer Zeit. Warten Sie kurz und versuchen Sie es dann noch einmal.
error-unavailable-title = Vorübergehend nicht erreichbar
error-unavailable-text = Relais kann gerade nicht antworten. Versuchen Sie es in ein paar Minuten noch einmal.
error-internal-title = Etwas ist schiefgelaufen
error-internal-text = Das ist nicht Ihr Fehler. Das Problem wurde notiert. Versuchen Sie es gleich noch einmal.
error-forbidden-title = Zugriff verweigert
error-forbidden-text = Sie haben keinen Zugriff auf diese Seite. Wenn Sie ihn brauchen, fragen Sie die Person, die Ihre Organisation koordiniert.
error-form-expired-title = Formular abgelaufen
error-form-expired-text = Dieses Formular ist abgelaufen oder kommt von einer anderen Seite. Laden Sie die Seite neu, prüfen Sie Ihre Eingaben und senden Sie sie noch einmal.

# issue 14, item 10: control characters in text input
error-control-character-title = Unsichtbares Zeichen im Text
error-control-character-text = Was Sie gesendet haben, enthält ein unsichtbares Steuerzeichen (oft aus einem anderen Programm eingefügt), das Relais nicht speichern kann. Gehen Sie zurück, tippen Sie den betreffenden Text neu ein und senden Sie ihn noch einmal.
error-too-long-title = Text zu lang
error-too-long-text = Eines der Felder enthält mehr Zeichen, als Relais dort annimmt (ein Name: 200, eine Notiz oder Beschreibung: 2.000). Gehen Sie zurück: Was Sie getippt haben, steht noch im Formular. Kürzen Sie den Text und senden Sie ihn noch einmal.

## The API's error messages (codes stay, messages are for people reading them)
api-error-bad-request = Die Anfrage entspricht nicht der API-Dokumentation.
api-error-invalid = Einige Felder sind ungültig: siehe problems.
api-error-unauthorized = Ein gültiges API-Token ist nötig (Authorization: Bearer …).
api-error-forbidden = Ihre Rolle erlaubt das nicht.
api-error-not-found = Hier ist nichts, oder nichts, was Sie sehen dürfen.
api-error-method-not-allowed = Diese Methode ist hier nicht erlaubt.
api-error-timeout = Die Anfrage hat zu lange gedauert.
api-error-too-large = Die Anfrage ist zu groß.
api-error-unsupported-media-type = Senden Sie JSON (Content-Type: application/json).
api-error-too-many-requests = Zu viele Anfragen: warten Sie einen Moment.
api-error-unavailable = Der Dienst ist kurz nicht erreichbar: versuchen Sie es bald erneut.
api-error-internal = Bei uns ist etwas schiefgelaufen.
api-error-unknown-area = Keine belgische Gemeinde und keine Postleitzahl passt.
api-error-ambiguous-area = Mehrere Orte passen: wählen Sie einen aus choices und geben Sie ihn als area an.
