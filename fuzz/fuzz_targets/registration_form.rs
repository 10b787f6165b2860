//! The registration form as posted: any body decodes to a verdict without
//! panicking, and an accepted form holds only values the rest of the code
//! may rely on.
#![no_main]

use convene::domain::email::EmailAddress;
use convene::domain::fields::FieldErrors;
use convene::domain::questions::{Question, check_answers, parse_questions};
use convene::domain::registration::RegistrationInput;
use convene::web::public::register::form_object;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static QUESTIONS: LazyLock<Vec<Question>> = LazyLock::new(|| {
    let spec = serde_json::json!([
        {"key": "role", "kind": "single_choice", "label": "Role", "required": true, "choices": ["Lab", "Policy"]},
        {"key": "topics", "kind": "multiple_choice", "label": "Topics", "choices": ["Bio", "Chem", "Nuclear"]},
        {"key": "notes", "kind": "long_text", "label": "Notes"},
        {"key": "diet", "kind": "short_text", "label": "Diet"},
        {"key": "photo", "kind": "checkbox", "label": "Photos are fine"}
    ]);
    let mut errors = FieldErrors::default();
    let questions = parse_questions(Some(&spec), &mut errors);
    assert!(errors.is_empty(), "the fixture questions are valid");
    questions
});

fuzz_target!(|body: &[u8]| {
    let Ok(pairs) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(body) else { return };
    let (object, _) = form_object(&pairs, &QUESTIONS);
    let (input, errors) = RegistrationInput::parse(&object, convene::domain::lang::Lang::En);
    // The parser returns what it could read along with every error, so the
    // caller can add its own; a form is accepted only without errors.
    if !errors.is_empty() {
        return;
    }
    let input = input.expect("no errors means a registration");
    assert!(EmailAddress::parse(input.email.as_str()).is_ok(), "a parsed email must parse again");
    assert!(!input.name.trim().is_empty() && input.name.chars().count() <= 200);
    assert!(input.country.len() == 2 && input.country.chars().all(|c| c.is_ascii_uppercase()));
    assert!(input.name.chars().all(|c| !c.is_control()));
    let mut errors = FieldErrors::default();
    let answers = check_answers(&QUESTIONS, input.answers.as_ref(), &mut errors);
    if errors.is_empty() {
        assert!(answers.contains_key("role"), "the required question must be answered");
    }
});
