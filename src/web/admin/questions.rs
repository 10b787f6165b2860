//! The question builder: a session's registration questions and a
//! feedback form's, edited as rows (label, kind, choices, required, place,
//! remove; blank rows at the end to add) instead of JSON. The rows are
//! read by `domain::questions::read_builder`, which checks them as the
//! API's `questions` are checked.

use crate::domain::lang::Lang;
use crate::domain::questions::{BuilderRow, Question, QuestionKind};
use crate::web::csrf::Fields;

/// Blank rows offered for new questions.
pub const NEW_ROWS: usize = 2;

/// The five kinds, in the form's words.
const KINDS: [&str; 5] = ["short_text", "long_text", "single_choice", "multiple_choice", "checkbox"];

pub fn kind_word(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::ShortText => KINDS[0],
        QuestionKind::LongText => KINDS[1],
        QuestionKind::SingleChoice => KINDS[2],
        QuestionKind::MultipleChoice => KINDS[3],
        QuestionKind::Checkbox => KINDS[4],
    }
}

/// One row as the page shows it.
pub struct RowView {
    pub index: usize,
    pub row: BuilderRow,
}

/// The builder as a page shows it: `prefix` keeps its controls' ids apart
/// from the page's others.
pub struct Builder {
    pub prefix: &'static str,
    pub rows: Vec<RowView>,
    pub kinds: Vec<(&'static str, String)>,
}

impl Builder {
    /// What was typed (or stored), with blank rows after it.
    pub fn new(prefix: &'static str, rows: &[BuilderRow], lang: Lang) -> Self {
        let mut all: Vec<BuilderRow> = rows.to_vec();
        all.extend((0..NEW_ROWS).map(|_| BuilderRow { kind: KINDS[0].into(), ..BuilderRow::default() }));
        Builder {
            prefix,
            rows: all.into_iter().enumerate().map(|(index, row)| RowView { index, row }).collect(),
            kinds: KINDS.into_iter().map(|k| (k, crate::i18n::t(lang, &format!("fb-kind-{k}")))).collect(),
        }
    }
}

/// Stored questions as rows.
pub fn rows_of(questions: &[Question]) -> Vec<BuilderRow> {
    questions
        .iter()
        .enumerate()
        .map(|(i, q)| BuilderRow {
            key: q.key.clone(),
            position: Some(i as i32 + 1),
            label: q.label.clone(),
            kind: kind_word(q.kind).into(),
            choices: q.choices.join(", "),
            required: q.required,
            remove: false,
        })
        .collect()
}

/// The rows as posted (`q{i}_label`, …; `rows` of them).
pub fn posted_rows(form: &Fields) -> Vec<BuilderRow> {
    let count: usize = form.get("rows").parse().unwrap_or(0).min(crate::domain::questions::MAX_QUESTIONS + NEW_ROWS);
    (0..count)
        .map(|i| BuilderRow {
            key: form.get(&format!("q{i}_key")),
            position: form.get(&format!("q{i}_position")).parse().ok(),
            label: form.get(&format!("q{i}_label")),
            kind: form.get(&format!("q{i}_kind")),
            choices: form.get(&format!("q{i}_choices")),
            required: !form.get(&format!("q{i}_required")).is_empty(),
            remove: !form.get(&format!("q{i}_remove")).is_empty(),
        })
        .filter(|r| !(r.key.is_empty() && r.label.is_empty()))
        .collect()
}
