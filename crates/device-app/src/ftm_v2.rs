//! MOSIP 1.2.2's FTM chip endpoints: deactivation (`PATCH /ftpchipdetail/{ftmId}`), both
//! certificates of a chip (`GET /ftpchipdetail/{ftmId}/certificate-data`), every chip for admins
//! (`GET /ftpchipdetail/v2`, filtered, sorted and paged in SQL) and the caller's own chips
//! (`GET /ftpchipdetail`).

use app_core::paged::{PageQuery, PageRequest, PageResponseV2};
use app_core::time::local;
use app_core::{Actor, AppError, Store, Tx};
use audit_events::AuditEvent;
use chrono::NaiveDateTime;
use device_domain::ftm::{check_deactivate_status, summary_status};
use device_domain::{DeviceError, FtmChip, FtmChipId};
use partner_domain::PartnerId;
use partner_domain::certificate::{Certificate, parse};
use persistence::repo::certificate::{self as cert_repo, PartnerCertRow};
use persistence::repo::device::ftm as repo;
use persistence::repo::device::ftm_paged::{self as paged, FtmFilter, FtmSortKey, FtmSummaryRow};
use persistence::repo::partner;
use persistence::repo::request_paged::partners_of_user;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::provider;

/// `DeactivateFtmRequestDto`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FtmDeactivateRequest {
    /// `De-Activate`.
    #[schema(required = true, example = "De-Activate")]
    pub status: Option<String>,
}

/// `FtmDetailResponseDto`: the chip after its deactivation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FtmDeactivated {
    pub ftm_id: String,
    /// The approval status (still `approved`).
    pub status: String,
    pub is_active: bool,
}

/// `FtmCertificateDownloadResponseDto`: the certificate the provider uploaded (CA-signed) and
/// the one this service re-signed; an expired one is answered empty, with its flag set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FtmCertificateDownload {
    pub ca_signed_certificate_data: String,
    pub ca_signed_cert_upload_date_time: String,
    pub ca_signed_cert_expiry_date_time: String,
    pub is_ca_signed_certificate_expired: bool,
    pub mosip_signed_certificate_data: String,
    pub mosip_signed_cert_upload_date_time: String,
    pub mosip_signed_cert_expiry_date_time: String,
    pub is_mosip_signed_certificate_expired: bool,
}

/// `FtmDetailSummaryDto`: one line of the admin's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FtmSummaryDto {
    pub ftm_id: String,
    pub partner_id: String,
    pub org_name: Option<String>,
    pub make: String,
    pub model: String,
    /// `pending_cert_upload`, `pending_approval`, `approved`, `rejected` or `deactivated`.
    pub status: String,
    pub is_active: bool,
    pub is_certificate_available: bool,
    pub created_date_time: String,
}

impl From<FtmSummaryRow> for FtmSummaryDto {
    fn from(r: FtmSummaryRow) -> Self {
        FtmSummaryDto {
            status: summary_status(&r.approval_status, r.is_active).to_owned(),
            is_certificate_available: r.certificate_alias.is_some(),
            created_date_time: local(r.cr_dtimes),
            ftm_id: r.id,
            partner_id: r.provider_id,
            org_name: r.org_name,
            make: r.make,
            model: r.model,
            is_active: r.is_active,
        }
    }
}

/// `FtmChipDetailsDto`: one of the caller's chips, with its certificate's dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FtmChipDetails {
    pub ftm_id: String,
    pub partner_id: String,
    /// The provider's status: `approved`, `deactivated` (approved, inactive) or its approval status.
    pub partner_status: String,
    pub make: String,
    pub model: String,
    /// The chip's approval status.
    pub status: String,
    pub is_active: bool,
    pub is_certificate_available: bool,
    /// When the re-signed certificate became valid (its upload); `null` without a certificate.
    pub certificate_upload_date_time: Option<String>,
    /// When the uploaded (CA-signed) certificate expires; `null` without a certificate.
    pub certificate_expiry_date_time: Option<String>,
    pub is_certificate_expired: Option<bool>,
    pub created_date_time: String,
}

/// The sort fields of the admin's list, as MOSIP names them.
pub const FTM_SORT_FIELDS: &[(&str, FtmSortKey)] = &[
    ("partnerId", FtmSortKey::PartnerId),
    ("orgName", FtmSortKey::OrgName),
    ("ftmId", FtmSortKey::FtmId),
    ("make", FtmSortKey::Make),
    ("model", FtmSortKey::Model),
    ("status", FtmSortKey::Status),
    ("createdDateTime", FtmSortKey::CreatedDateTime),
];

/// The filters of `GET /ftpchipdetail/v2` (text filters match a case-insensitive substring).
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct FtmChipsQuery {
    pub partner_id: Option<String>,
    pub org_name: Option<String>,
    pub ftm_id: Option<String>,
    pub make: Option<String>,
    pub model: Option<String>,
    /// `approved`, `rejected`, `pending_cert_upload`, `pending_approval` or `deactivated` (another
    /// value matches nothing).
    pub status: Option<String>,
}

/// The page and the filters an admin's chip list asks for (`PMS_PS_ERROR_007`, then
/// `PMS_PRT_357`/`358`/`360`/`361`).
pub fn list_request(paging: &PageQuery, q: &FtmChipsQuery) -> Result<(PageRequest<FtmSortKey>, FtmFilter), AppError> {
    let page = PageRequest::parse_paired(paging, FTM_SORT_FIELDS)?;
    let filter = FtmFilter {
        partner_id: q.partner_id.clone(),
        org_name: q.org_name.clone(),
        ftm_id: q.ftm_id.clone(),
        make: q.make.clone(),
        model: q.model.clone(),
        status: q.status.clone(),
    };
    Ok((page, filter))
}

/// `GET /ftpchipdetail/v2`: one page of every provider's chips matching `filter`.
pub fn list(
    store: &Store,
    page: &PageRequest<FtmSortKey>,
    filter: &FtmFilter,
) -> Result<PageResponseV2<FtmSummaryDto>, AppError> {
    store.read(|tx| {
        let sort = page.sort.map(|s| (s.field, s.desc));
        let (rows, total) = paged::ftm_summaries(tx.conn, filter, sort, store.paging_of(page))?;
        Ok(PageResponseV2::new(rows.into_iter().map(FtmSummaryDto::from).collect(), page, total))
    })
}

/// The chip `ftm_id` as MOSIP 1.2.2 lets the caller act on it: a caller without `PARTNER_ADMIN`
/// must be the user of some partner (`PMS_CERTIFICATE_ERROR_002`); the chip must exist
/// (`PMS_FTM_ERROR_005`); for such a caller it must be one of its partners' (`PMS_FTM_ERROR_006`),
/// and that partner active (`PMS_PMP_016`).
fn owned_chip(tx: &mut Tx<'_>, actor: &Actor, ftm_id: &str) -> Result<FtmChip, AppError> {
    let owned = if actor.is_admin {
        None
    } else {
        let owned = partners_of_user(tx.conn, &actor.user_id)?;
        if owned.is_empty() {
            return Err(DeviceError::FtmUserWithoutPartner.into());
        }
        Some(owned)
    };
    let chip = repo::find(tx.conn, &FtmChipId::from(ftm_id))?.ok_or(DeviceError::FtmNotExists)?;
    if let Some(owned) = owned {
        if !owned.iter().any(|p| p.id == chip.provider_id.as_str()) {
            return Err(DeviceError::FtmNotOfUser.into());
        }
        let provider = partner::find(tx.conn, &PartnerId::from(chip.provider_id.as_str()))?;
        if !provider.is_some_and(|p| p.is_active) {
            return Err(DeviceError::FtmPartnerInactive.into());
        }
    }
    Ok(chip)
}

/// `PATCH /ftpchipdetail/{ftmId}`: switches an approved, active chip off.
pub fn deactivate(
    store: &Store,
    actor: &Actor,
    ftm_id: &str,
    req: FtmDeactivateRequest,
) -> Result<FtmDeactivated, AppError> {
    let plan = provider::plan(store, actor, provider::UPDATE_DEVICE, Some(ftm_id));
    store.audited(plan, |tx| {
        check_deactivate_status(req.status.as_deref())?;
        let mut chip = owned_chip(tx, actor, ftm_id)?;
        chip.deactivate(&actor.user_id, tx.now)?;
        if repo::deactivate(tx.conn, &chip.id, &actor.user_id, tx.now)? == 0 {
            return Err(DeviceError::FtmAlreadyDeactivated.into());
        }
        tx.trail.push(AuditEvent::UpdateDeviceSuccess, Some(chip.id.as_str()));
        Ok(FtmDeactivated { ftm_id: chip.id.into_string(), status: chip.approval_status, is_active: chip.is_active })
    })
}

/// The certificate a stored PEM holds (the service wrote it: unreadable is an internal fault).
fn stored_pem(pem: &str) -> Result<Certificate, AppError> {
    parse::pem_certificate(pem).map_err(|e| AppError::internal(format!("stored certificate: {e}")))
}

/// A certificate's data, unless it expired before `now` (then empty, and `true`).
fn unless_expired(cert: &Certificate, now: NaiveDateTime) -> (String, bool) {
    if cert.not_after() < now { (String::new(), true) } else { (cert.pem(), false) }
}

fn download(row: &PartnerCertRow, now: NaiveDateTime) -> Result<FtmCertificateDownload, AppError> {
    let original = stored_pem(&row.cert_data)?;
    let resigned = stored_pem(&row.signed_cert_data)?;
    let (ca_signed_certificate_data, is_ca_signed_certificate_expired) = unless_expired(&original, now);
    let (mosip_signed_certificate_data, is_mosip_signed_certificate_expired) = unless_expired(&resigned, now);
    Ok(FtmCertificateDownload {
        ca_signed_certificate_data,
        ca_signed_cert_upload_date_time: local(original.not_before()),
        ca_signed_cert_expiry_date_time: local(original.not_after()),
        is_ca_signed_certificate_expired,
        mosip_signed_certificate_data,
        mosip_signed_cert_upload_date_time: local(resigned.not_before()),
        mosip_signed_cert_expiry_date_time: local(resigned.not_after()),
        is_mosip_signed_certificate_expired,
    })
}

/// `GET /ftpchipdetail/{ftmId}/certificate-data`: both certificates of a chip pending approval
/// or approved and active.
pub fn certificate_data(store: &Store, actor: &Actor, ftm_id: &str) -> Result<FtmCertificateDownload, AppError> {
    store.read(|tx| {
        let chip = owned_chip(tx, actor, ftm_id)?;
        let alias = chip.downloadable_certificate()?;
        let row = cert_repo::partner_certificate(tx.conn, alias)?.ok_or(DeviceError::FtmCertificateStatus)?;
        download(&row, tx.now)
    })
}

/// `GET /ftpchipdetail`: the chips of the caller's own FTM providers.
pub fn mine(store: &Store, actor: &Actor) -> Result<Vec<FtmChipDetails>, AppError> {
    store.read(|tx| {
        let owned = repo::chips_of_user(tx.conn, &actor.user_id)?;
        let mut out = Vec::with_capacity(owned.len());
        for o in owned {
            let certificate = match o.chip.certificate_alias.as_deref() {
                Some(alias) => {
                    cert_repo::partner_certificate(tx.conn, alias)?.map(|r| download(&r, tx.now)).transpose()?
                }
                None => None,
            };
            let chip = o.chip;
            out.push(FtmChipDetails {
                partner_status: summary_status(&o.partner_status, o.partner_active).to_owned(),
                is_certificate_available: chip.certificate_alias.is_some(),
                certificate_upload_date_time: certificate
                    .as_ref()
                    .map(|c| c.mosip_signed_cert_upload_date_time.clone()),
                certificate_expiry_date_time: certificate.as_ref().map(|c| c.ca_signed_cert_expiry_date_time.clone()),
                is_certificate_expired: match (&certificate, &chip.certificate_alias) {
                    (Some(c), _) => Some(c.is_ca_signed_certificate_expired),
                    (None, None) => Some(false),
                    (None, Some(_)) => None,
                },
                created_date_time: local(chip.cr_dtimes),
                ftm_id: chip.id.into_string(),
                partner_id: chip.provider_id.into_string(),
                make: chip.make,
                model: chip.model,
                status: chip.approval_status,
                is_active: chip.is_active,
            });
        }
        Ok(out)
    })
}
