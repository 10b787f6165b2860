//! Structured logs through `tracing`; one span per request, logged when it closes.

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::format::FmtSpan;

pub fn init(json: bool) {
    let filter = EnvFilter::try_from_env("CONVENE_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_span_events(FmtSpan::CLOSE)
        // Colour codes only for a person at a terminal, never in log files.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    // A second init (tests start many apps) is harmless.
    let _ = if json { builder.json().try_init() } else { builder.try_init() };
}

/// The request span, as tracing-actix-web's default but without the raw
/// path: participants' manage and feed links and access links carry their
/// secret in the path, and the database keeps only digests of them, so a
/// log must not keep them either. `http.route` is the route pattern
/// (`/registrations/{token}`), `http.target` the path with every secret
/// masked.
pub struct MaskedSpans;

impl tracing_actix_web::RootSpanBuilder for MaskedSpans {
    fn on_request_start(request: &actix_web::dev::ServiceRequest) -> tracing::Span {
        let route = request.match_pattern().unwrap_or_else(|| "default".into());
        tracing::info_span!(
            "HTTP request",
            http.method = %request.method(),
            http.route = %route,
            http.target = %masked_path(request.path()),
            http.status_code = tracing::field::Empty,
            otel.status_code = tracing::field::Empty,
            exception.message = tracing::field::Empty,
            exception.details = tracing::field::Empty,
        )
    }

    fn on_request_end<B: actix_web::body::MessageBody>(
        span: tracing::Span,
        outcome: &Result<actix_web::dev::ServiceResponse<B>, actix_web::Error>,
    ) {
        tracing_actix_web::DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

/// The path with each segment that looks like one of our secrets (a short
/// prefix, `_`, and 40 or more URL-safe characters) cut to its prefix. The
/// query is left out: it is not needed to read a log.
pub fn masked_path(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            let (stem, ext) = segment.split_once('.').unwrap_or((segment, ""));
            match stem.split_once('_') {
                Some((prefix, rest))
                    if (1..=4).contains(&prefix.len())
                        && rest.len() >= 40
                        && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
                {
                    if ext.is_empty() { format!("{prefix}_…") } else { format!("{prefix}_….{ext}") }
                }
                _ => segment.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    #[test]
    fn secrets_in_paths_are_masked_and_the_rest_kept() {
        let m = format!("m_{}", "A".repeat(43));
        let f = format!("f_{}", "b-_9".repeat(11));
        assert_eq!(super::masked_path(&format!("/registrations/{m}/cancel")), "/registrations/m_…/cancel");
        assert_eq!(super::masked_path(&format!("/feeds/personal/{f}.ics")), "/feeds/personal/f_….ics");
        assert_eq!(super::masked_path("/sessions/12/register"), "/sessions/12/register");
        assert_eq!(super::masked_path("/feeds/regions/south-east-asia.ics"), "/feeds/regions/south-east-asia.ics");
    }
}
