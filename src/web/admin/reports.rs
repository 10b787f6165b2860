//! `/admin/reports`: the programme's figures over a period (this year by
//! default) for admins and, for their regions' sessions, organisers: the
//! same numbers as `GET /api/v1/reports/participation`, with names in
//! the reader's language and a bar chart of each month drawn on the
//! server (its table beside it).

use super::Staff;
use super::csv_export::neutralise;
use crate::domain::lang::Lang;
use crate::domain::report::{Participation, Period, Shown};
use crate::error::AppError;
use crate::web::public::{Chrome, Viewer, render_status};
use crate::web::{PageError, State, blocking, csrf};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/reports", web::get().to(reports))
        .route("/reports.csv", web::get().to(export_csv))
        .route("/reports.xlsx", web::get().to(export_xlsx));
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
    /// `from=…&to=…` of the shown period, for the export links.
    export_query: String,
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

/// The period asked for in the query.
fn asked_period(query: &HashMap<String, String>) -> Result<Period, crate::domain::fields::FieldErrors> {
    let today = crate::db::now().date();
    Period::parse(query.get("from").map(String::as_str), query.get("to").map(String::as_str), today)
}

/// The report over `period` within what `staff` may see.
async fn read(state: &State, staff: &Staff, period: Period) -> Result<Participation, PageError> {
    let (reference, access) = (state.reference(), staff.access());
    blocking(&state.pool, move |conn| {
        crate::reports::participation_for(conn, &reference, &access, period).map_err(PageError::from)
    })
    .await
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
    let (period, error) = match asked_period(&query) {
        Ok(p) => (p, None),
        Err(errors) => {
            let said = errors.0.iter().map(|(f, m)| format!("{f}: {}", m.in_lang(lang))).collect::<Vec<_>>();
            (Period::parse(None, None, crate::db::now().date()).map_err(|_| AppError::NotFound)?, Some(said.join("; ")))
        }
    };
    let report = read(&state, &staff, period).await?;
    let reference = state.reference();
    let tables = Tables::new(&report, &reference, lang);
    let token = csrf::token(&req)?;
    let page = ReportsPage {
        chrome: Chrome::new(&viewer, &reference, &query),
        csrf: token.value.clone(),
        email: staff.email.clone(),
        from: period.from.to_string(),
        to: period.to.to_string(),
        export_query: serde_urlencoded::to_string([("from", period.from.to_string()), ("to", period.to.to_string())])
            .unwrap_or_default(),
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

/// One row of an export: the part of the report it belongs to, its name,
/// and its figures with small groups of people hidden (None: not a figure
/// of this row).
struct ExportRow {
    section: String,
    name: String,
    sessions: Option<usize>,
    registrations: Option<Shown>,
    attended: Option<Shown>,
    people: Option<Shown>,
}

/// The sheets of an export (a title and its rows), in the reader's words:
/// the totals, then by month, region, country and topic, as on the page.
fn export_sheets(report: &Participation, tables: Tables, lang: Lang) -> Vec<(String, Vec<ExportRow>)> {
    let t = |id: &str| crate::i18n::t(lang, id);
    let people = |id: &str, n: usize| ExportRow {
        section: t("rp-totals"),
        name: t(id),
        sessions: None,
        registrations: None,
        attended: None,
        people: Some(Shown::of_people(n)),
    };
    let totals = vec![
        ExportRow {
            section: t("rp-totals"),
            name: t("rp-all-sessions"),
            sessions: Some(report.sessions),
            registrations: Some(Shown::of_people(report.registrations)),
            attended: Some(Shown::of_people(report.attended)),
            people: None,
        },
        people("rp-unique", report.unique_people),
        people("rp-returning", report.returning_people),
    ];
    let lines = |id: &str, lines: Vec<Line>| {
        let section = t(id);
        let rows = lines
            .into_iter()
            .map(|l| ExportRow {
                section: section.clone(),
                name: l.label,
                sessions: l.sessions,
                registrations: Some(Shown::of_people(l.registrations)),
                attended: Some(Shown::of_people(l.attended)),
                people: None,
            })
            .collect();
        (section, rows)
    };
    vec![
        (t("rp-totals"), totals),
        lines("rp-by-month", tables.months),
        lines("rp-by-region", tables.regions),
        lines("rp-by-country", tables.countries),
        lines("rp-by-topic", tables.topics),
    ]
}

/// The column names of an export.
fn export_header(lang: Lang) -> [String; 6] {
    ["rp-col-section", "rp-col-name", "rp-sessions", "rp-registrations", "ws-attended", "rp-col-people"]
        .map(|id| crate::i18n::t(lang, id))
}

/// Reads the period (a bad one is a 422, not a fallback: a file is not a
/// page that can say what it shows instead) and the report's sheets.
async fn export_data(
    req: &HttpRequest,
    state: &State,
    staff: &Staff,
    query: &HashMap<String, String>,
) -> Result<(Period, Lang, Vec<(String, Vec<ExportRow>)>), PageError> {
    let lang = crate::web::public::language(req);
    let period = asked_period(query).map_err(AppError::Validation)?;
    let report = read(state, staff, period).await?;
    let tables = Tables::new(&report, &state.reference(), lang);
    Ok((period, lang, export_sheets(&report, tables, lang)))
}

fn attachment(period: Period, ext: &str) -> (&'static str, String) {
    ("Content-Disposition", format!("attachment; filename=\"participation-{}-{}.{ext}\"", period.from, period.to))
}

/// `/admin/reports.csv`: UTF-8 with a BOM, one row per line of the page,
/// "< 5" for small groups of people.
async fn export_csv(
    req: HttpRequest,
    state: State,
    staff: Staff,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let (period, lang, sheets) = export_data(&req, &state, &staff, &query).await?;
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let write = |out: &mut csv::Writer<Vec<u8>>| -> Result<(), csv::Error> {
        out.write_record(export_header(lang))?;
        for row in sheets.iter().flat_map(|(_, rows)| rows) {
            let shown = |f: Option<Shown>| f.map(|f| f.to_string()).unwrap_or_default();
            out.write_record([
                neutralise(&row.section),
                neutralise(&row.name),
                row.sessions.map(|n| n.to_string()).unwrap_or_default(),
                shown(row.registrations),
                shown(row.attended),
                shown(row.people),
            ])?;
        }
        out.flush()?;
        Ok(())
    };
    write(&mut out).map_err(|e| AppError::Internal(e.into()))?;
    let body = out.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(attachment(period, "csv"))
        .insert_header(("Cache-Control", "no-store"))
        .body(body))
}

/// `/admin/reports.xlsx`: a sheet per part of the report, figures as
/// numbers, "< 5" as text for small groups of people.
async fn export_xlsx(
    req: HttpRequest,
    state: State,
    staff: Staff,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let (period, lang, sheets) = export_data(&req, &state, &staff, &query).await?;
    let body = workbook(period, lang, &sheets).map_err(|e| AppError::Internal(anyhow::anyhow!("xlsx: {e}")))?;
    Ok(HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header(attachment(period, "xlsx"))
        .insert_header(("Cache-Control", "no-store"))
        .body(body))
}

fn workbook(
    period: Period,
    lang: Lang,
    sheets: &[(String, Vec<ExportRow>)],
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let header = export_header(lang);
    for (title, rows) in sheets {
        let sheet = book.add_worksheet();
        // Sheet names: at most 31 characters, none of []:*?/\ .
        let name: String = title.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        sheet.set_name(name)?;
        sheet.write_string_with_format(0, 0, format!("{title} ({} – {})", period.from, period.to), &bold)?;
        for (col, h) in (0u16..).zip(header.iter().skip(1)) {
            sheet.write_string_with_format(2, col, h, &bold)?;
        }
        for (line, row) in (3u32..).zip(rows) {
            sheet.write_string(line, 0, &row.name)?;
            if let Some(n) = row.sessions {
                sheet.write_number(line, 1, n as f64)?;
            }
            for (col, figure) in [(2u16, row.registrations), (3, row.attended), (4, row.people)] {
                match figure {
                    Some(Shown::Exact(n)) => sheet.write_number(line, col, n as f64)?,
                    Some(few @ Shown::Few) => sheet.write_string(line, col, few.to_string())?,
                    None => sheet,
                };
            }
        }
        sheet.set_column_width(0, 40)?;
    }
    book.save_to_buffer()
}
