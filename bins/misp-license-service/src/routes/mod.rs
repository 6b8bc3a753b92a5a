//! Every route of the service, registered through web-support's `Registrar` (which records
//! each one for the OpenAPI drift test) — never directly on actix.
//!
//! - MOSIP 1.1's MISP API (E1–E10) twice: under `/partnermanagement/v1/misps/misps`, where
//!   deployed MOSIP answers (context path `/partnermanagement/v1/misps` plus controller mapping
//!   `/misps`), and under `/partnermanagement/v1/misps`, the form its documentation shows. Literal
//!   segments (`…/mispId/{id}`, `…/name/{x}`) are registered before `…/{mispId}/…`, so they win.
//! - MOSIP 1.2's licence API for MISP partners under `/v1/partnermanager/misps`.
//! - The OpenAPI document at `/partnermanagement/v1/misps/v3/api-docs` and Swagger UI beside it,
//!   registered before the scopes (a scope answers every path under its prefix).

mod keys;
mod misps;
mod partner_license;
mod status;

use actix_web::web;
use web_support::openapi::serve::LazyDoc;
use web_support::openapi::{Registrar, register_actuator};

use misp_app::MispConfig;

/// The scope of MOSIP 1.1's MISP API (and of the actuator and the API docs).
pub const MISP_BASE: &str = "/partnermanagement/v1/misps";
/// Where deployed MOSIP 1.1 serves E1–E10: the context path plus the controller's `/misps`.
pub const MISP_DEPLOYED: &str = "/partnermanagement/v1/misps/misps";
/// The scope of MOSIP 1.2's licence API for MISP partners.
pub const LICENSE_BASE: &str = "/v1/partnermanager/misps";

pub fn configure(cfg: &mut web::ServiceConfig, misp: web::Data<MispConfig>, doc: &LazyDoc) {
    web_support::openapi::serve::configure(cfg, doc, &[MISP_BASE]);
    let mut r = Registrar::new(cfg);
    r.app_data(misp);
    register(&mut r);
}

/// Registers every API route (the route table the drift test holds against the document).
pub fn register(r: &mut Registrar<'_>) {
    r.scope(MISP_BASE, |r| {
        register_actuator(r);
        misp_api(r, "/misps");
        misp_api(r, "");
    })
    .scope(LICENSE_BASE, partner_license::register);
}

/// E1–E10 under `prefix` (relative to `/partnermanagement/v1/misps`).
fn misp_api(r: &mut Registrar<'_>, prefix: &str) {
    r.resource(prefix, |m| m.post(misps::register).get(misps::list))
        .get(&format!("{prefix}/mispId/{{mispId}}"), misps::by_id)
        .get(&format!("{prefix}/name/{{orgName}}"), misps::by_name)
        .resource(&format!("{prefix}/{{mispId}}/status"), |m| m.patch(status::decide))
        .resource(&format!("{prefix}/{{mispId}}/licenseKey"), |m| {
            m.patch(keys::validate).put(keys::switch).get(keys::download)
        })
        .resource(&format!("{prefix}/{{mispId}}"), |m| m.put(misps::update).patch(status::activate));
}
