//! PL12 policy-group search, PL13 policy search, PL15/PL16 filter values.

use policy_app::PolicyConfig;
use policy_app::dto::{GroupEntity, PolicyFilterBody, PolicySearchBody, PolicySearchItem};
use policy_app::search;
use web_support::page::PageResponse;
use web_support::search::{FilterResponse, FilterValueDto, SearchDto};

use partner_app::roles;

web_support::enveloped! {
    /// PL12 `POST /policies/group/search`.
    pub fn groups(SearchDto) -> PageResponse<GroupEntity>;
    roles::POLICY_GROUP_SEARCH, |store, principal, request| search::groups(store, principal, request);

    /// PL13 `POST /policies/search`.
    pub fn policies(PolicySearchBody) -> PageResponse<PolicySearchItem>;
    roles::POLICY_ADMIN, |store, principal, request| search::policies(store, principal, request);

    /// PL15 `POST /policies/group/filtervalues`.
    pub fn group_values(FilterValueDto, cfg: PolicyConfig) -> FilterResponse;
    roles::POLICY_FILTER, |store, principal, request| search::group_values(store, principal, &cfg, request);

    /// PL16 `POST /policies/filtervalues`.
    pub fn policy_values(PolicyFilterBody, cfg: PolicyConfig) -> FilterResponse;
    roles::POLICY_FILTER, |store, principal, request| search::policy_values(store, principal, &cfg, request);
}
