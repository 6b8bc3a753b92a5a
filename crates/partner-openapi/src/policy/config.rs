//! PL14 `GET /policies/config/{key}`: a configuration value — from an allow-list of public
//! settings only (MOSIP answers any property, secrets included). Unknown keys answer `null`, as
//! MOSIP answers unset ones.

use policy_app::dto::ConfigDto;
use web_support::ResponseEnvelope;

op! {
    value: get "/policies/config/{key}", "getValueForKey", "Policies", "PL14: a public configuration value";
    description = "Answers only `pmp.allowed.policy.types`, `pmp.policy.schema.url`, \
`pmp.<type>.policy.schema` (the schema as a JSON object) and the keys of \
`policy.public_config`; any other key answers `{key, value: null}`. Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.",
    params(("key" = String, Path, description = "The configuration key", example = "pmp.allowed.policy.types")),
    responses((status = 200, description = "The key and its value", body = ResponseEnvelope<ConfigDto>))
}
