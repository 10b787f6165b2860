//! Feedback after a session (issue 17): the form goes once to each person
//! asked, even with two instances running, with one reminder; one answer
//! per person; anonymous answers cannot be joined to anyone.

use crate::admin::{PASSWORD, login};
use crate::common::{TestApp, manila_session, participant, query_one, run_sql, spawn_app_with, test_settings, with};
use crate::smtp::{Received, SmtpSink, subject_of};
use scraper::{Html, Selector};
use serde_json::json;
use std::time::Duration;

async fn app_and_sink() -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = spawn_app_with(move |s| s.smtp_url = Some(convene::settings::Secret(url))).await;
    (app, sink)
}

/// A session that ended a month ago, with these people registered (their
/// API answers, in order), and its feedback form saved from the workspace.
async fn held_session(app: &TestApp, emails: &[&str], anonymous: bool) -> (i64, Vec<serde_json::Value>) {
    let (id, people) = held_without_form(app, emails).await;
    save_form(app, id, anonymous).await;
    (id, people)
}

async fn held_without_form(app: &TestApp, emails: &[&str]) -> (i64, Vec<serde_json::Value>) {
    let id = app.create_session(with(manila_session(), json!({"capacity": 40}))).await["id"].as_i64().expect("id");
    let mut people = Vec::new();
    for email in emails {
        let (status, r) = app.register(id, participant(email)).await;
        assert_eq!(status, 201, "{r}");
        people.push(r);
    }
    run_sql(
        app,
        &format!(
            "UPDATE sessions SET starts_at = '2026-11-02 08:00:00', ends_at = '2026-11-02 10:00:00' WHERE id = {id}; BUMP_CHANGE_COUNTER"
        ),
    );
    (id, people)
}

/// The form as the workspace offers it (the default questions), sent at once.
async fn save_form(app: &TestApp, id: i64, anonymous: bool) {
    let page = app.get(&format!("/admin/sessions/{id}")).await.text().await.expect("body");
    let mut fields = form_fields(&page, "#feedback-form");
    fields.retain(|(n, _)| n != "send_after_hours" && n != "anonymous");
    fields.push(("send_after_hours".into(), "0".into()));
    if anonymous {
        fields.push(("anonymous".into(), "yes".into()));
    }
    let res =
        app.client.post(app.url(&format!("/admin/sessions/{id}/feedback"))).form(&fields).send().await.expect("sent");
    assert_eq!(res.status(), 303);
}

/// A form's fields as a browser would send them (inputs, ticked boxes,
/// chosen options).
fn form_fields(page: &str, form: &str) -> Vec<(String, String)> {
    let html = Html::parse_document(page);
    let sel = Selector::parse(&format!("{form} input, {form} select, {form} textarea")).expect("selector");
    let option = Selector::parse("option[selected]").expect("selector");
    html.select(&sel)
        .filter_map(|e| {
            let name = e.value().attr("name")?.to_string();
            match (e.value().name(), e.value().attr("type")) {
                ("input", Some("checkbox" | "radio")) => {
                    e.value().attr("checked").map(|_| (name, e.value().attr("value").unwrap_or("on").to_string()))
                }
                ("input", _) => Some((name, e.value().attr("value").unwrap_or_default().to_string())),
                ("select", _) => {
                    e.select(&option).next().and_then(|o| o.value().attr("value")).map(|v| (name, v.to_string()))
                }
                _ => Some((name, e.text().collect())),
            }
        })
        .collect()
}

fn feedback_mails(sink: &SmtpSink) -> Vec<Received> {
    sink.received().into_iter().filter(|m| subject_of(m).contains("feedback")).collect()
}

/// The feedback link in an email (its path).
fn link_in(mail: &Received) -> String {
    let text = mail.parsed().body_text(0).map(|t| t.into_owned()).unwrap_or_default();
    let at = text.find("/feedback/fb_").unwrap_or_else(|| panic!("a feedback link: {text}"));
    text[at..].split_whitespace().next().expect("link").to_string()
}

/// Waits until `n` feedback emails arrived, then a little longer, so that
/// one too many would be seen.
async fn settle(sink: &SmtpSink, n: usize) -> Vec<Received> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while feedback_mails(sink).len() < n {
        assert!(
            tokio::time::Instant::now() < deadline,
            "expected {n} feedback emails: {:?}",
            feedback_mails(sink).iter().map(subject_of).collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Both instances look every 200 ms: a second email would be here by now.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    feedback_mails(sink)
}

async fn answer(app: &TestApp, link: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let page = app.get(link).await.text().await.expect("body");
    let html = Html::parse_document(&page);
    let sel = Selector::parse("input[name=csrf_token]").expect("selector");
    let csrf = html.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string();
    let mut form = vec![("csrf_token", csrf.as_str())];
    form.extend_from_slice(fields);
    app.client.post(app.url(link)).form(&form).send().await.expect("sent")
}

#[tokio::test]
async fn feedback_goes_once_to_each_person_asked_even_with_two_instances_and_is_answered_once() {
    let (app, sink) = app_and_sink().await;
    crate::common::create_admin(&app, "admin@example.org", PASSWORD);
    login(&app, "admin@example.org", PASSWORD).await;
    // A second instance on the same database, with its own jobs.
    let mut settings = test_settings(app.database_url.clone(), app.dir.path());
    settings.smtp_url = Some(convene::settings::Secret(sink.url()));
    let second = convene::startup::Application::build(settings).await.expect("second instance");
    tokio::spawn(second.run_until_stopped());

    // Enough people that both instances' rounds overlap, each asking some.
    let crowd: Vec<String> = (0..24).map(|n| format!("crowd{n:02}@example.id")).collect();
    let mut emails = vec!["ana@example.ph", "budi@example.id", "siti@example.id", "gone@example.id"];
    emails.extend(crowd.iter().map(String::as_str));
    let (id, people) = held_without_form(&app, &emails).await;
    // Attendance was taken: those marked attended are asked, not the absent, not the cancelled.
    for (n, person) in people.iter().enumerate().filter(|(n, _)| *n != 3) {
        let path = format!("/api/v1/registrations/{}/attendance", person["id"]);
        assert_eq!(app.post_json(&path, &json!({"attended": n != 2})).await.status(), 200);
    }
    run_sql(
        &app,
        &format!("UPDATE registrations SET status = 'cancelled' WHERE id = {}; BUMP_CHANGE_COUNTER", people[3]["id"]),
    );
    // The form last: the rounds may run at any moment once it exists.
    save_form(&app, id, true).await;
    let mails = settle(&sink, 26).await;
    let mut to: Vec<String> = mails.iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    let mut expected: Vec<String> = crowd.clone();
    expected.extend(["ana@example.ph".to_string(), "budi@example.id".to_string()]);
    expected.sort();
    assert_eq!(to, expected, "once each, from whichever instance came first");
    let ana = mails.iter().find(|m| m.to == ["ana@example.ph"]).expect("Ana's");
    assert_eq!(subject_of(ana), "Your feedback: Biosafety in diagnostic laboratories");
    let html = ana.parsed().body_html(0).map(|t| t.into_owned()).unwrap_or_default();
    assert!(html.contains("Give your feedback</a>"), "a link to act on: {html}");
    let link = link_in(ana);

    // The form says its answers are kept apart from names; one answer per person.
    let page = app.get(&link).await.text().await.expect("body");
    assert!(page.contains("never what you said"), "{page}");
    let res = answer(&app, &link, &[("q_useful", "4")]).await;
    assert_eq!(res.status(), 422, "the overall rating is required");
    let res = answer(&app, &link, &[("q_overall", "5"), ("q_useful", "4"), ("q_improve", "More exercises")]).await;
    assert_eq!(res.status(), 303);
    let thanks = app.get(&link).await.text().await.expect("body");
    assert!(thanks.contains("your feedback is recorded"), "the page says what happened");
    let again = app.client.post(app.url(&link)).form(&[("csrf_token", "x")]).send().await.expect("sent");
    assert_eq!(again.status(), 403, "a form without its token");
    let page = app.get(&link).await.text().await.expect("body");
    assert!(!page.contains("q_overall"), "no form once answered");
    let count = query_one(
        &app,
        &format!("SELECT CAST(COUNT(*) AS TEXT) AS value FROM feedback_answers WHERE session_id = {id}"),
    );
    assert_eq!(count, "1");
    assert_eq!(app.get("/feedback/fb_not-a-link").await.status(), 404);

    // Three days on, the one who did not answer is reminded, once.
    run_sql(
        &app,
        &format!(
            "UPDATE feedback_requests SET sent_at = '2026-11-20 00:00:00' WHERE registration_id = {}; BUMP_CHANGE_COUNTER",
            people[1]["id"]
        ),
    );
    run_sql(
        &app,
        &format!(
            "UPDATE feedback_requests SET sent_at = '2026-11-20 00:00:00' WHERE registration_id = {}; BUMP_CHANGE_COUNTER",
            people[0]["id"]
        ),
    );
    let mails = settle(&sink, 27).await;
    let reminders: Vec<_> = mails.iter().filter(|m| subject_of(m).starts_with("Reminder")).collect();
    assert_eq!(reminders.len(), 1, "{:?}", mails.iter().map(subject_of).collect::<Vec<_>>());
    assert_eq!(reminders[0].to, ["budi@example.id"]);
    assert_eq!(link_in(reminders[0]).len(), link.len(), "the same kind of link, to their own form");

    // The results: the rating's average and distribution with a table, the text.
    let results = app.get(&format!("/admin/sessions/{id}/feedback")).await.text().await.expect("body");
    let html = Html::parse_document(&results);
    let text = |sel: &str| {
        html.select(&Selector::parse(sel).expect("selector")).map(|e| e.text().collect::<String>()).collect::<Vec<_>>()
    };
    assert_eq!(text("#feedback-counts"), ["Asked: 26 · answered: 1."]);
    assert_eq!(text(".average").first().map(String::as_str), Some("average 5.0 / 5"));
    assert_eq!(text("#fq-0-table tbody tr")[4], "51", "one person chose 5");
    assert!(!html.select(&Selector::parse("svg.chart title").expect("selector")).collect::<Vec<_>>().is_empty());
    assert_eq!(text("ul.answers li"), ["More exercises"]);
    assert!(!results.contains("Ana"), "one answer: even who answered is not shown");
}

#[tokio::test]
async fn anonymous_answers_cannot_be_joined_to_a_person_through_the_pages_the_api_or_the_csv() {
    let (app, sink) = app_and_sink().await;
    crate::common::create_admin(&app, "admin@example.org", PASSWORD);
    login(&app, "admin@example.org", PASSWORD).await;
    let emails = ["p1@example.id", "p2@example.id", "p3@example.id", "p4@example.id", "p5@example.id"];
    let (id, _) = held_session(&app, &emails, true).await;
    let mails = settle(&sink, 5).await;
    for (n, mail) in mails.iter().enumerate() {
        let words = format!("Secret remark number {n}");
        let res = answer(&app, &link_in(mail), &[("q_overall", "4"), ("q_useful", "3"), ("q_improve", &words)]).await;
        assert_eq!(res.status(), 303);
    }
    let results = app.get(&format!("/admin/sessions/{id}/feedback")).await.text().await.expect("body");
    let html = Html::parse_document(&results);
    let who: Vec<String> =
        html.select(&Selector::parse("#who-answered li").expect("selector")).map(|e| e.text().collect()).collect();
    assert_eq!(who.len(), 5, "five answered: who answered is shown");
    let answers = Selector::parse("ul.answers li").expect("selector");
    for item in html.select(&answers) {
        let text: String = item.text().collect();
        assert!(!text.contains("@") && !text.contains("Siti"), "nothing beside an answer names anyone: {text}");
    }
    let csv = app.get(&format!("/admin/sessions/{id}/feedback.csv")).await.text().await.expect("body");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 6, "a header and five answers: {csv}");
    assert!(!rows[0].contains("Name") && !rows[0].contains("Email"), "{}", rows[0]);
    assert!(!csv.contains("@example") && !csv.contains("Siti"), "{csv}");
    // Not in the organisers' registrations either, nor stored with anyone.
    let listed = app.get_authorised(&format!("/api/v1/sessions/{id}/registrations")).await.text().await.expect("body");
    assert!(!listed.contains("Secret remark"), "{listed}");
    let table = app.get(&format!("/admin/sessions/{id}/registrations.csv")).await.text().await.expect("body");
    assert!(!table.contains("Secret remark"));
    let linked = query_one(
        &app,
        &format!(
            "SELECT CAST(COUNT(*) AS TEXT) AS value FROM feedback_answers WHERE session_id = {id} AND registration_id IS NOT NULL"
        ),
    );
    assert_eq!(linked, "0", "no answer row names its person");
    // Once answered anonymously, the form cannot start naming people.
    let page = app.get(&format!("/admin/sessions/{id}")).await.text().await.expect("body");
    let mut fields = form_fields(&page, "#feedback-form");
    fields.retain(|(n, _)| n != "anonymous");
    let res =
        app.client.post(app.url(&format!("/admin/sessions/{id}/feedback"))).form(&fields).send().await.expect("sent");
    assert_eq!(res.status(), 409);

    // A form that says answers are not anonymous names them, in the CSV.
    let (named, _) = held_session(&app, &["q1@example.id"], false).await;
    let mails = settle(&sink, 6).await;
    let mail = mails.iter().find(|m| m.to == ["q1@example.id"]).expect("theirs");
    let page = app.get(&link_in(mail)).await.text().await.expect("body");
    assert!(page.contains("will see your name"), "the form says so before they answer");
    let res = answer(&app, &link_in(mail), &[("q_overall", "3"), ("q_useful", "3")]).await;
    assert_eq!(res.status(), 303);
    let csv = app.get(&format!("/admin/sessions/{named}/feedback.csv")).await.text().await.expect("body");
    assert!(csv.contains("Siti Rahma") && csv.contains("q1@example.id"), "{csv}");
}

/// Counts the feedback emails it is asked to queue.
struct Counting(std::sync::atomic::AtomicUsize);

impl convene::db::notify::Notifier for Counting {
    fn notify(
        &self,
        _: &mut convene::db::DbConn,
        _: &convene::db::sessions::Session,
        change: convene::db::notify::Change<'_>,
    ) -> Result<(), convene::db::notify::NotifyError> {
        if let convene::db::notify::Change::FeedbackRequested { .. } = change {
            self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        Ok(())
    }
}

/// The race the job's guard is for, made certain: two instances' rounds
/// start at the same moment, both having read that nobody was asked yet.
#[tokio::test]
async fn two_rounds_that_start_at_the_same_moment_ask_each_person_once() {
    // The server's own round does not run during the test.
    let app = spawn_app_with(|s| s.reminder_check_ms = 3_600_000).await;
    let id = app.create_session(with(manila_session(), json!({"capacity": 100}))).await["id"].as_i64().expect("id");
    for n in 0..60 {
        let (status, _) = app.register(id, participant(&format!("p{n:02}@example.id"))).await;
        assert_eq!(status, 201);
    }
    run_sql(
        &app,
        &format!(
            "UPDATE sessions SET starts_at = '2026-11-02 08:00:00', ends_at = '2026-11-02 10:00:00' WHERE id = {id}"
        ),
    );
    let questions =
        serde_json::to_string(&convene::domain::feedback::default_questions(convene::domain::lang::Lang::En))
            .expect("json");
    let url = app.database_url.clone();
    let setup = convene::db::connect(&url, 1).expect("pool");
    let session = convene::db::ids::SessionId(id as i32);
    convene::db::feedback::save_form(&mut setup.get().expect("conn"), session, &questions, true, 0, convene::db::now())
        .expect("form");
    let counting = std::sync::Arc::new(Counting(Default::default()));
    let start = std::sync::Arc::new(std::sync::Barrier::new(2));
    let rounds: Vec<_> = (0..2)
        .map(|_| {
            let (url, counting, start) = (url.clone(), counting.clone(), start.clone());
            std::thread::spawn(move || {
                let pool = convene::db::connect(&url, 1).expect("pool");
                let mut conn = pool.get().expect("conn");
                let keys = convene::domain::secret::Keys::new(b"a test key that is long enough for hmac");
                start.wait();
                convene::registrations::feedback::send_due(&mut conn, &keys, counting.as_ref(), convene::db::now())
                    .expect("round")
            })
        })
        .collect();
    let sent: Vec<usize> = rounds.into_iter().map(|r| r.join().expect("thread")).collect();
    assert_eq!(sent.iter().sum::<usize>(), 60, "each asked once between them: {sent:?}");
    assert_eq!(counting.0.load(std::sync::atomic::Ordering::SeqCst), 60, "one email each");
    let asked = query_one(
        &app,
        &format!("SELECT CAST(COUNT(*) AS TEXT) AS value FROM feedback_requests WHERE session_id = {id}"),
    );
    assert_eq!(asked, "60");
}
