//! The certificate operations' requests and answers, with MOSIP's field names.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// `CACertificateRequestDto` (P9).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CaCertificateRequest {
    /// One PEM certificate, or several (PEM or a base64 PKCS#7 bundle).
    #[schema(required = true, example = "-----BEGIN CERTIFICATE-----\nMIID…\n-----END CERTIFICATE-----")]
    pub certificate_data: Option<String>,
    /// One of the configured domains (`AUTH`, `FTM`, `DEVICE`), case-insensitive.
    #[schema(required = true, example = "AUTH")]
    pub partner_domain: Option<String>,
}

/// `CACertificateResponseDto` (P9).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CaCertificateResponse {
    /// `Upload Success.`, `Partial Upload Success.` or `Upload Failed.`
    #[schema(example = "Upload Success.")]
    pub status: &'static str,
    /// UTC, without offset.
    #[schema(example = "2024-05-01T10:20:30.123")]
    pub timestamp: String,
}

/// `PartnerCertificateUploadRequestDto` (P10).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartnerCertificateRequest {
    #[schema(required = true, example = "mpartner-default-auth")]
    pub partner_id: Option<String>,
    /// One PEM certificate whose subject `O` is the partner's organisation name.
    #[schema(required = true, example = "-----BEGIN CERTIFICATE-----\nMIID…\n-----END CERTIFICATE-----")]
    pub certificate_data: Option<String>,
    #[schema(required = true, example = "AUTH")]
    pub partner_domain: Option<String>,
}

/// `PartnerCertificateResponseDto` (P10).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartnerCertificateResponse {
    /// The certificate re-signed by the service, PEM.
    pub signed_certificate_data: String,
    pub certificate_id: String,
    /// UTC, without offset.
    #[schema(example = "2024-05-01T10:20:30.123")]
    pub timestamp: String,
}

/// `PartnerCertDownloadResponeDto` (P11).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CertificateDataResponse {
    /// The partner's certificate as re-signed by the service, PEM.
    pub certificate_data: String,
    /// UTC, without offset.
    #[schema(example = "2024-05-01T10:20:30.123")]
    pub timestamp: String,
}
