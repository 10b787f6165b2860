//! Running a session's registrations in the workspace: filters, bulk
//! actions that keep capacity, a move to another session, attendance,
//! figures with their chart, and an email to registrants, previewed first.

use crate::admin::{PASSWORD, login};
use crate::common::{TestApp, create_admin, manila_session, participant, with};
use crate::email::{app_with_sink, text_body};
use crate::smtp::subject_of;
use scraper::{Html, Selector};
use serde_json::{Value, json};
use std::time::Duration;

async fn page(app: &TestApp, path: &str) -> Html {
    let res = app.get(path).await;
    assert_eq!(res.status(), 200, "{path}");
    Html::parse_document(&res.text().await.expect("body"))
}

fn csrf(html: &Html) -> String {
    let sel = Selector::parse("input[name=csrf_token]").expect("selector");
    html.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string()
}

fn names(html: &Html) -> Vec<String> {
    let sel = Selector::parse("table.registrations tbody tr td:nth-child(3)").expect("selector");
    html.select(&sel).map(|e| e.text().collect::<String>().trim().to_string()).collect()
}

async fn statuses(app: &TestApp, session: i64) -> Vec<(String, String)> {
    app.registrations(session)
        .await
        .iter()
        .map(|r| {
            (r["email"].as_str().unwrap_or_default().to_string(), r["status"].as_str().unwrap_or_default().to_string())
        })
        .collect()
}

async fn bulk(app: &TestApp, session: i64, action: &str, ids: &[i64], target: Option<i64>) -> String {
    let html = page(app, &format!("/admin/sessions/{session}")).await;
    let token = csrf(&html);
    let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
    let mut fields: Vec<(&str, &str)> = vec![("csrf_token", &token), ("action", action)];
    for id in &ids {
        fields.push(("ids", id));
    }
    let target = target.map(|t| t.to_string()).unwrap_or_default();
    fields.push(("target", &target));
    let res = app
        .client
        .post(app.url(&format!("/admin/sessions/{session}/registrations")))
        .form(&fields)
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().expect("location").to_string();
    let html = page(app, &location).await;
    let sel = Selector::parse("#notice").expect("selector");
    html.select(&sel).next().map(|n| n.text().collect::<String>()).expect("a notice")
}

fn id_of(list: &[Value], email: &str) -> i64 {
    list.iter().find(|r| r["email"] == email).and_then(|r| r["id"].as_i64()).expect("registration")
}

#[tokio::test]
async fn bulk_actions_move_attendance_figures_and_an_email_to_registrants() {
    let (app, sink) = app_with_sink().await;
    create_admin(&app, "admin@example.org", PASSWORD);
    login(&app, "admin@example.org", PASSWORD).await;
    let a = app
        .create_session(with(manila_session(), json!({"capacity": 2, "regions": [], "title": "Session A"})))
        .await["id"]
        .as_i64()
        .expect("id");
    let b = app
        .create_session(with(manila_session(), json!({"capacity": 10, "regions": [], "title": "Session B"})))
        .await["id"]
        .as_i64()
        .expect("id");
    for (email, country) in [
        ("siti@example.org", "ID"),
        ("budi@example.org", "ID"),
        ("amina@example.org", "MA"),
        ("somchai@example.org", "TH"),
    ] {
        let mut p = participant(email);
        p["country"] = json!(country);
        p["name"] = json!(email.split('@').next().unwrap_or_default());
        assert_eq!(app.register(a, p).await.0, 201);
    }
    sink.wait_for(4, Duration::from_secs(15)).await;

    // Filters and search.
    assert_eq!(names(&page(&app, &format!("/admin/sessions/{a}?status=waitlisted")).await), ["amina", "somchai"]);
    assert_eq!(names(&page(&app, &format!("/admin/sessions/{a}?country=ma")).await), ["amina"]);
    assert_eq!(
        names(&page(&app, &format!("/admin/sessions/{a}?region=south-east-asia")).await),
        ["siti", "budi", "somchai"]
    );
    assert_eq!(names(&page(&app, &format!("/admin/sessions/{a}?q=BUDI")).await), ["budi"]);

    // Promotion never goes past capacity.
    let list = app.registrations(a).await;
    let notice = bulk(&app, a, "promote", &[id_of(&list, "amina@example.org")], None).await;
    assert!(notice.contains("0 done") && notice.contains("No seat is free"), "{notice}");
    // Cancelling a confirmed person promotes the first in line.
    let notice = bulk(&app, a, "cancel", &[id_of(&list, "budi@example.org")], None).await;
    assert!(notice.contains("1 done"), "{notice}");
    let now = statuses(&app, a).await;
    assert!(now.contains(&("amina@example.org".into(), "confirmed".into())), "{now:?}");
    assert!(now.contains(&("somchai@example.org".into(), "waitlisted".into())));
    // Moving someone: registered in the other session, cancelled here.
    let notice = bulk(&app, a, "move", &[id_of(&list, "somchai@example.org")], Some(b)).await;
    assert!(notice.contains("1 done"), "{notice}");
    assert_eq!(statuses(&app, b).await, [("somchai@example.org".to_string(), "confirmed".to_string())]);
    assert!(statuses(&app, a).await.contains(&("somchai@example.org".into(), "cancelled".into())));

    // Attendance, then the figures and the chart.
    let notice =
        bulk(&app, a, "attended", &[id_of(&list, "siti@example.org"), id_of(&list, "budi@example.org")], None).await;
    assert!(notice.starts_with("1 marked"), "only confirmed people can attend: {notice}");
    let html = page(&app, &format!("/admin/sessions/{a}")).await;
    let rows = Selector::parse(".figures table:first-of-type tbody tr").expect("selector");
    let figures: Vec<String> = html.select(&rows).map(|r| r.text().collect::<Vec<_>>().join("|")).collect();
    assert!(figures.contains(&"Indonesia|1|0|0|1".to_string()), "{figures:?}");
    assert!(figures.contains(&"Morocco|1|0|0|0".to_string()), "{figures:?}");
    let bars = Selector::parse("svg.chart rect").expect("selector");
    assert_eq!(html.select(&bars).count(), 2, "a bar per country with confirmed people");
    let regions = Selector::parse(".figures table:nth-of-type(2) tbody tr").expect("selector");
    let by_region: Vec<String> = html.select(&regions).map(|r| r.text().collect::<Vec<_>>().join("|")).collect();
    assert!(
        by_region.iter().any(|r| r.starts_with("African Atlantic Façade|1")),
        "Morocco counts in both its regions: {by_region:?}"
    );
    assert!(by_region.iter().any(|r| r.starts_with("North Africa and Sahel|1")), "{by_region:?}");

    // An email to the confirmed: a preview first, nothing queued; then sent.
    // Four confirmations, a cancellation, a promotion, and the move's two.
    let before = sink.wait_for(8, Duration::from_secs(15)).await.len();
    app.dispatch_pending_emails().await;
    assert_eq!(sink.received().len(), 8);
    let token = csrf(&html);
    let res = app
        .client
        .post(app.url(&format!("/admin/sessions/{a}/email")))
        .form(&[
            ("csrf_token", token.as_str()),
            ("to", "confirmed"),
            ("subject", "Room change"),
            ("message", "Dear {name},\r\n\r\nWe meet in room 4 on {when}.\r\n\r\nBring your badge."),
        ])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 200);
    let preview = Html::parse_document(&res.text().await.expect("body"));
    let title = Selector::parse("#preview-title").expect("selector");
    assert!(
        preview.select(&title).next().map(|t| t.text().collect::<String>()).unwrap_or_default().contains("to 2 people")
    );
    let body = Selector::parse("pre.email-preview").expect("selector");
    let text: String = preview.select(&body).next().map(|b| b.text().collect()).unwrap_or_default();
    assert!(text.contains("We meet in room 4 on ") && text.contains("Bring your badge."), "{text}");
    assert!(!text.contains("{name}") && !text.contains("{when}"), "placeholders filled in the preview: {text}");
    let html_part = Selector::parse("#email-html h1 a").expect("selector");
    assert!(preview.select(&html_part).next().is_some(), "the HTML part as a mail client shows it");
    // The form keeps what was typed, to change it before sending.
    let typed = Selector::parse("#email-form textarea").expect("selector");
    let kept: String = preview.select(&typed).next().map(|t| t.text().collect()).unwrap_or_default();
    assert!(kept.contains("Dear {name},"), "{kept}");
    // A placeholder that does not exist is named, with those that do, and nothing goes.
    let res = app
        .client
        .post(app.url(&format!("/admin/sessions/{a}/email")))
        .form(&[
            ("csrf_token", token.as_str()),
            ("to", "confirmed"),
            ("subject", "Hi {firstname}"),
            ("message", "Text"),
        ])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 422);
    let refused = res.text().await.expect("body");
    assert!(refused.contains("{firstname} is not filled in") && refused.contains("{name}, {title}, {when}, {link}"));
    assert!(refused.contains("value=\"Hi {firstname}\""), "kept as typed");
    app.dispatch_pending_emails().await;
    assert_eq!(sink.received().len(), before, "a preview sends nothing");
    let send = Selector::parse("section.preview form input").expect("selector");
    let fields: Vec<(String, String)> = preview
        .select(&send)
        .filter_map(|i| Some((i.value().attr("name")?.to_string(), i.value().attr("value")?.to_string())))
        .collect();
    let res = app.client.post(app.url(&format!("/admin/sessions/{a}/email"))).form(&fields).send().await.expect("sent");
    assert_eq!(res.status(), 303);
    let mail = sink.wait_for(before + 2, Duration::from_secs(15)).await;
    let ours: Vec<_> = mail.iter().filter(|m| subject_of(m).starts_with("Room change")).collect();
    assert_eq!(ours.len(), 2, "one each to the two confirmed people");
    assert!(ours.iter().all(|m| text_body(m).contains("Bring your badge.")));
    // Each person's own name where {name} was, and no greeting added in front.
    for m in &ours {
        let body = text_body(m);
        assert!(body.starts_with("Dear ") && !body.contains("{name}"), "{body}");
        assert_eq!(body.matches("Dear ").count(), 1, "only the organiser's greeting: {body}");
    }
    // The session's page lists what was sent, by whom, to how many.
    let page = Html::parse_document(&app.get(&format!("/admin/sessions/{a}")).await.text().await.expect("body"));
    let rows = Selector::parse("#sent-table tbody tr").expect("selector");
    let sent: Vec<String> = page.select(&rows).map(|r| r.text().collect::<Vec<_>>().join("|")).collect();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert!(sent[0].contains("2 people (confirmed)") && sent[0].contains("Room change"), "{sent:?}");
    let audit = app.get("/admin/audit").await.text().await.expect("body");
    for action in ["registration.cancel", "registration.attendance", "session.email"] {
        assert!(audit.contains(action), "{action} logged");
    }
}

#[tokio::test]
async fn answers_have_a_csv_column_per_question_and_columns_to_choose_in_the_table() {
    let app = crate::common::spawn_app().await;
    let questions = json!({"questions": [
        {"key": "diet", "kind": "single_choice", "label": "Diet", "choices": ["none", "vegetarian", "halal"]},
        {"key": "topics", "kind": "multiple_choice", "label": "Topics of interest", "choices": ["labs", "borders"]},
        {"key": "cert", "kind": "checkbox", "label": "Needs a visa letter"}
    ]});
    let id = app.create_session(crate::common::with(crate::common::manila_session(), questions)).await["id"]
        .as_i64()
        .expect("id");
    let answers = json!({"answers": {"diet": "halal", "topics": ["labs", "borders"], "cert": true}});
    let (status, _) = app.register(id, crate::common::with(crate::common::participant("q@example.org"), answers)).await;
    assert_eq!(status, 201);
    crate::common::create_admin(&app, "root@example.org", crate::admin::PASSWORD);
    assert_eq!(crate::admin::login(&app, "root@example.org", crate::admin::PASSWORD).await.status(), 303);

    let bytes = app.get(&format!("/admin/sessions/{id}/registrations.csv")).await.bytes().await.expect("body");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_string).collect();
    assert_eq!(&header[header.len() - 3..], ["Diet", "Topics of interest", "Needs a visa letter"]);
    let row = reader.records().next().expect("a row").expect("parses");
    let cells: Vec<&str> = row.iter().collect();
    assert_eq!(&cells[cells.len() - 3..], ["halal", "labs; borders", "yes"]);

    let plain = Html::parse_document(&app.get(&format!("/admin/sessions/{id}")).await.text().await.expect("body"));
    let heads = |html: &Html| -> Vec<String> {
        let s = Selector::parse("#registrations-form thead th, form table thead th").expect("selector");
        html.select(&s).map(|e| e.text().collect::<String>()).collect()
    };
    assert!(!heads(&plain).contains(&"Diet".to_string()), "answers hidden until chosen");
    let chosen = Html::parse_document(
        &app.get(&format!("/admin/sessions/{id}?col.diet=on&col.cert=on")).await.text().await.expect("body"),
    );
    let shown = heads(&chosen);
    assert!(shown.contains(&"Diet".to_string()) && shown.contains(&"Needs a visa letter".to_string()), "{shown:?}");
    assert!(!shown.contains(&"Topics of interest".to_string()));
    let cells: Vec<String> = chosen
        .select(&Selector::parse("form table tbody td").expect("selector"))
        .map(|e| e.text().collect::<String>())
        .collect();
    assert!(cells.contains(&"halal".to_string()) && cells.contains(&"yes".to_string()), "{cells:?}");
    let boxes = Selector::parse("input[name='col.diet'][checked]").expect("selector");
    assert!(chosen.select(&boxes).next().is_some(), "the choice is kept in the form");
}
