//! P9 upload CA certificates, P10 upload (and re-sign) a partner's certificate, P11 read it.
//!
//! MOSIP's PMS forwards these to its keymanager; here the keymanager's checks run in
//! `partner_domain::certificate`, with its codes and order, over the certificate tables.

mod dto;
pub mod resign;
#[cfg(test)]
mod tests;
mod trust_store;

pub use trust_store::{SealedKeys, seal_signing_keys};

use std::sync::Arc;

use app_core::secrets::Keyring;
use app_core::time::local;
use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use partner_domain::PartnerId;
use partner_domain::certificate::{self as cert, CertificateError, PartnerDomain, SignerSubject, parse};
use persistence::repo::certificate as repo;
use rand_core::CryptoRngCore;
use websub_events::{Event, PartnerData, Source};

pub use dto::{
    CaCertificateRequest, CaCertificateResponse, CertificateDataResponse, PartnerCertificateRequest,
    PartnerCertificateResponse,
};
use trust_store::{ca_row, insert_ca, stored_cas};

/// `approval_status` of a partner that registered and waits for its certificate.
const IN_PROGRESS: &str = "InProgress";

/// The certificate rules of this deployment (keymanager's settings).
#[derive(Debug, Clone)]
pub struct CertificateConfig {
    /// Allowed `partnerDomain` values.
    pub allowed_domains: Vec<String>,
    /// Validity of a re-signed partner certificate, in years; also the minimum remaining
    /// validity of an uploaded one.
    pub resign_validity_years: u32,
    /// Days subtracted from that minimum.
    pub grace_days: u32,
    /// FTM partners get the re-signed chain back too.
    pub resign_ftm: bool,
    /// Longest `certificateData` accepted, in bytes.
    pub max_certificate_bytes: usize,
    pub root_validity_days: u32,
    pub pms_validity_days: u32,
    /// Subject of the service's own ROOT and PMS certificates.
    pub signer: SignerSubject,
    /// The key-encryption keys the service's own private keys are sealed under (none: in clear).
    pub secrets: Arc<Keyring>,
}

impl Default for CertificateConfig {
    /// MOSIP keymanager's defaults.
    fn default() -> Self {
        CertificateConfig {
            allowed_domains: ["AUTH", "DEVICE", "FTM", "MISP"].iter().map(|d| (*d).to_owned()).collect(),
            resign_validity_years: 1,
            grace_days: 30,
            resign_ftm: false,
            max_certificate_bytes: 64 * 1024,
            root_validity_days: 2920,
            pms_validity_days: 1460,
            signer: SignerSubject::default(),
            secrets: Arc::default(),
        }
    }
}

impl CertificateConfig {
    fn resign_days(&self) -> i64 {
        365 * i64::from(self.resign_validity_years.max(1))
    }

    /// Certificate data over the configured size is refused before it is parsed.
    fn within_limit(&self, data: &str, too_big: CertificateError) -> Result<(), AppError> {
        if data.len() > self.max_certificate_bytes { Err(too_big.into()) } else { Ok(()) }
    }
}

/// `@NotBlank`: `PMS_COR_001` "must not be blank".
fn not_blank(value: Option<String>, field: &str) -> Result<String, AppError> {
    value.filter(|v| !v.trim().is_empty()).ok_or_else(|| AppError::invalid_field(field, "must not be blank"))
}

/// P9: adds CA / sub-CA certificates (one PEM, or a PKCS#7 bundle) to a domain's trust store.
pub fn upload_ca(
    store: &Store,
    actor: &Actor,
    cfg: &CertificateConfig,
    req: CaCertificateRequest,
) -> Result<CaCertificateResponse, AppError> {
    let data = not_blank(req.certificate_data, "certificateData")?;
    let domain = not_blank(req.partner_domain, "partnerDomain")?;
    let plan = store
        .plan(actor)
        .call(AuditEvent::RequestPartnerKey, None)
        .on_failure(AuditEvent::CaCertificateUploadFailed, None);
    store.audited(plan, |tx| {
        cfg.within_limit(&data, CertificateError::InvalidCertificate)?;
        let certs = parse::ca_certificates(&data)?;
        let domain = PartnerDomain::parse(&domain, &cfg.allowed_domains)?;
        let existing = stored_cas(repo::ca_certificates(tx.conn, domain.as_str())?);
        let now = tx.now;
        let upload = cert::ca_upload(certs, &existing, now, || tx.new_id())?;
        for new in &upload.stored {
            insert_ca(tx.conn, &ca_row(&new.id, &new.certificate, new.kind, &new.issuer_id, &domain, now))?;
        }
        if upload.stored.is_empty() {
            tx.trail.push(AuditEvent::CaCertificateUploadFailed, Some(domain.as_str()));
        } else {
            tx.trail.push(AuditEvent::PartnerKeyCreated, Some(domain.as_str()));
        }
        Ok(CaCertificateResponse { status: upload.status.message(), timestamp: local(now) })
    })
}

/// P10: a partner's certificate, checked against the domain's CAs and re-signed by the service
/// (its keys drawn from `rng` when they must be made); the partner becomes active and approved.
/// A caller who is not an admin uploads for itself only.
pub fn upload_partner(
    store: &Store,
    actor: &Actor,
    cfg: &CertificateConfig,
    req: PartnerCertificateRequest,
    rng: &mut impl CryptoRngCore,
) -> Result<PartnerCertificateResponse, AppError> {
    let partner_id = not_blank(req.partner_id, "partnerId")?;
    let data = not_blank(req.certificate_data, "certificateData")?;
    let domain = not_blank(req.partner_domain, "partnerDomain")?;
    if !actor.is_self_or_admin(&partner_id) {
        return Err(AppError::forbidden());
    }
    let plan = store
        .plan(actor)
        .call(AuditEvent::RequestPartnerKey, Some(&partner_id))
        .on_failure(AuditEvent::CertificateUploadFailed, Some(&partner_id));
    store.audited(plan, |tx| {
        let now = tx.now;
        let partner = repo::partner(tx.conn, &PartnerId::from(&partner_id))?.ok_or_else(|| {
            AppError::from(CertificateError::PartnerNotFound)
                .audit(AuditEvent::PartnerMissing, Some(&partner_id))
                .audit(AuditEvent::CertificateUploadFailed, Some(&partner_id))
        })?;
        if partner.approval_status != IN_PROGRESS && !partner.is_active {
            return Err(CertificateError::PartnerNotActive.into());
        }
        let policy_required = partner.policy_required.ok_or(CertificateError::PartnerTypeNotFound)?;
        if policy_required && partner.policy_group_id.is_none() {
            return Err(CertificateError::PolicyGroupNotMapped.into());
        }
        let resigned = resign::resign_and_store(
            tx,
            cfg,
            resign::Owner { id: &partner.id, organization: &partner.name },
            &data,
            &domain,
            rng,
        )?;
        let (cert_id, domain) = (resigned.cert_id.clone(), resigned.domain.clone());
        if repo::mark_certificate_uploaded(tx.conn, &PartnerId::from(&partner.id), &cert_id, &actor.user_id, now)? != 1
        {
            return Err(CertificateError::PartnerNotFound.into());
        }
        let leaf = resigned.leaf.clone();
        let data = PartnerData {
            partner_id: partner.id.clone(),
            partner_name: partner.name.clone(),
            certificate: Some(leaf.clone()),
            // marked active above
            active: true,
        };
        tx.publish(Event::partner_updated(Source::PartnerServiceImpl, &data));
        tx.publish(Event::ca_certificate_uploaded(Source::PartnerServiceImpl, &domain, &resigned.chain));
        tx.trail.push(AuditEvent::PartnerKeyCreated, Some(&partner.id));
        Ok(PartnerCertificateResponse { signed_certificate_data: leaf, certificate_id: cert_id, timestamp: local(now) })
    })
}

/// P11: the partner's certificate as re-signed by the service at its last upload.
pub fn partner_certificate(
    store: &Store,
    actor: &Actor,
    partner_id: &str,
) -> Result<CertificateDataResponse, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetCertificate, Some(partner_id));
    store.audited_read(plan, |tx| {
        let partner = repo::partner(tx.conn, &PartnerId::from(partner_id))?.ok_or_else(|| {
            AppError::from(CertificateError::PartnerNotFound).audit(AuditEvent::PartnerMissing, Some(partner_id))
        })?;
        let alias = partner.certificate_alias.filter(|a| !a.trim().is_empty()).ok_or(CertificateError::NotUploaded)?;
        let row = repo::partner_certificate(tx.conn, &alias)?.ok_or(CertificateError::CertificateIdNotFound)?;
        tx.trail.push(AuditEvent::GetCertificateSuccess, Some(&partner.id));
        Ok(CertificateDataResponse { certificate_data: row.signed_cert_data, timestamp: local(tx.now) })
    })
}
