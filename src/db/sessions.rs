//! Sessions in storage: rows with their links, and reads with the
//! eligibility filter that every listing and feed shares. The rules of a
//! change (what a patch may do, when the calendar sequence rises) run in
//! `crate::sessions`.

use super::DbConn;
use super::ids::{SeriesId, SessionId};
use super::models::{NewSession, SessionChanges, SessionRow, VenueRow};
use super::reference::Reference;
use super::schema::{
    country_regions, session_countries, session_quotas, session_regions, session_topics, session_venues, sessions,
};
use crate::domain::fields::{Field, FieldErrors};
use crate::domain::registration::{OpenTo, Window};
use crate::domain::session::{CalendarFacts, SessionFields, SessionFormat, SessionInput, SessionKind, SessionStatus};
use crate::domain::zone::TimeZone;
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;

/// A session with its eligibility and topics.
#[derive(Debug, Clone)]
pub struct Session {
    pub row: SessionRow,
    pub region_ids: Vec<i32>,
    pub countries: Vec<String>,
    pub topic_ids: Vec<i32>,
    /// Places for named countries (ISO alpha-2 → places), over `row.country_quota`.
    pub quotas: BTreeMap<String, i32>,
    /// The room of an in-person or hybrid session, if one was given.
    pub venue: Option<VenueRow>,
}

impl Session {
    pub fn id(&self) -> SessionId {
        self.row.id
    }

    pub fn status(&self) -> SessionStatus {
        self.row.status
    }

    pub fn kind(&self) -> SessionKind {
        self.row.kind
    }

    pub fn format(&self) -> SessionFormat {
        self.row.format
    }

    /// Stored names were parsed on the way in; UTC only if the bundled
    /// database ever dropped a name.
    pub fn zone(&self) -> TimeZone {
        TimeZone::parse(&self.row.time_zone).unwrap_or_else(|_| TimeZone::utc())
    }

    pub fn starts_at(&self) -> DateTime<Utc> {
        self.row.starts_at.and_utc()
    }

    pub fn ends_at(&self) -> DateTime<Utc> {
        self.row.ends_at.and_utc()
    }

    pub fn seats_left(&self) -> Option<i32> {
        self.row.capacity.map(|c| (c - self.row.seats_taken).max(0))
    }

    pub fn questions(&self) -> Vec<crate::domain::questions::Question> {
        serde_json::from_str(&self.row.questions).unwrap_or_default()
    }

    pub fn open_to(&self) -> OpenTo<'_> {
        OpenTo { region_ids: &self.region_ids, countries: &self.countries }
    }

    pub fn open_to_all(&self) -> bool {
        self.open_to().everyone()
    }

    /// Whether participants from this country may register.
    pub fn admits(&self, reference: &Reference, iso2: &str) -> bool {
        self.open_to().admits(iso2, reference.country_regions.get(iso2).map(Vec::as_slice).unwrap_or_default())
    }

    /// The countries whose participants may register, in name order.
    pub fn eligible_countries<'r>(&self, reference: &'r Reference) -> Vec<&'r crate::db::models::Country> {
        reference.countries.iter().filter(|c| self.admits(reference, &c.iso2)).collect()
    }

    /// When it takes registrations.
    pub fn window(&self) -> Window<'_> {
        Window {
            cancelled: self.status() == SessionStatus::Cancelled,
            starts_at: self.row.starts_at,
            opens_at: self.row.registration_opens_at,
            closes_at: self.row.registration_closes_at,
            zone: &self.row.time_zone,
        }
    }

    /// Why it does not take registrations at `now`; None when it does.
    pub fn closed_reason(&self, now: NaiveDateTime) -> Option<crate::domain::message::Message> {
        self.window().closed_reason(now)
    }

    pub fn calendar_facts(&self) -> CalendarFacts<'_> {
        CalendarFacts {
            starts_at: self.starts_at(),
            ends_at: self.ends_at(),
            location: &self.row.location,
            join_url: &self.row.join_url,
            format: self.format(),
            status: self.status(),
        }
    }

    /// The session as fields of a write: local times in its zone, slugs
    /// for its links; what a patch is laid over.
    pub fn fields(&self, reference: &Reference) -> SessionFields {
        let zone = self.zone();
        let local = |t: NaiveDateTime| zone.at(t.and_utc()).local.format("%Y-%m-%dT%H:%M:%S").to_string();
        let instant =
            |t: Option<NaiveDateTime>| t.map(|t| t.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        let r = &self.row;
        let slugs = |ids: &[i32], slug: &dyn Fn(i32) -> Option<String>| ids.iter().filter_map(|id| slug(*id)).collect();
        SessionFields {
            title: Field::Given(r.title.clone()),
            summary: Field::Given(r.summary.clone()),
            description: Field::Given(r.description.clone()),
            kind: Field::Given(r.kind.as_str().into()),
            format: Field::Given(r.format.as_str().into()),
            time_zone: Field::Given(r.time_zone.clone()),
            starts_at: Field::Given(local(r.starts_at)),
            ends_at: Field::Given(local(r.ends_at)),
            capacity: r.capacity.map(i64::from).into(),
            waitlist: Field::Given(r.waitlist),
            regions: Field::Given(slugs(&self.region_ids, &|id| reference.region_by_id(id).map(|r| r.slug.clone()))),
            countries: Field::Given(self.countries.clone()),
            topics: Field::Given(slugs(&self.topic_ids, &|id| reference.topic_by_id(id).map(|t| t.slug.clone()))),
            language: Field::Given(r.language.clone()),
            requires_approval: Field::Given(r.requires_approval),
            registration_opens_at: instant(r.registration_opens_at).into(),
            registration_closes_at: instant(r.registration_closes_at).into(),
            location: Field::Given(r.location.clone()),
            join_url: Field::Given(r.join_url.clone()),
            status: Field::Given(r.status.as_str().into()),
            questions: Field::Given(serde_json::to_value(self.questions()).unwrap_or_default()),
            organising_region: r
                .organising_region_id
                .and_then(|id| reference.region_by_id(id))
                .map(|r| r.slug.clone())
                .into(),
            participation: Field::Given(r.participation.as_str().into()),
            nominations_close_at: instant(r.nominations_close_at).into(),
            quota_release: Field::Given(r.quota_release),
            country_quota: r.country_quota.map(i64::from).into(),
            quotas: Field::Given(self.quotas.iter().map(|(c, p)| (c.clone(), i64::from(*p))).collect()),
            in_person_capacity: self.venue.as_ref().and_then(|v| v.in_person_capacity).map(i64::from).into(),
            venue_name: Field::Given(self.venue.as_ref().map(|v| v.venue_name.clone()).unwrap_or_default()),
            venue_address: Field::Given(self.venue.as_ref().map(|v| v.venue_address.clone()).unwrap_or_default()),
            venue_city: Field::Given(self.venue.as_ref().map(|v| v.venue_city.clone()).unwrap_or_default()),
            interpretation: Field::Given(self.interpretation()),
            unknown: Default::default(),
        }
    }

    /// The venue as people read it.
    pub fn venue(&self) -> crate::domain::session::Venue {
        self.venue
            .as_ref()
            .map(|v| crate::domain::session::Venue {
                name: v.venue_name.clone(),
                address: v.venue_address.clone(),
                city: v.venue_city.clone(),
            })
            .unwrap_or_default()
    }

    /// Whether this registrant comes to the room: everyone of an in-person
    /// session, those of a hybrid one who chose the room.
    pub fn in_room(&self, r: &super::models::Registration) -> bool {
        match self.format() {
            SessionFormat::Online => false,
            SessionFormat::InPerson => true,
            SessionFormat::Hybrid => r.attendance_mode == crate::domain::registration::AttendanceMode::InPerson,
        }
    }

    /// Languages interpreted into.
    pub fn interpretation(&self) -> Vec<String> {
        self.venue
            .as_ref()
            .map(|v| v.interpretation.split(',').filter(|t| !t.is_empty()).map(str::to_string).collect())
            .unwrap_or_default()
    }

    /// A hybrid session's room: seats (None: unlimited) and seats taken.
    pub fn room(&self) -> (Option<i32>, i32) {
        self.venue.as_ref().map(|v| (v.in_person_capacity, v.room_seats_taken)).unwrap_or((None, 0))
    }

    /// The places a country's participants may hold at `now`; None: no
    /// limit (no quota, or quotas released when nominations closed).
    pub fn quota_for(&self, iso2: &str, now: NaiveDateTime) -> Option<i32> {
        let released = self.row.quota_release && self.row.nominations_close_at.is_some_and(|c| c <= now);
        if released {
            return None;
        }
        crate::domain::registration::quota_for(iso2, self.row.country_quota, &self.quotas)
    }

    /// The session's fields as the audit log keeps them.
    pub fn audit_value(&self, reference: &Reference) -> Value {
        serde_json::to_value(self.fields(reference)).unwrap_or_default()
    }
}

pub struct Links {
    organising_region_id: Option<i32>,
    region_ids: Vec<i32>,
    countries: Vec<String>,
    topic_ids: Vec<i32>,
    quotas: Vec<(String, i32)>,
}

impl Links {
    /// The region that organises the session, if one does.
    pub fn organising_region_id(&self) -> Option<i32> {
        self.organising_region_id
    }
}

/// Turns slugs and codes into ids, naming any that do not exist.
fn resolve_links(reference: &Reference, input: &SessionInput) -> Result<Links, FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut unknown = |field: &str, bad: Vec<&String>| {
        if !bad.is_empty() {
            let list = bad.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
            errors.add(field, format!("unknown: {list}"));
        }
    };
    let region_ids = input.regions.iter().filter_map(|s| reference.region(s).map(|r| r.id)).collect();
    unknown("regions", input.regions.iter().filter(|s| reference.region(s).is_none()).collect());
    let countries = input.countries.iter().filter_map(|c| reference.country(c).map(|c| c.iso2.clone())).collect();
    unknown("countries", input.countries.iter().filter(|c| reference.country(c).is_none()).collect());
    let topic_ids = input.topics.iter().filter_map(|s| reference.topic(s).map(|t| t.id)).collect();
    unknown("topics", input.topics.iter().filter(|s| reference.topic(s).is_none()).collect());
    let quotas = input.quotas.iter().map(|(c, p)| (c.clone(), *p)).collect();
    unknown("quotas", input.quotas.keys().filter(|c| reference.country(c).is_none()).collect());
    let organising_region_id = match &input.organising_region {
        Some(slug) => match reference.region(slug) {
            Some(r) => Some(r.id),
            None => {
                errors.add("organising_region", format!("unknown: {slug}"));
                None
            }
        },
        None => None,
    };
    if errors.is_empty() {
        Ok(Links { organising_region_id, region_ids, countries, topic_ids, quotas })
    } else {
        Err(errors)
    }
}

fn changes(input: &SessionInput, sequence: i32, now: NaiveDateTime) -> SessionChanges {
    SessionChanges {
        title: input.title.clone(),
        summary: input.summary.clone(),
        search_text: crate::domain::search::searchable(&input.title, &input.summary),
        description: input.description.clone(),
        kind: input.kind.as_str().to_string(),
        format: input.format.as_str().to_string(),
        time_zone: input.zone.name().to_string(),
        starts_at: input.starts_at.naive_utc(),
        ends_at: input.ends_at.naive_utc(),
        capacity: input.capacity,
        waitlist: input.waitlist,
        language: input.language.clone(),
        requires_approval: input.requires_approval,
        registration_opens_at: input.registration_opens_at.map(|t| t.naive_utc()),
        registration_closes_at: input.registration_closes_at.map(|t| t.naive_utc()),
        location: input.location.clone(),
        join_url: input.join_url.clone(),
        status: input.status.as_str().to_string(),
        sequence,
        updated_at: now,
        questions: serde_json::to_string(&input.questions).unwrap_or_else(|_| "[]".into()),
        country_quota: input.country_quota,
        participation: input.participation.as_str().to_string(),
        nominations_close_at: input.nominations_close_at.map(|t| t.naive_utc()),
        quota_release: input.quota_release,
    }
}

fn write_links(conn: &mut DbConn, id: SessionId, links: &Links) -> QueryResult<()> {
    diesel::update(sessions::table.find(id))
        .set(sessions::organising_region_id.eq(links.organising_region_id))
        .execute(conn)?;
    diesel::delete(session_regions::table.filter(session_regions::session_id.eq(id))).execute(conn)?;
    diesel::delete(session_countries::table.filter(session_countries::session_id.eq(id))).execute(conn)?;
    diesel::delete(session_topics::table.filter(session_topics::session_id.eq(id))).execute(conn)?;
    for r in &links.region_ids {
        diesel::insert_into(session_regions::table)
            .values((session_regions::session_id.eq(id), session_regions::region_id.eq(r)))
            .execute(conn)?;
    }
    for c in &links.countries {
        diesel::insert_into(session_countries::table)
            .values((session_countries::session_id.eq(id), session_countries::country_iso2.eq(c)))
            .execute(conn)?;
    }
    for t in &links.topic_ids {
        diesel::insert_into(session_topics::table)
            .values((session_topics::session_id.eq(id), session_topics::topic_id.eq(t)))
            .execute(conn)?;
    }
    diesel::delete(session_quotas::table.filter(session_quotas::session_id.eq(id))).execute(conn)?;
    for (c, places) in &links.quotas {
        diesel::insert_into(session_quotas::table)
            .values((
                session_quotas::session_id.eq(id),
                session_quotas::country_iso2.eq(c),
                session_quotas::places.eq(places),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Checks a session's regions, countries and topics against the reference
/// data, for callers that insert several in one transaction.
pub fn links(reference: &Reference, input: &SessionInput) -> Result<Links, FieldErrors> {
    resolve_links(reference, input)
}

/// Inserts one session with its links and audit entry, inside the
/// caller's write transaction.
#[allow(clippy::too_many_arguments)]
pub fn insert(
    conn: &mut DbConn,
    reference: &Reference,
    input: &SessionInput,
    links: &Links,
    is_demo: bool,
    series_id: Option<SeriesId>,
    actor: &str,
    now: NaiveDateTime,
) -> QueryResult<SessionId> {
    let row: SessionRow = diesel::insert_into(sessions::table)
        .values(&NewSession { fields: changes(input, 0, now), is_demo, created_at: now })
        .get_result(conn)?;
    write_links(conn, row.id, links)?;
    write_venue(conn, row.id, input)?;
    if series_id.is_some() {
        diesel::update(sessions::table.find(row.id))
            .set((sessions::series_id.eq(series_id), sessions::recurrence_at.eq(row.starts_at)))
            .execute(conn)?;
    }
    let created = find(conn, row.id)?.ok_or(diesel::result::Error::NotFound)?;
    super::audit::record(
        conn,
        actor,
        "session.create",
        Some(row.id),
        None,
        &Value::Null,
        &created.audit_value(reference),
    )?;
    Ok(row.id)
}

/// Writes a session's fields and links, with its calendar sequence.
pub fn apply(conn: &mut DbConn, id: SessionId, input: &SessionInput, links: &Links, sequence: i32) -> QueryResult<()> {
    diesel::update(sessions::table.find(id)).set(&changes(input, sequence, super::now())).execute(conn)?;
    write_links(conn, id, links)?;
    write_venue(conn, id, input)
}

/// The venue row: updated when there is one (its seats taken kept), added
/// when the session has a room or says anything of one.
fn write_venue(conn: &mut DbConn, id: SessionId, input: &SessionInput) -> QueryResult<()> {
    let values = (
        session_venues::in_person_capacity.eq(input.in_person_capacity),
        session_venues::venue_name.eq(&input.venue.name),
        session_venues::venue_address.eq(&input.venue.address),
        session_venues::venue_city.eq(&input.venue.city),
        session_venues::interpretation.eq(input.interpretation.join(",")),
    );
    let updated = diesel::update(session_venues::table.find(id)).set(values.clone()).execute(conn)?;
    let wanted = input.format != crate::domain::session::SessionFormat::Online
        || !input.venue.is_empty()
        || input.in_person_capacity.is_some()
        || !input.interpretation.is_empty();
    if updated == 0 && wanted {
        diesel::insert_into(session_venues::table).values((session_venues::session_id.eq(id), values)).execute(conn)?;
    }
    Ok(())
}

/// Marks a session cancelled; its invites' sequence rises.
pub fn mark_cancelled(conn: &mut DbConn, id: SessionId, sequence: i32) -> QueryResult<()> {
    diesel::update(sessions::table.find(id))
        .set((
            sessions::status.eq(SessionStatus::Cancelled.as_str()),
            sessions::sequence.eq(sequence),
            sessions::updated_at.eq(super::now()),
        ))
        .execute(conn)
        .map(drop)
}

/// How many registrations a session has, in any status.
pub fn registration_count(conn: &mut DbConn, id: SessionId) -> QueryResult<i64> {
    use super::schema::registrations;
    registrations::table.filter(registrations::session_id.eq(id)).count().get_result(conn)
}

/// Deletes a session with its links (callers check it has no registrations).
pub fn delete(conn: &mut DbConn, id: SessionId) -> QueryResult<()> {
    diesel::delete(session_regions::table.filter(session_regions::session_id.eq(id))).execute(conn)?;
    diesel::delete(session_countries::table.filter(session_countries::session_id.eq(id))).execute(conn)?;
    diesel::delete(session_topics::table.filter(session_topics::session_id.eq(id))).execute(conn)?;
    diesel::delete(sessions::table.find(id)).execute(conn).map(drop)
}

/// Takes the write lock for one session before anything in the
/// transaction reads it: a row lock on PostgreSQL (held to commit, across
/// processes; `FOR NO KEY UPDATE`, the lock an UPDATE of the row would
/// take, so rows that merely refer to the session are not held up).
/// Concurrent writers to a session queue up here instead of overselling
/// or failing on a stale snapshot. Returns whether the session exists.
///
/// On SQLite the transaction holds the database's one write lock already:
/// `db::write_transaction` takes it with its first statement, before any
/// read. Rewriting the session's row there only cost time (the whole row,
/// description and search text included, went to the log again).
pub fn lock(conn: &mut DbConn, id: SessionId) -> QueryResult<bool> {
    let found = match conn {
        DbConn::Sqlite(c) => sessions::table.find(id).select(sessions::id).first::<SessionId>(c).optional()?,
        DbConn::Pg(c) => sessions::table.find(id).select(sessions::id).for_no_key_update().first(c).optional()?,
    };
    Ok(found.is_some())
}

/// Locks the session (as [`lock`]) and reads its row in one statement.
pub fn lock_row(conn: &mut DbConn, id: SessionId) -> QueryResult<Option<SessionRow>> {
    match conn {
        DbConn::Sqlite(c) => sessions::table.find(id).select(SessionRow::as_select()).first(c).optional(),
        DbConn::Pg(c) => {
            sessions::table.find(id).select(SessionRow::as_select()).for_no_key_update().first(c).optional()
        }
    }
}

pub fn find(conn: &mut DbConn, id: SessionId) -> QueryResult<Option<Session>> {
    let row = super::native!(conn, |c| sessions::table.find(id).select(SessionRow::as_select()).first(c).optional())?;
    Ok(match row {
        Some(row) => with_links(conn, vec![row])?.pop(),
        None => None,
    })
}

fn with_links(conn: &mut DbConn, rows: Vec<SessionRow>) -> QueryResult<Vec<Session>> {
    let ids: Vec<SessionId> = rows.iter().map(|r| r.id).collect();
    let mut links = LinkRows::default();
    if let [one] = ids.as_slice() {
        // One session (a page, a registration): statements SQLite keeps
        // prepared, where a list of ids is parsed anew each time.
        links.read(conn, Which::One(*one))?;
    } else {
        // SQLite allows a limited number of bound values per statement.
        for chunk in ids.chunks(500) {
            links.read(conn, Which::Ids(chunk))?;
        }
    }
    Ok(links.attach(rows))
}

/// Every session a filter selects, with its links: what a feed rendered
/// whole at start reads. The link tables are read once each over the span
/// of the sessions' ids (two bound values, one statement per table)
/// instead of in chunks of 500 ids (six statements per chunk, none of
/// them cacheable); rows of sessions in the span but not selected are
/// dropped by `attach`.
///
/// The rows are put in order here, not by the database: SQLite would scan
/// the (status, starts_at) index and sort the whole rows in a temporary
/// B-tree, which cost half the read at 10,000 sessions.
pub fn list_all(conn: &mut DbConn, filter: &SessionFilter) -> QueryResult<Vec<Session>> {
    let (q, descending) = narrowed(filter);
    let mut rows: Vec<SessionRow> = q.select(SessionRow::as_select()).load(conn)?;
    rows.sort_unstable_by_key(|r| (r.starts_at, r.id));
    if descending {
        rows.reverse();
    }
    let skip = usize::try_from(filter.offset).unwrap_or(0);
    let take = usize::try_from(filter.limit).unwrap_or(usize::MAX);
    let rows: Vec<SessionRow> = rows.into_iter().skip(skip).take(take).collect();
    let mut links = LinkRows::default();
    if let (Some(low), Some(high)) = (rows.iter().map(|r| r.id).min(), rows.iter().map(|r| r.id).max()) {
        links.read(conn, Which::Span(low, high))?;
    }
    Ok(links.attach(rows))
}

/// The sessions whose links to read: one, these ids, or every id in a span.
#[derive(Clone, Copy)]
enum Which<'a> {
    One(SessionId),
    Ids(&'a [SessionId]),
    Span(SessionId, SessionId),
}

/// `query` narrowed to the sessions `which` names, by its `session_id`.
macro_rules! of_sessions {
    ($query:expr, $column:expr, $which:expr) => {
        match $which {
            Which::One(id) => $query.filter($column.eq(id)),
            Which::Ids(ids) => $query.filter($column.eq_any(ids)),
            Which::Span(low, high) => $query.filter($column.between(low, high)),
        }
    };
}

/// Sessions' rows in the link tables, gathered by session.
#[derive(Default)]
struct LinkRows {
    regions: BTreeMap<SessionId, Vec<i32>>,
    countries: BTreeMap<SessionId, Vec<String>>,
    topics: BTreeMap<SessionId, Vec<i32>>,
    quotas: BTreeMap<SessionId, BTreeMap<String, i32>>,
    venues: BTreeMap<SessionId, VenueRow>,
}

impl LinkRows {
    /// On the backend's own connection (`db::native!`): every page and
    /// every registration reads its session's links.
    fn read(&mut self, conn: &mut DbConn, which: Which) -> QueryResult<()> {
        super::native!(conn, |c| {
            let q =
                session_regions::table.select((session_regions::session_id, session_regions::region_id)).into_boxed();
            for (s, r) in of_sessions!(q, session_regions::session_id, which).load::<(SessionId, i32)>(c)? {
                self.regions.entry(s).or_default().push(r);
            }
            let q = session_countries::table
                .order(session_countries::country_iso2)
                .select((session_countries::session_id, session_countries::country_iso2))
                .into_boxed();
            for (s, ct) in of_sessions!(q, session_countries::session_id, which).load::<(SessionId, String)>(c)? {
                self.countries.entry(s).or_default().push(ct);
            }
            let q = session_topics::table.select((session_topics::session_id, session_topics::topic_id)).into_boxed();
            for (s, t) in of_sessions!(q, session_topics::session_id, which).load::<(SessionId, i32)>(c)? {
                self.topics.entry(s).or_default().push(t);
            }
            let q = session_quotas::table
                .select((session_quotas::session_id, session_quotas::country_iso2, session_quotas::places))
                .into_boxed();
            for (s, ct, p) in of_sessions!(q, session_quotas::session_id, which).load::<(SessionId, String, i32)>(c)? {
                self.quotas.entry(s).or_default().insert(ct, p);
            }
            let q = session_venues::table.select(VenueRow::as_select()).into_boxed();
            for v in of_sessions!(q, session_venues::session_id, which).load::<VenueRow>(c)? {
                self.venues.insert(v.session_id, v);
            }
            Ok(())
        })
    }

    fn attach(mut self, rows: Vec<SessionRow>) -> Vec<Session> {
        rows.into_iter()
            .map(|row| {
                let id = row.id;
                let mut region_ids = self.regions.remove(&id).unwrap_or_default();
                region_ids.sort_unstable();
                let mut topic_ids = self.topics.remove(&id).unwrap_or_default();
                topic_ids.sort_unstable();
                Session {
                    row,
                    region_ids,
                    countries: self.countries.remove(&id).unwrap_or_default(),
                    topic_ids,
                    quotas: self.quotas.remove(&id).unwrap_or_default(),
                    venue: self.venues.remove(&id),
                }
            })
            .collect()
    }
}

/// Which sessions a listing wants.
#[derive(Debug, Clone, Default)]
pub struct SessionFilter {
    pub statuses: Vec<SessionStatus>,
    /// Sessions open to participants of this region (open-to-all included).
    pub region_id: Option<i32>,
    /// Sessions open to participants of this country (open-to-all included).
    pub country: Option<String>,
    pub topic_id: Option<i32>,
    pub series_id: Option<SeriesId>,
    /// Only sessions organised by one of these regions.
    pub organised_by: Option<Vec<i32>>,
    pub format: Option<SessionFormat>,
    /// Sessions that end at or after this instant.
    pub ends_after: Option<NaiveDateTime>,
    /// Sessions that ended before this instant.
    pub ends_before: Option<NaiveDateTime>,
    /// Sessions that start before this instant.
    pub starts_before: Option<NaiveDateTime>,
    pub limit: i64,
    pub offset: i64,
    /// Where a page starts, by key rather than by count: page 5,000 of a
    /// listing then costs what page 1 does.
    pub cursor: Option<Cursor>,
    /// Latest first (held sessions, most recent at the top).
    pub newest_first: bool,
    /// Every one of these LIKE patterns in the title or summary
    /// (`domain::search::patterns`).
    pub words: Vec<String>,
    /// A series as one entry: its first occurrence still to come that goes
    /// ahead (or, when none does, its first cancelled one). Needs `ends_after`.
    pub one_per_series: bool,
    /// Part `k` of `n` (sessions whose id is `k` modulo `n`), so that a
    /// listing read whole can be read over several connections at once.
    pub part: Option<(u16, u16)>,
}

/// A place in a listing's order of (starts_at, id), in the direction the
/// listing reads (latest first when `newest_first`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cursor {
    /// The sessions listed after this one.
    After(NaiveDateTime, SessionId),
    /// The sessions listed before this one, nearest last: `list` returns
    /// them in the listing's order.
    Before(NaiveDateTime, SessionId),
}

/// Sessions restricted to no region and no country. Asked per session
/// (NOT EXISTS on the link tables' keys) rather than against the list of
/// every restricted session, which cost 11 ms a page at 100,000 sessions.
fn open_to_all() -> Box<dyn BoxableExpression<sessions::table, super::MultiBackend, SqlType = diesel::sql_types::Bool>>
{
    use diesel::dsl::{exists, not};
    Box::new(
        not(exists(session_regions::table.filter(session_regions::session_id.eq(sessions::id))))
            .and(not(exists(session_countries::table.filter(session_countries::session_id.eq(sessions::id))))),
    )
}

/// A session outside any series, or the one that stands for its series in
/// a listing of what is still to come (see `SessionFilter::one_per_series`):
/// each EXISTS runs on the series' own occurrences (index `sessions_series`).
fn first_of_series(
    now: NaiveDateTime,
) -> Box<dyn BoxableExpression<sessions::table, super::MultiBackend, SqlType = diesel::sql_types::Bool>> {
    use diesel::dsl::sql;
    use diesel::sql_types::{Bool, Timestamp};
    let published = SessionStatus::Published.as_str();
    let cancelled = SessionStatus::Cancelled.as_str();
    // Before this one in the listing's order.
    const EARLIER: &str =
        " AND (o.starts_at < sessions.starts_at OR (o.starts_at = sessions.starts_at AND o.id < sessions.id))";
    Box::new(
        sql::<Bool>("(sessions.series_id IS NULL OR (sessions.status = '")
            .sql(published)
            .sql("' AND NOT EXISTS (SELECT 1 FROM sessions o WHERE o.series_id = sessions.series_id AND o.status = '")
            .sql(published)
            .sql("' AND o.ends_at >= ")
            .bind::<Timestamp, _>(now)
            .sql(EARLIER)
            .sql(")) OR (sessions.status = '")
            .sql(cancelled)
            .sql("' AND NOT EXISTS (SELECT 1 FROM sessions o WHERE o.series_id = sessions.series_id AND o.status = '")
            .sql(published)
            .sql("' AND o.ends_at >= ")
            .bind::<Timestamp, _>(now)
            .sql(") AND NOT EXISTS (SELECT 1 FROM sessions o WHERE o.series_id = sessions.series_id AND o.status = '")
            .sql(cancelled)
            .sql("' AND o.ends_at >= ")
            .bind::<Timestamp, _>(now)
            .sql(EARLIER)
            .sql(")))"),
    )
}

/// The sessions a filter selects, as a query still to be given its columns.
fn filtered(filter: &SessionFilter) -> sessions::BoxedQuery<'static, super::MultiBackend> {
    let (q, descending) = narrowed(filter);
    let q = if descending {
        q.order((sessions::starts_at.desc(), sessions::id.desc()))
    } else {
        q.order((sessions::starts_at, sessions::id))
    };
    q.limit(filter.limit).offset(filter.offset)
}

/// The conditions of [`filtered`] without its order and page, and whether
/// the order would be descending.
fn narrowed(filter: &SessionFilter) -> (sessions::BoxedQuery<'static, super::MultiBackend>, bool) {
    use diesel::dsl::exists;
    let mut q = sessions::table.into_boxed();
    let statuses: Vec<&str> = filter.statuses.iter().map(|s| s.as_str()).collect();
    q = q.filter(sessions::status.eq_any(statuses));
    // Asked per session with EXISTS on the link tables' keys: a page walks
    // the sessions in order and stops after its rows, where a list of every
    // session of a region (IN) cost 20 ms at 100,000 sessions.
    if let Some(region) = filter.region_id {
        let countries_of_region =
            country_regions::table.filter(country_regions::region_id.eq(region)).select(country_regions::country_iso2);
        q = q.filter(
            exists(
                session_regions::table
                    .filter(session_regions::session_id.eq(sessions::id))
                    .filter(session_regions::region_id.eq(region)),
            )
            .or(exists(
                session_countries::table
                    .filter(session_countries::session_id.eq(sessions::id))
                    .filter(session_countries::country_iso2.eq_any(countries_of_region)),
            ))
            .or(open_to_all()),
        );
    }
    if let Some(country) = &filter.country {
        let regions_of_country = country_regions::table
            .filter(country_regions::country_iso2.eq(country.clone()))
            .select(country_regions::region_id);
        q = q.filter(
            exists(
                session_countries::table
                    .filter(session_countries::session_id.eq(sessions::id))
                    .filter(session_countries::country_iso2.eq(country.clone())),
            )
            .or(exists(
                session_regions::table
                    .filter(session_regions::session_id.eq(sessions::id))
                    .filter(session_regions::region_id.eq_any(regions_of_country)),
            ))
            .or(open_to_all()),
        );
    }
    if let Some(regions) = &filter.organised_by {
        q = q.filter(sessions::organising_region_id.eq_any(regions.clone()));
    }
    if let Some(series) = filter.series_id {
        q = q.filter(sessions::series_id.eq(series));
    }
    if let Some(topic) = filter.topic_id {
        q = q.filter(sessions::id.eq_any(
            session_topics::table.filter(session_topics::topic_id.eq(topic)).select(session_topics::session_id),
        ));
    }
    if let Some(format) = filter.format {
        q = q.filter(sessions::format.eq(format.as_str()));
    }
    for pattern in &filter.words {
        q = q.filter(sessions::search_text.like(pattern.clone()).escape('\\'));
    }
    if let Some((k, n)) = filter.part {
        // Two small numbers of ours, never input: written into the SQL.
        q = q.filter(diesel::dsl::sql::<diesel::sql_types::Bool>(&format!("(sessions.id % {n}) = {k}")));
    }
    if let (true, Some(now)) = (filter.one_per_series, filter.ends_after) {
        q = q.filter(first_of_series(now));
    }
    // The start is bounded once, by the tightest of what the filter and the
    // cursor imply: SQLite's index on starts_at narrows by one range only,
    // and the cursor's must win or a far page walks every session before it.
    let mut lower: Option<NaiveDateTime> = None;
    let mut upper: Option<(NaiveDateTime, bool)> = None; // (instant, inclusive)
    let mut above = |t: NaiveDateTime| lower = Some(lower.map_or(t, |l| l.max(t)));
    let mut below = |t: NaiveDateTime, inclusive: bool| {
        upper = Some(match upper {
            Some((u, i)) if u < t || (u == t && !i) => (u, i),
            _ => (t, inclusive),
        })
    };
    // A bound on the end implies one on the start (sessions last at most
    // LONGEST_DAYS): a page then skips years of past sessions.
    if let Some(t) = filter.ends_after {
        q = q.filter(sessions::ends_at.ge(t));
        above(t - chrono::Duration::days(crate::domain::session::LONGEST_DAYS));
    }
    if let Some(t) = filter.ends_before {
        q = q.filter(sessions::ends_at.lt(t));
        below(t, false);
    }
    if let Some(t) = filter.starts_before {
        below(t, false);
    }
    // Rows are read moving away from the cursor (and a Before page is put
    // back in the listing's order by `list`).
    let (forward, key) = match filter.cursor {
        Some(Cursor::After(t, id)) => (true, Some((t, id))),
        Some(Cursor::Before(t, id)) => (false, Some((t, id))),
        None => (true, None),
    };
    let descending = filter.newest_first == forward;
    if let Some((t, id)) = key {
        if descending {
            below(t, true);
            q = q.filter(sessions::starts_at.lt(t).or(sessions::id.lt(id)));
        } else {
            above(t);
            q = q.filter(sessions::starts_at.gt(t).or(sessions::id.gt(id)));
        }
    }
    if let Some(t) = lower {
        q = q.filter(sessions::starts_at.ge(t));
    }
    q = match upper {
        Some((t, true)) => q.filter(sessions::starts_at.le(t)),
        Some((t, false)) => q.filter(sessions::starts_at.lt(t)),
        None => q,
    };
    (q, descending)
}

pub fn list(conn: &mut DbConn, filter: &SessionFilter) -> QueryResult<Vec<Session>> {
    let mut rows = filtered(filter).select(SessionRow::as_select()).load(conn)?;
    if matches!(filter.cursor, Some(Cursor::Before(..))) {
        rows.reverse();
    }
    with_links(conn, rows)
}

/// Fills `search_text` for sessions written before it existed (run once,
/// by `db::migrate`, when the column is added).
pub fn fill_search_text(conn: &mut DbConn) -> QueryResult<usize> {
    let rows: Vec<(SessionId, String, String)> = sessions::table
        .filter(sessions::search_text.eq(""))
        .select((sessions::id, sessions::title, sessions::summary))
        .load(conn)?;
    for (id, title, summary) in &rows {
        diesel::update(sessions::table.find(*id))
            .set(sessions::search_text.eq(crate::domain::search::searchable(title, summary)))
            .execute(conn)?;
    }
    Ok(rows.len())
}

/// When a session starts, to place a cursor at it.
pub fn starts_at(conn: &mut DbConn, id: SessionId) -> QueryResult<Option<NaiveDateTime>> {
    sessions::table.find(id).select(sessions::starts_at).first(conn).optional()
}

/// What a feed needs to know whether its cached copy of a session is
/// current, without reading the session's text.
#[derive(Debug, Clone, Queryable)]
pub struct SessionStamp {
    pub id: SessionId,
    pub updated_at: NaiveDateTime,
    pub starts_at: NaiveDateTime,
    pub status: String,
}

impl Session {
    /// The session's stamp, from a row already read whole.
    pub fn stamp(&self) -> SessionStamp {
        SessionStamp {
            id: self.row.id,
            updated_at: self.row.updated_at,
            starts_at: self.row.starts_at,
            status: self.row.status.as_str().to_string(),
        }
    }
}

pub fn stamps(conn: &mut DbConn, filter: &SessionFilter) -> QueryResult<Vec<SessionStamp>> {
    filtered(filter).select((sessions::id, sessions::updated_at, sessions::starts_at, sessions::status)).load(conn)
}

/// Sessions by id, in the order given.
pub fn by_ids(conn: &mut DbConn, ids: &[SessionId]) -> QueryResult<Vec<Session>> {
    let mut rows = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        rows.extend(
            sessions::table
                .filter(sessions::id.eq_any(chunk))
                .select(SessionRow::as_select())
                .load::<SessionRow>(conn)?,
        );
    }
    let mut found: BTreeMap<SessionId, Session> = with_links(conn, rows)?.into_iter().map(|s| (s.id(), s)).collect();
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}

pub fn count_all(conn: &mut DbConn) -> QueryResult<i64> {
    sessions::table.count().get_result(conn)
}

/// Sessions to come whose quotas were released when nominations closed:
/// their waiting lists may move up whatever the country.
pub fn quotas_released(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<Vec<SessionId>> {
    sessions::table
        .filter(sessions::quota_release.eq(true))
        .filter(sessions::nominations_close_at.le(now))
        .filter(sessions::starts_at.gt(now))
        .filter(sessions::status.eq(SessionStatus::Published.as_str()))
        .select(sessions::id)
        .load(conn)
}
