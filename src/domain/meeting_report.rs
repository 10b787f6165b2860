//! The participant reports that Zoom, Microsoft Teams and Webex export
//! after a meeting, read into who was there and for how many minutes.
//! Each tool names its columns its own way and may put a summary block
//! above the participants' table (Zoom, Teams), write UTF-16 with tabs
//! (Teams) and list someone once per join: the header row is found by its
//! email column, the delimiter by counting, and a person's rows are added up.

use std::collections::BTreeMap;

/// One person in the report: minutes present across all their joins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Present {
    /// Lower-cased, as matched against registrations.
    pub email: String,
    pub name: String,
    pub minutes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportError {
    /// No row names an email column: not a participant report.
    NoEmailColumn,
    /// Neither a duration nor join and leave times.
    NoDuration,
}

const EMAIL: [&str; 6] = ["user email", "email", "e-mail", "attendee email", "participant email", "email address"];
const NAME: [&str; 6] = ["name (original name)", "name", "full name", "participant", "attendee name", "display name"];
const DURATION: [&str; 6] = [
    "duration (minutes)",
    "duration (mins)",
    "duration",
    "in-meeting duration",
    "attendance duration",
    "time in meeting",
];
const JOIN: [&str; 4] = ["join time", "joined", "first join", "join"];
const LEAVE: [&str; 4] = ["leave time", "left", "last leave", "leave"];

/// The report's bytes as text: UTF-8 (with or without a BOM) or UTF-16
/// with its BOM, as Teams writes it.
pub fn decode(bytes: &[u8]) -> String {
    let utf16 = |le: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|p| if le { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) })
            .collect();
        String::from_utf16_lossy(&units)
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(true),
        [0xFE, 0xFF, ..] => utf16(false),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn position(header: &[String], names: &[&str]) -> Option<usize> {
    names.iter().find_map(|n| header.iter().position(|h| h == n))
}

/// Who was there, by email, minutes added up over their rows and capped at
/// `session_minutes` (two devices at once do not make a longer session).
pub fn read(text: &str, session_minutes: i64) -> Result<Vec<Present>, ReportError> {
    let lines: Vec<&str> = text.lines().collect();
    let delimiter = |line: &str| if line.matches('\t').count() > line.matches(',').count() { b'\t' } else { b',' };
    let cells = |line: &str| -> Vec<String> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter(line))
            .from_reader(line.as_bytes());
        reader
            .records()
            .next()
            .and_then(Result::ok)
            .map(|r| r.iter().map(|c| c.trim().to_string()).collect())
            .unwrap_or_default()
    };
    // A header row is one that names an email column; a report may have
    // two (Zoom's summary, then its participants), each for the rows below it.
    struct Columns {
        email: usize,
        name: Option<usize>,
        duration: Option<usize>,
        span: Option<(usize, usize)>,
    }
    let mut columns: Option<Columns> = None;
    let mut any_header = false;
    let mut people: BTreeMap<String, Present> = BTreeMap::new();
    for line in &lines {
        let row = cells(line);
        let lower: Vec<String> = row.iter().map(|c| c.to_lowercase()).collect();
        if let Some(email) = position(&lower, &EMAIL) {
            any_header = true;
            let duration = position(&lower, &DURATION);
            let span = position(&lower, &JOIN).zip(position(&lower, &LEAVE));
            columns = (duration.is_some() || span.is_some()).then(|| Columns {
                email,
                name: position(&lower, &NAME),
                duration,
                span,
            });
            continue;
        }
        let Some(c) = &columns else { continue };
        let Some(email) = row.get(c.email).map(|e| e.to_lowercase()).filter(|e| e.contains('@')) else { continue };
        let minutes = c
            .duration
            .and_then(|i| row.get(i))
            .and_then(|d| minutes_of(d))
            .or_else(|| c.span.and_then(|(j, l)| span(row.get(j)?, row.get(l)?)))
            .unwrap_or(0);
        let name = c.name.and_then(|i| row.get(i)).cloned().unwrap_or_default();
        let entry = people.entry(email.clone()).or_insert(Present { email, name, minutes: 0 });
        entry.minutes += minutes;
    }
    if !any_header {
        return Err(ReportError::NoEmailColumn);
    }
    if people.is_empty() && columns.is_none() {
        return Err(ReportError::NoDuration);
    }
    Ok(people
        .into_values()
        .map(|mut p| {
            p.minutes = p.minutes.min(session_minutes.max(0));
            p
        })
        .collect())
}

/// "62", "62 mins", "1h 2m 3s", "01:02:03" or "62:05" as whole minutes.
fn minutes_of(text: &str) -> Option<i64> {
    let t = text.trim().to_lowercase();
    if let Ok(n) = t.trim_end_matches(|c: char| c.is_alphabetic() || c == ' ').trim().parse::<f64>() {
        return (n.is_finite() && n >= 0.0).then_some(n.round() as i64);
    }
    if t.contains(':') {
        let parts: Vec<i64> = t.split(':').map(|p| p.trim().parse().ok()).collect::<Option<_>>()?;
        return match parts.as_slice() {
            [h, m, s] => Some(h * 60 + m + i64::from(*s >= 30)),
            [m, s] => Some(m + i64::from(*s >= 30)),
            _ => None,
        };
    }
    let mut total = 0.0;
    let mut number = String::new();
    let mut seen = false;
    for c in t.chars() {
        if c.is_ascii_digit() || c == '.' {
            number.push(c);
        } else if c.is_alphabetic() && !number.is_empty() {
            let n: f64 = number.parse().ok()?;
            number.clear();
            seen = true;
            total += match c {
                'h' => n * 60.0,
                'm' => n,
                's' => n / 60.0,
                _ => return None,
            };
        }
    }
    seen.then(|| total.round() as i64)
}

/// Minutes between a join and a leave time, as the tools write them.
fn span(join: &str, leave: &str) -> Option<i64> {
    const FORMATS: [&str; 6] = [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y, %I:%M:%S %p",
        "%d/%m/%Y %H:%M:%S",
    ];
    let parse = |t: &str| FORMATS.iter().find_map(|f| chrono::NaiveDateTime::parse_from_str(t.trim(), f).ok());
    let minutes = (parse(leave)? - parse(join)?).num_minutes();
    (minutes >= 0).then_some(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zoom_report_with_its_summary_block_and_a_rejoin() {
        let zoom = "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n\
                    123 456 789,Biosafety,03/09/2027 09:00:00 AM,03/09/2027 10:30:00 AM,host@example.org,95,3\n\
                    \n\
                    Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n\
                    Maria Santos,Maria@Example.org,03/09/2027 09:01:00 AM,03/09/2027 09:40:00 AM,39,No\n\
                    Maria Santos,maria@example.org,03/09/2027 09:45:00 AM,03/09/2027 10:30:00 AM,45,No\n\
                    Guest Person,,03/09/2027 09:05:00 AM,03/09/2027 09:10:00 AM,5,Yes\n\
                    Budi,budi@example.org,03/09/2027 09:00:00 AM,03/09/2027 10:40:00 AM,100,No\n";
        let people = read(zoom, 90).expect("reads");
        let minutes: Vec<(&str, i64)> = people.iter().map(|p| (p.email.as_str(), p.minutes)).collect();
        // The summary block's host row is read too: it is a person with an email.
        assert!(minutes.contains(&("maria@example.org", 84)), "{minutes:?}");
        assert!(minutes.contains(&("budi@example.org", 90)), "capped at the session's length: {minutes:?}");
        assert!(!minutes.iter().any(|(e, _)| e.is_empty()), "rows without an email are skipped");
    }

    #[test]
    fn a_teams_report_in_utf16_with_tabs_and_webex_durations() {
        let teams = "Full Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole\n\
                     Nguyễn Thị Hà\t3/9/27, 9:00:12 AM\t3/9/27, 10:10:40 AM\t1h 10m 28s\tha@example.org\tAttendee\n";
        let mut bytes = vec![0xFF, 0xFE];
        for unit in teams.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let people = read(&decode(&bytes), 90).expect("reads");
        assert_eq!(people, [Present { email: "ha@example.org".into(), name: "Nguyễn Thị Hà".into(), minutes: 70 }]);
        let webex = "Name,Email,Joined,Left,Duration\nA,a@example.org,x,y,62 mins\n";
        assert_eq!(read(webex, 90).expect("reads")[0].minutes, 62);
        assert_eq!(minutes_of("01:02:40"), Some(63));
        assert_eq!(read("Name,Duration\nA,5\n", 90), Err(ReportError::NoEmailColumn));
        assert_eq!(read("Name,Email\nA,a@example.org\n", 90), Err(ReportError::NoDuration));
        let spans = "Email,Join Time,Leave Time\na@example.org,2027-03-09 09:00:00,2027-03-09 09:50:00\n";
        assert_eq!(read(spans, 90).expect("reads")[0].minutes, 50);
    }
}
