//! Configuration from the environment, read once at start. A bad value stops
//! start-up with one line naming the variable.

use crate::db::DatabaseUrl;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Settings {
    pub database_url: DatabaseUrl,
    pub bind: SocketAddr,
    /// Absolute URL the service is reached at, without trailing slash;
    /// unset: `http://` and the address actually bound.
    pub base_url: Option<String>,
    pub smtp_url: Option<Secret>,
    pub mail_dir: PathBuf,
    pub mail_from: String,
    /// Requests per minute per client IP on registration, link recovery and
    /// login; 0 turns the limit off.
    pub rate_limit_per_minute: u32,
    pub demo: bool,
    pub log_json: bool,
    pub db_pool_size: u32,
    /// Key for participants' links; unset: generated and kept in the database.
    pub secret_key: Option<Secret>,
    /// How often the email worker looks for due mail when nothing woke it.
    pub mail_poll_ms: u64,
    /// Hours before the start at which the two reminders go out (0: none).
    pub reminder_hours: (i64, i64),
    /// How often the worker looks for reminders that came due.
    pub reminder_check_ms: u64,
    /// Personal data is anonymised this many days after a session ends (0: kept).
    pub retention_days: i64,
    /// When set, `/metrics` answers only requests bearing this token.
    pub metrics_token: Option<Secret>,
    /// Certificates' numbers start with it: CBRN-2027-000123.
    pub certificate_prefix: String,
    /// Where uploaded materials are kept.
    pub files_dir: PathBuf,
    /// The largest upload accepted, in bytes.
    pub max_upload_bytes: u64,
}

/// A value that must never reach a log.
#[derive(Clone)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{variable}: {message}")]
pub struct SettingsError {
    pub variable: &'static str,
    pub message: String,
}

/// The variables Convene reads, with their defaults, for `--help` and the README.
pub const VARIABLES: &[(&str, &str, &str)] = &[
    ("CONVENE_DATABASE_URL", "sqlite://data/convene.db", "sqlite://PATH or postgres://USER@HOST/DB"),
    ("CONVENE_BIND", "127.0.0.1:8080", "address and port to listen on"),
    ("CONVENE_BASE_URL", "http://<CONVENE_BIND>", "public URL used in links, emails and feeds"),
    ("CONVENE_SMTP_URL", "(unset)", "smtp://host:port; unset writes .eml files to CONVENE_MAIL_DIR"),
    ("CONVENE_MAIL_DIR", "data/outbox", "folder for .eml files when no SMTP URL is set"),
    ("CONVENE_MAIL_FROM", "Convene <convene@localhost>", "sender of every email"),
    ("CONVENE_RATE_LIMIT_PER_MINUTE", "30", "per client IP for registrations, link recovery and login; 0 = off"),
    ("CONVENE_DEMO", "true", "false: no demo sessions on an empty database"),
    ("CONVENE_LOG_FORMAT", "text", "text or json"),
    ("CONVENE_LOG", "info", "log filter (tracing env-filter syntax)"),
    ("CONVENE_DB_POOL_SIZE", "8", "database connections per process"),
    ("CONVENE_REMINDER_HOURS", "24,1", "hours before the start of the two reminder emails (0 turns one off)"),
    (
        "CONVENE_RETENTION_DAYS",
        "365",
        "days after a session ends before its registrations are anonymised; 0 keeps them",
    ),
    ("CONVENE_SECRET_KEY", "(generated, kept in the database)", "at least 32 characters; links derive from it"),
    ("CONVENE_METRICS_TOKEN", "(unset: /metrics is open)", "when set, /metrics needs it as a bearer token"),
    ("CONVENE_CERTIFICATE_PREFIX", "CBRN", "what certificates' numbers start with: CBRN-2027-000123"),
    ("CONVENE_FILES_DIR", "data/files", "folder for the materials organisers upload"),
    ("CONVENE_MAX_UPLOAD_MB", "25", "largest material upload, in megabytes (1 to 1024)"),
];

pub fn variables_help() -> String {
    let mut s = String::from("Environment:\n");
    for (name, default, what) in VARIABLES {
        s.push_str(&format!("  {name:<31} {what} [default: {default}]\n"));
    }
    s
}

impl Settings {
    pub fn from_env() -> Result<Self, SettingsError> {
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, SettingsError> {
        let var = |name: &'static str, default: &str| {
            get(name).filter(|v| !v.trim().is_empty()).unwrap_or_else(|| default.to_string())
        };
        let err = |variable: &'static str, message: String| SettingsError { variable, message };

        let database_url = DatabaseUrl::parse(&var("CONVENE_DATABASE_URL", "sqlite://data/convene.db"))
            .map_err(|m| err("CONVENE_DATABASE_URL", m))?;
        let bind: SocketAddr = var("CONVENE_BIND", "127.0.0.1:8080")
            .parse()
            .map_err(|_| err("CONVENE_BIND", "must be an address and port such as 127.0.0.1:8080".into()))?;
        let base_url = match get("CONVENE_BASE_URL").filter(|v| !v.trim().is_empty()) {
            Some(u) if u.starts_with("http://") || u.starts_with("https://") => {
                Some(u.trim_end_matches('/').to_string())
            }
            Some(_) => {
                return Err(err("CONVENE_BASE_URL", "must start with http:// or https://".into()));
            }
            None => None,
        };
        let smtp_url = match get("CONVENE_SMTP_URL").filter(|v| !v.trim().is_empty()) {
            Some(u) if u.starts_with("smtp://") || u.starts_with("smtps://") => Some(Secret(u)),
            Some(_) => {
                return Err(err("CONVENE_SMTP_URL", "must start with smtp:// or smtps://".into()));
            }
            None => None,
        };
        let mail_dir = PathBuf::from(var("CONVENE_MAIL_DIR", "data/outbox"));
        let mail_from = var("CONVENE_MAIL_FROM", "Convene <convene@localhost>");
        if mail_from.contains(['\r', '\n']) || !mail_from.contains('@') {
            return Err(err("CONVENE_MAIL_FROM", "must be an address such as Convene <events@example.org>".into()));
        }
        let rate_limit_per_minute = var("CONVENE_RATE_LIMIT_PER_MINUTE", "30")
            .parse()
            .map_err(|_| err("CONVENE_RATE_LIMIT_PER_MINUTE", "must be a whole number (0 turns limits off)".into()))?;
        let demo = parse_bool(&var("CONVENE_DEMO", "true"))
            .ok_or_else(|| err("CONVENE_DEMO", "must be true or false".into()))?;
        let log_json = match var("CONVENE_LOG_FORMAT", "text").as_str() {
            "text" => false,
            "json" => true,
            _ => return Err(err("CONVENE_LOG_FORMAT", "must be text or json".into())),
        };
        let db_pool_size = var("CONVENE_DB_POOL_SIZE", "8")
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=256).contains(n))
            .ok_or_else(|| err("CONVENE_DB_POOL_SIZE", "must be a number from 1 to 256".into()))?;
        let secret_key = match get("CONVENE_SECRET_KEY").filter(|v| !v.is_empty()) {
            Some(k) if k.len() >= 32 => Some(Secret(k)),
            Some(_) => {
                return Err(err("CONVENE_SECRET_KEY", "must be at least 32 characters".into()));
            }
            None => None,
        };
        let reminder_hours = {
            let text = var("CONVENE_REMINDER_HOURS", "24,1");
            let parts: Vec<Option<i64>> =
                text.split(',').map(|p| p.trim().parse::<i64>().ok().filter(|h| (0..=24 * 14).contains(h))).collect();
            match parts.as_slice() {
                [Some(a), Some(b)] if a == &0 || b == &0 || a > b => (*a, *b),
                _ => {
                    return Err(err(
                        "CONVENE_REMINDER_HOURS",
                        "must be two numbers of hours, the larger first, such as 24,1".into(),
                    ));
                }
            }
        };
        let retention_days =
            var("CONVENE_RETENTION_DAYS", "365").parse::<i64>().ok().filter(|d| (0..=36_500).contains(d)).ok_or_else(
                || err("CONVENE_RETENTION_DAYS", "must be a number of days from 0 (keep) to 36500".into()),
            )?;
        let metrics_token = match get("CONVENE_METRICS_TOKEN").filter(|v| !v.is_empty()) {
            Some(t) if t.len() >= 16 && t.bytes().all(|b| b.is_ascii_graphic()) => Some(Secret(t)),
            Some(_) => {
                return Err(err("CONVENE_METRICS_TOKEN", "must be at least 16 visible ASCII characters".into()));
            }
            None => None,
        };
        let certificate_prefix = var("CONVENE_CERTIFICATE_PREFIX", "CBRN");
        if certificate_prefix.is_empty()
            || certificate_prefix.len() > 16
            || !certificate_prefix.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            return Err(err("CONVENE_CERTIFICATE_PREFIX", "must be 1 to 16 letters or digits, such as CBRN".into()));
        }
        let files_dir = PathBuf::from(var("CONVENE_FILES_DIR", "data/files"));
        let max_upload_bytes = var("CONVENE_MAX_UPLOAD_MB", "25")
            .parse::<u64>()
            .ok()
            .filter(|mb| (1..=1024).contains(mb))
            .map(|mb| mb * 1_000_000)
            .ok_or_else(|| err("CONVENE_MAX_UPLOAD_MB", "must be a number of megabytes from 1 to 1024".into()))?;
        Ok(Self {
            files_dir,
            max_upload_bytes,
            certificate_prefix,
            metrics_token,
            retention_days,
            mail_poll_ms: 5000,
            reminder_check_ms: 30_000,
            reminder_hours,
            secret_key,
            database_url,
            bind,
            base_url,
            smtp_url,
            mail_dir,
            mail_from,
            rate_limit_per_minute,
            demo,
            log_json,
            db_pool_size,
        })
    }
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn from(pairs: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Settings::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_match_the_brief() {
        let s = from(&[]).expect("defaults are valid");
        assert_eq!(s.database_url, DatabaseUrl::Sqlite("data/convene.db".into()));
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(s.base_url, None);
        assert!(s.smtp_url.is_none());
        assert!(s.demo);
    }

    #[test]
    fn a_bad_value_names_its_variable() {
        for (k, v) in [
            ("CONVENE_BIND", "nowhere"),
            ("CONVENE_DATABASE_URL", "mysql://x"),
            ("CONVENE_DEMO", "maybe"),
            ("CONVENE_SMTP_URL", "http://x"),
        ] {
            let e = from(&[(k, v)]).expect_err("invalid");
            assert_eq!(e.variable, k);
        }
    }

    #[test]
    fn secrets_are_not_printed() {
        let s = from(&[
            ("CONVENE_SMTP_URL", "smtp://user:hunter2@127.0.0.1:25"),
            ("CONVENE_DATABASE_URL", "postgres://u:hunter2@db/convene"),
        ])
        .expect("valid");
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}
