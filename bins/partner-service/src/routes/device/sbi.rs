//! Secure biometric interfaces: create, update, approve or reject, search, filter values, map
//! to device details and remove the mapping (`device_app::sbis`, `device_app::search`).

use app_core::page::PageResponse;
use app_core::search::{FilterResponse, FilterValueDto, SearchDto};
use device_app::dto::{
    IdDto, MappedDeviceItem, MappingRequest, SbiCreateRequest, SbiItem, SbiUpdateRequest, StatusRequest,
};
use device_app::{DeviceConfig, roles, sbis, search};
use persistence::search::Entity;

web_support::enveloped! {
    /// `POST /securebiometricinterface`.
    pub fn create(SbiCreateRequest, cfg: DeviceConfig) -> IdDto;
    roles::DEVICE_PROVIDERS, |store, principal, request| sbis::create(store, principal, &cfg, request);

    /// `PUT /securebiometricinterface`.
    pub fn update(SbiUpdateRequest, cfg: DeviceConfig) -> IdDto;
    roles::DEVICE_PROVIDERS, |store, principal, request| sbis::update(store, principal, &cfg, request);

    /// `PATCH /securebiometricinterface`.
    pub fn decide(StatusRequest) -> String;
    roles::APPROVERS, |store, principal, request| sbis::decide(store, principal, request);

    /// `POST /securebiometricinterface/search`.
    pub fn search(SearchDto) -> PageResponse<SbiItem>;
    roles::DEVICE_PROVIDERS, |store, principal, request| search::sbis(store, principal, request);

    /// `POST /securebiometricinterface/filtervalues`.
    pub fn values(FilterValueDto, cfg: DeviceConfig) -> FilterResponse;
    roles::DEVICE_PROVIDERS, |store, principal, request| search::values(store, principal, &cfg, request, Entity::Sbi);

    /// `PUT /securebiometricinterface/devicedetails/map`.
    pub fn map(MappingRequest) -> String;
    roles::DEVICE_PROVIDERS, |store, principal, request| sbis::map(store, principal, request);

    /// `PUT /securebiometricinterface/devicedetails/map/remove`.
    pub fn unmap(MappingRequest) -> String;
    roles::DEVICE_PROVIDERS, |store, principal, request| sbis::unmap(store, principal, request);

    // ---- the mapping search (deprecated by MOSIP 1.2.2, still mapped)

    /// `POST /securebiometricinterface/devicedetails/map/search`.
    pub fn map_search(SearchDto) -> PageResponse<MappedDeviceItem>;
    roles::DEVICE_PROVIDERS, |store, principal, request| search::mappings(store, principal, request);
}
