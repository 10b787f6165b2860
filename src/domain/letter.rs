//! An organiser's own email to registrants: the placeholders it may use,
//! filled for each person, and the check that names any it may not.

use super::fields::FieldErrors;
use super::message::Message;

/// The placeholders an organiser may write, each filled for every person.
pub const PLACEHOLDERS: [&str; 4] = ["{name}", "{title}", "{when}", "{link}"];

/// What fills the placeholders for one person.
pub struct Person<'a> {
    pub name: &'a str,
    pub title: &'a str,
    /// The session's time in the person's zone.
    pub when: &'a str,
    /// Their registration's page.
    pub link: &'a str,
}

/// The text with each placeholder filled; anything else in braces stays.
pub fn fill(text: &str, p: &Person<'_>) -> String {
    text.replace("{name}", p.name).replace("{title}", p.title).replace("{when}", p.when).replace("{link}", p.link)
}

/// Every `{word}` in the subject and message that is not a placeholder,
/// named under its field, with the ones that exist.
pub fn check(subject: &str, message: &str) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::default();
    for (field, text) in [("subject", subject), ("message", message)] {
        let unknown: Vec<String> = braces(text).into_iter().filter(|w| !PLACEHOLDERS.contains(&w.as_str())).collect();
        if let Some(first) = unknown.first() {
            errors.add(
                field,
                Message::new(
                    "err-placeholder",
                    vec![("placeholder", first.as_str().into()), ("known", PLACEHOLDERS.join(", ").into())],
                ),
            );
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// The `{…}` words of a text (letters, digits and `_` between braces).
fn braces(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if after[..close].chars().all(|c| c.is_alphanumeric() || c == '_') && close > 0 => {
                found.push(format!("{{{}}}", &after[..close]));
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_for_each_person_and_unknown_ones_named() {
        let p = Person { name: "Siti Rahma", title: "Biosafety", when: "Tue 9 Mar 16:00", link: "https://x/r/m_1" };
        assert_eq!(
            fill("Dear {name}, see you {when} at {title}: {link}", &p),
            "Dear Siti Rahma, see you Tue 9 Mar 16:00 at Biosafety: https://x/r/m_1"
        );
        assert_eq!(fill("Code {x} and { spaced }", &p), "Code {x} and { spaced }", "others stay as typed");
        assert!(check("Hello {name}", "Dear {name}, {when}").is_ok());
        let errors = check("Hi {firstname}", "ok {name} {nom}").expect_err("two unknown");
        assert!(errors.0.contains_key("subject") && errors.0.contains_key("message"));
        assert!(check("a { b } {}", "json {\"a\": 1}").is_ok(), "not placeholders: spaces, empty, quotes");
    }
}
