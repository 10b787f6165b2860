//! Organiser accounts and API tokens. Passwords are argon2id hashes; tokens
//! are 256 random bits shown once and stored as a SHA-256 digest (a slow
//! hash buys nothing against values with that much entropy).

use super::DbConn;
use super::schema::{api_tokens, users};
use crate::domain::email::EmailAddress;
use anyhow::Context;
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, SaltString};
use base64::Engine;
use diesel::prelude::*;
use sha2::{Digest, Sha256};

pub const ROLE_ADMIN: &str = "admin";

pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?
        .to_string())
}

/// Creates an admin, or resets the password of the one with that email.
pub fn upsert_admin(
    conn: &mut DbConn,
    email: &EmailAddress,
    password: &str,
) -> anyhow::Result<bool> {
    let hash = hash_password(password)?;
    conn.transaction(|conn| {
        let updated = diesel::update(users::table.filter(users::email.eq(email.as_str())))
            .set((users::password_hash.eq(&hash), users::role.eq(ROLE_ADMIN)))
            .execute(conn)?;
        if updated == 0 {
            diesel::insert_into(users::table)
                .values((
                    users::email.eq(email.as_str()),
                    users::password_hash.eq(&hash),
                    users::role.eq(ROLE_ADMIN),
                    users::created_at.eq(super::now()),
                ))
                .execute(conn)?;
        }
        Ok::<_, diesel::result::Error>(updated == 0)
    })
    .context("cannot save the admin account")
}

/// A new random secret, URL-safe.
pub fn random_secret(prefix: &str) -> anyhow::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    Ok(format!(
        "{prefix}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    ))
}

pub fn digest(secret: &str) -> String {
    let hash = Sha256::digest(secret.as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

/// Creates an API token and returns the secret, which is not stored.
pub fn create_token(conn: &mut DbConn, name: &str) -> anyhow::Result<String> {
    let token = random_secret("cvn_")?;
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::name.eq(name),
            api_tokens::token_hash.eq(digest(&token)),
            api_tokens::created_at.eq(super::now()),
        ))
        .execute(conn)
        .context("cannot save the token")?;
    Ok(token)
}

/// The name of the live token with this secret, if any.
pub fn token_name(conn: &mut DbConn, token: &str) -> QueryResult<Option<String>> {
    api_tokens::table
        .filter(api_tokens::token_hash.eq(digest(token)))
        .filter(api_tokens::revoked_at.is_null())
        .select(api_tokens::name)
        .first(conn)
        .optional()
}
