//! MOSIP 1.2.2's certificate reads: a partner's uploaded and re-signed certificates
//! (`GET /partners/{partnerId}/certificate-data`), the caller's partners' certificates
//! (`GET /partners/partner-certificates-details`), a partner's details for admins
//! (`GET /admin-partners/{partnerId}`), and the trust store's CA and intermediate certificates
//! (`GET /trust-chain-certificates`, `…/{certificateId}/certificateFile`).

mod dto;
mod trust;

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use chrono::{NaiveDateTime, NaiveTime, TimeDelta};
use partner_domain::certificate::parse::pem_certificate;
use persistence::repo::cert_reads::{self as repo, PartnerCertView};

pub use dto::{CertificateDetailsDto, OriginalCertificateDto, PartnerDetailsV3Dto};
pub use trust::{
    TRUST_SORT_FIELDS, TrustCertificateFileDto, TrustCertificateSummaryDto, TrustCertificatesQuery,
    trust_certificate_file, trust_certificates, trust_certificates_request,
};

const APPROVED: &str = "approved";

/// `PMS_CERTIFICATE_ERROR_002`: the caller owns no partner.
fn no_partner() -> AppError {
    AppError::refused("PMS_CERTIFICATE_ERROR_002", "User Id does not exists.")
}

/// An approved partner that was deactivated.
fn deactivated(p: &PartnerCertView) -> bool {
    p.approval_status == APPROVED && !p.is_active
}

/// The end of the day `period` days from `now` (MOSIP's `expiryPeriod`, 1 to 30 days; other
/// values `PMS_COR_001`).
pub fn expiry_limit(now: NaiveDateTime, period: Option<i64>) -> Result<Option<NaiveDateTime>, AppError> {
    let Some(days) = period else { return Ok(None) };
    if days < 1 {
        return Err(AppError::invalid_field("expiryPeriod", "Expiry period must be at least 1 day."));
    }
    if days > 30 {
        return Err(AppError::invalid_field("expiryPeriod", "Expiry period cannot be more than 30 days."));
    }
    let day = (now + TimeDelta::days(days)).date();
    let end = NaiveTime::from_hms_nano_opt(23, 59, 59, 999_999_999).unwrap_or(NaiveTime::MIN);
    Ok(Some(day.and_time(end)))
}

/// `GET /partners/{partnerId}/certificate-data`: the certificate the partner uploaded and the
/// one the service re-signed, each blanked and flagged when expired. The caller must own a
/// partner (`PMS_CERTIFICATE_ERROR_002`) and, unless an admin, this one
/// (`PMS_CERTIFICATE_ERROR_007`); then `PMS_PRT_005` unknown partner, `PMS_PRT_108` no
/// certificate, `PMS_CERTIFICATE_ERROR_009` deactivated partner, `KER-PCM-012` certificate not
/// stored, `PMS_CERTIFICATE_ERROR_008` a stored certificate that does not parse;
/// `PMS_FEATURE_003` when the feature is off (`enabled`).
pub fn certificate_data(
    store: &Store,
    actor: &Actor,
    partner_id: &str,
    enabled: bool,
) -> Result<OriginalCertificateDto, AppError> {
    if !enabled {
        return Err(AppError::refused(
            "PMS_FEATURE_003",
            "Downloading CA signed certificate is not available in the current deployment.",
        ));
    }
    let plan = store.plan(actor).call(AuditEvent::GetCertificate, Some(partner_id));
    store.audited_read(plan, |tx| {
        let own = repo::partner_views_of_user(tx.conn, &actor.user_id)?;
        if own.is_empty() {
            return Err(no_partner());
        }
        if !actor.is_admin && !own.iter().any(|p| p.id == partner_id) {
            return Err(AppError::refused(
                "PMS_CERTIFICATE_ERROR_007",
                "The given partner ID does not belong to the user.So unable to get the original partner certificates",
            ));
        }
        let partner = repo::partner_view(tx.conn, partner_id)?
            .ok_or_else(|| AppError::refused("PMS_PRT_005", "Partner does not exist"))?;
        if partner.certificate_alias.as_deref().is_none_or(str::is_empty) {
            return Err(AppError::refused("PMS_PRT_108", "Certficate is not uploaded for the selected partner."));
        }
        if deactivated(&partner) {
            return Err(AppError::refused(
                "PMS_CERTIFICATE_ERROR_009",
                "Unable to download the certificate for a deactivated partner",
            ));
        }
        let (Some(ca_signed), Some(mosip_signed)) = (partner.ca_signed_cert, partner.mosip_signed_cert) else {
            return Err(AppError::refused("KER-PCM-012", "Partner Certificate not found for the given ID."));
        };
        let expired = |pem: &str| {
            pem_certificate(pem)
                .map(|c| c.not_after() < tx.now)
                .map_err(|_| AppError::refused("PMS_CERTIFICATE_ERROR_008", "Error while fetching certificate."))
        };
        let (ca_expired, mosip_expired) = (expired(&ca_signed)?, expired(&mosip_signed)?);
        tx.trail.push(AuditEvent::GetCertificateSuccess, Some(partner_id));
        Ok(OriginalCertificateDto {
            ca_signed_certificate_data: if ca_expired { String::new() } else { ca_signed },
            is_ca_signed_certificate_expired: ca_expired,
            mosip_signed_certificate_data: if mosip_expired { String::new() } else { mosip_signed },
            is_mosip_signed_certificate_expired: mosip_expired,
        })
    })
}

/// The common name of a formatted subject DN (`""` without one).
fn common_name(subject_dn: &str) -> String {
    subject_dn.split(',').find_map(|part| part.trim().strip_prefix("CN=")).unwrap_or_default().to_owned()
}

/// `GET /partners/partner-certificates-details`: each of the caller's partners with its
/// re-signed certificate's name and dates; with `expiry_period` (days), only the partners whose
/// certificate is valid now and expires by the end of that day. `PMS_CERTIFICATE_ERROR_002` when
/// the caller owns no partner; `PMS_COR_001` a period outside 1–30.
pub fn certificates_details(
    store: &Store,
    actor: &Actor,
    expiry_period: Option<i64>,
) -> Result<Vec<CertificateDetailsDto>, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetCertificate, None);
    store.audited_read(plan, |tx| {
        let limit = expiry_limit(tx.now, expiry_period)?;
        let own = repo::partner_views_of_user(tx.conn, &actor.user_id)?;
        if own.is_empty() {
            return Err(no_partner());
        }
        let mut found = Vec::with_capacity(own.len());
        for p in own {
            let certificate = p.mosip_signed_cert.as_deref().and_then(|pem| pem_certificate(pem).ok());
            let mut dto = CertificateDetailsDto {
                partner_id: p.id.clone(),
                partner_type: p.partner_type.clone(),
                certificate_issued_to: None,
                certificate_upload_date_time: None,
                certificate_expiry_date_time: None,
                is_certificate_available: false,
                is_partner_active: !deactivated(&p),
            };
            match certificate {
                Some(c) => {
                    if limit.is_some_and(|until| c.not_after() < tx.now || c.not_after() > until) {
                        continue;
                    }
                    dto.certificate_issued_to = Some(common_name(&c.subject_dn()));
                    dto.certificate_upload_date_time = Some(app_core::time::stamp(c.not_before()));
                    dto.certificate_expiry_date_time = Some(app_core::time::stamp(c.not_after()));
                    dto.is_certificate_available = true;
                }
                None if limit.is_some() => continue,
                None => {}
            }
            found.push(dto);
        }
        tx.trail.push(AuditEvent::GetCertificateSuccess, None);
        Ok(found)
    })
}

/// `GET /admin-partners/{partnerId}`: a partner's details for an admin. The admin must own a
/// partner (`PMS_CERTIFICATE_ERROR_002`); then `PMS_PRT_005` unknown partner,
/// `PMS_POLICY_ERROR_005` a partner (not a device or FTM provider) without a policy group,
/// `PMS_POLICY_ERROR_001` its group gone, `PMS_CERTIFICATE_ERROR_008` a stored certificate that
/// does not parse.
pub fn admin_partner_details(store: &Store, actor: &Actor, partner_id: &str) -> Result<PartnerDetailsV3Dto, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetPartner, None).on_failure(AuditEvent::PartnerMissing, None);
    store.audited_read(plan, |tx| {
        if repo::partner_views_of_user(tx.conn, &actor.user_id)?.is_empty() {
            return Err(no_partner());
        }
        let p = repo::partner_view(tx.conn, partner_id)?
            .ok_or_else(|| AppError::refused("PMS_PRT_005", "Partner does not exist"))?;
        let provider = p.partner_type == "FTM_Provider" || p.partner_type == "Device_Provider";
        if !provider && p.policy_group_id.as_deref().is_none_or(str::is_empty) {
            return Err(AppError::refused("PMS_POLICY_ERROR_005", "Policy Group Id is empty."));
        }
        if p.policy_group_id.is_some() && p.policy_group_name.is_none() {
            return Err(AppError::refused("PMS_POLICY_ERROR_001", "Policy Group does not exists."));
        }
        let certificate = match (p.certificate_alias.as_deref(), p.mosip_signed_cert.as_deref()) {
            (None, _) => None,
            (Some(_), Some(pem)) => Some(
                pem_certificate(pem)
                    .map_err(|_| AppError::refused("PMS_CERTIFICATE_ERROR_008", "Error while fetching certificate."))?,
            ),
            (Some(_), None) => {
                return Err(AppError::refused("KER-PCM-012", "Partner Certificate not found for the given ID."));
            }
        };
        tx.trail.push(AuditEvent::GetPartnerSuccess, None);
        Ok(PartnerDetailsV3Dto {
            partner_id: p.id,
            first_name: None,
            last_name: None,
            approval_status: p.approval_status,
            created_date_time: app_core::time::local(p.cr_dtimes),
            partner_type: p.partner_type,
            organization_name: p.name,
            contact_number: p.contact_no,
            policy_group_name: p.policy_group_name,
            policy_group_description: p.policy_group_description,
            email_id: p.email_id,
            certificate_upload_date_time: certificate.as_ref().map(|c| app_core::time::stamp(c.not_before())),
            certificate_expiry_date_time: certificate.as_ref().map(|c| app_core::time::stamp(c.not_after())),
            is_certificate_available: certificate.is_some(),
            is_active: p.is_active,
        })
    })
}

#[cfg(test)]
mod tests;
