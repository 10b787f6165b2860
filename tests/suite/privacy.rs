//! A participant's own data through a registration's link: a copy of that
//! registration to download, and its erasure. (What spans an address is
//! behind a link emailed to it: see `security.rs`.)

use crate::common::{manila_session, participant, spawn_app_with, with};
use crate::smtp::{SmtpSink, subject_of};
use serde_json::{Value, json};
use std::time::Duration;

#[tokio::test]
async fn a_participant_can_download_a_registrations_data_and_erase_it() {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = spawn_app_with(move |s| s.smtp_url = Some(convene::settings::Secret(url))).await;
    let full = app.create_session(with(manila_session(), json!({"capacity": 1, "waitlist": true, "questions": [{"key": "diet", "kind": "short_text", "label": "Diet"}]}))).await["id"].as_i64().expect("id");
    let other =
        app.create_session(with(manila_session(), json!({"title": "Another"}))).await["id"].as_i64().expect("id");
    let (_, me) =
        app.register(full, with(participant("me@example.org"), json!({"answers": {"diet": "vegetarian"}}))).await;
    app.register(other, participant("me@example.org")).await;
    app.register(full, participant("next@example.org")).await; // waitlisted
    sink.wait_for(3, Duration::from_secs(15)).await;
    let manage = me["manage_url"].as_str().expect("url").replace(&app.address, "");

    let res = app.get(&format!("{manage}/data.json")).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"].to_str().expect("ascii").contains("attachment"));
    let data: Value = res.json().await.expect("json");
    assert_eq!(data["email"], "me@example.org");
    let items = data["registrations"].as_array().expect("list");
    assert_eq!(items.len(), 1, "this registration only, not the address's other one");
    assert_eq!(items[0]["answers"]["diet"], "vegetarian");
    assert_eq!(items[0]["emails"][0]["subject"], "Registration confirmed: Biosafety in diagnostic laboratories");

    let page = scraper::Html::parse_document(&app.get(&format!("{manage}/erase")).await.text().await.expect("body"));
    let sel = scraper::Selector::parse("input[name=csrf_token]").expect("selector");
    let csrf = page.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string();
    let res = app
        .client
        .post(app.url(&format!("{manage}/erase")))
        .form(&[("csrf_token", "wrong")])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 403, "CSRF applies");
    let res = app
        .client
        .post(app.url(&format!("{manage}/erase")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/registrations/erased?one");
    let erased = app.get("/registrations/erased?one").await.text().await.expect("page");
    assert!(erased.contains("Your other registrations are as they were."), "the page says what was erased");

    assert_eq!(app.get(&manage).await.status(), 404, "the old link no longer works");
    let feed = me["feed_url"].as_str().expect("url").replace(&app.address, "");
    assert_eq!(app.get(&feed).await.status(), 404);
    let list = app.registrations(full).await;
    assert!(list.iter().all(|r| r["email"] != "me@example.org"), "the address is gone here: {list:?}");
    let erased = list.iter().find(|r| r["name"] == "(erased)").expect("an anonymised row");
    assert_eq!(erased["country"], "ID", "the country stays for the figures");
    assert_eq!(erased["status"], "cancelled");
    assert_eq!(erased["organisation"], "");
    assert_eq!(erased["answers"], json!({}));
    let kept = app.registrations(other).await;
    assert_eq!(
        kept.iter().find(|r| r["email"] == "me@example.org").map(|r| r["status"].clone()),
        Some(json!("confirmed")),
        "the address's other registration is untouched"
    );
    let list = app.registrations(full).await;
    assert_eq!(
        list.iter().find(|r| r["email"] == "next@example.org").map(|r| r["status"].clone()),
        Some(json!("confirmed")),
        "the seat went to the next person"
    );
    let mail = sink.wait_for(4, Duration::from_secs(15)).await;
    app.dispatch_pending_emails().await;
    let after: Vec<String> =
        sink.received().iter().skip(3).map(|m| format!("{} {}", m.to.join(","), subject_of(m))).collect();
    assert_eq!(
        after,
        ["next@example.org A seat is yours: Biosafety in diagnostic laboratories"],
        "nothing more to the erased person"
    );
    let _ = mail;
}
