//! The focal point's own work (issue 14, second part): replacing and
//! withdrawing nominees through the API and the workspace, the focal
//! point told of a lapse, nominating one person or a pasted sheet in
//! `/admin/nominations`, a country's year, and the organisers' table of
//! countries with their message to the countries that have not nominated.

use crate::admin::{PASSWORD, login, submit};
use crate::common::{TestApp, create_organiser, manila_session, participant, spawn_app, with};
use crate::focal_points::{admin_create, as_token, focal_point, nominee};
use reqwest::Method;
use scraper::{Html, Selector};
use serde_json::{Value, json};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(15);

async fn html(app: &TestApp, path: &str) -> (u16, Html) {
    let res = app.get(path).await;
    let status = res.status().as_u16();
    (status, Html::parse_document(&res.text().await.expect("body")))
}

fn texts(html: &Html, selector: &str) -> Vec<String> {
    let sel = Selector::parse(selector).expect("selector");
    // Text nodes joined by spaces, so that a row reads cell by cell.
    html.select(&sel)
        .map(|e| e.text().collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn csrf(html: &Html) -> String {
    let sel = Selector::parse("input[name=csrf_token]").expect("selector");
    html.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string()
}

fn status_of(list: &[Value], email: &str) -> Option<String> {
    list.iter().find(|r| r["email"] == email).and_then(|r| r["status"].as_str().map(String::from))
}

fn id_of(list: &[Value], email: &str) -> i64 {
    list.iter().find(|r| r["email"] == email).and_then(|r| r["id"].as_i64()).expect("registration")
}

/// A session open to everyone, with these changes.
async fn session(app: &TestApp, changes: Value) -> i64 {
    app.create_session(with(manila_session(), with(json!({"regions": []}), changes))).await["id"].as_i64().expect("id")
}

/// A focal point signed in to the workspace (this test's own client).
async fn signed_in_focal_point(app: &TestApp, email: &str, countries: &[&str]) {
    let mut args = vec!["--email", email, "--role", "focal-point"];
    for c in countries {
        args.extend(["--country", c]);
    }
    let out = admin_create(app, &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // admin_create gives every account the same password.
    let res = login(app, email, "a long enough password").await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/admin");
}

#[tokio::test]
async fn a_focal_point_replaces_a_nominee_in_one_step_and_withdraws_another_and_each_is_told() {
    let (app, sink) = crate::email::app_with_sink().await;
    let id = session(&app, json!({"capacity": 10, "country_quota": 1, "waitlist": true})).await;
    let ph = focal_point(&app, "nfp-ph@example.org", "PH");
    let ke = focal_point(&app, "nfp-ke@example.org", "KE");
    let path = format!("/api/v1/sessions/{id}/nominations");
    let (status, first) = as_token(&app, &ph, Method::POST, &path, Some(&nominee("ana@example.ph", "PH"))).await;
    assert_eq!(status, 201, "{first}");
    // Someone else from the Philippines waits for the one place.
    let (_, waiting) = app.register(id, with(participant("wait@example.ph"), json!({"country": "PH"}))).await;
    assert_eq!(waiting["status"], "waitlisted", "{waiting}");
    sink.wait_for(2, WAIT).await;

    let replace = format!("/api/v1/registrations/{}/replace", first["id"]);
    assert_eq!(as_token(&app, &ke, Method::POST, &replace, Some(&nominee("bo@example.ph", "PH"))).await.0, 403);
    let (status, problem) = as_token(&app, &ph, Method::POST, &replace, Some(&nominee("bo@example.ke", "KE"))).await;
    assert_eq!(status, 422, "a replacement takes the same country's place: {problem}");
    let (status, problem) = as_token(&app, &ph, Method::POST, &replace, Some(&nominee("ana@example.ph", "PH"))).await;
    assert_eq!(status, 422, "not the nominee themselves: {problem}");
    let (status, second) = as_token(&app, &ph, Method::POST, &replace, Some(&nominee("bo@example.ph", "PH"))).await;
    assert_eq!((status, second["status"].as_str()), (201, Some("nominated")), "{second}");
    let list = app.registrations(id).await;
    assert_eq!(status_of(&list, "ana@example.ph").as_deref(), Some("cancelled"));
    assert_eq!(status_of(&list, "wait@example.ph").as_deref(), Some("waitlisted"), "the place passed, not freed");
    assert_eq!(app.session(id).await["seats_left"], 9);
    let mail = sink.wait_for(4, WAIT).await;
    let to = |m: &crate::smtp::Received, who: &str| m.to.iter().any(|t| t == who);
    let told =
        mail.iter().find(|m| to(m, "ana@example.ph") && crate::smtp::subject_of(m).starts_with("Nomination withdrawn"));
    assert!(
        told.is_some_and(|m| crate::email::text_body(m).contains("someone else in your place")),
        "the old nominee is told"
    );
    assert!(mail.iter().any(|m| to(m, "bo@example.ph") && crate::smtp::subject_of(m).starts_with("You are nominated")));
    assert_eq!(as_token(&app, &ph, Method::POST, &replace, Some(&nominee("cy@example.ph", "PH"))).await.0, 409);

    let withdraw = format!("/api/v1/registrations/{}/withdraw", second["id"]);
    assert_eq!(as_token(&app, &ke, Method::POST, &withdraw, None).await.0, 403, "not another country's");
    let (status, withdrawn) = as_token(&app, &ph, Method::POST, &withdraw, None).await;
    assert_eq!((status, withdrawn["status"].as_str()), (200, Some("cancelled")), "{withdrawn}");
    assert_eq!(as_token(&app, &ph, Method::POST, &withdraw, None).await.0, 409, "withdrawn once");
    let list = app.registrations(id).await;
    assert_eq!(status_of(&list, "wait@example.ph").as_deref(), Some("confirmed"), "the freed place goes to the next");
    let own = format!("/api/v1/registrations/{}/withdraw", id_of(&list, "wait@example.ph"));
    let (status, problem) = as_token(&app, &ph, Method::POST, &own, None).await;
    assert_eq!(status, 409, "a self-registration is not a nomination: {problem}");
    let mail = sink.wait_for(6, WAIT).await;
    assert!(
        mail.iter().any(|m| to(m, "bo@example.ph") && crate::smtp::subject_of(m).starts_with("Nomination withdrawn"))
    );
    app.dispatch_pending_emails().await;
}

#[tokio::test]
async fn a_lapsed_nomination_is_told_to_the_nominee_and_to_the_countrys_focal_points() {
    let (app, sink) = crate::email::app_with_sink().await;
    let id = session(&app, json!({"capacity": 5})).await;
    let token = focal_point(&app, "nfp@example.org", "ID");
    let path = format!("/api/v1/sessions/{id}/nominations");
    assert_eq!(as_token(&app, &token, Method::POST, &path, Some(&nominee("late@example.id", "ID"))).await.0, 201);
    sink.wait_for(1, WAIT).await;
    crate::common::run_sql(
        &app,
        "UPDATE registrations SET created_at = created_at - INTERVAL_8_DAYS WHERE email = 'late@example.id'",
    );
    let mail = sink.wait_for(3, WAIT).await;
    let focal = mail.iter().find(|m| m.to.iter().any(|t| t == "nfp@example.org")).expect("the focal point is told");
    assert!(
        crate::smtp::subject_of(focal).starts_with("Nomination lapsed: Ana Reyes for"),
        "{}",
        crate::smtp::subject_of(focal)
    );
    let text = crate::email::text_body(focal);
    assert!(text.contains(&format!("/admin/nominations/{id}")), "with the way to nominate someone else: {text}");
    assert!(!text.contains("/registrations/m_"), "never the nominee's secret link");
    assert!(
        mail.iter().any(|m| m.to.iter().any(|t| t == "late@example.id")
            && crate::smtp::subject_of(m).starts_with("Nomination lapsed"))
    );
    app.dispatch_pending_emails().await;
}

#[tokio::test]
async fn a_focal_point_nominates_in_the_workspace_and_sees_only_its_countries() {
    let app = spawn_app().await;
    let id = session(&app, json!({"participation": "nomination", "capacity": 20, "country_quota": 2})).await;
    let kenya_only = session(&app, json!({"countries": ["KE"]})).await;
    let kenya = focal_point(&app, "nfp-ke@example.org", "KE");
    let path = format!("/api/v1/sessions/{id}/nominations");
    assert_eq!(as_token(&app, &kenya, Method::POST, &path, Some(&nominee("juma@example.ke", "KE"))).await.0, 201);
    signed_in_focal_point(&app, "nfp-ph@example.org", &["PH"]).await;

    // Signed in, the focal point lands on its own pages; the organisers' are not for it.
    let res = app.get("/admin").await;
    assert_eq!(res.headers()["location"], "/admin/nominations");
    let res = app.get("/admin/sessions").await;
    assert_eq!(res.status(), 403);
    assert!(res.text().await.expect("body").contains("/admin/nominations"));
    let (status, list) = html(&app, "/admin/nominations").await;
    assert_eq!(status, 200);
    let rows = texts(&list, "#sessions tbody tr");
    assert_eq!(rows.len(), 1, "only the session open to the Philippines: {rows:?}");
    assert!(rows[0].contains("Philippines: 0 of 2 places held"), "{rows:?}");
    assert_eq!(html(&app, &format!("/admin/nominations/{kenya_only}")).await.0, 404);
    let csv = app.get(&format!("/admin/sessions/{id}/registrations.csv")).await;
    assert_eq!(csv.status(), 403, "no CSV of everyone's registrants for a focal point");

    let page_path = format!("/admin/nominations/{id}");
    let (_, page) = html(&app, &page_path).await;
    assert!(texts(&page, "body").concat().contains("Nobody from your countries"), "Kenya's nominee is not shown");
    let token = csrf(&page);
    let form = |email: &'static str| {
        vec![
            ("csrf_token", token.clone()),
            ("name", "Ana Reyes".into()),
            ("email", email.into()),
            ("organisation", "Department of Health".into()),
            ("country", "PH".into()),
            ("role", "trainer".into()),
            ("language", "en".into()),
        ]
    };
    let res = app.client.post(app.url(&page_path)).form(&form("not-an-address")).send().await.expect("sent");
    assert_eq!(res.status(), 422);
    let wrong = Html::parse_document(&res.text().await.expect("body"));
    assert_eq!(texts(&wrong, "#n-email-error").len(), 1, "the email field says what is wrong");
    assert_eq!(wrong.select(&Selector::parse("#n-name[value='Ana Reyes']").expect("sel")).count(), 1, "kept as typed");
    let res = app.client.post(app.url(&page_path)).form(&form("ana@example.ph")).send().await.expect("sent");
    assert_eq!(res.status(), 303);
    let (_, page) = html(&app, res.headers()["location"].to_str().expect("location")).await;
    assert!(texts(&page, "#notice").concat().contains("Ana Reyes is nominated"));
    let people = texts(&page, ".registrations tbody tr");
    assert!(people.len() == 1 && people[0].contains("trainer") && people[0].contains("Nominated"), "{people:?}");
    assert!(texts(&page, "#places tbody tr").concat().contains("Philippines 2 1 1"), "quota 2, one held, one awaiting");

    // Several people pasted from a spreadsheet: checked first, nominated on confirming.
    let sheet = "name\temail\torganisation\trole\nBo Cruz\tbo@example.ph\tDOH\tobserver\nNo Address\t\tDOH\t\nCy Lim\tcy@example.ph\tDOH\t\n";
    let sheet_path = format!("/admin/nominations/{id}/sheet");
    let fields = [("csrf_token", token.as_str()), ("sheet", sheet)];
    let res = submit(&app.client, &app, &sheet_path, &fields).await;
    let preview = Html::parse_document(&res.text().await.expect("body"));
    assert!(
        texts(&preview, "#sheet-result").concat().contains("2 of 3 rows are ready"),
        "{:?}",
        texts(&preview, "#sheet-result")
    );
    assert_eq!(app.registrations(id).await.len(), 2, "nobody nominated by a preview");
    let confirm = [("csrf_token", token.as_str()), ("sheet", sheet), ("confirm", "yes")];
    let res = submit(&app.client, &app, &sheet_path, &confirm).await;
    let done = Html::parse_document(&res.text().await.expect("body"));
    let rows = texts(&done, "#sheet-preview tbody tr");
    assert!(rows[0].ends_with("Nominated"), "{rows:?}");
    assert!(rows[2].contains("2 places"), "the quota is full for the third: {rows:?}");
    let list = app.registrations(id).await;
    assert_eq!(status_of(&list, "bo@example.ph").as_deref(), Some("nominated"));
    assert_eq!(status_of(&list, "cy@example.ph"), None);

    // A country's year; another country's is not theirs.
    let (status, year) = html(&app, "/admin/nominations/country/PH?year=2027").await;
    assert_eq!(status, 200);
    assert!(texts(&year, "#year tfoot").concat().contains("Total 2 0 0 0 0"), "{:?}", texts(&year, "#year tfoot"));
    assert_eq!(html(&app, "/admin/nominations/country/KE").await.0, 404);
    app.dispatch_pending_emails().await;
}

#[tokio::test]
async fn in_the_workspace_a_focal_point_withdraws_replaces_and_endorses() {
    let app = spawn_app().await;
    let id = session(&app, json!({"capacity": 20})).await;
    let endorsement = session(&app, json!({"participation": "endorsement", "capacity": 20})).await;
    let token = focal_point(&app, "api-ph@example.org", "PH");
    let path = format!("/api/v1/sessions/{id}/nominations");
    for email in ["ana@example.ph", "bo@example.ph"] {
        assert_eq!(as_token(&app, &token, Method::POST, &path, Some(&nominee(email, "PH"))).await.0, 201);
    }
    let (_, pending) = app.register(endorsement, with(participant("dee@example.ph"), json!({"country": "PH"}))).await;
    let kenya = focal_point(&app, "api-ke@example.org", "KE");
    let (_, juma) = as_token(&app, &kenya, Method::POST, &path, Some(&nominee("juma@example.ke", "KE"))).await;
    signed_in_focal_point(&app, "nfp@example.org", &["PH"]).await;
    let list = app.registrations(id).await;
    let (_, page) = html(&app, &format!("/admin/nominations/{id}")).await;
    let csrf = csrf(&page);

    // Another country's nominee is out of reach: no replace page, no withdrawal.
    assert_eq!(html(&app, &format!("/admin/nominations/registrations/{}/replace", juma["id"])).await.0, 404);
    let theirs = format!("/admin/nominations/registrations/{}/withdraw", juma["id"]);
    let res = submit(&app.client, &app, &theirs, &[("csrf_token", csrf.as_str())]).await;
    let (_, said) = html(&app, res.headers()["location"].to_str().expect("location")).await;
    assert!(texts(&said, "#notice").concat().starts_with("Nothing changed"), "{:?}", texts(&said, "#notice"));
    assert_eq!(status_of(&app.registrations(id).await, "juma@example.ke").as_deref(), Some("nominated"));

    let withdraw = format!("/admin/nominations/registrations/{}/withdraw", id_of(&list, "ana@example.ph"));
    let res = submit(&app.client, &app, &withdraw, &[("csrf_token", csrf.as_str())]).await;
    assert_eq!(res.status(), 303);
    let res = submit(&app.client, &app, &withdraw, &[("csrf_token", csrf.as_str())]).await;
    let (_, again) = html(&app, res.headers()["location"].to_str().expect("location")).await;
    assert!(texts(&again, "#notice").concat().starts_with("Nothing changed"), "{:?}", texts(&again, "#notice"));

    let replace = format!("/admin/nominations/registrations/{}/replace", id_of(&list, "bo@example.ph"));
    let (status, form) = html(&app, &replace).await;
    assert_eq!(status, 200);
    assert!(texts(&form, "h1").concat().contains("Replace Ana Reyes"));
    let fields = [
        ("csrf_token", csrf.as_str()),
        ("name", "Cy Lim"),
        ("email", "cy@example.ph"),
        ("organisation", "DOH"),
        ("country", "PH"),
        ("role", "participant"),
    ];
    assert_eq!(submit(&app.client, &app, &replace, &fields).await.status(), 303);
    let list = app.registrations(id).await;
    assert_eq!(
        (status_of(&list, "bo@example.ph").as_deref(), status_of(&list, "cy@example.ph").as_deref()),
        (Some("cancelled"), Some("nominated"))
    );

    let endorse = format!("/admin/nominations/registrations/{}/endorse", pending["id"]);
    assert_eq!(submit(&app.client, &app, &endorse, &[("csrf_token", csrf.as_str())]).await.status(), 303);
    assert_eq!(status_of(&app.registrations(endorsement).await, "dee@example.ph").as_deref(), Some("confirmed"));
    app.dispatch_pending_emails().await;
}

#[tokio::test]
async fn organisers_see_each_countrys_nominations_and_write_to_the_countries_that_have_none() {
    let (app, sink) = crate::email::app_with_sink().await;
    let id = session(
        &app,
        json!({"participation": "nomination", "countries": ["PH", "ID", "KE"], "regions": [],
                                   "quotas": {"PH": 3}}),
    )
    .await;
    let ph = focal_point(&app, "nfp-ph@example.org", "PH");
    focal_point(&app, "nfp-id@example.org", "ID");
    focal_point(&app, "nfp-id2@example.org", "ID");
    let path = format!("/api/v1/sessions/{id}/nominations");
    assert_eq!(as_token(&app, &ph, Method::POST, &path, Some(&nominee("ana@example.ph", "PH"))).await.0, 201);
    let mut observer = nominee("bo@example.ph", "PH");
    observer["role"] = json!("observer");
    assert_eq!(as_token(&app, &ph, Method::POST, &path, Some(&observer)).await.0, 201);
    sink.wait_for(2, WAIT).await;
    crate::common::create_admin(&app, "admin@example.org", PASSWORD);
    assert_eq!(login(&app, "admin@example.org", PASSWORD).await.status(), 303);

    let (_, page) = html(&app, &format!("/admin/sessions/{id}")).await;
    let counts = texts(&page, "main p");
    assert!(counts.iter().any(|p| p.contains("· 2 nominated, awaiting their answer ·")), "{counts:?}");
    let rows = texts(&page, "#country-table tbody tr");
    assert_eq!(rows.len(), 3, "every country the session admits: {rows:?}");
    assert!(rows[0].starts_with("Philippines 3 2 2 0 0 0 0 1"), "quota, held, nominated, …, focal points: {rows:?}");
    let form = texts(&page, "#message-focal-points button").concat();
    assert_eq!(form, "Send to 2 focal points in one country", "Indonesia's two; Kenya has none to write to");
    let (_, trainers) = html(&app, &format!("/admin/sessions/{id}?role=observer")).await;
    let shown = texts(&trainers, ".registrations tbody tr");
    assert!(shown.len() == 1 && shown[0].contains("bo@example.ph") && shown[0].contains("observer"), "{shown:?}");
    assert!(texts(&page, "#by-role tbody tr").iter().any(|r| r == "trainer 0 0 0 0"), "figures by role");

    let csrf = csrf(&page);
    let fields =
        [("csrf_token", csrf.as_str()), ("subject", "Nominations due"), ("message", "Please nominate by Friday.")];
    let res = submit(&app.client, &app, &format!("/admin/sessions/{id}/focal-points"), &fields).await;
    assert_eq!(res.status(), 303);
    let (_, after) = html(&app, res.headers()["location"].to_str().expect("location")).await;
    assert!(texts(&after, "#notice").concat().contains("Sent to 2 focal points in one country"));
    let mail = sink.wait_for(4, WAIT).await;
    let reminders: Vec<_> = mail.iter().filter(|m| crate::smtp::subject_of(m).starts_with("Nominations due")).collect();
    let mut to: Vec<&str> = reminders.iter().flat_map(|m| m.to.iter().map(String::as_str)).collect();
    to.sort();
    assert_eq!(to, ["nfp-id2@example.org", "nfp-id@example.org"]);
    assert!(crate::email::text_body(reminders[0]).contains(&format!("/admin/nominations/{id}")));
    let audit = app.get("/admin/audit").await.text().await.expect("body");
    assert!(audit.contains("session.message-focal-points"));
    app.dispatch_pending_emails().await;
}

#[tokio::test]
async fn organisers_cannot_open_the_focal_points_pages_and_focal_points_cannot_write_to_each_other() {
    let app = spawn_app().await;
    let id = session(&app, json!({"participation": "nomination"})).await;
    create_organiser(&app, "org@example.org", PASSWORD, &["south-east-asia"]);
    assert_eq!(login(&app, "org@example.org", PASSWORD).await.status(), 303);
    let res = app.get("/admin/nominations").await;
    assert_eq!(res.status(), 403);
    assert!(res.text().await.expect("body").contains("for National Focal Points"));
    signed_in_focal_point(&app, "nfp@example.org", &["PH"]).await;
    let (_, page) = html(&app, &format!("/admin/nominations/{id}")).await;
    let csrf = csrf(&page);
    let fields = [("csrf_token", csrf.as_str()), ("subject", "x"), ("message", "y")];
    let res = submit(&app.client, &app, &format!("/admin/sessions/{id}/focal-points"), &fields).await;
    assert_eq!(res.status(), 403, "a focal point writes to no one from the organisers' page");
}

/// The secret of a registration's manage link, as only its email carries it.
fn manage_secret(app: &TestApp, session: i64, email: &'static str) -> String {
    let url = app.database_url.clone();
    let mut conn = convene::db::connect_one(&url).expect("connection");
    let keys = convene::db::accounts::link_keys(&mut conn, None).expect("keys");
    let list =
        convene::db::registrations::for_session(&mut conn, convene::db::ids::SessionId(session as i32)).expect("list");
    list.iter().find(|r| r.email == email).map(|r| r.manage_token(&keys)).expect("registration")
}

#[tokio::test]
async fn a_nominee_chooses_a_zone_and_answers_the_organisers_questions_when_accepting() {
    let app = spawn_app().await;
    let questions = json!([{"key": "diet", "kind": "single_choice", "label": "Meals", "required": true,
                            "choices": ["Any", "Vegetarian", "Halal"]}]);
    let id = session(&app, json!({"capacity": 5, "questions": questions})).await;
    let token = focal_point(&app, "nfp@example.org", "ID");
    let path = format!("/api/v1/sessions/{id}/nominations");
    for email in ["siti@example.id", "budi@example.id"] {
        assert_eq!(as_token(&app, &token, Method::POST, &path, Some(&nominee(email, "ID"))).await.0, 201);
    }
    let secret = manage_secret(&app, id, "siti@example.id");
    let (_, page) = html(&app, &format!("/registrations/{secret}")).await;
    let zones = texts(&page, "#f-time_zone option");
    assert!(zones.contains(&"Asia/Jayapura".to_string()) && zones.contains(&"Asia/Jakarta".to_string()), "{zones:?}");
    assert_eq!(texts(&page, "#q-diet legend").concat(), "Meals");
    let csrf = csrf(&page);
    let accept = format!("/registrations/{secret}/accept");
    let fields = [("csrf_token", csrf.as_str()), ("consent", "on"), ("time_zone", "Asia/Makassar")];
    let res = submit(&app.client, &app, &accept, &fields).await;
    assert_eq!(res.status(), 422, "the required question is unanswered");
    let again = Html::parse_document(&res.text().await.expect("body"));
    assert_eq!(texts(&again, "#q-diet-error").len(), 1);
    assert_eq!(texts(&again, "#f-time_zone option[selected]").concat(), "Asia/Makassar", "the zone chosen is kept");
    assert_eq!(status_of(&app.registrations(id).await, "siti@example.id").as_deref(), Some("nominated"));
    let fields =
        [("csrf_token", csrf.as_str()), ("consent", "on"), ("time_zone", "Asia/Makassar"), ("q_diet", "Halal")];
    assert_eq!(submit(&app.client, &app, &accept, &fields).await.status(), 303);
    let list = app.registrations(id).await;
    let siti = list.iter().find(|r| r["email"] == "siti@example.id").expect("siti");
    assert_eq!((siti["status"].as_str(), siti["time_zone"].as_str()), (Some("confirmed"), Some("Asia/Makassar")));
    assert_eq!(siti["answers"], json!({"diet": "Halal"}));

    // The API asks the same.
    let other = format!("/api/v1/registrations/{}/accept", manage_secret(&app, id, "budi@example.id"));
    let res = app.client.post(app.url(&other)).json(&json!({"consent": true})).send().await.expect("sent");
    assert_eq!(res.status(), 422);
    let body = json!({"consent": true, "answers": {"diet": "Any"}});
    let res = app.client.post(app.url(&other)).json(&body).send().await.expect("sent");
    assert_eq!(res.status(), 200);
    app.dispatch_pending_emails().await;
}
