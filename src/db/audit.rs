//! The audit log: every change organisers make, with who, when, what, and
//! the state before and after. Written in the same transaction as the
//! change, so a change without its record cannot exist.

use super::DbConn;
use super::ids::{RegistrationId, SessionId};
use super::schema::audit_log;
use diesel::prelude::*;
use serde_json::Value;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct Entry {
    pub id: i32,
    pub at: chrono::NaiveDateTime,
    pub actor: String,
    pub action: String,
    pub session_id: Option<SessionId>,
    pub registration_id: Option<RegistrationId>,
    pub before: String,
    pub after: String,
}

pub fn record(
    conn: &mut DbConn,
    actor: &str,
    action: &str,
    session_id: Option<SessionId>,
    registration_id: Option<RegistrationId>,
    before: &Value,
    after: &Value,
) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(super::now()),
            audit_log::actor.eq(actor),
            audit_log::action.eq(action),
            audit_log::session_id.eq(session_id),
            audit_log::registration_id.eq(registration_id),
            audit_log::before.eq(before.to_string()),
            audit_log::after.eq(after.to_string()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Newest first.
pub fn for_session(conn: &mut DbConn, session_id: SessionId, limit: i64) -> QueryResult<Vec<Entry>> {
    audit_log::table
        .filter(audit_log::session_id.eq(session_id))
        .order(audit_log::id.desc())
        .limit(limit)
        .select(Entry::as_select())
        .load(conn)
}

/// The newest entries of the whole log, optionally only one action's.
pub fn recent(conn: &mut DbConn, limit: i64, action: Option<&str>) -> QueryResult<Vec<Entry>> {
    let mut q = audit_log::table.into_boxed();
    if let Some(a) = action {
        q = q.filter(audit_log::action.eq(a.to_string()));
    }
    q.order(audit_log::id.desc()).limit(limit).select(Entry::as_select()).load(conn)
}

/// Only the fields that changed, as `{field: [before, after]}`.
pub fn difference(before: &Value, after: &Value) -> Value {
    let (Some(b), Some(a)) = (before.as_object(), after.as_object()) else { return Value::Null };
    let mut out = serde_json::Map::new();
    for (k, av) in a {
        let bv = b.get(k).unwrap_or(&Value::Null);
        if bv != av {
            out.insert(k.clone(), Value::Array(vec![bv.clone(), av.clone()]));
        }
    }
    Value::Object(out)
}
