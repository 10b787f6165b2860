//! Where email goes: an SMTP server (`CONVENE_SMTP_URL`, pooled), or `.eml`
//! files in `CONVENE_MAIL_DIR` when no SMTP server is configured.

use crate::db::models::OutboxRow;
use anyhow::Context;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::Path;

pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
}

/// A delivery that did not happen; permanent ones are not retried.
#[derive(Debug)]
pub struct SendError {
    pub permanent: bool,
    pub message: String,
}

impl Mailer {
    /// Must be called inside the tokio runtime (the SMTP pool spawns tasks).
    pub fn new(smtp_url: Option<&str>, mail_dir: &Path) -> anyhow::Result<Self> {
        match smtp_url {
            Some(url) => {
                // smtp://host:port is plain (local relays); smtps:// is
                // implicit TLS; ?tls=required asks for STARTTLS.
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .context("CONVENE_SMTP_URL is not a usable SMTP URL")?
                    .timeout(Some(std::time::Duration::from_secs(20)))
                    .pool_config(lettre::transport::smtp::PoolConfig::new().max_size(super::delivery::IN_FLIGHT as u32))
                    .build();
                Ok(Self::Smtp(transport))
            }
            None => {
                std::fs::create_dir_all(mail_dir)
                    .with_context(|| format!("cannot create mail folder {}", mail_dir.display()))?;
                Ok(Self::Files(AsyncFileTransport::<Tokio1Executor>::new(mail_dir)))
            }
        }
    }

    pub async fn send(&self, message: Message) -> Result<(), SendError> {
        match self {
            Self::Smtp(t) => t
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| SendError { permanent: e.is_permanent(), message: e.to_string() }),
            Self::Files(t) => {
                t.send(message).await.map(|_| ()).map_err(|e| SendError { permanent: false, message: e.to_string() })
            }
        }
    }
}

/// Builds the MIME message of an outbox row: text and HTML alternatives,
/// and for invites a `text/calendar; method=…` alternative plus the same
/// calendar as an `invite.ics` attachment (what Outlook, Gmail and Apple
/// Mail each look for). Names and subjects go through lettre's typed
/// headers, which encode them: user text cannot inject a header.
pub fn build(row: &OutboxRow, from: &Mailbox) -> Result<Message, SendError> {
    let permanent = |message: String| SendError { permanent: true, message };
    let address = row.recipient_email.parse().map_err(|e| permanent(format!("bad recipient address: {e}")))?;
    let to = Mailbox::new(Some(row.recipient_name.clone()), address);
    let mut builder = Message::builder()
        .message_id(Some(row.message_id.clone()))
        .from(from.clone())
        .to(to)
        .subject(row.subject.clone());
    if let Ok(reply) = row.reply_to.parse::<Mailbox>() {
        builder = builder.reply_to(reply);
    }
    let html = SinglePart::html(row.body_html.clone());
    let alternative = MultiPart::alternative().singlepart(SinglePart::plain(row.body_text.clone()));
    let alternative = if row.qr_text.is_empty() {
        alternative.singlepart(html)
    } else {
        // The check-in code's QR image, inline: the HTML shows cid:check-in-qr.
        let png = crate::pdf::qr_png(&row.qr_text, 6).map_err(|e| permanent(format!("QR image: {e}")))?;
        let kind = ContentType::parse("image/png").map_err(|e| permanent(format!("image type: {e}")))?;
        alternative.multipart(
            MultiPart::related()
                .singlepart(html)
                .singlepart(Attachment::new_inline("check-in-qr".to_string()).body(png, kind)),
        )
    };
    let message = if let (Some(bytes), false) = (&row.attachment, row.attachment_name.is_empty()) {
        // A file (a certificate): the text and HTML, then the file.
        let kind = ContentType::parse(&row.attachment_type).map_err(|e| permanent(format!("attachment type: {e}")))?;
        builder.multipart(
            MultiPart::mixed()
                .multipart(alternative)
                .singlepart(Attachment::new(row.attachment_name.clone()).body(bytes.clone(), kind)),
        )
    } else if row.ics.is_empty() {
        builder.multipart(alternative)
    } else {
        let calendar_type = ContentType::parse(&format!("text/calendar; charset=utf-8; method={}", row.ics_method))
            .map_err(|e| permanent(format!("calendar content type: {e}")))?;
        let attachment_type = ContentType::parse("application/ics; name=\"invite.ics\"")
            .map_err(|e| permanent(format!("attachment type: {e}")))?;
        let alternative = alternative.singlepart(SinglePart::builder().header(calendar_type).body(row.ics.clone()));
        builder.multipart(
            MultiPart::mixed()
                .multipart(alternative)
                .singlepart(Attachment::new("invite.ics".to_string()).body(row.ics.clone(), attachment_type)),
        )
    };
    message.map_err(|e| permanent(format!("message could not be built: {e}")))
}
