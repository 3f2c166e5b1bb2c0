## Page shell
shell-description = Relais: hulp vinden bij online aanvragen, dicht bij huis.
shell-skip-to-content = Naar de inhoud
shell-demo-banner-title = Demo-omgeving.
shell-demo-banner-text = De organisaties, plaatsen en personen zijn fictief.
shell-language-nav = Taal
shell-footer-tagline = Relais helpt OCMW’s en hun partners om mensen die digitaal kwetsbaar zijn te begeleiden.
shell-footer-privacy = Uw gegevens blijven in uw organisatie. Geen reclame, geen trackers.

## Home page
home-title = Hulp bij uw online aanvragen
home-lead = Het OCMW, de digipunten, verenigingen en bibliotheken helpen u gratis. U staat er niet alleen voor.
home-find-title = Hulp vinden in uw buurt
home-find-submit = Zoeken
home-help-title = Waarvoor kunt u hulp vragen?
home-help-text = Bijvoorbeeld:
home-topic-pension = uw pensioen (MyPension)
home-topic-health-insurance = uw ziekenfonds
home-topic-job = werk zoeken, werkloosheid
home-topic-housing = een woning zoeken
home-topic-itsme = itsme en de identiteitskaart (eID)
home-topic-email = e-mails maken en lezen
home-topic-banking = online bankieren
home-topic-family = het groeipakket en de schooltoelage
home-help-where = Vraag het aan het onthaal van uw OCMW: daar hoort u waar en wanneer er een digitaal spreekuur is in uw buurt.
home-helpers-title = Voor helpers en organisaties
home-helpers-text = Relais is het hulpmiddel van OCMW’s, digipunten en hun partners om:
home-helpers-find = te tonen waar en wanneer er hulp is;
home-helpers-log = elke geholpen vraag in enkele seconden te noteren;
home-helpers-orient = een vaardighedentest te doen en door te verwijzen naar een vorming of een partner;
home-helpers-report = de impact te tonen aan het OCMW, het netwerk en de financier, zonder persoonsgegevens.

## Error pages
error-code = Foutcode:
error-back-home = Terug naar de startpagina
error-not-found-title = Pagina niet gevonden
error-not-found-text = Deze pagina bestaat niet of niet meer. Controleer het adres, of ga terug naar de startpagina.
error-bad-request-title = Onjuiste vraag
error-bad-request-text = We begrepen deze vraag niet. Ga terug en probeer opnieuw.
error-method-title = Dat kan hier niet
error-method-text = Deze pagina laat deze handeling niet toe.
error-timeout-title = Dit duurt te lang
error-timeout-text = Het antwoord duurde te lang. Probeer het straks opnieuw.
error-too-large-title = Te groot
error-too-large-text = Wat u verstuurde is te groot. Probeer met minder tekst of een kleiner bestand.
error-media-type-title = Formaat niet aanvaard
error-media-type-text = Dit formaat wordt hier niet aanvaard.
error-too-many-title = Te veel pogingen
error-too-many-text = Te veel vragen in korte tijd. Wacht even en probeer dan opnieuw.
error-unavailable-title = Tijdelijk niet beschikbaar
error-unavailable-text = Relais kan nu niet antwoorden. Probeer het over enkele minuten opnieuw.
error-internal-title = Er ging iets mis
error-internal-text = Het is niet uw fout. Het probleem is genoteerd. Probeer het straks opnieuw.
error-forbidden-title = Geen toegang
error-forbidden-text = U hebt geen toegang tot deze pagina. Denkt u dat u die wel nodig hebt, vraag het dan aan de coördinator van uw organisatie.
error-form-expired-title = Formulier verlopen
error-form-expired-text = Dit formulier is verlopen of komt van een andere pagina. Laad de pagina opnieuw, controleer wat u hebt ingevuld en verstuur het nog eens.

# issue 14, item 10: control characters in text input
error-control-character-title = Onzichtbaar teken in uw tekst
error-control-character-text = Wat u verstuurde, bevat een onzichtbaar stuurteken (vaak geplakt uit een ander programma) dat Relais niet kan bewaren. Ga terug, typ de betrokken tekst opnieuw en verstuur hem nog eens.
error-too-long-title = Tekst te lang
error-too-long-text = Een van de velden bevat meer tekens dan Relais daar aanvaardt (een naam: 200, een notitie of beschrijving: 2.000). Ga terug: wat u typte, staat nog in het formulier. Maak de tekst korter en verstuur hem opnieuw.

## The API's error messages (codes stay, messages are for people reading them)
api-error-bad-request = Het verzoek volgt de API-documentatie niet.
api-error-invalid = Sommige velden zijn niet geldig: zie problems.
api-error-unauthorized = Een geldig API-token is nodig (Authorization: Bearer …).
api-error-forbidden = Uw rol laat dit niet toe.
api-error-not-found = Niets hier, of niets dat u mag zien.
api-error-method-not-allowed = Deze methode is hier niet toegestaan.
api-error-timeout = Het verzoek duurde te lang.
api-error-too-large = Het verzoek is te groot.
api-error-unsupported-media-type = Stuur JSON (Content-Type: application/json).
api-error-too-many-requests = Te veel verzoeken: wacht even.
api-error-unavailable = De dienst is even niet beschikbaar: probeer het straks opnieuw.
api-error-internal = Er ging bij ons iets mis.
api-error-unknown-area = Geen Belgische gemeente of postcode komt overeen.
api-error-ambiguous-area = Meerdere plaatsen komen overeen: kies er een uit choices en geef die mee als area.
