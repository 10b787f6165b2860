//! Errors as pages people read: the same [`AppError`]s, rendered as an
//! HTML page in the site's frame (`base.html`) and the reader's language,
//! instead of a problem document.

use super::State;
use super::public::{Chrome, Viewer};
use crate::domain::lang::Lang;
use crate::error::AppError;
use crate::i18n;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use askama::Template;

/// The same errors, for pages people read.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct PageError(#[from] pub AppError);

/// Every error a request can meet becomes a page through [`AppError`].
macro_rules! page_error_from {
    ($($t:ty),+) => {$(
        impl From<$t> for PageError {
            fn from(e: $t) -> Self {
                Self(e.into())
            }
        }
    )+};
}

page_error_from!(
    diesel::result::Error,
    diesel::r2d2::PoolError,
    crate::db::notify::NotifyError,
    crate::registrations::RegistrationError,
    crate::sessions::SessionError
);

#[derive(Template)]
#[template(path = "errors/error.html")]
struct ErrorPage {
    chrome: Chrome,
    status: u16,
    heading: String,
    message: String,
}

impl ErrorPage {
    fn status_line(&self) -> String {
        self.chrome.t1("error-status", "status", self.status)
    }
}

impl PageError {
    /// The error page for the request that met it, in its reader's
    /// language and frame (see `web::localize_error_pages`).
    pub fn response_for(&self, req: &HttpRequest) -> HttpResponse {
        let chrome = match req.app_data::<State>() {
            Some(state) => {
                let viewer = Viewer::from_request(req, &Default::default(), crate::domain::zone::TimeZone::utc());
                Chrome::new(&viewer, &state.reference(), &Default::default())
            }
            None => Chrome::plain(crate::web::public::language(req)),
        };
        self.response_in(chrome)
    }

    /// The error page in `chrome`'s language. Errors are answered in
    /// English without the zone picker first (`ResponseError` has no
    /// request); the middleware answers again for the request.
    fn response_in(&self, chrome: Chrome) -> HttpResponse {
        let lang = chrome.lang;
        if let AppError::SignInRequired = self.0 {
            return HttpResponse::SeeOther().insert_header(("Location", "/admin/login")).finish();
        }
        let status = self.0.status();
        let t = |id: &str| i18n::t(lang, id);
        let (heading, message) = match &self.0 {
            AppError::NotFound => (t("error-not-found"), t("error-not-found-text")),
            AppError::Internal(_) => (t("error-internal"), t("error-internal-text")),
            AppError::Validation(errors) => (
                t("error-invalid"),
                errors.0.iter().map(|(k, v)| format!("{k} {}", v.in_lang(lang))).collect::<Vec<_>>().join("; "),
            ),
            AppError::TooManyRequests(seconds) => {
                (t("error-too-many"), i18n::message(lang, "error-too-many-text", &[("seconds", (*seconds).into())]))
            }
            AppError::Unavailable(_) => (t("error-unavailable"), t("error-unavailable-text")),
            AppError::Forbidden(m) => (t("error-forbidden"), m.in_lang(lang)),
            AppError::Conflict(m) => (t("error-conflict"), m.in_lang(lang)),
            other => (other.title().to_string(), other.to_string()),
        };
        let page = ErrorPage { chrome, status: status.as_u16(), heading, message };
        let mut res = HttpResponse::build(status);
        if let Some(seconds) = self.0.retry_after() {
            res.insert_header(("Retry-After", seconds.to_string()));
        }
        match page.render() {
            Ok(html) => res.content_type("text/html; charset=utf-8").body(crate::domain::bidi::markup(&html)),
            Err(_) => res.content_type("text/plain; charset=utf-8").body(page.heading.clone()),
        }
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self.0 {
            AppError::SignInRequired => StatusCode::SEE_OTHER,
            _ => self.0.status(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        self.0.log();
        self.response_in(Chrome::plain(Lang::En))
    }
}
