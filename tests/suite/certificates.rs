//! Certificates of attendance: only attendees above the presence
//! threshold get one, by email with its PDF (read back with a PDF text
//! extractor: name, title, number, code); numbers per year never reused;
//! a reissue after a name correction keeps the number; the public
//! verification page for a valid, a revoked, an erased and an unknown code.

use crate::common::{TestApp, manila_session, participant, run_sql, with};
use crate::email::app_with_sink;
use crate::smtp::{Received, subject_of};
use mail_parser::MimeHeaders;
use scraper::{Html, Selector};
use serde_json::{Value, json};
use std::time::Duration;

fn text(html: &Html, sel: &str) -> String {
    let s = Selector::parse(sel).expect("selector");
    html.select(&s).next().map(|e| e.text().collect::<String>()).unwrap_or_default()
}

/// The PDF attached to an email, if any.
fn pdf_of(mail: &Received) -> Option<Vec<u8>> {
    let parsed = mail.parsed();
    parsed
        .attachments()
        .find(|a| a.attachment_name().is_some_and(|n| n.ends_with(".pdf")))
        .map(|a| a.contents().to_vec())
}

fn pdf_text(pdf: &[u8]) -> String {
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text reads back")
}

/// A 90-minute session moved into the past, so that it has been held.
fn hold(app: &TestApp, id: i64) {
    run_sql(
        app,
        &format!(
            "UPDATE sessions SET starts_at = '2026-03-10 08:00:00', ends_at = '2026-03-10 09:30:00' WHERE id = {id}; BUMP_CHANGE_COUNTER;"
        ),
    );
}

async fn mark(app: &TestApp, registration: &Value, body: Value) {
    let path = format!("/api/v1/registrations/{}/attendance", registration["id"]);
    assert_eq!(app.post_json(&path, &body).await.status(), 200, "{body}");
}

async fn issue(app: &TestApp, id: i64, body: Value) -> (u16, Value) {
    let res = app.post_json(&format!("/api/v1/sessions/{id}/certificates"), &body).await;
    (res.status().as_u16(), res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn only_attendees_above_the_threshold_get_a_certificate_whose_pdf_names_them() {
    let (app, sink) = app_with_sink().await;
    let id = app.create_session(with(manila_session(), json!({"kind": "training"}))).await["id"].as_i64().expect("id");
    let people = [
        ("door@example.org", "Maria Santos"),
        ("online@example.org", "Nguyễn Thị Hà"),
        ("brief@example.org", "Brief Visit"),
        ("absent@example.org", "Absent Person"),
    ];
    let mut regs = Vec::new();
    for (email, name) in people {
        let (status, r) = app.register(id, with(participant(email), json!({"name": name}))).await;
        assert_eq!(status, 201);
        regs.push(r);
    }
    let (status, layla) = app
        .register(
            id,
            with(participant("layla@example.org"), json!({"name": "ليلى حداد", "country": "PH", "language": "ar"})),
        )
        .await;
    assert_eq!(status, 201, "{layla}");
    // Not held yet: nothing to certify.
    let (status, problem) = issue(&app, id, json!({})).await;
    assert_eq!(status, 409, "{problem}");

    hold(&app, id);
    mark(&app, &regs[0], json!({"attended": true})).await; // checked in at the door
    mark(&app, &regs[1], json!({"attended": true, "minutes": 80})).await; // 80 of 90: 89%
    mark(&app, &regs[2], json!({"attended": true, "minutes": 60})).await; // 60 of 90: 67%
    mark(&app, &regs[3], json!({"attended": false})).await;
    mark(&app, &layla, json!({"attended": true, "minutes": 90})).await;
    for bad in [json!({"min_presence_percent": 0}), json!({"min_presence_percent": "75"}), json!({"minimum": 75})] {
        assert_eq!(issue(&app, id, bad.clone()).await.0, 422, "{bad}");
    }
    let res = app.client.post(app.url(&format!("/api/v1/sessions/{id}/certificates"))).send().await.expect("sent");
    assert_eq!(res.status(), 401, "a token is needed");

    let (status, issued) = issue(&app, id, json!({"min_presence_percent": 75})).await;
    assert_eq!(status, 200, "{issued}");
    assert_eq!((issued["issued"].as_u64(), issued["not_qualified"].as_u64()), (Some(3), Some(2)), "{issued}");

    let mail = sink.wait_for(5 + 3, Duration::from_secs(20)).await;
    let certified: Vec<&Received> = mail.iter().filter(|m| pdf_of(m).is_some()).collect();
    assert_eq!(certified.len(), 3);
    let to = |m: &Received| m.to.first().cloned().unwrap_or_default();
    let mut who: Vec<String> = certified.iter().map(|m| to(m)).collect();
    who.sort();
    assert_eq!(who, ["door@example.org", "layla@example.org", "online@example.org"]);

    let list: Vec<Value> =
        app.get_authorised(&format!("/api/v1/sessions/{id}/certificates")).await.json().await.expect("json");
    assert_eq!(list.len(), 3);
    let numbers: Vec<&str> = list.iter().filter_map(|c| c["number"].as_str()).collect();
    assert_eq!(numbers, ["CBRN-2026-000001", "CBRN-2026-000002", "CBRN-2026-000003"], "numbered per year, in order");

    let door = certified.iter().find(|m| to(m) == "door@example.org").expect("door");
    assert_eq!(subject_of(door), "Certificate of attendance: Biosafety in diagnostic laboratories");
    let maria = list.iter().find(|c| c["name"] == "Maria Santos").expect("Maria's");
    let words = pdf_text(&pdf_of(door).expect("pdf"));
    for expected in [
        "Certificate of attendance",
        "Maria Santos",
        "Biosafety in diagnostic laboratories",
        "took part in the training",
        maria["number"].as_str().expect("number"),
        maria["code"].as_str().expect("code"),
        "1 h 30 min",
    ] {
        assert!(words.contains(expected), "missing {expected:?} in the PDF's text:\n{words}");
    }
    let vietnamese = certified.iter().find(|m| to(m) == "online@example.org").expect("online");
    assert!(pdf_text(&pdf_of(vietnamese).expect("pdf")).contains("Nguyễn Thị Hà"), "Latin with diacritics");

    // The Arabic certificate: Arabic words, the Latin title and the
    // number inside it, and the name drawn right to left (the extractor
    // reads glyphs in the order they are drawn, left to right, so the
    // name's letters come out last letter first).
    let arabic = certified.iter().find(|m| to(m) == "layla@example.org").expect("layla");
    let words = pdf_text(&pdf_of(arabic).expect("pdf"));
    assert!(words.contains("Biosafety in diagnostic laboratories"), "{words}");
    assert!(words.contains("CBRN-2026-00000"), "{words}");
    // "ليلى حداد": the second word leftmost, each word's letters last first
    // (لى is one joined glyph, so only حداد is compared letter by letter).
    let family: String = "حداد".chars().rev().collect();
    let (left, right) = (words.find(&family), words.find("يل"));
    assert!(left.is_some() && right.is_some() && left < right, "ليلى حداد drawn right to left: {words}");

    // Issuing again changes nothing and emails nobody.
    let (_, again) = issue(&app, id, json!({})).await;
    assert_eq!((again["issued"].as_u64(), again["unchanged"].as_u64()), (Some(0), Some(3)), "{again}");
    app.dispatch_pending_emails().await;
    assert_eq!(sink.received().iter().filter(|m| pdf_of(m).is_some()).count(), 3, "no second email");

    // The holder downloads it from their page; others have none.
    let token = crate::common::token_of(&regs[0]["manage_url"]);
    let manage = Html::parse_document(&app.get(&format!("/registrations/{token}")).await.text().await.expect("body"));
    assert_eq!(text(&manage, "#certificate-pdf"), "Download your certificate (PDF)");
    let res = app.get(&format!("/registrations/{token}/certificate.pdf")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert!(pdf_text(&res.bytes().await.expect("body")).contains("Maria Santos"));
    let brief = crate::common::token_of(&regs[2]["manage_url"]);
    assert_eq!(app.get(&format!("/registrations/{brief}/certificate.pdf")).await.status(), 404);
}

#[tokio::test]
async fn the_verification_page_says_valid_revoked_erased_or_unknown_and_a_reissue_keeps_the_number() {
    let (app, _sink) = app_with_sink().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let (_, a) = app.register(id, with(participant("a@example.org"), json!({"name": "Ana Reyes"}))).await;
    let (_, b) = app.register(id, with(participant("b@example.org"), json!({"name": "Budi Santoso"}))).await;
    hold(&app, id);
    mark(&app, &a, json!({"attended": true})).await;
    mark(&app, &b, json!({"attended": true})).await;
    assert_eq!(issue(&app, id, json!({})).await.0, 200);
    let list: Vec<Value> =
        app.get_authorised(&format!("/api/v1/sessions/{id}/certificates")).await.json().await.expect("json");
    let code_of = |name: &str| {
        list.iter().find(|c| c["name"] == name).and_then(|c| c["code"].as_str()).expect("code").to_string()
    };
    let (ana, budi) = (code_of("Ana Reyes"), code_of("Budi Santoso"));

    let page = |path: String| {
        let app = &app;
        async move {
            let res = app.get(&path).await;
            (res.status().as_u16(), Html::parse_document(&res.text().await.expect("body")))
        }
    };
    let (status, valid) = page(format!("/certificates/{ana}")).await;
    assert_eq!(status, 200);
    assert_eq!(text(&valid, "#verdict"), "This certificate is valid.");
    assert_eq!(text(&valid, "#holder"), "Ana Reyes");
    assert_eq!(text(&valid, "#session"), "Biosafety in diagnostic laboratories");
    assert!(!valid.html().contains("a@example.org"), "nothing more than who and what");
    // Typed from paper: lower case, spaces, O for 0 are read the same.
    let typed = ana.to_lowercase().replace('-', " ").replace('0', "o");
    let (status, again) = page(format!("/certificates/{}", typed.replace(' ', "%20"))).await;
    assert_eq!((status, text(&again, "#holder")), (200, "Ana Reyes".into()));

    // A name corrected, issued again: the same number, reissued.
    run_sql(&app, &format!("UPDATE registrations SET name = 'Ana María Reyes' WHERE id = {}", a["id"]));
    let (_, issued) = issue(&app, id, json!({})).await;
    assert_eq!(issued["reissued"], 1, "{issued}");
    let after: Vec<Value> =
        app.get_authorised(&format!("/api/v1/sessions/{id}/certificates")).await.json().await.expect("json");
    let corrected = after.iter().find(|c| c["code"] == ana.as_str()).expect("same code");
    assert_eq!(corrected["name"], "Ana María Reyes");
    assert_eq!(corrected["number"], list.iter().find(|c| c["code"] == ana.as_str()).expect("before")["number"]);
    assert!(corrected["reissued_at"].is_string());
    let token = crate::common::token_of(&a["manage_url"]);
    let pdf = app.get(&format!("/registrations/{token}/certificate.pdf")).await.bytes().await.expect("pdf");
    let words = pdf_text(&pdf);
    assert!(words.contains("Ana María Reyes") && words.contains("reissued on"), "{words}");

    // Revoked: the page says so; the holder can no longer download it.
    let res = app.post_json(&format!("/api/v1/certificates/{ana}/revoke"), &json!({})).await;
    assert_eq!(res.status(), 200);
    let (status, revoked) = page(format!("/certificates/{ana}")).await;
    assert_eq!(status, 200);
    assert!(
        text(&revoked, "#verdict").starts_with("This certificate was revoked on"),
        "{}",
        text(&revoked, "#verdict")
    );
    assert_eq!(app.get(&format!("/registrations/{token}/certificate.pdf")).await.status(), 404);

    // Erased with the holder's data: no name, no longer valid.
    let budi_token = crate::common::token_of(&b["manage_url"]);
    let csrf = crate::workspace_sessions::token_on(&app, &format!("/registrations/{budi_token}/erase")).await;
    let res = app
        .client
        .post(app.url(&format!("/registrations/{budi_token}/erase")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .expect("sent");
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let (status, erased) = page(format!("/certificates/{budi}")).await;
    assert_eq!(status, 200);
    assert_eq!(text(&erased, "#verdict"), "This certificate is no longer valid: its holder's data has been erased.");
    assert_eq!(text(&erased, "#holder"), "", "no name");
    assert!(!erased.html().contains("Budi"));

    // Unknown and malformed codes.
    for code in ["AAAA-BBBB-CCCC-DDDD", "not-a-code", "..%2F..%2Fetc"] {
        let (status, unknown) = page(format!("/certificates/{code}")).await;
        assert_eq!(status, 404, "{code}");
        assert!(text(&unknown, "#verdict").starts_with("No certificate has this code"), "{code}");
    }
    // In Arabic, right to left.
    let res = app
        .client
        .get(app.url(&format!("/certificates/{ana}")))
        .header("accept-language", "ar")
        .send()
        .await
        .expect("sent");
    let arabic = Html::parse_document(&res.text().await.expect("body"));
    assert!(text(&arabic, "#verdict").starts_with("أُلغيت هذه الشهادة"), "{}", text(&arabic, "#verdict"));
}

#[tokio::test]
async fn numbers_are_never_reused_and_two_sessions_issuing_at_once_get_distinct_numbers() {
    let (app, _sink) = app_with_sink().await;
    let mut sessions = Vec::new();
    let mut late = Value::Null;
    for n in 0..2 {
        let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
        let mut regs = Vec::new();
        for i in 0..5 {
            let (_, r) = app.register(id, participant(&format!("p{i}-{id}@example.org"))).await;
            regs.push(r);
        }
        hold(&app, id);
        // The fifth of the first session is marked only later.
        let marked = if n == 0 { 4 } else { 5 };
        for r in &regs[..marked] {
            mark(&app, r, json!({"attended": true})).await;
        }
        if n == 0 {
            late = regs[4].clone();
        } else {
            mark(&app, &regs[4], json!({"attended": false})).await;
        }
        sessions.push(id);
    }
    let (a, b) = tokio::join!(issue(&app, sessions[0], json!({})), issue(&app, sessions[1], json!({})));
    assert_eq!((a.0, b.0), (200, 200), "{a:?} {b:?}");
    let mut numbers = Vec::new();
    for id in &sessions {
        let list: Vec<Value> =
            app.get_authorised(&format!("/api/v1/sessions/{id}/certificates")).await.json().await.expect("json");
        numbers.extend(list.iter().filter_map(|c| c["number"].as_str().map(str::to_string)));
    }
    numbers.sort();
    let expected: Vec<String> = (1..=8).map(|n| format!("CBRN-2026-{n:06}")).collect();
    assert_eq!(numbers, expected, "eight distinct numbers, none skipped");

    // A revoked number stays taken: the next certificate gets a new one.
    let first: Vec<Value> =
        app.get_authorised(&format!("/api/v1/sessions/{}/certificates", sessions[0])).await.json().await.expect("json");
    let code = first[0]["code"].as_str().expect("code");
    assert_eq!(app.post_json(&format!("/api/v1/certificates/{code}/revoke"), &json!({})).await.status(), 200);
    mark(&app, &late, json!({"attended": true})).await;
    let (_, issued) = issue(&app, sessions[0], json!({})).await;
    assert_eq!(issued["issued"], 1, "{issued}");
    let list: Vec<Value> =
        app.get_authorised(&format!("/api/v1/sessions/{}/certificates", sessions[0])).await.json().await.expect("json");
    assert!(list.iter().any(|c| c["number"] == "CBRN-2026-000009"), "{list:?}");
}

#[tokio::test]
async fn the_workspace_issues_and_revokes_certificates_of_a_held_session() {
    let (app, _sink) = app_with_sink().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let (_, r) = app.register(id, participant("w@example.org")).await;
    crate::common::create_admin(&app, "root@example.org", crate::admin::PASSWORD);
    assert_eq!(crate::admin::login(&app, "root@example.org", crate::admin::PASSWORD).await.status(), 303);
    let before = Html::parse_document(&app.get(&format!("/admin/sessions/{id}")).await.text().await.expect("body"));
    assert_eq!(text(&before, "#certificates"), "", "no certificates before the session is held");
    hold(&app, id);
    mark(&app, &r, json!({"attended": true})).await;
    let csrf = crate::workspace_sessions::token_on(&app, &format!("/admin/sessions/{id}")).await;
    let res = app
        .client
        .post(app.url(&format!("/admin/sessions/{id}/certificates")))
        .form(&[("csrf_token", csrf.as_str()), ("min_presence_percent", "75")])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().expect("ascii").to_string();
    let page = Html::parse_document(&app.get(&location).await.text().await.expect("body"));
    assert!(text(&page, "#notice").starts_with("Certificates: 1 issued"), "{}", text(&page, "#notice"));
    assert_eq!(text(&page, "#certificates"), "Certificates of attendance");
    let revoke = Selector::parse("form[action$='/revoke']").expect("selector");
    let action = page.select(&revoke).next().and_then(|f| f.value().attr("action")).expect("a revoke form").to_string();
    let res = app.client.post(app.url(&action)).form(&[("csrf_token", csrf.as_str())]).send().await.expect("sent");
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().expect("ascii").to_string();
    let page = Html::parse_document(&app.get(&location).await.text().await.expect("body"));
    assert!(text(&page, "#notice").contains("is revoked"), "{}", text(&page, "#notice"));
    assert!(page.html().contains("revoked on"));
}

#[tokio::test]
async fn a_zoom_report_marks_attendance_by_email_whatever_its_case_and_lists_who_matched_nobody() {
    let (app, _sink) = app_with_sink().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let (_, maria) =
        app.register(id, with(participant("maria.santos@example.org"), json!({"name": "Maria Santos"}))).await;
    let (_, budi) = app.register(id, with(participant("budi@example.org"), json!({"name": "Budi"}))).await;
    crate::common::create_admin(&app, "root@example.org", crate::admin::PASSWORD);
    assert_eq!(crate::admin::login(&app, "root@example.org", crate::admin::PASSWORD).await.status(), 303);
    hold(&app, id);
    let report = "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n\
                  123 456 789,Biosafety,03/10/2026 04:00:00 PM,03/10/2026 05:30:00 PM,host@example.org,95,3\n\
                  \n\
                  Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n\
                  Maria Santos,Maria.Santos@EXAMPLE.org,03/10/2026 04:01:00 PM,03/10/2026 04:40:00 PM,39,No\n\
                  Maria Santos,maria.santos@example.org,03/10/2026 04:45:00 PM,03/10/2026 05:30:00 PM,45,No\n\
                  Stranger,stranger@example.org,03/10/2026 04:05:00 PM,03/10/2026 04:10:00 PM,5,Yes\n";
    let csrf = crate::workspace_sessions::token_on(&app, &format!("/admin/sessions/{id}")).await;
    let res = app
        .client
        .post(app.url(&format!("/admin/sessions/{id}/attendance-report")))
        .form(&[("csrf_token", csrf.as_str()), ("report", report)])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().expect("ascii").to_string();
    let page = Html::parse_document(&app.get(&location).await.text().await.expect("body"));
    let notice = text(&page, "#notice");
    assert!(notice.starts_with("1 marked attended from the report."), "{notice}");
    assert!(notice.contains("stranger@example.org") && notice.contains("host@example.org"), "{notice}");
    let list = app.registrations(id).await;
    let of = |r: &Value| list.iter().find(|x| x["id"] == r["id"]).cloned().expect("listed");
    assert_eq!((of(&maria)["attended"].clone(), of(&maria)["minutes_present"].clone()), (json!(true), json!(84)));
    assert_eq!(of(&budi)["attended"], Value::Null, "not in the report: left unmarked");
    // Not a report: said so, nothing changed.
    let res = app
        .client
        .post(app.url(&format!("/admin/sessions/{id}/attendance-report")))
        .form(&[("csrf_token", csrf.as_str()), ("report", "name,minutes\nA,5\n")])
        .send()
        .await
        .expect("sent");
    let location = res.headers()["location"].to_str().expect("ascii").to_string();
    let page = Html::parse_document(&app.get(&location).await.text().await.expect("body"));
    assert!(
        text(&page, "#notice").starts_with("No row of this text names an email column"),
        "{}",
        text(&page, "#notice")
    );
    // 84 of 90 minutes qualifies at 75%.
    let (_, issued) = issue(&app, id, json!({})).await;
    assert_eq!((issued["issued"].as_u64(), issued["not_qualified"].as_u64()), (Some(1), Some(1)), "{issued}");
}

#[tokio::test]
async fn an_in_person_registrant_is_checked_in_once_with_the_code_from_their_email() {
    let (app, sink) = app_with_sink().await;
    let room =
        json!({"format": "in_person", "location": "Tashkent, Hotel Uzbekistan, hall B", "time_zone": "Asia/Tashkent"});
    let id = app.create_session(with(manila_session(), room.clone())).await["id"].as_i64().expect("id");
    let other = app.create_session(with(manila_session(), room)).await["id"].as_i64().expect("id");
    let (_, r) = app.register(id, with(participant("aziz@example.org"), json!({"name": "Aziz Karimov"}))).await;
    let (_, elsewhere) = app.register(other, participant("else@example.org")).await;
    let mail = sink.wait_for(2, Duration::from_secs(15)).await;
    let email = mail.iter().find(|m| m.to.iter().any(|t| t == "aziz@example.org")).expect("confirmation");
    let text_part = crate::email::text_body(email);
    let code = text_part
        .lines()
        .find_map(|l| l.strip_prefix("Your check-in code for the door: "))
        .map(str::to_string)
        .expect("the code in the text part");
    assert_eq!(code.len(), 9, "{code}");
    let parsed = email.parsed();
    let html = parsed.body_html(0).map(|h| h.into_owned()).unwrap_or_default();
    assert!(html.contains("src=\"cid:check-in-qr\"") && html.contains(&code), "{html}");
    let png = parsed
        .parts
        .iter()
        .find(|p| p.content_id() == Some("check-in-qr"))
        .map(|p| p.contents().to_vec())
        .expect("an inline PNG referenced by Content-ID");
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    // The manage page shows the code and its QR code too.
    let token = crate::common::token_of(&r["manage_url"]);
    let manage = Html::parse_document(&app.get(&format!("/registrations/{token}")).await.text().await.expect("body"));
    assert_eq!(text(&manage, "#check-in-code"), code);
    assert!(manage.select(&Selector::parse(".qr svg[role=img]").expect("selector")).next().is_some());

    crate::common::create_admin(&app, "door@example.org", crate::admin::PASSWORD);
    assert_eq!(crate::admin::login(&app, "door@example.org", crate::admin::PASSWORD).await.status(), 303);
    let csrf = crate::workspace_sessions::token_on(&app, &format!("/admin/sessions/{id}/check-in")).await;
    let post = |code: String, json: bool| {
        let (app, csrf) = (&app, csrf.clone());
        async move {
            let mut req = app.client.post(app.url(&format!("/admin/sessions/{id}/check-in")));
            if json {
                req = req.header("accept", "application/json");
            }
            req.form(&[("csrf_token", csrf.as_str()), ("code", code.as_str())]).send().await.expect("sent")
        }
    };
    // Typed at the door: lower case, no dash.
    let res = post(code.to_lowercase().replace('-', ""), false).await;
    assert_eq!(res.status(), 200);
    let page = Html::parse_document(&res.text().await.expect("body"));
    assert_eq!(text(&page, "#c-said"), "Aziz Karimov is checked in.");
    assert!(text(&page, "#tally").starts_with("1 of 1"), "{}", text(&page, "#tally"));
    let again: Value = post(code.clone(), true).await.json().await.expect("json");
    assert_eq!(again["outcome"], "already");
    assert!(
        again["said"].as_str().is_some_and(|s| s.starts_with("Aziz Karimov was already checked in at ")),
        "{again}"
    );
    let list = app.registrations(id).await;
    assert_eq!(list[0]["attended"], true, "checked in is attended");
    // Another session's code, and nonsense, are refused here.
    let theirs = {
        let t = crate::common::token_of(&elsewhere["manage_url"]);
        let page = Html::parse_document(&app.get(&format!("/registrations/{t}")).await.text().await.expect("body"));
        text(&page, "#check-in-code")
    };
    for wrong in [theirs, "ZZZZ-ZZZZ".to_string(), "<script>".to_string()] {
        let answer: Value = post(wrong.clone(), true).await.json().await.expect("json");
        assert_eq!(answer["outcome"], "refused", "{wrong}");
        assert_eq!(answer["name"], "", "nobody named");
    }
}

#[tokio::test]
async fn an_organiser_of_another_region_can_neither_issue_list_revoke_nor_check_in() {
    let (app, _sink) = app_with_sink().await;
    // The session is organised by South East Asia; the attacker organises Central Asia.
    let id = app
        .create_session(with(manila_session(), json!({"organising_region": "south-east-asia", "format": "in_person"})))
        .await["id"]
        .as_i64()
        .expect("id");
    let (_, r) = app.register(id, participant("held@example.org")).await;
    hold(&app, id);
    mark(&app, &r, json!({"attended": true})).await;
    assert_eq!(issue(&app, id, json!({})).await.0, 200);
    let list: Vec<Value> =
        app.get_authorised(&format!("/api/v1/sessions/{id}/certificates")).await.json().await.expect("json");
    let code = list[0]["code"].as_str().expect("code").to_string();

    crate::common::create_organiser(&app, "tashkent@example.org", crate::admin::PASSWORD, &["central-asia"]);
    let token = crate::focal_points::token_for(&app, "tashkent@example.org");
    let call = |method: reqwest::Method, path: String| {
        let (app, token) = (&app, token.clone());
        async move { crate::focal_points::as_token(app, &token, method, &path, Some(&json!({}))).await.0 }
    };
    assert_eq!(call(reqwest::Method::POST, format!("/api/v1/sessions/{id}/certificates")).await, 403);
    assert_eq!(call(reqwest::Method::GET, format!("/api/v1/sessions/{id}/certificates")).await, 403);
    assert_eq!(call(reqwest::Method::POST, format!("/api/v1/certificates/{code}/revoke")).await, 403);
    let page = app.get(&format!("/certificates/{code}")).await.text().await.expect("body");
    assert!(page.contains("This certificate is valid."), "still valid after the attempts");

    // In the workspace: the check-in page, a check-in and a meeting report are refused.
    assert_eq!(crate::admin::login(&app, "tashkent@example.org", crate::admin::PASSWORD).await.status(), 303);
    assert_eq!(app.get(&format!("/admin/sessions/{id}/check-in")).await.status(), 403);
    let csrf = crate::workspace_sessions::token_on(&app, "/admin/sessions").await;
    let token = crate::common::token_of(&r["manage_url"]);
    let manage = Html::parse_document(&app.get(&format!("/registrations/{token}")).await.text().await.expect("body"));
    let code = text(&manage, "#check-in-code");
    for (path, field, value) in [
        (format!("/admin/sessions/{id}/check-in"), "code", code.clone()),
        (
            format!("/admin/sessions/{id}/attendance-report"),
            "report",
            "Email,Duration\nheld@example.org,5\n".to_string(),
        ),
        (format!("/admin/sessions/{id}/certificates"), "min_presence_percent", "75".to_string()),
    ] {
        let res = app
            .client
            .post(app.url(&path))
            .form(&[("csrf_token", csrf.as_str()), (field, value.as_str())])
            .send()
            .await;
        assert_eq!(res.expect("sent").status(), 403, "{path}");
    }
    let after = app.registrations(id).await;
    assert_eq!(after[0]["minutes_present"], Value::Null, "nothing written");
}
