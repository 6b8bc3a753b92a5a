//! The service's OpenAPI document, generated from the operations of `misp_openapi`
//! and served at `/partnermanagement/v1/misps/v3/api-docs` (Swagger UI at `…/swagger-ui/`).

use utoipa::OpenApi as _;
use utoipa::openapi::OpenApi;
use web_support::openapi::{ActuatorApi, DocumentBuilder};

use misp_openapi::MispApi;
use misp_openapi::partner_license::PartnerLicenseApi;

use crate::routes::{LICENSE_BASE, MISP_BASE, MISP_DEPLOYED};

/// The document: E1–E10 under both of their prefixes, the MOSIP 1.2 licence API, the actuator.
pub fn document() -> OpenApi {
    DocumentBuilder::new(
        "misp-license-service",
        env!("CARGO_PKG_VERSION"),
        "MISPs and their licence keys: MOSIP 1.1's MISP API and MOSIP 1.2's licence API for MISP partners.",
    )
    .mount(MISP_BASE, ActuatorApi::openapi())
    .mount(MISP_DEPLOYED, MispApi::openapi())
    .mount_as(MISP_BASE, MispApi::openapi(), "Short")
    .mount(LICENSE_BASE, PartnerLicenseApi::openapi())
    .build()
}
