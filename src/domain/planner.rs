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

/// How far the organisers' own day may bend for the participants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stretch {
    /// Inside their working hours (08:00–18:00) on a working day.
    Strict,
    /// Early or late (07:00–21:00) on a working day, never at night.
    #[default]
    Stretched,
    /// Not counted: the participants alone decide.
    Free,
}

/// Earliest start and latest end allowed for an organiser, local hours.
pub const STRETCH_STARTS: u32 = 7;
pub const STRETCH_ENDS: u32 = 21;

impl Stretch {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "strict" => Some(Self::Strict),
            "stretched" => Some(Self::Stretched),
            "free" => Some(Self::Free),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Strict => "strict",
            Self::Stretched => "stretched",
            Self::Free => "free",
        }
    }

    /// Whether an organiser in `host`'s default zone may run a slot from `start`.
    pub fn allows(self, host: &Audience, start: DateTime<Utc>, length: Duration) -> bool {
        let (from, to) = match self {
            Self::Free => return true,
            Self::Strict => (DAY_STARTS, DAY_ENDS),
            Self::Stretched => (STRETCH_STARTS, STRETCH_ENDS),
        };
        host.zones.first().is_some_and(|zone| {
            let starts = zone.at(start).local;
            let ends = zone.at(start + length).local;
            within(starts, ends, from, to) && !weekend(&host.iso2).contains(&starts.weekday())
        })
    }
}

fn within(starts: chrono::NaiveDateTime, ends: chrono::NaiveDateTime, from: u32, to: u32) -> bool {
    let at = |h: u32| starts.date().and_time(NaiveTime::from_hms_opt(h, 0, 0).unwrap_or_default());
    starts >= at(from) && ends <= at(to)
}

/// Where an hour falls in someone's day: what the day grid colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    Work,
    /// Early or late: 07:00–08:00, 18:00–21:00.
    Edge,
    Night,
    Weekend,
}

impl Band {
    pub fn of(local: chrono::NaiveDateTime, iso2: &str) -> Self {
        use chrono::Timelike;
        let h = local.hour();
        if weekend(iso2).contains(&local.weekday()) {
            Self::Weekend
        } else if (DAY_STARTS..DAY_ENDS).contains(&h) {
            Self::Work
        } else if (STRETCH_STARTS..STRETCH_ENDS).contains(&h) {
            Self::Edge
        } else {
            Self::Night
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Work => "work",
            Self::Edge => "edge",
            Self::Night => "night",
            Self::Weekend => "weekend",
        }
    }
}

/// One row of the day grid: the zones that read every hour of the day
/// alike (same offsets, same weekend), and each hour as they read it.
#[derive(Debug, Clone)]
pub struct GridRow {
    pub offset: String,
    /// "Jakarta, Bangkok" (one city per zone, the grid's first country's first).
    pub places: Vec<String>,
    pub weekend_days: &'static [Weekday],
    /// Local hour and its band, for each hour of the grid.
    pub cells: Vec<(u32, Band)>,
}

/// The 24 hours from `day_start` (UTC), each as every zone of `audience`
/// reads it, rows grouped by what they read, ordered east to west.
pub fn day_grid(day_start: DateTime<Utc>, audience: &[Audience]) -> Vec<GridRow> {
    use chrono::Timelike;
    let hours: Vec<DateTime<Utc>> = (0..24).map(|h| day_start + Duration::hours(h)).collect();
    let mut rows: Vec<(Vec<i32>, GridRow)> = Vec::new();
    for country in audience {
        for zone in &country.zones {
            let offsets: Vec<i32> = hours.iter().map(|t| zone.at(*t).offset_seconds).collect();
            let days = weekend(&country.iso2);
            let city = zone.city();
            match rows.iter_mut().find(|(o, r)| *o == offsets && r.weekend_days == days) {
                Some((_, row)) => {
                    if !row.places.contains(&city) {
                        row.places.push(city);
                    }
                }
                None => {
                    let cells = hours
                        .iter()
                        .map(|t| {
                            let local = zone.at(*t).local;
                            (local.hour(), Band::of(local, &country.iso2))
                        })
                        .collect();
                    let row = GridRow {
                        offset: zone.at(day_start).offset_label(),
                        places: vec![city],
                        weekend_days: days,
                        cells,
                    };
                    rows.push((offsets, row));
                }
            }
        }
    }
    rows.sort_by_key(|(o, _)| std::cmp::Reverse(o.first().copied().unwrap_or(0)));
    rows.into_iter().map(|(_, r)| r).collect()
}

/// The zone of a region's secretariat, among its countries' zones (`(iso2,
/// zone)`): the one named after the city, else the capital's zone where
/// the database names another city (Rabat keeps Casablanca's clocks, Abu
/// Dhabi Dubai's).
pub fn secretariat_zone<'a>(city: &str, zones: &'a [(String, TimeZone)]) -> Option<&'a (String, TimeZone)> {
    let named = match city {
        "Rabat" => "Africa/Casablanca",
        "Abu Dhabi" => "Asia/Dubai",
        _ => "",
    };
    zones.iter().find(|(_, z)| z.city() == city || z.name() == named)
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
/// the most countries inside working hours, among those the organisers
/// (`hosts`: the planner's own zone, the organising secretariat's) can run
/// as `stretch` allows, as runs of consecutive times. Empty when no start
/// suits anyone.
pub fn best_slots(
    date: NaiveDate,
    zone: &TimeZone,
    length: Duration,
    audience: &[Audience],
    hosts: &[Audience],
    stretch: Stretch,
) -> Vec<BestSlots> {
    let step = Duration::minutes(30);
    let Some(midnight) = date.and_hms_opt(0, 0, 0) else { return Vec::new() };
    // The zone's day, in UTC: from its first instant to the next day's.
    let day_start = zone.resolve(midnight).map(|r| r.utc).unwrap_or_else(|_| midnight.and_utc());
    let next = midnight + Duration::days(1);
    let day_end = zone.resolve(next).map(|r| r.utc).unwrap_or_else(|_| next.and_utc());
    let mut scored = Vec::new();
    let mut t = day_start;
    while t < day_end {
        // A start the organisers cannot run is no proposal, however many it suits.
        if hosts.iter().all(|h| stretch.allows(h, t, length)) {
            scored.push((t, audience.iter().filter(|c| suited(c, t, length)).count()));
        }
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

    fn host(iso2: &str, zone: &str) -> Audience {
        Audience { iso2: iso2.into(), name: zone.into(), zones: vec![TimeZone::parse(zone).expect("zone")] }
    }

    #[test]
    fn organisers_in_brussels_are_never_offered_the_night_for_south_east_asia() {
        let sea: Vec<Audience> = [("PH", "Asia/Manila"), ("ID", "Asia/Jakarta"), ("VN", "Asia/Ho_Chi_Minh")]
            .iter()
            .map(|(c, z)| host(c, z))
            .collect();
        let brussels = TimeZone::parse("Europe/Brussels").expect("zone");
        let date = NaiveDate::from_ymd_opt(2027, 3, 9).expect("date");
        let length = Duration::minutes(90);
        let local = |t: DateTime<Utc>| brussels.at(t).local.format("%H:%M").to_string();
        // Participants alone: the whole of their working day, from 02:00 Brussels.
        let free = best_slots(date, &brussels, length, &sea, &[host("BE", "Europe/Brussels")], Stretch::Free);
        assert_eq!(local(free[0].first), "02:00");
        // Brussels stretched to 07:00: the best is then 07:00–08:30 Brussels (14:00 Manila).
        let stretched = best_slots(date, &brussels, length, &sea, &[host("BE", "Europe/Brussels")], Stretch::Stretched);
        assert_eq!((local(stretched[0].first), stretched[0].suited), ("07:00".into(), 3));
        // Inside Brussels working hours: 08:00 is the earliest, still within Manila's day.
        let strict = best_slots(date, &brussels, length, &sea, &[host("BE", "Europe/Brussels")], Stretch::Strict);
        assert_eq!(local(strict[0].first), "08:00");
        assert!(strict.iter().all(|r| brussels.at(r.first).local.format("%H").to_string().as_str() >= "08"));
    }

    #[test]
    fn the_day_grid_groups_zones_that_read_the_day_alike() {
        let day = DateTime::parse_from_rfc3339("2027-03-09T00:00:00+01:00").expect("instant").with_timezone(&Utc);
        let audience = [
            host("PH", "Asia/Manila"),
            host("ID", "Asia/Makassar"),
            host("SA", "Asia/Riyadh"),
            host("KE", "Africa/Nairobi"),
        ];
        let grid = day_grid(day, &audience);
        assert_eq!(grid.len(), 3, "Manila and Makassar share UTC+08:00; Riyadh and Nairobi differ by weekend");
        assert_eq!(grid[0].places, ["Manila", "Makassar"]);
        assert_eq!(grid[0].offset, "UTC+08:00");
        // Midnight in Brussels is 07:00 in Manila: early; 09:00 there is work.
        assert_eq!(grid[0].cells[0], (7, Band::Edge));
        assert_eq!(grid[0].cells[2], (9, Band::Work));
        assert_eq!(grid[0].cells[16], (23, Band::Night));
    }

    #[test]
    fn weekends_differ_by_country() {
        assert_eq!(weekend("SA"), [Weekday::Fri, Weekday::Sat]);
        assert_eq!(weekend("AE"), [Weekday::Sat, Weekday::Sun]);
        assert_eq!(weekend("BN"), [Weekday::Fri, Weekday::Sun]);
        assert_eq!(weekend("ID"), [Weekday::Sat, Weekday::Sun]);
    }
}
