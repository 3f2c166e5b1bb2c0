# Test: de vijf domeinen
area-device = Toestel en basis
area-information = Informatie zoeken
area-communication = Communiceren
area-procedures = Online zaken regelen en betalen
area-safety = Veiligheid

# Startpagina (publiek, A2)
diagnostic-title = Wat kan ik online?
diagnostic-lead = Een korte test van uw digitale vaardigheden. Daarna tonen we u wat u nu kunt leren, en waar.
diagnostic-areas = De vijf delen van de test
diagnostic-promise-time = Het duurt ongeveer 10 minuten. Er is geen tijdslimiet.
diagnostic-promise-dont-know = U kunt altijd “Ik weet het niet” antwoorden. Dat is geen probleem.
diagnostic-promise-private = We vragen uw naam niet. Niemand ziet uw antwoorden, behalve als u uw code aan een digitale helper toont.
diagnostic-start = Starten
read-aloud = Voorlezen

# Eerste vragen
intake-title = Enkele vragen over u
intake-lead = Duid aan wat voor u klopt. U mag een vraag overslaan.
intake-devices = Welke toestellen gebruikt u?
intake-device-smartphone = Smartphone
intake-device-tablet = Tablet
intake-device-computer = Computer
intake-connection = Waar gebruikt u het internet?
intake-connection-home = Thuis (wifi)
intake-connection-mobile = Met mobiele data
intake-connection-public = Op een openbare plaats
intake-connection-none = Helemaal niet
intake-identity = Hebt u dit?
intake-identity-itsme = itsme
intake-identity-eid = Een kaartlezer voor de eID
intake-services = Wat hebt u al online gedaan?
intake-service-email = E-mail
intake-service-banking = Bankieren
intake-service-health-insurance = Ziekenfonds
intake-service-taxes = Belastingen
intake-service-pension = Pensioen
intake-service-employment = Werk zoeken
intake-postcode = Uw postcode
intake-postcode-hint = Zo tonen we u hulp in uw buurt. U mag dit leeg laten.
intake-postcode-unknown = We kennen deze postcode niet. Typ een Belgische postcode van 4 cijfers, bijvoorbeeld 6000.
intake-continue = Verder

# Basisstap
gate-title = Eerste stappen
gate-step = Eerste stappen
gate-touch-question = Tik op de grote knop.
gate-touch-button = Hier
gate-type-question = Typ dit woord:
gate-type-label = Het woord
gate-type-ok = OK
gate-type-empty = Typ het woord in het vak, of tik op “Dat lukt me niet”.
gate-wifi-question = Tik op het teken van wifi (internet zonder kabel).
gate-picture-wifi = Wifi
gate-picture-battery = Batterij
gate-picture-volume = Geluid
gate-picture-camera = Camera
gate-cannot = Dat lukt me niet

# Vragen
question-title = Vraag
question-number = Vraag { $number }
question-observed-hint = Voor de helper: kijk hoe de persoon het doet op het eigen toestel, en kies dan.
question-no-hurry = Neem uw tijd. Er is geen tijdslimiet.
answer-dont-know = Ik weet het niet
answer-self-alone = Ja, alleen
answer-self-help = Ja, met hulp
answer-self-not-yet = Nog niet
answer-observed-alone = Alleen gedaan
answer-observed-help = Met hulp gedaan
answer-observed-not-done = Niet gedaan

# Resultaat
result-title = Uw resultaat
result-lead = Dit kunt u al, en dit kunt u nu leren.
result-print = Afdrukken
result-level = Niveau { $level } van 4
result-to-confirm = Nog te bevestigen
result-to-confirm-hint = “Nog te bevestigen”: we zijn nog niet zeker. Een digitale helper kan het samen met u nakijken.
result-progress = Vooruitgang!
result-first-steps-title = We beginnen met de eerste stappen
result-first-steps = Een toestel gebruiken is nieuw voor u. Dat is geen probleem: een digitale helper toont het u stap voor stap, met een toestel dat u kunt lenen.
result-modules = Wat u nu kunt leren
result-no-module = U bent zelfstandig. U kunt anderen helpen, of een digitale helper vragen naar nieuwe onderwerpen.
result-help = Hulp in uw buurt
result-no-help = We vonden geen plaats in uw buurt voor deze onderwerpen.
result-search-help = Zoeken in alle plaatsen
result-find-help = Hulp vinden
result-code-title = Uw code
result-code-hint = Toon deze code aan een digitale helper. Die kan dan uw resultaat zien en u verder helpen.
result-override = Modules kiezen (helper)
result-override-hint = De modules om voor te stellen (maximaal 3)
result-override-save = Modules opslaan

# Catalogus
catalogue-title = Workshops en modules
catalogue-lead = Wat u kunt leren in een workshop, in een kleine groep, in uw buurt.
catalogue-filters = Modules filteren
catalogue-area = Onderwerp
catalogue-all-areas = Alle onderwerpen
catalogue-device = Toestel
catalogue-all-devices = Alle toestellen
catalogue-filter = Tonen
catalogue-none = Geen enkele module past bij deze keuzes.
catalogue-take-diagnostic = Weet u niet waar u moet beginnen? Doe de korte test.
catalogue-back = Alle modules
device-pc = Computer
device-tablet = Tablet
device-smartphone = Smartphone
module-meetings = { $count ->
    [one] 1 bijeenkomst van { $minutes } minuten
   *[other] { $count } bijeenkomsten van { $minutes } minuten
}
module-network = Module van het netwerk
module-goals = U leert
module-for-whom = Voor wie
module-target = { $area }: van niveau { $from } naar niveau { $to }
module-prerequisites = Voor u begint
module-materials = Mee te brengen
module-resources = Thuis leren
module-resources-hint = Tussen de workshops kunt u oefenen met deze websites.

# Voor helpers
diagnostics-title = Vaardighedentests
diagnostics-intro = Een korte test van de digitale vaardigheden van een persoon in vijf domeinen, met de modules om voor te stellen. Doe de test samen met de persoon, of laat de persoon hem alleen doen en koppel hem daarna via de code.
diagnostics-start = Een test starten met een persoon
diagnostics-person = Opgevolgde persoon
diagnostics-person-none = Anoniem (geen fiche)
diagnostics-start-button = De test starten
diagnostics-public-link = Iemand kan de test ook alleen doen, zonder account:
diagnostics-link = Een test koppelen die iemand alleen deed
diagnostics-code = Code op het resultaat van de persoon
diagnostics-link-button = Koppelen
diagnostics-link-empty = Typ de code die op het resultaat van de persoon staat.
diagnostics-linked = De test is gekoppeld.
diagnostics-latest = Laatste tests
diagnostics-none = Nog geen test.
diagnostics-when = Gestart
diagnostics-levels = Niveaus
diagnostics-in-progress = Bezig
diagnostics-mode-assisted = Met een helper
diagnostics-mode-alone = Alleen

# Platformbeheerders: de vragenbank
admin-items-title = Vragenbank van de vaardigheidstest
admin-items-intro = Elke vraag van de test, met hoe vaak ze beantwoord werd en hoe vaak juist. Een vraag die veel vaker (of minder vaak) juist beantwoord wordt dan haar niveau doet verwachten, heeft misschien een nieuwe moeilijkheid nodig.
admin-item-title = Vraag
admin-item-code = Code
admin-item-question = Vraagtekst
admin-item-alt = Tekstalternatief van de afbeelding
admin-item-options = Antwoorden (één per regel)
admin-item-answered = Beantwoord
admin-item-right = Juist
admin-item-inactive = niet gesteld
admin-item-answer = Nummer van het juiste antwoord (0 = het eerste)
admin-item-difficulty = Moeilijkheid (het niveau waarop de helft juist antwoordt)
admin-item-discrimination = Onderscheidend vermogen
admin-item-active = Sessies mogen deze vraag stellen
admin-item-save = De vraag opslaan
admin-item-saved = De vraag is opgeslagen.
admin-item-error-text = Geef de vraagtekst en het tekstalternatief in elke taal.
admin-item-error-options = Geef 3 of 4 antwoorden, hetzelfde aantal in elke taal.
admin-item-error-answer = Het juiste antwoord moet een van de antwoorden zijn (0 = het eerste).
admin-item-error-calibration = Geef een moeilijkheid van -1 tot 5 en een onderscheidend vermogen van 0,2 tot 4.
admin-items-recalibrate = Herkalibreren op basis van de antwoorden
admin-items-recalibrate-hint = Geeft elke vraag die minstens { $count } keer beantwoord werd de moeilijkheid die de antwoorden het best verklaart, volgens het niveau waarop elke persoon geplaatst werd.
admin-items-recalibrated = { $count ->
    [one] 1 vraag herkalibreerd.
   *[other] { $count } vragen herkalibreerd.
}
admin-item-difficulty-short = Moeilijkheid

# Issue 14, item 7: diagnostic codes (one answer for every refusal, throttle, expiry)
diagnostics-link-refused = Deze code opent geen test: ze bestaat niet, is al gekoppeld of is niet meer geldig (een code is { $days } dagen geldig). Controleer de 6 tekens met de persoon, of doe de test samen.
diagnostics-link-throttled = Te veel codes geprobeerd. Wacht { $minutes ->
        [one] 1 minuut
       *[other] { $minutes } minuten
    } en probeer dan opnieuw.
result-code-valid-until = Deze code is geldig tot en met { $date }. Daarna kunt u de test opnieuw doen met de helper.
