//! Small line pictograms for the theme buttons of the log (24×24, drawn with `currentColor`;
//! decorative: the label beside each says what it is).

/// The SVG path of a theme's pictogram (a generic one for themes added by an admin).
pub fn theme(code: &str) -> &'static str {
    match code {
        "employment" => "M4 8h16v11H4zM9 8V5h6v3M4 13h16",
        "health-insurance" => "M12 3l8 3v6c0 5-4 8-8 9-4-1-8-4-8-9V6zM12 9v6M9 12h6",
        "health" => "M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.5A4 4 0 0 1 19 10c0 5.5-7 10-7 10z",
        "pension" => "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 3",
        "taxes" => "M6 3h9l3 3v15H6zM15 3v3h3M9 11h6M9 15h6",
        "housing" => "M3 11l9-7 9 7M5 10v10h14V10M10 20v-6h4v6",
        "family-allowances" => "M8 8a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM16 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM3 20v-4a5 5 0 0 1 10 0v4M13 20v-3a3 3 0 0 1 6 0v3",
        "identity" => "M3 6h18v12H3zM9 11a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM5 16a4 4 0 0 1 8 0M15 10h4M15 14h3",
        "email" => "M3 6h18v12H3zM3 6l9 7 9-7",
        "smartphone" => "M7 2h10v20H7zM11 18h2",
        "messaging" => "M4 5h16v11H9l-5 4z",
        "banking" => "M3 9l9-5 9 5M5 9v9M10 9v9M14 9v9M19 9v9M3 20h18",
        "transport" => "M6 4h12v12H6zM6 11h12M8 19l-1 2M16 19l1 2M9 14h.01M15 14h.01",
        "social-networks" => "M6 12a2 2 0 1 0 0 .01M18 6a2 2 0 1 0 0 .01M18 18a2 2 0 1 0 0 .01M8 11l8-4M8 13l8 4",
        "safety" => "M6 11h12v10H6zM8 11V7a4 4 0 0 1 8 0v4M12 15v2",
        "devices" => "M5 5h14v10H5zM2 19h20",
        _ => "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM8 12h.01M12 12h.01M16 12h.01",
    }
}
