//! `/certificates/{code}`: anyone holding a certificate's code (printed
//! under its QR code) sees whether it is valid, for whom and for which
//! session, and nothing more; `/registrations/{token}/certificate.pdf`: the
//! holder downloads it from their registration's page.

use super::{Chrome, Viewer, render_status};
use crate::certificates::number_of;
use crate::db::models::CertificateRow;
use crate::db::registrations as store;
use crate::db::sessions as session_store;
use crate::domain::certificate::read_code;
use crate::domain::slot::SlotView;
use crate::error::AppError;
use crate::web::{PageError, State, blocking};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use std::collections::HashMap;

#[derive(askama::Template)]
#[template(path = "public/certificate.html")]
struct VerifyPage {
    chrome: Chrome,
    code: String,
    found: Option<Found>,
}

/// What the page may say about a certificate.
struct Found {
    valid: bool,
    /// The holder's data was erased: nothing is said of them.
    erased: bool,
    number: String,
    name: String,
    session: String,
    when: String,
    issued: String,
    reissued: Option<String>,
    revoked: Option<String>,
}

#[get("/certificates/{code}")]
pub async fn verify(
    req: HttpRequest,
    state: State,
    code: web::Path<String>,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let query = query.into_inner();
    let code = read_code(&code);
    let lookup = code.clone();
    let found = blocking(&state.pool, move |conn| {
        let Some(code) = lookup else { return Ok::<_, PageError>(None) };
        let Some(c) = crate::db::certificates::by_code(conn, &code)? else { return Ok(None) };
        let session = session_store::find(conn, c.session_id)?.ok_or(AppError::NotFound)?;
        Ok(Some((c, session)))
    })
    .await?;
    let zone = found.as_ref().map(|(_, s)| s.zone()).unwrap_or_else(crate::domain::zone::TimeZone::utc);
    let viewer = Viewer::from_request(&req, &query, zone);
    let lang = viewer.lang;
    let issuer = state.issuer();
    let day = |t: chrono::NaiveDateTime| lang.long_date(t.date());
    let shown = found.as_ref().map(|(c, s): &(CertificateRow, _)| Found {
        valid: c.revoked_at.is_none(),
        erased: c.name.is_empty(),
        number: number_of(&issuer, c),
        name: c.name.clone(),
        session: s.row.title.clone(),
        when: SlotView::new_in(lang, s.starts_at(), s.ends_at(), &s.zone(), &s.zone()).line(),
        issued: day(c.issued_at),
        reissued: c.reissued_at.map(day),
        revoked: c.revoked_at.map(day),
    });
    let status = if shown.is_some() { StatusCode::OK } else { StatusCode::NOT_FOUND };
    let page = VerifyPage {
        chrome: Chrome::new(&viewer, &state.reference(), &query),
        code: code.unwrap_or_default(),
        found: shown,
    };
    let mut res = render_status(&page, status, [viewer.cookie()])?;
    // A search engine has no business listing who holds a certificate.
    res.headers_mut().insert(
        actix_web::http::header::HeaderName::from_static("x-robots-tag"),
        actix_web::http::header::HeaderValue::from_static("noindex"),
    );
    Ok(res)
}

/// The holder's certificate, made now from what is stored.
#[get("/registrations/{token}/certificate.pdf")]
pub async fn download(state: State, token: web::Path<String>) -> Result<HttpResponse, PageError> {
    let token = token.into_inner();
    let (issuer, reference) = (state.issuer(), state.reference());
    let (pdf, number) = blocking(&state.pool, move |conn| {
        let r = store::find_by_manage_token(conn, &token)?.ok_or(AppError::NotFound)?;
        let c = crate::db::certificates::for_registration(conn, r.id)?
            .filter(|c| c.revoked_at.is_none())
            .ok_or(AppError::NotFound)?;
        let session = session_store::find(conn, r.session_id)?.ok_or(AppError::NotFound)?;
        let pdf = crate::certificates::render(&session, &c, &r, &reference, &issuer)?;
        Ok::<_, PageError>((pdf, number_of(&issuer, &c)))
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header(("Content-Disposition", format!("attachment; filename=\"certificate-{number}.pdf\"")))
        .insert_header(("Cache-Control", "no-store"))
        .insert_header(("Referrer-Policy", "no-referrer"))
        .body(pdf))
}
