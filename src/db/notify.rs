//! What happened to registrations, for whoever tells people about it. The
//! storage functions call a [`Notifier`] inside their transaction, so an
//! email is queued if and only if the change it describes is committed.

use super::DbConn;
use super::models::Registration;
use super::sessions::Session;

#[derive(Debug, Clone, Copy)]
pub enum Change<'a> {
    /// A new registration: confirmed, waitlisted (at that place in the
    /// queue, counted once by the caller inside its transaction) or
    /// pending approval.
    Registered {
        registration: &'a Registration,
        waitlist_position: Option<i64>,
    },
    /// Registrations for a whole series, one per occurrence taken (the
    /// session told of is the first of them): one email for all.
    SeriesRegistered {
        registrations: &'a [Registration],
    },
    /// Approved: confirmed, or waitlisted when no seat was free.
    Approved(&'a Registration),
    Rejected(&'a Registration),
    /// Moved from the waiting list into a seat.
    Promoted(&'a Registration),
    /// The participant cancelled.
    Withdrawn(&'a Registration),
    /// A nomination nobody answered in time: the nominee and their
    /// country's focal points are told.
    Lapsed(&'a Registration),
    /// The focal point withdrew the nomination.
    NominationWithdrawn(&'a Registration),
    /// The focal point gave the nominee's place to someone else.
    Replaced(&'a Registration),
    /// A registration awaits its country's focal points' endorsement: they are told.
    EndorsementRequested(&'a Registration),
    /// The session's time or place changed (its sequence rose); `was`: its
    /// start and end before, when the time moved.
    SessionChanged {
        was: Option<(chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>)>,
    },
    /// The organisers cancelled the session, perhaps saying why.
    SessionCancelled {
        reason: Option<&'a str>,
    },
    /// The session's feedback form, to someone who took part (`reminder`:
    /// the one reminder, to someone who did not answer).
    FeedbackRequested {
        registration: &'a Registration,
        reminder: bool,
    },
    /// The organisers shared a material: those with a confirmed place are told.
    MaterialShared {
        title: &'a str,
    },
    /// A certificate of attendance, its PDF to attach.
    Certificate {
        registration: &'a Registration,
        pdf: &'a [u8],
        file_name: &'a str,
    },
}

/// Why a message could not be queued. Either way the change it describes
/// is rolled back with it.
#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    #[error(transparent)]
    Storage(#[from] diesel::result::Error),
    #[error("the email could not be written: {0:#}")]
    Compose(anyhow::Error),
}

pub trait Notifier {
    fn notify(&self, conn: &mut DbConn, session: &Session, change: Change<'_>) -> Result<(), NotifyError>;
}

/// Tells nobody: for demo data and tools that must not send email.
pub struct Silent;

impl Notifier for Silent {
    fn notify(&self, _: &mut DbConn, _: &Session, _: Change<'_>) -> Result<(), NotifyError> {
        Ok(())
    }
}
