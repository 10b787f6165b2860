//! National Focal Points and tokens that act for an account (issue 14,
//! first part): an account's token has its role and scope, a focal point
//! changes no session and sees only its countries' registrants, and a
//! disabled account's tokens stop working.

use crate::cli::convene;
use crate::common::{TestApp, create_organiser, manila_session, participant, spawn_app, with};
use serde_json::{Value, json};
use std::io::Write;
use std::process::Stdio;

/// `convene admin create` with the given arguments, the password on stdin.
fn admin_create(app: &TestApp, args: &[&str]) -> std::process::Output {
    let mut child = convene(&app.database_url, app.dir.path())
        .args(["admin", "create"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child.stdin.take().expect("stdin").write_all(b"a long enough password\n").expect("password");
    child.wait_with_output().expect("finishes")
}

/// `convene token create --name N --account E`: the token on the last line.
fn token_for(app: &TestApp, account: &str) -> String {
    let out = convene(&app.database_url, app.dir.path())
        .args(["token", "create", "--name", "focal", "--account", account])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().last().expect("token line").trim().to_string()
}

async fn as_token(
    app: &TestApp,
    token: &str,
    method: reqwest::Method,
    path: &str,
    body: Option<&Value>,
) -> (u16, Value) {
    let mut req = app.client.request(method, app.url(path)).bearer_auth(token);
    if let Some(b) = body {
        req = req.json(b);
    }
    let res = req.send().await.expect("sent");
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_focal_point_account_needs_a_known_country_and_says_what_it_is() {
    let app = spawn_app().await;
    let none = admin_create(&app, &["--email", "nfp@example.org", "--role", "focal-point"]);
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("at least one --country"));
    let unknown = admin_create(&app, &["--email", "nfp@example.org", "--role", "focal-point", "--country", "XX"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("--country XX: unknown"));
    let ok = admin_create(&app, &["--email", "nfp@example.org", "--role", "focal-point", "--country", "ph"]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("created focal-point nfp@example.org"));
    let no_account = convene(&app.database_url, app.dir.path())
        .args(["token", "create", "--name", "x", "--account", "nobody@example.org"])
        .output()
        .expect("runs");
    assert!(!no_account.status.success());
    assert!(String::from_utf8_lossy(&no_account.stderr).contains("no such account"));
}

#[tokio::test]
async fn a_focal_point_token_changes_no_session_and_sees_only_its_countries_registrants() {
    let app = spawn_app().await;
    // Open to everyone, so people from the Philippines and Kenya can register.
    let open = app.create_session(with(manila_session(), json!({"regions": []}))).await["id"].as_i64().expect("id");
    let kenya_only =
        app.create_session(with(manila_session(), json!({"regions": [], "countries": ["KE"]}))).await["id"]
            .as_i64()
            .expect("id");
    let draft = app.create_session(with(manila_session(), json!({"status": "draft", "regions": []}))).await["id"]
        .as_i64()
        .expect("id");
    for (email, country) in [("ana@example.ph", "PH"), ("juma@example.ke", "KE")] {
        let (status, body) = app.register(open, with(participant(email), json!({"country": country}))).await;
        assert_eq!(status, 201, "{body}");
    }
    let ok = admin_create(&app, &["--email", "nfp@example.org", "--role", "focal-point", "--country", "PH"]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let token = token_for(&app, "nfp@example.org");

    let (status, list) =
        as_token(&app, &token, reqwest::Method::GET, &format!("/api/v1/sessions/{open}/registrations"), None).await;
    assert_eq!(status, 200, "{list}");
    let emails: Vec<&str> = list.as_array().expect("list").iter().filter_map(|r| r["email"].as_str()).collect();
    assert_eq!(emails, ["ana@example.ph"], "only the Philippines' registrants");

    // Sessions not open to the Philippines, and drafts, are not theirs to see.
    let path = format!("/api/v1/sessions/{kenya_only}");
    assert_eq!(as_token(&app, &token, reqwest::Method::GET, &path, None).await.0, 403);
    let path = format!("/api/v1/sessions/{kenya_only}/registrations");
    assert_eq!(as_token(&app, &token, reqwest::Method::GET, &path, None).await.0, 403);
    assert_eq!(as_token(&app, &token, reqwest::Method::GET, &format!("/api/v1/sessions/{draft}"), None).await.0, 404);
    let (_, listed) = as_token(&app, &token, reqwest::Method::GET, "/api/v1/sessions", None).await;
    let ids: Vec<i64> =
        listed.as_array().map(|l| l.iter().filter_map(|s| s["id"].as_i64()).collect()).unwrap_or_default();
    assert!(ids.contains(&open) && !ids.contains(&kenya_only) && !ids.contains(&draft), "{ids:?}");

    // No session changes: create, change, cancel, decide.
    let (status, _) = as_token(&app, &token, reqwest::Method::POST, "/api/v1/sessions", Some(&manila_session())).await;
    assert_eq!(status, 403);
    let path = format!("/api/v1/sessions/{open}");
    let (status, _) = as_token(&app, &token, reqwest::Method::PATCH, &path, Some(&json!({"title": "Mine"}))).await;
    assert_eq!(status, 403);
    let path = format!("/api/v1/sessions/{open}/cancel");
    assert_eq!(as_token(&app, &token, reqwest::Method::POST, &path, None).await.0, 403);
    let ana = list[0]["id"].as_i64().expect("id");
    let path = format!("/api/v1/registrations/{ana}/reject");
    assert_eq!(as_token(&app, &token, reqwest::Method::POST, &path, None).await.0, 403);
    let after = app.session(open).await;
    assert_eq!(
        (after["title"].as_str(), after["status"].as_str()),
        (Some("Biosafety in diagnostic laboratories"), Some("published"))
    );
    assert_eq!(app.registrations(open).await.len(), 2, "nobody was rejected");
}

#[tokio::test]
async fn an_organisers_token_acts_within_its_regions_only() {
    let app = spawn_app().await;
    create_organiser(&app, "sea@example.org", "a long enough password", &["south-east-asia"]);
    let token = token_for(&app, "sea@example.org");
    let ours = with(manila_session(), json!({"organising_region": "south-east-asia"}));
    let (status, created) = as_token(&app, &token, reqwest::Method::POST, "/api/v1/sessions", Some(&ours)).await;
    assert_eq!(status, 201, "{created}");
    let theirs = with(manila_session(), json!({"organising_region": "central-asia"}));
    let (status, _) = as_token(&app, &token, reqwest::Method::POST, "/api/v1/sessions", Some(&theirs)).await;
    assert_eq!(status, 403, "not for another region");
    let other = app.create_session(theirs).await["id"].as_i64().expect("id");
    let path = format!("/api/v1/sessions/{other}");
    let (status, _) = as_token(&app, &token, reqwest::Method::PATCH, &path, Some(&json!({"title": "Taken"}))).await;
    assert_eq!(status, 403);
    let path = format!("/api/v1/sessions/{}", created["id"]);
    let (status, _) =
        as_token(&app, &token, reqwest::Method::PATCH, &path, Some(&json!({"organising_region": "central-asia"})))
            .await;
    assert_eq!(status, 403, "nor may it hand its session to another region");
    let path = format!("/api/v1/sessions/{other}/registrations");
    assert_eq!(as_token(&app, &token, reqwest::Method::GET, &path, None).await.0, 403);
    assert_eq!(app.session(other).await["title"], "Biosafety in diagnostic laboratories");
}

#[tokio::test]
async fn a_disabled_accounts_token_stops_working() {
    let app = spawn_app().await;
    let ok = admin_create(&app, &["--email", "nfp@example.org", "--role", "focal-point", "--country", "PH"]);
    assert!(ok.status.success());
    let token = token_for(&app, "nfp@example.org");
    assert_eq!(as_token(&app, &token, reqwest::Method::GET, "/api/v1/sessions", None).await.0, 200);
    let url = app.database_url.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = convene::db::connect_one(&url).expect("connection");
        let user = convene::db::accounts::find_by_email(&mut conn, "nfp@example.org").expect("read").expect("account");
        convene::db::accounts::update_account(&mut conn, user.id, "focal-point", &[], &["PH".into()], true)
            .expect("disabled");
    })
    .await
    .expect("task");
    assert_eq!(as_token(&app, &token, reqwest::Method::GET, "/api/v1/sessions", None).await.0, 401);
}

#[tokio::test]
async fn an_admin_makes_a_focal_point_in_the_users_page_and_the_workspace_turns_it_away() {
    let app = spawn_app().await;
    crate::common::create_admin(&app, "admin@example.org", "a long enough password");
    assert_eq!(crate::admin::login(&app, "admin@example.org", "a long enough password").await.status(), 303);
    let page = scraper::Html::parse_document(&app.get("/admin/users").await.text().await.expect("body"));
    let sel = scraper::Selector::parse("input[name=csrf_token]").expect("selector");
    let csrf = page.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string();
    let form = |countries: &'static str| {
        vec![
            ("csrf_token", csrf.clone()),
            ("email", "nfp@example.org".to_string()),
            ("role", "focal-point".to_string()),
            ("countries", countries.to_string()),
            ("password", "a long enough password".to_string()),
        ]
    };
    let res = app.client.post(app.url("/admin/users")).form(&form("")).send().await.expect("sent");
    assert_eq!(res.status(), 422, "a focal point needs a country");
    let res = app.client.post(app.url("/admin/users")).form(&form("ph, KE")).send().await.expect("sent");
    assert_eq!(res.status(), 200);
    let html = scraper::Html::parse_document(&res.text().await.expect("body"));
    let sel = scraper::Selector::parse("input[name=countries][value]").expect("selector");
    let shown: Vec<&str> = html.select(&sel).filter_map(|e| e.value().attr("value")).collect();
    assert!(shown.contains(&"KE, PH"), "the account's countries are shown: {shown:?}");

    // The same browser signs in as the focal point: its cookie replaces the admin's.
    let res = crate::admin::login(&app, "nfp@example.org", "a long enough password").await;
    assert_eq!(res.status(), 303);
    let res = app.get("/admin/sessions").await;
    assert_eq!(res.status(), 403);
    let body = res.text().await.expect("body");
    assert!(body.contains("through the API"), "the page says where focal points work: {body}");
}
