//! Passwords: argon2id hashes, a length floor and a strength check against common passwords.

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier, password_hash::SaltString};

pub const MIN_LENGTH: usize = 12;

/// Why a new password is refused (each maps to a translated message).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("too short")]
    TooShort,
    #[error("too common or too easy to guess")]
    TooCommon,
    #[error("too long")]
    TooLong,
}

impl PasswordProblem {
    pub fn message_key(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password-too-short",
            PasswordProblem::TooCommon => "password-too-common",
            PasswordProblem::TooLong => "password-too-long",
        }
    }
}

/// Passwords people in Belgium pick that the general-purpose dictionaries may miss.
const LOCAL_COMMON: &[&str] = &[
    "motdepasse",
    "wachtwoord",
    "passwort",
    "azerty",
    "azertyuiop",
    "qwertz",
    "bonjour",
    "belgique",
    "belgie",
    "belgien",
    "bruxelles",
    "brussel",
    "cpas",
    "ocmw",
    "relais",
    "soleil",
    "doudou",
    "chouchou",
];

/// Check a new password: at least 12 characters, not common, not built from the e-mail.
pub fn check_new(password: &str, email: &str) -> Result<(), PasswordProblem> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(PasswordProblem::TooShort);
    }
    if password.len() > 1024 {
        return Err(PasswordProblem::TooLong);
    }
    let lower = password.to_lowercase();
    let stripped: String = lower.chars().filter(|c| c.is_alphabetic()).collect();
    if LOCAL_COMMON.iter().any(|w| stripped == *w || (stripped.starts_with(w) && stripped.len() <= w.len() + 3)) {
        return Err(PasswordProblem::TooCommon);
    }
    let local = email.split('@').next().unwrap_or("");
    let inputs: Vec<&str> = [local, email].into_iter().filter(|s| !s.is_empty()).collect();
    let estimate = zxcvbn::zxcvbn(password, &inputs);
    if (estimate.score() as u8) < 3 {
        return Err(PasswordProblem::TooCommon);
    }
    Ok(())
}

fn argon2() -> Argon2<'static> {
    // argon2id, 19 MiB, 2 passes, 1 lane: the OWASP recommendation.
    Argon2::default()
}

/// Hash a password (slow on purpose: call from a blocking task).
pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::encode_b64(&relais_core::secrets::random_bytes::<16>())?;
    Ok(argon2().hash_password(password.as_bytes(), &salt)?.to_string())
}

/// Verify a password against a stored hash; `None` (no account or no password yet) verifies
/// against a dummy hash so that timing does not tell whether an account exists.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash("dummy password for timing").unwrap_or_default());
    let (hash, real) = match stored {
        Some(h) => (h, true),
        None => (dummy.as_str(), false),
    };
    let Ok(parsed) = PasswordHash::new(hash) else { return false };
    argon2().verify_password(password.as_bytes(), &parsed).is_ok() && real
}

/// Hash on a blocking thread.
pub async fn hash_async(password: String) -> Option<String> {
    tokio::task::spawn_blocking(move || hash(&password).ok()).await.ok().flatten()
}

/// Verify on a blocking thread.
pub async fn verify_async(password: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || verify(&password, stored.as_deref())).await.unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_passwords_are_refused() {
        assert_eq!(check_new("short", "a@b.be"), Err(PasswordProblem::TooShort));
        assert_eq!(check_new("password1234", "a@b.be"), Err(PasswordProblem::TooCommon));
        assert_eq!(check_new("123456789012", "a@b.be"), Err(PasswordProblem::TooCommon));
        assert_eq!(check_new("motdepasse12", "a@b.be"), Err(PasswordProblem::TooCommon));
        assert_eq!(check_new("Wachtwoord!!", "a@b.be"), Err(PasswordProblem::TooCommon));
        assert_eq!(check_new("marie.dupont1", "marie.dupont@cpas.be"), Err(PasswordProblem::TooCommon));
        assert_eq!(check_new("aaaaaaaaaaaaaaaa", "a@b.be"), Err(PasswordProblem::TooCommon));
        assert!(check_new("velo cargo bleu sur la Meuse", "a@b.be").is_ok());
    }

    #[test]
    fn hashes_are_argon2id_and_verify() {
        let h = hash("velo cargo bleu sur la Meuse").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("velo cargo bleu sur la Meuse", Some(&h)));
        assert!(!verify("velo cargo rouge", Some(&h)));
        assert!(!verify("anything", None));
    }
}
