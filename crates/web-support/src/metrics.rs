//! Prometheus metrics at `…/actuator/prometheus`: requests by route template, method and
//! status, their latency, database pool use and waits, and audit records written. Labels never
//! carry ids (route templates, not paths).

use std::sync::OnceLock;
use std::time::Instant;

use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::{HttpResponse, web};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::db::Db;

const LATENCY_BUCKETS: &[f64] = &[0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the process-wide recorder (once; later calls reuse it).
pub fn install() -> Option<&'static PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let built = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), LATENCY_BUCKETS)
                .and_then(|b| b.install_recorder());
            match built {
                Ok(handle) => Some(handle),
                Err(e) => {
                    tracing::warn!(error = %e, "metrics disabled: cannot install the recorder");
                    None
                }
            }
        })
        .as_ref()
}

/// Starts the clock of a request (called before the inner service).
pub fn started() -> Instant {
    Instant::now()
}

/// Counts a finished request under its route template.
pub fn record<B>(res: &ServiceResponse<B>, started: Instant) {
    let route = res.request().match_pattern().unwrap_or_else(|| "unmatched".to_owned());
    let method = res.request().method().as_str().to_owned();
    let status = res.status().as_u16().to_string();
    metrics::counter!("http_server_requests_total", "method" => method.clone(), "route" => route.clone(), "status" => status)
        .increment(1);
    metrics::histogram!("http_server_request_duration_seconds", "method" => method, "route" => route)
        .record(started.elapsed().as_secs_f64());
}

/// Whether a request is the scrape itself (not counted, to keep the series honest).
pub fn is_scrape(req: &ServiceRequest) -> bool {
    req.path().ends_with("/actuator/prometheus")
}

/// Prometheus metrics in the text exposition format: requests by route template, method and
/// status, their latency, database pool use, audit records written, and the service's own counters.
#[utoipa::path(
    get,
    path = "/actuator/prometheus",
    operation_id = "prometheus",
    tag = "Actuator",
    security(()),
    responses(
        (status = 200, description = "The metrics", content_type = "text/plain", body = String),
        (status = 503, description = "Metrics are disabled (the recorder could not be installed)", content_type = "text/plain", body = String),
    )
)]
pub async fn prometheus(db: web::Data<Db>) -> HttpResponse {
    let (open, idle) = db.pool().state();
    metrics::gauge!("db_pool_connections").set(f64::from(open));
    metrics::gauge!("db_pool_connections_idle").set(f64::from(idle));
    metrics::gauge!("db_pool_connections_in_use").set(f64::from(open.saturating_sub(idle)));
    match install() {
        Some(handle) => HttpResponse::Ok().content_type("text/plain; version=0.0.4").body(handle.render()),
        None => HttpResponse::ServiceUnavailable().body("metrics are disabled"),
    }
}
