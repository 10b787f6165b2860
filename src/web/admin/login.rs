//! `/admin/login` and `/admin/logout`.

use super::COOKIE;
use crate::db::accounts::{self, LoginError};
use crate::domain::message::Message;
use crate::error::AppError;
use crate::web::PageError;
use crate::web::csrf::CsrfForm;
use crate::web::public::{Chrome, Viewer, render_status};
use crate::web::{State, blocking, csrf, rate_limit, secure_cookies};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/login", web::get().to(login_form))
        .route("/login", web::post().to(login))
        .route("/logout", web::post().to(logout));
}

#[derive(Template)]
#[template(path = "admin/login.html")]
struct LoginPage {
    chrome: Chrome,
    csrf: String,
    email: String,
    error: Option<Message>,
}

fn page(
    req: &HttpRequest,
    state: &State,
    email: String,
    error: Option<Message>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let empty = HashMap::new();
    let viewer = Viewer::from_request(req, &empty, crate::domain::zone::TimeZone::utc());
    let token = csrf::token(req)?;
    let page =
        LoginPage { chrome: Chrome::new(&viewer, &state.reference(), &empty), csrf: token.value.clone(), email, error };
    render_status(&page, status, [token.cookie])
}

async fn login_form(req: HttpRequest, state: State) -> Result<HttpResponse, PageError> {
    page(&req, &state, String::new(), None, StatusCode::OK)
}

async fn login(req: HttpRequest, state: State, form: CsrfForm) -> Result<HttpResponse, PageError> {
    let field = |k: &str| form.raw(k).unwrap_or_default().to_string();
    rate_limit(&req, &state)?;
    let (email, password) = (field("email"), field("password"));
    if email.len() > 254 || password.len() > 1024 {
        let refused = Some(Message::id("ws-login-refused"));
        return page(&req, &state, String::new(), refused, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let typed = email.clone();
    let client = crate::web::client_ip(&req)
        .map(|ip| crate::web::ratelimit::client_key(ip).to_string())
        .unwrap_or_else(|| "unknown".into());
    let address = accounts::login_key(&email);
    let known_device = super::device_cookie(&req, &state).is_some_and(|d| crate::domain::secret::same(&d, &address));
    let outcome = blocking(&state.pool, move |conn| {
        let client = accounts::Client { key: &client, known_device };
        let verdict =
            accounts::verify_login(conn, &email, &password, &client, crate::db::now()).map_err(AppError::Internal)?;
        Ok::<_, PageError>(match verdict {
            Ok(user) => Ok(accounts::start_session(conn, user.id).map_err(AppError::Internal)?),
            Err(e) => Err(e),
        })
    })
    .await?;
    match outcome {
        Ok(token) => signed_in(&req, &state, token, address),
        // The same words whether or not the email exists.
        Err(LoginError::Refused) => {
            page(&req, &state, typed, Some(Message::id("ws-login-refused")), StatusCode::UNAUTHORIZED)
        }
        Err(LoginError::Locked) => {
            page(&req, &state, typed, Some(Message::id("ws-login-locked")), StatusCode::TOO_MANY_REQUESTS)
        }
    }
}

/// Into the workspace with the session cookie, and this browser marked as
/// the account's own (see `accounts::MAX_ADDRESS_LOGINS`).
fn signed_in(req: &HttpRequest, state: &State, token: String, address: String) -> Result<HttpResponse, PageError> {
    let sealed = |cookie: Cookie<'static>, what: &str| {
        super::session_cookie(state, cookie)
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the {what} cookie could not be sealed")))
    };
    let session = Cookie::build(COOKIE, token)
        .path("/admin")
        .http_only(true)
        .secure(secure_cookies(req))
        .same_site(SameSite::Lax)
        .finish();
    let device = Cookie::build(super::DEVICE_COOKIE, address)
        .path("/admin/login")
        .http_only(true)
        .secure(secure_cookies(req))
        .same_site(SameSite::Strict)
        .max_age(actix_web::cookie::time::Duration::days(180))
        .finish();
    Ok(HttpResponse::SeeOther()
        .cookie(sealed(session, "session")?)
        .cookie(sealed(device, "device")?)
        .insert_header(("Location", "/admin"))
        .finish())
}

async fn logout(req: HttpRequest, state: State, _form: CsrfForm) -> Result<HttpResponse, PageError> {
    if let Some(token) = super::session_token(&req, &state) {
        blocking(&state.pool, move |conn| Ok::<_, PageError>(accounts::end_session(conn, &token)?)).await?;
    }
    let mut gone = Cookie::build(COOKIE, "").path("/admin").finish();
    gone.make_removal();
    Ok(HttpResponse::SeeOther().cookie(gone).insert_header(("Location", "/admin/login")).finish())
}
