//! One error type for requests, mapped to HTTP once: as RFC 9457 problem
//! JSON for the API ([`AppError`]) and as an HTML page for people
//! ([`PageError`]). Internal details go to the log, never to the client.

use crate::domain::fields::FieldErrors;
use crate::domain::message::Message;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde_json::json;

#[derive(thiserror::Error)]
pub enum AppError {
    #[error("some fields are not valid")]
    Validation(FieldErrors),
    #[error("{0}")]
    BadRequest(String),
    #[error("a valid API token is required")]
    Unauthorized,
    /// A workspace page asked for without a signed-in account: its page
    /// is the way to the sign-in form.
    #[error("sign in first")]
    SignInRequired,
    #[error("{0}")]
    Forbidden(Message),
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Conflict(Message),
    #[error("the request body is too large")]
    PayloadTooLarge,
    #[error("send JSON with Content-Type: application/json")]
    UnsupportedMediaType,
    #[error("this method is not allowed here; use {0}")]
    MethodNotAllowed(&'static str),
    #[error("too many requests from this address; try again in {0} seconds")]
    TooManyRequests(u64),
    #[error("{0}")]
    Unavailable(String),
    #[error("unexpected error")]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// What a refusal says to people, for pages that show it in their language.
    pub fn message(&self) -> Option<&Message> {
        match self {
            Self::Forbidden(m) | Self::Conflict(m) => Some(m),
            _ => None,
        }
    }

    /// Why something was not done, in `lang`: a refusal's message, or each
    /// bad field with its message ("Email: must contain @").
    pub fn reason_in(&self, lang: crate::domain::lang::Lang) -> String {
        match self {
            Self::Forbidden(m) | Self::Conflict(m) => m.in_lang(lang),
            Self::Validation(fields) => {
                let parts: Vec<String> = fields
                    .0
                    .iter()
                    .map(|(field, m)| format!("{field}{} {}", crate::i18n::t(lang, "colon"), m.in_lang(lang)))
                    .collect();
                parts.join("; ")
            }
            other => other.to_string(),
        }
    }
}

impl std::fmt::Debug for AppError {
    // The whole cause chain, for the log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Internal(e) => write!(f, "Internal({e:#})"),
            Self::Validation(e) => write!(f, "Validation({:?})", e.0),
            other => write!(f, "{other}"),
        }
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => Self::NotFound,
            // UnableToSendCommand: libpq could not even send the query, as
            // on a connection cut by a server restart.
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand, _) => {
                Self::Unavailable("the database is not answering; try again shortly".into())
            }
            Error::DatabaseError(_, ref info) if info.message().contains("database is locked") => {
                Self::Unavailable("the database is busy; try again shortly".into())
            }
            // SQLite's SQLITE_FULL, SQLITE_READONLY and SQLITE_IOERR: the
            // disk, not the request, is at fault, and the transaction was
            // rolled back, so the client may retry later.
            Error::DatabaseError(_, ref info)
                if ["disk is full", "readonly database", "disk I/O error"]
                    .iter()
                    .any(|m| info.message().contains(m)) =>
            {
                tracing::error!(error = info.message(), "the database cannot be written; check the disk");
                Self::Unavailable("the database cannot store anything right now; try again later".into())
            }
            other => Self::Internal(anyhow::Error::new(other).context("database query failed")),
        }
    }
}

impl From<crate::db::notify::NotifyError> for AppError {
    fn from(e: crate::db::notify::NotifyError) -> Self {
        use crate::db::notify::NotifyError;
        match e {
            NotifyError::Storage(e) => e.into(),
            NotifyError::Compose(e) => Self::Internal(e),
        }
    }
}

/// The application layer's errors share their variants' names and meaning.
macro_rules! app_error_from {
    ($($t:ty),+) => {$(
        impl From<$t> for AppError {
            fn from(e: $t) -> Self {
                type E = $t;
                match e {
                    E::NotFound => Self::NotFound,
                    E::Refused(m) => Self::Forbidden(m),
                    E::Invalid(f) => Self::Validation(f),
                    E::Conflict(m) => Self::Conflict(m),
                    E::Storage(e) => e.into(),
                    E::Internal(e) => Self::Internal(e),
                }
            }
        }
    )+};
}

app_error_from!(crate::registrations::RegistrationError, crate::sessions::SessionError);

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        tracing::warn!(error = %e, "no database connection available");
        Self::Unavailable("the database is not answering; try again shortly".into())
    }
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthorized | Self::SignInRequired => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Self::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn title(&self) -> &'static str {
        match self {
            Self::Validation(_) => "Invalid input",
            Self::BadRequest(_) => "Bad request",
            Self::Unauthorized | Self::SignInRequired => "Unauthorized",
            Self::Forbidden(_) => "Forbidden",
            Self::NotFound => "Not found",
            Self::Conflict(_) => "Conflict",
            Self::PayloadTooLarge => "Payload too large",
            Self::UnsupportedMediaType => "Unsupported media type",
            Self::MethodNotAllowed(_) => "Method not allowed",
            Self::TooManyRequests(_) => "Too many requests",
            Self::Unavailable(_) => "Service unavailable",
            Self::Internal(_) => "Internal error",
        }
    }

    pub fn retry_after(&self) -> Option<u64> {
        match self {
            Self::TooManyRequests(s) => Some(*s),
            Self::Unavailable(_) => Some(5),
            _ => None,
        }
    }

    pub fn log(&self) {
        if let Self::Internal(e) = self {
            tracing::error!(error = ?e, "request failed");
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        self.status()
    }

    fn error_response(&self) -> HttpResponse {
        self.log();
        let status = self.status();
        let mut body = json!({
            "type": "about:blank",
            "title": self.title(),
            "status": status.as_u16(),
            "detail": self.to_string(),
        });
        if let Self::Validation(errors) = self {
            body["errors"] = json!(errors.0);
        }
        let mut res = HttpResponse::build(status);
        res.content_type("application/problem+json");
        if matches!(self, Self::Unauthorized) {
            res.insert_header(("WWW-Authenticate", "Bearer"));
        }
        if let Self::MethodNotAllowed(allow) = self {
            res.insert_header(("Allow", *allow));
        }
        if let Some(seconds) = self.retry_after() {
            res.insert_header(("Retry-After", seconds.to_string()));
        }
        res.body(body.to_string())
    }
}
