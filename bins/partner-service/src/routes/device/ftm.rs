//! FTM chips: create, update, approve or reject (`device_app::ftm`), search them
//! (`device_app::search`), upload and read their certificates (`device_app::ftm_certificate`).

use actix_web::web;
use app_core::page::PageResponse;
use app_core::search::SearchDto;
use device_app::dto::{FtmCertificateRequest, FtmChipRequest, FtmChipStatusRequest, FtmChipUpdateRequest, IdDto};
use device_app::ftm::FtmChipItem;
use device_app::ftm_certificate::{self as certificate, FtmCertificateData, FtmCertificateResponse};
use device_app::{ftm, roles, search};
use partner_app::certificates::CertificateConfig;
use rand_core::OsRng;
use web_support::{Answer, Db, Envelope, Principal, Reply};

/// `POST /ftpchipdetail`.
#[tracing::instrument(skip_all)]
pub async fn create(principal: Principal, db: web::Data<Db>, body: Envelope<FtmChipRequest>) -> Answer<IdDto> {
    principal.require_any(roles::FTM_PROVIDERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| ftm::create(store, &principal, request)).await?))
}

/// `PUT /ftpchipdetail`.
#[tracing::instrument(skip_all)]
pub async fn update(principal: Principal, db: web::Data<Db>, body: Envelope<FtmChipUpdateRequest>) -> Answer<IdDto> {
    principal.require_any(roles::FTM_PROVIDERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| ftm::update(store, &principal, request)).await?))
}

/// `PATCH /ftpchipdetail`.
#[tracing::instrument(skip_all)]
pub async fn decide(principal: Principal, db: web::Data<Db>, body: Envelope<FtmChipStatusRequest>) -> Answer<String> {
    principal.require_any(roles::APPROVERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| ftm::decide(store, &principal, request)).await?))
}

/// `POST /ftpchipdetail/uploadcertificate`.
#[tracing::instrument(skip_all)]
pub async fn upload_certificate(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<CertificateConfig>,
    body: Envelope<FtmCertificateRequest>,
) -> Answer<FtmCertificateResponse> {
    principal.require_any(roles::FTM_PROVIDERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| certificate::upload(store, &principal, &cfg, request, &mut OsRng)).await?))
}

/// `GET /ftpchipdetail/getPartnerCertificate/{ftpChipDetailId}`.
#[tracing::instrument(skip_all)]
pub async fn get_certificate(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
) -> Answer<FtmCertificateData> {
    principal.require_any(roles::FTM_PROVIDERS)?;
    let chip = path.into_inner();
    Ok(Reply::ok(db.call(move |store| certificate::certificate(store, &principal, &chip)).await?))
}

/// `POST /ftpchipdetail/search`.
#[tracing::instrument(skip_all)]
pub async fn search(
    principal: Principal,
    db: web::Data<Db>,
    body: Envelope<SearchDto>,
) -> Answer<PageResponse<FtmChipItem>> {
    principal.require_any(roles::FTM_PROVIDERS)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::ftm_chips(store, &principal, request)).await?))
}
