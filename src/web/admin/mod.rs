//! The organisers' workspace under `/admin`. Every route but the login
//! form answers anonymous requests with a 303 to `/admin/login`.

pub mod csv_export;
mod login;
mod planner;
mod sessions;

use super::{State, blocking};
use crate::db::accounts::{self, User};
use crate::error::PageError;
use actix_web::{HttpRequest, HttpResponse, web};

pub const COOKIE: &str = "convene_admin";

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/admin")
            .app_data(web::PayloadConfig::new(64 * 1024))
            .configure(login::config)
            .configure(sessions::config)
            .configure(planner::config)
            .configure(csv_export::config)
            .route("", web::get().to(home))
            .default_service(web::to(unknown)),
    );
}

/// The signed-in organiser, if any.
pub async fn signed_in(req: &HttpRequest, state: &State) -> Result<Option<User>, PageError> {
    let Some(token) = req.cookie(COOKIE).map(|c| c.value().to_string()) else { return Ok(None) };
    blocking(&state.pool, move |conn| Ok::<_, PageError>(accounts::session_user(conn, &token, crate::db::now())?)).await
}

pub fn to_login() -> HttpResponse {
    HttpResponse::SeeOther().insert_header(("Location", "/admin/login")).finish()
}

/// Runs a handler for signed-in organisers only.
#[macro_export]
macro_rules! signed_in_or_login {
    ($req:expr, $state:expr) => {
        match $crate::web::admin::signed_in(&$req, &$state).await? {
            Some(user) => user,
            None => return Ok($crate::web::admin::to_login()),
        }
    };
}

async fn home(req: HttpRequest, state: State) -> Result<HttpResponse, PageError> {
    let _user = signed_in_or_login!(req, state);
    Ok(HttpResponse::SeeOther().insert_header(("Location", "/admin/sessions")).finish())
}

async fn unknown(req: HttpRequest, state: State) -> Result<HttpResponse, PageError> {
    let _user = signed_in_or_login!(req, state);
    Err(crate::error::AppError::NotFound.into())
}
