//! Reading a JSON object field by field, collecting one message per bad
//! field instead of stopping at the first, so a form or API client learns
//! everything that is wrong in one answer.

use super::message::Message;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Field name → message, in a stable order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FieldErrors(pub BTreeMap<String, Message>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, message: impl Into<Message>) {
        self.0.entry(field.to_string()).or_insert_with(|| message.into());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The message for `field`, in `lang`.
    pub fn get_in(&self, field: &str, lang: super::lang::Lang) -> Option<String> {
        self.0.get(field).map(|m| m.in_lang(lang))
    }

    /// Adds `other`'s messages for fields that have none yet.
    pub fn merge(&mut self, other: FieldErrors) {
        for (field, message) in other.0 {
            self.0.entry(field).or_insert(message);
        }
    }

    pub fn single(field: &str, message: impl Into<Message>) -> Self {
        let mut e = Self::default();
        e.add(field, message);
        e
    }
}

/// Limits on text fields: length in characters, and whether line breaks
/// may appear (never in anything that can reach a header or a one-line
/// calendar property).
#[derive(Clone, Copy)]
pub struct TextRule {
    pub required: bool,
    pub max_chars: usize,
    pub multiline: bool,
}

/// One field of a request as it arrived: left out, set to null, of the
/// expected type, or something else (kept, so the checks can name it). A
/// body therefore always deserialises, and every bad field is reported at
/// once instead of serde stopping at the first.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Field<T> {
    #[default]
    Absent,
    Null,
    Given(T),
    Wrong(Value),
}

impl<T> Field<T> {
    pub fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }

    /// The value, when one of the right type was given.
    pub fn given(&self) -> Option<&T> {
        match self {
            Field::Given(v) => Some(v),
            _ => None,
        }
    }

    /// `self`, unless `patch` says something about this field.
    pub fn overlay(self, patch: Field<T>) -> Field<T> {
        if patch.is_absent() { self } else { patch }
    }
}

impl<T> From<Option<T>> for Field<T> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Field::Null, Field::Given)
    }
}

impl<'de, T: Deserialize<'de>> Field<T> {
    /// Reads a JSON value that lives as long as the field.
    pub fn of(value: Option<&'de Value>) -> Self {
        match value {
            None => Field::Absent,
            Some(Value::Null) => Field::Null,
            Some(v) => T::deserialize(v).map_or_else(|_| Field::Wrong(v.clone()), Field::Given),
        }
    }
}

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for Field<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        Ok(match v {
            Value::Null => Field::Null,
            v => T::deserialize(&v).map_or(Field::Wrong(v), Field::Given),
        })
    }
}

impl<T: Serialize> Serialize for Field<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Absent | Field::Null => s.serialize_none(),
            Field::Given(v) => v.serialize(s),
            Field::Wrong(v) => v.serialize(s),
        }
    }
}

/// The checks each kind of field gets, collecting one message per bad field.
#[derive(Default)]
pub struct Check {
    pub errors: FieldErrors,
}

impl Check {
    /// Unknown fields are refused: a misspelt field silently ignored is a
    /// setting the user believes they made.
    pub fn unknown<'k>(&mut self, names: impl IntoIterator<Item = &'k String>) {
        for key in names {
            self.errors.add(key, "is not a field of this resource");
        }
    }

    pub fn text(&mut self, name: &str, field: &Field<impl AsRef<str>>, rule: TextRule) -> String {
        match self.present(name, field, rule.required) {
            None => String::new(),
            Some(s) => check_text(s, rule).unwrap_or_else(|msg| {
                self.errors.add(name, msg);
                String::new()
            }),
        }
    }

    /// A string that must be present (or defaulted by the caller).
    pub fn present<'f>(&mut self, name: &str, field: &'f Field<impl AsRef<str>>, required: bool) -> Option<&'f str> {
        match field {
            Field::Absent | Field::Null => {
                if required {
                    self.errors.add(name, Message::id("err-required"));
                }
                None
            }
            Field::Given(s) => Some(s.as_ref()),
            Field::Wrong(_) => {
                self.errors.add(name, "must be a string");
                None
            }
        }
    }

    pub fn bool(&mut self, name: &str, field: &Field<bool>, default: bool) -> bool {
        match field {
            Field::Absent | Field::Null => default,
            Field::Given(b) => *b,
            Field::Wrong(_) => {
                self.errors.add(name, "must be true or false");
                default
            }
        }
    }

    /// An optional whole number within `range`; absent or null gives None.
    pub fn opt_int(&mut self, name: &str, field: &Field<i64>, range: std::ops::RangeInclusive<i64>) -> Option<i32> {
        match field {
            Field::Absent | Field::Null => None,
            Field::Given(v) if range.contains(v) => i32::try_from(*v).ok(),
            Field::Given(_) | Field::Wrong(Value::Number(_)) => {
                self.errors.add(name, format!("must be a whole number from {} to {}", range.start(), range.end()));
                None
            }
            Field::Wrong(_) => {
                self.errors.add(name, "must be a whole number or null");
                None
            }
        }
    }

    /// A list of short codes (slugs, country codes); duplicates dropped.
    pub fn codes(&mut self, name: &str, field: &Field<Vec<String>>, max_items: usize) -> Vec<String> {
        match field {
            Field::Absent | Field::Null => Vec::new(),
            Field::Given(items) if items.len() <= max_items => {
                let mut out: Vec<String> = Vec::new();
                for item in items {
                    let s = item.trim();
                    if s.is_empty() || s.len() > 64 {
                        self.errors.add(name, "must be a list of codes (strings)");
                        return Vec::new();
                    }
                    if !out.iter().any(|o| o == s) {
                        out.push(s.to_string());
                    }
                }
                out
            }
            Field::Given(_) => {
                self.errors.add(name, format!("must have at most {max_items} items"));
                Vec::new()
            }
            Field::Wrong(Value::Array(items)) if items.len() > max_items => {
                self.errors.add(name, format!("must have at most {max_items} items"));
                Vec::new()
            }
            Field::Wrong(Value::Array(_)) => {
                self.errors.add(name, "must be a list of codes (strings)");
                Vec::new()
            }
            Field::Wrong(_) => {
                self.errors.add(name, "must be a list");
                Vec::new()
            }
        }
    }
}

/// The checks of [`Check`] over a JSON object read field by field, for
/// resources that have no fields struct of their own.
pub struct FieldReader<'a> {
    object: &'a Map<String, Value>,
    check: Check,
}

impl<'a> FieldReader<'a> {
    pub fn new(object: &'a Map<String, Value>, known: &[&str]) -> Self {
        let mut check = Check::default();
        check.unknown(object.keys().filter(|k| !known.contains(&k.as_str())));
        Self { object, check }
    }

    fn field<T: Deserialize<'a>>(&self, name: &str) -> Field<T> {
        Field::of(self.object.get(name))
    }

    pub fn errors(&mut self) -> &mut FieldErrors {
        &mut self.check.errors
    }

    pub fn into_errors(self) -> FieldErrors {
        self.check.errors
    }

    pub fn text(&mut self, name: &str, rule: TextRule) -> String {
        let f: Field<&str> = self.field(name);
        self.check.text(name, &f, rule)
    }

    pub fn raw_str(&mut self, name: &str, required: bool) -> Option<&'a str> {
        let f: Field<&'a str> = self.field(name);
        self.check.present(name, &f, required)?;
        f.given().copied()
    }

    pub fn bool(&mut self, name: &str, default: bool) -> bool {
        let f = self.field(name);
        self.check.bool(name, &f, default)
    }

    pub fn opt_int(&mut self, name: &str, range: std::ops::RangeInclusive<i64>) -> Option<i32> {
        let f = self.field(name);
        self.check.opt_int(name, &f, range)
    }

    pub fn codes(&mut self, name: &str, max_items: usize) -> Vec<String> {
        let f = self.field(name);
        self.check.codes(name, &f, max_items)
    }
}

/// Trims and checks one text value.
pub fn check_text(input: &str, rule: TextRule) -> Result<String, Message> {
    let t = input.trim();
    if rule.required && t.is_empty() {
        return Err(Message::id("err-required"));
    }
    if t.chars().count() > rule.max_chars {
        return Err(Message::new("err-too-long", vec![("max", rule.max_chars.into())]));
    }
    let bad_control = |c: char| c.is_control() && !(rule.multiline && (c == '\n' || c == '\t' || c == '\r'));
    if t.chars().any(bad_control) {
        return Err(Message::id(if rule.multiline { "err-control-chars" } else { "err-single-line" }));
    }
    // Line endings are stored as \n only; the calendar and mail writers
    // choose their own.
    Ok(t.replace("\r\n", "\n").replace('\r', "\n"))
}
