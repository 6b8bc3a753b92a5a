//! PL14 `GET /policies/config/{key}`: a configuration value — from an allow-list of public
//! settings only (MOSIP answers any property, secrets included). Unknown keys answer `null`, as
//! MOSIP answers unset ones.

use actix_web::web;
use policy_app::dto::ConfigDto;
use policy_app::{PolicyConfig, reads};
use web_support::{Answer, Principal, Reply};

use partner_app::roles;

#[tracing::instrument(skip_all, fields(key = %path))]
pub async fn value(principal: Principal, cfg: web::Data<PolicyConfig>, path: web::Path<String>) -> Answer<ConfigDto> {
    principal.require_any(roles::POLICY_ADMIN)?;
    Ok(Reply::ok(reads::config_value(&cfg, path.into_inner())))
}
