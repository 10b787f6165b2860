//! Words for people that are decided before anyone knows who will read
//! them: a field error, a reason a registration is refused, a notice after
//! an action. A message is a catalogue id with its arguments, written out in
//! the reader's language when shown; the API speaks English. Text that has
//! no catalogue entry yet (messages only the API or organisers see) stays
//! as written.

use super::lang::Lang;
use fluent_bundle::FluentValue;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    /// Numbers stay numbers, so that plural forms can be chosen.
    Number(i64),
    /// An instant, written as the reader's language writes dates, in the
    /// zone named: "Tue 9 Mar 2027, 16:00 Manila (UTC+08:00)".
    Time {
        utc: chrono::DateTime<chrono::Utc>,
        zone: String,
    },
    /// Another message, written in the same language: "Email must contain @".
    Message(Box<Message>),
    /// Names of reference data, (`country-SN`, "Senegal") each, listed with
    /// commas in the reader's language.
    Names(Vec<(String, String)>),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Self::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Self::Number(n)
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        Self::Number(i64::from(n))
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Self::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Self::Message(Box::new(m))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    id: Option<Cow<'static, str>>,
    args: Vec<(Cow<'static, str>, Arg)>,
    /// The English text, for the API, logs and anything without a language.
    english: String,
}

impl Message {
    /// The catalogue message `id` with its arguments.
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        Self::with(Cow::Borrowed(id), args.into_iter().map(|(k, v)| (Cow::Borrowed(k), v)).collect())
    }

    fn with(id: Cow<'static, str>, args: Vec<(Cow<'static, str>, Arg)>) -> Self {
        let english = format(Lang::En, &id, &args);
        Self { id: Some(id), args, english }
    }

    /// A catalogue message without arguments.
    /// The catalogue id, if the message has one.
    pub fn key(&self) -> Option<&str> {
        self.id.as_deref()
    }

    pub fn id(id: &'static str) -> Self {
        Self::new(id, Vec::new())
    }

    /// A catalogue message whose id is made from a stored word, such as
    /// `status-waitlisted`; an id the catalogue lacks reads as the id.
    pub fn named(id: String) -> Self {
        Self::with(Cow::Owned(id), Vec::new())
    }

    /// The message in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match &self.id {
            Some(id) if lang != Lang::En => format(lang, id, &self.args),
            _ => self.english.clone(),
        }
    }

    /// Whether this is the catalogue message `id`.
    pub fn is(&self, id: &str) -> bool {
        self.id.as_deref() == Some(id)
    }

    /// As query parameters, to carry a notice through a redirect: `done`
    /// is the id, each argument `a.NAME`. Times and nested messages travel
    /// as their English text.
    pub fn to_query(&self) -> Vec<(String, String)> {
        let Some(id) = &self.id else { return vec![("done".into(), self.english.clone())] };
        let mut query = vec![("done".to_string(), id.to_string())];
        for (name, arg) in &self.args {
            let value = match arg {
                Arg::Text(t) => t.clone(),
                Arg::Number(n) => n.to_string(),
                Arg::Time { .. } | Arg::Message(_) | Arg::Names(_) => match value(Lang::En, arg) {
                    FluentValue::String(s) => s.to_string(),
                    _ => String::new(),
                },
            };
            query.push((format!("a.{name}"), value));
        }
        query
    }

    /// A notice back from [`Message::to_query`]. Only catalogue messages
    /// whose id starts with `prefix` are taken, so that a link cannot make
    /// a page say anything else.
    pub fn from_query(query: &HashMap<String, String>, prefix: &str) -> Option<Self> {
        let id = query.get("done").filter(|id| id.starts_with(prefix) && crate::i18n::exists(id))?;
        let mut args: Vec<(Cow<'static, str>, Arg)> = query
            .iter()
            .filter_map(|(k, v)| {
                let name = k.strip_prefix("a.")?;
                let text: String = v.chars().take(2000).collect();
                let arg = text.parse::<i64>().map(Arg::Number).unwrap_or(Arg::Text(text));
                Some((Cow::Owned(name.to_string()), arg))
            })
            .take(10)
            .collect();
        args.sort_by(|a, b| a.0.cmp(&b.0));
        Some(Self::with(Cow::Owned(id.clone()), args))
    }
}

fn value(lang: Lang, arg: &Arg) -> FluentValue<'static> {
    match arg {
        Arg::Text(s) => FluentValue::from(s.clone()),
        Arg::Number(n) => FluentValue::from(*n),
        Arg::Time { utc, zone } => {
            let zone = super::zone::TimeZone::parse(zone).unwrap_or_else(|_| super::zone::TimeZone::utc());
            let v = super::slot::SlotView::new_in(lang, *utc, *utc, &zone, &zone);
            FluentValue::from(v.instant())
        }
        Arg::Message(m) => FluentValue::from(m.in_lang(lang)),
        Arg::Names(names) => FluentValue::from(
            names.iter().map(|(key, english)| crate::i18n::name(lang, key, english)).collect::<Vec<_>>().join(", "),
        ),
    }
}

fn format(lang: Lang, id: &str, args: &[(Cow<'static, str>, Arg)]) -> String {
    let values: Vec<(&str, FluentValue<'static>)> = args.iter().map(|(k, a)| (k.as_ref(), value(lang, a))).collect();
    crate::i18n::message(lang, id, &values)
}

/// Text without a catalogue entry: the same in every language.
impl From<&str> for Message {
    fn from(s: &str) -> Self {
        Self { id: None, args: Vec::new(), english: s.to_string() }
    }
}

impl From<String> for Message {
    fn from(s: String) -> Self {
        Self { id: None, args: Vec::new(), english: s }
    }
}

impl From<super::zone::ZoneError> for Message {
    fn from(e: super::zone::ZoneError) -> Self {
        use super::zone::ZoneError;
        match e {
            ZoneError::Unknown => Self::id("err-zone-unknown"),
            ZoneError::BadLocalTime => Self::id("err-local-time"),
            ZoneError::Gap(g) => Self::new(
                "err-gap",
                vec![
                    ("local", g.local.into()),
                    ("zone", g.zone.into()),
                    ("start", g.gap_start.into()),
                    ("end", g.gap_end.into()),
                    ("before", g.before.into()),
                    ("after", g.after.into()),
                ],
            ),
        }
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english)
    }
}

impl serde::Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.english)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_english_for_the_api_and_translated_for_people() {
        let m = Message::new("err-too-long", vec![("max", 200usize.into())]);
        assert_eq!(m.to_string(), "must be at most 200 characters");
        assert_eq!(m.in_lang(Lang::Fr), "doit compter au plus 200 caractères");
        let plain = Message::from("is not a field of this resource");
        assert_eq!(plain.in_lang(Lang::Fr), "is not a field of this resource");
        let nested = Message::new("bad-email", vec![("problem", Message::id("err-email-at").into())]);
        assert_eq!(nested.to_string(), "Email must contain @.");
        assert_eq!(nested.in_lang(Lang::Fr), "Courriel : doit contenir @.");
    }

    #[test]
    fn a_notice_survives_a_redirect_and_a_link_cannot_forge_one() {
        let m = Message::new("ws-done-queued", vec![("count", 3usize.into())]);
        let query: HashMap<String, String> = m.to_query().into_iter().collect();
        assert_eq!(Message::from_query(&query, "ws-done-"), Some(m));
        let forged: HashMap<String, String> =
            [("done".to_string(), "Your account is locked; call +00 …".to_string())].into();
        assert_eq!(Message::from_query(&forged, "ws-done-"), None);
        let other: HashMap<String, String> = [("done".to_string(), "err-required".to_string())].into();
        assert_eq!(Message::from_query(&other, "ws-done-"), None, "only notices");
    }
}
