//! Registrations through the API: capacity, waiting list, promotion,
//! eligibility, window, approval, duplicates, bad input, concurrency.

use crate::common::{
    TestApp, manila_session, participant, query_one, run_sql, spawn_app, spawn_app_with, token_of, with,
};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};

async fn session_with(app: &TestApp, changes: Value) -> i64 {
    app.create_session(with(manila_session(), changes)).await["id"].as_i64().expect("id")
}

#[tokio::test]
async fn a_registration_is_confirmed_and_takes_a_seat() {
    let app = spawn_app().await;
    let id = session_with(&app, json!({"capacity": 2})).await;
    let (status, body) = app.register(id, participant("siti@example.org")).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["status"], "confirmed");
    assert_eq!(body["time_zone"], "Asia/Jakarta", "the country's first zone by default");
    assert!(body["manage_url"].as_str().is_some_and(|u| u.starts_with(&app.url("/registrations/m_"))), "{body}");
    assert!(
        body["feed_url"].as_str().is_some_and(|u| u.contains("/feeds/personal/f_") && u.ends_with(".ics")),
        "{body}"
    );
    assert_eq!(app.session(id).await["seats_left"], 1);
}

#[tokio::test]
async fn a_full_session_waitlists_in_order_and_a_cancellation_promotes_the_first() {
    let app = spawn_app().await;
    let id = session_with(&app, json!({"capacity": 1, "waitlist": true})).await;
    let (_, first) = app.register(id, participant("a@example.org")).await;
    let (_, second) = app.register(id, participant("b@example.org")).await;
    let (_, third) = app.register(id, participant("c@example.org")).await;
    assert_eq!(first["status"], "confirmed");
    assert_eq!((second["status"].as_str(), second["waitlist_position"].as_i64()), (Some("waitlisted"), Some(1)));
    assert_eq!((third["status"].as_str(), third["waitlist_position"].as_i64()), (Some("waitlisted"), Some(2)));

    let res =
        app.post_public(&format!("/api/v1/registrations/{}/cancel", token_of(&first["manage_url"])), &json!({})).await;
    assert_eq!(res.status(), 200);
    let list = app.registrations(id).await;
    let status_of = |email: &str| {
        list.iter().find(|r| r["email"] == email).map(|r| r["status"].as_str().unwrap_or_default().to_string())
    };
    assert_eq!(status_of("a@example.org").as_deref(), Some("cancelled"));
    assert_eq!(status_of("b@example.org").as_deref(), Some("confirmed"), "the first in line moves up");
    assert_eq!(status_of("c@example.org").as_deref(), Some("waitlisted"));
    let c = list.iter().find(|r| r["email"] == "c@example.org").expect("c");
    assert_eq!(c["waitlist_position"], 1);
    assert_eq!(app.session(id).await["seats_left"], 0);
}

/// Each waiting person's place, as their own page shows it, against their
/// rank in the organisers' list; and the stored length against a count.
async fn check_places(app: &TestApp, id: i64, manage: &HashMap<&str, Value>) {
    let list = app.registrations(id).await;
    let waiting: Vec<&Value> = list.iter().filter(|r| r["status"] == "waitlisted").collect();
    for (rank, r) in waiting.iter().enumerate() {
        assert_eq!(r["waitlist_position"], rank + 1, "{r}");
        let name = r["email"].as_str().and_then(|e| e.split('@').next()).expect("email");
        let page = app.get(&format!("/registrations/{}", token_of(&manage[name]))).await.text().await.expect("page");
        let html = scraper::Html::parse_document(&page);
        let selector = scraper::Selector::parse("#status").expect("selector");
        let status: String = html.select(&selector).flat_map(|e| e.text()).collect();
        assert!(status.contains(&format!("number {} on the waiting list", rank + 1)), "{name}: {status}");
    }
    let stored = query_one(
        app,
        &format!("SELECT CAST(waitlisted AS TEXT) AS value FROM waitlist_lengths WHERE session_id = {id}"),
    );
    assert_eq!(stored, waiting.len().to_string(), "the stored length follows every move");
}

#[tokio::test]
async fn places_in_the_waiting_list_stay_right_through_cancellations_returns_promotions_and_deletions() {
    let app = spawn_app().await;
    let id = session_with(&app, json!({"capacity": 1, "waitlist": true})).await;
    let mut manage = HashMap::new();
    let join = async |name: &'static str, manage: &mut HashMap<&str, Value>| {
        let (status, body) = app.register(id, participant(&format!("{name}@example.org"))).await;
        assert_eq!(status, 201, "{body}");
        manage.insert(name, body["manage_url"].clone());
        body["waitlist_position"].as_i64()
    };
    assert_eq!(join("a", &mut manage).await, None, "a takes the seat");
    for (name, place) in [("b", 1), ("c", 2), ("d", 3), ("e", 4)] {
        assert_eq!(join(name, &mut manage).await, Some(place));
    }
    // c leaves the middle of the line; f joins at its back.
    let res = app.post_public(&format!("/api/v1/registrations/{}/cancel", token_of(&manage["c"])), &json!({})).await;
    assert_eq!(res.status(), 200);
    assert_eq!(join("f", &mut manage).await, Some(4), "b, d, e, f");
    check_places(&app, id, &manage).await;
    // c comes back: a new row, behind f.
    assert_eq!(join("c", &mut manage).await, Some(5));
    // A second seat: b leaves the line for it.
    let res = app.patch_json(&format!("/api/v1/sessions/{id}"), &json!({"capacity": 2})).await;
    assert_eq!(res.status(), 200);
    check_places(&app, id, &manage).await;
    // A row deleted beneath the service (as retention does) shortens the line too.
    run_sql(&app, "DELETE FROM registrations WHERE email = 'e@example.org'");
    assert_eq!(join("g", &mut manage).await, Some(4), "d, f, c, g");
    check_places(&app, id, &manage).await;
}

#[tokio::test]
async fn a_full_session_without_waiting_list_refuses_clearly() {
    let app = spawn_app().await;
    let id = session_with(&app, json!({"capacity": 1, "waitlist": false})).await;
    assert_eq!(app.register(id, participant("a@example.org")).await.0, 201);
    let (status, body) = app.register(id, participant("b@example.org")).await;
    assert_eq!(status, 409);
    assert!(body["detail"].as_str().is_some_and(|d| d.contains("full")), "{body}");
    assert_eq!(app.registrations(id).await.len(), 1);
}

#[tokio::test]
async fn more_capacity_promotes_the_waiting_list() {
    let app = spawn_app().await;
    let id = session_with(&app, json!({"capacity": 1, "waitlist": true})).await;
    for e in ["a", "b", "c"] {
        app.register(id, participant(&format!("{e}@example.org"))).await;
    }
    let res = app.patch_json(&format!("/api/v1/sessions/{id}"), &json!({"capacity": 2})).await;
    assert_eq!(res.status(), 200);
    let list = app.registrations(id).await;
    let confirmed: Vec<&str> =
        list.iter().filter(|r| r["status"] == "confirmed").filter_map(|r| r["email"].as_str()).collect();
    assert_eq!(confirmed, ["a@example.org", "b@example.org"]);
    let res = app.patch_json(&format!("/api/v1/sessions/{id}"), &json!({"capacity": 1})).await;
    assert_eq!(res.status(), 422, "capacity below the seats taken");
    let res = app.patch_json(&format!("/api/v1/sessions/{id}"), &json!({"capacity": null})).await;
    assert_eq!(res.status(), 200);
    assert!(app.registrations(id).await.iter().all(|r| r["status"] == "confirmed"), "unlimited: everyone in");
}

#[tokio::test]
async fn only_eligible_countries_may_register_and_the_refusal_says_who_may() {
    let app = spawn_app().await;
    let id = session_with(&app, json!({"regions": ["south-east-asia"], "countries": ["MA"]})).await;
    let (status, body) = app.register(id, with(participant("k@example.org"), json!({"country": "KE"}))).await;
    assert_eq!(status, 403);
    let detail = body["detail"].as_str().unwrap_or_default();
    assert!(detail.contains("South East Asia") && detail.contains("Morocco"), "{detail}");
    assert_eq!(app.register(id, with(participant("m@example.org"), json!({"country": "MA"}))).await.0, 201);
    assert_eq!(app.register(id, with(participant("t@example.org"), json!({"country": "th"}))).await.0, 201);
}

#[tokio::test]
async fn the_registration_window_is_enforced_with_dates_in_the_message() {
    let app = spawn_app().await;
    let not_yet = session_with(&app, json!({"registration_opens_at": "2027-02-01T09:00"})).await;
    let (status, body) = app.register(not_yet, participant("a@example.org")).await;
    assert_eq!(status, 403);
    assert!(
        body["detail"].as_str().is_some_and(|d| d.contains("opens on Mon 1 Feb 2027, 09:00 Manila (UTC+08:00)")),
        "{body}"
    );
    let closed = session_with(&app, json!({"registration_closes_at": "2020-01-01T00:00:00Z"})).await;
    let (status, body) = app.register(closed, participant("a@example.org")).await;
    assert_eq!(status, 403);
    assert!(body["detail"].as_str().is_some_and(|d| d.contains("closed")), "{body}");
    let past = session_with(&app, json!({"starts_at": "2021-03-09T16:00", "ends_at": "2021-03-09T17:00"})).await;
    let (status, body) = app.register(past, participant("a@example.org")).await;
    assert_eq!(status, 403);
    assert!(body["detail"].as_str().is_some_and(|d| d.contains("started")), "{body}");
    let cancelled = session_with(&app, json!({})).await;
    app.post_json(&format!("/api/v1/sessions/{cancelled}/cancel"), &json!({})).await;
    assert_eq!(app.register(cancelled, participant("a@example.org")).await.0, 403);
    let draft = session_with(&app, json!({"status": "draft"})).await;
    assert_eq!(app.register(draft, participant("a@example.org")).await.0, 404);
}

#[tokio::test]
async fn approval_puts_people_in_pending_and_approval_counts_against_capacity() {
    let app = spawn_app().await;
    let id = session_with(&app, json!({"requires_approval": true, "capacity": 1, "waitlist": true})).await;
    let (_, a) = app.register(id, participant("a@example.org")).await;
    let (_, b) = app.register(id, participant("b@example.org")).await;
    let (_, c) = app.register(id, participant("c@example.org")).await;
    assert_eq!(a["status"], "pending_approval");
    assert_eq!(app.session(id).await["seats_left"], 1, "pending holds no seat");
    let approve = |r: &Value| format!("/api/v1/registrations/{}/approve", r["id"]);
    let res = app.client.post(app.url(&approve(&a))).send().await.expect("sent");
    assert_eq!(res.status(), 401, "organisers only");
    let approved: Value = app.post_json(&approve(&a), &json!({})).await.json().await.expect("json");
    assert_eq!(approved["status"], "confirmed");
    let second: Value = app.post_json(&approve(&b), &json!({})).await.json().await.expect("json");
    assert_eq!(second["status"], "waitlisted", "no seat left: the waiting list");
    assert_eq!(app.post_json(&approve(&b), &json!({})).await.status(), 409, "approving twice");
    let rejected: Value = app
        .post_json(&format!("/api/v1/registrations/{}/reject", a["id"]), &json!({}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(rejected["status"], "rejected");
    let list = app.registrations(id).await;
    assert_eq!(
        list.iter().find(|r| r["id"] == b["id"]).map(|r| r["status"].clone()),
        Some(json!("confirmed")),
        "b moved into a's seat"
    );
    assert_eq!(list.iter().find(|r| r["id"] == c["id"]).map(|r| r["status"].clone()), Some(json!("pending_approval")));
}

#[tokio::test]
async fn one_registration_per_email_whatever_its_case_and_spaces() {
    let app = spawn_app().await;
    let id = session_with(&app, json!({})).await;
    let (_, first) = app.register(id, participant("Siti@Example.org")).await;
    assert_eq!(first["email"], "siti@example.org");
    let (status, body) = app.register(id, participant("  SITI@example.ORG ")).await;
    assert_eq!(status, 409);
    assert!(body["detail"].as_str().is_some_and(|d| d.contains("Lost your link")), "{body}");
    assert_eq!(app.registrations(id).await.len(), 1);
    // After cancelling, the same person may register again (same row).
    app.post_public(&format!("/api/v1/registrations/{}/cancel", token_of(&first["manage_url"])), &json!({})).await;
    let (status, again) = app.register(id, participant("siti@example.org")).await;
    assert_eq!(status, 201);
    assert_eq!(again["status"], "confirmed");
    assert_ne!(again["manage_url"], first["manage_url"], "new secrets for the new registration");
    assert_eq!(app.registrations(id).await.len(), 1);
}

#[tokio::test]
async fn bad_input_is_refused_with_the_field_named_and_nothing_written() {
    let app = spawn_app().await;
    let id = session_with(&app, json!({"capacity": 10})).await;
    let path = format!("/api/v1/sessions/{id}/registrations");
    let cases: Vec<(Value, &str)> = vec![
        (json!({"email": "not-an-email"}), "email"),
        (json!({"email": "a@example.org\r\nBcc: victim@example.org"}), "email"),
        (json!({"email": 42}), "email"),
        (json!({"name": ""}), "name"),
        (json!({"name": "   "}), "name"),
        (json!({"name": "x".repeat(50_000)}), "name"),
        (json!({"name": "Siti\r\nRahma"}), "name"),
        (json!({"country": "XX"}), "country"),
        (json!({"country": "Indonesia"}), "country"),
        (json!({"consent": false}), "consent"),
        (json!({"consent": "yes"}), "consent"),
        (json!({"time_zone": "Asia/Atlantis"}), "time_zone"),
        (json!({"organisation": ""}), "organisation"),
        (json!({"answers": {"nope": "x"}}), "answers.nope"),
        (json!({"is_admin": true}), "is_admin"),
    ];
    for (change, field) in cases {
        let (status, body) = app.register(id, with(participant("a@example.org"), change.clone())).await;
        assert_eq!(status, 422, "{change}: {body}");
        assert!(body["errors"][field].is_string(), "{change}: {field} not named in {body}");
    }
    let mut no_consent = participant("a@example.org");
    no_consent.as_object_mut().expect("object").remove("consent");
    assert_eq!(app.register(id, no_consent).await.0, 422);
    let res = app
        .client
        .post(app.url(&path))
        .header("content-type", "application/json")
        .body(b"{\"name\": \"\xff\xfe\"}".to_vec())
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 400, "non-UTF-8 body");
    let res = app
        .client
        .post(app.url(&path))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 400);
    assert_eq!(app.register(999_999, participant("a@example.org")).await.0, 404);
    assert!(app.registrations(id).await.is_empty(), "nothing written");
    assert_eq!(app.session(id).await["seats_left"], 10);
}

#[tokio::test]
async fn per_session_questions_are_validated_and_stored() {
    let app = spawn_app().await;
    let id = session_with(
        &app,
        json!({"questions": [
            {"key": "role", "kind": "single_choice", "label": "Your role", "required": true, "choices": ["Laboratory", "Policy"]},
            {"key": "topics", "kind": "multiple_choice", "label": "Interests", "choices": ["Biosafety", "Biosecurity", "Forensics"]},
            {"kind": "long_text", "label": "Anything else?"}
        ]}),
    )
    .await;
    let (status, body) = app.register(id, participant("a@example.org")).await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"]["answers.role"], "is required");
    let (status, body) =
        app.register(id, with(participant("a@example.org"), json!({"answers": {"role": "Chef"}}))).await;
    assert_eq!(status, 422, "{body}");
    let answers = json!({"role": "Policy", "topics": ["Biosafety", "Forensics"], "q3": "Line one\nLine two"});
    let (status, body) = app.register(id, with(participant("a@example.org"), json!({"answers": answers}))).await;
    assert_eq!(status, 201, "{body}");
    let list = app.registrations(id).await;
    assert_eq!(list[0]["answers"], answers);
    let res = app
        .patch_json(
            &format!("/api/v1/sessions/{id}"),
            &json!({"questions": [{"kind": "single_choice", "label": "One choice", "choices": ["only"]}]}),
        )
        .await;
    assert_eq!(res.status(), 422, "a choice question needs two choices");
}

#[tokio::test]
async fn listing_registrations_needs_a_token() {
    let app = spawn_app().await;
    let id = session_with(&app, json!({})).await;
    let res = app.get(&format!("/api/v1/sessions/{id}/registrations")).await;
    assert_eq!(res.status(), 401);
}

#[tokio::test]
async fn the_rate_limit_answers_429_with_retry_after() {
    let app = spawn_app_with(|s| s.rate_limit_per_minute = 3).await;
    let id = session_with(&app, json!({})).await;
    for n in 0..3 {
        assert_eq!(app.register(id, participant(&format!("p{n}@example.org"))).await.0, 201);
    }
    let res = app.post_public(&format!("/api/v1/sessions/{id}/registrations"), &participant("p9@example.org")).await;
    assert_eq!(res.status(), 429);
    let wait: u64 =
        res.headers()["retry-after"].to_str().ok().and_then(|s| s.parse().ok()).expect("Retry-After seconds");
    assert!((1..=60).contains(&wait));
}

/// Fires `n` registrations at once at the given servers, round-robin.
async fn burst(addresses: &[String], session_id: i64, n: usize) -> Vec<(u16, Value)> {
    burst_on(addresses, session_id, &["ID"], n).await
}

/// Simultaneous registrations over `addresses`: person i from `countries[i % len]`.
async fn burst_on(addresses: &[String], session_id: i64, countries: &[&'static str], n: usize) -> Vec<(u16, Value)> {
    let client = reqwest::Client::new();
    let mut set = tokio::task::JoinSet::new();
    for i in 0..n {
        let url = format!("{}/api/v1/sessions/{session_id}/registrations", addresses[i % addresses.len()]);
        let (client, country) = (client.clone(), countries[i % countries.len()]);
        set.spawn(async move {
            let body = with(participant(&format!("person{i}@example.org")), json!({"country": country}));
            let res = client.post(&url).json(&body).send().await.unwrap_or_else(|e| panic!("{url}: {e:?}"));
            let status = res.status().as_u16();
            (status, res.json::<Value>().await.unwrap_or(Value::Null))
        });
    }
    let mut out = Vec::new();
    while let Some(r) = set.join_next().await {
        out.push(r.expect("task"));
    }
    out
}

fn check_burst(results: &[(u16, Value)], list: &[Value], capacity: usize, n: usize) {
    assert!(
        results.iter().all(|(s, _)| *s == 201),
        "every registration accepted: {:?}",
        results.iter().filter(|(s, _)| *s != 201).take(3).collect::<Vec<_>>()
    );
    assert_eq!(list.len(), n, "one row per person");
    let confirmed = list.iter().filter(|r| r["status"] == "confirmed").count();
    let waitlisted = list.iter().filter(|r| r["status"] == "waitlisted").count();
    assert_eq!((confirmed, waitlisted), (capacity, n - capacity));
    let emails: HashSet<&str> = list.iter().filter_map(|r| r["email"].as_str()).collect();
    assert_eq!(emails.len(), n, "no duplicates");
    let positions: HashSet<i64> = results.iter().filter_map(|(_, b)| b["waitlist_position"].as_i64()).collect();
    assert_eq!(positions.len(), n - capacity, "each waiting person has their own place");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hundreds_of_simultaneous_registrations_never_overbook() {
    let app = spawn_app().await;
    let id = session_with(&app, json!({"capacity": 5, "waitlist": true})).await;
    let results = burst(std::slice::from_ref(&app.address), id, 300).await;
    check_burst(&results, &app.registrations(id).await, 5, 300);
    assert_eq!(app.session(id).await["seats_left"], 0);
}

/// SQLite commits writes that queue behind each other together
/// (`db::group_commit`); a refused write among them must take nothing of
/// the others with it, and each accepted one is stored and emailed once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_burst_with_repeated_addresses_refuses_each_repeat_and_keeps_and_emails_everyone_else_once() {
    let app = spawn_app().await;
    let id = session_with(&app, json!({"capacity": 10, "waitlist": true})).await;
    let client = reqwest::Client::new();
    let url = app.url(&format!("/api/v1/sessions/{id}/registrations"));
    let mut set = tokio::task::JoinSet::new();
    // 150 requests for 100 people: every third person sends the form twice.
    for i in 0..150 {
        let person = if i % 3 == 2 { i - 2 } else { i };
        let (client, url) = (client.clone(), url.clone());
        set.spawn(async move {
            let body = participant(&format!("person{person}@example.org"));
            client.post(&url).json(&body).send().await.expect("sent").status().as_u16()
        });
    }
    let mut statuses = Vec::new();
    while let Some(status) = set.join_next().await {
        statuses.push(status.expect("task"));
    }
    let accepted = statuses.iter().filter(|s| **s == 201).count();
    let refused = statuses.iter().filter(|s| **s == 409).count();
    assert_eq!((accepted, refused), (100, 50), "{statuses:?}");
    let list = app.registrations(id).await;
    let emails: HashSet<&str> = list.iter().filter_map(|r| r["email"].as_str()).collect();
    assert_eq!((list.len(), emails.len()), (100, 100), "one row per person");
    assert_eq!(list.iter().filter(|r| r["status"] == "confirmed").count(), 10);
    let url = app.database_url.clone();
    let outbox = tokio::task::spawn_blocking(move || {
        let mut conn = convene::db::connect_one(&url).expect("connection");
        convene::db::outbox::recent(&mut conn, None, 1000).expect("outbox")
    })
    .await
    .expect("outbox task");
    let mut to: Vec<&str> = outbox.iter().map(|m| m.recipient_email.as_str()).collect();
    to.sort_unstable();
    let mut expected: Vec<&str> = emails.into_iter().collect();
    expected.sort_unstable();
    assert_eq!(to, expected, "one email to each person, none for a refused repeat");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_server_processes_on_one_database_never_overbook() {
    let app = spawn_app().await;
    let id = session_with(&app, json!({"capacity": 7, "waitlist": true})).await;
    let servers = crate::cli::two_more_servers(&app).await;
    let addresses: Vec<String> = servers.iter().map(|s| s.address.clone()).collect();
    let results = burst(&addresses, id, 200).await;
    check_burst(&results, &app.registrations(id).await, 7, 200);
}

#[tokio::test]
async fn a_full_session_without_waiting_list_says_so_on_its_page() {
    let app = spawn_app().await;
    let id = session_with(&app, json!({"capacity": 1, "waitlist": false})).await;
    app.register(id, participant("a@example.org")).await;
    let body = app.get(&format!("/sessions/{id}")).await.text().await.expect("body");
    let html = scraper::Html::parse_document(&body);
    let register = scraper::Selector::parse("#register").expect("selector");
    assert!(html.select(&register).next().is_none(), "no Register button on a full session");
    assert!(body.contains("This session is full."));
}

#[tokio::test]
async fn a_session_with_registrants_cannot_be_hidden_back_to_draft() {
    let app = spawn_app().await;
    let id = session_with(&app, json!({})).await;
    let empty = session_with(&app, json!({"title": "Nobody yet"})).await;
    app.register(id, participant("a@example.org")).await;
    let res = app.patch_json(&format!("/api/v1/sessions/{id}"), &json!({"status": "draft"})).await;
    assert_eq!(res.status(), 422);
    let problem: Value = res.json().await.expect("json");
    assert!(problem["errors"]["status"].as_str().is_some_and(|m| m.contains("cancel")), "{problem}");
    assert_eq!(app.session(id).await["status"], "published");
    let res = app.patch_json(&format!("/api/v1/sessions/{empty}"), &json!({"status": "draft"})).await;
    assert_eq!(res.status(), 200, "a session nobody registered for may be unpublished");
}

fn confirmed_from(list: &[Value], country: &str) -> usize {
    list.iter().filter(|r| r["status"] == "confirmed" && r["country"] == country).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_country_quota_holds_under_simultaneous_registrations_and_the_host_gets_its_own() {
    let app = spawn_app().await;
    let id = session_with(
        &app,
        json!({"capacity": 50, "waitlist": true, "regions": [], "country_quota": 3, "quotas": {"ph": 5}}),
    )
    .await;
    let session = app.session(id).await;
    assert_eq!((session["country_quota"].clone(), session["quotas"].clone()), (json!(3), json!({"PH": 5})));
    let results = burst_on(std::slice::from_ref(&app.address), id, &["ID", "PH"], 80).await;
    assert!(results.iter().all(|(s, _)| *s == 201), "all placed or waitlisted");
    let list = app.registrations(id).await;
    assert_eq!((confirmed_from(&list, "ID"), confirmed_from(&list, "PH")), (3, 5), "never one more than the quota");
    assert_eq!(list.iter().filter(|r| r["status"] == "waitlisted").count(), 72);
    // A Kenyan takes a seat although Indonesians wait ahead: their quota is full.
    let (status, kenyan) = app.register(id, with(participant("k@example.org"), json!({"country": "KE"}))).await;
    assert_eq!((status, kenyan["status"].as_str()), (201, Some("confirmed")), "{kenyan}");
}

#[tokio::test]
async fn a_full_quota_without_waiting_list_names_the_quota_and_promotion_respects_it() {
    let app = spawn_app().await;
    let id = session_with(&app, json!({"capacity": 2, "waitlist": false, "regions": [], "country_quota": 1})).await;
    let (status, _) = app.register(id, participant("a@example.org")).await;
    assert_eq!(status, 201);
    let (status, problem) = app.register(id, participant("b@example.org")).await;
    assert_eq!(status, 409);
    assert!(
        problem["detail"].as_str().is_some_and(|d| d.contains("The one place") && d.contains("Indonesia")),
        "{problem}"
    );

    // With a waiting list: a freed seat goes to the first person whose country has room.
    let id = session_with(&app, json!({"capacity": 2, "waitlist": true, "regions": [], "country_quota": 1})).await;
    let (_, first) = app.register(id, participant("id1@example.org")).await;
    let (_, ke) = app.register(id, with(participant("ke1@example.org"), json!({"country": "KE"}))).await;
    let (_, id2) = app.register(id, participant("id2@example.org")).await;
    let (_, ke2) = app.register(id, with(participant("ke2@example.org"), json!({"country": "KE"}))).await;
    assert_eq!((first["status"].as_str(), ke["status"].as_str()), (Some("confirmed"), Some("confirmed")));
    assert_eq!((id2["status"].as_str(), ke2["status"].as_str()), (Some("waitlisted"), Some("waitlisted")));
    let token = crate::common::token_of(&ke["manage_url"]);
    let res = app.client.post(app.url(&format!("/api/v1/registrations/{token}/cancel"))).send().await.expect("sent");
    assert_eq!(res.status(), 200);
    let list = app.registrations(id).await;
    let status_of = |email: &str| list.iter().find(|r| r["email"] == email).map(|r| r["status"].clone());
    assert_eq!(status_of("id2@example.org"), Some(json!("waitlisted")), "Indonesia's one place is held");
    assert_eq!(status_of("ke2@example.org"), Some(json!("confirmed")), "the Kenyan behind moves up");
}

#[tokio::test]
async fn an_organiser_records_attendance_with_minutes_through_the_api() {
    let app = spawn_app().await;
    let id = app.create_session(with(manila_session(), json!({"capacity": 1, "waitlist": true}))).await["id"]
        .as_i64()
        .expect("id");
    let (_, came) = app.register(id, participant("came@example.org")).await;
    let (_, waiting) = app.register(id, participant("wait@example.org")).await;
    let path = |r: &Value| format!("/api/v1/registrations/{}/attendance", r["id"]);
    let res = app.client.post(app.url(&path(&came))).json(&json!({"attended": true})).send().await.expect("sent");
    assert_eq!(res.status(), 401, "a token is needed");
    for bad in [
        json!({}),
        json!({"attended": "yes"}),
        json!({"attended": true, "minutes": -5}),
        json!({"attended": true, "late": 1}),
    ] {
        assert_eq!(app.post_json(&path(&came), &bad).await.status(), 422, "{bad}");
    }
    let res = app.post_json(&path(&came), &json!({"attended": true, "minutes": 75})).await;
    assert_eq!(res.status(), 200);
    let out: Value = res.json().await.expect("json");
    assert_eq!((out["attended"].clone(), out["minutes_present"].clone()), (json!(true), json!(75)));
    assert_eq!(app.post_json(&path(&waiting), &json!({"attended": true})).await.status(), 409, "not confirmed");
    let list = app.registrations(id).await;
    let waiting_now = list.iter().find(|r| r["email"] == "wait@example.org").expect("listed");
    assert_eq!(waiting_now["attended"], Value::Null, "not taken");
    let res = app.post_json(&path(&came), &json!({"attended": false, "minutes": 10})).await;
    let out: Value = res.json().await.expect("json");
    assert_eq!((out["attended"].clone(), out["minutes_present"].clone()), (json!(false), Value::Null));
    let focal = crate::focal_points::focal_point(&app, "nfp@example.org", "ID");
    let (status, _) = crate::focal_points::as_token(
        &app,
        &focal,
        reqwest::Method::POST,
        &path(&came),
        Some(&json!({"attended": true})),
    )
    .await;
    assert_eq!(status, 403, "a focal point records no attendance");
}
