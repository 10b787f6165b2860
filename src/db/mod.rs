//! Storage: one code path for SQLite and PostgreSQL. The backend is chosen by
//! the URL scheme, never by trial: diesel's own `MultiConnection::establish`
//! tries each backend in turn and SQLite accepts any string as a file name.

/// Runs `$body` with `$c` bound to the backend's own connection, for the
/// statements on the registration path (inside the writer on SQLite, under
/// the session's row lock on PostgreSQL). diesel's `MultiConnection`
/// writes a query's whole SQL text anew on every run, to bind it, even
/// when its prepared statement is cached; the backend's own connection
/// binds the cached statement directly. The body is compiled once per
/// backend, so it must be a query both accept (any of our schema's).
macro_rules! native {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConn::Sqlite($c) => $body,
            $crate::db::DbConn::Pg($c) => $body,
        }
    };
}
pub(crate) use native;

/// A statement whose text never changes, kept prepared by the
/// connection's statement cache. diesel prepares every UPDATE and every
/// `sql_query` anew on each run (their text may vary, in general); for
/// the few run on every registration that parse was a large part of the
/// time spent holding the writer. `M` names the statement (the cache's
/// key) and holds its text, `M::SQL`: the parts between its integer
/// parameters, bound from `params` in order.
pub(crate) struct Fixed<'a, M> {
    params: &'a [i32],
    statement: std::marker::PhantomData<M>,
}

pub(crate) trait FixedSql: 'static {
    const SQL: &'static [&'static str];
}

impl<'a, M: FixedSql> Fixed<'a, M> {
    pub(crate) fn new(params: &'a [i32]) -> Self {
        debug_assert_eq!(params.len() + 1, M::SQL.len(), "one parameter between each two parts");
        Self { params, statement: std::marker::PhantomData }
    }
}

impl<M: FixedSql> diesel::query_builder::QueryId for Fixed<'_, M> {
    type QueryId = M;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<M: FixedSql, DB: diesel::backend::Backend> diesel::query_builder::QueryFragment<DB> for Fixed<'_, M>
where
    i32: diesel::serialize::ToSql<diesel::sql_types::Integer, DB>,
{
    fn walk_ast<'b>(&'b self, mut out: diesel::query_builder::AstPass<'_, 'b, DB>) -> diesel::QueryResult<()> {
        let mut parts = M::SQL.iter();
        if let Some(first) = parts.next() {
            out.push_sql(first);
        }
        for (part, value) in parts.zip(self.params) {
            out.push_bind_param::<diesel::sql_types::Integer, _>(value)?;
            out.push_sql(part);
        }
        Ok(())
    }
}

impl<M: FixedSql> diesel::query_builder::Query for Fixed<'_, M> {
    type SqlType = diesel::sql_types::Untyped;
}

impl<M, C> diesel::RunQueryDsl<C> for Fixed<'_, M> {}

pub mod accounts;
pub mod audit;
pub mod certificates;
pub mod demo;
pub mod feedback;
pub mod group_commit;
pub mod ids;
pub mod materials;
pub mod models;
pub mod notify;
pub mod outbox;
pub mod privacy;
pub mod reference;
pub mod registrations;
pub mod schema;
pub mod series;
pub mod sessions;

use anyhow::Context;
use diesel::Connection;
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::r2d2::{self, ManageConnection};
use diesel::sqlite::SqliteConnection;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use std::path::PathBuf;
use std::time::Duration;

#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

pub type Pool = r2d2::Pool<Manager>;

const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");
const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");

/// Where the data lives, parsed from `CONVENE_DATABASE_URL`.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, String> {
        if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
            if path.is_empty() {
                return Err("sqlite URL has no file path (e.g. sqlite://data/convene.db)".into());
            }
            Ok(Self::Sqlite(PathBuf::from(path)))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres(url.to_string()))
        } else {
            Err("must start with sqlite:// or postgres://".into())
        }
    }

    pub fn backend(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "sqlite",
            Self::Postgres(_) => "postgres",
        }
    }
}

impl std::fmt::Debug for DatabaseUrl {
    // A PostgreSQL URL may carry a password: show only where it points.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Sqlite(p) => write!(f, "sqlite://{}", p.display()),
            Self::Postgres(u) => {
                let host = u.rsplit('@').next().unwrap_or("").split('?').next().unwrap_or("");
                write!(f, "postgres://…@{host}")
            }
        }
    }
}

pub struct Manager {
    url: DatabaseUrl,
    /// A SQLite pool's writer (see `group_commit`): held here so that it
    /// lives exactly as long as the pool.
    _writer: Option<std::sync::Arc<group_commit::Writer>>,
}

impl Manager {
    /// Connections to `url`, with no writer of their own.
    pub(crate) fn plain(url: DatabaseUrl) -> Self {
        Self { url, _writer: None }
    }
}

impl ManageConnection for Manager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        match &self.url {
            DatabaseUrl::Postgres(url) => {
                // libpq tries GSSAPI encryption first unless told otherwise;
                // Kerberos' library then asserts on its mutexes when a
                // connection closes while the process exits (seen in CI as
                // "k5_mutex_lock: Assertion `r == 0' failed"). Convene never
                // uses Kerberos, so it is off unless the URL asks for it.
                let url = if url.contains("gssencmode=") {
                    url.clone()
                } else {
                    format!("{url}{}gssencmode=disable", if url.contains('?') { '&' } else { '?' })
                };
                let mut conn = PgConnection::establish(&url).map_err(r2d2::Error::ConnectionError)?;
                // Timestamps are UTC instants; the session's own zone decides
                // nothing on the server.
                conn.batch_execute("SET TIME ZONE 'UTC'").map_err(r2d2::Error::QueryError)?;
                Ok(DbConn::Pg(conn))
            }
            DatabaseUrl::Sqlite(path) => {
                let path = path.to_string_lossy();
                let mut conn = SqliteConnection::establish(&path).map_err(r2d2::Error::ConnectionError)?;
                // busy_timeout before WAL: switching to WAL itself needs the lock.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
                     PRAGMA wal_autocheckpoint = 10000;",
                )
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1").map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut DbConn) -> bool {
        false
    }
}

/// How often the server copies SQLite's write-ahead log into the database
/// (see [`checkpoints`]).
pub const CHECKPOINT_EVERY: Duration = Duration::from_millis(500);

/// Copies SQLite's write-ahead log back into the database file every
/// [`CHECKPOINT_EVERY`], from a pooled connection, while the server runs.
///
/// SQLite would otherwise checkpoint inside the commit that fills the log
/// past its threshold, with the process's writer lock held: every writer
/// then waited for that copy and its fsync (registrations ran at 680/s on
/// two cores). A PASSIVE checkpoint waits for nobody and holds no writer
/// lock, so it runs beside the writes. Each connection keeps SQLite's own
/// checkpoint at 10,000 pages (`Manager::connect`) as the fallback, should
/// this one fall behind; it never copies anything a commit has not made
/// durable in the log first, so no guarantee moves.
///
/// Started only for SQLite (`startup`): the loop takes its connection on
/// the blocking pool, never on the runtime's threads, where a pool's wait
/// would stall every request.
pub async fn checkpoints(pool: Pool) {
    loop {
        tokio::time::sleep(CHECKPOINT_EVERY).await;
        let pool = pool.clone();
        let done = tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
            pool.get()?.batch_execute("PRAGMA wal_checkpoint(PASSIVE)")?;
            Ok(())
        })
        .await;
        if let Ok(Err(e)) = done {
            tracing::warn!(error = %e, "write-ahead log not checkpointed; trying again");
        }
    }
}

/// Builds the pool, creating the SQLite folder if needed, and migrates.
pub fn connect(url: &DatabaseUrl, max_size: u32) -> anyhow::Result<Pool> {
    if let DatabaseUrl::Sqlite(path) = url
        && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create data folder {}", dir.display()))?;
    }
    // Switch a new SQLite file to WAL on one connection first: several
    // connections doing it at once fail with "database is locked". The
    // same connection names the file for its writer.
    let writer = match url {
        DatabaseUrl::Sqlite(path) => {
            let mut first = Manager::plain(url.clone())
                .connect()
                .with_context(|| format!("cannot open the database at {url:?}{}", unwritable(path)))?;
            group_commit::register(&mut first, url).context("cannot name the database file")?
        }
        DatabaseUrl::Postgres(_) => None,
    };
    let pool = r2d2::Pool::builder()
        .max_size(max_size)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(5))
        // A PostgreSQL restart leaves every pooled connection dead, and
        // nothing else tells r2d2 so: without a ping on checkout the pool
        // would hand out dead connections forever. SQLite files cannot go
        // away like that, so they skip the round trip.
        .test_on_check_out(matches!(url, DatabaseUrl::Postgres(_)))
        .build(Manager { url: url.clone(), _writer: writer })
        .with_context(|| format!("cannot connect to the database at {url:?}"))?;
    let mut conn = pool.get().context("cannot get a database connection")?;
    migrate(&mut conn)?;
    Ok(pool)
}

/// Why SQLite may have said only "unable to open database file": the
/// file or its folder cannot be written (SQLite needs both, for its
/// write-ahead log), e.g. on a file system mounted read-only.
fn unwritable(path: &std::path::Path) -> String {
    let probe = if path.exists() {
        std::fs::OpenOptions::new().append(true).open(path).map(drop)
    } else {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
        tempfile_probe(dir)
    };
    match probe {
        Err(e) if e.kind() == std::io::ErrorKind::ReadOnlyFilesystem => {
            format!(" (the disk is read-only: {e})")
        }
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => format!(" (not writable: {e})"),
        _ => String::new(),
    }
}

fn tempfile_probe(dir: &std::path::Path) -> std::io::Result<()> {
    let probe = dir.join(format!(".convene-probe-{}", std::process::id()));
    std::fs::File::create(&probe)?;
    std::fs::remove_file(probe)
}

/// One connection, migrated: for commands that run once and exit. They
/// must not use the pool, whose threads may still close connections while
/// the process exits (seen as a crash in libpq's teardown).
pub fn connect_one(url: &DatabaseUrl) -> anyhow::Result<DbConn> {
    if let DatabaseUrl::Sqlite(path) = url
        && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create data folder {}", dir.display()))?;
    }
    let mut conn =
        Manager::plain(url.clone()).connect().with_context(|| format!("cannot connect to the database at {url:?}"))?;
    migrate(&mut conn)?;
    Ok(conn)
}

pub fn migrate(conn: &mut DbConn) -> anyhow::Result<()> {
    let applied: Vec<String> = match conn {
        DbConn::Pg(c) => {
            // Several instances may start at once on one database.
            c.batch_execute("SELECT pg_advisory_lock(7261001)")?;
            let result =
                c.run_pending_migrations(PG_MIGRATIONS).map(|done| done.iter().map(ToString::to_string).collect());
            c.batch_execute("SELECT pg_advisory_unlock(7261001)")?;
            result
        }
        DbConn::Sqlite(c) => {
            c.run_pending_migrations(SQLITE_MIGRATIONS).map(|done| done.iter().map(ToString::to_string).collect())
        }
    }
    .map_err(|e| anyhow::anyhow!("database migration failed: {e}"))?;
    // What SQL alone cannot fill in (the folding is ours, not the database's).
    if applied.iter().any(|v| v.contains("000026")) {
        let filled = sessions::fill_search_text(conn)?;
        tracing::info!(sessions = filled, "search text filled in");
    }
    Ok(())
}

/// Storage instants are UTC at whole seconds: SQLite would keep nanoseconds
/// and PostgreSQL microseconds, and the two must compare alike.
pub fn now() -> chrono::NaiveDateTime {
    let n = chrono::Utc::now().naive_utc();
    n - Duration::from_nanos(u64::from(chrono::Timelike::nanosecond(&n)))
}

/// One writer at a time per process on SQLite. SQLite allows a single
/// writer anyway; queueing here, rather than in SQLite's busy handler
/// (which sleeps and retries, and is unfair), keeps tail latency low.
/// Several processes on one SQLite file still queue on `busy_timeout`.
static SQLITE_WRITER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Writes this process has committed: caches of rendered pages compare it
/// so that their own instance's changes show at once (another instance's
/// show through the change counter, see `web::page_cache`).
static LOCAL_WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// How many write transactions this process has committed.
pub fn local_writes() -> u64 {
    LOCAL_WRITES.load(std::sync::atomic::Ordering::Acquire)
}

thread_local! {
    /// Inside a write transaction on this thread: a nested one is a
    /// savepoint of it (already behind the writer lock, its counter
    /// bumped once by the outermost).
    static WRITING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A transaction that writes. On PostgreSQL a plain transaction (callers
/// take row locks); on SQLite the same, behind the process's writer lock.
/// Called inside another, it is a savepoint: its error rolls back its own
/// writes only, and everything commits with the outermost.
pub fn write_transaction<T, E>(conn: &mut DbConn, f: impl FnOnce(&mut DbConn) -> Result<T, E>) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    if WRITING.get() {
        return conn.transaction(f);
    }
    struct Writing;
    impl Drop for Writing {
        fn drop(&mut self) {
            WRITING.set(false);
        }
    }
    WRITING.set(true);
    let writing = Writing;
    let result = outermost(conn, f);
    drop(writing);
    result
}

/// A write that no page or feed shows: the outbox's own bookkeeping. On
/// SQLite it still goes through the writer, which must be the one holder
/// of the write lock: a write beside it made the writer wait under
/// `busy_timeout`, whose sleeps are milliseconds long, with every queued
/// registration behind it. On PostgreSQL a plain transaction that leaves
/// the change counter, and so every cache, alone.
pub fn unseen_write<T, E>(conn: &mut DbConn, f: impl FnOnce(&mut DbConn) -> Result<T, E>) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    match conn {
        DbConn::Sqlite(_) => write_transaction(conn, f),
        DbConn::Pg(_) => conn.transaction(f),
    }
}

fn outermost<T, E>(conn: &mut DbConn, f: impl FnOnce(&mut DbConn) -> Result<T, E>) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    let sqlite = matches!(conn, DbConn::Sqlite(_));
    if sqlite && let Some(writer) = group_commit::for_connection(conn)? {
        return writer.write(f);
    }
    let _guard = sqlite.then(|| SQLITE_WRITER.lock().unwrap_or_else(|poisoned| poisoned.into_inner()));
    let result = conn.transaction(|conn| {
        if sqlite {
            // A write as the first statement takes SQLite's write lock now
            // (waiting under busy_timeout), like BEGIN IMMEDIATE: a
            // transaction that read first and wrote later would fail at
            // once if another process committed in between. The change
            // counter is that write (SQLite readers see both or neither).
            bump_sqlite_change_counter(conn)?;
        }
        f(conn)
    })?;
    LOCAL_WRITES.fetch_add(1, std::sync::atomic::Ordering::Release);
    if let DbConn::Pg(c) = conn {
        // After the commit, never before: a reader that sees the new
        // number must also see the new data. Failing here only delays a
        // feed refresh until the cache's own expiry.
        if let Err(e) = c.batch_execute("SELECT nextval('change_counter')") {
            tracing::warn!(error = %e, "change counter not bumped");
        }
    }
    Ok(result)
}

/// SQLite's change counter, one higher (see `write_transaction`).
fn bump_sqlite_change_counter(conn: &mut DbConn) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
    struct Bump;
    impl FixedSql for Bump {
        const SQL: &'static [&'static str] = &["UPDATE change_counter SET value = value + 1 WHERE id = 1"];
    }
    native!(conn, |c| Fixed::<Bump>::new(&[]).execute(c)).map(|_| ())
}

/// The current value of the change counter (see `write_transaction`).
pub fn change_counter(conn: &mut DbConn) -> diesel::QueryResult<i64> {
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct Value {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        value: i64,
    }
    let row: Value = match conn {
        // Before its first nextval a sequence reports last_value 1 with
        // is_called false, the same as after it: count only real calls.
        DbConn::Pg(c) => {
            diesel::sql_query("SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS value FROM change_counter")
                .get_result(c)?
        }
        DbConn::Sqlite(c) => diesel::sql_query("SELECT value FROM change_counter WHERE id = 1").get_result(c)?,
    };
    Ok(row.value)
}

/// A consistent copy of a SQLite database while the server runs
/// (`VACUUM INTO` reads one snapshot). PostgreSQL has its own tools.
pub fn backup(conn: &mut DbConn, path: &std::path::Path) -> anyhow::Result<()> {
    match conn {
        DbConn::Sqlite(c) => {
            anyhow::ensure!(!path.exists(), "{} exists already; choose a new file", path.display());
            let target = path.to_str().context("the backup path is not valid UTF-8")?;
            c.batch_execute(&format!("VACUUM INTO '{}'", target.replace('\'', "''")))?;
            Ok(())
        }
        DbConn::Pg(_) => anyhow::bail!("the database is PostgreSQL: back it up with pg_dump (see README, Reliability)"),
    }
}
