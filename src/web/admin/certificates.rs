//! The workspace's certificates of a held session: issue them (with the
//! minimum presence), see who has one, revoke one. The rules are in
//! `crate::certificates`.

use super::Staff;
use super::edit::load;
use super::registrations::back;
use crate::db::ids::SessionId;
use crate::db::models::CertificateRow;
use crate::domain::lang::Lang;
use crate::domain::message::Message;
use crate::error::AppError;
use crate::web::csrf::CsrfForm;
use crate::web::{PageError, State, blocking};
use actix_web::{HttpResponse, web};

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/sessions/{id}/certificates", web::post().to(issue))
        .route("/certificates/{code}/revoke", web::post().to(revoke));
}

/// The certificates part of a held session's page.
pub struct Panel {
    pub rows: Vec<Row>,
    pub default_percent: i32,
}

pub struct Row {
    pub number: String,
    pub code: String,
    pub name: String,
    pub issued: String,
    /// "revoked on …", "reissued on …", or empty.
    pub state: String,
    pub revoked: bool,
    pub verify_url: String,
}

impl Panel {
    pub fn new(list: &[CertificateRow], issuer: &crate::certificates::Issuer, lang: Lang) -> Self {
        let day = |t: chrono::NaiveDateTime| lang.short_date(t.date());
        let rows = list
            .iter()
            .map(|c| Row {
                number: crate::certificates::number_of(issuer, c),
                code: c.code.clone(),
                name: c.name.clone(),
                issued: day(c.issued_at),
                state: match (c.revoked_at, c.reissued_at) {
                    (Some(t), _) => crate::i18n::message(lang, "cert-revoked-on", &[("date", day(t).into())]),
                    (None, Some(t)) => crate::i18n::message(lang, "cert-reissued-on", &[("date", day(t).into())]),
                    (None, None) => String::new(),
                },
                revoked: c.revoked_at.is_some(),
                verify_url: crate::certificates::verify_url(issuer, c),
            })
            .collect();
        Self { rows, default_percent: crate::domain::certificate::DEFAULT_MIN_PERCENT }
    }
}

async fn issue(
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let session_id = load(&state, &staff, *id).await?.id();
    let percent = match form.get("min_presence_percent").trim().parse::<i32>() {
        Ok(p) if (1..=100).contains(&p) => p,
        _ => return Ok(back(&state, session_id, Message::id("ws-done-cert-percent"))),
    };
    let (actor, issuer, reference, notifier) =
        (staff.acting(), state.issuer(), state.reference(), state.composer.clone());
    let issued = blocking(&state.pool, move |conn| {
        crate::certificates::issue(conn, &reference, session_id, percent, &actor, &issuer, &notifier)
            .map_err(AppError::from)
    })
    .await;
    let said = match issued {
        Ok(n) => {
            state.mail_queued();
            Message::new(
                "ws-done-certificates",
                vec![
                    ("issued", n.issued.into()),
                    ("reissued", n.reissued.into()),
                    ("unchanged", n.unchanged.into()),
                    ("missing", n.not_qualified.into()),
                ],
            )
        }
        Err(AppError::Conflict(m)) => Message::new("ws-done-fp-not-done", vec![("why", m.into())]),
        Err(e) => return Err(e.into()),
    };
    Ok(back(&state, session_id, said))
}

async fn revoke(
    state: State,
    staff: Staff,
    code: web::Path<String>,
    _form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let code = crate::domain::certificate::read_code(&code).ok_or(AppError::NotFound)?;
    let actor = staff.acting();
    let revoked =
        blocking(&state.pool, move |conn| crate::certificates::revoke(conn, &code, &actor).map_err(AppError::from))
            .await?;
    let number = crate::certificates::number_of(&state.issuer(), &revoked);
    Ok(back(&state, revoked.session_id, Message::new("ws-done-cert-revoked", vec![("number", number.into())])))
}
