//! Public pages, parsed as HTML.

use crate::common::{manila_session, participant, spawn_app, with};
use scraper::{Html, Selector};
use serde_json::{Value, json};

fn text_of(html: &Html, selector: &str) -> Option<String> {
    let sel = Selector::parse(selector).ok()?;
    html.select(&sel).next().map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
}

fn all_text(html: &Html, selector: &str) -> Vec<String> {
    let Ok(sel) = Selector::parse(selector) else {
        return vec![];
    };
    html.select(&sel).map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

async fn page(app: &crate::common::TestApp, path: &str) -> (u16, Html) {
    let res = app.get(path).await;
    let status = res.status().as_u16();
    let body = res.text().await.expect("body");
    (status, Html::parse_document(&body))
}

#[tokio::test]
async fn the_session_page_shows_the_session_zone_and_the_viewers_zone_with_offsets() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let (status, html) = page(&app, &format!("/sessions/{id}?tz=Europe/Brussels")).await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&html, "h1").as_deref(), Some("Biosafety in diagnostic laboratories"));
    assert_eq!(text_of(&html, "#time-session").as_deref(), Some("Tue 9 Mar 2027, 16:00–17:30 Manila (UTC+08:00)"));
    assert_eq!(text_of(&html, "#time-viewer").as_deref(), Some("Tue 9 Mar 2027, 09:00–10:30 Brussels (UTC+01:00)"));

    // The choice is remembered by a cookie for the next page.
    let (_, html) = page(&app, &format!("/sessions/{id}")).await;
    assert_eq!(text_of(&html, "#time-viewer").as_deref(), Some("Tue 9 Mar 2027, 09:00–10:30 Brussels (UTC+01:00)"));
    let (_, home) = page(&app, "/").await;
    assert!(text_of(&home, "ul.sessions").is_some_and(|t| t.contains("09:00–10:30 Brussels (UTC+01:00)")));
}

#[tokio::test]
async fn without_a_choice_the_page_uses_the_session_zone_and_asks_the_browser() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let res = app.get(&format!("/sessions/{id}")).await;
    let body = res.text().await.expect("body");
    let html = Html::parse_document(&body);
    assert!(text_of(&html, "#time-viewer").is_none(), "no second zone when the viewer's is the session's");
    assert!(body.contains("data-tz-source=\"default\""));
    assert!(body.contains("<script src=\"/static/zone.js\" defer></script>"));
    let script = app.get("/static/zone.js").await.text().await.expect("script");
    assert!(script.contains("resolvedOptions().timeZone"));
    // A zone that does not exist is ignored, not an error.
    let (status, html) = page(&app, &format!("/sessions/{id}?tz=Not/AZone")).await;
    assert_eq!(status, 200);
    assert!(text_of(&html, "#time-viewer").is_none());
}

#[tokio::test]
async fn a_different_date_in_the_viewers_zone_is_marked() {
    let app = spawn_app().await;
    let id = app
        .create_session(with(manila_session(), json!({"starts_at": "2027-03-09T06:00", "ends_at": "2027-03-09T07:00"})))
        .await["id"]
        .as_i64()
        .expect("id");
    let (_, html) = page(&app, &format!("/sessions/{id}?tz=Europe/Brussels")).await;
    let viewer = text_of(&html, "#time-viewer").expect("viewer time");
    assert!(viewer.starts_with("Mon 8 Mar 2027, 23:00–Tue 9 Mar 2027, 00:00 Brussels (UTC+01:00)"), "{viewer}");
    assert!(viewer.ends_with("−1 day"), "{viewer}");
}

#[tokio::test]
async fn the_local_times_table_covers_the_eligible_zones() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let (_, html) = page(&app, &format!("/sessions/{id}")).await;
    let rows = all_text(&html, "table tbody tr");
    let yangon = rows.iter().find(|r| r.contains("Yangon")).expect("Myanmar's zone");
    assert!(
        yangon.contains("Tue 9 Mar 2027, 14:30–16:00") && yangon.contains("UTC+06:30") && yangon.contains("Myanmar"),
        "{yangon}"
    );
    let jayapura = rows.iter().find(|r| r.contains("Jayapura")).expect("eastern Indonesia");
    assert!(jayapura.contains("17:00–18:30") && jayapura.contains("UTC+09:00"), "{jayapura}");
    assert!(!rows.iter().any(|r| r.contains("Brussels")), "Belgium is not eligible for a SEA session: {rows:?}");
}

#[tokio::test]
async fn drafts_unknown_pages_and_secrets_stay_hidden() {
    let app = spawn_app().await;
    let draft =
        app.create_session(with(manila_session(), json!({"status": "draft"}))).await["id"].as_i64().expect("id");
    let (status, html) = page(&app, &format!("/sessions/{draft}")).await;
    assert_eq!(status, 404);
    assert_eq!(text_of(&html, "h1").as_deref(), Some("Page not found"));
    for path in ["/sessions/999999", "/sessions/x", "/no/such/page"] {
        let (status, _) = page(&app, path).await;
        assert_eq!(status, 404, "{path}");
    }
    let published = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let body = app.get(&format!("/sessions/{published}")).await.text().await.expect("body");
    assert!(!body.contains("secret-room"), "the webinar link must not be on the public page");
    let (_, home) = page(&app, "/").await;
    let titles = all_text(&home, "ul.sessions h2");
    assert_eq!(titles, vec!["Biosafety in diagnostic laboratories".to_string()], "the draft is not listed");
}

#[tokio::test]
async fn an_error_page_sits_in_the_sites_frame_with_its_zone_picker_and_languages() {
    let app = spawn_app().await;
    for path in ["/sessions/999999", "/sessions/x", "/no/such/page"] {
        let (status, html) = page(&app, path).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(text_of(&html, "main h1").as_deref(), Some("Page not found"), "{path}");
        assert!(text_of(&html, "a.skip").is_some(), "{path}: no skip link");
        assert!(text_of(&html, "header.site select#tz option").is_some(), "{path}: no zone picker");
        assert_eq!(
            all_text(&html, "nav.languages a"),
            ["English", "Français", "العربية", "Русский"],
            "{path}: no language switcher"
        );
        assert!(text_of(&html, "footer").is_some_and(|f| f.contains("Privacy")), "{path}: no footer");
        assert_eq!(text_of(&html, "title").as_deref(), Some("Page not found · Convene"));
    }
}

#[tokio::test]
async fn user_text_is_escaped() {
    let app = spawn_app().await;
    let id = app
        .create_session(with(
            manila_session(),
            json!({"title": "<script>alert('x')</script> & co", "description": "<img src=x onerror=alert(1)>"}),
        ))
        .await["id"]
        .as_i64()
        .expect("id");
    let body = app.get(&format!("/sessions/{id}")).await.text().await.expect("body");
    assert!(!body.contains("<script>alert"), "title not escaped");
    assert!(!body.contains("<img src=x"), "description not escaped");
    // Escaped, not stripped: the browser shows exactly what was typed.
    let html = Html::parse_document(&body);
    assert_eq!(text_of(&html, "h1").as_deref(), Some("<script>alert('x')</script> & co"));
}

#[tokio::test]
async fn the_home_page_filters_by_topic_and_region() {
    let app = spawn_app().await;
    app.create_session(manila_session()).await;
    app.create_session(with(
        manila_session(),
        json!({"title": "Forensics for all", "regions": [], "topics": ["forensics"]}),
    ))
    .await;
    app.create_session(with(manila_session(), json!({"title": "Tashkent training", "regions": ["central-asia"], "topics": ["border-control"], "format": "in_person"}))).await;
    let titles = |html: &Html| all_text(html, "ul.sessions h2");
    let (_, html) = page(&app, "/?topic=forensics").await;
    assert_eq!(titles(&html), vec!["Forensics for all"]);
    let (_, html) = page(&app, "/?region=central-asia").await;
    let mut got = titles(&html);
    got.sort();
    assert_eq!(got, vec!["Forensics for all", "Tashkent training"]);
    let (_, html) = page(&app, "/?format=in_person").await;
    assert_eq!(titles(&html), vec!["Tashkent training"]);
    let (_, html) = page(&app, "/?country=ph").await;
    assert_eq!(titles(&html).len(), 2);
    // every filter control has a label
    let labels = all_text(&html, "form.filters label");
    assert_eq!(labels.len(), 5, "words, region, country, topic, format");
}

#[tokio::test]
async fn the_home_page_pages_by_key_both_ways_and_old_page_links_still_work() {
    let app = spawn_app().await;
    for day in 1..=45 {
        // Two sessions share a start, so the order falls to the id.
        let (d, h) = (day.min(28), if day > 28 { 9 } else { 10 });
        app.create_session(with(
            manila_session(),
            json!({"title": format!("Session {day:02}"), "starts_at": format!("2027-05-{d:02}T{h:02}:00"), "ends_at": format!("2027-05-{d:02}T{:02}:00", h + 1)}),
        ))
        .await;
    }
    let link = |html: &Html, rel: &str| {
        let sel = Selector::parse(&format!("a[rel={rel}]")).expect("selector");
        html.select(&sel).next().and_then(|a| a.value().attr("href")).map(str::to_string)
    };
    let (_, first) = page(&app, "/").await;
    let page1 = all_text(&first, "ul.sessions h2");
    assert_eq!(page1.len(), 20);
    assert_eq!(link(&first, "prev"), None);
    let next = link(&first, "next").expect("a next link");
    assert!(next.contains("after=") && next.contains("page=2"), "{next}");
    let (_, second) = page(&app, &next).await;
    let page2 = all_text(&second, "ul.sessions h2");
    assert_eq!(page2.len(), 20);
    assert!(page2.iter().all(|t| !page1.contains(t)), "no session twice: {page1:?} {page2:?}");
    assert!(all_text(&second, "nav.pager span").iter().any(|t| t.contains('2')), "it says page 2");
    assert_eq!(link(&second, "prev").as_deref(), Some("/"), "page 2's previous page is the first page");
    let (_, third) = page(&app, &link(&second, "next").expect("a next link")).await;
    let page3 = all_text(&third, "ul.sessions h2");
    assert_eq!(page3.len(), 5);
    assert_eq!(link(&third, "next"), None, "the last page has no next");
    let back = link(&third, "prev").expect("a previous link");
    assert!(back.contains("before="), "{back}");
    let (_, again) = page(&app, &back).await;
    assert_eq!(all_text(&again, "ul.sessions h2"), page2, "back gives the same page 2");
    // Bookmarks made before cursors: ?page=N still counts pages.
    let (_, old) = page(&app, "/?page=3").await;
    assert_eq!(all_text(&old, "ul.sessions h2"), page3);
    // A cursor at a session that is gone, or nonsense, gives the first page.
    let (status, gone) = page(&app, "/?after=999999").await;
    assert_eq!(status, 200);
    assert_eq!(all_text(&gone, "ul.sessions h2"), page1);
    let (status, _) = page(&app, "/?after=x&before=-1").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_cached_page_shows_this_instances_changes_at_once_and_another_instances_within_seconds() {
    let app = spawn_app().await;
    let id = app.create_session(with(manila_session(), json!({"capacity": 50}))).await["id"].as_i64().expect("id");
    let path = format!("/sessions/{id}");
    let seats = |body: &str| body.contains("50 of 50 left");
    let first = app.get(&path).await.text().await.expect("body");
    assert!(first.contains("Biosafety in diagnostic laboratories"));
    // Each reader's own zone and language: no reader is served another's page.
    let manila = app.get(&format!("{path}?tz=Asia/Manila")).await.text().await.expect("body");
    let brussels = app.get(&format!("{path}?tz=Europe/Brussels")).await.text().await.expect("body");
    assert!(brussels.contains("09:00") && !manila.contains("Brussels (UTC+01:00)"), "two zones, two pages");
    let french = app
        .client
        .get(app.url(&path))
        .header("Accept-Language", "fr")
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .expect("body");
    assert!(french.contains("lang=\"fr\""));
    // This instance's own write shows on the next request.
    let before = app.get(&path).await.text().await.expect("body");
    assert!(seats(&before), "all seats free first");
    assert_eq!(app.register(id, crate::common::participant("one@example.org")).await.0, 201);
    let after = app.get(&path).await.text().await.expect("body");
    assert!(!seats(&after), "a seat is taken at once");
    // A change nobody announced is not seen: the page is served from memory…
    // (The count of this process's writes is shared by every test app in
    // this process, so another test's write may refresh the page between
    // the two lines; a cache that works is seen serving from memory within
    // a few tries, one that never does fails every time.)
    let mut from_memory = false;
    for n in 0..10 {
        crate::common::run_sql(&app, &format!("UPDATE sessions SET title = 'Unannounced {n}' WHERE id = {id}"));
        if !app.get(&path).await.text().await.expect("body").contains(&format!("Unannounced {n}")) {
            from_memory = true;
            break;
        }
    }
    assert!(from_memory, "served from memory");
    crate::common::run_sql(&app, &format!("UPDATE sessions SET title = 'Renamed elsewhere' WHERE id = {id}"));
    // …and another instance's write (its change counter) shows within seconds.
    crate::common::run_sql(&app, "BUMP_CHANGE_COUNTER");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        if app.get(&path).await.text().await.expect("body").contains("Renamed elsewhere") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "another instance's change never showed");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn list_entries_say_seats_and_deadline_in_the_readers_time_offer_register_and_search_finds_words_without_accents()
{
    let app = spawn_app().await;
    let id_of = |v: Value| v["id"].as_i64().expect("id");
    let open = id_of(
        app.create_session(with(
            manila_session(),
            json!({"capacity": 40, "registration_closes_at": "2027-03-08T09:00:00Z"}),
        ))
        .await,
    );
    let full = id_of(
        app.create_session(with(
            manila_session(),
            json!({"title": "Sécurité nucléaire", "summary": "Pour les laboratoires", "capacity": 1, "waitlist": false}),
        ))
        .await,
    );
    let waiting = id_of(
        app.create_session(with(manila_session(), json!({"title": "Export control clinic", "capacity": 1}))).await,
    );
    app.create_session(with(
        manila_session(),
        json!({"title": "Nominated course", "participation": "nomination", "regions": []}),
    ))
    .await;
    assert_eq!(app.register(full, participant("a@example.org")).await.0, 201);
    assert_eq!(app.register(waiting, participant("b@example.org")).await.0, 201);

    let (_, html) = page(&app, "/?tz=Asia/Jakarta").await;
    let entry = |title: &str| {
        let sel = Selector::parse("ul.sessions > li").expect("selector");
        html.select(&sel)
            .find(|li| li.text().collect::<String>().contains(title))
            .map(|li| Html::parse_fragment(&li.html()))
            .unwrap_or_else(|| panic!("no entry {title}"))
    };
    let first = entry("Biosafety in diagnostic laboratories");
    // 09:00 UTC is 16:00 in Jakarta.
    assert_eq!(
        text_of(&first, ".availability").as_deref(),
        Some("40 of 40 left · Registration closes Mon 8 Mar 2027, 16:00 Jakarta (UTC+07:00)")
    );
    let register = Selector::parse(".card-action a").expect("selector");
    assert_eq!(
        first.select(&register).next().and_then(|a| a.value().attr("href")),
        Some(format!("/sessions/{open}/register").as_str())
    );
    let no_room = entry("Sécurité nucléaire");
    assert_eq!(text_of(&no_room, ".availability").as_deref(), Some("Full"));
    assert!(no_room.select(&register).next().is_none(), "no Register button when nothing can be taken");
    let queue = entry("Export control clinic");
    assert_eq!(text_of(&queue, ".availability").as_deref(), Some("Full: register to join the waiting list"));
    assert!(queue.select(&register).next().is_some());
    let nominated = entry("Nominated course");
    assert!(nominated.select(&register).next().is_none());
    assert_eq!(
        text_of(&nominated, ".closed").as_deref(),
        Some("Places by nomination of each country's National Focal Point")
    );

    // Words: any case, with or without accents; LIKE's own characters are only text.
    let titles = |html: &Html| all_text(html, "ul.sessions h2");
    assert_eq!(titles(&page(&app, "/?q=SECURITE").await.1), ["Sécurité nucléaire"]);
    assert_eq!(titles(&page(&app, "/?q=laboratoires+nucléaire").await.1), ["Sécurité nucléaire"], "every word");
    assert_eq!(titles(&page(&app, "/?q=clinic").await.1), ["Export control clinic"]);
    let (status, html) = page(&app, "/?q=%25_").await;
    assert_eq!(status, 200);
    assert!(titles(&html).is_empty());
    assert!(
        text_of(&html, "main p#empty").is_some_and(|t| t.starts_with("No upcoming sessions match these filters.")),
        "{:?}",
        text_of(&html, "main p#empty")
    );
    let (_, html) = page(&app, "/?q=clinic").await;
    let sel = Selector::parse("#f-q").expect("selector");
    assert_eq!(html.select(&sel).next().and_then(|e| e.value().attr("value")), Some("clinic"), "the words stay");
}

#[tokio::test]
async fn the_archive_lists_sessions_held_latest_first_and_the_home_page_only_what_is_to_come() {
    let app = spawn_app().await;
    let mut ids = Vec::new();
    for title in ["Held in January", "Held in February", "Still to come"] {
        ids.push(app.create_session(with(manila_session(), json!({"title": title}))).await["id"].as_i64().expect("id"));
    }
    crate::common::run_sql(
        &app,
        &format!(
            "UPDATE sessions SET starts_at = '2026-01-10 08:00:00', ends_at = '2026-01-10 09:00:00' WHERE id = {};
             UPDATE sessions SET starts_at = '2026-02-10 08:00:00', ends_at = '2026-02-10 09:00:00' WHERE id = {};",
            ids[0], ids[1]
        ),
    );
    let titles = |html: &Html| all_text(html, "ul.sessions h2");
    assert_eq!(titles(&page(&app, "/").await.1), ["Still to come"]);
    let (status, html) = page(&app, "/archive").await;
    assert_eq!(status, 200);
    assert_eq!(titles(&html), ["Held in February", "Held in January"], "latest first");
    assert_eq!(text_of(&html, "h1").as_deref(), Some("Past sessions"));
    assert!(all_text(&html, "ul.sessions .card-action").is_empty(), "nothing to register for");
    assert_eq!(titles(&page(&app, "/archive?q=january").await.1), ["Held in January"]);
    let res = app.client.get(app.url("/")).header("accept-language", "fr").send().await.expect("sent");
    let html = Html::parse_document(&res.text().await.expect("body"));
    assert_eq!(text_of(&html, "#to-archive").as_deref(), Some("Sessions passées (archives)"));
}

#[tokio::test]
async fn an_empty_list_says_what_to_do_next() {
    let app = spawn_app().await;
    let links = |html: &Html| -> Vec<String> {
        let sel = Selector::parse("#empty a").expect("selector");
        html.select(&sel).filter_map(|a| a.value().attr("href")).map(str::to_string).collect()
    };
    let page = Html::parse_document(&app.get("/").await.text().await.expect("body"));
    assert!(text_of(&page, "#empty").is_some_and(|t| t.starts_with("No upcoming sessions.")));
    assert_eq!(links(&page), ["/feeds"], "nothing yet: a feed brings the next ones");
    app.create_session(manila_session()).await;
    let page = Html::parse_document(&app.get("/?q=nothing-matches-this").await.text().await.expect("body"));
    assert!(text_of(&page, "#empty").is_some_and(|t| t.contains("match these filters")));
    assert_eq!(links(&page), ["/", "/archive"], "clear the filters, or look among the sessions held");
    let page = Html::parse_document(&app.get("/archive").await.text().await.expect("body"));
    assert_eq!(links(&page), ["/"], "nothing held yet: the sessions to come");
}
