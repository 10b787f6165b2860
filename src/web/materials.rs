//! A session's materials as pages list them and as files are served, for
//! the workspace, the session's public page and a registrant's own page
//! alike; who may open which is decided by the caller
//! (`domain::material::registrant_may_open`).

use crate::db::models::MaterialRow;
use crate::domain::lang::Lang;
use crate::domain::material::{self, Audience};
use crate::error::AppError;
use crate::web::{PageError, State};
use actix_web::{HttpResponse, web};

/// One material as a page lists it, with the address it opens at for
/// this reader (a link's own address, or a download route).
pub struct MaterialLine {
    pub id: i32,
    pub title: String,
    pub href: String,
    pub is_file: bool,
    /// "PDF, 2.4 MB", or the link's host.
    pub detail: String,
    pub registrants_only: bool,
    pub audience: String,
}

impl MaterialLine {
    /// `files_at`: the route files download from, before the material's id.
    pub fn new(m: &MaterialRow, files_at: &str, lang: Lang) -> Self {
        let detail = if m.is_file() {
            let ext = m.file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_uppercase()).unwrap_or_default();
            [ext, material::size_label(m.size_bytes)]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            url::Url::parse(&m.url).ok().and_then(|u| u.host_str().map(String::from)).unwrap_or_default()
        };
        MaterialLine {
            id: m.id,
            title: m.title.clone(),
            href: if m.is_file() { format!("{files_at}/{}", m.id) } else { m.url.clone() },
            is_file: m.is_file(),
            detail,
            registrants_only: m.audience == Audience::Registrants,
            audience: crate::i18n::t(lang, &format!("material-audience-{}", m.audience.as_str())),
        }
    }
}

/// The lines of a session's materials that `keep` lets through.
pub fn lines(
    list: &[MaterialRow],
    files_at: &str,
    lang: Lang,
    keep: impl Fn(&MaterialRow) -> bool,
) -> Vec<MaterialLine> {
    list.iter().filter(|m| keep(m)).map(|m| MaterialLine::new(m, files_at, lang)).collect()
}

/// Removes stored files after the change that let go of them committed; a
/// file that cannot be removed is only logged (it is no longer reachable).
pub async fn remove_files(state: &State, names: Vec<String>) {
    if names.is_empty() {
        return;
    }
    let files = state.files.clone();
    let done = web::block(move || {
        for name in names {
            if let Err(e) = files.remove(&name) {
                tracing::warn!(error = %e, file = %name, "a removed material's file is still on disk");
            }
        }
    })
    .await;
    if let Err(e) = done {
        tracing::warn!(error = %e, "removing materials' files failed");
    }
}

/// A stored file as a download, whatever it holds: an attachment under its
/// safe name, its type only when its first bytes agreed, and a sandbox so
/// that a browser that renders it anyway runs nothing. Links have no
/// download (their address is on the page).
pub async fn serve(state: &State, row: MaterialRow) -> Result<HttpResponse, PageError> {
    if !row.is_file() {
        return Err(AppError::NotFound.into());
    }
    let (files, name) = (state.files.clone(), row.stored_name.clone());
    let bytes = web::block(move || files.read(&name))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("a material's file is missing")))?;
    let cache = if row.audience == Audience::Public { "public, max-age=300" } else { "private, no-store" };
    Ok(HttpResponse::Ok()
        .content_type(row.content_type.as_str())
        .insert_header(("Content-Disposition", material::attachment(&row.file_name)))
        .insert_header(("Content-Security-Policy", "sandbox; default-src 'none'"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header(("Cache-Control", cache))
        .insert_header(("Referrer-Policy", "no-referrer"))
        .body(bytes))
}
