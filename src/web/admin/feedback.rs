//! A session's feedback in the workspace: the form's builder on the
//! session's page (questions, anonymity, when it goes out), and the
//! results: counts, averages, a chart per choice question with its table,
//! free-text answers, and a CSV. Who answered is shown; who said what only
//! when the form said answers are not anonymous.

use super::Staff;
use super::edit::load;
use super::questions::{Builder, posted_rows, rows_of};
use super::registrations::back_to;
use crate::db::ids::SessionId;
use crate::db::models::FeedbackFormRow;
use crate::domain::feedback::{self, QuestionResult};
use crate::domain::lang::Lang;
use crate::domain::message::Message;
use crate::domain::questions::{Question, stored_answers};
use crate::domain::report::SMALL_GROUP;
use crate::error::AppError;
use crate::web::csrf::CsrfForm;
use crate::web::public::{Chrome, Viewer, render_status};
use crate::web::{PageError, State, blocking};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/sessions/{id}/feedback", web::get().to(results_page))
        .route("/sessions/{id}/feedback", web::post().to(save))
        .route("/sessions/{id}/feedback.csv", web::get().to(results_csv))
        .route("/sessions/{id}/feedback/remove", web::post().to(remove));
}

/// The feedback part of a session's page.
pub struct Panel {
    /// None: no form yet (the builder shows the default questions).
    pub form: Option<FeedbackFormRow>,
    pub builder: Builder,
    pub anonymous: bool,
    pub send_after_hours: i32,
    pub asked: usize,
    pub answered: usize,
    /// Some(days): the session ended more than that long ago, too long for
    /// a form to be sent now.
    pub too_late: Option<i64>,
}

impl Panel {
    /// `session_lang`: the language default questions are written in.
    pub fn new(
        form: Option<FeedbackFormRow>,
        (asked, answered): (usize, usize),
        too_late: bool,
        lang: Lang,
        session_lang: Lang,
    ) -> Self {
        let questions =
            form.as_ref().map(FeedbackFormRow::questions).unwrap_or_else(|| feedback::default_questions(session_lang));
        Panel {
            anonymous: form.as_ref().is_none_or(|f| f.anonymous),
            send_after_hours: form.as_ref().map_or(feedback::DEFAULT_SEND_AFTER_HOURS, |f| f.send_after_hours),
            form,
            builder: Builder::new("fq", &rows_of(&questions), lang),
            asked,
            answered,
            too_late: too_late.then_some(feedback::SEND_WITHIN_DAYS),
        }
    }
}

async fn save(state: State, staff: Staff, id: web::Path<SessionId>, form: CsrfForm) -> Result<HttpResponse, PageError> {
    let session_id = load(&state, &staff, *id).await?.id();
    let mut errors = crate::domain::fields::FieldErrors::default();
    let questions = feedback::read_builder(&posted_rows(&form)).unwrap_or_else(|e| {
        errors.merge(e);
        Vec::new()
    });
    let hours = match form.get("send_after_hours").parse::<i32>() {
        Ok(h) if (0..=feedback::MAX_SEND_AFTER_HOURS).contains(&h) => h,
        _ => {
            errors.add("send_after_hours", Message::id("fb-err-hours"));
            0
        }
    };
    if !errors.is_empty() {
        return Err(AppError::Validation(errors).into());
    }
    let anonymous = !form.get("anonymous").is_empty();
    let actor = staff.acting();
    blocking(&state.pool, move |conn| {
        crate::sessions::feedback::save(conn, session_id, &questions, anonymous, hours, &actor).map_err(AppError::from)
    })
    .await?;
    Ok(back_to(&state, session_id, Message::id("ws-done-feedback"), "feedback"))
}

async fn remove(
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
    _form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let session_id = load(&state, &staff, *id).await?.id();
    let actor = staff.acting();
    blocking(&state.pool, move |conn| {
        crate::sessions::feedback::remove(conn, session_id, &actor).map_err(AppError::from)
    })
    .await?;
    Ok(back_to(&state, session_id, Message::id("ws-done-feedback-removed"), "feedback"))
}

/// A bar of a choice question's chart, in SVG user units.
pub struct Bar {
    pub label: String,
    pub value: usize,
    pub y: usize,
    pub width: usize,
}

/// One question's results as the page shows them.
pub struct ResultView {
    pub index: usize,
    pub label: String,
    pub answered: usize,
    /// "4.3 / 5" for a rating.
    pub average: Option<String>,
    pub bars: Vec<Bar>,
    pub chart_height: usize,
    pub texts: Vec<String>,
}

impl ResultView {
    fn new(index: usize, r: &QuestionResult) -> Self {
        let max = r.counts.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
        let bars: Vec<Bar> = r
            .counts
            .iter()
            .enumerate()
            .map(|(i, (label, n))| Bar { label: label.clone(), value: *n, y: i * 22, width: (n * 300 / max).max(2) })
            .collect();
        let top = r.question.choices.iter().filter_map(|c| c.parse::<i32>().ok()).max();
        ResultView {
            index,
            label: r.question.label.clone(),
            answered: r.answered,
            average: r.average.map(|a| match top {
                Some(top) => format!("{a:.1} / {top}"),
                None => format!("{a:.1}"),
            }),
            chart_height: bars.len() * 22,
            bars,
            texts: r.texts.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/feedback.html")]
struct ResultsPage {
    chrome: Chrome,
    csrf: String,
    email: String,
    id: SessionId,
    title: String,
    anonymous: bool,
    asked: usize,
    answered: usize,
    results: Vec<ResultView>,
    /// Names of those who answered (never beside what they said); empty
    /// for an anonymous form with fewer than `SMALL_GROUP` answers, where a
    /// name would tell whose the answers are.
    who: Vec<String>,
    small_group: usize,
}

/// The form, the requests and the answers (with the person, where not anonymous).
struct Read {
    form: FeedbackFormRow,
    asked: usize,
    who: Vec<String>,
    answers: Vec<(
        Option<crate::db::models::Registration>,
        std::collections::BTreeMap<String, crate::domain::questions::Answer>,
    )>,
}

async fn read(state: &State, staff: &Staff, id: SessionId) -> Result<(crate::db::sessions::Session, Read), PageError> {
    let session = load(state, staff, id).await?;
    let session_id = session.id();
    let read = blocking(&state.pool, move |conn| {
        let form = crate::db::feedback::form(conn, session_id)?.ok_or(AppError::NotFound)?;
        let requests = crate::db::feedback::requests_for(conn, session_id)?;
        let people: HashMap<_, _> =
            crate::db::registrations::for_session(conn, session_id)?.into_iter().map(|r| (r.id, r)).collect();
        let mut who: Vec<String> = requests
            .iter()
            .filter(|q| q.answered_at.is_some())
            .filter_map(|q| people.get(&q.registration_id).map(|r| r.name.clone()))
            .collect();
        who.sort();
        let answers = crate::db::feedback::answers_for(conn, session_id)?
            .into_iter()
            .map(|(person, json)| (person.and_then(|p| people.get(&p).cloned()), stored_answers(&json)))
            .collect();
        Ok::<_, PageError>(Read { form, asked: requests.len(), who, answers })
    })
    .await?;
    Ok((session, read))
}

async fn results_page(
    req: HttpRequest,
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
) -> Result<HttpResponse, PageError> {
    let (session, read) = read(&state, &staff, *id).await?;
    let empty = HashMap::new();
    let viewer = Viewer::from_request(&req, &empty, session.zone());
    let questions = read.form.questions();
    let answers: Vec<_> = read.answers.iter().map(|(_, a)| a.clone()).collect();
    let results = feedback::results(&questions, &answers, viewer.lang);
    let token = crate::web::csrf::token(&req)?;
    let page = ResultsPage {
        chrome: Chrome::new(&viewer, &state.reference(), &empty),
        csrf: token.value.clone(),
        email: staff.email.clone(),
        id: session.id(),
        title: session.row.title.clone(),
        anonymous: read.form.anonymous,
        asked: read.asked,
        answered: read.who.len(),
        results: results.iter().enumerate().map(|(i, r)| ResultView::new(i, r)).collect(),
        who: if read.form.anonymous && read.who.len() < SMALL_GROUP { Vec::new() } else { read.who },
        small_group: SMALL_GROUP,
    };
    render_status(&page, StatusCode::OK, [token.cookie])
}

/// One row per answer, one column per question; the person's name and
/// email first only when the form was not anonymous. Rows come in the
/// answers' random order, never the order they arrived in.
async fn results_csv(
    req: HttpRequest,
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
) -> Result<HttpResponse, PageError> {
    let (session, read) = read(&state, &staff, *id).await?;
    let lang = crate::web::public::language(&req);
    let questions: Vec<Question> = read.form.questions();
    let named = !read.form.anonymous;
    let mut header: Vec<String> = Vec::new();
    if named {
        header.extend([crate::i18n::t(lang, "ws-name"), crate::i18n::t(lang, "ws-email")]);
    }
    header.extend(questions.iter().map(|q| q.label.clone()));
    let rows = read.answers.iter().map(|(person, answers)| {
        let mut row: Vec<String> = Vec::new();
        if named {
            row.push(person.as_ref().map(|p| p.name.clone()).unwrap_or_default());
            row.push(person.as_ref().map(|p| p.email.clone()).unwrap_or_default());
        }
        row.extend(questions.iter().map(|q| crate::domain::questions::answer_text(answers.get(&q.key), lang)));
        row
    });
    let body = super::csv_export::spreadsheet(std::iter::once(header).chain(rows))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"feedback-session-{}.csv\"", session.id()),
        ))
        .insert_header(("Cache-Control", "no-store"))
        .body(body))
}
