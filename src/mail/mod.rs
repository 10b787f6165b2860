//! Email: composing messages (with calendar invites) into the outbox, and
//! delivering the outbox over SMTP or into `.eml` files.

pub mod compose;
pub mod delivery;
pub mod transport;

pub use compose::Composer;
