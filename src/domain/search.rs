//! Keyword search over sessions: the words as typed and the stored text
//! are folded the same way (lower case, accents and Arabic short vowels
//! dropped), so "securite" finds "Sécurité" and "БИО" finds "био" on
//! either backend (SQLite's own lower() folds ASCII only).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Longest query kept, in characters.
pub const MAX_QUERY: usize = 100;

/// Lower case without marks: the text both sides are compared in.
pub fn fold(text: &str) -> String {
    text.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).nfc().collect()
}

/// What a session is found by: its title and summary, folded.
pub fn searchable(title: &str, summary: &str) -> String {
    fold(&format!("{title} {summary}"))
}

/// The LIKE patterns for a query: one per word (every word must appear),
/// folded, with LIKE's own characters escaped by `\`. Empty: no search.
pub fn patterns(query: &str) -> Vec<String> {
    let query: String = query.chars().take(MAX_QUERY).collect();
    fold(&query)
        .split_whitespace()
        .take(8)
        .map(|w| {
            let escaped = w.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            format!("%{escaped}%")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_whatever_their_case_and_accents() {
        assert_eq!(fold("Sécurité NUCLÉAIRE"), "securite nucleaire");
        assert_eq!(fold("Биобезопасность"), "биобезопасность");
        assert_eq!(fold("الأمنُ"), "الامن", "short vowels and the hamza seat dropped");
        assert_eq!(patterns("  Export  contrôle "), ["%export%", "%controle%"]);
        assert_eq!(patterns("100% a_b"), ["%100\\%%", "%a\\_b%"]);
        assert!(patterns("   ").is_empty());
    }
}
