//! A participant's erasure and the links that open what spans an address
//! (see `db::privacy`). Erasure anonymises rather than deletes, so figures
//! by country stay right; it frees any seat held through the ordinary
//! cancellation, so the waiting list moves up.

use super::{RegistrationError, random};
use crate::db::ids::RegistrationId;
use crate::db::models::Registration;
use crate::db::notify::{Change, Notifier, NotifyError};
use crate::db::privacy::{self as store, ACCESS_PREFIX};
use crate::db::sessions::Session;
use crate::db::{DbConn, write_transaction};
use crate::domain::secret::Keys;
use crate::mail::Composer;
use chrono::NaiveDateTime;

/// Erases one registration: its seat is freed and its personal data
/// replaced, as for a whole address.
pub fn erase_registration(
    conn: &mut DbConn,
    r: &Registration,
    notifier: &dyn Notifier,
) -> Result<usize, RegistrationError> {
    erase_all(conn, std::slice::from_ref(r), notifier)
}

/// Erases the personal data of every registration of this address, and
/// its access links and address feed. Returns how many registrations were
/// anonymised.
pub fn erase_address(conn: &mut DbConn, email: &str, notifier: &dyn Notifier) -> Result<usize, RegistrationError> {
    let all = store::registrations_of(conn, email)?;
    let n = erase_all(conn, &all, notifier)?;
    write_transaction(conn, |conn| store::forget_address(conn, email))?;
    Ok(n)
}

fn erase_all(conn: &mut DbConn, all: &[Registration], notifier: &dyn Notifier) -> Result<usize, RegistrationError> {
    // Seats first, through the ordinary cancellation (which tells the next
    // in line); the erased person gets no more email.
    for g in all.iter().filter(|g| g.status().is_active()) {
        super::cancel(conn, g.id, &Quiet { except: g.id, inner: notifier })?;
    }
    let ids: Vec<RegistrationId> = all.iter().map(|g| g.id).collect();
    let gone = random("")?;
    Ok(write_transaction(conn, |conn| store::anonymise(conn, &ids, &gone))?)
}

/// Passes every change on, except those about the person being erased.
struct Quiet<'a> {
    except: RegistrationId,
    inner: &'a dyn Notifier,
}

impl Notifier for Quiet<'_> {
    fn notify(&self, conn: &mut DbConn, session: &Session, change: Change<'_>) -> Result<(), NotifyError> {
        match change {
            Change::Withdrawn(r) | Change::Rejected(r) if r.id == self.except => Ok(()),
            other => self.inner.notify(conn, session, other),
        }
    }
}

/// A new access link's secret for this address, or None when one was
/// sent too recently. Call inside the transaction that queues its email.
pub fn create_access_link(
    conn: &mut DbConn,
    email: &str,
    now: chrono::NaiveDateTime,
) -> Result<Option<String>, RegistrationError> {
    let token = random(ACCESS_PREFIX)?;
    Ok(store::create_access_link(conn, email, &token, now)?.then_some(token))
}

/// The secret of this address's feed of all its sessions, made on first use.
pub fn address_feed_token(conn: &mut DbConn, keys: &Keys, email: &str) -> Result<String, RegistrationError> {
    match store::address_feed_nonce(conn, email)? {
        Some(n) => Ok(keys.address_feed_token(&n)),
        None => new_address_feed(conn, keys, email),
    }
}

/// Gives the address feed a new secret; the old link stops working.
pub fn new_address_feed(conn: &mut DbConn, keys: &Keys, email: &str) -> Result<String, RegistrationError> {
    let nonce = random("")?;
    let token = keys.address_feed_token(&nonce);
    store::set_address_feed(conn, email, &nonce, &token)?;
    Ok(token)
}

/// Emails an address the links of its current registrations and an access
/// link to its address-wide pages. Sends nothing when the address has no
/// registration or was sent such an email moments ago; the caller answers
/// the same either way.
pub fn send_address_links(
    conn: &mut DbConn,
    composer: &Composer,
    email: &str,
    now: NaiveDateTime,
) -> Result<(), RegistrationError> {
    let current = crate::db::registrations::current_for_email(conn, email, now)?;
    // The email is filed under (and its subject names) one of the
    // registrations it lists, never under another one: a registration's
    // data copy shows the subjects of its emails, and whoever planted a
    // registration for this address can read that copy.
    let frame = match current.iter().max_by_key(|(_, r)| r.id) {
        Some((s, r)) => (s.clone(), r.clone()),
        None => {
            let Some(latest) = store::registrations_of(conn, email)?.into_iter().max_by_key(|r| r.id) else {
                return Ok(());
            };
            let Some(s) = crate::db::sessions::find(conn, latest.session_id)? else { return Ok(()) };
            (s, latest)
        }
    };
    write_transaction(conn, |conn| {
        let Some(token) = create_access_link(conn, email, now)? else { return Ok(()) };
        Ok(composer.recovery(conn, &current, (&frame.0, &frame.1), &token)?)
    })
}
