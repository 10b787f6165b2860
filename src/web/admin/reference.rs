//! `/admin/reference`: admins keep the reference data current: topics
//! (added or renamed; slugs stay, feeds use them) and each country's time
//! zones (the first is the default for its participants), and the
//! network's settings (whether registration forms ask for gender).

use super::Staff;
use crate::db::reference::{Reference, edit};
use crate::domain::message::Message;
use crate::domain::zone::TimeZone;
use crate::error::AppError;
use crate::web::PageError;
use crate::web::csrf::{self, CsrfForm};
use crate::web::public::{Chrome, Viewer, render_status};
use crate::web::{State, blocking};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/reference", web::get().to(page))
        .route("/reference/topics", web::post().to(add_topic))
        .route("/reference/topics/{slug}", web::post().to(rename_topic))
        .route("/reference/countries/{iso2}/zones", web::post().to(set_zones))
        .route("/reference/settings", web::post().to(set_settings))
        .route("/reference/logo", web::post().to(set_logo))
        .route("/reference/logo/remove", web::post().to(remove_logo));
}

/// A new logo (PNG, JPEG or WebP, at most 200 KB), checked by its bytes.
async fn set_logo(
    req: HttpRequest,
    state: State,
    me: Staff,
    parts: actix_multipart::Multipart,
) -> Result<HttpResponse, PageError> {
    me.require_admin()?;
    let limit = crate::domain::material::LOGO_MAX_BYTES as u64;
    let (_, file) = super::materials::read_upload(&req, parts, limit).await?;
    let Some((content_type, bytes)) =
        file.and_then(|(_, bytes)| crate::domain::material::image_type(&bytes).map(|t| (t, bytes)))
    else {
        let error = Some(Message::id("ws-logo-invalid"));
        return render(&req, &state, me.email, None, error, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let actor = me.actor();
    apply(&req, &state, me.email, Message::id("ws-logo-saved"), move |conn| {
        edit::set_logo(conn, Some((content_type, &bytes)), &actor)?;
        Ok(())
    })
    .await
}

async fn remove_logo(req: HttpRequest, state: State, me: Staff, _form: CsrfForm) -> Result<HttpResponse, PageError> {
    me.require_admin()?;
    let actor = me.actor();
    apply(&req, &state, me.email, Message::id("ws-logo-removed"), move |conn| {
        edit::set_logo(conn, None, &actor)?;
        Ok(())
    })
    .await
}

#[derive(Template)]
#[template(path = "admin/reference.html")]
struct ReferencePage<'a> {
    chrome: Chrome,
    csrf: String,
    email: String,
    reference: &'a Reference,
    notice: Option<Message>,
    error: Option<Message>,
}

async fn render(
    req: &HttpRequest,
    state: &State,
    email: String,
    notice: Option<Message>,
    error: Option<Message>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let reference = state.reference();
    let empty = HashMap::new();
    let viewer = Viewer::from_request(req, &empty, TimeZone::utc());
    let token = csrf::token(req)?;
    let page = ReferencePage {
        chrome: Chrome::new(&viewer, &reference, &empty),
        csrf: token.value.clone(),
        email,
        reference: &reference,
        notice,
        error,
    };
    render_status(&page, status, [token.cookie])
}

async fn page(req: HttpRequest, state: State, me: Staff) -> Result<HttpResponse, PageError> {
    me.require_admin()?;
    render(&req, &state, me.email, None, None, StatusCode::OK).await
}

/// Runs an edit, reloads the reference data this instance serves, and
/// shows the page with what happened.
async fn apply(
    req: &HttpRequest,
    state: &State,
    email: String,
    done: Message,
    change: impl FnOnce(&mut crate::db::DbConn) -> Result<(), AppError> + Send + 'static,
) -> Result<HttpResponse, PageError> {
    let cache = state.reference.clone();
    let result = blocking(&state.pool, move |conn| {
        change(conn)?;
        Ok::<_, AppError>(cache.reload(conn)?)
    })
    .await;
    match result {
        Ok(()) => render(req, state, email, Some(done), None, StatusCode::OK).await,
        Err(e @ (AppError::Conflict(_) | AppError::Validation(_))) => {
            let status = e.status();
            let error = e.message().cloned().unwrap_or_else(|| Message::from(e.to_string()));
            render(req, state, email, None, Some(error), status).await
        }
        Err(e) => Err(e.into()),
    }
}

fn valid_name(name: &str) -> bool {
    !name.is_empty() && name.chars().count() <= 100 && !name.chars().any(char::is_control)
}

async fn add_topic(req: HttpRequest, state: State, me: Staff, form: CsrfForm) -> Result<HttpResponse, PageError> {
    me.require_admin()?;
    let (slug, name) = (form.get("slug").to_ascii_lowercase(), form.get("name"));
    let slug_ok = !slug.is_empty()
        && slug.len() <= 48
        && slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !slug_ok || !valid_name(&name) {
        let error = Some(Message::id("ws-topic-needs"));
        return render(&req, &state, me.email, None, error, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let actor = me.actor();
    let done = Message::new("ws-topic-added", vec![("name", name.as_str().into())]);
    apply(&req, &state, me.email, done, move |conn| {
        let slug_exists = || AppError::Conflict(format!("a topic {slug} exists already").into());
        if edit::add_topic(conn, &slug, &name, &actor)? { Ok(()) } else { Err(slug_exists()) }
    })
    .await
}

async fn rename_topic(
    req: HttpRequest,
    state: State,
    me: Staff,
    slug: web::Path<String>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    me.require_admin()?;
    let name = form.get("name");
    if !valid_name(&name) {
        let error = Some(Message::id("ws-topic-name-bad"));
        return render(&req, &state, me.email, None, error, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let (slug, actor) = (slug.into_inner(), me.actor());
    let done = Message::new("ws-topic-renamed", vec![("name", name.as_str().into())]);
    apply(&req, &state, me.email, done, move |conn| {
        edit::rename_topic(conn, &slug, &name, &actor)?.then_some(()).ok_or(AppError::NotFound)
    })
    .await
}

async fn set_zones(
    req: HttpRequest,
    state: State,
    me: Staff,
    iso2: web::Path<String>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    me.require_admin()?;
    let iso2 = iso2.into_inner().to_ascii_uppercase();
    if state.reference().country(&iso2).is_none() {
        return Err(AppError::NotFound.into());
    }
    let mut zones = Vec::new();
    for name in form.get("zones").split([',', ' ', '\n']).map(str::trim).filter(|z| !z.is_empty()).take(20) {
        match TimeZone::parse(name) {
            Ok(z) if !zones.contains(&z) => zones.push(z),
            Ok(_) => {}
            Err(e) => {
                let error = Some(Message::new(
                    "ws-zone-bad",
                    vec![("name", name.into()), ("problem", Message::from(e).into())],
                ));
                return render(&req, &state, me.email, None, error, StatusCode::UNPROCESSABLE_ENTITY).await;
            }
        }
    }
    if zones.is_empty() {
        let error = Some(Message::id("ws-zones-none"));
        return render(&req, &state, me.email, None, error, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let (actor, done) = (me.actor(), Message::new("ws-zones-saved", vec![("iso2", iso2.as_str().into())]));
    apply(&req, &state, me.email, done, move |conn| {
        edit::set_zones(conn, &iso2, &zones, &actor)?.then_some(()).ok_or(AppError::NotFound)
    })
    .await
}

async fn set_settings(req: HttpRequest, state: State, me: Staff, form: CsrfForm) -> Result<HttpResponse, PageError> {
    me.require_admin()?;
    let on = !form.get("ask_gender").is_empty();
    // The identity's fields are kept as they are when the form has none
    // (an older form, or a client that sends the switch alone).
    let name = form.raw("network_name").map(|v| v.trim().to_string());
    let funded_by = form.raw("funded_by").map(|v| v.trim().to_string());
    let text_ok = |v: &str, max: usize| v.chars().count() <= max && !v.chars().any(char::is_control);
    if name.as_deref().is_some_and(|n| n.is_empty() || !text_ok(n, 120))
        || funded_by.as_deref().is_some_and(|f| !text_ok(f, 200))
    {
        let error = Some(Message::id("ws-identity-invalid"));
        return render(&req, &state, me.email, None, error, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let actor = me.actor();
    let done = Message::id(if on { "ws-ask-gender-on" } else { "ws-ask-gender-off" });
    let current = state.reference().settings.clone();
    apply(&req, &state, me.email, done, move |conn| {
        edit::set_ask_gender(conn, on, &actor)?;
        edit::set_identity(
            conn,
            name.as_deref().unwrap_or(&current.network_name),
            funded_by.as_deref().unwrap_or(&current.funded_by),
            &actor,
        )?;
        Ok(())
    })
    .await
}
