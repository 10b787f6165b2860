//! The security review's findings, each played as the attack it describes:
//! links that reach only what a form created, address-wide data behind the
//! inbox, organiser scope on every write, redirects, sign-in throttling,
//! secrets kept out of logs, session lifetimes, draft series, forged
//! notices, HSTS, cross-site requests and the metrics token.

use crate::admin::{PASSWORD, login, page_token, submit};
use crate::common::{
    TestApp, create_admin, create_organiser, manila_session, participant, run_sql, spawn_app, spawn_app_with, token_of,
    with,
};
use crate::email::{app_with_sink, parse_ics, prop, text_body};
use crate::smtp::{Received, SmtpSink, subject_of};
use scraper::{Html, Selector};
use serde_json::{Value, json};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

fn path_of(app: &TestApp, url: &Value) -> String {
    url.as_str().expect("a url").replace(&app.address, "")
}

async fn csrf_on(app: &TestApp, path: &str) -> String {
    page_token(&app.client, app, path).await
}

/// The `/my/…` link in an email to that address.
fn access_link(app: &TestApp, mail: &Received) -> String {
    let text = text_body(mail);
    let start = text.find(&format!("{}/my/", app.address)).expect("an access link in the email");
    let link: String = text[start..].chars().take_while(|c| !c.is_whitespace()).collect();
    link.replace(&app.address, "")
}

async fn mail_to(sink: &SmtpSink, to: &str, n: usize) -> Vec<Received> {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let mine: Vec<Received> = sink.received().into_iter().filter(|m| m.to.iter().any(|t| t == to)).collect();
        if mine.len() >= n {
            return mine;
        }
        assert!(tokio::time::Instant::now() < deadline, "{n} emails to {to} did not arrive: {}", mine.len());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A client of its own (cookies, no redirects) connecting from `ip`, a
/// loopback address: Linux answers on all of 127.0.0.0/8.
fn client_from(ip: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .local_address(Some(ip.parse().expect("ip")))
        .build()
        .expect("client")
}

/// Signs `client` in as admin@example.org and returns the status.
async fn sign_in(client: &reqwest::Client, app: &TestApp, password: &str) -> u16 {
    let csrf = page_token(client, app, "/admin/login").await;
    let form = [("csrf_token", csrf.as_str()), ("email", "admin@example.org"), ("password", password)];
    client.post(app.url("/admin/login")).form(&form).send().await.expect("sent").status().as_u16()
}

#[tokio::test]
async fn a_stranger_who_registers_someone_elses_address_reaches_only_the_registration_they_made() {
    let (app, sink) = app_with_sink().await;
    let closed = app
        .create_session(with(
            manila_session(),
            json!({"title": "Closed round table", "join_url": "https://meet.example.org/round-table-secret"}),
        ))
        .await["id"]
        .as_i64()
        .expect("id");
    let open =
        app.create_session(with(manila_session(), json!({"title": "Open webinar"}))).await["id"].as_i64().expect("id");
    let (status, victim) = app.register(closed, participant("victim@example.org")).await;
    assert_eq!(status, 201);
    // The attacker registers the victim's address elsewhere, without any token.
    let (status, planted) = app.register(open, participant("Victim@Example.org")).await;
    assert_eq!(status, 201);
    mail_to(&sink, "victim@example.org", 2).await;

    // The data copy the planted registration hands back holds that registration only.
    let manage = path_of(&app, &planted["manage_url"]);
    let data: Value = app.get(&format!("{manage}/data.json")).await.json().await.expect("json");
    let items = data["registrations"].as_array().expect("list");
    assert_eq!(items.len(), 1, "{data}");
    assert_eq!(items[0]["session"]["id"], open);
    assert!(!data.to_string().contains("Closed round table"), "nothing of the other registration: {data}");

    // Its feed has its own session, never the other one's webinar link.
    let feed = app.get(&path_of(&app, &planted["feed_url"])).await.text().await.expect("feed");
    let summaries: Vec<String> = parse_ics(&feed).events.iter().filter_map(|e| prop(e, "SUMMARY")).collect();
    assert_eq!(summaries, ["Open webinar"]);
    assert!(!feed.contains("round-table-secret"));

    // Its page names nothing else.
    let page = app.get(&manage).await.text().await.expect("page");
    assert!(!page.contains("Closed round table"));

    // Its erasure erases what it made, and nothing of the victim's own.
    let csrf = csrf_on(&app, &format!("{manage}/erase")).await;
    let res = submit(&app.client, &app, &format!("{manage}/erase"), &[("csrf_token", csrf.as_str())]).await;
    assert_eq!(res.status(), 303);
    let list = app.registrations(closed).await;
    let kept = list.iter().find(|r| r["email"] == "victim@example.org").expect("the victim's registration");
    assert_eq!((kept["status"].as_str(), kept["name"].as_str()), (Some("confirmed"), Some("Siti Rahma")));
    let list = app.registrations(open).await;
    assert!(list.iter().all(|r| r["email"] != "victim@example.org"), "the planted one is gone: {list:?}");
    assert_eq!(app.get(&path_of(&app, &victim["manage_url"])).await.status(), 200, "the victim's link still works");

    // No answer the attacker sees carries an address-wide link.
    let again = app.register(open, participant("victim@example.org")).await.1;
    for field in ["manage_url", "feed_url"] {
        let url = again[field].as_str().expect("url");
        assert!(!url.contains("/my/") && !url.contains("/feeds/personal/p_"), "{field}: {url}");
    }

    // The attacker cancels their planted registration and asks for the
    // victim's links: the email goes to the victim, and is not filed under
    // the planted registration, whose data copy shows email subjects.
    let planted = token_of(&again["manage_url"]);
    let res = app.post_public(&format!("/api/v1/registrations/{planted}/cancel"), &json!({})).await;
    assert_eq!(res.status(), 200);
    let csrf = csrf_on(&app, "/registrations/recover").await;
    let form = [("csrf_token", csrf.as_str()), ("email", "victim@example.org")];
    assert_eq!(submit(&app.client, &app, "/registrations/recover", &form).await.status(), 200);
    let mail = mail_to(&sink, "victim@example.org", 5).await;
    let subjects: Vec<String> = mail.iter().map(subject_of).collect();
    assert!(subjects.iter().any(|s| s == "Your registration link: Closed round table"), "{subjects:?}");
    let manage = path_of(&app, &again["manage_url"]);
    let data = app.get(&format!("{manage}/data.json")).await.text().await.expect("json");
    assert!(!data.contains("Closed round table"), "{data}");
}

#[tokio::test]
async fn everything_about_an_address_opens_only_through_a_short_lived_link_emailed_to_it() {
    let (app, sink) = app_with_sink().await;
    let a = app
        .create_session(with(
            manila_session(),
            json!({"title": "Session A", "capacity": 1, "join_url": "https://meet.example.org/room-a"}),
        ))
        .await["id"]
        .as_i64()
        .expect("id");
    let b = app.create_session(with(manila_session(), json!({"title": "Session B"}))).await["id"].as_i64().expect("id");
    let (_, first) = app.register(a, participant("me@example.org")).await;
    app.register(b, participant("me@example.org")).await;
    app.register(a, participant("next@example.org")).await; // waitlisted behind me
    mail_to(&sink, "me@example.org", 2).await;

    // From a registration's page, the link goes to the inbox, not to the page.
    let manage = path_of(&app, &first["manage_url"]);
    let csrf = csrf_on(&app, &manage).await;
    let res = submit(&app.client, &app, &format!("{manage}/all"), &[("csrf_token", csrf.as_str())]).await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().expect("ascii").to_string();
    assert!(!location.contains("/my/"), "{location}");
    let notice = app.get(&location).await.text().await.expect("page");
    assert!(notice.contains("We have emailed me@example.org a link"), "the page says where the link went");
    assert!(!notice.contains("/my/l_"), "the page does not carry the link");
    let mail = mail_to(&sink, "me@example.org", 3).await;
    let link = access_link(&app, &mail[2]);
    assert!(text_body(&mail[2]).contains("it works for 60 minutes"));

    // A second request within two minutes sends nothing more.
    let res = submit(&app.client, &app, &format!("{manage}/all"), &[("csrf_token", csrf.as_str())]).await;
    assert_eq!(res.status(), 303);

    // The emailed link opens every registration of the address, its data and its feed.
    let res = app.get(&link).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["referrer-policy"], "no-referrer");
    let page = Html::parse_document(&res.text().await.expect("page"));
    let manage_links = Selector::parse("a.manage-link").expect("selector");
    assert_eq!(page.select(&manage_links).count(), 2);
    let data: Value = app.get(&format!("{link}/data.json")).await.json().await.expect("json");
    assert_eq!(data["registrations"].as_array().map(Vec::len), Some(2), "{data}");
    let feed_input = Selector::parse("#feed-url").expect("selector");
    let feed_url = page.select(&feed_input).next().and_then(|e| e.value().attr("value")).expect("feed").to_string();
    assert!(feed_url.contains("/feeds/personal/p_"), "{feed_url}");
    let feed = app.get(&feed_url.replace(&app.address, "")).await.text().await.expect("feed");
    let mut summaries: Vec<String> = parse_ics(&feed).events.iter().filter_map(|e| prop(e, "SUMMARY")).collect();
    summaries.sort();
    assert_eq!(summaries, ["Session A", "Session B"]);
    assert!(feed.contains("room-a"), "the owner's feed has their webinar link");

    // Erasure is confirmed on its own page, then covers the whole address.
    let erase = Html::parse_document(&app.get(&format!("{link}/erase")).await.text().await.expect("page"));
    let explain: String =
        erase.select(&Selector::parse("#erase-explain").expect("selector")).flat_map(|e| e.text()).collect();
    assert!(explain.contains("every registration made with me@example.org"), "{explain}");
    let csrf = csrf_on(&app, &format!("{link}/erase")).await;
    let res = submit(&app.client, &app, &format!("{link}/erase"), &[("csrf_token", "wrong")]).await;
    assert_eq!(res.status(), 403, "CSRF applies");
    let res = submit(&app.client, &app, &format!("{link}/erase"), &[("csrf_token", csrf.as_str())]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/registrations/erased");
    for id in [a, b] {
        assert!(app.registrations(id).await.iter().all(|r| r["email"] != "me@example.org"));
    }
    let waiting = app.registrations(a).await;
    assert_eq!(
        waiting.iter().find(|r| r["email"] == "next@example.org").map(|r| r["status"].clone()),
        Some(json!("confirmed")),
        "the freed seat went to the next in line"
    );
    assert_eq!(app.get(&link).await.status(), 404, "the link is gone with the address");
    assert_eq!(app.get(&feed_url.replace(&app.address, "")).await.status(), 404, "and so is the feed");
}

#[tokio::test]
async fn an_expired_or_unknown_access_link_opens_nothing_and_offers_a_new_one() {
    let (app, sink) = app_with_sink().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    app.register(id, participant("me@example.org")).await;
    let csrf = csrf_on(&app, "/registrations/recover").await;
    let res = submit(
        &app.client,
        &app,
        "/registrations/recover",
        &[("csrf_token", csrf.as_str()), ("email", "me@example.org")],
    )
    .await;
    assert_eq!(res.status(), 200);
    let mail = mail_to(&sink, "me@example.org", 2).await;
    let link = access_link(&app, &mail[1]);
    assert_eq!(app.get(&link).await.status(), 200, "the recovery email carries the address link too");

    run_sql(&app, "UPDATE access_links SET expires_at = created_at");
    for path in [link.clone(), format!("{link}/data.json"), format!("{link}/erase")] {
        let res = app.get(&path).await;
        assert_eq!(res.status(), 404, "{path}");
        let page = Html::parse_document(&res.text().await.expect("page"));
        assert!(page.select(&Selector::parse("#link-expired").expect("selector")).next().is_some(), "{path}");
        assert!(page.select(&Selector::parse("form[action='/registrations/recover']").expect("s")).next().is_some());
    }
    let csrf = csrf_on(&app, "/registrations/recover").await;
    let res = submit(&app.client, &app, &format!("{link}/erase"), &[("csrf_token", csrf.as_str())]).await;
    assert_eq!(res.status(), 404, "an expired link erases nothing");
    assert_eq!(app.registrations(id).await[0]["email"], "me@example.org");
    let forged = format!("/my/l_{}", "A".repeat(43));
    assert_eq!(app.get(&forged).await.status(), 404);
}

#[tokio::test]
async fn an_organiser_cannot_change_another_regions_session_through_any_write() {
    let (app, sink) = app_with_sink().await;
    // A series organised by South-East Asia whose later occurrences moved to the Middle East.
    let res = app
        .post_json(
            "/api/v1/series",
            &json!({"title": "Weekly clinic", "time_zone": "Asia/Manila", "starts_at": "2027-03-11T10:00",
                    "ends_at": "2027-03-11T11:00", "status": "published", "capacity": 10,
                    "organising_region": "south-east-asia", "repeat": "weekly", "count": 3,
                    "join_url": "https://meet.example.org/clinic"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let series: Value = res.json().await.expect("json");
    let ids: Vec<i64> = series["sessions"].as_array().expect("list").iter().filter_map(|s| s["id"].as_i64()).collect();
    for id in &ids[1..] {
        let res = app.patch_json(&format!("/api/v1/sessions/{id}"), &json!({"organising_region": "middle-east"})).await;
        assert_eq!(res.status(), 200);
    }
    app.register(ids[2], participant("theirs@example.org")).await;
    mail_to(&sink, "theirs@example.org", 1).await;
    let theirs = ids[2];
    let before = app.session(theirs).await;
    let registrations_before = app.registrations(theirs).await;

    create_organiser(&app, "manila@example.org", PASSWORD, &["south-east-asia"]);
    assert_eq!(login(&app, "manila@example.org", PASSWORD).await.status(), 303);

    // "Apply to every future session" from the occurrence they do organise.
    let csrf = csrf_on(&app, &format!("/admin/sessions/{}/edit", ids[0])).await;
    let mut fields =
        crate::workspace_sessions::form(&csrf, "Hijacked", "south-east-asia", "2027-03-11T10:00", "2027-03-11T11:00");
    fields.retain(|(k, _)| *k != "join_url");
    fields.extend([("join_url", "https://evil.example/phish"), ("all_future", "on"), ("status", "published")]);
    let res =
        app.client.post(app.url(&format!("/admin/sessions/{}/edit", ids[0]))).form(&fields).send().await.expect("sent");
    assert_eq!(res.status(), 403, "a series spanning another region is refused whole");
    for id in &ids {
        let s = app.session(*id).await;
        assert_eq!(s["title"], "Weekly clinic", "session {id} unchanged");
        assert_eq!(s["join_url"], "https://meet.example.org/clinic");
    }

    // Every other write on the other region's session, with a valid CSRF token.
    let registration = app.registrations(theirs).await[0]["id"].to_string();
    let ours = ids[0].to_string();
    let csrf = csrf_on(&app, "/admin/sessions").await;
    let c = csrf.as_str();
    let edit = crate::workspace_sessions::form(c, "Hijacked", "middle-east", "2027-03-25T10:00", "2027-03-25T11:00");
    let writes: Vec<(String, Vec<(&str, &str)>)> = vec![
        (format!("/admin/sessions/{theirs}/edit"), edit),
        (format!("/admin/sessions/{theirs}/publish"), vec![("csrf_token", c)]),
        (format!("/admin/sessions/{theirs}/cancel"), vec![("csrf_token", c), ("reason", "x")]),
        (format!("/admin/sessions/{theirs}/delete"), vec![("csrf_token", c)]),
        (
            format!("/admin/sessions/{theirs}/email"),
            vec![("csrf_token", c), ("subject", "Hi"), ("message", "Hello"), ("send", "yes")],
        ),
    ];
    let mut writes = writes;
    for action in ["approve", "reject", "cancel", "promote", "attended", "no_show", "move"] {
        writes.push((
            format!("/admin/sessions/{theirs}/registrations"),
            vec![("csrf_token", c), ("action", action), ("ids", registration.as_str()), ("target", ours.as_str())],
        ));
    }
    // Moving one's own registrants into the other region's session.
    let target = theirs.to_string();
    writes.push((
        format!("/admin/sessions/{ours}/registrations"),
        vec![("csrf_token", c), ("action", "move"), ("ids", "1"), ("target", target.as_str())],
    ));
    for (path, form) in &writes {
        let res = app.client.post(app.url(path)).form(form).send().await.expect("sent");
        assert_eq!(res.status(), 403, "POST {path} {form:?}");
    }
    let after = app.session(theirs).await;
    assert_eq!(after, before, "the other region's session is as it was");
    assert_eq!(app.registrations(theirs).await, registrations_before, "and so are its registrations");
    app.dispatch_pending_emails().await;
    let to_them: Vec<String> =
        sink.received().iter().filter(|m| m.to.iter().any(|t| t == "theirs@example.org")).map(subject_of).collect();
    assert_eq!(to_them.len(), 1, "nobody there was emailed: {to_them:?}");
}

#[tokio::test]
async fn the_language_switch_never_redirects_off_the_site_nor_fails() {
    let app = spawn_app().await;
    for back in [
        "/%09/evil.example",
        "/%0a/evil.example",
        "%2F%2Fevil.example",
        "/%5Cevil.example",
        "https://evil.example",
        "/.//evil.example",
        "/%0d%0aSet-Cookie:x=1",
    ] {
        let res = app.get(&format!("/language?to=fr&back={back}")).await;
        assert_eq!(res.status(), 303, "{back}");
        let location = res.headers()["location"].to_str().expect("ascii").to_string();
        let resolved = url::Url::parse(&app.address).and_then(|u| u.join(&location)).expect("a location");
        assert_eq!(resolved.host_str(), Some("127.0.0.1"), "{back} → {location}");
        assert!(!location.starts_with("//"), "{back} → {location}");
    }
    let res = app.get("/language?to=fr&back=/sessions/3%3Ftz%3DAsia%2FManila").await;
    assert_eq!(res.headers()["location"], "/sessions/3?tz=Asia/Manila");
}

#[tokio::test]
async fn fifty_parallel_wrong_passwords_check_at_most_five_and_then_the_right_one_waits_too() {
    let app = spawn_app().await;
    create_admin(&app, "admin@example.org", PASSWORD);
    let csrf = csrf_on(&app, "/admin/login").await;
    let attempts = (0..50).map(|i| {
        let (client, url, csrf) = (app.client.clone(), app.url("/admin/login"), csrf.clone());
        tokio::spawn(async move {
            let password = format!("guess number {i}");
            let form = [("csrf_token", csrf.as_str()), ("email", "admin@example.org"), ("password", password.as_str())];
            client.post(url).form(&form).send().await.expect("sent").status().as_u16()
        })
    });
    let mut statuses = Vec::new();
    for a in attempts {
        statuses.push(a.await.expect("task"));
    }
    let refused = statuses.iter().filter(|s| **s == 401).count();
    let locked = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((refused, locked), (4, 46), "four refusals, the fifth locks, the rest are never checked: {statuses:?}");
    assert_eq!(login(&app, "admin@example.org", PASSWORD).await.status(), 429);
}

#[tokio::test]
async fn an_unknown_address_gets_the_same_answers_as_a_real_one_and_a_lockout_holds_per_client() {
    let app = spawn_app().await;
    create_admin(&app, "admin@example.org", PASSWORD);
    let mut seen = Vec::new();
    for email in ["admin@example.org", "nobody@example.org"] {
        let mut answers = Vec::new();
        for _ in 0..7 {
            let res = login(&app, email, "wrong password").await;
            let status = res.status().as_u16();
            let body = res.text().await.expect("body");
            let html = Html::parse_document(&body);
            let error: String =
                html.select(&Selector::parse(".error-summary").expect("selector")).flat_map(|e| e.text()).collect();
            answers.push((status, error));
        }
        seen.push(answers);
    }
    assert_eq!(seen[0], seen[1], "the same answers for a real and an unknown address");
    assert_eq!(seen[0].iter().map(|(s, _)| *s).collect::<Vec<_>>(), [401, 401, 401, 401, 429, 429, 429]);

    // Another client (127.0.0.2) is not locked out by the first one's failures.
    let other = client_from("127.0.0.2");
    assert_eq!(sign_in(&other, &app, PASSWORD).await, 303, "the owner elsewhere signs in");
}

#[tokio::test]
async fn a_browser_that_signed_in_before_is_not_locked_out_by_guessing_from_elsewhere() {
    let app = spawn_app().await;
    create_admin(&app, "admin@example.org", PASSWORD);
    assert_eq!(login(&app, "admin@example.org", PASSWORD).await.status(), 303, "the owner's browser signs in once");
    // Guessing spread over many clients exhausts the address-wide budget.
    run_sql(&app, "UPDATE login_throttle SET attempts = 1000 WHERE client = '*'");
    let stranger = client_from("127.0.0.3");
    let status = sign_in(&stranger, &app, PASSWORD).await;
    assert_eq!(status, 429, "a new client waits once the address has been guessed at too often");
    assert_eq!(login(&app, "admin@example.org", PASSWORD).await.status(), 303, "the owner's own browser does not");
}

#[tokio::test]
async fn secrets_in_links_stay_out_of_the_request_log() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _pg) = crate::common::backend_url(dir.path());
    let log = dir.path().join("server.log");
    let server = crate::cli::ServerProcess::start_logging(&db, dir.path(), &log);
    let base = server.address.clone();
    let client = reqwest::Client::new();
    let token = {
        let mut cmd = crate::cli::convene(&db, dir.path());
        let out = cmd.args(["token", "create", "--name", "log-test"]).output().expect("runs");
        String::from_utf8_lossy(&out.stdout).lines().last().expect("token").to_string()
    };
    let session: Value = client
        .post(format!("{base}/api/v1/sessions"))
        .bearer_auth(&token)
        .json(&manila_session())
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    let id = session["id"].as_i64().expect("id");
    let reg: Value = client
        .post(format!("{base}/api/v1/sessions/{id}/registrations"))
        .json(&participant("logged@example.org"))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    let manage = reg["manage_url"].as_str().expect("url");
    let feed = reg["feed_url"].as_str().expect("url");
    for url in [manage.to_string(), format!("{manage}/data.json"), feed.to_string()] {
        assert_eq!(client.get(&url).send().await.expect("sent").status(), 200, "{url}");
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    drop(server);
    let text = std::fs::read_to_string(&log).expect("log");
    assert!(text.contains("/registrations/{token}"), "the route pattern is logged:\n{text}");
    assert!(text.contains("/registrations/m_…"), "the masked path is logged:\n{text}");
    for secret in [token_of(&reg["manage_url"]), token_of(&reg["feed_url"]).trim_end_matches(".ics").to_string(), token]
    {
        assert!(!text.contains(&secret), "{secret} is in the log");
    }
}

#[tokio::test]
async fn changing_a_password_ends_every_other_signed_in_session_and_sessions_end_after_twelve_hours() {
    let app = spawn_app().await;
    create_admin(&app, "admin@example.org", PASSWORD);
    assert_eq!(login(&app, "admin@example.org", PASSWORD).await.status(), 303);
    let elsewhere = client_from("127.0.0.1");
    assert_eq!(sign_in(&elsewhere, &app, PASSWORD).await, 303);
    assert_eq!(elsewhere.get(app.url("/admin/sessions")).send().await.expect("sent").status(), 200);

    let csrf = csrf_on(&app, "/admin/password").await;
    let new = "a brand new passphrase 2027";
    let res = submit(
        &app.client,
        &app,
        "/admin/password",
        &[("csrf_token", csrf.as_str()), ("current", PASSWORD), ("new", new), ("again", new)],
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(app.get("/admin/sessions").await.status(), 200, "the session that changed it goes on");
    assert_eq!(
        elsewhere.get(app.url("/admin/sessions")).send().await.expect("sent").status(),
        303,
        "the other one ended"
    );

    run_sql(&app, "UPDATE admin_sessions SET created_at = '2020-01-01 00:00:00'");
    assert_eq!(app.get("/admin/sessions").await.status(), 303, "past its absolute lifetime, even when in use");
}

#[tokio::test]
async fn a_draft_series_is_unknown_to_the_public() {
    let app = spawn_app().await;
    let res = app
        .post_json(
            "/api/v1/series",
            &json!({"title": "Unannounced course", "time_zone": "Asia/Manila", "starts_at": "2027-03-11T10:00",
                    "ends_at": "2027-03-11T11:00", "status": "draft", "repeat": "weekly", "count": 2}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    for path in [format!("/api/v1/series/{id}"), format!("/feeds/series/{id}.ics")] {
        let res = app.get(&path).await;
        assert_eq!(res.status(), 404, "{path}");
        assert!(!res.text().await.expect("body").contains("Unannounced"), "{path}");
    }
    assert_eq!(app.get_authorised(&format!("/api/v1/series/{id}")).await.status(), 200, "organisers still see it");
}

#[tokio::test]
async fn a_notice_in_a_link_shows_only_if_the_server_wrote_it() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    app.register(id, participant("one@example.org")).await;
    create_admin(&app, "admin@example.org", PASSWORD);
    login(&app, "admin@example.org", PASSWORD).await;
    let forged = format!("/admin/sessions/{id}?done=ws-done-bulk-failed&a.done=1&a.failed=Call%20%2B1-555-FRAUD%20now");
    let page = Html::parse_document(&app.get(&forged).await.text().await.expect("page"));
    let notice = Selector::parse("#notice").expect("selector");
    assert!(page.select(&notice).next().is_none(), "a forged notice is not shown");
    // A real one, from a real action, still is.
    let csrf = csrf_on(&app, &format!("/admin/sessions/{id}")).await;
    let res = submit(
        &app.client,
        &app,
        &format!("/admin/sessions/{id}/registrations"),
        &[("csrf_token", csrf.as_str()), ("action", "approve")],
    )
    .await;
    let location = res.headers()["location"].to_str().expect("ascii").to_string();
    assert!(location.contains("sig="), "{location}");
    let page = Html::parse_document(&app.get(&location).await.text().await.expect("page"));
    let notice: String = page.select(&Selector::parse("#notice").expect("selector")).flat_map(|e| e.text()).collect();
    assert!(!notice.trim().is_empty(), "the server's own notice is shown");
    let tampered = location.replace("ws-done-choose", "ws-done-queued");
    let page = app.get(&tampered).await.text().await.expect("page");
    assert!(
        !Html::parse_document(&page)
            .select(&Selector::parse("#notice").expect("selector"))
            .any(|n| n.text().any(|t| t.contains("queued")))
    );
}

#[tokio::test]
async fn https_deployments_send_hsts_and_plain_ones_do_not() {
    let app = spawn_app_with(|s| s.base_url = Some("https://convene.example.org".into())).await;
    let res = app.get("/").await;
    assert_eq!(res.headers()["strict-transport-security"], "max-age=31536000; includeSubDomains");
    let plain = spawn_app().await;
    assert!(plain.get("/").await.headers().get("strict-transport-security").is_none());
}

#[tokio::test]
async fn a_form_sent_from_another_site_is_refused_even_with_a_valid_token() {
    let app = spawn_app().await;
    let csrf = csrf_on(&app, "/registrations/recover").await;
    let form = [("csrf_token", csrf.as_str()), ("email", "someone@example.org")];
    for headers in [
        vec![("Origin", "https://evil.example")],
        vec![("Sec-Fetch-Site", "cross-site")],
        vec![("Sec-Fetch-Site", "same-site"), ("Origin", "https://other.convene.example")],
        vec![("Origin", "null"), ("Sec-Fetch-Site", "cross-site")],
    ] {
        let mut req = app.client.post(app.url("/registrations/recover")).form(&form);
        for (name, value) in &headers {
            req = req.header(*name, *value);
        }
        let res = req.send().await.expect("sent");
        assert_eq!(res.status(), 403, "{headers:?}");
    }
    // A page with `Referrer-Policy: no-referrer` (the manage pages) makes the
    // browser send `Origin: null` for its own forms: that still works.
    let res = app
        .client
        .post(app.url("/registrations/recover"))
        .header("Origin", "null")
        .header("Sec-Fetch-Site", "same-origin")
        .form(&form)
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 200);
    let own = app.address.clone();
    let res = app
        .client
        .post(app.url("/registrations/recover"))
        .header("Origin", own.as_str())
        .header("Sec-Fetch-Site", "same-origin")
        .form(&form)
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 200, "from the site itself");
}

#[tokio::test]
async fn the_metrics_need_their_token_when_one_is_set() {
    let app =
        spawn_app_with(|s| s.metrics_token = Some(convene::settings::Secret("metrics-secret-0123456789".into()))).await;
    assert_eq!(app.get("/metrics").await.status(), 401);
    let res = app.client.get(app.url("/metrics")).bearer_auth("wrong-token-0123456789").send().await.expect("sent");
    assert_eq!(res.status(), 401);
    let res = app.client.get(app.url("/metrics")).bearer_auth("metrics-secret-0123456789").send().await.expect("sent");
    assert_eq!(res.status(), 200);
    assert!(res.text().await.expect("body").contains("# EOF"));
    assert_eq!(spawn_app().await.get("/metrics").await.status(), 200, "unset: open, as documented");
}
