//! Words for people that are decided before anyone knows who will read
//! them: a field error, a reason a registration is refused. A message is a
//! catalogue id with its arguments, written out in the reader's language
//! when shown; the API speaks English. Text that has no catalogue entry
//! yet (messages only the API or organisers see) stays as written.

use super::lang::Lang;
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

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Self::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    id: Option<&'static str>,
    args: Vec<(&'static str, Arg)>,
    /// The English text, for the API, logs and anything without a language.
    english: String,
}

impl Message {
    /// The catalogue message `id` with its arguments.
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        let english = crate::i18n::message(Lang::En, id, &fluent(Lang::En, &args));
        Self { id: Some(id), args, english }
    }

    /// A catalogue message without arguments.
    pub fn id(id: &'static str) -> Self {
        Self::new(id, Vec::new())
    }

    /// The message in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self.id {
            Some(id) if lang != Lang::En => crate::i18n::message(lang, id, &fluent(lang, &self.args)),
            _ => self.english.clone(),
        }
    }

    /// Whether this is the catalogue message `id`.
    pub fn is(&self, id: &str) -> bool {
        self.id == Some(id)
    }
}

fn fluent(lang: Lang, args: &[(&'static str, Arg)]) -> Vec<(&'static str, fluent_bundle::FluentValue<'static>)> {
    args.iter()
        .map(|(name, arg)| {
            let value = match arg {
                Arg::Text(s) => fluent_bundle::FluentValue::from(s.clone()),
                Arg::Number(n) => fluent_bundle::FluentValue::from(*n),
                Arg::Time { utc, zone } => {
                    let zone = super::zone::TimeZone::parse(zone).unwrap_or_else(|_| super::zone::TimeZone::utc());
                    let v = super::slot::SlotView::new_in(lang, *utc, *utc, &zone, &zone);
                    fluent_bundle::FluentValue::from(format!("{}, {} {} ({})", v.date, v.start, v.city, v.offset))
                }
            };
            (*name, value)
        })
        .collect()
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
    }
}
