//! Group commit for SQLite: the process's writes share one connection, and
//! the writes that queue behind each other share one transaction.
//!
//! SQLite admits one writer at a time, and each commit pays for itself:
//! `BEGIN`, the change counter's bump, and the write of every page it
//! dirtied to the log (the session's page, the change counter's, the
//! registrations' and the outbox's leaves and index pages). Under load
//! those were a third of a registration's time behind the writer lock.
//! Here a write that finds others waiting behind it leaves the
//! transaction open for them; the last of the queue (or the one that
//! finds the batch full, or old) commits it and wakes the rest. A write
//! with nobody behind it commits at once, as before: a batch forms only
//! when writes already queue, and costs no added wait.
//!
//! What does not move:
//! - each write runs in its own savepoint and sees every write before it
//!   (seat counts included), so capacity holds exactly as before;
//! - no write is answered before the commit that holds it: a member waits
//!   for its batch's outcome, and a failed commit fails every member (none
//!   of their writes is in the database);
//! - a write that fails (its savepoint rolled back) or panics ends its
//!   batch: what came before commits, so a broken transaction can never
//!   carry a later write into autocommit.
//!
//! The writer's one connection also keeps its page cache and prepared
//! statements warm: with each pooled connection writing in turn, every
//! write re-read from the file the pages others had changed.

use super::{DatabaseUrl, DbConn, LOCAL_WRITES, Manager};
use diesel::connection::TransactionManager;
use diesel::r2d2::ManageConnection;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock, Weak};
use std::time::{Duration, Instant};

/// A batch commits once it holds this many writes, whoever still waits.
const MAX_MEMBERS: usize = 32;
/// …or once it has been open this long: a member waits at most this long
/// (plus the writes in progress) beyond its own work for its answer.
const MAX_AGE: Duration = Duration::from_millis(10);

type Manage = <DbConn as diesel::Connection>::TransactionManager;

/// The writer of one SQLite database (see the module's notes). Owned by
/// the database's pool, found through [`for_connection`].
pub struct Writer {
    /// The database file as SQLite names it (`PRAGMA database_list`).
    file: String,
    url: DatabaseUrl,
    state: Mutex<State>,
    /// Members wait here for their batch's outcome, apart from `state`, so
    /// that waking them does not contend with the writes that follow.
    settled_lock: Mutex<()>,
    settled: Condvar,
    /// Writes that wait for `state`: a member that sees any leaves the
    /// batch open for them.
    waiting: AtomicUsize,
    max_members: usize,
    max_age: Duration,
}

#[derive(Default)]
struct State {
    /// Opened on the first write; dropped (and opened again) after a
    /// commit fails, since SQLite may then hold the transaction half-undone.
    conn: Option<DbConn>,
    open: Option<Batch>,
}

struct Batch {
    outcome: Arc<OnceLock<Result<(), String>>>,
    members: usize,
    since: Instant,
}

/// Writers of this process by file, so that a write on any pooled
/// connection finds its database's writer. Weak: a pool that goes away
/// closes its writer's connection.
static WRITERS: Mutex<Vec<Weak<Writer>>> = Mutex::new(Vec::new());

/// The main database file of a SQLite connection; empty for an in-memory
/// one (which has no other connection to share a writer with).
fn main_file(conn: &mut DbConn) -> diesel::QueryResult<String> {
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct File {
        #[diesel(sql_type = diesel::sql_types::Text)]
        file: String,
    }
    // Asked on every write: a statement kept prepared.
    struct MainFile;
    impl super::FixedSql for MainFile {
        const SQL: &'static [&'static str] = &["SELECT file FROM pragma_database_list WHERE name = 'main'"];
    }
    let statement = super::Fixed::<MainFile>::new(&[]);
    let row: File = super::native!(conn, |c| statement.get_result(c))?;
    Ok(row.file)
}

/// A writer for the database `conn` (a fresh connection to `url`) opens:
/// registered for every pooled connection of that file to find.
pub fn register(conn: &mut DbConn, url: &DatabaseUrl) -> diesel::QueryResult<Option<Arc<Writer>>> {
    let file = main_file(conn)?;
    if file.is_empty() {
        return Ok(None);
    }
    let writer = Arc::new(Writer::new(file, url.clone()));
    let mut all = WRITERS.lock().unwrap_or_else(|p| p.into_inner());
    all.retain(|w| w.strong_count() > 0);
    all.push(Arc::downgrade(&writer));
    Ok(Some(writer))
}

/// The writer of the database this SQLite connection opened, if its pool
/// has one (a lone connection, as the CLI's, has none and writes alone).
pub fn for_connection(conn: &mut DbConn) -> diesel::QueryResult<Option<Arc<Writer>>> {
    let file = main_file(conn)?;
    let all = WRITERS.lock().unwrap_or_else(|p| p.into_inner());
    // The newest first: a test process may reopen a file it had before.
    Ok(all.iter().rev().filter_map(Weak::upgrade).find(|w| w.file == file))
}

fn failed(message: String) -> DieselError {
    DieselError::DatabaseError(DatabaseErrorKind::Unknown, Box::new(message))
}

impl Writer {
    fn new(file: String, url: DatabaseUrl) -> Self {
        Self {
            file,
            url,
            state: Mutex::new(State::default()),
            settled_lock: Mutex::new(()),
            settled: Condvar::new(),
            waiting: AtomicUsize::new(0),
            max_members: MAX_MEMBERS,
            max_age: MAX_AGE,
        }
    }

    /// Runs `f` as one write of the current batch (see the module's notes)
    /// and answers once that batch has committed.
    pub fn write<T, E>(&self, f: impl FnOnce(&mut DbConn) -> Result<T, E>) -> Result<T, E>
    where
        E: From<DieselError>,
    {
        self.waiting.fetch_add(1, Ordering::SeqCst);
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        self.waiting.fetch_sub(1, Ordering::SeqCst);
        let outcome = self.join(&mut state)?;
        let Some(conn) = state.conn.as_mut() else { return Err(failed("no writer connection".into()).into()) };
        // A savepoint of the batch: its error undoes its own writes only.
        // (`write_transaction` has marked this thread as writing, so the
        // writes nested in `f` are savepoints of this one.)
        let result =
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| diesel::Connection::transaction(conn, f))) {
                Ok(result) => result,
                Err(panic) => {
                    // Its savepoint is still open: undo it, commit the rest,
                    // and let the panic go on.
                    let _ = Manage::rollback_transaction(conn);
                    let _ = self.settle(&mut state);
                    drop(state);
                    std::panic::resume_unwind(panic)
                }
            };
        let Some(batch) = state.open.as_mut() else {
            return Err(failed("the write's batch ended under it".into()).into());
        };
        batch.members += 1;
        let more = self.waiting.load(Ordering::SeqCst) > 0
            && batch.members < self.max_members
            && batch.since.elapsed() < self.max_age
            && result.is_ok();
        if !more {
            return match (self.settle(&mut state), result) {
                (Ok(()), result) => result,
                // Its own error first: its savepoint was rolled back anyway.
                (Err(_), Err(own)) => Err(own),
                (Err(e), Ok(_)) => Err(e.into()),
            };
        }
        // Leave the batch open for the writes behind; answer after its commit.
        drop(state);
        let waiting = self.settled_lock.lock().unwrap_or_else(|p| p.into_inner());
        let waiting = self.settled.wait_while(waiting, |_| outcome.get().is_none()).unwrap_or_else(|p| p.into_inner());
        drop(waiting);
        match outcome.get() {
            Some(Ok(())) => result,
            Some(Err(message)) => Err(failed(message.clone()).into()),
            None => Err(failed("the write's batch was never settled".into()).into()),
        }
    }

    /// Opens the connection and the batch if none is open; the outcome to
    /// wait for.
    fn join(&self, state: &mut State) -> diesel::QueryResult<Arc<OnceLock<Result<(), String>>>> {
        if state.open.is_none() {
            if state.conn.is_none() {
                let conn = Manager::plain(self.url.clone())
                    .connect()
                    .map_err(|e| failed(format!("cannot open the writer's connection: {e}")))?;
                state.conn = Some(conn);
            }
            let Some(conn) = state.conn.as_mut() else { return Err(failed("no writer connection".into())) };
            Manage::begin_transaction(conn)?;
            // A write as the first statement takes SQLite's write lock now
            // (waiting under busy_timeout, should another process write),
            // like BEGIN IMMEDIATE. The change counter is that write:
            // readers see the batch and its new number together.
            if let Err(e) = super::bump_sqlite_change_counter(conn) {
                let _ = Manage::rollback_transaction(conn);
                return Err(e);
            }
            state.open = Some(Batch { outcome: Arc::new(OnceLock::new()), members: 0, since: Instant::now() });
        }
        state.open.as_ref().map(|b| b.outcome.clone()).ok_or_else(|| failed("no batch".into()))
    }

    /// Commits the open batch, tells its members, and wakes them.
    fn settle(&self, state: &mut State) -> diesel::QueryResult<()> {
        let Some(batch) = state.open.take() else { return Ok(()) };
        let committed = match state.conn.as_mut() {
            Some(conn) => Manage::commit_transaction(conn),
            None => Err(failed("no writer connection".into())),
        };
        if committed.is_err() {
            // Whatever SQLite kept of it, a new connection starts clean.
            state.conn = None;
        } else {
            LOCAL_WRITES.fetch_add(1, Ordering::Release);
        }
        let _ = batch.outcome.set(committed.as_ref().map(|_| ()).map_err(ToString::to_string));
        // Taken so that no member is between its check and its wait.
        drop(self.settled_lock.lock().unwrap_or_else(|p| p.into_inner()));
        self.settled.notify_all();
        committed
    }
}

#[cfg(test)]
mod tests {
    //! Batches formed on purpose: the test holds the writer while the
    //! writes queue, so that they find each other waiting.
    use super::*;
    use diesel::RunQueryDsl;
    use diesel::connection::SimpleConnection;

    /// One write of a test, run on a thread of its own.
    type Write<'a> = Box<dyn FnOnce(&mut DbConn) -> diesel::QueryResult<usize> + Send + 'a>;

    struct Db {
        _dir: tempfile::TempDir,
        url: DatabaseUrl,
        writer: Writer,
    }

    fn db() -> Db {
        let dir = tempfile::tempdir().expect("temporary folder");
        let url = DatabaseUrl::Sqlite(dir.path().join("test.db"));
        let mut conn = Manager::plain(url.clone()).connect().expect("connects");
        crate::db::migrate(&mut conn).expect("migrates");
        // A parent row, and children whose key to it is checked at COMMIT.
        conn.batch_execute(
            "CREATE TABLE parents (id INTEGER PRIMARY KEY); INSERT INTO parents (id) VALUES (1); \
             CREATE TABLE children (n INTEGER PRIMARY KEY, parent INTEGER NOT NULL \
               REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED);",
        )
        .expect("test tables");
        let file = main_file(&mut conn).expect("names its file");
        // An age no test machine reaches: batches end only as the test says.
        let writer = Writer { max_age: Duration::from_secs(600), ..Writer::new(file, url.clone()) };
        Db { _dir: dir, url, writer }
    }

    fn insert(conn: &mut DbConn, n: i64, parent: i64) -> diesel::QueryResult<usize> {
        diesel::sql_query(format!("INSERT INTO children (n, parent) VALUES ({n}, {parent})")).execute(conn)
    }

    fn children(db: &Db) -> Vec<i64> {
        #[derive(diesel::QueryableByName)]
        struct Row {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let mut conn = Manager::plain(db.url.clone()).connect().expect("connects");
        let rows: Vec<Row> = diesel::sql_query("SELECT n FROM children ORDER BY n").load(&mut conn).expect("reads");
        rows.into_iter().map(|r| r.n).collect()
    }

    fn counter(db: &Db) -> i64 {
        let mut conn = Manager::plain(db.url.clone()).connect().expect("connects");
        crate::db::change_counter(&mut conn).expect("reads the counter")
    }

    /// Runs `writes` on threads of their own, all queued behind the test
    /// before any starts; their answers in order.
    fn queued<'a>(writer: &Writer, writes: Vec<Write<'a>>) -> Vec<std::thread::Result<diesel::QueryResult<usize>>> {
        let n = writes.len();
        std::thread::scope(|scope| {
            let held = writer.state.lock().expect("the writer");
            let handles: Vec<_> = writes.into_iter().map(|w| scope.spawn(move || writer.write(w))).collect();
            while writer.waiting.load(Ordering::SeqCst) < n {
                std::thread::yield_now();
            }
            drop(held);
            handles.into_iter().map(|h| h.join()).collect()
        })
    }

    #[test]
    fn writes_that_queue_share_one_commit_and_a_failing_one_undoes_only_itself() {
        let db = db();
        let before = counter(&db);
        let writes: Vec<Write> = (1..=8_i64)
            .map(|n| {
                Box::new(move |conn: &mut DbConn| {
                    insert(conn, n, 1)?;
                    if n == 5 { Err(DieselError::RollbackTransaction) } else { Ok(1_usize) }
                }) as Write
            })
            .collect();
        let answers = queued(&db.writer, writes);
        let failed: Vec<usize> =
            answers.iter().enumerate().filter(|(_, a)| !matches!(a, Ok(Ok(1)))).map(|(i, _)| i + 1).collect();
        assert_eq!(failed, vec![5], "only the fifth write failed");
        assert_eq!(children(&db), vec![1, 2, 3, 4, 6, 7, 8], "the failed write left nothing behind");
        // One commit for the writes before the failing one (which ends its
        // batch), one for the rest: not one each.
        let commits = counter(&db) - before;
        assert!((1..=2).contains(&commits), "8 writes took {commits} commits");
    }

    #[test]
    fn a_failed_commit_fails_every_write_it_held_and_the_next_write_starts_clean() {
        let db = db();
        // Each savepoint succeeds; the second write's missing parent fails
        // the COMMIT of both.
        let writes: Vec<Write> =
            vec![Box::new(|conn: &mut DbConn| insert(conn, 1, 1)), Box::new(|conn: &mut DbConn| insert(conn, 2, 99))];
        let answers = queued(&db.writer, writes);
        for (i, answer) in answers.iter().enumerate() {
            assert!(matches!(answer, Ok(Err(_))), "write {} was answered {answer:?} though nothing committed", i + 1);
        }
        assert!(children(&db).is_empty());
        assert_eq!(db.writer.write(|conn| insert(conn, 3, 1)).expect("writes again"), 1);
        assert_eq!(children(&db), vec![3]);
    }

    #[test]
    fn a_write_that_panics_undoes_itself_and_the_others_still_commit() {
        let db = db();
        let writes: Vec<Write> = vec![
            Box::new(|conn: &mut DbConn| insert(conn, 1, 1)),
            Box::new(|conn: &mut DbConn| {
                insert(conn, 2, 1)?;
                panic!("a bug in a write")
            }),
            Box::new(|conn: &mut DbConn| insert(conn, 3, 1)),
        ];
        let answers = queued(&db.writer, writes);
        assert!(answers[1].is_err(), "the panic reaches its own caller");
        assert!(matches!(answers[0], Ok(Ok(1))) && matches!(answers[2], Ok(Ok(1))), "{answers:?}");
        assert_eq!(children(&db), vec![1, 3]);
    }
}
