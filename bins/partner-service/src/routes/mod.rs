//! Every route of the service. Literal segments are registered before variable ones, as MOSIP's
//! Spring routing lets `/partners/apikey` win over `/partners/{partnerId}`: certificate routes
//! first, then the partner routes (whose module orders its own literals first).

pub(crate) mod audits;
pub(crate) mod certificates;
pub(crate) mod onboarding;
pub(crate) mod partners;
pub mod policy;

use actix_web::web;
pub use partners::PartnerConfig;
use web_support::health::health;
use web_support::metrics::prometheus;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/v1/partnermanager")
            .route("/actuator/health", web::get().to(health))
            .route("/actuator/prometheus", web::get().to(prometheus))
            .route("/audits", web::get().to(audits::search))
            .configure(onboarding::configure)
            .configure(certificates::configure)
            .configure(partners::configure),
    )
    .service(
        web::scope("/v1/policymanager")
            .route("/actuator/health", web::get().to(health))
            .route("/actuator/prometheus", web::get().to(prometheus))
            .configure(policy::configure),
    );
}
