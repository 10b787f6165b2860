//! What `convene serve` does without being asked: delivering the outbox,
//! queuing reminders as they come due, lapsing unanswered nominations, the
//! daily retention purge, asking for feedback after sessions (and one
//! reminder), and picking up reference data that another
//! instance changed.
//! Each job is a plain function over a connection (`reminders`,
//! `retention`), callable from the CLI and tests; this loop only decides
//! when each runs.

pub mod reminders;
pub mod retention;

use crate::db::{self, Pool};
use crate::mail::Composer;
use crate::mail::delivery::Delivery;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Notify;

/// How often each instance asks whether the reference data changed: one
/// one-row query; an edit elsewhere shows here within this time.
const REFERENCE_CHECK: Duration = Duration::from_secs(2);

pub struct Runner {
    pub pool: Pool,
    pub reference: Arc<crate::db::reference::Cache>,
    pub delivery: Delivery,
    pub composer: Composer,
    /// Woken when a request queued an email, so idle delivery is immediate.
    pub wake: Arc<Notify>,
    pub poll: Duration,
    pub reminder_hours: (i64, i64),
    pub reminder_every: Duration,
    /// Days after a session ends before its registrations are anonymised; 0: never.
    pub retention_days: i64,
}

impl Runner {
    pub async fn run(self) {
        let mut last_reminders = Instant::now() - Duration::from_secs(3600);
        let mut next_purge = Instant::now() + Duration::from_secs(60);
        let mut last_reference = Instant::now();
        loop {
            if last_reference.elapsed() >= REFERENCE_CHECK {
                last_reference = Instant::now();
                self.reference().await;
            }
            if Instant::now() >= next_purge {
                next_purge = Instant::now() + Duration::from_secs(24 * 3600);
                self.daily().await;
            }
            if last_reminders.elapsed() >= self.reminder_every {
                last_reminders = Instant::now();
                self.reminders().await;
                self.feedback().await;
                self.lapse_nominations().await;
            }
            match self.delivery.deliver_batch().await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "outbox not reachable; retrying"),
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(self.poll.min(self.reminder_every).min(REFERENCE_CHECK)) => {}
            }
        }
    }

    async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut db::DbConn) -> anyhow::Result<T> + Send + 'static,
    ) -> anyhow::Result<T> {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await?
    }

    async fn daily(&self) {
        // Sign-in counts whose windows ended long ago go daily too.
        if let Err(e) = self.blocking(|conn| Ok(db::accounts::prune_login_throttle(conn, db::now())?)).await {
            tracing::warn!(error = %e, "sign-in counts not pruned; retrying tomorrow");
        }
        if self.retention_days > 0 {
            let days = self.retention_days;
            match self.blocking(move |conn| retention::purge(conn, days, db::now())).await {
                Ok(n) => tracing::info!(anonymised = n, days, "retention purge"),
                Err(e) => tracing::warn!(error = %e, "retention purge failed; retrying tomorrow"),
            }
        }
    }

    async fn reference(&self) {
        let cache = self.reference.clone();
        match self.blocking(move |conn| Ok(cache.refresh(conn)?)).await {
            Ok(true) => tracing::info!("reference data changed elsewhere; reloaded"),
            Ok(false) => {}
            Err(e) => tracing::warn!(error = %e, "reference data not checked this round"),
        }
    }

    /// Unanswered nominations whose time is up free their places.
    async fn lapse_nominations(&self) {
        let composer = self.composer.clone();
        let result = self
            .blocking(move |conn| Ok(crate::registrations::nominations::lapse_due(conn, db::now(), &composer)?))
            .await;
        match result {
            Ok(n) if n > 0 => {
                tracing::info!(lapsed = n, "unanswered nominations lapsed");
                self.wake.notify_one();
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "nominations not checked this round"),
        }
    }

    /// Feedback forms that came due, and their one reminder.
    async fn feedback(&self) {
        let composer = self.composer.clone();
        let result = self
            .blocking(move |conn| {
                let now = db::now();
                let asked = crate::registrations::feedback::send_due(conn, &composer.keys, &composer, now)?;
                let reminded = crate::registrations::feedback::remind_due(conn, &composer, now)?;
                Ok((asked, reminded))
            })
            .await;
        match result {
            Ok((0, 0)) => {}
            Ok((asked, reminded)) => {
                tracing::info!(asked, reminded, "feedback emails queued");
                self.wake.notify_one();
            }
            Err(e) => tracing::warn!(error = %e, "feedback not sent this round"),
        }
    }

    async fn reminders(&self) {
        let composer = self.composer.clone();
        let hours = self.reminder_hours;
        match self.blocking(move |conn| reminders::queue(conn, &composer, hours, db::now())).await {
            Ok(n) if n > 0 => {
                tracing::info!(reminders = n, "reminders queued");
                self.wake.notify_one();
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "reminders not queued this round"),
        }
    }
}
