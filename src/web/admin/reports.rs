//! `/admin/reports`: the programme's figures over a period (this year by
//! default) for admins and, for their regions' sessions, organisers: the
//! same numbers as `GET /api/v1/reports/participation`, with names in
//! the reader's language and a bar chart of each month drawn on the
//! server (its table beside it).

use super::Staff;
use crate::domain::report::{Participation, Period};
use crate::error::AppError;
use crate::web::public::{Chrome, Viewer, render_status};
use crate::web::{PageError, State, blocking, csrf};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/reports", web::get().to(reports));
}

/// A named line of a table: its label in the reader's words and figures.
pub struct Line {
    pub label: String,
    pub sessions: Option<usize>,
    pub registrations: usize,
    pub attended: usize,
}

/// A bar of the month chart, in SVG user units.
pub struct Bar {
    pub label: String,
    pub value: usize,
    pub y: usize,
    pub width: usize,
}

#[derive(Template)]
#[template(path = "admin/reports.html")]
struct ReportsPage {
    chrome: Chrome,
    csrf: String,
    email: String,
    from: String,
    to: String,
    error: Option<String>,
    report: Participation,
    regions: Vec<Line>,
    countries: Vec<Line>,
    topics: Vec<Line>,
    months: Vec<Line>,
    bars: Vec<Bar>,
    chart_height: usize,
}

impl ReportsPage {
    /// Attended of registered, as a whole percentage ("—" without registrations).
    fn rate(&self) -> String {
        match self.report.registrations {
            0 => "—".into(),
            n => format!("{} %", self.report.attended * 100 / n),
        }
    }
}

/// The report's tables with names in the reader's language, and the
/// month chart's bars.
struct Tables {
    regions: Vec<Line>,
    countries: Vec<Line>,
    topics: Vec<Line>,
    months: Vec<Line>,
    bars: Vec<Bar>,
}

impl Tables {
    fn new(
        report: &Participation,
        reference: &crate::db::reference::Reference,
        lang: crate::domain::lang::Lang,
    ) -> Self {
        let count = |label: String, c: &crate::domain::report::Count| Line {
            label,
            sessions: None,
            registrations: c.registrations,
            attended: c.attended,
        };
        let with_sessions = |label: String, c: &crate::domain::report::SessionCount| Line {
            label,
            sessions: Some(c.sessions),
            registrations: c.registrations,
            attended: c.attended,
        };
        let mut countries: Vec<Line> = report
            .by_country
            .iter()
            .map(|(iso, c)| count(reference.country(iso).map(|x| x.name_in(lang)).unwrap_or_else(|| iso.clone()), c))
            .collect();
        countries.sort_by(|a, b| b.registrations.cmp(&a.registrations).then(a.label.cmp(&b.label)));
        let regions = report
            .by_region
            .iter()
            .map(|(slug, c)| count(reference.region(slug).map(|g| g.name_in(lang)).unwrap_or_else(|| slug.clone()), c))
            .collect();
        let topics = report
            .by_topic
            .iter()
            .map(|(slug, c)| {
                let name = reference.topics.iter().find(|t| &t.slug == slug).map(|t| t.name_in(lang));
                with_sessions(name.unwrap_or_else(|| slug.clone()), c)
            })
            .collect();
        let months: Vec<Line> = report.by_month.iter().map(|(m, c)| with_sessions(m.clone(), c)).collect();
        let max = months.iter().map(|m| m.registrations).max().unwrap_or(1).max(1);
        let bars: Vec<Bar> = months
            .iter()
            .enumerate()
            .map(|(i, m)| Bar {
                label: m.label.clone(),
                value: m.registrations,
                y: i * 22,
                width: (m.registrations * 360 / max).max(2),
            })
            .collect();
        Tables { regions, countries, topics, months, bars }
    }
}

async fn reports(
    req: HttpRequest,
    state: State,
    staff: Staff,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let query = query.into_inner();
    let viewer = Viewer::from_request(&req, &query, crate::domain::zone::TimeZone::utc());
    let lang = viewer.lang;
    let today = crate::db::now().date();
    let asked = Period::parse(query.get("from").map(String::as_str), query.get("to").map(String::as_str), today);
    let (period, error) = match asked {
        Ok(p) => (p, None),
        Err(errors) => {
            let said = errors.0.iter().map(|(f, m)| format!("{f}: {}", m.in_lang(lang))).collect::<Vec<_>>();
            (Period::parse(None, None, today).map_err(|_| AppError::NotFound)?, Some(said.join("; ")))
        }
    };
    let (reference, access) = (state.reference(), staff.access());
    let r2 = reference.clone();
    let report = blocking(&state.pool, move |conn| {
        crate::reports::participation_for(conn, &r2, &access, period).map_err(PageError::from)
    })
    .await?;
    let tables = Tables::new(&report, &reference, lang);
    let token = csrf::token(&req)?;
    let page = ReportsPage {
        chrome: Chrome::new(&viewer, &reference, &query),
        csrf: token.value.clone(),
        email: staff.email.clone(),
        from: period.from.to_string(),
        to: period.to.to_string(),
        error,
        chart_height: tables.bars.len() * 22,
        report,
        regions: tables.regions,
        countries: tables.countries,
        topics: tables.topics,
        months: tables.months,
        bars: tables.bars,
    };
    let status = if page.error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    render_status(&page, status, [viewer.cookie(), token.cookie])
}
