//! `/admin/planner`: a slot's local time in every zone of the countries
//! that may attend and of the organisers, with the day's best start times.
//! Server-rendered from a GET form, so it works without script and every
//! plan has a link.

use super::Staff;
use crate::db::reference::Reference;
use crate::domain::fields::FieldErrors;
use crate::domain::lang::Lang;
use crate::domain::planner::{self, Audience, BestSlots, PlannerRow};
use crate::domain::zone::{TimeZone, parse_local};
use crate::web::PageError;
use crate::web::public::{Chrome, Viewer, render_status};
use crate::web::{State, csrf};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{Duration, NaiveDate};
use std::collections::HashMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/planner", web::get().to(page));
}

/// What the organiser asked for, as typed (shown again in the form).
#[derive(Default)]
pub struct PlanForm {
    pub date: String,
    pub time: String,
    pub zone: String,
    pub minutes: String,
    pub regions: Vec<String>,
    pub countries: String,
    /// The organising region: its secretariat's working day counts.
    pub organiser: String,
    /// How far the organisers' day may bend (`domain::planner::Stretch`).
    pub stretch: String,
}

pub struct Suggestion {
    pub utc: String,
    pub local: String,
    /// The form's query with this start time, to pick it.
    pub link: String,
    pub suited: usize,
    pub of: usize,
}

/// One hour column of the day grid: its time in the planning zone, the
/// link that picks it, and whether the slot covers it.
pub struct GridHour {
    pub label: String,
    pub link: String,
    pub chosen: bool,
}

pub struct Plan {
    pub utc: String,
    /// The organisers whose day counts: (who, zone, their span of the slot, allowed?).
    pub hosts: Vec<(String, PlannerRow, bool)>,
    pub grid_hours: Vec<GridHour>,
    pub grid: Vec<planner::GridRow>,
    pub eligible: Vec<PlannerRow>,
    pub organisers: Vec<PlannerRow>,
    pub fine: usize,
    pub countries: usize,
    pub best: Vec<Suggestion>,
    pub note: Option<String>,
    /// The session form, filled with this date, time, zone and regions.
    pub create_link: String,
}

#[derive(Template)]
#[template(path = "admin/planner.html")]
struct PlannerPage<'a> {
    chrome: Chrome,
    csrf: String,
    email: String,
    form: PlanForm,
    errors: FieldErrors,
    plan: Option<Plan>,
    reference: &'a Reference,
}

impl PlannerPage<'_> {
    fn region_checked(&self, slug: &str) -> bool {
        self.form.regions.iter().any(|r| r == slug)
    }

    fn err(&self, field: &str) -> Option<String> {
        self.errors.get_in(field, self.chrome.lang)
    }

    fn day_starts(&self) -> u32 {
        crate::domain::planner::DAY_STARTS
    }

    fn day_ends(&self) -> u32 {
        crate::domain::planner::DAY_ENDS
    }

    fn stretch_checked(&self, value: &str) -> bool {
        self.form.stretch == value
    }

    /// "UTC+08:00 · Manila, Makassar (weekend Sat–Sun)".
    fn grid_label(&self, row: &planner::GridRow) -> String {
        let lang = self.chrome.lang;
        format!("{} · {}", lang.ltr(&row.offset), row.places.join(", "))
    }

    fn band_label(&self, band: &planner::Band) -> String {
        crate::i18n::t(self.chrome.lang, &format!("ws-plan-band-{}", band.as_str()))
    }

    /// "Tue 9 Mar 16:00–17:30" in the page's language.
    fn span(&self, r: &PlannerRow) -> String {
        let lang = self.chrome.lang;
        let day = lang.day_month(r.starts.date());
        format!("{day} {}", lang.ltr(&format!("{}–{}", r.starts.format("%H:%M"), r.ends.format("%H:%M"))))
    }
}

fn audience(reference: &Reference, isos: &[String], lang: Lang) -> Vec<Audience> {
    isos.iter()
        .filter_map(|iso| reference.country(iso))
        .map(|c| Audience {
            iso2: c.iso2.clone(),
            name: c.name_in(lang),
            zones: reference.zones_of(&c.iso2).iter().filter_map(|z| TimeZone::parse(z).ok()).collect(),
        })
        .collect()
}

/// Countries that may attend: those of the regions and the countries
/// named; with neither, every partner country.
fn eligible(reference: &Reference, regions: &[String], countries: &[String]) -> Vec<String> {
    let mut isos: Vec<String> = Vec::new();
    for slug in regions {
        if let Some(r) = reference.region(slug) {
            isos.extend(reference.countries_in(r.id).iter().map(|c| c.iso2.clone()));
        }
    }
    isos.extend(countries.iter().filter(|c| reference.country(c).is_some()).cloned());
    if isos.is_empty() {
        isos = reference.countries.iter().filter(|c| c.status == "partner").map(|c| c.iso2.clone()).collect();
    }
    isos.sort();
    isos.dedup();
    isos
}

fn query_with(form: &PlanForm, time: &str) -> String {
    let mut pairs: Vec<(&str, &str)> = vec![
        ("date", &form.date),
        ("time", time),
        ("zone", &form.zone),
        ("minutes", &form.minutes),
        ("organiser", &form.organiser),
        ("stretch", &form.stretch),
    ];
    for r in &form.regions {
        pairs.push(("region", r));
    }
    if !form.countries.is_empty() {
        pairs.push(("countries", &form.countries));
    }
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// The organisers whose working day counts: the planner's own zone (the
/// one their browser or choice gives), and the organising region's
/// secretariat, each with the country whose weekend it keeps.
fn hosts(reference: &Reference, form: &PlanForm, own: &TimeZone, lang: Lang) -> Vec<(String, Audience)> {
    let country_of = |zone: &TimeZone| {
        reference
            .countries
            .iter()
            .find(|c| reference.zones_of(&c.iso2).iter().any(|z| z == zone.name()))
            .map_or_else(|| "BE".to_string(), |c| c.iso2.clone())
    };
    let mut out = vec![(
        crate::i18n::message(lang, "ws-plan-host-you", &[("city", own.city().into())]),
        Audience { iso2: country_of(own), name: own.city(), zones: vec![own.clone()] },
    )];
    if let Some(region) = reference.region(form.organiser.trim()) {
        let zones: Vec<(String, TimeZone)> = reference
            .countries_in(region.id)
            .iter()
            .flat_map(|c| {
                reference.zones_of(&c.iso2).iter().filter_map(|z| TimeZone::parse(z).ok()).map(|z| (c.iso2.clone(), z))
            })
            .collect();
        if let Some((iso2, zone)) = planner::secretariat_zone(&region.secretariat_city, &zones)
            && zone != own
        {
            out.push((
                crate::i18n::message(
                    lang,
                    "ws-plan-host-secretariat",
                    &[("city", region.secretariat_city.as_str().into())],
                ),
                Audience { iso2: iso2.clone(), name: region.secretariat_city.clone(), zones: vec![zone.clone()] },
            ));
        }
    }
    out
}

pub fn plan(reference: &Reference, form: &PlanForm, lang: Lang, own: &TimeZone) -> Result<Plan, FieldErrors> {
    let mut errors = FieldErrors::default();
    let zone = TimeZone::parse(form.zone.trim()).map_err(|e| errors.add("zone", e.to_string())).ok();
    let date = NaiveDate::parse_from_str(form.date.trim(), "%Y-%m-%d")
        .map_err(|_| errors.add("date", crate::domain::message::Message::id("err-plan-date")))
        .ok();
    let local = parse_local(&format!("{}T{}", form.date.trim(), form.time.trim()))
        .map_err(|_| errors.add("time", crate::domain::message::Message::id("err-plan-time")))
        .ok();
    let minutes = form
        .minutes
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|m| (15..=720).contains(m))
        .ok_or_else(|| errors.add("minutes", crate::domain::message::Message::id("err-plan-minutes")))
        .ok();
    let countries: Vec<String> =
        form.countries.split([',', ' ']).map(|c| c.trim().to_ascii_uppercase()).filter(|c| !c.is_empty()).collect();
    for c in &countries {
        if reference.country(c).is_none() {
            errors.add("countries", format!("{c} is not a partner or organiser country"));
        }
    }
    let stretch = planner::Stretch::parse(form.stretch.trim());
    if stretch.is_none() {
        errors.add("stretch", crate::domain::message::Message::id("err-plan-stretch"));
    }
    if !form.organiser.trim().is_empty() && reference.region(form.organiser.trim()).is_none() {
        errors.add("organiser", crate::domain::message::Message::id("err-plan-organiser"));
    }
    let (Some(zone), Some(date), Some(local), Some(minutes), Some(stretch)) = (zone, date, local, minutes, stretch)
    else {
        return Err(errors);
    };
    let resolved = match zone.resolve(local) {
        Ok(r) => r,
        Err(e) => {
            errors.add("time", e);
            return Err(errors);
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let length = Duration::minutes(minutes);
    let eligible_isos = eligible(reference, &form.regions, &countries);
    let eligible_audience = audience(reference, &eligible_isos, lang);
    let organiser_isos: Vec<String> =
        reference.countries.iter().filter(|c| c.status == "organiser").map(|c| c.iso2.clone()).collect();
    let eligible_rows = planner::rows(resolved.utc, length, date, &eligible_audience);
    let fine = eligible_audience
        .iter()
        .filter(|c| eligible_rows.iter().find(|r| r.iso2 == c.iso2).is_some_and(PlannerRow::fine))
        .count();
    let hosts = hosts(reference, form, own, lang);
    let host_audience: Vec<Audience> = hosts.iter().map(|(_, a)| a.clone()).collect();
    let best = planner::best_slots(date, &zone, length, &eligible_audience, &host_audience, stretch)
        .into_iter()
        .flat_map(|run: BestSlots| {
            // Each run's first and last start: the ends of the window.
            let mut picks = vec![run.first];
            if run.last != run.first {
                picks.push(run.last);
            }
            picks.into_iter().map(move |t| (t, run.suited, run.of))
        })
        .map(|(t, suited, of)| {
            let local = zone.at(t).local;
            Suggestion {
                utc: lang.ltr(&t.format("%H:%M UTC").to_string()),
                local: format!("{} {}", lang.day_month(local.date()), lang.ltr(&local.format("%H:%M").to_string())),
                link: format!("/admin/planner?{}", query_with(form, &local.format("%H:%M").to_string())),
                suited,
                of,
            }
        })
        .collect();
    // The grid's day is the planning zone's, hour by hour from its midnight.
    let day_start = date
        .and_hms_opt(0, 0, 0)
        .and_then(|m| zone.resolve(m).ok())
        .map_or_else(|| resolved.utc - Duration::hours(12), |r| r.utc);
    let grid_hours = (0..24)
        .map(|h| {
            let t = day_start + Duration::hours(h);
            let at = zone.at(t).local.format("%H:%M").to_string();
            GridHour {
                label: lang.ltr(&at),
                link: format!("/admin/planner?{}#day-grid", query_with(form, &at)),
                chosen: t + Duration::hours(1) > resolved.utc && t < resolved.utc + length,
            }
        })
        .collect();
    let mut all = eligible_audience.clone();
    all.extend(host_audience.iter().cloned());
    Ok(Plan {
        hosts: hosts
            .iter()
            .map(|(who, a)| {
                let row = planner::rows(resolved.utc, length, date, std::slice::from_ref(a));
                (who.clone(), row.into_iter().next(), stretch.allows(a, resolved.utc, length))
            })
            .filter_map(|(who, row, ok)| row.map(|r| (who, r, ok)))
            .collect(),
        grid_hours,
        grid: planner::day_grid(day_start, &all),
        utc: resolved.utc.format("%Y-%m-%d %H:%M UTC").to_string(),
        eligible: eligible_rows,
        organisers: planner::rows(resolved.utc, length, date, &audience(reference, &organiser_isos, lang)),
        fine,
        countries: eligible_audience.len(),
        best,
        note: resolved.fold,
        create_link: format!("/admin/sessions/new?{}", query_with(form, form.time.trim())),
    })
}

async fn page(req: HttpRequest, state: State, user: Staff) -> Result<HttpResponse, PageError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(req.query_string()).unwrap_or_default();
    let first = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.chars().take(200).collect::<String>());
    let form = PlanForm {
        date: first("date").unwrap_or_default(),
        time: first("time").unwrap_or_else(|| "09:00".into()),
        zone: first("zone").unwrap_or_else(|| "Europe/Brussels".into()),
        minutes: first("minutes").unwrap_or_else(|| "90".into()),
        regions: pairs.iter().filter(|(n, _)| n == "region").map(|(_, v)| v.clone()).take(20).collect(),
        countries: first("countries").unwrap_or_default(),
        organiser: first("organiser").unwrap_or_default(),
        stretch: first("stretch").unwrap_or_else(|| planner::Stretch::default().as_str().into()),
    };
    let reference = state.reference();
    let lang = crate::web::public::language(&req);
    let empty = HashMap::new();
    let viewer = Viewer::from_request(&req, &empty, TimeZone::utc());
    // Their own day: the zone they chose or their browser gave; Brussels
    // (where most organisers sit) until then.
    let own = match viewer.source {
        crate::web::public::ZoneSource::Default => {
            TimeZone::parse("Europe/Brussels").unwrap_or_else(|_| TimeZone::utc())
        }
        _ => viewer.zone.clone(),
    };
    let (plan, errors, status) = if form.date.is_empty() {
        (None, FieldErrors::default(), StatusCode::OK)
    } else {
        match plan(&reference, &form, lang, &own) {
            Ok(p) => (Some(p), FieldErrors::default(), StatusCode::OK),
            Err(e) => (None, e, StatusCode::UNPROCESSABLE_ENTITY),
        }
    };
    let token = csrf::token(&req)?;
    let page = PlannerPage {
        chrome: Chrome::new(&viewer, &reference, &empty),
        csrf: token.value.clone(),
        email: user.email,
        form,
        errors,
        plan,
        reference: &reference,
    };
    render_status(&page, status, [viewer.cookie(), token.cookie])
}
