//! What the partner portal reads about the service (MOSIP 1.2.2): the roles it needs and its
//! configuration, both from `[ui]`.

use partner_app::settings::{RolesDto, SystemConfigDto};
use web_support::{ResponseEnvelope, ResponseEnvelopeV2};

op! {
    /// `GET /roles`.
    roles: get "/roles", "getRequiredRoles", "Portal configuration", "The roles the partner portal needs (MOSIP 1.2.2)";
    description = "`[ui] required_roles` (MOSIP's `mosip.pms.ui.required.roles`), in the 1.2.0 \
envelope as MOSIP answers it. Any authenticated caller; no role is checked.",
    responses((status = 200, description = "The roles", body = ResponseEnvelope<RolesDto>))
}

op! {
    /// `GET /system-config`.
    system_config: get "/system-config", "getSystemConfig", "Portal configuration", "The partner portal's configuration (MOSIP 1.2.2)";
    description = "The `[ui]` settings the portal reads (session timers, page size, which \
features the platform offers), every value a string, in the 1.2.2 envelope (`id` \
`mosip.pms.configs.get`). Any authenticated caller; no role is checked.",
    responses((status = 200, description = "The configuration", body = ResponseEnvelopeV2<SystemConfigDto>))
}

/// The portal configuration operations (paths relative to `/v1/partnermanager`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(roles, system_config))]
pub struct UiConfigApi;
