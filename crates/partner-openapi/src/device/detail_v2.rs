//! MOSIP 1.2.2's device operations, in the 1.2.2 envelopes: deactivation, the admin's approval
//! with the SBI mapping, and the paged device list (`device_app::detail_lifecycle`,
//! `device_app::paged`).

use app_core::paged::{PageQuery, PageResponseV2};
use device_app::dto::{DeactivateRequest, DeviceApprovalRequest, DeviceListQuery, DeviceStateDto, DeviceSummaryDto};
use web_support::{RequestEnvelopeV2, ResponseEnvelopeV2};

op! {
    /// `PATCH /devicedetail/{deviceId}`.
    deactivate: patch "/devicedetail/{deviceId}", "deactivateDevice", "Device details", "Deactivate a device (MOSIP 1.2.2)";
    description = "Switches an approved, active device off. A caller without `PARTNER_ADMIN` acts \
on its own active partners' devices only. Roles: `DEVICE_PROVIDER`, `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.deactivate.device.patch`): \
`PMS_REQUEST_ERROR_002`–`006` the envelope; `PMS_DEVICE_ERROR_026` `status` not `De-Activate`; \
`PMS_CERTIFICATE_ERROR_002` the caller owns no partner (admins too, as in MOSIP); \
`PMS_DEVICE_ERROR_006` no such device; `PMS_DEVICE_ERROR_016` not the caller's; `PMS_PMP_016` its \
partner is inactive; `PMS_DEVICE_ERROR_023` the device is not approved; `PMS_DEVICE_ERROR_014` \
already deactivated.",
    params(("deviceId" = String, Path, description = "The device's id")),
    request_body(content = RequestEnvelopeV2<DeactivateRequest>, example = json!({
        "id": "mosip.pms.deactivate.device.patch", "version": "1.0", "requestTime": "2024-05-01T10:20:30.123Z",
        "request": {"status": "De-Activate"}})),
    responses((status = 200, description = "The device, now inactive, or the errors", body = ResponseEnvelopeV2<DeviceStateDto>))
}

op! {
    /// `POST /devicedetail/{id}/approval`.
    approval: post "/devicedetail/{id}/approval", "approveOrRejectMappingDeviceToSbi", "Device details", "Approve or reject a device added to an SBI (MOSIP 1.2.2)";
    description = "`approved` approves and activates the device, `rejected` rejects it; either way \
its mapping to the SBI becomes active, as in MOSIP. The device must be the partner's and pending \
approval, the SBI the partner's, approved, active and unexpired. Roles: `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.approval.mapping.device.to.sbi.post`): \
`PMS_REQUEST_ERROR_002`–`006` the envelope; `PMS_REQUEST_ERROR_001` `partnerId` or `status` \
missing; `PMS_DEVICE_ERROR_027` `status` neither `approved` nor `rejected`; \
`PMS_DEVICE_ERROR_024`/`025` no `sbiId` (approving/rejecting); `PMS_DEVICE_ERROR_005` no such \
SBI; `PMS_DEVICE_ERROR_002` another partner's SBI; `PMS_DEVICE_ERROR_009`, `028`, `029`, `021` \
the SBI pending, rejected, deactivated, expired; `PMS_DEVICE_ERROR_006` no such device; \
`PMS_DEVICE_ERROR_007` another partner's device; `PMS_DEVICE_ERROR_010` the device is not \
pending; `PMS_DEVICE_ERROR_012` the device is not mapped to the SBI.",
    params(("id" = String, Path, description = "The device's id")),
    request_body(content = RequestEnvelopeV2<DeviceApprovalRequest>, example = json!({
        "id": "mosip.pms.approval.mapping.device.to.sbi.post", "version": "1.0", "requestTime": "2024-05-01T10:20:30.123Z",
        "request": {"partnerId": "Tech-123", "sbiId": "1f2c7e7a-5f0b-4a8e-9e62-0d3c2b1a0f11", "status": "approved"}})),
    responses((status = 200, description = "`true`, or the errors", body = ResponseEnvelopeV2<bool>))
}

op! {
    /// `GET /devicedetail`.
    list: get "/devicedetail", "getAllDeviceDetails", "Device details", "A page of devices with their SBIs, for admins (MOSIP 1.2.2)";
    description = "One line per device and SBI it is mapped to (one for an unmapped device), as in \
MOSIP. Filtered, sorted and paged in the database; text filters (`partnerId`, `orgName`, \
`deviceType`, `deviceSubType`, `make`, `model`, `sbiId`, `sbiVersion`, `deviceId`) match a \
case-insensitive substring; `status` is `approved`, `deactivated`, `pending_approval` or \
`rejected`. Sort fields: `deviceId`, `sbiId`, `sbiVersion`, `partnerId`, `orgName`, \
`deviceType`, `deviceSubType`, `make`, `model`, `status`, `createdDateTime`. Page 0 of 8 lines by \
default; without a sort, newest first. Roles: `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.get.all.device.details.get`): \
`PMS_PS_ERROR_007` only one of `sortFieldName` and `sortType`; `PMS_PRT_357` unknown \
`sortFieldName`; `PMS_PRT_358` `sortType` not `ASC`/`DESC`; `PMS_PRT_360` `pageNo` negative or \
not a number; `PMS_PRT_361` `pageSize` below 1 or not a number.",
    params(PageQuery, DeviceListQuery),
    responses((status = 200, description = "The page, or the errors", body = ResponseEnvelopeV2<PageResponseV2<DeviceSummaryDto>>))
}
