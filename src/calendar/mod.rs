//! Sessions as iCalendar (RFC 5545) text, for invites and feeds. Pure
//! functions: no database, no HTTP.
//!
//! Times are written as UTC instants (`DTSTART:20270309T080000Z`): every
//! client reads them the same way, and no VTIMEZONE (which the icalendar
//! crate cannot write correctly) is needed. Each client shows them in its
//! user's own zone; the description carries the local times with offsets.
//!
//! Work-arounds for the icalendar crate (0.17), each covered by a test
//! that reads the output back with an independent parser:
//! - start from `Calendar::empty()` (`new()` adds its own PRODID);
//! - set UID and DTSTAMP explicitly (otherwise random / now);
//! - parameter values (CN) cannot contain `"` in RFC 5545 and the crate
//!   does not escape it: it is replaced by `'`; control characters are
//!   dropped from every value, since a bare CR passes through raw;
//! - its folding lets the last continuation line of a long value reach 76
//!   octets (the leading space is not counted), so the output is unfolded
//!   and folded again here.

use crate::domain::zone::TimeZone;
use chrono::{DateTime, NaiveDateTime, Utc};
use icalendar::{Calendar, Property};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Publish,
    Request,
    Cancel,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Publish => "PUBLISH",
            Self::Request => "REQUEST",
            Self::Cancel => "CANCEL",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Party {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub uid: String,
    pub sequence: u32,
    pub cancelled: bool,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub url: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub created: DateTime<Utc>,
    pub last_modified: DateTime<Utc>,
    pub categories: Vec<String>,
    pub organizer: Option<Party>,
    pub attendee: Option<Party>,
    /// Times in a zone's wall time (with its [`vtimezone`] in the same
    /// calendar) instead of UTC: a recurring event and its instances.
    pub local: Option<Local>,
}

/// An event's times in its zone's wall time, for recurring events: the
/// rule repeats the wall time, so it follows the zone's clock changes.
#[derive(Debug, Clone)]
pub struct Local {
    pub tzid: String,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// The instance of a recurring event that this one replaces, by its
    /// start as the rule has it.
    pub recurrence_id: Option<NaiveDateTime>,
    /// The recurring event itself: its rule and the dates added or left out.
    pub rule: Option<Rule>,
}

#[derive(Debug, Clone)]
pub struct Rule {
    /// `FREQ=WEEKLY;COUNT=6`
    pub rrule: String,
    pub rdates: Vec<NaiveDateTime>,
    pub exdates: Vec<NaiveDateTime>,
}

/// What a feed says about itself.
pub struct FeedInfo<'a> {
    pub name: &'a str,
    pub description: &'a str,
}

/// The UID of a session's event: the same in every invite and feed, so
/// calendars recognise updates and cancellations.
pub fn session_uid(session_id: i32, host: &str) -> String {
    format!("session-{session_id}@{host}")
}

/// The host part of a base URL, for UIDs and Message-IDs.
pub fn host_of(base_url: &str) -> String {
    let rest = base_url.split("://").nth(1).unwrap_or(base_url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("localhost");
    let host = host.rsplit('@').next().unwrap_or(host);
    if host.is_empty() { "localhost".to_string() } else { host.to_string() }
}

/// Control characters are not allowed in iCalendar text, and trailing
/// white space would not survive: common readers trim line ends.
fn clean(text: &str) -> String {
    clean_cow(text).into_owned()
}

/// [`clean`] without a copy when there is nothing to take out (nearly
/// always): the feed writer calls it for every text of every event.
fn clean_cow(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(|c| c.is_control() && c != '\n') {
        let kept: String = text.chars().filter(|c| !c.is_control() || *c == '\n').collect();
        std::borrow::Cow::Owned(kept.trim_end().to_string())
    } else {
        std::borrow::Cow::Borrowed(text.trim_end())
    }
}

fn param(text: &str) -> String {
    clean(text).replace('\n', " ").replace('"', "'")
}

/// A whole VCALENDAR with CRLF line endings and lines folded at 75 octets.
pub fn calendar(method: Method, feed: Option<&FeedInfo<'_>>, events: &[Event], stamp: DateTime<Utc>) -> String {
    let blocks: Vec<String> = events.iter().map(|e| event_block(method, e, stamp)).collect();
    assemble(method, feed, blocks.iter().map(String::as_str))
}

/// One VEVENT, folded, ready to be placed in a calendar by [`assemble`].
/// Feeds keep these per session, so a change re-renders one event only.
///
/// Written directly rather than through the icalendar crate: a feed of
/// 10,000 sessions is rendered whole at start, and the crate's property
/// maps, per-property strings and our unfold/refold pass over its output
/// were a third of that time. The text is the crate's to the byte (its
/// order: properties by name, then the multi-valued ones; its escaping),
/// which `the_direct_writer_writes_what_the_crate_writes` checks over
/// awkward values, and it is folded by the same [`fold_line`].
pub fn event_block(method: Method, e: &Event, stamp: DateTime<Utc>) -> String {
    // A published feed stamps each event with its own last change, so the
    // same data always gives the same bytes (and the same ETag).
    let stamp = if method == Method::Publish { e.last_modified } else { stamp };
    let mut out = String::with_capacity(512 + e.description.len() * 11 / 10);
    let mut line = String::with_capacity(256);
    out.push_str("BEGIN:VEVENT\r\n");
    let mut put = |line: &mut String| {
        fold_line(&mut out, line);
        line.clear();
    };
    // Single properties, in the crate's (alphabetical) order.
    line.push_str("CREATED:");
    utc_into(&mut line, e.created);
    put(&mut line);
    line.push_str("DESCRIPTION:");
    escape_into(&mut line, &clean_cow(&e.description));
    put(&mut line);
    match &e.local {
        None => {
            line.push_str("DTEND:");
            utc_into(&mut line, e.end);
            put(&mut line);
            line.push_str("DTSTAMP:");
            utc_into(&mut line, stamp);
            put(&mut line);
            line.push_str("DTSTART:");
            utc_into(&mut line, e.start);
            put(&mut line);
        }
        Some(local) => {
            zoned_into(&mut line, "DTEND", &local.tzid, &[local.end]);
            put(&mut line);
            line.push_str("DTSTAMP:");
            utc_into(&mut line, stamp);
            put(&mut line);
            zoned_into(&mut line, "DTSTART", &local.tzid, &[local.start]);
            put(&mut line);
            if let Some(rule) = local.rule.as_ref().filter(|r| !r.exdates.is_empty()) {
                zoned_into(&mut line, "EXDATE", &local.tzid, &rule.exdates);
                put(&mut line);
            }
        }
    }
    line.push_str("LAST-MODIFIED:");
    utc_into(&mut line, e.last_modified);
    put(&mut line);
    if !e.location.is_empty() {
        line.push_str("LOCATION:");
        escape_into(&mut line, &clean_cow(&e.location));
        put(&mut line);
    }
    if let Some(o) = &e.organizer {
        party_into(&mut line, "ORGANIZER", o, false);
        put(&mut line);
    }
    if let Some(local) = &e.local {
        if let Some(rule) = local.rule.as_ref().filter(|r| !r.rdates.is_empty()) {
            zoned_into(&mut line, "RDATE", &local.tzid, &rule.rdates);
            put(&mut line);
        }
        if let Some(id) = local.recurrence_id {
            zoned_into(&mut line, "RECURRENCE-ID", &local.tzid, &[id]);
            put(&mut line);
        }
        if let Some(rule) = &local.rule {
            line.push_str("RRULE:");
            line.push_str(&rule.rrule);
            put(&mut line);
        }
    }
    line.push_str("SEQUENCE:");
    line.push_str(&e.sequence.to_string());
    put(&mut line);
    line.push_str(if e.cancelled { "STATUS:CANCELLED" } else { "STATUS:CONFIRMED" });
    put(&mut line);
    line.push_str("SUMMARY:");
    escape_into(&mut line, &clean_cow(&e.summary));
    put(&mut line);
    line.push_str("UID:");
    escape_into(&mut line, &e.uid);
    put(&mut line);
    if !e.url.is_empty() {
        line.push_str("URL:");
        line.push_str(&clean_cow(&e.url));
        put(&mut line);
    }
    // Then the multi-valued ones, by name.
    if let Some(a) = &e.attendee {
        party_into(&mut line, "ATTENDEE", a, true);
        put(&mut line);
    }
    if !e.categories.is_empty() {
        line.push_str("CATEGORIES:");
        for (i, c) in e.categories.iter().enumerate() {
            if i > 0 {
                line.push(',');
            }
            escape_into(&mut line, &clean_cow(c));
        }
        put(&mut line);
    }
    out.push_str("END:VEVENT\r\n");
    out
}

/// `20270309T080000Z`, without chrono's format machinery.
fn utc_into(out: &mut String, t: DateTime<Utc>) {
    wall_into(out, t.naive_utc());
    out.push('Z');
}

fn wall_into(out: &mut String, t: NaiveDateTime) {
    use chrono::{Datelike, Timelike};
    use std::fmt::Write;
    // Years outside 0..=9999 cannot be stored; chrono would write them with a sign.
    let _ =
        write!(out, "{:04}{:02}{:02}T{:02}{:02}{:02}", t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second());
}

fn wall(t: NaiveDateTime) -> String {
    let mut out = String::with_capacity(15);
    wall_into(&mut out, t);
    out
}

/// `NAME;TZID=Europe/Brussels:20270309T100000[,…]`.
fn zoned_into(out: &mut String, name: &str, tzid: &str, times: &[NaiveDateTime]) {
    out.push_str(name);
    out.push_str(";TZID=");
    param_value_into(out, tzid);
    out.push(':');
    for (i, t) in times.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        wall_into(out, *t);
    }
}

/// ORGANIZER or ATTENDEE, parameters by name as the crate orders them.
fn party_into(out: &mut String, kind: &str, p: &Party, attendee: bool) {
    out.push_str(kind);
    out.push_str(";CN=");
    param_value_into(out, &param(&p.name));
    if attendee {
        out.push_str(";PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT;RSVP=FALSE");
    }
    out.push_str(":mailto:");
    out.push_str(&clean(&p.email).replace('\n', ""));
}

/// A parameter value, quoted when it holds `:`, `;` or `,` (RFC 5545 3.1).
fn param_value_into(out: &mut String, value: &str) {
    if value.contains([':', ';', ',']) && !(value.starts_with('"') && value.ends_with('"')) {
        out.push('"');
        out.push_str(value);
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// TEXT escaping (RFC 5545 3.3.11): backslash, comma, semicolon, newline.
/// The text between them is copied in runs (all four are ASCII, so a
/// byte index is always a character boundary).
fn escape_into(out: &mut String, text: &str) {
    let mut from = 0;
    for (i, b) in text.bytes().enumerate() {
        let escaped = match b {
            b'\\' => "\\\\",
            b',' => "\\,",
            b';' => "\\;",
            b'\n' => "\\n",
            _ => continue,
        };
        out.push_str(&text[from..i]);
        out.push_str(escaped);
        from = i + 1;
    }
    out.push_str(&text[from..]);
}

/// A zone's VTIMEZONE for events from `from` to `to`: the offset in force
/// at `from`, then each change in between, as the database has them (no
/// rule of our own that a government's next decision could prove wrong).
pub fn vtimezone(zone: &TimeZone, from: DateTime<Utc>, to: DateTime<Utc>) -> String {
    fn offset(seconds: i32) -> String {
        let sign = if seconds < 0 { '-' } else { '+' };
        let s = seconds.unsigned_abs();
        if s.is_multiple_of(60) {
            format!("{sign}{:02}{:02}", s / 3600, s / 60 % 60)
        } else {
            format!("{sign}{:02}{:02}{:02}", s / 3600, s / 60 % 60, s % 60)
        }
    }
    fn observance(out: &mut String, daylight: bool, local: NaiveDateTime, before: i32, after: i32, name: &str) {
        let kind = if daylight { "DAYLIGHT" } else { "STANDARD" };
        out.push_str(&format!(
            "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\n",
            wall(local),
            offset(before),
            offset(after)
        ));
        let name = clean(name).replace([',', ';', ':', '\\', '\n'], "");
        if !name.is_empty() {
            out.push_str(&format!("TZNAME:{name}\r\n"));
        }
        out.push_str(&format!("END:{kind}\r\n"));
    }
    let first = zone.at(from);
    let (name, daylight) = zone.observance(from);
    let mut out = format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", clean(zone.name()));
    observance(&mut out, daylight, first.local, first.offset_seconds, first.offset_seconds, &name);
    for t in zone.transitions(from, to) {
        // An observance starts at the wall time it replaces (RFC 5545
        // 3.6.5: DTSTART is local time in TZOFFSETFROM).
        let local = t.utc.naive_utc() + chrono::Duration::seconds(i64::from(t.offset_before));
        observance(&mut out, t.daylight, local, t.offset_before, t.offset_after, &t.abbreviation);
    }
    out.push_str("END:VTIMEZONE\r\n");
    refold(&out)
}

/// A VCALENDAR around already rendered events.
pub fn assemble<'a>(method: Method, feed: Option<&FeedInfo<'_>>, blocks: impl Iterator<Item = &'a str>) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//EU CBRN CoE//Convene//EN"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", method.as_str()));
    if let Some(f) = feed {
        cal.name(&clean(f.name)).description(&clean(f.description));
        cal.append_property(Property::new("REFRESH-INTERVAL", "PT1H").add_parameter("VALUE", "DURATION").done());
        cal.append_property(Property::new("X-PUBLISHED-TTL", "PT1H"));
    }
    let head = refold(&cal.done().to_string());
    let head = head.strip_suffix("END:VCALENDAR\r\n").unwrap_or(&head);
    // Sized once: a feed of 10,000 events is 7 MB, which growing by
    // doubling would copy over and over.
    let blocks: Vec<&str> = blocks.collect();
    let mut out = String::with_capacity(head.len() + blocks.iter().map(|b| b.len()).sum::<usize>() + 16);
    out.push_str(head);
    for b in blocks {
        out.push_str(b);
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// Folds every content line at 75 octets, never inside a UTF-8 character;
/// continuation lines start with a space, which counts.
fn refold(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 37);
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        fold_line(&mut out, line);
    }
    out
}

/// One content line, folded as [`refold`] says, with its CRLF.
fn fold_line(out: &mut String, line: &str) {
    {
        let mut rest = line;
        let mut limit = 75;
        while rest.len() > limit {
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            // Some readers trim white space at either side of a fold
            // (RFC 5545 says to remove one space only): never fold next to
            // a space, unless a run of spaces leaves no other place.
            let mut careful = cut;
            while careful > limit / 2
                && (!rest.is_char_boundary(careful)
                    || rest[..careful].ends_with(char::is_whitespace)
                    || rest[careful..].starts_with(char::is_whitespace))
            {
                careful -= 1;
            }
            if careful > limit / 2 {
                cut = careful;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = 74;
        }
        out.push_str(rest);
        out.push_str("\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The crate's writer, as event_block used it before it wrote the text
    // itself: the reference the direct writer must match to the byte.
    use icalendar::{Component, Event as IcalEvent, EventLike, EventStatus};

    fn party(kind: &str, p: &Party, attendee: bool) -> Property {
        let mut prop = Property::new(kind, format!("mailto:{}", clean(&p.email).replace('\n', "")));
        prop.add_parameter("CN", &param(&p.name));
        if attendee {
            prop.add_parameter("ROLE", "REQ-PARTICIPANT");
            prop.add_parameter("PARTSTAT", "ACCEPTED");
            prop.add_parameter("RSVP", "FALSE");
        }
        prop.done()
    }

    fn wall_text(t: NaiveDateTime) -> String {
        t.format("%Y%m%dT%H%M%S").to_string()
    }

    /// `DTSTART;TZID=Europe/Brussels:20270309T100000`; a list for EXDATE.
    fn zoned(name: &str, tzid: &str, times: &[NaiveDateTime]) -> Property {
        let list: Vec<String> = times.iter().map(|t| wall_text(*t)).collect();
        Property::new(name, list.join(",")).add_parameter("TZID", tzid).done()
    }

    fn event(e: &Event, stamp: DateTime<Utc>) -> IcalEvent {
        let mut ev = IcalEvent::new();
        ev.uid(&e.uid).timestamp(stamp);
        match &e.local {
            None => {
                ev.starts(e.start).ends(e.end);
            }
            Some(local) => {
                if let Some(id) = local.recurrence_id {
                    ev.append_property(zoned("RECURRENCE-ID", &local.tzid, &[id]));
                }
                ev.append_property(zoned("DTSTART", &local.tzid, &[local.start]));
                ev.append_property(zoned("DTEND", &local.tzid, &[local.end]));
                if let Some(rule) = &local.rule {
                    ev.append_property(Property::new("RRULE", &rule.rrule));
                    if !rule.rdates.is_empty() {
                        ev.append_property(zoned("RDATE", &local.tzid, &rule.rdates));
                    }
                    if !rule.exdates.is_empty() {
                        ev.append_property(zoned("EXDATE", &local.tzid, &rule.exdates));
                    }
                }
            }
        }
        ev.sequence(e.sequence)
            .summary(&clean(&e.summary))
            .description(&clean(&e.description))
            .created(e.created)
            .last_modified(e.last_modified)
            .status(if e.cancelled { EventStatus::Cancelled } else { EventStatus::Confirmed });
        if !e.location.is_empty() {
            ev.location(&clean(&e.location));
        }
        if !e.url.is_empty() {
            ev.url(&clean(&e.url));
        }
        if !e.categories.is_empty() {
            ev.categories(e.categories.iter().map(|c| clean(c)));
        }
        if let Some(o) = &e.organizer {
            ev.append_property(party("ORGANIZER", o, false));
        }
        if let Some(a) = &e.attendee {
            ev.append_multi_property(party("ATTENDEE", a, true));
        }
        ev.done()
    }

    fn through_the_crate(e: &Event, stamp: DateTime<Utc>) -> String {
        let mut cal = Calendar::empty();
        cal.push(event(e, stamp));
        let text = refold(&cal.done().to_string());
        let start = text.find("BEGIN:VEVENT").expect("an event");
        let end = text.rfind("END:VEVENT\r\n").expect("its end");
        text[start..end + "END:VEVENT\r\n".len()].to_string()
    }

    #[test]
    fn the_direct_writer_writes_what_the_crate_writes() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).expect("instant").with_timezone(&Utc);
        let local_at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").expect("wall time");
        let awkward = [
            "",
            "Plain",
            "Biosafety; biosecurity, and \\ more\nSecond line\r\nThird\u{7}",
            "Ліміт: 老虎 «Ташкент» — مراكز التميّز التابعة للاتحاد الأوروبي للحدّ من المخاطر الكيميائية والبيولوجية",
            "A line of exactly seventy-five octets, then spaces at the fold:          end",
            "trailing spaces   ",
            &"x,".repeat(120),
        ];
        let base = Event {
            uid: "session-42@events.example.org:8080".into(),
            sequence: 3,
            cancelled: false,
            summary: String::new(),
            description: String::new(),
            location: String::new(),
            url: "https://events.example.org/sessions/42".into(),
            start: at("2027-03-09T08:00:00Z"),
            end: at("2027-03-09T09:30:00Z"),
            created: at("2026-12-01T10:11:12Z"),
            last_modified: at("2026-12-02T10:11:12Z"),
            categories: Vec::new(),
            organizer: None,
            attendee: None,
            local: None,
        };
        let mut cases = Vec::new();
        for (i, text) in awkward.iter().enumerate() {
            let mut e = base.clone();
            e.summary = text.to_string();
            e.description = awkward[(i + 2) % awkward.len()].repeat(3);
            e.location = awkward[(i + 3) % awkward.len()].to_string();
            e.cancelled = i % 2 == 1;
            e.url = if i == 0 { String::new() } else { base.url.clone() };
            e.categories = awkward.iter().skip(i).take(2).map(|s| s.to_string()).filter(|s| !s.is_empty()).collect();
            cases.push(e.clone());
            e.organizer =
                Some(Party { name: format!("Convene {text}\"quoted\""), email: "convene@example.org".into() });
            e.attendee = Some(Party { name: text.to_string(), email: "siti@example.id\n".into() });
            cases.push(e.clone());
            e.local = Some(Local {
                tzid: if i % 2 == 0 { "Europe/Brussels".into() } else { "America/Argentina/Buenos_Aires".into() },
                start: local_at("2027-03-11T10:00"),
                end: local_at("2027-03-11T11:30"),
                recurrence_id: (i % 3 == 0).then(|| local_at("2027-03-18T10:00")),
                rule: (i % 3 != 0).then(|| Rule {
                    rrule: "FREQ=WEEKLY;COUNT=6".into(),
                    rdates: if i % 2 == 0 { vec![local_at("2027-05-01T10:00")] } else { Vec::new() },
                    exdates: (0..i).map(|k| local_at("2027-03-25T10:00") + chrono::Duration::weeks(k as i64)).collect(),
                }),
            });
            cases.push(e);
        }
        for method in [Method::Publish, Method::Request, Method::Cancel] {
            for e in &cases {
                let stamp = at("2026-12-07T20:00:00Z");
                assert_eq!(
                    event_block(method, e, stamp),
                    through_the_crate(e, if method == Method::Publish { e.last_modified } else { stamp }),
                    "{e:?}"
                );
            }
        }
    }

    #[test]
    fn a_vtimezone_lists_the_zones_own_changes_in_the_span() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).expect("instant").with_timezone(&Utc);
        let brussels = TimeZone::parse("Europe/Brussels").expect("zone");
        let text = vtimezone(&brussels, at("2027-03-01T00:00:00Z"), at("2027-11-30T00:00:00Z"));
        assert!(text.starts_with("BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\nBEGIN:STANDARD\r\n"), "{text}");
        assert!(
            text.contains("BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"),
            "{text}"
        );
        assert!(
            text.contains("BEGIN:STANDARD\r\nDTSTART:20271031T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"),
            "{text}"
        );
        let jakarta = TimeZone::parse("Asia/Jakarta").expect("zone");
        let text = vtimezone(&jakarta, at("2027-03-01T00:00:00Z"), at("2027-11-30T00:00:00Z"));
        assert_eq!(text.matches("BEGIN:STANDARD").count(), 1, "no change: one observance\n{text}");
        assert!(text.contains("TZOFFSETTO:+0700"), "{text}");
        let kathmandu = TimeZone::parse("Asia/Kathmandu").expect("zone");
        assert!(
            vtimezone(&kathmandu, at("2027-03-01T00:00:00Z"), at("2027-03-02T00:00:00Z")).contains("TZOFFSETTO:+0545")
        );
    }

    #[test]
    fn hosts_come_from_base_urls() {
        assert_eq!(host_of("https://events.example.org/x"), "events.example.org");
        assert_eq!(host_of("http://127.0.0.1:8080"), "127.0.0.1:8080");
    }
}
