//! National Focal Points and tokens that act for an account (issue 14,
//! first part): an account's token has its role and scope, a focal point
//! changes no session and sees only its countries' registrants, and a
//! disabled account's tokens stop working.

use crate::cli::convene;
use crate::common::{TestApp, create_organiser, manila_session, participant, spawn_app, with};
use serde_json::{Value, json};
use std::io::Write;
use std::process::Stdio;
use std::time::Duration;

/// `convene admin create` with the given arguments, the password on stdin.
pub fn admin_create(app: &TestApp, args: &[&str]) -> std::process::Output {
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
pub fn token_for(app: &TestApp, account: &str) -> String {
    let out = convene(&app.database_url, app.dir.path())
        .args(["token", "create", "--name", "focal", "--account", account])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().last().expect("token line").trim().to_string()
}

pub async fn as_token(
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
    assert!(body.contains("/admin/nominations"), "the page says where focal points work: {body}");
}

/// A focal-point account for `country` and its token.
pub fn focal_point(app: &TestApp, email: &str, country: &str) -> String {
    let ok = admin_create(app, &["--email", email, "--role", "focal-point", "--country", country]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    token_for(app, email)
}

pub fn nominee(email: &str, country: &str) -> Value {
    json!({"name": "Ana Reyes", "email": email, "organisation": "Department of Health", "country": country,
           "role": "trainer", "note": "Leads the national lab network"})
}

#[tokio::test]
async fn a_nomination_holds_a_place_and_the_nominee_accepts_by_the_link_they_were_emailed() {
    let (app, sink) = crate::email::app_with_sink().await;
    let id = app
        .create_session(with(manila_session(), json!({"participation": "nomination", "capacity": 10, "regions": []})))
        .await["id"]
        .as_i64()
        .expect("id");
    // The public cannot register; the page says how places are given.
    let (status, problem) = app.register(id, participant("self@example.org")).await;
    assert_eq!(status, 403);
    assert!(problem["detail"].as_str().is_some_and(|d| d.contains("National Focal Point")), "{problem}");
    let page = app.get(&format!("/sessions/{id}")).await.text().await.expect("body");
    assert!(page.contains("go through each partner country"), "the page says so");

    let token = focal_point(&app, "nfp@example.org", "PH");
    let path = format!("/api/v1/sessions/{id}/nominations");
    let (status, _) =
        as_token(&app, &token, reqwest::Method::POST, &path, Some(&nominee("juma@example.ke", "KE"))).await;
    assert_eq!(status, 403, "not another country's person");
    let (status, nominated) =
        as_token(&app, &token, reqwest::Method::POST, &path, Some(&nominee("ana@example.ph", "PH"))).await;
    assert_eq!(status, 201, "{nominated}");
    assert_eq!((nominated["status"].as_str(), nominated["role"].as_str()), (Some("nominated"), Some("trainer")));
    assert!(nominated.get("manage_url").is_none(), "the secret goes only to the nominee");
    assert_eq!(app.session(id).await["seats_left"], 9, "a place is held");
    let (status, _) =
        as_token(&app, &token, reqwest::Method::POST, &path, Some(&nominee("ana@example.ph", "PH"))).await;
    assert_eq!(status, 409, "nominated once");

    let mail = sink.wait_for(1, Duration::from_secs(15)).await;
    assert_eq!(crate::smtp::subject_of(&mail[0]), "You are nominated: Biosafety in diagnostic laboratories");
    let text = crate::email::text_body(&mail[0]);
    let link = text.split_whitespace().find(|w| w.contains("/registrations/m_")).expect("the manage link");
    let secret = link.rsplit('/').next().expect("token").trim_end_matches(['.', ')']);
    let page = app.get(&format!("/registrations/{secret}")).await.text().await.expect("body");
    assert!(page.contains("id=\"accept\""), "the page offers to accept");

    let accept = format!("/api/v1/registrations/{secret}/accept");
    let res = app.client.post(app.url(&accept)).json(&json!({"consent": false})).send().await.expect("sent");
    assert_eq!(res.status(), 422, "consent is needed");
    let res = app
        .client
        .post(app.url(&accept))
        .json(&json!({"consent": true, "time_zone": "Asia/Manila"}))
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 200);
    let accepted: Value = res.json().await.expect("json");
    assert_eq!((accepted["status"].as_str(), accepted["time_zone"].as_str()), (Some("confirmed"), Some("Asia/Manila")));
    let mail = sink.wait_for(2, Duration::from_secs(15)).await;
    assert_eq!(crate::smtp::subject_of(&mail[1]), "Registration confirmed: Biosafety in diagnostic laboratories");
    assert!(crate::email::calendar_part(&mail[1]).is_some(), "the confirmation carries the invite");
    let res = app.client.post(app.url(&accept)).json(&json!({"consent": true})).send().await.expect("sent");
    assert_eq!(res.status(), 409, "accepted once");
    app.dispatch_pending_emails().await;
}

#[tokio::test]
async fn a_declined_nomination_frees_its_place_for_the_next_in_line() {
    let app = spawn_app().await;
    let id = app.create_session(with(manila_session(), json!({"capacity": 1, "waitlist": true, "regions": []}))).await
        ["id"]
        .as_i64()
        .expect("id");
    let token = focal_point(&app, "nfp@example.org", "ID");
    let path = format!("/api/v1/sessions/{id}/nominations");
    let (status, nominated) =
        as_token(&app, &token, reqwest::Method::POST, &path, Some(&nominee("rina@example.id", "ID"))).await;
    assert_eq!(status, 201, "{nominated}");
    let (_, waiting) = app.register(id, participant("next@example.org")).await;
    assert_eq!(waiting["status"], "waitlisted");
    // The nominee's link is only in their email; the organisers' list shows the nomination.
    let url = app.database_url.clone();
    let secret = tokio::task::spawn_blocking(move || {
        let mut conn = convene::db::connect_one(&url).expect("connection");
        let keys = convene::db::accounts::link_keys(&mut conn, None).expect("keys");
        let list =
            convene::db::registrations::for_session(&mut conn, convene::db::ids::SessionId(id as i32)).expect("list");
        list.iter().find(|r| r.email == "rina@example.id").map(|r| r.manage_token(&keys)).expect("nominee")
    })
    .await
    .expect("task");
    let res = app.client.post(app.url(&format!("/api/v1/registrations/{secret}/decline"))).send().await.expect("sent");
    assert_eq!(res.status(), 200);
    let list = app.registrations(id).await;
    let status_of = |email: &str| list.iter().find(|r| r["email"] == email).map(|r| r["status"].clone());
    assert_eq!(status_of("rina@example.id"), Some(json!("declined")));
    assert_eq!(status_of("next@example.org"), Some(json!("confirmed")), "the next in line moves up");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_nominations_and_registrations_from_one_country_never_pass_its_quota() {
    let app = spawn_app().await;
    let id = app
        .create_session(with(
            manila_session(),
            json!({"capacity": 100, "waitlist": false, "regions": [], "country_quota": 3}),
        ))
        .await["id"]
        .as_i64()
        .expect("id");
    let token = focal_point(&app, "nfp@example.org", "ID");
    let client = reqwest::Client::new();
    let mut set = tokio::task::JoinSet::new();
    for i in 0..80 {
        let (client, token) = (client.clone(), token.clone());
        let base = app.address.clone();
        set.spawn(async move {
            let res = if i % 2 == 0 {
                client
                    .post(format!("{base}/api/v1/sessions/{id}/nominations"))
                    .bearer_auth(&token)
                    .json(&nominee(&format!("n{i}@example.id"), "ID"))
                    .send()
                    .await
            } else {
                client
                    .post(format!("{base}/api/v1/sessions/{id}/registrations"))
                    .json(&participant(&format!("r{i}@example.id")))
                    .send()
                    .await
            };
            res.expect("sent").status().as_u16()
        });
    }
    let mut statuses = Vec::new();
    while let Some(s) = set.join_next().await {
        statuses.push(s.expect("task"));
    }
    assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 3, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 201 || *s == 409), "the rest are told the quota is full: {statuses:?}");
    let list = app.registrations(id).await;
    let holding = list.iter().filter(|r| r["status"] == "confirmed" || r["status"] == "nominated").count();
    assert_eq!(holding, 3, "exactly the quota");
}

#[tokio::test]
async fn an_unanswered_nomination_lapses_after_a_week_and_frees_its_place() {
    let app = spawn_app().await;
    let id = app.create_session(with(manila_session(), json!({"capacity": 5, "regions": []}))).await["id"]
        .as_i64()
        .expect("id");
    let token = focal_point(&app, "nfp@example.org", "ID");
    let path = format!("/api/v1/sessions/{id}/nominations");
    let (status, _) =
        as_token(&app, &token, reqwest::Method::POST, &path, Some(&nominee("late@example.id", "ID"))).await;
    assert_eq!(status, 201);
    assert_eq!(app.session(id).await["seats_left"], 4);
    crate::common::run_sql(
        &app,
        "UPDATE registrations SET created_at = created_at - INTERVAL_8_DAYS WHERE email = 'late@example.id'",
    );
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        let list = app.registrations(id).await;
        if list.first().is_some_and(|r| r["status"] == "lapsed") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the nomination never lapsed: {list:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(app.session(id).await["seats_left"], 5, "its place is free again");
}

#[tokio::test]
async fn after_nominations_close_a_nomination_is_refused_with_the_local_date() {
    let app = spawn_app().await;
    let id = app
        .create_session(with(
            manila_session(),
            json!({"participation": "nomination", "regions": [], "nominations_close_at": "2026-01-15T17:00"}),
        ))
        .await["id"]
        .as_i64()
        .expect("id");
    let token = focal_point(&app, "nfp@example.org", "PH");
    let path = format!("/api/v1/sessions/{id}/nominations");
    let (status, problem) =
        as_token(&app, &token, reqwest::Method::POST, &path, Some(&nominee("ana@example.ph", "PH"))).await;
    assert_eq!(status, 403);
    let detail = problem["detail"].as_str().unwrap_or_default();
    assert!(detail.contains("2026-01-15 17:00") && detail.contains("UTC+08:00"), "Manila's own time: {detail}");
}

#[tokio::test]
async fn an_endorsement_session_waits_for_the_countrys_focal_point_before_anything_else() {
    let (app, sink) = crate::email::app_with_sink().await;
    let id = app
        .create_session(with(manila_session(), json!({"participation": "endorsement", "capacity": 5, "regions": []})))
        .await["id"]
        .as_i64()
        .expect("id");
    let id_token = focal_point(&app, "nfp-id@example.org", "ID");
    let ph_token = focal_point(&app, "nfp-ph@example.org", "PH");
    let (status, first) = app.register(id, participant("siti@example.org")).await;
    assert_eq!((status, first["status"].as_str()), (201, Some("pending_endorsement")), "{first}");
    assert_eq!(app.session(id).await["seats_left"], 5, "no place is taken before the endorsement");
    // The registrant hears that it waits; the country's focal point is asked, without the registrant's secrets.
    let mail = sink.wait_for(2, Duration::from_secs(15)).await;
    let to_focal =
        mail.iter().find(|m| m.to.iter().any(|t| t == "nfp-id@example.org")).expect("the focal point is asked");
    assert!(crate::smtp::subject_of(to_focal).starts_with("Endorsement requested: Siti Rahma"));
    let text = crate::email::text_body(to_focal);
    assert!(text.contains(&format!("/api/v1/registrations/{}/endorse", first["id"])), "{text}");
    assert!(!text.contains("/registrations/m_"), "no manage link for the focal point");
    assert!(mail.iter().all(|m| !m.to.iter().any(|t| t == "nfp-ph@example.org")), "only that country's");

    let endorse = format!("/api/v1/registrations/{}/endorse", first["id"]);
    assert_eq!(as_token(&app, &ph_token, reqwest::Method::POST, &endorse, None).await.0, 403);
    let (status, endorsed) = as_token(&app, &id_token, reqwest::Method::POST, &endorse, None).await;
    assert_eq!((status, endorsed["status"].as_str()), (200, Some("confirmed")), "{endorsed}");
    assert_eq!(as_token(&app, &id_token, reqwest::Method::POST, &endorse, None).await.0, 409, "endorsed once");
    let mail = sink.wait_for(3, Duration::from_secs(15)).await;
    assert!(mail.iter().any(|m| crate::smtp::subject_of(m).starts_with("Registration confirmed")));

    let (_, second) = app.register(id, participant("budi@example.org")).await;
    let decline = format!("/api/v1/registrations/{}/decline-endorsement", second["id"]);
    let (status, declined) = as_token(&app, &id_token, reqwest::Method::POST, &decline, None).await;
    assert_eq!((status, declined["status"].as_str()), (200, Some("rejected")), "{declined}");
    assert_eq!(app.session(id).await["seats_left"], 4);
    app.dispatch_pending_emails().await;
}

#[tokio::test]
async fn quotas_released_when_nominations_close_let_open_places_go_to_anyone() {
    let app = spawn_app().await;
    let session = |release: bool| {
        with(
            manila_session(),
            json!({"capacity": 5, "waitlist": true, "regions": [], "country_quota": 1,
                   "nominations_close_at": "2026-01-15T17:00", "quota_release": release}),
        )
    };
    let held = app.create_session(session(false)).await["id"].as_i64().expect("id");
    let released = app.create_session(session(true)).await["id"].as_i64().expect("id");
    assert_eq!(app.session(released).await["quota_release"], true);
    for (id, expected) in [(held, "waitlisted"), (released, "confirmed")] {
        app.register(id, participant("one@example.org")).await;
        let (_, second) = app.register(id, participant("two@example.org")).await;
        assert_eq!(second["status"], expected, "session {id}");
    }
}
