//! Arabic and Russian: pages right to left with times, offsets and
//! addresses isolated; emails, invites and feeds in each; shared feeds by
//! `?lang=`; the workspace's last English corners (CSV columns, a bulk
//! action's reasons, a series' clock-change warnings) in the reader's
//! language.

use crate::common::{TestApp, manila_session, participant, spawn_app, with};
use crate::email::{app_with_sink, calendar_part, parse_ics, prop, text_body};
use crate::smtp::subject_of;
use scraper::{Html, Selector};
use serde_json::json;
use std::time::Duration;

const LRI: char = '\u{2066}';
const PDI: char = '\u{2069}';

fn text(html: &Html, sel: &str) -> String {
    let s = Selector::parse(sel).expect("selector");
    html.select(&s).next().map(|e| e.text().collect::<String>()).unwrap_or_default()
}

fn attr(html: &Html, sel: &str, name: &str) -> Option<String> {
    let s = Selector::parse(sel).expect("selector");
    html.select(&s).next().and_then(|e| e.value().attr(name)).map(str::to_string)
}

async fn page_in(app: &TestApp, path: &str, accept_language: &str) -> (u16, String) {
    let res = app.client.get(app.url(path)).header("accept-language", accept_language).send().await.expect("sent");
    (res.status().as_u16(), res.text().await.expect("body"))
}

/// A session in Amman, open to the Middle East.
fn amman_session() -> serde_json::Value {
    with(
        manila_session(),
        json!({"title": "Chemical security round table", "time_zone": "Asia/Amman", "regions": ["middle-east"],
               "starts_at": "2027-03-09T16:00", "ends_at": "2027-03-09T17:30", "topics": ["chemical-safety-security"]}),
    )
}

#[tokio::test]
async fn arabic_pages_read_right_to_left_with_times_and_offsets_isolated_left_to_right() {
    let app = spawn_app().await;
    let id = app.create_session(amman_session()).await["id"].as_i64().expect("id");
    let (_, body) = page_in(&app, "/?tz=Asia/Amman", "ar-JO,ar;q=0.9,en;q=0.5").await;
    let home = Html::parse_document(&body);
    assert_eq!(attr(&home, "html", "lang").as_deref(), Some("ar"));
    assert_eq!(attr(&home, "html", "dir").as_deref(), Some("rtl"));
    assert_eq!(text(&home, "h1"), "الجلسات القادمة");
    // Amman is UTC+03:00 all year: the times and the offset in one
    // left-to-right isolate, as markup (never as raw control characters).
    assert!(
        body.contains("<time>الثلاثاء 9 مارس 2027، <bdi dir=\"ltr\">16:00–17:30 (UTC+03:00)</bdi> عمّان</time>"),
        "{}",
        text(&home, "ul.sessions .time")
    );
    assert!(!body.contains(LRI) && !body.contains(PDI), "isolates in the page's text are markup");
    assert!(text(&home, "ul.sessions .meta").contains("الشرق الأوسط"), "region named in Arabic");

    let (_, body) = page_in(&app, &format!("/sessions/{id}?tz=Asia/Amman"), "ar").await;
    let session = Html::parse_document(&body);
    assert_eq!(attr(&session, "html", "dir").as_deref(), Some("rtl"));
    assert!(body.contains("<bdi dir=\"ltr\">16:00–17:30 (UTC+03:00)</bdi>"), "{body}");
    // The feeds it offers carry the language.
    assert!(body.contains("/feeds/all.ics?lang=ar"), "shared feeds in Arabic");
    assert!(body.contains(&format!("/sessions/{id}/invite.ics?lang=ar")));

    // The form keeps addresses left to right inside the right-to-left page.
    let (status, body) = page_in(&app, &format!("/sessions/{id}/register"), "ar").await;
    assert_eq!(status, 200);
    let form = Html::parse_document(&body);
    assert_eq!(attr(&form, "#f-email", "dir").as_deref(), Some("ltr"), "an email address is typed left to right");
    assert_eq!(text(&form, "label[for=f-name]").trim(), "الاسم الكامل");
    assert!(text(&form, "nav.languages").contains("English"));
}

#[tokio::test]
async fn an_arabic_registrant_gets_a_right_to_left_email_with_the_time_in_an_isolate_and_an_arabic_invite() {
    let (app, sink) = app_with_sink().await;
    let id = app.create_session(amman_session()).await["id"].as_i64().expect("id");
    let body = with(
        participant("layla@example.org"),
        json!({"name": "ليلى حداد", "country": "JO", "time_zone": "Asia/Amman", "language": "ar"}),
    );
    let (status, out) = app.register(id, body).await;
    assert_eq!((status, out["language"].as_str()), (201, Some("ar")), "{out}");
    let mail = sink.wait_for(1, Duration::from_secs(15)).await;
    // The Latin title set apart, so the colon stays after the Arabic words.
    assert_eq!(subject_of(&mail[0]), "تأكيد التسجيل: \u{2068}Chemical security round table\u{2069}");
    let plain = text_body(&mail[0]);
    // Plain text keeps the Unicode isolates: the name (first strong), the
    // time with its offset (left to right).
    assert!(plain.contains("مرحبًا \u{2068}ليلى حداد\u{2069}،"), "{plain}");
    assert!(plain.contains(&format!("الثلاثاء 9 مارس 2027، {LRI}16:00–17:30 (UTC+03:00){PDI}")), "{plain}");
    // Links keep their direction in a right-to-left line.
    assert!(plain.contains("رابط الندوة عبر الإنترنت: \u{2068}https://meet.example.org/secret-room\u{2069}"), "{plain}");
    let html = mail[0].parsed().body_html(0).map(|h| h.into_owned()).unwrap_or_default();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    assert!(html.contains("dir=\"ltr\" style=\"color: #0b4f9c;\">https://meet.example.org/secret-room</a>"), "{html}");
    assert!(html.contains("<bdi dir=\"ltr\">16:00–17:30 (UTC+03:00)</bdi>"), "the time in an isolate: {html}");
    // Isolates stay characters only where markup cannot go: the <title>.
    let body_part = html.split("</title>").nth(1).unwrap_or_default();
    assert!(!body_part.contains(LRI) && !body_part.contains(PDI), "markup, not control characters: {body_part}");
    let (_, ics) = calendar_part(&mail[0]).expect("an invite");
    let invite = parse_ics(&ics);
    let description = prop(&invite.events[0], "DESCRIPTION").unwrap_or_default();
    assert!(description.contains("تسجيلك: "), "{description}");
    assert!(description.contains(&format!("{LRI}16:00–17:30 (UTC+03:00){PDI}")), "{description}");

    // The manage page: right to left, the status in Arabic.
    let manage = out["manage_url"].as_str().expect("manage url").to_string();
    let res = app.client.get(&manage).header("accept-language", "ar").send().await.expect("sent");
    let page = Html::parse_document(&res.text().await.expect("body"));
    assert_eq!(attr(&page, "html", "dir").as_deref(), Some("rtl"));
    assert_eq!(text(&page, "#status"), "مؤكَّد");
    // The personal feed in the registration's language.
    let feed = app.client.get(out["feed_url"].as_str().expect("feed")).send().await.expect("sent");
    let feed = feed.text().await.expect("body");
    assert!(feed.contains("X-WR-CALNAME:Convene: جلساتي"), "{feed}");
}

#[tokio::test]
async fn a_russian_registrant_in_tashkent_reads_tashkent_times_in_russian() {
    let (app, sink) = app_with_sink().await;
    let session = with(
        manila_session(),
        json!({"regions": ["central-asia"], "time_zone": "Europe/Brussels",
        "starts_at": "2027-03-09T09:00", "ends_at": "2027-03-09T10:30"}),
    );
    let id = app.create_session(session).await["id"].as_i64().expect("id");
    let (_, body) = page_in(&app, "/?tz=Asia/Tashkent", "ru-UZ,ru;q=0.9").await;
    let home = Html::parse_document(&body);
    assert_eq!(attr(&home, "html", "lang").as_deref(), Some("ru"));
    assert_eq!(attr(&home, "html", "dir").as_deref(), Some("ltr"));
    assert_eq!(text(&home, "h1"), "Предстоящие мероприятия");
    // 09:00 in Brussels (UTC+01:00) is 13:00 in Tashkent (UTC+05:00).
    assert!(text(&home, "ul.sessions .time").contains("вт, 9 мар 2027, 13:00–14:30 Ташкент (UTC+05:00)"), "{body}");
    assert!(!body.contains("<bdi"), "no isolates in a left-to-right language");

    let body = with(
        participant("aziz@example.org"),
        json!({"name": "Азиз Каримов", "country": "UZ", "time_zone": "Asia/Tashkent", "language": "ru"}),
    );
    let (status, _) = app.register(id, body).await;
    assert_eq!(status, 201);
    let mail = sink.wait_for(1, Duration::from_secs(15)).await;
    assert_eq!(subject_of(&mail[0]), "Регистрация подтверждена: Biosafety in diagnostic laboratories");
    let plain = text_body(&mail[0]);
    for expected in [
        "Здравствуйте, Азиз Каримов!",
        "вторник, 9 марта 2027, 13:00–14:30 Ташкент (UTC+05:00)",
        "09:00–10:30 Брюссель (UTC+01:00)",
    ] {
        assert!(plain.contains(expected), "missing {expected:?} in:\n{plain}");
    }
    assert!(!plain.contains(LRI) && !plain.contains('\u{2068}'), "no isolates in Russian");
}

#[tokio::test]
async fn shared_feeds_speak_the_language_their_address_names_and_refuse_an_unknown_one() {
    let app = spawn_app().await;
    app.create_session(manila_session()).await;
    let get = |path: &'static str| {
        let app = &app;
        async move {
            let res = app.get(path).await;
            (res.status().as_u16(), res.text().await.expect("body"))
        }
    };
    let (status, en) = get("/feeds/all.ics").await;
    assert_eq!(status, 200);
    assert!(en.contains("X-WR-CALNAME:Convene: all sessions"), "{en}");
    let (_, fr) = get("/feeds/all.ics?lang=fr").await;
    assert!(fr.contains("X-WR-CALNAME:Convene : toutes les sessions"), "{fr}");
    assert!(fr.contains("CATEGORIES:Biosécurité") || fr.contains("Sécurité biologique"), "topics in French: {fr}");
    let cal = parse_ics(&fr);
    assert!(prop(&cal.events[0], "DESCRIPTION").unwrap_or_default().contains("Quand : mar. 9 mars 2027"));
    let (_, ru) = get("/feeds/regions/south-east-asia.ics?lang=ru").await;
    assert!(ru.contains("X-WR-CALNAME:Convene: Юго-Восточная Азия"), "{ru}");
    let (_, ar) = get("/feeds/all.ics?lang=ar").await;
    assert!(ar.contains(&format!("{LRI}16:00–17:30 (UTC+08:00){PDI}")), "isolates in an Arabic feed");
    // Each language is cached on its own: English is still English.
    let (_, again) = get("/feeds/all.ics").await;
    assert_eq!(
        again.lines().find(|l| l.starts_with("X-WR-CALNAME")),
        en.lines().find(|l| l.starts_with("X-WR-CALNAME"))
    );
    let (status, problem) = get("/feeds/all.ics?lang=xx").await;
    assert_eq!(status, 400, "{problem}");
    assert!(problem.contains("en, fr, ar, ru"), "{problem}");
}

#[tokio::test]
async fn the_workspace_exports_skips_and_warns_in_the_organisers_language() {
    const KEY: &str = "a server key of at least thirty-two characters";
    let app = crate::common::spawn_app_with(|s| s.secret_key = Some(convene::settings::Secret(KEY.into()))).await;
    let id = app.create_session(with(manila_session(), json!({"capacity": 1}))).await["id"].as_i64().expect("id");
    for email in ["a@example.org", "b@example.org"] {
        assert_eq!(app.register(id, participant(email)).await.0, 201);
    }
    crate::common::create_admin(&app, "root@example.org", crate::admin::PASSWORD);
    assert_eq!(crate::admin::login(&app, "root@example.org", crate::admin::PASSWORD).await.status(), 303);
    assert_eq!(app.get("/language?to=ru&back=/admin/sessions").await.status(), 303);

    // CSV columns in Russian; the cells keep the stored words.
    let bytes = app.get(&format!("/admin/sessions/{id}/registrations.csv")).await.bytes().await.expect("body");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_string).collect();
    assert_eq!(&header[..4], ["id", "статус", "номер в листе ожидания", "имя"]);
    assert!(header.contains(&"название страны".to_string()));
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
    assert_eq!((&rows[0][1], &rows[0][8]), ("confirmed", "Индонезия"));

    // A bulk action that cannot be done for someone says why, in Russian.
    let regs = app.registrations(id).await;
    let waiting = regs.iter().find(|r| r["status"] == "waitlisted").and_then(|r| r["id"].as_i64()).expect("waiting");
    let csrf = crate::workspace_sessions::token_on(&app, &format!("/admin/sessions/{id}")).await;
    let res = app
        .client
        .post(app.url(&format!("/admin/sessions/{id}/registrations")))
        .form(&[("csrf_token", csrf.as_str()), ("action", "approve"), ("ids", &waiting.to_string())])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().expect("ascii").to_string();
    let page = Html::parse_document(&app.get(&location).await.text().await.expect("body"));
    let notice = text(&page, "#notice");
    assert!(notice.starts_with("Выполнено: 0. Не выполнено: Siti Rahma: "), "{notice}");
    assert!(!notice.contains("This ") && !notice.contains(" is "), "no English left: {notice}");

    // A series across the EU clock change warns in Russian.
    let csrf = crate::workspace_sessions::token_on(&app, "/admin/sessions/new").await;
    let mut fields =
        crate::workspace_sessions::form(&csrf, "Weekly", "south-east-asia", "2027-03-18T10:00", "2027-03-18T11:00");
    fields.retain(|(k, _)| *k != "time_zone");
    fields.extend([("time_zone", "Europe/Brussels"), ("repeat", "weekly"), ("count", "4")]);
    let res = app.client.post(app.url("/admin/sessions/new")).form(&fields).send().await.expect("sent");
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().expect("ascii").to_string();
    let page = Html::parse_document(&app.get(&location).await.text().await.expect("body"));
    let notice = text(&page, "#notice");
    assert!(notice.contains("С 2027-04-01 в поясе «Брюссель» переводят часы"), "{notice}");
    assert!(notice.contains("(Джакарта: 15:00 вместо 16:00)"), "the cities in Russian: {notice}");
    assert!(notice.contains("на час раньше"), "{notice}");
}
