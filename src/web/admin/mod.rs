//! The organisers' workspace under `/admin`. Every route but the login
//! form answers anonymous requests with a 303 to `/admin/login`.

mod attendance;
mod audit;
mod certificates;
mod check_in;
pub mod csv_export;
mod edit;
mod feedback;
mod irreversible;
mod login;
mod materials;
mod moving;
mod nominations;
mod planner;
mod questions;
mod reference;
mod registrations;
mod reports;
mod series;
mod sessions;
mod users;

use super::{State, blocking};
use crate::db::accounts::{self, User};
use crate::error::AppError;
use crate::web::PageError;
use actix_web::{HttpRequest, HttpResponse, web};

pub const COOKIE: &str = "convene_admin";
/// Set on a successful sign-in: the (digest of the) address this browser
/// signed in with, sealed like the session cookie.
pub const DEVICE_COOKIE: &str = "convene_device";

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/admin")
            .app_data(web::PayloadConfig::new(64 * 1024))
            .configure(login::config)
            .configure(edit::config)
            .configure(irreversible::config)
            .configure(registrations::config)
            .configure(sessions::config)
            .configure(series::config)
            .configure(planner::config)
            .configure(users::config)
            .configure(audit::config)
            .configure(reference::config)
            .configure(reports::config)
            .configure(csv_export::config)
            .configure(nominations::config)
            .configure(certificates::config)
            .configure(attendance::config)
            .configure(check_in::config)
            .configure(materials::config)
            .configure(feedback::config)
            .route("", web::get().to(home))
            .default_service(web::to(unknown)),
    );
}

/// Who is signed in: an admin, or an organiser scoped to regions.
#[derive(Debug, Clone)]
pub struct Staff {
    pub id: crate::db::ids::AccountId,
    pub email: String,
    pub admin: bool,
    /// A National Focal Point: no session to change here.
    pub focal_point: bool,
    /// Region ids an organiser may act for (empty for admins: they may act for all).
    pub regions: Vec<i32>,
    /// A focal point's countries (ISO alpha-2); empty for the others.
    pub countries: Vec<String>,
}

impl Staff {
    fn new(user: User, regions: Vec<i32>, countries: Vec<String>) -> Self {
        Self {
            id: user.id,
            admin: user.role == accounts::ROLE_ADMIN,
            focal_point: user.role == accounts::ROLE_FOCAL_POINT,
            email: user.email,
            regions,
            countries,
        }
    }

    /// What this person may reach, as the application layer checks it.
    pub fn access(&self) -> crate::domain::scope::Access {
        use crate::domain::scope::{Access, Role};
        let role = match (self.admin, self.focal_point) {
            (true, _) => Role::Admin,
            (false, true) => Role::FocalPoint,
            (false, false) => Role::Organiser,
        };
        Access::of(role, self.regions.clone(), self.countries.clone())
    }

    /// Whether this person may see and change a session organised by
    /// `region` (None: a session no region organises, for admins only).
    pub fn may_manage(&self, region: Option<i32>) -> bool {
        self.scope().allows(region)
    }

    /// What this person may change, for storage functions that touch
    /// several sessions (a series) and check each one.
    pub fn scope(&self) -> crate::domain::scope::Scope {
        if self.admin {
            crate::domain::scope::Scope::All
        } else {
            crate::domain::scope::Scope::Regions(self.regions.clone())
        }
    }

    pub fn require_session(&self, region: Option<i32>) -> Result<(), AppError> {
        if self.may_manage(region) {
            Ok(())
        } else {
            Err(AppError::Forbidden("This session is organised by a region your account does not cover.".into()))
        }
    }

    pub fn require_admin(&self) -> Result<(), AppError> {
        if self.admin { Ok(()) } else { Err(AppError::Forbidden("Only admins may do this.".into())) }
    }

    pub fn actor(&self) -> String {
        format!("user:{}", self.email)
    }

    /// This person as the maker of a change to sessions.
    pub fn acting(&self) -> crate::sessions::Actor {
        crate::sessions::Actor { name: self.actor(), scope: self.scope() }
    }
}

/// The workspace cookie is signed and encrypted (AES-256-GCM, the cookie
/// crate's private jar) with a key derived from the server key, and holds
/// only a random session id whose digest the database keeps: it can be
/// revoked on sign-out, and a stolen database opens nothing.
fn cookie_key(state: &State) -> actix_web::cookie::Key {
    actix_web::cookie::Key::from(&state.keys.cookie_key())
}

/// The session id in a request's workspace cookie, if it decrypts.
pub fn session_token(req: &HttpRequest, state: &State) -> Option<String> {
    sealed(req, state, COOKIE)
}

/// The address digest in a request's device cookie, if it decrypts.
pub fn device_cookie(req: &HttpRequest, state: &State) -> Option<String> {
    sealed(req, state, DEVICE_COOKIE)
}

fn sealed(req: &HttpRequest, state: &State, name: &str) -> Option<String> {
    let mut jar = actix_web::cookie::CookieJar::new();
    jar.add_original(req.cookie(name)?);
    jar.private(&cookie_key(state)).get(name).map(|c| c.value().to_string())
}

/// A workspace cookie (the session's or the device's), encrypted.
pub fn session_cookie(
    state: &State,
    cookie: actix_web::cookie::Cookie<'static>,
) -> Option<actix_web::cookie::Cookie<'static>> {
    let mut jar = actix_web::cookie::CookieJar::new();
    let name = cookie.name().to_string();
    jar.private_mut(&cookie_key(state)).add(cookie);
    jar.get(&name).cloned()
}

/// The signed-in organiser, if any.
pub async fn signed_in(req: &HttpRequest, state: &State) -> Result<Option<Staff>, PageError> {
    let Some(token) = session_token(req, state) else { return Ok(None) };
    blocking(&state.pool, move |conn| {
        let Some(user) = accounts::session_user(conn, &token, crate::db::now())? else { return Ok(None) };
        let regions = accounts::regions_of(conn, user.id)?;
        let countries = accounts::countries_of(conn, user.id)?;
        Ok::<_, PageError>(Some(Staff::new(user, regions, countries)))
    })
    .await
}

/// The query string that carries a notice through a redirect: the
/// message's id and arguments, and a tag made with the server key, so that
/// a link from elsewhere cannot make the workspace say what it likes.
pub fn notice_query(state: &State, done: &crate::domain::message::Message) -> String {
    notice_query_with(&state.keys, done)
}

/// [`notice_query`] with the key given (tests that check a notice's words).
pub fn notice_query_with(keys: &crate::domain::secret::Keys, done: &crate::domain::message::Message) -> String {
    let mut pairs = done.to_query();
    let tag = keys.sign("notice", &canonical_notice(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))));
    pairs.push(("sig".into(), tag));
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// The notice a page was sent with, if the server wrote it.
pub fn notice_from(
    state: &State,
    query: &std::collections::HashMap<String, String>,
) -> Option<crate::domain::message::Message> {
    let tag = query.get("sig")?;
    let signed =
        query.iter().filter(|(k, _)| *k == "done" || k.starts_with("a.")).map(|(k, v)| (k.as_str(), v.as_str()));
    if !state.keys.verify("notice", &canonical_notice(signed), tag) {
        return None;
    }
    crate::domain::message::Message::from_query(query, "ws-done-")
}

/// The notice's pairs in one order, whatever order a query came in.
fn canonical_notice<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let mut pairs: Vec<_> = pairs.collect();
    pairs.sort();
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// The account signed in on this request, or the answer that sends the
/// browser to the sign-in page: what every workspace extractor starts with.
pub async fn signed_in_or_refused(req: &HttpRequest) -> Result<Staff, PageError> {
    let state =
        req.app_data::<State>().cloned().ok_or_else(|| AppError::Internal(anyhow::anyhow!("no application state")))?;
    Ok(signed_in(req, &state).await?.ok_or(AppError::SignInRequired)?)
}

/// A handler that takes `Staff` runs for signed-in organisers only; anyone
/// else is sent to the sign-in page before any other extractor (a form's
/// CSRF check) runs, so take it before them.
impl actix_web::FromRequest for Staff {
    type Error = PageError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, PageError>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let staff = signed_in_or_refused(&req).await?;
            // A focal point works in `/admin/nominations` (see
            // `nominations::FocalPoint`); here it may only change its
            // password, sign out, and be sent to its own pages.
            if staff.focal_point && !matches!(req.path(), "/admin" | "/admin/password" | "/admin/logout") {
                return Err(AppError::Forbidden(crate::domain::message::Message::id("ws-focal-point-not-here")).into());
            }
            Ok(staff)
        })
    }
}

async fn home(staff: Staff) -> Result<HttpResponse, PageError> {
    Ok(crate::web::see_other(if staff.focal_point { "/admin/nominations" } else { "/admin/sessions" }))
}

async fn unknown(_staff: Staff) -> Result<HttpResponse, PageError> {
    Err(AppError::NotFound.into())
}
