//! Keyset pages of a session listing: the read asks one row more than a
//! page, on the side away from the cursor, to know whether there is more.

use crate::db::DbConn;
use crate::db::ids::SessionId;
use crate::db::sessions::{self as store, Cursor};
use std::collections::HashMap;

/// A page asked for by key, as the pager's links ask: `?after=ID` or
/// `?before=ID` (after wins when both are given).
#[derive(Debug, Clone, Copy)]
pub enum Asked {
    After(SessionId),
    Before(SessionId),
}

impl Asked {
    pub fn from_query(query: &HashMap<String, String>) -> Option<Self> {
        let id = |k: &str| query.get(k).and_then(|v| v.parse::<i32>().ok()).map(SessionId);
        id("after").map(Self::After).or_else(|| id("before").map(Self::Before))
    }

    /// The cursor at the asked session, once its start is read; None for a
    /// session that is gone (the listing then starts at its first page).
    pub fn place(self, conn: &mut DbConn) -> diesel::QueryResult<Option<Cursor>> {
        let (Self::After(id) | Self::Before(id)) = self;
        Ok(store::starts_at(conn, id)?.map(|t| match self {
            Self::After(_) => Cursor::After(t, id),
            Self::Before(_) => Cursor::Before(t, id),
        }))
    }
}

/// Cuts the extra row off `rows` (read with `limit: per_page + 1` and this
/// cursor) and says whether there is more (before, after) the page.
pub fn trim<T>(rows: &mut Vec<T>, cursor: Option<Cursor>, per_page: usize) -> (bool, bool) {
    let more = rows.len() > per_page;
    match cursor {
        Some(Cursor::Before(..)) => {
            if more {
                rows.remove(0);
            }
            // The cursor's own session comes after the page.
            (more, true)
        }
        Some(Cursor::After(..)) => {
            rows.truncate(per_page);
            (true, more)
        }
        None => {
            rows.truncate(per_page);
            (false, more)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> Cursor {
        Cursor::After(chrono::NaiveDateTime::default(), SessionId(1))
    }

    #[test]
    fn the_extra_row_is_cut_on_the_far_side_of_the_cursor() {
        let mut rows = vec![1, 2, 3];
        assert_eq!(trim(&mut rows, None, 2), (false, true));
        assert_eq!(rows, [1, 2]);
        let mut rows = vec![1, 2, 3];
        assert_eq!(trim(&mut rows, Some(at()), 2), (true, true));
        assert_eq!(rows, [1, 2]);
        let mut rows = vec![1, 2, 3];
        let before = Cursor::Before(chrono::NaiveDateTime::default(), SessionId(9));
        assert_eq!(trim(&mut rows, Some(before), 2), (true, true));
        assert_eq!(rows, [2, 3]);
        let mut rows = vec![2, 3];
        assert_eq!(trim(&mut rows, Some(before), 2), (false, true));
        let mut rows = vec![1];
        assert_eq!(trim(&mut rows, Some(at()), 2), (true, false));
    }
}
