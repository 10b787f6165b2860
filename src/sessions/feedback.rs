//! Setting a session's feedback form, under its lock and the actor's scope.

use super::{Actor, SessionError, locked};
use crate::db::ids::SessionId;
use crate::db::{DbConn, audit, feedback as store, write_transaction};
use crate::domain::message::Message;
use crate::domain::questions::Question;
use serde_json::json;

/// Creates or changes the form. Whether answers are anonymous cannot change
/// once someone answered: they answered under what the form said.
pub fn save(
    conn: &mut DbConn,
    session_id: SessionId,
    questions: &[Question],
    anonymous: bool,
    send_after_hours: i32,
    by: &Actor,
) -> Result<(), SessionError> {
    let text = serde_json::to_string(questions).map_err(|e| SessionError::Internal(e.into()))?;
    write_transaction(conn, |conn| {
        let session = locked(conn, session_id)?;
        by.may_change(session.row.organising_region_id)?;
        let before = store::form(conn, session_id)?;
        if before.as_ref().is_some_and(|f| f.anonymous != anonymous) && store::answer_count(conn, session_id)? > 0 {
            return Err(SessionError::Conflict(Message::id("fb-anonymity-fixed")));
        }
        store::save_form(conn, session_id, &text, anonymous, send_after_hours, crate::db::now())?;
        let was = before.map(
            |f| json!({"questions": f.questions(), "anonymous": f.anonymous, "send_after_hours": f.send_after_hours}),
        );
        let now = json!({"questions": questions, "anonymous": anonymous, "send_after_hours": send_after_hours});
        audit::record(conn, &by.name, "feedback.form", Some(session_id), None, &was.unwrap_or_default(), &now)?;
        Ok(())
    })
}

/// Removes a form nobody was asked to fill in yet.
pub fn remove(conn: &mut DbConn, session_id: SessionId, by: &Actor) -> Result<(), SessionError> {
    write_transaction(conn, |conn| {
        let session = locked(conn, session_id)?;
        by.may_change(session.row.organising_region_id)?;
        if !store::requests_for(conn, session_id)?.is_empty() {
            return Err(SessionError::Conflict(Message::id("fb-already-sent")));
        }
        store::delete_form(conn, session_id)?;
        audit::record(
            conn,
            &by.name,
            "feedback.remove",
            Some(session_id),
            None,
            &serde_json::Value::Null,
            &serde_json::Value::Null,
        )?;
        Ok(())
    })
}
