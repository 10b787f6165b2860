//! The programme's participation report (issue 17, first part): the API's
//! figures over a period within the token's scope, and the workspace page.

use crate::admin::{PASSWORD, login};
use crate::common::{create_organiser, manila_session, participant, spawn_app, with};
use serde_json::{Value, json};

#[tokio::test]
async fn the_participation_report_counts_a_period_by_country_region_topic_and_month_within_scope() {
    let app = spawn_app().await;
    let march = app.create_session(with(manila_session(), json!({"capacity": 10}))).await["id"].as_i64().expect("id");
    let april = app
        .create_session(with(
            manila_session(),
            json!({"starts_at": "2027-04-13T16:00", "ends_at": "2027-04-13T17:30", "topics": ["biosafety", "export-control"],
                   "regions": ["south-east-asia", "african-atlantic-facade"]}),
        ))
        .await["id"]
        .as_i64()
        .expect("id");
    let next_year = app
        .create_session(with(manila_session(), json!({"starts_at": "2028-01-11T16:00", "ends_at": "2028-01-11T17:30"})))
        .await["id"]
        .as_i64()
        .expect("id");
    let draft =
        app.create_session(with(manila_session(), json!({"status": "draft"}))).await["id"].as_i64().expect("id");
    let (_, ana) = app.register(march, with(participant("Ana@example.ph"), json!({"country": "PH"}))).await;
    app.register(april, with(participant("ana@example.ph "), json!({"country": "PH"}))).await;
    app.register(april, participant("siti@example.id")).await;
    app.register(next_year, participant("later@example.id")).await;
    let (_, gone) = app.register(march, participant("gone@example.id")).await;
    let cancel = format!("/api/v1/registrations/{}/cancel", crate::common::token_of(&gone["manage_url"]));
    app.post_public(&cancel, &json!({})).await;
    app.post_json(&format!("/api/v1/registrations/{}/attendance", ana["id"]), &json!({"attended": true})).await;
    let _ = draft;

    let res = app.get("/api/v1/reports/participation?from=2027-01-01&to=2027-12-31").await;
    assert_eq!(res.status(), 401, "a token is needed");
    let report: Value = app
        .get_authorised("/api/v1/reports/participation?from=2027-01-01&to=2027-12-31")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(report["sessions"], 2, "the draft and next year's are left out: {report}");
    assert_eq!((report["registrations"].clone(), report["attended"].clone()), (json!(3), json!(1)), "{report}");
    assert_eq!((report["unique_people"].clone(), report["returning_people"].clone()), (json!(2), json!(1)));
    assert_eq!(report["by_country"]["PH"], json!({"registrations": 2, "attended": 1}));
    assert_eq!(report["by_country"]["ID"], json!({"registrations": 1, "attended": 0}));
    assert_eq!(report["by_region"]["south-east-asia"]["registrations"], 3);
    assert_eq!(report["by_topic"]["export-control"], json!({"sessions": 1, "registrations": 2, "attended": 0}));
    assert_eq!(report["by_month"]["2027-03"], json!({"sessions": 1, "registrations": 1, "attended": 1}));
    assert!(report.get("by_gender").is_none(), "not collected");

    let focal = crate::focal_points::focal_point(&app, "nfp@example.org", "PH");
    let path = "/api/v1/reports/participation?from=2027-01-01&to=2027-12-31";
    let (status, theirs) = crate::focal_points::as_token(&app, &focal, reqwest::Method::GET, path, None).await;
    assert_eq!(status, 200);
    assert_eq!(theirs["registrations"], 2, "a focal point counts its countries' people only: {theirs}");
    assert!(theirs["by_country"].as_object().is_some_and(|m| m.keys().all(|k| k == "PH")));

    for bad in ["from=2027-02-30", "from=2027-05-01&to=2027-04-01", "year=2027"] {
        let res = app.get_authorised(&format!("/api/v1/reports/participation?{bad}")).await;
        assert_eq!(res.status(), 422, "{bad}");
    }

    // An organiser of another region sees none of it; the workspace page shows the same figures.
    create_organiser(&app, "sahel@example.org", PASSWORD, &["north-africa-sahel"]);
    login(&app, "sahel@example.org", PASSWORD).await;
    let page = app.get("/admin/reports?from=2027-01-01&to=2027-12-31").await.text().await.expect("body");
    assert!(page.contains("Nothing in this period."), "an organiser's report is its regions' sessions only");
    crate::common::create_admin(&app, "admin@example.org", PASSWORD);
    login(&app, "admin@example.org", PASSWORD).await;
    let page = app.get("/admin/reports?from=2027-01-01&to=2027-12-31").await.text().await.expect("body");
    let html = scraper::Html::parse_document(&page);
    let sel = scraper::Selector::parse("#report-countries tbody tr").expect("selector");
    let rows: Vec<String> = html.select(&sel).map(|r| r.text().collect::<Vec<_>>().join(" ")).collect();
    assert_eq!(rows, ["Philippines 2 1", "Indonesia 1 0"]);
    // The map: each network country shaded by its registrations and titled
    // with its figures; countries outside the network grey and silent.
    let shapes = scraper::Selector::parse("svg.map-svg path").expect("selector");
    let title = scraper::Selector::parse("title").expect("selector");
    let shaded: Vec<(String, String)> = html
        .select(&shapes)
        .map(|p| {
            let class = p.value().attr("class").unwrap_or_default().to_string();
            (class, p.select(&title).next().map(|t| t.text().collect()).unwrap_or_default())
        })
        .collect();
    let of = |name: &str| shaded.iter().find(|(_, t)| t.starts_with(name)).cloned().unwrap_or_else(|| panic!("{name}"));
    assert_eq!(
        of("Philippines"),
        ("m5".into(), "Philippines: 2 registrations, 1 attended".into()),
        "the most is the darkest"
    );
    assert_eq!(of("Indonesia").0, "m1", "the least of two steps is the lightest");
    assert_eq!(of("Senegal"), ("m0".into(), "Senegal: 0 registrations, 0 attended".into()));
    assert!(shaded.iter().any(|(c, t)| c == "mx" && t.is_empty()), "a country outside the network");
    assert!(shaded.len() > 150, "the whole part of the world from West Africa to South-East Asia: {}", shaded.len());
    let legend: Vec<String> = html
        .select(&scraper::Selector::parse(".legend-item").expect("selector"))
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect();
    assert_eq!(legend, ["0", "1", "2"], "steps of whole people");
    let res = app.get("/admin/reports?from=nonsense").await;
    assert_eq!(res.status(), 422);
}

/// The rows of a CSV export (after its byte-order mark).
fn csv_rows(body: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(body).expect("utf-8");
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark for Excel");
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("record").iter().map(String::from).collect())
        .collect()
}

#[tokio::test]
async fn the_report_downloads_as_csv_and_xlsx_with_small_groups_of_people_hidden() {
    let app = spawn_app().await;
    let id = app.create_session(with(manila_session(), json!({"capacity": 20}))).await["id"].as_i64().expect("id");
    for n in 0..5 {
        app.register(id, with(participant(&format!("p{n}@example.ph")), json!({"country": "PH"}))).await;
    }
    let (_, siti) = app.register(id, participant("siti@example.id")).await;
    app.register(id, participant("budi@example.id")).await;
    app.post_json(&format!("/api/v1/registrations/{}/attendance", siti["id"]), &json!({"attended": true})).await;

    let query = "from=2027-01-01&to=2027-12-31";
    crate::common::create_admin(&app, "admin@example.org", PASSWORD);
    login(&app, "admin@example.org", PASSWORD).await;
    let page = app.get(&format!("/admin/reports?{query}")).await.text().await.expect("body");
    let links: Vec<String> = scraper::Html::parse_document(&page)
        .select(&scraper::Selector::parse("#report-exports a").expect("selector"))
        .filter_map(|a| a.value().attr("href").map(String::from))
        .collect();
    assert_eq!(links, [format!("/admin/reports.csv?{query}"), format!("/admin/reports.xlsx?{query}")]);

    let res = app.get(&format!("/admin/reports.csv?{query}")).await;
    assert_eq!(res.status(), 200);
    let disposition = res.headers()["content-disposition"].to_str().expect("header").to_string();
    assert_eq!(disposition, "attachment; filename=\"participation-2027-01-01-2027-12-31.csv\"");
    let rows = csv_rows(&res.bytes().await.expect("body"));
    let find = |part: &str, name: &str| {
        rows.iter().find(|r| r[0] == part && r[1] == name).unwrap_or_else(|| panic!("{part} {name}: {rows:?}")).clone()
    };
    assert_eq!(find("Totals", "All sessions")[2..5], ["1", "7", "< 5"], "one attended is hidden");
    assert_eq!(find("Totals", "People (one per email address)")[5], "7");
    assert_eq!(find("Totals", "People who came back (more than one session)")[5], "0", "zero singles no one out");
    assert_eq!(find("By country", "Indonesia")[3..5], ["< 5", "< 5"], "two registered, one attended: hidden");
    // Five people would be shown, but with the total of 7 beside them they
    // would give away Indonesia's 2: the next smallest figure goes too.
    assert_eq!(find("By country", "Philippines")[3..5], ["< 5", "0"], "secondary suppression");
    assert_eq!(find("By month", "2027-03")[2..5], ["1", "7", "< 5"]);
    // The page itself, inside the workspace, keeps the exact figures.
    let html = scraper::Html::parse_document(&page);
    let sel = scraper::Selector::parse("#report-countries tbody tr").expect("selector");
    let shown: Vec<String> = html.select(&sel).map(|r| r.text().collect::<Vec<_>>().join(" ")).collect();
    assert_eq!(shown, ["Philippines 5 0", "Indonesia 2 1"]);

    // In French, the column names and parts are French; the figures the same.
    let res = app
        .client
        .get(app.url(&format!("/admin/reports.csv?{query}")))
        .header("Accept-Language", "fr")
        .send()
        .await
        .expect("request sent");
    let rows = csv_rows(&res.bytes().await.expect("body"));
    assert!(rows.iter().any(|r| r[0] == "Par pays" && r[1] == "Indonésie" && r[3] == "< 5"), "{rows:?}");

    let res = app.get(&format!("/admin/reports.xlsx?{query}")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    let bytes = res.bytes().await.expect("body");
    let mut book = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("an XLSX is a zip");
    let mut read = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut book.by_name(name).expect(name), &mut text).expect("read");
        text
    };
    let workbook = read("xl/workbook.xml");
    for sheet in ["Totals", "By month", "By region", "By country", "By topic"] {
        assert!(workbook.contains(&format!("name=\"{sheet}\"")), "{sheet}: {workbook}");
    }
    let strings = read("xl/sharedStrings.xml");
    assert!(strings.contains("&lt; 5") && strings.contains("Indonesia"), "{strings}");
    let months = read("xl/worksheets/sheet2.xml");
    assert!(months.contains("<c r=\"C4\"><v>7</v></c>"), "March's 7 is a number: {months}");

    for bad in ["from=2027-02-30", "from=2027-05-01&to=2027-04-01"] {
        assert_eq!(app.get(&format!("/admin/reports.csv?{bad}")).await.status(), 422, "{bad}");
        assert_eq!(app.get(&format!("/admin/reports.xlsx?{bad}")).await.status(), 422, "{bad}");
    }
}

/// The registration form's radios for gender, as (value, label).
fn gender_choices(page: &str) -> Vec<(String, String)> {
    let html = scraper::Html::parse_document(page);
    let sel = scraper::Selector::parse("#f-gender input[name=gender]").expect("selector");
    html.select(&sel)
        .map(|input| {
            let id = input.value().attr("id").expect("id");
            let label = scraper::Selector::parse(&format!("label[for='{id}']")).expect("selector");
            let text = html.select(&label).next().map(|l| l.text().collect::<String>()).unwrap_or_default();
            (input.value().attr("value").unwrap_or_default().to_string(), text)
        })
        .collect()
}

#[tokio::test]
async fn gender_is_asked_only_once_an_admin_turns_it_on_and_leaves_the_system_only_as_totals() {
    let app = spawn_app().await;
    let id = app.create_session(with(manila_session(), json!({"capacity": 20}))).await["id"].as_i64().expect("id");
    let path = format!("/api/v1/sessions/{id}/registrations");
    // Off by default: the form does not ask, and the API refuses to store it.
    let form = app.get(&format!("/sessions/{id}/register")).await.text().await.expect("body");
    assert!(gender_choices(&form).is_empty(), "not asked until an admin turns it on");
    let res = app.post_public(&path, &with(participant("early@example.id"), json!({"gender": "female"}))).await;
    assert_eq!(res.status(), 422);
    let problem: Value = res.json().await.expect("json");
    assert!(problem.to_string().contains("gender"), "{problem}");
    assert!(app.registrations(id).await.is_empty(), "nothing written");

    // An admin turns it on; organisers may not.
    create_organiser(&app, "org@example.org", PASSWORD, &["south-east-asia"]);
    login(&app, "org@example.org", PASSWORD).await;
    let csrf = crate::admin::page_token(&app.client, &app, "/admin/sessions").await;
    let res = crate::admin::submit(
        &app.client,
        &app,
        "/admin/reference/settings",
        &[("csrf_token", &csrf), ("ask_gender", "on")],
    )
    .await;
    assert_eq!(res.status(), 403, "organisers do not change the network's settings");
    crate::common::create_admin(&app, "admin@example.org", PASSWORD);
    login(&app, "admin@example.org", PASSWORD).await;
    let csrf = crate::admin::page_token(&app.client, &app, "/admin/reference").await;
    let res = crate::admin::submit(
        &app.client,
        &app,
        "/admin/reference/settings",
        &[("csrf_token", &csrf), ("ask_gender", "on")],
    )
    .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.expect("body");
    assert!(page.contains("Registration forms now ask for gender."), "the page says what happened");
    let audit = app.get("/admin/audit").await.text().await.expect("body");
    assert!(audit.contains("settings.ask_gender"), "the change is in the audit log");

    // The form asks, optionally, and says why; the privacy notice explains it.
    let form = app.get(&format!("/sessions/{id}/register")).await.text().await.expect("body");
    let choices = gender_choices(&form);
    let values: Vec<&str> = choices.iter().map(|(v, _)| v.as_str()).collect();
    assert_eq!(values, ["female", "male", "another", "prefer-not-to-say"]);
    assert!(choices.iter().all(|(_, label)| !label.trim().is_empty()), "every choice is labelled: {choices:?}");
    assert!(!form.contains("name=\"gender\" value=\"female\" required"), "never required");
    assert!(form.contains("only totals leave Convene"), "the form says why it asks");
    let privacy = app.get("/privacy").await.text().await.expect("body");
    assert!(privacy.contains("id=\"gender\"") && privacy.contains("count participation by sex"), "the notice says why");

    let html = scraper::Html::parse_document(&form);
    let sel = scraper::Selector::parse("input[name=csrf_token]").expect("selector");
    let token = html.select(&sel).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string();
    let res = app
        .client
        .post(app.url(&format!("/sessions/{id}/register")))
        .form(&[
            ("csrf_token", token.as_str()),
            ("name", "Siti Rahma"),
            ("email", "siti@example.id"),
            ("organisation", "Ministry of Health"),
            ("country", "ID"),
            ("gender", "female"),
            ("consent", "yes"),
        ])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303, "registered through the form");
    let res = app.post_public(&path, &with(participant("bad@example.id"), json!({"gender": "f"}))).await;
    assert_eq!(res.status(), 422, "a word that is not one of the four");
    let (status, budi) = app.register(id, with(participant("budi@example.id"), json!({"gender": "male"}))).await;
    assert_eq!(status, 201);
    app.register(id, participant("dewi@example.id")).await;

    let report: Value = app
        .get_authorised("/api/v1/reports/participation?from=2027-01-01&to=2027-12-31")
        .await
        .json()
        .await
        .expect("json");
    let one = json!({"registrations": 1, "attended": 0});
    assert_eq!(report["by_gender"], json!({"female": one, "male": one, "not-stated": one}), "{report}");
    let page = app.get("/admin/reports?from=2027-01-01&to=2027-12-31").await.text().await.expect("body");
    let html = scraper::Html::parse_document(&page);
    let sel = scraper::Selector::parse("#report-genders tbody tr").expect("selector");
    let rows: Vec<String> = html.select(&sel).map(|r| r.text().collect::<Vec<_>>().join(" ")).collect();
    assert_eq!(rows, ["Female 1 0", "Male 1 0", "Not stated 1 0"]);
    let csv = app.get("/admin/reports.csv?from=2027-01-01&to=2027-12-31").await.bytes().await.expect("body");
    let rows = csv_rows(&csv);
    assert!(rows.iter().any(|r| r[0] == "By gender" && r[1] == "Female" && r[3] == "< 5"), "{rows:?}");

    // Nobody sees one person's answer: not the organisers' API, list or CSV.
    let listed = app.get_authorised(&format!("/api/v1/sessions/{id}/registrations")).await.text().await.expect("body");
    assert!(!listed.contains("female") && !listed.contains("gender"), "{listed}");
    let table = app.get(&format!("/admin/sessions/{id}/registrations.csv")).await.text().await.expect("body");
    assert!(!table.contains("male"), "{table}");
    let workspace = app.get(&format!("/admin/sessions/{id}")).await.text().await.expect("body");
    assert!(!workspace.contains("Female"), "the workspace shows no one's gender");
    // The person themselves does, in their data; erasing it erases it.
    let manage = budi["manage_url"].as_str().expect("url").replace(&app.address, "");
    let data: Value = app.get(&format!("{manage}/data.json")).await.json().await.expect("json");
    assert_eq!(data["registrations"][0]["gender"], "male");
    let page = app.get(&format!("{manage}/erase")).await.text().await.expect("body");
    let html = scraper::Html::parse_document(&page);
    let csrf = html.select(&sel_csrf()).next().and_then(|e| e.value().attr("value")).expect("csrf").to_string();
    let res = app.client.post(app.url(&format!("{manage}/erase"))).form(&[("csrf_token", csrf.as_str())]).send().await;
    assert_eq!(res.expect("sent").status(), 303);
    let report: Value = app
        .get_authorised("/api/v1/reports/participation?from=2027-01-01&to=2027-12-31")
        .await
        .json()
        .await
        .expect("json");
    // Erasing cancels a registration to come, so it no longer counts at all.
    assert_eq!(report["by_gender"], json!({"female": one, "not-stated": one}), "erased with the person: {report}");
    let row = crate::common::query_one(&app, "SELECT gender AS value FROM registrations WHERE email LIKE 'erased-%'");
    assert_eq!(row, "", "the stored answer is gone, not only uncounted");

    // A focal point cannot declare someone else's gender in a nomination.
    let nominations = json!({"participation": "nomination", "title": "Nominated", "regions": []});
    let nominated = app.create_session(with(manila_session(), nominations)).await["id"].as_i64().expect("id");
    let focal = crate::focal_points::focal_point(&app, "nfp@example.org", "ID");
    let body = with(crate::focal_points::nominee("nominee@example.id", "ID"), json!({"gender": "female"}));
    let path = format!("/api/v1/sessions/{nominated}/nominations");
    let (status, answer) = crate::focal_points::as_token(&app, &focal, reqwest::Method::POST, &path, Some(&body)).await;
    assert_eq!(status, 422, "{answer}");
    assert!(answer.to_string().contains("gender"), "{answer}");
}

fn sel_csrf() -> scraper::Selector {
    scraper::Selector::parse("input[name=csrf_token]").expect("selector")
}

/// A seeded session of the year, as the test knows it independently.
struct Seeded {
    month: u32,
    regions: Vec<&'static str>,
    topics: Vec<&'static str>,
    kind: &'static str,
    format: &'static str,
}

/// A seeded registration: its session, country, address, and what became of it.
struct SeededRegistration {
    session: usize,
    country: &'static str,
    email: String,
    standing: bool,
    attended: bool,
}

const REGIONS: [(&str, &[&str]); 4] = [
    ("south-east-asia", &["PH", "ID", "TH"]),
    ("central-asia", &["KZ", "UZ"]),
    ("african-atlantic-facade", &["SN", "MA", "MR"]),
    ("north-africa-sahel", &["MA", "MR", "NE"]),
];

#[tokio::test]
async fn the_reports_totals_equal_a_count_made_independently_over_a_seeded_year_with_every_filter() {
    let app = spawn_app().await;
    // A small linear congruential generator: the same year on every run and backend.
    let mut seed: u64 = 17;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    let topics = ["biosafety", "forensics", "export-control", "first-response"];
    let (kinds, formats) = (["webinar", "training", "meeting"], ["online", "in_person"]);
    let mut sessions: Vec<Seeded> = Vec::new();
    let mut people: Vec<SeededRegistration> = Vec::new();
    for n in 0..18 {
        let month = (n % 12 + 1) as u32;
        let mut regions = vec![REGIONS[next(4)].0];
        if next(3) == 0 {
            let other = REGIONS[next(4)].0;
            if !regions.contains(&other) {
                regions.push(other);
            }
        }
        let mut chosen = vec![topics[next(4)]];
        if next(2) == 0 && !chosen.contains(&topics[3]) {
            chosen.push(topics[3]);
        }
        let (kind, format) = (kinds[next(3)], formats[next(2)]);
        let body = with(
            manila_session(),
            json!({"starts_at": format!("2027-{month:02}-{:02}T09:00", 3 + n / 12 * 10), "ends_at": format!("2027-{month:02}-{:02}T11:00", 3 + n / 12 * 10),
                   "regions": regions, "topics": chosen, "kind": kind, "format": format, "capacity": 40, "title": format!("Session {n}")}),
        );
        let created = app.create_session(body).await;
        let id = created["id"].as_i64().unwrap_or_else(|| panic!("created: {created}"));
        sessions.push(Seeded { month, regions, topics: chosen, kind, format });
        let index = sessions.len() - 1;
        let eligible: Vec<&str> = REGIONS
            .iter()
            .filter(|(slug, _)| sessions[index].regions.contains(slug))
            .flat_map(|(_, countries)| countries.iter().copied())
            .collect();
        let mut taken = std::collections::BTreeSet::new();
        for _ in 0..(2 + next(5)) {
            let country = eligible[next(eligible.len())];
            // A pool of six people per country, so some come back.
            let email = format!("p{}@{}.example.org", next(6), country.to_lowercase());
            if !taken.insert(email.clone()) {
                continue;
            }
            let (status, made) = app.register(id, with(participant(&email), json!({"country": country}))).await;
            assert_eq!(status, 201, "{made}");
            let (cancel, attend) = (next(6) == 0, next(3) == 0);
            if cancel {
                let path = format!("/api/v1/registrations/{}/cancel", crate::common::token_of(&made["manage_url"]));
                assert_eq!(app.post_public(&path, &json!({})).await.status(), 200);
            } else if attend {
                let path = format!("/api/v1/registrations/{}/attendance", made["id"]);
                assert_eq!(app.post_json(&path, &json!({"attended": true})).await.status(), 200);
            }
            people.push(SeededRegistration {
                session: index,
                country,
                email,
                standing: !cancel,
                attended: attend && !cancel,
            });
        }
    }
    // Around the year: what must never count.
    for outside in [
        json!({"starts_at": "2026-12-31T22:00", "ends_at": "2026-12-31T23:00", "time_zone": "UTC"}),
        json!({"starts_at": "2028-01-01T00:30", "ends_at": "2028-01-01T01:30", "time_zone": "UTC"}),
        json!({"status": "draft"}),
    ] {
        let id = app.create_session(with(manila_session(), outside)).await["id"].as_i64().expect("id");
        if app.session(id).await["status"] == "published" {
            app.register(id, with(participant("p0@ph.example.org"), json!({"country": "PH"}))).await;
        }
    }

    let region_of = |slug: &str| REGIONS.iter().find(|(s, _)| *s == slug).map(|(_, c)| *c).unwrap_or_default();
    type Keep<'a> = Box<dyn Fn(&Seeded, Option<&str>) -> bool + 'a>;
    let cases: Vec<(&str, Keep)> = vec![
        ("", Box::new(|_, _| true)),
        (
            "&region=central-asia",
            Box::new(|s, c| {
                s.regions.contains(&"central-asia") && c.is_none_or(|c| region_of("central-asia").contains(&c))
            }),
        ),
        (
            "&region=north-africa-sahel",
            Box::new(|s, c| {
                s.regions.contains(&"north-africa-sahel")
                    && c.is_none_or(|c| region_of("north-africa-sahel").contains(&c))
            }),
        ),
        (
            "&country=MA",
            Box::new(|s, c| s.regions.iter().any(|r| region_of(r).contains(&"MA")) && c.is_none_or(|c| c == "MA")),
        ),
        ("&topic=first-response", Box::new(|s, _| s.topics.contains(&"first-response"))),
        ("&kind=training", Box::new(|s, _| s.kind == "training")),
        (
            "&format=in_person&topic=forensics",
            Box::new(|s, _| s.format == "in_person" && s.topics.contains(&"forensics")),
        ),
    ];
    for (filter, keep) in cases {
        let report: Value = app
            .get_authorised(&format!("/api/v1/reports/participation?from=2027-01-01&to=2027-12-31{filter}"))
            .await
            .json()
            .await
            .expect("json");
        let counted: Vec<&SeededRegistration> =
            people.iter().filter(|p| p.standing && keep(&sessions[p.session], Some(p.country))).collect();
        let expected_sessions = sessions.iter().filter(|s| keep(s, None)).count();
        let unique: std::collections::BTreeSet<&str> = counted.iter().map(|p| p.email.as_str()).collect();
        assert_eq!(report["sessions"], expected_sessions, "{filter}: {report}");
        assert_eq!(report["registrations"], counted.len(), "{filter}: {report}");
        assert_eq!(report["attended"], counted.iter().filter(|p| p.attended).count(), "{filter}");
        assert_eq!(report["unique_people"], unique.len(), "{filter}");
        for country in ["PH", "ID", "TH", "KZ", "UZ", "SN", "MA", "MR", "NE"] {
            let here: Vec<_> = counted.iter().filter(|p| p.country == country).collect();
            let expected = if here.is_empty() {
                Value::Null
            } else {
                json!({"registrations": here.len(), "attended": here.iter().filter(|p| p.attended).count()})
            };
            assert_eq!(report["by_country"][country], expected, "{filter} {country}");
        }
        for month in 1..=12u32 {
            let in_month = counted.iter().filter(|p| sessions[p.session].month == month).count();
            let got = report["by_month"][format!("2027-{month:02}")]["registrations"].as_u64().unwrap_or(0);
            assert_eq!(got as usize, in_month, "{filter} month {month}");
        }
        let in_region = counted.iter().filter(|p| region_of("north-africa-sahel").contains(&p.country)).count();
        let got = report["by_region"]["north-africa-sahel"]["registrations"].as_u64().unwrap_or(0);
        assert_eq!(got as usize, in_region, "{filter}: a country in two regions counts in both");
    }
    assert!(people.iter().any(|p| !p.standing) && people.iter().any(|p| p.attended), "the seed exercises both");

    // The page and its downloads keep the filters; a filter naming nothing is a 422.
    crate::common::create_admin(&app, "admin@example.org", PASSWORD);
    login(&app, "admin@example.org", PASSWORD).await;
    let page = app.get("/admin/reports?from=2027-01-01&to=2027-12-31&region=central-asia&kind=training").await;
    let html = scraper::Html::parse_document(&page.text().await.expect("body"));
    let chosen = scraper::Selector::parse("#r-region option[selected], #r-kind option[selected]").expect("selector");
    let values: Vec<&str> = html.select(&chosen).filter_map(|o| o.value().attr("value")).collect();
    assert_eq!(values, ["central-asia", "training"]);
    let links = scraper::Selector::parse("#report-exports a").expect("selector");
    let href = html.select(&links).next().and_then(|a| a.value().attr("href")).expect("link");
    assert!(href.contains("region=central-asia") && href.contains("kind=training"), "{href}");
    for bad in ["region=atlantis", "country=XX", "topic=cooking", "kind=party", "format=paper"] {
        let res = app.get_authorised(&format!("/api/v1/reports/participation?{bad}")).await;
        assert_eq!(res.status(), 422, "{bad}");
        assert_eq!(app.get(&format!("/admin/reports.csv?{bad}")).await.status(), 422, "{bad}");
        assert_eq!(app.get(&format!("/admin/reports?{bad}")).await.status(), 422, "{bad}");
    }
}
