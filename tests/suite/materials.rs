//! Materials and recordings (issue 17): organisers share links and files,
//! each public or for registrants; files are always attachments, typed only
//! when their bytes agree, and reach only whom they may.

use crate::admin::{PASSWORD, login, page_token};
use crate::common::{TestApp, create_organiser, manila_session, participant, spawn_app_with, token_of, with};
use crate::smtp::{SmtpSink, subject_of};
use scraper::{Html, Selector};
use serde_json::json;
use std::time::Duration;

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
const PPTX: &[u8] = b"PK\x03\x04\x14\x00\x06\x00slides";
const HTML: &[u8] = b"<!doctype html><script>document.title='owned'</script>";
pub const SVG: &[u8] = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><script>alert(2)</script></svg>";

/// A multipart body by hand, parts in the order given (the CSRF token
/// first, as a browser sends the form's fields in order); a part with a
/// file name is a file.
pub fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----convene-test-boundary-7f3a";
    let mut body = Vec::new();
    for (name, file_name, value) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match file_name {
            Some(f) => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .as_bytes(),
            ),
            None => body.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes()),
        }
        body.extend_from_slice(value);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(
    app: &TestApp,
    id: i64,
    csrf: &str,
    title: &str,
    audience: &str,
    file: (&str, &[u8]),
    tell: bool,
) -> reqwest::Response {
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = vec![
        ("csrf_token", None, csrf.as_bytes()),
        ("title", None, title.as_bytes()),
        ("audience", None, audience.as_bytes()),
    ];
    if tell {
        parts.push(("tell", None, b"yes"));
    }
    parts.push(("file", Some(file.0), file.1));
    let (content_type, body) = multipart(&parts);
    app.client
        .post(app.url(&format!("/admin/sessions/{id}/materials/file")))
        .header("Content-Type", content_type)
        .body(body)
        .send()
        .await
        .expect("sent")
}

/// The material ids on a page, by title.
fn listed(page: &str, selector: &str) -> Vec<(String, String)> {
    let html = Html::parse_document(page);
    let sel = Selector::parse(selector).expect("selector");
    html.select(&sel)
        .map(|a| {
            (a.text().collect::<String>().trim().to_string(), a.value().attr("href").unwrap_or_default().to_string())
        })
        .collect()
}

fn files_on_disk(app: &TestApp) -> Vec<String> {
    std::fs::read_dir(app.dir.path().join("files"))
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn shared_materials_reach_only_whom_they_may_and_files_never_run_in_a_browser() {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = spawn_app_with(move |s| s.smtp_url = Some(convene::settings::Secret(url))).await;
    let id = app
        .create_session(with(
            manila_session(),
            json!({"organising_region": "south-east-asia", "capacity": 1, "waitlist": true}),
        ))
        .await["id"]
        .as_i64()
        .expect("id");
    let other = app.create_session(with(manila_session(), json!({"title": "Another session"}))).await["id"]
        .as_i64()
        .expect("id");
    let (_, confirmed) = app.register(id, participant("siti@example.id")).await;
    let (_, waiting) = app.register(id, participant("budi@example.id")).await;
    assert_eq!(waiting["status"], "waitlisted");
    let (_, elsewhere) = app.register(other, participant("dewi@example.id")).await;
    app.dispatch_pending_emails().await;
    sink.wait_for(3, Duration::from_secs(15)).await;

    create_organiser(&app, "org@example.org", PASSWORD, &["south-east-asia"]);
    login(&app, "org@example.org", PASSWORD).await;
    let csrf = page_token(&app.client, &app, &format!("/admin/sessions/{id}")).await;

    // A request without the form's token is refused before the file is read.
    let res = upload(&app, id, "c_forged", "Forged", "public", ("agenda.pdf", PDF), false).await;
    assert_eq!(res.status(), 403);
    assert!(files_on_disk(&app).is_empty(), "nothing kept: {:?}", files_on_disk(&app));

    let res = upload(&app, id, &csrf, "Agenda", "public", ("../../etc/Agenda final.pdf", PDF), false).await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().expect("ascii").to_string();
    assert!(location.ends_with("#materials"), "{location}");
    let notice = app.get(&location).await.text().await.expect("body");
    assert!(notice.contains("“Agenda” is shared."), "the page says what happened");
    assert_eq!(upload(&app, id, &csrf, "Slides", "registrants", ("slides.pptx", PPTX), true).await.status(), 303);
    assert_eq!(upload(&app, id, &csrf, "Page", "public", ("page.html", HTML), false).await.status(), 303);
    assert_eq!(upload(&app, id, &csrf, "Picture", "public", ("picture.svg", SVG), false).await.status(), 303);
    assert_eq!(upload(&app, id, &csrf, "Fake PDF", "public", ("fake.pdf", HTML), false).await.status(), 303);
    let res = crate::admin::submit(
        &app.client,
        &app,
        &format!("/admin/sessions/{id}/materials/link"),
        &[
            ("csrf_token", &csrf),
            ("title", "Recording"),
            ("url", "https://video.example.org/r/42"),
            ("audience", "registrants"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    for (url, title) in [("javascript:alert(1)", "Bad"), ("https://video.example.org/x", "")] {
        let form = [("csrf_token", csrf.as_str()), ("title", title), ("url", url), ("audience", "public")];
        let res = crate::admin::submit(&app.client, &app, &format!("/admin/sessions/{id}/materials/link"), &form).await;
        assert_eq!(res.status(), 422, "{url} {title:?}");
    }
    let res = upload(&app, id, &csrf, "No audience", "everyone", ("a.pdf", PDF), false).await;
    assert_eq!(res.status(), 422);
    assert_eq!(files_on_disk(&app).len(), 5, "a refused upload keeps no file: {:?}", files_on_disk(&app));

    let workspace = app.get(&format!("/admin/sessions/{id}")).await.text().await.expect("body");
    let in_workspace = listed(&workspace, "#materials-table td:first-child a");
    let titles: Vec<&str> = in_workspace.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(titles, ["Agenda", "Slides", "Page", "Picture", "Fake PDF", "Recording"]);
    let href = |title: &str| in_workspace.iter().find(|(t, _)| t == title).map(|(_, h)| h.clone()).expect(title);
    let material_id = |title: &str| href(title).rsplit('/').next().expect("id").to_string();

    // The public sees the public ones, typed only when their bytes agree, always as attachments.
    let stranger = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let page =
        stranger.get(app.url(&format!("/sessions/{id}"))).send().await.expect("sent").text().await.expect("body");
    let public: Vec<String> = listed(&page, "ul.materials a").into_iter().map(|(t, _)| t).collect();
    assert_eq!(public, ["Agenda", "Page", "Picture", "Fake PDF"], "registrants-only ones are not on the public page");
    for (title, content_type, bytes) in [
        ("Agenda", "application/pdf", PDF),
        ("Page", "application/octet-stream", HTML),
        ("Picture", "application/octet-stream", SVG),
        ("Fake PDF", "application/octet-stream", HTML),
    ] {
        let res = stranger
            .get(app.url(&format!("/sessions/{id}/materials/{}", material_id(title))))
            .send()
            .await
            .expect("sent");
        assert_eq!(res.status(), 200, "{title}");
        let headers = res.headers().clone();
        assert_eq!(headers["content-type"], content_type, "{title}");
        let disposition = headers["content-disposition"].to_str().expect("ascii");
        assert!(disposition.starts_with("attachment;"), "{title}: {disposition}");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        let csp = headers["content-security-policy"].to_str().expect("ascii");
        assert!(csp.contains("sandbox") && csp.contains("default-src 'none'"), "{title}: {csp}");
        assert_eq!(res.bytes().await.expect("body").as_ref(), bytes, "{title}: the bytes as uploaded");
    }
    let res = stranger.get(app.url(&format!("/sessions/{id}/materials/{}", material_id("Agenda")))).send().await;
    let disposition = res.expect("sent").headers()["content-disposition"].to_str().expect("ascii").to_string();
    assert!(disposition.contains("filename=\"Agenda final.pdf\""), "the name without its path: {disposition}");
    for title in ["Slides", "Recording"] {
        let path = format!("/sessions/{id}/materials/{}", material_id(title));
        assert_eq!(
            stranger.get(app.url(&path)).send().await.expect("sent").status(),
            404,
            "{title} is for registrants"
        );
    }
    let path = format!("/sessions/{other}/materials/{}", material_id("Agenda"));
    assert_eq!(stranger.get(app.url(&path)).send().await.expect("sent").status(), 404, "not another session's");
    let path = format!("/admin/sessions/{id}/materials/{}", material_id("Slides"));
    assert_eq!(stranger.get(app.url(&path)).send().await.expect("sent").status(), 303, "the workspace's needs sign-in");

    // A confirmed registrant sees everything from their own page.
    let manage = format!("/registrations/{}", token_of(&confirmed["manage_url"]));
    let theirs = stranger.get(app.url(&manage)).send().await.expect("sent").text().await.expect("body");
    let titles: Vec<String> = listed(&theirs, "ul.materials a").into_iter().map(|(t, _)| t).collect();
    assert_eq!(titles, ["Agenda", "Slides", "Page", "Picture", "Fake PDF", "Recording"]);
    let res =
        stranger.get(app.url(&format!("{manage}/materials/{}", material_id("Slides")))).send().await.expect("sent");
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().expect("ascii").ends_with("presentationml.presentation"));
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    assert_eq!(res.bytes().await.expect("body").as_ref(), PPTX);
    // Someone waiting, someone of another session, and a cancelled registrant do not.
    let waiting_page = format!("/registrations/{}", token_of(&waiting["manage_url"]));
    let res = stranger.get(app.url(&format!("{waiting_page}/materials/{}", material_id("Slides")))).send().await;
    assert_eq!(res.expect("sent").status(), 404, "a place not yet confirmed");
    let page = stranger.get(app.url(&waiting_page)).send().await.expect("sent").text().await.expect("body");
    assert!(!page.contains("Slides"), "not listed for them either");
    let res = stranger.get(app.url(&format!("{waiting_page}/materials/{}", material_id("Agenda")))).send().await;
    assert_eq!(res.expect("sent").status(), 200, "the public ones are theirs too");
    let other_page = format!("/registrations/{}", token_of(&elsewhere["manage_url"]));
    for title in ["Slides", "Agenda"] {
        let res = stranger.get(app.url(&format!("{other_page}/materials/{}", material_id(title)))).send().await;
        assert_eq!(res.expect("sent").status(), 404, "another session's registrant: {title}");
    }

    // "Materials are available": to the confirmed person only, once.
    app.dispatch_pending_emails().await;
    let mails = sink.wait_for(4, Duration::from_secs(15)).await;
    let told: Vec<_> = mails.iter().filter(|m| subject_of(m).starts_with("Materials available")).collect();
    assert_eq!(told.len(), 1, "{:?}", mails.iter().map(subject_of).collect::<Vec<_>>());
    assert_eq!(told[0].to, ["siti@example.id"]);
    let text = told[0].parsed().body_text(0).map(|t| t.to_string()).unwrap_or_default();
    assert!(text.contains("“Slides”") && text.contains(&manage), "names it and links their page: {text}");

    let cancel = format!("/api/v1/registrations/{}/cancel", token_of(&confirmed["manage_url"]));
    assert_eq!(app.post_public(&cancel, &json!({})).await.status(), 200);
    let res = stranger.get(app.url(&format!("{manage}/materials/{}", material_id("Slides")))).send().await;
    assert_eq!(res.expect("sent").status(), 404, "a cancelled registration no longer opens registrants-only ones");

    // Removing takes the file off the disk; an organiser of another region can do neither.
    let before = files_on_disk(&app).len();
    let path = format!("/admin/sessions/{id}/materials/{}/remove", material_id("Page"));
    assert_eq!(crate::admin::submit(&app.client, &app, &path, &[("csrf_token", &csrf)]).await.status(), 303);
    assert_eq!(files_on_disk(&app).len(), before - 1);
    let res = stranger.get(app.url(&format!("/sessions/{id}/materials/{}", material_id("Page")))).send().await;
    assert_eq!(res.expect("sent").status(), 404);
    let changes = app.get(&format!("/admin/sessions/{id}")).await.text().await.expect("body");
    assert!(changes.contains("material.add") && changes.contains("material.remove"), "both are in the session's log");
    create_organiser(&app, "sahel@example.org", PASSWORD, &["north-africa-sahel"]);
    login(&app, "sahel@example.org", PASSWORD).await;
    let csrf = page_token(&app.client, &app, "/admin/sessions").await;
    let res = upload(&app, id, &csrf, "Not mine", "public", ("x.pdf", PDF), false).await;
    assert_eq!(res.status(), 403, "not their region's session");
    let path = format!("/admin/sessions/{id}/materials/{}/remove", material_id("Agenda"));
    assert_eq!(crate::admin::submit(&app.client, &app, &path, &[("csrf_token", &csrf)]).await.status(), 403);
    assert_eq!(files_on_disk(&app).len(), before - 1, "nothing written, nothing removed");
}

#[tokio::test]
async fn an_upload_past_the_limit_is_refused_and_leaves_nothing() {
    let app = spawn_app_with(|s| s.max_upload_bytes = 1000).await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    crate::common::create_admin(&app, "admin@example.org", PASSWORD);
    login(&app, "admin@example.org", PASSWORD).await;
    let csrf = page_token(&app.client, &app, &format!("/admin/sessions/{id}")).await;
    let big = [b'%'; 1001];
    let res = upload(&app, id, &csrf, "Too big", "public", ("big.pdf", &big), false).await;
    assert_eq!(res.status(), 413);
    assert!(files_on_disk(&app).is_empty());
    let res = upload(&app, id, &csrf, "Fits", "public", ("small.pdf", PDF), false).await;
    assert_eq!(res.status(), 303);
    let page = app.get(&format!("/sessions/{id}")).await.text().await.expect("body");
    assert!(page.contains("Fits"), "a file within the limit is shared");
    // An empty file part is no file.
    let res = upload(&app, id, &csrf, "Empty", "public", ("empty.pdf", b""), false).await;
    assert_eq!(res.status(), 422);
}
