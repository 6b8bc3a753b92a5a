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
use web_support::{Answer, Db, Principal, Reply};

web_support::enveloped! {
    /// `POST /ftpchipdetail`.
    pub fn create(FtmChipRequest) -> IdDto;
    roles::FTM_PROVIDERS, |store, principal, request| ftm::create(store, principal, request);

    /// `PUT /ftpchipdetail`.
    pub fn update(FtmChipUpdateRequest) -> IdDto;
    roles::FTM_PROVIDERS, |store, principal, request| ftm::update(store, principal, request);

    /// `PATCH /ftpchipdetail`.
    pub fn decide(FtmChipStatusRequest) -> String;
    roles::APPROVERS, |store, principal, request| ftm::decide(store, principal, request);

    /// `POST /ftpchipdetail/uploadcertificate`.
    pub fn upload_certificate(FtmCertificateRequest, cfg: CertificateConfig) -> FtmCertificateResponse;
    roles::FTM_PROVIDERS, |store, principal, request| certificate::upload(store, principal, &cfg, request, &mut OsRng);

    /// `POST /ftpchipdetail/search`.
    pub fn search(SearchDto) -> PageResponse<FtmChipItem>;
    roles::FTM_PROVIDERS, |store, principal, request| search::ftm_chips(store, principal, request);
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
