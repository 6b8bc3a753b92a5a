//! `/v1/partnermanager/partners/certificate/**` and `/partners/{partnerId}/certificate`: the
//! handlers of `partner_app::certificates`.

use partner_app::certificates::{
    CaCertificateRequest, CaCertificateResponse, CertificateDataResponse, PartnerCertificateRequest,
    PartnerCertificateResponse,
};
use web_support::{RequestEnvelope, ResponseEnvelope};

/// The certificate operations (paths relative to `/v1/partnermanager`); see
/// `docs/development.md` ("Documenting an endpoint").
#[derive(utoipa::OpenApi)]
#[openapi(paths(upload_ca_certificate, upload_partner_certificate, get_partner_certificate))]
pub struct CertificatesApi;

op! {
    /// P9: upload CA / sub-CA certificates (one PEM, or a PKCS#7 bundle) into a domain's trust store.
    upload_ca_certificate: post "/partners/certificate/ca/upload", "uploadCACertificate", "Certificates", "P9: upload CA and sub-CA certificates";
    description = "Adds root and intermediate certificates to a partner domain's trust store: a \
self-signed one as a root, any other when it chains to the domain's store. Of a bundle, the \
certificates that cannot be stored are skipped (`Partial Upload Success.`, or `Upload Failed.` \
when none is stored). Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request`, `certificateData` or `partnerDomain` missing or \
blank, or a malformed `requesttime`; `KER-PCM-001` the data does not parse or is over the size \
limit; `KER-CRY-003` neither PEM nor base64; `KER-PCM-011` a domain not allowed; and, for one \
certificate: `KER-PCM-003` already in the domain's store, `KER-PCM-004` not valid now, \
`KER-PCM-005` no path to the domain's roots.",
    request_body(
        content = RequestEnvelope<CaCertificateRequest>,
        example = json!({"id": "mosip.partnermanagement.partners.certificate.ca.upload", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"certificateData": "-----BEGIN CERTIFICATE-----\nMIID…\n-----END CERTIFICATE-----", "partnerDomain": "AUTH"}})
    ),
    responses((status = 200, description = "The upload's status, or the errors", body = ResponseEnvelope<CaCertificateResponse>))
}

op! {
    /// P10: upload a partner's certificate: checked against the domain's CAs, re-signed by the
    /// service, and the partner becomes active and approved.
    upload_partner_certificate: post "/partners/certificate/upload", "uploadPartnerCertificate", "Certificates", "P10: upload a partner's certificate";
    description = "Checks the partner's certificate against the domain's CA certificates, re-signs \
it with the service's key and answers the re-signed certificate; the partner becomes active and \
approved. Roles: `PARTNER`, `PMS_USER`, `AUTH_PARTNER`, `ABIS_PARTNER`, `SDK_PARTNER`, `DEVICE_PROVIDER`, \
`FTM_PROVIDER`, `CREDENTIAL_PARTNER`, `CREDENTIAL_ISSUANCE`, `ID_AUTHENTICATION`, `PARTNER_ADMIN`, \
`ONLINE_VERIFICATION_PARTNER`; a caller without an admin role uploads for itself only \
(else 403).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request`, `partnerId`, `certificateData` or `partnerDomain` \
missing or blank, or a malformed `requesttime`; `PMS_PRT_005` no such partner; `PMS_PMP_016` the \
partner is not active; `PMS_PRT_010` its partner type is unknown; `PMS_PRT_054` its type needs a \
policy group and it has none; `KER-KMS-013` not a PEM certificate, or over the size limit; \
`KER-PCM-011` a domain not allowed; `KER-PCM-004` not valid now or too little validity left; \
`KER-PCM-015` self-signed; `KER-PCM-006` no path to the domain's roots; `KER-PCM-007` not X.509 \
v3; `KER-PCM-008` the subject's `O` is not the partner's organisation name; `KER-PCM-013` RSA key \
under 2048 bits; `KER-PCM-014` signature algorithm not allowed.",
    request_body(
        content = RequestEnvelope<PartnerCertificateRequest>,
        example = json!({"id": "mosip.partnermanagement.partners.certificate.upload", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"partnerId": "mpartner-default-auth", "partnerDomain": "AUTH",
                "certificateData": "-----BEGIN CERTIFICATE-----\nMIID…\n-----END CERTIFICATE-----"}})
    ),
    responses((status = 200, description = "The re-signed certificate and its id, or the errors", body = ResponseEnvelope<PartnerCertificateResponse>))
}

op! {
    /// P11: the partner's certificate as re-signed by the service.
    get_partner_certificate: get "/partners/{partnerId}/certificate", "getPartnerCertificate", "Certificates", "P11: a partner's certificate";
    description = "The partner's certificate as re-signed by the service at its last upload. \
Roles: `PARTNER`, `PMS_USER`, `AUTH_PARTNER`, `ABIS_PARTNER`, `SDK_PARTNER`, `DEVICE_PROVIDER`, \
`FTM_PROVIDER`, `CREDENTIAL_PARTNER`, `CREDENTIAL_ISSUANCE`, `ID_AUTHENTICATION`, `PARTNER_ADMIN`, \
`ONLINE_VERIFICATION_PARTNER`, `CREATE_SHARE`; a caller without an admin role reads its own only \
(else 403).\n\n\
Errors (HTTP 200): `PMS_PRT_005` no such partner; `PMS_PRT_108` no certificate uploaded; \
`KER-PCM-012` the certificate recorded for the partner is not stored.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "mpartner-default-auth")),
    responses((status = 200, description = "The certificate, or the errors", body = ResponseEnvelope<CertificateDataResponse>))
}
