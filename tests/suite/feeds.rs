//! iCal feeds, read with an independent parser (the `ical` crate).

use crate::common::{TestApp, manila_session, participant, spawn_app, spawn_app_with, token_of, with};
use crate::email::{parse_ics, prop};
use serde_json::json;

async fn feed(app: &TestApp, path: &str) -> (reqwest::StatusCode, reqwest::header::HeaderMap, String) {
    let res = app.get(path).await;
    (res.status(), res.headers().clone(), res.text().await.expect("body"))
}

fn uids(text: &str) -> Vec<String> {
    let mut u: Vec<String> = parse_ics(text).events.iter().filter_map(|e| prop(e, "UID")).collect();
    u.sort();
    u
}

fn summaries(text: &str) -> Vec<String> {
    let mut s: Vec<String> =
        parse_ics(text).events.iter().filter_map(|e| prop(e, "SUMMARY")).map(|s| unescape(&s)).collect();
    s.sort();
    s
}

/// RFC 5545 §3.3.11 TEXT unescaping (the `ical` crate unfolds but leaves
/// values escaped).
fn unescape(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[tokio::test]
async fn the_all_feed_parses_with_stable_uids_and_utc_instants() {
    let app = spawn_app().await;
    let a = app.create_session(manila_session()).await;
    app.create_session(with(manila_session(), json!({"title": "Second", "time_zone": "Europe/Brussels", "starts_at": "2027-07-01T10:00", "ends_at": "2027-07-01T12:00"}))).await;
    app.create_session(with(manila_session(), json!({"title": "Draft", "status": "draft"}))).await;
    let (status, headers, text) = feed(&app, "/feeds/all.ics").await;
    assert_eq!(status, 200);
    assert_eq!(headers["content-type"], "text/calendar; charset=utf-8");
    assert!(headers.contains_key("etag") && headers.contains_key("last-modified"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "a line longer than 75 octets: {line:?}");
    }
    let ics = parse_ics(&text);
    assert_eq!(ics.method.as_deref(), Some("PUBLISH"));
    assert!(
        text.contains("X-WR-CALNAME:Convene: all sessions")
            && text.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H")
            && text.contains("X-PUBLISHED-TTL:PT1H")
    );
    assert_eq!(ics.events.len(), 2, "drafts are not in feeds");
    let first = ics
        .events
        .iter()
        .find(|e| prop(e, "SUMMARY").as_deref() == Some("Biosafety in diagnostic laboratories"))
        .expect("event");
    assert_eq!(prop(first, "DTSTART").as_deref(), Some("20270309T080000Z"));
    assert_eq!(prop(first, "UID"), Some(format!("session-{}@{}", a["id"], app.address.trim_start_matches("http://"))));
    assert_eq!(prop(first, "STATUS").as_deref(), Some("CONFIRMED"));
    assert_eq!(prop(first, "CATEGORIES").as_deref(), Some("Biosafety"));
    assert!(
        prop(first, "DESCRIPTION")
            .is_some_and(|d| unescape(&d).contains("When: Tue 9 Mar 2027, 16:00–17:30 Manila (UTC+08:00)"))
    );
    assert!(!text.contains("secret-room"), "no webinar link in public feeds");
    for p in ["DTSTAMP", "CREATED", "LAST-MODIFIED", "URL", "SEQUENCE"] {
        assert!(prop(first, p).is_some(), "{p} missing");
    }
    let (_, _, again) = feed(&app, "/feeds/all.ics").await;
    assert_eq!(again, text, "the same data gives the same bytes");
}

#[tokio::test]
async fn edits_and_cancellations_reach_the_feed_at_once() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let (_, headers, before) = feed(&app, "/feeds/all.ics").await;
    let etag = headers["etag"].to_str().expect("ascii").to_string();
    let res = app.client.get(app.url("/feeds/all.ics")).header("If-None-Match", &etag).send().await.expect("sent");
    assert_eq!(res.status(), 304);
    assert!(res.text().await.expect("body").is_empty());
    let last_modified = headers["last-modified"].to_str().expect("ascii").to_string();
    let res = app
        .client
        .get(app.url("/feeds/all.ics"))
        .header("If-Modified-Since", &last_modified)
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 304);

    app.patch_json(
        &format!("/api/v1/sessions/{id}"),
        &json!({"starts_at": "2027-03-09T17:00", "ends_at": "2027-03-09T18:00"}),
    )
    .await;
    let res = app.client.get(app.url("/feeds/all.ics")).header("If-None-Match", &etag).send().await.expect("sent");
    assert_eq!(res.status(), 200, "a change is served at once");
    let moved = res.text().await.expect("body");
    assert_ne!(moved, before);
    let e = &parse_ics(&moved).events[0];
    assert_eq!(prop(e, "SEQUENCE").as_deref(), Some("1"));
    assert_eq!(prop(e, "DTSTART").as_deref(), Some("20270309T090000Z"));
    assert_eq!(uids(&moved), uids(&before));

    app.post_json(&format!("/api/v1/sessions/{id}/cancel"), &json!({})).await;
    let (_, _, cancelled) = feed(&app, "/feeds/all.ics").await;
    let e = &parse_ics(&cancelled).events[0];
    assert_eq!(prop(e, "STATUS").as_deref(), Some("CANCELLED"), "cancelled sessions stay, marked");
    assert_eq!(prop(e, "SEQUENCE").as_deref(), Some("2"));
}

#[tokio::test]
async fn region_country_and_topic_feeds_hold_exactly_their_sessions() {
    let app = spawn_app().await;
    app.create_session(with(manila_session(), json!({"title": "SEA only"}))).await;
    app.create_session(with(manila_session(), json!({"title": "Open to all", "regions": [], "topics": ["forensics"]})))
        .await;
    app.create_session(with(
        manila_session(),
        json!({"title": "Morocco only", "regions": [], "countries": ["MA"], "topics": []}),
    ))
    .await;
    let check = |path: &'static str, expected: &'static [&'static str]| {
        let app = &app;
        async move {
            let (status, _, text) = feed(app, path).await;
            assert_eq!(status, 200, "{path}");
            assert_eq!(summaries(&text), expected, "{path}");
        }
    };
    check("/feeds/regions/south-east-asia.ics", &["Open to all", "SEA only"]).await;
    check("/feeds/regions/north-africa-sahel.ics", &["Morocco only", "Open to all"]).await;
    check("/feeds/regions/african-atlantic-facade.ics", &["Morocco only", "Open to all"]).await;
    check("/feeds/countries/ma.ics", &["Morocco only", "Open to all"]).await;
    check("/feeds/countries/TH.ics", &["Open to all", "SEA only"]).await;
    check("/feeds/topics/forensics.ics", &["Open to all"]).await;
    check("/feeds/topics/biosafety.ics", &["SEA only"]).await;
    for path in [
        "/feeds/regions/atlantis.ics",
        "/feeds/countries/XX.ics",
        "/feeds/topics/astrology.ics",
        "/feeds/series/999.ics",
        "/feeds/regions/south-east-asia",
    ] {
        assert_eq!(app.get(path).await.status(), 404, "{path}");
    }
}

#[tokio::test]
async fn a_registrations_feed_holds_only_its_own_session_and_can_be_revoked() {
    let app = spawn_app().await;
    let one = app.create_session(with(manila_session(), json!({"title": "One"}))).await["id"].as_i64().expect("id");
    let two = app.create_session(with(manila_session(), json!({"title": "Two", "capacity": 1}))).await["id"]
        .as_i64()
        .expect("id");
    let three = app.create_session(with(manila_session(), json!({"title": "Three"}))).await["id"].as_i64().expect("id");
    let (_, mine) = app.register(one, participant("me@example.org")).await;
    app.register(two, participant("someone@example.org")).await;
    let (_, waiting) = app.register(two, participant("me@example.org")).await; // waitlisted
    app.register(three, participant("other@example.org")).await;
    let path = mine["feed_url"].as_str().expect("url").replace(&app.address, "");
    let (status, headers, text) = feed(&app, &path).await;
    assert_eq!(status, 200);
    assert!(headers["cache-control"].to_str().expect("ascii").starts_with("private"));
    assert_eq!(summaries(&text), ["One"], "this registration's session only, not the address's others");
    assert!(text.contains("secret-room"), "confirmed participants get the webinar link in their own feed");
    let (_, _, other) = feed(&app, &waiting["feed_url"].as_str().expect("url").replace(&app.address, "")).await;
    assert_eq!(summaries(&other), ["Two (on the waiting list)"]);
    assert!(!other.contains("secret-room"), "no webinar link while waiting");

    app.post_public(&format!("/api/v1/registrations/{}/cancel", token_of(&mine["manage_url"])), &json!({})).await;
    let (_, _, after) = feed(&app, &path).await;
    let one_event = parse_ics(&after)
        .events
        .into_iter()
        .find(|e| prop(e, "SUMMARY").as_deref() == Some("One"))
        .expect("still listed");
    assert_eq!(prop(&one_event, "STATUS").as_deref(), Some("CANCELLED"), "a withdrawal removes it from the calendar");
    assert_eq!(prop(&one_event, "SEQUENCE").as_deref(), Some("1"));

    // A new address revokes the old one.
    let manage = mine["manage_url"].as_str().expect("url").replace(&app.address, "");
    let page = scraper::Html::parse_document(&app.get(&manage).await.text().await.expect("body"));
    let sel = scraper::Selector::parse("form[action$='/feed'] input[name=csrf_token]").expect("selector");
    let csrf = page.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string();
    app.client
        .post(app.url(&format!("{manage}/feed")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .expect("sent");
    assert_eq!(app.get(&path).await.status(), 404, "the old feed address no longer works");
    assert_eq!(app.get("/feeds/personal/f_nonsense.ics").await.status(), 404);
}

#[tokio::test]
async fn feeds_are_gzipped_when_the_client_accepts_it() {
    let app = spawn_app().await;
    app.create_session(manila_session()).await;
    let res = app.client.get(app.url("/feeds/all.ics")).header("Accept-Encoding", "gzip").send().await.expect("sent");
    assert_eq!(res.headers()["content-encoding"], "gzip");
    let bytes = res.bytes().await.expect("body");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut text).expect("valid gzip");
    assert_eq!(parse_ics(&text).events.len(), 1);
}

#[tokio::test]
async fn a_change_through_one_instance_reaches_the_feed_of_another() {
    let a = spawn_app().await;
    let db = a.database_url.clone();
    let b = spawn_app_with(move |s| s.database_url = db).await;
    a.create_session(manila_session()).await;
    let (_, _, first) = feed(&b, "/feeds/all.ics").await;
    assert_eq!(parse_ics(&first).events.len(), 1);
    a.create_session(with(manila_session(), json!({"title": "Another"}))).await;
    let (_, _, second) = feed(&b, "/feeds/all.ics").await;
    assert_eq!(parse_ics(&second).events.len(), 2, "the other instance's cache was invalidated");
}

#[tokio::test]
async fn titles_in_every_script_survive_the_round_trip_byte_for_byte() {
    let app = spawn_app().await;
    let titles = [
        "การฝึกอบรมความปลอดภัยทางชีวภาพ, ภาค ๑; ครั้งที่ ๒",
        "An toàn sinh học: hội thảo trực tuyến \\ phần 1",
        "الأمن البيولوجي والسلامة الكيميائية، جلسة عبر الإنترنت",
        "Biosecurity 🧪🦠 drill; “quotes”, commas, and a very long title that will certainly need folding past seventy-five octets",
    ];
    for t in titles {
        app.create_session(with(
            manila_session(),
            json!({"title": t, "description": format!("{t}\nSecond line; with, punctuation \\ and more")}),
        ))
        .await;
    }
    let (_, _, text) = feed(&app, "/feeds/all.ics").await;
    let ics = parse_ics(&text);
    let mut got: Vec<String> = ics.events.iter().filter_map(|e| prop(e, "SUMMARY")).map(|s| unescape(&s)).collect();
    got.sort();
    let mut want: Vec<String> = titles.iter().map(|t| t.to_string()).collect();
    want.sort();
    assert_eq!(got, want);
    for e in &ics.events {
        let title = unescape(&prop(e, "SUMMARY").expect("summary"));
        let description = unescape(&prop(e, "DESCRIPTION").expect("description"));
        let expected = format!("For laboratory staff.\n\n{title}\nSecond line; with, punctuation \\ and more");
        assert!(description.starts_with(&expected), "{description:?} does not start with {expected:?}");
    }
}

/// A generated property test of the writer itself: random text with the
/// characters that need escaping, multi-byte characters and long runs
/// comes back exactly through an independent parser.
#[test]
fn escaping_and_folding_round_trip_for_generated_text() {
    let alphabet: Vec<char> =
        "abcXYZ 019,;:\\\"'\n\u{e9}\u{0e01}\u{0627}\u{4e2d}\u{1f9ea}\u{1f600}-_/".chars().collect();
    let mut seed: u64 = 0x2026_c0de;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let stamp = chrono::DateTime::parse_from_rfc3339("2027-01-01T00:00:00Z").expect("date").to_utc();
    for case in 0..300 {
        let len = (next() % 200) as usize;
        // Stored text is trimmed (the domain trims every field), so the
        // generator produces what the service can hold. The `ical` crate
        // drops a value's leading ':' (Python's icalendar reads it
        // correctly), so generated text does not start with one.
        let text: String = (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect::<String>();
        let text = text.trim().trim_start_matches(':').trim().to_string();
        let event = convene::calendar::Event {
            uid: format!("case-{case}@test"),
            sequence: 0,
            cancelled: false,
            summary: text.clone(),
            description: text.clone(),
            location: text.replace('\n', " "),
            url: String::new(),
            start: stamp,
            end: stamp + chrono::Duration::hours(1),
            created: stamp,
            last_modified: stamp,
            categories: vec![],
            organizer: None,
            attendee: None,
            local: None,
        };
        let out = convene::calendar::calendar(convene::calendar::Method::Publish, None, &[event], stamp);
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "case {case}: line of {} octets", line.len());
        }
        assert!(!out.replace("\r\n", "").contains(['\r', '\n']), "case {case}: a bare line break");
        let ics = parse_ics(&out);
        let e = &ics.events[0];
        assert_eq!(unescape(&prop(e, "SUMMARY").unwrap_or_default()), text, "case {case}");
        assert_eq!(unescape(&prop(e, "DESCRIPTION").unwrap_or_default()), text, "case {case}");
    }
}

#[tokio::test]
async fn a_session_invite_downloads_without_the_webinar_link() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let (status, headers, text) = feed(&app, &format!("/sessions/{id}/invite.ics")).await;
    assert_eq!(status, 200);
    assert!(headers["content-disposition"].to_str().expect("ascii").contains(".ics"));
    assert!(!text.contains("secret-room"));
    assert_eq!(prop(&parse_ics(&text).events[0], "DTSTART").as_deref(), Some("20270309T080000Z"));
    let (_, mine) = app.register(id, participant("me@example.org")).await;
    let manage = mine["manage_url"].as_str().expect("url").replace(&app.address, "");
    let (status, _, personal) = feed(&app, &format!("{manage}/invite.ics")).await;
    assert_eq!(status, 200);
    assert!(personal.contains("secret-room"), "the participant's own invite has the link");
    let draft =
        app.create_session(with(manila_session(), json!({"status": "draft"}))).await["id"].as_i64().expect("id");
    assert_eq!(app.get(&format!("/sessions/{draft}/invite.ics")).await.status(), 404);
}

#[tokio::test]
async fn pages_offer_webcal_and_https_links_to_feeds_that_parse() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    for page in [format!("/sessions/{id}"), "/?region=south-east-asia".to_string(), "/feeds".to_string()] {
        let html = scraper::Html::parse_document(&app.get(&page).await.text().await.expect("body"));
        let sel = scraper::Selector::parse("li.feed a").expect("selector");
        let links: Vec<String> = html.select(&sel).filter_map(|a| a.value().attr("href")).map(String::from).collect();
        let webcal = links
            .iter()
            .find(|l| l.starts_with("webcal://"))
            .unwrap_or_else(|| panic!("{page}: no webcal link in {links:?}"));
        let https = links
            .iter()
            .find(|l| l.starts_with(&app.address) && l.ends_with(".ics"))
            .unwrap_or_else(|| panic!("{page}: no feed address"));
        assert_eq!(webcal.trim_start_matches("webcal://"), https.trim_start_matches("http://"));
        assert!(
            links.iter().any(|l| l.starts_with("https://calendar.google.com/") && l.contains("webcal%3A%2F%2F")),
            "{page}: Google link"
        );
        assert!(links.iter().any(|l| l.starts_with("https://outlook.live.com/")), "{page}: Outlook link");
        let (status, _, text) = feed(&app, &https.replace(&app.address, "")).await;
        assert_eq!(status, 200, "{https}");
        assert!(!parse_ics(&text).events.is_empty(), "{https} holds the session");
    }
}

#[tokio::test]
async fn a_feed_read_cold_in_parts_lists_every_session_in_start_order_as_a_warm_one_does() {
    let app = spawn_app().await;
    // Ids rise while starts fall: parts read by id must be put back in
    // the order of their starts.
    let mut ids = Vec::new();
    for day in (1..=9).rev() {
        let s = app
            .create_session(with(
                manila_session(),
                json!({"title": format!("Day {day}"), "starts_at": format!("2027-05-0{day}T10:00"),
                       "ends_at": format!("2027-05-0{day}T11:00")}),
            ))
            .await;
        ids.push(s["id"].as_i64().expect("id"));
    }
    let starts =
        |text: &str| -> Vec<String> { parse_ics(text).events.iter().filter_map(|e| prop(e, "DTSTART")).collect() };
    // Nothing is rendered in French yet: this is the cold path.
    let (status, _, cold) = feed(&app, "/feeds/all.ics?lang=fr").await;
    assert_eq!(status, 200);
    let cold_starts = starts(&cold);
    assert_eq!(cold_starts.len(), 9, "every session once");
    let mut sorted = cold_starts.clone();
    sorted.sort();
    assert_eq!(cold_starts, sorted, "in the order of their starts");
    // One change: the warm path reads the stamps and the one row again.
    let res = app.patch_json(&format!("/api/v1/sessions/{}", ids[4]), &json!({"title": "Day 5, moved on"})).await;
    assert_eq!(res.status(), 200);
    let (_, _, warm) = feed(&app, "/feeds/all.ics?lang=fr").await;
    assert_eq!(starts(&warm), cold_starts, "the same events in the same order");
    assert!(summaries(&warm).iter().any(|s| s == "Day 5, moved on"), "{:?}", summaries(&warm));
    assert_eq!(uids(&warm), uids(&cold));
}
