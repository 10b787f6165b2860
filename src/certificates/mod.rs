//! Certificates of attendance for a session that has been held: who
//! qualifies gets one (a number of the session's year, a random code, the
//! details as printed), its PDF by email; a correction of the details is a
//! reissue with the same number; a certificate can be revoked. The PDF is
//! made from the stored certificate whenever it is asked for.
//!
//! Issuing is two steps. The first, one transaction under the session's
//! lock, decides who qualifies and writes the certificates. The second
//! makes each PDF outside any transaction (it takes milliseconds; the
//! writer's lock is not held for it) and then queues its email and marks
//! it emailed in one small transaction, so an email is queued if and only
//! if it is marked; a certificate left unmarked by a crash is emailed by
//! the next issue.

use crate::db::audit;
use crate::db::certificates as store;
use crate::db::ids::SessionId;
use crate::db::models::{CertificateRow, Registration};
use crate::db::notify::{Change, Notifier};
use crate::db::reference::Reference;
use crate::db::registrations as registration_store;
use crate::db::sessions::{self as session_store, Session};
use crate::db::{DbConn, write_transaction};
use crate::domain::certificate::{new_code, number_text, qualifies};
use crate::domain::lang::Lang;
use crate::domain::message::Message;
use crate::domain::registration::RegistrationStatus;
use crate::domain::session::{SessionStatus, has_ended};
use crate::domain::slot::SlotView;
use crate::i18n;
use crate::pdf;
use crate::sessions::{Actor, SessionError};
use chrono::Datelike;
use serde::Serialize;

/// Where certificates point and how they are numbered.
#[derive(Debug, Clone)]
pub struct Issuer {
    /// "CBRN": numbers read CBRN-2027-000123.
    pub prefix: String,
    pub base_url: String,
}

/// What an issue did.
#[derive(Debug, Default, Clone, Serialize, utoipa::ToSchema)]
pub struct Issued {
    /// New certificates, each emailed.
    pub issued: usize,
    /// Certificates whose holder's details changed: same number, reissued and emailed again.
    pub reissued: usize,
    /// Certificates that were already issued and are unchanged (or revoked).
    pub unchanged: usize,
    /// Confirmed registrants who do not qualify: not marked attended, or
    /// present for less than the minimum.
    pub not_qualified: usize,
    /// The minimum presence used, in percent of the session's minutes.
    pub min_presence_percent: i32,
}

/// Issues the certificates of a held session to the attendees who qualify.
pub fn issue(
    conn: &mut DbConn,
    reference: &Reference,
    session_id: SessionId,
    min_percent: i32,
    actor: &Actor,
    issuer: &Issuer,
    notifier: &dyn Notifier,
) -> Result<Issued, SessionError> {
    let (session, mut issued) = write_transaction(conn, |conn| decide(conn, session_id, min_percent, actor))?;
    for c in store::unsent(conn, session_id)? {
        let Some(r) = registration_store::find(conn, c.registration_id)? else { continue };
        let bytes = render(&session, &c, &r, reference, issuer)?;
        let file_name = format!("certificate-{}.pdf", number_of(issuer, &c));
        write_transaction(conn, |conn| {
            notifier.notify(
                conn,
                &session,
                Change::Certificate { registration: &r, pdf: &bytes, file_name: &file_name },
            )?;
            store::mark_emailed(conn, c.id, crate::db::now())?;
            Ok::<_, SessionError>(())
        })?;
    }
    issued.min_presence_percent = min_percent;
    Ok(issued)
}

/// Who qualifies, and their certificates written, under the session's lock.
fn decide(
    conn: &mut DbConn,
    session_id: SessionId,
    min_percent: i32,
    actor: &Actor,
) -> Result<(Session, Issued), SessionError> {
    if !session_store::lock(conn, session_id)? {
        return Err(SessionError::NotFound);
    }
    let session = session_store::find(conn, session_id)?.ok_or(SessionError::NotFound)?;
    actor.may_change(session.row.organising_region_id)?;
    if session.status() != SessionStatus::Published || !has_ended(session.ends_at(), chrono::Utc::now()) {
        return Err(SessionError::Conflict(Message::id("cert-not-held")));
    }
    let minutes = (session.ends_at() - session.starts_at()).num_minutes();
    let year = session.starts_at().year();
    let now = crate::db::now();
    let mut out = Issued::default();
    // The session's certificates in one read, not one per registrant.
    let mut held: std::collections::HashMap<_, CertificateRow> =
        store::for_session(conn, session_id)?.into_iter().map(|c| (c.registration_id, c)).collect();
    for r in registration_store::for_session(conn, session_id)? {
        if r.status() != RegistrationStatus::Confirmed {
            continue;
        }
        let earned = qualifies(r.attendance.0, r.attended_minutes, minutes, min_percent);
        match held.remove(&r.id) {
            None if earned => {
                let number = store::next_number(conn, year)?;
                let code = new_code().map_err(|e| SessionError::Internal(anyhow::anyhow!("no randomness: {e}")))?;
                store::insert(
                    conn,
                    &store::NewCertificate {
                        registration_id: r.id,
                        session_id,
                        year,
                        number,
                        code: &code,
                        name: &r.name,
                        organisation: &r.organisation,
                        country_iso2: &r.country_iso2,
                        now,
                    },
                )?;
                out.issued += 1;
            }
            None => out.not_qualified += 1,
            Some(c) if c.revoked_at.is_none() && (c.name != r.name || c.organisation != r.organisation) => {
                store::reissue(conn, c.id, (&r.name, &r.organisation, &r.country_iso2), now)?;
                out.reissued += 1;
            }
            Some(_) => out.unchanged += 1,
        }
    }
    audit::record(
        conn,
        &actor.name,
        "certificates.issue",
        Some(session_id),
        None,
        &serde_json::Value::Null,
        &serde_json::json!({"min_presence_percent": min_percent, "issued": out.issued, "reissued": out.reissued}),
    )?;
    Ok((session, out))
}

/// Revokes a certificate by its code; the verification page then says so.
pub fn revoke(conn: &mut DbConn, code: &str, actor: &Actor) -> Result<CertificateRow, SessionError> {
    write_transaction(conn, |conn| {
        let c = store::by_code(conn, code)?.ok_or(SessionError::NotFound)?;
        let session = session_store::find(conn, c.session_id)?.ok_or(SessionError::NotFound)?;
        actor.may_change(session.row.organising_region_id)?;
        let after = store::revoke(conn, c.id, crate::db::now())?;
        audit::record(
            conn,
            &actor.name,
            "certificate.revoke",
            Some(c.session_id),
            Some(c.registration_id),
            &serde_json::json!({"code": c.code, "revoked_at": c.revoked_at}),
            &serde_json::json!({"code": after.code, "revoked_at": after.revoked_at}),
        )?;
        Ok(after)
    })
}

/// "CBRN-2027-000123".
pub fn number_of(issuer: &Issuer, c: &CertificateRow) -> String {
    number_text(&issuer.prefix, c.year, c.number)
}

/// The verification page's address, which the QR code holds.
pub fn verify_url(issuer: &Issuer, c: &CertificateRow) -> String {
    format!("{}/certificates/{}", issuer.base_url, c.code)
}

/// The certificate's PDF, in the holder's language.
pub fn render(
    session: &Session,
    c: &CertificateRow,
    r: &Registration,
    reference: &Reference,
    issuer: &Issuer,
) -> Result<Vec<u8>, SessionError> {
    pdf::render(&document(session, c, r.lang(), reference, issuer))
        .map_err(|e| SessionError::Internal(anyhow::anyhow!("certificate PDF: {e}")))
}

/// The words of a certificate, in `lang`: who, what, when (in the
/// session's zone), who organised it, and how to check it.
pub fn document(
    session: &Session,
    c: &CertificateRow,
    lang: Lang,
    reference: &Reference,
    issuer: &Issuer,
) -> pdf::Certificate {
    let t = |id: &str| i18n::t(lang, id);
    // The network as an admin named it; the default in its full form.
    let (network, network_custom) = crate::domain::lang::network_name(lang, &reference.settings.network_name);
    let network = if network_custom { network } else { t("cert-network") };
    let zone = session.zone();
    let slot = SlotView::new_in(lang, session.starts_at(), session.ends_at(), &zone, &zone);
    let minutes = (session.ends_at() - session.starts_at()).num_minutes();
    let duration =
        i18n::message(lang, "cert-duration", &[("hours", (minutes / 60).into()), ("minutes", (minutes % 60).into())]);
    let country = reference.country(&c.country_iso2).map(|k| k.name_in(lang)).unwrap_or_else(|| c.country_iso2.clone());
    let from = if c.organisation.is_empty() { country } else { format!("{}{}{country}", c.organisation, lang.comma()) };
    let organisers = session
        .row
        .organising_region_id
        .and_then(|id| reference.region_by_id(id))
        .map(|region| i18n::message(lang, "cert-organised-by", &[("region", region.name_in(lang).into())]))
        .unwrap_or_else(|| match network_custom {
            false => t("cert-organised-by-network"),
            true => i18n::message(lang, "cert-organised-by-custom", &[("network", network.as_str().into())]),
        });
    let day = |at: chrono::NaiveDateTime| lang.long_date(at.date());
    let issued = match c.reissued_at {
        None => i18n::message(lang, "cert-issued", &[("date", day(c.issued_at).into())]),
        Some(again) => {
            i18n::message(lang, "cert-reissued", &[("date", day(c.issued_at).into()), ("again", day(again).into())])
        }
    };
    let took_part = i18n::message(lang, "cert-took-part", &[("kind", session.kind().as_str().into())]);
    pdf::Certificate {
        lang: lang.tag().to_string(),
        rtl: lang.is_rtl(),
        title: format!("{} — {}", t("cert-heading"), session.row.title),
        lines: vec![
            pdf::Line::new(network.clone(), 14.0, false, 0.0),
            pdf::Line::new(t("cert-heading"), 30.0, true, 14.0),
            pdf::Line::new(t("cert-certifies"), 14.0, false, 16.0),
            pdf::Line::new(c.name.clone(), 28.0, true, 8.0),
            pdf::Line::new(from, 14.0, false, 2.0),
            pdf::Line::new(took_part, 14.0, false, 14.0),
            pdf::Line::new(session.row.title.clone(), 20.0, true, 6.0),
            pdf::Line::new(format!("{} · {duration}", slot.long_line()), 12.0, false, 10.0),
            pdf::Line::new(organisers, 12.0, false, 4.0),
        ],
        footer: vec![
            i18n::message(lang, "cert-number", &[("number", number_of(issuer, c).into())]),
            issued,
            i18n::message(lang, "cert-verify", &[("url", verify_url(issuer, c).into())]),
        ],
        qr: verify_url(issuer, c),
    }
}
