//! `/admin/reports`: the programme's figures over a period (this year by
//! default) for admins and, for their regions' sessions, organisers: the
//! same numbers as `GET /api/v1/reports/participation`, with names in
//! the reader's language and a bar chart of each month drawn on the
//! server (its table beside it).

use super::Staff;
use crate::db::reference::Reference;
use crate::domain::lang::Lang;
use crate::domain::registration::Gender;
use crate::domain::report::{NOT_STATED, Participation, Period, Shown, suppressed};
use crate::domain::session::{SessionFormat, SessionKind};
use crate::error::AppError;
use crate::reports::ReportFilter;
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

/// The map's outlines (`assets/map/build.py`, from @svg-maps/world, CC BY
/// 4.0): one line per country, `ISO2\tname\tpath`, in a 508 × 310 box from
/// West Africa to South-East Asia.
const MAP: &str = include_str!("../../../assets/map/partners.txt");

/// A country on the map: its outline, its shade, and for the network's
/// countries what it stands for.
pub struct MapShape {
    pub d: &'static str,
    pub class: &'static str,
    pub title: Option<String>,
}

/// The shades of the map, lightest first: no one, then five steps up to
/// the most registrations of one country.
const SHADES: [&str; 6] = ["m0", "m1", "m2", "m3", "m4", "m5"];

/// The map of registrations per country and its legend (shade, words).
fn map(report: &Participation, reference: &Reference, lang: Lang) -> (Vec<MapShape>, Vec<(&'static str, String)>) {
    let count = |iso: &str| report.by_country.get(iso).map_or(0, |c| c.registrations);
    let max = reference.countries.iter().map(|c| count(&c.iso2)).max().unwrap_or(0);
    // Upper bounds of the five steps, each at least one more than the last.
    let mut bounds: Vec<usize> = Vec::new();
    for k in 1..=5 {
        let b = (max * k).div_ceil(5);
        if b > bounds.last().copied().unwrap_or(0) {
            bounds.push(b);
        }
    }
    // Step i of n takes the shades spread from lightest to darkest, so the
    // most is always the darkest however few steps there are.
    let step_shade = |i: usize| match bounds.len() {
        0 | 1 => SHADES[5],
        n => SHADES[1 + i * 4 / (n - 1)],
    };
    let shade = |n: usize| match n {
        0 => SHADES[0],
        n => step_shade(bounds.iter().position(|b| n <= *b).unwrap_or(bounds.len().saturating_sub(1))),
    };
    let shapes = MAP
        .lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, '\t');
            let (iso, _, d) = (parts.next()?, parts.next()?, parts.next()?);
            let Some(country) = reference.country(iso) else {
                return Some(MapShape { d, class: "mx", title: None });
            };
            let (n, attended) = report.by_country.get(iso).map_or((0, 0), |c| (c.registrations, c.attended));
            let title = crate::i18n::message(
                lang,
                "rp-map-country",
                &[
                    ("country", country.name_in(lang).into()),
                    ("registrations", n.into()),
                    ("attended", attended.into()),
                ],
            );
            Some(MapShape { d, class: shade(n), title: Some(title) })
        })
        .collect();
    let mut legend = vec![(SHADES[0], "0".to_string())];
    let mut low = 1;
    for (i, b) in bounds.iter().enumerate() {
        let words = if low == *b { b.to_string() } else { format!("{low}–{b}") };
        legend.push((step_shade(i), words));
        low = b + 1;
    }
    (shapes, legend)
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
    /// `from=…&to=…` of the shown period and its filters, for the export links.
    export_query: String,
    filters: Vec<FilterSelect>,
    /// Some filter narrows the figures.
    filtered: bool,
    error: Option<String>,
    report: Participation,
    regions: Vec<Line>,
    countries: Vec<Line>,
    topics: Vec<Line>,
    months: Vec<Line>,
    /// None: gender is neither asked nor given in the period.
    genders: Option<Vec<Line>>,
    bars: Vec<Bar>,
    chart_height: usize,
    map: Vec<MapShape>,
    legend: Vec<(&'static str, String)>,
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
    genders: Option<Vec<Line>>,
    bars: Vec<Bar>,
}

impl Tables {
    fn new(report: &Participation, reference: &Reference, lang: crate::domain::lang::Lang) -> Self {
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
        // In the order the form offers them, those who gave none last.
        let genders = report.by_gender.as_ref().map(|by| {
            let mut order: Vec<(&str, String)> = Gender::EVERY.iter().map(|g| (g.as_str(), g.label_in(lang))).collect();
            order.push((NOT_STATED, crate::i18n::t(lang, "gender-not-stated")));
            order.into_iter().filter_map(|(key, label)| by.get(key).map(|c| count(label, c))).collect()
        });
        Tables { regions, countries, topics, months, genders, bars }
    }
}

/// The period and filters asked for in the query, every bad one named.
fn asked(
    query: &HashMap<String, String>,
    reference: &Reference,
) -> Result<(Period, ReportFilter), crate::domain::fields::FieldErrors> {
    let today = crate::db::now().date();
    let period = Period::parse(query.get("from").map(String::as_str), query.get("to").map(String::as_str), today);
    match (period, ReportFilter::read(query, reference)) {
        (Ok(p), Ok(f)) => Ok((p, f)),
        (p, f) => {
            let mut errors = p.err().unwrap_or_default();
            errors.merge(f.err().unwrap_or_default());
            Err(errors)
        }
    }
}

/// The report over `period`, narrowed by `only`, within what `staff` may see.
async fn read(state: &State, staff: &Staff, period: Period, only: ReportFilter) -> Result<Participation, PageError> {
    let (reference, access) = (state.reference(), staff.access());
    blocking(&state.pool, move |conn| {
        crate::reports::participation_for(conn, &reference, &access, period, &only).map_err(PageError::from)
    })
    .await
}

/// A filter's select on the page: its parameter, its label and its
/// choices (value, label, chosen) in the reader's language.
struct FilterSelect {
    name: &'static str,
    label: String,
    choices: Vec<(String, String, bool)>,
}

/// The page's filters, in the order of `ReportFilter::PARAMETERS`.
fn filter_selects(reference: &Reference, lang: Lang, only: &ReportFilter) -> Vec<FilterSelect> {
    let chosen = |v: &str, c: Option<&str>| c == Some(v);
    let mut countries: Vec<(String, String, bool)> = reference
        .countries
        .iter()
        .map(|c| (c.iso2.clone(), c.name_in(lang), chosen(&c.iso2, only.country.as_deref())))
        .collect();
    countries.sort_by(|a, b| a.1.cmp(&b.1));
    let choices = [
        reference
            .regions
            .iter()
            .map(|g| (g.slug.clone(), g.name_in(lang), chosen(&g.slug, only.region.as_deref())))
            .collect(),
        countries,
        reference
            .topics
            .iter()
            .map(|t| (t.slug.clone(), t.name_in(lang), chosen(&t.slug, only.topic.as_deref())))
            .collect(),
        SessionKind::ALL.iter().map(|k| (k.as_str().to_string(), k.label_in(lang), only.kind == Some(*k))).collect(),
        SessionFormat::ALL
            .iter()
            .map(|f| (f.as_str().to_string(), f.label_in(lang), only.format == Some(*f)))
            .collect(),
    ];
    ReportFilter::PARAMETERS
        .into_iter()
        .zip(choices)
        .map(|(name, choices)| FilterSelect {
            name,
            label: crate::i18n::t(lang, &format!("rp-filter-{name}")),
            choices,
        })
        .collect()
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
    let reference = state.reference();
    let (period, only, error) = match asked(&query, &reference) {
        Ok((p, f)) => (p, f, None),
        Err(errors) => {
            let said = errors.0.iter().map(|(f, m)| format!("{f}: {}", m.in_lang(lang))).collect::<Vec<_>>();
            let year = Period::parse(None, None, crate::db::now().date()).map_err(|_| AppError::NotFound)?;
            (year, ReportFilter::default(), Some(said.join("; ")))
        }
    };
    let report = read(&state, &staff, period, only.clone()).await?;
    let tables = Tables::new(&report, &reference, lang);
    let (map_shapes, legend) = map(&report, &reference, lang);
    let mut pairs = vec![("from", period.from.to_string()), ("to", period.to.to_string())];
    pairs.extend(only.pairs());
    let token = csrf::token(&req)?;
    let page = ReportsPage {
        chrome: Chrome::new(&viewer, &reference, &query),
        csrf: token.value.clone(),
        email: staff.email.clone(),
        from: period.from.to_string(),
        to: period.to.to_string(),
        export_query: serde_urlencoded::to_string(&pairs).unwrap_or_default(),
        filters: filter_selects(&reference, lang, &only),
        filtered: !only.pairs().is_empty(),
        error,
        chart_height: tables.bars.len() * 22,
        map: map_shapes,
        legend,
        report,
        regions: tables.regions,
        countries: tables.countries,
        topics: tables.topics,
        months: tables.months,
        genders: tables.genders,
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
/// the totals, then by month, region, country, topic and (where collected)
/// gender, as on the page.
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
    // `parts`: the lines add up to the totals (each registration in one
    // line), so a single hidden figure must not be left to subtraction.
    let lines = |id: &str, lines: Vec<Line>, parts: bool| {
        let section = t(id);
        let column = |f: fn(&Line) -> usize| -> Vec<Shown> {
            let values: Vec<usize> = lines.iter().map(f).collect();
            if parts { suppressed(&values) } else { values.into_iter().map(Shown::of_people).collect() }
        };
        let (registrations, attended) = (column(|l| l.registrations), column(|l| l.attended));
        let rows = lines
            .into_iter()
            .zip(registrations.into_iter().zip(attended))
            .map(|(l, (registrations, attended))| ExportRow {
                section: section.clone(),
                name: l.label,
                sessions: l.sessions,
                registrations: Some(registrations),
                attended: Some(attended),
                people: None,
            })
            .collect();
        (section, rows)
    };
    let mut sheets = vec![
        (t("rp-totals"), totals),
        lines("rp-by-month", tables.months, true),
        // A country in two regions counts in both, a session in two topics
        // in both: these lines do not add up to the totals.
        lines("rp-by-region", tables.regions, false),
        lines("rp-by-country", tables.countries, true),
        lines("rp-by-topic", tables.topics, false),
    ];
    if let Some(genders) = tables.genders {
        sheets.push(lines("rp-by-gender", genders, true));
    }
    sheets
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
    let reference = state.reference();
    let (period, only) = asked(query, &reference).map_err(AppError::Validation)?;
    let report = read(state, staff, period, only).await?;
    let tables = Tables::new(&report, &reference, lang);
    Ok((period, lang, export_sheets(&report, tables, lang)))
}

/// A report file of `period`, to be saved rather than shown or kept by caches.
fn download(period: Period, ext: &str, content_type: &str, body: Vec<u8>) -> HttpResponse {
    let name = format!("attachment; filename=\"participation-{}-{}.{ext}\"", period.from, period.to);
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(("Content-Disposition", name))
        .insert_header(("Cache-Control", "no-store"))
        .body(body)
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
    let shown = |f: Option<Shown>| f.map(|f| f.to_string()).unwrap_or_default();
    let rows =
        std::iter::once(export_header(lang).to_vec()).chain(sheets.iter().flat_map(|(_, rows)| rows).map(|row| {
            vec![
                row.section.clone(),
                row.name.clone(),
                row.sessions.map(|n| n.to_string()).unwrap_or_default(),
                shown(row.registrations),
                shown(row.attended),
                shown(row.people),
            ]
        }));
    let body = super::csv_export::spreadsheet(rows)?;
    Ok(download(period, "csv", "text/csv; charset=utf-8", body))
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
    Ok(download(period, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body))
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
