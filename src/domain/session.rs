//! What a session is, as organisers describe it: parsed from a JSON object
//! (API) into [`SessionInput`], whose times are already resolved to UTC.

use super::fields::{FieldErrors, FieldReader, TextRule};
use super::questions::{Question, parse_questions};
use super::zone::{TimeZone, parse_local};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde_json::{Map, Value};

macro_rules! text_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }

            pub fn choices() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

text_enum!(
    /// What kind of gathering a session is.
    SessionKind { Webinar = "webinar", Training = "training", Meeting = "meeting", Exercise = "exercise" }
);
text_enum!(
    /// Where people take part.
    SessionFormat { Online = "online", InPerson = "in_person", Hybrid = "hybrid" }
);
text_enum!(
    /// Only published sessions are public; cancelled ones stay visible as cancelled.
    SessionStatus { Draft = "draft", Published = "published", Cancelled = "cancelled" }
);

impl SessionKind {
    /// Words for people, in their language.
    pub fn label_in(self, lang: super::lang::Lang) -> String {
        crate::i18n::t(lang, &format!("kind-{}", self.as_str()))
    }
}

impl SessionFormat {
    /// Words for people, in their language.
    pub fn label_in(self, lang: super::lang::Lang) -> String {
        crate::i18n::t(lang, &format!("format-{}", self.as_str()))
    }
}

pub const FIELDS: &[&str] = &[
    "title",
    "summary",
    "description",
    "kind",
    "format",
    "time_zone",
    "starts_at",
    "ends_at",
    "capacity",
    "waitlist",
    "regions",
    "countries",
    "topics",
    "language",
    "requires_approval",
    "registration_opens_at",
    "registration_closes_at",
    "location",
    "join_url",
    "status",
    "questions",
    "organising_region",
];

pub const MAX_CAPACITY: i64 = 100_000;
const ONE_LINE: TextRule = TextRule { required: false, max_chars: 300, multiline: false };

/// A session as an organiser described it, checked field by field.
#[derive(Debug, Clone)]
pub struct SessionInput {
    pub title: String,
    pub summary: String,
    pub description: String,
    pub kind: SessionKind,
    pub format: SessionFormat,
    pub zone: TimeZone,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: Option<i32>,
    pub waitlist: bool,
    pub regions: Vec<String>,
    pub countries: Vec<String>,
    pub topics: Vec<String>,
    pub language: String,
    pub requires_approval: bool,
    pub registration_opens_at: Option<DateTime<Utc>>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub location: String,
    pub join_url: String,
    pub status: SessionStatus,
    pub questions: Vec<Question>,
    /// Slug of the region that organises the session: its organisers may
    /// edit it. None: only admins may.
    pub organising_region: Option<String>,
    /// Things the organiser should know, e.g. a fall-back time that was resolved.
    pub notes: Vec<String>,
}

impl SessionInput {
    /// Parses a whole session description. `allow_cancelled` is false for
    /// writes: cancelling has its own call, because it notifies people.
    pub fn parse(object: &Map<String, Value>, allow_cancelled: bool) -> Result<Self, FieldErrors> {
        let mut r = FieldReader::new(object, FIELDS);
        let title = r.text("title", TextRule { required: true, max_chars: 200, multiline: false });
        let summary = r.text("summary", TextRule { required: false, max_chars: 500, multiline: true });
        let description = r.text("description", TextRule { required: false, max_chars: 20_000, multiline: true });
        let kind = parse_enum(&mut r, "kind", SessionKind::parse, SessionKind::choices, Some(SessionKind::Webinar));
        let format =
            parse_enum(&mut r, "format", SessionFormat::parse, SessionFormat::choices, Some(SessionFormat::Online));
        let status =
            parse_enum(&mut r, "status", SessionStatus::parse, SessionStatus::choices, Some(SessionStatus::Draft));
        if status == Some(SessionStatus::Cancelled) && !allow_cancelled {
            r.errors.add("status", "must be draft or published; cancel a session with its cancel action");
        }
        let zone = match r.raw_str("time_zone", true).map(TimeZone::parse) {
            Some(Ok(z)) => Some(z),
            Some(Err(e)) => {
                r.errors.add("time_zone", e);
                None
            }
            None => None,
        };
        let starts_local = local_field(&mut r, "starts_at", true);
        let ends_local = local_field(&mut r, "ends_at", true);
        let capacity = r.opt_int("capacity", 0..=MAX_CAPACITY);
        let waitlist = r.bool("waitlist", false);
        let regions = r.codes("regions", 20);
        let organising_region =
            r.text("organising_region", TextRule { required: false, max_chars: 64, multiline: false });
        let organising_region = (!organising_region.is_empty()).then_some(organising_region);
        let countries: Vec<String> = r.codes("countries", 300).into_iter().map(|c| c.to_ascii_uppercase()).collect();
        let topics = r.codes("topics", 30);
        let language = r.text("language", TextRule { required: false, max_chars: 16, multiline: false });
        let language = if language.is_empty() { "en".to_string() } else { language };
        if !language.split('-').all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric())) {
            r.errors.add("language", "must be a language tag such as en, fr or pt-BR");
        }
        let requires_approval = r.bool("requires_approval", false);
        let opens = r.raw_str("registration_opens_at", false);
        let closes = r.raw_str("registration_closes_at", false);
        let location = r.text("location", ONE_LINE);
        let join_url = r.text("join_url", TextRule { required: false, max_chars: 2000, multiline: false });
        if !(join_url.is_empty() || join_url.starts_with("https://") || join_url.starts_with("http://")) {
            r.errors.add("join_url", "must be an http or https address");
        }

        let mut notes = Vec::new();
        let mut errors = r.errors;
        let questions = parse_questions(object.get("questions"), &mut errors);
        let mut resolve = |field: &str, local: Option<NaiveDateTime>, zone: &TimeZone| {
            local.and_then(|l| match zone.resolve(l) {
                Ok(res) => {
                    notes.extend(res.fold.clone());
                    Some(res.utc)
                }
                Err(e) => {
                    errors.add(field, e);
                    None
                }
            })
        };
        let (starts_at, ends_at, opens_at, closes_at) = match &zone {
            Some(z) => {
                let s = resolve("starts_at", starts_local, z);
                let e = resolve("ends_at", ends_local, z);
                let o = opens.and_then(|t| instant_field(&mut errors, "registration_opens_at", t, z, &mut notes));
                let c = closes.and_then(|t| instant_field(&mut errors, "registration_closes_at", t, z, &mut notes));
                (s, e, o, c)
            }
            None => (None, None, None, None),
        };
        if let (Some(s), Some(e)) = (starts_at, ends_at) {
            if e <= s {
                errors.add("ends_at", "must be after starts_at");
            } else if e - s > chrono::Duration::days(31) {
                errors.add("ends_at", "must be within 31 days of starts_at");
            }
        }
        if let (Some(o), Some(c)) = (opens_at, closes_at)
            && c <= o
        {
            errors.add("registration_closes_at", "must be after registration_opens_at");
        }
        match (kind, format, status, zone, starts_at, ends_at) {
            (Some(kind), Some(format), Some(status), Some(zone), Some(starts_at), Some(ends_at))
                if errors.is_empty() =>
            {
                Ok(SessionInput {
                    title,
                    summary,
                    description,
                    kind,
                    format,
                    zone,
                    starts_at,
                    ends_at,
                    capacity,
                    waitlist,
                    regions,
                    countries,
                    topics,
                    language,
                    requires_approval,
                    registration_opens_at: opens_at,
                    registration_closes_at: closes_at,
                    location,
                    join_url,
                    status,
                    questions,
                    organising_region,
                    notes,
                })
            }
            _ => Err(errors),
        }
    }
}

fn parse_enum<T: Copy>(
    r: &mut FieldReader<'_>,
    field: &str,
    parse: fn(&str) -> Option<T>,
    choices: fn() -> String,
    default: Option<T>,
) -> Option<T> {
    match r.raw_str(field, default.is_none()) {
        None => default,
        Some(s) => parse(s.trim()).or_else(|| {
            r.errors.add(field, format!("must be one of: {}", choices()));
            None
        }),
    }
}

fn local_field(r: &mut FieldReader<'_>, field: &str, required: bool) -> Option<NaiveDateTime> {
    let text = r.raw_str(field, required)?;
    match parse_local(text) {
        Ok(l) => Some(l),
        Err(e) => {
            r.errors.add(field, e);
            None
        }
    }
}

/// Registration window bounds: an RFC 3339 instant (`…Z` or with offset),
/// or a wall time in the session's zone like the session's own times.
fn instant_field(
    errors: &mut FieldErrors,
    field: &str,
    text: &str,
    zone: &TimeZone,
    notes: &mut Vec<String>,
) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text.trim()) {
        return Some(t.with_timezone(&Utc));
    }
    match parse_local(text).and_then(|l| zone.resolve(l)) {
        Ok(res) => {
            notes.extend(res.fold);
            Some(res.utc)
        }
        Err(e) => {
            errors.add(field, format!("{e}, or an RFC 3339 instant"));
            None
        }
    }
}

/// A session as it stands, for the rules an update must respect.
#[derive(Debug, Clone, Copy)]
pub struct Standing {
    pub status: SessionStatus,
    pub seats_taken: i32,
    /// Whether anyone holds or awaits a place.
    pub has_registrants: bool,
}

/// Refuses an update that would leave people stranded: a published session
/// with registrants hidden again as a draft (they could no longer see it,
/// and nobody would tell them), or fewer seats than are already taken.
pub fn check_update(standing: Standing, input: &SessionInput) -> Result<(), FieldErrors> {
    if input.status == SessionStatus::Draft && standing.status == SessionStatus::Published && standing.has_registrants {
        return Err(FieldErrors::single(
            "status",
            "cannot go back to draft while people are registered; cancel the session instead",
        ));
    }
    if let Some(capacity) = input.capacity
        && capacity < standing.seats_taken
    {
        return Err(FieldErrors::single(
            "capacity",
            format!("must be at least {}, the seats already taken", standing.seats_taken),
        ));
    }
    Ok(())
}

/// What a calendar shows of a session: when any of it changes, the
/// invites' SEQUENCE rises and registrants are told.
#[derive(Debug, PartialEq, Eq)]
pub struct CalendarFacts<'a> {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: &'a str,
    pub join_url: &'a str,
    pub format: SessionFormat,
    pub status: SessionStatus,
}

impl SessionInput {
    pub fn calendar_facts(&self) -> CalendarFacts<'_> {
        CalendarFacts {
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            location: &self.location,
            join_url: &self.join_url,
            format: self.format,
            status: self.status,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(v: Value) -> Result<SessionInput, FieldErrors> {
        SessionInput::parse(v.as_object().expect("object"), false)
    }

    #[test]
    fn local_times_become_utc_instants() {
        let s = parse(json!({"title": "Biosafety", "time_zone": "Asia/Manila",
            "starts_at": "2027-03-09T16:00", "ends_at": "2027-03-09T17:30"}))
        .expect("valid");
        assert_eq!(s.starts_at.to_rfc3339(), "2027-03-09T08:00:00+00:00");
        assert_eq!(s.ends_at.to_rfc3339(), "2027-03-09T09:30:00+00:00");
        assert_eq!(s.status, SessionStatus::Draft);
    }

    #[test]
    fn every_bad_field_is_named() {
        let e = parse(json!({"title": "", "time_zone": "Mars/Base", "starts_at": "tomorrow",
            "ends_at": "2027-01-01T10:00", "capacity": -1, "kind": "party", "colour": "red"}))
        .expect_err("invalid");
        for f in ["title", "time_zone", "starts_at", "capacity", "kind", "colour"] {
            assert!(e.0.contains_key(f), "{f} not reported in {e:?}");
        }
    }

    #[test]
    fn an_update_may_not_strand_registrants() {
        let draft = parse(json!({"title": "T", "time_zone": "UTC", "starts_at": "2027-03-09T16:00",
            "ends_at": "2027-03-09T17:00", "capacity": 3}))
        .expect("valid");
        let published = Standing { status: SessionStatus::Published, seats_taken: 2, has_registrants: true };
        assert!(check_update(published, &draft).expect_err("back to draft").0.contains_key("status"));
        let nobody = Standing { has_registrants: false, ..published };
        assert!(check_update(nobody, &draft).is_ok());
        let full = Standing { status: SessionStatus::Draft, seats_taken: 4, has_registrants: true };
        assert!(check_update(full, &draft).expect_err("fewer seats").0.contains_key("capacity"));
    }

    #[test]
    fn a_new_title_is_no_calendar_change_but_a_new_time_is() {
        let one = parse(json!({"title": "T", "time_zone": "UTC", "starts_at": "2027-03-09T16:00",
            "ends_at": "2027-03-09T17:00"}))
        .expect("valid");
        let retitled = SessionInput { title: "Other".into(), ..one.clone() };
        assert_eq!(one.calendar_facts(), retitled.calendar_facts());
        let moved = SessionInput { starts_at: one.starts_at + chrono::Duration::hours(1), ..one.clone() };
        assert_ne!(one.calendar_facts(), moved.calendar_facts());
    }
}
