//! Languages: chosen from Accept-Language, switched and remembered, with
//! dates written the French way; each participant's emails, invites and
//! personal feed in the language they registered in.

use crate::common::{TestApp, manila_session, participant, spawn_app, with};
use crate::email::{app_with_sink, calendar_part, parse_ics, prop, text_body};
use crate::smtp::{Received, subject_of};
use scraper::{Html, Selector};
use serde_json::json;
use std::time::Duration;

fn text(html: &Html, sel: &str) -> String {
    let s = Selector::parse(sel).expect("selector");
    html.select(&s).next().map(|e| e.text().collect::<String>()).unwrap_or_default()
}

fn lang_of(html: &Html) -> String {
    let s = Selector::parse("html").expect("selector");
    html.select(&s).next().and_then(|e| e.value().attr("lang")).unwrap_or_default().to_string()
}

/// A page as someone whose browser asks for `accept_language`, parsed.
async fn page_in(app: &TestApp, path: &str, accept_language: &str) -> Html {
    let res = app.client.get(app.url(path)).header("accept-language", accept_language).send().await.expect("sent");
    Html::parse_document(&res.text().await.expect("body"))
}

#[tokio::test]
async fn french_from_accept_language_with_french_dates_and_a_remembered_switch() {
    let app = spawn_app().await;
    app.create_session(manila_session()).await;
    let html = page_in(&app, "/?tz=Asia/Manila", "fr-SN,fr;q=0.9,en;q=0.5").await;
    assert_eq!(lang_of(&html), "fr");
    assert_eq!(text(&html, "h1"), "Sessions à venir");
    assert_eq!(text(&html, "label[for=tz]"), "Afficher les heures de");
    // Tuesday 9 March 2027, 16:00 in Manila.
    let when = text(&html, "ul.sessions .time");
    assert!(when.contains("mar. 9 mars 2027, 16:00–17:30"), "{when}");
    // Kinds, formats and the names of regions, countries and topics too.
    assert!(
        text(&html, "ul.sessions .meta").starts_with("Webinaire · En ligne · Ouverte à : Asie du Sud-Est"),
        "{}",
        text(&html, "ul.sessions .meta")
    );
    let options: Vec<String> =
        html.select(&Selector::parse("#f-country option").expect("selector")).map(|o| o.text().collect()).collect();
    assert!(options.iter().any(|o| o == "Sénégal") && options.iter().any(|o| o == "Côte d’Ivoire"), "{options:?}");
    assert!(html.html().contains(">Biosécurité<"), "topics in French");

    let en = Html::parse_document(&app.get("/?tz=Asia/Manila").await.text().await.expect("body"));
    assert_eq!(lang_of(&en), "en");
    assert_eq!(text(&en, "h1"), "Upcoming sessions");
    assert!(text(&en, "ul.sessions .time").contains("Tue 9 Mar 2027, 16:00–17:30"));

    // The switcher offers all four, each named in itself, the page's own marked.
    let s = Selector::parse("nav.languages a").expect("selector");
    let names: Vec<String> = en.select(&s).map(|a| a.text().collect()).collect();
    assert_eq!(names, ["English", "Français", "العربية", "Русский"]);
    let current: Vec<String> = en
        .select(&Selector::parse("nav.languages a[aria-current]").expect("selector"))
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(current, ["English"]);
    let arabic = en.select(&s).find(|a| a.value().attr("lang") == Some("ar")).expect("Arabic");
    assert_eq!(arabic.value().attr("dir"), Some("rtl"), "its name reads right to left");
    let link = en.select(&s).find(|a| a.value().attr("hreflang") == Some("fr")).expect("a switch to French");
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
    let html = page_in(&app, &format!("/sessions/{id}?tz=Africa/Dakar"), "fr").await;
    let page = html.html();
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
    let html = page_in(&app, &format!("/sessions/{id}/register"), "fr-CM").await;
    assert_eq!(text(&html, "label[for=f-name]"), "Nom complet");
    assert_eq!(text(&html, "form.register button[type=submit]"), "S’inscrire");
    assert!(text(&html, "label[for=f-consent]").starts_with("J’accepte"));
    assert!(text(&html, "h1").starts_with("Inscription : "));

    // Mistakes are explained in French, beside each field and in the summary.
    let csrf = Selector::parse("input[name=csrf_token]").expect("selector");
    let csrf = html.select(&csrf).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string();
    let post = |fields: Vec<(&'static str, &'static str)>| {
        let mut fields: Vec<(&str, String)> = fields.into_iter().map(|(k, v)| (k, v.to_string())).collect();
        fields.push(("csrf_token", csrf.clone()));
        app.client
            .post(app.url(&format!("/sessions/{id}/register")))
            .header("accept-language", "fr")
            .form(&fields)
            .send()
    };
    let res = post(vec![("name", ""), ("email", "awa.example.org"), ("organisation", "Ministère"), ("country", "ID")])
        .await
        .expect("sent");
    assert_eq!(res.status(), 422);
    let page = Html::parse_document(&res.text().await.expect("body"));
    let summary: Vec<String> = page
        .select(&Selector::parse(".error-summary li").expect("selector"))
        .map(|e| e.text().collect::<String>())
        .collect();
    assert_eq!(
        summary,
        [
            "Consentement : est nécessaire pour vous inscrire : nous en avons besoin pour traiter votre inscription",
            "Courriel : doit contenir @",
            "Nom complet : est obligatoire",
        ],
        "one line per field, by field key"
    );
    assert_eq!(text(&page, "#f-email-error"), "doit contenir @");
    assert_eq!(text(&page, ".error-summary h2"), "Veuillez corriger 3 champs");

    // A refusal, too.
    let fields = vec![
        ("name", "Awa Diop"),
        ("email", "awa@example.org"),
        ("organisation", "Ministère"),
        ("country", "ID"),
        ("consent", "yes"),
    ];
    assert_eq!(post(fields.clone()).await.expect("sent").status(), 303);
    let res = post(fields).await.expect("sent");
    assert_eq!(res.status(), 409);
    let page = Html::parse_document(&res.text().await.expect("body"));
    assert!(
        text(&page, ".error-summary p").starts_with("Cette adresse électronique est déjà inscrite à cette session."),
        "{}",
        text(&page, ".error-summary p")
    );
    // Who may take part, with the region's French name.
    let res = post(vec![
        ("name", "Awa Diop"),
        ("email", "awa.sn@example.org"),
        ("organisation", "Ministère"),
        ("country", "SN"),
        ("consent", "yes"),
    ])
    .await
    .expect("sent");
    assert_eq!(res.status(), 403);
    let page = Html::parse_document(&res.text().await.expect("body"));
    assert_eq!(text(&page, ".error-summary p"), "Cette session est réservée aux participants de : Asie du Sud-Est.");
    // The API keeps speaking English.
    let (status, body) = app.register(id, crate::common::participant("awa@example.org")).await;
    assert_eq!(status, 409);
    assert!(
        body["detail"].as_str().is_some_and(|d| d.starts_with("This email address is already registered")),
        "{body}"
    );
}

fn mail_to<'a>(mail: &'a [Received], address: &str) -> Vec<&'a Received> {
    mail.iter().filter(|m| m.to.iter().any(|t| t == address)).collect()
}

#[tokio::test]
async fn a_participant_who_registers_in_french_gets_french_emails_invites_and_feed() {
    let (app, sink) = app_with_sink().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let french = |req: reqwest::RequestBuilder| req.header("accept-language", "fr-SN,fr;q=0.9");

    // Through the form, in French: no language field, the page's language counts.
    let form = page_in(&app, &format!("/sessions/{id}/register"), "fr").await;
    let csrf = Selector::parse("input[name=csrf_token]").expect("selector");
    let csrf = form.select(&csrf).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string();
    let res = french(app.client.post(app.url(&format!("/sessions/{id}/register"))))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("name", "Awa Diop"),
            ("email", "awa@example.org"),
            ("organisation", "Ministère de la Santé"),
            ("country", "ID"),
            ("time_zone", "Asia/Makassar"),
            ("consent", "yes"),
        ])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().expect("ascii").to_string();
    let page = page_in(&app, &location, "fr").await;
    assert_eq!(text(&page, "h1"), "Votre inscription");
    assert!(text(&page, ".note").starts_with("Vous êtes inscrit."), "{}", text(&page, ".note"));
    assert_eq!(text(&page, "#status"), "Confirmée");
    assert_eq!(text(&page, "#time-participant"), "mar. 9 mars 2027, 16:00–17:30 Makassar (UTC+08:00)");

    // Through the API: named, taken from Accept-Language, or English.
    let (status, body) = app.register(id, with(participant("nadia@example.org"), json!({"language": "fr"}))).await;
    assert_eq!((status, body["language"].as_str()), (201, Some("fr")), "{body}");
    let res = french(app.client.post(app.url(&format!("/api/v1/sessions/{id}/registrations"))))
        .json(&participant("moussa@example.org"))
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 201);
    let moussa: serde_json::Value = res.json().await.expect("json");
    assert_eq!(moussa["language"], "fr");
    let (status, body) = app.register(id, participant("siti@example.org")).await;
    assert_eq!((status, body["language"].as_str()), (201, Some("en")));
    let (status, body) = app.register(id, with(participant("hans@example.org"), json!({"language": "de"}))).await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"]["language"], "must be one of: en, fr, ar, ru", "{body}");

    let mail = sink.wait_for(4, Duration::from_secs(15)).await;
    let awa = mail_to(&mail, "awa@example.org");
    assert_eq!(awa.len(), 1);
    assert_eq!(subject_of(awa[0]), "Inscription confirmée : Biosafety in diagnostic laboratories");
    let body = text_body(awa[0]);
    for expected in [
        "Bonjour Awa Diop,",
        "Votre inscription est confirmée.",
        // Makassar and Manila share UTC+08:00: one line, the long French date.
        "mardi 9 mars 2027, 16:00–17:30 à Makassar (UTC+08:00) — 16:00–17:30 à Manille (UTC+08:00)",
        "Lien du webinaire : https://meet.example.org/secret-room",
        "Page de la session : ",
        "Centres d’excellence CBRN de l’UE",
    ] {
        assert!(body.contains(expected), "missing {expected:?} in:\n{body}");
    }
    let html = awa[0].parsed().body_html(0).map(|h| h.into_owned()).unwrap_or_default();
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"), "{html}");
    let (_, ics) = calendar_part(awa[0]).expect("an invite");
    let invite = parse_ics(&ics);
    let description = prop(&invite.events[0], "DESCRIPTION").unwrap_or_default();
    assert!(description.contains("Votre inscription : http"), "{description}");
    assert!(description.contains("mardi 9 mars 2027"), "{description}");
    assert_eq!(
        subject_of(mail_to(&mail, "moussa@example.org")[0]),
        "Inscription confirmée : Biosafety in diagnostic laboratories"
    );
    let siti = mail_to(&mail, "siti@example.org");
    assert_eq!(subject_of(siti[0]), "Registration confirmed: Biosafety in diagnostic laboratories");
    assert!(text_body(siti[0]).starts_with("Dear Siti Rahma,"));

    // News about the session reaches each in their own language.
    let res = app
        .patch_json(
            &format!("/api/v1/sessions/{id}"),
            &json!({"starts_at": "2027-03-09T15:00", "ends_at": "2027-03-09T16:30"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let mail = sink.wait_for(8, Duration::from_secs(15)).await;
    let changed =
        |to: &str| mail_to(&mail, to).into_iter().map(subject_of).find(|s| !s.contains("confirm")).unwrap_or_default();
    assert_eq!(changed("awa@example.org"), "Session modifiée : Biosafety in diagnostic laboratories");
    assert_eq!(changed("siti@example.org"), "Session changed: Biosafety in diagnostic laboratories");

    // The personal feed speaks their language too.
    let feed = app.client.get(moussa["feed_url"].as_str().expect("feed url")).send().await.expect("sent");
    let feed = feed.text().await.expect("body");
    let cal = parse_ics(&feed);
    assert!(feed.contains("X-WR-CALNAME:Convene : mes sessions"), "{feed}");
    let description = prop(&cal.events[0], "DESCRIPTION").unwrap_or_default();
    // (The `ical` crate leaves the comma escaped.)
    assert!(
        description.contains("Quand : mar. 9 mars 2027") && description.contains("15:00–16:30 Manille"),
        "{description}"
    );
}

#[tokio::test]
async fn error_pages_speak_the_readers_language() {
    let app = spawn_app().await;
    let html = page_in(&app, "/sessions/9999", "fr-FR").await;
    assert_eq!(lang_of(&html), "fr");
    assert_eq!(text(&html, "h1"), "Page introuvable");
    assert!(text(&html, "p.meta").starts_with("Erreur 404."), "{}", text(&html, "p.meta"));
    let res = app.client.get(app.url("/no/such/page")).header("accept-language", "fr").send().await.expect("sent");
    assert_eq!(res.status(), 404);
    assert!(res.text().await.expect("body").contains("Page introuvable"));
    let english = Html::parse_document(&app.get("/sessions/9999").await.text().await.expect("body"));
    assert_eq!(text(&english, "h1"), "Page not found");
}

#[tokio::test]
async fn the_workspace_in_french() {
    const KEY: &str = "a server key of at least thirty-two characters";
    let app = crate::common::spawn_app_with(|s| s.secret_key = Some(convene::settings::Secret(KEY.into()))).await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    crate::common::create_admin(&app, "root@example.org", crate::admin::PASSWORD);
    assert_eq!(crate::admin::login(&app, "root@example.org", crate::admin::PASSWORD).await.status(), 303);
    // The switcher's choice holds in the workspace too.
    assert_eq!(app.get("/language?to=fr&back=/admin/sessions").await.status(), 303);
    let page = |path: String| {
        let app = &app;
        async move { Html::parse_document(&app.get(&path).await.text().await.expect("body")) }
    };

    let list = page("/admin/sessions".into()).await;
    assert_eq!(lang_of(&list), "fr");
    assert_eq!(text(&list, "#new-session"), "Nouvelle session");
    assert!(text(&list, "nav.admin-nav").contains("Planificateur"), "{}", text(&list, "nav.admin-nav"));
    assert!(list.html().contains(">publiée</span>"), "the status badge in French");

    let one = page(format!("/admin/sessions/{id}")).await;
    assert!(one.html().contains("0 confirmés sur 50 · 0 en attente · 0 à valider"), "{}", one.html());
    assert_eq!(text(&one, "#registrations"), "Inscriptions");

    // The session form, its errors in French, the zone's gap explained.
    let csrf = crate::workspace_sessions::token_on(&app, "/admin/sessions/new").await;
    let mut fields =
        crate::workspace_sessions::form(&csrf, "", "south-east-asia", "2027-03-28T02:30", "2027-03-28T03:30");
    fields.retain(|(k, _)| *k != "time_zone");
    fields.push(("time_zone", "Europe/Brussels"));
    let res = app.client.post(app.url("/admin/sessions/new")).form(&fields).send().await.expect("sent");
    assert_eq!(res.status(), 422);
    let html = Html::parse_document(&res.text().await.expect("body"));
    assert_eq!(text(&html, "label[for=s-title]"), "Titre");
    assert!(text(&html, ".error-summary h2").starts_with("Veuillez corriger"), "{}", text(&html, ".error-summary h2"));
    assert_eq!(text(&html, "#s-title-error"), "est obligatoire");
    assert!(
        text(&html, "#s-starts_at-error").starts_with(
            "2027-03-28 02:30 n’existe pas à Europe/Brussels : ce jour-là, les horloges sautent de 02:00 à 03:00"
        ),
        "{}",
        text(&html, "#s-starts_at-error")
    );

    // Notices after an action travel as catalogue ids, signed by the
    // server; free text in the address is not shown.
    let keys = convene::domain::secret::Keys::new(KEY.as_bytes());
    let done = convene::domain::message::Message::new("ws-done-queued", vec![("count", 3.into())]);
    let said = page(format!("/admin/sessions/{id}?{}", convene::web::admin::notice_query_with(&keys, &done))).await;
    assert_eq!(text(&said, "#notice"), "Courriel mis en file d’envoi pour 3 personnes.");
    let forged = page(format!("/admin/sessions/{id}?done=Call+%2B00+now")).await;
    assert_eq!(text(&forged, "#notice"), "");
    let csrf = crate::workspace_sessions::token_on(&app, "/admin/users").await;
    let res = app
        .client
        .post(app.url("/admin/users"))
        .form(&[("csrf_token", csrf.as_str()), ("email", "nobody"), ("role", "admin"), ("password", "x")])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 422);
    let users = Html::parse_document(&res.text().await.expect("body"));
    assert_eq!(text(&users, ".error-summary p"), "Courriel : doit contenir @.");

    // The planner: flags and dates in French.
    let plan =
        page("/admin/planner?date=2027-03-25&time=10:30&zone=Europe/Brussels&minutes=60&region=south-east-asia".into())
            .await;
    assert!(text(&plan, "#plan-title").contains("pays sur"), "{}", text(&plan, "#plan-title"));
    assert!(plan.html().contains("hors des heures de travail"));
    assert!(
        text(&plan, "table.planner td.time").starts_with("jeu. 25 mars"),
        "{}",
        text(&plan, "table.planner td.time")
    );
}

#[tokio::test]
async fn the_stylesheet_is_ready_for_right_to_left_languages() {
    // Physical sides would not mirror under <html dir="rtl">; logical ones do.
    let app = spawn_app().await;
    let css = app.get("/static/style.css").await.text().await.expect("body");
    let physical = ["margin-left", "margin-right", "padding-left", "padding-right", "border-left", "border-right"];
    for property in physical {
        assert!(!css.contains(property), "{property} in the stylesheet");
    }
    for (i, line) in css.lines().enumerate() {
        for rule in line.split([';', '{']) {
            let rule = rule.trim();
            assert!(
                !(rule.starts_with("left:")
                    || rule.starts_with("right:")
                    || rule == "text-align: left"
                    || rule == "text-align: right"),
                "line {}: {rule}",
                i + 1
            );
        }
    }
    let page = page_in(&app, "/", "fr").await;
    let html = Selector::parse("html").expect("selector");
    assert_eq!(page.select(&html).next().and_then(|e| e.value().attr("dir")), Some("ltr"));
}
