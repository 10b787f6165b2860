//! Time-zone facts that users rely on, pinned: gaps, folds, a half-hour
//! zone, a midnight transition, and the 2026 rule changes that older
//! tz databases get wrong.

use crate::common::{manila_session, spawn_app, with};
use convene::domain::zone::{TimeZone, ZoneError, parse_local, tzdb_version};
use serde_json::{Value, json};

fn utc(zone: &str, local: &str) -> Result<(String, bool), ZoneError> {
    let z = TimeZone::parse(zone)?;
    let r = z.resolve(parse_local(local)?)?;
    Ok((r.utc.format("%Y-%m-%dT%H:%MZ").to_string(), r.fold.is_some()))
}

#[test]
fn the_tz_database_is_2026c_or_newer() {
    let v = tzdb_version();
    assert!(v.len() == 5 && v.as_bytes()[4].is_ascii_lowercase(), "odd version {v}");
    assert!(v >= "2026c", "tz database {v} predates 2026c");
}

#[test]
fn wall_times_resolve_to_the_right_instants() {
    // (zone, local wall time, expected UTC, resolved from a fold)
    let table = [
        // Brussels, winter and summer
        ("Europe/Brussels", "2027-03-09T16:00", "2027-03-09T15:00Z", false),
        ("Europe/Brussels", "2027-07-01T16:00", "2027-07-01T14:00Z", false),
        // Brussels fall-back: 02:30 happens twice; the earlier (UTC+02:00) wins
        ("Europe/Brussels", "2027-10-31T02:30", "2027-10-31T00:30Z", true),
        // Half-hour zone
        ("Asia/Yangon", "2027-03-09T16:00", "2027-03-09T09:30Z", false),
        ("Asia/Kabul", "2027-03-09T16:00", "2027-03-09T11:30Z", false),
        // Beirut falls back at midnight: 23:30 on 30 October happens twice
        ("Asia/Beirut", "2027-10-30T23:30", "2027-10-30T20:30Z", true),
        ("Asia/Beirut", "2027-03-28T01:30", "2027-03-27T22:30Z", false),
        // Morocco is on permanent UTC+00 since 2026-09-20 (IANA 2026c);
        // older data says UTC+01:00 outside Ramadan
        ("Africa/Casablanca", "2027-07-01T12:00", "2027-07-01T12:00Z", false),
        ("Africa/Casablanca", "2026-11-10T12:00", "2026-11-10T12:00Z", false),
        // Moldova follows the EU switch at 01:00 UTC since 2026a: on
        // 2027-03-28 02:30 local still exists (older data put the gap at 02:00)
        ("Europe/Chisinau", "2027-03-28T02:30", "2027-03-28T00:30Z", false),
        // Aliases are accepted
        ("Europe/Kiev", "2027-01-15T10:00", "2027-01-15T08:00Z", false),
        ("Asia/Rangoon", "2027-01-15T10:00", "2027-01-15T03:30Z", false),
    ];
    for (zone, local, expected, fold) in table {
        assert_eq!(utc(zone, local), Ok((expected.to_string(), fold)), "{zone} {local}");
    }
}

#[test]
fn times_in_a_spring_forward_gap_are_refused_with_the_gap_named() {
    let table = [
        ("Europe/Brussels", "2027-03-28T02:30", "clocks jump from 02:00 to 03:00"),
        // Beirut springs forward at local midnight
        ("Asia/Beirut", "2027-03-28T00:30", "clocks jump from 00:00 to 01:00"),
        // Moldova's gap is now 03:00–04:00 local
        ("Europe/Chisinau", "2027-03-28T03:30", "clocks jump from 03:00 to 04:00"),
    ];
    for (zone, local, phrase) in table {
        let err = utc(zone, local).expect_err("a gap");
        let text = err.to_string();
        assert!(text.contains(phrase) && text.contains(zone), "{zone} {local}: {text}");
    }
}

#[tokio::test]
async fn the_api_refuses_a_gap_with_422_and_writes_nothing() {
    let app = spawn_app().await;
    let res = app
        .post_json(
            "/api/v1/sessions",
            &with(
                manila_session(),
                json!({"time_zone": "Europe/Brussels", "starts_at": "2027-03-28T02:30", "ends_at": "2027-03-28T04:00"}),
            ),
        )
        .await;
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.expect("problem");
    let message = body["errors"]["starts_at"].as_str().expect("starts_at named");
    assert!(message.contains("does not exist in Europe/Brussels") && message.contains("02:00 to 03:00"), "{message}");
    assert!(app.all_sessions().await.is_empty());
}

#[tokio::test]
async fn the_api_resolves_a_fold_to_the_earlier_instant_and_says_so() {
    let app = spawn_app().await;
    let s = app
        .create_session(with(
            manila_session(),
            json!({"time_zone": "Europe/Brussels", "starts_at": "2027-10-31T02:30", "ends_at": "2027-10-31T04:00"}),
        ))
        .await;
    assert_eq!(s["starts_at_utc"], "2027-10-31T00:30:00Z");
    assert_eq!(s["ends_at_utc"], "2027-10-31T03:00:00Z");
    assert_eq!(s["starts_at"], "2027-10-31T02:30");
    let note = s["notes"][0].as_str().expect("a note about the fold");
    assert!(note.contains("earlier"), "{note}");
}

#[tokio::test]
async fn the_zone_name_given_is_stored_not_an_abbreviation() {
    let app = spawn_app().await;
    let s = app
        .create_session(with(
            manila_session(),
            json!({"time_zone": "Europe/Kiev", "starts_at": "2027-01-15T10:00", "ends_at": "2027-01-15T11:00"}),
        ))
        .await;
    assert_eq!(s["time_zone"], "Europe/Kiev");
    assert_eq!(s["starts_at_utc"], "2027-01-15T08:00:00Z");
    assert_eq!(s["utc_offset"], "+02:00");
}
