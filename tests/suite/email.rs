//! Email through a real SMTP server: confirmations with invites read by an
//! independent iCalendar parser, updates and cancellations, promotion,
//! reminders, recovery, outages and exactly-once delivery.

use crate::common::{TestApp, manila_session, participant, spawn_app_with, token_of, with};
use crate::smtp::{Received, SmtpSink, subject_of};
use mail_parser::MimeHeaders;
use serde_json::{Value, json};
use std::collections::HashSet;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(15);

pub async fn app_with_sink() -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = spawn_app_with(|s| s.smtp_url = Some(convene::settings::Secret(url))).await;
    (app, sink)
}

/// The iCalendar part of an email, if it has one: (method parameter, text).
pub fn calendar_part(r: &Received) -> Option<(String, String)> {
    let msg = r.parsed();
    msg.parts.iter().find_map(|p| {
        let ct = p.content_type()?;
        if ct.ctype().eq_ignore_ascii_case("text") && ct.subtype().is_some_and(|s| s.eq_ignore_ascii_case("calendar")) {
            let method = ct.attribute("method").unwrap_or_default().to_string();
            Some((method, String::from_utf8_lossy(p.contents()).into_owned()))
        } else {
            None
        }
    })
}

pub fn has_ics_attachment(r: &Received) -> bool {
    r.parsed().attachments().any(|a| a.attachment_name() == Some("invite.ics"))
}

pub fn text_body(r: &Received) -> String {
    r.parsed().body_text(0).map(|t| t.into_owned()).unwrap_or_default()
}

/// Parsed with the `ical` crate, not the one that wrote it.
pub struct Ics {
    pub method: Option<String>,
    pub events: Vec<ical::parser::ical::component::IcalEvent>,
}

pub fn parse_ics(text: &str) -> Ics {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let cal = parser.next().expect("one calendar").expect("a valid calendar");
    let method = cal.properties.iter().find(|p| p.name == "METHOD").and_then(|p| p.value.clone());
    Ics { method, events: cal.events }
}

pub fn prop(e: &ical::parser::ical::component::IcalEvent, name: &str) -> Option<String> {
    e.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone())
}

pub fn param(e: &ical::parser::ical::component::IcalEvent, name: &str, param: &str) -> Option<String> {
    e.properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.params.as_ref())
        .and_then(|ps| ps.iter().find(|(k, _)| k == param))
        .and_then(|(_, v)| v.first().cloned())
}

fn to(r: &Received) -> String {
    r.to.join(",")
}

/// Waits until some email's delivery has failed once (an outage test).
async fn failed_once(app: &TestApp) {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let url = app.database_url.clone();
        let attempted = tokio::task::spawn_blocking(move || {
            let mut conn = convene::db::connect_one(&url).expect("connection");
            let rows = convene::db::outbox::recent(&mut conn, None, 100).expect("outbox");
            rows.iter().any(|r| r.attempts > 0)
        })
        .await
        .expect("task");
        if attempted {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "the worker never tried");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn session(app: &TestApp, changes: Value) -> i64 {
    app.create_session(with(manila_session(), changes)).await["id"].as_i64().expect("id")
}

#[tokio::test]
async fn a_confirmation_arrives_with_an_invite_whose_start_is_the_session_instant() {
    let (app, sink) = app_with_sink().await;
    let id = session(&app, json!({})).await;
    let (_, reg) =
        app.register(id, with(participant("siti@example.org"), json!({"name": "Siti \"Ani\" Rahma, MD"}))).await;
    let mail = sink.wait_for(1, WAIT).await;
    let m = &mail[0];
    assert_eq!(to(m), "siti@example.org");
    assert_eq!(subject_of(m), "Registration confirmed: Biosafety in diagnostic laboratories");
    let body = text_body(m);
    assert!(
        body.contains("Tuesday 9 March 2027, 15:00–16:30 in Jakarta (UTC+07:00) — 16:00–17:30 in Manila (UTC+08:00)"),
        "{body}"
    );
    assert!(body.contains(reg["manage_url"].as_str().expect("url")), "the manage link is in the email");
    assert!(body.contains("https://meet.example.org/secret-room"), "confirmed people get the webinar link");
    assert!(has_ics_attachment(m));
    let (method, text) = calendar_part(m).expect("a text/calendar part");
    assert_eq!(method, "REQUEST");
    assert!(text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'), "CRLF line endings only");
    let ics = parse_ics(&text);
    assert_eq!(ics.method.as_deref(), Some("REQUEST"));
    assert_eq!(ics.events.len(), 1);
    let e = &ics.events[0];
    assert_eq!(prop(e, "DTSTART").as_deref(), Some("20270309T080000Z"));
    assert_eq!(prop(e, "DTEND").as_deref(), Some("20270309T093000Z"));
    assert!(prop(e, "UID").is_some_and(|u| u.starts_with(&format!("session-{id}@"))));
    assert_eq!(prop(e, "SEQUENCE").as_deref(), Some("0"));
    assert_eq!(prop(e, "STATUS").as_deref(), Some("CONFIRMED"));
    assert_eq!(prop(e, "ATTENDEE").as_deref(), Some("mailto:siti@example.org"));
    assert_eq!(
        param(e, "ATTENDEE", "CN").as_deref(),
        Some("Siti 'Ani' Rahma, MD"),
        "a quote in a name cannot break the parameter"
    );
    assert!(prop(e, "ORGANIZER").is_some_and(|o| o.starts_with("mailto:")));
    let message_id = m.parsed().message_id().map(String::from).expect("a Message-ID");
    assert!(message_id.contains('@'));
}

#[tokio::test]
async fn waitlisted_people_get_no_invite_until_promoted() {
    let (app, sink) = app_with_sink().await;
    let id = session(&app, json!({"capacity": 1, "waitlist": true})).await;
    let (_, a) = app.register(id, participant("a@example.org")).await;
    app.register(id, participant("b@example.org")).await;
    let mail = sink.wait_for(2, WAIT).await;
    let b = mail.iter().find(|m| to(m) == "b@example.org").expect("b's email");
    assert_eq!(subject_of(b), "On the waiting list: Biosafety in diagnostic laboratories");
    assert!(calendar_part(b).is_none() && !has_ics_attachment(b));
    assert!(text_body(b).contains("number 1"));
    assert!(!text_body(b).contains("secret-room"), "no webinar link for the waiting list");

    app.post_public(&format!("/api/v1/registrations/{}/cancel", token_of(&a["manage_url"])), &json!({})).await;
    let mail = sink.wait_for(4, WAIT).await;
    let withdrawn = mail
        .iter()
        .find(|m| to(m) == "a@example.org" && subject_of(m).starts_with("Registration cancelled"))
        .expect("a's cancellation");
    let (method, text) = calendar_part(withdrawn).expect("a calendar cancellation");
    assert_eq!(method, "CANCEL");
    let e = &parse_ics(&text).events[0];
    assert_eq!(prop(e, "STATUS").as_deref(), Some("CANCELLED"));
    assert_eq!(prop(e, "SEQUENCE").as_deref(), Some("1"), "higher than the invite's");
    let promoted = mail
        .iter()
        .find(|m| to(m) == "b@example.org" && subject_of(m).starts_with("A seat is yours"))
        .expect("b's promotion");
    let (method, _) = calendar_part(promoted).expect("an invite");
    assert_eq!(method, "REQUEST");
    assert!(text_body(promoted).contains("secret-room"));
}

#[tokio::test]
async fn moving_and_cancelling_a_session_updates_calendars_with_rising_sequence_and_the_same_uid() {
    let (app, sink) = app_with_sink().await;
    let id = session(&app, json!({})).await;
    app.register(id, participant("a@example.org")).await;
    app.register(id, with(participant("p@example.org"), json!({"country": "PH"}))).await;
    let first = sink.wait_for(2, WAIT).await;
    let uid = prop(&parse_ics(&calendar_part(&first[0]).expect("invite").1).events[0], "UID");

    app.patch_json(&format!("/api/v1/sessions/{id}"), &json!({"summary": "No calendar change"})).await;
    app.patch_json(
        &format!("/api/v1/sessions/{id}"),
        &json!({"starts_at": "2027-03-09T17:00", "ends_at": "2027-03-09T18:30"}),
    )
    .await;
    let mail = sink.wait_for(4, WAIT).await;
    assert_eq!(mail.len(), 4, "a summary change sends nothing");
    for m in &mail[2..] {
        assert_eq!(subject_of(m), "Session changed: Biosafety in diagnostic laboratories");
        let (method, text) = calendar_part(m).expect("updated invite");
        assert_eq!(method, "REQUEST");
        let e = &parse_ics(&text).events[0];
        assert_eq!(prop(e, "UID"), uid);
        assert_eq!(prop(e, "SEQUENCE").as_deref(), Some("1"));
        assert_eq!(prop(e, "DTSTART").as_deref(), Some("20270309T090000Z"));
    }
    let manila = mail[2..].iter().find(|m| to(m) == "p@example.org").expect("the Manila participant");
    assert!(
        text_body(manila).contains("Tuesday 9 March 2027, 17:00–18:30 in Manila (UTC+08:00)"),
        "{}",
        text_body(manila)
    );

    app.post_json(&format!("/api/v1/sessions/{id}/cancel"), &json!({})).await;
    let mail = sink.wait_for(6, WAIT).await;
    for m in &mail[4..] {
        assert_eq!(subject_of(m), "Session cancelled: Biosafety in diagnostic laboratories");
        let (method, text) = calendar_part(m).expect("calendar cancel");
        assert_eq!(method, "CANCEL");
        let e = &parse_ics(&text).events[0];
        assert_eq!(prop(e, "UID"), uid);
        assert_eq!(prop(e, "STATUS").as_deref(), Some("CANCELLED"));
        assert_eq!(prop(e, "SEQUENCE").as_deref(), Some("2"));
    }
}

#[tokio::test]
async fn emails_give_the_participants_zone_right_on_both_sides_of_a_dst_change() {
    let (app, sink) = app_with_sink().await;
    // A Jakarta session at 15:00 seen from Brussels: 09:00 before the EU
    // switch on 28 March 2027, 10:00 after.
    let before = session(&app, json!({"time_zone": "Asia/Jakarta", "starts_at": "2027-03-26T15:00", "ends_at": "2027-03-26T16:00", "regions": [], "title": "Before"})).await;
    let after = session(&app, json!({"time_zone": "Asia/Jakarta", "starts_at": "2027-03-29T15:00", "ends_at": "2027-03-29T16:00", "regions": [], "title": "After"})).await;
    for id in [before, after] {
        app.register(id, with(participant("ana@example.org"), json!({"country": "BE"}))).await;
    }
    let mail = sink.wait_for(2, WAIT).await;
    let body = |title: &str| text_body(mail.iter().find(|m| subject_of(m).ends_with(title)).expect("email"));
    assert!(
        body("Before")
            .contains("Friday 26 March 2027, 09:00–10:00 in Brussels (UTC+01:00) — 15:00–16:00 in Jakarta (UTC+07:00)"),
        "{}",
        body("Before")
    );
    assert!(
        body("After")
            .contains("Monday 29 March 2027, 10:00–11:00 in Brussels (UTC+02:00) — 15:00–16:00 in Jakarta (UTC+07:00)"),
        "{}",
        body("After")
    );
}

#[tokio::test]
async fn an_smtp_outage_delays_mail_but_each_email_is_delivered_exactly_once() {
    let (app, mut sink) = app_with_sink().await;
    let id = session(&app, json!({})).await;
    app.expect_mail_errors();
    sink.stop().await;
    for n in 0..3 {
        assert_eq!(app.register(id, participant(&format!("p{n}@example.org"))).await.0, 201);
    }
    // Until the worker has failed at least once.
    failed_once(&app).await;
    assert!(sink.received().is_empty());
    sink.resume().await;
    let mail = sink.wait_for(3, Duration::from_secs(40)).await;
    app.dispatch_pending_emails().await;
    let mail_after = sink.received();
    assert_eq!(mail_after.len(), 3, "nothing sent twice: {:?}", mail_after.iter().map(to).collect::<Vec<_>>());
    let ids: HashSet<String> = mail.iter().filter_map(|m| m.parsed().message_id().map(String::from)).collect();
    assert_eq!(ids.len(), 3);
}

#[tokio::test]
async fn the_manage_link_can_be_sent_again_without_revealing_who_registered() {
    let (app, sink) = app_with_sink().await;
    let id = session(&app, json!({})).await;
    let (_, reg) = app.register(id, participant("siti@example.org")).await;
    sink.wait_for(1, WAIT).await;
    let page = scraper::Html::parse_document(&app.get("/registrations/recover").await.text().await.expect("body"));
    let sel = scraper::Selector::parse("input[name=csrf_token]").expect("selector");
    let csrf = page.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string();
    let known = app
        .client
        .post(app.url("/registrations/recover"))
        .form(&[("csrf_token", csrf.as_str()), ("email", "SITI@example.org")])
        .send()
        .await
        .expect("sent");
    let unknown = app
        .client
        .post(app.url("/registrations/recover"))
        .form(&[("csrf_token", csrf.as_str()), ("email", "nobody@example.org")])
        .send()
        .await
        .expect("sent");
    assert_eq!((known.status(), unknown.status()), (reqwest::StatusCode::OK, reqwest::StatusCode::OK));
    let strip = |t: String| t.replace(&csrf, "");
    assert_eq!(
        strip(known.text().await.expect("body")),
        strip(unknown.text().await.expect("body")),
        "the same answer either way"
    );
    let mail = sink.wait_for(2, WAIT).await;
    app.dispatch_pending_emails().await;
    assert_eq!(sink.received().len(), 2, "no email to an unknown address");
    assert_eq!(subject_of(&mail[1]), "Your registration link: Biosafety in diagnostic laboratories");
    assert!(text_body(&mail[1]).contains(reg["manage_url"].as_str().expect("url")));
    insta::assert_snapshot!("recovery", redact(&app, &text_body(&mail[1])));
    let res = app
        .client
        .post(app.url("/registrations/recover"))
        .form(&[("email", "siti@example.org")])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 403, "CSRF applies");
}

#[tokio::test]
async fn a_reminder_is_sent_once_when_it_comes_due() {
    let (app, sink) = app_with_sink().await;
    let start = chrono::Utc::now() + chrono::Duration::hours(20);
    let id = session(
        &app,
        json!({"time_zone": "UTC", "regions": [], "starts_at": start.format("%Y-%m-%dT%H:%M").to_string(),
               "ends_at": (start + chrono::Duration::hours(1)).format("%Y-%m-%dT%H:%M").to_string()}),
    )
    .await;
    app.register(id, participant("early@example.org")).await;
    app.register(id, participant("late@example.org")).await;
    sink.wait_for(2, WAIT).await;
    // "early" registered three days ago, before the 24-hour reminder time.
    crate::common::run_sql(
        &app,
        "UPDATE registrations SET created_at = created_at - INTERVAL_3_DAYS WHERE email = 'early@example.org'",
    );
    let mail = sink.wait_for(3, WAIT).await;
    app.dispatch_pending_emails().await;
    let all = sink.received();
    let reminders: Vec<&Received> = all.iter().filter(|m| subject_of(m).starts_with("Reminder:")).collect();
    assert_eq!(reminders.len(), 1, "once, and not to someone who registered inside the window");
    assert_eq!(to(reminders[0]), "early@example.org");
    assert_eq!(subject_of(reminders[0]), "Reminder: Biosafety in diagnostic laboratories starts in 24 hours");
    assert!(text_body(reminders[0]).contains("secret-room"));
    let _ = mail;
    // The session's date moves with the clock; the rest is reviewed.
    let text = redact(&app, &text_body(reminders[0]));
    let text: String = text
        .lines()
        .filter(|l| !l.contains(" UTC (UTC+00:00)") && !l.contains("in UTC"))
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("reminder", text);
}

#[tokio::test]
async fn without_smtp_each_email_is_written_as_an_eml_file() {
    let app = crate::common::spawn_app().await;
    let id = session(&app, json!({})).await;
    app.register(id, participant("files@example.org")).await;
    let dir = app.dir.path().join("outbox");
    app.dispatch_pending_emails().await;
    let file = std::fs::read_dir(&dir)
        .ok()
        .and_then(|d| d.filter_map(Result::ok).map(|e| e.path()).find(|p| p.extension().is_some_and(|x| x == "eml")))
        .unwrap_or_else(|| panic!("no .eml file in {}", dir.display()));
    let data = std::fs::read(file).expect("read");
    let r = Received { to: vec![], data };
    assert_eq!(subject_of(&r), "Registration confirmed: Biosafety in diagnostic laboratories");
    assert!(calendar_part(&r).is_some());
}

/// An email's text with the secrets and the port taken out, for snapshots.
pub fn redact(app: &TestApp, text: &str) -> String {
    let port = app.address.rsplit(':').next().expect("port").to_string();
    let t = text.replace(&port, "PORT").replace('\r', "");
    let mut out = String::new();
    for word in t.split_inclusive(|c: char| c.is_whitespace() || c == '/') {
        if ["m_", "f_", "l_", "p_"].iter().any(|p| word.starts_with(p)) {
            out.push_str("[secret]");
            out.push_str(&word[word.trim_end().len()..]);
        } else {
            out.push_str(word);
        }
    }
    out
}

/// Every kind of message, with secrets and ports redacted, so that changes
/// to wording are reviewed (reminders and recovery in their own tests).
#[tokio::test]
async fn each_kind_of_message_reads_as_reviewed() {
    let (app, sink) = app_with_sink().await;
    let id = session(&app, json!({"capacity": 1, "waitlist": true})).await;
    let approval = session(&app, json!({"title": "Approval needed", "requires_approval": true, "capacity": 5})).await;
    let (_, a) = app.register(id, participant("a@example.org")).await; // confirmed
    app.register(id, participant("b@example.org")).await; // waitlisted
    let (_, p) = app.register(approval, participant("p@example.org")).await; // pending
    let (_, q) = app.register(approval, participant("q@example.org")).await; // pending
    sink.wait_for(4, WAIT).await;
    app.post_json(&format!("/api/v1/registrations/{}/approve", p["id"]), &json!({})).await; // approved
    app.post_json(&format!("/api/v1/registrations/{}/reject", q["id"]), &json!({})).await; // rejected
    sink.wait_for(6, WAIT).await;
    app.post_public(&format!("/api/v1/registrations/{}/cancel", token_of(&a["manage_url"])), &json!({})).await; // withdrawn + promoted
    sink.wait_for(8, WAIT).await;
    app.patch_json(&format!("/api/v1/sessions/{id}"), &json!({"location": "Manila, Room 4"})).await; // changed
    sink.wait_for(9, WAIT).await;
    app.post_json(&format!("/api/v1/sessions/{id}/cancel"), &json!({})).await; // session cancelled
    let mail = sink.wait_for(10, WAIT).await;
    let mut kinds: Vec<(String, String)> = mail.iter().map(|m| (subject_of(m), redact(&app, &text_body(m)))).collect();
    kinds.sort();
    let snapshot = kinds.iter().map(|(s, b)| format!("=== {s}\n{b}")).collect::<Vec<_>>().join("\n");
    insta::assert_snapshot!("message_kinds", snapshot);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_database_send_each_email_once() {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let a = spawn_app_with({
        let url = url.clone();
        move |s| s.smtp_url = Some(convene::settings::Secret(url))
    })
    .await;
    let db = a.database_url.clone();
    let b = spawn_app_with(move |s| {
        s.smtp_url = Some(convene::settings::Secret(url));
        s.database_url = db;
    })
    .await;
    let id = session(&a, json!({})).await;
    for n in 0..30 {
        // Alternate between the instances so both workers have mail to claim.
        let app = if n % 2 == 0 { &a } else { &b };
        assert_eq!(app.register(id, participant(&format!("p{n}@example.org"))).await.0, 201);
    }
    sink.wait_for(30, WAIT).await;
    a.dispatch_pending_emails().await;
    let mail = sink.received();
    let ids: HashSet<String> = mail.iter().filter_map(|m| m.parsed().message_id().map(String::from)).collect();
    assert_eq!((mail.len(), ids.len()), (30, 30), "each email once, whichever instance sent it");
}
