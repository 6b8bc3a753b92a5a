//! The service's OpenAPI document, generated from the operations of `partner_openapi`
//! and served at `/v1/partnermanager/v3/api-docs` and `/v1/policymanager/v3/api-docs` (Swagger UI
//! at `…/swagger-ui/`). Each of its modules lists its operations in a `#[derive(OpenApi)]` struct
//! with paths relative to the scope; this mounts them under the scope.

use utoipa::OpenApi as _;
use utoipa::openapi::OpenApi;
use web_support::openapi::{ActuatorApi, DocumentBuilder};

use partner_openapi::audits::AuditsApi;
use partner_openapi::certificates::CertificatesApi;
use partner_openapi::device::DeviceApi;
use partner_openapi::events::{DatashareApi, EventsApi};
use partner_openapi::notifications::NotificationsApi;
use partner_openapi::oidc::OidcClientsApi;
use partner_openapi::onboarding::OnboardingApi;
use partner_openapi::partners::PartnersApi;
use partner_openapi::partners::cert_reads::CertReadsApi;
use partner_openapi::partners::v2_reads::PartnersV2Api;
use partner_openapi::policy::PolicyApi;
use partner_openapi::ui_config::UiConfigApi;
use partner_openapi::user_consent::UserConsentApi;

use crate::routes::{DATASHARE_BASE, PARTNER_BASE, POLICY_BASE};

/// The document under construction (tests read its schema conflicts).
pub fn builder() -> DocumentBuilder {
    DocumentBuilder::new(
        "partner-service",
        env!("CARGO_PKG_VERSION"),
        "MOSIP's partner manager (`/v1/partnermanager`: partners, certificates, API keys, self-service \
         sign-up, audit log) and policy manager (`/v1/policymanager`: policy groups and policies).",
    )
    .mount_as(PARTNER_BASE, ActuatorApi::openapi(), "PartnerManager")
    .mount(PARTNER_BASE, AuditsApi::openapi())
    .mount(PARTNER_BASE, EventsApi::openapi())
    .mount(PARTNER_BASE, OnboardingApi::openapi())
    .mount(PARTNER_BASE, CertificatesApi::openapi())
    .mount(PARTNER_BASE, PartnersApi::openapi())
    .mount(PARTNER_BASE, PartnersV2Api::openapi())
    .mount(PARTNER_BASE, CertReadsApi::openapi())
    .mount(PARTNER_BASE, OidcClientsApi::openapi())
    .mount(PARTNER_BASE, DeviceApi::openapi())
    .mount(PARTNER_BASE, UiConfigApi::openapi())
    .mount(PARTNER_BASE, UserConsentApi::openapi())
    .mount(PARTNER_BASE, NotificationsApi::openapi())
    .mount_as(POLICY_BASE, ActuatorApi::openapi(), "PolicyManager")
    .mount(POLICY_BASE, PolicyApi::openapi())
    .mount(DATASHARE_BASE, DatashareApi::openapi())
}

/// The finished document.
pub fn document() -> OpenApi {
    builder().build()
}
