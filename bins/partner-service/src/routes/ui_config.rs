//! What the partner portal reads about the service (MOSIP 1.2.2): the roles it needs and its
//! configuration, both from `[ui]`.

use actix_web::web;
use partner_app::settings::{RolesDto, SystemConfigDto, UiSettings};
use web_support::openapi::Registrar;
use web_support::{Answer, ApiError, Principal, Reply, ReplyV2, ResponseEnvelope, ResponseEnvelopeV2};

/// The portal configuration routes (relative to `/v1/partnermanager`).
pub fn register(r: &mut Registrar<'_>) {
    r.get("/roles", roles).get("/system-config", system_config);
}

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
#[tracing::instrument(skip_all)]
pub async fn roles(_caller: Principal, ui: web::Data<UiSettings>) -> Answer<RolesDto> {
    Ok(Reply::ok(ui.roles()))
}

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
#[tracing::instrument(skip_all)]
pub async fn system_config(
    _caller: Principal,
    ui: web::Data<UiSettings>,
) -> Result<ReplyV2<SystemConfigDto>, ApiError> {
    Ok(ReplyV2::new("mosip.pms.configs.get", Ok(ui.system_config())))
}

/// The portal configuration operations (paths relative to `/v1/partnermanager`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(roles, system_config))]
pub struct UiConfigApi;
