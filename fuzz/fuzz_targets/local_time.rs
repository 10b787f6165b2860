//! A zone name and a local wall time as typed into a form: parsing never
//! panics, and a time that resolves maps back to the same wall time in that
//! zone (a fall-back fold takes the earlier of the two instants).
#![no_main]

use convene::domain::zone::{TimeZone, parse_local};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str)| {
    let (zone, local) = input;
    let Ok(zone) = TimeZone::parse(zone) else { return };
    let Ok(local) = parse_local(local) else { return };
    let Ok(resolved) = zone.resolve(local) else { return };
    let back = zone.at(resolved.utc);
    assert_eq!(
        back.local,
        local,
        "{} {local} resolved to {} but reads back as {}",
        zone.name(),
        resolved.utc,
        back.local
    );
    if resolved.fold.is_some() {
        // The earlier instant: the same wall time comes round again half an
        // hour or an hour later (Lord Howe's fold is 30 minutes).
        let again = [30, 60].iter().any(|m| zone.at(resolved.utc + chrono::Duration::minutes(*m)).local == local);
        assert!(again, "{} {local}: a fold resolved to the later instant", zone.name());
    }
});
