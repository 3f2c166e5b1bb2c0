## Login, sessions, account
login-title = Aanmelden
login-email = E-mailadres
login-password = Wachtwoord
login-submit = Aanmelden
login-no-account = Nog geen account? Vraag een uitnodiging aan de coördinator van uw organisatie.
login-failed = E-mailadres of wachtwoord onjuist.
login-missing-fields = Vul uw e-mailadres en wachtwoord in.
login-throttled = Te veel pogingen. Voor uw veiligheid: wacht { $minutes ->
        [one] 1 minuut
       *[other] { $minutes } minuten
    } en probeer dan opnieuw.
password-set-title = Kies uw wachtwoord
password-set-intro = Uw account:
password-new = Nieuw wachtwoord
password-rules = Minstens 12 tekens. Een korte zin die u makkelijk onthoudt, werkt goed.
password-confirm = Herhaal het wachtwoord
password-language = Uw taal
password-set-submit = Wachtwoord opslaan
password-too-short = Het wachtwoord moet minstens 12 tekens hebben.
password-too-common = Dit wachtwoord is te gewoon of te makkelijk te raden. Kies een ander.
password-too-long = Dit wachtwoord is te lang.
password-mismatch = De twee wachtwoorden zijn niet gelijk.
link-invalid-title = Deze link werkt niet meer
link-invalid-text = De link is al gebruikt of verlopen. Vraag een nieuwe link.
account-title = Mijn account
account-name = Naam
account-email = E-mailadres
account-organisations = Mijn organisaties
account-platform-admin = U bent beheerder van het platform.
account-no-organisation = U maakt nog geen deel uit van een organisatie.
account-sessions = Sessies
account-logout = Afmelden
account-logout-everywhere = Overal afmelden
role-coordinator = coördinator
role-worker = medewerker
role-volunteer = vrijwilliger
role-viewer = lezer van de statistieken
shell-helpers-area = Voor helpers
shell-find-help = Hulp vinden

## Organisation pages
organisation-kind = Soort
organisation-municipality = Gemeente
organisation-languages = Talen
organisation-phone = Telefoon
organisation-groups = Projecten en netwerken
organisation-no-groups = Deze organisatie maakt geen deel uit van een project of netwerk.
organisation-kind-cpas = OCMW
organisation-kind-association = vereniging
organisation-kind-digital-space-operator = beheerder van digipunten
organisation-kind-library = bibliotheek
organisation-kind-trainer = vormingsorganisatie
organisation-kind-funder = financier
organisation-kind-unknown = andere
group-kind-project = project
group-kind-network = netwerk
group-kind-programme = programma
group-role-lead = trekker
group-role-partner = partner
group-role-host-venue = gastlocatie
members-title = Leden
members-back = Terug naar de organisatie
members-invited = De uitnodiging is verstuurd.
members-role-changed = De rol is gewijzigd.
members-active-changed = De status is gewijzigd. De geschiedenis blijft bewaard.
members-role = Rol
members-status = Status
members-actions = Acties
members-status-active = actief
members-status-invited = uitgenodigd
members-status-inactive = gedeactiveerd
members-change-role = Rol wijzigen
members-deactivate = Deactiveren
members-reactivate = Opnieuw activeren
members-invite-title = Iemand uitnodigen
members-invite-language = Taal van de uitnodiging
members-invite-submit = Uitnodiging versturen
members-error-email = Vul een geldig e-mailadres in.
members-error-role = Kies een rol.
members-error-already = Deze persoon is al lid van de organisatie.
invitation-title = Lid worden van een organisatie
invitation-intro = U bent uitgenodigd om lid te worden van
invitation-accept = Uitnodiging aanvaarden
invitation-mail-subject = Uitnodiging voor { $organisation } op Relais
invitation-mail-body =
    Hallo,

    { $inviter } nodigt u uit om lid te worden van { $organisation } op Relais, als { $role }.

    Open deze link om te aanvaarden (7 dagen geldig, één keer te gebruiken):
    { $link }

    Verwachtte u deze uitnodiging niet? Dan mag u dit bericht negeren.

## API tokens
tokens-title = API-toegangssleutels
tokens-intro = Met een sleutel kan een ander programma Relais gebruiken in uw naam, met uw rechten. Trek hem in zodra hij niet meer nodig is.
tokens-created = De sleutel is aangemaakt.
tokens-copy-now = Kopieer hem nu: hij wordt niet meer getoond.
tokens-name = Naam van de sleutel
tokens-created-at = Aangemaakt op
tokens-last-used = Laatst gebruikt
tokens-never = nooit
tokens-revoked = ingetrokken
tokens-revoke = Intrekken
tokens-new = Nieuwe sleutel
tokens-create = Sleutel aanmaken
tokens-error-name = Geef de sleutel een naam (hoogstens 100 tekens).

## Second factor
second-factor-title = Tweede factor (eenmalige code)
second-factor-login-title = Verificatiecode
second-factor-login-intro = Open uw authenticatie-app en typ de code van 6 cijfers die voor Relais wordt getoond.
second-factor-code = Code
second-factor-code-hint = 6 cijfers, of een herstelcode (met een streepje).
second-factor-submit = Controleren
second-factor-wrong-code = Deze code klopt niet. Typ de code die de app nu toont.
second-factor-enabled = De tweede factor is ingeschakeld voor uw account.
second-factor-recovery-title = Herstelcodes
second-factor-recovery-intro = Als u uw telefoon verliest, geeft elke code één keer toegang. Schrijf ze op en bewaar ze veilig: ze worden niet meer getoond.
second-factor-required = Uw organisatie vraagt een tweede factor voor uw rol. Schakel hem in om verder te gaan.
second-factor-step-app = Installeer een authenticatie-app op uw telefoon (bijvoorbeeld FreeOTP, Aegis of een andere naar keuze).
second-factor-step-scan = Voeg in de app een account toe en scan deze QR-code.
second-factor-qr-label = QR-code om te scannen met de authenticatie-app
second-factor-manual = Lukt scannen niet? Typ deze sleutel:
second-factor-step-code = Typ hieronder de code van 6 cijfers die de app toont.
second-factor-enrol-submit = Inschakelen

## Audit log
audit-title = Auditlogboek
audit-intro = Aanmeldingen, wijzigingen van leden en rechten, sleutels: wie, wat, wanneer, van waar. Dit logboek kan niet worden gewijzigd.
audit-family-all = Alles
audit-family-login = Aanmeldingen
audit-family-second-factor = Tweede factor
audit-family-member = Leden
audit-family-invitation = Uitnodigingen
audit-family-token = API-sleutels
audit-family-password = Wachtwoorden
audit-family-session = Sessies
audit-family-scope = Groepsbereik
audit-error-action = Kies een soort gebeurtenis uit de lijst.
audit-error-date = Geef de datums in als JJJJ-MM-DD.
audit-error-range = De einddatum moet na de begindatum komen.
audit-from = Van
audit-to = Tot
audit-filter = Filteren
audit-download-csv = Downloaden als CSV (rekenblad)
audit-empty = Geen gebeurtenissen voor deze filter.
audit-truncated = Alleen de 1.000 meest recente gebeurtenissen worden getoond. Kies een kortere periode.
audit-col-at = Datum en uur
audit-col-actor = Door
audit-col-action = Gebeurtenis
audit-col-object = Voorwerp
audit-col-client = Adres
audit-col-detail = Detail

## Own data
own-data-title = Mijn gegevens
own-data-intro = Download alles wat Relais over u bewaart: uw account, uw organisaties, uw sleutels en het logboek van uw handelingen.
own-data-download = Mijn gegevens downloaden (JSON)
close-title = Mijn account sluiten
close-intro = U kunt zich dan niet meer aanmelden. Uw naam en e-mailadres worden vervangen door een pseudoniem; wat u hebt geregistreerd, blijft voor uw organisatie.
close-password = Uw wachtwoord, ter bevestiging
close-submit = Mijn account sluiten
close-wrong-password = Het wachtwoord klopt niet. Het account is niet gesloten.

## Forgotten password
forgot-title = Wachtwoord vergeten?
forgot-intro = Vul uw e-mailadres in. Als er een account bestaat, krijgt u een link om een nieuw wachtwoord te kiezen (één uur geldig).
forgot-submit = Een link ontvangen
forgot-sent = Genoteerd. Als er een account bestaat voor dit adres, is er net een e-mail met een link vertrokken. Kijk ook bij de ongewenste berichten.
forgot-mail-subject = Relais: een nieuw wachtwoord kiezen
forgot-mail-body =
    Hallo,

    Iemand vroeg om het wachtwoord van uw Relais-account te wijzigen.
    Open deze link om een nieuw wachtwoord te kiezen (één uur geldig, één keer te gebruiken):
    { $link }

    Was u dit niet? Negeer dan dit bericht: uw wachtwoord blijft hetzelfde.

## Organisation settings
settings-title = Instellingen van de organisatie
settings-idle = Afmelden na inactiviteit (minuten)
settings-idle-hint = Tussen 5 en 240 minuten. Een spreekuur duurt vaak 2 tot 3 uur.
settings-require-2fa = Een tweede factor vereisen voor coördinatoren en medewerkers
settings-save = Opslaan
settings-saved = De instellingen zijn opgeslagen.
settings-error-idle = Geef een aantal minuten tussen 5 en 240.
settings-company-number = Ondernemingsnummer (KBO)
settings-company-number-hint = Niet verplicht. Bijvoorbeeld 0212.345.668. Het wordt met uw plaatsen gepubliceerd in de open data van de gids.
settings-error-company-number-shape = Een ondernemingsnummer heeft 10 cijfers en begint met 0 of 1, bijvoorbeeld 0212.345.668.
settings-error-company-number-check = Dit ondernemingsnummer bestaat niet: controleer de cijfers (de laatste twee controleren de andere).

## Groepen en groepsbereik
group-parts = Projecten en netwerken van dit programma
group-organisations = Organisaties
group-no-organisations = Er hoort nog geen organisatie bij deze groep.
group-col-organisation = Organisatie
group-col-role = Rol in de groep
group-total = Totaal
group-statistics-note = De cijfers zijn totalen per organisatie: actieve helpers op Relais, per rol. Een groepsbereik opent nooit de dossiers van een organisatie.
group-statistics-scope-needed = De cijfers van de groep zijn zichtbaar voor wie een bereik op deze groep heeft. Vraag het aan de coördinator van de trekkende organisatie of aan een beheerder van het platform.
scopes-title = Groepsbereik
scopes-back = Terug naar de groep
scopes-intro = Met een groepsbereik ziet een coördinator of een lezer de cijfers van deze groep, alleen als totalen, nooit de dossiers van een andere organisatie. Een programmabereik geldt ook voor de projecten en netwerken ervan.
scopes-holders = Wie heeft een bereik
scopes-none = Nog niemand heeft een bereik op deze groep.
scopes-granted-at = Toegekend op
scopes-granted-by = Toegekend door
scopes-revoke = Intrekken
scopes-grant-title = Een bereik toekennen
scopes-person = Persoon (coördinatoren en lezers van de organisaties in deze groep)
scopes-grant = Bereik toekennen
scopes-no-candidates = Geen andere coördinator of lezer van deze organisaties kan een bereik krijgen.
scopes-granted = Het bereik is toegekend.
scopes-revoked = Het bereik is ingetrokken.
scopes-error-person = Kies een persoon uit de lijst.
account-scopes = Mijn groepsbereik

## Een sessie hervatten na inactiviteit
resume-title = Bent u er nog?
resume-intro-form = Voor de veiligheid vraagt Relais opnieuw uw wachtwoord na { $minutes } minuten zonder activiteit. Wat u aan het typen was, blijft bewaard: het wordt verstuurd zodra u bevestigt.
resume-intro-page = Voor de veiligheid vraagt Relais opnieuw uw wachtwoord na { $minutes } minuten zonder activiteit.
resume-signed-in-as = Aangemeld als { $email }
resume-password = Wachtwoord
resume-submit = Verder
resume-wrong = Dit wachtwoord klopt niet. Probeer opnieuw.
resume-logout = Afmelden

## Platformbeheerders: de takenwachtrij (/admin/jobs)
admin-jobs-title = Achtergrondtaken
admin-jobs-intro = Werk dat Relais later doet: herinneringen, berichten, bewaartermijnen. Een taak die mislukt, wordt opnieuw geprobeerd na een wachttijd die telkens verdubbelt; na de laatste poging wacht ze hier op u.
admin-jobs-states = Taken per toestand
admin-jobs-queued = Wachtend
admin-jobs-running = Bezig
admin-jobs-failed = Mislukt
admin-jobs-done = Klaar
admin-jobs-none = Geen taak in deze lijst.
admin-jobs-key = Sleutel
admin-jobs-due = Gepland op
admin-jobs-finished = Beëindigd op
admin-jobs-held-until = Vastgehouden tot
admin-jobs-tries = Pogingen
admin-jobs-error = Laatste fout
admin-jobs-retry = Opnieuw proberen
admin-jobs-retry-all = Alle mislukte taken opnieuw proberen
admin-jobs-retried = Terug in de wachtrij: de taak loopt binnen een minuut.
admin-jobs-more = Alleen de 100 recentste worden getoond.
