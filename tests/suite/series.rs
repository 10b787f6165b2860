//! Recurring series through the API: every occurrence keeps the local wall
//! time in the series' zone across a clock change, people elsewhere are
//! warned when that moves the session for them, and the series has a feed.

use crate::common::{manila_session, spawn_app, with};
use crate::email::{parse_ics, prop};
use serde_json::{Value, json};

fn brussels_weekly() -> Value {
    json!({
        "title": "CBRN risk mitigation clinic",
        "time_zone": "Europe/Brussels",
        "starts_at": "2027-03-11T10:00",
        "ends_at": "2027-03-11T11:30",
        "regions": ["south-east-asia"],
        "status": "published",
        "capacity": 40,
        "repeat": "weekly",
        "count": 6
    })
}

#[tokio::test]
async fn a_weekly_series_across_the_eu_clock_change_keeps_brussels_wall_time_and_warns_south_east_asia() {
    let app = spawn_app().await;
    let res = app.post_json("/api/v1/series", &brussels_weekly()).await;
    assert_eq!(res.status(), 201);
    let series: Value = res.json().await.expect("json");
    let sessions = series["sessions"].as_array().expect("sessions");
    let local: Vec<&str> = sessions.iter().filter_map(|s| s["starts_at"].as_str()).collect();
    assert_eq!(
        local,
        [
            "2027-03-11T10:00",
            "2027-03-18T10:00",
            "2027-03-25T10:00",
            "2027-04-01T10:00",
            "2027-04-08T10:00",
            "2027-04-15T10:00"
        ],
        "the wall time in Brussels never moves"
    );
    let utc: Vec<&str> = sessions.iter().filter_map(|s| s["starts_at_utc"].as_str()).collect();
    assert_eq!(
        utc,
        [
            "2027-03-11T09:00:00Z",
            "2027-03-18T09:00:00Z",
            "2027-03-25T09:00:00Z",
            "2027-04-01T08:00:00Z",
            "2027-04-08T08:00:00Z",
            "2027-04-15T08:00:00Z"
        ],
        "so the instant moves by an hour after 28 March"
    );
    assert!(sessions.iter().all(|s| s["ends_at"].as_str().is_some_and(|e| e.ends_with("T11:30"))));
    let warnings: Vec<&str> =
        series["warnings"].as_array().expect("warnings").iter().filter_map(Value::as_str).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].starts_with("From 2027-04-01"), "{}", warnings[0]);
    assert!(warnings[0].contains("an hour earlier"), "{}", warnings[0]);
    assert!(warnings[0].contains("15:00 in Jakarta instead of 16:00"), "{}", warnings[0]);

    // The series reads back, and its feed holds every occurrence.
    let id = series["id"].as_i64().expect("id");
    let again: Value = app.get(&format!("/api/v1/series/{id}")).await.json().await.expect("json");
    assert_eq!(again["sessions"].as_array().map(Vec::len), Some(6));
    assert_eq!(again["repeat"], "weekly");
    let res = app.get(&format!("/feeds/series/{id}.ics")).await;
    assert_eq!(res.status(), 200);
    let ics = parse_ics(&res.text().await.expect("body"));
    let mut starts: Vec<String> = ics.events.iter().filter_map(|e| prop(e, "DTSTART")).collect();
    starts.sort();
    assert_eq!(
        starts,
        [
            "20270311T090000Z",
            "20270318T090000Z",
            "20270325T090000Z",
            "20270401T080000Z",
            "20270408T080000Z",
            "20270415T080000Z"
        ]
    );
    assert_eq!(app.get("/feeds/series/999.ics").await.status(), 404);
    // Each occurrence is an ordinary session.
    let first = sessions[0]["id"].as_i64().expect("id");
    assert_eq!(app.session(first).await["title"], "CBRN risk mitigation clinic");
}

#[tokio::test]
async fn monthly_and_fortnightly_series_and_refusals() {
    let app = spawn_app().await;
    // The second Tuesday of each month, 16:00 in Manila (no clock changes: no warnings).
    let body = json!({"title": "Lab network call", "time_zone": "Asia/Manila", "starts_at": "2027-01-12T16:00",
        "ends_at": "2027-01-12T17:00", "repeat": "monthly", "count": 4});
    let res = app.post_json("/api/v1/series", &body).await;
    assert_eq!(res.status(), 201);
    let series: Value = res.json().await.expect("json");
    let dates: Vec<&str> =
        series["sessions"].as_array().expect("sessions").iter().filter_map(|s| s["starts_at"].as_str()).collect();
    assert_eq!(dates, ["2027-01-12T16:00", "2027-02-09T16:00", "2027-03-09T16:00", "2027-04-13T16:00"]);
    assert!(series.get("warnings").is_none());
    // A draft series is not public: it does not exist for anyone without a token.
    let id = series["id"].as_i64().expect("id");
    let public = app.client.get(app.url(&format!("/api/v1/series/{id}"))).send().await.expect("sent");
    assert_eq!(public.status(), 404);

    let body = with(brussels_weekly(), json!({"repeat": "fortnightly", "count": null, "until": "2027-04-22"}));
    let res = app.post_json("/api/v1/series", &body).await;
    assert_eq!(res.status(), 201);
    let series: Value = res.json().await.expect("json");
    assert_eq!(series["sessions"].as_array().map(Vec::len), Some(4), "11 and 25 March, 8 and 22 April");

    let before = app.all_sessions().await.len();
    // 02:30 on Sunday 28 March 2027 does not exist in Brussels: the whole series is refused.
    let gap = json!({"title": "Night shift drill", "time_zone": "Europe/Brussels", "starts_at": "2027-03-14T02:30",
        "ends_at": "2027-03-14T03:30", "repeat": "weekly", "count": 3});
    let res = app.post_json("/api/v1/series", &gap).await;
    assert_eq!(res.status(), 422);
    let problem: Value = res.json().await.expect("json");
    let message = problem["errors"]["starts_at"].as_str().expect("starts_at error");
    assert!(message.contains("2027-03-28") && message.contains("02:00 to 03:00"), "{message}");
    for (bad, field) in [
        (json!({"repeat": "yearly"}), "repeat"),
        (json!({"repeat": "weekly", "count": 1}), "count"),
        (json!({"repeat": "weekly", "count": null}), "count"),
        (json!({"repeat": "weekly", "until": "soon"}), "until"),
        (json!({"repeat": "weekly", "count": 3, "title": ""}), "title"),
    ] {
        let body = with(with(brussels_weekly(), json!({"count": null})), bad.clone());
        let res = app.post_json("/api/v1/series", &body).await;
        assert_eq!(res.status(), 422, "{bad}");
        let problem: Value = res.json().await.expect("json");
        assert!(problem["errors"][field].is_string(), "{bad}: {problem}");
    }
    let no_token = app.client.post(app.url("/api/v1/series")).json(&brussels_weekly()).send().await.expect("sent");
    assert_eq!(no_token.status(), 401);
    assert_eq!(app.all_sessions().await.len(), before, "nothing written by a refused series");
}

#[tokio::test]
async fn changing_all_future_occurrences_is_all_or_nothing_and_leaves_times_to_each_session() {
    let app = spawn_app().await;
    let series: Value = app.post_json("/api/v1/series", &brussels_weekly()).await.json().await.expect("json");
    let id = series["id"].as_i64().expect("id");
    let res = app.patch_json(&format!("/api/v1/series/{id}"), &json!({"capacity": 60, "location": "Room 4"})).await;
    assert_eq!(res.status(), 200);
    let after: Value = res.json().await.expect("json");
    let sessions = after["sessions"].as_array().expect("sessions");
    assert_eq!(sessions.len(), 6);
    assert!(sessions.iter().all(|s| s["capacity"] == 60 && s["location"] == "Room 4"));
    assert!(sessions.iter().all(|s| s["sequence"].as_i64() == Some(1)), "a place change rises SEQUENCE");

    let res = app.patch_json(&format!("/api/v1/series/{id}"), &json!({"starts_at": "2027-03-11T11:00"})).await;
    assert_eq!(res.status(), 422, "times change per session");
    // One occurrence with people registered cannot drop below its seats
    // taken: the whole change is refused and no occurrence changes.
    let third = sessions[2]["id"].as_i64().expect("id");
    for n in 0..3 {
        assert_eq!(app.register(third, crate::common::participant(&format!("p{n}@example.org"))).await.0, 201);
    }
    let res = app.patch_json(&format!("/api/v1/series/{id}"), &json!({"capacity": 2})).await;
    assert_eq!(res.status(), 422);
    let unchanged: Value = app.get_authorised(&format!("/api/v1/series/{id}")).await.json().await.expect("json");
    assert!(unchanged["sessions"].as_array().expect("sessions").iter().all(|s| s["capacity"] == 60), "all or nothing");
}

#[tokio::test]
async fn a_series_patch_with_a_wrong_field_is_refused_even_when_no_occurrence_is_left_to_change() {
    let app = spawn_app().await;
    let series = app
        .post_json(
            "/api/v1/series",
            &with(manila_session(), json!({"repeat": "weekly", "count": 2, "status": "draft"})),
        )
        .await
        .json::<Value>()
        .await
        .expect("json");
    for s in series["sessions"].as_array().expect("sessions") {
        let res = app.post_json(&format!("/api/v1/sessions/{}/cancel", s["id"]), &json!({})).await;
        assert_eq!(res.status(), 200);
    }
    let path = format!("/api/v1/series/{}", series["id"]);
    let res = app.patch_json(&path, &json!({"join_url": false, "participation": "__main__"})).await;
    assert_eq!(res.status(), 422);
    let problem: Value = res.json().await.expect("json");
    assert!(problem["errors"]["join_url"].is_string() && problem["errors"]["participation"].is_string(), "{problem}");
}

#[tokio::test]
async fn one_registration_takes_every_date_of_a_series_and_the_series_page_shows_them_in_the_readers_time() {
    let app = spawn_app().await;
    let series: Value = app.post_json("/api/v1/series", &brussels_weekly()).await.json().await.expect("json");
    let id = series["id"].as_i64().expect("id");
    let sessions: Vec<i64> =
        series["sessions"].as_array().expect("sessions").iter().filter_map(|s| s["id"].as_i64()).collect();
    // The third date is full and has no waiting list: that one is skipped.
    app.patch_json(&format!("/api/v1/sessions/{}", sessions[2]), &json!({"capacity": 1, "waitlist": false})).await;
    let person = |email: &str| {
        json!({"name": "Siti Rahma", "email": email, "organisation": "Ministry of Health",
                                      "country": "ID", "consent": true})
    };
    assert_eq!(app.register(sessions[2], person("first@example.id")).await.0, 201);
    let path = format!("/api/v1/series/{id}/registrations");
    let res = app.client.post(app.url(&path)).json(&json!({"name": "x"})).send().await.expect("sent");
    assert_eq!(res.status(), 422, "the person's mistakes come first, once");
    assert_eq!(app.all_sessions().await.iter().filter_map(|s| s["seats_left"].as_i64()).sum::<i64>(), 40 * 5);
    let res = app.client.post(app.url(&path)).json(&person("siti@example.id")).send().await.expect("sent");
    assert_eq!(res.status(), 201);
    let made: Value = res.json().await.expect("json");
    let registrations = made["registrations"].as_array().expect("registrations");
    assert_eq!(registrations.len(), 5, "one per date that could take it: {made}");
    assert!(registrations.iter().all(|r| r["manage_url"].as_str().is_some_and(|u| u.contains("/registrations/m_"))));
    assert_eq!(made["skipped"][0]["session_id"].as_i64(), Some(sessions[2]), "{made}");
    let res = app.client.post(app.url(&path)).json(&person("siti@example.id")).send().await.expect("sent");
    assert_eq!(res.status(), 409, "already registered for each");
    assert_eq!(
        app.client
            .post(app.url("/api/v1/series/9999/registrations"))
            .json(&person("a@example.id"))
            .send()
            .await
            .expect("sent")
            .status(),
        404
    );

    // The page: every date in the reader's zone, and those the EU clock change moves for them.
    let page = app.get(&format!("/series/{id}?tz=Asia/Manila")).await.text().await.expect("body");
    let html = scraper::Html::parse_document(&page);
    let sel = scraper::Selector::parse("#occurrences li").expect("selector");
    let dates: Vec<String> = html.select(&sel).map(|e| e.text().collect()).collect();
    assert_eq!(dates.len(), 6, "{dates:?}");
    assert!(dates[0].contains("17:00") && !dates[0].contains("instead"), "{dates:?}");
    assert!(dates[3].contains("16:00") && dates[3].contains("instead of 17:00"), "after 28 March: {dates:?}");
    assert!(page.contains(&format!("/sessions/{}/register?series=1", sessions[0])));
    assert_eq!(app.get("/series/9999").await.status(), 404);
    let one = app.get(&format!("/sessions/{}", sessions[1])).await.text().await.expect("body");
    assert!(one.contains(&format!("href=\"/series/{id}\" id=\"series-link\"")), "each date links to the series");

    // The form offers every date at once, ticked when coming from the series page.
    let form = app.get(&format!("/sessions/{}/register?series=1", sessions[0])).await.text().await.expect("body");
    assert!(form.contains("Register for all 6 dates of this series still to come"));
    assert!(form.contains("name=\"whole_series\" value=\"yes\" checked"));
    let html = scraper::Html::parse_document(&form);
    let sel = scraper::Selector::parse("input[name=csrf_token]").expect("selector");
    let csrf = html.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string();
    let fields = [
        ("csrf_token", csrf.as_str()),
        ("name", "Budi Santoso"),
        ("email", "budi@example.id"),
        ("organisation", "BRIN"),
        ("country", "ID"),
        ("consent", "yes"),
        ("whole_series", "yes"),
    ];
    let res = app
        .client
        .post(app.url(&format!("/sessions/{}/register", sessions[0])))
        .form(&fields)
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().expect("location").to_string();
    assert!(location.ends_with("?welcome=1&dates=5"), "five dates taken, the full one skipped: {location}");
    let manage = app.get(&location).await.text().await.expect("body");
    assert!(manage.contains("You are registered for 5 dates of this series"));
}

/// One VCALENDAR, read by the `ical` crate (not the writer's).
fn calendar_of(text: &str) -> ical::parser::ical::component::IcalCalendar {
    ical::IcalParser::new(std::io::BufReader::new(text.as_bytes())).next().expect("one calendar").expect("valid")
}

/// After sending what is queued: the `n`th email to `to` (it must be the
/// last), its text, and its calendar part's method and calendar.
async fn nth_email(
    app: &crate::common::TestApp,
    sink: &crate::smtp::SmtpSink,
    to: &str,
    n: usize,
) -> (String, String, ical::parser::ical::component::IcalCalendar) {
    app.dispatch_pending_emails().await;
    let mail = sink.received();
    let theirs = only_to(&mail, to);
    assert_eq!(theirs.len(), n, "emails to {to}");
    let (method, ics) = crate::email::calendar_part(theirs[n - 1]).expect("a calendar part");
    (crate::email::text_body(theirs[n - 1]), method, calendar_of(&ics))
}

/// The emails to `to` among `mail`, in the order sent.
fn only_to<'a>(mail: &'a [crate::smtp::Received], to: &str) -> Vec<&'a crate::smtp::Received> {
    mail.iter().filter(|m| m.to.iter().any(|t| t == to)).collect()
}

#[tokio::test]
async fn a_whole_series_registration_is_one_email_and_one_recurring_invite_whose_instances_follow_each_change() {
    use crate::email::{app_with_sink, calendar_part, param, text_body};
    use crate::smtp::subject_of;
    let (app, sink) = app_with_sink().await;
    let series: Value = app.post_json("/api/v1/series", &brussels_weekly()).await.json().await.expect("json");
    let id = series["id"].as_i64().expect("id");
    let sessions: Vec<i64> =
        series["sessions"].as_array().expect("sessions").iter().filter_map(|s| s["id"].as_i64()).collect();
    // 25 March is full with no waiting list: not taken, left out of the calendar.
    app.patch_json(&format!("/api/v1/sessions/{}", sessions[2]), &json!({"capacity": 1, "waitlist": false})).await;
    assert_eq!(app.register(sessions[2], crate::common::participant("first@example.org")).await.0, 201);
    let siti = json!({"name": "Siti Rahma", "email": "siti@example.id", "organisation": "Ministry of Health",
                      "country": "ID", "time_zone": "Asia/Jakarta", "consent": true});
    let res = app.post_public(&format!("/api/v1/series/{id}/registrations"), &siti).await;
    assert_eq!(res.status(), 201);
    let made: Value = res.json().await.expect("json");
    let taken = made["registrations"].as_array().expect("registrations");
    assert_eq!(taken.len(), 5);
    app.dispatch_pending_emails().await;
    let mail = sink.received();
    let hers = only_to(&mail, "siti@example.id");
    assert_eq!(
        hers.len(),
        1,
        "one email for the whole series: {:?}",
        hers.iter().map(|m| subject_of(m)).collect::<Vec<_>>()
    );
    assert_eq!(subject_of(hers[0]), "Registered for 5 dates: CBRN risk mitigation clinic");
    let text = text_body(hers[0]);
    // 10:00 in Brussels is 16:00 in Jakarta in winter time, 15:00 from 28 March.
    for date in ["Thursday 11 March 2027, 16:00", "Thursday 18 March 2027, 16:00", "Thursday 1 April 2027, 15:00"] {
        assert!(text.contains(date), "{date} in {text}");
    }
    assert!(!text.contains("25 March"), "the date not taken is not listed: {text}");
    assert_eq!(text.matches("/registrations/m_").count(), 5, "each date's own page: {text}");
    insta::assert_snapshot!("series_registered", crate::email::redact(&app, &text));

    let (method, ics) = calendar_part(hers[0]).expect("an invite");
    assert_eq!(method, "REQUEST");
    let cal = calendar_of(&ics);
    assert_eq!(cal.events.len(), 1, "one recurring event, no instance moved yet:\n{ics}");
    let master = &cal.events[0];
    let uid = prop(master, "UID").expect("uid");
    assert!(uid.starts_with(&format!("series-{id}@")), "{uid}");
    assert_eq!(prop(master, "RRULE").as_deref(), Some("FREQ=WEEKLY;COUNT=6"));
    assert_eq!(prop(master, "DTSTART").as_deref(), Some("20270311T100000"));
    assert_eq!(param(master, "DTSTART", "TZID").as_deref(), Some("Europe/Brussels"));
    assert_eq!(prop(master, "EXDATE").as_deref(), Some("20270325T100000"));
    assert_eq!(prop(master, "SUMMARY").as_deref(), Some("CBRN risk mitigation clinic"));
    let zone = cal.timezones.first().expect("a VTIMEZONE");
    let tzid = zone.properties.iter().find(|p| p.name == "TZID").and_then(|p| p.value.clone());
    assert_eq!(tzid.as_deref(), Some("Europe/Brussels"));
    let summer = zone
        .transitions
        .iter()
        .find(|t| t.properties.iter().any(|p| p.name == "DTSTART" && p.value.as_deref() == Some("20270328T020000")))
        .expect("the change to summer time on 28 March 2027");
    let value = |name: &str| summer.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone());
    assert_eq!((value("TZOFFSETFROM").as_deref(), value("TZOFFSETTO").as_deref()), (Some("+0100"), Some("+0200")));
    let sequence = |e: &ical::parser::ical::component::IcalEvent| {
        prop(e, "SEQUENCE").and_then(|s| s.parse::<u32>().ok()).expect("sequence")
    };
    let first_sequence = sequence(master);

    // 8 April moves to Friday 9 April 14:00: the instance of 8 April is replaced.
    let res = app
        .patch_json(
            &format!("/api/v1/sessions/{}", sessions[4]),
            &json!({"starts_at": "2027-04-09T14:00", "ends_at": "2027-04-09T15:30"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let (text, method, cal) = nth_email(&app, &sink, "siti@example.id", 2).await;
    assert!(text.contains("Thursday 8 April 2027, 15:00") && text.contains("Friday 9 April 2027, 19:00"), "{text}");
    assert_eq!(method, "REQUEST");
    assert_eq!(cal.events.len(), 2, "the series and the moved instance");
    let moved = cal.events.iter().find(|e| prop(e, "RECURRENCE-ID").is_some()).expect("an instance");
    assert_eq!(prop(moved, "UID"), Some(uid.clone()));
    assert_eq!(prop(moved, "RECURRENCE-ID").as_deref(), Some("20270408T100000"));
    assert_eq!(param(moved, "RECURRENCE-ID", "TZID").as_deref(), Some("Europe/Brussels"));
    assert_eq!(prop(moved, "DTSTART").as_deref(), Some("20270409T140000"));
    assert!(sequence(moved) > first_sequence && sequence(&cal.events[0]) > first_sequence);
    let moved_sequence = sequence(moved);

    // 15 April is cancelled: that instance alone leaves the calendar.
    app.post_json(&format!("/api/v1/sessions/{}/cancel", sessions[5]), &json!({"reason": "Holiday"})).await;
    let (_, method, cal) = nth_email(&app, &sink, "siti@example.id", 3).await;
    assert_eq!(method, "CANCEL");
    assert_eq!(cal.events.len(), 1);
    let gone = &cal.events[0];
    assert_eq!(prop(gone, "UID"), Some(uid.clone()));
    assert_eq!(prop(gone, "RECURRENCE-ID").as_deref(), Some("20270415T100000"));
    assert_eq!(prop(gone, "STATUS").as_deref(), Some("CANCELLED"));
    assert!(sequence(gone) > moved_sequence);

    // She withdraws from the first date: that instance goes too.
    let token = crate::common::token_of(&taken[0]["manage_url"]);
    app.post_public(&format!("/api/v1/registrations/{token}/cancel"), &json!({})).await;
    let (_, method, cal) = nth_email(&app, &sink, "siti@example.id", 4).await;
    assert_eq!(method, "CANCEL");
    assert_eq!(prop(&cal.events[0], "RECURRENCE-ID").as_deref(), Some("20270311T100000"));

    // The file from any date's page is the same series as she now holds it.
    let token = crate::common::token_of(&taken[1]["manage_url"]);
    let file = app.get(&format!("/registrations/{token}/invite.ics")).await.text().await.expect("body");
    let cal = calendar_of(&file);
    let master = cal.events.iter().find(|e| prop(e, "RRULE").is_some()).expect("the series");
    assert_eq!(prop(master, "UID"), Some(uid.clone()));
    assert_eq!(
        prop(master, "EXDATE").as_deref(),
        Some("20270311T100000,20270325T100000,20270415T100000"),
        "withdrawn, not taken, cancelled:\n{file}"
    );
    assert!(cal.events.iter().any(|e| prop(e, "RECURRENCE-ID").as_deref() == Some("20270408T100000")));

    // She takes the first date back on its own page: it returns to the same
    // recurring event (no second event beside it), with a higher SEQUENCE.
    let before = sequence(master);
    assert_eq!(app.register(sessions[0], siti.clone()).await.0, 201);
    let (_, method, cal) = nth_email(&app, &sink, "siti@example.id", 5).await;
    assert_eq!(method, "REQUEST");
    let master = cal.events.iter().find(|e| prop(e, "RRULE").is_some()).expect("the series, not a lone event");
    assert_eq!(prop(master, "UID"), Some(uid.clone()));
    assert!(cal.events.iter().all(|e| prop(e, "UID") == Some(uid.clone())), "one event only");
    assert_eq!(prop(master, "EXDATE").as_deref(), Some("20270325T100000,20270415T100000"), "11 March is back");
    assert!(sequence(master) > before, "the update outranks the cancellation");

    // Someone who took a single date keeps a lone invite for it.
    let (_, _, cal) = nth_email(&app, &sink, "first@example.org", 1).await;
    assert!(prop(&cal.events[0], "UID").is_some_and(|u| u.starts_with("session-")));
    assert!(prop(&cal.events[0], "RRULE").is_none());
}

#[tokio::test]
async fn the_home_page_shows_a_series_as_one_entry_at_its_next_date() {
    let app = spawn_app().await;
    let series: Value = app.post_json("/api/v1/series", &brussels_weekly()).await.json().await.expect("json");
    let id = series["id"].as_i64().expect("id");
    let sessions: Vec<i64> =
        series["sessions"].as_array().expect("sessions").iter().filter_map(|s| s["id"].as_i64()).collect();
    app.create_session(manila_session()).await;
    let entries = |page: String| {
        let html = scraper::Html::parse_document(&page);
        let sel = scraper::Selector::parse("ul.sessions > li").expect("selector");
        html.select(&sel).map(|e| e.html()).collect::<Vec<String>>()
    };
    let home = entries(app.get("/?tz=Asia/Manila").await.text().await.expect("body"));
    assert_eq!(home.len(), 2, "the series once, and the lone session: {home:#?}");
    let card = home.iter().find(|e| e.contains("CBRN risk mitigation clinic")).expect("the series");
    assert!(card.contains(&format!("href=\"/series/{id}\"")), "{card}");
    assert!(card.contains("Weekly, 6 dates · Thu 11 Mar – Thu 15 Apr"), "{card}");
    assert!(card.contains("Next date: ") && card.contains("17:00"), "10:00 Brussels is 17:00 in Manila: {card}");

    // Its first date is cancelled: the entry moves to the next one.
    app.post_json(&format!("/api/v1/sessions/{}/cancel", sessions[0]), &json!({})).await;
    let home = entries(app.get("/?tz=Asia/Manila").await.text().await.expect("body"));
    assert_eq!(home.len(), 2, "{home:#?}");
    let card = home.iter().find(|e| e.contains("CBRN risk mitigation clinic")).expect("the series");
    assert!(card.contains("Weekly, 5 dates · Thu 18 Mar – Thu 15 Apr"), "{card}");
    assert!(!card.contains("Cancelled"), "the cancelled date does not stand for the series: {card}");

    // Every date cancelled: the series shows once, as cancelled.
    for s in &sessions[1..] {
        app.post_json(&format!("/api/v1/sessions/{s}/cancel"), &json!({})).await;
    }
    let home = entries(app.get("/?tz=Asia/Manila").await.text().await.expect("body"));
    assert_eq!(home.len(), 2, "{home:#?}");
    let card = home.iter().find(|e| e.contains("CBRN risk mitigation clinic")).expect("the series");
    assert!(card.contains(&format!("href=\"/sessions/{}\"", sessions[0])) && card.contains("Cancelled"), "{card}");
}

#[tokio::test]
async fn the_workspace_shows_a_series_dates_its_whole_series_registrants_and_opens_the_change_of_every_future_date() {
    use crate::admin::{PASSWORD, login};
    let app = spawn_app().await;
    let series: Value = app.post_json("/api/v1/series", &brussels_weekly()).await.json().await.expect("json");
    let id = series["id"].as_i64().expect("id");
    let sessions: Vec<i64> =
        series["sessions"].as_array().expect("sessions").iter().filter_map(|s| s["id"].as_i64()).collect();
    let person = json!({"name": "Siti Rahma", "email": "siti@example.id", "organisation": "Ministry of Health",
                        "country": "ID", "consent": true});
    let res = app.post_public(&format!("/api/v1/series/{id}/registrations"), &person).await;
    assert_eq!(res.status(), 201);
    let made: Value = res.json().await.expect("json");
    assert_eq!(app.register(sessions[1], crate::common::participant("one@example.org")).await.0, 201);
    // Siti leaves one date: she holds 5 of 6.
    let fourth = crate::common::token_of(&made["registrations"][3]["manage_url"]);
    assert_eq!(app.post_public(&format!("/api/v1/registrations/{fourth}/cancel"), &json!({})).await.status(), 200);

    crate::common::create_organiser(&app, "far@example.org", PASSWORD, &["central-asia"]);
    login(&app, "far@example.org", PASSWORD).await;
    assert_eq!(app.get(&format!("/admin/series/{id}")).await.status(), 403, "another region's series");
    crate::common::create_admin(&app, "admin@example.org", PASSWORD);
    login(&app, "admin@example.org", PASSWORD).await;
    let res = app.get(&format!("/admin/series/{id}")).await;
    assert_eq!(res.status(), 200);
    let html = scraper::Html::parse_document(&res.text().await.expect("body"));
    // Each row's cells, their words joined by single spaces.
    let rows = |selector: &str| {
        let sel = scraper::Selector::parse(selector).expect("selector");
        html.select(&sel)
            .map(|e| e.text().flat_map(str::split_whitespace).collect::<Vec<_>>().join(" "))
            .collect::<Vec<String>>()
    };
    let dates = rows("table[aria-labelledby=dates] tbody tr");
    assert_eq!(dates.len(), 6, "{dates:?}");
    assert!(dates[0].starts_with("Thu 11 Mar 2027, 10:00–11:30 Brussels (UTC+01:00) published 1 0"), "{dates:?}");
    assert!(dates[1].contains("published 2 0"), "a single registration counts for its date: {dates:?}");
    assert_eq!(rows("table[aria-labelledby=members] tbody tr"), ["Siti Rahma Ministry of Health Indonesia 5 of 6"]);
    assert_eq!(rows("#members"), ["Registered for the whole series: 1"]);
    let edit = scraper::Selector::parse("#edit-future").expect("selector");
    let href = html.select(&edit).next().and_then(|a| a.value().attr("href")).expect("link").to_string();
    assert_eq!(href, format!("/admin/sessions/{}/edit?all_future=1", sessions[0]));
    let form = app.get(&href).await.text().await.expect("body");
    assert!(form.contains("id=\"s-all_future\" checked"), "the change of every future date comes ticked");
    let page = app.get(&format!("/admin/sessions/{}", sessions[2])).await.text().await.expect("body");
    assert!(page.contains(&format!("href=\"/admin/series/{id}\" id=\"series-page\"")), "each date links to its series");
}

#[tokio::test]
async fn a_whole_series_email_for_a_room_gives_each_dates_check_in_code() {
    use crate::email::{app_with_sink, text_body};
    let (app, sink) = app_with_sink().await;
    let body = with(
        brussels_weekly(),
        json!({"format": "in_person", "count": 3, "venue_name": "Residence Palace", "venue_city": "Brussels"}),
    );
    let series: Value = app.post_json("/api/v1/series", &body).await.json().await.expect("json");
    let id = series["id"].as_i64().expect("id");
    let person = json!({"name": "Ana Reyes", "email": "ana@example.ph", "organisation": "DOH",
                        "country": "PH", "consent": true});
    let res = app.post_public(&format!("/api/v1/series/{id}/registrations"), &person).await;
    assert_eq!(res.status(), 201);
    app.dispatch_pending_emails().await;
    let mail = sink.received();
    assert_eq!(mail.len(), 1, "one email");
    let text = text_body(&mail[0]);
    let codes: Vec<&str> =
        text.lines().filter_map(|l| l.trim().strip_prefix("Your check-in code for the door: ")).collect();
    assert_eq!(codes.len(), 3, "a code per date: {text}");
    assert!(codes[0] != codes[1] && codes[1] != codes[2], "each date its own code: {codes:?}");
    // Each is the code that date's own page shows.
    let made: Value = res.json().await.expect("json");
    let token = crate::common::token_of(&made["registrations"][1]["manage_url"]);
    let page = app.get(&format!("/registrations/{token}")).await.text().await.expect("body");
    assert!(page.contains(codes[1]), "the second date's page shows its code");
}
