//! MOSIP 1.2's licence API for MISP partners (`/v1/partnermanager/misps`): the MISP is a row of
//! the shared `partner` table of type `MISP_Partner`; its keys live in `misp_license` beside
//! those of MOSIP 1.1's MISPs and follow the same rules.

use misp_app::dto::{LicenseEntity12, ProviderKeyRequest, ProviderLicense, ProviderRequest};
use web_support::page::PageResponse;
use web_support::search::{FilterResponse, FilterValueDto, SearchDto};
use web_support::{RequestEnvelope, ResponseEnvelope};

/// The operations under `/v1/partnermanager/misps`, in the order of [`register`].
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(generate, update, list, search, filter_values, regenerate),
    tags((name = "MISP licences (MOSIP 1.2)", description = "Licence keys of MISP partners (partners of type `MISP_Partner`)"))
)]
pub struct PartnerLicenseApi;

op! {
    /// `POST /v1/partnermanager/misps`: the first licence key of an active MISP partner
    /// (`PMS_MSP_416` when it has one already).
    generate: post "", "generateLicenseKey", "MISP licences (MOSIP 1.2)", "The first licence key of a MISP partner";
    description = "Roles: `MISP_PARTNER`, `MISP`, `PARTNERMANAGER`, `PARTNER_ADMIN`; a caller that \
is not an admin acts only on itself.\n\n\
Errors (HTTP 200): `PMS_COR_001` no `providerId`; `PMS_MSP_416` the partner has a key already; \
`PMS_MSP_005` no such partner; `PMS_MSP_009` not a MISP partner; `PMS_MSP_405` the partner is \
inactive; `PMS_MSP_418` a policy request is not approved; `PMS_MSP_419` the policy is missing.",
    request_body(
        content = RequestEnvelope<ProviderRequest>,
        example = json!({"id": "mosip.pms.misp.license.generate", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"providerId": "misp-partner-1"}})
    ),
    responses((status = 200, description = "The new key, or the errors", body = ResponseEnvelope<ProviderLicense>))
}

op! {
    /// `PUT /v1/partnermanager/misps`: switches a key of a MISP partner on or off. Switching on needs
    /// an unexpired key of an active holder.
    update: put "", "updateLicenseKey", "MISP licences (MOSIP 1.2)", "Switch a MISP partner's licence key on or off";
    description = "Switching on needs an unexpired key of an active partner. Roles: as for \
generating a key.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing or too long; `PMS_MSP_407` the status is \
neither `active` nor `de-active`; `PMS_MSP_408` no such key of the partner; `PMS_MSP_419` an \
expired key; `PMS_MSP_405` the partner is inactive.",
    request_body(
        content = RequestEnvelope<ProviderKeyRequest>,
        example = json!({"id": "mosip.pms.misp.license.update", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"providerId": "misp-partner-1", "licenseKeyStatus": "de-active",
                "licenseKey": "ZGXtTg8ce5mbp0lb3zvnlT7BESKvNcJzXVBWgkIuuiSWxBIzsb"}})
    ),
    responses((status = 200, description = "The key in its new state, or the errors", body = ResponseEnvelope<ProviderLicense>))
}

op! {
    /// `GET /v1/partnermanager/misps`: every licence key (a caller that is not an admin: its own).
    list: get "", "listLicenseKeys", "MISP licences (MOSIP 1.2)", "Every licence key";
    description = "A caller that is not an admin sees its own keys. Roles: as for generating a key.",
    responses((status = 200, description = "The keys", body = ResponseEnvelope<Vec<LicenseEntity12>>))
}

op! {
    /// `GET /v1/partnermanager/misps/{mispId}/licenseKey`: the partner's current key; when every
    /// active key has expired, they are switched off and one new key is issued.
    regenerate: get "/{mispId}/licenseKey", "getLicenseKey", "MISP licences (MOSIP 1.2)", "A MISP partner's current licence key";
    description = "When every active key has expired they are switched off and one new key is \
issued. Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200): `PMS_MSP_005` no such partner; `PMS_MSP_009` not a MISP partner; \
`PMS_MSP_405` inactive; `PMS_MSP_408` no key; `PMS_MSP_413` every key is switched off.",
    params(("mispId" = String, Path, description = "The MISP partner's id", example = "misp-partner-1")),
    responses((status = 200, description = "The key, or the errors", body = ResponseEnvelope<ProviderLicense>))
}

op! {
    /// `POST /v1/partnermanager/misps/search`: MOSIP's `SearchDto` over licence keys (a caller that is
    /// not an admin: its own), filtered, sorted and paged in SQL.
    search: post "/search", "searchLicenseKeys", "MISP licences (MOSIP 1.2)", "Search licence keys";
    description = "MOSIP's `SearchDto` over the licence columns (`mispId`, `licenseKey`, \
`isActive`, `validFromDate`, `validToDate`, `createdDateTime`, …), filtered, sorted and paged \
in the database; a caller that is not an admin finds its own keys. Roles: as for generating a key.\n\n\
Errors (HTTP 200): `PMS-MSD-3xx` the search is invalid (an unknown column, filter type, sort or page).",
    request_body(
        content = RequestEnvelope<SearchDto>,
        example = json!({"id": "mosip.pms.misp.license.search", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "isActive", "type": "equals", "value": "true"}],
                "sort": [{"sortField": "createdDateTime", "sortType": "desc"}],
                "pagination": {"pageStart": 0, "pageFetch": 10}}})
    ),
    responses((status = 200, description = "A page of keys, or the errors", body = ResponseEnvelope<PageResponse<LicenseEntity12>>))
}

op! {
    /// `POST /v1/partnermanager/misps/filtervalues`: MOSIP's `FilterValueDto` over licence keys (a
    /// caller that is not an admin: its own).
    filter_values: post "/filtervalues", "licenseKeyFilterValues", "MISP licences (MOSIP 1.2)", "The values of licence-key columns";
    description = "MOSIP's `FilterValueDto`: the distinct (`unique`) or all values of each column, \
narrowed by `optionalFilters`. Roles: as for generating a key.\n\n\
Errors (HTTP 200): `PMS_COR_001` a blank column name; `PMS-MSD-317`, `PMS-MSD-322`, \
`PMS-MSD-324` an unknown column or filter type.",
    request_body(
        content = RequestEnvelope<FilterValueDto>,
        example = json!({"id": "mosip.pms.misp.license.filtervalues", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "mispId", "type": "unique", "text": ""}]}})
    ),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
}
