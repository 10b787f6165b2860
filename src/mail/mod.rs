//! Email: composing messages (with calendar invites) into the outbox, and
//! delivering the outbox over SMTP or into `.eml` files.

pub mod compose;
pub mod transport;
pub mod worker;

pub use compose::Composer;
