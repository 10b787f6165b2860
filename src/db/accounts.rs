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
pub const ROLE_ORGANISER: &str = "organiser";

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
    upsert_user(conn, email, password, ROLE_ADMIN, &[])
}

/// Creates an account, or sets the password, role and regions of an
/// existing one. Returns whether it was created.
pub fn upsert_user(
    conn: &mut DbConn,
    email: &EmailAddress,
    password: &str,
    role: &str,
    regions: &[i32],
) -> anyhow::Result<bool> {
    let hash = hash_password(password)?;
    conn.transaction(|conn| {
        let existing: Option<i32> =
            users::table.filter(users::email.eq(email.as_str())).select(users::id).first(conn).optional()?;
        let id = match existing {
            Some(id) => {
                diesel::update(users::table.find(id))
                    .set((users::password_hash.eq(&hash), users::role.eq(role), users::disabled.eq(false)))
                    .execute(conn)?;
                id
            }
            None => diesel::insert_into(users::table)
                .values((
                    users::email.eq(email.as_str()),
                    users::password_hash.eq(&hash),
                    users::role.eq(role),
                    users::created_at.eq(super::now()),
                ))
                .returning(users::id)
                .get_result(conn)?,
        };
        set_regions(conn, id, regions)?;
        Ok::<_, diesel::result::Error>(existing.is_none())
    })
    .context("cannot save the account")
}

/// Replaces the regions an account is scoped to.
pub fn set_regions(conn: &mut DbConn, user_id: i32, regions: &[i32]) -> QueryResult<()> {
    use super::schema::user_regions;
    diesel::delete(user_regions::table.filter(user_regions::user_id.eq(user_id))).execute(conn)?;
    for r in regions {
        diesel::insert_into(user_regions::table)
            .values((user_regions::user_id.eq(user_id), user_regions::region_id.eq(r)))
            .execute(conn)?;
    }
    Ok(())
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

/// An organiser account.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i32,
    pub email: String,
    pub password_hash: String,
    pub role: String,
    pub failed_logins: i32,
    pub locked_until: Option<chrono::NaiveDateTime>,
    pub disabled: bool,
}

/// The regions an organiser account is scoped to.
pub fn regions_of(conn: &mut DbConn, user_id: i32) -> QueryResult<Vec<i32>> {
    use super::schema::user_regions;
    user_regions::table
        .filter(user_regions::user_id.eq(user_id))
        .order(user_regions::region_id)
        .select(user_regions::region_id)
        .load(conn)
}

/// Failed logins in a row before an account is locked for a while.
pub const MAX_FAILED_LOGINS: i32 = 5;
pub const LOCK_MINUTES: i64 = 15;
/// A signed-in organiser is signed out after this long without a request.
pub const IDLE_HOURS: i64 = 8;
pub const SESSION_PREFIX: &str = "a_";

#[derive(Debug, PartialEq, Eq)]
pub enum LoginError {
    /// Wrong email or password: deliberately one answer for both.
    Refused,
    /// Too many failures: the account waits.
    Locked,
}

/// Checks a password. Failures count against the account (not only the
/// address it came from), so a slow guesser spread over many addresses is
/// stopped too; an unknown email costs the same hashing time as a known one.
pub fn verify_login(
    conn: &mut DbConn,
    email: &str,
    password: &str,
    now: chrono::NaiveDateTime,
) -> anyhow::Result<Result<User, LoginError>> {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    let email = email.trim().to_lowercase();
    let user: Option<User> =
        users::table.filter(users::email.eq(&email)).select(User::as_select()).first(conn).optional()?;
    let Some(user) = user.filter(|u| !u.disabled) else {
        // Spend the time a real check takes.
        let _ = hash_password(password);
        return Ok(Err(LoginError::Refused));
    };
    if user.locked_until.is_some_and(|t| t > now) {
        return Ok(Err(LoginError::Locked));
    }
    let ok = PasswordHash::new(&user.password_hash)
        .is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok());
    if ok {
        diesel::update(users::table.find(user.id))
            .set((users::failed_logins.eq(0), users::locked_until.eq(None::<chrono::NaiveDateTime>)))
            .execute(conn)?;
        return Ok(Ok(user));
    }
    let failures = user.failed_logins + 1;
    let lock = (failures >= MAX_FAILED_LOGINS).then(|| now + chrono::Duration::minutes(LOCK_MINUTES));
    diesel::update(users::table.find(user.id))
        .set((users::failed_logins.eq(if lock.is_some() { 0 } else { failures }), users::locked_until.eq(lock)))
        .execute(conn)?;
    Ok(Err(if lock.is_some() { LoginError::Locked } else { LoginError::Refused }))
}

/// Starts a signed-in session and returns the cookie's secret.
pub fn start_session(conn: &mut DbConn, user_id: i32) -> anyhow::Result<String> {
    use super::schema::admin_sessions;
    let token = new_secret(SESSION_PREFIX).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    let now = super::now();
    diesel::insert_into(admin_sessions::table)
        .values((
            admin_sessions::token_hash.eq(digest(&token)),
            admin_sessions::user_id.eq(user_id),
            admin_sessions::created_at.eq(now),
            admin_sessions::last_seen_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The organiser signed in with this secret, if the session is live;
/// each use keeps it alive.
pub fn session_user(conn: &mut DbConn, token: &str, now: chrono::NaiveDateTime) -> QueryResult<Option<User>> {
    use super::schema::admin_sessions;
    if !crate::domain::secret::plausible(token, SESSION_PREFIX) {
        return Ok(None);
    }
    let hash = digest(token);
    let found: Option<(chrono::NaiveDateTime, User)> = admin_sessions::table
        .inner_join(users::table)
        .filter(admin_sessions::token_hash.eq(&hash))
        .select((admin_sessions::last_seen_at, User::as_select()))
        .first(conn)
        .optional()?;
    match found {
        Some((seen, user)) if now - seen < chrono::Duration::hours(IDLE_HOURS) && !user.disabled => {
            // At most once a minute, to keep reads cheap.
            if now - seen > chrono::Duration::minutes(1) {
                diesel::update(admin_sessions::table.find(&hash))
                    .set(admin_sessions::last_seen_at.eq(now))
                    .execute(conn)?;
            }
            Ok(Some(user))
        }
        Some(_) => {
            diesel::delete(admin_sessions::table.find(&hash)).execute(conn)?;
            Ok(None)
        }
        None => Ok(None),
    }
}

pub fn end_session(conn: &mut DbConn, token: &str) -> QueryResult<()> {
    use super::schema::admin_sessions;
    diesel::delete(admin_sessions::table.find(digest(token))).execute(conn).map(|_| ())
}

/// An account as the workspace lists it.
pub struct Account {
    pub user: User,
    pub regions: Vec<i32>,
}

pub fn list_accounts(conn: &mut DbConn) -> QueryResult<Vec<Account>> {
    let users: Vec<User> = users::table.order(users::email).select(User::as_select()).load(conn)?;
    users
        .into_iter()
        .map(|user| {
            let regions = regions_of(conn, user.id)?;
            Ok(Account { user, regions })
        })
        .collect()
}

pub fn find_user(conn: &mut DbConn, id: i32) -> QueryResult<Option<User>> {
    users::table.find(id).select(User::as_select()).first(conn).optional()
}

pub fn email_taken(conn: &mut DbConn, email: &EmailAddress) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(users::table.filter(users::email.eq(email.as_str())))).get_result(conn)
}

/// Changes an account's role, regions and whether it may sign in; a
/// disabled account's signed-in sessions end at once.
pub fn update_account(conn: &mut DbConn, id: i32, role: &str, regions: &[i32], disabled: bool) -> QueryResult<()> {
    use super::schema::admin_sessions;
    diesel::update(users::table.find(id)).set((users::role.eq(role), users::disabled.eq(disabled))).execute(conn)?;
    set_regions(conn, id, regions)?;
    if disabled {
        diesel::delete(admin_sessions::table.filter(admin_sessions::user_id.eq(id))).execute(conn)?;
    }
    Ok(())
}

/// Checks the current password and sets a new one.
pub fn change_password(conn: &mut DbConn, id: i32, current: &str, new: &str) -> anyhow::Result<bool> {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    let Some(user) = find_user(conn, id)? else { return Ok(false) };
    let ok = PasswordHash::new(&user.password_hash)
        .is_ok_and(|h| Argon2::default().verify_password(current.as_bytes(), &h).is_ok());
    if !ok {
        return Ok(false);
    }
    let hash = hash_password(new)?;
    diesel::update(users::table.find(id)).set(users::password_hash.eq(hash)).execute(conn)?;
    Ok(true)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
pub struct TokenRow {
    pub id: i32,
    pub name: String,
    pub created_at: chrono::NaiveDateTime,
    pub revoked_at: Option<chrono::NaiveDateTime>,
}

pub fn list_tokens(conn: &mut DbConn) -> QueryResult<Vec<TokenRow>> {
    api_tokens::table.order(api_tokens::id.desc()).select(TokenRow::as_select()).load(conn)
}

/// Revokes a token; returns its name if it was active.
pub fn revoke_token(conn: &mut DbConn, id: i32) -> QueryResult<Option<String>> {
    diesel::update(api_tokens::table.find(id).filter(api_tokens::revoked_at.is_null()))
        .set(api_tokens::revoked_at.eq(super::now()))
        .returning(api_tokens::name)
        .get_result(conn)
        .optional()
}
