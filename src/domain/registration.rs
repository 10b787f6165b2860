//! A participant's registration as submitted (form or API), checked field
//! by field. Country and questions are checked against the database later.

use super::email::EmailAddress;
use super::fields::{FieldErrors, FieldReader, TextRule};
use super::lang::Lang;
use super::message::Message;
use super::zone::TimeZone;
use serde_json::{Map, Value};

macro_rules! status_enum {
    ($name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }
        impl $name {
            pub fn as_str(self) -> &'static str { match self { $($name::$variant => $text),+ } }
            pub fn parse(s: &str) -> Option<Self> { match s { $($text => Some($name::$variant),)+ _ => None } }
        }
    };
}

status_enum!(RegistrationStatus {
    Confirmed = "confirmed",
    Waitlisted = "waitlisted",
    PendingApproval = "pending_approval",
    Rejected = "rejected",
    Cancelled = "cancelled",
});

impl RegistrationStatus {
    /// Words for people, in their language.
    pub fn label_in(self, lang: Lang) -> String {
        crate::i18n::t(lang, &format!("status-{}", self.as_str()))
    }
}

pub const FIELDS: &[&str] =
    &["name", "email", "organisation", "position", "country", "consent", "time_zone", "answers", "language"];
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
                r.errors.add("email", m);
                None
            }
            None => None,
        };
        let organisation = r.text("organisation", LINE);
        let position = r.text("position", TextRule { required: false, ..LINE });
        let country = r.raw_str("country", true).map(|c| c.trim().to_ascii_uppercase()).unwrap_or_default();
        if object.contains_key("country") && !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase())) {
            r.errors.add("country", Message::id("err-country-code"));
        }
        if !r.bool("consent", false) {
            r.errors.add("consent", Message::id("err-consent"));
        }
        let zone = match r.raw_str("time_zone", false).map(str::trim).filter(|z| !z.is_empty()).map(TimeZone::parse) {
            Some(Ok(z)) => Some(z),
            Some(Err(e)) => {
                r.errors.add("time_zone", e);
                None
            }
            None => None,
        };
        let lang = match r.raw_str("language", false).map(str::trim).filter(|l| !l.is_empty()) {
            Some(tag) => {
                let lang = Lang::parse(tag);
                if lang.is_none() {
                    let known: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
                    r.errors.add("language", Message::new("err-language", vec![("known", known.join(", ").into())]));
                }
                lang.unwrap_or(page_lang)
            }
            None => page_lang,
        };
        let answers = object.get("answers").cloned();
        let errors = r.errors;
        let input =
            email.map(|email| RegistrationInput { name, email, organisation, position, country, zone, answers, lang });
        (input, errors)
    }
}
