//! `/admin/series/{id}`: a series as one thing in the workspace: every
//! occurrence with its status and places, the people who registered for
//! the whole series (and how many of its dates they still hold), and the
//! way to change every future occurrence at once (the edit form of the
//! next one, "apply to every future session" ticked).

use super::Staff;
use crate::db::ids::{SeriesId, SessionId};
use crate::db::registrations as registration_store;
use crate::db::series as store;
use crate::domain::registration::RegistrationStatus;
use crate::domain::slot::SlotView;
use crate::error::AppError;
use crate::web::public::{Chrome, Viewer, render_status};
use crate::web::{PageError, State, blocking, csrf};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/series/{id}", web::get().to(page));
}

/// One occurrence as the workspace lists it.
pub struct Occurrence {
    pub id: SessionId,
    pub when: String,
    /// `draft`, `published`, `cancelled` or `held`.
    pub status: String,
    pub confirmed: usize,
    pub waiting: usize,
    pub seats: String,
}

/// Someone registered for the whole series.
pub struct Member {
    pub name: String,
    pub organisation: String,
    pub country: String,
    /// Dates whose place they hold (confirmed or waiting), of the series'.
    pub holding: usize,
}

#[derive(Template)]
#[template(path = "admin/series.html")]
struct SeriesPage {
    chrome: Chrome,
    csrf: String,
    email: String,
    title: String,
    repeat: String,
    zone: String,
    public: String,
    occurrences: Vec<Occurrence>,
    members: Vec<Member>,
    /// The next occurrence still to come: its form changes every future one.
    edit_future: Option<SessionId>,
}

async fn page(
    req: HttpRequest,
    state: State,
    user: Staff,
    id: web::Path<SeriesId>,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let id = id.into_inner();
    let staff = user.clone();
    let (row, sessions, counts, invites) = blocking(&state.pool, move |conn| {
        let (row, sessions) = store::find(conn, id, true)?.ok_or(AppError::NotFound)?;
        for s in &sessions {
            staff.require_session(s.row.organising_region_id)?;
        }
        let ids: Vec<SessionId> = sessions.iter().map(|s| s.id()).collect();
        let counts = registration_store::status_counts(conn, &ids)?;
        let invites = registration_store::series_registrants(conn, id, None)?;
        Ok::<_, PageError>((row, sessions, counts, invites))
    })
    .await?;
    let first = sessions.first().ok_or(AppError::NotFound)?;
    let query = query.into_inner();
    let viewer = Viewer::from_request(&req, &query, first.zone());
    let reference = state.reference();
    let chrome = Chrome::new(&viewer, &reference, &query);
    let lang = viewer.lang;
    let occurrences = sessions
        .iter()
        .map(|s| {
            let c = counts.get(&s.id()).copied().unwrap_or_default();
            let zone = s.zone();
            Occurrence {
                id: s.id(),
                when: SlotView::new_in(lang, s.starts_at(), s.ends_at(), &zone, &zone).line(),
                status: super::sessions::shown_status(s).to_string(),
                confirmed: c.confirmed,
                waiting: c.waiting,
                seats: match (s.row.capacity, s.seats_left()) {
                    (Some(of), Some(left)) => chrome.seats_left(left, of),
                    _ => chrome.t("ws-unlimited"),
                },
            }
        })
        .collect();
    // One line per address, holding what its registrations still hold.
    let mut members: Vec<(String, Member)> = Vec::new();
    for r in &invites {
        let holds = usize::from(matches!(r.status(), RegistrationStatus::Confirmed | RegistrationStatus::Waitlisted));
        match members.iter_mut().find(|(email, _)| *email == r.email) {
            Some((_, m)) => m.holding += holds,
            None => members.push((
                r.email.clone(),
                Member {
                    name: r.name.clone(),
                    organisation: r.organisation.clone(),
                    country: reference
                        .country(&r.country_iso2)
                        .map_or_else(|| r.country_iso2.clone(), |c| c.name_in(lang)),
                    holding: holds,
                },
            )),
        }
    }
    let now = crate::db::now();
    let token = csrf::token(&req)?;
    let page = SeriesPage {
        csrf: token.value.clone(),
        email: user.email,
        title: row.title.clone(),
        repeat: chrome.t(&format!("repeat-{}", row.repeat)),
        zone: row.time_zone.clone(),
        public: format!("/series/{id}"),
        occurrences,
        members: members.into_iter().map(|(_, m)| m).collect(),
        edit_future: sessions
            .iter()
            .find(|s| s.row.starts_at > now && s.status() != crate::domain::session::SessionStatus::Cancelled)
            .map(|s| s.id()),
        chrome,
    };
    render_status(&page, StatusCode::OK, [viewer.cookie(), token.cookie])
}
