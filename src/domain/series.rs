//! Recurring series: the dates of each occurrence, and which occurrences
//! move for people in other zones because the series' own zone changes
//! its clocks (the wall time in the series' zone stays put).

use super::fields::{Field, FieldErrors};
use super::message::{Arg, Message};
use super::zone::TimeZone;
use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, NaiveDateTime, Utc};
use serde::Deserialize;
use utoipa::ToSchema;

/// Most occurrences one series may have: a year of weekly sessions.
pub const MAX_OCCURRENCES: usize = 52;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    Weekly,
    Fortnightly,
    /// The same weekday in the same week of each month (the 2nd Tuesday);
    /// a date in the month's fifth week means the last such weekday.
    MonthlyByWeekday,
}

impl Repeat {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "weekly" => Some(Self::Weekly),
            "fortnightly" | "biweekly" => Some(Self::Fortnightly),
            "monthly" => Some(Self::MonthlyByWeekday),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Weekly => "weekly",
            Self::Fortnightly => "fortnightly",
            Self::MonthlyByWeekday => "monthly",
        }
    }
}

/// The n-th (1-based) `weekday` of the month of `month`, or the last one
/// when `n` is 5.
fn nth_weekday(month: NaiveDate, weekday: chrono::Weekday, n: u32) -> Option<NaiveDate> {
    let first = month.with_day(1)?;
    let offset = (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    let first_match = first + Duration::days(i64::from(offset));
    let candidate = first_match + Duration::weeks(i64::from(n.min(5) - 1));
    if candidate.month() == first.month() {
        Some(candidate)
    } else if n >= 5 {
        Some(candidate - Duration::weeks(1))
    } else {
        None
    }
}

/// The dates of a series starting on `first`: `count` of them, or every one
/// up to and including `until`, at most [`MAX_OCCURRENCES`].
pub fn dates(first: NaiveDate, repeat: Repeat, count: Option<usize>, until: Option<NaiveDate>) -> Vec<NaiveDate> {
    let limit = count.unwrap_or(MAX_OCCURRENCES).min(MAX_OCCURRENCES);
    let week_of_month = (first.day() - 1) / 7 + 1;
    let mut out = Vec::new();
    for i in 0..MAX_OCCURRENCES {
        let next = match repeat {
            Repeat::Weekly => Some(first + Duration::weeks(i as i64)),
            Repeat::Fortnightly => Some(first + Duration::weeks(2 * i as i64)),
            Repeat::MonthlyByWeekday => first
                .with_day(1)
                .and_then(|m| m.checked_add_months(Months::new(i as u32)))
                .and_then(|m| nth_weekday(m, first.weekday(), week_of_month)),
        };
        let Some(date) = next else { continue };
        if until.is_some_and(|u| date > u) || out.len() >= limit {
            break;
        }
        out.push(date);
    }
    out
}

/// The RFC 5545 rule that repeats `first` as [`dates`] does, `count` times:
/// `FREQ=WEEKLY;COUNT=6`, `FREQ=MONTHLY;BYDAY=-1TU;COUNT=4` (a date in the
/// month's fifth week is its last such weekday).
pub fn rrule(repeat: Repeat, first: NaiveDate, count: usize) -> String {
    match repeat {
        Repeat::Weekly => format!("FREQ=WEEKLY;COUNT={count}"),
        Repeat::Fortnightly => format!("FREQ=WEEKLY;INTERVAL=2;COUNT={count}"),
        Repeat::MonthlyByWeekday => {
            let week = (first.day() - 1) / 7 + 1;
            let day = match first.weekday() {
                chrono::Weekday::Mon => "MO",
                chrono::Weekday::Tue => "TU",
                chrono::Weekday::Wed => "WE",
                chrono::Weekday::Thu => "TH",
                chrono::Weekday::Fri => "FR",
                chrono::Weekday::Sat => "SA",
                chrono::Weekday::Sun => "SU",
            };
            let nth = if week >= 5 { "-1".to_string() } else { week.to_string() };
            format!("FREQ=MONTHLY;BYDAY={nth}{day};COUNT={count}")
        }
    }
}

/// How a series repeats, as asked for.
#[derive(Debug, Clone)]
pub struct RepeatInput {
    pub repeat: Repeat,
    pub count: Option<usize>,
    pub until: Option<NaiveDate>,
}

/// How a new series repeats, as sent beside its first occurrence's fields.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RepeatFields {
    /// weekly, fortnightly or monthly
    #[schema(value_type = String, example = "weekly", required = true)]
    #[serde(default)]
    pub repeat: Field<String>,
    /// 2 to 52 occurrences; or give `until`.
    #[schema(value_type = Option<i32>, minimum = 2, maximum = 52)]
    #[serde(default)]
    pub count: Field<u64>,
    /// The last possible date, such as 2027-06-30.
    #[schema(value_type = Option<String>, example = "2027-06-30")]
    #[serde(default)]
    pub until: Field<String>,
}

/// The body of a series create: the first occurrence's fields and how it repeats.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct SeriesFields {
    #[serde(flatten)]
    pub repeat: RepeatFields,
    #[serde(flatten)]
    pub session: super::session::SessionFields,
}

impl RepeatFields {
    pub fn parse(&self) -> Result<RepeatInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let repeat = self.repeat.given().and_then(|s| Repeat::parse(s));
        if repeat.is_none() {
            errors.add("repeat", Message::id("err-repeat"));
        }
        let count = match &self.count {
            Field::Absent | Field::Null => None,
            Field::Given(n) if (2..=MAX_OCCURRENCES as u64).contains(n) => Some(*n as usize),
            Field::Given(_) | Field::Wrong(_) => {
                errors.add("count", Message::new("err-count-range", vec![("max", MAX_OCCURRENCES.into())]));
                None
            }
        };
        let until = match &self.until {
            Field::Absent | Field::Null => None,
            f => match f.given().and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()) {
                Some(d) => Some(d),
                None => {
                    errors.add("until", Message::id("err-until"));
                    None
                }
            },
        };
        if count.is_none() && until.is_none() && errors.is_empty() {
            errors.add("count", Message::id("err-count-or-until"));
        }
        match repeat {
            Some(repeat) if errors.is_empty() => Ok(RepeatInput { repeat, count, until }),
            _ => Err(errors),
        }
    }
}

/// One occurrence, resolved in the series' zone.
#[derive(Debug, Clone)]
pub struct Occurrence {
    pub starts_local: NaiveDateTime,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub notes: Vec<String>,
}

/// Every occurrence at the first one's wall times in `zone`. A date whose
/// wall time falls in a clock-change gap is refused, naming the date.
pub fn occurrences(
    zone: &TimeZone,
    start: NaiveDateTime,
    end: NaiveDateTime,
    dates: &[NaiveDate],
) -> Result<Vec<Occurrence>, String> {
    let mut out = Vec::new();
    for date in dates {
        let shift = *date - start.date();
        let (s, e) = (start + shift, end + shift);
        let starts = zone.resolve(s).map_err(|err| format!("the occurrence on {date}: {err}"))?;
        let ends = zone.resolve(e).map_err(|err| format!("the occurrence on {date}: {err}"))?;
        let notes = [starts.fold, ends.fold].into_iter().flatten().map(|n| format!("{date}: {n}")).collect();
        out.push(Occurrence { starts_local: s, starts_at: starts.utc, ends_at: ends.utc, notes });
    }
    Ok(out)
}

/// Occurrences whose UTC time differs from the first one's, because the
/// series' zone changed its clocks in between: for people in zones without
/// daylight saving time (all of South-East Asia) they move by that much.
/// Each says when, by how much, and how it reads in `example`, as a message
/// the reader's language writes out (the API's in English).
pub fn shift_warnings(zone: &TimeZone, occurrences: &[Occurrence], example: &TimeZone) -> Vec<Message> {
    let Some(first) = occurrences.first() else { return Vec::new() };
    let first_offset = zone.at(first.starts_at).offset_seconds;
    let mut warnings = Vec::new();
    let mut previous = first_offset;
    for o in occurrences {
        let offset = zone.at(o.starts_at).offset_seconds;
        if offset == previous {
            continue;
        }
        previous = offset;
        let minutes = i64::from(offset - first_offset) / 60;
        let from = ("from", Arg::from(o.starts_local.date().to_string()));
        let clocks = ("zone", crate::domain::slot::city_arg(zone));
        warnings.push(if minutes == 0 {
            Message::new("series-shift-back", vec![from, clocks])
        } else {
            let hhmm = |t: NaiveDateTime| Arg::from(t.format("%H:%M").to_string());
            Message::new(
                if minutes > 0 { "series-shift-earlier" } else { "series-shift-later" },
                vec![
                    from,
                    clocks,
                    ("local", hhmm(o.starts_local)),
                    ("minutes", Arg::from(minutes.abs())),
                    ("there", hhmm(example.at(o.starts_at).local)),
                    ("city", crate::domain::slot::city_arg(example)),
                    ("usual", hhmm(example.at(first.starts_at).local)),
                ],
            )
        });
    }
    warnings
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_series_body_splits_into_how_it_repeats_and_the_first_session() {
        let body: SeriesFields = serde_json::from_value(serde_json::json!({
            "repeat": "weekly", "count": 6, "title": "Biosafety", "colour": "red"}))
        .expect("any object deserialises");
        let how = body.repeat.parse().expect("valid repeat");
        assert_eq!((how.repeat, how.count), (Repeat::Weekly, Some(6)));
        assert_eq!(body.session.title, Field::Given("Biosafety".to_string()));
        assert_eq!(body.session.unknown.keys().collect::<Vec<_>>(), ["colour"]);
    }

    use super::*;
    use crate::domain::lang::Lang;

    #[test]
    fn the_calendar_rule_repeats_the_dates_we_make() {
        // 9 March 2027 is the second Tuesday; 30 March the fifth (the last).
        assert_eq!(rrule(Repeat::Weekly, d("2027-03-09"), 6), "FREQ=WEEKLY;COUNT=6");
        assert_eq!(rrule(Repeat::Fortnightly, d("2027-03-09"), 3), "FREQ=WEEKLY;INTERVAL=2;COUNT=3");
        assert_eq!(rrule(Repeat::MonthlyByWeekday, d("2027-03-09"), 4), "FREQ=MONTHLY;BYDAY=2TU;COUNT=4");
        assert_eq!(rrule(Repeat::MonthlyByWeekday, d("2027-03-30"), 4), "FREQ=MONTHLY;BYDAY=-1TU;COUNT=4");
        let last = dates(d("2027-03-30"), Repeat::MonthlyByWeekday, Some(3), None);
        assert_eq!(last, [d("2027-03-30"), d("2027-04-27"), d("2027-05-25")], "the last Tuesday, as -1TU says");
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn monthly_keeps_the_weekday_of_the_week() {
        // 2027-01-12 is the second Tuesday of January.
        let got = dates(d("2027-01-12"), Repeat::MonthlyByWeekday, Some(4), None);
        assert_eq!(got, [d("2027-01-12"), d("2027-02-09"), d("2027-03-09"), d("2027-04-13")]);
        // 2027-03-30 is the fifth (last) Tuesday of March: April has four.
        let got = dates(d("2027-03-30"), Repeat::MonthlyByWeekday, Some(3), None);
        assert_eq!(got, [d("2027-03-30"), d("2027-04-27"), d("2027-05-25")]);
    }

    #[test]
    fn a_clock_change_warning_names_the_cities_in_the_readers_language() {
        let brussels = TimeZone::parse("Europe/Brussels").expect("zone");
        let jakarta = TimeZone::parse("Asia/Jakarta").expect("zone");
        let start = d("2027-03-25").and_hms_opt(10, 0, 0).expect("time");
        let end = d("2027-03-25").and_hms_opt(11, 30, 0).expect("time");
        let got = occurrences(&brussels, start, end, &[d("2027-03-25"), d("2027-04-01")]).expect("no gap");
        let warnings = shift_warnings(&brussels, &got, &jakarta);
        assert_eq!(warnings.len(), 1);
        let english = warnings[0].in_lang(Lang::En);
        assert!(english.contains("Brussels changes its clocks") && english.contains("15:00 in Jakarta"), "{english}");
        let french = warnings[0].in_lang(Lang::Fr);
        assert!(french.contains("Bruxelles change d"), "{french}");
        let russian = warnings[0].in_lang(Lang::Ru);
        assert!(russian.contains("Брюссель") && russian.contains("Джакарта"), "{russian}");
    }

    #[test]
    fn fortnightly_until_a_date_includes_it() {
        let got = dates(d("2027-03-01"), Repeat::Fortnightly, None, Some(d("2027-04-12")));
        assert_eq!(got, [d("2027-03-01"), d("2027-03-15"), d("2027-03-29"), d("2027-04-12")]);
        assert_eq!(dates(d("2027-03-01"), Repeat::Weekly, Some(500), None).len(), MAX_OCCURRENCES);
    }
}
