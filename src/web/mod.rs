//! HTTP: routes per area, shared helpers, middleware.

pub mod admin;
pub mod api;
pub mod assets;
pub mod csrf;
pub mod feeds;
pub mod materials;
pub mod ops;
pub mod page_cache;
mod page_error;
pub mod pager;
pub mod public;
pub mod ratelimit;
pub mod state;

use crate::db::{DbConn, Pool};
use crate::error::AppError;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::{DefaultHeaders, Next};
use actix_web::web;
pub use page_error::PageError;
pub use state::AppState;

pub type State = web::Data<AppState>;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(ops::config)
        .configure(assets::config)
        .configure(admin::config)
        .configure(api::config)
        .configure(feeds::config)
        .configure(public::config)
        .default_service(web::to(public::not_found));
}

/// A path whose id does not read (`/sessions/abc`, `/sessions/0`) names
/// nothing: a 404 like any unknown page, as a problem document under
/// `/api/` and as the localised page elsewhere.
pub fn not_found_for_bad_ids() -> web::PathConfig {
    web::PathConfig::default().error_handler(|_, req| {
        if req.path().starts_with("/api/") { AppError::NotFound.into() } else { PageError(AppError::NotFound).into() }
    })
}

/// Runs database work on the blocking pool, off the async workers.
pub async fn blocking<T, E, F>(pool: &Pool, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: From<AppError> + From<diesel::r2d2::PoolError> + Send + 'static,
{
    let pool = pool.clone();
    web::block(move || {
        let mut conn = pool.get()?;
        f(&mut conn)
    })
    .await
    .map_err(|e| E::from(AppError::Internal(anyhow::anyhow!("blocking task failed: {e}"))))?
}

/// A 303 to a path on this site: where a browser goes after a form.
pub fn see_other(path: &str) -> actix_web::HttpResponse {
    actix_web::HttpResponse::SeeOther().insert_header((actix_web::http::header::LOCATION, path)).finish()
}

/// A redirect target taken from a request, as a path on this site: parsed
/// with a WHATWG URL parser (which drops tabs and newlines and reads `\`
/// as `/`, as browsers do) against a placeholder origin, and kept only if
/// it stays on that origin and cannot be read as another host
/// (`//host`). Anything else is `/`.
pub fn local_path(raw: &str) -> String {
    const ORIGIN: &str = "http://convene.invalid/";
    let parsed = (raw.len() <= 2000 && raw.starts_with(['/', '\\']))
        .then(|| url::Url::parse(ORIGIN).and_then(|base| base.join(raw)))
        .and_then(Result::ok);
    let Some(url) = parsed.filter(|u| u.as_str().starts_with(ORIGIN) && !u.path().starts_with("//")) else {
        return "/".to_string();
    };
    let mut out = url.path().to_string();
    if let Some(q) = url.query() {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// The client's address. Behind a reverse proxy this is the proxy's
/// address; deployments there should rate-limit at the proxy too.
pub fn client_ip(req: &actix_web::HttpRequest) -> Option<std::net::IpAddr> {
    req.peer_addr().map(|a| a.ip())
}

/// Cookies are marked Secure when the service is reached over https.
pub fn secure_cookies(req: &actix_web::HttpRequest) -> bool {
    req.app_data::<State>().is_some_and(|s| s.base_url.starts_with("https://"))
}

/// Applies `CONVENE_RATE_LIMIT_PER_MINUTE` to the caller's address.
pub fn rate_limit(req: &actix_web::HttpRequest, state: &State) -> Result<(), AppError> {
    state.limiter.check(client_ip(req)).map_err(AppError::TooManyRequests)
}

/// Counts and times every request by its route pattern (never the raw
/// path: ids and tokens would explode the label set).
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = std::time::Instant::now();
    let method = req.method().to_string();
    let state = req.app_data::<State>().cloned();
    let res = next.call(req).await?;
    if let Some(state) = state {
        let route = res.request().match_pattern().unwrap_or_else(|| "unmatched".to_string());
        state.metrics.observe(&method, &route, res.status().as_u16(), started.elapsed().as_secs_f64());
    }
    Ok(res)
}

/// Defence in depth against cross-site requests, besides each form's CSRF
/// token: a state-changing request that the browser says comes from
/// another site (`Sec-Fetch-Site: cross-site` or `same-site`, or an
/// `Origin` other than `null` that is neither the base URL's nor the
/// request's own) is
/// refused with 403. The JSON API is left out: its writes need a bearer
/// token or (registration) a JSON body, which no other site can send
/// without a CORS preflight that this service never grants.
pub async fn refuse_cross_site(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    use actix_web::http::Method;
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if writes && !req.path().starts_with("/api/") && is_cross_site(&req) {
        let refusal =
            crate::web::PageError(AppError::Forbidden(crate::domain::message::Message::id("cross-site-refused")));
        return Ok(req.error_response(refusal));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

fn is_cross_site(req: &ServiceRequest) -> bool {
    let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    if header("sec-fetch-site").is_some_and(|v| v == "cross-site" || v == "same-site") {
        return true;
    }
    // `Origin: null` is what a browser sends from a page whose referrer
    // policy is no-referrer (the manage pages): Sec-Fetch-Site decides there.
    let Some(origin) = header("origin").filter(|o| o != "null") else { return false };
    let own = {
        let info = req.connection_info();
        format!("{}://{}", info.scheme(), info.host())
    };
    let base = req.app_data::<State>().map(|s| origin_of(&s.base_url)).unwrap_or_default();
    origin != own && origin != base
}

/// `scheme://host[:port]` of a URL.
fn origin_of(url: &str) -> String {
    url::Url::parse(url).map(|u| u.origin().ascii_serialization()).unwrap_or_default()
}

/// Error pages in the reader's language: a handler's [`PageError`] is
/// answered in English, then written again here, where the request is known.
pub async fn localize_error_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    let res = next.call(req).await?;
    // Error pages are made again for the request: its language and frame.
    let page = res.response().error().and_then(|e| e.as_error::<PageError>()).map(|e| e.response_for(res.request()));
    match page {
        Some(page) => Ok(res.into_response(page)),
        None => Ok(res.map_into_boxed_body()),
    }
}

/// Headers on every answer. `https` (the base URL is https) adds HSTS:
/// browsers then never try plain http for this host for a year.
pub fn security_headers(https: bool) -> DefaultHeaders {
    let headers = if https {
        DefaultHeaders::new().add(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))
    } else {
        DefaultHeaders::new()
    };
    headers
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "same-origin"))
        .add(("X-Frame-Options", "DENY"))
        .add((
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        ))
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn redirect_targets_stay_on_this_site_whatever_a_browser_would_make_of_them() {
        assert_eq!(local_path("/sessions/3?tz=Asia%2FManila"), "/sessions/3?tz=Asia%2FManila");
        assert_eq!(local_path("/"), "/");
        for hostile in [
            "/\t/evil.example",
            "/\n/evil.example",
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "https://evil.example/",
            "/.//evil.example",
            "/%2e//evil.example",
            "javascript:alert(1)",
            "",
            "sessions/3",
        ] {
            let out = local_path(hostile);
            assert!(out.starts_with('/') && !out.starts_with("//"), "{hostile:?} → {out:?}");
            assert!(!out.chars().any(|c| c.is_control()), "{hostile:?} → {out:?}");
            let resolved = url::Url::parse("https://convene.example/").and_then(|b| b.join(&out)).expect("joins");
            assert_eq!(resolved.host_str(), Some("convene.example"), "{hostile:?} → {out:?}");
        }
        assert_eq!(local_path(&format!("/{}", "a".repeat(3000))), "/");
    }
}
