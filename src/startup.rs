//! The application: pool, reference data, HTTP server.

use crate::db::reference::Reference;
use crate::db::{self, Pool};
use crate::metrics::Metrics;
use crate::settings::Settings;
use crate::web::{self, AppState};
use actix_web::dev::Server;
use actix_web::{App, HttpServer, web::Data};
use anyhow::Context;
use std::net::TcpListener;
use std::sync::Arc;

pub struct Application {
    port: u16,
    base_url: String,
    server: Server,
}

/// Opens the database (creating and migrating it) and seeds reference data
/// and, if asked, the demo sessions. Every command starts here.
pub fn prepare_database(settings: &Settings) -> anyhow::Result<Pool> {
    let pool = db::connect(&settings.database_url, settings.db_pool_size)?;
    let mut conn = pool.get().context("cannot get a database connection")?;
    if db::reference::seed_if_empty(&mut conn)? {
        tracing::info!("seeded regions, partner countries, time zones and topics");
    }
    if settings.demo {
        let reference = db::reference::Reference::load(&mut conn)?;
        let added = db::demo::seed_if_empty(&mut conn, &reference)?;
        if added > 0 {
            tracing::info!(added, "added demo sessions (CONVENE_DEMO=false to start empty)");
        }
    }
    Ok(pool)
}

/// The database for a one-shot command: created, migrated and seeded with
/// reference data (never demo sessions), on a single connection.
pub fn open_database(settings: &Settings) -> anyhow::Result<db::DbConn> {
    let mut conn = db::connect_one(&settings.database_url)?;
    db::reference::seed_if_empty(&mut conn)?;
    Ok(conn)
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let for_db = settings.clone();
        let (pool, reference, keys) = tokio::task::spawn_blocking(move || {
            let pool = prepare_database(&for_db)?;
            let mut conn = pool.get()?;
            let reference = Reference::load(&mut conn)?;
            let keys = db::accounts::link_keys(&mut conn, for_db.secret_key.as_ref().map(|s| s.0.as_str()))?;
            drop(conn);
            anyhow::Ok((pool, reference, keys))
        })
        .await
        .context("database preparation panicked")??;
        let listener = TcpListener::bind(settings.bind)
            .with_context(|| format!("cannot listen on {} (CONVENE_BIND)", settings.bind))?;
        let local = listener.local_addr()?;
        let port = local.port();
        let base_url = settings.base_url.clone().unwrap_or_else(|| format!("http://{local}"));

        let mail_wake = Arc::new(tokio::sync::Notify::new());
        let mailer =
            crate::mail::transport::Mailer::new(settings.smtp_url.as_ref().map(|s| s.0.as_str()), &settings.mail_dir)?;
        let from: lettre::message::Mailbox =
            settings.mail_from.parse().context("CONVENE_MAIL_FROM is not a valid address")?;
        let reference = Arc::new(crate::db::reference::Cache::new(reference));
        let composer = crate::mail::Composer::new(keys.clone(), &base_url, &settings.mail_from, reference.clone());
        let files = crate::files::FileStore::open(&settings.files_dir).with_context(|| {
            format!("cannot create the files folder {} (CONVENE_FILES_DIR)", settings.files_dir.display())
        })?;
        let jobs = crate::jobs::Runner {
            pool: pool.clone(),
            reference: reference.clone(),
            delivery: crate::mail::delivery::Delivery { pool: pool.clone(), mailer: Arc::new(mailer), from },
            composer: composer.clone(),
            wake: mail_wake.clone(),
            poll: std::time::Duration::from_millis(settings.mail_poll_ms),
            reminder_hours: settings.reminder_hours,
            reminder_every: std::time::Duration::from_millis(settings.reminder_check_ms),
            retention_days: settings.retention_days,
        };
        tokio::spawn(jobs.run());
        if matches!(settings.database_url, db::DatabaseUrl::Sqlite(_)) {
            tokio::spawn(db::checkpoints(pool.clone()));
        }
        let state = Data::from(Arc::new(AppState {
            pool,
            base_url: base_url.clone(),
            limiter: crate::web::ratelimit::RateLimiter::new(settings.rate_limit_per_minute),
            settings,
            metrics: Metrics::default(),
            reference: reference.clone(),
            keys,
            composer,
            mail_wake,
            feeds: Default::default(),
            pages: Default::default(),
            files,
        }));
        tokio::spawn(crate::web::feeds::warm(state.clone()));
        let https = base_url.starts_with("https://");
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(web::not_found_for_bad_ids())
                .wrap(actix_web::middleware::from_fn(web::refuse_cross_site))
                .wrap(actix_web::middleware::from_fn(web::localize_error_pages))
                .wrap(actix_web::middleware::from_fn(web::observe))
                .wrap(web::security_headers(https))
                .wrap(actix_web::middleware::Compress::default())
                .wrap(tracing_actix_web::TracingLogger::<crate::telemetry::MaskedSpans>::new())
                .configure(web::configure)
        })
        .listen(listener)?
        .shutdown_timeout(20)
        .run();
        Ok(Self { port, base_url, server })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Runs until SIGINT or SIGTERM, then finishes requests in flight.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}
