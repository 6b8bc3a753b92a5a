//! What the partner portal reads about the service (MOSIP 1.2.2): the roles it needs and its
//! configuration, both from `[ui]`.

use actix_web::web;
use partner_app::settings::{RolesDto, SystemConfigDto, UiSettings};
use web_support::openapi::Registrar;
use web_support::{Answer, ApiError, Principal, Reply, ReplyV2};

/// The portal configuration routes (relative to `/v1/partnermanager`).
pub fn register(r: &mut Registrar<'_>) {
    r.get("/roles", roles).get("/system-config", system_config);
}

/// `GET /roles`.
#[tracing::instrument(skip_all)]
pub async fn roles(_caller: Principal, ui: web::Data<UiSettings>) -> Answer<RolesDto> {
    Ok(Reply::ok(ui.roles()))
}

/// `GET /system-config`.
#[tracing::instrument(skip_all)]
pub async fn system_config(
    _caller: Principal,
    ui: web::Data<UiSettings>,
) -> Result<ReplyV2<SystemConfigDto>, ApiError> {
    Ok(ReplyV2::new("mosip.pms.configs.get", Ok(ui.system_config())))
}
