//! Searches and filter values (P19–P24): the operations are `partner_app::search`'s.

use app_core::page::PageResponse;
use app_core::search::{FilterResponse, FilterValueDto, SearchDto};
use partner_app::PartnerConfig;
use partner_app::search::{self, KeyItem, PartnerItem, PartnerSearchBody, PartnerTypeItem, RequestItem};

use partner_app::roles;

web_support::enveloped! {
    /// P19: partners (`partnerType`: `all` or a type code).
    pub fn partners(PartnerSearchBody) -> PageResponse<PartnerItem>;
    roles::PARTNER_SEARCH, |store, principal, request| search::partners(store, principal, request);

    /// P20: partner types.
    pub fn partner_types(SearchDto) -> PageResponse<PartnerTypeItem>;
    roles::SEARCH, |store, principal, request| search::partner_types(store, principal, request);

    /// P21: filter values of partner columns.
    pub fn partner_filter_values(FilterValueDto, cfg: PartnerConfig) -> FilterResponse;
    roles::SEARCH, |store, principal, request| search::partner_filter_values(store, principal, &cfg, request);

    /// P22: filter values of policy-request columns.
    pub fn request_filter_values(FilterValueDto, cfg: PartnerConfig) -> FilterResponse;
    roles::API_KEY_REQUEST_FILTER, |store, principal, request| search::request_filter_values(store, principal, &cfg, request);

    /// P23: policy-mapping requests (virtual columns `partnerName`, `policyName`).
    pub fn requests(SearchDto) -> PageResponse<RequestItem>;
    roles::API_KEY_SEARCH, |store, principal, request| search::requests(store, principal, request);

    /// P24: API keys (virtual columns `partnerName`, `policyName`).
    pub fn keys(SearchDto) -> PageResponse<KeyItem>;
    roles::API_KEY_SEARCH, |store, principal, request| search::keys(store, principal, request);
}
