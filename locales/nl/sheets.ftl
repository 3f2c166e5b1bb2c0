## Afdrukbare fiches (een plaats, een gemeente, een netwerk): A4, grote letters, ook als pdf
sheet-printable = Afdrukbare fiche (A4)
sheet-download-pdf = Downloaden als pdf
sheet-document-title = Afdrukbare fiche: { $title }
sheet-title-municipality = Digitale hulp in { $municipality }
sheet-title-network = Digitale hulp: { $network }
sheet-intro = Gratis hulp bij online aanvragen, uw smartphone of uw computer.
sheet-period = Van { $from } tot { $to }
sheet-period-choice = Periode:
sheet-period-week = Deze week
sheet-period-month = Deze maand
sheet-sort-choice = Volgorde:
sheet-sort-next = Eerstvolgende opening eerst
sheet-sort-name = Op naam
sheet-print-hint = Om deze fiche af te drukken, gebruikt u de opdracht Afdrukken van uw browser (Ctrl+P). De menu's en deze knoppen worden niet afgedrukt, en de fiche past op een A4-blad.
sheet-count = { $count ->
    [one] Eén plaats.
   *[other] { $count } plaatsen.
}
sheet-empty = Hier staat nog geen plaats uit de gids.
sheet-no-openings = Geen spreekuur in deze periode. Bel om te vragen wanneer het volgende is.
sheet-by-appointment = op afspraak
sheet-closures = Sluitingen
sheet-label = { $label }:
sheet-as-of = Informatie van { $date } { $year }. Uren kunnen veranderen: bel voor u langskomt.
sheet-page = Pagina { $page } van { $pages }
