//! `/v1/partnermanager/devicedetail`, `/securebiometricinterface` and `/ftpchipdetail`: device
//! providers' device details and SBIs, FTM providers' chips (`device_app`'s operations).

mod detail;
mod ftm;
mod ftm_v2;
mod lookups;
mod sbi;

use web_support::openapi::Registrar;

/// The device routes (relative to `/v1/partnermanager`), literal paths first.
pub fn register(r: &mut Registrar<'_>) {
    r.resource("/devicedetail", |m| m.post(detail::create).put(detail::update).patch(detail::decide))
        .post("/devicedetail/search", lookups::details)
        .post("/devicedetail/filtervalues", lookups::detail_values)
        .post("/devicedetail/deviceType/search", lookups::sub_types)
        .post("/devicedetail/deviceType/filtervalues", lookups::type_values)
        .post("/devicedetail/deviceSubType/filtervalues", lookups::sub_type_values)
        .resource("/securebiometricinterface", |m| m.post(sbi::create).put(sbi::update).patch(sbi::decide))
        .post("/securebiometricinterface/search", sbi::search)
        .post("/securebiometricinterface/filtervalues", sbi::values)
        .resource("/securebiometricinterface/devicedetails/map", |m| m.put(sbi::map))
        .resource("/securebiometricinterface/devicedetails/map/remove", |m| m.put(sbi::unmap))
        .resource("/ftpchipdetail", |m| m.post(ftm::create).put(ftm::update).patch(ftm::decide).get(ftm_v2::mine))
        .post("/ftpchipdetail/uploadcertificate", ftm::upload_certificate)
        .get("/ftpchipdetail/getPartnerCertificate/{ftpChipDetailId}", ftm::get_certificate)
        // FTM chips: search, and MOSIP 1.2.2's additions
        .post("/ftpchipdetail/search", ftm::search)
        .get("/ftpchipdetail/v2", ftm_v2::list)
        .resource("/ftpchipdetail/{ftmId}", |m| m.patch(ftm_v2::deactivate))
        .get("/ftpchipdetail/{ftmId}/certificate-data", ftm_v2::certificate_data);
}

/// The device operations (paths relative to `/v1/partnermanager`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(
    detail::create,
    detail::update,
    detail::decide,
    lookups::details,
    lookups::detail_values,
    lookups::sub_types,
    lookups::type_values,
    lookups::sub_type_values,
    sbi::create,
    sbi::update,
    sbi::decide,
    sbi::search,
    sbi::values,
    sbi::map,
    sbi::unmap,
    ftm::create,
    ftm::update,
    ftm::decide,
    ftm::upload_certificate,
    ftm::get_certificate,
    // FTM chips: search, and MOSIP 1.2.2's additions
    ftm::search,
    ftm_v2::deactivate,
    ftm_v2::certificate_data,
    ftm_v2::list,
    ftm_v2::mine,
))]
pub struct DeviceApi;
