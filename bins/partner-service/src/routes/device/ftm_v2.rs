//! MOSIP 1.2.2's FTM chip endpoints (`device_app::ftm_v2`), in the 1.2.2 envelopes: deactivate a
//! chip, read both its certificates, every chip for admins, the caller's own chips.

use actix_web::web;
use device_app::ftm_v2::{
    self, FtmCertificateDownload, FtmChipDetails, FtmChipsQuery, FtmDeactivateRequest, FtmDeactivated, FtmSummaryDto,
};
use device_app::roles;
use web_support::{ApiError, Db, Principal, ReplyV2};

const CERTIFICATE_ID: &str = "mosip.pms.original.ftm.certificate.get";
const MINE_ID: &str = "mosip.pms.ftm.chip.details.get";

web_support::enveloped_v2! {
    /// `PATCH /ftpchipdetail/{ftmId}`.
    pub fn deactivate(ftm_id, FtmDeactivateRequest) -> FtmDeactivated;
    "mosip.pms.deactivate.ftm.patch", roles::FTM_PROVIDERS,
    |store, principal, id, request| ftm_v2::deactivate(store, principal, id, request);
}

web_support::paged_v2! {
    /// `GET /ftpchipdetail/v2`.
    pub fn list(FtmChipsQuery) -> FtmSummaryDto;
    "mosip.pms.partners.ftm.chip.details.get", roles::APPROVERS, ftm_v2::list_request,
    |store, _principal, page, filter| ftm_v2::list(store, &page, &filter);
}

/// `GET /ftpchipdetail/{ftmId}/certificate-data`.
#[tracing::instrument(skip_all, fields(ftm_id = %path))]
pub async fn certificate_data(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
) -> Result<ReplyV2<FtmCertificateDownload>, ApiError> {
    principal.require_any(roles::FTM_PROVIDERS)?;
    let outcome = db.call(move |store| ftm_v2::certificate_data(store, &principal, &path)).await;
    Ok(ReplyV2::new(CERTIFICATE_ID, outcome))
}

/// `GET /ftpchipdetail`.
#[tracing::instrument(skip_all)]
pub async fn mine(principal: Principal, db: web::Data<Db>) -> Result<ReplyV2<Vec<FtmChipDetails>>, ApiError> {
    principal.require_any(roles::FTM_PROVIDERS)?;
    let outcome = db.call(move |store| ftm_v2::mine(store, &principal)).await;
    Ok(ReplyV2::new(MINE_ID, outcome))
}
