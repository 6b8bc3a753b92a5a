//! The certificate reads' answers, with MOSIP's field names.

use serde::Serialize;
use utoipa::ToSchema;

/// `OriginalCertDownloadResponseDto`: the partner's uploaded (CA-signed) certificate and the
/// one the service re-signed, PEM; an expired one is answered as `""` and flagged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OriginalCertificateDto {
    #[schema(example = "-----BEGIN CERTIFICATE-----\nMIID…\n-----END CERTIFICATE-----")]
    pub ca_signed_certificate_data: String,
    pub is_ca_signed_certificate_expired: bool,
    #[schema(example = "-----BEGIN CERTIFICATE-----\nMIID…\n-----END CERTIFICATE-----")]
    pub mosip_signed_certificate_data: String,
    pub is_mosip_signed_certificate_expired: bool,
}

/// `CertificateDto`: one of the caller's partners and its re-signed certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CertificateDetailsDto {
    pub partner_id: String,
    /// The certificate subject's common name; `null` without a certificate.
    pub certificate_issued_to: Option<String>,
    /// The re-signed certificate's start of validity (its upload).
    #[schema(example = "2024-08-01T14:30:00.000+00:00")]
    pub certificate_upload_date_time: Option<String>,
    #[schema(example = "2025-08-01T14:30:00.000+00:00")]
    pub certificate_expiry_date_time: Option<String>,
    #[schema(example = "Auth_Partner")]
    pub partner_type: String,
    pub is_certificate_available: bool,
    /// False for an approved partner that was deactivated.
    pub is_partner_active: bool,
}

/// `PartnerDetailsV3Dto`: a partner's details for admins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartnerDetailsV3Dto {
    pub partner_id: String,
    /// Always `null`: the service keeps no user names (MOSIP reads them from Keycloak).
    pub first_name: Option<String>,
    /// Always `null` (see `firstName`).
    pub last_name: Option<String>,
    #[schema(example = "approved")]
    pub approval_status: String,
    #[schema(example = "2024-08-01T14:30:00.000")]
    pub created_date_time: String,
    #[schema(example = "Auth_Partner")]
    pub partner_type: String,
    pub organization_name: String,
    pub contact_number: Option<String>,
    pub policy_group_name: Option<String>,
    pub policy_group_description: Option<String>,
    pub email_id: Option<String>,
    #[schema(example = "2024-08-01T14:30:00.000+00:00")]
    pub certificate_upload_date_time: Option<String>,
    #[schema(example = "2025-08-01T14:30:00.000+00:00")]
    pub certificate_expiry_date_time: Option<String>,
    pub is_certificate_available: bool,
    pub is_active: bool,
}
