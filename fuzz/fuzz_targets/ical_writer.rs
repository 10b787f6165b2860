//! The iCalendar writer: whatever people type into a title, description,
//! place or name, the calendar is well-formed (CRLF, lines of at most 75
//! octets) and an independent parser reads back the same text.
#![no_main]

use arbitrary::Arbitrary;
use chrono::{DateTime, Utc};
use convene::calendar::{Event, Method, Party, calendar};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    summary: String,
    description: String,
    location: String,
    attendee_name: String,
    category: String,
    start: u32,
}

/// What the writer promises to keep: the text without control characters
/// other than newlines, and without trailing white space.
fn kept(text: &str) -> String {
    let kept: String = text.chars().filter(|c| !c.is_control() || *c == '\n').collect();
    kept.trim_end().to_string()
}

/// RFC 5545 TEXT unescaping.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fuzz_target!(|input: Input| {
    let start =
        DateTime::<Utc>::from_timestamp(1_700_000_000 + i64::from(input.start % 100_000_000), 0).expect("in range");
    let event = Event {
        uid: "session-1@convene.example".into(),
        sequence: 1,
        cancelled: false,
        summary: input.summary.clone(),
        description: input.description.clone(),
        location: input.location.clone(),
        url: "https://convene.example/sessions/1".into(),
        start,
        end: start + chrono::Duration::hours(1),
        created: start,
        last_modified: start,
        categories: vec![input.category.clone()],
        organizer: None,
        attendee: Some(Party { name: input.attendee_name.clone(), email: "person@example.org".into() }),
        local: None,
    };
    let text = calendar(Method::Request, None, &[event], start);
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line of {} octets: {line:?}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'), "a bare line break: {line:?}");
    }
    // Unfold as RFC 5545 says (a line break and one space or tab go): the
    // ical crate trims white space at fold points too, which no writer can
    // satisfy for a long run of spaces.
    let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
    let mut parser = ical::IcalParser::new(unfolded.as_bytes());
    let cal = parser.next().expect("one calendar").expect("parses");
    assert!(parser.next().is_none());
    let event = cal.events.first().expect("one event");
    let value =
        |name: &str| event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default();
    // The ical crate drops every ':' at the start of a value
    // (`trim_start_matches(VALUE_DELIMITER)` in its property parser); RFC
    // 5545 keeps them, and they cannot be escaped, so compare without.
    let same = |name: &str, input: &str| {
        assert_eq!(unescape(&value(name)).trim_start_matches(':'), kept(input).trim_start_matches(':'), "{name}");
    };
    same("SUMMARY", &input.summary);
    same("DESCRIPTION", &input.description);
    if !kept(&input.location).is_empty() {
        same("LOCATION", &input.location);
    }
    let attendee = event.properties.iter().find(|p| p.name == "ATTENDEE").expect("attendee");
    assert_eq!(attendee.value.as_deref(), Some("mailto:person@example.org"));
    let cn = attendee
        .params
        .as_ref()
        .and_then(|ps| ps.iter().find(|(k, _)| k == "CN"))
        .and_then(|(_, v)| v.first().cloned())
        .expect("CN");
    let expected_cn = kept(&input.attendee_name).replace('\n', " ").replace('"', "'");
    let expected_cn = expected_cn.trim_end();
    assert_eq!(cn.trim_matches('"'), expected_cn);
});
