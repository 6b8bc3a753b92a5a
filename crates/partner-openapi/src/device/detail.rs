//! Device details: create, update, approve or reject (`device_app::details`).

use device_app::dto::{DeviceDetailRequest, DeviceDetailUpdateRequest, IdDto, StatusRequest};
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// `POST /devicedetail`.
    create: post "/devicedetail", "createDeviceDetail", "Device details", "Create a device detail (make and model)";
    description = "A make and model of a device type and sub-type for an active provider, pending \
approval and inactive; `id` is generated when absent. A caller without `PARTNER_ADMIN` creates for \
its own partner only. Roles: `PARTNER_ADMIN`, `DEVICE_PROVIDER`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing, blank or over 36 characters; `PMS_AUT_001` no \
active sub-type of that code and type; `PMS_AUT_002` the provider is missing or inactive; \
`PMS_AUT_003` the provider has that make, model, type and sub-type, or the id is taken; \
`PMS_DEVICE_ERROR_001` another partner's id.",
    request_body(content = RequestEnvelope<DeviceDetailRequest>, example = json!({"request": {
        "id": "device-id-123", "deviceProviderId": "Tech-123", "deviceTypeCode": "Finger",
        "deviceSubTypeCode": "Slap", "make": "abcde", "model": "FRO90000"}})),
    responses((status = 200, description = "The new detail's id, or the errors", body = ResponseEnvelope<IdDto>))
}

op! {
    /// `PUT /devicedetail`.
    update: put "/devicedetail", "updateDeviceDetail", "Device details", "Update a device detail";
    description = "Type, sub-type, make and model of a device detail; its status stays. A caller \
without `PARTNER_ADMIN` updates its own partner's details only. Roles: `PARTNER_ADMIN`, \
`DEVICE_PROVIDER`, `FTM_PROVIDER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing, blank or too long; `PMS_AUT_005` no such \
detail; `PMS_AUT_001` no active sub-type of that code and type; `PMS_DEVICE_ERROR_001` another \
partner's detail.",
    request_body(content = RequestEnvelope<DeviceDetailUpdateRequest>, example = json!({"request": {
        "id": "device-id-123", "deviceTypeCode": "Finger", "deviceSubTypeCode": "Slap",
        "make": "abcdef", "model": "FRO90000"}})),
    responses((status = 200, description = "The detail's id, or the errors", body = ResponseEnvelope<IdDto>))
}

op! {
    /// `PATCH /devicedetail`.
    decide: patch "/devicedetail", "approveDeviceDetails", "Device details", "Approve or reject a device detail";
    description = "`Activate` approves and activates the detail, `De-activate` rejects and \
deactivates it. Roles: `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `id` or `approvalStatus` missing, blank or over 36 characters; \
`PMS_AUT_005` no such detail; `PMS_AUT_025` another status word.",
    request_body(content = RequestEnvelope<StatusRequest>,
        example = json!({"request": {"id": "device-id-123", "approvalStatus": "Activate"}})),
    responses((status = 200, description = "What happened, or the errors", body = ResponseEnvelope<String>))
}
