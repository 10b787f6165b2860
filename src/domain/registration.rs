//! A participant's registration as submitted (form or API), checked field
//! by field. Country and questions are checked against the database later.

use super::email::EmailAddress;
use super::fields::{FieldErrors, FieldReader, TextRule};
use super::lang::Lang;
use super::message::{Arg, Message};
use super::zone::TimeZone;
use chrono::NaiveDateTime;
use serde_json::{Map, Value};

macro_rules! status_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }
        impl $name {
            pub fn as_str(self) -> &'static str { match self { $($name::$variant => $text),+ } }
            pub fn parse(s: &str) -> Option<Self> { match s { $($text => Some($name::$variant),)+ _ => None } }
            /// Every value, in the order declared.
            pub const EVERY: &'static [Self] = &[$($name::$variant),+];
        }

        $crate::domain::stored_text!($name);
    };
}
pub(crate) use status_enum;

status_enum!(RegistrationStatus {
    Confirmed = "confirmed",
    Waitlisted = "waitlisted",
    PendingApproval = "pending_approval",
    Rejected = "rejected",
    Cancelled = "cancelled",
    // Nominated by a focal point: holds a place until they accept or decline.
    Nominated = "nominated",
    // A nominee said no; the place went back.
    Declined = "declined",
    // A nomination nobody answered before nominations closed (or within a week).
    Lapsed = "lapsed",
    // Registered for an endorsement session: their focal point decides first.
    PendingEndorsement = "pending_endorsement",
});

status_enum!(
    /// What someone comes to a session as.
    ParticipantRole { Participant = "participant", Trainer = "trainer", Observer = "observer", Speaker = "speaker" }
);

/// How long a nominee has to answer, at most (nominations may close sooner).
pub const NOMINATION_DAYS: i64 = 7;

status_enum!(
    /// How a registrant of a hybrid session comes.
    AttendanceMode { Online = "online", InPerson = "in_person" }
);

status_enum!(
    /// Whether a confirmed registrant came, once an organiser marked it.
    Attendance { Attended = "attended", NoShow = "no_show" }
);

status_enum!(
    /// A self-declared gender, asked only when an admin turned it on, for
    /// the EU's reporting of participation by sex; never required.
    Gender { Female = "female", Male = "male", Another = "another", PreferNotToSay = "prefer-not-to-say" }
);

impl Gender {
    /// The word in `lang`, as forms and reports show it.
    pub fn label_in(self, lang: Lang) -> String {
        crate::i18n::t(lang, &format!("gender-{}", self.as_str()))
    }
}

/// A registration's gender as stored: one of [`Gender`], or not given ("").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Declared(pub Option<Gender>);

impl TryFrom<String> for Declared {
    type Error = super::UnknownValue;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        if value.is_empty() { Ok(Declared(None)) } else { Gender::try_from(value).map(|g| Declared(Some(g))) }
    }
}

impl Declared {
    /// The stored word, or "" when not given.
    pub fn as_str(self) -> &'static str {
        self.0.map_or("", Gender::as_str)
    }
}

/// An organiser's mark on a confirmed registration: none yet, or whether
/// the person came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marked(pub Option<Attendance>);

impl TryFrom<Option<String>> for Marked {
    type Error = super::UnknownValue;

    fn try_from(value: Option<String>) -> Result<Self, Self::Error> {
        value.map(Attendance::try_from).transpose().map(Marked)
    }
}

impl Marked {
    pub fn attended(self) -> bool {
        self.0 == Some(Attendance::Attended)
    }

    /// The stored word, or "" when unmarked.
    pub fn as_str(self) -> &'static str {
        self.0.map_or("", Attendance::as_str)
    }
}

impl RegistrationStatus {
    /// Those that hold or await a place: the people told about a change.
    pub const ACTIVE: [Self; 5] =
        [Self::Confirmed, Self::Waitlisted, Self::PendingApproval, Self::Nominated, Self::PendingEndorsement];

    /// Those that hold a place: a seat and, where there is one, the country's quota.
    pub const HOLDING: [Self; 2] = [Self::Confirmed, Self::Nominated];

    /// Words for people, in their language.
    pub fn label_in(self, lang: Lang) -> String {
        crate::i18n::t(lang, &format!("status-{}", self.as_str()))
    }

    /// The same words as a message argument, written in the reader's
    /// language ("waiting list", "в листе ожидания").
    pub fn label(self) -> super::message::Message {
        super::message::Message::named(format!("ws-st-{}", self.as_str()))
    }

    pub fn is_active(self) -> bool {
        Self::ACTIVE.contains(&self)
    }

    /// Where the participant's own cancellation leads; None: nothing to
    /// change (cancelling twice, or after a refusal, is no error).
    pub fn after_withdrawal(self) -> Option<Self> {
        match self {
            Self::Cancelled | Self::Rejected | Self::Declined | Self::Lapsed => None,
            // A nominee who says no declines the nomination.
            Self::Nominated => Some(Self::Declined),
            _ => Some(Self::Cancelled),
        }
    }

    /// Whether it holds a seat (and a quota place).
    pub fn holds_place(self) -> bool {
        Self::HOLDING.contains(&self)
    }

    /// Where an organiser's refusal leads; refusing twice changes nothing,
    /// and someone who left on their own cannot be refused.
    pub fn after_rejection(self) -> Result<Option<Self>, Message> {
        match self {
            Self::Rejected => Ok(None),
            Self::Cancelled => Err("This registration was cancelled by the participant.".into()),
            Self::Declined | Self::Lapsed => Err("This nomination was not taken up.".into()),
            _ => Ok(Some(Self::Rejected)),
        }
    }
}

/// Where someone goes who asks for a place (a new registration, or an
/// approval): awaiting approval when the session asks for it, else a
/// seat if `take_seat` finds one, else the waiting list if there is one.
/// None: the session is full and has no waiting list. `take_seat` runs
/// only when a seat is wanted, so a refusal takes nothing.
pub fn placement<E>(
    requires_approval: bool,
    waitlist: bool,
    take_seat: impl FnOnce() -> Result<bool, E>,
) -> Result<Option<RegistrationStatus>, E> {
    if requires_approval {
        return Ok(Some(RegistrationStatus::PendingApproval));
    }
    Ok(if take_seat()? {
        Some(RegistrationStatus::Confirmed)
    } else if waitlist {
        Some(RegistrationStatus::Waitlisted)
    } else {
        None
    })
}

/// The places a country's participants may hold: its own quota, else the
/// session's quota per country; None: no limit but capacity.
pub fn quota_for(
    iso2: &str,
    country_quota: Option<i32>,
    quotas: &std::collections::BTreeMap<String, i32>,
) -> Option<i32> {
    quotas.get(iso2).copied().or(country_quota)
}

/// Whether a country holding `held` places may take one more.
pub fn quota_has_room(held: i64, quota: Option<i32>) -> bool {
    quota.is_none_or(|q| held < i64::from(q))
}

/// When a session takes registrations.
#[derive(Debug, Clone, Copy)]
pub struct Window<'a> {
    pub cancelled: bool,
    pub starts_at: NaiveDateTime,
    pub opens_at: Option<NaiveDateTime>,
    pub closes_at: Option<NaiveDateTime>,
    /// The session's zone, in which the dates are told.
    pub zone: &'a str,
}

impl Window<'_> {
    /// Why the session does not take registrations at `now`, in words for
    /// people; None when it does.
    pub fn closed_reason(&self, now: NaiveDateTime) -> Option<Message> {
        let when = |id: &'static str, t: NaiveDateTime| {
            Message::new(id, vec![("when", Arg::Time { utc: t.and_utc(), zone: self.zone.to_string() })])
        };
        if self.cancelled {
            return Some(Message::id("closed-cancelled"));
        }
        if now >= self.starts_at {
            return Some(Message::id("closed-started"));
        }
        if let Some(opens) = self.opens_at
            && now < opens
        {
            return Some(when("closed-opens", opens));
        }
        if let Some(closes) = self.closes_at
            && now >= closes
        {
            return Some(when("closed-closed", closes));
        }
        None
    }
}

/// Who may take part in a session: participants of these regions and
/// countries; both empty, everyone.
#[derive(Debug, Clone, Copy)]
pub struct OpenTo<'a> {
    pub region_ids: &'a [i32],
    pub countries: &'a [String],
}

impl OpenTo<'_> {
    pub fn everyone(&self) -> bool {
        self.region_ids.is_empty() && self.countries.is_empty()
    }

    /// Whether a participant from `iso2`, a country of the regions
    /// `regions_of_country`, may register.
    pub fn admits(&self, iso2: &str, regions_of_country: &[i32]) -> bool {
        self.everyone()
            || self.countries.iter().any(|c| c == iso2)
            || regions_of_country.iter().any(|r| self.region_ids.contains(r))
    }
}

pub const FIELDS: &[&str] = &[
    "name",
    "email",
    "organisation",
    "position",
    "country",
    "consent",
    "time_zone",
    "answers",
    "language",
    "attendance",
    "interpretation",
    "online_meanwhile",
    "gender",
];
const LINE: TextRule = TextRule { required: true, max_chars: 200, multiline: false };

#[derive(Debug, Clone)]
pub struct RegistrationInput {
    pub name: String,
    pub email: EmailAddress,
    pub organisation: String,
    pub position: String,
    /// Upper-case ISO alpha-2, not yet checked against the country list.
    pub country: String,
    /// None: the country's first zone.
    pub zone: Option<TimeZone>,
    /// Raw; checked against the session's questions.
    pub answers: Option<Value>,
    /// What their emails are written in.
    pub lang: Lang,
    /// In a hybrid session: the room or online (None: not said).
    pub attendance: Option<AttendanceMode>,
    /// The interpretation they need: a tag the session offers, or empty.
    pub interpretation: String,
    /// When the room is full: take an online place meanwhile.
    pub online_meanwhile: bool,
    /// Self-declared, where the network asks (checked against that later).
    pub gender: Option<Gender>,
}

impl RegistrationInput {
    /// Parses everything that needs no database. Returns what it could
    /// read with the errors, so the caller can add its own checks and
    /// report every problem at once.
    /// `language` falls back to `page_lang`: the language of the form
    /// they filled in, or the API request's `Accept-Language`.
    pub fn parse(object: &Map<String, Value>, page_lang: Lang) -> (Option<Self>, FieldErrors) {
        let mut r = FieldReader::new(object, FIELDS);
        let name = r.text("name", LINE);
        let email = match r.raw_str("email", true).map(EmailAddress::parse) {
            Some(Ok(e)) => Some(e),
            Some(Err(m)) => {
                r.errors().add("email", m);
                None
            }
            None => None,
        };
        let organisation = r.text("organisation", LINE);
        let position = r.text("position", TextRule { required: false, ..LINE });
        let country = r.raw_str("country", true).map(|c| c.trim().to_ascii_uppercase()).unwrap_or_default();
        if object.contains_key("country") && !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase())) {
            r.errors().add("country", Message::id("err-country-code"));
        }
        if !r.bool("consent", false) {
            r.errors().add("consent", Message::id("err-consent"));
        }
        let zone = match r.raw_str("time_zone", false).map(str::trim).filter(|z| !z.is_empty()).map(TimeZone::parse) {
            Some(Ok(z)) => Some(z),
            Some(Err(e)) => {
                r.errors().add("time_zone", e);
                None
            }
            None => None,
        };
        let lang = match r.raw_str("language", false).map(str::trim).filter(|l| !l.is_empty()) {
            Some(tag) => {
                let lang = Lang::parse(tag);
                if lang.is_none() {
                    let known: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
                    r.errors().add("language", Message::new("err-language", vec![("known", known.join(", ").into())]));
                }
                lang.unwrap_or(page_lang)
            }
            None => page_lang,
        };
        let attendance = match r.raw_str("attendance", false).map(str::trim).filter(|a| !a.is_empty()) {
            Some(a) => {
                let mode = AttendanceMode::parse(a);
                if mode.is_none() {
                    r.errors()
                        .add("attendance", Message::new("err-one-of", vec![("choices", "in_person, online".into())]));
                }
                mode
            }
            None => None,
        };
        let interpretation = r
            .text("interpretation", TextRule { required: false, max_chars: 16, multiline: false })
            .to_ascii_lowercase();
        let online_meanwhile = r.bool("online_meanwhile", false);
        let gender = match r.raw_str("gender", false).map(str::trim).filter(|g| !g.is_empty()) {
            Some(g) => {
                let gender = Gender::parse(g);
                if gender.is_none() {
                    let choices: Vec<&str> = Gender::EVERY.iter().map(|g| g.as_str()).collect();
                    r.errors().add("gender", Message::new("err-one-of", vec![("choices", choices.join(", ").into())]));
                }
                gender
            }
            None => None,
        };
        let answers = object.get("answers").cloned();
        let errors = r.into_errors();
        let input = email.map(|email| RegistrationInput {
            name,
            email,
            organisation,
            position,
            country,
            zone,
            answers,
            lang,
            attendance,
            interpretation,
            online_meanwhile,
            gender,
        });
        (input, errors)
    }
}

/// A focal point's nomination of someone: the fields of a registration
/// but consent (the nominee gives it when accepting), plus what they come as
/// and a note for the organisers.
#[derive(Debug, Clone)]
pub struct NominationInput {
    pub person: RegistrationInput,
    pub role: ParticipantRole,
    pub note: String,
}

impl NominationInput {
    pub fn parse(object: &Map<String, Value>, page_lang: Lang) -> (Option<Self>, FieldErrors) {
        let mut base = object.clone();
        let role = base.remove("role");
        let note = base.remove("note");
        let offered_consent = base.remove("consent").is_some();
        let offered_gender = base.remove("gender").is_some();
        base.insert("consent".into(), Value::Bool(true));
        let (person, mut errors) = RegistrationInput::parse(&base, page_lang);
        if offered_consent {
            errors.add("consent", "is given by the nominee when they accept, not in the nomination");
        }
        if offered_gender {
            errors.add("gender", "is declared by the person themselves, never in a nomination");
        }
        let role = match role {
            None | Some(Value::Null) => Some(ParticipantRole::Participant),
            Some(Value::String(r)) => ParticipantRole::parse(r.trim()),
            Some(_) => None,
        };
        if role.is_none() {
            errors.add("role", "must be one of: participant, trainer, observer, speaker");
        }
        let note = match note {
            None | Some(Value::Null) => Ok(String::new()),
            Some(Value::String(n)) => {
                super::fields::check_text(&n, TextRule { required: false, max_chars: 1000, multiline: true })
            }
            Some(_) => Err("must be a string".into()),
        };
        let note = note.unwrap_or_else(|m| {
            errors.add("note", m);
            String::new()
        });
        match (person, role) {
            (Some(person), Some(role)) if errors.is_empty() => (Some(NominationInput { person, role, note }), errors),
            _ => (None, errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2027, 3, 9).and_then(|d| d.and_hms_opt(h, 0, 0)).expect("valid time")
    }

    #[test]
    fn a_seat_is_taken_only_when_no_approval_is_needed() {
        let mut asked = false;
        let status = placement(true, false, || {
            asked = true;
            Ok::<_, ()>(true)
        });
        assert_eq!(status, Ok(Some(RegistrationStatus::PendingApproval)));
        assert!(!asked, "a registration awaiting approval takes no seat");
        assert_eq!(placement(false, false, || Ok::<_, ()>(true)), Ok(Some(RegistrationStatus::Confirmed)));
        assert_eq!(placement(false, true, || Ok::<_, ()>(false)), Ok(Some(RegistrationStatus::Waitlisted)));
        assert_eq!(placement(false, false, || Ok::<_, ()>(false)), Ok(None));
    }

    #[test]
    fn cancelling_twice_changes_nothing_and_a_cancelled_person_cannot_be_refused() {
        assert_eq!(RegistrationStatus::Confirmed.after_withdrawal(), Some(RegistrationStatus::Cancelled));
        assert_eq!(RegistrationStatus::Cancelled.after_withdrawal(), None);
        assert_eq!(RegistrationStatus::Rejected.after_withdrawal(), None);
        assert_eq!(RegistrationStatus::Waitlisted.after_rejection(), Ok(Some(RegistrationStatus::Rejected)));
        assert_eq!(RegistrationStatus::Rejected.after_rejection(), Ok(None));
        assert!(RegistrationStatus::Cancelled.after_rejection().is_err());
    }

    #[test]
    fn the_window_says_why_it_is_closed_in_the_order_people_need() {
        let w =
            Window { cancelled: false, starts_at: at(10), opens_at: Some(at(2)), closes_at: Some(at(8)), zone: "UTC" };
        assert_eq!(w.closed_reason(at(1)).as_ref().and_then(Message::key), Some("closed-opens"));
        assert_eq!(w.closed_reason(at(5)), None);
        assert_eq!(w.closed_reason(at(8)).as_ref().and_then(Message::key), Some("closed-closed"));
        assert_eq!(w.closed_reason(at(11)).as_ref().and_then(Message::key), Some("closed-started"));
        let cancelled = Window { cancelled: true, ..w };
        assert_eq!(cancelled.closed_reason(at(5)).as_ref().and_then(Message::key), Some("closed-cancelled"));
    }

    #[test]
    fn a_session_admits_its_countries_and_the_countries_of_its_regions() {
        let countries = vec!["SN".to_string()];
        let open = OpenTo { region_ids: &[3], countries: &countries };
        assert!(open.admits("SN", &[]));
        assert!(open.admits("PH", &[1, 3]));
        assert!(!open.admits("PH", &[1]));
        assert!(OpenTo { region_ids: &[], countries: &[] }.admits("PH", &[]));
    }
}
