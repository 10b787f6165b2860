//! `/series/{id}`: a recurring series as one thing: every date in the
//! reader's zone, which of them fall at another hour for the reader
//! (because one side changes its clocks), and one way to register for all
//! of them (`POST /api/v1/series/{id}/registrations`, or each date's own
//! page).

use super::{Chrome, Viewer, render};
use crate::db::ids::{SeriesId, SessionId};
use crate::db::series as store;
use crate::domain::session::SessionStatus;
use crate::domain::slot::SlotView;
use crate::error::AppError;
use crate::web::feeds::FeedPath;
use crate::web::{PageError, State, blocking};
use actix_web::{HttpRequest, HttpResponse, get, web};
use askama::Template;
use std::collections::HashMap;

/// One occurrence as the reader sees it.
pub struct Occurrence {
    pub id: SessionId,
    /// In the reader's zone.
    pub when: String,
    pub cancelled: bool,
    pub past: bool,
    /// "at 15:00 instead of 16:00": the reader's hour differs from the
    /// first date's, though the series keeps its own zone's wall time.
    pub shifted: Option<String>,
}

#[derive(Template)]
#[template(path = "public/series.html")]
pub struct SeriesPage {
    pub chrome: Chrome,
    pub title: String,
    pub repeat: String,
    /// "16:00 Manila (UTC+08:00)": the wall time every date keeps.
    pub keeps: String,
    pub occurrences: Vec<Occurrence>,
    /// The first date still taking registrations: its page has the form.
    pub next_open: Option<SessionId>,
    pub feed: String,
}

#[get("/series/{id}")]
pub async fn series_page(
    req: HttpRequest,
    state: State,
    id: web::Path<SeriesId>,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let id = id.into_inner();
    let query = query.into_inner();
    let (row, sessions) = blocking(&state.pool, move |conn| Ok::<_, PageError>(store::find(conn, id, false)?))
        .await?
        .filter(|(_, sessions)| !sessions.is_empty())
        .ok_or(AppError::NotFound)?;
    let first = sessions.first().ok_or(AppError::NotFound)?;
    let own = first.zone();
    let viewer = Viewer::from_request(&req, &query, own.clone());
    let lang = viewer.lang;
    let now = crate::db::now();
    let occurrences = occurrences(&sessions, &viewer, now);
    let own_view = SlotView::new_in(lang, first.starts_at(), first.ends_at(), &own, &own);
    let page = SeriesPage {
        chrome: Chrome::new(&viewer, &state.reference(), &query),
        title: row.title.clone(),
        repeat: crate::i18n::t(lang, &format!("repeat-{}", row.repeat)),
        keeps: own_view.clock(),
        next_open: sessions
            .iter()
            .find(|s| s.status() == SessionStatus::Published && s.closed_reason(now).is_none())
            .map(|s| s.id()),
        occurrences,
        feed: FeedPath::Series(id).url_in(&state.base_url, lang),
    };
    render(&page, viewer.cookie())
}

/// Each date in the reader's zone, marking those at another hour than the
/// first date's (one side changed its clocks in between).
fn occurrences(
    sessions: &[crate::db::sessions::Session],
    viewer: &Viewer,
    now: chrono::NaiveDateTime,
) -> Vec<Occurrence> {
    let Some(first) = sessions.first() else { return Vec::new() };
    let (own, lang) = (first.zone(), viewer.lang);
    let first_hour = SlotView::new_in(lang, first.starts_at(), first.ends_at(), &viewer.zone, &own).start;
    sessions
        .iter()
        .map(|s| {
            let view = SlotView::new_in(lang, s.starts_at(), s.ends_at(), &viewer.zone, &own);
            let shifted = (view.start != first_hour).then(|| {
                crate::i18n::message(
                    lang,
                    "series-shifted",
                    &[("start", view.start.as_str().into()), ("usual", first_hour.as_str().into())],
                )
            });
            Occurrence {
                id: s.id(),
                when: view.line(),
                cancelled: s.status() == SessionStatus::Cancelled,
                past: s.row.ends_at <= now,
                shifted,
            }
        })
        .collect()
}
