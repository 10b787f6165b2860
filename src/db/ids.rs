//! Row identities as their own types, so a registration's id can never be
//! passed where a session's is expected. Stored as plain integers; read
//! from a path or a form with [`std::str::FromStr`] (positive numbers
//! only), and written to JSON as numbers.

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Integer;

/// Text that names no row.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("not an id")]
pub struct NotAnId;

macro_rules! id {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, AsExpression, FromSqlRow)]
        #[diesel(sql_type = Integer)]
        pub struct $name(pub i32);

        impl<DB: Backend> ToSql<Integer, DB> for $name
        where
            i32: ToSql<Integer, DB>,
        {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
                self.0.to_sql(out)
            }
        }

        impl<DB: Backend> FromSql<Integer, DB> for $name
        where
            i32: FromSql<Integer, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
                i32::from_sql(bytes).map($name)
            }
        }

        impl std::str::FromStr for $name {
            type Err = NotAnId;

            /// Digits only, above zero: `+7`, `007` and `-1` name no row.
            fn from_str(s: &str) -> Result<Self, NotAnId> {
                let canonical = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0');
                s.parse().ok().filter(|_| canonical).map($name).ok_or(NotAnId)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            /// From a path segment or a form field (text), or a JSON number.
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("a positive whole number")
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        v.parse().map_err(|_| E::custom("not an id"))
                    }
                    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<$name, E> {
                        i32::try_from(v).ok().filter(|n| *n > 0).map($name).ok_or_else(|| E::custom("not an id"))
                    }
                    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<$name, E> {
                        i32::try_from(v).ok().filter(|n| *n > 0).map($name).ok_or_else(|| E::custom("not an id"))
                    }
                }
                d.deserialize_any(Visitor)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_i32(self.0)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id!(
    /// A session (`sessions.id`).
    SessionId
);
id!(
    /// A registration (`registrations.id`).
    RegistrationId
);
id!(
    /// A series of sessions (`series.id`).
    SeriesId
);
id!(
    /// An organiser or admin account (`users.id`).
    AccountId
);
id!(
    /// An API token (`api_tokens.id`).
    TokenId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_a_positive_number_written_plainly() {
        assert_eq!("42".parse::<SessionId>().ok(), Some(SessionId(42)));
        for bad in ["0", "-1", "+7", "007", "4x", "", "99999999999"] {
            assert!(bad.parse::<SessionId>().is_err(), "{bad} taken for an id");
        }
    }
}
