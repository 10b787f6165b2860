//! Parsed types and pure rules. Nothing here knows about HTTP or SQL: a value
//! of one of these types has already been checked, so code that holds one
//! need not check again.

pub mod bidi;
pub mod certificate;
pub mod email;
pub mod feedback;
pub mod fields;
pub mod lang;
pub mod letter;
pub mod markdown;
pub mod material;
pub mod meeting_report;
pub mod message;
pub mod nomination;
pub mod planner;
pub mod questions;
pub mod registration;
pub mod report;
pub mod scope;
pub mod search;
pub mod secret;
pub mod series;
pub mod session;
pub mod slot;
pub mod zone;

/// A stored word that names no value of its type: the row was written by
/// something other than this code, and reading on would guess.
#[derive(Debug, thiserror::Error)]
#[error("{value:?} is not a known {kind}")]
pub struct UnknownValue {
    pub kind: &'static str,
    pub value: String,
}

/// The conversions a stored word needs: from its text, failing on a word
/// the type does not know (storage maps it to a deserialisation error),
/// back to its text, and into JSON as that text.
macro_rules! stored_text {
    ($name:ident) => {
        impl TryFrom<String> for $name {
            type Error = $crate::domain::UnknownValue;

            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value).ok_or($crate::domain::UnknownValue { kind: stringify!($name), value })
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.as_str().to_string()
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}
pub(crate) use stored_text;
