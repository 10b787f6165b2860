//! Delivery of the outbox inside `convene serve` (run by `crate::jobs`):
//! claims due rows, sends them a few at a time, and records each outcome
//! as soon as it is known.

use super::transport::{Mailer, SendError, build};
use crate::db::models::OutboxRow;
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
            let ids = db::unseen_write(&mut conn, |conn| outbox::claim(conn, db::now(), BATCH))?;
            anyhow::Ok(outbox::rows(&mut conn, &ids)?)
        })
        .await??;
        let n = rows.len();
        let limit = Arc::new(Semaphore::new(IN_FLIGHT));
        let (done, mut outcomes) = tokio::sync::mpsc::unbounded_channel();
        let mut tasks = tokio::task::JoinSet::new();
        for row in rows {
            let permit = limit.clone().acquire_owned().await?;
            let mailer = self.mailer.clone();
            let from = self.from.clone();
            let done = done.clone();
            tasks.spawn(async move {
                let result = match build(&row, &from) {
                    Ok(message) => mailer.send(message).await,
                    Err(e) => Err(e),
                };
                drop(permit);
                // The receiver outlives every sender: it reads to the end.
                let _ = done.send((row, result));
            });
        }
        drop(done);
        // Each outcome is recorded as soon as the last record is done,
        // with whatever else arrived meanwhile, in one transaction: one
        // commit (one flush of the log) for a group of emails, not one each.
        while let Some(first) = outcomes.recv().await {
            let mut group = vec![first];
            while let Ok(more) = outcomes.try_recv() {
                group.push(more);
            }
            let pool = self.pool.clone();
            let recorded = tokio::task::spawn_blocking(move || {
                let mut conn = pool.get()?;
                anyhow::Ok(db::unseen_write(&mut conn, |conn| record(conn, &group))?)
            })
            .await;
            if let Ok(Err(e)) | Err(e) = recorded.map_err(anyhow::Error::from) {
                // The rows keep their lease and are retried after it expires.
                tracing::error!(error = %e, "could not record a delivery");
            }
        }
        while tasks.join_next().await.is_some() {}
        Ok(n)
    }
}

/// Marks what was sent, and what failed for a retry or for good.
fn record(conn: &mut db::DbConn, group: &[(OutboxRow, Result<(), SendError>)]) -> diesel::QueryResult<()> {
    let now = db::now();
    let sent: Vec<i32> = group.iter().filter(|(_, r)| r.is_ok()).map(|(row, _)| row.id).collect();
    outbox::mark_sent(conn, &sent, now)?;
    for (row, result) in group {
        if let Err(e) = result {
            tracing::warn!(outbox_id = row.id, permanent = e.permanent, error = %e.message, "email not delivered");
            outbox::mark_failed(conn, row, &e.message, e.permanent, now)?;
        }
    }
    Ok(())
}
