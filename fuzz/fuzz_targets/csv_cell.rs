//! A registrant's text in the CSV export: never a formula once neutralised,
//! and the file parses back to exactly the neutralised cells.
#![no_main]

use convene::web::admin::csv_export::neutralise;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|cells: Vec<String>| {
    if cells.is_empty() {
        return;
    }
    let safe: Vec<String> = cells.iter().map(|c| neutralise(c)).collect();
    for cell in &safe {
        assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "formula left in {cell:?}");
    }
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(&safe).expect("written to memory");
    let bytes = out.into_inner().expect("flushed");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(bytes.as_slice());
    let row = reader.records().next().expect("one row").expect("parses");
    let back: Vec<&str> = row.iter().collect();
    assert_eq!(back, safe.iter().map(String::as_str).collect::<Vec<_>>());
});
