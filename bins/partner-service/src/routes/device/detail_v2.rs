//! MOSIP 1.2.2's device operations, in the 1.2.2 envelopes: deactivation, the admin's approval
//! with the SBI mapping, and the paged device list (`device_app::detail_lifecycle`,
//! `device_app::paged`).

use device_app::dto::{DeactivateRequest, DeviceApprovalRequest, DeviceListQuery, DeviceStateDto, DeviceSummaryDto};
use device_app::{detail_lifecycle, paged, roles};

web_support::enveloped_v2! {
    /// `PATCH /devicedetail/{deviceId}`.
    pub fn deactivate(device_id, DeactivateRequest) -> DeviceStateDto;
    "mosip.pms.deactivate.device.patch", roles::DEVICE_PROVIDERS_V2,
    |store, principal, id, request| detail_lifecycle::deactivate(store, principal, id, request);

    /// `POST /devicedetail/{id}/approval`.
    pub fn approval(device_id, DeviceApprovalRequest) -> bool;
    "mosip.pms.approval.mapping.device.to.sbi.post", roles::APPROVERS,
    |store, principal, id, request| detail_lifecycle::decide_with_sbi(store, principal, id, request);
}

web_support::paged_v2! {
    /// `GET /devicedetail`.
    pub fn list(DeviceListQuery) -> DeviceSummaryDto;
    "mosip.pms.get.all.device.details.get", roles::APPROVERS, paged::device_list_request,
    |store, _principal, page, filter| paged::devices(store, &page, &filter);
}
