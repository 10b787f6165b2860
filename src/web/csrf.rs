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

pub fn refuse_bots(form: &Fields) -> Result<(), AppError> {
    if form.0.iter().any(|(n, v)| n == HONEYPOT && !v.trim().is_empty()) {
        return Err(AppError::BadRequest("This form could not be accepted.".into()));
    }
    Ok(())
}

/// A posted form's fields, in the order sent; repeated names (checkboxes)
/// keep every value.
#[derive(Debug, Default)]
pub struct Fields(pub Vec<(String, String)>);

impl<'de> serde::Deserialize<'de> for Fields {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<(String, String)>::deserialize(d).map(Self)
    }
}

impl Fields {
    /// The first value of a field, trimmed; empty when absent.
    pub fn get(&self, name: &str) -> String {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v.trim().to_string()).unwrap_or_default()
    }

    /// The first value of a field as sent, untrimmed (a password); None when absent.
    pub fn raw(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// Every value of a repeated field (checkboxes).
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(n, _)| n == name).map(|(_, v)| v.trim().to_string()).collect()
    }
}

fn read_pairs(body: &[u8]) -> Result<Vec<(String, String)>, AppError> {
    serde_urlencoded::from_bytes(body).map_err(|_| AppError::BadRequest("The form could not be read.".into()))
}

/// A posted form whose CSRF token matched its cookie, read into `T`
/// ([`Fields`] by default). The extractor refuses the request (403) before
/// the handler runs, so no handler can forget the check.
pub struct CsrfForm<T = Fields>(pub T);

impl<T> std::ops::Deref for CsrfForm<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: serde::de::DeserializeOwned + 'static> actix_web::FromRequest for CsrfForm<T> {
    type Error = crate::web::PageError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        let body = actix_web::web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            // Too large is a 413; any other failure to read the body, a 400.
            let body = body.await.map_err(|e| match e.as_response_error().status_code().as_u16() {
                413 => AppError::PayloadTooLarge,
                _ => AppError::BadRequest("The form could not be read.".into()),
            })?;
            let pairs = read_pairs(&body)?;
            verify(&req, pairs.iter().find(|(n, _)| n == FIELD).map(|(_, v)| v.as_str()))?;
            let value = serde_urlencoded::from_bytes(&body)
                .map_err(|e| AppError::BadRequest(format!("The form could not be read: {e}.")))?;
            Ok(Self(value))
        })
    }
}
