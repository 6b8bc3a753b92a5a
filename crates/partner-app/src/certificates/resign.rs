//! The keymanager step partner certificates and FTM chip certificates share: one PEM certificate
//! checked against the domain's CAs, re-signed with the service's keys and stored for its owner.

use app_core::{AppError, Tx};
use partner_domain::certificate::{self as cert, Certificate, CertificateError, PartnerDomain, ResignRules, parse};
use persistence::repo::certificate::{self as repo, PartnerCertRow};
use rand_core::CryptoRngCore;

use super::CertificateConfig;
use super::trust_store::{SYSTEM, service_keys, stored_cas, trust_service_chain};

/// Whose certificate it is: a partner, or an FTM chip (MOSIP stores chips' certificates as
/// partner certificates keyed by the chip id).
#[derive(Debug, Clone, Copy)]
pub struct Owner<'a> {
    pub id: &'a str,
    /// The organisation the certificate's subject must name.
    pub organization: &'a str,
}

/// What an upload left: the stored certificate's id, the leaf answered (re-signed, or the
/// original where the domain is not re-signed), the chain shared with ID-Authentication.
#[derive(Debug, Clone)]
pub struct Resigned {
    pub cert_id: String,
    pub leaf: String,
    pub chain: String,
    /// The domain as configured (upper case).
    pub domain: String,
}

/// Checks `data` against `domain`'s CAs, re-signs it and stores it for `owner`.
pub fn resign_and_store(
    tx: &mut Tx<'_>,
    cfg: &CertificateConfig,
    owner: Owner<'_>,
    data: &str,
    domain: &str,
    rng: &mut impl CryptoRngCore,
) -> Result<Resigned, AppError> {
    let now = tx.now;
    let too_big =
        CertificateError::Parsing(format!(" Certificate data is larger than {} bytes.", cfg.max_certificate_bytes));
    cfg.within_limit(data, too_big)?;
    let certificate = parse::pem_certificate(data)?;
    let domain = PartnerDomain::parse(domain, &cfg.allowed_domains)?;
    let cas = stored_cas(repo::ca_certificates(tx.conn, domain.as_str())?);
    let min_days = cert::min_validity_days(cfg.resign_validity_years, cfg.grace_days);
    let path = cert::check_partner(&certificate, owner.organization, &cas, now, min_days)?;
    let rules = ResignRules { validity_days: cfg.resign_days(), resign_ftm: cfg.resign_ftm };
    let keys = service_keys(tx, cfg, rng)?;
    let path_certs: Vec<&Certificate> = path.iter().filter_map(|i| cas.get(*i)).map(|s| &s.certificate).collect();
    let upload = cert::complete_partner_upload(&certificate, &path_certs, &domain, &keys, rules, now, rng)?;
    let issuer_id = path.first().and_then(|i| cas.get(*i)).map(|s| s.id.clone()).unwrap_or_default();
    let cert_id = tx.new_id();
    repo::insert_partner_certificate(
        tx.conn,
        &PartnerCertRow {
            cert_id: cert_id.clone(),
            partner_id: owner.id.to_owned(),
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
            organization_name: owner.organization.to_owned(),
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
        trust_service_chain(tx, &keys, &domain)?;
    }
    Ok(Resigned { cert_id, leaf: upload.leaf.pem(), chain: upload.chain, domain: domain.as_str().to_owned() })
}
