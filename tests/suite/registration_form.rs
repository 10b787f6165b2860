//! The registration form and the manage page, end to end over HTML.

use crate::common::{TestApp, manila_session, participant, spawn_app, with};
use scraper::{Html, Selector};
use serde_json::json;

fn select<'a>(html: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    let sel = Selector::parse(selector).expect("selector");
    html.select(&sel).collect()
}

fn text(html: &Html, selector: &str) -> String {
    select(html, selector)
        .first()
        .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn attr(html: &Html, selector: &str, name: &str) -> Option<String> {
    select(html, selector).first().and_then(|e| e.value().attr(name)).map(String::from)
}

async fn form(app: &TestApp, id: i64) -> (Html, String) {
    let res = app.get(&format!("/sessions/{id}/register")).await;
    assert_eq!(res.status(), 200);
    let html = Html::parse_document(&res.text().await.expect("body"));
    let csrf = attr(&html, "input[name=csrf_token]", "value").expect("a CSRF field");
    (html, csrf)
}

async fn submit(app: &TestApp, id: i64, fields: &[(&str, &str)]) -> reqwest::Response {
    app.client.post(app.url(&format!("/sessions/{id}/register"))).form(fields).send().await.expect("sent")
}

#[tokio::test]
async fn the_form_registers_and_redirects_to_a_page_that_says_what_happened() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let session_page = Html::parse_document(&app.get(&format!("/sessions/{id}")).await.text().await.expect("body"));
    assert_eq!(attr(&session_page, "a#register", "href"), Some(format!("/sessions/{id}/register")));

    let (html, csrf) = form(&app, id).await;
    // Every control has a label.
    for input in select(&html, "form.register input:not([type=hidden]), form.register select, form.register textarea") {
        let id = input.value().attr("id").expect("control has an id");
        assert_eq!(select(&html, &format!("label[for='{id}']")).len(), 1, "no label for {id}");
    }
    let countries: Vec<String> =
        select(&html, "#f-country option").iter().filter_map(|o| o.value().attr("value")).map(String::from).collect();
    assert!(
        countries.contains(&"ID".to_string()) && !countries.contains(&"KE".to_string()),
        "only eligible countries: {countries:?}"
    );

    let res = submit(
        &app,
        id,
        &[
            ("csrf_token", &csrf),
            ("name", "Siti Rahma"),
            ("email", "siti@example.org"),
            ("organisation", "Ministry of Health"),
            ("country", "ID"),
            ("time_zone", "Asia/Makassar"),
            ("consent", "yes"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().expect("ascii").to_string();
    assert!(location.starts_with("/registrations/m_") && location.ends_with("?welcome=1"), "{location}");
    let page = Html::parse_document(&app.get(&location).await.text().await.expect("body"));
    assert_eq!(attr(&page, "#status", "data-status").as_deref(), Some("confirmed"));
    assert!(text(&page, ".note").contains("confirmation email"), "{}", text(&page, ".note"));
    assert_eq!(text(&page, "#time-participant"), "Tue 9 Mar 2027, 16:00–17:30 Makassar (UTC+08:00)");
    assert_eq!(
        attr(&page, "#join-url", "href").as_deref(),
        Some("https://meet.example.org/secret-room"),
        "confirmed people see the link"
    );
}

#[tokio::test]
async fn a_wrong_submission_keeps_what_was_typed_and_names_each_error() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let (_, csrf) = form(&app, id).await;
    let res = submit(
        &app,
        id,
        &[
            ("csrf_token", &csrf),
            ("name", "Siti <b>Rahma</b>"),
            ("email", "siti-at-example"),
            ("organisation", "Ministry"),
            ("country", "ID"),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    let html = Html::parse_document(&res.text().await.expect("body"));
    assert_eq!(attr(&html, "#f-name", "value").as_deref(), Some("Siti <b>Rahma</b>"), "input kept (and escaped)");
    assert_eq!(attr(&html, "#f-email", "value").as_deref(), Some("siti-at-example"));
    assert_eq!(attr(&html, "#f-email", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(attr(&html, "#f-email", "aria-describedby").as_deref(), Some("f-email-error"));
    assert!(text(&html, "#f-email-error").contains("@"));
    assert!(!text(&html, "#f-consent-error").is_empty(), "consent missing is named");
    assert_eq!(attr(&html, ".error-summary", "role").as_deref(), Some("alert"));
    let summary_links: Vec<String> =
        select(&html, ".error-summary a").iter().filter_map(|a| a.value().attr("href")).map(String::from).collect();
    assert!(
        summary_links.contains(&"#f-email".to_string()) && summary_links.contains(&"#f-consent".to_string()),
        "{summary_links:?}"
    );
    assert_eq!(attr(&html, "#f-country option[selected]", "value").as_deref(), Some("ID"));
    assert!(app.registrations(id).await.is_empty());
}

#[tokio::test]
async fn a_post_without_the_csrf_token_is_refused_and_writes_nothing() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let fields = [
        ("name", "Siti"),
        ("email", "siti@example.org"),
        ("organisation", "MoH"),
        ("country", "ID"),
        ("consent", "yes"),
    ];
    assert_eq!(submit(&app, id, &fields).await.status(), 403, "no cookie, no token");
    let (_, _csrf) = form(&app, id).await;
    assert_eq!(submit(&app, id, &fields).await.status(), 403, "cookie but no token");
    let mut forged = fields.to_vec();
    forged.push(("csrf_token", "c_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    assert_eq!(submit(&app, id, &forged).await.status(), 403, "a token that is not the cookie's");
    assert!(app.registrations(id).await.is_empty());
}

#[tokio::test]
async fn a_duplicate_or_ineligible_submission_is_explained_on_the_form() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    app.register(id, participant("siti@example.org")).await;
    let (_, csrf) = form(&app, id).await;
    let res = submit(
        &app,
        id,
        &[
            ("csrf_token", &csrf),
            ("name", "Siti"),
            ("email", "SITI@example.org"),
            ("organisation", "MoH"),
            ("country", "ID"),
            ("consent", "yes"),
        ],
    )
    .await;
    assert_eq!(res.status(), 409);
    let html = Html::parse_document(&res.text().await.expect("body"));
    assert!(text(&html, ".error-summary").contains("already registered"));
    let res = submit(
        &app,
        id,
        &[
            ("csrf_token", &csrf),
            ("name", "Ana"),
            ("email", "ana@example.org"),
            ("organisation", "MoH"),
            ("country", "BE"),
            ("consent", "yes"),
        ],
    )
    .await;
    assert_eq!(res.status(), 403);
    let html = Html::parse_document(&res.text().await.expect("body"));
    assert!(text(&html, ".error-summary").contains("South East Asia"));
    assert_eq!(attr(&html, "#f-name", "value").as_deref(), Some("Ana"));
}

#[tokio::test]
async fn cancelling_through_the_manage_link_promotes_the_next_person() {
    let app = spawn_app().await;
    let id = app.create_session(with(manila_session(), json!({"capacity": 1, "waitlist": true}))).await["id"]
        .as_i64()
        .expect("id");
    let (_, first) = app.register(id, participant("a@example.org")).await;
    let (_, second) = app.register(id, participant("b@example.org")).await;
    let manage = first["manage_url"].as_str().expect("url").replace(&app.address, "");
    let waiting = Html::parse_document(
        &app.get(&second["manage_url"].as_str().expect("url").replace(&app.address, ""))
            .await
            .text()
            .await
            .expect("body"),
    );
    assert!(text(&waiting, "#status").contains("number 1 on the waiting list"));
    assert!(select(&waiting, "#join-url").is_empty(), "no webinar link before confirmation");

    let confirm = Html::parse_document(&app.get(&format!("{manage}/cancel")).await.text().await.expect("body"));
    let csrf = attr(&confirm, "input[name=csrf_token]", "value").expect("csrf");
    let res = app
        .client
        .post(app.url(&format!("{manage}/cancel")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    let page = Html::parse_document(
        &app.get(res.headers()["location"].to_str().expect("ascii")).await.text().await.expect("body"),
    );
    assert_eq!(attr(&page, "#status", "data-status").as_deref(), Some("cancelled"));
    assert!(select(&page, "#cancel-link").is_empty());
    let list = app.registrations(id).await;
    assert_eq!(
        list.iter().find(|r| r["email"] == "b@example.org").map(|r| r["status"].clone()),
        Some(json!("confirmed"))
    );

    let res = app
        .client
        .post(app.url(&format!("{manage}/cancel")))
        .form(&[("csrf_token", "wrong")])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 403);
    assert_eq!(app.get("/registrations/m_notarealtoken").await.status(), 404);
}

#[tokio::test]
async fn the_feed_link_can_be_renewed_and_the_page_shows_webcal_and_https() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let (_, reg) = app.register(id, participant("a@example.org")).await;
    let manage = reg["manage_url"].as_str().expect("url").replace(&app.address, "");
    let page = Html::parse_document(&app.get(&manage).await.text().await.expect("body"));
    let https = attr(&page, "#feed-url", "value").expect("feed url");
    assert_eq!(Some(https.clone()), reg["feed_url"].as_str().map(String::from));
    assert!(attr(&page, "#feed-webcal", "href").is_some_and(|w| w.starts_with("webcal://")));
    let csrf = attr(&page, "form[action$='/feed'] input[name=csrf_token]", "value").expect("csrf");
    let res = app
        .client
        .post(app.url(&format!("{manage}/feed")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    let page = Html::parse_document(&app.get(&manage).await.text().await.expect("body"));
    assert_ne!(attr(&page, "#feed-url", "value"), Some(https));
}

#[tokio::test]
async fn after_registering_the_first_thing_offered_is_the_calendar_and_a_cancelled_registration_offers_no_invite() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let (_, r) = app.register(id, participant("siti@example.org")).await;
    let manage = r["manage_url"].as_str().expect("url").replace(&app.address, "");
    let page = Html::parse_document(&app.get(&format!("{manage}?welcome=1")).await.text().await.expect("body"));
    let first = select(&page, "main a.button").first().and_then(|a| a.value().attr("id")).map(String::from);
    assert_eq!(first.as_deref(), Some("add-to-calendar"), "the first action offered");
    assert_eq!(attr(&page, "#add-to-calendar", "href"), Some(format!("{manage}/invite.ics")));
    let cancel = format!("/api/v1/registrations/{}/cancel", crate::common::token_of(&r["manage_url"]));
    assert_eq!(app.post_public(&cancel, &json!({})).await.status(), 200);
    let page = Html::parse_document(&app.get(&manage).await.text().await.expect("body"));
    assert!(
        select(&page, "#add-to-calendar").is_empty() && select(&page, "#invite").is_empty(),
        "no invite once cancelled"
    );
    assert!(!select(&page, "#feed-url").is_empty(), "the feed stays: it shows the cancellation, and can be renewed");
}
