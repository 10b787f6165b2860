//! What focal points and organisers read about nominations: a country's
//! part in a session (places held against its quota, nominations and what
//! became of them), and people pasted from a spreadsheet as rows of a
//! nomination.

use super::registration::RegistrationStatus;
use serde_json::{Map, Value};

/// One country's part in a session.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CountryTally {
    /// Places held now (a seat, counted against the quota): confirmed
    /// people and nominees yet to answer.
    pub held: usize,
    /// Every nomination made, whatever became of it.
    pub nominated: usize,
    /// Nominees yet to answer.
    pub awaiting: usize,
    /// Nominees who accepted: confirmed, awaiting approval or waiting for a seat.
    pub accepted: usize,
    /// Nominees who declined, or let the nomination lapse.
    pub declined: usize,
    /// People who registered themselves and still stand (awaiting
    /// endorsement included).
    pub registered: usize,
    pub awaiting_endorsement: usize,
    pub attended: usize,
}

impl CountryTally {
    /// Counts one registration of the country.
    pub fn add(&mut self, status: RegistrationStatus, nominated: bool, attended: bool) {
        use RegistrationStatus as S;
        if status.holds_place() {
            self.held += 1;
        }
        if attended {
            self.attended += 1;
        }
        if nominated {
            self.nominated += 1;
            match status {
                S::Nominated => self.awaiting += 1,
                S::Confirmed | S::PendingApproval | S::Waitlisted => self.accepted += 1,
                S::Declined | S::Lapsed => self.declined += 1,
                _ => {}
            }
        } else if status.is_active() {
            self.registered += 1;
            if status == S::PendingEndorsement {
                self.awaiting_endorsement += 1;
            }
        }
    }

    /// Whether the country has put anyone forward (a nomination, or a
    /// registration that stands).
    pub fn has_anyone(&self) -> bool {
        self.nominated > 0 || self.registered > 0
    }
}

/// The columns of a pasted sheet when it has no header row, in order.
pub const SHEET_COLUMNS: [&str; 7] = ["name", "email", "organisation", "position", "country", "role", "note"];

/// At most this many people in one paste.
pub const SHEET_MAX_ROWS: usize = 200;

/// One person of a pasted sheet: its line (1-based, as the person sees it
/// in their spreadsheet) and its cells as a nomination's fields.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    pub line: usize,
    pub fields: Map<String, Value>,
}

/// Why a paste cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    Empty,
    TooMany(usize),
    /// A header names a column a nomination does not have.
    UnknownColumn(String),
    Unreadable(String),
}

/// Reads people pasted from a spreadsheet: cells separated by tabs (what
/// a spreadsheet copies), semicolons or commas, whichever the first line
/// uses; an optional header row naming the columns (`name`, `email`,
/// `organisation`, `position`, `country`, `role`, `note`, in any order),
/// else the columns in that order. Blank lines are skipped; empty cells
/// are left out, so that each row is checked as a nomination would be.
pub fn read_sheet(text: &str, default_country: Option<&str>) -> Result<Vec<SheetRow>, SheetError> {
    let first = text.lines().find(|l| !l.trim().is_empty()).ok_or(SheetError::Empty)?;
    let delimiter = [b'\t', b';', b','].into_iter().find(|d| first.as_bytes().contains(d)).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut columns: Vec<String> = SHEET_COLUMNS.iter().map(|c| c.to_string()).collect();
    let mut rows = Vec::new();
    let mut first_record = true;
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| SheetError::Unreadable(e.to_string()))?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        if std::mem::take(&mut first_record) && is_header(&record) {
            columns = header(&record)?;
            continue;
        }
        // The csv reader's own line count skips blank lines, and its record
        // starts where the blank lines before it do; a spreadsheet counts them.
        let line = record
            .position()
            .and_then(|p| text.get(..p.byte() as usize))
            .map(|before| {
                let blank =
                    text[before.len()..].chars().take_while(|c| matches!(c, '\n' | '\r')).filter(|c| *c == '\n');
                before.matches('\n').count() + blank.count() + 1
            })
            .unwrap_or(index + 1);
        let mut fields = Map::new();
        for (column, cell) in columns.iter().zip(record.iter()) {
            if !cell.is_empty() {
                fields.insert(column.clone(), Value::String(cell.to_string()));
            }
        }
        if let Some(country) = default_country.filter(|_| !fields.contains_key("country")) {
            fields.insert("country".into(), Value::String(country.to_string()));
        }
        rows.push(SheetRow { line, fields });
        if rows.len() > SHEET_MAX_ROWS {
            return Err(SheetError::TooMany(SHEET_MAX_ROWS));
        }
    }
    if rows.is_empty() {
        return Err(SheetError::Empty);
    }
    Ok(rows)
}

/// A first row that names columns rather than a person: it has a cell
/// `email` (no address is just that word).
fn is_header(record: &csv::StringRecord) -> bool {
    record.iter().any(|c| c.eq_ignore_ascii_case("email") || c.eq_ignore_ascii_case("e-mail"))
}

fn header(record: &csv::StringRecord) -> Result<Vec<String>, SheetError> {
    record
        .iter()
        .map(|c| {
            let name = c.to_ascii_lowercase().replace(['-', ' '], "");
            let name = if name == "email" { "email".to_string() } else { name };
            if SHEET_COLUMNS.contains(&name.as_str()) { Ok(name) } else { Err(SheetError::UnknownColumn(c.into())) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell<'a>(row: &'a SheetRow, name: &str) -> Option<&'a str> {
        row.fields.get(name).and_then(Value::as_str)
    }

    #[test]
    fn a_spreadsheets_tabs_with_a_header_in_any_order() {
        let text =
            "Email\tName\tCountry\tRole\nana@example.ph\tAna Reyes\tPH\ttrainer\n\nbo@example.ph\tBo Cruz\tPH\t\n";
        let rows = read_sheet(text, None).expect("reads");
        assert_eq!(rows.len(), 2);
        assert_eq!((cell(&rows[0], "name"), cell(&rows[0], "email")), (Some("Ana Reyes"), Some("ana@example.ph")));
        assert_eq!(cell(&rows[0], "role"), Some("trainer"));
        assert_eq!(cell(&rows[1], "role"), None, "an empty cell is left out");
        assert_eq!((rows[0].line, rows[1].line), (2, 4), "lines as the spreadsheet numbers them");
    }

    #[test]
    fn without_a_header_the_columns_are_in_the_documented_order_and_the_country_defaults() {
        let text = "Ana Reyes, ana@example.ph, Department of Health\n";
        let rows = read_sheet(text, Some("PH")).expect("reads");
        assert_eq!(cell(&rows[0], "organisation"), Some("Department of Health"));
        assert_eq!(cell(&rows[0], "country"), Some("PH"));
        let semicolons = read_sheet("Ana Reyes;ana@example.ph;DOH;Head, lab;ID", Some("PH")).expect("reads");
        assert_eq!(cell(&semicolons[0], "position"), Some("Head, lab"), "a comma inside a semicolon sheet");
        assert_eq!(cell(&semicolons[0], "country"), Some("ID"), "a given country stays");
    }

    #[test]
    fn nothing_an_unknown_column_or_too_many_people_is_said_plainly() {
        assert_eq!(read_sheet(" \n\n", None), Err(SheetError::Empty));
        assert_eq!(read_sheet("name\temail\tshoe size\n", None), Err(SheetError::UnknownColumn("shoe size".into())));
        let many: String = (0..=SHEET_MAX_ROWS).map(|i| format!("P {i},p{i}@example.org\n")).collect();
        assert_eq!(read_sheet(&many, None), Err(SheetError::TooMany(SHEET_MAX_ROWS)));
    }

    #[test]
    fn a_tally_counts_each_nomination_once_by_what_became_of_it() {
        use RegistrationStatus as S;
        let mut t = CountryTally::default();
        t.add(S::Nominated, true, false);
        t.add(S::Confirmed, true, true);
        t.add(S::Lapsed, true, false);
        t.add(S::Declined, true, false);
        t.add(S::PendingEndorsement, false, false);
        t.add(S::Cancelled, false, false);
        assert_eq!(
            t,
            CountryTally {
                held: 2,
                nominated: 4,
                awaiting: 1,
                accepted: 1,
                declined: 2,
                registered: 1,
                awaiting_endorsement: 1,
                attended: 1
            }
        );
        assert!(t.has_anyone());
        assert!(!CountryTally::default().has_anyone());
    }
}
