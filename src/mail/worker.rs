//! The delivery worker inside `convene serve`: claims due outbox rows,
//! sends them a few at a time, marks each sent right after acceptance, and
//! queues the reminders that have come due.

use super::Composer;
use super::transport::{Mailer, build};
use crate::db::{self, Pool, outbox};
use lettre::message::Mailbox;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, Semaphore};

pub struct Worker {
    pub pool: Pool,
    pub mailer: Arc<Mailer>,
    pub from: Mailbox,
    pub composer: Composer,
    /// Woken when a request queued an email, so idle delivery is immediate.
    pub wake: Arc<Notify>,
    pub poll: Duration,
    pub reminder_hours: (i64, i64),
    pub reminder_every: Duration,
    /// Days after a session ends before its registrations are anonymised; 0: never.
    pub retention_days: i64,
}

const BATCH: i64 = 64;
/// Sends in flight at once, over as many pooled SMTP connections. lettre
/// 0.11.23 leaves Nagle on, so each message waits ~40 ms for the server's
/// delayed ACK (fixed upstream in lettre PR #1159, not yet released);
/// parallel connections make up the throughput meanwhile.
pub const IN_FLIGHT: usize = 16;

impl Worker {
    pub async fn run(self) {
        let mut last_reminders = std::time::Instant::now() - Duration::from_secs(3600);
        let mut next_purge = std::time::Instant::now() + Duration::from_secs(60);
        loop {
            if std::time::Instant::now() >= next_purge {
                // Sign-in counts whose windows ended long ago go daily too.
                if let Err(e) = self.blocking(|conn| Ok(db::accounts::prune_login_throttle(conn, db::now())?)).await {
                    tracing::warn!(error = %e, "sign-in counts not pruned; retrying tomorrow");
                }
            }
            if self.retention_days > 0 && std::time::Instant::now() >= next_purge {
                let days = self.retention_days;
                match self
                    .blocking(move |conn| {
                        db::privacy::purge(conn, days, db::now()).map_err(|e| anyhow::anyhow!("{e:?}"))
                    })
                    .await
                {
                    Ok(n) => tracing::info!(anonymised = n, days, "retention purge"),
                    Err(e) => tracing::warn!(error = %e, "retention purge failed; retrying tomorrow"),
                }
            }
            if std::time::Instant::now() >= next_purge {
                next_purge = std::time::Instant::now() + Duration::from_secs(24 * 3600);
            }
            if last_reminders.elapsed() >= self.reminder_every {
                last_reminders = std::time::Instant::now();
                if let Err(e) = self.queue_reminders().await {
                    tracing::warn!(error = %e, "reminders not queued this round");
                }
            }
            match self.deliver_batch().await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "outbox not reachable; retrying"),
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(self.poll.min(self.reminder_every)) => {}
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

    /// Sends one batch; returns how many rows it claimed.
    pub async fn deliver_batch(&self) -> anyhow::Result<usize> {
        let rows = self.blocking(|conn| Ok(outbox::claim(conn, db::now(), BATCH)?)).await?;
        let n = rows.len();
        let limit = Arc::new(Semaphore::new(IN_FLIGHT));
        let mut tasks = tokio::task::JoinSet::new();
        for row in rows {
            let permit = limit.clone().acquire_owned().await?;
            let mailer = self.mailer.clone();
            let pool = self.pool.clone();
            let from = self.from.clone();
            tasks.spawn(async move {
                let result = match build(&row, &from) {
                    Ok(message) => mailer.send(message).await,
                    Err(e) => Err(e),
                };
                let outcome = tokio::task::spawn_blocking(move || {
                    let mut conn = pool.get()?;
                    match result {
                        Ok(()) => outbox::mark_sent(&mut conn, row.id, db::now())?,
                        Err(e) => {
                            tracing::warn!(outbox_id = row.id, permanent = e.permanent, error = %e.message, "email not delivered");
                            outbox::mark_failed(&mut conn, &row, &e.message, e.permanent, db::now())?
                        }
                    }
                    anyhow::Ok(())
                })
                .await;
                drop(permit);
                if let Ok(Err(e)) | Err(e) = outcome.map_err(anyhow::Error::from) {
                    // The row keeps its lease and is retried after it expires.
                    tracing::error!(error = %e, "could not record a delivery");
                }
            });
        }
        while tasks.join_next().await.is_some() {}
        Ok(n)
    }

    async fn queue_reminders(&self) -> anyhow::Result<()> {
        let composer = self.composer.clone();
        let hours = self.reminder_hours;
        let n = self
            .blocking(move |conn| Ok(db::registrations::queue_reminders(conn, &composer, hours, db::now())?))
            .await?;
        if n > 0 {
            tracing::info!(reminders = n, "reminders queued");
            self.wake.notify_one();
        }
        Ok(())
    }
}
