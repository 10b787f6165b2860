//! What a session is, as organisers describe it: the fields of a write
//! ([`SessionFields`], from the API's JSON or the workspace form) checked
//! into [`SessionInput`], whose times are already resolved to UTC.

use super::fields::{Check, Field, FieldErrors, TextRule};
use super::questions::{Question, parse_questions};
use super::zone::{TimeZone, parse_local};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use utoipa::ToSchema;

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

        $crate::domain::stored_text!($name);
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
text_enum!(
    /// How people get a place: they register themselves (`open`), each
    /// country's National Focal Point nominates them (`nomination`), or they
    /// register and their focal point endorses them first (`endorsement`).
    Participation { Open = "open", Nomination = "nomination", Endorsement = "endorsement" }
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

// A session write as it arrives: the JSON body of a create or a PATCH,
// the workspace form, the demo data, or a stored session laid under a
// patch. This one struct is the wire format and its OpenAPI schema;
// `SessionInput::parse` checks it, naming every bad field at once. Each
// field is a `Field` so that a wrong type is one more named error, not a
// serde failure that hides the rest.
/// The fields of a session write. On create, `title`, `time_zone`,
/// `starts_at` and `ends_at` are required; on PATCH every field is optional.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[schema(as = SessionWrite)]
pub struct SessionFields {
    #[schema(value_type = Option<String>, min_length = 1, max_length = 200)]
    #[serde(default)]
    pub title: Field<String>,
    #[schema(value_type = Option<String>, max_length = 500)]
    #[serde(default)]
    pub summary: Field<String>,
    #[schema(value_type = Option<String>, max_length = 20000)]
    #[serde(default)]
    pub description: Field<String>,
    /// webinar (default), training, meeting, exercise
    #[schema(value_type = Option<String>, example = "webinar")]
    #[serde(default)]
    pub kind: Field<String>,
    /// online (default), in_person, hybrid
    #[schema(value_type = Option<String>)]
    #[serde(default)]
    pub format: Field<String>,
    /// An IANA zone name.
    #[schema(value_type = Option<String>, example = "Asia/Manila")]
    #[serde(default)]
    pub time_zone: Field<String>,
    /// Local wall time in `time_zone`. A time in a spring-forward gap is refused; one in a fall-back fold takes the earlier instant.
    #[schema(value_type = Option<String>, example = "2027-03-09T16:00")]
    #[serde(default)]
    pub starts_at: Field<String>,
    #[schema(value_type = Option<String>, example = "2027-03-09T17:30")]
    #[serde(default)]
    pub ends_at: Field<String>,
    /// null: unlimited
    #[schema(value_type = Option<i32>, minimum = 0, maximum = 100000)]
    #[serde(default)]
    pub capacity: Field<i64>,
    #[schema(value_type = Option<bool>)]
    #[serde(default)]
    pub waitlist: Field<bool>,
    /// Region slugs; with `countries` both empty the session is open to all.
    #[schema(value_type = Option<Vec<String>>)]
    #[serde(default)]
    pub regions: Field<Vec<String>>,
    /// ISO alpha-2 codes.
    #[schema(value_type = Option<Vec<String>>)]
    #[serde(default)]
    pub countries: Field<Vec<String>>,
    /// Topic slugs.
    #[schema(value_type = Option<Vec<String>>)]
    #[serde(default)]
    pub topics: Field<Vec<String>>,
    /// A language tag; en by default.
    #[schema(value_type = Option<String>, example = "en")]
    #[serde(default)]
    pub language: Field<String>,
    #[schema(value_type = Option<bool>)]
    #[serde(default)]
    pub requires_approval: Field<bool>,
    /// RFC 3339 instant, or a local wall time in `time_zone`.
    #[schema(value_type = Option<String>)]
    #[serde(default)]
    pub registration_opens_at: Field<String>,
    #[schema(value_type = Option<String>)]
    #[serde(default)]
    pub registration_closes_at: Field<String>,
    #[schema(value_type = Option<String>, max_length = 300)]
    #[serde(default)]
    pub location: Field<String>,
    /// An http or https address.
    #[schema(value_type = Option<String>, max_length = 2000)]
    #[serde(default)]
    pub join_url: Field<String>,
    /// draft (default) or published; cancel with the cancel call.
    #[schema(value_type = Option<String>)]
    #[serde(default)]
    pub status: Field<String>,
    /// Up to 20 extra questions: `{key?, kind: short_text|long_text|single_choice|multiple_choice|checkbox, label, required?, choices?}`.
    #[schema(value_type = Option<Vec<Object>>)]
    #[serde(default)]
    pub questions: Field<Value>,
    /// Slug of the region that organises the session; its organisers may edit it.
    #[schema(value_type = Option<String>)]
    #[serde(default)]
    pub organising_region: Field<String>,
    /// open (default): people register themselves; nomination: focal
    /// points, organisers and admins add people, who accept or decline;
    /// endorsement: people register, and their country's focal point
    /// endorses or declines before anything else happens.
    #[serde(default)]
    #[schema(value_type = Option<String>, example = "open")]
    pub participation: Field<String>,
    /// Local wall time in `time_zone` (or an RFC 3339 instant) after which
    /// nominations are refused and unanswered ones lapse.
    #[serde(default)]
    #[schema(value_type = Option<String>, example = "2027-03-01T17:00")]
    pub nominations_close_at: Field<String>,
    /// After `nominations_close_at`, open places go to the waiting list
    /// whatever the country (quotas no longer hold).
    #[serde(default)]
    #[schema(value_type = Option<bool>)]
    pub quota_release: Field<bool>,
    /// Places per country (null: no quota); a full quota sends the next
    /// person from that country to the waiting list, or answers 409.
    #[serde(default)]
    #[schema(value_type = Option<i32>, minimum = 0, maximum = 100000)]
    pub country_quota: Field<i64>,
    /// ISO alpha-2 → places, overriding `country_quota` for those countries (e.g. the host's 12).
    #[serde(default)]
    #[schema(value_type = Option<BTreeMap<String, i32>>, example = json!({"PH": 12}))]
    pub quotas: Field<BTreeMap<String, i64>>,
    /// A hybrid session's seats in the room (null: unlimited); `capacity`
    /// is then its online places, each with its own waiting list.
    #[serde(default)]
    #[schema(value_type = Option<i32>, minimum = 0, maximum = 100000)]
    pub in_person_capacity: Field<i64>,
    /// The room of an in-person or hybrid session (its local time is the session's zone's).
    #[serde(default)]
    #[schema(value_type = Option<String>, max_length = 200, example = "Hotel Uzbekistan, hall B")]
    pub venue_name: Field<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>, max_length = 300, example = "45 Amir Temur Avenue")]
    pub venue_address: Field<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>, max_length = 100, example = "Tashkent")]
    pub venue_city: Field<String>,
    /// Languages interpreted into besides the session's own (tags such as fr, ar, ru).
    #[serde(default)]
    #[schema(value_type = Option<Vec<String>>, example = json!(["fr", "ar", "ru"]))]
    pub interpretation: Field<Vec<String>>,
    /// Anything else, refused by name.
    #[serde(flatten, skip_serializing)]
    #[schema(ignore)]
    pub unknown: BTreeMap<String, Value>,
}

impl SessionFields {
    /// `self` with every field that `patch` mentions replaced.
    pub fn overlay(self, patch: SessionFields) -> SessionFields {
        SessionFields {
            title: self.title.overlay(patch.title),
            summary: self.summary.overlay(patch.summary),
            description: self.description.overlay(patch.description),
            kind: self.kind.overlay(patch.kind),
            format: self.format.overlay(patch.format),
            time_zone: self.time_zone.overlay(patch.time_zone),
            starts_at: self.starts_at.overlay(patch.starts_at),
            ends_at: self.ends_at.overlay(patch.ends_at),
            capacity: self.capacity.overlay(patch.capacity),
            waitlist: self.waitlist.overlay(patch.waitlist),
            regions: self.regions.overlay(patch.regions),
            countries: self.countries.overlay(patch.countries),
            topics: self.topics.overlay(patch.topics),
            language: self.language.overlay(patch.language),
            requires_approval: self.requires_approval.overlay(patch.requires_approval),
            registration_opens_at: self.registration_opens_at.overlay(patch.registration_opens_at),
            registration_closes_at: self.registration_closes_at.overlay(patch.registration_closes_at),
            location: self.location.overlay(patch.location),
            join_url: self.join_url.overlay(patch.join_url),
            status: self.status.overlay(patch.status),
            questions: self.questions.overlay(patch.questions),
            organising_region: self.organising_region.overlay(patch.organising_region),
            participation: self.participation.overlay(patch.participation),
            nominations_close_at: self.nominations_close_at.overlay(patch.nominations_close_at),
            quota_release: self.quota_release.overlay(patch.quota_release),
            country_quota: self.country_quota.overlay(patch.country_quota),
            quotas: self.quotas.overlay(patch.quotas),
            in_person_capacity: self.in_person_capacity.overlay(patch.in_person_capacity),
            venue_name: self.venue_name.overlay(patch.venue_name),
            venue_address: self.venue_address.overlay(patch.venue_address),
            venue_city: self.venue_city.overlay(patch.venue_city),
            interpretation: self.interpretation.overlay(patch.interpretation),
            unknown: patch.unknown,
        }
    }

    /// The same fields without what each occurrence of a series keeps for
    /// itself (its times and registration window), for "all future".
    pub fn shared_by_series(self) -> SessionFields {
        SessionFields {
            starts_at: Field::Absent,
            ends_at: Field::Absent,
            time_zone: Field::Absent,
            registration_opens_at: Field::Absent,
            registration_closes_at: Field::Absent,
            ..self
        }
    }
}

pub const MAX_CAPACITY: i64 = 100_000;

/// Where an in-person or hybrid session meets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Venue {
    pub name: String,
    pub address: String,
    pub city: String,
}

impl Venue {
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.address.is_empty() && self.city.is_empty()
    }

    /// "Hotel Uzbekistan, hall B, 45 Amir Temur Avenue, Tashkent": what a
    /// calendar's LOCATION and a map search are given.
    pub fn line(&self) -> String {
        [&self.name, &self.address, &self.city]
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}
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
    pub participation: Participation,
    pub nominations_close_at: Option<DateTime<Utc>>,
    pub quota_release: bool,
    /// Places per country, and per named country (ISO alpha-2, upper case).
    pub country_quota: Option<i32>,
    pub quotas: BTreeMap<String, i32>,
    pub in_person_capacity: Option<i32>,
    pub venue: Venue,
    /// Language tags (lower case) interpreted into.
    pub interpretation: Vec<String>,
    /// Things the organiser should know, e.g. a fall-back time that was resolved.
    pub notes: Vec<String>,
}

impl SessionInput {
    /// Parses a whole session description. `allow_cancelled` is false for
    /// writes: cancelling has its own call, because it notifies people.
    pub fn parse(f: &SessionFields, allow_cancelled: bool) -> Result<Self, FieldErrors> {
        let mut r = Check::default();
        r.unknown(f.unknown.keys());
        let title = r.text("title", &f.title, TextRule { required: true, max_chars: 200, multiline: false });
        let summary = r.text("summary", &f.summary, TextRule { required: false, max_chars: 500, multiline: true });
        let description =
            r.text("description", &f.description, TextRule { required: false, max_chars: 20_000, multiline: true });
        let kind = parse_enum(&mut r, "kind", &f.kind, SessionKind::parse, SessionKind::choices, SessionKind::Webinar);
        let format = parse_enum(
            &mut r,
            "format",
            &f.format,
            SessionFormat::parse,
            SessionFormat::choices,
            SessionFormat::Online,
        );
        let status =
            parse_enum(&mut r, "status", &f.status, SessionStatus::parse, SessionStatus::choices, SessionStatus::Draft);
        if status == Some(SessionStatus::Cancelled) && !allow_cancelled {
            r.errors.add("status", super::message::Message::id("err-status-write"));
        }
        let zone = match r.present("time_zone", &f.time_zone, true).map(TimeZone::parse) {
            Some(Ok(z)) => Some(z),
            Some(Err(e)) => {
                r.errors.add("time_zone", e);
                None
            }
            None => None,
        };
        let starts_local = local_field(&mut r, "starts_at", &f.starts_at);
        let ends_local = local_field(&mut r, "ends_at", &f.ends_at);
        let capacity = r.opt_int("capacity", &f.capacity, 0..=MAX_CAPACITY);
        let waitlist = r.bool("waitlist", &f.waitlist, false);
        let regions = r.codes("regions", &f.regions, 20);
        let organising_region = r.text(
            "organising_region",
            &f.organising_region,
            TextRule { required: false, max_chars: 64, multiline: false },
        );
        let organising_region = (!organising_region.is_empty()).then_some(organising_region);
        let countries: Vec<String> =
            r.codes("countries", &f.countries, 300).into_iter().map(|c| c.to_ascii_uppercase()).collect();
        let topics = r.codes("topics", &f.topics, 30);
        let language = r.text("language", &f.language, TextRule { required: false, max_chars: 16, multiline: false });
        let language = if language.is_empty() { "en".to_string() } else { language };
        if !language.split('-').all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric())) {
            r.errors.add("language", super::message::Message::id("err-language-tag"));
        }
        let requires_approval = r.bool("requires_approval", &f.requires_approval, false);
        let opens = r.present("registration_opens_at", &f.registration_opens_at, false);
        let closes = r.present("registration_closes_at", &f.registration_closes_at, false);
        let location = r.text("location", &f.location, ONE_LINE);
        let in_person_capacity = r.opt_int("in_person_capacity", &f.in_person_capacity, 0..=MAX_CAPACITY);
        let venue = Venue {
            name: r.text("venue_name", &f.venue_name, TextRule { required: false, max_chars: 200, multiline: false }),
            address: r.text("venue_address", &f.venue_address, ONE_LINE),
            city: r.text("venue_city", &f.venue_city, TextRule { required: false, max_chars: 100, multiline: false }),
        };
        let interpretation: Vec<String> =
            r.codes("interpretation", &f.interpretation, 10).into_iter().map(|c| c.to_ascii_lowercase()).collect();
        if interpretation.iter().any(|t| t.len() > 8 || !t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')) {
            r.errors.add("interpretation", super::message::Message::id("err-language-tag"));
        }
        let join_url = r.text("join_url", &f.join_url, TextRule { required: false, max_chars: 2000, multiline: false });
        if !(join_url.is_empty() || join_url.starts_with("https://") || join_url.starts_with("http://")) {
            r.errors.add("join_url", super::message::Message::id("err-join-url"));
        }

        let participation = parse_enum(
            &mut r,
            "participation",
            &f.participation,
            Participation::parse,
            Participation::choices,
            Participation::Open,
        );
        let nominations_close = r.present("nominations_close_at", &f.nominations_close_at, false);
        let quota_release = r.bool("quota_release", &f.quota_release, false);
        let country_quota = r.opt_int("country_quota", &f.country_quota, 0..=MAX_CAPACITY);
        let quotas = quotas_field(&mut r, &f.quotas);

        let mut notes = Vec::new();
        let mut errors = r.errors;
        let questions = match &f.questions {
            Field::Given(v) | Field::Wrong(v) => parse_questions(Some(v), &mut errors),
            Field::Absent | Field::Null => Vec::new(),
        };
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
        let (starts_at, ends_at, opens_at, closes_at, nominations_close_at) = match &zone {
            Some(z) => {
                let s = resolve("starts_at", starts_local, z);
                let e = resolve("ends_at", ends_local, z);
                let o = opens.and_then(|t| instant_field(&mut errors, "registration_opens_at", t, z, &mut notes));
                let c = closes.and_then(|t| instant_field(&mut errors, "registration_closes_at", t, z, &mut notes));
                let n = nominations_close
                    .and_then(|t| instant_field(&mut errors, "nominations_close_at", t, z, &mut notes));
                (s, e, o, c, n)
            }
            None => (None, None, None, None, None),
        };
        if let (Some(s), Some(e)) = (starts_at, ends_at) {
            if e <= s {
                errors.add("ends_at", super::message::Message::id("err-ends-after"));
            } else if e - s > chrono::Duration::days(LONGEST_DAYS) {
                errors.add("ends_at", super::message::Message::id("err-ends-within"));
            }
        }
        if let (Some(o), Some(c)) = (opens_at, closes_at)
            && c <= o
        {
            errors.add("registration_closes_at", super::message::Message::id("err-closes-after"));
        }
        match (kind, format, status, zone, starts_at, ends_at, participation) {
            (
                Some(kind),
                Some(format),
                Some(status),
                Some(zone),
                Some(starts_at),
                Some(ends_at),
                Some(participation),
            ) if errors.is_empty() => Ok(SessionInput {
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
                participation,
                nominations_close_at,
                quota_release,
                country_quota,
                quotas,
                in_person_capacity,
                venue,
                interpretation,
                notes,
            }),
            _ => Err(errors),
        }
    }
}

impl TryFrom<&SessionFields> for SessionInput {
    type Error = FieldErrors;

    /// A write: a session cannot be cancelled through its fields.
    fn try_from(fields: &SessionFields) -> Result<Self, FieldErrors> {
        SessionInput::parse(fields, false)
    }
}

fn parse_enum<T: Copy>(
    r: &mut Check,
    name: &str,
    field: &Field<String>,
    parse: fn(&str) -> Option<T>,
    choices: fn() -> String,
    default: T,
) -> Option<T> {
    match r.present(name, field, false) {
        None => Some(default),
        Some(s) => parse(s.trim()).or_else(|| {
            r.errors.add(name, super::message::Message::new("err-one-of", vec![("choices", choices().into())]));
            None
        }),
    }
}

/// Places per named country: ISO alpha-2 codes (upper-cased), each 0 to
/// [`MAX_CAPACITY`].
fn quotas_field(r: &mut Check, field: &Field<BTreeMap<String, i64>>) -> BTreeMap<String, i32> {
    match field {
        Field::Absent | Field::Null => BTreeMap::new(),
        Field::Given(map) if map.len() <= 300 => {
            let mut out = BTreeMap::new();
            for (code, places) in map {
                let code = code.trim().to_ascii_uppercase();
                let places = i32::try_from(*places).ok().filter(|p| (0..=MAX_CAPACITY as i32).contains(p));
                match places {
                    Some(p) if code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic()) => {
                        out.insert(code, p);
                    }
                    _ => {
                        r.errors.add(
                            "quotas",
                            super::message::Message::new("err-quotas-map", vec![("max", MAX_CAPACITY.into())]),
                        );
                        return BTreeMap::new();
                    }
                }
            }
            out
        }
        Field::Given(_) => {
            r.errors.add("quotas", super::message::Message::id("err-quotas-many"));
            BTreeMap::new()
        }
        Field::Wrong(_) => {
            r.errors.add("quotas", super::message::Message::new("err-quotas-map", vec![("max", MAX_CAPACITY.into())]));
            BTreeMap::new()
        }
    }
}

/// A required wall time.
fn local_field(r: &mut Check, name: &str, field: &Field<String>) -> Option<NaiveDateTime> {
    let text = r.present(name, field, true)?;
    match parse_local(text) {
        Ok(l) => Some(l),
        Err(e) => {
            r.errors.add(name, e);
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
            errors.add(
                field,
                super::message::Message::new(
                    "err-time-or-instant",
                    vec![("why", super::message::Message::from(e).into())],
                ),
            );
            None
        }
    }
}

/// A session as it stands, for the rules an update must respect.
#[derive(Debug, Clone, Copy)]
pub struct Standing {
    pub status: SessionStatus,
    pub seats_taken: i32,
    /// Seats taken in a hybrid session's room.
    pub room_taken: i32,
    /// Whether anyone holds or awaits a place.
    pub has_registrants: bool,
    /// When it ran, if it has ended: a session that has been held keeps
    /// its time (calendars, certificates and reports speak of it).
    pub held: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

/// The longest a session may last. Listings rely on it: a session that
/// ends after an instant started at most this long before it.
pub const LONGEST_DAYS: i64 = 31;

/// Whether a session that ends at `ends_at` has been held by `now`.
pub fn has_ended(ends_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    ends_at <= now
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
    if let Some((starts, ends)) = standing.held
        && (input.starts_at, input.ends_at) != (starts, ends)
    {
        return Err(FieldErrors::single("starts_at", super::message::Message::id("err-held-time")));
    }
    if let Some(capacity) = input.capacity
        && capacity < standing.seats_taken
    {
        return Err(FieldErrors::single(
            "capacity",
            super::message::Message::new("err-capacity-taken", vec![("taken", standing.seats_taken.into())]),
        ));
    }
    if let Some(room) = input.in_person_capacity
        && room < standing.room_taken
    {
        return Err(FieldErrors::single(
            "in_person_capacity",
            super::message::Message::new("err-capacity-taken", vec![("taken", standing.room_taken.into())]),
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
        SessionInput::parse(&serde_json::from_value(v).expect("fields"), false)
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
    fn a_field_of_the_wrong_type_is_named_and_a_patch_can_clear_a_field() {
        let fields: SessionFields = serde_json::from_value(json!({"title": 7, "capacity": "ten", "waitlist": "yes",
            "regions": [1], "time_zone": "UTC", "starts_at": "2027-03-09T16:00", "ends_at": "2027-03-09T17:00"}))
        .expect("any object deserialises");
        let e = SessionInput::try_from(&fields).expect_err("invalid");
        for f in ["title", "capacity", "waitlist", "regions"] {
            assert!(e.0.contains_key(f), "{f} not reported in {e:?}");
        }
        let stored = SessionFields { title: Field::Given("T".into()), capacity: Field::Given(40), ..fields };
        let patch: SessionFields = serde_json::from_value(json!({"capacity": null})).expect("patch");
        let merged = stored.overlay(patch);
        assert_eq!(merged.capacity, Field::Null);
        assert_eq!(merged.title, Field::Given("T".into()));
    }

    #[test]
    fn an_update_may_not_strand_registrants() {
        let draft = parse(json!({"title": "T", "time_zone": "UTC", "starts_at": "2027-03-09T16:00",
            "ends_at": "2027-03-09T17:00", "capacity": 3}))
        .expect("valid");
        let published = Standing {
            status: SessionStatus::Published,
            seats_taken: 2,
            room_taken: 0,
            has_registrants: true,
            held: None,
        };
        assert!(check_update(published, &draft).expect_err("back to draft").0.contains_key("status"));
        let nobody = Standing { has_registrants: false, ..published };
        assert!(check_update(nobody, &draft).is_ok());
        let full =
            Standing { status: SessionStatus::Draft, seats_taken: 4, room_taken: 0, has_registrants: true, held: None };
        assert!(check_update(full, &draft).expect_err("fewer seats").0.contains_key("capacity"));
        let ran = Standing { held: Some((draft.starts_at, draft.ends_at)), ..nobody };
        assert!(check_update(ran, &draft).is_ok(), "the same time: a held session's title may still change");
        let moved = SessionInput { starts_at: draft.starts_at - chrono::Duration::days(1), ..draft.clone() };
        assert!(check_update(ran, &moved).expect_err("moved after it ran").0.contains_key("starts_at"));
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
