//! What every request shares: the pool, settings, caches and the mail
//! composer. Built once by `startup::Application`.

use crate::db::Pool;
use crate::db::reference::Reference;
use crate::metrics::Metrics;
use crate::settings::Settings;
use std::sync::Arc;

/// Shared by every request.
pub struct AppState {
    pub pool: Pool,
    /// `CONVENE_BASE_URL`, or the address actually bound.
    pub base_url: String,
    pub settings: Settings,
    pub metrics: Metrics,
    /// Regions, countries, zones and topics change rarely (admin edits);
    /// every page and registration needs them. Read them only from here.
    pub reference: Arc<crate::db::reference::Cache>,
    pub limiter: crate::web::ratelimit::RateLimiter,
    pub keys: crate::domain::secret::Keys,
    /// Composes emails into the outbox inside each change's transaction.
    pub composer: crate::mail::Composer,
    /// Wakes the delivery worker after a request queued an email.
    pub mail_wake: Arc<tokio::sync::Notify>,
    pub feeds: crate::web::feeds::FeedCache,
    /// Rendered public pages (see `web::page_cache`).
    pub pages: crate::web::page_cache::PageCache,
    /// Uploaded materials (`CONVENE_FILES_DIR`).
    pub files: crate::files::FileStore,
}

impl AppState {
    pub fn mail_queued(&self) {
        self.mail_wake.notify_one();
    }

    pub fn reference(&self) -> Arc<Reference> {
        self.reference.get()
    }

    /// How certificates are numbered and where they point.
    pub fn issuer(&self) -> crate::certificates::Issuer {
        crate::certificates::Issuer {
            prefix: self.settings.certificate_prefix.clone(),
            base_url: self.base_url.clone(),
        }
    }
}
