# Öffentlicher Workshop-Kalender (A2)
calendar-title = Workshops in Ihrer Nähe
calendar-lead = Lernen Sie in einer kleinen Gruppe, kostenlos, mit einer Helferin oder einem Helfer. Wählen Sie einen Workshop. Melden Sie sich mit Ihrem Namen und Ihrer Telefonnummer an.
calendar-filters = Workshops filtern
calendar-all-modules = Alle Workshops
calendar-all-languages = Alle Sprachen
calendar-none = Im Moment passt kein Workshop zu dieser Auswahl.
calendar-ical = Zu meinem Kalender hinzufügen (iCal)
result-workshops = Nächste Workshops in Ihrer Nähe
workshop-about-module = Das lernen Sie
workshop-dates = Termine
workshop-place = Ort
workshop-place-none = Anderswo (siehe Termine)
workshop-language = Sprache
workshop-device = Gerät
workshop-capacity = Plätze
workshop-seats-left = { $count ->
    [one] Noch 1 Platz frei
   *[other] Noch { $count } Plätze frei
}
workshop-full = Voll: Warteliste
workshop-cancelled = Dieser Workshop fällt aus.
workshop-meetings-count = { $count } Treffen
registration-public-title = Anmelden
registration-public-waiting-title = Auf die Warteliste kommen
registration-public-hint = Wir fragen nur nach Ihrem Namen und einer Telefonnummer. Wir benutzen sie nur, um Sie wegen dieses Workshops zu kontaktieren, und löschen sie 3 Monate danach.
registration-name = Name
registration-phone = Telefonnummer
registration-email = E-Mail (wenn Sie eine Einladung per E-Mail möchten)
registration-submit = Anmelden
registration-public-join-waiting = Mich auf die Warteliste setzen
registration-public-booked = Sie sind angemeldet. Bis bald!
registration-public-waiting = Der Workshop ist voll. Sie sind Nummer { $position } auf der Warteliste. Wir rufen Sie an, wenn ein Platz frei wird.
registration-closed = Für diesen Workshop kann man sich nicht mehr anmelden.
registration-error-name = Geben Sie einen Namen ein.
registration-error-phone = Geben Sie eine Telefonnummer ein, zum Beispiel 0470 12 34 56.
registration-error-email = Diese E-Mail-Adresse ist nicht vollständig. Zum Beispiel: name@example.be.

# Seiten für Helfende: Workshops
workshops-title = Workshops
workshops-none = Kein Workshop geplant.
workshop-title = Workshop
workshop-new = Einen Workshop planen
workshop-module = Modul
workshop-choose-module = Wählen Sie ein Modul
workshop-date = Datum des ersten Treffens
workshop-hours = Uhrzeit
workshop-start = Von
workshop-end = Bis
workshop-weeks = Anzahl der Treffen
workshop-weeks-hint = Ein Treffen pro Woche, am selben Tag zur selben Uhrzeit.
workshop-facilitators = Leitung
workshop-create = Workshop planen
workshop-new-demand = Wartende Personen für dieses Modul an diesem Ort: { $count }. Diese Personen werden eingeladen, sobald Sie den Workshop planen.
workshop-error-module = Wählen Sie ein Modul aus dem Katalog.
workshop-error-place = Wählen Sie einen Ihrer Orte.
workshop-error-date = Geben Sie ein Datum ab heute an, höchstens zwei Jahre im Voraus.
workshop-error-hours = Geben Sie die Uhrzeit an: Das Ende muss nach dem Beginn liegen.
workshop-error-weeks = Geben Sie eine Anzahl Treffen von 1 bis 26 an.
workshop-error-capacity = Geben Sie eine Anzahl Plätze von 1 bis 100 an.
workshop-error-language = Wählen Sie eine Sprache.
workshop-error-device = Wählen Sie ein Gerät.
workshop-created = Der Workshop ist geplant.
workshop-created-invited = Der Workshop ist geplant. Die wartenden Personen sind eingeladen: per E-Mail, wenn sie eine angegeben haben; die anderen stehen auf der Anrufliste.
workshop-public-page = Öffentliche Seite
workshop-participants = Teilnehmende
workshop-no-participant = Noch niemand angemeldet.
workshop-waiting-list = Warteliste
workshop-no-waiting = Niemand auf der Warteliste.
workshop-register-someone = Jemanden anmelden
workshop-register-submit = Diese Person anmelden
workshop-person = Begleitete Person
workshop-person-none = Keine begleitete Person (Namen eingeben)
workshop-registered-booked = Angemeldet.
workshop-registered-waiting = Der Workshop ist voll: auf die Warteliste gesetzt.
workshop-registration-cancelled = Anmeldung storniert. Wenn jemand gewartet hat, bekommt diese Person jetzt den Platz.
registration-cancel = Stornieren
workshop-cancel = Workshop absagen
workshop-back = Zurück zum Workshop
workshop-invitation-subject = Ein Workshop für Sie: { $module }
# An SMS (one part: 160 characters once accents are made plain; see docs/messages.md).
sms-workshop-invitation = Relais: Ihr Workshop „{ $module }“ am { $date }, { $place }. Anmeldung/Infos: { $phone }
workshop-invitation-body = Guten Tag { $name },

    Sie haben nach dem Workshop „{ $module }“ gefragt. Eine neue Gruppe beginnt:

    { $dates }
    { $place }

    Hier können Sie sich anmelden: { $link }

    Bis bald!
attendance-title = Anwesenheit
attendance-take = Anwesenheit erfassen
attendance-hint = Kreuzen Sie an, wer da ist
attendance-save = Anwesenheit speichern
attendance-saved = Anwesenheit gespeichert.
demand-title = Anfragen für Module
demand-intro = Personen, die ein Modul an einem Ihrer Orte möchten. Ab { $count } wartenden Personen können Sie eine Gruppe eröffnen. Diese Personen werden dann eingeladen.
demand-none = Keine offene Anfrage.
demand-waiting = { $count ->
    [one] 1 Person wartet
   *[other] { $count } Personen warten
}
demand-enough = Genug Personen für eine Gruppe.
demand-open = Gruppe eröffnen
demand-add = Anfrage hinzufügen
demand-added = Die Anfrage wurde hinzugefügt.
demand-people = Wartende Personen
demand-withdraw = Zurückziehen
demand-withdrawn = Die Anfrage wurde zurückgezogen.
call-list-title = Anrufliste
call-list-hint = Die Personen, die zu dieser Gruppe eingeladen sind. Rufen Sie alle an, die keine E-Mail haben; kreuzen Sie an, wen Sie erreicht haben.
call-list-invited = Eingeladen
call-list-reached = Erreicht
call-list-by-email = Per E-Mail
call-list-to-call = Anzurufen

# Eigene Module einer Organisation
module-new = Ein Modul veröffentlichen
module-new-intro = Ihr eigenes Modul, neben den Modulen des Netzwerks, die jede Organisation anbieten kann. Es erscheint im öffentlichen Katalog und Sie können Workshops dazu planen.
module-own = Ihre Module
module-title = Titel
module-summary = In einem Satz: was die Menschen lernen
module-goals-field = Ziele (eines pro Zeile)
module-level-from = Von Stufe
module-level-to = Bis Stufe
module-theme = Thema (um Hilfe in der Nähe zu finden)
module-duration = Dauer
module-minutes = Minuten pro Treffen
module-resources-field-hint = Einer pro Zeile: ein Titel, dann der Link (https://…).
module-publish = Modul veröffentlichen
module-error-title = Geben Sie einen Titel an.
module-error-summary = Sagen Sie in einem Satz, was die Menschen lernen.
module-error-goals = Geben Sie mindestens ein Ziel an.
module-error-resources = Jeder Link muss nach seinem Titel mit https:// beginnen.
module-error-levels = Wählen Sie einen Bereich und eine „Bis“-Stufe über der „Von“-Stufe.
module-error-theme = Wählen Sie ein Thema.
module-error-devices = Wählen Sie mindestens ein Gerät.
module-error-languages = Wählen Sie mindestens eine Sprache.
module-error-duration = Geben Sie 15 bis 480 Minuten und 1 bis 26 Treffen an.

# Issue 14, item 8: a stale cancel or withdraw says that nothing changed
workshop-registration-unchanged = Diese Anmeldung war schon storniert: Es hat sich nichts geändert.
demand-unchanged = Diese Anfrage wartete nicht mehr (schon zurückgezogen, oder die Person ist zu einem Workshop eingeladen): Es wurde nichts zurückgezogen.
