//! Belgian enterprise numbers (Crossroads Bank for Enterprises, BCE/KBO): ten digits, the first
//! 0 or 1, the last two a check on the first eight (97 − n mod 97). Written `0212.345.668`.

/// Why a typed number is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompanyNumberError {
    /// Not ten digits starting with 0 or 1 (once spaces, dots, dashes and a `BE` prefix are removed).
    Shape,
    /// The check digits do not match: most likely a typing error.
    Check,
}

/// The number in its usual form (`0212.345.668`), from what a person typed: `BE 0123 456 749`,
/// `0212.345.668`, `123456749` (the leading 0 of the older nine-digit numbers may be left out).
pub fn parse(typed: &str) -> Result<String, CompanyNumberError> {
    let trimmed = typed.trim();
    let without_prefix = trimmed.strip_prefix("BE").or_else(|| trimmed.strip_prefix("be")).unwrap_or(trimmed);
    let mut digits = String::new();
    for c in without_prefix.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' | '\u{a0}' => {}
            _ => return Err(CompanyNumberError::Shape),
        }
    }
    if digits.len() == 9 {
        digits.insert(0, '0');
    }
    if digits.len() != 10 || !digits.starts_with(['0', '1']) {
        return Err(CompanyNumberError::Shape);
    }
    let body: u64 = digits[..8].parse().map_err(|_| CompanyNumberError::Shape)?;
    let check: u64 = digits[8..].parse().map_err(|_| CompanyNumberError::Shape)?;
    if 97 - body % 97 != check {
        return Err(CompanyNumberError::Check);
    }
    Ok(format!("{}.{}.{}", &digits[..4], &digits[4..7], &digits[7..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_ways_of_writing_a_number_are_accepted() {
        // 97 − 02123456 mod 97 = 68.
        for typed in ["0212.345.668", "0212345668", "BE 0212 345 668", "be0212.345.668", "212345668", " 0212-345-668 "] {
            assert_eq!(parse(typed), Ok("0212.345.668".to_string()), "{typed}");
        }
        assert_eq!(parse("1000.000.021"), Ok("1000.000.021".to_string()));
    }

    #[test]
    fn a_typing_error_or_a_wrong_shape_is_refused() {
        assert_eq!(parse("0212.345.669"), Err(CompanyNumberError::Check));
        assert_eq!(parse("0212.354.668"), Err(CompanyNumberError::Check));
        assert_eq!(parse("2212.345.668"), Err(CompanyNumberError::Shape));
        assert_eq!(parse("0212.345.6"), Err(CompanyNumberError::Shape));
        assert_eq!(parse("0212.345.6688"), Err(CompanyNumberError::Shape));
        assert_eq!(parse("0212/345/668"), Err(CompanyNumberError::Shape));
        assert_eq!(parse(""), Err(CompanyNumberError::Shape));
    }
}
