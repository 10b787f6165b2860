//! Reference data seeded from the shipped files.

use crate::common::spawn_app;
use serde_json::Value;

#[tokio::test]
async fn regions_countries_and_topics_are_seeded_with_zones_and_memberships() {
    let app = spawn_app().await;
    let regions: Vec<Value> = app.get("/api/v1/regions").await.json().await.expect("json");
    assert_eq!(regions.len(), 10, "eight CoE regions, EU organisers and the ASEAN secretariat");
    let sea = regions.iter().find(|r| r["slug"] == "south-east-asia").expect("SEA region");
    assert_eq!(sea["countries"].as_array().map(Vec::len), Some(10));

    let countries: Vec<Value> = app.get("/api/v1/countries").await.json().await.expect("json");
    let morocco = countries.iter().find(|c| c["iso2"] == "MA").expect("Morocco");
    let mut regions_of_morocco: Vec<&str> =
        morocco["regions"].as_array().expect("list").iter().filter_map(Value::as_str).collect();
    regions_of_morocco.sort_unstable();
    assert_eq!(regions_of_morocco, ["african-atlantic-facade", "north-africa-sahel"]);
    assert_eq!(morocco["time_zones"], serde_json::json!(["Africa/Casablanca"]));
    let indonesia = countries.iter().find(|c| c["iso2"] == "ID").expect("Indonesia");
    assert_eq!(indonesia["time_zones"][0], "Asia/Jakarta", "the first zone is the default");
    assert_eq!(indonesia["time_zones"].as_array().map(Vec::len), Some(4));
    let belgium = countries.iter().find(|c| c["iso2"] == "BE").expect("Belgium");
    assert_eq!(belgium["status"], "organiser");
    assert_eq!(indonesia["status"], "partner");
    // ISO codes are unique even where a country is listed under two regions.
    let mut codes: Vec<&str> = countries.iter().filter_map(|c| c["iso2"].as_str()).collect();
    let n = codes.len();
    codes.dedup();
    assert_eq!(codes.len(), n);

    let topics: Vec<Value> = app.get("/api/v1/topics").await.json().await.expect("json");
    assert_eq!(topics.len(), 11);
    assert!(topics.iter().any(|t| t["slug"] == "export-control"));
}

#[tokio::test]
async fn the_openapi_document_describes_the_sessions_api() {
    let app = spawn_app().await;
    let res = app.get("/api/openapi.json").await;
    assert_eq!(res.status(), 200);
    let doc: Value = res.json().await.expect("json");
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    assert_eq!(doc["info"]["title"], "Convene API");
    for path in [
        "/api/v1/sessions",
        "/api/v1/sessions/{id}",
        "/api/v1/sessions/{id}/cancel",
        "/api/v1/regions",
        "/api/v1/countries",
        "/api/v1/topics",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} missing");
    }
    assert!(doc["paths"]["/api/v1/sessions"]["post"].is_object());
    assert!(doc["paths"]["/api/v1/sessions/{id}"]["patch"].is_object());
    assert!(doc["components"]["schemas"]["SessionOut"]["properties"]["starts_at_utc"].is_object());
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

#[tokio::test]
async fn reference_data_changed_through_another_instance_reaches_this_one_within_seconds() {
    let app = spawn_app().await;
    let topics: Vec<Value> = app.get("/api/v1/topics").await.json().await.expect("json");
    assert!(!topics.iter().any(|t| t["slug"] == "cyber-biosecurity"));
    // Another instance on the same database: its edit is a write there,
    // never a message to this process.
    let url = app.database_url.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = convene::db::connect_one(&url).expect("connection");
        assert!(
            convene::db::reference::edit::add_topic(&mut conn, "cyber-biosecurity", "Cyber-biosecurity", "elsewhere")
                .expect("topic added")
        );
    })
    .await
    .expect("edit task");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let topics: Vec<Value> = app.get("/api/v1/topics").await.json().await.expect("json");
        if topics.iter().any(|t| t["slug"] == "cyber-biosecurity") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the new topic never reached this instance: {topics:?}");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    // And the session form's parser knows it at once too.
    let session = app
        .create_session(crate::common::with(
            crate::common::manila_session(),
            serde_json::json!({"topics": ["cyber-biosecurity"]}),
        ))
        .await;
    assert_eq!(session["topics"], serde_json::json!(["cyber-biosecurity"]));
}
