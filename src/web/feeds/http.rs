//! Answering a feed request: strong ETags and Last-Modified answer
//! conditional requests with 304; the gzip body is made once and kept.

use super::cache::Rendered;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::DateTime;
use std::io::Write;

impl Rendered {
    fn gzip_body(&self) -> Option<web::Bytes> {
        if let Some(gz) = self.gzip.get() {
            return Some(gz.clone());
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&self.body).ok()?;
        let bytes = web::Bytes::from(gz.finish().ok()?);
        Some(self.gzip.get_or_init(|| bytes).clone())
    }
}

pub(super) fn respond(req: &HttpRequest, r: &Rendered) -> HttpResponse {
    let headers = req.headers();
    let not_modified = match headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) {
        Some(tags) => tags
            .split(',')
            .map(str::trim)
            .any(|t| t == "*" || t == r.etag || t.strip_prefix("W/") == Some(r.etag.as_str())),
        None => headers
            .get(header::IF_MODIFIED_SINCE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| DateTime::parse_from_rfc2822(v).ok())
            .is_some_and(|since| r.last_modified.timestamp() <= since.timestamp()),
    };
    let mut res = if not_modified { HttpResponse::NotModified() } else { HttpResponse::Ok() };
    res.insert_header((header::ETAG, r.etag.clone()))
        .insert_header((header::LAST_MODIFIED, r.last_modified_header.clone()))
        .insert_header((header::CACHE_CONTROL, if r.private { "private, max-age=300" } else { "public, max-age=300" }))
        .insert_header((header::VARY, "Accept-Encoding"));
    if r.private {
        res.insert_header(("Referrer-Policy", "no-referrer"));
    }
    if not_modified {
        return res.finish();
    }
    res.content_type("text/calendar; charset=utf-8");
    let gzip_ok = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|e| e.trim().split(';').next() == Some("gzip") && !e.contains("q=0")));
    match gzip_ok.then(|| r.gzip_body()).flatten() {
        // Already compressed: the Compress middleware leaves it alone.
        Some(gz) => res.insert_header((header::CONTENT_ENCODING, HeaderValue::from_static("gzip"))).body(gz),
        None => res.body(r.body.clone()),
    }
}
