//! The stylesheet and the small scripts, compiled into the binary.

use actix_web::{HttpResponse, get, web};

const STYLE: &str = include_str!("../../static/style.css");
const ZONE_JS: &str = include_str!("../../static/zone.js");
const PLANNER_JS: &str = include_str!("../../static/planner.js");
const REPORT_JS: &str = include_str!("../../static/report.js");
const CHECK_IN_JS: &str = include_str!("../../static/check-in.js");

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(style).service(zone_js).service(planner_js).service(report_js).service(check_in_js);
}

#[get("/static/style.css")]
async fn style() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(STYLE)
}

#[get("/static/zone.js")]
async fn zone_js() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(ZONE_JS)
}

#[get("/static/planner.js")]
async fn planner_js() -> HttpResponse {
    script(PLANNER_JS)
}

#[get("/static/report.js")]
async fn report_js() -> HttpResponse {
    script(REPORT_JS)
}

#[get("/static/check-in.js")]
async fn check_in_js() -> HttpResponse {
    script(CHECK_IN_JS)
}

fn script(body: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(body)
}
