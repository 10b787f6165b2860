//! A participant's rights over their data: a copy of everything kept about
//! their email address, and its erasure. A manage link reaches only its own
//! registration (whoever submitted a form may hold it); what spans an
//! address opens only through an access link emailed to that address. Erasure anonymises rather than
//! deletes, so figures by country stay right; it frees any seat held (the
//! waiting list moves up) and scrubs the emails kept in the outbox.

use super::DbConn;
use super::ids::RegistrationId;
use super::models::Registration;
use super::schema::{access_links, address_feeds, outbox, registrations};
use super::sessions as session_store;
use crate::domain::secret::digest;
use diesel::prelude::*;
use serde_json::{Value, json};

fn all_of(conn: &mut DbConn, email: &str) -> QueryResult<Vec<Registration>> {
    registrations::table
        .filter(registrations::email.eq(email))
        .order(registrations::id)
        .select(Registration::as_select())
        .load(conn)
}

/// What is kept about one registration, as its owner downloads it.
fn registration_data(conn: &mut DbConn, g: &Registration) -> QueryResult<Value> {
    let session = session_store::find(conn, g.session_id)?;
    let emails: Vec<(String, String, chrono::NaiveDateTime)> = outbox::table
        .filter(outbox::registration_id.eq(g.id))
        .order(outbox::id)
        .select((outbox::subject, outbox::status, outbox::created_at))
        .load(conn)?;
    Ok(json!({
        "session": session.map(|s| json!({
            "id": s.id(),
            "title": s.row.title,
            "starts_at_utc": s.starts_at().to_rfc3339(),
            "time_zone": s.row.time_zone,
        })),
        "name": g.name,
        "email": g.email,
        "organisation": g.organisation,
        "position": g.position,
        "country": g.country_iso2,
        "time_zone": g.time_zone,
        "language": g.language,
        "status": g.status,
        "answers": serde_json::from_str::<Value>(&g.answers).unwrap_or(Value::Null),
        "attendance": g.attendance_mode.as_str(),
        "interpretation": g.interpretation,
        "gender": g.gender.0.map(|x| x.as_str()),
        "consented_at": g.consented_at.and_utc().to_rfc3339(),
        "registered_at": g.created_at.and_utc().to_rfc3339(),
        "updated_at": g.updated_at.and_utc().to_rfc3339(),
        "emails": emails.iter().map(|(subject, status, at)| json!({"subject": subject, "status": status, "queued_at": at.and_utc().to_rfc3339()})).collect::<Vec<_>>(),
    }))
}

/// What is kept about one registration: what its manage link may show,
/// since whoever submitted the form typed it.
pub fn export_registration(conn: &mut DbConn, r: &Registration) -> QueryResult<Value> {
    Ok(json!({ "email": r.email, "registrations": [registration_data(conn, r)?] }))
}

/// Everything kept about an email address: only for someone who opened a
/// link sent to that address (see [`access_email`]).
pub fn export_address(conn: &mut DbConn, email: &str) -> QueryResult<Value> {
    let items = all_of(conn, email)?.iter().map(|g| registration_data(conn, g)).collect::<QueryResult<Vec<_>>>()?;
    Ok(json!({ "email": email, "registrations": items }))
}

/// Every registration made with this address, oldest first.
pub fn registrations_of(conn: &mut DbConn, email: &str) -> QueryResult<Vec<Registration>> {
    all_of(conn, email)
}

/// Forgets an address's access links and its address feed, at its erasure.
pub fn forget_address(conn: &mut DbConn, email: &str) -> QueryResult<()> {
    diesel::delete(access_links::table.filter(access_links::email.eq(email))).execute(conn)?;
    diesel::delete(address_feeds::table.filter(address_feeds::email.eq(email))).execute(conn)?;
    Ok(())
}

/// How long a link sent to an address opens its address-wide pages.
pub const ACCESS_LINK_MINUTES: i64 = 60;
/// At most one such email per address in this time, so that nobody can
/// flood someone's inbox through the forms that send it.
pub const ACCESS_LINK_EVERY_SECONDS: i64 = 120;
pub const ACCESS_PREFIX: &str = "l_";
pub const ADDRESS_FEED_PREFIX: &str = "p_";

/// Stores `token` as a new access link for this address, unless one was
/// sent too recently (then false). Call inside the transaction that
/// queues its email.
pub fn create_access_link(
    conn: &mut DbConn,
    email: &str,
    token: &str,
    now: chrono::NaiveDateTime,
) -> QueryResult<bool> {
    diesel::delete(access_links::table.filter(access_links::expires_at.lt(now))).execute(conn)?;
    let recent: i64 = access_links::table
        .filter(access_links::email.eq(email))
        .filter(access_links::created_at.gt(now - chrono::Duration::seconds(ACCESS_LINK_EVERY_SECONDS)))
        .count()
        .get_result(conn)?;
    if recent > 0 {
        return Ok(false);
    }
    diesel::insert_into(access_links::table)
        .values((
            access_links::token_hash.eq(digest(token)),
            access_links::email.eq(email),
            access_links::expires_at.eq(now + chrono::Duration::minutes(ACCESS_LINK_MINUTES)),
            access_links::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(true)
}

/// The address an unexpired access link opens, and when it expires.
pub fn access_email(
    conn: &mut DbConn,
    token: &str,
    now: chrono::NaiveDateTime,
) -> QueryResult<Option<(String, chrono::NaiveDateTime)>> {
    if !crate::domain::secret::plausible(token, ACCESS_PREFIX) {
        return Ok(None);
    }
    access_links::table
        .filter(access_links::token_hash.eq(digest(token)))
        .filter(access_links::expires_at.gt(now))
        .select((access_links::email, access_links::expires_at))
        .first(conn)
        .optional()
}

/// The nonce of this address's feed of all its sessions, if it has one.
pub fn address_feed_nonce(conn: &mut DbConn, email: &str) -> QueryResult<Option<String>> {
    address_feeds::table.find(email).select(address_feeds::secret_nonce).first(conn).optional()
}

/// Gives the address feed a new nonce and secret; the old link stops working.
pub fn set_address_feed(conn: &mut DbConn, email: &str, nonce: &str, token: &str) -> QueryResult<()> {
    // Through write_transaction so that cached copies of the old feed go.
    super::write_transaction(conn, |conn| {
        diesel::delete(address_feeds::table.find(email)).execute(conn)?;
        diesel::insert_into(address_feeds::table)
            .values((
                address_feeds::email.eq(email),
                address_feeds::secret_nonce.eq(nonce),
                address_feeds::token_hash.eq(digest(token)),
                address_feeds::created_at.eq(super::now()),
            ))
            .execute(conn)
            .map(drop)
    })
}

/// The registrations of the address holding this address-feed secret.
pub fn by_address_feed(conn: &mut DbConn, token: &str) -> QueryResult<Option<Vec<Registration>>> {
    if !crate::domain::secret::plausible(token, ADDRESS_FEED_PREFIX) {
        return Ok(None);
    }
    let email: Option<String> = address_feeds::table
        .filter(address_feeds::token_hash.eq(digest(token)))
        .select(address_feeds::email)
        .first(conn)
        .optional()?;
    match email {
        Some(e) => all_of(conn, &e).map(Some),
        None => Ok(None),
    }
}

/// Replaces the personal data of these registrations (country, status and
/// dates stay, for the figures), gives them new random secrets so old
/// links stop working, deletes their unsent emails and scrubs sent ones.
/// `gone` is a fresh random secret that the new hashes are made from,
/// forgotten afterwards, so that nothing opens them again.
pub fn anonymise(conn: &mut DbConn, ids: &[RegistrationId], gone: &str) -> QueryResult<usize> {
    for id in ids {
        diesel::update(registrations::table.find(id))
            .set((
                registrations::name.eq("(erased)"),
                registrations::email.eq(format!("erased-{id}@invalid")),
                registrations::organisation.eq(""),
                registrations::position.eq(""),
                registrations::answers.eq("{}"),
                registrations::gender.eq(""),
                registrations::manage_token_hash.eq(digest(&format!("erased-m-{id}-{gone}"))),
                registrations::feed_token_hash.eq(digest(&format!("erased-f-{id}-{gone}"))),
                registrations::updated_at.eq(super::now()),
            ))
            .execute(conn)?;
        // Their feedback link stops working and is never recalled to them.
        diesel::update(super::schema::feedback_requests::table.find(id))
            .set(super::schema::feedback_requests::token_hash.eq(digest(&format!("erased-fb-{id}-{gone}"))))
            .execute(conn)?;
        diesel::update(
            super::schema::feedback_requests::table
                .find(id)
                .filter(super::schema::feedback_requests::reminded_at.is_null()),
        )
        .set(super::schema::feedback_requests::reminded_at.eq(super::now()))
        .execute(conn)?;
        diesel::delete(
            outbox::table.filter(outbox::registration_id.eq(id)).filter(outbox::status.ne(super::outbox::SENT)),
        )
        .execute(conn)?;
        diesel::update(outbox::table.filter(outbox::registration_id.eq(id)))
            .set((
                outbox::recipient_email.eq(format!("erased-{id}@invalid")),
                outbox::recipient_name.eq("(erased)"),
                outbox::body_text.eq(""),
                outbox::body_html.eq(""),
                outbox::ics.eq(""),
                outbox::attachment.eq(None::<Vec<u8>>),
            ))
            .execute(conn)?;
        super::certificates::erase_holder(conn, *id)?;
    }
    Ok(ids.len())
}

/// Registrations whose session ended before `before` and that are not yet
/// anonymised: what the retention purge erases.
pub fn expired(conn: &mut DbConn, before: chrono::NaiveDateTime) -> QueryResult<Vec<RegistrationId>> {
    use super::schema::sessions;
    registrations::table
        .inner_join(sessions::table)
        .filter(sessions::ends_at.lt(before))
        .filter(registrations::name.ne("(erased)"))
        .select(registrations::id)
        .load(conn)
}
