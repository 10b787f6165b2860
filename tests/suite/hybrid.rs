//! Hybrid sessions: a room and online places, each holding under
//! concurrency with its own waiting list; an online place while waiting
//! for the room; the venue on the page and in the invites of those who
//! come in person, the webinar link in those of the others.

use crate::common::{TestApp, manila_session, participant, spawn_app, with};
use crate::email::{app_with_sink, calendar_part, parse_ics, prop};
use scraper::{Html, Selector};
use serde_json::{Value, json};
use std::time::Duration;

fn hybrid(online: i64, room: i64) -> Value {
    with(
        manila_session(),
        json!({"format": "hybrid", "capacity": online, "in_person_capacity": room, "waitlist": true,
               "time_zone": "Asia/Tashkent", "venue_name": "Hotel Uzbekistan, hall B",
               "venue_address": "45 Amir Temur Avenue", "venue_city": "Tashkent", "interpretation": ["ru", "fr"]}),
    )
}

async fn burst(app: &TestApp, id: i64, people: Vec<Value>) -> Vec<(u16, Value)> {
    let mut set = tokio::task::JoinSet::new();
    for body in people {
        let (client, url) = (app.client.clone(), app.url(&format!("/api/v1/sessions/{id}/registrations")));
        set.spawn(async move {
            let res = client.post(&url).json(&body).send().await.expect("sent");
            (res.status().as_u16(), res.json::<Value>().await.unwrap_or(Value::Null))
        });
    }
    let mut out = Vec::new();
    while let Some(r) = set.join_next().await {
        out.push(r.expect("task"));
    }
    out
}

fn count(list: &[Value], mode: &str, status: &str) -> usize {
    list.iter().filter(|r| r["attendance"] == mode && r["status"] == status).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_room_and_the_online_places_each_hold_under_concurrency_with_their_own_waiting_list() {
    let app = spawn_app().await;
    let id = app.create_session(hybrid(5, 3)).await["id"].as_i64().expect("id");
    let people: Vec<Value> = (0..24)
        .map(|i| {
            let mode = if i % 2 == 0 { "in_person" } else { "online" };
            with(participant(&format!("p{i}@example.org")), json!({"attendance": mode}))
        })
        .collect();
    let results = burst(&app, id, people).await;
    assert!(results.iter().all(|(s, _)| *s == 201), "{:?}", results.iter().find(|(s, _)| *s != 201));
    let list = app.registrations(id).await;
    assert_eq!(count(&list, "in_person", "confirmed"), 3, "the room's 3 seats");
    assert_eq!(count(&list, "online", "confirmed"), 5, "the 5 online places");
    assert_eq!(count(&list, "in_person", "waitlisted"), 9);
    assert_eq!(count(&list, "online", "waitlisted"), 7);
    let session = app.session(id).await;
    assert_eq!((session["seats_left"].as_i64(), session["in_person_seats_left"].as_i64()), (Some(0), Some(0)));

    // A seat in the room frees: the first waiting for the room gets it,
    // nobody from the online list; and the other way round.
    let token_of = |id: &Value| {
        results
            .iter()
            .find(|(_, b)| b["id"] == *id)
            .map(|(_, b)| crate::common::token_of(&b["manage_url"]))
            .expect("a manage link")
    };
    for mode in ["in_person", "online"] {
        let list = app.registrations(id).await;
        let first = |status: &str| {
            let mut rows: Vec<&Value> =
                list.iter().filter(|r| r["attendance"] == mode && r["status"] == status).collect();
            rows.sort_by_key(|r| r["id"].as_i64());
            rows.first().map(|r| r["id"].clone()).expect("a row")
        };
        let (leaving, next) = (first("confirmed"), first("waitlisted"));
        let res =
            app.client.post(app.url(&format!("/api/v1/registrations/{}/cancel", token_of(&leaving)))).send().await;
        assert_eq!(res.expect("sent").status(), 200);
        let after = app.registrations(id).await;
        let status_of = |id: &Value| after.iter().find(|r| r["id"] == *id).map(|r| r["status"].clone()).expect("row");
        assert_eq!(status_of(&next), "confirmed", "{mode}: the first in its own line moves up");
        assert_eq!(count(&after, "in_person", "confirmed"), 3);
        assert_eq!(count(&after, "online", "confirmed"), 5);
    }
}

#[tokio::test]
async fn someone_waiting_for_the_room_holds_an_online_place_meanwhile_and_moves_in_when_a_seat_frees() {
    let app = spawn_app().await;
    let id = app.create_session(hybrid(2, 1)).await["id"].as_i64().expect("id");
    let reg = |email: &str, extra: Value| {
        let app = &app;
        let body = with(participant(email), extra);
        async move { app.register(id, body).await }
    };
    let (_, a) = reg("a@example.org", json!({"attendance": "in_person"})).await;
    let (_, b) = reg("b@example.org", json!({"attendance": "in_person", "online_meanwhile": true})).await;
    let (_, c) = reg("c@example.org", json!({"attendance": "online"})).await;
    let (_, d) = reg("d@example.org", json!({"attendance": "online"})).await;
    let list = app.registrations(id).await;
    let row = |r: &Value| list.iter().find(|x| x["id"] == r["id"]).cloned().expect("row");
    assert_eq!((row(&a)["status"].clone(), row(&a)["attendance"].clone()), (json!("confirmed"), json!("in_person")));
    assert_eq!(
        (row(&b)["status"].clone(), row(&b)["attendance"].clone(), row(&b)["waiting_for_room"].clone()),
        (json!("confirmed"), json!("online"), json!(true)),
        "the room is full: an online place meanwhile"
    );
    assert_eq!(row(&c)["status"], "confirmed");
    assert_eq!(row(&d)["status"], "waitlisted", "both online places are taken");
    // A leaves the room: B moves in, and B's online place goes to D.
    let token = crate::common::token_of(&a["manage_url"]);
    let res = app.client.post(app.url(&format!("/api/v1/registrations/{token}/cancel"))).send().await.expect("sent");
    assert_eq!(res.status(), 200);
    let list = app.registrations(id).await;
    let row = |r: &Value| list.iter().find(|x| x["id"] == r["id"]).cloned().expect("row");
    assert_eq!(
        (row(&b)["status"].clone(), row(&b)["attendance"].clone(), row(&b)["waiting_for_room"].clone()),
        (json!("confirmed"), json!("in_person"), json!(false))
    );
    assert_eq!(row(&d)["status"], "confirmed", "the online place B held");
    let session = app.session(id).await;
    assert_eq!((session["seats_left"].as_i64(), session["in_person_seats_left"].as_i64()), (Some(0), Some(0)));
    // The room cannot shrink below the seats taken in it.
    let res = app.patch_json(&format!("/api/v1/sessions/{id}"), &json!({"in_person_capacity": 0})).await;
    assert_eq!(res.status(), 422);
    let problem: Value = res.json().await.expect("json");
    assert!(problem["errors"]["in_person_capacity"].is_string(), "{problem}");
}

#[tokio::test]
async fn the_venue_is_on_the_page_and_in_the_invites_of_those_in_the_room_and_the_link_for_the_others() {
    let (app, sink) = app_with_sink().await;
    let id = app.create_session(hybrid(10, 10)).await["id"].as_i64().expect("id");
    let page = Html::parse_document(&app.get(&format!("/sessions/{id}")).await.text().await.expect("body"));
    let text = |sel: &str| {
        let s = Selector::parse(sel).expect("selector");
        page.select(&s).next().map(|e| e.text().collect::<String>()).unwrap_or_default()
    };
    assert!(
        text("#venue").starts_with("Hotel Uzbekistan, hall B, 45 Amir Temur Avenue, Tashkent"),
        "{}",
        text("#venue")
    );
    let map = Selector::parse("#venue-map").expect("selector");
    let href = page.select(&map).next().and_then(|a| a.value().attr("href")).expect("a map link").to_string();
    assert!(href.starts_with("https://www.openstreetmap.org/search?query=Hotel+Uzbekistan"), "{href}");
    assert_eq!(text("#interpretation"), "Русский, Français");
    assert!(text("#room-seats").starts_with("10 of 10"), "{}", text("#room-seats"));
    let form = Html::parse_document(&app.get(&format!("/sessions/{id}/register")).await.text().await.expect("body"));
    for sel in
        ["#f-attendance-in_person", "#f-attendance-online", "#f-online_meanwhile", "#f-interpretation option[value=ru]"]
    {
        assert!(form.select(&Selector::parse(sel).expect("selector")).next().is_some(), "{sel}");
    }

    let (status, problem) = app.register(id, with(participant("x@example.org"), json!({"interpretation": "de"}))).await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem["errors"]["interpretation"].as_str().is_some_and(|e| e.contains("ru, fr")), "{problem}");
    let (status, problem) =
        app.register(id, with(participant("y@example.org"), json!({"attendance": "balcony"}))).await;
    assert_eq!(status, 422, "{problem}");
    let room = json!({"format": "in_person", "capacity": 10});
    let in_person = app.create_session(with(manila_session(), room)).await["id"].as_i64().expect("id");
    let (status, _) =
        app.register(in_person, with(participant("z@example.org"), json!({"attendance": "online"}))).await;
    assert_eq!(status, 422, "online attendance at an in-person session");

    let (status, inside) = app
        .register(id, with(participant("in@example.org"), json!({"attendance": "in_person", "interpretation": "ru"})))
        .await;
    assert_eq!(status, 201);
    assert_eq!(
        app.registrations(id).await.iter().find(|r| r["id"] == inside["id"]).expect("row")["interpretation"],
        "ru"
    );
    let (status, _) = app.register(id, with(participant("out@example.org"), json!({"attendance": "online"}))).await;
    assert_eq!(status, 201);
    let mail = sink.wait_for(2, Duration::from_secs(15)).await;
    let location = |to: &str| {
        let m = mail.iter().find(|m| m.to.iter().any(|t| t == to)).expect("an email");
        let (_, ics) = calendar_part(m).expect("an invite");
        prop(&parse_ics(&ics).events[0], "LOCATION").unwrap_or_default()
    };
    assert!(location("in@example.org").starts_with("Hotel Uzbekistan"), "{}", location("in@example.org"));
    assert_eq!(location("out@example.org"), "https://meet.example.org/secret-room");
    let description = {
        let m = mail.iter().find(|m| m.to.iter().any(|t| t == "in@example.org")).expect("an email");
        let (_, ics) = calendar_part(m).expect("an invite");
        prop(&parse_ics(&ics).events[0], "DESCRIPTION").unwrap_or_default()
    };
    assert!(description.contains("Interpretation into: Русский"), "{description}");
    // The organisers' figures: who comes where, and the interpretation asked for.
    crate::common::create_admin(&app, "root@example.org", crate::admin::PASSWORD);
    assert_eq!(crate::admin::login(&app, "root@example.org", crate::admin::PASSWORD).await.status(), 303);
    let ws = Html::parse_document(&app.get(&format!("/admin/sessions/{id}")).await.text().await.expect("body"));
    let rows = |sel: &str| -> Vec<String> {
        let s = Selector::parse(sel).expect("selector");
        ws.select(&s).map(|e| e.text().collect::<Vec<_>>().join(" ")).collect()
    };
    assert!(
        rows("#by-attendance tbody tr").iter().any(|r| r.starts_with("In the room 1")),
        "{:?}",
        rows("#by-attendance tbody tr")
    );
    assert!(
        rows("#by-interpretation tbody tr").iter().any(|r| r.starts_with("Русский 1")),
        "{:?}",
        rows("#by-interpretation tbody tr")
    );
    // Only who comes to the room gets a check-in code.
    let code_in = |to: &str| {
        let m = mail.iter().find(|m| m.to.iter().any(|t| t == to)).expect("an email");
        crate::email::text_body(m).contains("check-in code")
    };
    assert!(code_in("in@example.org") && !code_in("out@example.org"));
}

#[tokio::test]
async fn a_focal_point_nominates_someone_into_the_room_or_online_and_a_replacement_keeps_the_kind_of_place() {
    let app = spawn_app().await;
    let session = with(hybrid(4, 2), json!({"participation": "nomination", "regions": [], "interpretation": ["ru"]}));
    let id = app.create_session(session).await["id"].as_i64().expect("id");
    let token = crate::focal_points::focal_point(&app, "nfp@example.org", "PH");
    let path = format!("/api/v1/sessions/{id}/nominations");
    let nominate = |email: &str, extra: Value| {
        let (app, token, path) = (&app, token.clone(), path.clone());
        let body = with(crate::focal_points::nominee(email, "PH"), extra);
        async move { crate::focal_points::as_token(app, &token, reqwest::Method::POST, &path, Some(&body)).await }
    };
    let (status, problem) = nominate("x@example.ph", json!({"attendance": "in_person", "interpretation": "ar"})).await;
    assert_eq!(status, 422, "Arabic is not offered: {problem}");
    let (status, room) = nominate("room@example.ph", json!({"attendance": "in_person", "interpretation": "ru"})).await;
    assert_eq!(status, 201, "{room}");
    let (status, _) = nominate("online@example.ph", json!({"attendance": "online"})).await;
    assert_eq!(status, 201);
    let s = app.session(id).await;
    assert_eq!((s["in_person_seats_left"].as_i64(), s["seats_left"].as_i64()), (Some(1), Some(3)));
    // The room's nominee is replaced: the newcomer holds the same seat in the room.
    let replace = format!("/api/v1/registrations/{}/replace", room["id"]);
    let body = crate::focal_points::nominee("new@example.ph", "PH");
    let (status, new) = crate::focal_points::as_token(&app, &token, reqwest::Method::POST, &replace, Some(&body)).await;
    assert_eq!(status, 201, "{new}");
    let list = app.registrations(id).await;
    let newcomer = list.iter().find(|r| r["email"] == "new@example.ph").expect("listed");
    assert_eq!(newcomer["attendance"], "in_person");
    let s = app.session(id).await;
    assert_eq!((s["in_person_seats_left"].as_i64(), s["seats_left"].as_i64()), (Some(1), Some(3)), "nothing moved");
}
