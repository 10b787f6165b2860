//! The programme's reports, read for one actor: an admin (or a token of
//! no account) sees every session, an organiser the sessions its regions
//! organise, a focal point its countries' people in the sessions open to
//! them. Sessions count when published (held or to come; drafts and
//! cancelled sessions do not) and start in the period (UTC dates,
//! inclusive); registrations when they stand (confirmed, waiting,
//! awaiting approval, nomination or endorsement).

use crate::db::DbConn;
use crate::db::reference::Reference;
use crate::db::registrations as registration_store;
use crate::db::sessions::{self as session_store, SessionFilter};
use crate::domain::report::{Participation, Period, ReportRegistration, ReportSession, participation};
use crate::domain::scope::{Access, Scope};
use crate::domain::session::SessionStatus;

pub fn participation_for(
    conn: &mut DbConn,
    reference: &Reference,
    access: &Access,
    period: Period,
) -> diesel::QueryResult<Participation> {
    let start = period.from.and_hms_opt(0, 0, 0).unwrap_or_default();
    let end = period.to.succ_opt().unwrap_or(period.to).and_hms_opt(0, 0, 0).unwrap_or_default();
    let filter = SessionFilter {
        statuses: vec![SessionStatus::Published],
        organised_by: match (&access.sessions, access.is_focal_point()) {
            (_, true) | (Scope::All, _) => None,
            (Scope::Regions(ids), false) => Some(ids.clone()),
        },
        ends_after: Some(start),
        starts_before: Some(end),
        limit: 1_000_000,
        ..SessionFilter::default()
    };
    let sessions: Vec<_> = session_store::list(conn, &filter)?
        .into_iter()
        .filter(|s| s.row.starts_at >= start)
        .filter(|s| !access.is_focal_point() || access.countries.iter().any(|c| s.admits(reference, c)))
        .collect();
    let ids: Vec<_> = sessions.iter().map(|s| s.id()).collect();
    let registrations = registration_store::standing_for(conn, &ids)?;
    let sessions: Vec<ReportSession> = sessions
        .iter()
        .map(|s| ReportSession {
            id: s.id().0,
            starts_at: s.row.starts_at,
            topics: s.topic_ids.iter().filter_map(|t| reference.topic_by_id(*t)).map(|t| t.slug.clone()).collect(),
        })
        .collect();
    let registrations: Vec<ReportRegistration> = registrations
        .into_iter()
        .filter(|r| !access.is_focal_point() || access.countries.contains(&r.country_iso2))
        .map(|r| ReportRegistration {
            session_id: r.session_id.0,
            regions: reference
                .country_regions
                .get(&r.country_iso2)
                .map(|ids| ids.iter().filter_map(|id| reference.region_by_id(*id)).map(|g| g.slug.clone()).collect())
                .unwrap_or_default(),
            country: r.country_iso2,
            email: r.email,
            attended: r.attendance.attended(),
        })
        .collect();
    Ok(participation(&period.from.to_string(), &period.to.to_string(), &sessions, &registrations))
}
