//! PL14 `GET /policies/config/{key}`: a configuration value — from an allow-list of public
//! settings only (MOSIP answers any property, secrets included). Unknown keys answer `null`, as
//! MOSIP answers unset ones.

use actix_web::web;
use web_support::{ApiError, Principal, ResponseEnvelope};

use super::dto::ConfigDto;
use super::{Answer, PolicyState, ok};
use crate::roles;

#[utoipa::path(
    get,
    path = "/policies/config/{key}",
    operation_id = "getValueForKey",
    tag = "Policies",
    summary = "PL14: a public configuration value",
    description = "Answers only `pmp.allowed.policy.types`, `pmp.policy.schema.url`, \
`pmp.<type>.policy.schema` (the schema as a JSON object) and the keys of \
`policy.public_config`; any other key answers `{key, value: null}`. Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.",
    params(("key" = String, Path, description = "The configuration key", example = "pmp.allowed.policy.types")),
    responses((status = 200, description = "The key and its value", body = ResponseEnvelope<ConfigDto>))
)]
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
