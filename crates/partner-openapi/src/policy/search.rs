//! PL12 policy-group search, PL13 policy search, PL15/PL16 filter values.

use policy_app::dto::{GroupEntity, PolicyFilterBody, PolicySearchBody, PolicySearchItem};
use web_support::page::PageResponse;
use web_support::search::{FilterResponse, FilterValueDto, SearchDto};
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// PL12 `POST /policies/group/search`.
    groups: post "/policies/group/search", "searchPolicyGroup", "Policy groups", "PL12: search policy groups";
    description = "MOSIP's `SearchDto` over the group's columns (`id`, `name`, `desc`, `isActive`, \
`crBy`, `crDtimes`, …), filtered, sorted and paged in the database. Roles: `PARTNER_ADMIN`, \
`AUTH_PARTNER`, `CREDENTIAL_PARTNER`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS-MSD-3xx` the search is invalid (an unknown or missing column, filter \
type or value, sort, or pagination).",
    request_body(
        content = RequestEnvelope<SearchDto>,
        example = json!({"id": "mosip.partnermanagement.policy.group.search", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "name", "type": "contains", "value": "auth"}],
                "sort": [{"sortField": "crDtimes", "sortType": "desc"}],
                "pagination": {"pageStart": 0, "pageFetch": 10}}})
    ),
    responses((status = 200, description = "A page of groups, or the errors", body = ResponseEnvelope<PageResponse<GroupEntity>>))
}

op! {
    /// PL13 `POST /policies/search`.
    policies: post "/policies/search", "searchPolicy", "Policies", "PL13: search policies";
    description = "MOSIP's `SearchDto` plus `policyType` (`all` or a type); besides the policy's \
columns, `policyGroupName` finds the policies of the groups whose name contains the value. \
Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` no `policyType`; `PMS_COR_003` then `PMS-MSD-311` a filter \
without `columnName`; `PMS-MSD-3xx` the search is invalid.",
    request_body(
        content = RequestEnvelope<PolicySearchBody>,
        example = json!({"id": "mosip.partnermanagement.policy.search", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"policyType": "all",
                "filters": [{"columnName": "policyGroupName", "type": "contains", "value": "auth"}],
                "sort": [{"sortField": "crDtimes", "sortType": "desc"}],
                "pagination": {"pageStart": 0, "pageFetch": 10}}})
    ),
    responses((status = 200, description = "A page of policies, or the errors", body = ResponseEnvelope<PageResponse<PolicySearchItem>>))
}

op! {
    /// PL15 `POST /policies/group/filtervalues`.
    group_values: post "/policies/group/filtervalues", "policyGroupFilterValues", "Policy groups", "PL15: the values of policy-group columns";
    description = "MOSIP's `FilterValueDto`: the distinct (`unique`) or all values of each column, \
narrowed by `optionalFilters`; `fieldCode` is the group's name. Roles: `PARTNER_ADMIN`, \
`PARTNER`, `AUTH_PARTNER`, `CREDENTIAL_PARTNER`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` a blank column name; `PMS_COR_003` followed by the validator's \
`PMS-MSD-317`, `PMS-MSD-322`, `PMS-MSD-324` (an unknown column or filter type).",
    request_body(
        content = RequestEnvelope<FilterValueDto>,
        example = json!({"id": "mosip.partnermanagement.policy.group.filtervalues", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "name", "type": "unique", "text": "auth"}]}})
    ),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
}

op! {
    /// PL16 `POST /policies/filtervalues`.
    policy_values: post "/policies/filtervalues", "policyFilterValues", "Policies", "PL16: the values of policy columns";
    description = "As PL15, over policies of `policyType` (`all` or a type); `fieldCode` is the \
policy's id. Roles: as PL15.\n\n\
Errors (HTTP 200): `PMS_COR_001` no `policyType`, or a blank column name; `PMS_COR_003` followed \
by `PMS-MSD-317`, `PMS-MSD-322`, `PMS-MSD-324`.",
    request_body(
        content = RequestEnvelope<PolicyFilterBody>,
        example = json!({"id": "mosip.partnermanagement.policy.filtervalues", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"policyType": "Auth", "filters": [{"columnName": "name", "type": "all", "text": ""}]}})
    ),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
}
