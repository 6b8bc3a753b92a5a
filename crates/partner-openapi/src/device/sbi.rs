//! Secure biometric interfaces: create, update, approve or reject, search, filter values, map
//! to device details and remove the mapping (`device_app::sbis`, `device_app::search`).

use app_core::page::PageResponse;
use app_core::search::{FilterResponse, FilterValueDto, SearchDto};
use device_app::dto::{
    IdDto, MappedDeviceItem, MappingRequest, SbiCreateRequest, SbiItem, SbiUpdateRequest, StatusRequest,
};
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// `POST /securebiometricinterface`.
    create: post "/securebiometricinterface", "SecureBiometricInterface", "Secure biometric interfaces", "Create an SBI";
    description = "A provider's SBI version, pending approval and inactive. The creation date is \
today or earlier and at most `device.sbi_created_max_years` back; the expiry is after today and at \
most `device.sbi_expiry_max_years` ahead. A caller without `PARTNER_ADMIN` creates for its own \
partner only. Roles: `PARTNER_ADMIN`, `DEVICE_PROVIDER`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing, blank or too long, or a date unreadable; \
`PMS_AUT_514`, `PMS_AUT_508`, `PMS_AUT_516`, `PMS_AUT_515` the dates (in that order); \
`PMS_AUT_002` the provider is missing or inactive; `PMS_AUT_512` the provider has that version; \
`PMS_DEVICE_ERROR_001` another partner's id.",
    request_body(content = RequestEnvelope<SbiCreateRequest>, example = json!({"request": {
        "swBinaryHash": "0", "swVersion": "MO.TD.01", "swCreateDateTime": "2026-12-05T08:23:57.986Z",
        "swExpiryDateTime": "2030-12-30T08:23:57.986Z", "providerId": "Tech-123"}})),
    responses((status = 200, description = "The new SBI's id, or the errors", body = ResponseEnvelope<IdDto>))
}

op! {
    /// `PUT /securebiometricinterface`.
    update: put "/securebiometricinterface", "updateSecureBiometricInterface", "Secure biometric interfaces", "Update an SBI";
    description = "Hash, version, dates and `isActive` of an SBI (dates checked as on create). A \
caller without `PARTNER_ADMIN` updates its own partner's SBIs only. Roles: `PARTNER_ADMIN`, \
`DEVICE_PROVIDER`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing or too long; the date codes of create; \
`PMS_AUT_007` no such SBI; `PMS_AUT_512` another SBI of the provider has that version.",
    request_body(content = RequestEnvelope<SbiUpdateRequest>, example = json!({"request": {
        "id": "1f2c7e7a-5f0b-4a8e-9e62-0d3c2b1a0f11", "swBinaryHash": "0", "swVersion": "MO.TD.100",
        "swCreateDateTime": "2026-12-05T08:23:57.986Z", "swExpiryDateTime": "2030-12-31T07:00:13.375Z",
        "isActive": true}})),
    responses((status = 200, description = "The SBI's id, or the errors", body = ResponseEnvelope<IdDto>))
}

op! {
    /// `PATCH /securebiometricinterface`.
    decide: patch "/securebiometricinterface", "approveSecureBiometricInterface", "Secure biometric interfaces", "Approve or reject an SBI";
    description = "`Activate` approves and activates the SBI, `De-activate` rejects it. Roles: \
`PARTNER_ADMIN`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `id` or `approvalStatus` missing, blank or over 36 characters; \
`PMS_AUT_007` no such SBI; `PMS_AUT_517` already approved and active; `PMS_AUT_518` already \
rejected; `PMS_AUT_026` another status word.",
    request_body(content = RequestEnvelope<StatusRequest>, example = json!({"request": {
        "id": "1f2c7e7a-5f0b-4a8e-9e62-0d3c2b1a0f11", "approvalStatus": "Activate"}})),
    responses((status = 200, description = "What happened, or the errors", body = ResponseEnvelope<String>))
}

op! {
    /// `POST /securebiometricinterface/search`.
    search: post "/securebiometricinterface/search", "searchSecureBiometric", "Secure biometric interfaces", "Search SBIs";
    description = "MOSIP's `SearchDto` over the SBI's columns (`id`, `swVersion`, `providerId`, \
`approvalStatus`, `isActive`, `swExpiryDateTime`, …). A caller without `PARTNER_ADMIN` finds its \
own partner's SBIs only. Roles: `PARTNER_ADMIN`, `DEVICE_PROVIDER`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing; `PMS-MSD-3xx` the search is invalid.",
    request_body(content = RequestEnvelope<SearchDto>, example = json!({"request": {
        "filters": [{"columnName": "providerId", "type": "equals", "value": "Tech-123"}],
        "sort": [], "pagination": {"pageStart": 0}}})),
    responses((status = 200, description = "A page of SBIs, or the errors",
        body = ResponseEnvelope<PageResponse<SbiItem>>))
}

op! {
    /// `POST /securebiometricinterface/filtervalues`.
    values: post "/securebiometricinterface/filtervalues", "filterValues_3", "Secure biometric interfaces", "The values of SBI columns";
    description = "MOSIP's `FilterValueDto` over SBIs; `fieldCode` is the SBI's id. A caller \
without `PARTNER_ADMIN` sees its own partner's values only. Roles: `PARTNER_ADMIN`, \
`DEVICE_PROVIDER`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` or `filters` missing; `PMS-MSD-317`, `PMS-MSD-322`, \
`PMS-MSD-324` an unknown column, a missing or unsupported filter type.",
    request_body(content = RequestEnvelope<FilterValueDto>,
        example = json!({"request": {"filters": [{"columnName": "providerId", "type": "unique", "text": "Tech"}]}})),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
}

op! {
    /// `PUT /securebiometricinterface/devicedetails/map`.
    map: put "/securebiometricinterface/devicedetails/map", "mapDeviceDetails", "Secure biometric interfaces", "Map a device detail to an SBI";
    description = "Maps an approved device detail to an approved, unexpired SBI of the same \
provider; answers `Mapping already exists` when it is. Roles: `PARTNER_ADMIN`, \
`DEVICE_PROVIDER`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` an id missing; `PMS_AUT_005` no such detail; `PMS_AUT_028` the \
detail is rejected; `PMS_AUT_027` not yet approved; `PMS_AUT_007` no such SBI; `PMS_AUT_511` the \
SBI is not approved; `PMS_AUT_513` it expired; `PMS_AUT_509` of another provider.",
    request_body(content = RequestEnvelope<MappingRequest>, example = json!({"request": {
        "deviceDetailId": "device-id-123", "sbiId": "1f2c7e7a-5f0b-4a8e-9e62-0d3c2b1a0f11"}})),
    responses((status = 200, description = "`Success`, or the errors", body = ResponseEnvelope<String>))
}

op! {
    /// `PUT /securebiometricinterface/devicedetails/map/remove`.
    unmap: put "/securebiometricinterface/devicedetails/map/remove", "removeMappedDeviceDetails", "Secure biometric interfaces", "Remove the mapping of a device detail to an SBI";
    description = "Roles: `PARTNER_ADMIN`, `DEVICE_PROVIDER`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` an id missing; `PMS_AUT_510` no such mapping.",
    request_body(content = RequestEnvelope<MappingRequest>, example = json!({"request": {
        "deviceDetailId": "device-id-123", "sbiId": "1f2c7e7a-5f0b-4a8e-9e62-0d3c2b1a0f11"}})),
    responses((status = 200, description = "`Success`, or the errors", body = ResponseEnvelope<String>))
}

op! {
    /// `POST /securebiometricinterface/devicedetails/map/search`.
    map_search: post "/securebiometricinterface/devicedetails/map/search", "searchMappedDeviceDetails", "Secure biometric interfaces", "Search device-SBI mappings";
    description = "MOSIP's `SearchDto` over the mappings (`deviceDetailId`, `sbiId`, `providerId`, \
`partnerName`, `isActive`, `crDtimes`, …), each answered with its device's make, model, type and \
sub-type and its SBI's version and hash (base64, as MOSIP writes the bytes). A caller without \
`PARTNER_ADMIN` finds its own partner's mappings only. Deprecated by MOSIP 1.2.2 for `GET \
/securebiometricinterface/{sbiId}/devices`. Roles: `PARTNER_ADMIN`, `DEVICE_PROVIDER`, \
`FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing; `PMS-MSD-3xx` the search is invalid.",
    request_body(content = RequestEnvelope<SearchDto>, example = json!({"request": {
        "filters": [{"columnName": "deviceDetailId", "type": "equals", "value": "device-id-123"}],
        "sort": [{"sortField": "crDtimes", "sortType": "desc"}], "pagination": {"pageStart": 0, "pageFetch": 10}}})),
    responses((status = 200, description = "A page of mappings, or the errors",
        body = ResponseEnvelope<PageResponse<MappedDeviceItem>>))
}
