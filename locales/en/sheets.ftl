## Printable sheets (one place, a municipality, a network): A4, large type, also as PDF
sheet-printable = Printable sheet (A4)
sheet-download-pdf = Download as PDF
sheet-document-title = Printable sheet: { $title }
sheet-title-municipality = Digital help in { $municipality }
sheet-title-network = Digital help: { $network }
sheet-intro = Free help with online procedures, your smartphone or your computer.
sheet-period = From { $from } to { $to }
sheet-period-choice = Period:
sheet-period-week = This week
sheet-period-month = This month
sheet-sort-choice = Order:
sheet-sort-next = Next opening first
sheet-sort-name = By name
sheet-print-hint = To print this sheet, use the Print command of your browser (Ctrl+P). The menus and these buttons are not printed, and the sheet fits on A4 paper.
sheet-count = { $count ->
    [one] One place.
   *[other] { $count } places.
}
sheet-empty = There is no place from the directory here yet.
sheet-no-openings = No session during this period. Phone to ask when the next one is.
sheet-by-appointment = by appointment
sheet-closures = Closures
sheet-label = { $label }:
sheet-as-of = Information of { $date } { $year }. Times can change: phone before you go.
sheet-page = Page { $page } of { $pages }
