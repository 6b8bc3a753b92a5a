//! MOSIP 1.2.2's certificate reads and a partner's details for admins, answered in the 1.2.2
//! envelope (`ResponseWrapperV2`).

use actix_web::web;
use partner_app::cert_reads::{
    self, CertificateDetailsDto, OriginalCertificateDto, PartnerDetailsV3Dto, TrustCertificateFileDto,
    TrustCertificateSummaryDto, TrustCertificatesQuery,
};
use partner_app::certificates::CertificateConfig;
use partner_app::roles;
use partner_app::settings::UiSettings;
use partner_openapi::partners::cert_reads::ExpiryQuery;
use web_support::openapi::Registrar;
use web_support::paged::{PageQuery, PageResponseV2};
use web_support::{ApiError, Db, Principal, ReplyV2};

/// The certificate read routes (relative to `/v1/partnermanager`), literal paths first.
pub fn register(r: &mut Registrar<'_>) {
    r.get("/partners/partner-certificates-details", certificates_details)
        .get("/partners/{partnerId}/certificate-data", certificate_data)
        .get("/admin-partners/{partnerId}", admin_partner)
        .get("/trust-chain-certificates", trust_certificates)
        .get("/trust-chain-certificates/{certificateId}/certificateFile", trust_certificate_file);
}

/// `GET /partners/{partnerId}/certificate-data`.
#[tracing::instrument(skip_all)]
pub async fn certificate_data(
    principal: Principal,
    db: web::Data<Db>,
    ui: web::Data<UiSettings>,
    path: web::Path<String>,
) -> Result<ReplyV2<OriginalCertificateDto>, ApiError> {
    principal.require_any(roles::CERT_READ)?;
    let enabled = ui.ca_signed_partner_certificate_available;
    let outcome = db.call(move |store| cert_reads::certificate_data(store, &principal, &path, enabled)).await;
    Ok(ReplyV2::new("mosip.pms.original.partner.certificate.get", outcome))
}

/// `GET /partners/partner-certificates-details`.
#[tracing::instrument(skip_all)]
pub async fn certificates_details(
    principal: Principal,
    db: web::Data<Db>,
    query: web::Query<ExpiryQuery>,
) -> Result<ReplyV2<Vec<CertificateDetailsDto>>, ApiError> {
    principal.require_any(roles::PARTNERS_V3)?;
    let period = query.expiry_period;
    let outcome = db.call(move |store| cert_reads::certificates_details(store, &principal, period)).await;
    Ok(ReplyV2::new("mosip.pms.partner.certificates.get", outcome))
}

/// `GET /admin-partners/{partnerId}`.
#[tracing::instrument(skip_all)]
pub async fn admin_partner(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
) -> Result<ReplyV2<PartnerDetailsV3Dto>, ApiError> {
    principal.require_any(roles::ADMIN_PARTNERS)?;
    let outcome = db.call(move |store| cert_reads::admin_partner_details(store, &principal, &path)).await;
    Ok(ReplyV2::new("mosip.pms.partner.details.get", outcome))
}

/// `GET /trust-chain-certificates`.
#[tracing::instrument(skip_all)]
pub async fn trust_certificates(
    principal: Principal,
    db: web::Data<Db>,
    ui: web::Data<UiSettings>,
    cfg: web::Data<CertificateConfig>,
    paging: web::Query<PageQuery>,
    query: web::Query<TrustCertificatesQuery>,
) -> Result<ReplyV2<PageResponseV2<TrustCertificateSummaryDto>>, ApiError> {
    principal.require_any(roles::ADMIN_PARTNERS)?;
    let enabled = ui.root_and_intermediate_certificates_available;
    let outcome = match cert_reads::trust_certificates_request(enabled, &paging, &query, &cfg.allowed_domains) {
        Ok((page, filter, period)) => {
            db.call(move |store| cert_reads::trust_certificates(store, &principal, &page, filter, period)).await
        }
        Err(refused) => Err(refused.into()),
    };
    Ok(ReplyV2::new("mosip.pms.trust.certificates.get", outcome))
}

/// `GET /trust-chain-certificates/{certificateId}/certificateFile`.
#[tracing::instrument(skip_all)]
pub async fn trust_certificate_file(
    principal: Principal,
    db: web::Data<Db>,
    ui: web::Data<UiSettings>,
    path: web::Path<String>,
) -> Result<ReplyV2<TrustCertificateFileDto>, ApiError> {
    principal.require_any(roles::ADMIN_PARTNERS)?;
    let enabled = ui.root_and_intermediate_certificates_available;
    let outcome = db.call(move |store| cert_reads::trust_certificate_file(store, &principal, &path, enabled)).await;
    Ok(ReplyV2::new("mosip.pms.download.trust.certificates.get", outcome))
}
