//! `/feedback/{token}`: the link in the feedback email opens the session's
//! form; one answer per person, said up front whether it is kept apart
//! from their name. The rules are in `crate::registrations::feedback`.

use super::register::{QuestionView, form_answers, question_view};
use super::{Chrome, Viewer, render_status};
use crate::domain::slot::SlotView;
use crate::error::AppError;
use crate::registrations::RegistrationError;
use crate::registrations::feedback::{Opened, answer, open};
use crate::web::csrf::{self, CsrfForm};
use crate::web::{PageError, State, blocking};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/feedback/{token}", web::get().to(form)).route("/feedback/{token}", web::post().to(submit));
}

#[derive(Template)]
#[template(path = "public/feedback.html")]
struct FeedbackPage {
    chrome: Chrome,
    token: String,
    csrf: String,
    title: String,
    when: String,
    anonymous: bool,
    questions: Vec<QuestionView>,
    /// They answered: the thanks, and no form.
    answered: bool,
    summary: Vec<(String, String)>,
}

async fn opened(state: &State, token: String) -> Result<Opened, PageError> {
    blocking(&state.pool, move |conn| open(conn, &token).map_err(|e| PageError(AppError::from(e)))).await
}

fn page(
    req: &HttpRequest,
    state: &State,
    token: String,
    o: &Opened,
    answers: &serde_json::Map<String, serde_json::Value>,
    errors: &crate::domain::fields::FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let empty = HashMap::new();
    let viewer = Viewer::from_request(req, &empty, o.session.zone());
    let lang = viewer.lang;
    let questions = o.form.questions();
    let csrf = csrf::token(req)?;
    let summary = errors
        .0
        .iter()
        .map(|(field, m)| {
            let key = field.strip_prefix("answers.").unwrap_or(field);
            let label = questions.iter().find(|q| q.key == key).map(|q| q.label.clone()).unwrap_or_default();
            (format!("q-{key}"), format!("{label}{} {}", crate::i18n::t(lang, "colon"), m.in_lang(lang)))
        })
        .collect();
    let page = FeedbackPage {
        chrome: Chrome::new(&viewer, &state.reference(), &empty),
        token,
        csrf: csrf.value.clone(),
        title: o.session.row.title.clone(),
        when: SlotView::new_in(lang, o.session.starts_at(), o.session.ends_at(), &viewer.zone, &o.session.zone())
            .line(),
        anonymous: o.form.anonymous,
        questions: questions
            .iter()
            .map(|q| question_view(q, answers.get(&q.key), errors.get_in(&format!("answers.{}", q.key), lang)))
            .collect(),
        answered: o.request.answered_at.is_some(),
        summary,
    };
    let mut res = render_status(&page, status, [viewer.cookie(), csrf.cookie])?;
    res.headers_mut().insert(
        actix_web::http::header::HeaderName::from_static("x-robots-tag"),
        actix_web::http::header::HeaderValue::from_static("noindex"),
    );
    Ok(res)
}

async fn form(req: HttpRequest, state: State, token: web::Path<String>) -> Result<HttpResponse, PageError> {
    let token = token.into_inner();
    let o = opened(&state, token.clone()).await?;
    page(&req, &state, token, &o, &Default::default(), &Default::default(), StatusCode::OK)
}

async fn submit(
    req: HttpRequest,
    state: State,
    token: web::Path<String>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let token = token.into_inner();
    let o = opened(&state, token.clone()).await?;
    let answers = form_answers(&form.0.0, &o.form.questions());
    let (link, given) = (o.clone(), serde_json::Value::Object(answers.clone()));
    let result =
        blocking(&state.pool, move |conn| Ok::<_, PageError>(answer(conn, &link, &given, crate::db::now()))).await?;
    match result {
        Ok(()) => Ok(crate::web::see_other(&format!("/feedback/{token}"))),
        Err(RegistrationError::Invalid(errors)) => {
            page(&req, &state, token, &o, &answers, &errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(RegistrationError::Conflict(_)) => {
            let o = opened(&state, token.clone()).await?;
            page(&req, &state, token, &o, &Default::default(), &Default::default(), StatusCode::CONFLICT)
        }
        Err(e) => Err(AppError::from(e).into()),
    }
}
