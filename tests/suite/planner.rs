//! The planner, checked against times worked out by hand: 10:30 in
//! Brussels for an hour, for South-East Asia, on a Thursday before the EU
//! clock change of 28 March 2027 (CET, UTC+01:00) and a Tuesday after it
//! (CEST, UTC+02:00). South-East Asia keeps no daylight saving time, so the
//! same Brussels time arrives an hour earlier there after the change.

use crate::admin::{PASSWORD, login};
use crate::common::{TestApp, create_admin, spawn_app};
use scraper::{ElementRef, Html, Selector};

fn text(e: ElementRef<'_>) -> String {
    e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Country → (local time, flags) from the "may attend" table.
async fn plan(app: &TestApp, query: &str) -> (Html, Vec<(String, String, String, String)>) {
    let res = app.get(&format!("/admin/planner?{query}")).await;
    assert_eq!(res.status(), 200);
    let html = Html::parse_document(&res.text().await.expect("body"));
    let table = Selector::parse("table.planner").expect("selector");
    let row = Selector::parse("tbody tr").expect("selector");
    let cell = Selector::parse("td").expect("selector");
    let eligible = html.select(&table).next().expect("the table of countries that may attend");
    let rows = eligible
        .select(&row)
        .map(|r| {
            let cells: Vec<String> = r.select(&cell).map(text).collect();
            (cells[0].clone(), cells[1].clone(), cells[2].clone(), cells[4].clone())
        })
        .collect();
    (html, rows)
}

fn find<'a>(rows: &'a [(String, String, String, String)], zone: &str) -> &'a (String, String, String, String) {
    rows.iter().find(|r| r.1 == zone).unwrap_or_else(|| panic!("{zone} missing"))
}

fn best(html: &Html) -> Vec<String> {
    let sel = Selector::parse("ul.best-slots li").expect("selector");
    html.select(&sel).map(text).collect()
}

#[tokio::test]
async fn ten_thirty_in_brussels_before_and_after_the_eu_clock_change_across_south_east_asia() {
    let app = spawn_app().await;
    create_admin(&app, "planner@example.org", PASSWORD);
    assert_eq!(login(&app, "planner@example.org", PASSWORD).await.status(), 303);

    let (html, before) =
        plan(&app, "date=2027-03-25&time=10:30&zone=Europe%2FBrussels&minutes=60&region=south-east-asia").await;
    assert_eq!(before.iter().map(|r| &r.0).collect::<std::collections::BTreeSet<_>>().len(), 10, "ten countries");
    // 10:30 CET = 09:30 UTC.
    let manila = find(&before, "Asia/Manila");
    assert_eq!(manila.2, "Thu 25 Mar 17:30–18:30");
    assert!(manila.3.contains("outside working hours"), "ends after 18:00 in Manila: {manila:?}");
    let jakarta = find(&before, "Asia/Jakarta");
    assert_eq!(jakarta.2, "Thu 25 Mar 16:30–17:30");
    assert_eq!(jakarta.3, "");
    assert_eq!(find(&before, "Asia/Yangon").2, "Thu 25 Mar 16:00–17:00");
    let jayapura = find(&before, "Asia/Jayapura");
    assert_eq!(jayapura.2, "Thu 25 Mar 18:30–19:30", "Indonesia's other zones are listed too");
    let heading = Selector::parse("#plan-title").expect("selector");
    let title = text(html.select(&heading).next().expect("summary"));
    // Outside in Brunei, Malaysia, the Philippines and Singapore (UTC+08:00).
    assert_eq!(title, "2027-03-25 09:30 UTC: 6 of 10 countries in working hours");
    // Every SEA country is in working hours for an hour starting between
    // 01:30 UTC (08:00 in Yangon) and 09:00 UTC (ending 18:00 at UTC+08:00):
    // 02:30 to 10:00 in Brussels before the change. The organiser in
    // Brussels counts too: by default they may start early, from 07:00,
    // never at night.
    assert_eq!(
        best(&html),
        ["Thu 25 Mar 07:00 (06:00 UTC): 10 of 10 countries", "Thu 25 Mar 10:00 (09:00 UTC): 10 of 10 countries"]
    );
    let query = "date=2027-03-25&time=10:30&zone=Europe%2FBrussels&minutes=60&region=south-east-asia";
    let (strict, _) = plan(&app, &format!("{query}&stretch=strict")).await;
    assert_eq!(best(&strict)[0], "Thu 25 Mar 08:00 (07:00 UTC): 10 of 10 countries", "inside 08:00–18:00 in Brussels");
    for bad in ["stretch=overnight", "organiser=atlantis"] {
        let res = app.get(&format!("/admin/planner?{query}&{bad}")).await;
        assert_eq!(res.status(), 422, "{bad} is refused with the reason beside its field");
    }
    let (free, _) = plan(&app, &format!("{query}&stretch=free")).await;
    assert_eq!(
        best(&free),
        ["Thu 25 Mar 02:30 (01:30 UTC): 10 of 10 countries", "Thu 25 Mar 10:00 (09:00 UTC): 10 of 10 countries"],
        "only when the organisers say their hours do not count"
    );
    // The organisers' day: theirs, and the Manila secretariat's when it organises.
    let (with_secretariat, _) = plan(&app, &format!("{query}&organiser=south-east-asia")).await;
    let hosts = Selector::parse("ul.plan-hosts li").expect("selector");
    let lines: Vec<String> = with_secretariat.select(&hosts).map(text).collect();
    assert_eq!(
        lines,
        [
            "You (Brussels): Thu 25 Mar 10:30–11:30 within what you allowed",
            "The secretariat in Manila: Thu 25 Mar 17:30–18:30 within what you allowed"
        ]
    );
    // The day grid: a row per group of zones, an hour per column, the slot marked.
    let rows = Selector::parse("table.day-grid tbody tr").expect("selector");
    let head = Selector::parse("th").expect("selector");
    let cells = Selector::parse("td").expect("selector");
    let grid: Vec<(String, Vec<String>)> = html
        .select(&rows)
        .map(|r| (r.select(&head).next().map(text).unwrap_or_default(), r.select(&cells).map(text).collect()))
        .collect();
    let manila_row = grid.iter().find(|(label, _)| label.contains("Manila")).expect("Manila's row");
    assert!(manila_row.0.starts_with("UTC+08:00") && manila_row.0.contains("Singapore"), "{manila_row:?}");
    let brunei = grid.iter().find(|(label, _)| label.contains("Brunei")).expect("Brunei's row");
    assert_eq!(brunei.1[17], "00 weekend", "Brunei rests on Friday: its own row");
    // Midnight in Brussels (CET) is 07:00 in Manila; the slot is the 10:00 column.
    assert_eq!(manila_row.1[0], "07 early or late");
    assert_eq!(manila_row.1[10], "17 working hours, the slot");
    assert_eq!(manila_row.1[11], "18 early or late, the slot");
    assert_eq!(manila_row.1[22], "05 night");
    let picked = Selector::parse("table.day-grid thead a[aria-current]").expect("selector");
    let chosen: Vec<String> = html.select(&picked).map(text).collect();
    assert_eq!(chosen, ["10:00", "11:00"], "the columns the slot covers");

    let (html, after) =
        plan(&app, "date=2027-03-30&time=10:30&zone=Europe%2FBrussels&minutes=60&region=south-east-asia").await;
    // 10:30 CEST = 08:30 UTC: an hour earlier in South-East Asia.
    let manila = find(&after, "Asia/Manila");
    assert_eq!(manila.2, "Tue 30 Mar 16:30–17:30");
    assert_eq!(manila.3, "", "inside working hours after the change");
    assert_eq!(find(&after, "Asia/Jakarta").2, "Tue 30 Mar 15:30–16:30");
    assert_eq!(find(&after, "Asia/Yangon").2, "Tue 30 Mar 15:00–16:00");
    assert_eq!(
        best(&html),
        ["Tue 30 Mar 07:00 (05:00 UTC): 10 of 10 countries", "Tue 30 Mar 11:00 (09:00 UTC): 10 of 10 countries"],
        "the same UTC window, an hour later on Brussels clocks (from 03:30 there, but not before 07:00 for the organiser)"
    );
    // A best slot is a link that plans that time.
    let link = Selector::parse("a[data-best-slot]").expect("selector");
    let href = html.select(&link).next_back().and_then(|a| a.value().attr("href")).expect("link").to_string();
    assert!(href.contains("time=11%3A00"), "{href}");
    let (_, picked) = plan(&app, href.trim_start_matches("/admin/planner?")).await;
    assert_eq!(find(&picked, "Asia/Manila").2, "Tue 30 Mar 17:00–18:00");
}

#[tokio::test]
async fn weekends_are_each_countrys_own_and_bad_plans_are_refused_with_reasons() {
    let app = spawn_app().await;
    create_admin(&app, "planner@example.org", PASSWORD);
    login(&app, "planner@example.org", PASSWORD).await;
    // Friday 2027-04-02, 10:00 in Riyadh: the Gulf's weekend, not Jordan's neighbours in Europe.
    let (_, rows) = plan(&app, "date=2027-04-02&time=10:00&zone=Asia%2FRiyadh&minutes=60&countries=SA,AE,BN,GE").await;
    assert!(find(&rows, "Asia/Riyadh").3.contains("weekend"), "Friday is a weekend day in Saudi Arabia");
    assert!(!find(&rows, "Asia/Dubai").3.contains("weekend"), "the UAE rests on Saturday and Sunday");
    assert!(find(&rows, "Asia/Brunei").3.contains("weekend"), "Brunei rests on Friday and Sunday");
    assert!(!find(&rows, "Asia/Tbilisi").3.contains("weekend"));

    // Late evening in Brussels is the next day in Manila.
    let (_, rows) = plan(&app, "date=2027-03-30&time=20:00&zone=Europe%2FBrussels&minutes=60&countries=PH").await;
    let manila = find(&rows, "Asia/Manila");
    assert!(manila.3.contains("other date") && manila.3.contains("outside working hours"), "{manila:?}");

    let res = app.get("/admin/planner?date=2027-03-28&time=02:30&zone=Europe%2FBrussels&minutes=60").await;
    assert_eq!(res.status(), 422, "02:30 does not exist in Brussels that night");
    let body = res.text().await.expect("body");
    assert!(body.contains("clocks jump from 02:00 to 03:00"), "the gap is named");
    let res = app.get("/admin/planner?date=2027-03-30&time=09:00&zone=Mars%2FOlympus&minutes=5&countries=XX").await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.expect("body");
    for field in ["zone", "minutes", "countries"] {
        assert!(body.contains(&format!("href=\"#p-{field}\"")), "{field} is named");
    }
}
