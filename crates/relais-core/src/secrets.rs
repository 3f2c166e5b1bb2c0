//! Random tokens (sessions, one-time links, CSRF) and their stored fingerprints.
//! Tokens are shown once; only their SHA-256 is stored, so a database leak does not open sessions.

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

/// 256 random bits, hex-encoded (64 characters).
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    // The OS random source failing is not recoverable: nothing secure can be issued.
    #[allow(clippy::expect_used)]
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    hex(&bytes)
}

/// Random bytes (e.g. a password salt).
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    #[allow(clippy::expect_used)]
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    bytes
}

/// The stored fingerprint of a token.
pub fn fingerprint(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Compare two secrets in constant time (for equal lengths).
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The instance's secret key (256 bits, kept in the `settings` table so that every `relais serve`
/// process derives the same values from it), for keyed fingerprints such as CSRF tokens.
#[derive(Clone)]
pub struct InstanceKey([u8; 32]);

impl std::fmt::Debug for InstanceKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("InstanceKey(…)")
    }
}

impl InstanceKey {
    /// From its hex form (as stored); `None` unless it is 64 hex digits.
    pub fn from_hex(text: &str) -> Option<InstanceKey> {
        if text.len() != 64 {
            return None;
        }
        let mut key = [0u8; 32];
        for (i, byte) in key.iter_mut().enumerate() {
            *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(InstanceKey(key))
    }

    /// HMAC-SHA-256 of `data` for one `purpose` (so one key never signs two kinds of thing alike), hex.
    pub fn sign(&self, purpose: &str, data: &str) -> String {
        #[allow(clippy::expect_used)] // HMAC takes a key of any length
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC accepts any key length");
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(data.as_bytes());
        hex(&mac.finalize().into_bytes())
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_fingerprints_stable() {
        let a = random_token();
        let b = random_token();
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(fingerprint(&a), fingerprint(&a));
        assert_ne!(fingerprint(&a), a);
        assert!(same_secret(&a, &a.clone()));
        assert!(!same_secret(&a, &b));
        assert!(!same_secret("ab", "abc"));
    }

    #[test]
    fn instance_keys_sign_per_purpose() {
        let key = InstanceKey::from_hex(&random_token()).unwrap();
        let other = InstanceKey::from_hex(&random_token()).unwrap();
        assert_eq!(key.sign("csrf", "a"), key.sign("csrf", "a"));
        assert_eq!(key.sign("csrf", "a").len(), 64);
        assert_ne!(key.sign("csrf", "a"), key.sign("other", "a"));
        assert_ne!(key.sign("csrf", "a"), other.sign("csrf", "a"));
        assert!(InstanceKey::from_hex("zz").is_none());
        assert!(InstanceKey::from_hex(&"g".repeat(64)).is_none());
    }
}
