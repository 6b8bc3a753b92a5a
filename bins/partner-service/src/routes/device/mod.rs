//! `/v1/partnermanager/devicedetail`, `/securebiometricinterface` and `/ftpchipdetail`: device
//! providers' device details and SBIs, FTM providers' chips (`device_app`'s operations).

mod detail;
mod ftm;
mod ftm_v2;
mod lookups;
mod sbi;
// MOSIP 1.2.2: SBI and device life cycle, paged lists
mod detail_v2;
mod sbi_v2;

use web_support::openapi::Registrar;

/// The device routes (relative to `/v1/partnermanager`), literal paths first.
pub fn register(r: &mut Registrar<'_>) {
    r.resource("/devicedetail", |m| {
        m.post(detail::create).put(detail::update).patch(detail::decide).get(detail_v2::list)
    })
    .post("/devicedetail/search", lookups::details)
    .post("/devicedetail/filtervalues", lookups::detail_values)
    .post("/devicedetail/deviceType/search", lookups::sub_types)
    .post("/devicedetail/deviceType/filtervalues", lookups::type_values)
    .post("/devicedetail/deviceSubType/filtervalues", lookups::sub_type_values)
    .resource("/securebiometricinterface", |m| {
        m.post(sbi::create).put(sbi::update).patch(sbi::decide).get(sbi_v2::list)
    })
    .post("/securebiometricinterface/search", sbi::search)
    .post("/securebiometricinterface/filtervalues", sbi::values)
    .resource("/securebiometricinterface/devicedetails/map", |m| m.put(sbi::map))
    .resource("/securebiometricinterface/devicedetails/map/remove", |m| m.put(sbi::unmap))
    .post("/securebiometricinterface/devicedetails/map/search", sbi::map_search)
    .resource("/ftpchipdetail", |m| m.post(ftm::create).put(ftm::update).patch(ftm::decide).get(ftm_v2::mine))
    .post("/ftpchipdetail/uploadcertificate", ftm::upload_certificate)
    .get("/ftpchipdetail/getPartnerCertificate/{ftpChipDetailId}", ftm::get_certificate)
    .post("/ftpchipdetail/search", ftm::search)
    .get("/ftpchipdetail/v2", ftm_v2::list)
    // MOSIP 1.2.2: SBI, device and FTM chip life cycle (after the literal paths)
    .resource("/securebiometricinterface/{sbiId}/devices", |m| m.post(sbi_v2::add_device).get(sbi_v2::devices))
    .resource("/securebiometricinterface/{sbiId}", |m| m.patch(sbi_v2::deactivate))
    .resource("/devicedetail/{deviceId}", |m| m.patch(detail_v2::deactivate))
    .post("/devicedetail/{id}/approval", detail_v2::approval)
    .resource("/ftpchipdetail/{ftmId}", |m| m.patch(ftm_v2::deactivate))
    .get("/ftpchipdetail/{ftmId}/certificate-data", ftm_v2::certificate_data);
}
