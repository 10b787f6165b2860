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
