//! The second factor: time-based one-time codes (TOTP, RFC 6238: SHA-1, 6 digits, 30 s, ±1 step,
//! as every authenticator app reads them), enrolled by a QR code rendered on the server as SVG,
//! and ten single-use recovery codes (stored as fingerprints).

use qrcode::{QrCode, render::svg};
use relais_core::{Db, DbError, on_db, secrets};
use time::OffsetDateTime;
use totp_rs::{Builder, Secret, Totp};
use uuid::Uuid;

pub const RECOVERY_CODES: usize = 10;

/// A new secret, base32 (as stored and as shown for manual entry).
pub fn new_secret() -> String {
    Secret::from(secrets::random_bytes::<20>()).to_base32()
}

fn totp(secret_base32: &str, email: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(secret_base32).ok()?;
    Builder::new().with_secret(secret).with_account_name(email.to_string()).with_issuer(Some("Relais")).build().ok()
}

/// The `otpauth://` URL an authenticator app reads from the QR code.
pub fn otpauth_url(secret_base32: &str, email: &str) -> Option<String> {
    totp(secret_base32, email)?.to_url().ok()
}

/// The QR code of `url` as an SVG image (no script, no external resource).
pub fn qr_svg(url: &str) -> Option<String> {
    let code = QrCode::new(url.as_bytes()).ok()?;
    Some(code.render::<svg::Color>().min_dimensions(200, 200).quiet_zone(true).build())
}

/// The time step at which `code` (spaces ignored) is valid now for this secret, if it is.
pub fn matching_step(secret_base32: &str, email: &str, code: &str) -> Option<u64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    totp(secret_base32, email)?.check_current(&code)
}

/// Whether `code` is valid now (without consuming it).
pub fn verify(secret_base32: &str, email: &str, code: &str) -> bool {
    matching_step(secret_base32, email, code).is_some()
}

/// Accept `code` for `user` once: a code (its time step) already used, or an older one, is refused,
/// even by another process at the same moment.
pub async fn accept(db: &Db, user: Uuid, secret_base32: &str, email: &str, code: &str) -> Result<bool, DbError> {
    let Some(step) = matching_step(secret_base32, email, code) else { return Ok(false) };
    let step = i64::try_from(step).unwrap_or(i64::MAX);
    let n = on_db!(db, pool => sqlx::query(
        "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)",
    )
    .bind(user)
    .bind(step)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The current code (for tests and tools).
pub fn current_code(secret_base32: &str, email: &str) -> Option<String> {
    Some(totp(secret_base32, email)?.generate_current().to_string())
}

/// The code of the next time step (accepted now thanks to the ±1 step tolerance).
pub fn next_code(secret_base32: &str, email: &str) -> Option<String> {
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let now = u64::try_from(now).ok()?;
    Some(totp(secret_base32, email)?.generate(now + 30).to_string())
}

/// Keep a secret for enrolment (not active until a first code confirms it).
pub async fn start_enrolment(db: &Db, user: Uuid, secret: &str) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("UPDATE users SET totp_secret = $2, totp_enabled = $3 WHERE id = $1")
        .bind(user)
        .bind(secret)
        .bind(false)
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// (secret, enabled) of a user.
pub async fn state(db: &Db, user: Uuid) -> Result<(Option<String>, bool), DbError> {
    let row: Option<(Option<String>, bool)> = on_db!(db, pool => sqlx::query_as("SELECT totp_secret, totp_enabled FROM users WHERE id = $1")
        .bind(user)
        .fetch_optional(pool)
        .await)?;
    Ok(row.unwrap_or((None, false)))
}

/// Turn the second factor on and issue fresh recovery codes (returned once, in clear).
pub async fn enable(db: &Db, user: Uuid) -> Result<Vec<String>, DbError> {
    on_db!(db, pool => sqlx::query("UPDATE users SET totp_enabled = $2 WHERE id = $1")
        .bind(user)
        .bind(true)
        .execute(pool)
        .await
        .map(|_| ()))?;
    on_db!(db, pool => sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user).execute(pool).await.map(|_| ()))?;
    let mut codes = Vec::with_capacity(RECOVERY_CODES);
    for _ in 0..RECOVERY_CODES {
        let raw = secrets::random_token();
        let code = format!("{}-{}", &raw[..5], &raw[5..10]);
        on_db!(db, pool => sqlx::query("INSERT INTO recovery_codes (user_id, code_hash, used_at) VALUES ($1, $2, NULL)")
            .bind(user)
            .bind(secrets::fingerprint(&code))
            .execute(pool)
            .await
            .map(|_| ()))?;
        codes.push(code);
    }
    Ok(codes)
}

/// Use a recovery code (once).
pub async fn use_recovery_code(db: &Db, user: Uuid, code: &str) -> Result<bool, DbError> {
    let code = code.trim().to_lowercase();
    let n = on_db!(db, pool => sqlx::query(
        "UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
    )
    .bind(user)
    .bind(secrets::fingerprint(&code))
    .bind(OffsetDateTime::now_utc())
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_verify_and_urls_and_qr_render() {
        let secret = new_secret();
        let code = current_code(&secret, "a@b.be").unwrap();
        assert!(verify(&secret, "a@b.be", &code));
        assert!(!verify(&secret, "a@b.be", "000000x"));
        let url = otpauth_url(&secret, "a@b.be").unwrap();
        assert!(url.starts_with("otpauth://totp/Relais:"), "{url}");
        let svg = qr_svg(&url).unwrap();
        assert!(svg.contains("<svg") && !svg.contains("<script"));
    }
}
