//! Demo sessions for a newcomer's first start: clearly marked, spread across
//! the network's zones, placed relative to today so they are always upcoming.

use super::DbConn;
use super::reference::Reference;
use crate::domain::session::{SessionFields, SessionInput};
use serde_json::json;

/// Adds the demo sessions when the database has no session at all.
pub fn seed_if_empty(conn: &mut DbConn, reference: &Reference) -> anyhow::Result<usize> {
    if super::sessions::count_all(conn)? > 0 {
        return Ok(0);
    }
    let day =
        |offset: i64| (chrono::Utc::now().date_naive() + chrono::Duration::days(offset)).format("%Y-%m-%d").to_string();
    let demos = [
        json!({"title": "[Demo] Biosafety in diagnostic laboratories", "kind": "webinar", "format": "online",
               "summary": "A demonstration webinar for South-East Asian laboratory staff.",
               "time_zone": "Asia/Manila", "starts_at": format!("{}T15:00", day(7)), "ends_at": format!("{}T16:30", day(7)),
               "capacity": 100, "waitlist": true, "regions": ["south-east-asia"], "topics": ["biosafety", "biosecurity"]}),
        json!({"title": "[Demo] Chemical security table-top exercise", "kind": "exercise", "format": "hybrid",
               "summary": "A demonstration exercise run from Brussels for partners in several regions.",
               "time_zone": "Europe/Brussels", "starts_at": format!("{}T10:00", day(14)), "ends_at": format!("{}T13:00", day(14)),
               "capacity": 40, "location": "Brussels and online", "topics": ["chemical-safety-security", "first-response"]}),
        json!({"title": "[Demo] Export control of dual-use goods: focal points meeting", "kind": "meeting", "format": "online",
               "summary": "A demonstration focal-point meeting for the African Atlantic Façade.",
               "time_zone": "Africa/Casablanca", "starts_at": format!("{}T11:00", day(10)), "ends_at": format!("{}T12:30", day(10)),
               "regions": ["african-atlantic-facade"], "topics": ["export-control"], "language": "fr"}),
        json!({"title": "[Demo] Border control and illicit trafficking training", "kind": "training", "format": "in_person",
               "summary": "A demonstration training in Tashkent for Central Asian partners.",
               "time_zone": "Asia/Tashkent", "starts_at": format!("{}T09:00", day(21)), "ends_at": format!("{}T17:00", day(21)),
               "capacity": 25, "location": "Tashkent", "regions": ["central-asia"], "topics": ["border-control"]}),
        json!({"title": "[Demo] Medical preparedness for radiological emergencies", "kind": "webinar", "format": "online",
               "summary": "A demonstration webinar planned in Yangon's half-hour zone.",
               "time_zone": "Asia/Yangon", "starts_at": format!("{}T14:30", day(5)), "ends_at": format!("{}T16:00", day(5)),
               "topics": ["medical-preparedness", "radiological-nuclear"]}),
    ];
    let mut added = 0;
    for mut demo in demos {
        demo["status"] = json!("published");
        demo["description"] = json!(
            "This is a demonstration session added on first start. Set CONVENE_DEMO=false to start with an empty calendar."
        );
        let fields: SessionFields = serde_json::from_value(demo)?;
        let input = SessionInput::try_from(&fields).map_err(|e| anyhow::anyhow!("demo session invalid: {:?}", e.0))?;
        crate::sessions::create(conn, reference, &input, true, &crate::sessions::Actor::system("demo"))
            .map_err(|e| anyhow::anyhow!("demo session not saved: {e:?}"))?;
        added += 1;
    }
    Ok(added)
}
