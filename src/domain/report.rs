//! The programme's participation report: sessions, registrations,
//! attendance and unique people over a period, by country, region, topic
//! and month. A plain fold over what storage read; who may see which part
//! is decided before (the sessions and registrations passed in).

use super::registration::Gender;
use chrono::NaiveDateTime;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use utoipa::ToSchema;

/// A report's period: from the first day to the last, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: chrono::NaiveDate,
    pub to: chrono::NaiveDate,
}

/// At most this many days in one report.
pub const MAX_DAYS: i64 = 3660;

impl Period {
    /// `from` and `to` as `YYYY-MM-DD`; either missing means this year's
    /// first or last day (`today`'s year).
    pub fn parse(
        from: Option<&str>,
        to: Option<&str>,
        today: chrono::NaiveDate,
    ) -> Result<Self, super::fields::FieldErrors> {
        use chrono::Datelike;
        let mut errors = super::fields::FieldErrors::default();
        let mut read = |name: &str, value: Option<&str>, default: (u32, u32)| match value.map(str::trim) {
            None | Some("") => chrono::NaiveDate::from_ymd_opt(today.year(), default.0, default.1),
            Some(v) => chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok().or_else(|| {
                errors.add(name, super::message::Message::id("err-date"));
                None
            }),
        };
        let (from, to) = (read("from", from, (1, 1)), read("to", to, (12, 31)));
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                errors.add("to", super::message::Message::id("err-period-order"));
            } else if (to - from).num_days() > MAX_DAYS {
                errors.add("to", super::message::Message::id("err-period-long"));
            } else if errors.is_empty() {
                return Ok(Period { from, to });
            }
        }
        Err(errors)
    }
}

/// A session in the period, as the report needs it.
pub struct ReportSession {
    pub id: i32,
    pub starts_at: NaiveDateTime,
    /// Topic slugs.
    pub topics: Vec<String>,
}

/// A registration that stands (or stood, for a session held), as the
/// report needs it.
pub struct ReportRegistration {
    pub session_id: i32,
    pub country: String,
    /// Region slugs of the country (a country in two regions counts in both).
    pub regions: Vec<String>,
    pub email: String,
    pub attended: bool,
    /// Self-declared, if asked and given.
    pub gender: Option<Gender>,
}

#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Count {
    pub registrations: usize,
    pub attended: usize,
}

#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct SessionCount {
    pub sessions: usize,
    pub registrations: usize,
    pub attended: usize,
}

/// The report, as `GET /api/v1/reports/participation` answers it.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Participation {
    /// The period, inclusive, as asked.
    pub from: String,
    pub to: String,
    pub sessions: usize,
    pub registrations: usize,
    pub attended: usize,
    /// Distinct email addresses (trimmed, lower-cased) among the registrations.
    pub unique_people: usize,
    /// People with registrations for more than one session in the period.
    pub returning_people: usize,
    /// ISO alpha-2 → figures.
    pub by_country: BTreeMap<String, Count>,
    /// Region slug → figures.
    pub by_region: BTreeMap<String, Count>,
    /// Topic slug → figures; a session with two topics counts in both.
    pub by_topic: BTreeMap<String, SessionCount>,
    /// `YYYY-MM` of the session's start (UTC) → figures.
    pub by_month: BTreeMap<String, SessionCount>,
    /// Self-declared gender (`female`, `male`, `another`,
    /// `prefer-not-to-say`, and `not-stated` for registrations without
    /// one) → figures; present when the network asks or anyone in the
    /// period answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_gender: Option<BTreeMap<String, Count>>,
}

/// The `by_gender` key of registrations that gave none.
pub const NOT_STATED: &str = "not-stated";

/// Folds the period's sessions and registrations into the report.
/// Registrations of sessions not in `sessions` are left out; figures by
/// gender are given when `gender_asked` or when anyone gave theirs.
pub fn participation(
    from: &str,
    to: &str,
    sessions: &[ReportSession],
    registrations: &[ReportRegistration],
    gender_asked: bool,
) -> Participation {
    let mut report = Participation { from: from.into(), to: to.into(), sessions: sessions.len(), ..Default::default() };
    let by_id: BTreeMap<i32, &ReportSession> = sessions.iter().map(|s| (s.id, s)).collect();
    for s in sessions {
        let month = s.starts_at.format("%Y-%m").to_string();
        report.by_month.entry(month).or_default().sessions += 1;
        for t in &s.topics {
            report.by_topic.entry(t.clone()).or_default().sessions += 1;
        }
    }
    let mut people: BTreeMap<String, BTreeSet<i32>> = BTreeMap::new();
    let mut by_gender: BTreeMap<String, Count> = BTreeMap::new();
    let mut any_gender = false;
    for r in registrations {
        let Some(s) = by_id.get(&r.session_id) else { continue };
        let attended = usize::from(r.attended);
        report.registrations += 1;
        report.attended += attended;
        people.entry(r.email.trim().to_lowercase()).or_default().insert(r.session_id);
        let add = |c: &mut Count| {
            c.registrations += 1;
            c.attended += attended;
        };
        add(report.by_country.entry(r.country.clone()).or_default());
        any_gender |= r.gender.is_some();
        add(by_gender.entry(r.gender.map_or(NOT_STATED, Gender::as_str).to_string()).or_default());
        for g in &r.regions {
            add(report.by_region.entry(g.clone()).or_default());
        }
        let add_session = |c: &mut SessionCount| {
            c.registrations += 1;
            c.attended += attended;
        };
        add_session(report.by_month.entry(s.starts_at.format("%Y-%m").to_string()).or_default());
        for t in &s.topics {
            add_session(report.by_topic.entry(t.clone()).or_default());
        }
    }
    if gender_asked || any_gender {
        report.by_gender = Some(by_gender);
    }
    report.unique_people = people.len();
    report.returning_people = people.values().filter(|s| s.len() > 1).count();
    report
}

/// A figure of fewer people than this is shown as "< 5" wherever the report
/// leaves the workspace (CSV and XLSX), so that no one can be singled out.
pub const SMALL_GROUP: usize = 5;

/// A count of people as an export may show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Exact(usize),
    /// 1 to `SMALL_GROUP - 1` people.
    Few,
}

impl Shown {
    /// Zero is shown (nobody to single out); 1–4 are hidden.
    pub fn of_people(n: usize) -> Self {
        if n > 0 && n < SMALL_GROUP { Shown::Few } else { Shown::Exact(n) }
    }
}

/// The figures of a breakdown whose parts add up to a total that is shown
/// (registrations by country, by month, by gender): small groups hidden,
/// and when that hides a single part, the next smallest part too, so that
/// the hidden one cannot be had by subtracting the others from the total.
pub fn suppressed(parts: &[usize]) -> Vec<Shown> {
    let mut shown: Vec<Shown> = parts.iter().map(|n| Shown::of_people(*n)).collect();
    let hidden = shown.iter().filter(|s| **s == Shown::Few).count();
    if hidden == 1 {
        let partner = parts
            .iter()
            .enumerate()
            .filter(|(i, n)| **n > 0 && shown[*i] != Shown::Few)
            .min_by_key(|(_, n)| **n)
            .map(|(i, _)| i);
        if let Some(i) = partner {
            shown[i] = Shown::Few;
        }
    }
    shown
}

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Shown::Exact(n) => write!(f, "{n}"),
            Shown::Few => write!(f, "< {SMALL_GROUP}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(month: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2027, month, 9).and_then(|d| d.and_hms_opt(8, 0, 0)).expect("date")
    }

    fn reg(session_id: i32, country: &str, email: &str, attended: bool) -> ReportRegistration {
        let regions = if country == "PH" { vec!["south-east-asia".into()] } else { vec!["africa-atlantic".into()] };
        ReportRegistration { session_id, country: country.into(), regions, email: email.into(), attended, gender: None }
    }

    #[test]
    fn small_groups_are_hidden_but_zero_and_five_are_shown() {
        let shown: Vec<String> = [0, 1, 4, 5, 12].into_iter().map(|n| Shown::of_people(n).to_string()).collect();
        assert_eq!(shown, ["0", "< 5", "< 5", "5", "12"]);
    }

    #[test]
    fn a_single_hidden_part_takes_the_next_smallest_with_it() {
        let words = |parts: &[usize]| suppressed(parts).iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(words(&[12, 2, 7]), ["12", "< 5", "< 5"], "12 + 7 shown would give away the 2");
        assert_eq!(words(&[12, 2, 3]), ["12", "< 5", "< 5"], "two hidden already: nothing to add");
        assert_eq!(words(&[12, 9]), ["12", "9"]);
        assert_eq!(words(&[12, 0, 2]), ["< 5", "0", "< 5"], "a zero hides nothing");
        assert_eq!(words(&[3]), ["< 5"]);
    }

    #[test]
    fn a_period_defaults_to_this_year_and_refuses_what_does_not_read() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).expect("date");
        let year = Period::parse(None, Some(""), today).expect("this year");
        assert_eq!((year.from.to_string(), year.to.to_string()), ("2026-01-01".into(), "2026-12-31".into()));
        assert!(Period::parse(Some("2027-02-30"), None, today).expect_err("no such day").0.contains_key("from"));
        assert!(Period::parse(Some("2027-03-01"), Some("2027-02-01"), today).expect_err("order").0.contains_key("to"));
        assert!(Period::parse(Some("2000-01-01"), Some("2027-01-01"), today).is_err(), "too long");
    }

    #[test]
    fn the_report_counts_people_once_and_each_session_in_its_month_and_topics() {
        let sessions = [
            ReportSession { id: 1, starts_at: at(3), topics: vec!["biosafety".into(), "cbrn".into()] },
            ReportSession { id: 2, starts_at: at(4), topics: vec!["biosafety".into()] },
        ];
        let registrations = [
            reg(1, "PH", "Ana@Example.ph ", true),
            reg(2, "PH", "ana@example.ph", false),
            reg(2, "SN", "awa@example.sn", true),
            reg(9, "SN", "elsewhere@example.sn", true),
        ];
        let r = participation("2027-01-01", "2027-12-31", &sessions, &registrations, false);
        assert_eq!((r.sessions, r.registrations, r.attended), (2, 3, 2));
        assert_eq!((r.unique_people, r.returning_people), (2, 1), "the same address twice is one returning person");
        assert_eq!(r.by_country["PH"], Count { registrations: 2, attended: 1 });
        assert_eq!(r.by_region["africa-atlantic"], Count { registrations: 1, attended: 1 });
        assert_eq!(r.by_topic["biosafety"], SessionCount { sessions: 2, registrations: 3, attended: 2 });
        assert_eq!(r.by_topic["cbrn"], SessionCount { sessions: 1, registrations: 1, attended: 1 });
        assert_eq!(r.by_month["2027-04"], SessionCount { sessions: 1, registrations: 2, attended: 1 });
        assert!(!r.by_country.contains_key("XX"));
        assert_eq!(r.by_gender, None, "not asked, nobody gave one");
    }

    #[test]
    fn figures_by_gender_count_those_who_gave_none_apart() {
        let sessions = [ReportSession { id: 1, starts_at: at(3), topics: vec![] }];
        let mut registrations = vec![reg(1, "PH", "a@example.ph", true), reg(1, "PH", "b@example.ph", false)];
        registrations[0].gender = Some(Gender::Female);
        let r = participation("2027-01-01", "2027-12-31", &sessions, &registrations, false);
        let by = r.by_gender.expect("someone gave one");
        assert_eq!(by["female"], Count { registrations: 1, attended: 1 });
        assert_eq!(by[NOT_STATED], Count { registrations: 1, attended: 0 });
        let asked = participation("2027-01-01", "2027-12-31", &sessions, &[], true);
        assert_eq!(asked.by_gender, Some(BTreeMap::new()), "asked: shown even when empty");
    }
}
