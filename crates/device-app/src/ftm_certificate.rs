//! `POST /ftpchipdetail/uploadcertificate` and `GET /ftpchipdetail/getPartnerCertificate/{id}`:
//! an FTM chip's certificate, checked and re-signed as partner certificates are
//! (`partner_app::certificates::resign`), then `CA_CERTIFICATE_UPLOADED` with its chain.

use app_core::time::local;
use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use device_domain::fields::Fields;
use device_domain::{DeviceError, FtmChipId, ProviderId};
use partner_app::certificates::CertificateConfig;
use partner_app::certificates::resign::{Owner, resign_and_store};
use persistence::repo::certificate as cert_repo;
use persistence::repo::device::ftm as repo;
use rand_core::CryptoRngCore;
use serde::Serialize;
use utoipa::ToSchema;
use websub_events::{Event, Source};

use crate::dto::FtmCertificateRequest;
use crate::ftm::existing;
use crate::provider;

/// `FtpCertificateResponseDto`.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FtmCertificateResponse {
    pub certificate_id: String,
    /// The chip's certificate as the service answers it (re-signed where the domain is), PEM.
    pub signed_certificate_data: String,
    pub timestamp: String,
}

/// `FtpCertDownloadResponeDto`.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FtmCertificateData {
    pub certificate_data: String,
    pub timestamp: String,
}

/// Uploads the chip's certificate; the chip goes back to pending approval, inactive.
pub fn upload(
    store: &Store,
    actor: &Actor,
    cfg: &CertificateConfig,
    req: FtmCertificateRequest,
    rng: &mut impl CryptoRngCore,
) -> Result<FtmCertificateResponse, AppError> {
    let chip_ref = req.ftp_chip_detail_id.clone();
    let plan = store
        .plan(actor)
        .call(AuditEvent::UploadFtmCertificate, chip_ref.as_deref())
        .on_failure(AuditEvent::UpdateDeviceFailure, chip_ref.as_deref());
    store.audited(plan, |tx| {
        let mut check = Fields::new();
        let provider_id = ProviderId::from(check.text("ftpProviderId", req.ftp_provider_id.as_deref(), usize::MAX));
        let chip_id = FtmChipId::from(check.text("ftpChipDeatilId", req.ftp_chip_detail_id.as_deref(), usize::MAX));
        let data = check.text("certificateData", req.certificate_data.as_deref(), usize::MAX);
        let organization = check.text("organizationName", req.organization_name.as_deref(), usize::MAX);
        let domain = check.text("partnerDomain", req.partner_domain.as_deref(), usize::MAX);
        check.finish(()).map_err(DeviceError::from)?;
        provider::active(tx, actor, &provider_id, DeviceError::FtmProviderNotFound)?;
        let mut chip = existing(tx, &chip_id)?;
        chip.check_upload(&provider_id)?;
        let owner = Owner { id: chip.id.as_str(), organization: &organization };
        let resigned = resign_and_store(tx, cfg, owner, &data, &domain, rng)?;
        chip.certificate_uploaded(resigned.cert_id.clone(), &actor.user_id, tx.now);
        repo::update(tx.conn, &chip)?;
        tx.publish(Event::ca_certificate_uploaded(Source::PartnerServiceImpl, &resigned.domain, &resigned.chain));
        tx.trail.push(AuditEvent::UpdateDeviceSuccess, Some(chip.id.as_str()));
        Ok(FtmCertificateResponse {
            certificate_id: resigned.cert_id,
            signed_certificate_data: resigned.leaf,
            timestamp: local(tx.now),
        })
    })
}

/// The chip's certificate as the service stored it at its last upload.
pub fn certificate(store: &Store, actor: &Actor, chip_id: &str) -> Result<FtmCertificateData, AppError> {
    let plan = store
        .plan(actor)
        .call(AuditEvent::UpdateDevice, Some(chip_id))
        .on_failure(AuditEvent::UpdateDeviceFailure, Some(chip_id));
    store.audited_read(plan, |tx| {
        let chip = existing(tx, &FtmChipId::from(chip_id))?;
        provider::check_owner(actor, &chip.provider_id)?;
        let alias = chip.certificate_alias.ok_or(DeviceError::FtmCertificateMissing)?;
        let row = cert_repo::partner_certificate(tx.conn, &alias)?.ok_or(DeviceError::FtmCertificateMissing)?;
        tx.trail.push(AuditEvent::UpdateDeviceSuccess, Some(chip_id));
        Ok(FtmCertificateData { certificate_data: row.signed_cert_data, timestamp: local(tx.now) })
    })
}
