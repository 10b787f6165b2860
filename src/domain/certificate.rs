//! Certificates of attendance: who qualifies, how a number is written, the
//! verification code, and the issuing request's fields.

use super::fields::{FieldErrors, FieldReader};
use super::registration::Attendance;
use serde_json::{Map, Value};

/// The default minimum presence, as a share of the session's minutes.
pub const DEFAULT_MIN_PERCENT: i32 = 75;

/// Whether an attendee earns a certificate: marked attended, and when the
/// minutes present are known (online attendance from a meeting report),
/// present for at least `min_percent` of the session. Someone marked
/// attended without minutes (checked in at the door, marked in bulk) was
/// there.
pub fn qualifies(attended: Option<Attendance>, minutes: Option<i32>, session_minutes: i64, min_percent: i32) -> bool {
    if attended != Some(Attendance::Attended) {
        return false;
    }
    match minutes {
        None => true,
        Some(m) => i64::from(m) * 100 >= i64::from(min_percent) * session_minutes.max(1),
    }
}

/// "CBRN-2027-000123": the prefix (a setting), the year and the number.
pub fn number_text(prefix: &str, year: i32, number: i32) -> String {
    format!("{prefix}-{year}-{number:06}")
}

/// Crockford's base 32: no I, L, O or U, so a code read aloud or typed from
/// paper is not mistaken.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A verification code, "K7PQ-2M9X-TR4D-8W3C": 80 random bits, so that
/// codes cannot be guessed or walked through like numbers can.
pub fn new_code() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(super::secret::crockford(&bytes))
}

/// A code as typed: upper-cased, with O read as 0 and I or L as 1, or None
/// when it cannot be a code (checked before any lookup).
pub fn read_code(text: &str) -> Option<String> {
    read_crockford(text, 16)
}

/// A code of `len` characters as typed, grouped by four (see [`read_code`]).
pub fn read_crockford(text: &str, len: usize) -> Option<String> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| *c != '-' && !c.is_whitespace())
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    (cleaned.len() == len && cleaned.bytes().all(|b| ALPHABET.contains(&b))).then(|| {
        let chars: Vec<char> = cleaned.chars().collect();
        chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
    })
}

/// `POST /api/v1/sessions/{id}/certificates`: the minimum presence.
pub fn read_issue(body: &Map<String, Value>) -> Result<i32, FieldErrors> {
    let mut read = FieldReader::new(body, &["min_presence_percent"]);
    let percent = read.opt_int("min_presence_percent", 1..=100);
    let errors = read.into_errors();
    if errors.is_empty() { Ok(percent.unwrap_or(DEFAULT_MIN_PERCENT)) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presence_counts_only_when_known() {
        let yes = Some(Attendance::Attended);
        assert!(qualifies(yes, None, 90, 75), "checked in at the door");
        assert!(qualifies(yes, Some(68), 90, 75), "68 of 90 minutes is 75.6%");
        assert!(!qualifies(yes, Some(67), 90, 75), "67 of 90 is 74.4%");
        assert!(!qualifies(Some(Attendance::NoShow), None, 90, 75));
        assert!(!qualifies(None, Some(90), 90, 75), "not marked");
    }

    #[test]
    fn numbers_and_codes_read_back() {
        assert_eq!(number_text("CBRN", 2027, 123), "CBRN-2027-000123");
        let code = new_code().expect("random");
        assert_eq!(code.len(), 19);
        assert_eq!(read_code(&code.to_lowercase()), Some(code.clone()));
        assert_eq!(read_code(&code.replace('-', " ")), Some(code));
        assert_eq!(read_code("0O1I-LLLL-2222-3333"), Some("0011-1111-2222-3333".into()));
        assert_eq!(read_code("../../etc/passwd"), None);
        assert_eq!(read_code("UUUU-2222-3333-4444"), None, "U is not in the alphabet");
    }
}
