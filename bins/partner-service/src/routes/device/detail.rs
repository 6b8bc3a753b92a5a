//! Device details: create, update, approve or reject (`device_app::details`).

use device_app::details;
use device_app::dto::{DeviceDetailRequest, DeviceDetailUpdateRequest, IdDto, StatusRequest};
use device_app::roles;

web_support::enveloped! {
    /// `POST /devicedetail`.
    pub fn create(DeviceDetailRequest) -> IdDto;
    roles::DEVICE_PROVIDERS, |store, principal, request| details::create(store, principal, request);

    /// `PUT /devicedetail`.
    pub fn update(DeviceDetailUpdateRequest) -> IdDto;
    roles::DEVICE_PROVIDERS, |store, principal, request| details::update(store, principal, request);

    /// `PATCH /devicedetail`.
    pub fn decide(StatusRequest) -> String;
    roles::APPROVERS, |store, principal, request| details::decide(store, principal, request);
}
