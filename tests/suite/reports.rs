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
    assert_eq!(find("By country", "Philippines")[3..5], ["5", "0"], "five people are shown");
    assert_eq!(find("By country", "Indonesia")[3..5], ["< 5", "< 5"], "two registered, one attended: hidden");
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
    let countries = read("xl/worksheets/sheet4.xml");
    assert!(countries.contains("<c r=\"C4\"><v>5</v></c>"), "Philippines' 5 is a number: {countries}");

    for bad in ["from=2027-02-30", "from=2027-05-01&to=2027-04-01"] {
        assert_eq!(app.get(&format!("/admin/reports.csv?{bad}")).await.status(), 422, "{bad}");
        assert_eq!(app.get(&format!("/admin/reports.xlsx?{bad}")).await.status(), 422, "{bad}");
    }
}
