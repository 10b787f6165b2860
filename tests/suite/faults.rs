//! Faults injected into a running server: kill -9 in the middle of a
//! registration burst, the database going away under load (PostgreSQL:
//! every connection cut and new ones refused, then back; SQLite: the disk
//! full, then the file system read-only), each followed by recovery.

use crate::cli::{ServerProcess, convene};
use crate::common::{backend_url, participant, spawn_app_with};
use convene::db::DatabaseUrl;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

fn session_body(capacity: i32) -> Value {
    json!({"title": "Fault drill", "time_zone": "Asia/Jakarta", "starts_at": "2027-06-01T10:00",
        "ends_at": "2027-06-01T11:00", "status": "published", "capacity": capacity, "waitlist": false})
}

async fn create_session(client: &reqwest::Client, address: &str, token: &str, capacity: i32) -> i64 {
    let res = client
        .post(format!("{address}/api/v1/sessions"))
        .bearer_auth(token)
        .json(&session_body(capacity))
        .send()
        .await
        .expect("create");
    assert_eq!(res.status(), 201);
    let session: Value = res.json().await.expect("json");
    session["id"].as_i64().expect("id")
}

async fn registrations(client: &reqwest::Client, address: &str, token: &str, session: i64) -> Vec<Value> {
    let res = client
        .get(format!("{address}/api/v1/sessions/{session}/registrations"))
        .bearer_auth(token)
        .send()
        .await
        .expect("list");
    assert_eq!(res.status(), 200);
    res.json().await.expect("json")
}

/// What each email got back: a status code, or `None` when the connection
/// died before an answer (the server was killed).
type Outcomes = BTreeMap<String, Option<u16>>;

#[tokio::test]
async fn kill_9_during_a_registration_burst_loses_nothing_acknowledged_and_never_overbooks() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _pg) = backend_url(dir.path());
    let out = convene(&db, dir.path()).args(["token", "create", "--name", "faults"]).output().expect("runs");
    let token = String::from_utf8_lossy(&out.stdout).lines().last().expect("token").trim().to_string();
    let (db2, dir2) = (db.clone(), dir.path().to_path_buf());
    let mut server = tokio::task::spawn_blocking(move || ServerProcess::start(&db2, &dir2)).await.expect("start");
    let client = reqwest::Client::builder().timeout(Duration::from_secs(20)).build().expect("client");
    let capacity = 40;
    let session = create_session(&client, &server.address, &token, capacity).await;

    // Eight clients register as fast as they can; the server dies under them.
    let outcomes = Arc::new(std::sync::Mutex::new(Outcomes::new()));
    let mut burst = Vec::new();
    for worker in 0..8 {
        let (client, address, outcomes) = (client.clone(), server.address.clone(), outcomes.clone());
        burst.push(tokio::spawn(async move {
            for n in 0..40 {
                let email = format!("burst{worker}-{n}@example.org");
                let res = client
                    .post(format!("{address}/api/v1/sessions/{session}/registrations"))
                    .json(&participant(&email))
                    .send()
                    .await;
                let status = res.ok().map(|r| r.status().as_u16());
                outcomes.lock().expect("lock").insert(email, status);
                if status.is_none() {
                    break;
                }
            }
        }));
    }
    // Kill once some registrations have been acknowledged, mid-burst.
    let started = Instant::now();
    while outcomes.lock().expect("lock").values().filter(|s| **s == Some(201)).count() < 15 {
        assert!(started.elapsed() < Duration::from_secs(30), "the burst never got going");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    Command::new("kill").args(["-KILL", &server.child.id().to_string()]).status().expect("kill");
    let _ = server.child.wait();
    for task in burst {
        task.await.expect("worker");
    }
    let outcomes = outcomes.lock().expect("lock").clone();
    let statuses: BTreeSet<Option<u16>> = outcomes.values().copied().collect();
    assert!(
        statuses.iter().all(|s| matches!(s, None | Some(201) | Some(409))),
        "only 201, 409 (full) or a cut connection: {statuses:?}"
    );

    let (db3, dir3) = (db.clone(), dir.path().to_path_buf());
    let server = tokio::task::spawn_blocking(move || ServerProcess::start(&db3, &dir3)).await.expect("restart");
    let present = registrations(&client, &server.address, &token, session).await;
    let emails: Vec<&str> = present.iter().filter_map(|r| r["email"].as_str()).collect();
    let unique: BTreeSet<&str> = emails.iter().copied().collect();
    assert_eq!(unique.len(), emails.len(), "no registration twice");
    for (email, status) in &outcomes {
        match status {
            Some(201) => assert!(unique.contains(email.as_str()), "{email} was acknowledged but is gone"),
            Some(_) => assert!(!unique.contains(email.as_str()), "{email} was refused but is present"),
            None => {}
        }
    }
    let confirmed = present.iter().filter(|r| r["status"] == "confirmed").count();
    assert_eq!(confirmed, present.len(), "no waiting list: everyone present is confirmed");
    assert!(confirmed <= capacity as usize, "{confirmed} confirmed for {capacity} seats");
    let after: Value = client
        .get(format!("{}/api/v1/sessions/{session}", server.address))
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(after["seats_left"], json!(capacity as usize - confirmed), "the seat count matches the rows");
    // Whole registrations only: each has its confirmation email queued.
    let listed = convene(&db, dir.path()).args(["outbox", "list", "--limit", "10000"]).output().expect("runs");
    let listed = String::from_utf8_lossy(&listed.stdout).to_string();
    let mut recipients: Vec<&str> =
        listed.lines().filter_map(|l| l.split_whitespace().find(|w| w.starts_with("burst"))).collect();
    recipients.sort_unstable();
    let mut expected: Vec<&str> = emails.clone();
    expected.sort_unstable();
    assert_eq!(recipients, expected, "one email per registration, none for a refused one");
    // Registering still works after the restart, as does the capacity.
    let res = client
        .post(format!("{}/api/v1/sessions/{session}/registrations", server.address))
        .json(&participant("after-restart@example.org"))
        .send()
        .await
        .expect("register");
    let expected = if confirmed < capacity as usize { 201 } else { 409 };
    assert_eq!(res.status().as_u16(), expected);
}

/// A TCP proxy in front of PostgreSQL that can play an outage: every
/// connection cut at once (as a server restart does) and new ones closed
/// on arrival until it is back.
struct FlakyProxy {
    port: u16,
    up: Arc<AtomicBool>,
    cut: tokio::sync::broadcast::Sender<()>,
}

impl FlakyProxy {
    async fn start(upstream: String) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let up = Arc::new(AtomicBool::new(true));
        let (cut, _) = tokio::sync::broadcast::channel(4);
        let (up2, cut2) = (up.clone(), cut.clone());
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                if !up2.load(Ordering::SeqCst) {
                    continue; // dropped: closed on arrival
                }
                let upstream = upstream.clone();
                let mut cut = cut2.subscribe();
                tokio::spawn(async move {
                    let Ok(mut outbound) = tokio::net::TcpStream::connect(&upstream).await else { return };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                        _ = cut.recv() => {}
                    }
                });
            }
        });
        Self { port, up, cut }
    }

    fn down(&self) {
        self.up.store(false, Ordering::SeqCst);
        let _ = self.cut.send(());
    }

    fn back(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

/// PostgreSQL goes away under load and comes back: 503 (with Retry-After)
/// while it is gone, never a 500 or a hang, and recovery without a restart.
/// On SQLite the same promise is kept for the disk: full, then read-only.
#[tokio::test]
async fn the_database_going_away_under_load_answers_503_and_the_service_recovers() {
    if std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()).is_some() {
        postgres_outage().await;
    } else {
        sqlite_disk_full_then_read_only().await;
    }
}

async fn postgres_outage() {
    let admin_url = std::env::var("TEST_DATABASE_URL").expect("postgres run");
    let authority = admin_url.split('@').nth(1).and_then(|rest| rest.split('/').next()).expect("host:port").to_string();
    let proxy = FlakyProxy::start(authority.clone()).await;
    let through_proxy = format!("127.0.0.1:{}", proxy.port);
    // The same fresh database, reached through the proxy.
    let app = spawn_app_with(|s| {
        if let DatabaseUrl::Postgres(u) = &s.database_url {
            s.database_url = DatabaseUrl::Postgres(u.replacen(&authority, &through_proxy, 1));
        }
    })
    .await;
    let session = app.create_session(session_body(10_000)).await["id"].as_i64().expect("id");

    // Load: four clients registering throughout.
    let stop = Arc::new(AtomicBool::new(false));
    let outcomes = Arc::new(std::sync::Mutex::new(Vec::<(String, u16, Duration)>::new()));
    let mut load = Vec::new();
    for worker in 0..4 {
        let (client, url, stop, outcomes) = (app.client.clone(), app.url(""), stop.clone(), outcomes.clone());
        load.push(tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                let email = format!("load{worker}-{n}@example.org");
                let t = Instant::now();
                let res = client
                    .post(format!("{url}/api/v1/sessions/{session}/registrations"))
                    .json(&participant(&email))
                    .timeout(Duration::from_secs(30))
                    .send()
                    .await
                    .expect("the server answers, even while its database is gone");
                let status = res.status().as_u16();
                if status == 503 {
                    assert!(res.headers().contains_key("retry-after"), "503 says when to retry");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                outcomes.lock().expect("lock").push((email, status, t.elapsed()));
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(800)).await;
    proxy.down();
    tokio::time::sleep(Duration::from_secs(6)).await;
    // While it is down, a plain read answers 503 too, promptly.
    let t = Instant::now();
    let res = app.get(&format!("/api/v1/sessions/{session}")).await;
    assert_eq!(res.status(), 503, "{}", res.text().await.unwrap_or_default());
    assert!(t.elapsed() < Duration::from_secs(8), "503 within the pool's 5 s wait, took {:?}", t.elapsed());
    let health = app.get("/healthz").await;
    assert_eq!(health.status(), 503);
    proxy.back();

    // Recovery by itself: the next requests succeed without a restart.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let res = app.get(&format!("/api/v1/sessions/{session}")).await;
        if res.status() == 200 {
            break;
        }
        assert!(Instant::now() < deadline, "no recovery: still {}", res.status());
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    tokio::time::sleep(Duration::from_millis(800)).await;
    stop.store(true, Ordering::SeqCst);
    for task in load {
        task.await.expect("load worker");
    }
    let outcomes = outcomes.lock().expect("lock").clone();
    let count = |code| outcomes.iter().filter(|(_, s, _)| *s == code).count();
    assert!(count(503) > 0, "the outage was seen by the load");
    assert!(count(201) > 0, "registrations succeeded before and after");
    assert!(outcomes.iter().all(|(_, s, _)| *s == 201 || *s == 503), "only 201 or 503");
    let slowest = outcomes.iter().map(|(_, _, d)| *d).max().unwrap_or_default();
    assert!(slowest < Duration::from_secs(12), "no request hung: slowest {slowest:?}");
    let last = outcomes.iter().rev().take(4).filter(|(_, s, _)| *s == 201).count();
    assert!(last > 0, "the load recovered");
    let present: BTreeSet<String> =
        app.registrations(session).await.iter().filter_map(|r| r["email"].as_str().map(String::from)).collect();
    for (email, status, _) in &outcomes {
        // A 503 may come after the commit reached the server but before its
        // answer came back; only acknowledged ones must be present.
        if *status == 201 {
            assert!(present.contains(email), "{email} acknowledged but missing");
        }
    }
}

/// The server in a private mount namespace (`unshare`, no root needed) on
/// its own small tmpfs, driven by commands on stdin: `fill`, `free`, `ro`,
/// `rw`, `check`.
struct JailedServer {
    child: std::process::Child,
    stdin: std::process::ChildStdin,
    replies: std::sync::mpsc::Receiver<String>,
    address: String,
    token: String,
}

const JAIL: &str = r#"
set -eu
mount -t tmpfs -o size=6m tmpfs "$JAIL_DIR"
export CONVENE_DATABASE_URL="sqlite://$JAIL_DIR/convene.db"
echo "token $("$CONVENE_BIN" token create --name faults | tail -n 1)"
"$CONVENE_BIN" serve &
server=$!
while read -r cmd; do
  case "$cmd" in
    fill) dd if=/dev/zero of="$JAIL_DIR/filler" bs=64k 2>/dev/null || true; echo "reply full" ;;
    free) rm -f "$JAIL_DIR/filler"; echo "reply freed" ;;
    stop) kill -TERM "$server"; wait "$server" || true; echo "reply stopped" ;;
    ro) mount -o remount,ro "$JAIL_DIR"; echo "reply ro" ;;
    rw) mount -o remount,rw "$JAIL_DIR"; echo "reply rw" ;;
    try-serve)
      status=0
      timeout 20 "$CONVENE_BIN" serve >/dev/null 2>"$JAIL_DIR/../serve.err" || status=$?
      echo "reply exit=$status $(grep -v ' INFO ' "$JAIL_DIR/../serve.err" | tail -n 1)" ;;
    serve) "$CONVENE_BIN" serve & server=$! ;;
    check) if "$CONVENE_BIN" backup "$JAIL_DIR/../check.db" >/dev/null 2>&1; then echo "reply ok"; else echo "reply broken"; fi ;;
    quit) kill -TERM "$server" 2>/dev/null; wait "$server" || true; exit 0 ;;
  esac
done
"#;

impl JailedServer {
    fn start(dir: &std::path::Path) -> Self {
        let jail = dir.join("jail");
        std::fs::create_dir_all(&jail).expect("jail dir");
        let mut child = Command::new("unshare")
            .args(["--user", "--map-root-user", "--mount", "bash", "-c", JAIL])
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("JAIL_DIR", &jail)
            .env("CONVENE_BIN", env!("CARGO_BIN_EXE_convene"))
            .env("CONVENE_MAIL_DIR", dir.join("outbox"))
            .env("CONVENE_DEMO", "false")
            .env("CONVENE_BIND", "127.0.0.1:0")
            .env("CONVENE_RATE_LIMIT_PER_MINUTE", "0")
            .env("CONVENE_DB_POOL_SIZE", "4")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("unshare (util-linux) runs");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, replies) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut server = Self { child, stdin, replies, address: String::new(), token: String::new() };
        server.token = server.wait_for("token ");
        server.address = server.wait_for("Convene is running at ").trim_end_matches('/').to_string();
        server
    }

    fn wait_for(&mut self, prefix: &str) -> String {
        loop {
            let line = self
                .replies
                .recv_timeout(Duration::from_secs(30))
                .unwrap_or_else(|_| panic!("no {prefix:?} line: unshare --user --mount must work here"));
            if let Some(rest) = line.strip_prefix(prefix) {
                break rest.trim().to_string();
            }
        }
    }

    fn command(&mut self, cmd: &str) -> String {
        writeln!(self.stdin, "{cmd}").expect("command sent");
        loop {
            let line = self.replies.recv_timeout(Duration::from_secs(60)).expect("reply");
            if let Some(reply) = line.strip_prefix("reply ") {
                return reply.to_string();
            }
        }
    }
}

impl Drop for JailedServer {
    fn drop(&mut self) {
        let _ = writeln!(self.stdin, "quit");
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn sqlite_disk_full_then_read_only() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().to_path_buf();
    let server = tokio::task::spawn_blocking(move || JailedServer::start(&path)).await.expect("jail");
    let server = Arc::new(std::sync::Mutex::new(server));
    let (address, token) = {
        let s = server.lock().expect("lock");
        (s.address.clone(), s.token.clone())
    };
    let client = reqwest::Client::builder().timeout(Duration::from_secs(20)).build().expect("client");
    let session = create_session(&client, &address, &token, 10_000).await;
    let mut outcomes = Outcomes::new();
    let mut n = 0;
    let mut register = async |outcomes: &mut Outcomes| {
        n += 1;
        let email = format!("disk{n}@example.org");
        let res = client
            .post(format!("{address}/api/v1/sessions/{session}/registrations"))
            .json(&participant(&email))
            .send()
            .await
            .expect("the server answers");
        let status = res.status().as_u16();
        if status == 503 {
            assert!(res.headers().contains_key("retry-after"));
        }
        outcomes.insert(email, Some(status));
        status
    };
    let command = |cmd: &'static str| {
        let server = server.clone();
        async move { tokio::task::spawn_blocking(move || server.lock().expect("lock").command(cmd)).await.expect("command") }
    };
    for _ in 0..5 {
        assert_eq!(register(&mut outcomes).await, 201);
    }

    // Disk full: the write-ahead log cannot grow. Keep registering until
    // it must; every refusal is a 503, never a 500.
    assert_eq!(command("fill").await, "full");
    let mut refused = 0;
    for _ in 0..200 {
        match register(&mut outcomes).await {
            503 => refused += 1,
            201 => {}
            other => panic!("disk full answered {other}"),
        }
        if refused >= 3 {
            break;
        }
    }
    assert!(refused >= 3, "a full disk was never noticed");
    assert_eq!(command("free").await, "freed");
    assert_eq!(register(&mut outcomes).await, 201, "writes resume once there is space");

    // A read-only file system: the server will not start on it and says
    // why in one line, rather than serving pages it could not keep.
    assert_eq!(command("stop").await, "stopped");
    assert_eq!(command("ro").await, "ro");
    let refused = command("try-serve").await;
    assert!(refused.starts_with("exit=1 "), "serve on a read-only disk exits 1: {refused}");
    assert!(refused.contains("read-only"), "and says the disk is read-only: {refused}");
    assert_eq!(command("rw").await, "rw");
    let address = {
        let server = server.clone();
        tokio::task::spawn_blocking(move || {
            let mut s = server.lock().expect("lock");
            writeln!(s.stdin, "serve").expect("command sent");
            s.wait_for("Convene is running at ").trim_end_matches('/').to_string()
        })
        .await
        .expect("restart")
    };
    let register = async |outcomes: &mut Outcomes, email: &str| {
        let res = client
            .post(format!("{address}/api/v1/sessions/{session}/registrations"))
            .json(&participant(email))
            .send()
            .await
            .expect("the server answers");
        outcomes.insert(email.to_string(), Some(res.status().as_u16()));
        res.status().as_u16()
    };
    assert_eq!(register(&mut outcomes, "after-rw@example.org").await, 201, "writes resume on a writable disk");

    // Nothing half-written: every acknowledged registration is there, no
    // refused one is, and the file reads back whole.
    let present: BTreeSet<String> = registrations(&client, &address, &token, session)
        .await
        .iter()
        .filter_map(|r| r["email"].as_str().map(String::from))
        .collect();
    for (email, status) in &outcomes {
        match status {
            Some(201) => assert!(present.contains(email), "{email} acknowledged but missing"),
            _ => assert!(!present.contains(email), "{email} refused but present"),
        }
    }
    assert_eq!(command("check").await, "ok", "the database file is intact (a full backup reads every page)");
}
