//! A session's feedback form: its default questions, who is asked, the
//! builder's rows read into questions, and the results folded from the
//! answers. Answers are counted apart from who gave them.

use super::fields::FieldErrors;
use super::lang::Lang;
use super::questions::{Answer, BuilderRow, Question, QuestionKind};
use super::registration::{Marked, RegistrationStatus};
use std::collections::BTreeMap;

/// Hours after the end at which the form goes out, by default.
pub const DEFAULT_SEND_AFTER_HOURS: i32 = 2;
/// At most this long after the end (30 days).
pub const MAX_SEND_AFTER_HOURS: i32 = 720;
/// A session that ended longer ago than this is not asked any more (the
/// longest wait after the end is 30 days).
pub const SEND_WITHIN_DAYS: i64 = 60;
/// Days after the first email at which those who did not answer are reminded.
pub const REMINDER_DAYS: i64 = 3;

/// The questions a new form starts with, in `lang`: overall rating and
/// usefulness from 1 to 5, and what to improve.
pub fn default_questions(lang: Lang) -> Vec<Question> {
    let scale: Vec<String> = (1..=5).map(|n| n.to_string()).collect();
    let t = |id: &str| crate::i18n::t(lang, id);
    vec![
        Question {
            key: "overall".into(),
            kind: QuestionKind::SingleChoice,
            label: t("fb-q-overall"),
            required: true,
            choices: scale.clone(),
        },
        Question {
            key: "useful".into(),
            kind: QuestionKind::SingleChoice,
            label: t("fb-q-useful"),
            required: true,
            choices: scale,
        },
        Question {
            key: "improve".into(),
            kind: QuestionKind::LongText,
            label: t("fb-q-improve"),
            required: false,
            choices: vec![],
        },
    ]
}

/// Whether a question is a rating: one choice among whole numbers, so its
/// answers have an average.
pub fn is_rating(q: &Question) -> bool {
    q.kind == QuestionKind::SingleChoice && !q.choices.is_empty() && q.choices.iter().all(|c| c.parse::<i32>().is_ok())
}

/// Who is asked: those marked attended when attendance was taken for the
/// session (anyone marked either way), else everyone with a confirmed place.
pub fn asked(registrations: &[(RegistrationStatus, Marked)]) -> Vec<bool> {
    let taken = registrations.iter().any(|(_, m)| m.0.is_some());
    registrations
        .iter()
        .map(|(status, marked)| *status == RegistrationStatus::Confirmed && (!taken || marked.attended()))
        .collect()
}

/// The builder's rows as a feedback form's questions: at least one.
pub fn read_builder(rows: &[BuilderRow]) -> Result<Vec<Question>, FieldErrors> {
    let questions = super::questions::read_builder(rows)?;
    if questions.is_empty() {
        return Err(FieldErrors::single("questions", super::message::Message::id("fb-err-no-questions")));
    }
    Ok(questions)
}

/// What a question's answers come to.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionResult {
    pub question: Question,
    /// How many answered it.
    pub answered: usize,
    /// Choice → how many chose it, in the question's order (choice questions
    /// and ticks).
    pub counts: Vec<(String, usize)>,
    /// For a rating: the mean of the answers.
    pub average: Option<f64>,
    /// For a text question: the answers, in the order given to the fold.
    pub texts: Vec<String>,
}

/// Folds answers (each a stored answers object) into one result per question.
pub fn results(questions: &[Question], answers: &[BTreeMap<String, Answer>], lang: Lang) -> Vec<QuestionResult> {
    questions
        .iter()
        .map(|q| {
            let given: Vec<&Answer> = answers.iter().filter_map(|a| a.get(&q.key)).filter(|a| !empty(a)).collect();
            let mut counts: Vec<(String, usize)> = match q.kind {
                QuestionKind::Checkbox => {
                    vec![(crate::i18n::t(lang, "answer-yes"), 0), (crate::i18n::t(lang, "answer-no"), 0)]
                }
                _ => q.choices.iter().map(|c| (c.clone(), 0)).collect(),
            };
            let mut texts = Vec::new();
            for a in &given {
                match a {
                    Answer::Text(t) if q.kind.has_choices() => bump(&mut counts, t),
                    Answer::Text(t) => texts.push(t.clone()),
                    Answer::Many(items) => items.iter().for_each(|i| bump(&mut counts, i)),
                    Answer::Flag(b) => counts[usize::from(!*b)].1 += 1,
                }
            }
            let average = is_rating(q).then(|| {
                let values: Vec<f64> = given
                    .iter()
                    .filter_map(|a| if let Answer::Text(t) = a { t.parse::<f64>().ok() } else { None })
                    .collect();
                (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
            });
            QuestionResult { question: q.clone(), answered: given.len(), counts, average: average.flatten(), texts }
        })
        .collect()
}

fn empty(a: &Answer) -> bool {
    match a {
        Answer::Text(t) => t.trim().is_empty(),
        Answer::Many(items) => items.is_empty(),
        Answer::Flag(_) => false,
    }
}

fn bump(counts: &mut [(String, usize)], choice: &str) {
    if let Some(c) = counts.iter_mut().find(|(c, _)| c == choice) {
        c.1 += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::registration::Attendance;

    #[test]
    fn attendees_are_asked_once_attendance_is_taken_else_every_confirmed_person() {
        use RegistrationStatus::*;
        let none = Marked(None);
        let came = Marked(Some(Attendance::Attended));
        let absent = Marked(Some(Attendance::NoShow));
        assert_eq!(asked(&[(Confirmed, none), (Confirmed, none), (Cancelled, none)]), [true, true, false]);
        assert_eq!(asked(&[(Confirmed, came), (Confirmed, absent), (Confirmed, none)]), [true, false, false]);
    }

    #[test]
    fn the_builder_keeps_keys_gives_new_rows_the_next_and_checks_like_a_session() {
        let row = |key: &str, label: &str, kind: &str, choices: &str| BuilderRow {
            key: key.into(),
            label: label.into(),
            kind: kind.into(),
            choices: choices.into(),
            ..BuilderRow::default()
        };
        let rows = [
            row("q1", "Overall", "single_choice", "1, 2, 3, 4, 5"),
            row("", "Which part?", "multiple_choice", "Talks, Exercise"),
            row("", "", "short_text", ""),
            BuilderRow { remove: true, ..row("old", "Gone", "short_text", "") },
        ];
        let questions = read_builder(&rows).expect("valid");
        let keys: Vec<&str> = questions.iter().map(|q| q.key.as_str()).collect();
        assert_eq!(keys, ["q1", "q2"]);
        assert_eq!(questions[1].choices, ["Talks", "Exercise"]);
        assert!(is_rating(&questions[0]) && !is_rating(&questions[1]));
        assert!(read_builder(&[row("", "One choice", "single_choice", "only")]).is_err(), "two choices at least");
        assert!(read_builder(&[row("", "x", "essay", "")]).is_err(), "a kind that is not one of the five");
        assert!(read_builder(&[]).is_err(), "a form needs a question");
    }

    #[test]
    fn results_count_each_choice_average_ratings_and_keep_texts() {
        let questions = default_questions(Lang::En);
        let answer = |overall: &str, improve: &str| {
            BTreeMap::from([
                ("overall".to_string(), Answer::Text(overall.into())),
                ("improve".to_string(), Answer::Text(improve.into())),
            ])
        };
        let r = results(
            &questions,
            &[answer("5", "More exercises"), answer("4", ""), answer("4", "Slides earlier")],
            Lang::En,
        );
        assert_eq!(r[0].answered, 3);
        assert_eq!(r[0].counts[3], ("4".to_string(), 2));
        assert_eq!(r[0].average.map(|a| (a * 100.0).round() / 100.0), Some(4.33));
        assert_eq!((r[1].answered, r[1].average), (0, None), "nobody rated usefulness");
        assert_eq!(r[2].texts, ["More exercises", "Slides earlier"], "empty texts are not answers");
    }
}
