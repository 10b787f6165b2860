//! Keyset pages of a session listing: the read asks one row more than a
//! page, on the side away from the cursor, to know whether there is more.

use crate::db::sessions::Cursor;

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
    use crate::db::ids::SessionId;

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
