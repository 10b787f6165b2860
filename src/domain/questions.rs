//! Per-session questions and the answers to them.

use super::fields::{FieldErrors, TextRule, check_text};
use super::message::Message;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    ShortText,
    LongText,
    SingleChoice,
    MultipleChoice,
    Checkbox,
}

impl QuestionKind {
    fn parse(s: &str) -> Option<Self> {
        serde_json::from_value(Value::String(s.to_string())).ok()
    }

    pub fn has_choices(self) -> bool {
        matches!(self, Self::SingleChoice | Self::MultipleChoice)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub key: String,
    pub kind: QuestionKind,
    pub label: String,
    pub required: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
}

/// An answer as stored: text, one or several choices, or a tick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Flag(bool),
    Text(String),
    Many(Vec<String>),
}

/// An answer for people to read: the text, the choices with "; ", or yes
/// and no in `lang`; empty when not answered.
pub fn answer_text(answer: Option<&Answer>, lang: super::lang::Lang) -> String {
    match answer {
        None => String::new(),
        Some(Answer::Text(t)) => t.clone(),
        Some(Answer::Many(items)) => items.join("; "),
        Some(Answer::Flag(true)) => crate::i18n::t(lang, "answer-yes"),
        Some(Answer::Flag(false)) => crate::i18n::t(lang, "answer-no"),
    }
}

/// A registration's stored answers (a JSON object), by question key.
pub fn stored_answers(json: &str) -> std::collections::BTreeMap<String, Answer> {
    serde_json::from_str(json).unwrap_or_default()
}

pub const MAX_QUESTIONS: usize = 20;
const LABEL: TextRule = TextRule { required: true, max_chars: 300, multiline: false };
const CHOICE: TextRule = TextRule { required: true, max_chars: 100, multiline: false };

/// Parses the `questions` field of a session write. Errors are reported
/// under `questions` with the question's position.
pub fn parse_questions(value: Option<&Value>, errors: &mut FieldErrors) -> Vec<Question> {
    let items = match value {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(items)) if items.len() <= MAX_QUESTIONS => items,
        Some(Value::Array(_)) => {
            errors.add("questions", format!("must have at most {MAX_QUESTIONS} questions"));
            return Vec::new();
        }
        Some(_) => {
            errors.add("questions", "must be a list of questions");
            return Vec::new();
        }
    };
    let mut out: Vec<Question> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let n = i + 1;
        let Some(q) = item.as_object() else {
            errors.add("questions", format!("question {n} must be an object"));
            return Vec::new();
        };
        let bad = |m: String, errors: &mut FieldErrors| errors.add("questions", format!("question {n}: {m}"));
        if let Some(k) = q.keys().find(|k| !["key", "kind", "label", "required", "choices"].contains(&k.as_str())) {
            bad(format!("{k} is not a question field"), errors);
            return Vec::new();
        }
        let key = match q.get("key") {
            None | Some(Value::Null) => format!("q{n}"),
            Some(Value::String(k)) if valid_key(k) => k.clone(),
            Some(_) => {
                bad("key must be 1 to 40 lower-case letters, digits, - or _".into(), errors);
                return Vec::new();
            }
        };
        if out.iter().any(|o| o.key == key) {
            bad(format!("key {key} is used twice"), errors);
            return Vec::new();
        }
        let Some(kind) = q.get("kind").and_then(Value::as_str).and_then(QuestionKind::parse) else {
            bad("kind must be short_text, long_text, single_choice, multiple_choice or checkbox".into(), errors);
            return Vec::new();
        };
        let label = match q.get("label").and_then(Value::as_str).map(|l| check_text(l, LABEL)) {
            Some(Ok(l)) => l,
            Some(Err(m)) => {
                bad(format!("label {m}"), errors);
                return Vec::new();
            }
            None => {
                bad("label is required".into(), errors);
                return Vec::new();
            }
        };
        let required = match q.get("required") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                bad("required must be true or false".into(), errors);
                return Vec::new();
            }
        };
        let choices: Vec<String> = match q.get("choices") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(cs)) if cs.len() <= 20 => {
                let parsed: Result<Vec<String>, Message> = cs
                    .iter()
                    .map(|c| {
                        c.as_str().ok_or_else(|| Message::id("err-answer-text")).and_then(|c| check_text(c, CHOICE))
                    })
                    .collect();
                match parsed {
                    Ok(cs) => cs,
                    Err(m) => {
                        bad(format!("each choice {m}"), errors);
                        return Vec::new();
                    }
                }
            }
            Some(_) => {
                bad("choices must be a list of at most 20 texts".into(), errors);
                return Vec::new();
            }
        };
        if kind.has_choices() && choices.len() < 2 {
            bad("a choice question needs at least two choices".into(), errors);
            return Vec::new();
        }
        if !kind.has_choices() && !choices.is_empty() {
            bad("only choice questions have choices".into(), errors);
            return Vec::new();
        }
        out.push(Question { key, kind, label, required, choices });
    }
    out
}

/// One row of the question builder as typed: its key (empty for a new
/// row), its place in the list, label, kind, choices (comma-separated),
/// whether it is required, and whether it is to be removed.
#[derive(Debug, Clone, Default)]
pub struct BuilderRow {
    pub key: String,
    /// Where it goes: rows are put in the order of these numbers (a row
    /// without one keeps its place).
    pub position: Option<i32>,
    pub label: String,
    pub kind: String,
    pub choices: String,
    pub required: bool,
    pub remove: bool,
}

/// The builder's rows as questions, checked as an API body's questions
/// are: rows removed or left blank are skipped, the others put in the order
/// of their positions; new rows get the next free key.
pub fn read_builder(rows: &[BuilderRow]) -> Result<Vec<Question>, FieldErrors> {
    let mut kept: Vec<(usize, &BuilderRow)> =
        rows.iter().enumerate().filter(|(_, r)| !r.remove && !r.label.trim().is_empty()).collect();
    kept.sort_by_key(|(i, r)| (r.position.map_or(*i as i64, i64::from), *i));
    let kept: Vec<&BuilderRow> = kept.into_iter().map(|(_, r)| r).collect();
    let mut used: Vec<String> = kept.iter().map(|r| r.key.trim().to_string()).filter(|k| !k.is_empty()).collect();
    let mut next = 1;
    let items: Vec<Value> = kept
        .iter()
        .map(|r| {
            let key = match r.key.trim() {
                "" => {
                    while used.contains(&format!("q{next}")) {
                        next += 1;
                    }
                    used.push(format!("q{next}"));
                    format!("q{next}")
                }
                k => k.to_string(),
            };
            let choices: Vec<&str> = r.choices.split(',').map(str::trim).filter(|c| !c.is_empty()).collect();
            let mut q = json!({"key": key, "kind": r.kind.trim(), "label": r.label.trim(), "required": r.required});
            if !choices.is_empty() {
                q["choices"] = json!(choices);
            }
            q
        })
        .collect();
    let mut errors = FieldErrors::default();
    let questions = parse_questions(Some(&Value::Array(items)), &mut errors);
    if errors.is_empty() { Ok(questions) } else { Err(errors) }
}

fn valid_key(k: &str) -> bool {
    (1..=40).contains(&k.len())
        && k.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Checks answers against the questions. Errors are reported under
/// `answers.<key>`, so a form can show each next to its question.
pub fn check_answers(
    questions: &[Question],
    answers: Option<&Value>,
    errors: &mut FieldErrors,
) -> BTreeMap<String, Answer> {
    let empty = Map::new();
    let given = match answers {
        None | Some(Value::Null) => &empty,
        Some(Value::Object(m)) => m,
        Some(_) => {
            errors.add("answers", Message::id("err-answers-object"));
            return BTreeMap::new();
        }
    };
    for k in given.keys().filter(|k| !questions.iter().any(|q| &q.key == *k)) {
        errors.add(&format!("answers.{k}"), Message::id("err-answer-unknown"));
    }
    let mut out = BTreeMap::new();
    for q in questions {
        let field = format!("answers.{}", q.key);
        let value = given.get(&q.key).filter(|v| !v.is_null());
        let answer = match (q.kind, value) {
            (QuestionKind::Checkbox, None) => Answer::Flag(false),
            (QuestionKind::Checkbox, Some(Value::Bool(b))) => Answer::Flag(*b),
            (QuestionKind::Checkbox, Some(_)) => {
                errors.add(&field, Message::id("err-answer-flag"));
                continue;
            }
            (QuestionKind::ShortText | QuestionKind::LongText, v) => {
                let rule = TextRule {
                    required: false,
                    max_chars: if q.kind == QuestionKind::LongText { 5000 } else { 300 },
                    multiline: q.kind == QuestionKind::LongText,
                };
                match v {
                    None => Answer::Text(String::new()),
                    Some(Value::String(s)) => match check_text(s, rule) {
                        Ok(t) => Answer::Text(t),
                        Err(m) => {
                            errors.add(&field, m);
                            continue;
                        }
                    },
                    Some(_) => {
                        errors.add(&field, Message::id("err-answer-text"));
                        continue;
                    }
                }
            }
            (QuestionKind::SingleChoice, None) => Answer::Text(String::new()),
            (QuestionKind::SingleChoice, Some(Value::String(s))) if s.is_empty() || q.choices.contains(s) => {
                Answer::Text(s.clone())
            }
            (QuestionKind::SingleChoice, Some(_)) => {
                errors.add(&field, Message::id("err-answer-choice"));
                continue;
            }
            (QuestionKind::MultipleChoice, None) => Answer::Many(Vec::new()),
            (QuestionKind::MultipleChoice, Some(Value::Array(items))) => {
                let picked: Option<Vec<String>> = items
                    .iter()
                    .map(|i| i.as_str().filter(|s| q.choices.iter().any(|c| c == s)).map(String::from))
                    .collect();
                match picked {
                    Some(mut p) => {
                        p.dedup();
                        Answer::Many(p)
                    }
                    None => {
                        errors.add(&field, Message::id("err-answer-choices"));
                        continue;
                    }
                }
            }
            (QuestionKind::MultipleChoice, Some(_)) => {
                errors.add(&field, Message::id("err-answer-choices"));
                continue;
            }
        };
        let blank = match &answer {
            Answer::Flag(b) => !b,
            Answer::Text(t) => t.is_empty(),
            Answer::Many(m) => m.is_empty(),
        };
        if q.required && blank {
            errors.add(&field, Message::id("err-required"));
            continue;
        }
        out.insert(q.key.clone(), answer);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn questions_and_answers_are_checked() {
        let mut e = FieldErrors::default();
        let qs = parse_questions(
            Some(&json!([
                {"kind": "short_text", "label": "Dietary needs"},
                {"key": "role", "kind": "single_choice", "label": "Your role", "required": true, "choices": ["Lab", "Policy"]},
                {"kind": "checkbox", "label": "Photos are fine", "required": true}
            ])),
            &mut e,
        );
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(qs[0].key, "q1");
        let mut e = FieldErrors::default();
        let a = check_answers(&qs, Some(&json!({"q1": "none", "role": "Lab", "q3": true})), &mut e);
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(a["role"], Answer::Text("Lab".into()));
        let mut e = FieldErrors::default();
        check_answers(&qs, Some(&json!({"role": "Chef", "extra": 1})), &mut e);
        assert!(
            e.0.contains_key("answers.role") && e.0.contains_key("answers.q3") && e.0.contains_key("answers.extra"),
            "{e:?}"
        );
    }
}
