//! Every route of the service. The MISP API is served under both the documented prefix
//! `/partnermanagement/v1/misps` and the doubled one (`…/misps/misps`) that deployed MOSIP answers on;
//! MOSIP 1.2's licence API for MISP partners under `/v1/partnermanager/misps`.

use actix_web::web;
use web_support::health::health;
use web_support::metrics::prometheus;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/partnermanagement/v1/misps")
            .route("/actuator/health", web::get().to(health))
            .route("/actuator/prometheus", web::get().to(prometheus)),
    )
    .service(web::scope("/v1/partnermanager/misps"));
}
