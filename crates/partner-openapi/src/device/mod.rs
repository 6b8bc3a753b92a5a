//! `/v1/partnermanager/devicedetail`, `/securebiometricinterface` and `/ftpchipdetail`: device
//! providers' device details and SBIs, FTM providers' chips (`device_app`'s operations).

pub mod detail;
pub mod detail_v2;
pub mod ftm;
pub mod ftm_v2;
pub mod lookups;
pub mod sbi;
pub mod sbi_v2;

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
    sbi::map_search,
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
    // MOSIP 1.2.2: SBI and device life cycle, paged lists
    sbi_v2::add_device,
    sbi_v2::devices,
    sbi_v2::deactivate,
    sbi_v2::list,
    detail_v2::deactivate,
    detail_v2::approval,
    detail_v2::list,
))]
pub struct DeviceApi;
