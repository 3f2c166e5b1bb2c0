# Openbare workshopkalender (A2)
calendar-title = Workshops in uw buurt
calendar-lead = Leer in een kleine groep, gratis, met een digitale helper. Kies een workshop. Schrijf u in met uw naam en uw telefoonnummer.
calendar-filters = Workshops filteren
calendar-all-modules = Alle workshops
calendar-all-languages = Alle talen
calendar-none = Er is nu geen workshop die past bij deze keuzes.
calendar-ical = Toevoegen aan mijn agenda (iCal)
result-workshops = Volgende workshops in uw buurt
workshop-about-module = Wat u leert
workshop-dates = Datums
workshop-place = Plaats
workshop-place-none = Ergens anders (zie de datums)
workshop-language = Taal
workshop-device = Toestel
workshop-capacity = Aantal plaatsen
workshop-seats-left = { $count ->
    [one] Nog 1 plaats vrij
   *[other] Nog { $count } plaatsen vrij
}
workshop-full = Volzet: wachtlijst
workshop-cancelled = Deze workshop gaat niet door.
workshop-meetings-count = { $count } bijeenkomsten
registration-public-title = Inschrijven
registration-public-waiting-title = Inschrijven op de wachtlijst
registration-public-hint = We vragen alleen uw naam en een telefoonnummer. We gebruiken ze alleen om u te contacteren over deze workshop, en we wissen ze 3 maanden erna.
registration-name = Naam
registration-phone = Telefoonnummer
registration-email = E-mail (als u een uitnodiging per e-mail wilt)
registration-submit = Inschrijven
registration-public-join-waiting = Zet mij op de wachtlijst
registration-public-booked = U bent ingeschreven. Tot dan!
registration-public-waiting = De workshop is volzet. U bent nummer { $position } op de wachtlijst. We bellen u als er een plaats vrijkomt.
registration-closed = U kunt zich niet meer inschrijven voor deze workshop.
registration-error-name = Typ een naam.
registration-error-phone = Typ een telefoonnummer, bijvoorbeeld 0470 12 34 56.
registration-error-email = Dit e-mailadres is niet volledig. Bijvoorbeeld: naam@example.be.

# Pagina's voor helpers: workshops
workshops-title = Workshops
workshops-none = Geen workshop gepland.
workshop-title = Workshop
workshop-new = Een workshop plannen
workshop-module = Module
workshop-choose-module = Kies een module
workshop-date = Datum van de eerste bijeenkomst
workshop-hours = Uren
workshop-start = Van
workshop-end = Tot
workshop-weeks = Aantal bijeenkomsten
workshop-weeks-hint = Eén bijeenkomst per week, op dezelfde dag en dezelfde uren.
workshop-facilitators = Begeleiders
workshop-create = De workshop plannen
workshop-new-demand = Aantal wachtenden voor deze module op deze plaats: { $count }. Zij worden uitgenodigd wanneer u de workshop plant.
workshop-error-module = Kies een module uit de catalogus.
workshop-error-place = Kies een van uw plaatsen.
workshop-error-date = Vul een datum in vanaf vandaag, binnen de twee jaar.
workshop-error-hours = Vul de uren in: het einduur moet na het beginuur komen.
workshop-error-weeks = Vul een aantal bijeenkomsten in van 1 tot 26.
workshop-error-capacity = Vul een aantal plaatsen in van 1 tot 100.
workshop-error-language = Kies een taal.
workshop-error-device = Kies een toestel.
workshop-created = De workshop is gepland.
workshop-created-invited = De workshop is gepland. De wachtenden zijn uitgenodigd: per e-mail als ze een adres gaven; de anderen staan op de belijst.
workshop-public-page = Publieke pagina
workshop-participants = Deelnemers
workshop-no-participant = Nog niemand ingeschreven.
workshop-waiting-list = Wachtlijst
workshop-no-waiting = Niemand op de wachtlijst.
workshop-register-someone = Iemand inschrijven
workshop-register-submit = Deze persoon inschrijven
workshop-person = Opgevolgde persoon
workshop-person-none = Geen opgevolgde persoon (typ een naam)
workshop-registered-booked = Ingeschreven.
workshop-registered-waiting = De workshop is volzet: op de wachtlijst gezet.
workshop-registration-cancelled = Inschrijving geannuleerd. Als iemand wachtte, krijgt die nu de plaats.
registration-cancel = Annuleren
workshop-cancel = De workshop annuleren
workshop-back = Terug naar de workshop
workshop-invitation-subject = Een workshop voor u: { $module }
# An SMS (one part: 160 characters once accents are made plain; see docs/messages.md).
sms-workshop-invitation = Relais: uw workshop “{ $module }” op { $date }, { $place }. Info en inschrijving: { $phone }
workshop-invitation-body = Beste { $name },

    U vroeg naar de workshop “{ $module }”. Er start een groep:

    { $dates }
    { $place }

    Schrijf u hier in: { $link }

    Tot binnenkort!
attendance-title = Aanwezigheden
attendance-take = Aanwezigheden opnemen
attendance-hint = Duid aan wie er is
attendance-save = Aanwezigheden opslaan
attendance-saved = Aanwezigheden opgeslagen.
demand-title = Vragen naar modules
demand-intro = Mensen die een module willen volgen op een van uw plaatsen. Vanaf { $count } wachtenden kunt u een groep starten: zij worden dan uitgenodigd.
demand-none = Geen openstaande vraag.
demand-waiting = { $count ->
    [one] 1 persoon wacht
   *[other] { $count } personen wachten
}
demand-enough = Genoeg mensen voor een groep.
demand-open = Een groep starten
demand-add = Een vraag toevoegen
demand-added = De vraag is toegevoegd.
demand-people = Wachtenden
demand-withdraw = Intrekken
demand-withdrawn = De vraag is ingetrokken.
call-list-title = Belijst
call-list-hint = De mensen die voor deze groep uitgenodigd zijn. Bel wie geen e-mail heeft; duid aan wie u bereikt hebt.
call-list-invited = Uitgenodigd
call-list-reached = Bereikt
call-list-by-email = Per e-mail
call-list-to-call = Te bellen

# Eigen modules van een organisatie
module-new = Een module publiceren
module-new-intro = Uw eigen module, naast de modules van het netwerk die elke organisatie kan geven. Ze verschijnt in de publieke catalogus en u kunt er workshops van plannen.
module-own = Uw modules
module-title = Titel
module-summary = In één zin: wat mensen leren
module-goals-field = Doelen (één per regel)
module-level-from = Van niveau
module-level-to = Tot niveau
module-theme = Thema (om hulp in de buurt te vinden)
module-duration = Duur
module-minutes = Minuten per bijeenkomst
module-resources-field-hint = Eén per regel: een titel, dan de link (https://…).
module-publish = De module publiceren
module-error-title = Geef een titel.
module-error-summary = Zeg in één zin wat mensen leren.
module-error-goals = Geef minstens één doel.
module-error-resources = Elke link moet beginnen met https://, na zijn titel.
module-error-levels = Kies een domein, en een “tot”-niveau hoger dan het “van”-niveau.
module-error-theme = Kies een thema.
module-error-devices = Kies minstens één toestel.
module-error-languages = Kies minstens één taal.
module-error-duration = Geef 15 tot 480 minuten en 1 tot 26 bijeenkomsten.

# Issue 14, item 8: a stale cancel or withdraw says that nothing changed
workshop-registration-unchanged = Deze inschrijving was al geannuleerd: er is niets veranderd.
demand-unchanged = Deze vraag stond niet meer op de wachtlijst (al ingetrokken, of de persoon is uitgenodigd voor een workshop): er is niets ingetrokken.
