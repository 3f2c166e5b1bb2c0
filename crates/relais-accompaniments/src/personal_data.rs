//! Finds personal data in free text that must not carry any: a political signal describes a
//! barrier met with an online service, never the person. A text naming a national register
//! number, an IBAN, an e-mail address or a phone number is refused with a clear message.
//!
//! The checks favour catching over letting through, but stay quiet on what signals usually hold:
//! dates ("12/03/2026"), amounts ("1 250 €"), years, form numbers of a few digits.

/// A kind of personal data found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Found {
    /// Belgian national register number (NISS/INSZ), check digits verified.
    NationalNumber,
    /// An IBAN, check digits verified (any country).
    Iban,
    EmailAddress,
    PhoneNumber,
}

/// Every kind of personal data in `text`, each once, in a fixed order.
pub fn find(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    let runs = digit_runs(text);
    if runs.iter().any(|r| r.digits.len() == 11 && is_national_number(&r.digits)) {
        found.push(Found::NationalNumber);
    }
    if has_iban(text) {
        found.push(Found::Iban);
    }
    if has_email(text) {
        found.push(Found::EmailAddress);
    }
    if runs.iter().any(is_phone) {
        found.push(Found::PhoneNumber);
    }
    found
}

/// A run of digits, possibly written with separators (space, `.`, `/`, `-`) between groups,
/// with what came just before it.
#[derive(Debug)]
struct Run {
    digits: String,
    /// `+` before the first digit (an international phone number).
    plus: bool,
}

fn digit_runs(text: &str) -> Vec<Run> {
    let chars: Vec<char> = text.chars().collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // A run does not start inside a word ("A4", "e2e").
        if i > 0 && chars[i - 1].is_alphabetic() {
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        let plus = i > 0 && chars[i - 1] == '+';
        let mut run = Run { digits: String::new(), plus };
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii_digit() {
                run.digits.push(c);
                i += 1;
            } else if matches!(c, ' ' | '.' | '/' | '-' | '\u{a0}') && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
                i += 1;
            } else {
                break;
            }
        }
        runs.push(run);
    }
    runs
}

/// YYMMDD SSS CC: CC = 97 − (YYMMDDSSS mod 97), or for people born from 2000 on, computed on
/// 2YYMMDDSSS. Months and days may be 0 when unknown, months shifted by 20 or 40 for bis numbers.
fn is_national_number(digits: &str) -> bool {
    let Ok(body) = digits[..9].parse::<u64>() else { return false };
    let Ok(check) = digits[9..].parse::<u64>() else { return false };
    let month: u64 = digits[2..4].parse().unwrap_or(99);
    let day: u64 = digits[4..6].parse().unwrap_or(99);
    (month % 20 <= 12) && day <= 31 && (97 - body % 97 == check || 97 - (2_000_000_000 + body) % 97 == check)
}

/// Two letters, two check digits, then 11 to 30 letters or digits (spaces allowed between groups),
/// valid under ISO 13616's mod-97 check.
fn has_iban(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    for start in 0..chars.len() {
        if start > 0 && chars[start - 1].is_alphanumeric() {
            continue;
        }
        if !(chars[start].is_ascii_alphabetic() && chars.get(start + 1).is_some_and(char::is_ascii_alphabetic)) {
            continue;
        }
        if !(chars.get(start + 2).is_some_and(char::is_ascii_digit) && chars.get(start + 3).is_some_and(char::is_ascii_digit)) {
            continue;
        }
        let mut compact = String::new();
        let mut i = start;
        while i < chars.len() && compact.len() < 34 {
            let c = chars[i];
            if c.is_ascii_alphanumeric() {
                compact.push(c.to_ascii_uppercase());
            } else if c == ' ' && chars.get(i + 1).is_some_and(char::is_ascii_alphanumeric) {
            } else {
                break;
            }
            i += 1;
            // Try every length: the IBAN may be followed by a word.
            if (15..=34).contains(&compact.len()) && iban_checks(&compact) {
                return true;
            }
        }
    }
    false
}

fn iban_checks(compact: &str) -> bool {
    let (head, rest) = compact.split_at(4);
    let mut remainder: u32 = 0;
    for c in rest.chars().chain(head.chars()) {
        let value = match c {
            '0'..='9' => c as u32 - '0' as u32,
            'A'..='Z' => c as u32 - 'A' as u32 + 10,
            _ => return false,
        };
        remainder = if value >= 10 { (remainder * 100 + value) % 97 } else { (remainder * 10 + value) % 97 };
    }
    remainder == 1
}

fn has_email(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '<' | '>' | '"' | '\'')).any(|word| {
        let word = word.trim_end_matches(['.', ':', '!', '?']);
        let Some((local, domain)) = word.split_once('@') else { return false };
        !local.is_empty()
            && domain.split('.').count() >= 2
            && domain.split('.').all(|part| !part.is_empty())
            && domain.rsplit('.').next().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphabetic))
    })
}

/// Belgian numbers: 0 then 8 digits (fixed lines) or 9 digits starting with 4 (mobiles), also
/// as +32 / 0032; other international numbers: + then 8 to 15 digits.
fn is_phone(run: &Run) -> bool {
    let digits = run.digits.as_str();
    if run.plus {
        return (8..=15).contains(&digits.len());
    }
    if let Some(national) = digits.strip_prefix("0032") {
        return matches!(national.len(), 8 | 9);
    }
    // A date ("01/03/2026": 8 digits) is never 9 or 10 digits long.
    digits.starts_with('0') && !digits.starts_with("00") && (digits.len() == 9 || (digits.len() == 10 && digits.as_bytes()[1] == b'4'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_register_numbers_are_found_in_their_usual_shapes() {
        // 85073003328: 97 − 850730033 mod 97 = 28. Born in 2001: 01020312345 → 2010203123 mod 97.
        for text in ["NN 85.07.30-033.28 bloqué", "rrn 85073003328", "85 07 30 033 28"] {
            assert_eq!(find(text), vec![Found::NationalNumber], "{text}");
        }
        let body: u64 = 10_203_123;
        let check = 97 - (2_000_000_000 + body) % 97;
        let born_2001 = format!("0{body}{check:02}");
        assert_eq!(find(&format!("numéro {born_2001}")), vec![Found::NationalNumber]);
        // Eleven digits with a wrong check are not one (but may still look like nothing else).
        assert!(!find("85073003329").contains(&Found::NationalNumber));
    }

    #[test]
    fn ibans_are_found_with_or_without_spaces() {
        for text in ["versé sur BE68 5390 0754 7034 hier", "IBAN: BE68539007547034.", "FR14 2004 1010 0505 0001 3M02 606", "nl91abna0417164300"] {
            assert_eq!(find(text), vec![Found::Iban], "{text}");
        }
        assert!(find("BE68 5390 0754 7035").is_empty(), "wrong check digits");
    }

    #[test]
    fn emails_and_phone_numbers_are_found() {
        assert_eq!(find("écrire à jean.dupont@example.be pour la suite"), vec![Found::EmailAddress]);
        for text in ["appeler le 0470 12 34 56", "tel 02/512.34.56", "+32 470 12 34 56", "0032 2 512 34 56", "+33 6 12 34 56 78", "071/23.45.67"] {
            assert_eq!(find(text), vec![Found::PhoneNumber], "{text}");
        }
    }

    #[test]
    fn what_signals_usually_say_passes() {
        for text in [
            "MyPension demande itsme sans alternative; pas de guichet avant le 12/03/2026.",
            "Formulaire 274 B trop complexe, 3 étapes, 45 minutes, coût 1 250 € par an.",
            "Le site de l'ONEM plante depuis 2025 sur Android 14 (erreur 503).",
            "De website is niet beschikbaar in het Frans; e-mailadres verplicht.",
            "Irisbox: A4 scan verplicht, 2 MB max, 08:00-17:00.",
            "Rendez-vous le 01/03/2026 puis le 15.04.2026, dossier 2026-0412.",
            "Il faut une adresse e-mail @ valide pour s'inscrire.",
        ] {
            assert!(find(text).is_empty(), "{text}: {:?}", find(text));
        }
    }
}
