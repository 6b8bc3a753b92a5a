//! The certificate tables as the checks read them, and the service's own signing keys: ROOT and
//! PMS, generated and stored when there are none that outlive what they sign; their private keys
//! sealed under the configured key-encryption key (in clear without one).

use app_core::secrets::{Keyring, SecretError};
use app_core::{Actor, AppError, Store, Tx};
use audit_events::AuditEvent;
use chrono::{NaiveDateTime, TimeDelta};
use partner_domain::certificate::{
    self as cert, CaCertType, Certificate, CertificateError, PartnerDomain, ServiceKeys, SigningIdentity, StoredCa,
    parse,
};
use persistence::DbConnection;
use persistence::repo::certificate::{self as repo, CaCertRow, SigningKeyRow};
use rand_core::CryptoRngCore;
use secrecy::ExposeSecret;

use super::CertificateConfig;

/// Who creates the rows keymanager marks `SYSTEM`.
pub(super) const SYSTEM: &str = "SYSTEM";

/// The domain's CA rows as the checks read them; a row whose stored PEM no longer parses is
/// left out (and logged).
pub(super) fn stored_cas(rows: Vec<CaCertRow>) -> Vec<StoredCa> {
    rows.into_iter()
        .filter_map(|row| match parse::pem_certificate(&row.cert_data) {
            Ok(certificate) => {
                Some(StoredCa { root: row.ca_cert_type == CaCertType::Root.as_str(), id: row.cert_id, certificate })
            }
            Err(e) => {
                tracing::warn!(cert_id = row.cert_id.as_str(), error = %e, "stored CA certificate does not parse; ignored");
                None
            }
        })
        .collect()
}

pub(super) fn ca_row(
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
pub(super) fn insert_ca(conn: &mut DbConnection, row: &CaCertRow) -> Result<(), AppError> {
    match repo::insert_ca_certificate(conn, row) {
        Ok(_) => Ok(()),
        Err(e) if persistence::is_unique_violation(&e) => Err(CertificateError::AlreadyExists.into()),
        Err(e) => Err(e.into()),
    }
}

/// The service's ROOT as a trust anchor and its PMS key as an intermediate of `domain` (as
/// keymanager stores the chain it answers with), once. Re-signed partner certificates are not
/// added: they are CA certificates holding the partner's key, and would let the partner issue
/// certificates this store trusts.
pub(super) fn trust_service_chain(tx: &mut Tx<'_>, keys: &ServiceKeys, domain: &PartnerDomain) -> Result<(), AppError> {
    let now = tx.now;
    let root_id = tx.new_id();
    let root = ca_row(&root_id, &keys.root.certificate, CaCertType::Root, &root_id, domain, now);
    repo::insert_ca_certificate_if_absent(tx.conn, &root)?;
    let root_id = repo::ca_certificates(tx.conn, domain.as_str())?
        .into_iter()
        .find(|r| r.cert_thumbprint == root.cert_thumbprint)
        .map_or(root_id, |r| r.cert_id);
    let pms_id = tx.new_id();
    let pms = ca_row(&pms_id, &keys.pms.certificate, CaCertType::Intermediate, &root_id, domain, now);
    repo::insert_ca_certificate_if_absent(tx.conn, &pms)?;
    Ok(())
}

/// The current ROOT and PMS keys, generated (and stored, sealed) with `rng` when there are
/// none that outlive what they will sign.
pub(super) fn service_keys(
    tx: &mut Tx<'_>,
    cfg: &CertificateConfig,
    rng: &mut impl CryptoRngCore,
) -> Result<ServiceKeys, AppError> {
    let now = tx.now;
    let pms_until = now + TimeDelta::days(cfg.resign_days());
    if let Some(pms) = repo::current_signing_key(tx.conn, cert::PMS_APP_ID, now, pms_until)?
        && let Some(root) = pms.issuer_key_id.as_deref().map(|id| repo::signing_key(tx.conn, id)).transpose()?.flatten()
    {
        return Ok(ServiceKeys { root: identity(cfg, &root)?, pms: identity(cfg, &pms)? });
    }
    let pms_days = i64::from(cfg.pms_validity_days).max(cfg.resign_days());
    let root_until = now + TimeDelta::days(pms_days);
    let (root_id, root) = match repo::current_signing_key(tx.conn, cert::ROOT_APP_ID, now, root_until)? {
        Some(row) => (row.key_id.clone(), identity(cfg, &row)?),
        None => {
            let root_days = i64::from(cfg.root_validity_days).max(pms_days);
            let root = SigningIdentity::new_root(rng, cfg.signer.name(cert::ROOT_APP_ID), now, root_days)?;
            let id = tx.new_id();
            repo::insert_signing_key(tx.conn, &key_row(cfg, &id, cert::ROOT_APP_ID, None, &root, now)?)?;
            tracing::info!(key_id = id.as_str(), "generated the service's ROOT signing key");
            (id, root)
        }
    };
    let pms = SigningIdentity::new_intermediate(rng, cfg.signer.name(cert::PMS_APP_ID), &root, now, pms_days)?;
    let pms_id = tx.new_id();
    repo::insert_signing_key(tx.conn, &key_row(cfg, &pms_id, cert::PMS_APP_ID, Some(&root_id), &pms, now)?)?;
    tracing::info!(key_id = pms_id.as_str(), "generated the service's PMS signing key");
    Ok(ServiceKeys { root, pms })
}

/// A stored key that does not open is an internal error: a new key is never made in its place.
fn identity(cfg: &CertificateConfig, row: &SigningKeyRow) -> Result<SigningIdentity, AppError> {
    let key = cfg.secrets.open(&row.private_key, &aad(&row.key_id)).map_err(|e| unreadable(&row.key_id, &e))?;
    Ok(SigningIdentity::from_pem(&row.certificate, key.expose_secret())?)
}

/// What a sealed private key is bound to: its row.
fn aad(key_id: &str) -> String {
    format!("signing_key:{key_id}")
}

fn unreadable(key_id: &str, e: &SecretError) -> AppError {
    AppError::internal(format!("the service's signing key {key_id} cannot be opened: {e}"))
}

fn key_row(
    cfg: &CertificateConfig,
    id: &str,
    app_id: &str,
    issuer: Option<&str>,
    identity: &SigningIdentity,
    now: NaiveDateTime,
) -> Result<SigningKeyRow, AppError> {
    Ok(SigningKeyRow {
        key_id: id.to_owned(),
        app_id: app_id.to_owned(),
        issuer_key_id: issuer.map(str::to_owned),
        private_key: cfg.secrets.seal(&identity.key.to_pkcs8_pem()?, &aad(id)),
        certificate: identity.certificate.pem(),
        not_before: identity.certificate.not_before(),
        not_after: identity.certificate.not_after(),
        cr_by: SYSTEM.into(),
        cr_dtimes: now,
    })
}

/// What [`seal_signing_keys`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SealedKeys {
    /// Keys stored.
    pub keys: usize,
    /// Keys sealed (anew) under the current KEK.
    pub sealed: usize,
}

/// Checks that every stored signing key opens with `secrets` and seals the keys stored in clear
/// under the current KEK (at start) or, with `rotate`, every key not sealed under it yet (after a
/// KEK rotation, so that the previous KEKs are no longer needed). The sealing is one transaction
/// with its audit records, made only when a key is to be sealed; a key that does not open fails
/// the whole call and changes nothing.
pub fn seal_signing_keys(
    store: &Store,
    actor: &Actor,
    secrets: &Keyring,
    rotate: bool,
) -> Result<SealedKeys, AppError> {
    let checked = store.read(|tx| reseal(tx, secrets, rotate, false))?;
    if checked.sealed == 0 {
        return Ok(checked);
    }
    let plan = store.plan(actor).call(AuditEvent::SealSigningKeys, None);
    store.audited(plan, |tx| {
        let done = reseal(tx, secrets, rotate, true)?;
        tx.trail.push(AuditEvent::SealSigningKeysSuccess, None);
        Ok(done)
    })
}

/// Opens every stored key and counts (with `write`, re-seals) those to be sealed.
fn reseal(tx: &mut Tx<'_>, secrets: &Keyring, rotate: bool, write: bool) -> Result<SealedKeys, AppError> {
    let rows = repo::signing_key_secrets(tx.conn, write)?;
    let mut done = SealedKeys { keys: rows.len(), sealed: 0 };
    for (key_id, stored) in rows {
        let clear = secrets.open(&stored, &aad(&key_id)).map_err(|e| unreadable(&key_id, &e))?;
        let due = if rotate { !secrets.is_current(&stored) } else { Keyring::sealed_under(&stored).is_none() };
        if secrets.sealing() && due {
            if write {
                repo::set_signing_key_secret(tx.conn, &key_id, &secrets.seal(clear.expose_secret(), &aad(&key_id)))?;
            }
            done.sealed += 1;
        }
    }
    Ok(done)
}
