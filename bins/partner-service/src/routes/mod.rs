//! Every route of the service, registered through web-support's `Registrar` (which records
//! each one for the OpenAPI drift test) — never directly on actix. Literal segments are
//! registered before variable ones, as MOSIP's Spring routing lets `/partners/apikey` win over
//! `/partners/{partnerId}`: certificate routes first, then the partner routes (whose module
//! orders its own literals first).
//!
//! The OpenAPI document is served at `/v1/partnermanager/v3/api-docs` and
//! `/v1/policymanager/v3/api-docs`, Swagger UI beside each (`…/swagger-ui/`); they are
//! registered before the scopes, since a scope answers every path under its prefix.

pub(crate) mod audits;
pub(crate) mod certificates;
pub(crate) mod device;
pub(crate) mod events;
pub(crate) mod notifications;
// OIDC clients of eSignet relying parties
pub(crate) mod oidc;
pub(crate) mod onboarding;
pub(crate) mod partners;
pub mod policy;
pub(crate) mod ui_config;
pub(crate) mod user_consent;

use actix_web::web;
use web_support::openapi::serve::LazyDoc;
use web_support::openapi::{Registrar, register_actuator};

/// The partner manager's scope.
pub const PARTNER_BASE: &str = "/v1/partnermanager";
/// The policy manager's scope.
pub const POLICY_BASE: &str = "/v1/policymanager";
/// Where shared certificate chains are read (MOSIP's datashare path).
pub const DATASHARE_BASE: &str = "/v1/datashare";

pub fn configure(cfg: &mut web::ServiceConfig, doc: &LazyDoc) {
    web_support::openapi::serve::configure(cfg, doc, &[PARTNER_BASE, POLICY_BASE]);
    register(&mut Registrar::new(cfg));
}

/// Registers every API route (the route table the drift test holds against the document).
pub fn register(r: &mut Registrar<'_>) {
    r.scope(PARTNER_BASE, |r| {
        register_actuator(r);
        r.get("/audits", audits::search)
            .get("/events", events::list)
            .post("/events/requeue", events::requeue)
            .configure(onboarding::register)
            .configure(certificates::register)
            .configure(partners::register)
            .configure(oidc::register)
            .configure(device::register)
            .configure(ui_config::register)
            .configure(user_consent::register)
            .configure(notifications::register);
    })
    .scope_without_metadata(POLICY_BASE, |r| {
        register_actuator(r);
        policy::register(r);
    })
    .scope(DATASHARE_BASE, |r| {
        r.get("/get/{policyId}/{subscriberId}/{shareId}", events::shared_chain);
    });
}
