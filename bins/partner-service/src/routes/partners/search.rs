//! Searches and filter values (P19–P24): the operations are `partner_app::search`'s.

use actix_web::web;
use app_core::page::PageResponse;
use app_core::search::{FilterResponse, FilterValueDto, SearchDto};
use partner_app::PartnerConfig;
use partner_app::search::{self, KeyItem, PartnerItem, PartnerSearchBody, PartnerTypeItem, RequestItem};
use web_support::{Answer, Db, Envelope, Principal, Reply, RequestEnvelope, ResponseEnvelope};

use partner_app::roles;

/// P19: partners (`partnerType`: `all` or a type code).
#[utoipa::path(
    post,
    path = "/partners/search",
    operation_id = "searchPartner",
    tag = "Partner searches",
    summary = "P19: search partners",
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
)]
#[tracing::instrument(skip_all)]
pub async fn partners(
    principal: Principal,
    db: web::Data<Db>,
    body: Envelope<PartnerSearchBody>,
) -> Answer<PageResponse<PartnerItem>> {
    principal.require_any(roles::PARTNER_SEARCH)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::partners(store, &principal, request)).await?))
}

/// P20: partner types.
#[utoipa::path(
    post,
    path = "/partners/partnertype/search",
    operation_id = "searchPartnerType",
    tag = "Partner searches",
    summary = "P20: search partner types",
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
)]
#[tracing::instrument(skip_all)]
pub async fn partner_types(
    principal: Principal,
    db: web::Data<Db>,
    body: Envelope<SearchDto>,
) -> Answer<PageResponse<PartnerTypeItem>> {
    principal.require_any(roles::SEARCH)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::partner_types(store, &principal, request)).await?))
}

/// P21: filter values of partner columns.
#[utoipa::path(
    post,
    path = "/partners/filtervalues",
    operation_id = "filterValues_1",
    tag = "Partner searches",
    summary = "P21: the values of partner columns",
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
)]
#[tracing::instrument(skip_all)]
pub async fn partner_filter_values(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: Envelope<FilterValueDto>,
) -> Answer<FilterResponse> {
    principal.require_any(roles::SEARCH)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::partner_filter_values(store, &principal, &cfg, request)).await?))
}

/// P22: filter values of policy-request columns.
#[utoipa::path(
    post,
    path = "/partners/apikey/request/filtervalues",
    operation_id = "apikeyRequetsFilterValues",
    tag = "Partner searches",
    summary = "P22: the values of policy-request columns",
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
)]
#[tracing::instrument(skip_all)]
pub async fn request_filter_values(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: Envelope<FilterValueDto>,
) -> Answer<FilterResponse> {
    principal.require_any(roles::API_KEY_REQUEST_FILTER)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::request_filter_values(store, &principal, &cfg, request)).await?))
}

/// P23: policy-mapping requests (virtual columns `partnerName`, `policyName`).
#[utoipa::path(
    post,
    path = "/partners/apikey/request/search",
    operation_id = "searchApikeyRequest",
    tag = "Partner searches",
    summary = "P23: search policy-mapping requests",
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
)]
#[tracing::instrument(skip_all)]
pub async fn requests(
    principal: Principal,
    db: web::Data<Db>,
    body: Envelope<SearchDto>,
) -> Answer<PageResponse<RequestItem>> {
    principal.require_any(roles::API_KEY_SEARCH)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::requests(store, &principal, request)).await?))
}

/// P24: API keys (virtual columns `partnerName`, `policyName`).
#[utoipa::path(
    post,
    path = "/partners/apikey/search",
    operation_id = "searchApikey",
    tag = "Partner searches",
    summary = "P24: search API keys",
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
)]
#[tracing::instrument(skip_all)]
pub async fn keys(principal: Principal, db: web::Data<Db>, body: Envelope<SearchDto>) -> Answer<PageResponse<KeyItem>> {
    principal.require_any(roles::API_KEY_SEARCH)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| search::keys(store, &principal, request)).await?))
}
