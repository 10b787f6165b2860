//! Sessions made and changed in the workspace: the form checks what the
//! API checks, organisers organise only for their regions, a move of a
//! session with registrants is confirmed first and tells each of them, a
//! cancellation carries its reason into the emails, and drafts can go.

use crate::admin::{PASSWORD, login};
use crate::common::{TestApp, create_organiser, participant};
use crate::email::{app_with_sink, text_body};
use crate::smtp::subject_of;
use scraper::{Html, Selector};
use serde_json::Value;
use std::time::Duration;

pub async fn token_on(app: &TestApp, path: &str) -> String {
    let page = app.get(path).await.text().await.expect("body");
    let html = Html::parse_document(&page);
    let sel = Selector::parse("input[name=csrf_token]").expect("selector");
    html.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string()
}

/// The session id in a redirect to its page (which carries a notice).
pub fn session_of(location: &str) -> i64 {
    let path = location.split(['?', '#']).next().unwrap_or_default();
    path.trim_start_matches("/admin/sessions/").parse().expect("session id")
}

pub fn form<'a>(
    csrf: &'a str,
    title: &'a str,
    region: &'a str,
    starts: &'a str,
    ends: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf_token", csrf),
        ("title", title),
        ("summary", "For laboratory staff."),
        ("description", "Bring your **questions**."),
        ("kind", "webinar"),
        ("format", "online"),
        ("organising_region", region),
        ("time_zone", "Asia/Manila"),
        ("starts_at", starts),
        ("ends_at", ends),
        ("capacity", "30"),
        ("waitlist", "on"),
        ("regions", "south-east-asia"),
        ("topics", "biosafety"),
        ("language", "en"),
        ("join_url", "https://meet.example.org/room"),
        ("rows", "0"),
        ("status", "draft"),
    ]
}

#[tokio::test]
async fn an_organiser_creates_publishes_moves_and_cancels_a_session_and_registrants_are_told() {
    let (app, sink) = app_with_sink().await;
    create_organiser(&app, "manila@example.org", PASSWORD, &["south-east-asia"]);
    assert_eq!(login(&app, "manila@example.org", PASSWORD).await.status(), 303);

    // The form offers only the organiser's own region.
    let page = app.get("/admin/sessions/new?date=2027-05-04&time=16:00&zone=Asia/Manila&minutes=90").await;
    assert_eq!(page.status(), 200);
    let html = Html::parse_document(&page.text().await.expect("body"));
    let options = Selector::parse("#s-organising_region option").expect("selector");
    let offered: Vec<&str> = html.select(&options).filter_map(|o| o.value().attr("value")).collect();
    assert_eq!(offered, ["south-east-asia"]);
    let value = |sel: &str| {
        let s = Selector::parse(sel).expect("selector");
        html.select(&s).next().and_then(|e| e.value().attr("value")).unwrap_or_default().to_string()
    };
    assert_eq!(value("#s-starts_at"), "2027-05-04T16:00", "the planner's time is filled in");
    assert_eq!(value("#s-ends_at"), "2027-05-04T17:30");
    assert_eq!(value("#s-time_zone"), "Asia/Manila");

    let csrf = token_on(&app, "/admin/sessions/new").await;
    let res = app
        .client
        .post(app.url("/admin/sessions/new"))
        .form(&form(&csrf, "Someone else's", "middle-east", "2027-05-04T16:00", "2027-05-04T17:30"))
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 422, "not their region");
    let res = app
        .client
        .post(app.url("/admin/sessions/new"))
        .form(&form(&csrf, "Lab biosafety clinic", "south-east-asia", "2027-05-04T16:00", "2027-05-04T15:00"))
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 422, "ends before it starts");
    let body = res.text().await.expect("body");
    assert!(body.contains("must be after starts_at") && body.contains("value=\"Lab biosafety clinic\""), "kept input");

    let res = app
        .client
        .post(app.url("/admin/sessions/new"))
        .form(&form(&csrf, "Lab biosafety clinic", "south-east-asia", "2027-05-04T16:00", "2027-05-04T17:30"))
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().expect("location").to_string();
    let id: i64 = session_of(&location);
    let session: Value = app.get_authorised(&format!("/api/v1/sessions/{id}")).await.json().await.expect("json");
    assert_eq!(session["status"], "draft");
    assert_eq!(session["organising_region"], "south-east-asia");
    assert_eq!(session["starts_at_utc"], "2027-05-04T08:00:00Z");

    let csrf = token_on(&app, &format!("/admin/sessions/{id}")).await;
    let res = app
        .client
        .post(app.url(&format!("/admin/sessions/{id}/publish")))
        .form(&[("csrf_token", &csrf)])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    assert_eq!(app.session(id).await["status"], "published");
    let said = app.get(res.headers()["location"].to_str().expect("location")).await.text().await.expect("body");
    assert!(said.contains(&format!("The session is published: it is on the public page /sessions/{id}")));
    for email in ["one@example.org", "two@example.org"] {
        assert_eq!(app.register(id, participant(email)).await.0, 201);
    }
    sink.wait_for(2, Duration::from_secs(15)).await;

    // Moving it asks first, naming how many will be told; nothing changes yet.
    let csrf = token_on(&app, &format!("/admin/sessions/{id}/edit")).await;
    let mut moved = form(&csrf, "Lab biosafety clinic", "south-east-asia", "2027-05-04T17:00", "2027-05-04T18:30");
    moved.retain(|(k, _)| *k != "status");
    moved.push(("status", "published"));
    let res = app.client.post(app.url(&format!("/admin/sessions/{id}/edit"))).form(&moved).send().await.expect("sent");
    assert_eq!(res.status(), 200);
    let body = res.text().await.expect("body");
    assert!(body.contains("2 people are registered"), "the confirmation says who will be told");
    let html = Html::parse_document(&body);
    let was_now =
        html.select(&Selector::parse("#move-was-now").expect("sel")).next().map(|e| e.text().collect::<String>());
    let was_now = was_now.expect("old and new times");
    assert!(was_now.contains("16:00–17:30") && was_now.contains("17:00–18:30"), "{was_now}");
    assert!(body.contains("within working hours on a working day for every registrant"), "Jakarta's 16:00 suits");
    // A Saturday is flagged for the registrants' country, before anything moves.
    let mut saturday = form(&csrf, "Lab biosafety clinic", "south-east-asia", "2027-05-08T16:00", "2027-05-08T17:30");
    saturday.retain(|(k, _)| *k != "status");
    saturday.push(("status", "published"));
    let res =
        app.client.post(app.url(&format!("/admin/sessions/{id}/edit"))).form(&saturday).send().await.expect("sent");
    let flags = Html::parse_document(&res.text().await.expect("body"));
    let flags: Vec<String> =
        flags.select(&Selector::parse("#move-flags li").expect("sel")).map(|e| e.text().collect()).collect();
    assert_eq!(flags, ["Indonesia: Sat 8 May 15:00–16:30 (weekend)"]);
    assert!(body.contains("name=\"confirm\" value=\"yes\""));
    assert_eq!(app.session(id).await["starts_at"], "2027-05-04T16:00", "not moved before confirming");
    moved.push(("confirm", "yes"));
    let res = app.client.post(app.url(&format!("/admin/sessions/{id}/edit"))).form(&moved).send().await.expect("sent");
    assert_eq!(res.status(), 303);
    let said = app.get(res.headers()["location"].to_str().expect("location")).await.text().await.expect("body");
    assert!(said.contains("the 2 people registered are being emailed an updated invite"), "what happened is said");
    let after = app.session(id).await;
    assert_eq!(after["starts_at"], "2027-05-04T17:00");
    assert!(after["sequence"].as_i64() > session["sequence"].as_i64());
    let mail = sink.wait_for(4, Duration::from_secs(15)).await;
    let changed = mail.iter().filter(|m| subject_of(m).starts_with("Session changed")).count();
    assert_eq!(changed, 2, "each registrant is told of the move");
    let told = mail.iter().find(|m| subject_of(m).starts_with("Session changed")).map(text_body).expect("email");
    assert!(told.contains("The time has changed. It was") && told.contains("it is now"), "{told}");

    // Cancelling asks first, saying who will be told, and wants a reason.
    let page = app.get(&format!("/admin/sessions/{id}")).await.text().await.expect("body");
    assert!(
        page.contains(&format!("href=\"/admin/sessions/{id}/cancel\" class=\"button danger\"")),
        "a link, not a button"
    );
    let confirm = app.get(&format!("/admin/sessions/{id}/cancel")).await.text().await.expect("body");
    assert!(
        confirm.contains("2 people will be emailed that the session is cancelled, with your reason, in one time zone")
    );
    assert!(confirm.contains("Cancel the session and email 2 people"));
    let csrf = token_on(&app, &format!("/admin/sessions/{id}/cancel")).await;
    let res = app
        .client
        .post(app.url(&format!("/admin/sessions/{id}/cancel")))
        .form(&[("csrf_token", csrf.as_str()), ("reason", "  ")])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 422, "no reason, no cancellation");
    assert!(res.text().await.expect("body").contains("Say why the session is cancelled"));
    assert_eq!(app.session(id).await["status"], "published");
    let res = app
        .client
        .post(app.url(&format!("/admin/sessions/{id}/cancel")))
        .form(&[("csrf_token", csrf.as_str()), ("reason", "The trainer is unwell.")])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    let said = app.get(res.headers()["location"].to_str().expect("location")).await.text().await.expect("body");
    assert!(said.contains("The session is cancelled. 2 people are being emailed."));
    let confirm = app.get(&format!("/admin/sessions/{id}/cancel")).await.text().await.expect("body");
    assert!(confirm.contains("already cancelled") && !confirm.contains("name=\"reason\""), "no second cancelling");
    let mail = sink.wait_for(6, Duration::from_secs(15)).await;
    let cancelled: Vec<_> = mail.iter().filter(|m| subject_of(m).starts_with("Session cancelled")).collect();
    assert_eq!(cancelled.len(), 2);
    assert!(cancelled.iter().all(|m| text_body(m).contains("The trainer is unwell.")), "the reason is in the email");

    // Clone and delete a draft; a published or cancelled session cannot be deleted.
    let clone = app.get(&format!("/admin/sessions/new?clone={id}")).await.text().await.expect("body");
    assert!(clone.contains("value=\"Lab biosafety clinic (copy)\""));
    let csrf = token_on(&app, "/admin/sessions/new").await;
    let res = app
        .client
        .post(app.url("/admin/sessions/new"))
        .form(&form(&csrf, "Scratch", "south-east-asia", "2027-06-01T10:00", "2027-06-01T11:00"))
        .send()
        .await
        .expect("sent");
    let draft = session_of(res.headers()["location"].to_str().expect("location"));
    let confirm = app.get(&format!("/admin/sessions/{draft}/delete")).await.text().await.expect("body");
    assert!(confirm.contains("Delete the draft “Scratch”?") && confirm.contains("This cannot be undone."));
    let csrf = token_on(&app, &format!("/admin/sessions/{draft}")).await;
    let res = app
        .client
        .post(app.url(&format!("/admin/sessions/{id}/delete")))
        .form(&[("csrf_token", &csrf)])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 409, "a cancelled session with registrants stays");
    let res = app
        .client
        .post(app.url(&format!("/admin/sessions/{draft}/delete")))
        .form(&[("csrf_token", &csrf)])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    let list = app.get(res.headers()["location"].to_str().expect("location")).await.text().await.expect("body");
    assert!(list.contains("The draft “Scratch” is deleted."));
    assert_eq!(app.get_authorised(&format!("/api/v1/sessions/{draft}")).await.status(), 404);
    let audit = app.get(&format!("/admin/sessions/{id}")).await.text().await.expect("body");
    assert!(audit.contains("session.cancel") && audit.contains("user:manila@example.org"));
}

#[tokio::test]
async fn descriptions_are_markdown_rendered_safely_and_the_form_previews_without_saving() {
    let (app, _sink) = app_with_sink().await;
    crate::common::create_admin(&app, "admin@example.org", PASSWORD);
    login(&app, "admin@example.org", PASSWORD).await;
    let description = "Bring **your notes**.\n\n- one\n- two\n\n<script>alert(1)</script> [bad](javascript:alert(2))";
    let id = app
        .create_session(crate::common::with(
            crate::common::manila_session(),
            serde_json::json!({"description": description}),
        ))
        .await["id"]
        .as_i64()
        .expect("id");
    let page = app.get(&format!("/sessions/{id}")).await.text().await.expect("body");
    let html = Html::parse_document(&page);
    let strong = Selector::parse(".description strong").expect("selector");
    assert_eq!(html.select(&strong).next().map(|e| e.text().collect::<String>()), Some("your notes".into()));
    let items = Selector::parse(".description li").expect("selector");
    assert_eq!(html.select(&items).count(), 2);
    let scripts = Selector::parse(".description script").expect("selector");
    assert_eq!(html.select(&scripts).count(), 0, "raw HTML is shown as text");
    assert!(!page.to_lowercase().contains("href=\"javascript"), "no script links");

    let before = app.all_sessions().await.len();
    let csrf = token_on(&app, "/admin/sessions/new").await;
    let mut fields = form(&csrf, "Previewed only", "", "2027-06-01T10:00", "2027-06-01T11:00");
    fields.retain(|(k, _)| *k != "description");
    fields.push(("description", "A *preview*."));
    fields.push(("preview", "yes"));
    let res = app.client.post(app.url("/admin/sessions/new")).form(&fields).send().await.expect("sent");
    assert_eq!(res.status(), 200);
    let html = Html::parse_document(&res.text().await.expect("body"));
    let em = Selector::parse("section.preview .description em").expect("selector");
    assert_eq!(html.select(&em).next().map(|e| e.text().collect::<String>()), Some("preview".into()));
    let title = Selector::parse("#s-title").expect("selector");
    assert_eq!(html.select(&title).next().and_then(|e| e.value().attr("value")), Some("Previewed only"), "input kept");
    assert_eq!(app.all_sessions().await.len(), before, "a preview saves nothing");
}

#[tokio::test]
async fn a_series_made_in_the_workspace_warns_of_the_clock_change_and_edits_all_future_sessions_at_once() {
    let (app, _sink) = app_with_sink().await;
    crate::common::create_admin(&app, "admin@example.org", PASSWORD);
    login(&app, "admin@example.org", PASSWORD).await;
    let csrf = token_on(&app, "/admin/sessions/new").await;
    let mut fields = form(&csrf, "Weekly clinic", "", "2027-03-11T10:00", "2027-03-11T11:00");
    fields.retain(|(k, _)| *k != "time_zone");
    fields.extend([("time_zone", "Europe/Brussels"), ("repeat", "weekly"), ("count", "6")]);
    let res = app.client.post(app.url("/admin/sessions/new")).form(&fields).send().await.expect("sent");
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().expect("location").to_string();
    let page = Html::parse_document(&app.get(&location).await.text().await.expect("body"));
    let notice = Selector::parse("#notice").expect("selector");
    let said: String = page.select(&notice).next().map(|n| n.text().collect()).unwrap_or_default();
    assert!(said.contains("Series of 6 sessions created.") && said.contains("From 2027-04-01"), "{said}");
    let first: i64 =
        location.split('?').next().and_then(|p| p.rsplit('/').next()).and_then(|i| i.parse().ok()).expect("id");
    let series = app.get_authorised(&format!("/api/v1/sessions/{first}")).await.json::<Value>().await.expect("json")["series_id"]
        .as_i64()
        .expect("an occurrence of a series");
    let listed: Value = app.get_authorised(&format!("/api/v1/series/{series}")).await.json().await.expect("json");
    let starts: Vec<&str> =
        listed["sessions"].as_array().expect("sessions").iter().filter_map(|s| s["starts_at"].as_str()).collect();
    assert_eq!(starts.len(), 6);
    assert!(starts.iter().all(|s| s.ends_with("T10:00")), "{starts:?}");

    // One edit, applied to every future occurrence; each keeps its date.
    let edit =
        Html::parse_document(&app.get(&format!("/admin/sessions/{first}/edit")).await.text().await.expect("body"));
    assert!(edit.select(&Selector::parse("#s-all_future").expect("selector")).next().is_some());
    let csrf = token_on(&app, &format!("/admin/sessions/{first}/edit")).await;
    let mut fields = form(&csrf, "Weekly clinic (room 4)", "", "2027-03-11T10:00", "2027-03-11T11:00");
    fields.retain(|(k, _)| !["time_zone", "capacity"].contains(k));
    let series_text = series.to_string();
    fields.extend([
        ("time_zone", "Europe/Brussels"),
        ("capacity", "70"),
        ("all_future", "on"),
        ("series_id", series_text.as_str()),
    ]);
    let res =
        app.client.post(app.url(&format!("/admin/sessions/{first}/edit"))).form(&fields).send().await.expect("sent");
    assert_eq!(res.status(), 303);
    let listed: Value = app.get_authorised(&format!("/api/v1/series/{series}")).await.json().await.expect("json");
    let sessions = listed["sessions"].as_array().expect("sessions");
    assert!(sessions.iter().all(|s| s["capacity"] == 70 && s["title"] == "Weekly clinic (room 4)"), "{listed}");
    let starts: Vec<&str> = sessions.iter().filter_map(|s| s["starts_at"].as_str()).collect();
    assert_eq!(starts[5], "2027-04-15T10:00", "dates stay their own");
}

#[tokio::test]
async fn the_session_form_sets_country_quotas_and_names_a_quota_that_does_not_read() {
    let app = crate::common::spawn_app().await;
    create_organiser(&app, "manila@example.org", PASSWORD, &["south-east-asia"]);
    assert_eq!(login(&app, "manila@example.org", PASSWORD).await.status(), 303);
    let csrf = token_on(&app, "/admin/sessions/new").await;
    let mut fields = form(&csrf, "Round table", "south-east-asia", "2027-05-04T16:00", "2027-05-04T17:30");
    fields.extend([("country_quota", "two"), ("quotas", "PH twelve")]);
    let res = app.client.post(app.url("/admin/sessions/new")).form(&fields).send().await.expect("sent");
    assert_eq!(res.status(), 422);
    let html = Html::parse_document(&res.text().await.expect("body"));
    for id in ["#s-country-quota", "#s-quotas"] {
        let sel = Selector::parse(&format!("{id}[aria-invalid=true]")).expect("selector");
        assert!(html.select(&sel).next().is_some(), "{id} is marked invalid");
    }
    let mut fields = form(&csrf, "Round table", "south-east-asia", "2027-05-04T16:00", "2027-05-04T17:30");
    fields.extend([("country_quota", "2"), ("quotas", "ph=12, ID: 4")]);
    let res = app.client.post(app.url("/admin/sessions/new")).form(&fields).send().await.expect("sent");
    assert_eq!(res.status(), 303);
    let location = res.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_string();
    let id: i64 = session_of(&location);
    let session: Value = app.session(id).await;
    assert_eq!(session["country_quota"], 2);
    assert_eq!(session["quotas"], serde_json::json!({"ID": 4, "PH": 12}));
    // The edit form shows them as typed back.
    let page = Html::parse_document(&app.get(&format!("/admin/sessions/{id}/edit")).await.text().await.expect("body"));
    let sel = Selector::parse("#s-quotas").expect("selector");
    assert_eq!(page.select(&sel).next().and_then(|e| e.value().attr("value")), Some("ID=4, PH=12"));
}

#[tokio::test]
async fn a_session_that_has_been_held_is_listed_apart_and_can_be_neither_cancelled_nor_moved() {
    let (app, _sink) = app_with_sink().await;
    crate::common::create_admin(&app, "admin@example.org", PASSWORD);
    login(&app, "admin@example.org", PASSWORD).await;
    let past = crate::common::with(
        crate::common::manila_session(),
        serde_json::json!({"title": "Last year's round table", "starts_at": "2026-01-10T09:00", "ends_at": "2026-01-10T12:00"}),
    );
    let held = app.create_session(past).await["id"].as_i64().expect("id");
    let coming = app.create_session(crate::common::manila_session()).await["id"].as_i64().expect("id");
    let list = Html::parse_document(&app.get("/admin/sessions").await.text().await.expect("body"));
    let rows = |table: &str| {
        let sel = Selector::parse(&format!("{table} tbody tr")).expect("selector");
        list.select(&sel).map(|r| r.text().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>()
    };
    assert!(rows("#upcoming-sessions").iter().any(|r| r.contains("Biosafety")), "{:?}", rows("#upcoming-sessions"));
    let past_rows = rows("#past-sessions");
    assert!(
        past_rows.len() == 1 && past_rows[0].contains("Last year") && past_rows[0].contains("held"),
        "{past_rows:?}"
    );

    let page = app.get(&format!("/admin/sessions/{held}")).await.text().await.expect("body");
    assert!(!page.contains(&format!("/admin/sessions/{held}/cancel")), "no cancelling offered");
    assert!(app.get(&format!("/admin/sessions/{coming}")).await.text().await.expect("body").contains("/cancel\""));
    let confirm = app.get(&format!("/admin/sessions/{held}/cancel")).await.text().await.expect("body");
    assert!(confirm.contains("has been held") && !confirm.contains("name=\"reason\""));
    let res = app.post_json(&format!("/api/v1/sessions/{held}/cancel"), &serde_json::json!({})).await;
    assert_eq!(res.status(), 409, "the API refuses too");
    let moved = serde_json::json!({"starts_at": "2026-01-11T09:00", "ends_at": "2026-01-11T12:00"});
    let res = app.patch_json(&format!("/api/v1/sessions/{held}"), &moved).await;
    assert_eq!(res.status(), 422);
    let problem: Value = res.json().await.expect("json");
    assert!(problem["errors"]["starts_at"].as_str().is_some_and(|e| e.contains("has been held")), "{problem}");
    let res =
        app.patch_json(&format!("/api/v1/sessions/{held}"), &serde_json::json!({"title": "Round table 2026"})).await;
    assert_eq!(res.status(), 200, "its words may still change");
}

#[tokio::test]
async fn registration_questions_are_built_in_rows_without_json_and_keep_what_was_typed() {
    let (app, _sink) = app_with_sink().await;
    create_organiser(&app, "manila@example.org", PASSWORD, &["south-east-asia"]);
    login(&app, "manila@example.org", PASSWORD).await;
    let page = app.get("/admin/sessions/new").await.text().await.expect("body");
    assert!(!page.contains("JSON"), "no JSON in the form");
    assert!(page.contains("id=\"sq-builder\""), "the builder is there");
    let csrf = token_on(&app, "/admin/sessions/new").await;
    let mut fields = form(&csrf, "Lab biosafety clinic", "south-east-asia", "2027-05-04T16:00", "2027-05-04T17:30");
    fields.retain(|(n, _)| *n != "rows");
    // A choice with one option is refused, and the rows come back as typed.
    let rows = [
        ("rows", "3"),
        ("q0_label", "Dietary needs"),
        ("q0_kind", "short_text"),
        ("q0_position", "2"),
        ("q1_label", "Which workshop?"),
        ("q1_kind", "single_choice"),
        ("q1_choices", "Only one"),
        ("q1_required", "yes"),
        ("q1_position", "1"),
    ];
    let mut bad = fields.clone();
    bad.extend(rows);
    let res = app.client.post(app.url("/admin/sessions/new")).form(&bad).send().await.expect("sent");
    assert_eq!(res.status(), 422);
    let body = res.text().await.expect("body");
    assert!(body.contains("at least two choices"), "the problem is named");
    assert!(body.contains("value=\"Which workshop?\"") && body.contains("value=\"Only one\""), "kept as typed");

    let mut good = fields.clone();
    good.extend(rows.iter().map(|(n, v)| if *n == "q1_choices" { (*n, "Morning, Afternoon") } else { (*n, *v) }));
    let res = app.client.post(app.url("/admin/sessions/new")).form(&good).send().await.expect("sent");
    assert_eq!(res.status(), 303);
    let id = session_of(res.headers()["location"].to_str().expect("ascii"));
    let questions = app.session(id).await["questions"].clone();
    let labels: Vec<&str> = questions.as_array().expect("list").iter().filter_map(|q| q["label"].as_str()).collect();
    assert_eq!(labels, ["Which workshop?", "Dietary needs"], "in the order of their places");
    assert_eq!(questions[0]["choices"], serde_json::json!(["Morning", "Afternoon"]));
    assert_eq!(questions[0]["required"], true);

    // Editing shows the rows; removing one keeps the other's key.
    let edit = app.get(&format!("/admin/sessions/{id}/edit")).await.text().await.expect("body");
    let html = Html::parse_document(&edit);
    let labels: Vec<String> = html
        .select(&Selector::parse("#sq-builder input[name$=_label]").expect("selector"))
        .map(|i| i.value().attr("value").unwrap_or_default().to_string())
        .collect();
    assert_eq!(labels, ["Which workshop?", "Dietary needs", "", ""], "two blank rows to add");
    let keys: Vec<String> = html
        .select(&Selector::parse("#sq-builder input[name$=_key]").expect("selector"))
        .map(|i| i.value().attr("value").unwrap_or_default().to_string())
        .collect();
    let csrf = token_on(&app, &format!("/admin/sessions/{id}/edit")).await;
    let mut edited = form(&csrf, "Lab biosafety clinic", "south-east-asia", "2027-05-04T16:00", "2027-05-04T17:30");
    edited.retain(|(n, _)| *n != "rows");
    let owned: Vec<(String, String)> = vec![
        ("rows".into(), "2".into()),
        ("q0_key".into(), keys[0].clone()),
        ("q0_label".into(), "Which workshop?".into()),
        ("q0_kind".into(), "single_choice".into()),
        ("q0_choices".into(), "Morning, Afternoon".into()),
        ("q0_remove".into(), "yes".into()),
        ("q1_key".into(), keys[1].clone()),
        ("q1_label".into(), "Dietary needs".into()),
        ("q1_kind".into(), "short_text".into()),
    ];
    let mut body: Vec<(String, String)> = edited.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect();
    body.extend(owned);
    let res = app.client.post(app.url(&format!("/admin/sessions/{id}/edit"))).form(&body).send().await.expect("sent");
    assert_eq!(res.status(), 303);
    let questions = app.session(id).await["questions"].clone();
    assert_eq!(questions.as_array().map(Vec::len), Some(1));
    assert_eq!(
        (questions[0]["label"].as_str(), questions[0]["key"].as_str()),
        (Some("Dietary needs"), Some(keys[1].as_str()))
    );
}

#[tokio::test]
async fn the_session_list_pages_by_key_and_keeps_only_the_last_held_sessions_on_its_front_page() {
    let app = crate::common::spawn_app().await;
    crate::common::create_admin(&app, "admin@example.org", PASSWORD);
    login(&app, "admin@example.org", PASSWORD).await;
    let mut coming = Vec::new();
    for i in 0..55 {
        let day = format!("2027-{:02}-{:02}", 1 + i / 28, 1 + i % 28);
        let body = crate::common::with(
            crate::common::manila_session(),
            serde_json::json!({"title": format!("Coming {i:02}"), "starts_at": format!("{day}T09:00"), "ends_at": format!("{day}T10:00")}),
        );
        coming.push(app.create_session(body).await["id"].as_i64().expect("id"));
    }
    for i in 0..12 {
        let day = format!("2026-{:02}-{:02}", 1 + i / 28, 1 + i % 28);
        let body = crate::common::with(
            crate::common::manila_session(),
            serde_json::json!({"title": format!("Held {i:02}"), "starts_at": format!("{day}T09:00"), "ends_at": format!("{day}T10:00")}),
        );
        app.create_session(body).await;
    }
    for n in 0..2 {
        let (status, _) = app.register(coming[0], participant(&format!("p{n}@example.org"))).await;
        assert_eq!(status, 201);
    }
    let get = |path: String| {
        let app = &app;
        async move { Html::parse_document(&app.get(&path).await.text().await.expect("body")) }
    };
    let titles = |html: &Html, table: &str| {
        let sel = Selector::parse(&format!("{table} tbody tr td:first-child")).expect("selector");
        html.select(&sel).map(|r| r.text().collect::<String>()).collect::<Vec<_>>()
    };
    let href = |html: &Html, id: &str| {
        let sel = Selector::parse(&format!("a#{id}")).expect("selector");
        html.select(&sel).next().and_then(|a| a.value().attr("href")).map(str::to_string)
    };
    let front = get("/admin/sessions".into()).await;
    let upcoming = titles(&front, "#upcoming-sessions");
    assert_eq!(upcoming.len(), 50);
    assert_eq!((upcoming[0].as_str(), upcoming[49].as_str()), ("Coming 00", "Coming 49"));
    let sel = Selector::parse("#upcoming-sessions tbody tr").expect("selector");
    let first_row = front.select(&sel).next().map(|r| r.text().collect::<Vec<_>>().join(" ")).unwrap_or_default();
    assert!(first_row.contains("2 / 50"), "counted registrations: {first_row}");
    // The last ten held, latest first, and a way to the rest.
    let held = titles(&front, "#past-sessions");
    assert_eq!(held.len(), 10);
    assert_eq!((held[0].as_str(), held[9].as_str()), ("Held 11", "Held 02"));
    assert_eq!(href(&front, "earlier"), None);
    let later = get(href(&front, "later").expect("a link to later sessions")).await;
    assert_eq!(titles(&later, "#upcoming-sessions"), (50..55).map(|i| format!("Coming {i:02}")).collect::<Vec<_>>());
    assert_eq!(href(&later, "later"), None);
    let back = get(href(&later, "earlier").expect("a link back")).await;
    assert_eq!(titles(&back, "#upcoming-sessions"), upcoming);
    let older = get(href(&front, "more-held").expect("a link to all held sessions")).await;
    assert_eq!(titles(&older, "#past-sessions"), vec!["Held 01", "Held 00"]);
    assert!(titles(&older, "#upcoming-sessions").is_empty(), "the held list only");
    let newer = get(href(&older, "later").expect("a link to later held sessions")).await;
    assert_eq!(titles(&newer, "#past-sessions").len(), 10);
    assert_eq!(titles(&newer, "#past-sessions")[0], "Held 11");
}
