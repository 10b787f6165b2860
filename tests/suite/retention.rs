//! Keeping data no longer than needed, keeping it safe, and keeping bots out:
//! retention purge, online backup, the honeypot.

use crate::cli::{ServerProcess, convene};
use crate::common::{manila_session, participant, run_sql, spawn_app, with};
use convene::db::DatabaseUrl;
use serde_json::{Value, json};

#[tokio::test]
async fn purge_anonymises_registrations_of_sessions_past_retention() {
    let app = spawn_app().await;
    let old = app.create_session(with(manila_session(), json!({"title": "Old"}))).await["id"].as_i64().expect("id");
    let recent =
        app.create_session(with(manila_session(), json!({"title": "Recent"}))).await["id"].as_i64().expect("id");
    app.register(old, participant("old@example.org")).await;
    app.register(recent, participant("recent@example.org")).await;
    run_sql(
        &app,
        &format!(
            "UPDATE sessions SET starts_at = '2020-01-01 10:00:00', ends_at = '2020-01-01 11:00:00' WHERE id = {old}"
        ),
    );
    let out = convene(&app.database_url, app.dir.path())
        .env("CONVENE_RETENTION_DAYS", "30")
        .arg("purge")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{:?} {} {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("1 registration(s) anonymised"));
    let gone = &app.registrations(old).await[0];
    assert_eq!(
        (gone["name"].as_str(), gone["organisation"].as_str(), gone["country"].as_str()),
        (Some("(erased)"), Some(""), Some("ID"))
    );
    assert!(gone["email"].as_str().is_some_and(|e| e.ends_with("@invalid")));
    assert_eq!(app.registrations(recent).await[0]["email"], "recent@example.org", "recent sessions keep their data");
    let out = convene(&app.database_url, app.dir.path())
        .env("CONVENE_RETENTION_DAYS", "0")
        .arg("purge")
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("kept"));
}

#[tokio::test]
async fn an_online_backup_holds_every_registration() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    for n in 0..5 {
        app.register(id, participant(&format!("b{n}@example.org"))).await;
    }
    let target = app.dir.path().join("backup.db");
    let out = convene(&app.database_url, app.dir.path()).arg("backup").arg(&target).output().expect("runs");
    match &app.database_url {
        DatabaseUrl::Postgres(_) => {
            assert!(!out.status.success());
            assert!(String::from_utf8_lossy(&out.stderr).contains("pg_dump"), "points PostgreSQL users to pg_dump");
        }
        DatabaseUrl::Sqlite(_) => {
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            let again = convene(&app.database_url, app.dir.path()).arg("backup").arg(&target).output().expect("runs");
            assert!(!again.status.success(), "never overwrites a file");
            // Restore: a server on the copy sees every registration.
            let restored = DatabaseUrl::Sqlite(target.clone());
            let dir = app.dir.path().to_path_buf();
            let token = {
                let out =
                    convene(&restored, &dir).args(["token", "create", "--name", "restore"]).output().expect("runs");
                String::from_utf8_lossy(&out.stdout).lines().last().expect("token").trim().to_string()
            };
            let server =
                tokio::task::spawn_blocking(move || ServerProcess::start(&restored, &dir)).await.expect("start");
            let list: Vec<Value> = reqwest::Client::new()
                .get(format!("{}/api/v1/sessions/{id}/registrations", server.address))
                .bearer_auth(token)
                .send()
                .await
                .expect("sent")
                .json()
                .await
                .expect("json");
            assert_eq!(list.len(), 5);
        }
    }
}

#[tokio::test]
async fn a_filled_honeypot_is_refused_and_writes_nothing() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let page =
        scraper::Html::parse_document(&app.get(&format!("/sessions/{id}/register")).await.text().await.expect("body"));
    let sel = scraper::Selector::parse("input[name=csrf_token]").expect("selector");
    let csrf = page.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string();
    let res = app
        .client
        .post(app.url(&format!("/sessions/{id}/register")))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("website", "http://spam.example"),
            ("name", "Bot"),
            ("email", "bot@example.org"),
            ("organisation", "Bots"),
            ("country", "ID"),
            ("consent", "yes"),
        ])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 400);
    assert!(app.registrations(id).await.is_empty());
}

#[tokio::test]
async fn the_privacy_notice_states_the_retention_period() {
    let app = crate::common::spawn_app_with(|s| s.retention_days = 90).await;
    let body = app.get("/privacy").await.text().await.expect("body");
    let html = scraper::Html::parse_document(&body);
    let sel = scraper::Selector::parse("#retention").expect("selector");
    let text: String = html.select(&sel).next().expect("a retention paragraph").text().collect();
    assert!(text.contains("90 days after the session ends"), "{text}");
}
