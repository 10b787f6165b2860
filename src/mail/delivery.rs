//! Delivery of the outbox inside `convene serve` (run by `crate::jobs`):
//! claims due rows, sends them a few at a time, marks each sent right
//! after acceptance.

use super::transport::{Mailer, build};
use crate::db::{self, Pool, outbox};
use lettre::message::Mailbox;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// Sends what the outbox holds: claims due rows, sends them a few at a
/// time, and marks each sent right after the server accepted it.
#[derive(Clone)]
pub struct Delivery {
    pub pool: Pool,
    pub mailer: Arc<Mailer>,
    pub from: Mailbox,
}

const BATCH: i64 = 64;
/// Sends in flight at once, over as many pooled SMTP connections. lettre
/// 0.11.23 leaves Nagle on, so each message waits ~40 ms for the server's
/// delayed ACK (fixed upstream in lettre PR #1159, not yet released);
/// parallel connections make up the throughput meanwhile.
pub const IN_FLIGHT: usize = 16;

impl Delivery {
    /// Sends one batch; returns how many rows it claimed.
    pub async fn deliver_batch(&self) -> anyhow::Result<usize> {
        let pool = self.pool.clone();
        let rows = tokio::task::spawn_blocking(move || {
            let mut conn = pool.get()?;
            anyhow::Ok(outbox::claim(&mut conn, db::now(), BATCH)?)
        })
        .await??;
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
}
