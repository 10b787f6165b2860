//! Organiser accounts and API tokens. Passwords are argon2id hashes; tokens
//! are shown once and stored as digests (see `domain::secret`).

use super::DbConn;
use super::ids::{AccountId, TokenId};
use super::schema::{api_tokens, server_secrets, users};
use crate::domain::email::EmailAddress;
use crate::domain::scope::{Access, Role};
use crate::domain::secret::{Keys, digest, new_secret};
use anyhow::Context;
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, SaltString};
use diesel::prelude::*;

pub const ROLE_ADMIN: &str = "admin";
pub const ROLE_ORGANISER: &str = "organiser";
pub const ROLE_FOCAL_POINT: &str = "focal-point";

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
    upsert_user(conn, email, password, ROLE_ADMIN, &[], &[])
}

/// Creates an account, or sets the password, role and regions of an
/// existing one. Returns whether it was created.
pub fn upsert_user(
    conn: &mut DbConn,
    email: &EmailAddress,
    password: &str,
    role: &str,
    regions: &[i32],
    countries: &[String],
) -> anyhow::Result<bool> {
    let hash = hash_password(password)?;
    // Through the writer on SQLite, as every write: a transaction of its
    // own that read first would fail at once ("database is locked") if
    // the writer committed before its first write.
    super::write_transaction(conn, |conn| {
        let existing: Option<AccountId> =
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
        set_countries(conn, id, countries)?;
        // A reset is also how an admin is let back in after a lockout.
        clear_attempts(conn, &login_key(email.as_str()), None)?;
        Ok::<_, diesel::result::Error>(existing.is_none())
    })
    .context("cannot save the account")
}

/// Replaces the regions an account is scoped to.
pub fn set_regions(conn: &mut DbConn, user_id: AccountId, regions: &[i32]) -> QueryResult<()> {
    use super::schema::user_regions;
    diesel::delete(user_regions::table.filter(user_regions::user_id.eq(user_id))).execute(conn)?;
    for r in regions {
        diesel::insert_into(user_regions::table)
            .values((user_regions::user_id.eq(user_id), user_regions::region_id.eq(r)))
            .execute(conn)?;
    }
    Ok(())
}

/// Replaces the countries a focal-point account speaks for.
pub fn set_countries(conn: &mut DbConn, user_id: AccountId, countries: &[String]) -> QueryResult<()> {
    use super::schema::user_countries;
    diesel::delete(user_countries::table.filter(user_countries::user_id.eq(user_id))).execute(conn)?;
    for c in countries {
        diesel::insert_into(user_countries::table)
            .values((user_countries::user_id.eq(user_id), user_countries::country_iso2.eq(c)))
            .execute(conn)?;
    }
    Ok(())
}

/// The countries a focal-point account speaks for.
pub fn countries_of(conn: &mut DbConn, user_id: AccountId) -> QueryResult<Vec<String>> {
    use super::schema::user_countries;
    user_countries::table
        .filter(user_countries::user_id.eq(user_id))
        .order(user_countries::country_iso2)
        .select(user_countries::country_iso2)
        .load(conn)
}

/// What an account may reach: its role with its regions or countries.
/// None for an account whose stored role this code does not know.
pub fn access_of(conn: &mut DbConn, user: &User) -> QueryResult<Option<Access>> {
    let Some(role) = Role::parse(&user.role) else { return Ok(None) };
    Ok(Some(Access::of(role, regions_of(conn, user.id)?, countries_of(conn, user.id)?)))
}

/// Creates an API token and returns the secret, which is not stored. A
/// token of an account acts with its role and scope; one of none has full
/// access.
pub fn create_token(conn: &mut DbConn, name: &str, account: Option<AccountId>) -> anyhow::Result<String> {
    let token = new_secret("cvn_").map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::name.eq(name),
            api_tokens::token_hash.eq(digest(&token)),
            api_tokens::created_at.eq(super::now()),
            api_tokens::user_id.eq(account),
        ))
        .execute(conn)
        .context("cannot save the token")?;
    Ok(token)
}

/// Who a live token acts for.
#[derive(Debug, Clone)]
pub struct TokenActor {
    pub name: String,
    /// The account's email, for a token that belongs to one.
    pub account: Option<String>,
    pub access: Access,
}

/// The live token with this secret and what it may reach. None when there
/// is no such token, it was revoked, or its account is disabled (or has a
/// role this code does not know).
pub fn token_actor(conn: &mut DbConn, token: &str) -> QueryResult<Option<TokenActor>> {
    let found: Option<(String, Option<AccountId>)> = api_tokens::table
        .filter(api_tokens::token_hash.eq(digest(token)))
        .filter(api_tokens::revoked_at.is_null())
        .select((api_tokens::name, api_tokens::user_id))
        .first(conn)
        .optional()?;
    let Some((name, account)) = found else { return Ok(None) };
    let Some(account) = account else { return Ok(Some(TokenActor { name, account: None, access: Access::full() })) };
    let Some(user) = find_user(conn, account)?.filter(|u| !u.disabled) else { return Ok(None) };
    Ok(access_of(conn, &user)?.map(|access| TokenActor { name, account: Some(user.email), access }))
}

/// The emails of the enabled focal-point accounts that speak for a country.
pub fn focal_points_of(conn: &mut DbConn, iso2: &str) -> QueryResult<Vec<String>> {
    use super::schema::user_countries;
    users::table
        .inner_join(user_countries::table)
        .filter(user_countries::country_iso2.eq(iso2))
        .filter(users::role.eq(ROLE_FOCAL_POINT))
        .filter(users::disabled.eq(false))
        .select(users::email)
        .order(users::email)
        .load(conn)
}

/// The enabled focal-point accounts by country: ISO2 → their emails.
pub fn focal_points_by_country(conn: &mut DbConn) -> QueryResult<std::collections::BTreeMap<String, Vec<String>>> {
    use super::schema::user_countries;
    let pairs: Vec<(String, String)> = users::table
        .inner_join(user_countries::table)
        .filter(users::role.eq(ROLE_FOCAL_POINT))
        .filter(users::disabled.eq(false))
        .select((user_countries::country_iso2, users::email))
        .order((user_countries::country_iso2, users::email))
        .load(conn)?;
    let mut by_country = std::collections::BTreeMap::<String, Vec<String>>::new();
    for (iso2, email) in pairs {
        by_country.entry(iso2).or_default().push(email);
    }
    Ok(by_country)
}

/// An account by its email address.
pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<User>> {
    users::table.filter(users::email.eq(email)).select(User::as_select()).first(conn).optional()
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
    pub id: AccountId,
    pub email: String,
    pub password_hash: String,
    pub role: String,
    pub failed_logins: i32,
    pub locked_until: Option<chrono::NaiveDateTime>,
    pub disabled: bool,
}

/// The regions an organiser account is scoped to.
pub fn regions_of(conn: &mut DbConn, user_id: AccountId) -> QueryResult<Vec<i32>> {
    use super::schema::user_regions;
    user_regions::table
        .filter(user_regions::user_id.eq(user_id))
        .order(user_regions::region_id)
        .select(user_regions::region_id)
        .load(conn)
}

/// Sign-in attempts allowed per submitted address and client (an IPv4
/// address or an IPv6 /64) in `LOCK_MINUTES`; the last failure of them
/// locks that client out for the rest of the window.
pub const MAX_FAILED_LOGINS: i32 = 5;
pub const LOCK_MINUTES: i64 = 15;
/// Attempts allowed per address from all clients together in
/// `ADDRESS_WINDOW_HOURS`, against guessing spread over many clients. A
/// browser that has signed in to the account before (it holds the signed
/// device cookie) is exempt, so an attacker cannot lock the account's owner
/// out this way; `convene admin create` for the address clears both counts.
pub const MAX_ADDRESS_LOGINS: i32 = 100;
pub const ADDRESS_WINDOW_HOURS: i64 = 24;
/// A signed-in organiser is signed out after this long without a request,
pub const IDLE_HOURS: i64 = 8;
/// and after this long in any case (a stolen cookie does not live forever).
pub const ABSOLUTE_HOURS: i64 = 12;
pub const SESSION_PREFIX: &str = "a_";

#[derive(Debug, PartialEq, Eq)]
pub enum LoginError {
    /// Wrong email or password: deliberately one answer for both.
    Refused,
    /// Too many attempts: the client waits. The same for an address that
    /// has no account, so the answer tells nobody which addresses are real.
    Locked,
}

/// What the throttle counts an address under (a digest: the table must not
/// collect the addresses people typed).
pub fn login_key(email: &str) -> String {
    digest(&format!("login:{}", email.trim().to_lowercase()))
}

/// Counts one attempt for this address and client in the current window
/// and returns how many there have been, atomically: parallel attempts
/// each get their own number, so no more than the limit are ever checked.
fn count_attempt(
    conn: &mut DbConn,
    address: &str,
    client: &str,
    window: chrono::Duration,
    now: chrono::NaiveDateTime,
) -> QueryResult<i32> {
    use super::schema::login_throttle as t;
    use diesel::result::{DatabaseErrorKind, Error};
    super::write_transaction(conn, |conn| {
        let key = t::table.find((address, client));
        diesel::update(key.filter(t::window_start.le(now - window)))
            .set((t::attempts.eq(0), t::window_start.eq(now)))
            .execute(conn)?;
        let bump = |conn: &mut DbConn| {
            diesel::update(key).set(t::attempts.eq(t::attempts + 1)).returning(t::attempts).get_result::<i32>(conn)
        };
        if let Some(n) = bump(conn).optional()? {
            return Ok(n);
        }
        // The first attempt of a window; a parallel one may insert the row
        // first (PostgreSQL then refuses ours), and this one counts after it.
        let inserted = conn.transaction(|conn| {
            diesel::insert_into(t::table)
                .values((t::address_hash.eq(address), t::client.eq(client), t::attempts.eq(1), t::window_start.eq(now)))
                .execute(conn)
        });
        match inserted {
            Ok(_) => Ok(1),
            Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => bump(conn),
            Err(e) => Err(e),
        }
    })
}

/// Forgets the counts of an address: after a successful sign-in (this
/// client's), or when an admin resets the account (all of them).
fn clear_attempts(conn: &mut DbConn, address: &str, client: Option<&str>) -> QueryResult<()> {
    use super::schema::login_throttle as t;
    let rows = t::table.filter(t::address_hash.eq(address));
    match client {
        Some(c) => diesel::delete(rows.filter(t::client.eq(c))).execute(conn)?,
        None => diesel::delete(rows).execute(conn)?,
    };
    Ok(())
}

/// Drops counts whose windows ended long ago (run with the daily purge).
pub fn prune_login_throttle(conn: &mut DbConn, now: chrono::NaiveDateTime) -> QueryResult<usize> {
    use super::schema::login_throttle as t;
    diesel::delete(t::table.filter(t::window_start.lt(now - chrono::Duration::hours(2 * ADDRESS_WINDOW_HOURS))))
        .execute(conn)
}

/// Who is trying to sign in: the client's key (see `web::ratelimit::client_key`)
/// and whether this browser has signed in to the address before.
pub struct Client<'a> {
    pub key: &'a str,
    pub known_device: bool,
}

/// Checks a password. Attempts are counted before any hashing, per
/// submitted address whether or not an account has it, so that answers and
/// their timing are the same for real and unknown addresses; an unknown
/// address costs the same hashing time as a known one.
pub fn verify_login(
    conn: &mut DbConn,
    email: &str,
    password: &str,
    client: &Client<'_>,
    now: chrono::NaiveDateTime,
) -> anyhow::Result<Result<User, LoginError>> {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    let address = login_key(email);
    let tries = count_attempt(conn, &address, client.key, chrono::Duration::minutes(LOCK_MINUTES), now)?;
    if tries > MAX_FAILED_LOGINS {
        return Ok(Err(LoginError::Locked));
    }
    if !client.known_device {
        let all = count_attempt(conn, &address, "*", chrono::Duration::hours(ADDRESS_WINDOW_HOURS), now)?;
        if all > MAX_ADDRESS_LOGINS {
            return Ok(Err(LoginError::Locked));
        }
    }
    let email = email.trim().to_lowercase();
    let user: Option<User> =
        users::table.filter(users::email.eq(&email)).select(User::as_select()).first(conn).optional()?;
    let ok = match &user {
        Some(u) => PasswordHash::new(&u.password_hash)
            .is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok()),
        None => {
            // Spend the time a real check takes.
            let _ = hash_password(password);
            false
        }
    };
    match user.filter(|u| ok && !u.disabled) {
        Some(user) => {
            clear_attempts(conn, &address, Some(client.key))?;
            Ok(Ok(user))
        }
        None if tries >= MAX_FAILED_LOGINS => Ok(Err(LoginError::Locked)),
        None => Ok(Err(LoginError::Refused)),
    }
}

/// Starts a signed-in session and returns the cookie's secret.
pub fn start_session(conn: &mut DbConn, user_id: AccountId) -> anyhow::Result<String> {
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
    let found: Option<(chrono::NaiveDateTime, chrono::NaiveDateTime, User)> = admin_sessions::table
        .inner_join(users::table)
        .filter(admin_sessions::token_hash.eq(&hash))
        .select((admin_sessions::created_at, admin_sessions::last_seen_at, User::as_select()))
        .first(conn)
        .optional()?;
    match found {
        Some((started, seen, user))
            if now - seen < chrono::Duration::hours(IDLE_HOURS)
                && now - started < chrono::Duration::hours(ABSOLUTE_HOURS)
                && !user.disabled =>
        {
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
    pub countries: Vec<String>,
}

pub fn list_accounts(conn: &mut DbConn) -> QueryResult<Vec<Account>> {
    let users: Vec<User> = users::table.order(users::email).select(User::as_select()).load(conn)?;
    users
        .into_iter()
        .map(|user| {
            let regions = regions_of(conn, user.id)?;
            let countries = countries_of(conn, user.id)?;
            Ok(Account { user, regions, countries })
        })
        .collect()
}

pub fn find_user(conn: &mut DbConn, id: AccountId) -> QueryResult<Option<User>> {
    users::table.find(id).select(User::as_select()).first(conn).optional()
}

pub fn email_taken(conn: &mut DbConn, email: &EmailAddress) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(users::table.filter(users::email.eq(email.as_str())))).get_result(conn)
}

/// Changes an account's role, regions and whether it may sign in; a
/// disabled account's signed-in sessions end at once.
pub fn update_account(
    conn: &mut DbConn,
    id: AccountId,
    role: &str,
    regions: &[i32],
    countries: &[String],
    disabled: bool,
) -> QueryResult<()> {
    use super::schema::admin_sessions;
    diesel::update(users::table.find(id)).set((users::role.eq(role), users::disabled.eq(disabled))).execute(conn)?;
    set_regions(conn, id, regions)?;
    set_countries(conn, id, countries)?;
    if disabled {
        diesel::delete(admin_sessions::table.filter(admin_sessions::user_id.eq(id))).execute(conn)?;
    }
    Ok(())
}

/// Checks the current password and sets a new one; every signed-in
/// session of the account ends except the one with the secret `keep`
/// (whoever changed it), so a stolen session dies with the old password.
pub fn change_password(conn: &mut DbConn, id: AccountId, current: &str, new: &str, keep: &str) -> anyhow::Result<bool> {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    let Some(user) = find_user(conn, id)? else { return Ok(false) };
    let ok = PasswordHash::new(&user.password_hash)
        .is_ok_and(|h| Argon2::default().verify_password(current.as_bytes(), &h).is_ok());
    if !ok {
        return Ok(false);
    }
    let hash = hash_password(new)?;
    use super::schema::admin_sessions;
    super::write_transaction(conn, |conn| {
        diesel::update(users::table.find(id)).set(users::password_hash.eq(hash)).execute(conn)?;
        diesel::delete(
            admin_sessions::table
                .filter(admin_sessions::user_id.eq(id))
                .filter(admin_sessions::token_hash.ne(digest(keep))),
        )
        .execute(conn)
    })?;
    Ok(true)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
pub struct TokenRow {
    pub id: TokenId,
    pub name: String,
    pub created_at: chrono::NaiveDateTime,
    pub revoked_at: Option<chrono::NaiveDateTime>,
}

pub fn list_tokens(conn: &mut DbConn) -> QueryResult<Vec<TokenRow>> {
    api_tokens::table.order(api_tokens::id.desc()).select(TokenRow::as_select()).load(conn)
}

/// Revokes a token; returns its name if it was active.
pub fn revoke_token(conn: &mut DbConn, id: TokenId) -> QueryResult<Option<String>> {
    diesel::update(api_tokens::table.find(id).filter(api_tokens::revoked_at.is_null()))
        .set(api_tokens::revoked_at.eq(super::now()))
        .returning(api_tokens::name)
        .get_result(conn)
        .optional()
}
