//! Device detail searches and the filter values of device details, types and sub-types
//! (`device_app::search`).

use app_core::page::PageResponse;
use app_core::search::{FilterResponse, FilterValueDto, SearchDto};
use device_app::dto::{DeviceDetailItem, DeviceSubTypeItem};
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// `POST /devicedetail/search`.
    details: post "/devicedetail/search", "searchDeviceDetails", "Device details", "Search device details";
    description = "MOSIP's `SearchDto` over the device detail's columns (`id`, `deviceProviderId`, \
`deviceTypeCode`, `deviceSubTypeCode`, `make`, `model`, `approvalStatus`, `isActive`, `crDtimes`, \
…). A caller without `PARTNER_ADMIN` finds its own partner's details only. Roles: \
`PARTNER_ADMIN`, `DEVICE_PROVIDER`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing; `PMS-MSD-3xx` the search is invalid.",
    request_body(content = RequestEnvelope<SearchDto>, example = json!({"request": {
        "filters": [{"columnName": "make", "type": "contains", "value": "abc"}],
        "sort": [{"sortField": "id", "sortType": "desc"}], "pagination": {"pageStart": 0, "pageFetch": 10}}})),
    responses((status = 200, description = "A page of device details, or the errors",
        body = ResponseEnvelope<PageResponse<DeviceDetailItem>>))
}

op! {
    /// `POST /devicedetail/deviceType/search`.
    sub_types: post "/devicedetail/deviceType/search", "searchDeviceType", "Device details", "Search device sub-types";
    description = "MOSIP's `SearchDto` over the device sub-types (`code`, `deviceType`, `name`, \
`isActive`, …), as MOSIP answers this path. Roles: `PARTNER_ADMIN`, `DEVICE_PROVIDER`, \
`FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing; `PMS-MSD-3xx` the search is invalid.",
    request_body(content = RequestEnvelope<SearchDto>, example = json!({"request": {
        "filters": [], "sort": [{"sortField": "name", "sortType": "desc"}], "pagination": {"pageStart": 0}}})),
    responses((status = 200, description = "A page of sub-types, or the errors",
        body = ResponseEnvelope<PageResponse<DeviceSubTypeItem>>))
}

op! {
    /// `POST /devicedetail/filtervalues`.
    detail_values: post "/devicedetail/filtervalues", "filterValues_2", "Device details", "The values of device detail columns";
    description = "MOSIP's `FilterValueDto` over device details; `fieldCode` is the detail's id. A \
caller without `PARTNER_ADMIN` sees its own partner's values only. Roles: `PARTNER_ADMIN`, \
`DEVICE_PROVIDER`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` or `filters` missing; `PMS-MSD-317`, `PMS-MSD-322`, \
`PMS-MSD-324` an unknown column, a missing or unsupported filter type.",
    request_body(content = RequestEnvelope<FilterValueDto>,
        example = json!({"request": {"filters": [{"columnName": "make", "type": "unique", "text": ""}]}})),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
}

op! {
    /// `POST /devicedetail/deviceType/filtervalues`.
    type_values: post "/devicedetail/deviceType/filtervalues", "filterDeviceType", "Device details", "The values of device type columns";
    description = "MOSIP's `FilterValueDto` over device types (`code`, `name`, `isActive`); \
`fieldCode` is the type's code. Roles: `PARTNER_ADMIN`, `DEVICE_PROVIDER`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): as `/devicedetail/filtervalues`.",
    request_body(content = RequestEnvelope<FilterValueDto>,
        example = json!({"request": {"filters": [{"columnName": "code", "type": "all", "text": "Finger"}]}})),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
}

op! {
    /// `POST /devicedetail/deviceSubType/filtervalues`.
    sub_type_values: post "/devicedetail/deviceSubType/filtervalues", "filterDeviceSubType", "Device details", "The values of device sub-type columns";
    description = "MOSIP's `FilterValueDto` over device sub-types (`code`, `deviceType`, `name`, \
`isActive`); `fieldCode` is the sub-type's code. Roles: `PARTNER_ADMIN`, `DEVICE_PROVIDER`, \
`FTM_PROVIDER`.\n\n\
Errors (HTTP 200): as `/devicedetail/filtervalues`.",
    request_body(content = RequestEnvelope<FilterValueDto>,
        example = json!({"request": {"filters": [{"columnName": "code", "type": "unique", "text": "Single"}]}})),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
}
