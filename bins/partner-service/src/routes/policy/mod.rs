//! `/v1/policymanager/policies/**`: policy groups and policies (MOSIP's policy manager, PL1–PL17),
//! the handlers of `policy_app`'s operations.
//!
//! Every answer of this scope, errors included, has no `metadata` key, as MOSIP's policy manager
//! answers: the scope is registered with `Registrar::scope_without_metadata`.

mod config;
mod deactivation;
mod groups;
mod policies;
mod reads;
mod search;
mod v2_reads;

use actix_web::web;
use web_support::ApiError;
use web_support::openapi::Registrar;

/// Bodies this scope cannot read are answered in its own words.
fn json_config() -> web::JsonConfig {
    web_support::extract::json_config().error_handler(|err, _req| {
        let why = match &err {
            actix_web::error::JsonPayloadError::Deserialize(e) if e.is_data() => {
                format!("request body has the wrong shape ({e})")
            }
            actix_web::error::JsonPayloadError::Deserialize(e) => format!("request body is not valid JSON ({e})"),
            other => other.to_string(),
        };
        ApiError::malformed(why).into()
    })
}

/// Registers the policy manager's routes (relative to `/v1/policymanager`), literal paths before
/// variable ones.
pub fn register(r: &mut Registrar<'_>) {
    r.app_data(json_config())
        .post("/policies/group/new", groups::create)
        .post("/policies/group/search", search::groups)
        .post("/policies/group/filtervalues", search::group_values)
        .post("/policies/search", search::policies)
        .post("/policies/filtervalues", search::policy_values)
        .get("/policies/group/all", groups::all)
        .get("/policies/policy-groups", v2_reads::policy_groups)
        .get("/policies/v2", v2_reads::policies)
        .resource("/policies/group/{policygroupId}", |m| {
            m.get(groups::get).put(groups::update).patch(deactivation::group)
        })
        .get("/policies/config/{key}", config::value)
        .get("/policies/active/group/{groupName}", reads::active_of_group)
        .resource("/policies", |m| m.post(policies::create).get(reads::all))
        .post("/policies/{policyId}/group/{policygroupId}/publish", policies::publish)
        .resource("/policies/{policyId}/group/{policygroupId}", |m| m.patch(policies::status))
        .get("/policies/{policyId}/partner/{partnerId}", reads::of_partner)
        .resource("/policies/{policyId}", |m| m.get(reads::get).put(policies::update).patch(deactivation::policy));
}
