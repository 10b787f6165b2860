//! Creating and editing sessions in the workspace: one form with every
//! field of the API, checked by the same parser; publish, clone, cancel
//! with a reason, and delete a draft. A change of time for a session with
//! registrants asks for confirmation first, saying how many people will be
//! told.

use super::Staff;
use super::moving::Confirm;
use crate::db::ids::{SeriesId, SessionId};
use crate::db::reference::Reference;
use crate::db::registrations as registration_store;
use crate::db::sessions::{self as store, Session};
use crate::domain::fields::Field;
use crate::domain::fields::FieldErrors;
use crate::domain::lang::Lang;
use crate::domain::message::Message;
use crate::domain::series::{RepeatFields, RepeatInput};
use crate::domain::session::{SessionFields, SessionInput, SessionStatus};
use crate::error::AppError;
use crate::web::PageError;
use crate::web::csrf::{self, CsrfForm, Fields};
use crate::web::public::{Chrome, Viewer, render_status};
use crate::web::{State, blocking};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde_json::Value;
use std::collections::HashMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/sessions/new", web::get().to(new_form))
        .route("/sessions/new", web::post().to(create))
        .route("/sessions/{id}/edit", web::get().to(edit_form))
        .route("/sessions/{id}/edit", web::post().to(save))
        .route("/sessions/{id}/publish", web::post().to(publish));
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
    pub participation: String,
    pub nominations_close_at: String,
    pub quota_release: bool,
    pub country_quota: String,
    /// Places for named countries, as typed: "PH=12, KE=4".
    pub quotas: String,
    pub waitlist: bool,
    pub regions: Vec<String>,
    pub countries: String,
    pub topics: Vec<String>,
    pub language: String,
    pub requires_approval: bool,
    pub registration_opens_at: String,
    pub registration_closes_at: String,
    pub location: String,
    pub in_person_capacity: String,
    pub venue_name: String,
    pub venue_address: String,
    pub venue_city: String,
    /// Language tags, comma-separated.
    pub interpretation: String,
    pub join_url: String,
    pub status: String,
    pub organising_region: String,
    /// The question builder's rows as typed (or stored).
    pub questions: Vec<crate::domain::questions::BuilderRow>,
    /// New sessions only: weekly, fortnightly or monthly, with a count or an end date.
    pub repeat: String,
    pub count: String,
    pub until: String,
    /// The series the session belongs to (shown only; the server reads its own).
    pub series_id: Option<SeriesId>,
    /// "Apply to every future session of this series" ticked.
    pub all_future: bool,
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
            participation: form.get("participation"),
            nominations_close_at: form.get("nominations_close_at"),
            quota_release: form.get("quota_release") == "on",
            country_quota: form.get("country_quota"),
            quotas: form.get("quotas"),
            waitlist: form.get("waitlist") == "on",
            regions: form.all("regions"),
            countries: form.get("countries"),
            topics: form.all("topics"),
            language: form.get("language"),
            requires_approval: form.get("requires_approval") == "on",
            registration_opens_at: form.get("registration_opens_at"),
            registration_closes_at: form.get("registration_closes_at"),
            location: form.get("location"),
            in_person_capacity: form.get("in_person_capacity"),
            venue_name: form.get("venue_name"),
            venue_address: form.get("venue_address"),
            venue_city: form.get("venue_city"),
            interpretation: form.get("interpretation"),
            join_url: form.get("join_url"),
            status: form.get("status"),
            organising_region: form.get("organising_region"),
            questions: super::questions::posted_rows(form),
            repeat: form.get("repeat"),
            count: form.get("count"),
            until: form.get("until"),
            series_id: form.get("series_id").parse().ok(),
            all_future: form.get("all_future") == "on",
        }
    }

    /// The stored session as form values (local times in its zone).
    fn from_session(s: &Session, reference: &Reference) -> Self {
        let f = s.fields(reference);
        let text = |f: &Field<String>| f.given().cloned().unwrap_or_default();
        let list = |f: &Field<Vec<String>>| f.given().cloned().unwrap_or_default();
        let zone = s.zone();
        let local = |t: Option<chrono::NaiveDateTime>| {
            t.map(|t| zone.at(t.and_utc()).local.format("%Y-%m-%dT%H:%M").to_string()).unwrap_or_default()
        };
        Self {
            title: text(&f.title),
            summary: text(&f.summary),
            description: text(&f.description),
            kind: text(&f.kind),
            format: text(&f.format),
            time_zone: text(&f.time_zone),
            starts_at: local(Some(s.row.starts_at)),
            ends_at: local(Some(s.row.ends_at)),
            capacity: s.row.capacity.map(|c| c.to_string()).unwrap_or_default(),
            participation: s.row.participation.as_str().into(),
            nominations_close_at: local(s.row.nominations_close_at),
            quota_release: s.row.quota_release,
            country_quota: s.row.country_quota.map(|c| c.to_string()).unwrap_or_default(),
            quotas: s.quotas.iter().map(|(c, p)| format!("{c}={p}")).collect::<Vec<_>>().join(", "),
            waitlist: s.row.waitlist,
            regions: list(&f.regions),
            countries: list(&f.countries).join(", "),
            topics: list(&f.topics),
            language: text(&f.language),
            requires_approval: s.row.requires_approval,
            registration_opens_at: local(s.row.registration_opens_at),
            registration_closes_at: local(s.row.registration_closes_at),
            location: text(&f.location),
            in_person_capacity: s.room().0.map(|c| c.to_string()).unwrap_or_default(),
            venue_name: text(&f.venue_name),
            venue_address: text(&f.venue_address),
            venue_city: text(&f.venue_city),
            interpretation: list(&f.interpretation).join(", "),
            join_url: text(&f.join_url),
            status: text(&f.status),
            organising_region: text(&f.organising_region),
            questions: super::questions::rows_of(&s.questions()),
            repeat: String::new(),
            count: String::new(),
            until: String::new(),
            series_id: s.row.series_id,
            all_future: false,
        }
    }

    /// How the series repeats, when one was asked for.
    fn repeat(&self) -> Option<Result<RepeatInput, FieldErrors>> {
        if self.repeat.is_empty() {
            return None;
        }
        let count = match self.count.trim() {
            "" => Field::Null,
            c => c.parse::<u64>().map_or_else(|_| Field::Wrong(Value::String(c.into())), Field::Given),
        };
        let until = if self.until.is_empty() { Field::Null } else { Field::Given(self.until.clone()) };
        Some(RepeatFields { repeat: Field::Given(self.repeat.clone()), count, until }.parse())
    }

    /// The fields of the write the API would take, so one parser checks
    /// both; with what only a form can get wrong (a number or a list of
    /// questions that does not read).
    fn to_fields(&self) -> (SessionFields, FieldErrors) {
        let mut errors = FieldErrors::default();
        let text = |v: &str| Field::Given(v.to_string());
        let opt = |v: &str| if v.is_empty() { Field::Null } else { Field::Given(v.to_string()) };
        let capacity = match self.capacity.trim() {
            "" => Field::Null,
            c => c.parse::<i64>().map(Field::Given).unwrap_or_else(|_| {
                errors.add("capacity", Message::id("err-capacity-number"));
                Field::Null
            }),
        };
        let in_person_capacity = match self.in_person_capacity.trim() {
            "" => Field::Null,
            c => c.parse::<i64>().map(Field::Given).unwrap_or_else(|_| {
                errors.add("in_person_capacity", Message::id("err-capacity-number"));
                Field::Null
            }),
        };
        let interpretation =
            self.interpretation.split([',', ' ']).map(str::trim).filter(|c| !c.is_empty()).map(String::from).collect();
        // The builder's rows read as the API's `questions` would be.
        let questions = match crate::domain::questions::read_builder(&self.questions) {
            Ok(list) => Field::Given(serde_json::to_value(list).unwrap_or_default()),
            Err(e) => {
                errors.merge(e);
                Field::Null
            }
        };
        let countries =
            self.countries.split([',', ' ']).map(str::trim).filter(|c| !c.is_empty()).map(String::from).collect();
        let country_quota = match self.country_quota.trim() {
            "" => Field::Null,
            c => c.parse::<i64>().map(Field::Given).unwrap_or_else(|_| {
                errors.add("country_quota", Message::id("err-quota-number"));
                Field::Null
            }),
        };
        let quotas = match quotas_from_text(&self.quotas) {
            Some(q) => Field::Given(q),
            None => {
                errors.add("quotas", Message::id("err-quotas-form"));
                Field::Null
            }
        };
        let fields = SessionFields {
            title: text(&self.title),
            summary: text(&self.summary),
            description: text(&self.description),
            kind: text(&self.kind),
            format: text(&self.format),
            time_zone: text(&self.time_zone),
            starts_at: text(&self.starts_at),
            ends_at: text(&self.ends_at),
            capacity,
            waitlist: Field::Given(self.waitlist),
            regions: Field::Given(self.regions.clone()),
            countries: Field::Given(countries),
            topics: Field::Given(self.topics.clone()),
            language: text(&self.language),
            requires_approval: Field::Given(self.requires_approval),
            registration_opens_at: opt(&self.registration_opens_at),
            registration_closes_at: opt(&self.registration_closes_at),
            location: text(&self.location),
            join_url: text(&self.join_url),
            status: text(&self.status),
            questions,
            organising_region: opt(&self.organising_region),
            participation: opt(&self.participation),
            nominations_close_at: opt(&self.nominations_close_at),
            quota_release: Field::Given(self.quota_release),
            country_quota,
            quotas,
            in_person_capacity,
            venue_name: text(&self.venue_name),
            venue_address: text(&self.venue_address),
            venue_city: text(&self.venue_city),
            interpretation: Field::Given(interpretation),
            unknown: Default::default(),
        };
        (fields, errors)
    }

    /// The form checked whole: what the person may organise, what the form
    /// itself got wrong and what the parser says, all at once.
    fn check(&self, staff: &Staff, reference: &Reference, allow_cancelled: bool) -> Result<SessionInput, FieldErrors> {
        let (fields, mut errors) = self.to_fields();
        if let Err(e) = check_organiser(staff, reference, &self.organising_region) {
            errors.merge(e);
        }
        match SessionInput::parse(&fields, allow_cancelled) {
            Ok(input) if errors.is_empty() => Ok(input),
            Ok(_) => Err(errors),
            Err(e) => {
                errors.merge(e);
                Err(errors)
            }
        }
    }
}

/// "PH=12, KE=4" (or "PH 12") as ISO code → places; None when it does not read.
fn quotas_from_text(text: &str) -> Option<std::collections::BTreeMap<String, i64>> {
    let mut out = std::collections::BTreeMap::new();
    for part in text.split([',', ';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
        let (code, places) = part.split_once(['=', ':', ' '])?;
        out.insert(code.trim().to_string(), places.trim().parse().ok()?);
    }
    Some(out)
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

#[derive(Template)]
#[template(path = "admin/session_form.html")]
struct FormPage<'a> {
    chrome: Chrome,
    csrf: String,
    email: String,
    /// None: a new session.
    id: Option<SessionId>,
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
    /// The registration questions' builder.
    builder: super::questions::Builder,
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

/// The session form of one person, for one session (or a new one): it
/// renders itself as the response, 200 when it has nothing to complain
/// about and 422 when it names bad fields.
struct Editor<'a> {
    req: &'a HttpRequest,
    state: &'a State,
    staff: &'a Staff,
    /// None: a new session.
    id: Option<SessionId>,
}

impl Editor<'_> {
    fn show(&self, v: Values, errors: FieldErrors, above: Above) -> Result<HttpResponse, PageError> {
        let reference = self.state.reference();
        let empty = HashMap::new();
        let viewer = Viewer::from_request(self.req, &empty, crate::domain::zone::TimeZone::utc());
        let token = csrf::token(self.req)?;
        let (confirm, preview) = match above {
            Above::Nothing => (None, None),
            Above::Confirm(c) => (Some(c), None),
            Above::Preview(p) => (None, Some(p)),
        };
        let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
        let builder = super::questions::Builder::new("sq", &v.questions, viewer.lang);
        let page = FormPage {
            builder,
            chrome: Chrome::new(&viewer, &reference, &empty),
            csrf: token.value.clone(),
            email: self.staff.email.clone(),
            id: self.id,
            v,
            errors,
            organising: organising_choices(self.staff, &reference, viewer.lang),
            admin: self.staff.admin,
            reference: &reference,
            confirm,
            preview,
            kinds: crate::domain::session::SessionKind::ALL.iter().map(|k| k.as_str()).collect(),
            formats: crate::domain::session::SessionFormat::ALL.iter().map(|f| f.as_str()).collect(),
        };
        render_status(&page, status, [token.cookie])
    }

    /// The form again with the fields a write refused, or where it leads.
    fn outcome(&self, v: Values, result: Result<HttpResponse, AppError>) -> Result<HttpResponse, PageError> {
        match result {
            Ok(done) => Ok(done),
            Err(AppError::Validation(errors)) => self.show(v, errors, Above::Nothing),
            Err(e) => Err(e.into()),
        }
    }
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
    let mut v = Values {
        kind: "webinar".into(),
        format: "online".into(),
        status: "draft".into(),
        participation: "open".into(),
        ..Values::default()
    };
    if let Some(from) = query.get("clone").and_then(|c| c.parse::<SessionId>().ok()) {
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
    Editor { req: &req, state: &state, staff: &staff, id: None }.show(v, FieldErrors::default(), Above::Nothing)
}

async fn create(req: HttpRequest, state: State, staff: Staff, form: CsrfForm) -> Result<HttpResponse, PageError> {
    let editor = Editor { req: &req, state: &state, staff: &staff, id: None };
    let v = Values::from_form(&form);
    let (input, repeat) = match (v.check(&staff, &state.reference(), false), v.repeat().transpose()) {
        (Ok(input), Ok(repeat)) => (input, repeat),
        (input, repeat) => {
            let mut errors = input.err().unwrap_or_default();
            errors.merge(repeat.err().unwrap_or_default());
            return editor.show(v, errors, Above::Nothing);
        }
    };
    if form.get("preview") == "yes" {
        return editor.show(v, FieldErrors::default(), Above::Preview(FormPreview::new(&input)));
    }
    let actor = staff.acting();
    let reference = state.reference();
    let published = input.status == SessionStatus::Published;
    let lang = crate::web::public::language(&req);
    let result = blocking(&state.pool, move |conn| create_in(conn, &reference, &input, repeat, &actor, lang)).await;
    let done = result.map(|(id, said)| {
        let said = said
            .unwrap_or_else(|| Message::id(if published { "ws-done-created-published" } else { "ws-done-created" }));
        super::registrations::back(&state, id, said)
    });
    editor.outcome(v, done)
}

/// A new session, or a new series and its first session with what to say
/// about it.
fn create_in(
    conn: &mut crate::db::DbConn,
    reference: &Reference,
    input: &SessionInput,
    repeat: Option<RepeatInput>,
    actor: &crate::sessions::Actor,
    lang: Lang,
) -> Result<(SessionId, Option<Message>), AppError> {
    let Some(how) = repeat else {
        return Ok((crate::sessions::create(conn, reference, input, false, actor)?.id(), None));
    };
    let created = crate::sessions::series::create(conn, reference, input, &how, actor)?;
    let first = created.sessions.first().map(|s| s.id()).ok_or(AppError::NotFound)?;
    let count = ("count", created.sessions.len().into());
    // Written out now, in the organiser's language: a notice carries its
    // arguments through the redirect as text.
    let said = if created.warnings.is_empty() {
        Message::new("ws-done-series", vec![count])
    } else {
        let warnings: Vec<String> = created.warnings.iter().map(|w| w.in_lang(lang)).collect();
        Message::new("ws-done-series-warnings", vec![count, ("warnings", warnings.join(" ").into())])
    };
    Ok((first, Some(said)))
}

/// A session this person may manage, by the id in its path.
pub(super) async fn load(state: &State, staff: &Staff, id: SessionId) -> Result<Session, PageError> {
    let session = blocking(&state.pool, move |conn| Ok::<_, PageError>(store::find(conn, id)?)).await?;
    let session = session.ok_or(AppError::NotFound)?;
    staff.require_session(session.row.organising_region_id)?;
    Ok(session)
}

async fn edit_form(
    req: HttpRequest,
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
) -> Result<HttpResponse, PageError> {
    let session = load(&state, &staff, *id).await?;
    let mut v = Values::from_session(&session, &state.reference());
    // From the series' page: "change every future date" comes ticked.
    v.all_future = v.series_id.is_some() && req.query_string().split('&').any(|p| p == "all_future=1");
    Editor { req: &req, state: &state, staff: &staff, id: Some(session.id()) }.show(
        v,
        FieldErrors::default(),
        Above::Nothing,
    )
}

async fn save(
    req: HttpRequest,
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let session = load(&state, &staff, *id).await?;
    let editor = Editor { req: &req, state: &state, staff: &staff, id: Some(session.id()) };
    let v = Values::from_form(&form);
    let input = match v.check(&staff, &state.reference(), session.status() == SessionStatus::Cancelled) {
        Ok(input) => input,
        Err(errors) => return editor.show(v, errors, Above::Nothing),
    };
    if form.get("preview") == "yes" {
        return editor.show(v, FieldErrors::default(), Above::Preview(FormPreview::new(&input)));
    }
    let patch = v.to_fields().0;
    if form.get("all_future") == "on"
        && let Some(series_id) = session.row.series_id
    {
        let done = save_future(&state, &staff, session.id(), series_id, patch.shared_by_series()).await;
        return editor.outcome(v, done);
    }
    if form.get("confirm") != "yes"
        && let Some(confirm) = super::moving::confirm_move(&req, &state, &session, &input).await?
    {
        return editor.show(v, FieldErrors::default(), Above::Confirm(confirm));
    }
    let (notifier, actor, id) = (state.composer.clone(), staff.acting(), session.id());
    let reference = state.reference();
    let sequence = session.row.sequence;
    let result = blocking(&state.pool, move |conn| {
        let (after, _) = crate::sessions::update(conn, &reference, id, &patch, &notifier, &actor)?;
        // A rise in the sequence is a change calendars hear of: say who was told.
        let told = if after.row.sequence > sequence && after.status() == SessionStatus::Published {
            registration_store::active(conn, id)?.len()
        } else {
            0
        };
        Ok::<_, AppError>(told)
    })
    .await;
    let done = result.map(|told| {
        state.mail_queued();
        let said = if told > 0 {
            Message::new("ws-done-saved-told", vec![("people", told.into())])
        } else {
            Message::id("ws-done-saved")
        };
        super::registrations::back(&state, id, said)
    });
    editor.outcome(v, done)
}

/// "Apply to all future occurrences": the shared fields of every occurrence
/// that has not started, within the person's scope, all or none.
async fn save_future(
    state: &State,
    staff: &Staff,
    id: SessionId,
    series_id: SeriesId,
    shared: SessionFields,
) -> Result<HttpResponse, AppError> {
    let (notifier, actor) = (state.composer.clone(), staff.acting());
    let reference = state.reference();
    let changed = blocking(&state.pool, move |conn| {
        crate::sessions::series::update_future(conn, &reference, series_id, &shared, &notifier, &actor)
            .map_err(AppError::from)
    })
    .await?;
    state.mail_queued();
    let said = Message::new("ws-done-future", vec![("count", changed.len().into())]);
    Ok(super::registrations::back(state, id, said))
}

async fn publish(
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
    _form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let id = load(&state, &staff, *id).await?.id();
    let (notifier, actor) = (state.composer.clone(), staff.acting());
    let reference = state.reference();
    blocking(&state.pool, move |conn| {
        let patch =
            SessionFields { status: Field::Given(SessionStatus::Published.as_str().into()), ..Default::default() };
        crate::sessions::update(conn, &reference, id, &patch, &notifier, &actor).map_err(AppError::from)
    })
    .await?;
    Ok(super::registrations::back(&state, id, Message::new("ws-done-published", vec![("id", id.0.into())])))
}
