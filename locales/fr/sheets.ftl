## Fiches à imprimer (un lieu, une commune, un réseau) : A4, grands caractères, aussi en PDF
sheet-printable = Fiche à imprimer (A4)
sheet-download-pdf = Télécharger en PDF
sheet-document-title = Fiche à imprimer : { $title }
sheet-title-municipality = Aide numérique à { $municipality }
sheet-title-network = Aide numérique : { $network }
sheet-intro = Aide gratuite pour vos démarches en ligne, votre smartphone ou votre ordinateur.
sheet-period = Du { $from } au { $to }
sheet-period-choice = Période :
sheet-period-week = Cette semaine
sheet-period-month = Ce mois-ci
sheet-sort-choice = Ordre :
sheet-sort-next = Prochaine ouverture d'abord
sheet-sort-name = Par nom
sheet-print-hint = Pour imprimer cette fiche, utilisez la commande Imprimer de votre navigateur (Ctrl+P). Les menus et ces boutons ne sont pas imprimés, et la fiche tient sur une feuille A4.
sheet-count = { $count ->
    [one] Un lieu.
   *[other] { $count } lieux.
}
sheet-empty = Aucun lieu de l'annuaire ici pour le moment.
sheet-no-openings = Pas de permanence pendant cette période. Téléphonez pour savoir quand aura lieu la prochaine.
sheet-by-appointment = sur rendez-vous
sheet-closures = Fermetures
sheet-label = { $label } :
sheet-as-of = Informations du { $date } { $year }. Les horaires peuvent changer : téléphonez avant de vous déplacer.
sheet-page = Page { $page } sur { $pages }
