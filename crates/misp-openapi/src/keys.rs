//! E4 validate a licence key, E6 switch a key on or off, E10 download (rotating an expired key).

use misp_app::dto::{Download, KeyStatus, KeyStatusRequest, ValidateRequest, Validated};
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// E4 `PATCH /misps/{mispId}/licenseKey`: the state of a key of the MISP. Only a switched-on,
    /// unexpired key of an active, approved MISP is valid; the flags report the key's own state.
    /// Open to ID-Authentication (validators), admins, and the MISP's own user.
    validate: patch "/{mispId}/licenseKey", "validateLicenseKey", "MISPs (MOSIP 1.1)", "E4: validate a licence key";
    description = "The state of a key of the MISP: only a switched-on, unexpired key of an active, \
approved MISP is valid (`isValid`); `isActive` reports the key's own switch. Roles: a validator \
(`misp.validator_roles`, ID-Authentication), an admin, or the MISP's owner.\n\n\
Errors (HTTP 200): `PMS_COR_001` no key given; `PMS_MSP_406` no such key; `PMS_MSP_408` the key \
belongs to another MISP.",
    params(("mispId" = String, Path, description = "The MISP's id", example = "100")),
    request_body(
        content = RequestEnvelope<ValidateRequest>,
        example = json!({"id": "mosip.partnermanagement.misp.license.validate", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"mispLicenseKey": "ZGXtTg8ce5mbp0lb3zvnlT7BESKvNcJzXVBWgkIuuiSWxBIzsb"}})
    ),
    responses((status = 200, description = "The key's state, or the errors", body = ResponseEnvelope<Validated>))
}

op! {
    /// E6 `PUT /misps/{mispId}/licenseKey`: switches one key on or off (admins only). Switching on
    /// needs an unexpired key of an active, approved MISP.
    switch: put "/{mispId}/licenseKey", "updateLicenseKeyStatus", "MISPs (MOSIP 1.1)", "E6: switch a licence key on or off";
    description = "Switching on needs an unexpired key of an active, approved MISP. Roles: an admin.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing or too long; `PMS_MSP_418` the status is \
neither `active` nor `de-active`; `PMS_MSP_406` no such key; `PMS_MSP_408` the key belongs to \
another MISP; `PMS_MSP_419` an expired key, or the MISP is not approved; `PMS_MSP_405` the MISP \
is deactivated.",
    params(("mispId" = String, Path, description = "The MISP's id", example = "100")),
    request_body(
        content = RequestEnvelope<KeyStatusRequest>,
        example = json!({"id": "mosip.partnermanagement.misp.license.update", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"mispLicenseKey": "ZGXtTg8ce5mbp0lb3zvnlT7BESKvNcJzXVBWgkIuuiSWxBIzsb",
                "mispLicenseKeyStatus": "de-active"}})
    ),
    responses((status = 200, description = "The state as sent, or the errors", body = ResponseEnvelope<KeyStatus>))
}

op! {
    /// E10 `GET /misps/{mispId}/licenseKey`: the MISP's current key; when every active key has
    /// expired, they are switched off and one new key is issued (a rotation).
    download: get "/{mispId}/licenseKey", "downloadLicenseKey", "MISPs (MOSIP 1.1)", "E10: the MISP's current licence key";
    description = "The active key with the latest expiry; when every active key has expired they \
are switched off and one new key is issued. Roles: the MISP's owner (a MISP user) or an admin.\n\n\
Errors (HTTP 200): `PMS_MSP_005` no such MISP; `PMS_MSP_419` not approved; `PMS_MSP_405` \
deactivated; `PMS_MSP_406` no key; `PMS_MSP_413` no active key.",
    params(("mispId" = String, Path, description = "The MISP's id", example = "100")),
    responses((status = 200, description = "The key, or the errors", body = ResponseEnvelope<Download>))
}
