//! Moving a session that people are registered for: before anything
//! changes, the form says who will be told, the old and new times in the
//! organiser's zone, and which of the registrants' countries the new slot
//! puts outside working hours or on their weekend (the planner's flags).

use crate::db::registrations as registration_store;
use crate::db::sessions::Session;
use crate::domain::planner::{self, Audience};
use crate::domain::session::SessionInput;
use crate::domain::slot::SlotView;
use crate::domain::zone::TimeZone;
use crate::web::public::Viewer;
use crate::web::{PageError, State, blocking};
use actix_web::HttpRequest;
use std::collections::{BTreeSet, HashMap};

/// A session changing time with this many people to tell.
pub struct Confirm {
    pub people: usize,
    /// The slot before and after, in the organiser's zone.
    pub was: String,
    pub now: String,
    /// "Philippines: Sat 10 May 21:00–22:30 (outside working hours)", one
    /// per registrants' country the new slot does not suit.
    pub flagged: Vec<String>,
}

/// The confirmation a move needs, or None when the time does not change
/// or nobody is registered.
pub async fn confirm_move(
    req: &HttpRequest,
    state: &State,
    session: &Session,
    input: &SessionInput,
) -> Result<Option<Confirm>, PageError> {
    if (session.starts_at(), session.ends_at()) == (input.starts_at, input.ends_at) {
        return Ok(None);
    }
    let id = session.id();
    let countries = blocking(&state.pool, move |conn| {
        let active = registration_store::active(conn, id)?;
        let countries: BTreeSet<String> = active.iter().map(|r| r.country_iso2.clone()).collect();
        Ok::<_, PageError>((active.len(), countries))
    })
    .await?;
    let (people, countries) = countries;
    if people == 0 {
        return Ok(None);
    }
    let viewer = Viewer::from_request(req, &HashMap::new(), session.zone());
    let lang = viewer.lang;
    let line = |start, end| SlotView::new_in(lang, start, end, &viewer.zone, &input.zone).line();
    let reference = state.reference();
    let audience: Vec<Audience> = countries
        .iter()
        .filter_map(|iso| reference.country(iso))
        .map(|c| Audience {
            iso2: c.iso2.clone(),
            name: c.name_in(lang),
            // The country's main zone: where most of its people read the time.
            zones: reference.zones_of(&c.iso2).iter().take(1).filter_map(|z| TimeZone::parse(z).ok()).collect(),
        })
        .collect();
    let planned = input.zone.at(input.starts_at).local.date();
    let length = input.ends_at - input.starts_at;
    let flagged = planner::rows(input.starts_at, length, planned, &audience)
        .into_iter()
        .filter(|r| !r.fine())
        .map(|r| {
            let why = if r.weekend { "ws-move-weekend" } else { "ws-move-outside-hours" };
            let day = lang.day_month(r.starts.date());
            let slot = format!("{day} {}–{}", r.starts.format("%H:%M"), r.ends.format("%H:%M"));
            crate::i18n::message(lang, why, &[("country", r.country.as_str().into()), ("slot", slot.into())])
        })
        .collect();
    Ok(Some(Confirm {
        people,
        was: line(session.starts_at(), session.ends_at()),
        now: line(input.starts_at, input.ends_at),
        flagged,
    }))
}
