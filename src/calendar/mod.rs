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

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event as IcalEvent, EventLike, EventStatus, Property};

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
    let kept: String = text.chars().filter(|c| !c.is_control() || *c == '\n').collect();
    kept.trim_end().to_string()
}

fn param(text: &str) -> String {
    clean(text).replace('\n', " ").replace('"', "'")
}

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

fn event(e: &Event, stamp: DateTime<Utc>) -> IcalEvent {
    let mut ev = IcalEvent::new();
    ev.uid(&e.uid)
        .timestamp(stamp)
        .sequence(e.sequence)
        .summary(&clean(&e.summary))
        .description(&clean(&e.description))
        .starts(e.start)
        .ends(e.end)
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

/// A whole VCALENDAR with CRLF line endings and lines folded at 75 octets.
pub fn calendar(method: Method, feed: Option<&FeedInfo<'_>>, events: &[Event], stamp: DateTime<Utc>) -> String {
    let blocks: Vec<String> = events.iter().map(|e| event_block(method, e, stamp)).collect();
    assemble(method, feed, blocks.iter().map(String::as_str))
}

/// One VEVENT, folded, ready to be placed in a calendar by [`assemble`].
/// Feeds keep these per session, so a change re-renders one event only.
pub fn event_block(method: Method, e: &Event, stamp: DateTime<Utc>) -> String {
    // A published feed stamps each event with its own last change, so the
    // same data always gives the same bytes (and the same ETag).
    let stamp = if method == Method::Publish { e.last_modified } else { stamp };
    let mut cal = Calendar::empty();
    cal.push(event(e, stamp));
    let text = refold(&cal.done().to_string());
    match (text.find("BEGIN:VEVENT"), text.rfind("END:VEVENT\r\n")) {
        (Some(start), Some(end)) => text[start..end + "END:VEVENT\r\n".len()].to_string(),
        _ => String::new(),
    }
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
    let mut out = String::from(head);
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_come_from_base_urls() {
        assert_eq!(host_of("https://events.example.org/x"), "events.example.org");
        assert_eq!(host_of("http://127.0.0.1:8080"), "127.0.0.1:8080");
    }
}
