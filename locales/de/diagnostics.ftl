# Kompetenzcheck: die fünf Bereiche
area-device = Gerät und Grundlagen
area-information = Informationen finden
area-communication = Kommunizieren
area-procedures = Behördengänge und Zahlungen online
area-safety = Sicherheit

# Startseite (öffentlich, A2)
diagnostic-title = Was kann ich online?
diagnostic-lead = Ein kurzer Check Ihrer digitalen Kompetenzen. Danach zeigen wir Ihnen, was Sie als Nächstes lernen können, und wo.
diagnostic-areas = Die fünf Teile des Checks
diagnostic-promise-time = Es dauert etwa 10 Minuten. Es gibt kein Zeitlimit.
diagnostic-promise-dont-know = Sie können immer „Ich weiß es nicht“ antworten. Das ist in Ordnung.
diagnostic-promise-private = Wir fragen nicht nach Ihrem Namen. Niemand sieht Ihre Antworten, außer Sie zeigen Ihren Code einer Helferin oder einem Helfer.
diagnostic-start = Starten
read-aloud = Vorlesen

# Erste Fragen
intake-title = Ein paar Fragen zu Ihnen
intake-lead = Kreuzen Sie an, was für Sie stimmt. Sie können eine Frage überspringen.
intake-devices = Welche Geräte benutzen Sie?
intake-device-smartphone = Smartphone
intake-device-tablet = Tablet
intake-device-computer = Computer
intake-connection = Wo benutzen Sie das Internet?
intake-connection-home = Zu Hause (WLAN)
intake-connection-mobile = Mit mobilen Daten
intake-connection-public = An einem öffentlichen Ort
intake-connection-none = Gar nicht
intake-identity = Haben Sie das?
intake-identity-itsme = itsme
intake-identity-eid = Ein Kartenleser für die eID
intake-services = Was haben Sie schon online gemacht?
intake-service-email = E-Mail
intake-service-banking = Bankgeschäfte
intake-service-health-insurance = Krankenkasse
intake-service-taxes = Steuern
intake-service-pension = Pension
intake-service-employment = Arbeitssuche
intake-postcode = Ihre Postleitzahl
intake-postcode-hint = So zeigen wir Ihnen Hilfe in Ihrer Nähe. Sie können das Feld leer lassen.
intake-postcode-unknown = Diese Postleitzahl kennen wir nicht. Geben Sie eine belgische Postleitzahl mit 4 Ziffern ein, zum Beispiel 6000.
intake-continue = Weiter

# Grundlagen-Check
gate-title = Erste Schritte
gate-step = Erste Schritte
gate-touch-question = Tippen Sie auf den großen Knopf.
gate-touch-button = Hier
gate-type-question = Schreiben Sie dieses Wort:
gate-type-label = Das Wort
gate-type-ok = OK
gate-type-empty = Schreiben Sie das Wort in das Feld, oder tippen Sie auf „Das kann ich nicht“.
gate-wifi-question = Tippen Sie auf das Zeichen für WLAN (Internet ohne Kabel).
gate-picture-wifi = WLAN
gate-picture-battery = Akku
gate-picture-volume = Ton
gate-picture-camera = Kamera
gate-cannot = Das kann ich nicht

# Fragen
question-title = Frage
question-number = Frage { $number }
question-observed-hint = Für Helfende: Sehen Sie zu, wie die Person es auf ihrem eigenen Gerät macht, und wählen Sie dann.
question-no-hurry = Nehmen Sie sich Zeit. Es gibt kein Zeitlimit.
answer-dont-know = Ich weiß es nicht
answer-self-alone = Ja, allein
answer-self-help = Ja, mit Hilfe
answer-self-not-yet = Noch nicht
answer-observed-alone = Allein geschafft
answer-observed-help = Mit Hilfe geschafft
answer-observed-not-done = Nicht geschafft

# Ergebnis
result-title = Ihr Ergebnis
result-lead = Das können Sie schon, und das können Sie als Nächstes lernen.
result-print = Drucken
result-level = Stufe { $level } von 4
result-to-confirm = Noch zu bestätigen
result-to-confirm-hint = „Noch zu bestätigen“: Wir sind noch nicht sicher. Eine Helferin oder ein Helfer kann es mit Ihnen prüfen.
result-progress = Fortschritt!
result-first-steps-title = Beginnen wir mit den ersten Schritten
result-first-steps = Ein Gerät zu benutzen ist neu für Sie. Das ist in Ordnung: Eine Helferin oder ein Helfer zeigt es Ihnen Schritt für Schritt, mit einem Gerät zum Ausleihen.
result-modules = Was Sie als Nächstes lernen können
result-no-module = Sie sind selbstständig. Sie können anderen helfen, oder eine Helferin oder einen Helfer nach neuen Themen fragen.
result-help = Hilfe in Ihrer Nähe
result-no-help = Wir haben für diese Themen keinen Ort in Ihrer Nähe gefunden.
result-search-help = Alle Orte durchsuchen
result-find-help = Hilfe finden
result-code-title = Ihr Code
result-code-hint = Zeigen Sie diesen Code einer Helferin oder einem Helfer. Dann sieht man Ihr Ergebnis und kann Ihnen weiterhelfen.
result-override = Module wählen (Helfer·in)
result-override-hint = Die vorgeschlagenen Module (höchstens 3)
result-override-save = Module speichern

# Katalog
catalogue-title = Workshops und Module
catalogue-lead = Was Sie in einem Workshop lernen können, in kleinen Gruppen, in Ihrer Nähe.
catalogue-filters = Module filtern
catalogue-area = Thema
catalogue-all-areas = Alle Themen
catalogue-device = Gerät
catalogue-all-devices = Alle Geräte
catalogue-filter = Anzeigen
catalogue-none = Kein Modul passt zu dieser Auswahl.
catalogue-take-diagnostic = Sie wissen nicht, wo Sie anfangen sollen? Machen Sie den kurzen Kompetenzcheck.
catalogue-back = Alle Module
device-pc = Computer
device-tablet = Tablet
device-smartphone = Smartphone
module-meetings = { $count ->
    [one] 1 Treffen von { $minutes } Minuten
   *[other] { $count } Treffen von je { $minutes } Minuten
}
module-network = Modul des Netzwerks
module-goals = Sie lernen
module-for-whom = Für wen
module-target = { $area }: von Stufe { $from } bis Stufe { $to }
module-prerequisites = Bevor Sie beginnen
module-materials = Bitte mitbringen
module-resources = Zu Hause lernen
module-resources-hint = Zwischen den Workshops können Sie mit diesen Websites üben.

# Seiten für Helfende
diagnostics-title = Kompetenzchecks
diagnostics-intro = Ein kurzer Check der digitalen Kompetenzen einer Person in fünf Bereichen, mit den vorzuschlagenden Modulen. Machen Sie ihn mit der Person, oder lassen Sie die Person ihn allein machen und verknüpfen Sie ihn dann über ihren Code.
diagnostics-start = Einen Kompetenzcheck mit einer Person starten
diagnostics-person = Begleitete Person
diagnostics-person-none = Anonym (keine Akte)
diagnostics-start-button = Kompetenzcheck starten
diagnostics-public-link = Eine Person kann ihn auch allein machen, ohne Konto:
diagnostics-link = Einen allein gemachten Kompetenzcheck verknüpfen
diagnostics-code = Code auf dem Ergebnis der Person
diagnostics-link-button = Verknüpfen
diagnostics-link-empty = Geben Sie den Code ein, der auf dem Ergebnis der Person steht.
diagnostics-linked = Der Kompetenzcheck ist verknüpft.
diagnostics-latest = Letzte Kompetenzchecks
diagnostics-none = Noch kein Kompetenzcheck.
diagnostics-when = Begonnen
diagnostics-levels = Stufen
diagnostics-in-progress = Läuft noch
diagnostics-mode-assisted = Mit Helfer·in
diagnostics-mode-alone = Allein

# Plattform-Administration: die Fragenbank
admin-items-title = Fragenbank des Kompetenzchecks
admin-items-intro = Jede Frage des Checks, mit der Zahl der Antworten und der richtigen Antworten. Eine Frage, die viel öfter (oder seltener) richtig beantwortet wird, als ihre Stufe erwarten lässt, braucht vielleicht eine neue Schwierigkeit.
admin-item-title = Frage
admin-item-code = Code
admin-item-question = Fragetext
admin-item-alt = Textalternative des Bildes
admin-item-options = Antworten (eine pro Zeile)
admin-item-answered = Beantwortet
admin-item-right = Richtig
admin-item-inactive = wird nicht gestellt
admin-item-answer = Nummer der richtigen Antwort (0 = die erste)
admin-item-difficulty = Schwierigkeit (die Stufe, auf der die Hälfte richtig antwortet)
admin-item-discrimination = Trennschärfe
admin-item-active = Sitzungen dürfen diese Frage stellen
admin-item-save = Frage speichern
admin-item-saved = Die Frage ist gespeichert.
admin-item-error-text = Geben Sie Fragetext und Textalternative in jeder Sprache an.
admin-item-error-options = Geben Sie 3 oder 4 Antworten an, in jeder Sprache gleich viele.
admin-item-error-answer = Die richtige Antwort muss eine der Antworten sein (0 = die erste).
admin-item-error-calibration = Geben Sie eine Schwierigkeit von -1 bis 5 und eine Trennschärfe von 0,2 bis 4 an.
admin-items-recalibrate = Anhand der Antworten neu kalibrieren
admin-items-recalibrate-hint = Gibt jeder Frage, die mindestens { $count }-mal beantwortet wurde, die Schwierigkeit, die die Antworten am besten erklärt, je nach der Stufe, auf der jede Person eingestuft wurde.
admin-items-recalibrated = { $count ->
    [one] 1 Frage neu kalibriert.
   *[other] { $count } Fragen neu kalibriert.
}
admin-item-difficulty-short = Schwierigkeit

# Issue 14, item 7: diagnostic codes (one answer for every refusal, throttle, expiry)
diagnostics-link-refused = Dieser Code öffnet keinen Kompetenzcheck: Es gibt ihn nicht, er ist schon verknüpft oder nicht mehr gültig (ein Code gilt { $days } Tage). Prüfen Sie die 6 Zeichen mit der Person, oder machen Sie den Kompetenzcheck gemeinsam.
diagnostics-link-throttled = Zu viele Codes versucht. Warten Sie { $minutes ->
        [one] 1 Minute
       *[other] { $minutes } Minuten
    } und versuchen Sie es dann noch einmal.
result-code-valid-until = Dieser Code gilt bis einschließlich { $date }. Danach können Sie den Kompetenzcheck mit der Helferin oder dem Helfer noch einmal machen.
