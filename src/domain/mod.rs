//! Parsed types and pure rules. Nothing here knows about HTTP or SQL: a value
//! of one of these types has already been checked, so code that holds one
//! need not check again.

pub mod email;
pub mod fields;
pub mod lang;
pub mod markdown;
pub mod message;
pub mod planner;
pub mod questions;
pub mod registration;
pub mod scope;
pub mod secret;
pub mod series;
pub mod session;
pub mod slot;
pub mod zone;
