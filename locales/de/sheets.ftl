## Druckblätter (ein Ort, eine Gemeinde, ein Netzwerk): A4, große Schrift, auch als PDF
sheet-printable = Druckblatt (A4)
sheet-download-pdf = Als PDF herunterladen
sheet-document-title = Druckblatt: { $title }
sheet-title-municipality = Digitale Hilfe in { $municipality }
sheet-title-network = Digitale Hilfe: { $network }
sheet-intro = Kostenlose Hilfe bei Online-Behördengängen, mit Ihrem Smartphone oder Ihrem Computer.
sheet-period = Von { $from } bis { $to }
sheet-period-choice = Zeitraum:
sheet-period-week = Diese Woche
sheet-period-month = Diesen Monat
sheet-sort-choice = Reihenfolge:
sheet-sort-next = Nächste Öffnung zuerst
sheet-sort-name = Nach Name
sheet-print-hint = Um dieses Blatt zu drucken, nutzen Sie den Befehl „Drucken“ Ihres Browsers (Strg+P). Menüs und diese Schaltflächen werden nicht gedruckt, und das Blatt passt auf ein A4-Blatt.
sheet-count = { $count ->
    [one] Ein Ort.
   *[other] { $count } Orte.
}
sheet-empty = Hier steht noch kein Ort aus dem Verzeichnis.
sheet-no-openings = In diesem Zeitraum keine Sprechstunde. Rufen Sie an, um zu erfahren, wann die nächste ist.
sheet-by-appointment = mit Termin
sheet-closures = Schließungen
sheet-label = { $label }:
sheet-as-of = Stand: { $date } { $year }. Die Zeiten können sich ändern: Rufen Sie vorher an.
sheet-page = Seite { $page } von { $pages }
