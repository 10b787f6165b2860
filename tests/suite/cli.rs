//! The `convene` binary itself: help, version, configuration errors, token
//! and admin commands, and a real `serve` that stops gracefully on SIGTERM.

use crate::common::backend_url;
use convene::db::DatabaseUrl;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

fn convene(db: &DatabaseUrl, dir: &std::path::Path) -> Command {
    let url = match db {
        DatabaseUrl::Sqlite(p) => format!("sqlite://{}", p.display()),
        DatabaseUrl::Postgres(u) => u.clone(),
    };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_convene"));
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("CONVENE_DATABASE_URL", url)
        .env("CONVENE_MAIL_DIR", dir.join("outbox"))
        .env("CONVENE_DEMO", "false")
        .env("CONVENE_BIND", "127.0.0.1:0")
        .current_dir(dir);
    cmd
}

#[test]
fn help_and_version_say_what_the_commands_do() {
    let out = Command::new(env!("CARGO_BIN_EXE_convene")).arg("--help").output().expect("runs");
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for word in [
        "serve",
        "migrate",
        "admin",
        "token",
        "CONVENE_DATABASE_URL",
        "CONVENE_BIND",
        "CONVENE_SMTP_URL",
        "CONVENE_RATE_LIMIT_PER_MINUTE",
        "CONVENE_DEMO",
    ] {
        assert!(help.contains(word), "--help lacks {word}:\n{help}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_convene")).args(["token", "create", "--help"]).output().expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("CONVENE_DATABASE_URL"));
    let out = Command::new(env!("CARGO_BIN_EXE_convene")).arg("--version").output().expect("runs");
    let version = String::from_utf8_lossy(&out.stdout);
    assert!(version.contains(convene::domain::zone::tzdb_version()), "{version}");
}

#[test]
fn a_bad_setting_stops_start_up_with_one_line_naming_it() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _pg) = backend_url(dir.path());
    let out = convene(&db, dir.path()).env("CONVENE_BIND", "not-an-address").arg("migrate").output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("CONVENE_BIND"), "{err}");
}

#[test]
fn admin_create_reads_the_password_from_stdin_and_refuses_a_short_one() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _pg) = backend_url(dir.path());
    let run = |password: &str| {
        let mut child = convene(&db, dir.path())
            .args(["admin", "create", "--email", "Organiser@Example.org"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        if let Some(mut stdin) = child.stdin.take() {
            let _ = writeln!(stdin, "{password}");
        }
        child.wait_with_output().expect("finishes")
    };
    let short = run("short");
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 12"));
    let ok = run("correct horse battery staple");
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("organiser@example.org"));
}

#[test]
fn a_token_from_the_command_line_works_against_a_served_instance_that_stops_gracefully() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _pg) = backend_url(dir.path());
    let out = convene(&db, dir.path()).args(["token", "create", "--name", "ci"]).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let token = stdout.lines().last().expect("token line").trim().to_string();
    assert!(token.starts_with("cvn_") && token.len() > 40, "{token}");

    let mut server =
        convene(&db, dir.path()).arg("serve").stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("serve");
    let stdout = server.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let base = loop {
        let line = lines.next().expect("server printed its address").expect("line");
        if let Some(rest) = line.strip_prefix("Convene is running at ") {
            break rest.trim_end_matches('/').to_string();
        }
    };
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let client = reqwest::Client::new();
        let health = client.get(format!("{base}/healthz")).send().await.expect("health");
        assert_eq!(health.status(), 200);
        let body = serde_json::json!({"title": "From the CLI token", "time_zone": "Asia/Jakarta", "starts_at": "2027-06-01T10:00", "ends_at": "2027-06-01T11:00"});
        let res = client.post(format!("{base}/api/v1/sessions")).bearer_auth(&token).json(&body).send().await.expect("create");
        assert_eq!(res.status(), 201);
    });
    let killed = Command::new("kill").args(["-TERM", &server.id().to_string()]).status().expect("kill");
    assert!(killed.success());
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = server.try_wait().expect("wait") {
            break status;
        }
        assert!(std::time::Instant::now() < deadline, "server did not stop after SIGTERM");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "graceful shutdown exits 0, got {status:?}");
}

/// A `convene serve` process, stopped when dropped.
pub struct ServerProcess {
    pub child: std::process::Child,
    pub address: String,
}

impl ServerProcess {
    pub fn start(db: &DatabaseUrl, dir: &std::path::Path) -> Self {
        let mut child = convene(db, dir)
            .arg("serve")
            .env("CONVENE_RATE_LIMIT_PER_MINUTE", "0")
            .env("CONVENE_DB_POOL_SIZE", "4")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let address = loop {
            let line = lines.next().expect("server printed its address").expect("line");
            if let Some(rest) = line.strip_prefix("Convene is running at ") {
                break rest.trim_end_matches('/').to_string();
            }
        };
        // Keep reading so the server never writes into a closed pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Self { child, address }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Two more server processes on the test app's own database.
pub async fn two_more_servers(app: &crate::common::TestApp) -> Vec<ServerProcess> {
    let db = app.database_url.clone();
    let dir = app.dir.path().to_path_buf();
    tokio::task::spawn_blocking(move || vec![ServerProcess::start(&db, &dir), ServerProcess::start(&db, &dir)])
        .await
        .expect("servers start")
}
