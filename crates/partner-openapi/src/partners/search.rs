//! Searches and filter values (P19–P24): the operations are `partner_app::search`'s.

use app_core::page::PageResponse;
use app_core::search::{FilterResponse, FilterValueDto, SearchDto};
use partner_app::search::{KeyItem, PartnerItem, PartnerSearchBody, PartnerTypeItem, RequestItem};
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// P19: partners (`partnerType`: `all` or a type code).
    partners: post "/partners/search", "searchPartner", "Partner searches", "P19: search partners";
    description = "MOSIP's `SearchDto` over the partner's columns (`id`, `name`, `emailId`, \
`partnerTypeCode`, `isActive`, `approvalStatus`, `crDtimes`, …) plus `partnerType`, filtered, \
sorted and paged in the database. A caller without `PARTNER_ADMIN` finds its own partner only. \
Roles: `PARTNER`, `PMS_USER`, `AUTH_PARTNER`, `DEVICE_PROVIDER`, `FTM_PROVIDER`, \
`PARTNER_ADMIN`, `CREDENTIAL_PARTNER`, `ONLINE_VERIFICATION_PARTNER`, `ABIS_PARTNER`, \
`SDK_PARTNER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or `partnerType` missing or blank; \
`PMS-MSD-3xx` the search is invalid (an unknown or missing column, filter type or value, sort, or \
pagination).",
    request_body(
        content = RequestEnvelope<PartnerSearchBody>,
        example = json!({"id": "mosip.partnermanagement.partners.search", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"partnerType": "all",
                "filters": [{"columnName": "name", "type": "contains", "value": "Tech"}],
                "sort": [{"sortField": "crDtimes", "sortType": "desc"}],
                "pagination": {"pageStart": 0, "pageFetch": 10}}})
    ),
    responses((status = 200, description = "A page of partners, or the errors",
        body = ResponseEnvelope<PageResponse<PartnerItem>>))
}

op! {
    /// P20: partner types.
    partner_types: post "/partners/partnertype/search", "searchPartnerType", "Partner searches", "P20: search partner types";
    description = "MOSIP's `SearchDto` over the partner type's columns (`code`, \
`partnerDescription`, `isPolicyRequired`, `isActive`, `crDtimes`, …). Roles: `PARTNER`, \
`PMS_USER`, `AUTH_PARTNER`, `DEVICE_PROVIDER`, `FTM_PROVIDER`, `PARTNER_ADMIN`, \
`CREDENTIAL_PARTNER`, `ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing; `PMS-MSD-3xx` the search is invalid.",
    request_body(
        content = RequestEnvelope<SearchDto>,
        example = json!({"id": "mosip.partnermanagement.partnertype.search", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "isPolicyRequired", "type": "equals", "value": "true"}],
                "sort": [{"sortField": "code", "sortType": "asc"}],
                "pagination": {"pageStart": 0, "pageFetch": 10}}})
    ),
    responses((status = 200, description = "A page of partner types, or the errors",
        body = ResponseEnvelope<PageResponse<PartnerTypeItem>>))
}

op! {
    /// P21: filter values of partner columns.
    partner_filter_values: post "/partners/filtervalues", "filterValues_1", "Partner searches", "P21: the values of partner columns";
    description = "MOSIP's `FilterValueDto`: the distinct (`unique`) or all values of each column, \
narrowed by `optionalFilters`, at most `partner.filter_values_max` per column; `fieldCode` is the \
partner's id. A caller without `PARTNER_ADMIN` sees its own partner's values only. Roles: \
`PARTNER`, `PMS_USER`, `AUTH_PARTNER`, `DEVICE_PROVIDER`, `FTM_PROVIDER`, `PARTNER_ADMIN`, \
`CREDENTIAL_PARTNER`, `ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` or `filters` missing, or a blank column name; \
`PMS-MSD-317`, `PMS-MSD-322`, `PMS-MSD-324` an unknown column, a missing or unsupported filter \
type (all listed); `PMS-MSD-3xx` an invalid optional filter.",
    request_body(
        content = RequestEnvelope<FilterValueDto>,
        example = json!({"id": "mosip.partnermanagement.partners.filtervalues", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "partnerTypeCode", "type": "unique", "text": ""}],
                "optionalFilters": [{"columnName": "isActive", "type": "equals", "value": "true"}]}})
    ),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
}

op! {
    /// P22: filter values of policy-request columns.
    request_filter_values: post "/partners/apikey/request/filtervalues", "apikeyRequetsFilterValues", "Partner searches", "P22: the values of policy-request columns";
    description = "MOSIP's `FilterValueDto` over the policy-mapping requests (`statusCode`, \
`partnerId`, `policyId`, `crDtimes`, …), at most `partner.filter_values_max` values per column; \
`fieldCode` is the request's id. A caller without `PARTNER_ADMIN` sees its own partner's values \
only. Roles: `PARTNER`, `PARTNER_ADMIN`, `AUTH_PARTNER`, `CREDENTIAL_PARTNER`, \
`ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` or `filters` missing, or a blank column name; \
`PMS-MSD-317`, `PMS-MSD-322`, `PMS-MSD-324` an unknown column, a missing or unsupported filter \
type (all listed); `PMS-MSD-3xx` an invalid optional filter.",
    request_body(
        content = RequestEnvelope<FilterValueDto>,
        example = json!({"id": "mosip.partnermanagement.partners.apikey.request.filtervalues", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "statusCode", "type": "unique", "text": ""}]}})
    ),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
}

op! {
    /// P23: policy-mapping requests (virtual columns `partnerName`, `policyName`).
    requests: post "/partners/apikey/request/search", "searchApikeyRequest", "Partner searches", "P23: search policy-mapping requests";
    description = "MOSIP's `SearchDto` over the requests' columns (`statusCode`, `partnerId`, \
`policyId`, `requestDatetimes`, `crDtimes`, …); `partnerName` and `policyName` select the rows of \
the partners and policies whose names match. A caller without `PARTNER_ADMIN` finds its own \
partner's requests only. Roles: `PARTNER`, `PMS_USER`, `AUTH_PARTNER`, `ABIS_PARTNER`, \
`CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing; `PMS-MSD-3xx` the search is invalid.",
    request_body(
        content = RequestEnvelope<SearchDto>,
        example = json!({"id": "mosip.partnermanagement.partners.apikey.request.search", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "statusCode", "type": "equals", "value": "InProgress"},
                    {"columnName": "partnerName", "type": "contains", "value": "Tech"}],
                "sort": [{"sortField": "crDtimes", "sortType": "desc"}],
                "pagination": {"pageStart": 0, "pageFetch": 10}}})
    ),
    responses((status = 200, description = "A page of requests, or the errors",
        body = ResponseEnvelope<PageResponse<RequestItem>>))
}

op! {
    /// P24: API keys (virtual columns `partnerName`, `policyName`).
    keys: post "/partners/apikey/search", "searchApikey", "Partner searches", "P24: search API keys";
    description = "MOSIP's `SearchDto` over the keys' columns (`label`, `partnerId`, `policyId`, \
`isActive`, `validToDatetime`, `crDtimes`, …); `partnerName` and `policyName` select the keys of \
the partners and policies whose names match. The key itself is never answered. A caller without \
`PARTNER_ADMIN` finds its own partner's keys only. Roles: `PARTNER`, `PMS_USER`, `AUTH_PARTNER`, \
`ABIS_PARTNER`, `CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing; `PMS-MSD-3xx` the search is invalid.",
    request_body(
        content = RequestEnvelope<SearchDto>,
        example = json!({"id": "mosip.partnermanagement.partners.apikey.search", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "isActive", "type": "equals", "value": "true"}],
                "sort": [{"sortField": "validToDatetime", "sortType": "asc"}],
                "pagination": {"pageStart": 0, "pageFetch": 10}}})
    ),
    responses((status = 200, description = "A page of keys, or the errors",
        body = ResponseEnvelope<PageResponse<KeyItem>>))
}
