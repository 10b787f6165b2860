//! Feedback forms, who was asked, and the answers (kept apart from the
//! requests: see the migration).

use super::DbConn;
use super::ids::{RegistrationId, SessionId};
use super::models::{FeedbackFormRow, FeedbackRequestRow};
use super::schema::{feedback_answers, feedback_forms, feedback_requests, sessions};
use chrono::NaiveDateTime;
use diesel::prelude::*;

pub fn form(conn: &mut DbConn, session_id: SessionId) -> QueryResult<Option<FeedbackFormRow>> {
    feedback_forms::table.find(session_id).select(FeedbackFormRow::as_select()).first(conn).optional()
}

/// Creates or replaces a session's form.
pub fn save_form(
    conn: &mut DbConn,
    session_id: SessionId,
    questions: &str,
    anonymous: bool,
    send_after_hours: i32,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let values = (
        feedback_forms::questions.eq(questions),
        feedback_forms::anonymous.eq(anonymous),
        feedback_forms::send_after_hours.eq(send_after_hours),
        feedback_forms::updated_at.eq(now),
    );
    let updated = diesel::update(feedback_forms::table.find(session_id)).set(values).execute(conn)?;
    if updated == 0 {
        diesel::insert_into(feedback_forms::table)
            .values((feedback_forms::session_id.eq(session_id), values))
            .execute(conn)?;
    }
    Ok(())
}

pub fn delete_form(conn: &mut DbConn, session_id: SessionId) -> QueryResult<usize> {
    diesel::delete(feedback_forms::table.find(session_id)).execute(conn)
}

/// Published sessions with a form whose time to send has come (ended at
/// least `send_after_hours` ago), at most `limit`, oldest first; the caller
/// skips those whose everyone was asked.
pub fn due_forms(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<(SessionId, i32)>> {
    let rows: Vec<(SessionId, i32, NaiveDateTime)> = feedback_forms::table
        .inner_join(sessions::table.on(sessions::id.eq(feedback_forms::session_id)))
        .filter(sessions::status.eq("published"))
        .filter(sessions::ends_at.le(now))
        // Not for ever: a session held long ago is not asked any more.
        .filter(sessions::ends_at.gt(now - chrono::Duration::days(crate::domain::feedback::SEND_WITHIN_DAYS)))
        .order(sessions::ends_at)
        .select((feedback_forms::session_id, feedback_forms::send_after_hours, sessions::ends_at))
        .limit(limit)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(_, hours, ends)| *ends + chrono::Duration::hours(i64::from(*hours)) <= now)
        .map(|(id, hours, _)| (id, hours))
        .collect())
}

/// Records that a person was asked; Err(UniqueViolation) when another
/// instance asked them first (its transaction then carries the email).
pub fn insert_request(
    conn: &mut DbConn,
    registration_id: RegistrationId,
    session_id: SessionId,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(feedback_requests::table)
        .values((
            feedback_requests::registration_id.eq(registration_id),
            feedback_requests::session_id.eq(session_id),
            feedback_requests::token_hash.eq(token_hash),
            feedback_requests::sent_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn requests_for(conn: &mut DbConn, session_id: SessionId) -> QueryResult<Vec<FeedbackRequestRow>> {
    feedback_requests::table
        .filter(feedback_requests::session_id.eq(session_id))
        .select(FeedbackRequestRow::as_select())
        .load(conn)
}

pub fn request_by_token_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<FeedbackRequestRow>> {
    feedback_requests::table
        .filter(feedback_requests::token_hash.eq(hash))
        .select(FeedbackRequestRow::as_select())
        .first(conn)
        .optional()
}

/// Requests sent before `before`, neither answered nor reminded.
pub fn reminders_due(conn: &mut DbConn, before: NaiveDateTime, limit: i64) -> QueryResult<Vec<FeedbackRequestRow>> {
    feedback_requests::table
        .filter(feedback_requests::sent_at.le(before))
        .filter(feedback_requests::reminded_at.is_null())
        .filter(feedback_requests::answered_at.is_null())
        .order(feedback_requests::sent_at)
        .limit(limit)
        .select(FeedbackRequestRow::as_select())
        .load(conn)
}

/// Marks a reminder sent if nobody did and the person has not answered:
/// true for the one caller that should send it.
pub fn mark_reminded(conn: &mut DbConn, registration_id: RegistrationId, now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        feedback_requests::table
            .find(registration_id)
            .filter(feedback_requests::reminded_at.is_null())
            .filter(feedback_requests::answered_at.is_null()),
    )
    .set(feedback_requests::reminded_at.eq(now))
    .execute(conn)?;
    Ok(n == 1)
}

/// Marks a request answered, once: false when it already was.
pub fn mark_answered(conn: &mut DbConn, registration_id: RegistrationId, now: NaiveDateTime) -> QueryResult<bool> {
    let n =
        diesel::update(feedback_requests::table.find(registration_id).filter(feedback_requests::answered_at.is_null()))
            .set(feedback_requests::answered_at.eq(now))
            .execute(conn)?;
    Ok(n == 1)
}

pub fn insert_answer(
    conn: &mut DbConn,
    id: &str,
    session_id: SessionId,
    registration_id: Option<RegistrationId>,
    answers: &str,
) -> QueryResult<()> {
    diesel::insert_into(feedback_answers::table)
        .values((
            feedback_answers::id.eq(id),
            feedback_answers::session_id.eq(session_id),
            feedback_answers::registration_id.eq(registration_id),
            feedback_answers::answers.eq(answers),
        ))
        .execute(conn)
        .map(|_| ())
}

/// A session's answers, ordered by their random ids (no order of arrival),
/// with the person where the form was not anonymous.
pub fn answers_for(conn: &mut DbConn, session_id: SessionId) -> QueryResult<Vec<(Option<RegistrationId>, String)>> {
    feedback_answers::table
        .filter(feedback_answers::session_id.eq(session_id))
        .order(feedback_answers::id)
        .select((feedback_answers::registration_id, feedback_answers::answers))
        .load(conn)
}

/// How many answers a session has (a form with answers keeps its anonymity).
pub fn answer_count(conn: &mut DbConn, session_id: SessionId) -> QueryResult<i64> {
    feedback_answers::table.filter(feedback_answers::session_id.eq(session_id)).count().get_result(conn)
}
