//! A session's materials in the workspace: add a link, upload a file,
//! download or remove one. The rules are in `crate::sessions::materials`
//! and `domain::material`; files are kept by `crate::files`.

use super::Staff;
use super::edit::load;
use super::registrations::back_to;
use crate::db::ids::SessionId;
use crate::domain::material::{self, MaterialInput};
use crate::domain::message::Message;
use crate::error::AppError;
use crate::sessions::materials::StoredFile;
use crate::web::csrf::{self, CsrfForm, Fields};
use crate::web::materials::{remove_files, serve};
use crate::web::{PageError, State, blocking};
use actix_multipart::Multipart;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/sessions/{id}/materials/link", web::post().to(add_link))
        .route("/sessions/{id}/materials/file", web::post().to(upload))
        .route("/sessions/{id}/materials/{material}", web::get().to(download))
        .route("/sessions/{id}/materials/{material}/remove", web::post().to(remove));
}

async fn add_link(
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let session_id = load(&state, &staff, *id).await?.id();
    let input = MaterialInput::parse(&form.get("title"), &form.get("audience"), Some(&form.get("url")))
        .map_err(AppError::Validation)?;
    let tell = !form.get("tell").is_empty();
    save(&state, &staff, session_id, input, None, tell).await
}

/// Stores the material and goes back to the session's page saying so.
async fn save(
    state: &State,
    staff: &Staff,
    session_id: SessionId,
    input: MaterialInput,
    file: Option<StoredFile>,
    tell: bool,
) -> Result<HttpResponse, PageError> {
    let (actor, notifier) = (staff.acting(), state.composer.clone());
    let title = input.title.clone();
    let stored = file.as_ref().map(|f| f.stored_name.clone());
    let added = blocking(&state.pool, move |conn| {
        crate::sessions::materials::add(conn, session_id, &input, file.as_ref(), tell, &notifier, &actor)
            .map_err(AppError::from)
    })
    .await;
    if let Err(e) = added {
        // Not recorded: the file it would have described goes too.
        remove_files(state, stored.into_iter().collect()).await;
        return Err(e.into());
    }
    if tell {
        state.mail_queued();
    }
    let done =
        Message::new(if tell { "ws-done-material-told" } else { "ws-done-material" }, vec![("title", title.into())]);
    Ok(back_to_materials(state, session_id, done))
}

fn back_to_materials(state: &State, id: SessionId, done: Message) -> HttpResponse {
    back_to(state, id, done, "materials")
}

/// A text part of an upload form may be this long at most.
const FIELD_LIMIT: usize = 4096;

/// Reads an upload form: its text fields, then the file. The CSRF token
/// (the form's first field) is checked before a byte of the file is
/// read, and the file is refused (413) as soon as it passes the limit.
pub(super) async fn read_upload(
    req: &HttpRequest,
    mut parts: Multipart,
    limit: u64,
) -> Result<(Fields, Option<(String, Vec<u8>)>), AppError> {
    let unreadable = || AppError::BadRequest("The upload could not be read.".into());
    let mut fields = Fields::default();
    let mut file = None;
    while let Some(part) = parts.next().await {
        let mut part = part.map_err(|_| unreadable())?;
        let name = part.name().unwrap_or_default().to_string();
        let sent_name = part.content_disposition().and_then(|d| d.get_filename()).map(String::from);
        if name == "file" {
            csrf::verify(req, fields.raw(csrf::FIELD))?;
            let mut bytes = Vec::new();
            while let Some(chunk) = part.next().await {
                let chunk = chunk.map_err(|_| unreadable())?;
                if (bytes.len() + chunk.len()) as u64 > limit {
                    return Err(AppError::PayloadTooLarge);
                }
                bytes.extend_from_slice(&chunk);
            }
            if let Some(sent) = sent_name.filter(|_| !bytes.is_empty()) {
                file = Some((sent, bytes));
            }
        } else {
            let mut text = Vec::new();
            while let Some(chunk) = part.next().await {
                text.extend_from_slice(&chunk.map_err(|_| unreadable())?);
                if text.len() > FIELD_LIMIT || fields.0.len() > 16 {
                    return Err(unreadable());
                }
            }
            fields.0.push((name, String::from_utf8(text).map_err(|_| unreadable())?));
        }
    }
    // A form without a file part still needs its token.
    csrf::verify(req, fields.raw(csrf::FIELD))?;
    Ok((fields, file))
}

async fn upload(
    req: HttpRequest,
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
    parts: Multipart,
) -> Result<HttpResponse, PageError> {
    let session_id = load(&state, &staff, *id).await?.id();
    let (fields, file) = read_upload(&req, parts, state.settings.max_upload_bytes).await?;
    let input = MaterialInput::parse(&fields.get("title"), &fields.get("audience"), None);
    let (input, (sent, bytes)) = match (input, file) {
        (Ok(input), Some(file)) => (input, file),
        (input, file) => {
            let mut errors = input.err().unwrap_or_default();
            if file.is_none() {
                errors.add("file", Message::id("err-material-file"));
            }
            return Err(AppError::Validation(errors).into());
        }
    };
    let file_name = material::safe_file_name(&sent);
    let content_type = material::served_type(&file_name, &bytes[..bytes.len().min(16)]);
    let stored_name = crate::files::FileStore::new_name().map_err(|e| AppError::Internal(e.into()))?;
    let size = bytes.len() as i64;
    let (files, name) = (state.files.clone(), stored_name.clone());
    web::block(move || files.write(&name, &bytes))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("the file could not be kept")))?;
    let stored = StoredFile { stored_name, file_name, content_type, size };
    save(&state, &staff, session_id, input, Some(stored), !fields.get("tell").is_empty()).await
}

async fn remove(
    state: State,
    staff: Staff,
    path: web::Path<(SessionId, i32)>,
    _form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let (id, material) = path.into_inner();
    let session_id = load(&state, &staff, id).await?.id();
    let actor = staff.acting();
    let row = blocking(&state.pool, move |conn| {
        crate::sessions::materials::remove(conn, session_id, material, &actor).map_err(AppError::from)
    })
    .await?;
    if row.is_file() {
        remove_files(&state, vec![row.stored_name.clone()]).await;
    }
    Ok(back_to_materials(
        &state,
        session_id,
        Message::new("ws-done-material-removed", vec![("title", row.title.into())]),
    ))
}

async fn download(state: State, staff: Staff, path: web::Path<(SessionId, i32)>) -> Result<HttpResponse, PageError> {
    let (id, material) = path.into_inner();
    let session_id = load(&state, &staff, id).await?.id();
    let row = blocking(&state.pool, move |conn| {
        crate::db::materials::find(conn, session_id, material)?.ok_or(PageError(AppError::NotFound))
    })
    .await?;
    serve(&state, row).await
}
