//! The planner: where a slot falls in every zone of the countries that may
//! attend, and which UTC start times on a day suit the most of them.

use super::zone::TimeZone;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};

/// Working hours, local time: a session should start and end inside them.
pub const DAY_STARTS: u32 = 8;
pub const DAY_ENDS: u32 = 18;

/// The days offices are closed, per country, as of 2026. Most of the Gulf
/// and the Middle East rest on Friday and Saturday; Brunei on Friday and
/// Sunday; the United Arab Emirates moved to Saturday and Sunday in 2022.
pub fn weekend(iso2: &str) -> &'static [Weekday] {
    use Weekday::{Fri, Sat, Sun, Thu};
    match iso2 {
        "DZ" | "BH" | "IQ" | "JO" | "KW" | "LY" | "OM" | "QA" | "SA" | "EG" | "SY" | "YE" | "SD" => &[Fri, Sat],
        "AF" => &[Thu, Fri],
        "BN" => &[Fri, Sun],
        _ => &[Sat, Sun],
    }
}

/// A country that may attend, with its zones (the first is its default).
#[derive(Debug, Clone)]
pub struct Audience {
    pub iso2: String,
    pub name: String,
    pub zones: Vec<TimeZone>,
}

/// The slot as one zone of one country sees it.
#[derive(Debug, Clone)]
pub struct PlannerRow {
    pub iso2: String,
    pub country: String,
    pub zone: String,
    pub starts: chrono::NaiveDateTime,
    pub ends: chrono::NaiveDateTime,
    pub offset: String,
    /// Starts before 08:00 or ends after 18:00 local time.
    pub outside_hours: bool,
    pub weekend: bool,
    /// On another calendar date than the one planned.
    pub other_date: bool,
}

impl PlannerRow {
    pub fn fine(&self) -> bool {
        !self.outside_hours && !self.weekend
    }
}

fn inside_hours(starts: chrono::NaiveDateTime, ends: chrono::NaiveDateTime) -> bool {
    let opens = starts.date().and_time(NaiveTime::from_hms_opt(DAY_STARTS, 0, 0).unwrap_or_default());
    let closes = starts.date().and_time(NaiveTime::from_hms_opt(DAY_ENDS, 0, 0).unwrap_or_default());
    starts >= opens && ends <= closes
}

/// Every zone of every country, for a slot starting at `start` (UTC).
pub fn rows(start: DateTime<Utc>, length: Duration, planned_date: NaiveDate, audience: &[Audience]) -> Vec<PlannerRow> {
    let mut out = Vec::new();
    for country in audience {
        for zone in &country.zones {
            let starts = zone.at(start);
            let ends = zone.at(start + length).local;
            out.push(PlannerRow {
                iso2: country.iso2.clone(),
                country: country.name.clone(),
                zone: zone.name().to_string(),
                starts: starts.local,
                ends,
                offset: starts.offset_label(),
                outside_hours: !inside_hours(starts.local, ends),
                weekend: weekend(&country.iso2).contains(&starts.local.weekday()),
                other_date: starts.local.date() != planned_date,
            });
        }
    }
    out
}

/// A country counts as suited when its default zone sees the whole slot
/// inside working hours on a working day.
fn suited(country: &Audience, start: DateTime<Utc>, length: Duration) -> bool {
    country.zones.first().is_some_and(|zone| {
        let starts = zone.at(start).local;
        let ends = zone.at(start + length).local;
        inside_hours(starts, ends) && !weekend(&country.iso2).contains(&starts.weekday())
    })
}

/// A run of equally good UTC start times, every `step` from `first` to `last`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BestSlots {
    pub first: DateTime<Utc>,
    pub last: DateTime<Utc>,
    pub suited: usize,
    pub of: usize,
}

/// The start times on `date` (a day in `zone`, every 30 minutes) that put
/// the most countries inside working hours, as runs of consecutive times.
/// Empty when no start suits anyone.
pub fn best_slots(date: NaiveDate, zone: &TimeZone, length: Duration, audience: &[Audience]) -> Vec<BestSlots> {
    let step = Duration::minutes(30);
    let Some(midnight) = date.and_hms_opt(0, 0, 0) else { return Vec::new() };
    // The zone's day, in UTC: from its first instant to the next day's.
    let day_start = zone.resolve(midnight).map(|r| r.utc).unwrap_or_else(|_| midnight.and_utc());
    let next = midnight + Duration::days(1);
    let day_end = zone.resolve(next).map(|r| r.utc).unwrap_or_else(|_| next.and_utc());
    let mut scored = Vec::new();
    let mut t = day_start;
    while t < day_end {
        scored.push((t, audience.iter().filter(|c| suited(c, t, length)).count()));
        t += step;
    }
    let best = scored.iter().map(|(_, n)| *n).max().unwrap_or(0);
    if best == 0 {
        return Vec::new();
    }
    let mut runs: Vec<BestSlots> = Vec::new();
    for (t, n) in scored.into_iter().filter(|(_, n)| *n == best) {
        match runs.last_mut() {
            Some(run) if run.last + step == t => run.last = t,
            _ => runs.push(BestSlots { first: t, last: t, suited: n, of: audience.len() }),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekends_differ_by_country() {
        assert_eq!(weekend("SA"), [Weekday::Fri, Weekday::Sat]);
        assert_eq!(weekend("AE"), [Weekday::Sat, Weekday::Sun]);
        assert_eq!(weekend("BN"), [Weekday::Fri, Weekday::Sun]);
        assert_eq!(weekend("ID"), [Weekday::Sat, Weekday::Sun]);
    }
}
