//! The test harness: the real application on port 0, with a fresh SQLite
//! file or, when `TEST_DATABASE_URL` is set, a fresh PostgreSQL database.

use convene::db::{DatabaseUrl, accounts};
use convene::settings::Settings;
use convene::startup::{Application, prepare_database};
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use serde_json::{Value, json};
use std::path::PathBuf;

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub token: String,
    pub database_url: DatabaseUrl,
    pub dir: tempfile::TempDir,
    pg: Option<PgDatabase>,
    /// Set by tests that cause delivery failures on purpose.
    mail_errors_expected: std::sync::atomic::AtomicBool,
}

/// libpq without GSSAPI (see `db::Manager::connect`): Kerberos asserts on
/// its mutexes when a connection closes while a process exits.
pub fn pg_connect(url: &str) -> diesel::ConnectionResult<PgConnection> {
    let sep = if url.contains('?') { '&' } else { '?' };
    PgConnection::establish(&format!("{url}{sep}gssencmode=disable"))
}

/// A throwaway PostgreSQL database, dropped with the test.
pub struct PgDatabase {
    admin_url: String,
    name: String,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        if let Ok(mut conn) = pg_connect(&self.admin_url) {
            let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.name));
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if !std::thread::panicking() && !self.mail_errors_expected.load(std::sync::atomic::Ordering::Relaxed) {
            self.assert_no_email_went_wrong();
        }
        // Dropped explicitly so the database goes after the server's pool is unused.
        self.pg.take();
    }
}

pub fn backend_url(dir: &std::path::Path) -> (DatabaseUrl, Option<PgDatabase>) {
    match std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) {
        Some(admin_url) => {
            let name = format!("convene_test_{}", uuid::Uuid::new_v4().simple());
            let mut conn = pg_connect(&admin_url).expect("TEST_DATABASE_URL must point at a reachable PostgreSQL");
            conn.batch_execute(&format!("CREATE DATABASE \"{name}\"")).expect("create test database");
            let (base, _) = admin_url.rsplit_once('/').expect("TEST_DATABASE_URL has a database name");
            let url = format!("{base}/{name}");
            (DatabaseUrl::Postgres(url), Some(PgDatabase { admin_url, name }))
        }
        None => {
            let path: PathBuf = dir.join("convene.db");
            (DatabaseUrl::Sqlite(path), None)
        }
    }
}

pub fn test_settings(database_url: DatabaseUrl, dir: &std::path::Path) -> Settings {
    Settings {
        database_url,
        bind: "127.0.0.1:0".parse().expect("address"),
        base_url: None,
        smtp_url: None,
        mail_dir: dir.join("outbox"),
        mail_from: "Convene <convene@localhost>".into(),
        rate_limit_per_minute: 0,
        demo: false,
        log_json: false,
        db_pool_size: 4,
        secret_key: None,
        mail_poll_ms: 100,
        reminder_hours: (24, 1),
        reminder_check_ms: 200,
        retention_days: 365,
        metrics_token: None,
        certificate_prefix: "CBRN".into(),
        files_dir: dir.join("files"),
        max_upload_bytes: 25_000_000,
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database_url, pg) = backend_url(dir.path());
    let mut settings = test_settings(database_url.clone(), dir.path());
    adjust(&mut settings);
    let for_setup = settings.clone();
    let token = tokio::task::spawn_blocking(move || {
        let pool = prepare_database(&for_setup).expect("database prepared");
        let mut conn = pool.get().expect("connection");
        accounts::create_token(&mut conn, "tests", None).expect("token")
    })
    .await
    .expect("setup task");
    let app = Application::build(settings).await.expect("application builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    TestApp { address, client, token, database_url, dir, pg, mail_errors_expected: Default::default() }
}

impl TestApp {
    /// Returns once the app's outbox holds nothing queued or in flight
    /// (its worker is woken by every change that queues mail): what the
    /// SMTP sink or the mail folder holds then is all the test's actions
    /// sent, so a test can count emails without waiting on the clock.
    pub async fn dispatch_pending_emails(&self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        loop {
            let url = self.database_url.clone();
            let stats = tokio::task::spawn_blocking(move || {
                let mut conn = convene::db::connect_one(&url).expect("connection");
                convene::db::outbox::stats(&mut conn, convene::db::now()).expect("outbox stats")
            })
            .await
            .expect("stats task");
            if stats.queued == 0 {
                return;
            }
            assert!(std::time::Instant::now() < deadline, "{} emails still undelivered", stats.queued);
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// For a test that makes delivery fail on purpose (an SMTP outage).
    pub fn expect_mail_errors(&self) {
        self.mail_errors_expected.store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// Run when a test ends: no email was given up, and none met an error
    /// on its way, unless the test said it would.
    fn assert_no_email_went_wrong(&self) {
        let Ok(mut conn) = convene::db::connect_one(&self.database_url) else { return };
        let Ok(rows) = convene::db::outbox::recent(&mut conn, None, 100_000) else { return };
        let wrong: Vec<String> = rows
            .iter()
            .filter(|r| r.status == convene::db::outbox::FAILED || !r.last_error.is_empty())
            .map(|r| format!("{} to {}: {} ({})", r.subject, r.recipient_email, r.status, r.last_error))
            .collect();
        assert!(wrong.is_empty(), "emails went wrong in this test: {wrong:#?}");
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("request sent")
    }

    pub async fn get_authorised(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).bearer_auth(&self.token).send().await.expect("request sent")
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> reqwest::Response {
        self.client.post(self.url(path)).bearer_auth(&self.token).json(body).send().await.expect("request sent")
    }

    pub async fn patch_json(&self, path: &str, body: &Value) -> reqwest::Response {
        self.client.patch(self.url(path)).bearer_auth(&self.token).json(body).send().await.expect("request sent")
    }

    /// Creates a session and returns its JSON, failing the test on anything but 201.
    pub async fn create_session(&self, fields: Value) -> Value {
        let res = self.post_json("/api/v1/sessions", &fields).await;
        let status = res.status();
        let body: Value = res.json().await.expect("JSON body");
        assert_eq!(status, 201, "session not created: {body}");
        body
    }

    pub async fn post_public(&self, path: &str, body: &Value) -> reqwest::Response {
        self.client.post(self.url(path)).json(body).send().await.expect("request sent")
    }

    /// Registers someone through the public API and returns status and body.
    pub async fn register(&self, session_id: i64, fields: Value) -> (u16, Value) {
        let res = self.post_public(&format!("/api/v1/sessions/{session_id}/registrations"), &fields).await;
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn session(&self, id: i64) -> Value {
        self.get_authorised(&format!("/api/v1/sessions/{id}")).await.json().await.expect("session json")
    }

    pub async fn registrations(&self, session_id: i64) -> Vec<Value> {
        let res = self.get_authorised(&format!("/api/v1/sessions/{session_id}/registrations")).await;
        assert_eq!(res.status(), 200);
        res.json().await.expect("registrations json")
    }

    /// Every session in the database, whatever its status or date.
    pub async fn all_sessions(&self) -> Vec<Value> {
        let res = self.get_authorised("/api/v1/sessions?status=all&from=1970-01-01&limit=500").await;
        assert_eq!(res.status(), 200);
        res.json::<Vec<Value>>().await.expect("list")
    }
}

/// A valid published session in Manila; tests override what they need.
pub fn manila_session() -> Value {
    json!({
        "title": "Biosafety in diagnostic laboratories",
        "summary": "For laboratory staff.",
        "kind": "webinar",
        "format": "online",
        "time_zone": "Asia/Manila",
        "starts_at": "2027-03-09T16:00",
        "ends_at": "2027-03-09T17:30",
        "capacity": 50,
        "waitlist": true,
        "regions": ["south-east-asia"],
        "topics": ["biosafety"],
        "status": "published",
        "join_url": "https://meet.example.org/secret-room"
    })
}

pub fn with(mut base: Value, changes: Value) -> Value {
    if let (Some(b), Some(c)) = (base.as_object_mut(), changes.as_object()) {
        for (k, v) in c {
            b.insert(k.clone(), v.clone());
        }
    }
    base
}

/// A valid registration from Indonesia; tests override what they need.
pub fn participant(email: &str) -> Value {
    json!({
        "name": "Siti Rahma",
        "email": email,
        "organisation": "Ministry of Health",
        "country": "ID",
        "consent": true
    })
}

/// The secret at the end of a manage URL.
pub fn token_of(manage_url: &Value) -> String {
    manage_url.as_str().and_then(|u| u.rsplit('/').next()).expect("a manage url").to_string()
}

/// Runs one statement on the app's database, for tests that must move
/// time (`INTERVAL_3_DAYS` is spelled per backend) or act as another
/// instance would (`BUMP_CHANGE_COUNTER`: what its write transaction does).
pub fn run_sql(app: &TestApp, sql: &str) {
    use diesel::Connection;
    match &app.database_url {
        DatabaseUrl::Sqlite(path) => {
            let mut c = diesel::SqliteConnection::establish(&path.to_string_lossy()).expect("sqlite");
            // The server writes at the same time: wait for its lock as it
            // waits for ours, rather than failing at once with "database is locked".
            c.batch_execute("PRAGMA busy_timeout = 10000").expect("busy timeout");
            let sql = sql
                .replace("created_at - INTERVAL_3_DAYS", "datetime(created_at, '-3 days')")
                .replace("created_at - INTERVAL_8_DAYS", "datetime(created_at, '-8 days')")
                .replace("BUMP_CHANGE_COUNTER", "UPDATE change_counter SET value = value + 1 WHERE id = 1");
            c.batch_execute(&sql).expect("sql");
        }
        DatabaseUrl::Postgres(url) => {
            let mut c = pg_connect(url).expect("postgres");
            let sql = sql
                .replace("INTERVAL_3_DAYS", "INTERVAL '3 days'")
                .replace("INTERVAL_8_DAYS", "INTERVAL '8 days'")
                .replace("BUMP_CHANGE_COUNTER", "SELECT nextval('change_counter')");
            c.batch_execute(&sql).expect("sql");
        }
    }
}

/// The text column `value` of the first row `sql` selects on the app's
/// database, for tests that check what is stored and not shown anywhere.
pub fn query_one(app: &TestApp, sql: &str) -> String {
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        value: String,
    }
    let pool = convene::db::connect(&app.database_url, 1).expect("database");
    let mut conn = pool.get().expect("connection");
    let rows: Vec<Row> = diesel::sql_query(sql).load(&mut *conn).expect("query");
    rows.into_iter().next().map(|r| r.value).expect("a row")
}

/// An admin account on the app's database, made through the library.
pub fn create_admin(app: &TestApp, email: &str, password: &str) {
    let pool = convene::db::connect(&app.database_url, 1).expect("database");
    let mut conn = pool.get().expect("connection");
    let email = convene::domain::email::EmailAddress::parse(email).expect("email");
    convene::db::accounts::upsert_admin(&mut conn, &email, password).expect("admin created");
}

/// An organiser account scoped to `regions`, made with the real
/// `convene admin create --role organiser` command.
pub fn create_organiser(app: &TestApp, email: &str, password: &str, regions: &[&str]) {
    use std::io::Write;
    let mut cmd = crate::cli::convene(&app.database_url, app.dir.path());
    cmd.args(["admin", "create", "--email", email, "--role", "organiser"]);
    for r in regions {
        cmd.args(["--region", r]);
    }
    let mut child = cmd
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    child.stdin.take().expect("stdin").write_all(format!("{password}\n").as_bytes()).expect("password");
    let out = child.wait_with_output().expect("finishes");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}
