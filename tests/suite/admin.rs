//! The organisers' workspace: access, login, the registrations view and
//! its CSV export.

use crate::common::{TestApp, create_admin, create_organiser, manila_session, participant, spawn_app, with};
use scraper::{Html, Selector};
use serde_json::{Value, json};

pub const PASSWORD: &str = "correct horse battery staple";

async fn csrf(app: &TestApp) -> String {
    let html = Html::parse_document(&app.get("/admin/login").await.text().await.expect("body"));
    let sel = Selector::parse("input[name=csrf_token]").expect("selector");
    html.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string()
}

pub async fn login(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    let token = csrf(app).await;
    submit(
        &app.client,
        app,
        "/admin/login",
        &[("csrf_token", token.as_str()), ("email", email), ("password", password)],
    )
    .await
}

#[tokio::test]
async fn every_admin_route_sends_anonymous_visitors_to_the_login_page() {
    let app = spawn_app().await;
    let id = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    for path in [
        "/admin",
        "/admin/sessions",
        &format!("/admin/sessions/{id}"),
        &format!("/admin/sessions/{id}/registrations.csv"),
        "/admin/users",
        "/admin/planner",
        "/admin/planner?date=2027-03-25&time=09:00&zone=Europe/Brussels&minutes=60",
        "/admin/tokens",
        "/admin/audit",
        "/admin/password",
        "/admin/sessions/new",
        &format!("/admin/sessions/new?clone={id}"),
        &format!("/admin/sessions/{id}/edit"),
        &format!("/admin/sessions/{id}/cancel"),
        &format!("/admin/sessions/{id}/delete"),
        "/admin/reference",
        "/admin/nominations",
        "/admin/reports",
        "/admin/reports.csv",
        "/admin/reports.xlsx",
        &format!("/admin/nominations/{id}"),
        "/admin/nominations/country/PH",
        "/admin/nominations/registrations/1/replace",
        "/admin/sessions/999/x",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 303, "{path}");
        assert_eq!(res.headers()["location"], "/admin/login", "{path}");
    }
    // Every form the workspace posts to, too (before any CSRF check).
    for path in [
        "/admin/users",
        "/admin/users/1",
        "/admin/tokens",
        "/admin/tokens/1/revoke",
        "/admin/password",
        "/admin/sessions/new",
        "/admin/sessions/1/edit",
        "/admin/sessions/1/publish",
        "/admin/sessions/1/cancel",
        "/admin/sessions/1/delete",
        "/admin/reference/topics",
        "/admin/reference/topics/biosafety",
        "/admin/reference/countries/ID/zones",
        "/admin/nominations/1",
        "/admin/nominations/1/sheet",
        "/admin/nominations/registrations/1/withdraw",
        "/admin/nominations/registrations/1/replace",
        "/admin/nominations/registrations/1/endorse",
        "/admin/nominations/registrations/1/decline",
        "/admin/sessions/1/focal-points",
    ] {
        let res = submit(&app.client, &app, path, &[("x", "y")]).await;
        assert_eq!(res.status(), 303, "POST {path}");
        assert_eq!(res.headers()["location"], "/admin/login", "POST {path}");
    }
    assert_eq!(app.get("/admin/login").await.status(), 200);
    let res = app
        .client
        .get(app.url("/admin/sessions"))
        .header("Cookie", "convene_admin=a_forged")
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303, "a made-up session cookie is no session");
}

#[tokio::test]
async fn login_needs_the_csrf_token_and_the_right_password_and_says_nothing_about_which_was_wrong() {
    let app = spawn_app().await;
    create_admin(&app, "admin@example.org", PASSWORD);
    let res =
        submit(&app.client, &app, "/admin/login", &[("email", "admin@example.org"), ("password", PASSWORD)]).await;
    assert_eq!(res.status(), 403, "no CSRF token");
    let wrong = login(&app, "admin@example.org", "not the password").await;
    assert_eq!(wrong.status(), 401);
    let wrong_text = Html::parse_document(&wrong.text().await.expect("body"));
    let unknown = login(&app, "nobody@example.org", PASSWORD).await;
    assert_eq!(unknown.status(), 401);
    let unknown_text = Html::parse_document(&unknown.text().await.expect("body"));
    let alert = Selector::parse("[role=alert]").expect("selector");
    let say = |h: &Html| h.select(&alert).next().map(|e| e.text().collect::<String>()).unwrap_or_default();
    assert_eq!(say(&wrong_text), say(&unknown_text), "the same answer for an unknown email");
    assert!(say(&wrong_text).contains("not right"));

    let ok = login(&app, "Admin@Example.org", PASSWORD).await;
    assert_eq!(ok.status(), 303);
    assert_eq!(ok.headers()["location"], "/admin");
    let cookie = ok.headers()["set-cookie"].to_str().expect("ascii").to_string();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    assert_eq!(app.get("/admin/sessions").await.status(), 200);
    // The cookie is sealed: it does not show the session id, and a changed
    // byte is no session.
    let value = cookie.split(';').next().and_then(|kv| kv.split_once('=')).map(|(_, v)| v.to_string()).expect("value");
    assert!(!value.starts_with("a_") && value.len() > 60, "encrypted, not the bare id: {value}");
    let mut tampered = value.clone().into_bytes();
    let last = tampered.len() - 2;
    tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).expect("ascii");
    let bare = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let res = bare
        .get(app.url("/admin/sessions"))
        .header("cookie", format!("convene_admin={tampered}"))
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303, "a tampered cookie is refused");
    let res = bare
        .get(app.url("/admin/sessions"))
        .header("cookie", format!("convene_admin={value}"))
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 200, "the sealed cookie itself works");

    let page = Html::parse_document(&app.get("/admin/sessions").await.text().await.expect("body"));
    let sel = Selector::parse("nav.admin-nav input[name=csrf_token]").expect("selector");
    let token = page.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string();
    let out = submit(&app.client, &app, "/admin/logout", &[("csrf_token", token.as_str())]).await;
    assert_eq!(out.status(), 303);
    assert_eq!(app.get("/admin/sessions").await.status(), 303, "signed out");
}

#[tokio::test]
async fn repeated_failures_lock_the_account_for_a_while() {
    let app = spawn_app().await;
    create_admin(&app, "admin@example.org", PASSWORD);
    for _ in 0..4 {
        assert_eq!(login(&app, "admin@example.org", "guess").await.status(), 401);
    }
    assert_eq!(login(&app, "admin@example.org", "guess").await.status(), 429, "the fifth failure locks");
    assert_eq!(login(&app, "admin@example.org", PASSWORD).await.status(), 429, "even the right password waits");
}

#[tokio::test]
async fn registrant_text_is_escaped_in_the_workspace_and_neutralised_in_the_csv() {
    let app = spawn_app().await;
    create_admin(&app, "admin@example.org", PASSWORD);
    let id = app.create_session(with(manila_session(), json!({"capacity": 1, "waitlist": true}))).await["id"]
        .as_i64()
        .expect("id");
    app.register(
        id,
        with(
            participant("x@example.org"),
            json!({"name": "<script>alert('x')</script>", "organisation": "=HYPERLINK(\"http://evil\")"}),
        ),
    )
    .await;
    app.register(
        id,
        with(
            participant("y@example.org"),
            json!({"name": "Nguyễn Thị Hà", "organisation": "-1+2", "position": "@lead"}),
        ),
    )
    .await;
    assert_eq!(login(&app, "admin@example.org", PASSWORD).await.status(), 303);

    let body = app.get(&format!("/admin/sessions/{id}")).await.text().await.expect("body");
    assert!(!body.contains("<script>alert"), "escaped in the workspace");
    let html = Html::parse_document(&body);
    let cells = Selector::parse("tbody td").expect("selector");
    let texts: Vec<String> = html.select(&cells).map(|c| c.text().collect()).collect();
    assert!(texts.contains(&"<script>alert('x')</script>".to_string()), "shown as typed: {texts:?}");
    assert!(body.contains("1 confirmed of 1"));
    // Everywhere else the workspace shows registrants: filtered and
    // searched tables, and the email preview (which greets them by name).
    for path in [format!("/admin/sessions/{id}?q=script"), format!("/admin/sessions/{id}?status=confirmed&country=ID")]
    {
        let body = app.get(&path).await.text().await.expect("body");
        assert!(!body.contains("<script>alert"), "{path}");
        let html = Html::parse_document(&body);
        let names: Vec<String> = html.select(&cells).map(|c| c.text().collect()).collect();
        assert!(names.contains(&"<script>alert('x')</script>".to_string()), "{path} lists the name as typed");
    }
    let csrf = {
        let html = Html::parse_document(&body);
        let sel = Selector::parse("input[name=csrf_token]").expect("selector");
        html.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string()
    };
    let preview = submit(
        &app.client,
        &app,
        &format!("/admin/sessions/{id}/email"),
        &[
            ("csrf_token", csrf.as_str()),
            ("to", "confirmed"),
            ("subject", "<b>Hi</b>"),
            ("message", "<img src=x onerror=alert(1)>"),
        ],
    )
    .await
    .text()
    .await
    .expect("body");
    assert!(preview.contains("Preview: to 1 person"), "the preview shows");
    assert!(
        !preview.contains("<script>alert") && !preview.contains("<img src=x") && !preview.contains("<b>Hi</b>"),
        "escaped in the preview"
    );

    let res = app.get(&format!("/admin/sessions/{id}/registrations.csv")).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().expect("ascii").starts_with("text/csv"));
    let bytes = res.bytes().await.expect("body");
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "a BOM for Excel");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header = reader.headers().expect("header").clone();
    assert_eq!(
        header.iter().skip(12).collect::<Vec<_>>(),
        ["role", "note", "nominated_by", "attendance", "minutes_present", "attendance_mode", "interpretation"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("parses back");
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][12], "participant");
    assert_eq!(&rows[0][3], "<script>alert('x')</script>");
    assert_eq!(&rows[0][5], "'=HYPERLINK(\"http://evil\")", "a formula is neutralised");
    assert_eq!(&rows[1][3], "Nguyễn Thị Hà");
    assert_eq!((&rows[1][1], &rows[1][2]), ("waitlisted", "1"));
    assert_eq!(&rows[1][5], "'-1+2");
    assert_eq!(&rows[1][6], "'@lead");
}

#[tokio::test]
async fn every_organiser_change_is_in_the_audit_log_with_before_and_after() {
    let app = spawn_app().await;
    create_admin(&app, "admin@example.org", PASSWORD);
    let id = app.create_session(with(manila_session(), json!({"requires_approval": true}))).await["id"]
        .as_i64()
        .expect("id");
    app.patch_json(
        &format!("/api/v1/sessions/{id}"),
        &json!({"starts_at": "2027-03-09T17:00", "ends_at": "2027-03-09T18:00"}),
    )
    .await;
    let (_, reg) = app.register(id, participant("p@example.org")).await;
    app.post_json(&format!("/api/v1/registrations/{}/approve", reg["id"]), &json!({})).await;
    assert_eq!(login(&app, "admin@example.org", PASSWORD).await.status(), 303);
    assert_eq!(app.get(&format!("/admin/sessions/{id}/registrations.csv")).await.status(), 200);
    app.post_json(&format!("/api/v1/sessions/{id}/cancel"), &json!({})).await;

    let html = Html::parse_document(&app.get(&format!("/admin/sessions/{id}")).await.text().await.expect("body"));
    let rows = Selector::parse("table.audit tbody tr").expect("selector");
    let rows: Vec<Vec<String>> = html
        .select(&rows)
        .map(|r| r.select(&Selector::parse("td").expect("td")).map(|c| c.text().collect::<String>()).collect())
        .collect();
    let actions: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(
        actions,
        ["session.cancel", "registrations.export", "registration.approve", "session.update", "session.create"],
        "newest first"
    );
    assert_eq!(rows[0][1], "token:tests");
    assert_eq!(rows[1][1], "user:admin@example.org");
    // Readable rows, field by field, not JSON.
    assert!(rows[3][3].contains("starts_at: 2027-03-09T16:00:00 → 2027-03-09T17:00:00"), "{}", rows[3][3]);
    assert!(rows[2][3].contains("pending_approval → confirmed"), "{}", rows[2][3]);
    assert!(!rows[4][3].contains('{') && rows[4][3].contains("title: "), "a creation lists its fields: {}", rows[4][3]);
}

#[tokio::test]
async fn organisers_see_and_open_only_sessions_their_regions_organise() {
    let app = spawn_app().await;
    let ours = app
        .create_session(with(manila_session(), json!({"title": "Ours", "organising_region": "south-east-asia"})))
        .await["id"]
        .as_i64()
        .expect("id");
    let theirs = app
        .create_session(with(manila_session(), json!({"title": "Theirs", "organising_region": "middle-east"})))
        .await["id"]
        .as_i64()
        .expect("id");
    let nobodys =
        app.create_session(with(manila_session(), json!({"title": "Nobody's"}))).await["id"].as_i64().expect("id");
    assert_eq!(app.session(ours).await["organising_region"], "south-east-asia");
    let res =
        app.post_json("/api/v1/sessions", &with(manila_session(), json!({"organising_region": "atlantis"}))).await;
    assert_eq!(res.status(), 422, "an unknown organising region is refused");

    create_organiser(&app, "manila@example.org", PASSWORD, &["south-east-asia"]);
    assert_eq!(login(&app, "manila@example.org", PASSWORD).await.status(), 303);
    let list = app.get("/admin/sessions").await.text().await.expect("body");
    assert!(list.contains("Ours") && !list.contains("Theirs") && !list.contains("Nobody"), "only their own listed");
    assert_eq!(app.get(&format!("/admin/sessions/{ours}")).await.status(), 200);
    assert_eq!(app.get(&format!("/admin/sessions/{ours}/registrations.csv")).await.status(), 200);
    for forbidden in [
        format!("/admin/sessions/{theirs}"),
        format!("/admin/sessions/{theirs}/registrations.csv"),
        format!("/admin/sessions/{nobodys}"),
        format!("/admin/sessions/{nobodys}/registrations.csv"),
        format!("/admin/sessions/{theirs}/edit"),
        format!("/admin/sessions/new?clone={theirs}"),
        "/admin/users".to_string(),
        "/admin/tokens".to_string(),
        "/admin/audit".to_string(),
    ] {
        let res = app.get(&forbidden).await;
        assert_eq!(res.status(), 403, "{forbidden}");
        let body = res.text().await.expect("body");
        assert!(!body.contains("Theirs"), "{forbidden} leaks nothing");
    }

    let csrf = page_token(&app.client, &app, "/admin/sessions").await;
    for action in ["edit", "publish", "cancel", "delete"] {
        let path = format!("/admin/sessions/{theirs}/{action}");
        let res = submit(&app.client, &app, &path, &[("csrf_token", csrf.as_str())]).await;
        assert_eq!(res.status(), 403, "POST {path}");
    }
    assert_eq!(app.session(theirs).await["status"], "published", "nothing changed");

    // An admin sees everything.
    let admin = spawn_admin_client(&app).await;
    for path in [format!("/admin/sessions/{theirs}"), format!("/admin/sessions/{nobodys}")] {
        assert_eq!(admin.get(app.url(&path)).send().await.expect("sent").status(), 200, "{path}");
    }
}

/// A second client signed in as an admin, beside the test's own.
async fn spawn_admin_client(app: &TestApp) -> reqwest::Client {
    create_admin(app, "root@example.org", PASSWORD);
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let page = client.get(app.url("/admin/login")).send().await.expect("sent").text().await.expect("body");
    let html = Html::parse_document(&page);
    let sel = Selector::parse("input[name=csrf_token]").expect("selector");
    let token = html.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string();
    let res = client
        .post(app.url("/admin/login"))
        .form(&[("csrf_token", token.as_str()), ("email", "root@example.org"), ("password", PASSWORD)])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    client
}

/// Posts a form as `client` and returns the answer.
pub async fn submit(client: &reqwest::Client, app: &TestApp, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    client.post(app.url(path)).form(form).send().await.expect("sent")
}

/// The CSRF token from a workspace page, for the forms on it.
pub async fn page_token(client: &reqwest::Client, app: &TestApp, path: &str) -> String {
    let page = client.get(app.url(path)).send().await.expect("sent").text().await.expect("body");
    let html = Html::parse_document(&page);
    let sel = Selector::parse("input[name=csrf_token]").expect("selector");
    html.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string()
}

#[tokio::test]
async fn admins_manage_accounts_and_tokens_and_everyone_their_password() {
    let app = spawn_app().await;
    let admin = spawn_admin_client(&app).await;
    let token = page_token(&admin, &app, "/admin/users").await;
    let res = submit(
        &admin,
        &app,
        "/admin/users",
        &[
            ("csrf_token", token.as_str()),
            ("email", "Tbilisi@Example.org"),
            ("role", "organiser"),
            ("region", "south-east-eastern-europe"),
            ("password", "a first password 1"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.expect("body").contains("Account tbilisi@example.org created."));
    let again = submit(
        &admin,
        &app,
        "/admin/users",
        &[
            ("csrf_token", token.as_str()),
            ("email", "tbilisi@example.org"),
            ("role", "organiser"),
            ("region", "south-east-eastern-europe"),
            ("password", "a first password 1"),
        ],
    )
    .await;
    assert_eq!(again.status(), 409, "one account per email");
    let no_region = submit(
        &admin,
        &app,
        "/admin/users",
        &[
            ("csrf_token", token.as_str()),
            ("email", "x@example.org"),
            ("role", "organiser"),
            ("password", "a first password 1"),
        ],
    )
    .await;
    assert_eq!(no_region.status(), 422, "an organiser needs a region");

    // The organiser signs in, changes their password, and is scoped.
    assert_eq!(login(&app, "tbilisi@example.org", "a first password 1").await.status(), 303);
    let token = page_token(&app.client, &app, "/admin/password").await;
    let wrong = submit(
        &app.client,
        &app,
        "/admin/password",
        &[
            ("csrf_token", token.as_str()),
            ("current", "not it at all"),
            ("new", "a better password 2"),
            ("again", "a better password 2"),
        ],
    )
    .await;
    assert_eq!(wrong.status(), 422);
    let right = submit(
        &app.client,
        &app,
        "/admin/password",
        &[
            ("csrf_token", token.as_str()),
            ("current", "a first password 1"),
            ("new", "a better password 2"),
            ("again", "a better password 2"),
        ],
    )
    .await;
    assert_eq!(right.status(), 200);
    assert_eq!(app.get("/admin/users").await.status(), 403, "organisers do not manage accounts");

    // The admin disables the account: the organiser's session ends at once.
    let users = admin.get(app.url("/admin/users")).send().await.expect("sent").text().await.expect("body");
    let html = Html::parse_document(&users);
    let forms = Selector::parse("form.inline-form").expect("selector");
    let their_form = html
        .select(&forms)
        .find(|f| f.text().collect::<String>().contains("Regions of tbilisi@example.org"))
        .and_then(|f| f.value().attr("action"))
        .expect("the organiser's form")
        .to_string();
    let token = page_token(&admin, &app, "/admin/users").await;
    let res = submit(
        &admin,
        &app,
        &their_form,
        &[
            ("csrf_token", token.as_str()),
            ("role", "organiser"),
            ("region", "south-east-eastern-europe"),
            ("disabled", "on"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let res = app.get("/admin/sessions").await;
    assert_eq!(res.status(), 303, "a disabled account is signed out");
    assert_eq!(login(&app, "tbilisi@example.org", "a better password 2").await.status(), 401, "and cannot sign in");

    // API tokens: created in the workspace, shown once, revocable.
    let token = page_token(&admin, &app, "/admin/tokens").await;
    let res = submit(&admin, &app, "/admin/tokens", &[("csrf_token", token.as_str()), ("name", "regional CRM")]).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let page = Html::parse_document(&res.text().await.expect("body"));
    let code = Selector::parse("#new-token").expect("selector");
    let secret = page.select(&code).next().map(|c| c.text().collect::<String>()).expect("the secret, once");
    let create = |secret: String| {
        let client = app.client.clone();
        let url = app.url("/api/v1/sessions");
        async move { client.post(url).bearer_auth(secret).json(&manila_session()).send().await.expect("sent").status() }
    };
    assert_eq!(create(secret.clone()).await, 201);
    let listed = admin.get(app.url("/admin/tokens")).send().await.expect("sent").text().await.expect("body");
    assert!(!listed.contains(&secret), "the secret is never shown again");
    let html = Html::parse_document(&listed);
    let revoke = Selector::parse("form[action$='/revoke']").expect("selector");
    let action = html
        .select(&revoke)
        .find(|f| f.text().collect::<String>().contains("regional CRM"))
        .and_then(|f| f.value().attr("action"))
        .expect("a revoke form")
        .to_string();
    let token = page_token(&admin, &app, "/admin/tokens").await;
    let res = submit(&admin, &app, &action, &[("csrf_token", token.as_str())]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(create(secret).await, 401, "a revoked token is refused");

    // Everything above is in the global audit log.
    let audit = admin.get(app.url("/admin/audit")).send().await.expect("sent").text().await.expect("body");
    for action in ["user.create", "user.password", "user.update", "token.create", "token.revoke", "session.create"] {
        assert!(audit.contains(action), "{action} is logged");
    }
    let only =
        admin.get(app.url("/admin/audit?action=token.revoke")).send().await.expect("sent").text().await.expect("body");
    assert!(only.contains("token.revoke") && !only.contains("user.create"));
}

#[tokio::test]
async fn admins_keep_topics_and_country_zones_current_and_the_api_follows() {
    let app = spawn_app().await;
    let admin = spawn_admin_client(&app).await;
    let post = |path: &str, fields: Vec<(&'static str, String)>| {
        let (admin, url) = (admin.clone(), app.url(path));
        let app_url = app.url("/admin/reference");
        async move {
            let token = {
                let page = admin.get(app_url).send().await.expect("sent").text().await.expect("body");
                let html = Html::parse_document(&page);
                let sel = Selector::parse("input[name=csrf_token]").expect("selector");
                html.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string()
            };
            let mut form = vec![("csrf_token", token)];
            form.extend(fields);
            admin.post(url).form(&form).send().await.expect("sent")
        }
    };
    let res = post(
        "/admin/reference/topics",
        vec![("slug", "radiation-protection".into()), ("name", "Radiation protection".into())],
    )
    .await;
    assert_eq!(res.status(), 200);
    let res =
        post("/admin/reference/topics", vec![("slug", "radiation-protection".into()), ("name", "Again".into())]).await;
    assert_eq!(res.status(), 409, "one topic per slug");
    let res = post("/admin/reference/topics/radiation-protection", vec![("name", "Radiation safety".into())]).await;
    assert_eq!(res.status(), 200);
    let topics: Vec<Value> = app.get("/api/v1/topics").await.json().await.expect("json");
    assert!(topics.iter().any(|t| t["slug"] == "radiation-protection" && t["name"] == "Radiation safety"));

    let res = post("/admin/reference/countries/id/zones", vec![("zones", "Asia/Jakarta, Mars/Olympus".into())]).await;
    assert_eq!(res.status(), 422, "an unknown zone is refused");
    let countries: Vec<Value> = app.get("/api/v1/countries").await.json().await.expect("json");
    let indonesia = countries.iter().find(|c| c["iso2"] == "ID").expect("Indonesia");
    assert_eq!(indonesia["time_zones"].as_array().map(Vec::len), Some(4), "nothing changed");
    let res = post("/admin/reference/countries/ID/zones", vec![("zones", "Asia/Makassar, Asia/Jakarta".into())]).await;
    assert_eq!(res.status(), 200);
    let countries: Vec<Value> = app.get("/api/v1/countries").await.json().await.expect("json");
    let indonesia = countries.iter().find(|c| c["iso2"] == "ID").expect("Indonesia");
    assert_eq!(indonesia["time_zones"], json!(["Asia/Makassar", "Asia/Jakarta"]), "the first is the new default");
    let audit = admin.get(app.url("/admin/audit")).send().await.expect("sent").text().await.expect("body");
    assert!(audit.contains("reference.topic.create") && audit.contains("reference.country.zones"));

    create_organiser(&app, "org@example.org", PASSWORD, &["south-east-asia"]);
    login(&app, "org@example.org", PASSWORD).await;
    assert_eq!(app.get("/admin/reference").await.status(), 403, "admins only");
}

#[tokio::test]
async fn the_networks_name_reads_in_each_language_until_an_admin_sets_one_which_then_signs_pages_and_emails() {
    let (app, sink) = crate::email::app_with_sink().await;
    let brand = |page: &str| {
        let html = Html::parse_document(page);
        let sel = Selector::parse("header .brand").expect("selector");
        html.select(&sel).next().map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
    };
    let footer = |page: &str| {
        let html = Html::parse_document(page);
        let sel = Selector::parse("footer").expect("selector");
        html.select(&sel).next().map(|e| e.text().collect::<String>()).unwrap_or_default()
    };
    let french = |path: &'static str| app.client.get(app.url(path)).header("Accept-Language", "fr").send();
    let page = french("/").await.expect("sent").text().await.expect("body");
    assert_eq!(brand(&page).as_deref(), Some("Convene · Centres d’excellence CBRN de l’UE"), "the default, in French");
    let session = app.create_session(manila_session()).await;
    let id = session["id"].as_i64().expect("id");
    let mut before = participant("before@example.org");
    before["language"] = json!("fr");
    assert_eq!(app.register(id, before).await.0, 201);

    create_admin(&app, "admin@example.org", PASSWORD);
    login(&app, "admin@example.org", PASSWORD).await;
    let csrf = page_token(&app.client, &app, "/admin/reference").await;
    let form = [("csrf_token", csrf.as_str()), ("network_name", "CBRN CoE Network"), ("funded_by", "")];
    assert_eq!(submit(&app.client, &app, "/admin/reference/settings", &form).await.status(), 200);
    let page = french("/").await.expect("sent").text().await.expect("body");
    assert_eq!(brand(&page).as_deref(), Some("Convene · CBRN CoE Network"), "as the admin wrote it");
    assert!(footer(&page).contains("Convene — CBRN CoE Network."), "{}", footer(&page));
    let feed = app.get("/feeds/all.ics").await.text().await.expect("body");
    assert!(feed.contains("X-WR-CALDESC:Every session of CBRN CoE Network"), "the feed's description too");
    assert_eq!(app.register(id, participant("after@example.org")).await.0, 201);

    app.dispatch_pending_emails().await;
    let mail = sink.received();
    let to =
        |who: &str| mail.iter().find(|m| m.to.iter().any(|t| t == who)).map(crate::email::text_body).expect("mail");
    // The signature is read when the email is written.
    assert!(to("before@example.org").trim_end().ends_with("Convene, Centres d’excellence CBRN de l’UE"));
    assert!(to("after@example.org").trim_end().ends_with("Convene, CBRN CoE Network"), "{}", to("after@example.org"));
}

#[tokio::test]
async fn the_networks_name_and_funded_by_line_are_settings_and_the_workspace_marks_where_one_is() {
    let app = spawn_app().await;
    let text = |page: &str, selector: &str| {
        let html = Html::parse_document(page);
        let sel = Selector::parse(selector).expect("selector");
        html.select(&sel).next().map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
    };
    let home = app.get("/").await.text().await.expect("body");
    assert_eq!(text(&home, "header .brand").as_deref(), Some("Convene · EU CBRN Centres of Excellence"));
    assert!(text(&home, "footer .funded-by").is_none(), "no line until an admin writes one");

    create_admin(&app, "admin@example.org", PASSWORD);
    login(&app, "admin@example.org", PASSWORD).await;
    let csrf = page_token(&app.client, &app, "/admin/reference").await;
    let bad = [("csrf_token", csrf.as_str()), ("network_name", ""), ("funded_by", "")];
    assert_eq!(submit(&app.client, &app, "/admin/reference/settings", &bad).await.status(), 422, "a name is needed");
    let form = [
        ("csrf_token", csrf.as_str()),
        ("network_name", "CBRN CoE Network"),
        ("funded_by", "Funded by the European Union"),
    ];
    assert_eq!(submit(&app.client, &app, "/admin/reference/settings", &form).await.status(), 200);
    let home = app.get("/").await.text().await.expect("body");
    assert_eq!(text(&home, "header .brand").as_deref(), Some("Convene · CBRN CoE Network"));
    assert_eq!(text(&home, "footer .funded-by").as_deref(), Some("Funded by the European Union"));
    let audit = app.get("/admin/audit").await.text().await.expect("body");
    assert!(audit.contains("settings.network_name") && audit.contains("CBRN CoE Network"), "audited");
    // The switch alone (an older form) keeps the identity as it is.
    let switch = [("csrf_token", csrf.as_str()), ("ask_gender", "on")];
    assert_eq!(submit(&app.client, &app, "/admin/reference/settings", &switch).await.status(), 200);
    let home = app.get("/").await.text().await.expect("body");
    assert_eq!(text(&home, "header .brand").as_deref(), Some("Convene · CBRN CoE Network"));

    // A logo: a picture by its bytes, shown in every header, served with its type.
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let logo = |bytes: &'static [u8], name: &'static str| {
        let (content_type, body) =
            crate::materials::multipart(&[("csrf_token", None, csrf.as_bytes()), ("file", Some(name), bytes)]);
        app.client.post(app.url("/admin/reference/logo")).header("Content-Type", content_type).body(body).send()
    };
    assert_eq!(logo(crate::materials::SVG, "logo.svg").await.expect("sent").status(), 422, "no SVG");
    assert_eq!(logo(png, "logo.png").await.expect("sent").status(), 200);
    let home = app.get("/").await.text().await.expect("body");
    let html = Html::parse_document(&home);
    let img = Selector::parse("header .brand img.logo").expect("selector");
    let src = html.select(&img).next().and_then(|i| i.value().attr("src")).expect("the logo in the header").to_string();
    let served = app.get(&src).await;
    assert_eq!(served.headers()["content-type"], "image/png");
    assert_eq!(served.bytes().await.expect("bytes").as_ref(), png);
    let audit = app.get("/admin/audit").await.text().await.expect("body");
    assert!(audit.contains("settings.logo") && !audit.contains("iVBOR"), "audited by type and size, not its bytes");
    // An organiser may not change the network's face.
    create_organiser(&app, "org@example.org", PASSWORD, &["south-east-asia"]);
    let organiser = reqwest::Client::builder().cookie_store(true).build().expect("client");
    let token = page_token(&organiser, &app, "/admin/login").await;
    let signed_in = [("csrf_token", token.as_str()), ("email", "org@example.org"), ("password", PASSWORD)];
    submit(&organiser, &app, "/admin/login", &signed_in).await;
    let signed = organiser.get(app.url("/admin/sessions")).send().await.expect("sent");
    assert_eq!(signed.url().path(), "/admin/sessions", "the organiser is signed in, so a 403 is about the role");
    let theirs = page_token(&organiser, &app, "/admin/sessions").await;
    let (content_type, body) =
        crate::materials::multipart(&[("csrf_token", None, theirs.as_bytes()), ("file", Some("x.png"), png)]);
    let res = organiser
        .post(app.url("/admin/reference/logo"))
        .header("Content-Type", content_type)
        .body(body)
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 403, "only admins set the logo");
    let res = submit(&organiser, &app, "/admin/reference/logo/remove", &[("csrf_token", theirs.as_str())]).await;
    assert_eq!(res.status(), 403, "or remove it");
    let res = submit(
        &organiser,
        &app,
        "/admin/reference/settings",
        &[("csrf_token", theirs.as_str()), ("network_name", "Mine")],
    )
    .await;
    assert_eq!(res.status(), 403, "or rename the network");
    let remove = [("csrf_token", csrf.as_str())];
    assert_eq!(submit(&app.client, &app, "/admin/reference/logo/remove", &remove).await.status(), 200);
    assert_eq!(app.get("/network/logo").await.status(), 404);

    // The navigation marks the page one is on; signing out is a quiet button.
    let planner = app.get("/admin/planner").await.text().await.expect("body");
    assert_eq!(text(&planner, ".admin-nav a[aria-current=page]").as_deref(), Some("Planner"));
    let session = app.create_session(manila_session()).await["id"].as_i64().expect("id");
    let page = app.get(&format!("/admin/sessions/{session}")).await.text().await.expect("body");
    assert_eq!(text(&page, ".admin-nav a[aria-current=page]").as_deref(), Some("Sessions"));
    assert!(page.contains("class=\"quiet\">Sign out"), "sign-out is not the loudest button");
}
