//! PL14 `GET /policies/config/{key}`: a configuration value — from an allow-list of public
//! settings only (MOSIP answers any property, secrets included). Unknown keys answer `null`, as
//! MOSIP answers unset ones.

use actix_web::web;
use web_support::{ApiError, Principal};

use super::dto::ConfigDto;
use super::{Answer, PolicyState, ok};
use crate::roles;

pub async fn value(
    principal: Result<Principal, ApiError>,
    state: web::Data<PolicyState>,
    path: web::Path<String>,
) -> Answer {
    let principal = principal?;
    principal.require_any(roles::POLICY_ADMIN)?;
    let key = path.into_inner();
    let value = state.public_config.get(&key).cloned();
    Ok(ok(ConfigDto { key, value }))
}
