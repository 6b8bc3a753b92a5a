//! Device detail searches and the filter values of device details, types and sub-types
//! (`device_app::search`).

use app_core::page::PageResponse;
use app_core::search::{FilterResponse, FilterValueDto, SearchDto};
use device_app::dto::{DeviceDetailItem, DeviceSubTypeItem};
use device_app::{DeviceConfig, roles, search};
use persistence::search::Entity;

web_support::enveloped! {
    /// `POST /devicedetail/search`.
    pub fn details(SearchDto) -> PageResponse<DeviceDetailItem>;
    roles::DEVICE_PROVIDERS, |store, principal, request| search::details(store, principal, request);

    /// `POST /devicedetail/deviceType/search`.
    pub fn sub_types(SearchDto) -> PageResponse<DeviceSubTypeItem>;
    roles::DEVICE_PROVIDERS, |store, principal, request| search::sub_types(store, principal, request);

    /// `POST /devicedetail/filtervalues`.
    pub fn detail_values(FilterValueDto, cfg: DeviceConfig) -> FilterResponse;
    roles::DEVICE_PROVIDERS, |store, principal, request| search::values(store, principal, &cfg, request, Entity::DeviceDetail);

    /// `POST /devicedetail/deviceType/filtervalues`.
    pub fn type_values(FilterValueDto, cfg: DeviceConfig) -> FilterResponse;
    roles::DEVICE_PROVIDERS, |store, principal, request| search::values(store, principal, &cfg, request, Entity::DeviceType);

    /// `POST /devicedetail/deviceSubType/filtervalues`.
    pub fn sub_type_values(FilterValueDto, cfg: DeviceConfig) -> FilterResponse;
    roles::DEVICE_PROVIDERS, |store, principal, request| search::values(store, principal, &cfg, request, Entity::DeviceSubType);
}
