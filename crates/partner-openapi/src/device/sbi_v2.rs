//! MOSIP 1.2.2's SBI operations, in the 1.2.2 envelopes: the devices of an SBI (add, list), its
//! deactivation, and the paged SBI list (`device_app::sbi_devices`, `device_app::paged`).

use app_core::paged::{PageQuery, PageResponseV2};
use device_app::dto::{
    DeactivateRequest, DeviceDetailRequest, IdDto, SbiDetailsDto, SbiDeviceDto, SbiListQuery, SbiSummaryDto,
};
use web_support::{RequestEnvelopeV2, ResponseEnvelopeV2};

op! {
    /// `POST /securebiometricinterface/{sbiId}/devices`.
    add_device: post "/securebiometricinterface/{sbiId}/devices", "addDeviceToSbi", "Secure biometric interfaces", "Add a device to an SBI (MOSIP 1.2.2)";
    description = "A new device (make and model) of one of the caller's partners, pending approval, \
mapped inactive to that partner's SBI until the admin decides (`POST /devicedetail/{id}/approval`). \
Nothing is kept when a check fails. Roles: `DEVICE_PROVIDER`, `PARTNER_ADMIN` (an admin too must \
own the partner, as in MOSIP).\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.add.device.to.sbi.id.post`): \
`PMS_REQUEST_ERROR_002`–`006` the envelope (`id`, `requestTime` today, `version` `1.0`, \
`request`); `PMS_COR_001` a field missing, blank or over 36 characters; \
`PMS_CERTIFICATE_ERROR_002` the caller owns no partner; `PMS_DEVICE_ERROR_001` \
`deviceProviderId` is not one of them; `PMS_AUT_001` no active sub-type of that code and type; \
`PMS_AUT_002` the provider is inactive; `PMS_AUT_003` the provider has that make and model, or \
the id is taken; `PMS_DEVICE_ERROR_005` no such SBI; `PMS_DEVICE_ERROR_002` another partner's \
SBI; `PMS_DEVICE_ERROR_009` the SBI is pending approval, `028` rejected, `029` deactivated, \
`021` expired.",
    params(("sbiId" = String, Path, description = "The SBI's id")),
    request_body(content = RequestEnvelopeV2<DeviceDetailRequest>, example = json!({
        "id": "mosip.pms.add.device.to.sbi.id.post", "version": "1.0", "requestTime": "2024-05-01T10:20:30.123Z",
        "request": {"deviceProviderId": "Tech-123", "deviceTypeCode": "Finger", "deviceSubTypeCode": "Slap",
            "make": "abcde", "model": "FRO90000"}})),
    responses((status = 200, description = "The new device's id, or the errors", body = ResponseEnvelopeV2<IdDto>))
}

op! {
    /// `GET /securebiometricinterface/{sbiId}/devices`.
    devices: get "/securebiometricinterface/{sbiId}/devices", "getAllDevicesForSbi", "Secure biometric interfaces", "The devices of an SBI (MOSIP 1.2.2)";
    description = "The devices the SBI's provider added to (or mapped to) the SBI, oldest mapping \
first; `response` is `null` when there are none, as in MOSIP. The SBI must belong to one of the \
caller's partners, a device provider. Roles: `DEVICE_PROVIDER`, `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.sbi.devices.get`): `PMS_CERTIFICATE_ERROR_002` \
the caller owns no partner; `PMS_DEVICE_ERROR_005` no such SBI; `PMS_DEVICE_ERROR_019` not the \
caller's; `PMS_DEVICE_ERROR_003` its partner is not a device provider.",
    params(("sbiId" = String, Path, description = "The SBI's id")),
    responses((status = 200, description = "The devices, or the errors", body = ResponseEnvelopeV2<Vec<SbiDeviceDto>>))
}

op! {
    /// `PATCH /securebiometricinterface/{sbiId}`.
    deactivate: patch "/securebiometricinterface/{sbiId}", "deactivateSbi", "Secure biometric interfaces", "Deactivate an SBI and its devices (MOSIP 1.2.2)";
    description = "Switches an approved, active SBI off; its approved devices are switched off and \
its pending ones rejected. A caller without `PARTNER_ADMIN` acts on its own active partners' SBIs \
only. Roles: `DEVICE_PROVIDER`, `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.deactivate.sbi.patch`): \
`PMS_REQUEST_ERROR_002`–`006` the envelope; `PMS_DEVICE_ERROR_026` `status` not `De-Activate`; \
`PMS_CERTIFICATE_ERROR_002` the caller owns no partner (admins too, as in MOSIP); \
`PMS_DEVICE_ERROR_005` no such SBI; `PMS_DEVICE_ERROR_019` not the caller's; `PMS_PMP_016` its \
partner is inactive; `PMS_DEVICE_ERROR_022` the SBI is not approved; `PMS_DEVICE_ERROR_020` \
already deactivated.",
    params(("sbiId" = String, Path, description = "The SBI's id")),
    request_body(content = RequestEnvelopeV2<DeactivateRequest>, example = json!({
        "id": "mosip.pms.deactivate.sbi.patch", "version": "1.0", "requestTime": "2024-05-01T10:20:30.123Z",
        "request": {"status": "De-Activate"}})),
    responses((status = 200, description = "The SBI, now inactive, or the errors", body = ResponseEnvelopeV2<SbiDetailsDto>))
}

op! {
    /// `GET /securebiometricinterface`.
    list: get "/securebiometricinterface", "getAllSbiDetails", "Secure biometric interfaces", "A page of SBIs with their device counts (MOSIP 1.2.2)";
    description = "Every SBI for `PARTNER_ADMIN`; otherwise those of the caller's own partners. \
Filtered, sorted and paged in the database; text filters (`partnerId`, `orgName`, `sbiId`, \
`sbiVersion`) match a case-insensitive substring; `status` is `approved`, `deactivated`, \
`pending_approval` or `rejected`; `sbiExpiryStatus` is `expired` (expiry before today) or \
`valid`. Sort fields: `partnerId`, `orgName`, `partnerType`, `sbiId`, `sbiVersion`, \
`sbiCreatedDateTime`, `sbiExpiryDateTime`, `status`, `createdDateTime`, `sbiExpiryStatus`, \
`countOfAssociatedDevices`. Without `pageNo` and `pageSize`, every SBI in one page; without a \
sort, newest first. Roles: `PARTNER_ADMIN`, `DEVICE_PROVIDER`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.all.sbi.details.get`): `PMS_PS_ERROR_007` only \
one of `sortFieldName` and `sortType`; `PMS_PS_ERROR_006` only one of `pageNo` and `pageSize`; \
`PMS_PS_ERROR_008` a sort without a page; `PMS_PRT_357` unknown `sortFieldName`; `PMS_PRT_358` \
`sortType` not `ASC`/`DESC`; `PMS_PRT_360` `pageNo` negative or not a number; `PMS_PRT_361` \
`pageSize` below 1 or not a number; `PMS_CERTIFICATE_ERROR_002` the caller (not an admin) owns no \
partner.",
    params(PageQuery, SbiListQuery),
    responses((status = 200, description = "The page, or the errors", body = ResponseEnvelopeV2<PageResponseV2<SbiSummaryDto>>))
}
