//! Prometheus metrics: requests by route and status, latency, pool usage.

use diesel::r2d2::ManageConnection;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    pub method: String,
    pub route: String,
    pub status: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    pub route: String,
}

pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    pool_connections: Gauge,
    pool_idle: Gauge,
    pool_max: Gauge,
    outbox_queued: Gauge,
    outbox_sent: Gauge,
    outbox_failed: Gauge,
    outbox_oldest: Gauge,
}

fn latency_histogram() -> Histogram {
    // 0.5 ms … ~4 s
    Histogram::new(exponential_buckets(0.0005, 2.0, 14))
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("convene");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(latency_histogram as fn() -> Histogram);
        let pool_connections = Gauge::default();
        let pool_idle = Gauge::default();
        let pool_max = Gauge::default();
        registry.register("http_requests", "HTTP requests by route pattern and status", requests.clone());
        registry.register("http_request_duration_seconds", "HTTP request latency by route pattern", latency.clone());
        registry.register("db_pool_connections", "Open database connections", pool_connections.clone());
        registry.register("db_pool_idle_connections", "Idle database connections", pool_idle.clone());
        registry.register("db_pool_max_connections", "Configured pool size", pool_max.clone());
        let outbox_queued = Gauge::default();
        let outbox_sent = Gauge::default();
        let outbox_failed = Gauge::default();
        let outbox_oldest = Gauge::default();
        registry.register("outbox_queued", "Emails waiting to be delivered", outbox_queued.clone());
        registry.register("outbox_sent", "Emails delivered", outbox_sent.clone());
        registry.register("outbox_failed", "Emails given up on (see convene outbox list)", outbox_failed.clone());
        registry.register("outbox_oldest_queued_seconds", "Age of the oldest email waiting", outbox_oldest.clone());
        Self {
            registry,
            requests,
            latency,
            pool_connections,
            pool_idle,
            pool_max,
            outbox_queued,
            outbox_sent,
            outbox_failed,
            outbox_oldest,
        }
    }
}

impl Metrics {
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        self.requests
            .get_or_create(&RequestLabels {
                method: method.to_string(),
                route: route.to_string(),
                status: status.to_string(),
            })
            .inc();
        self.latency.get_or_create(&RouteLabels { route: route.to_string() }).observe(seconds);
    }

    pub fn render<M: ManageConnection>(
        &self,
        pool: &diesel::r2d2::Pool<M>,
        outbox: Option<crate::db::outbox::Stats>,
    ) -> String {
        if let Some(o) = outbox {
            self.outbox_queued.set(o.queued);
            self.outbox_sent.set(o.sent);
            self.outbox_failed.set(o.failed);
            self.outbox_oldest.set(o.oldest_queued_seconds);
        }
        let state = pool.state();
        self.pool_connections.set(i64::from(state.connections));
        self.pool_idle.set(i64::from(state.idle_connections));
        self.pool_max.set(i64::from(pool.max_size()));
        let mut out = String::new();
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            out.clear();
        }
        out
    }
}
