//! Users: account holders (helpers, coordinators, viewers, platform admins).
//! The people helped are a separate record (accompaniments).

use relais_core::{Db, DbError, i18n::Locale, on_db};
use time::OffsetDateTime;
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub locale: String,
    pub is_admin: bool,
    pub active: bool,
}

impl User {
    pub fn locale(&self) -> Locale {
        Locale::parse(&self.locale).unwrap_or_default()
    }
}

/// E-mail addresses are compared trimmed and lower-cased.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A plausible address: one `@`, something on each side, a dot in the domain, no spaces.
pub fn is_plausible_email(email: &str) -> bool {
    let email = email.trim();
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && email.len() <= 254
                && !email.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    #[error("an account with this e-mail already exists")]
    EmailTaken,
    #[error("this is not a valid e-mail address")]
    InvalidEmail,
    #[error(transparent)]
    Db(#[from] DbError),
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub locale: Locale,
    pub is_admin: bool,
    pub password_hash: Option<String>,
}

pub async fn create(db: &Db, new: NewUser<'_>) -> Result<User, CreateUserError> {
    if !is_plausible_email(new.email) {
        return Err(CreateUserError::InvalidEmail);
    }
    let email = normalise_email(new.email);
    if find_by_email(db, &email).await?.is_some() {
        return Err(CreateUserError::EmailTaken);
    }
    let user = User {
        id: Uuid::new_v4(),
        email,
        display_name: new.display_name.trim().to_string(),
        password_hash: new.password_hash,
        locale: new.locale.code().to_string(),
        is_admin: new.is_admin,
        active: true,
    };
    let inserted = on_db!(db, pool => sqlx::query(
        "INSERT INTO users (id, email, display_name, password_hash, locale, is_admin, active, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (email) DO NOTHING",
    )
    .bind(user.id)
    .bind(&user.email)
    .bind(&user.display_name)
    .bind(&user.password_hash)
    .bind(&user.locale)
    .bind(user.is_admin)
    .bind(user.active)
    .bind(OffsetDateTime::now_utc())
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .map_err(DbError::from)?;
    if inserted == 0 {
        return Err(CreateUserError::EmailTaken);
    }
    Ok(user)
}

const COLUMNS: &str = "id, email, display_name, password_hash, locale, is_admin, active";

pub async fn find_by_email(db: &Db, email: &str) -> Result<Option<User>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE email = $1");
    let user = on_db!(db, pool => sqlx::query_as::<_, User>(sqlx::AssertSqlSafe(sql.clone()))
        .bind(normalise_email(email))
        .fetch_optional(pool)
        .await)?;
    Ok(user)
}

pub async fn find(db: &Db, id: Uuid) -> Result<Option<User>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
    let user = on_db!(db, pool => sqlx::query_as::<_, User>(sqlx::AssertSqlSafe(sql.clone()))
        .bind(id)
        .fetch_optional(pool)
        .await)?;
    Ok(user)
}

pub async fn set_password(db: &Db, id: Uuid, password_hash: &str, locale: Locale) -> Result<(), DbError> {
    on_db!(db, pool => sqlx::query("UPDATE users SET password_hash = $2, locale = $3 WHERE id = $1")
        .bind(id)
        .bind(password_hash)
        .bind(locale.code())
        .execute(pool)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Close an account: the person can no longer log in; their name and e-mail are replaced by a
/// pseudonym so that records they authored stay readable without identifying them.
pub async fn close(db: &Db, id: Uuid) -> Result<String, DbError> {
    let short = id.simple().to_string();
    let pseudonym = format!("#{}", &short[..8]);
    let email = format!("closed-{short}@closed.invalid");
    on_db!(db, pool => sqlx::query(
        "UPDATE users SET email = $2, display_name = $3, password_hash = NULL, totp_secret = NULL,
                          totp_enabled = $4, active = $4 WHERE id = $1",
    )
    .bind(id)
    .bind(&email)
    .bind(&pseudonym)
    .bind(false)
    .execute(pool)
    .await
    .map(|_| ()))?;
    on_db!(db, pool => sqlx::query("UPDATE memberships SET active = $2 WHERE user_id = $1").bind(id).bind(false).execute(pool).await.map(|_| ()))?;
    on_db!(db, pool => sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(pool).await.map(|_| ()))?;
    on_db!(db, pool => sqlx::query("UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL")
        .bind(id)
        .bind(OffsetDateTime::now_utc())
        .execute(pool)
        .await
        .map(|_| ()))?;
    on_db!(db, pool => sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(id).execute(pool).await.map(|_| ()))?;
    // What the areas keep about the person as a user (a helper profile's phone, …).
    match relais_core::area::ACCOUNT_CLOSURE.get() {
        Some(steps) => {
            for step in steps {
                on_db!(db, pool => sqlx::query(sqlx::AssertSqlSafe(*step)).bind(id).execute(pool).await.map(|_| ()))?;
            }
        }
        None => tracing::warn!("account closed before the areas' closure steps were installed (relais::areas())"),
    }
    Ok(pseudonym)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_checked_and_normalised() {
        assert!(is_plausible_email("marie@cpas-charleroi.be"));
        assert!(!is_plausible_email("marie"));
        assert!(!is_plausible_email("marie@localhost"));
        assert!(!is_plausible_email("ma rie@x.be"));
        assert_eq!(normalise_email("  Marie@CPAS.be "), "marie@cpas.be");
    }
}
