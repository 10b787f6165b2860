//! Rows as stored. Instants are `NaiveDateTime` in UTC (the only timestamp
//! mapping that works through diesel's `MultiConnection`); convert at the edge.

//! Words stored in text columns (statuses, kinds, formats, languages) are
//! read into their enums: a word the code does not know fails the read
//! (see `domain::UnknownValue`) instead of passing for a default.

use super::ids::{RegistrationId, SeriesId, SessionId};
use super::schema::*;
use crate::domain::lang::Lang;
use crate::domain::registration::{AttendanceMode, Declared, Marked, ParticipantRole, RegistrationStatus};
use crate::domain::session::{Participation, SessionFormat, SessionKind, SessionStatus};
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = regions)]
pub struct Region {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub secretariat_city: String,
    pub position: i32,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = countries)]
pub struct Country {
    pub iso2: String,
    pub name: String,
    pub status: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = topics)]
pub struct Topic {
    pub id: i32,
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id: SessionId,
    pub title: String,
    pub summary: String,
    pub description: String,
    #[diesel(deserialize_as = String)]
    pub kind: SessionKind,
    #[diesel(deserialize_as = String)]
    pub format: SessionFormat,
    pub time_zone: String,
    pub starts_at: chrono::NaiveDateTime,
    pub ends_at: chrono::NaiveDateTime,
    pub capacity: Option<i32>,
    pub waitlist: bool,
    pub seats_taken: i32,
    pub language: String,
    pub requires_approval: bool,
    pub registration_opens_at: Option<chrono::NaiveDateTime>,
    pub registration_closes_at: Option<chrono::NaiveDateTime>,
    pub location: String,
    pub join_url: String,
    #[diesel(deserialize_as = String)]
    pub status: SessionStatus,
    pub sequence: i32,
    pub is_demo: bool,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    /// JSON list of `domain::questions::Question`
    pub questions: String,
    pub series_id: Option<SeriesId>,
    pub organising_region_id: Option<i32>,
    /// Places per country (null: none), unless `session_quotas` names the country.
    pub country_quota: Option<i32>,
    #[diesel(deserialize_as = String)]
    pub participation: Participation,
    pub nominations_close_at: Option<chrono::NaiveDateTime>,
    pub quota_release: bool,
    /// An occurrence's start as its series first set it (see the migration `series_invites`).
    pub recurrence_at: Option<chrono::NaiveDateTime>,
    /// Title and summary folded for keyword search (`domain::search`).
    pub search_text: String,
}

/// The columns a session write sets; used for inserts and whole updates.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = sessions, treat_none_as_null = true)]
pub struct SessionChanges {
    pub title: String,
    pub summary: String,
    /// Title and summary folded for keyword search (`domain::search`).
    pub search_text: String,
    pub description: String,
    pub kind: String,
    pub format: String,
    pub time_zone: String,
    pub starts_at: chrono::NaiveDateTime,
    pub ends_at: chrono::NaiveDateTime,
    pub capacity: Option<i32>,
    pub waitlist: bool,
    pub language: String,
    pub requires_approval: bool,
    pub registration_opens_at: Option<chrono::NaiveDateTime>,
    pub registration_closes_at: Option<chrono::NaiveDateTime>,
    pub location: String,
    pub join_url: String,
    pub status: String,
    pub sequence: i32,
    pub updated_at: chrono::NaiveDateTime,
    pub questions: String,
    pub country_quota: Option<i32>,
    pub participation: String,
    pub nominations_close_at: Option<chrono::NaiveDateTime>,
    pub quota_release: bool,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = sessions)]
pub struct NewSession {
    #[diesel(embed)]
    pub fields: SessionChanges,
    pub is_demo: bool,
    pub created_at: chrono::NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = registrations)]
pub struct Registration {
    pub id: RegistrationId,
    pub session_id: SessionId,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub position: String,
    pub country_iso2: String,
    pub time_zone: String,
    #[diesel(deserialize_as = String)]
    pub status: RegistrationStatus,
    /// JSON object of question key → `domain::questions::Answer`
    pub answers: String,
    pub secret_nonce: String,
    pub feed_generation: i32,
    pub manage_token_hash: String,
    pub feed_token_hash: String,
    pub consented_at: chrono::NaiveDateTime,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    pub calendar_bump: i32,
    pub reminder_first_sent_at: Option<chrono::NaiveDateTime>,
    pub reminder_second_sent_at: Option<chrono::NaiveDateTime>,
    /// Once an organiser marked it.
    #[diesel(deserialize_as = Option<String>)]
    pub attendance: Marked,
    /// `en`, `fr`, `ar` or `ru`: what their emails and invites are written in.
    #[diesel(deserialize_as = String)]
    pub language: Lang,
    #[diesel(deserialize_as = String)]
    pub role: ParticipantRole,
    /// The nominating focal point's words for the organisers.
    pub note: String,
    /// Who nominated them (an account or token); empty for self-registrations.
    pub nominated_by: String,
    /// Minutes present, when known (online attendance).
    pub attended_minutes: Option<i32>,
    /// When they were checked in at the door (first scan).
    pub checked_in_at: Option<chrono::NaiveDateTime>,
    /// In a hybrid session: in the room or online.
    #[diesel(deserialize_as = String)]
    pub attendance_mode: AttendanceMode,
    /// The interpretation they need (a language tag), or empty.
    pub interpretation: String,
    /// Holds an online place while waiting for a seat in the room.
    pub wants_room: bool,
    /// Self-declared, where the network asks; only totals leave the system.
    #[diesel(deserialize_as = String)]
    pub gender: Declared,
    /// Made for the whole series: its invites are the series' one event.
    pub series_invite: bool,
}

#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = registrations)]
pub struct NewRegistration<'a> {
    pub session_id: SessionId,
    pub name: &'a str,
    pub email: &'a str,
    pub organisation: &'a str,
    pub position: &'a str,
    pub country_iso2: &'a str,
    pub time_zone: &'a str,
    pub status: &'a str,
    pub answers: String,
    pub secret_nonce: String,
    pub feed_generation: i32,
    pub manage_token_hash: String,
    pub feed_token_hash: String,
    pub consented_at: chrono::NaiveDateTime,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    pub calendar_bump: i32,
    pub language: &'a str,
    pub role: &'a str,
    pub note: &'a str,
    pub nominated_by: &'a str,
    pub attendance_mode: &'a str,
    pub interpretation: &'a str,
    pub wants_room: bool,
    pub gender: &'a str,
}

#[derive(Debug, Clone, Queryable, Selectable, QueryableByName)]
#[diesel(table_name = outbox)]
pub struct OutboxRow {
    pub id: i32,
    pub message_id: String,
    pub kind: String,
    pub registration_id: Option<RegistrationId>,
    pub recipient_email: String,
    pub recipient_name: String,
    pub reply_to: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    /// REQUEST, CANCEL, or empty when the email carries no invite
    pub ics_method: String,
    pub ics: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: chrono::NaiveDateTime,
    pub lease_until: Option<chrono::NaiveDateTime>,
    pub last_error: String,
    pub created_at: chrono::NaiveDateTime,
    pub sent_at: Option<chrono::NaiveDateTime>,
    /// A file besides the invite (a certificate's PDF): its name, type, bytes.
    pub attachment_name: String,
    pub attachment_type: String,
    pub attachment: Option<Vec<u8>>,
    /// Shown as a QR image in the HTML (a check-in code); empty: none.
    pub qr_text: String,
}

/// An email to send, as composed.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = outbox)]
pub struct NewOutbox {
    pub message_id: String,
    pub kind: String,
    pub registration_id: Option<RegistrationId>,
    pub recipient_email: String,
    pub recipient_name: String,
    pub reply_to: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub ics_method: String,
    pub ics: String,
    pub status: String,
    pub next_attempt_at: chrono::NaiveDateTime,
    pub created_at: chrono::NaiveDateTime,
    pub attachment_name: String,
    pub attachment_type: String,
    pub attachment: Option<Vec<u8>>,
    pub qr_text: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = series)]
pub struct SeriesRow {
    pub id: SeriesId,
    pub title: String,
    pub time_zone: String,
    pub repeat: String,
    pub created_at: chrono::NaiveDateTime,
}

/// A certificate of attendance as stored: its number, code and the
/// holder's details as printed.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = crate::db::schema::certificates)]
pub struct CertificateRow {
    pub id: i32,
    pub registration_id: RegistrationId,
    pub session_id: SessionId,
    pub year: i32,
    pub number: i32,
    pub code: String,
    pub name: String,
    pub organisation: String,
    pub country_iso2: String,
    pub issued_at: chrono::NaiveDateTime,
    pub reissued_at: Option<chrono::NaiveDateTime>,
    pub revoked_at: Option<chrono::NaiveDateTime>,
    pub emailed_at: Option<chrono::NaiveDateTime>,
}

/// The room of an in-person or hybrid session.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = crate::db::schema::session_venues)]
pub struct VenueRow {
    pub session_id: SessionId,
    /// A hybrid session's seats in the room (null: unlimited); the
    /// session's `capacity` is then its online places.
    pub in_person_capacity: Option<i32>,
    pub room_seats_taken: i32,
    pub venue_name: String,
    pub venue_address: String,
    pub venue_city: String,
    /// Language tags, comma-separated.
    pub interpretation: String,
}

/// A session's material as stored: a link (`url`) or a file (`stored_name`
/// under the files folder, offered as `file_name`).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = session_materials)]
pub struct MaterialRow {
    pub id: i32,
    pub session_id: SessionId,
    pub title: String,
    pub url: String,
    pub stored_name: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    #[diesel(deserialize_as = String)]
    pub audience: crate::domain::material::Audience,
    pub created_by: String,
    pub created_at: chrono::NaiveDateTime,
}

impl MaterialRow {
    pub fn is_file(&self) -> bool {
        !self.stored_name.is_empty()
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = session_materials)]
pub struct NewMaterial<'a> {
    pub session_id: SessionId,
    pub title: &'a str,
    pub url: &'a str,
    pub stored_name: &'a str,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub size_bytes: i64,
    pub audience: &'a str,
    pub created_by: &'a str,
    pub created_at: chrono::NaiveDateTime,
}

/// A session's feedback form as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = feedback_forms)]
pub struct FeedbackFormRow {
    pub session_id: SessionId,
    /// JSON: the questions (see `domain::questions`).
    pub questions: String,
    pub anonymous: bool,
    pub send_after_hours: i32,
    pub updated_at: chrono::NaiveDateTime,
}

impl FeedbackFormRow {
    pub fn questions(&self) -> Vec<crate::domain::questions::Question> {
        serde_json::from_str(&self.questions).unwrap_or_default()
    }
}

/// Someone asked for feedback: when, reminded when, answered when.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = feedback_requests)]
pub struct FeedbackRequestRow {
    pub registration_id: RegistrationId,
    pub session_id: SessionId,
    pub token_hash: String,
    pub sent_at: chrono::NaiveDateTime,
    pub reminded_at: Option<chrono::NaiveDateTime>,
    pub answered_at: Option<chrono::NaiveDateTime>,
}
