//! Admins manage accounts (`/admin/users`) and API tokens
//! (`/admin/tokens`); everyone changes their own password
//! (`/admin/password`). Every change is audit-logged.

use super::Staff;
use crate::db::accounts::{self, ROLE_ADMIN, ROLE_FOCAL_POINT, ROLE_ORGANISER};
use crate::db::audit;
use crate::db::ids::{AccountId, TokenId};
use crate::db::reference::Reference;
use crate::domain::email::EmailAddress;
use crate::domain::message::Message;
use crate::error::AppError;
use crate::web::PageError;
use crate::web::csrf::{self, CsrfForm, Fields};
use crate::web::public::{Chrome, Viewer, render_status};
use crate::web::{State, blocking};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde_json::json;
use std::collections::HashMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/users", web::get().to(users_page))
        .route("/users", web::post().to(create_user))
        .route("/users/{id}", web::post().to(update_user))
        .route("/tokens", web::get().to(tokens_page))
        .route("/tokens", web::post().to(create_token))
        .route("/tokens/{id}/revoke", web::post().to(revoke_token))
        .route("/password", web::get().to(password_page))
        .route("/password", web::post().to(change_password));
}

/// Passwords shorter than this are refused, as by `convene admin create`.
const MIN_PASSWORD: usize = 12;

pub struct AccountRow {
    pub id: AccountId,
    pub email: String,
    pub role: String,
    pub regions: Vec<i32>,
    /// A focal point's countries, as the form shows them ("PH, KE").
    pub countries: String,
    pub disabled: bool,
    pub is_me: bool,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage<'a> {
    chrome: Chrome,
    csrf: String,
    email: String,
    accounts: Vec<AccountRow>,
    reference: &'a Reference,
    message: Option<Message>,
    error: Option<Message>,
}

pub struct TokenView {
    pub id: TokenId,
    pub name: String,
    pub created: String,
    pub revoked: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/tokens.html")]
struct TokensPage {
    chrome: Chrome,
    csrf: String,
    email: String,
    tokens: Vec<TokenView>,
    /// A token just created: shown this once.
    secret: Option<String>,
    error: Option<Message>,
}

#[derive(Template)]
#[template(path = "admin/password.html")]
struct PasswordPage {
    chrome: Chrome,
    csrf: String,
    email: String,
    message: Option<Message>,
    error: Option<Message>,
}

fn chrome(req: &HttpRequest, state: &State) -> Chrome {
    let empty = HashMap::new();
    let viewer = Viewer::from_request(req, &empty, crate::domain::zone::TimeZone::utc());
    Chrome::new(&viewer, &state.reference(), &empty)
}

async fn render_users(
    req: &HttpRequest,
    state: &State,
    me: &Staff,
    message: Option<Message>,
    error: Option<Message>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let my_id = me.id;
    let accounts = blocking(&state.pool, move |conn| Ok::<_, PageError>(accounts::list_accounts(conn)?)).await?;
    let rows = accounts
        .into_iter()
        .map(|a| AccountRow {
            id: a.user.id,
            email: a.user.email,
            role: a.user.role.clone(),
            regions: a.regions,
            countries: a.countries.join(", "),
            disabled: a.user.disabled,
            is_me: a.user.id == my_id,
        })
        .collect();
    let reference = state.reference();
    let token = csrf::token(req)?;
    let page = UsersPage {
        chrome: chrome(req, state),
        csrf: token.value.clone(),
        email: me.email.clone(),
        accounts: rows,
        reference: &reference,
        message,
        error,
    };
    render_status(&page, status, [token.cookie])
}

async fn users_page(req: HttpRequest, state: State, me: Staff) -> Result<HttpResponse, PageError> {
    me.require_admin()?;
    render_users(&req, &state, &me, None, None, StatusCode::OK).await
}

/// What a form says an account is: its role, regions and countries.
struct Grant {
    role: &'static str,
    regions: Vec<i32>,
    countries: Vec<String>,
}

/// Role, regions and countries from a form, checked against the reference data.
fn grant(form: &Fields, reference: &Reference) -> Result<Grant, Message> {
    let role = match form.get("role").as_str() {
        "admin" => ROLE_ADMIN,
        "organiser" => ROLE_ORGANISER,
        "focal-point" => ROLE_FOCAL_POINT,
        _ => return Err(Message::id("ws-choose-role")),
    };
    let mut regions = Vec::new();
    for slug in form.all("region") {
        let id = reference.region(&slug).map(|r| r.id);
        regions.push(id.ok_or_else(|| Message::new("ws-unknown-region", vec![("slug", slug.as_str().into())]))?);
    }
    let mut countries: Vec<String> = Vec::new();
    for code in form.get("countries").split([',', ' ']).map(str::trim).filter(|c| !c.is_empty()) {
        let country = reference.country(&code.to_ascii_uppercase()).map(|c| c.iso2.clone());
        let country = country.ok_or_else(|| Message::new("ws-unknown-country", vec![("code", code.into())]))?;
        if !countries.contains(&country) {
            countries.push(country);
        }
    }
    match role {
        ROLE_ORGANISER if regions.is_empty() => Err(Message::id("ws-organiser-needs-region")),
        ROLE_FOCAL_POINT if countries.is_empty() => Err(Message::id("ws-focal-point-needs-country")),
        ROLE_ORGANISER => Ok(Grant { role, regions, countries: Vec::new() }),
        ROLE_FOCAL_POINT => Ok(Grant { role, regions: Vec::new(), countries }),
        _ => Ok(Grant { role, regions: Vec::new(), countries: Vec::new() }),
    }
}

async fn create_user(req: HttpRequest, state: State, me: Staff, form: CsrfForm) -> Result<HttpResponse, PageError> {
    me.require_admin()?;
    let reference = state.reference();
    let email = match EmailAddress::parse(&form.get("email")) {
        Ok(e) => e,
        Err(m) => {
            let error = Some(Message::new("bad-email", vec![("problem", m.into())]));
            return render_users(&req, &state, &me, None, error, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let Grant { role, regions, countries } = match grant(&form, &reference) {
        Ok(g) => g,
        Err(e) => return render_users(&req, &state, &me, None, Some(e), StatusCode::UNPROCESSABLE_ENTITY).await,
    };
    let password = form.get("password");
    if password.chars().count() < MIN_PASSWORD || password.len() > 1024 {
        let error = Some(Message::new("ws-first-password-short", vec![("min", MIN_PASSWORD.into())]));
        return render_users(&req, &state, &me, None, error, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let actor = me.actor();
    let shown = email.to_string();
    let created = blocking(&state.pool, move |conn| {
        if accounts::email_taken(conn, &email)? {
            return Ok(false);
        }
        accounts::upsert_user(conn, &email, &password, role, &regions, &countries).map_err(AppError::Internal)?;
        audit::record(
            conn,
            &actor,
            "user.create",
            None,
            None,
            &serde_json::Value::Null,
            &json!({"email": email.as_str(), "role": role, "regions": regions, "countries": countries}),
        )?;
        Ok::<_, PageError>(true)
    })
    .await?;
    if created {
        let done = Message::new("ws-account-created", vec![("email", shown.into())]);
        render_users(&req, &state, &me, Some(done), None, StatusCode::OK).await
    } else {
        let error = Some(Message::new("ws-account-exists", vec![("email", shown.into())]));
        render_users(&req, &state, &me, None, error, StatusCode::CONFLICT).await
    }
}

async fn update_user(
    req: HttpRequest,
    state: State,
    me: Staff,
    id: web::Path<AccountId>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    me.require_admin()?;
    let id = id.into_inner();
    let reference = state.reference();
    let Grant { role, regions, countries } = match grant(&form, &reference) {
        Ok(g) => g,
        Err(e) => return render_users(&req, &state, &me, None, Some(e), StatusCode::UNPROCESSABLE_ENTITY).await,
    };
    let disabled = form.get("disabled") == "on";
    if id == me.id && (disabled || role != ROLE_ADMIN) {
        let error = Some(Message::id("ws-not-yourself"));
        return render_users(&req, &state, &me, None, error, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let actor = me.actor();
    let email = blocking(&state.pool, move |conn| {
        let user = accounts::find_user(conn, id)?.ok_or(AppError::NotFound)?;
        let (was_in, was_for) = (accounts::regions_of(conn, id)?, accounts::countries_of(conn, id)?);
        let before = json!({"role": user.role, "regions": was_in, "countries": was_for, "disabled": user.disabled});
        accounts::update_account(conn, id, role, &regions, &countries, disabled)?;
        let after = json!({"role": role, "regions": regions, "countries": countries, "disabled": disabled});
        audit::record(conn, &actor, "user.update", None, None, &before, &after)?;
        Ok::<_, PageError>(user.email)
    })
    .await?;
    let done = Message::new("ws-account-saved", vec![("email", email.into())]);
    render_users(&req, &state, &me, Some(done), None, StatusCode::OK).await
}

async fn render_tokens(
    req: &HttpRequest,
    state: &State,
    me: &Staff,
    secret: Option<String>,
    error: Option<Message>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let rows = blocking(&state.pool, |conn| Ok::<_, PageError>(accounts::list_tokens(conn)?)).await?;
    let tokens = rows
        .into_iter()
        .map(|t| TokenView {
            id: t.id,
            name: t.name,
            created: t.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            revoked: t.revoked_at.map(|r| r.format("%Y-%m-%d %H:%M UTC").to_string()),
        })
        .collect();
    let token = csrf::token(req)?;
    let page = TokensPage {
        chrome: chrome(req, state),
        csrf: token.value.clone(),
        email: me.email.clone(),
        tokens,
        secret,
        error,
    };
    let mut res = render_status(&page, status, [token.cookie])?;
    // A page that shows a secret must not be kept anywhere.
    res.headers_mut()
        .insert(actix_web::http::header::CACHE_CONTROL, actix_web::http::header::HeaderValue::from_static("no-store"));
    Ok(res)
}

async fn tokens_page(req: HttpRequest, state: State, me: Staff) -> Result<HttpResponse, PageError> {
    me.require_admin()?;
    render_tokens(&req, &state, &me, None, None, StatusCode::OK).await
}

async fn create_token(req: HttpRequest, state: State, me: Staff, form: CsrfForm) -> Result<HttpResponse, PageError> {
    me.require_admin()?;
    let name = form.get("name");
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        let error = Some(Message::id("ws-token-name-bad"));
        return render_tokens(&req, &state, &me, None, error, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let actor = me.actor();
    let secret = blocking(&state.pool, move |conn| {
        let secret = accounts::create_token(conn, &name, None).map_err(AppError::Internal)?;
        audit::record(conn, &actor, "token.create", None, None, &serde_json::Value::Null, &json!({"name": name}))?;
        Ok::<_, PageError>(secret)
    })
    .await?;
    render_tokens(&req, &state, &me, Some(secret), None, StatusCode::OK).await
}

async fn revoke_token(
    state: State,
    me: Staff,
    id: web::Path<TokenId>,
    _form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    me.require_admin()?;
    let id = id.into_inner();
    let actor = me.actor();
    blocking(&state.pool, move |conn| {
        if let Some(name) = accounts::revoke_token(conn, id)? {
            audit::record(conn, &actor, "token.revoke", None, None, &json!({"name": name}), &json!({"revoked": true}))?;
        }
        Ok::<_, PageError>(())
    })
    .await?;
    Ok(crate::web::see_other("/admin/tokens"))
}

async fn password_page(req: HttpRequest, state: State, me: Staff) -> Result<HttpResponse, PageError> {
    render_password(&req, &state, &me, None, None, StatusCode::OK)
}

fn render_password(
    req: &HttpRequest,
    state: &State,
    me: &Staff,
    message: Option<Message>,
    error: Option<Message>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let token = csrf::token(req)?;
    let page =
        PasswordPage { chrome: chrome(req, state), csrf: token.value.clone(), email: me.email.clone(), message, error };
    render_status(&page, status, [token.cookie])
}

async fn change_password(req: HttpRequest, state: State, me: Staff, form: CsrfForm) -> Result<HttpResponse, PageError> {
    crate::web::rate_limit(&req, &state)?;
    let (current, new, again) = (form.get("current"), form.get("new"), form.get("again"));
    let refuse = |m: Message| render_password(&req, &state, &me, None, Some(m), StatusCode::UNPROCESSABLE_ENTITY);
    if new.chars().count() < MIN_PASSWORD || new.len() > 1024 {
        return refuse(Message::new("ws-new-password-short", vec![("min", MIN_PASSWORD.into())]));
    }
    if new != again {
        return refuse(Message::id("ws-passwords-differ"));
    }
    let (id, actor) = (me.id, me.actor());
    // Every other signed-in session of the account ends; this one stays.
    let keep = super::session_token(&req, &state).unwrap_or_default();
    let changed = blocking(&state.pool, move |conn| {
        let changed = accounts::change_password(conn, id, &current, &new, &keep).map_err(AppError::Internal)?;
        if changed {
            audit::record(
                conn,
                &actor,
                "user.password",
                None,
                None,
                &serde_json::Value::Null,
                &json!({"changed": true}),
            )?;
        }
        Ok::<_, PageError>(changed)
    })
    .await?;
    if changed {
        render_password(&req, &state, &me, Some(Message::id("ws-password-changed")), None, StatusCode::OK)
    } else {
        refuse(Message::id("ws-current-password-wrong"))
    }
}
