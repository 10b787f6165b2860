//! Creating and editing sessions in the workspace: one form with every
//! field of the API, checked by the same parser; publish, clone, cancel
//! with a reason, and delete a draft. A change of time for a session with
//! registrants asks for confirmation first, saying how many people will be
//! told.

use super::Staff;
use crate::db::reference::Reference;
use crate::db::registrations as registration_store;
use crate::db::sessions::{self as store, Session};
use crate::domain::fields::FieldErrors;
use crate::domain::lang::Lang;
use crate::domain::message::Message;
use crate::domain::session::{SessionInput, SessionStatus};
use crate::error::{AppError, PageError};
use crate::web::csrf::{self, CsrfForm, Fields};
use crate::web::public::{Chrome, Viewer, render_status};
use crate::web::{State, blocking};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde_json::{Map, Value, json};
use std::collections::HashMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/sessions/new", web::get().to(new_form))
        .route("/sessions/new", web::post().to(create))
        .route("/sessions/{id}/edit", web::get().to(edit_form))
        .route("/sessions/{id}/edit", web::post().to(save))
        .route("/sessions/{id}/publish", web::post().to(publish))
        .route("/sessions/{id}/cancel", web::post().to(cancel))
        .route("/sessions/{id}/delete", web::post().to(delete));
}

/// The form's values as text, as typed or as stored.
#[derive(Default, Clone)]
pub struct Values {
    pub title: String,
    pub summary: String,
    pub description: String,
    pub kind: String,
    pub format: String,
    pub time_zone: String,
    pub starts_at: String,
    pub ends_at: String,
    pub capacity: String,
    pub waitlist: bool,
    pub regions: Vec<String>,
    pub countries: String,
    pub topics: Vec<String>,
    pub language: String,
    pub requires_approval: bool,
    pub registration_opens_at: String,
    pub registration_closes_at: String,
    pub location: String,
    pub join_url: String,
    pub status: String,
    pub organising_region: String,
    pub questions: String,
    /// New sessions only: weekly, fortnightly or monthly, with a count or an end date.
    pub repeat: String,
    pub count: String,
    pub until: String,
    /// The series the session belongs to (shown only; the server reads its own).
    pub series_id: Option<i32>,
}

impl Values {
    fn from_form(form: &Fields) -> Self {
        Self {
            title: form.get("title"),
            summary: form.get("summary"),
            description: form.get("description"),
            kind: form.get("kind"),
            format: form.get("format"),
            time_zone: form.get("time_zone"),
            starts_at: form.get("starts_at"),
            ends_at: form.get("ends_at"),
            capacity: form.get("capacity"),
            waitlist: form.get("waitlist") == "on",
            regions: form.all("regions"),
            countries: form.get("countries"),
            topics: form.all("topics"),
            language: form.get("language"),
            requires_approval: form.get("requires_approval") == "on",
            registration_opens_at: form.get("registration_opens_at"),
            registration_closes_at: form.get("registration_closes_at"),
            location: form.get("location"),
            join_url: form.get("join_url"),
            status: form.get("status"),
            organising_region: form.get("organising_region"),
            questions: form.get("questions"),
            repeat: form.get("repeat"),
            count: form.get("count"),
            until: form.get("until"),
            series_id: form.get("series_id").parse().ok(),
        }
    }

    /// The stored session as form values (local times in its zone).
    fn from_session(s: &Session, reference: &Reference) -> Self {
        let o = s.as_input_object(reference);
        let text = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
        let list = |k: &str| {
            o.get(k)
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).map(String::from).collect())
                .unwrap_or_default()
        };
        let zone = s.zone();
        let local = |t: Option<chrono::NaiveDateTime>| {
            t.map(|t| zone.at(t.and_utc()).local.format("%Y-%m-%dT%H:%M").to_string()).unwrap_or_default()
        };
        Self {
            title: text("title"),
            summary: text("summary"),
            description: text("description"),
            kind: text("kind"),
            format: text("format"),
            time_zone: text("time_zone"),
            starts_at: local(Some(s.row.starts_at)),
            ends_at: local(Some(s.row.ends_at)),
            capacity: s.row.capacity.map(|c| c.to_string()).unwrap_or_default(),
            waitlist: s.row.waitlist,
            regions: list("regions"),
            countries: list("countries").join(", "),
            topics: list("topics"),
            language: text("language"),
            requires_approval: s.row.requires_approval,
            registration_opens_at: local(s.row.registration_opens_at),
            registration_closes_at: local(s.row.registration_closes_at),
            location: text("location"),
            join_url: text("join_url"),
            status: text("status"),
            organising_region: text("organising_region"),
            questions: serde_json::to_string_pretty(&s.questions()).unwrap_or_else(|_| "[]".into()),
            repeat: String::new(),
            count: String::new(),
            until: String::new(),
            series_id: s.row.series_id,
        }
    }

    /// How the series repeats, when one was asked for.
    fn repeat(&self) -> Option<Result<crate::domain::series::RepeatInput, FieldErrors>> {
        if self.repeat.is_empty() {
            return None;
        }
        let count = match self.count.as_str() {
            "" => Value::Null,
            c => c.parse::<u64>().map(Value::from).unwrap_or_else(|_| Value::from(0)),
        };
        let until = if self.until.is_empty() { Value::Null } else { Value::String(self.until.clone()) };
        let mut fields = Map::from_iter([
            ("repeat".to_string(), Value::String(self.repeat.clone())),
            ("count".to_string(), count),
            ("until".to_string(), until),
        ]);
        Some(crate::domain::series::parse_repeat(&mut fields))
    }

    /// The JSON object the API would take, so one parser checks both.
    fn to_object(&self) -> Result<Map<String, Value>, FieldErrors> {
        let opt = |v: &str| if v.is_empty() { Value::Null } else { Value::String(v.to_string()) };
        let capacity = match self.capacity.as_str() {
            "" => Value::Null,
            c => c
                .parse::<i64>()
                .map(Value::from)
                .map_err(|_| FieldErrors::single("capacity", "must be a whole number, or empty for unlimited"))?,
        };
        let questions = match self.questions.as_str() {
            "" => json!([]),
            q => serde_json::from_str::<Value>(q)
                .map_err(|e| FieldErrors::single("questions", format!("must be a JSON list of questions: {e}")))?,
        };
        let countries: Vec<String> =
            self.countries.split([',', ' ']).map(str::trim).filter(|c| !c.is_empty()).map(String::from).collect();
        let value = json!({
            "title": self.title, "summary": self.summary, "description": self.description,
            "kind": self.kind, "format": self.format, "time_zone": self.time_zone,
            "starts_at": self.starts_at, "ends_at": self.ends_at, "capacity": capacity,
            "waitlist": self.waitlist, "regions": self.regions, "countries": countries, "topics": self.topics,
            "language": self.language, "requires_approval": self.requires_approval,
            "registration_opens_at": opt(&self.registration_opens_at),
            "registration_closes_at": opt(&self.registration_closes_at),
            "location": self.location, "join_url": self.join_url, "status": self.status,
            "organising_region": opt(&self.organising_region), "questions": questions,
        });
        match value {
            Value::Object(m) => Ok(m),
            _ => Ok(Map::new()),
        }
    }
}

/// How the session will read, before it is saved.
pub struct FormPreview {
    pub title: String,
    pub when: String,
    pub description_html: String,
}

impl FormPreview {
    fn new(input: &SessionInput) -> Self {
        let slot = crate::domain::slot::SlotView::new(input.starts_at, input.ends_at, &input.zone, &input.zone);
        Self {
            title: input.title.clone(),
            when: slot.line(),
            description_html: crate::domain::markdown::to_html(&input.description),
        }
    }
}

/// What the form shows above itself, besides errors.
enum Above {
    Nothing,
    /// A move of a session with registrants, to confirm.
    Confirm(Confirm),
    /// The session as it will read, not yet saved.
    Preview(FormPreview),
}

/// A session changing time with this many people to tell.
pub struct Confirm {
    pub people: usize,
}

#[derive(Template)]
#[template(path = "admin/session_form.html")]
struct FormPage<'a> {
    chrome: Chrome,
    csrf: String,
    email: String,
    /// None: a new session.
    id: Option<i32>,
    v: Values,
    errors: FieldErrors,
    reference: &'a Reference,
    /// Regions this person may organise for.
    organising: Vec<(String, String)>,
    admin: bool,
    confirm: Option<Confirm>,
    preview: Option<FormPreview>,
    kinds: Vec<&'static str>,
    formats: Vec<&'static str>,
}

impl FormPage<'_> {
    fn err(&self, field: &str) -> Option<String> {
        self.errors.get_in(field, self.chrome.lang)
    }
    fn has_region(&self, slug: &str) -> bool {
        self.v.regions.iter().any(|r| r == slug)
    }
    fn has_topic(&self, slug: &str) -> bool {
        self.v.topics.iter().any(|t| t == slug)
    }
}

fn organising_choices(staff: &Staff, reference: &Reference, lang: Lang) -> Vec<(String, String)> {
    reference
        .regions
        .iter()
        .filter(|r| staff.admin || staff.regions.contains(&r.id))
        .map(|r| (r.slug.clone(), r.name_in(lang)))
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn render(
    req: &HttpRequest,
    state: &State,
    staff: &Staff,
    id: Option<i32>,
    v: Values,
    errors: FieldErrors,
    above: Above,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let reference = state.reference();
    let empty = HashMap::new();
    let viewer = Viewer::from_request(req, &empty, crate::domain::zone::TimeZone::utc());
    let token = csrf::token(req)?;
    let (confirm, preview) = match above {
        Above::Nothing => (None, None),
        Above::Confirm(c) => (Some(c), None),
        Above::Preview(p) => (None, Some(p)),
    };
    let page = FormPage {
        chrome: Chrome::new(&viewer, &reference, &empty),
        csrf: token.value.clone(),
        email: staff.email.clone(),
        id,
        v,
        errors,
        organising: organising_choices(staff, &reference, viewer.lang),
        admin: staff.admin,
        reference: &reference,
        confirm,
        preview,
        kinds: crate::domain::session::SessionKind::ALL.iter().map(|k| k.as_str()).collect(),
        formats: crate::domain::session::SessionFormat::ALL.iter().map(|f| f.as_str()).collect(),
    };
    render_status(&page, status, [token.cookie])
}

/// An organiser may only organise for their own regions.
fn check_organiser(staff: &Staff, reference: &Reference, slug: &str) -> Result<(), FieldErrors> {
    let region = reference.region(slug).map(|r| r.id);
    if slug.is_empty() && staff.admin || staff.may_manage(region) {
        Ok(())
    } else {
        Err(FieldErrors::single("organising_region", "must be one of your regions"))
    }
}

async fn new_form(
    req: HttpRequest,
    state: State,
    staff: Staff,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let reference = state.reference();
    let mut v = Values { kind: "webinar".into(), format: "online".into(), status: "draft".into(), ..Values::default() };
    if let Some(from) = query.get("clone").and_then(|c| c.parse::<i32>().ok()) {
        let session = blocking(&state.pool, move |conn| Ok::<_, PageError>(store::find(conn, from)?)).await?;
        let session = session.ok_or(AppError::NotFound)?;
        staff.require_session(session.row.organising_region_id)?;
        v = Values::from_session(&session, &reference);
        v.title = format!("{} (copy)", v.title);
        v.status = "draft".into();
    } else {
        // From the planner: the chosen date, time and zone.
        let date = query.get("date").cloned().unwrap_or_default();
        let time = query.get("time").cloned().unwrap_or_default();
        if !date.is_empty() && !time.is_empty() {
            v.starts_at = format!("{date}T{time}");
            let minutes = query.get("minutes").and_then(|m| m.parse::<i64>().ok()).filter(|m| (15..=720).contains(m));
            if let (Ok(start), Some(m)) = (crate::domain::zone::parse_local(&v.starts_at), minutes) {
                v.ends_at = (start + chrono::Duration::minutes(m)).format("%Y-%m-%dT%H:%M").to_string();
            }
        }
        v.time_zone = query.get("zone").cloned().unwrap_or_default();
        v.regions = query.get("region").into_iter().cloned().collect();
    }
    if v.organising_region.is_empty() && !staff.admin {
        v.organising_region =
            organising_choices(&staff, &reference, Lang::En).first().map(|(slug, _)| slug.clone()).unwrap_or_default();
    }
    render(&req, &state, &staff, None, v, FieldErrors::default(), Above::Nothing, StatusCode::OK)
}

async fn create(req: HttpRequest, state: State, staff: Staff, form: CsrfForm) -> Result<HttpResponse, PageError> {
    let v = Values::from_form(&form);
    let reference = state.reference();
    let parsed = check_organiser(&staff, &reference, &v.organising_region)
        .and_then(|_| v.to_object())
        .and_then(|o| SessionInput::parse(&o, false));
    let input = match parsed {
        Ok(i) => i,
        Err(errors) => {
            return render(&req, &state, &staff, None, v, errors, Above::Nothing, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let repeat = match v.repeat() {
        Some(Err(errors)) => {
            return render(&req, &state, &staff, None, v, errors, Above::Nothing, StatusCode::UNPROCESSABLE_ENTITY);
        }
        Some(Ok(r)) => Some(r),
        None => None,
    };
    if form.get("preview") == "yes" {
        let above = Above::Preview(FormPreview::new(&input));
        return render(&req, &state, &staff, None, v, FieldErrors::default(), above, StatusCode::OK);
    }
    let actor = staff.actor();
    let result = blocking(&state.pool, move |conn| {
        let reference = Reference::load(conn)?;
        match repeat {
            None => crate::sessions::create(conn, &reference, &input, false, &actor)
                .map(|s| (s.id(), None))
                .map_err(AppError::from),
            Some(how) => crate::sessions::series::create(conn, &reference, &input, &how, &actor)
                .map_err(AppError::from)
                .and_then(|c| {
                    let first = c.sessions.first().map(|s| s.id()).ok_or(AppError::NotFound)?;
                    let count = ("count", c.sessions.len().into());
                    // The warnings name dates and zones; they stay in English.
                    let said = if c.warnings.is_empty() {
                        Message::new("ws-done-series", vec![count])
                    } else {
                        Message::new("ws-done-series-warnings", vec![count, ("warnings", c.warnings.join(" ").into())])
                    };
                    Ok((first, Some(said)))
                }),
        }
    })
    .await;
    match result {
        Ok((id, said)) => Ok(match said {
            Some(said) => super::registrations::back(&state, id, said),
            None => crate::web::see_other(&format!("/admin/sessions/{id}")),
        }),
        Err(AppError::Validation(errors)) => {
            render(&req, &state, &staff, None, v, errors, Above::Nothing, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(e.into()),
    }
}

/// A session this person may manage, by the id in its path.
pub(super) async fn load(state: &State, staff: &Staff, id: &str) -> Result<Session, PageError> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    let session = blocking(&state.pool, move |conn| Ok::<_, PageError>(store::find(conn, id)?)).await?;
    let session = session.ok_or(AppError::NotFound)?;
    staff.require_session(session.row.organising_region_id)?;
    Ok(session)
}

async fn edit_form(
    req: HttpRequest,
    state: State,
    staff: Staff,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let session = load(&state, &staff, &id).await?;
    let v = Values::from_session(&session, &state.reference());
    render(&req, &state, &staff, Some(session.id()), v, FieldErrors::default(), Above::Nothing, StatusCode::OK)
}

async fn save(
    req: HttpRequest,
    state: State,
    staff: Staff,
    id: web::Path<String>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let session = load(&state, &staff, &id).await?;
    let v = Values::from_form(&form);
    let reference = state.reference();
    let id = session.id();
    let patch = match check_organiser(&staff, &reference, &v.organising_region)
        .and_then(|_| v.to_object())
        .and_then(|o| SessionInput::parse(&o, session.status() == SessionStatus::Cancelled).map(|i| (o, i)))
    {
        Ok((p, input)) if form.get("preview") == "yes" => {
            let _ = p;
            let above = Above::Preview(FormPreview::new(&input));
            return render(&req, &state, &staff, Some(id), v, FieldErrors::default(), above, StatusCode::OK);
        }
        Ok((p, _)) => p,
        Err(errors) => {
            return render(&req, &state, &staff, Some(id), v, errors, Above::Nothing, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    if form.get("all_future") == "on"
        && let Some(series_id) = session.row.series_id
    {
        // What each occurrence keeps for itself: its times and window.
        let mut shared = patch;
        for own in ["starts_at", "ends_at", "time_zone", "registration_opens_at", "registration_closes_at"] {
            shared.remove(own);
        }
        let (notifier, actor, scope) = (state.composer.clone(), staff.actor(), staff.scope());
        let result = blocking(&state.pool, move |conn| {
            let reference = Reference::load(conn)?;
            crate::sessions::series::update_future(conn, &reference, series_id, &shared, &scope, &notifier, &actor)
                .map_err(AppError::from)
        })
        .await;
        return match result {
            Ok(changed) => {
                state.mail_queued();
                Ok(super::registrations::back(
                    &state,
                    id,
                    Message::new("ws-done-future", vec![("count", changed.len().into())]),
                ))
            }
            Err(AppError::Validation(errors)) => {
                render(&req, &state, &staff, Some(id), v, errors, Above::Nothing, StatusCode::UNPROCESSABLE_ENTITY)
            }
            Err(e) => Err(e.into()),
        };
    }
    let before = Values::from_session(&session, &reference);
    let moves = (&before.starts_at, &before.ends_at, &before.time_zone) != (&v.starts_at, &v.ends_at, &v.time_zone);
    if moves && form.get("confirm") != "yes" {
        let people =
            blocking(&state.pool, move |conn| Ok::<_, PageError>(registration_store::active(conn, id)?.len())).await?;
        if people > 0 {
            let above = Above::Confirm(Confirm { people });
            return render(&req, &state, &staff, Some(id), v, FieldErrors::default(), above, StatusCode::OK);
        }
    }
    let (notifier, actor) = (state.composer.clone(), staff.actor());
    let result = blocking(&state.pool, move |conn| {
        let reference = Reference::load(conn)?;
        crate::sessions::update(conn, &reference, id, &patch, &notifier, &actor).map_err(AppError::from)
    })
    .await;
    match result {
        Ok(_) => {
            state.mail_queued();
            Ok(crate::web::see_other(&format!("/admin/sessions/{id}")))
        }
        Err(AppError::Validation(errors)) => {
            render(&req, &state, &staff, Some(id), v, errors, Above::Nothing, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(e.into()),
    }
}

async fn publish(
    state: State,
    staff: Staff,
    id: web::Path<String>,
    _form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let id = load(&state, &staff, &id).await?.id();
    let (notifier, actor) = (state.composer.clone(), staff.actor());
    blocking(&state.pool, move |conn| {
        let reference = Reference::load(conn)?;
        let patch = Map::from_iter([("status".to_string(), json!("published"))]);
        crate::sessions::update(conn, &reference, id, &patch, &notifier, &actor).map_err(AppError::from)
    })
    .await?;
    Ok(crate::web::see_other(&format!("/admin/sessions/{id}")))
}

async fn cancel(state: State, staff: Staff, id: web::Path<String>, form: CsrfForm) -> Result<HttpResponse, PageError> {
    let id = load(&state, &staff, &id).await?.id();
    let reason: String = form.get("reason").chars().filter(|c| !c.is_control()).take(500).collect();
    let (notifier, actor) = (state.composer.clone(), staff.actor());
    blocking(&state.pool, move |conn| {
        crate::sessions::cancel(conn, id, (!reason.is_empty()).then_some(reason.as_str()), &notifier, &actor)
            .map_err(AppError::from)
    })
    .await?;
    state.mail_queued();
    Ok(crate::web::see_other(&format!("/admin/sessions/{id}")))
}

async fn delete(state: State, staff: Staff, id: web::Path<String>, _form: CsrfForm) -> Result<HttpResponse, PageError> {
    let id = load(&state, &staff, &id).await?.id();
    let actor = staff.actor();
    blocking(&state.pool, move |conn| {
        let reference = Reference::load(conn)?;
        crate::sessions::delete_draft(conn, &reference, id, &actor).map_err(AppError::from)
    })
    .await?;
    Ok(crate::web::see_other("/admin/sessions"))
}
