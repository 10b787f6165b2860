//! CSRF protection for HTML forms: a random token in an HttpOnly,
//! SameSite=Lax cookie, repeated in a hidden field; a POST whose field does
//! not match its cookie is refused with 403.

use crate::domain::secret::{new_secret, plausible, same};
use crate::error::AppError;
use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite};

pub const COOKIE: &str = "convene_csrf";
pub const FIELD: &str = "csrf_token";
const PREFIX: &str = "c_";

/// The token for a form, and the cookie to set when the visitor had none.
pub struct CsrfToken {
    pub value: String,
    pub cookie: Option<Cookie<'static>>,
}

pub fn token(req: &HttpRequest) -> Result<CsrfToken, AppError> {
    if let Some(c) = req.cookie(COOKIE).filter(|c| plausible(c.value(), PREFIX)) {
        return Ok(CsrfToken { value: c.value().to_string(), cookie: None });
    }
    let value = new_secret(PREFIX).map_err(|e| AppError::Internal(anyhow::anyhow!("no randomness: {e}")))?;
    let cookie = Cookie::build(COOKIE, value.clone())
        .path("/")
        .http_only(true)
        .secure(super::secure_cookies(req))
        .same_site(SameSite::Lax)
        .finish();
    Ok(CsrfToken { value, cookie: Some(cookie) })
}

pub fn verify(req: &HttpRequest, submitted: Option<&str>) -> Result<(), AppError> {
    let refused = || {
        AppError::Forbidden(
            "This form has expired or was not sent from Convene. Reload the page and submit it again.".into(),
        )
    };
    let cookie = req.cookie(COOKIE).ok_or_else(refused)?;
    let submitted = submitted.ok_or_else(refused)?;
    if plausible(cookie.value(), PREFIX) && same(cookie.value(), submitted) { Ok(()) } else { Err(refused()) }
}

/// The honeypot field of public forms: hidden from people, filled by bots.
pub const HONEYPOT: &str = "website";

pub fn refuse_bots(pairs: &[(String, String)]) -> Result<(), AppError> {
    if pairs.iter().any(|(n, v)| n == HONEYPOT && !v.trim().is_empty()) {
        return Err(AppError::BadRequest("This form could not be accepted.".into()));
    }
    Ok(())
}

/// A posted form whose CSRF token has been checked.
pub struct Form(pub Vec<(String, String)>);

impl Form {
    pub fn read(req: &HttpRequest, body: &[u8]) -> Result<Self, AppError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body)
            .map_err(|_| AppError::BadRequest("The form could not be read.".into()))?;
        verify(req, pairs.iter().find(|(n, _)| n == FIELD).map(|(_, v)| v.as_str()))?;
        Ok(Self(pairs))
    }

    /// The first value of a field, trimmed; empty when absent.
    pub fn get(&self, name: &str) -> String {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v.trim().to_string()).unwrap_or_default()
    }

    /// Every value of a repeated field (checkboxes).
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(n, _)| n == name).map(|(_, v)| v.trim().to_string()).collect()
    }
}
