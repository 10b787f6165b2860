//! `/sessions/{id}/register`: the registration form. A wrong submission
//! answers 422 with every error beside its field and at the top, and keeps
//! everything the person typed; success is a 303 to the manage page.

use super::home::{Choice, open_to};
use super::{Chrome, Viewer, render_status};
use crate::db::ids::SessionId;
use crate::db::reference::Reference;
use crate::db::sessions::{self as session_store, Session};
use crate::domain::fields::FieldErrors;
use crate::domain::questions::{Question, QuestionKind};
use crate::domain::registration::{Gender, RegistrationInput};
use crate::domain::session::SessionStatus;
use crate::domain::slot::SlotView;
use crate::error::AppError;
use crate::web::PageError;
use crate::web::csrf::CsrfForm;
use crate::web::{State, blocking, csrf};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

/// Form bodies are small; a larger one is refused before it is parsed.
pub const FORM_LIMIT: usize = 64 * 1024;

#[derive(Default)]
pub struct Values {
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub position: String,
    pub country: String,
    pub time_zone: String,
    pub consent: bool,
    /// Register for every date of the series still to come.
    pub whole_series: bool,
    /// A hybrid session: `in_person` or `online`.
    pub attendance: String,
    pub interpretation: String,
    pub online_meanwhile: bool,
    /// One of `Gender`'s words, or empty.
    pub gender: String,
}

pub struct QuestionView {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub label: String,
    pub required: bool,
    pub text: String,
    pub checked: bool,
    pub choices: Vec<Choice>,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "public/register.html")]
pub struct RegisterPage {
    pub chrome: Chrome,
    pub session_id: SessionId,
    pub title: String,
    pub when: String,
    pub when_viewer: Option<String>,
    pub open_to: String,
    pub closed: Option<String>,
    pub problem: Option<String>,
    pub requires_approval: bool,
    pub full_with_waitlist: bool,
    pub csrf: String,
    pub v: Values,
    pub errors: BTreeMap<String, String>,
    pub summary: Vec<(String, String)>,
    pub countries: Vec<(String, Vec<Choice>)>,
    pub zones: Vec<(String, Vec<Choice>)>,
    pub questions: Vec<QuestionView>,
    /// Dates of the session's series still taking registrations (0: no series).
    pub series_dates: usize,
    /// A hybrid session asks how the person comes.
    pub hybrid: bool,
    /// Languages interpreted into (tag, name), if any.
    pub interpretation: Vec<(String, String)>,
    /// The genders one may declare (word, label); empty when the network
    /// does not ask.
    pub genders: Vec<(&'static str, String)>,
}

impl RegisterPage {
    pub fn err(&self, id: &str) -> Option<&str> {
        self.errors.get(id).map(String::as_str)
    }

    pub fn invalid(&self, id: &str) -> bool {
        self.errors.contains_key(id)
    }
}

/// Each field's label in the catalogue, for the error summary.
const LABELS: &[(&str, &str)] = &[
    ("name", "field-name"),
    ("email", "field-email"),
    ("organisation", "field-organisation"),
    ("position", "field-position"),
    ("country", "field-country"),
    ("time_zone", "field-time-zone"),
    ("attendance", "field-attendance"),
    ("interpretation", "field-interpretation"),
    ("gender", "field-gender"),
    ("consent", "field-consent"),
];

fn field_id(field: &str) -> String {
    match field.strip_prefix("answers.") {
        Some(key) => format!("q-{key}"),
        None => format!("f-{field}"),
    }
}

struct Page<'a> {
    session: &'a Session,
    reference: &'a Reference,
    viewer: &'a Viewer,
    query: &'a HashMap<String, String>,
    csrf: String,
    /// Dates of the session's series still taking registrations.
    series_dates: usize,
}

impl Page<'_> {
    fn build(
        &self,
        v: Values,
        answers: &Map<String, Value>,
        errors: &FieldErrors,
        problem: Option<String>,
    ) -> RegisterPage {
        let s = self.session;
        let lang = self.viewer.lang;
        let zone = s.zone();
        let eligible = s.eligible_countries(self.reference);
        let countries = self
            .reference
            .regions
            .iter()
            .map(|r| {
                let list = eligible
                    .iter()
                    .filter(|c| self.reference.country_regions.get(&c.iso2).is_some_and(|rs| rs.contains(&r.id)))
                    .map(|c| Choice { value: c.iso2.clone(), label: c.name_in(lang), selected: c.iso2 == v.country })
                    .collect::<Vec<_>>();
                (r.name_in(lang), list)
            })
            .filter(|(_, l)| !l.is_empty())
            .collect();
        let mut seen = std::collections::BTreeSet::new();
        let zones = self
            .reference
            .regions
            .iter()
            .map(|r| {
                let mut list: Vec<String> = eligible
                    .iter()
                    .filter(|c| self.reference.country_regions.get(&c.iso2).is_some_and(|rs| rs.contains(&r.id)))
                    .flat_map(|c| self.reference.zones_of(&c.iso2).iter().cloned())
                    .filter(|z| seen.insert(z.clone()))
                    .collect();
                list.sort();
                (
                    r.name_in(lang),
                    list.into_iter()
                        .map(|z| Choice { selected: z == v.time_zone, label: z.clone(), value: z })
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, l)| !l.is_empty())
            .collect();
        let questions = s
            .questions()
            .iter()
            .map(|q| {
                let error = errors.get_in(&format!("answers.{}", q.key), lang);
                question_view(q, answers.get(&q.key), error)
            })
            .collect();
        let label_of = |field: &str| {
            LABELS.iter().find(|(f, _)| *f == field).map(|(_, id)| crate::i18n::t(lang, id)).unwrap_or_else(|| {
                let key = field.strip_prefix("answers.").unwrap_or(field);
                s.questions()
                    .iter()
                    .find(|q| q.key == key)
                    .map(|q| q.label.clone())
                    .unwrap_or_else(|| field.to_string())
            })
        };
        let colon = crate::i18n::t(lang, "colon");
        let summary = errors
            .0
            .iter()
            .map(|(f, m)| (field_id(f), format!("{}{colon} {}", label_of(f), m.in_lang(lang))))
            .collect();
        let own = SlotView::new_in(lang, s.starts_at(), s.ends_at(), &zone, &zone);
        RegisterPage {
            chrome: Chrome::new(self.viewer, self.reference, self.query),
            session_id: s.id(),
            title: s.row.title.clone(),
            when: own.line(),
            when_viewer: (self.viewer.zone != zone)
                .then(|| SlotView::new_in(lang, s.starts_at(), s.ends_at(), &self.viewer.zone, &zone).line()),
            open_to: open_to(s, self.reference, lang),
            closed: s.closed_reason(crate::db::now()).map(|m| m.in_lang(lang)),
            problem,
            requires_approval: s.row.requires_approval,
            full_with_waitlist: s.seats_left() == Some(0) && s.row.waitlist,
            csrf: self.csrf.clone(),
            v,
            errors: errors.0.iter().map(|(f, m)| (field_id(f), m.in_lang(lang))).collect(),
            summary,
            countries,
            zones,
            questions,
            series_dates: self.series_dates,
            hybrid: s.format() == crate::domain::session::SessionFormat::Hybrid,
            interpretation: s
                .interpretation()
                .into_iter()
                .map(|t| {
                    let name =
                        crate::domain::lang::Lang::parse(&t).map(|l| l.name().to_string()).unwrap_or_else(|| t.clone());
                    (t, name)
                })
                .collect(),
            genders: if self.reference.settings.ask_gender {
                Gender::EVERY.iter().map(|g| (g.as_str(), g.label_in(lang))).collect()
            } else {
                Vec::new()
            },
        }
    }
}

pub fn question_view(q: &Question, given: Option<&Value>, error: Option<String>) -> QuestionView {
    let picked: Vec<String> = match given {
        Some(Value::Array(a)) => a.iter().filter_map(|v| v.as_str().map(String::from)).collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => vec![],
    };
    QuestionView {
        id: format!("q-{}", q.key),
        name: format!("q_{}", q.key),
        kind: match q.kind {
            QuestionKind::ShortText => "short_text",
            QuestionKind::LongText => "long_text",
            QuestionKind::SingleChoice => "single_choice",
            QuestionKind::MultipleChoice => "multiple_choice",
            QuestionKind::Checkbox => "checkbox",
        },
        label: q.label.clone(),
        required: q.required,
        text: picked.first().cloned().unwrap_or_default(),
        checked: matches!(given, Some(Value::Bool(true))),
        choices: q
            .choices
            .iter()
            .map(|c| Choice { value: c.clone(), label: c.clone(), selected: picked.contains(c) })
            .collect(),
        error,
    }
}

/// The session, and how many dates of its series (if any) still take
/// registrations: with more than one, the form offers them all at once.
async fn load(state: &State, id: SessionId) -> Result<(Session, usize), PageError> {
    let found = blocking(&state.pool, move |conn| {
        let Some(s) = session_store::find(conn, id)? else { return Ok::<_, PageError>(None) };
        let now = crate::db::now();
        let dates = match s.row.series_id {
            Some(series) => crate::db::series::find(conn, series, false)?
                .map(|(_, all)| {
                    all.iter()
                        .filter(|o| o.status() == SessionStatus::Published && o.closed_reason(now).is_none())
                        .count()
                })
                .unwrap_or(0),
            None => 0,
        };
        Ok(Some((s, dates)))
    })
    .await?;
    match found {
        Some((s, dates)) if s.status() != SessionStatus::Draft => Ok((s, dates)),
        _ => Err(AppError::NotFound.into()),
    }
}

pub async fn register_form_handler(
    req: HttpRequest,
    state: State,
    id: web::Path<SessionId>,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let (session, series_dates) = load(&state, *id).await?;
    let reference = state.reference();
    let query = query.into_inner();
    let viewer = Viewer::from_request(&req, &query, session.zone());
    let token = csrf::token(&req)?;
    let page = Page {
        session: &session,
        reference: &reference,
        viewer: &viewer,
        query: &query,
        csrf: token.value.clone(),
        series_dates,
    };
    let whole_series = Values { whole_series: query.contains_key("series"), ..Values::default() };
    let html = page.build(whole_series, &Map::new(), &FieldErrors::default(), None);
    render_status(&html, StatusCode::OK, [viewer.cookie(), token.cookie])
}

/// The answers to a session's questions as a form sends them (`q_<key>`),
/// as the API's `answers` object.
pub fn form_answers(pairs: &[(String, String)], questions: &[Question]) -> Map<String, Value> {
    let mut answers = Map::new();
    for q in questions {
        let name = format!("q_{}", q.key);
        let values: Vec<String> = pairs.iter().filter(|(n, _)| *n == name).map(|(_, v)| v.clone()).collect();
        let value = match q.kind {
            QuestionKind::Checkbox => Value::Bool(!values.is_empty()),
            QuestionKind::MultipleChoice => Value::Array(values.into_iter().map(Value::String).collect()),
            _ => Value::String(values.into_iter().next().unwrap_or_default()),
        };
        answers.insert(q.key.clone(), value);
    }
    answers
}

/// Turns form pairs into the same JSON object the API takes, so one parser
/// checks both, and keeps the values to show again if it is refused.
/// Repeated names (several choices) become lists. Public for the fuzz target.
pub fn form_object(pairs: &[(String, String)], questions: &[Question]) -> (Map<String, Value>, Values) {
    let first = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let mut m = Map::new();
    for f in
        ["name", "email", "organisation", "position", "country", "time_zone", "attendance", "interpretation", "gender"]
    {
        if let Some(v) = first(f) {
            m.insert(f.into(), Value::String(v));
        }
    }
    let consent = first("consent").is_some();
    m.insert("consent".into(), Value::Bool(consent));
    let online_meanwhile = first("online_meanwhile").is_some();
    m.insert("online_meanwhile".into(), Value::Bool(online_meanwhile));
    m.insert("answers".into(), Value::Object(form_answers(pairs, questions)));
    let v = Values {
        name: first("name").unwrap_or_default(),
        email: first("email").unwrap_or_default(),
        organisation: first("organisation").unwrap_or_default(),
        position: first("position").unwrap_or_default(),
        country: first("country").unwrap_or_default().trim().to_ascii_uppercase(),
        time_zone: first("time_zone").unwrap_or_default(),
        consent,
        whole_series: first("whole_series").is_some(),
        attendance: first("attendance").unwrap_or_default(),
        interpretation: first("interpretation").unwrap_or_default(),
        online_meanwhile,
        gender: first("gender").unwrap_or_default(),
    };
    (m, v)
}

pub async fn register_handler(
    req: HttpRequest,
    state: State,
    id: web::Path<SessionId>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    csrf::refuse_bots(&form)?;
    let pairs = &form.0.0;
    crate::web::rate_limit(&req, &state)?;
    let (session, series_dates) = load(&state, *id).await?;
    let reference = state.reference();
    let (object, values) = form_object(pairs, &session.questions());
    let parsed = RegistrationInput::parse(&object, crate::web::public::language(&req));
    let keys = state.keys.clone();
    let for_db = reference.clone();
    let session_id = session.id();
    let notifier = state.composer.clone();
    let series = session.row.series_id.filter(|_| values.whole_series && series_dates > 1);
    let result = blocking(&state.pool, move |conn| {
        let now = crate::db::now();
        let done = match series {
            Some(series) => {
                crate::registrations::series::register_series(conn, &keys, &for_db, series, parsed, now, &notifier)
                    .map(|d| d.registered)
            }
            None => crate::registrations::register(conn, &keys, &for_db, session_id, parsed, now, &notifier)
                .map(|r| vec![r]),
        };
        done.map_err(AppError::from)
    })
    .await;
    let registered = match result {
        Ok(r) => r,
        Err(e @ (AppError::Validation(_) | AppError::Forbidden(_) | AppError::Conflict(_))) => {
            let again = Again { session: &session, reference: &reference, series_dates };
            return form_again(&req, again, &object, values, e);
        }
        Err(other) => return Err(other.into()),
    };
    state.mail_queued();
    // The first date's page; it says how many dates were taken.
    let first = registered.first().ok_or(AppError::NotFound)?;
    let dates = if registered.len() > 1 { format!("&dates={}", registered.len()) } else { String::new() };
    Ok(crate::web::see_other(&format!("/registrations/{}?welcome=1{dates}", first.manage_token)))
}

/// What the form is shown again for.
struct Again<'a> {
    session: &'a Session,
    reference: &'a Reference,
    series_dates: usize,
}

/// The form again, as the person filled it, with what was refused: the
/// bad fields, or why there is no place (closed, full, not open to them).
fn form_again(
    req: &HttpRequest,
    again: Again<'_>,
    object: &serde_json::Map<String, Value>,
    values: Values,
    refusal: AppError,
) -> Result<HttpResponse, PageError> {
    let status = refusal.status();
    let empty = HashMap::new();
    let viewer = Viewer::from_request(req, &empty, again.session.zone());
    let token = csrf::token(req)?;
    let page = Page {
        session: again.session,
        reference: again.reference,
        viewer: &viewer,
        query: &empty,
        csrf: token.value.clone(),
        series_dates: again.series_dates,
    };
    let answers = object.get("answers").and_then(Value::as_object).cloned().unwrap_or_default();
    let html = match refusal {
        AppError::Validation(errors) => page.build(values, &answers, &errors, None),
        other => {
            let problem = other.message().map(|m| m.in_lang(viewer.lang)).unwrap_or_else(|| other.to_string());
            page.build(values, &answers, &FieldErrors::default(), Some(problem))
        }
    };
    render_status(&html, status, [token.cookie, None])
}
