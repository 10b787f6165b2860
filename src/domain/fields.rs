//! Reading a JSON object field by field, collecting one message per bad
//! field instead of stopping at the first, so a form or API client learns
//! everything that is wrong in one answer.

use super::message::Message;
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

pub struct FieldReader<'a> {
    object: &'a Map<String, Value>,
    pub errors: FieldErrors,
}

impl<'a> FieldReader<'a> {
    /// Unknown fields are refused: a misspelt field silently ignored is a
    /// setting the user believes they made.
    pub fn new(object: &'a Map<String, Value>, known: &[&str]) -> Self {
        let mut errors = FieldErrors::default();
        for key in object.keys() {
            if !known.contains(&key.as_str()) {
                errors.add(key, "is not a field of this resource");
            }
        }
        Self { object, errors }
    }

    fn get(&self, field: &str) -> Option<&'a Value> {
        self.object.get(field).filter(|v| !v.is_null())
    }

    pub fn text(&mut self, field: &str, rule: TextRule) -> String {
        match self.get(field) {
            None if rule.required => {
                self.errors.add(field, Message::id("err-required"));
                String::new()
            }
            None => String::new(),
            Some(Value::String(s)) => match check_text(s, rule) {
                Ok(t) => t,
                Err(msg) => {
                    self.errors.add(field, msg);
                    String::new()
                }
            },
            Some(_) => {
                self.errors.add(field, "must be a string");
                String::new()
            }
        }
    }

    /// A string that must be present (or defaulted by the caller).
    pub fn raw_str(&mut self, field: &str, required: bool) -> Option<&'a str> {
        match self.get(field) {
            None => {
                if required {
                    self.errors.add(field, Message::id("err-required"));
                }
                None
            }
            Some(Value::String(s)) => Some(s.as_str()),
            Some(_) => {
                self.errors.add(field, "must be a string");
                None
            }
        }
    }

    pub fn bool(&mut self, field: &str, default: bool) -> bool {
        match self.get(field) {
            None => default,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.errors.add(field, "must be true or false");
                default
            }
        }
    }

    /// An optional whole number within `range`; absent or null gives None.
    pub fn opt_int(&mut self, field: &str, range: std::ops::RangeInclusive<i64>) -> Option<i32> {
        match self.get(field) {
            None => None,
            Some(Value::Number(n)) => match n.as_i64().filter(|v| range.contains(v)) {
                Some(v) => i32::try_from(v).ok(),
                None => {
                    self.errors.add(field, format!("must be a whole number from {} to {}", range.start(), range.end()));
                    None
                }
            },
            Some(_) => {
                self.errors.add(field, "must be a whole number or null");
                None
            }
        }
    }

    /// A list of short codes (slugs, country codes); duplicates dropped.
    pub fn codes(&mut self, field: &str, max_items: usize) -> Vec<String> {
        match self.get(field) {
            None => Vec::new(),
            Some(Value::Array(items)) if items.len() <= max_items => {
                let mut out: Vec<String> = Vec::new();
                for item in items {
                    match item.as_str() {
                        Some(s) if !s.trim().is_empty() && s.len() <= 64 => {
                            let s = s.trim().to_string();
                            if !out.contains(&s) {
                                out.push(s);
                            }
                        }
                        _ => {
                            self.errors.add(field, "must be a list of codes (strings)");
                            return Vec::new();
                        }
                    }
                }
                out
            }
            Some(Value::Array(_)) => {
                self.errors.add(field, format!("must have at most {max_items} items"));
                Vec::new()
            }
            Some(_) => {
                self.errors.add(field, "must be a list");
                Vec::new()
            }
        }
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
