//! Sharing materials about a session: links and uploaded files, each for
//! everyone or only for those with a confirmed place, under the session's
//! lock and the actor's scope, audit-logged, with an optional email to the
//! confirmed registrants queued in the same transaction. The file itself
//! is written before (`crate::files`) and removed after, by the caller.

use super::{Actor, SessionError, locked};
use crate::db::ids::SessionId;
use crate::db::models::{MaterialRow, NewMaterial};
use crate::db::notify::{Change, Notifier};
use crate::db::{DbConn, audit, materials as store, write_transaction};
use crate::domain::material::MaterialInput;
use crate::domain::message::Message;
use crate::domain::session::SessionStatus;
use serde_json::json;

/// An uploaded file already in the files folder.
pub struct StoredFile {
    pub stored_name: String,
    /// Made safe (`domain::material::safe_file_name`).
    pub file_name: String,
    pub content_type: &'static str,
    pub size: i64,
}

/// Adds a link (`input.url`) or a file; `tell`: email the confirmed
/// registrants that it is there.
pub fn add(
    conn: &mut DbConn,
    session_id: SessionId,
    input: &MaterialInput,
    file: Option<&StoredFile>,
    tell: bool,
    notifier: &dyn Notifier,
    by: &Actor,
) -> Result<MaterialRow, SessionError> {
    write_transaction(conn, |conn| {
        let session = locked(conn, session_id)?;
        by.may_change(session.row.organising_region_id)?;
        if session.status() == SessionStatus::Cancelled {
            return Err(SessionError::Conflict(Message::id("material-cancelled")));
        }
        let row = store::insert(
            conn,
            &NewMaterial {
                session_id,
                title: &input.title,
                url: input.url.as_deref().unwrap_or_default(),
                stored_name: file.map_or("", |f| f.stored_name.as_str()),
                file_name: file.map_or("", |f| f.file_name.as_str()),
                content_type: file.map_or("", |f| f.content_type),
                size_bytes: file.map_or(0, |f| f.size),
                audience: input.audience.as_str(),
                created_by: &by.name,
                created_at: crate::db::now(),
            },
        )?;
        audit::record(
            conn,
            &by.name,
            "material.add",
            Some(session_id),
            None,
            &serde_json::Value::Null,
            &described(&row),
        )?;
        if tell && session.status() == SessionStatus::Published {
            notifier.notify(conn, &session, Change::MaterialShared { title: &row.title })?;
        }
        Ok(row)
    })
}

/// Removes a material; the caller removes its file once this committed.
pub fn remove(conn: &mut DbConn, session_id: SessionId, id: i32, by: &Actor) -> Result<MaterialRow, SessionError> {
    write_transaction(conn, |conn| {
        let session = locked(conn, session_id)?;
        by.may_change(session.row.organising_region_id)?;
        let row = store::find(conn, session_id, id)?.ok_or(SessionError::NotFound)?;
        store::delete(conn, id)?;
        audit::record(
            conn,
            &by.name,
            "material.remove",
            Some(session_id),
            None,
            &described(&row),
            &serde_json::Value::Null,
        )?;
        Ok(row)
    })
}

/// What the audit log keeps of a material.
fn described(row: &MaterialRow) -> serde_json::Value {
    if row.is_file() {
        json!({"title": row.title, "audience": row.audience.as_str(), "file": row.file_name, "bytes": row.size_bytes})
    } else {
        json!({"title": row.title, "audience": row.audience.as_str(), "url": row.url})
    }
}
