//! `/my/{token}`: what spans one email address — every registration made
//! with it, a copy of everything kept about it, its erasure, and the feed of
//! all its sessions. Opened only through an access link emailed to the
//! address (`registrations::privacy::create_access_link`), never through anything a
//! form or the API hands back: anyone may type someone else's address into
//! a form, but only its owner reads its inbox.

use super::feeds::{Subscribe, subscribe};
use super::{Chrome, Viewer, render_status};
use crate::db;
use crate::db::ids::SessionId;
use crate::db::privacy;
use crate::db::sessions as session_store;
use crate::domain::zone::TimeZone;
use crate::i18n;
use crate::web::PageError;
use crate::web::csrf::CsrfForm;
use crate::web::feeds::FeedPath;
use crate::web::{State, blocking, csrf};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use chrono::NaiveDateTime;
use std::collections::HashMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(address_page).service(address_data).service(erase_form).service(erase).service(renew_feed);
}

/// One registration of the address, as the page lists it.
pub struct Item {
    pub session_id: SessionId,
    pub title: String,
    pub when: String,
    pub status_label: String,
    pub manage_url: String,
}

#[derive(Template)]
#[template(path = "public/address.html")]
pub struct AddressPage {
    pub chrome: Chrome,
    pub token: String,
    pub email: String,
    pub expires: String,
    pub notice: Option<String>,
    pub items: Vec<Item>,
    pub feed: Subscribe,
    pub csrf: String,
}

/// The address an access link opens, or the recovery form saying the link
/// has expired (the same for a link that never existed).
async fn opened(state: &State, token: String) -> Result<Option<(String, NaiveDateTime)>, PageError> {
    blocking(&state.pool, move |conn| Ok::<_, PageError>(privacy::access_email(conn, &token, db::now())?)).await
}

fn expired(req: &HttpRequest, state: &State) -> Result<HttpResponse, PageError> {
    super::manage::recover_page(req, state, super::manage::Recover::Expired, StatusCode::NOT_FOUND)
}

/// The secret is in the address: keep it out of referrers and caches.
fn private(mut res: HttpResponse) -> HttpResponse {
    res.headers_mut().insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Each registration of the address with its session, latest session first.
fn sessions_of(
    conn: &mut crate::db::DbConn,
    email: &str,
) -> diesel::QueryResult<Vec<(session_store::Session, crate::db::models::Registration)>> {
    let mut rows = Vec::new();
    for r in privacy::registrations_of(conn, email)? {
        if let Some(s) = session_store::find(conn, r.session_id)? {
            rows.push((s, r));
        }
    }
    rows.sort_by_key(|(s, _): &(session_store::Session, _)| std::cmp::Reverse(s.row.starts_at));
    Ok(rows)
}

#[get("/my/{token}")]
pub async fn address_page(
    req: HttpRequest,
    state: State,
    token: web::Path<String>,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let token = token.into_inner();
    let Some((email, expires)) = opened(&state, token.clone()).await? else { return expired(&req, &state) };
    let (keys, for_db) = (state.keys.clone(), email.clone());
    let (rows, feed_token) = blocking(&state.pool, move |conn| {
        let rows = sessions_of(conn, &for_db)?;
        let feed = crate::registrations::privacy::address_feed_token(conn, &keys, &for_db)?;
        Ok::<_, PageError>((rows, feed))
    })
    .await?;
    let query = query.into_inner();
    let own = rows.first().and_then(|(_, r)| TimeZone::parse(&r.time_zone).ok()).unwrap_or_else(TimeZone::utc);
    let viewer = Viewer::from_request(&req, &query, own);
    let lang = viewer.lang;
    let items = rows
        .iter()
        .map(|(s, r)| Item {
            session_id: s.id(),
            title: s.row.title.clone(),
            when: crate::domain::slot::SlotView::new_in(lang, s.starts_at(), s.ends_at(), &viewer.zone, &s.zone())
                .line(),
            status_label: r.status().label_in(lang),
            manage_url: format!("/registrations/{}", r.manage_token(&state.keys)),
        })
        .collect();
    let until =
        crate::domain::slot::SlotView::new_in(lang, expires.and_utc(), expires.and_utc(), &viewer.zone, &viewer.zone);
    let csrf = csrf::token(&req)?;
    let page = AddressPage {
        chrome: Chrome::new(&viewer, &state.reference(), &query),
        token,
        notice: query.contains_key("feed").then(|| i18n::t(lang, "notice-feed-renewed")),
        expires: until.instant(),
        email,
        items,
        feed: subscribe(FeedPath::Personal(&feed_token).url(&state.base_url), &i18n::t(lang, "my-sessions")),
        csrf: csrf.value.clone(),
    };
    Ok(private(render_status(&page, StatusCode::OK, [viewer.cookie(), csrf.cookie])?))
}

/// Everything kept about the address, as JSON.
#[get("/my/{token}/data.json")]
pub async fn address_data(req: HttpRequest, state: State, token: web::Path<String>) -> Result<HttpResponse, PageError> {
    let Some((email, _)) = opened(&state, token.into_inner()).await? else { return expired(&req, &state) };
    let data = blocking(&state.pool, move |conn| Ok::<_, PageError>(privacy::export_address(conn, &email)?)).await?;
    Ok(private(
        HttpResponse::Ok()
            .insert_header(("Content-Disposition", "attachment; filename=\"convene-my-data.json\""))
            .json(data),
    ))
}

#[get("/my/{token}/erase")]
pub async fn erase_form(req: HttpRequest, state: State, token: web::Path<String>) -> Result<HttpResponse, PageError> {
    let token = token.into_inner();
    let Some((email, _)) = opened(&state, token.clone()).await? else { return expired(&req, &state) };
    let empty = HashMap::new();
    let viewer = Viewer::from_request(&req, &empty, TimeZone::utc());
    let explain = i18n::message(viewer.lang, "erase-explain", &[("email", email.as_str().into())]);
    let page = super::manage::erase_page(&req, &state, &viewer, format!("/my/{token}"), explain)?;
    Ok(private(page))
}

#[post("/my/{token}/erase")]
pub async fn erase(
    req: HttpRequest,
    state: State,
    token: web::Path<String>,
    _form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let Some((email, _)) = opened(&state, token.into_inner()).await? else { return expired(&req, &state) };
    let notifier = state.composer.clone();
    blocking(&state.pool, move |conn| {
        Ok::<_, PageError>(crate::registrations::privacy::erase_address(conn, &email, &notifier)?)
    })
    .await?;
    state.mail_queued();
    Ok(crate::web::see_other("/registrations/erased"))
}

#[post("/my/{token}/feed")]
pub async fn renew_feed(
    req: HttpRequest,
    state: State,
    token: web::Path<String>,
    _form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let token = token.into_inner();
    let Some((email, _)) = opened(&state, token.clone()).await? else { return expired(&req, &state) };
    let keys = state.keys.clone();
    blocking(&state.pool, move |conn| {
        Ok::<_, PageError>(crate::registrations::privacy::new_address_feed(conn, &keys, &email)?)
    })
    .await?;
    Ok(crate::web::see_other(&format!("/my/{token}?feed=renewed")))
}
