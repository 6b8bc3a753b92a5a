//! `/v1/partnermanager/partners/certificate/**` and `/partners/{partnerId}/certificate`.
//!
//! MOSIP's PMS forwards these to its keymanager; here the keymanager's checks run in
//! `partner_domain::certificate`, with its codes and order, over the certificate tables.

use actix_web::{HttpResponse, web};
use audit_events::AuditEvent;
use chrono::{NaiveDateTime, TimeDelta};
use partner_domain::certificate::{
    self as cert, CaCertType, Certificate, CertificateError, PartnerDomain, ResignRules, ServiceKeys, SignerSubject,
    SigningIdentity, StoredCa, parse,
};
use persistence::DbConnection;
use persistence::repo::certificate::{self as repo, CaCertRow, PartnerCertRow, SigningKeyRow};
use rand_core::OsRng;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use web_support::openapi::Registrar;
use web_support::settings::CertificateSettings;
use web_support::{ApiError, Db, Principal, RequestEnvelope, ResponseEnvelope, Settings, time};

use crate::error::certificate as cert_error;
use crate::roles;

/// The certificate routes (relative to `/v1/partnermanager`).
pub fn register(r: &mut Registrar<'_>) {
    r.post("/partners/certificate/ca/upload", upload_ca_certificate)
        .post("/partners/certificate/upload", upload_partner_certificate)
        .get("/partners/{partnerId}/certificate", get_partner_certificate);
}

/// The certificate operations (paths relative to `/v1/partnermanager`); see
/// `docs/development.md` ("Documenting an endpoint").
#[derive(utoipa::OpenApi)]
#[openapi(paths(upload_ca_certificate, upload_partner_certificate, get_partner_certificate))]
pub struct CertificatesApi;

/// Who creates the rows keymanager marks `SYSTEM`.
const SYSTEM: &str = "SYSTEM";
/// `approval_status` of a partner that registered and waits for its certificate.
const IN_PROGRESS: &str = "InProgress";

/// `CACertificateRequestDto` (P9).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CaCertificateRequest {
    /// One PEM certificate, or several (PEM or a base64 PKCS#7 bundle).
    #[schema(required = true, example = "-----BEGIN CERTIFICATE-----\nMIID…\n-----END CERTIFICATE-----")]
    certificate_data: Option<String>,
    /// One of the configured domains (`AUTH`, `FTM`, `DEVICE`), case-insensitive.
    #[schema(required = true, example = "AUTH")]
    partner_domain: Option<String>,
}

/// `CACertificateResponseDto` (P9).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
struct CaCertificateResponse {
    /// `Upload Success.`, `Partial Upload Success.` or `Upload Failed.`
    #[schema(example = "Upload Success.")]
    status: &'static str,
    /// UTC, without offset.
    #[schema(example = "2024-05-01T10:20:30.123")]
    timestamp: String,
}

/// `PartnerCertificateUploadRequestDto` (P10).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartnerCertificateRequest {
    #[schema(required = true, example = "mpartner-default-auth")]
    partner_id: Option<String>,
    /// One PEM certificate whose subject `O` is the partner's organisation name.
    #[schema(required = true, example = "-----BEGIN CERTIFICATE-----\nMIID…\n-----END CERTIFICATE-----")]
    certificate_data: Option<String>,
    #[schema(required = true, example = "AUTH")]
    partner_domain: Option<String>,
}

/// `PartnerCertificateResponseDto` (P10).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
struct PartnerCertificateResponse {
    /// The certificate re-signed by the service, PEM.
    signed_certificate_data: String,
    certificate_id: String,
    /// UTC, without offset.
    #[schema(example = "2024-05-01T10:20:30.123")]
    timestamp: String,
}

/// `PartnerCertDownloadResponeDto` (P11).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
struct CertificateDataResponse {
    /// The partner's certificate as re-signed by the service, PEM.
    certificate_data: String,
    /// UTC, without offset.
    #[schema(example = "2024-05-01T10:20:30.123")]
    timestamp: String,
}

/// `@NotBlank`: `PMS_COR_001` "must not be blank".
fn not_blank(value: Option<String>, field: &str) -> Result<String, ApiError> {
    value.filter(|v| !v.trim().is_empty()).ok_or_else(|| ApiError::invalid_field(field, "must not be blank"))
}

/// Certificate data over the configured size is refused before it is parsed.
fn within_limit(data: &str, cfg: &CertificateSettings, too_big: CertificateError) -> Result<(), ApiError> {
    if data.len() > cfg.max_certificate_bytes { Err(cert_error(too_big)) } else { Ok(()) }
}

/// P9: upload CA / sub-CA certificates (one PEM, or a PKCS#7 bundle) into a domain's trust store.
#[utoipa::path(
    post,
    path = "/partners/certificate/ca/upload",
    operation_id = "uploadCACertificate",
    tag = "Certificates",
    summary = "P9: upload CA and sub-CA certificates",
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
)]
#[tracing::instrument(skip_all)]
pub async fn upload_ca_certificate(
    principal: Principal,
    db: web::Data<Db>,
    settings: web::Data<Settings>,
    body: web::Json<RequestEnvelope<CaCertificateRequest>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::CERT_CA_UPLOAD)?;
    let request = body.into_inner().into_request()?;
    let data = not_blank(request.certificate_data, "certificateData")?;
    let domain = not_blank(request.partner_domain, "partnerDomain")?;
    let cfg = settings.certificates.clone();
    let now = time::now();
    let op = db
        .op(&principal)
        .call(AuditEvent::RequestPartnerKey, None)
        .on_failure(AuditEvent::CaCertificateUploadFailed, None);
    let status = db
        .audited(op, move |conn, trail| {
            within_limit(&data, &cfg, CertificateError::InvalidCertificate)?;
            let certs = parse::ca_certificates(&data).map_err(cert_error)?;
            let domain = PartnerDomain::parse(&domain, &cfg.allowed_domains).map_err(cert_error)?;
            let existing = stored_cas(repo::ca_certificates(conn, domain.as_str())?);
            let upload = cert::ca_upload(certs, &existing, now, new_id).map_err(cert_error)?;
            for new in &upload.stored {
                let row = ca_row(&new.id, &new.certificate, new.kind, &new.issuer_id, &domain, now);
                insert_ca(conn, &row)?;
            }
            if upload.stored.is_empty() {
                trail.push(AuditEvent::CaCertificateUploadFailed, Some(domain.as_str()));
            } else {
                trail.push(AuditEvent::PartnerKeyCreated, Some(domain.as_str()));
            }
            Ok(upload.status)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .json(ResponseEnvelope::ok(CaCertificateResponse { status: status.message(), timestamp: time::local(now) })))
}

/// P10: upload a partner's certificate: checked against the domain's CAs, re-signed by the
/// service, and the partner becomes active and approved.
#[utoipa::path(
    post,
    path = "/partners/certificate/upload",
    operation_id = "uploadPartnerCertificate",
    tag = "Certificates",
    summary = "P10: upload a partner's certificate",
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
)]
#[tracing::instrument(skip_all)]
pub async fn upload_partner_certificate(
    principal: Principal,
    db: web::Data<Db>,
    settings: web::Data<Settings>,
    body: web::Json<RequestEnvelope<PartnerCertificateRequest>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::CERT_UPLOAD)?;
    let request = body.into_inner().into_request()?;
    let partner_id = not_blank(request.partner_id, "partnerId")?;
    let data = not_blank(request.certificate_data, "certificateData")?;
    let domain = not_blank(request.partner_domain, "partnerDomain")?;
    principal.require_self_or_admin(&partner_id)?;
    let cfg = settings.certificates.clone();
    let user = principal.user_id.clone();
    let now = time::now();
    let op = db
        .op(&principal)
        .call(AuditEvent::RequestPartnerKey, Some(&partner_id))
        .on_failure(AuditEvent::CertificateUploadFailed, Some(&partner_id));
    let answer = db
        .audited(op, move |conn, trail| {
            let partner = repo::partner(conn, &partner_id)?.ok_or_else(|| {
                cert_error(CertificateError::PartnerNotFound)
                    .audit(AuditEvent::PartnerMissing, Some(&partner_id))
                    .audit(AuditEvent::CertificateUploadFailed, Some(&partner_id))
            })?;
            if partner.approval_status != IN_PROGRESS && !partner.is_active {
                return Err(cert_error(CertificateError::PartnerNotActive));
            }
            let policy_required =
                partner.policy_required.ok_or(CertificateError::PartnerTypeNotFound).map_err(cert_error)?;
            if policy_required && partner.policy_group_id.is_none() {
                return Err(cert_error(CertificateError::PolicyGroupNotMapped));
            }
            let too_big = CertificateError::Parsing(format!(
                " Certificate data is larger than {} bytes.",
                cfg.max_certificate_bytes
            ));
            within_limit(&data, &cfg, too_big)?;
            let certificate = parse::pem_certificate(&data).map_err(cert_error)?;
            let domain = PartnerDomain::parse(&domain, &cfg.allowed_domains).map_err(cert_error)?;
            let store = stored_cas(repo::ca_certificates(conn, domain.as_str())?);
            let min_days = cert::min_validity_days(cfg.resign_validity_years, cfg.grace_days);
            let path = cert::check_partner(&certificate, &partner.name, &store, now, min_days).map_err(cert_error)?;
            let rules = ResignRules { validity_days: resign_days(&cfg), resign_ftm: cfg.resign_ftm_domain_certs };
            let keys = service_keys(conn, &cfg, now)?;
            let path_certs: Vec<&Certificate> =
                path.iter().filter_map(|i| store.get(*i)).map(|s| &s.certificate).collect();
            let upload =
                cert::complete_partner_upload(&certificate, &path_certs, &domain, &keys, rules, now, &mut OsRng)
                    .map_err(cert_error)?;
            let issuer_id = path.first().and_then(|i| store.get(*i)).map(|s| s.id.clone()).unwrap_or_default();
            let cert_id = new_id();
            repo::insert_partner_certificate(
                conn,
                &PartnerCertRow {
                    cert_id: cert_id.clone(),
                    partner_id: partner.id.clone(),
                    cert_subject: certificate.subject_dn(),
                    cert_issuer: certificate.issuer_dn(),
                    issuer_id,
                    cert_not_before: certificate.not_before(),
                    cert_not_after: certificate.not_after(),
                    partner_domain: domain.as_str().to_owned(),
                    cert_data: certificate.pem(),
                    signed_cert_data: upload.resigned.pem(),
                    signed_cert_chain: upload.chain.clone(),
                    key_usage: String::new(),
                    organization_name: partner.name.clone(),
                    cert_thumbprint: certificate.thumbprint(),
                    cert_serial_no: certificate.serial_decimal(),
                    cr_by: SYSTEM.into(),
                    cr_dtimes: now,
                    upd_by: None,
                    upd_dtimes: None,
                    is_deleted: false,
                    del_dtimes: None,
                },
            )?;
            if upload.leaf == upload.resigned {
                trust_service_chain(conn, &keys, &domain, now)?;
            }
            if repo::mark_certificate_uploaded(conn, &partner.id, &cert_id, &user, now)? != 1 {
                return Err(cert_error(CertificateError::PartnerNotFound));
            }
            trail.push(AuditEvent::PartnerKeyCreated, Some(&partner.id));
            Ok(PartnerCertificateResponse {
                signed_certificate_data: upload.leaf.pem(),
                certificate_id: cert_id,
                timestamp: time::local(now),
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(answer)))
}

/// P11: the partner's certificate as re-signed by the service.
#[utoipa::path(
    get,
    path = "/partners/{partnerId}/certificate",
    operation_id = "getPartnerCertificate",
    tag = "Certificates",
    summary = "P11: a partner's certificate",
    description = "The partner's certificate as re-signed by the service at its last upload. \
Roles: `PARTNER`, `PMS_USER`, `AUTH_PARTNER`, `ABIS_PARTNER`, `SDK_PARTNER`, `DEVICE_PROVIDER`, \
`FTM_PROVIDER`, `CREDENTIAL_PARTNER`, `CREDENTIAL_ISSUANCE`, `ID_AUTHENTICATION`, `PARTNER_ADMIN`, \
`ONLINE_VERIFICATION_PARTNER`, `CREATE_SHARE`; a caller without an admin role reads its own only \
(else 403).\n\n\
Errors (HTTP 200): `PMS_PRT_005` no such partner; `PMS_PRT_108` no certificate uploaded; \
`KER-PCM-012` the certificate recorded for the partner is not stored.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "mpartner-default-auth")),
    responses((status = 200, description = "The certificate, or the errors", body = ResponseEnvelope<CertificateDataResponse>))
)]
#[tracing::instrument(skip_all)]
pub async fn get_partner_certificate(
    principal: Principal,
    db: web::Data<Db>,
    partner_id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::CERT_READ)?;
    let partner_id = partner_id.into_inner();
    principal.require_self_or_admin(&partner_id)?;
    let op = db.op(&principal).call(AuditEvent::GetCertificate, Some(&partner_id));
    let data = db
        .audited_read(op, move |conn, trail| {
            let partner = repo::partner(conn, &partner_id)?.ok_or_else(|| {
                cert_error(CertificateError::PartnerNotFound).audit(AuditEvent::PartnerMissing, Some(&partner_id))
            })?;
            let alias = partner
                .certificate_alias
                .filter(|a| !a.trim().is_empty())
                .ok_or_else(|| cert_error(CertificateError::NotUploaded))?;
            let row = repo::partner_certificate(conn, &alias)?
                .ok_or_else(|| cert_error(CertificateError::CertificateIdNotFound))?;
            trail.push(AuditEvent::GetCertificateSuccess, Some(&partner.id));
            Ok(row.signed_cert_data)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(CertificateDataResponse {
        certificate_data: data,
        timestamp: time::local(time::now()),
    })))
}

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn resign_days(cfg: &CertificateSettings) -> i64 {
    365 * i64::from(cfg.resign_validity_years.max(1))
}

/// The domain's CA rows as the checks read them; a row whose stored PEM no longer parses is
/// left out (and logged).
fn stored_cas(rows: Vec<CaCertRow>) -> Vec<StoredCa> {
    rows.into_iter()
        .filter_map(|row| match parse::pem_certificate(&row.cert_data) {
            Ok(certificate) => Some(StoredCa { root: row.ca_cert_type == CaCertType::Root.as_str(), id: row.cert_id, certificate }),
            Err(e) => {
                tracing::warn!(cert_id = row.cert_id.as_str(), error = %e, "stored CA certificate does not parse; ignored");
                None
            }
        })
        .collect()
}

fn ca_row(
    id: &str,
    certificate: &Certificate,
    kind: CaCertType,
    issuer_id: &str,
    domain: &PartnerDomain,
    now: NaiveDateTime,
) -> CaCertRow {
    CaCertRow {
        cert_id: id.to_owned(),
        cert_subject: certificate.subject_dn(),
        cert_issuer: certificate.issuer_dn(),
        issuer_id: issuer_id.to_owned(),
        cert_not_before: certificate.not_before(),
        cert_not_after: certificate.not_after(),
        crl_uri: None,
        cert_data: certificate.pem(),
        cert_thumbprint: certificate.thumbprint(),
        cert_serial_no: certificate.serial_decimal(),
        partner_domain: domain.as_str().to_owned(),
        ca_cert_type: kind.as_str().to_owned(),
        cr_by: SYSTEM.into(),
        cr_dtimes: now,
        upd_by: None,
        upd_dtimes: None,
        is_deleted: false,
        del_dtimes: None,
    }
}

/// Inserts a CA row; losing a race for the same (thumbprint, domain) is KER-PCM-003.
fn insert_ca(conn: &mut DbConnection, row: &CaCertRow) -> Result<(), ApiError> {
    match repo::insert_ca_certificate(conn, row) {
        Ok(_) => Ok(()),
        Err(e) if persistence::is_unique_violation(&e) => Err(cert_error(CertificateError::AlreadyExists)),
        Err(e) => Err(e.into()),
    }
}

/// The service's ROOT as a trust anchor and its PMS key as an intermediate of `domain` (as
/// keymanager stores the chain it answers with), once. Re-signed partner certificates are not
/// added: they are CA certificates holding the partner's key, and would let the partner issue
/// certificates this store trusts.
fn trust_service_chain(
    conn: &mut DbConnection,
    keys: &ServiceKeys,
    domain: &PartnerDomain,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let root_id = new_id();
    let root = ca_row(&root_id, &keys.root.certificate, CaCertType::Root, &root_id, domain, now);
    repo::insert_ca_certificate_if_absent(conn, &root)?;
    let root_id = repo::ca_certificates(conn, domain.as_str())?
        .into_iter()
        .find(|r| r.cert_thumbprint == root.cert_thumbprint)
        .map_or(root_id, |r| r.cert_id);
    let pms = ca_row(&new_id(), &keys.pms.certificate, CaCertType::Intermediate, &root_id, domain, now);
    repo::insert_ca_certificate_if_absent(conn, &pms)?;
    Ok(())
}

/// The current ROOT and PMS keys, generated (and stored, unencrypted) when there are none that
/// outlive what they will sign.
fn service_keys(
    conn: &mut DbConnection,
    cfg: &CertificateSettings,
    now: NaiveDateTime,
) -> Result<ServiceKeys, ApiError> {
    let pms_until = now + TimeDelta::days(resign_days(cfg));
    if let Some(pms) = repo::current_signing_key(conn, cert::PMS_APP_ID, now, pms_until)?
        && let Some(root) = pms.issuer_key_id.as_deref().map(|id| repo::signing_key(conn, id)).transpose()?.flatten()
    {
        return Ok(ServiceKeys { root: identity(&root)?, pms: identity(&pms)? });
    }
    let subject = SignerSubject {
        common_name: cfg.signer_common_name.clone(),
        organizational_unit: cfg.signer_organizational_unit.clone(),
        organization: cfg.signer_organization.clone(),
        locality: cfg.signer_locality.clone(),
        state: cfg.signer_state.clone(),
        country: cfg.signer_country.clone(),
    };
    let pms_days = i64::from(cfg.pms_validity_days).max(resign_days(cfg));
    let root_until = now + TimeDelta::days(pms_days);
    let (root_id, root) = match repo::current_signing_key(conn, cert::ROOT_APP_ID, now, root_until)? {
        Some(row) => (row.key_id.clone(), identity(&row)?),
        None => {
            let root_days = i64::from(cfg.root_validity_days).max(pms_days);
            let root = SigningIdentity::new_root(&mut OsRng, subject.name(cert::ROOT_APP_ID), now, root_days)
                .map_err(cert_error)?;
            let id = new_id();
            repo::insert_signing_key(conn, &key_row(&id, cert::ROOT_APP_ID, None, &root, now)?)?;
            tracing::info!(key_id = id.as_str(), "generated the service's ROOT signing key");
            (id, root)
        }
    };
    let pms = SigningIdentity::new_intermediate(&mut OsRng, subject.name(cert::PMS_APP_ID), &root, now, pms_days)
        .map_err(cert_error)?;
    let pms_id = new_id();
    repo::insert_signing_key(conn, &key_row(&pms_id, cert::PMS_APP_ID, Some(&root_id), &pms, now)?)?;
    tracing::info!(key_id = pms_id.as_str(), "generated the service's PMS signing key");
    Ok(ServiceKeys { root, pms })
}

fn identity(row: &SigningKeyRow) -> Result<SigningIdentity, ApiError> {
    SigningIdentity::from_pem(&row.certificate, &row.private_key).map_err(cert_error)
}

fn key_row(
    id: &str,
    app_id: &str,
    issuer: Option<&str>,
    identity: &SigningIdentity,
    now: NaiveDateTime,
) -> Result<SigningKeyRow, ApiError> {
    Ok(SigningKeyRow {
        key_id: id.to_owned(),
        app_id: app_id.to_owned(),
        issuer_key_id: issuer.map(str::to_owned),
        private_key: identity.key.to_pkcs8_pem().map_err(cert_error)?,
        certificate: identity.certificate.pem(),
        not_before: identity.certificate.not_before(),
        not_after: identity.certificate.not_after(),
        cr_by: SYSTEM.into(),
        cr_dtimes: now,
    })
}
