//! The `convene` binary itself: help, version, configuration errors, token
//! and admin commands, and a real `serve` that stops gracefully on SIGTERM.

use crate::common::backend_url;
use convene::db::DatabaseUrl;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

pub fn convene(db: &DatabaseUrl, dir: &std::path::Path) -> Command {
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
        Self::start_with(db, dir, &[])
    }

    pub fn start_with(db: &DatabaseUrl, dir: &std::path::Path, env: &[(&str, &str)]) -> Self {
        Self::spawn(db, dir, env, Stdio::null())
    }

    /// A server whose log (at the default `info` level) goes to `log`.
    pub fn start_logging(db: &DatabaseUrl, dir: &std::path::Path, log: &std::path::Path) -> Self {
        let file = std::fs::File::create(log).expect("log file");
        Self::spawn(db, dir, &[("CONVENE_LOG", "info")], Stdio::from(file))
    }

    fn spawn(db: &DatabaseUrl, dir: &std::path::Path, env: &[(&str, &str)], stderr: Stdio) -> Self {
        let mut cmd = convene(db, dir);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd
            .arg("serve")
            .env("CONVENE_RATE_LIMIT_PER_MINUTE", "0")
            .env("CONVENE_DB_POOL_SIZE", "4")
            .stdout(Stdio::piped())
            .stderr(stderr)
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

#[tokio::test]
async fn mail_queued_when_the_server_is_killed_is_delivered_once_after_restart() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _pg) = backend_url(dir.path());
    let mut sink = crate::smtp::SmtpSink::start().await;
    let smtp: &'static str = Box::leak(sink.url().into_boxed_str());
    sink.stop().await;
    let env = [("CONVENE_SMTP_URL", smtp), ("CONVENE_SECRET_KEY", "k3y-for-the-crash-test-0123456789abcdef")];
    let token = {
        let out = convene(&db, dir.path()).args(["token", "create", "--name", "crash"]).output().expect("runs");
        String::from_utf8_lossy(&out.stdout).lines().last().expect("token").trim().to_string()
    };
    let (db2, dir2) = (db.clone(), dir.path().to_path_buf());
    let first = tokio::task::spawn_blocking(move || ServerProcess::start_with(&db2, &dir2, &env)).await.expect("start");
    let client = reqwest::Client::new();
    let body = serde_json::json!({"title": "Crash test", "time_zone": "Asia/Jakarta", "starts_at": "2027-06-01T10:00",
        "ends_at": "2027-06-01T11:00", "status": "published"});
    let session: serde_json::Value = client
        .post(format!("{}/api/v1/sessions", first.address))
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .expect("create")
        .json()
        .await
        .expect("json");
    for n in 0..4 {
        let res = client
            .post(format!("{}/api/v1/sessions/{}/registrations", first.address, session["id"]))
            .json(&crate::common::participant(&format!("crash{n}@example.org")))
            .send()
            .await
            .expect("register");
        assert_eq!(res.status(), 201);
    }
    // kill -9: no chance to finish anything.
    let mut first = first;
    Command::new("kill").args(["-KILL", &first.child.id().to_string()]).status().expect("kill");
    let _ = first.child.wait();
    sink.resume().await;
    // The operator's "send now", then a new process picks the queue up.
    let out = convene(&db, dir.path()).args(["outbox", "retry"]).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (db3, dir3) = (db.clone(), dir.path().to_path_buf());
    let _second =
        tokio::task::spawn_blocking(move || ServerProcess::start_with(&db3, &dir3, &env)).await.expect("restart");
    // A row the killed worker had claimed waits for its lease (60 s) to end.
    let mail = sink.wait_for(4, Duration::from_secs(90)).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(sink.received().len(), 4, "each email exactly once");
    let mut recipients: Vec<String> = mail.iter().map(|m| m.to.join(",")).collect();
    recipients.sort();
    assert_eq!(recipients, ["crash0@example.org", "crash1@example.org", "crash2@example.org", "crash3@example.org"]);
    let listed = convene(&db, dir.path()).args(["outbox", "list", "--status", "sent"]).output().expect("runs");
    assert_eq!(String::from_utf8_lossy(&listed.stdout).lines().count(), 5, "a header and four sent emails");
}
