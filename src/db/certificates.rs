//! Certificates of attendance: numbers from a per-year counter that only
//! goes up (so a number is never given twice, even after a revocation or
//! an erasure), the holder's details as printed, revocation and reissue.

use super::DbConn;
use super::ids::{RegistrationId, SessionId};
use super::models::CertificateRow;
use super::schema::{certificate_counters, certificates};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// The next number of `year`. The counter row's update holds its lock (on
/// PostgreSQL the row lock, on SQLite the write lock) until the
/// transaction ends, so two issuers never take the same number.
pub fn next_number(conn: &mut DbConn, year: i32) -> QueryResult<i32> {
    let bump = |conn: &mut DbConn| {
        diesel::update(certificate_counters::table.find(year))
            .set(certificate_counters::last.eq(certificate_counters::last + 1))
            .returning(certificate_counters::last)
            .get_result::<i32>(conn)
            .optional()
    };
    if let Some(n) = bump(conn)? {
        return Ok(n);
    }
    // The year's first: its row is added in a savepoint, so that another
    // issuer adding it at the same moment (a unique violation) leaves this
    // transaction usable, and the bump then waits for that one's lock.
    let _ = conn.transaction(|c| {
        diesel::insert_into(certificate_counters::table)
            .values((certificate_counters::year.eq(year), certificate_counters::last.eq(0)))
            .execute(c)
    });
    bump(conn)?.ok_or(diesel::result::Error::NotFound)
}

/// What a new certificate holds.
pub struct NewCertificate<'a> {
    pub registration_id: RegistrationId,
    pub session_id: SessionId,
    pub year: i32,
    pub number: i32,
    pub code: &'a str,
    pub name: &'a str,
    pub organisation: &'a str,
    pub country_iso2: &'a str,
    pub now: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, c: &NewCertificate) -> QueryResult<CertificateRow> {
    let id = diesel::insert_into(certificates::table)
        .values((
            certificates::registration_id.eq(c.registration_id),
            certificates::session_id.eq(c.session_id),
            certificates::year.eq(c.year),
            certificates::number.eq(c.number),
            certificates::code.eq(c.code),
            certificates::name.eq(c.name),
            certificates::organisation.eq(c.organisation),
            certificates::country_iso2.eq(c.country_iso2),
            certificates::issued_at.eq(c.now),
        ))
        .returning(certificates::id)
        .get_result::<i32>(conn)?;
    find(conn, id)
}

fn find(conn: &mut DbConn, id: i32) -> QueryResult<CertificateRow> {
    certificates::table.find(id).select(CertificateRow::as_select()).get_result(conn)
}

/// A reissue after the holder's details changed: same number and code,
/// the new details, the date of reissue, and a new email to send.
pub fn reissue(
    conn: &mut DbConn,
    id: i32,
    (name, organisation, country_iso2): (&str, &str, &str),
    now: NaiveDateTime,
) -> QueryResult<CertificateRow> {
    diesel::update(certificates::table.find(id))
        .set((
            certificates::name.eq(name),
            certificates::organisation.eq(organisation),
            certificates::country_iso2.eq(country_iso2),
            certificates::reissued_at.eq(Some(now)),
            certificates::emailed_at.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    find(conn, id)
}

pub fn for_session(conn: &mut DbConn, session: SessionId) -> QueryResult<Vec<CertificateRow>> {
    certificates::table
        .filter(certificates::session_id.eq(session))
        .order((certificates::year, certificates::number))
        .select(CertificateRow::as_select())
        .load(conn)
}

pub fn for_registration(conn: &mut DbConn, registration: RegistrationId) -> QueryResult<Option<CertificateRow>> {
    certificates::table
        .filter(certificates::registration_id.eq(registration))
        .select(CertificateRow::as_select())
        .first(conn)
        .optional()
}

pub fn by_code(conn: &mut DbConn, code: &str) -> QueryResult<Option<CertificateRow>> {
    certificates::table.filter(certificates::code.eq(code)).select(CertificateRow::as_select()).first(conn).optional()
}

/// Certificates issued but not yet emailed, of a session.
pub fn unsent(conn: &mut DbConn, session: SessionId) -> QueryResult<Vec<CertificateRow>> {
    certificates::table
        .filter(certificates::session_id.eq(session))
        .filter(certificates::emailed_at.is_null())
        .filter(certificates::revoked_at.is_null())
        .select(CertificateRow::as_select())
        .load(conn)
}

pub fn mark_emailed(conn: &mut DbConn, id: i32, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(certificates::table.find(id)).set(certificates::emailed_at.eq(Some(now))).execute(conn).map(drop)
}

/// Revokes a certificate (once: the first date stays). Returns it.
pub fn revoke(conn: &mut DbConn, id: i32, now: NaiveDateTime) -> QueryResult<CertificateRow> {
    diesel::update(certificates::table.find(id).filter(certificates::revoked_at.is_null()))
        .set(certificates::revoked_at.eq(Some(now)))
        .execute(conn)?;
    find(conn, id)
}

/// The holder's data is erased with their registration: the certificate
/// keeps its number (never reused) but no name, and reads as revoked.
pub fn erase_holder(conn: &mut DbConn, registration: RegistrationId) -> QueryResult<()> {
    let now = super::now();
    diesel::update(certificates::table.filter(certificates::registration_id.eq(registration)))
        .set((certificates::name.eq(""), certificates::organisation.eq(""), certificates::emailed_at.eq(Some(now))))
        .execute(conn)?;
    diesel::update(
        certificates::table
            .filter(certificates::registration_id.eq(registration))
            .filter(certificates::revoked_at.is_null()),
    )
    .set(certificates::revoked_at.eq(Some(now)))
    .execute(conn)
    .map(drop)
}
