//! MOSIP 1.2.2's paged partner reads, answered in the 1.2.2 envelope (`ResponseWrapperV2`).

use partner_app::paged_reads::{
    AdminPartnersQuery, ApiKeySummaryDto, ApiKeysQuery, PartnerDtoV3, PartnerSummaryDto, PartnersV3Query,
    PolicyRequestSummaryDto, PolicyRequestsQuery,
};
use web_support::ResponseEnvelopeV2;
use web_support::paged::{PageQuery, PageResponseV2};

op! {
    /// `GET /admin-partners`.
    admin_partners: get "/admin-partners", "getAdminPartners", "Partners", "A page of partners, for admins (MOSIP 1.2.2)";
    description = "Filtered, sorted and paged in the database. Text filters (`partnerId`, \
`partnerType`, `orgName`, `emailAddress`, `policyGroupName`) match a case-insensitive \
substring; `isActive` is `true` or `false`; `certificateUploadStatus` is `uploaded` or \
`not_uploaded`. Without a sort, newest first. An empty page is `{pageNo: 0, pageSize: 0, \
totalResults: 0, data: []}`. Roles: `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.admin.partners.get`): `PMS_PS_ERROR_007` only \
one of `sortFieldName` and `sortType`; `PMS_PRT_357` unknown `sortFieldName`; `PMS_PRT_358` \
`sortType` not `ASC`/`DESC`; `PMS_PRT_360` `pageNo` negative or not a number; `PMS_PRT_361` \
`pageSize` below 1 or not a number.",
    params(PageQuery, AdminPartnersQuery),
    responses((status = 200, description = "The page, or the errors", body = ResponseEnvelopeV2<PageResponseV2<PartnerSummaryDto>>))
}

op! {
    /// `GET /partner-policy-requests`.
    policy_requests: get "/partner-policy-requests", "getAllPartnerPolicyRequests", "Partners", "A page of partner policy requests (MOSIP 1.2.2)";
    description = "Every request for `PARTNER_ADMIN`; otherwise those of the caller's own \
partners (device and FTM providers left out). Filtered, sorted and paged in the database; text \
filters (`partnerId`, `partnerType`, `orgName`, `policyId`, `policyName`, `policyGroupName`, \
`partnerComment`) match a case-insensitive substring, `status` exactly. Without `pageNo` and \
`pageSize`, every request in one page; without a sort, newest first. Roles: `PARTNER_ADMIN`, \
`AUTH_PARTNER`, `ABIS_PARTNER`, `SDK_PARTNER`, `CREDENTIAL_PARTNER`, \
`ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.all.partner.policy.mapping.requests.get`): \
`PMS_PS_ERROR_007` only one of `sortFieldName` and `sortType`; `PMS_PS_ERROR_006` only one of \
`pageNo` and `pageSize`; `PMS_PS_ERROR_008` a sort without a page; `PMS_PRT_357`/`358`/`360`/`361` \
bad sort field, sort type, page number, page size; `PMS_CERTIFICATE_ERROR_002` the caller owns \
no partner; `PMS_POLICY_ERROR_005` one of its partners has no policy group; \
`PMS_POLICY_ERROR_001` its group does not exist.",
    params(PageQuery, PolicyRequestsQuery),
    responses((status = 200, description = "The page, or the errors", body = ResponseEnvelopeV2<PageResponseV2<PolicyRequestSummaryDto>>))
}

op! {
    /// `GET /partner-api-keys`.
    api_keys: get "/partner-api-keys", "getAllApiKeyRequests", "Partners", "A page of the auth partners' API keys (MOSIP 1.2.2)";
    description = "Every key of an auth partner for `PARTNER_ADMIN`; otherwise those of the \
caller's own partners. A key's value is never answered. Filtered, sorted and paged in the \
database; text filters (`partnerId`, `apiKeyLabel`, `orgName`, `policyName`, `policyGroupName`) \
match a case-insensitive substring; `status` is `activated` or `deactivated`. Without `pageNo` \
and `pageSize`, every key in one page; without a sort, newest first. Roles: `PARTNER_ADMIN`, \
`AUTH_PARTNER`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.all.api.key.requests.get`): `PMS_PS_ERROR_007`, \
`PMS_PS_ERROR_006`, `PMS_PS_ERROR_008`, `PMS_PRT_357`/`358`/`360`/`361` (as for the policy \
requests); `PMS_CERTIFICATE_ERROR_002` the caller owns no partner; `PMS_POLICY_ERROR_005` one of \
its partners has no policy group; `PMS_POLICY_ERROR_001` its group does not exist.",
    params(PageQuery, ApiKeysQuery),
    responses((status = 200, description = "The page, or the errors", body = ResponseEnvelopeV2<PageResponseV2<ApiKeySummaryDto>>))
}

op! {
    /// `GET /partners/v3`.
    partners_v3: get "/partners/v3", "getPartnersV3", "Partners", "The caller's own partners (MOSIP 1.2.2)";
    description = "The partners whose user is the caller, in id order, not paged: `status` (required) \
matches the approval status exactly (e.g. `approved`, `InProgress`), `partnerType` the type exactly \
(e.g. `Auth_Partner`); `policyGroupAvailable=true` keeps the partners with a policy group and answers \
the group, `false` keeps those without one. Roles: `DEVICE_PROVIDER`, `FTM_PROVIDER`, \
`PARTNER_ADMIN`, `AUTH_PARTNER`, `ABIS_PARTNER`, `SDK_PARTNER`, `CREDENTIAL_PARTNER`, \
`ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.partners.v3.get`): `PMS_CERTIFICATE_ERROR_002` \
the caller owns no partner; `PMS_POLICY_ERROR_001` a selected partner's group does not exist. \
Without `status`, or a `policyGroupAvailable` other than `true`/`false`: HTTP 400 `PMS_COR_001`.",
    params(PartnersV3Query),
    responses((status = 200, description = "The partners, or the errors", body = ResponseEnvelopeV2<Vec<PartnerDtoV3>>))
}

/// The 1.2.2 partner operations (paths relative to `/v1/partnermanager`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(admin_partners, policy_requests, api_keys, partners_v3))]
pub struct PartnersV2Api;
