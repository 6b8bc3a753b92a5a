//! MOSIP 1.2.2's trust-store reads for admins: the uploaded CA and intermediate certificates,
//! paged (`GET /trust-chain-certificates`), and one of them with its chain as a PKCS#7 file
//! (`GET /trust-chain-certificates/{certificateId}/certificateFile`). The service's own ROOT and
//! PMS certificates are left out of the list, as MOSIP's keymanager leaves out its own.

use app_core::paged::{PageQuery, PageRequest, PageResponseV2};
use app_core::time::local;
use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use partner_domain::certificate::Certificate;
use partner_domain::certificate::parse::{p7b_pem, pem_certificate};
use persistence::repo::cert_reads::{self as repo, TrustFilter, TrustSortKey, TrustSummaryRow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::expiry_limit;

/// The sort fields of the trust list, as MOSIP names them.
pub const TRUST_SORT_FIELDS: &[(&str, TrustSortKey)] = &[
    ("caCertificateType", TrustSortKey::CaCertificateType),
    ("certificateId", TrustSortKey::CertificateId),
    ("partnerDomain", TrustSortKey::PartnerDomain),
    ("issuedTo", TrustSortKey::IssuedTo),
    ("issuedBy", TrustSortKey::IssuedBy),
    ("validFrom", TrustSortKey::ValidFrom),
    ("validTill", TrustSortKey::ValidTill),
    ("uploadedDateTime", TrustSortKey::UploadedDateTime),
];

/// The longest chain followed when a certificate file is built.
const MAX_CHAIN: usize = 16;

/// The filters of `GET /trust-chain-certificates`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct TrustCertificatesQuery {
    /// `ROOT` or `INTERMEDIATE` (any case).
    pub ca_certificate_type: Option<String>,
    /// A case-insensitive substring of the certificate id.
    pub certificate_id: Option<String>,
    /// One of the configured domains (`AUTH`, `DEVICE`, `FTM`), any case.
    pub partner_domain: Option<String>,
    /// A case-insensitive substring of the subject DN.
    pub issued_to: Option<String>,
    /// A case-insensitive substring of the issuer DN.
    pub issued_by: Option<String>,
    /// 1 to 30: only the certificates valid now that expire by the end of that day.
    pub expiry_period: Option<i64>,
}

/// `TrustCertificateSummaryDto`: one CA or intermediate certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TrustCertificateSummaryDto {
    /// `ROOT` or `INTERMEDIATE`.
    #[schema(example = "ROOT")]
    pub ca_certificate_type: String,
    pub cert_id: String,
    #[schema(example = "AUTH")]
    pub partner_domain: String,
    /// The subject DN.
    pub issued_to: String,
    /// The issuer DN.
    pub issued_by: String,
    pub cert_thumbprint: String,
    #[schema(example = "2024-08-01T14:30:00.000")]
    pub valid_from_date: String,
    #[schema(example = "2034-08-01T14:30:00.000")]
    pub valid_till_date: String,
    #[schema(example = "2024-08-02T09:00:00.000")]
    pub upload_time: String,
    /// Valid now.
    pub status: bool,
}

/// `TrustCertificateResponseDto`: the certificate and its chain up to its root.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TrustCertificateFileDto {
    /// PKCS#7, PEM (`-----BEGIN PKCS7-----`).
    pub p7b_file: String,
    #[schema(example = "2024-08-02T09:00:00.000")]
    pub timestamp: String,
}

fn feature(enabled: bool) -> Result<(), AppError> {
    if enabled {
        Ok(())
    } else {
        Err(AppError::refused(
            "PMS_FEATURE_001",
            "Root and Intermediate Certificates list is not available in the current deployment.",
        ))
    }
}

/// The page, filters and expiry period a trust-list query asks for: `PMS_FEATURE_001` when the
/// feature is off (`enabled`); `PMS_PS_ERROR_007`, then `PMS_PRT_357`/`358`/`360`/`361`; then
/// `KER-PCM-011` a domain not among `domains`, `KER-PCM-018` a type neither `ROOT` nor
/// `INTERMEDIATE`.
pub fn trust_certificates_request(
    enabled: bool,
    paging: &PageQuery,
    q: &TrustCertificatesQuery,
    domains: &[String],
) -> Result<(PageRequest<TrustSortKey>, TrustFilter, Option<i64>), AppError> {
    feature(enabled)?;
    let page = PageRequest::parse_paired(paging, TRUST_SORT_FIELDS)?;
    let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_uppercase);
    let partner_domain = given(&q.partner_domain);
    if partner_domain.as_ref().is_some_and(|d| !domains.iter().any(|a| a.eq_ignore_ascii_case(d))) {
        return Err(AppError::refused("KER-PCM-011", "Invalid Partner Domain."));
    }
    let ca_cert_type = given(&q.ca_certificate_type);
    if ca_cert_type.as_deref().is_some_and(|t| t != "ROOT" && t != "INTERMEDIATE") {
        return Err(AppError::refused("KER-PCM-018", "Invalid Certificate Type"));
    }
    let text = |v: &Option<String>| v.clone().filter(|v| !v.trim().is_empty());
    let filter = TrustFilter {
        ca_cert_type,
        partner_domain,
        certificate_id: text(&q.certificate_id),
        issued_to: text(&q.issued_to),
        issued_by: text(&q.issued_by),
        expiring_between: None,
        excluded_thumbprints: Vec::new(),
    };
    Ok((page, filter, q.expiry_period))
}

fn summary(r: TrustSummaryRow, now: chrono::NaiveDateTime) -> TrustCertificateSummaryDto {
    TrustCertificateSummaryDto {
        status: r.cert_not_before <= now && now <= r.cert_not_after,
        valid_from_date: local(r.cert_not_before),
        valid_till_date: local(r.cert_not_after),
        upload_time: local(r.cr_dtimes),
        ca_certificate_type: r.ca_cert_type,
        cert_id: r.cert_id,
        partner_domain: r.partner_domain,
        issued_to: r.cert_subject,
        issued_by: r.cert_issuer,
        cert_thumbprint: r.cert_thumbprint,
    }
}

/// One page of the trust store's certificates matching `filter` (`PMS_COR_001` an expiry
/// period outside 1–30). The page answers the requested size, even when short or empty, as
/// MOSIP does.
pub fn trust_certificates(
    store: &Store,
    actor: &Actor,
    page: &PageRequest<TrustSortKey>,
    filter: TrustFilter,
    expiry_period: Option<i64>,
) -> Result<PageResponseV2<TrustCertificateSummaryDto>, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetCertificate, None);
    store.audited_read(plan, |tx| {
        let now = tx.now;
        let expiring_between = expiry_limit(now, expiry_period)?.map(|until| (now, until));
        let excluded_thumbprints = repo::service_certificates(tx.conn)?
            .iter()
            .filter_map(|pem| pem_certificate(pem).ok())
            .map(|c| c.thumbprint())
            .collect();
        let filter = TrustFilter { expiring_between, excluded_thumbprints, ..filter };
        let sort = page.sort.map(|s| (s.field, s.desc));
        let (rows, total) = repo::trust_summaries(tx.conn, &filter, sort, store.paging_of(page))?;
        tx.trail.push(AuditEvent::GetCertificateSuccess, None);
        Ok(PageResponseV2 {
            page_no: page.page_no,
            page_size: page.page_size,
            total_results: total,
            data: rows.into_iter().map(|r| summary(r, now)).collect(),
        })
    })
}

/// Whether `id` is a certificate id as MOSIP accepts it: 1 to 36 letters, digits or `-`.
fn valid_certificate_id(id: &str) -> bool {
    (1..=36).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The certificate `certificate_id` and the certificates above it up to its root, as a PKCS#7
/// file: `PMS_FEATURE_001` when the feature is off; `PMS_PRT_099` an id that is not 1–36
/// letters, digits or `-`; `KER-PMS-019` no such certificate; `PMS_CERTIFICATE_ERROR_011` a
/// stored certificate that does not parse.
pub fn trust_certificate_file(
    store: &Store,
    actor: &Actor,
    certificate_id: &str,
    enabled: bool,
) -> Result<TrustCertificateFileDto, AppError> {
    feature(enabled)?;
    if !valid_certificate_id(certificate_id) {
        return Err(AppError::refused(
            "PMS_PRT_099",
            "Invalid input for 'certificateId'. Expected: Only alphanumeric characters (A–Z, a–z, 0–9) and \
             hyphens (-) are allowed with a maximum length of 36 characters.",
        ));
    }
    let plan = store.plan(actor).call(AuditEvent::GetCertificate, Some(certificate_id));
    store.audited_read(plan, |tx| {
        let unreadable =
            || AppError::refused("PMS_CERTIFICATE_ERROR_011", "Error while downloading trust certificates.");
        let mut link = repo::trust_link(tx.conn, certificate_id)?
            .ok_or_else(|| AppError::refused("KER-PMS-019", "CA Certificate not found for the given ID."))?;
        let mut chain: Vec<Certificate> = Vec::new();
        loop {
            chain.push(pem_certificate(&link.cert_data).map_err(|_| unreadable())?);
            if link.issuer_id == link.cert_id || link.issuer_id.is_empty() || chain.len() >= MAX_CHAIN {
                break;
            }
            match repo::trust_link(tx.conn, &link.issuer_id)? {
                Some(next) => link = next,
                None => break,
            }
        }
        tx.trail.push(AuditEvent::GetCertificateSuccess, Some(certificate_id));
        Ok(TrustCertificateFileDto { p7b_file: p7b_pem(&chain.iter().collect::<Vec<_>>()), timestamp: local(tx.now) })
    })
}
