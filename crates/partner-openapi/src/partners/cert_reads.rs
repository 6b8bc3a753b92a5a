//! MOSIP 1.2.2's certificate reads and a partner's details for admins, answered in the 1.2.2
//! envelope (`ResponseWrapperV2`).

use partner_app::cert_reads::{
    CertificateDetailsDto, OriginalCertificateDto, PartnerDetailsV3Dto, TrustCertificateFileDto,
    TrustCertificateSummaryDto, TrustCertificatesQuery,
};
use serde::Deserialize;
use utoipa::IntoParams;
use web_support::ResponseEnvelopeV2;
use web_support::paged::{PageQuery, PageResponseV2};

/// The query of `GET /partners/partner-certificates-details`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ExpiryQuery {
    /// 1 to 30: only the certificates valid now that expire by the end of that day.
    pub expiry_period: Option<i64>,
}

op! {
    /// `GET /partners/{partnerId}/certificate-data`.
    certificate_data: get "/partners/{partnerId}/certificate-data", "getPartnerCertificateData", "Partners", "The partner's uploaded and re-signed certificates (MOSIP 1.2.2)";
    description = "The certificate the partner uploaded (`caSignedCertificateData`) and the one the \
service re-signed (`mosipSignedCertificateData`), PEM; an expired one is answered as `\"\"` with its \
`is…Expired` flag true. A partner user reads its own partners only; `PARTNER_ADMIN` any partner. \
Roles: `PARTNER`, `PMS_USER`, `AUTH_PARTNER`, `ABIS_PARTNER`, `SDK_PARTNER`, `DEVICE_PROVIDER`, \
`FTM_PROVIDER`, `CREDENTIAL_PARTNER`, `CREDENTIAL_ISSUANCE`, `CREATE_SHARE`, `ID_AUTHENTICATION`, \
`PARTNER_ADMIN`, `ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.original.partner.certificate.get`): \
`PMS_FEATURE_003` the feature is off (`ui.ca_signed_partner_certificate_available`); \
`PMS_CERTIFICATE_ERROR_002` the caller owns no partner; `PMS_CERTIFICATE_ERROR_007` another \
partner's; `PMS_PRT_005` unknown partner; `PMS_PRT_108` no certificate uploaded; \
`PMS_CERTIFICATE_ERROR_009` the partner is deactivated; `KER-PCM-012` the certificate is not \
stored; `PMS_CERTIFICATE_ERROR_008` a stored certificate does not parse.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    responses((status = 200, description = "The certificates, or the errors", body = ResponseEnvelopeV2<OriginalCertificateDto>))
}

op! {
    /// `GET /partners/partner-certificates-details`.
    certificates_details: get "/partners/partner-certificates-details", "getPartnerCertificatesDetails", "Partners", "The certificates of the caller's partners (MOSIP 1.2.2)";
    description = "Each of the caller's partners, in id order, with its re-signed certificate's \
common name, start and end of validity (`isCertificateAvailable` false without one) and whether \
the partner is active. With `expiryPeriod` (1–30 days), only the partners whose certificate is \
valid now and expires by the end of that day. Roles: `AUTH_PARTNER`, `ABIS_PARTNER`, \
`SDK_PARTNER`, `DEVICE_PROVIDER`, `FTM_PROVIDER`, `CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, \
`ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.partner.certificates.get`): \
`PMS_CERTIFICATE_ERROR_002` the caller owns no partner; `PMS_COR_001` an `expiryPeriod` outside \
1–30. An `expiryPeriod` that is not a number: HTTP 400 `PMS_COR_001`.",
    params(ExpiryQuery),
    responses((status = 200, description = "The certificates, or the errors", body = ResponseEnvelopeV2<Vec<CertificateDetailsDto>>))
}

op! {
    /// `GET /admin-partners/{partnerId}`.
    admin_partner: get "/admin-partners/{partnerId}", "getAdminPartnerDetails", "Partners", "A partner's details, for admins (MOSIP 1.2.2)";
    description = "The partner, its policy group and its re-signed certificate's dates. \
`firstName` and `lastName` are always `null` (MOSIP reads them from Keycloak). Roles: \
`PARTNER_ADMIN`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.partner.details.get`): \
`PMS_CERTIFICATE_ERROR_002` the caller owns no partner; `PMS_PRT_005` unknown partner; \
`PMS_POLICY_ERROR_005` a partner other than a device or FTM provider without a policy group; \
`PMS_POLICY_ERROR_001` its group does not exist; `KER-PCM-012` its certificate is not stored; \
`PMS_CERTIFICATE_ERROR_008` a stored certificate does not parse.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    responses((status = 200, description = "The details, or the errors", body = ResponseEnvelopeV2<PartnerDetailsV3Dto>))
}

op! {
    /// `GET /trust-chain-certificates`.
    trust_certificates: get "/trust-chain-certificates", "getTrustCertificates", "Partners", "A page of the uploaded CA and intermediate certificates (MOSIP 1.2.2)";
    description = "The trust store's certificates, the service's own ROOT and PMS certificates \
left out; filtered, sorted and paged in the database. `caCertificateType` (`ROOT`, \
`INTERMEDIATE`) and `partnerDomain` match exactly (any case); `certificateId`, `issuedTo` (subject) \
and `issuedBy` (issuer) a case-insensitive substring; `expiryPeriod` (1–30 days) keeps the \
certificates valid now that expire by the end of that day. Sort fields: `caCertificateType`, \
`certificateId`, `partnerDomain`, `issuedTo`, `issuedBy`, `validFrom`, `validTill`, \
`uploadedDateTime`; without a sort, oldest upload first. The page answers the requested size. \
Roles: `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.trust.certificates.get`): `PMS_FEATURE_001` the \
feature is off (`ui.root_and_intermediate_certificates_available`); `PMS_PS_ERROR_007` only one of \
`sortFieldName` and `sortType`; `PMS_PRT_357` unknown `sortFieldName`; `PMS_PRT_358` `sortType` \
not `ASC`/`DESC`; `PMS_PRT_360` bad `pageNo`; `PMS_PRT_361` bad `pageSize`; `KER-PCM-011` a domain \
not configured; `KER-PCM-018` a type neither `ROOT` nor `INTERMEDIATE`; `PMS_COR_001` an \
`expiryPeriod` outside 1–30. An `expiryPeriod` that is not a number: HTTP 400 `PMS_COR_001`.",
    params(PageQuery, TrustCertificatesQuery),
    responses((status = 200, description = "The page, or the errors", body = ResponseEnvelopeV2<PageResponseV2<TrustCertificateSummaryDto>>))
}

op! {
    /// `GET /trust-chain-certificates/{certificateId}/certificateFile`.
    trust_certificate_file: get "/trust-chain-certificates/{certificateId}/certificateFile", "downloadTrustCertificates", "Partners", "A CA or intermediate certificate with its chain, as a PKCS#7 file (MOSIP 1.2.2)";
    description = "The certificate and those above it up to its root, in that order, as PEM \
PKCS#7 (`-----BEGIN PKCS7-----`). Roles: `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.download.trust.certificates.get`): \
`PMS_FEATURE_001` the feature is off; `PMS_PRT_099` an id that is not 1–36 letters, digits or \
`-`; `KER-PMS-019` no such certificate; `PMS_CERTIFICATE_ERROR_011` a stored certificate does not \
parse.",
    params(("certificateId" = String, Path, description = "The CA certificate's id")),
    responses((status = 200, description = "The file, or the errors", body = ResponseEnvelopeV2<TrustCertificateFileDto>))
}

/// The certificate read operations (paths relative to `/v1/partnermanager`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(certificate_data, certificates_details, admin_partner, trust_certificates, trust_certificate_file))]
pub struct CertReadsApi;
