//! Organiser accounts and API tokens. Passwords are argon2id hashes; tokens
//! are shown once and stored as digests (see `domain::secret`).

use super::DbConn;
use super::schema::{api_tokens, server_secrets, users};
use crate::domain::email::EmailAddress;
use crate::domain::secret::{Keys, digest, new_secret};
use anyhow::Context;
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, SaltString};
use diesel::prelude::*;

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
pub fn upsert_admin(conn: &mut DbConn, email: &EmailAddress, password: &str) -> anyhow::Result<bool> {
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

/// Creates an API token and returns the secret, which is not stored.
pub fn create_token(conn: &mut DbConn, name: &str) -> anyhow::Result<String> {
    let token = new_secret("cvn_").map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
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

/// The key participants' links are derived from: `CONVENE_SECRET_KEY` when
/// set, else one generated on first start and kept in the database so that
/// every instance derives the same links.
pub fn link_keys(conn: &mut DbConn, configured: Option<&str>) -> anyhow::Result<Keys> {
    if let Some(k) = configured {
        return Ok(Keys::new(k.as_bytes()));
    }
    let read = |conn: &mut DbConn| {
        server_secrets::table.find("link_key").select(server_secrets::value).first::<String>(conn).optional()
    };
    if let Some(k) = read(conn)? {
        return Ok(Keys::new(k.as_bytes()));
    }
    let generated = new_secret("").map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    // Another instance may have won the race; its key is then the one.
    let _ = diesel::insert_into(server_secrets::table)
        .values((server_secrets::name.eq("link_key"), server_secrets::value.eq(&generated)))
        .execute(conn);
    let key = read(conn)?.context("the generated key was not saved")?;
    Ok(Keys::new(key.as_bytes()))
}
