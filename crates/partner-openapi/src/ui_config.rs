//! What the partner portal reads about the service (MOSIP 1.2.2): the roles it needs and its
//! configuration, both from `[ui]`.

use partner_app::settings::{RolesDto, SystemConfigDto};
use web_support::{ResponseEnvelope, ResponseEnvelopeV2};

/// `GET /roles`.
#[utoipa::path(
    get,
    path = "/roles",
    operation_id = "getRequiredRoles",
    tag = "Portal configuration",
    summary = "The roles the partner portal needs (MOSIP 1.2.2)",
    description = "`[ui] required_roles` (MOSIP's `mosip.pms.ui.required.roles`), in the 1.2.0 \
envelope as MOSIP answers it. Any authenticated caller; no role is checked.",
    responses((status = 200, description = "The roles", body = ResponseEnvelope<RolesDto>))
)]
pub fn roles() {}

/// `GET /system-config`.
#[utoipa::path(
    get,
    path = "/system-config",
    operation_id = "getSystemConfig",
    tag = "Portal configuration",
    summary = "The partner portal's configuration (MOSIP 1.2.2)",
    description = "The `[ui]` settings the portal reads (session timers, page size, which \
features the platform offers), every value a string, in the 1.2.2 envelope (`id` \
`mosip.pms.configs.get`). Any authenticated caller; no role is checked.",
    responses((status = 200, description = "The configuration", body = ResponseEnvelopeV2<SystemConfigDto>))
)]
pub fn system_config() {}

/// The portal configuration operations (paths relative to `/v1/partnermanager`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(roles, system_config))]
pub struct UiConfigApi;
