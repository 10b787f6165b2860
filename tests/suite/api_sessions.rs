//! `/api/v1/sessions`: create, read, list with filters, patch, cancel, and
//! every kind of bad input refused without a write.

use crate::common::{manila_session, spawn_app, with};
use serde_json::{Value, json};

#[tokio::test]
async fn creating_a_session_stores_utc_instants_and_the_planned_zone() {
    let app = spawn_app().await;
    let s = app.create_session(manila_session()).await;
    assert_eq!(s["starts_at_utc"], "2027-03-09T08:00:00Z");
    assert_eq!(s["ends_at_utc"], "2027-03-09T09:30:00Z");
    assert_eq!(s["starts_at"], "2027-03-09T16:00");
    assert_eq!(s["time_zone"], "Asia/Manila");
    assert_eq!(s["seats_left"], 50);
    assert_eq!(s["sequence"], 0);
    assert_eq!(s["regions"], json!(["south-east-asia"]));
    let id = s["id"].as_i64().expect("id");
    assert_eq!(s["url"], app.url(&format!("/sessions/{id}")));

    let fetched: Value = app.get(&format!("/api/v1/sessions/{id}")).await.json().await.expect("json");
    assert_eq!(fetched["title"], "Biosafety in diagnostic laboratories");
    assert!(fetched.get("join_url").is_none(), "the webinar link is not public: {fetched}");
    let private: Value = app.get_authorised(&format!("/api/v1/sessions/{id}")).await.json().await.expect("json");
    assert_eq!(private["join_url"], "https://meet.example.org/secret-room");
}

#[tokio::test]
async fn writes_need_a_valid_token() {
    let app = spawn_app().await;
    let res = app.client.post(app.url("/api/v1/sessions")).json(&manila_session()).send().await.expect("sent");
    assert_eq!(res.status(), 401);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let res = app
        .client
        .post(app.url("/api/v1/sessions"))
        .bearer_auth("cvn_not-a-token")
        .json(&manila_session())
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 401);
    assert!(app.all_sessions().await.is_empty());
}

#[tokio::test]
async fn bad_fields_are_each_named_with_422_and_nothing_is_written() {
    let app = spawn_app().await;
    let long = "x".repeat(201);
    let cases: Vec<(Value, &str)> = vec![
        (json!({"title": ""}), "title"),
        (json!({"title": long}), "title"),
        (json!({"title": "Line one\r\nBcc: x@example.org"}), "title"),
        (json!({"title": 42}), "title"),
        (json!({"time_zone": "Mars/Olympus"}), "time_zone"),
        (json!({"time_zone": "CEST"}), "time_zone"),
        (json!({"starts_at": "9 March 2027"}), "starts_at"),
        (json!({"starts_at": "2027-02-30T10:00"}), "starts_at"),
        (json!({"ends_at": "2027-03-09T15:00"}), "ends_at"),
        (json!({"ends_at": "2027-03-09T16:00"}), "ends_at"),
        (json!({"capacity": -1}), "capacity"),
        (json!({"capacity": "ten"}), "capacity"),
        (json!({"capacity": 1.5}), "capacity"),
        (json!({"kind": "party"}), "kind"),
        (json!({"format": "carrier-pigeon"}), "format"),
        (json!({"status": "cancelled"}), "status"),
        (json!({"status": "archived"}), "status"),
        (json!({"regions": ["atlantis"]}), "regions"),
        (json!({"regions": "south-east-asia"}), "regions"),
        (json!({"countries": ["XX"]}), "countries"),
        (json!({"topics": ["astrology"]}), "topics"),
        (json!({"waitlist": "yes"}), "waitlist"),
        (json!({"join_url": "javascript:alert(1)"}), "join_url"),
        (json!({"language": "english please"}), "language"),
        (json!({"registration_opens_at": "soon"}), "registration_opens_at"),
        (
            json!({"registration_opens_at": "2027-03-01T00:00:00Z", "registration_closes_at": "2027-02-01T00:00:00Z"}),
            "registration_closes_at",
        ),
        (json!({"colour": "red"}), "colour"),
    ];
    for (change, field) in cases {
        let body = with(manila_session(), change.clone());
        let res = app.post_json("/api/v1/sessions", &body).await;
        assert_eq!(res.status(), 422, "{change} was not refused");
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        let problem: Value = res.json().await.expect("problem json");
        assert_eq!(problem["status"], 422);
        assert!(problem["errors"][field].is_string(), "{change}: field {field} not named in {problem}");
    }
    let mut missing = manila_session();
    missing.as_object_mut().expect("object").remove("time_zone");
    let res = app.post_json("/api/v1/sessions", &missing).await;
    assert_eq!(res.status(), 422);
    let problem: Value = res.json().await.expect("problem json");
    assert_eq!(problem["errors"]["time_zone"], "is required");
    assert!(app.all_sessions().await.is_empty(), "a refused write left a row");
}

#[tokio::test]
async fn malformed_and_oversized_bodies_are_refused() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(app.url("/api/v1/sessions"))
        .bearer_auth(&app.token)
        .header("content-type", "application/json")
        .body("{\"title\": ")
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 400);
    let problem: Value = res.json().await.expect("problem json");
    assert_eq!(problem["status"], 400);

    let res = app.post_json("/api/v1/sessions", &json!(["not", "an", "object"])).await;
    assert_eq!(res.status(), 400);

    let huge = with(manila_session(), json!({"description": "x".repeat(200_000)}));
    let res = app.post_json("/api/v1/sessions", &huge).await;
    assert_eq!(res.status(), 413);

    let res = app
        .client
        .post(app.url("/api/v1/sessions"))
        .bearer_auth(&app.token)
        .header("content-type", "application/json")
        .body(vec![b'{', 0xff, 0xfe, b'}'])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 400, "non-UTF-8 body");

    let res = app
        .client
        .post(app.url("/api/v1/sessions"))
        .bearer_auth(&app.token)
        .body(manila_session().to_string())
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 415, "JSON must say it is JSON");
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert!(app.all_sessions().await.is_empty());
}

#[tokio::test]
async fn other_methods_get_405_with_allow_and_the_spec_documents_problem_answers() {
    let app = spawn_app().await;
    for (method, path, allow) in [
        ("DELETE", "/api/v1/sessions", "GET, POST"),
        ("PUT", "/api/v1/sessions/1", "GET, PATCH"),
        ("GET", "/api/v1/sessions/1/cancel", "POST"),
        ("TRACE", "/api/v1/regions", "GET"),
    ] {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let res = app.client.request(method.clone(), app.url(path)).send().await.expect("sent");
        assert_eq!(res.status(), 405, "{method} {path}");
        assert_eq!(res.headers()["allow"], allow, "{method} {path}");
    }
    assert_eq!(app.get("/api/v1/nowhere").await.status(), 404);
    let res = app.get("/api/v1/sessions?limit=1&limit=500").await;
    assert_eq!(res.status(), 422, "a filter given twice is a mistake");
    let problem: Value = res.json().await.expect("json");
    assert_eq!(problem["errors"]["limit"], "is given more than once");

    let doc: Value = app.get("/api/openapi.json").await.json().await.expect("json");
    let create = &doc["paths"]["/api/v1/sessions"]["post"]["responses"];
    for status in ["400", "401", "413", "415", "422", "503"] {
        assert!(
            create[status]["content"]["application/problem+json"].is_object(),
            "POST /api/v1/sessions documents {status} as a problem document: {}",
            create[status]
        );
    }
    assert!(create["201"]["content"]["application/json"].is_object());
    let limit = doc["paths"]["/api/v1/sessions"]["get"]["parameters"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == "limit"))
        .cloned()
        .expect("limit parameter");
    assert_eq!(limit["schema"]["maximum"], 500);
}

#[tokio::test]
async fn a_patch_that_moves_the_session_raises_the_sequence_and_keeps_wall_times_on_a_zone_change() {
    let app = spawn_app().await;
    let s = app.create_session(manila_session()).await;
    let id = s["id"].as_i64().expect("id");
    let path = format!("/api/v1/sessions/{id}");

    let res = app.patch_json(&path, &json!({"summary": "Now with a new summary."})).await;
    assert_eq!(res.status(), 200);
    let same: Value = res.json().await.expect("json");
    assert_eq!(same["sequence"], 0, "a summary change does not move the calendar entry");
    assert_eq!(same["summary"], "Now with a new summary.");

    let moved: Value = app
        .patch_json(&path, &json!({"starts_at": "2027-03-10T09:00", "ends_at": "2027-03-10T10:00"}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(moved["sequence"], 1);
    assert_eq!(moved["starts_at_utc"], "2027-03-10T01:00:00Z");

    let rezoned: Value = app.patch_json(&path, &json!({"time_zone": "Asia/Jakarta"})).await.json().await.expect("json");
    assert_eq!(rezoned["starts_at"], "2027-03-10T09:00");
    assert_eq!(rezoned["starts_at_utc"], "2027-03-10T02:00:00Z");
    assert_eq!(rezoned["sequence"], 2);

    let res = app.patch_json(&path, &json!({"ends_at": "2027-03-10T08:00"})).await;
    assert_eq!(res.status(), 422, "end before start");
    let after: Value = app.get(&path).await.json().await.expect("json");
    assert_eq!(after["ends_at"], "2027-03-10T10:00", "a refused patch changed nothing");

    let res = app.patch_json("/api/v1/sessions/999999", &json!({"title": "x"})).await;
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn cancelling_raises_the_sequence_and_freezes_the_session() {
    let app = spawn_app().await;
    let s = app.create_session(manila_session()).await;
    let id = s["id"].as_i64().expect("id");
    let res = app.post_json(&format!("/api/v1/sessions/{id}/cancel"), &json!({})).await;
    assert_eq!(res.status(), 200);
    let cancelled: Value = res.json().await.expect("json");
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["sequence"], 1);
    let again: Value =
        app.post_json(&format!("/api/v1/sessions/{id}/cancel"), &json!({})).await.json().await.expect("json");
    assert_eq!(again["sequence"], 1, "cancelling twice changes nothing");
    let res = app.patch_json(&format!("/api/v1/sessions/{id}"), &json!({"title": "Back again"})).await;
    assert_eq!(res.status(), 409);
    let listed: Vec<Value> =
        app.get("/api/v1/sessions?status=cancelled&from=2027-01-01").await.json().await.expect("json");
    assert_eq!(listed.len(), 1);
}

#[tokio::test]
async fn listings_filter_by_region_country_topic_dates_and_hide_drafts() {
    let app = spawn_app().await;
    let sea = app.create_session(manila_session()).await;
    let open = app
        .create_session(with(manila_session(), json!({"title": "Open to all", "regions": [], "topics": ["forensics"], "starts_at": "2027-04-01T10:00", "ends_at": "2027-04-01T11:00"})))
        .await;
    let morocco = app
        .create_session(with(manila_session(), json!({"title": "Morocco only", "regions": [], "countries": ["MA"], "topics": [], "time_zone": "Africa/Casablanca"})))
        .await;
    let draft = app.create_session(with(manila_session(), json!({"title": "Draft", "status": "draft"}))).await;

    let titles =
        |list: Vec<Value>| list.iter().map(|s| s["title"].as_str().unwrap_or_default().to_string()).collect::<Vec<_>>();
    let get = |q: &str| {
        let q = q.to_string();
        let app = &app;
        async move {
            let res = app.get(&format!("/api/v1/sessions?from=2027-01-01{q}")).await;
            assert_eq!(res.status(), 200, "{q}");
            res.json::<Vec<Value>>().await.expect("list")
        }
    };
    let all = titles(get("").await);
    assert_eq!(all.len(), 3, "{all:?}");
    assert!(!all.contains(&"Draft".to_string()));

    let region = titles(get("&region=south-east-asia").await);
    assert!(region.contains(&sea["title"].as_str().unwrap_or_default().to_string()));
    assert!(region.contains(&"Open to all".to_string()));
    assert!(!region.contains(&"Morocco only".to_string()));

    // Morocco belongs to two regions; a session for Morocco is open to both.
    for r in ["african-atlantic-facade", "north-africa-sahel"] {
        let list = titles(get(&format!("&region={r}")).await);
        assert!(list.contains(&"Morocco only".to_string()), "{r}: {list:?}");
    }
    let country = titles(get("&country=id").await);
    assert_eq!(country.len(), 2, "Indonesia sees the SEA session and the open one: {country:?}");
    let topic = titles(get("&topic=forensics").await);
    assert_eq!(topic, vec![open["title"].as_str().unwrap_or_default().to_string()]);
    let before_april = titles(get("&to=2027-03-31").await);
    assert_eq!(before_april.len(), 2);

    let res = app.get("/api/v1/sessions?region=atlantis").await;
    assert_eq!(res.status(), 422);
    let res = app.get("/api/v1/sessions?status=draft").await;
    assert_eq!(res.status(), 422, "drafts need a token");
    let drafts: Vec<Value> =
        app.get_authorised("/api/v1/sessions?status=draft&from=2027-01-01").await.json().await.expect("json");
    assert_eq!(drafts.len(), 1);
    let res = app.get(&format!("/api/v1/sessions/{}", draft["id"])).await;
    assert_eq!(res.status(), 404, "a draft is not public");
    let morocco_id = morocco["id"].as_i64().expect("id");
    let res = app.get(&format!("/api/v1/sessions/{morocco_id}")).await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn unknown_ids_and_paths_are_404_problems() {
    let app = spawn_app().await;
    for path in ["/api/v1/sessions/0", "/api/v1/sessions/abc", "/api/v1/sessions/99999999999", "/api/v1/nothing"] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 404, "{path}");
        assert_eq!(res.headers()["content-type"], "application/problem+json", "{path}");
    }
}

#[tokio::test]
async fn a_stored_status_the_code_does_not_know_is_an_error_not_a_guess() {
    let app = spawn_app().await;
    let created = app.create_session(manila_session()).await;
    let id = created["id"].as_i64().expect("id") as i32;
    // A row written by something else (an old version, a hand edit).
    let url = app.database_url.clone();
    let read = tokio::task::spawn_blocking(move || {
        use diesel::connection::SimpleConnection;
        let mut conn = convene::db::connect_one(&url).expect("connection");
        let sql = format!("UPDATE sessions SET status = 'archived' WHERE id = {id}");
        match &mut conn {
            convene::db::DbConn::Pg(c) => c.batch_execute(&sql),
            convene::db::DbConn::Sqlite(c) => c.batch_execute(&sql),
        }
        .expect("row changed");
        convene::db::sessions::find(&mut conn, convene::db::ids::SessionId(id)).map(|s| s.map(|s| s.status()))
    })
    .await
    .expect("task");
    let error = read.expect_err("an unknown status must not read as draft or published");
    assert!(error.to_string().contains("archived"), "the error names the word: {error}");
    // The public page does not show it as something it is not.
    let res = app.get(&format!("/sessions/{id}")).await;
    assert_eq!(res.status(), 500);
}
