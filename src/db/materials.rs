//! A session's materials: links and files (the files themselves are in
//! `crate::files`; here only what describes them).

use super::DbConn;
use super::ids::SessionId;
use super::models::{MaterialRow, NewMaterial};
use super::schema::session_materials;
use diesel::prelude::*;

pub fn insert(conn: &mut DbConn, row: &NewMaterial<'_>) -> QueryResult<MaterialRow> {
    let id = diesel::insert_into(session_materials::table)
        .values(row)
        .returning(session_materials::id)
        .get_result::<i32>(conn)?;
    session_materials::table.find(id).select(MaterialRow::as_select()).get_result(conn)
}

/// A session's materials, oldest first.
pub fn for_session(conn: &mut DbConn, session_id: SessionId) -> QueryResult<Vec<MaterialRow>> {
    session_materials::table
        .filter(session_materials::session_id.eq(session_id))
        .order(session_materials::id)
        .select(MaterialRow::as_select())
        .load(conn)
}

/// One material of one session: None when the id is another session's.
pub fn find(conn: &mut DbConn, session_id: SessionId, id: i32) -> QueryResult<Option<MaterialRow>> {
    session_materials::table
        .filter(session_materials::id.eq(id))
        .filter(session_materials::session_id.eq(session_id))
        .select(MaterialRow::as_select())
        .first(conn)
        .optional()
}

pub fn delete(conn: &mut DbConn, id: i32) -> QueryResult<usize> {
    diesel::delete(session_materials::table.find(id)).execute(conn)
}

/// The stored file names of a session's materials, for removing the files
/// when the session itself goes.
pub fn stored_names(conn: &mut DbConn, session_id: SessionId) -> QueryResult<Vec<String>> {
    session_materials::table
        .filter(session_materials::session_id.eq(session_id))
        .filter(session_materials::stored_name.ne(""))
        .select(session_materials::stored_name)
        .load(conn)
}
