//! The programme's reports, read for one actor: an admin (or a token of
//! no account) sees every session, an organiser the sessions its regions
//! organise, a focal point its countries' people in the sessions open to
//! them. Sessions count when published (held or to come; drafts and
//! cancelled sessions do not) and start in the period (UTC dates,
//! inclusive); registrations when they stand (confirmed, waiting,
//! awaiting approval, nomination or endorsement). A [`ReportFilter`]
//! narrows it further: to one region's or country's participants (in the
//! sessions open to them), or to sessions of a topic, kind or format.

use crate::db::DbConn;
use crate::db::reference::Reference;
use crate::db::registrations as registration_store;
use crate::db::sessions::{self as session_store, SessionFilter};
use crate::domain::fields::FieldErrors;
use crate::domain::message::Message;
use crate::domain::report::{Participation, Period, ReportRegistration, ReportSession, participation};
use crate::domain::scope::{Access, Scope};
use crate::domain::session::{SessionFormat, SessionKind, SessionStatus};
use std::collections::HashMap;

/// What a report is narrowed to, besides its period and the actor's scope.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportFilter {
    /// Participants from this region's countries, in sessions open to them.
    pub region: Option<String>,
    /// Participants from this country (ISO2), in sessions open to it.
    pub country: Option<String>,
    /// Sessions of this topic (slug).
    pub topic: Option<String>,
    pub kind: Option<SessionKind>,
    pub format: Option<SessionFormat>,
}

impl ReportFilter {
    /// The query parameters it is read from.
    pub const PARAMETERS: [&'static str; 5] = ["region", "country", "topic", "kind", "format"];

    /// Reads the filters of a query (an empty value is no filter), each
    /// checked against the reference data, every bad one named at once.
    pub fn read(query: &HashMap<String, String>, reference: &Reference) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let given = |name: &str| query.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
        let one_of = |choices: Vec<&str>| Message::new("err-one-of", vec![("choices", choices.join(", ").into())]);
        let region = given("region").map(str::to_ascii_lowercase);
        if region.as_deref().is_some_and(|r| reference.region(r).is_none()) {
            errors.add("region", one_of(reference.regions.iter().map(|g| g.slug.as_str()).collect()));
        }
        let country = given("country").map(str::to_ascii_uppercase);
        if country.as_deref().is_some_and(|c| reference.country(c).is_none()) {
            errors.add("country", Message::id("err-country-unknown"));
        }
        let topic = given("topic").map(str::to_ascii_lowercase);
        if topic.as_deref().is_some_and(|t| reference.topic(t).is_none()) {
            errors.add("topic", one_of(reference.topics.iter().map(|t| t.slug.as_str()).collect()));
        }
        let word = |choices: String| Message::new("err-one-of", vec![("choices", choices.into())]);
        let kind = given("kind")
            .map(|k| SessionKind::parse(k).ok_or_else(|| errors.add("kind", word(SessionKind::choices()))));
        let format = given("format")
            .map(|f| SessionFormat::parse(f).ok_or_else(|| errors.add("format", word(SessionFormat::choices()))));
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ReportFilter {
            region,
            country,
            topic,
            kind: kind.and_then(Result::ok),
            format: format.and_then(Result::ok),
        })
    }

    /// The filters set, as query pairs: links and downloads keep them.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let words = [
            self.region.clone(),
            self.country.clone(),
            self.topic.clone(),
            self.kind.map(|k| k.as_str().to_string()),
            self.format.map(|f| f.as_str().to_string()),
        ];
        Self::PARAMETERS.into_iter().zip(words).filter_map(|(name, v)| v.map(|v| (name, v))).collect()
    }

    /// Whether a participant from `iso2` is one the filter keeps.
    fn keeps_country(&self, reference: &Reference, iso2: &str) -> bool {
        let in_region = |slug: &str| {
            reference
                .region(slug)
                .is_some_and(|g| reference.country_regions.get(iso2).is_some_and(|r| r.contains(&g.id)))
        };
        self.country.as_deref().is_none_or(|c| c == iso2) && self.region.as_deref().is_none_or(in_region)
    }
}

pub fn participation_for(
    conn: &mut DbConn,
    reference: &Reference,
    access: &Access,
    period: Period,
    only: &ReportFilter,
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
        region_id: only.region.as_deref().and_then(|r| reference.region(r)).map(|g| g.id),
        country: only.country.clone(),
        topic_id: only.topic.as_deref().and_then(|t| reference.topic(t)).map(|t| t.id),
        format: only.format,
        limit: 1_000_000,
        ..SessionFilter::default()
    };
    let sessions: Vec<_> = session_store::list(conn, &filter)?
        .into_iter()
        .filter(|s| s.row.starts_at >= start)
        .filter(|s| only.kind.is_none_or(|k| s.kind() == k))
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
        .filter(|r| only.keeps_country(reference, &r.country_iso2))
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
            gender: r.gender.0,
        })
        .collect();
    let (from, to) = (period.from.to_string(), period.to.to_string());
    Ok(participation(&from, &to, &sessions, &registrations, reference.settings.ask_gender))
}
