//! Health and metrics.

use crate::common::spawn_app;
use serde_json::Value;

#[tokio::test]
async fn health_reports_the_database_and_tz_database() {
    let app = spawn_app().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"]["state"], "ok");
    let expected = if std::env::var("TEST_DATABASE_URL").is_ok_and(|u| !u.is_empty()) { "postgres" } else { "sqlite" };
    assert_eq!(body["database"]["backend"], expected);
    assert_eq!(body["tzdb"], convene::domain::zone::tzdb_version());
}

#[tokio::test]
async fn metrics_count_requests_by_route_pattern() {
    let app = spawn_app().await;
    for _ in 0..3 {
        app.get("/api/v1/sessions/12345").await;
    }
    let text = app.get("/metrics").await.text().await.expect("text");
    let line = text
        .lines()
        .find(|l| {
            l.starts_with("convene_http_requests_total{")
                && l.contains("route=\"/api/v1/sessions/{id}\"")
                && l.contains("status=\"404\"")
        })
        .unwrap_or_else(|| panic!("no counter line for the session route in:\n{text}"));
    assert!(line.ends_with(" 3"), "{line}");
    assert!(text.contains("convene_http_request_duration_seconds_bucket"));
    assert!(text.contains("convene_db_pool_max_connections 4"));
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in ["/", "/healthz", "/api/v1/regions", "/nope"] {
        let res = app.get(path).await;
        let h = res.headers();
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        let csp = h["content-security-policy"].to_str().expect("ascii");
        assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), "{path}: {csp}");
    }
}

#[tokio::test]
async fn metrics_show_the_outbox() {
    let app = spawn_app().await;
    let id = app.create_session(crate::common::manila_session()).await["id"].as_i64().expect("id");
    app.register(id, crate::common::participant("m@example.org")).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let text = app.get("/metrics").await.text().await.expect("text");
        if text.lines().any(|l| l == "convene_outbox_sent 1") {
            assert!(text.lines().any(|l| l == "convene_outbox_queued 0"), "{text}");
            assert!(text.contains("convene_outbox_failed 0"));
            assert!(text.contains("convene_outbox_oldest_queued_seconds 0"));
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the email was not counted as sent:\n{text}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn sqlite_commits_reach_the_database_file_itself_within_a_second_not_only_its_log() {
    use diesel::{Connection, RunQueryDsl, sqlite::SqliteConnection};
    // Checkpoints are SQLite's own: this test runs on SQLite whatever
    // TEST_DATABASE_URL says.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("own.db");
    let for_app = path.clone();
    let app = crate::common::spawn_app_with(move |s| s.database_url = convene::db::DatabaseUrl::Sqlite(for_app)).await;
    let session = app.create_session(crate::common::manila_session()).await;
    let id = session["id"].as_i64().expect("id");
    for i in 0..20 {
        assert_eq!(app.register(id, crate::common::participant(&format!("p{i}@example.org"))).await.0, 201);
    }
    // SQLite alone would copy its log into the file only past 10,000
    // pages; the server does it every CHECKPOINT_EVERY, beside the writes.
    tokio::time::sleep(convene::db::CHECKPOINT_EVERY * 3).await;
    // The file without its write-ahead log: only what a checkpoint copied.
    let copy = dir.path().join("copy.db");
    std::fs::copy(&path, &copy).expect("copied");
    let mut conn = SqliteConnection::establish(&copy.to_string_lossy()).expect("opens");
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let count: Count =
        diesel::sql_query("SELECT count(*) AS n FROM registrations").get_result(&mut conn).expect("the table");
    assert_eq!(count.n, 20, "every registration is in the database file");
    app.dispatch_pending_emails().await;
}
