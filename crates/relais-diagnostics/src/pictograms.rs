//! Pictograms of the diagnostic and the catalogue: 24×24 line drawings (stroke `currentColor`, no fill),
//! always shown with their word (never an icon alone).
//!
//! Each is SVG path data on a 24×24 grid, drawn with `fill="none" stroke="currentColor"
//! stroke-width="2" stroke-linecap="round" stroke-linejoin="round"`; a dot is a zero-length
//! segment (`h.01`) that the round cap makes visible. Only the commands M, L, H, V, A, C and Z
//! (absolute or relative) are used.

/// The pictogram drawn for a name this module does not know: a neutral circle.
const UNKNOWN: &str = "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z";

/// The SVG path data of a pictogram by name; a neutral circle for an unknown name.
pub fn path(name: &str) -> &'static str {
    match name {
        // devices and communication
        "phone" => "M7 2h10v20H7zM11 18h2",
        "call" => "M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z",
        "camera" => "M3 7h4l2-3h6l2 3h4v13H3zM12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z",
        "photo" => "M3 4h18v16H3zM3 17l5-5 5 5 3-3 5 5M14 8.5a1.5 1.5 0 1 0 3 0 1.5 1.5 0 1 0-3 0",
        "mail" => "M3 6h18v12H3zM3 6l9 7 9-7",
        "attachment" => "M20 11l-8 8a5 5 0 0 1-7-7l8.5-8.5a3.5 3.5 0 0 1 5 5L10 17a2 2 0 0 1-3-3l7.5-7.5",
        "message" => "M4 5h16v11H9l-5 4zM8 9h8M8 12h5",
        "video-call" => "M2 7h13v10H2zM15 10.5L22 7v10l-7-3.5",
        "contacts" => "M6 3h13v18H6zM12.5 11a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM9 17a3.5 3.5 0 0 1 7 0M4 7h2M4 12h2M4 17h2",
        "map" => "M3 6l6-3 6 3 6-3v15l-6 3-6-3-6 3zM9 3v15M15 6v15",
        "wifi" => "M2 9a15 15 0 0 1 20 0M5 12.5a10 10 0 0 1 14 0M8.5 16a5 5 0 0 1 7 0M12 20h.01",
        "power" => "M12 2v9M6.3 6.3a8 8 0 1 0 11.4 0",
        "battery" => "M2 7h16v10H2zM21 10.5v3M6 10v4M10 10v4",
        "keyboard" => "M2 6h20v12H2zM6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10",
        "touch" => "M9 13V5a2 2 0 0 1 4 0v6l4.5 1a2 2 0 0 1 1.5 2.3L18 21H10l-4.5-5.5a1.6 1.6 0 0 1 2.4-2.1L9 14.5",
        "apps" => "M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z",
        "download" => "M12 3v12M7 10l5 5 5-5M4 20h16",
        "update" => "M20 12a8 8 0 0 1-14 5.3M4 12a8 8 0 0 1 14-5.3M18 3v4h-4M6 21v-4h4",
        "settings" => {
            "M10 5.3l.2-2.6h3.6l.2 2.6 2.7 1.6 2.4-1 1.8 3.1-2.1 1.5v3.2l2.1 1.5-1.8 3.1-2.4-1-2.7 1.6-.2 2.6h-3.6l-.2-2.6-2.7-1.6-2.4 1-1.8-3.1 2.1-1.5v-3.2l-2.1-1.5 1.8-3.1zM15 12a3 3 0 1 1-6 0 3 3 0 0 1 6 0"
        }
        "speaker" => "M3 9h4l5-4v14l-5-4H3zM16 9a4 4 0 0 1 0 6M19 6a8 8 0 0 1 0 12",
        "volume" => "M3 9h4l5-4v14l-5-4H3zM16 12h6M19 9v6",
        "bell" => "M6 17v-6a6 6 0 0 1 12 0v6l2 2H4zM10 22h4",
        // the web and information
        "search" => "M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.5 15.5L21 21",
        "browser" => "M3 4h18v16H3zM3 9h18M6 6.5h.01M9 6.5h.01",
        "link" => "M10 14a4 4 0 0 0 5.7 0l3-3A4 4 0 0 0 13 5.3l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1",
        "calendar" => "M4 5h16v16H4zM4 10h16M8 3v4M16 3v4",
        "clock" => "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 3",
        "document" => "M6 3h9l4 4v14H6zM15 3v4h4M9 12h7M9 16h7",
        "form" => "M5 3h14v18H5zM8 7h2v2H8zM13 8h3M8 13h2v2H8zM13 14h3",
        "print" => "M7 9V3h10v6M7 17H3V9h18v8h-4M7 13h10v8H7z",
        "cloud" => "M7 19A4 4 0 0 1 6.5 11A6 6 0 0 1 18 12.5A3.3 3.3 0 0 1 17.5 19z",
        "folder" => "M3 6h6l2 2h10v12H3z",
        "trash" => "M4 7h16M9 7V4h6v3M6 7l1 14h10l1-14M10 11v6M14 11v6",
        "share" => "M18 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8.6 13.5l6.8 4M15.4 6.5l-6.8 4",
        // safety
        "lock" => "M5 11h14v10H5zM8 11V7a4 4 0 0 1 8 0v4M12 15v2",
        "unlock" => "M5 11h14v10H5zM8 11V7a4 4 0 0 1 7.7-1.5M12 15v2",
        "key" => "M4 15a4 4 0 1 0 8 0 4 4 0 1 0-8 0zM10.8 12.2L20 3M17 6l3 3M14.5 8.5l2 2",
        "password" => "M2 7h20v10H2zM6 12h.01M9.5 12h.01M13 12h.01M17 10v4",
        "shield" => "M12 3l8 3v6c0 5-4 8-8 9-4-1-8-4-8-9V6z",
        "warning" => "M12 3L2 20h20zM12 9v5M12 17h.01",
        "fishing-hook" => "M15 5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zM15 5v9a4.5 4.5 0 0 1-9 0v-3l3 3",
        "eye" => "M2 12a11 11 0 0 1 20 0a11 11 0 0 1-20 0zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z",
        // money and identity
        "bank" => "M3 9l9-5 9 5zM5 12v6M10 12v6M14 12v6M19 12v6M3 21h18",
        "card" => "M2 5h20v14H2zM2 10h20M6 15h4",
        "euro" => "M17 6a7 7 0 1 0 0 12M4 10h9M4 14h9",
        "id-card" => "M3 5h18v14H3zM9 12a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM5.5 16a3.5 3.5 0 0 1 7 0M15 10h3M15 14h3",
        "phone-key" => "M3 2h9v20H3zM7 18h1M18 4a3 3 0 1 0 0 6 3 3 0 1 0 0-6zM18 10v11M18 15h2.5M18 18.5h2.5",
        "qr-code" => "M3 3h7v7H3zM14 3h7v7h-7zM3 14h7v7H3zM14 14h3v3h-3zM21 14v.01M21 21h-4M14 21v.01M6.5 6.5h.01M17.5 6.5h.01M6.5 17.5h.01",
        // services
        "home" => "M3 11l9-7 9 7M5 10v10h14V10M10 20v-6h4v6",
        "health" => "M9 3h6v6h6v6h-6v6H9v-6H3V9h6z",
        "pension" => "M10 2.5a2 2 0 1 0 0 4 2 2 0 1 0 0-4zM10 9l-1 6-2 6M9 15l3 6M10 10l4 2M14 12a1.5 1.5 0 0 1 3 0v9",
        "job" => "M3 8h18v12H3zM9 8V5h6v3M3 13h18",
        // people
        "person" => "M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0",
        "people" => "M9 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20a6 6 0 0 1 12 0M16.5 11a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM17 14a5 5 0 0 1 5 6",
        "chat" => "M3 4h11v8H7l-4 3zM14 8h7v11l-4-3h-7v-4",
        // answers and navigation
        "question" => "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01",
        "check" => "M4 12l5 5L20 6",
        "cross" => "M6 6l12 12M18 6L6 18",
        "star" => "M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3l-5.5 2.9 1-6.2L3 9.6l6.2-.9z",
        "back" => "M19 12H5M11 6l-6 6 6 6",
        _ => UNKNOWN,
    }
}

/// Every name this module draws (for tests).
pub const NAMES: &[&str] = &[
    "phone",
    "call",
    "camera",
    "photo",
    "mail",
    "attachment",
    "message",
    "video-call",
    "contacts",
    "map",
    "wifi",
    "power",
    "battery",
    "keyboard",
    "touch",
    "apps",
    "download",
    "search",
    "browser",
    "link",
    "calendar",
    "clock",
    "lock",
    "unlock",
    "key",
    "password",
    "shield",
    "warning",
    "fishing-hook",
    "bank",
    "card",
    "euro",
    "id-card",
    "phone-key",
    "qr-code",
    "document",
    "form",
    "print",
    "cloud",
    "folder",
    "settings",
    "update",
    "trash",
    "home",
    "health",
    "pension",
    "job",
    "question",
    "check",
    "cross",
    "speaker",
    "person",
    "people",
    "volume",
    "star",
    "back",
    "share",
    "bell",
    "eye",
    "chat",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The list of `items/README.md`, in its order.
    const README: [&str; 60] = [
        "phone",
        "call",
        "camera",
        "photo",
        "mail",
        "attachment",
        "message",
        "video-call",
        "contacts",
        "map",
        "wifi",
        "power",
        "battery",
        "keyboard",
        "touch",
        "apps",
        "download",
        "search",
        "browser",
        "link",
        "calendar",
        "clock",
        "lock",
        "unlock",
        "key",
        "password",
        "shield",
        "warning",
        "fishing-hook",
        "bank",
        "card",
        "euro",
        "id-card",
        "phone-key",
        "qr-code",
        "document",
        "form",
        "print",
        "cloud",
        "folder",
        "settings",
        "update",
        "trash",
        "home",
        "health",
        "pension",
        "job",
        "question",
        "check",
        "cross",
        "speaker",
        "person",
        "people",
        "volume",
        "star",
        "back",
        "share",
        "bell",
        "eye",
        "chat",
    ];

    #[test]
    fn the_names_are_those_of_the_readme() {
        assert_eq!(NAMES, &README[..]);
    }

    #[test]
    fn every_name_has_its_own_drawing() {
        let mut seen = std::collections::HashSet::new();
        for name in NAMES {
            let d = path(name);
            assert_ne!(d, UNKNOWN, "{name} falls back to the neutral circle");
            assert!(seen.insert(d), "{name} draws the same as another name");
        }
        assert_eq!(path("no-such-name"), UNKNOWN);
    }

    #[test]
    fn every_drawing_is_short_plain_path_data() {
        for name in NAMES {
            let d = path(name);
            assert!(d.starts_with('M') && d.len() < 200, "{name}: {} chars", d.len());
            assert!(d.chars().all(|c| "MLHVACZmlhvacz0123456789.,- ".contains(c)), "{name}: a command outside M/L/H/V/A/C/Z");
        }
    }
}
