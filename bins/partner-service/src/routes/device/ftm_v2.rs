//! MOSIP 1.2.2's FTM chip endpoints (`device_app::ftm_v2`), in the 1.2.2 envelopes: deactivate a
//! chip, read both its certificates, every chip for admins, the caller's own chips.

use actix_web::web;
use device_app::ftm_v2::{
    self, FtmCertificateDownload, FtmChipDetails, FtmChipsQuery, FtmDeactivateRequest, FtmDeactivated, FtmSummaryDto,
};
use device_app::roles;
use web_support::paged::{PageQuery, PageResponseV2};
use web_support::{ApiError, Db, EnvelopeV2, Principal, ReplyV2};

const DEACTIVATE_ID: &str = "mosip.pms.deactivate.ftm.patch";
const CERTIFICATE_ID: &str = "mosip.pms.original.ftm.certificate.get";
const LIST_ID: &str = "mosip.pms.partners.ftm.chip.details.get";
const MINE_ID: &str = "mosip.pms.ftm.chip.details.get";

/// `PATCH /ftpchipdetail/{ftmId}`.
#[tracing::instrument(skip_all, fields(ftm_id = %path))]
pub async fn deactivate(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
    body: EnvelopeV2<FtmDeactivateRequest>,
) -> Result<ReplyV2<FtmDeactivated>, ApiError> {
    principal.require_any(roles::FTM_PROVIDERS)?;
    let outcome = match body.open(DEACTIVATE_ID) {
        Ok(request) => db.call(move |store| ftm_v2::deactivate(store, &principal, &path, request)).await,
        Err(refused) => Err(refused),
    };
    Ok(ReplyV2::new(DEACTIVATE_ID, outcome))
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

/// `GET /ftpchipdetail/v2`.
#[tracing::instrument(skip_all)]
pub async fn list(
    principal: Principal,
    db: web::Data<Db>,
    paging: web::Query<PageQuery>,
    query: web::Query<FtmChipsQuery>,
) -> Result<ReplyV2<PageResponseV2<FtmSummaryDto>>, ApiError> {
    principal.require_any(roles::APPROVERS)?;
    let outcome = match ftm_v2::list_request(&paging, &query) {
        Ok((page, filter)) => db.call(move |store| ftm_v2::list(store, &page, &filter)).await,
        Err(refused) => Err(refused.into()),
    };
    Ok(ReplyV2::new(LIST_ID, outcome))
}

/// `GET /ftpchipdetail`.
#[tracing::instrument(skip_all)]
pub async fn mine(principal: Principal, db: web::Data<Db>) -> Result<ReplyV2<Vec<FtmChipDetails>>, ApiError> {
    principal.require_any(roles::FTM_PROVIDERS)?;
    let outcome = db.call(move |store| ftm_v2::mine(store, &principal)).await;
    Ok(ReplyV2::new(MINE_ID, outcome))
}
