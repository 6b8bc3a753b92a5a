//! `/v1/partnermanager/oauth/client/**` and the deprecated `/oidc/client/**`: OIDC clients of
//! eSignet's relying parties. Any authenticated caller may call them (as MOSIP); ownership is
//! checked by the operations.

pub mod deprecated;
pub mod list;
pub mod oauth;

/// The OIDC client operations (paths relative to `/v1/partnermanager`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(
    list::list,
    oauth::create,
    oauth::update,
    oauth::get,
    deprecated::create,
    deprecated::update,
    deprecated::get
))]
pub struct OidcClientsApi;

/// The errors of a create, for its description.
macro_rules! create_errors {
    () => {
        "Errors (HTTP 200): `PMS_COR_001` a field missing or out of its limits \
        (name ≤ 256, policyId ≤ 36, authPartnerId ≤ 100, logoUri an absolute http(s) URL ≤ 2048, 1–5 \
        absolute redirect URIs without fragments, 1–3 grant types of `oidc.grant_types`, 1–3 methods of \
        `oidc.client_auth_methods`); `PMS_ESI_007` the public key is not an RSA public JWK of at least 2048 \
        bits; `PMS_ESI_001` a client has that key; `PMS_CERTIFICATE_ERROR_002` the caller has no partner; \
        `PMS_POLICY_ERROR_009` the partner is not the caller's; `PMS_PRT_058` no such partner; \
        `PMS_PRT_059` not an `Auth_Partner`; `PMS_PMP_016` the partner is not active; `PMS_PRT_073` no such \
        policy; `PMS_PRT_057` not an `Auth` policy; `PMS_PRT_061` the partner never asked for the policy; \
        `PMS_ESI_002` the request is not approved; `PMS_ESI_005` the policy allows no claim; \
        `PMS_ESI_003` a mandatory authentication type; `PMS_ESI_006` no ACR; `PMS_FEATURE_002` OIDC clients \
        are switched off. With eSignet configured: eSignet's own code when it refuses, `PMS_KKS_001` when \
        it cannot be reached; nothing is stored then."
    };
}
pub(crate) use create_errors;

/// The errors of an update.
macro_rules! update_errors {
    () => {
        "Errors (HTTP 200): `PMS_COR_001` a field missing or out of its limits; \
        `PMS_ESI_004` no such client; `PMS_ESI_008` the client is inactive (final); `PMS_PRT_058` its partner \
        is gone; `PMS_CERTIFICATE_ERROR_002` the caller has no partner; `PMS_POLICY_ERROR_010` not the \
        caller's client; `PMS_PMP_016` the partner is not active (an admin may still change the status). \
        With eSignet configured: eSignet's own code when it refuses, `PMS_PRT_500` when it cannot be \
        reached; nothing is changed then."
    };
}
pub(crate) use update_errors;

/// The errors of a read.
macro_rules! get_errors {
    () => {
        "Errors (HTTP 200): `PMS_ESI_004` no such client; `PMS_CERTIFICATE_ERROR_002` \
        the caller has no partner; `PMS_POLICY_ERROR_011` not the caller's client."
    };
}
pub(crate) use get_errors;
