//! Languages: chosen from Accept-Language, switched and remembered, with
//! dates written the French way. (So far the frame and the list of
//! sessions; the rest of the pages, the forms and the emails follow.)

use crate::common::{manila_session, spawn_app};
use scraper::{Html, Selector};

fn text(html: &Html, sel: &str) -> String {
    let s = Selector::parse(sel).expect("selector");
    html.select(&s).next().map(|e| e.text().collect::<String>()).unwrap_or_default()
}

fn lang_of(html: &Html) -> String {
    let s = Selector::parse("html").expect("selector");
    html.select(&s).next().and_then(|e| e.value().attr("lang")).unwrap_or_default().to_string()
}

#[tokio::test]
async fn french_from_accept_language_with_french_dates_and_a_remembered_switch() {
    let app = spawn_app().await;
    app.create_session(manila_session()).await;
    let fr = app
        .client
        .get(app.url("/?tz=Asia/Manila"))
        .header("accept-language", "fr-SN,fr;q=0.9,en;q=0.5")
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .expect("body");
    let html = Html::parse_document(&fr);
    assert_eq!(lang_of(&html), "fr");
    assert_eq!(text(&html, "h1"), "Sessions à venir");
    assert_eq!(text(&html, "label[for=tz]"), "Afficher les heures de");
    // Tuesday 9 March 2027, 16:00 in Manila.
    let when = text(&html, "ul.sessions .time");
    assert!(when.contains("mar. 9 mars 2027, 16:00–17:30"), "{when}");

    let en = Html::parse_document(&app.get("/?tz=Asia/Manila").await.text().await.expect("body"));
    assert_eq!(lang_of(&en), "en");
    assert_eq!(text(&en, "h1"), "Upcoming sessions");
    assert!(text(&en, "ul.sessions .time").contains("Tue 9 Mar 2027, 16:00–17:30"));

    // The switcher, offered in the other language's own name.
    let s = Selector::parse("nav.languages a").expect("selector");
    let link = en.select(&s).next().expect("a switch");
    assert_eq!(link.text().collect::<String>(), "Français");
    let href = link.value().attr("href").expect("href").to_string();
    let res = app.get(&href).await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/?tz=Asia/Manila", "back where it was");
    let again = Html::parse_document(&app.get("/").await.text().await.expect("body"));
    assert_eq!(text(&again, "h1"), "Sessions à venir", "remembered without Accept-Language");

    // Never a way off the site.
    for back in ["//evil.example/", "https://evil.example/", "/\\\\evil.example"] {
        let q = serde_urlencoded::to_string([("to", "en"), ("back", back)]).expect("query");
        let res = app.get(&format!("/language?{q}")).await;
        assert_eq!(res.headers()["location"], "/", "{back}");
    }
}

#[tokio::test]
async fn a_session_page_in_french() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let page = app
        .client
        .get(app.url(&format!("/sessions/{id}?tz=Africa/Dakar")))
        .header("accept-language", "fr")
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .expect("body");
    let html = Html::parse_document(&page);
    assert_eq!(text(&html, "#register"), "S’inscrire");
    assert_eq!(text(&html, "#local-times"), "Heures locales dans les pays participants");
    // 16:00 in Manila is 08:00 in Dakar (UTC+00:00), the same Tuesday.
    assert!(text(&html, "#time-viewer").contains("mar. 9 mars 2027, 08:00–09:30"), "{}", text(&html, "#time-viewer"));
    assert!(page.contains("Webinaire") && page.contains("En ligne"), "kind and format in French");
    assert!(page.contains("50 sur 50 restantes"));
}

#[tokio::test]
async fn the_registration_form_in_french() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let get = |path: String| {
        let client = app.client.clone();
        let url = app.url(&path);
        async move {
            client.get(url).header("accept-language", "fr-CM").send().await.expect("sent").text().await.expect("body")
        }
    };
    let html = Html::parse_document(&get(format!("/sessions/{id}/register")).await);
    assert_eq!(text(&html, "label[for=f-name]"), "Nom complet");
    assert_eq!(text(&html, "form.register button[type=submit]"), "S’inscrire");
    assert!(text(&html, "label[for=f-consent]").starts_with("J’accepte"));
    assert!(text(&html, "h1").starts_with("Inscription : "));
}
