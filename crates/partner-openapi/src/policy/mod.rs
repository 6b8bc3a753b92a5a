//! `/v1/policymanager/policies/**`: policy groups and policies (MOSIP's policy manager, PL1–PL17),
//! the handlers of `policy_app`'s operations.
//!
//! Every answer of this scope, errors included, has no `metadata` key, as MOSIP's policy manager
//! answers: the scope is registered with `Registrar::scope_without_metadata`.

pub mod config;
pub mod deactivation;
pub mod groups;
pub mod policies;
pub mod reads;
pub mod search;
pub mod v2_reads;

/// The policy manager's operations (paths relative to `/v1/policymanager`).
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        groups::create,
        groups::update,
        groups::get,
        groups::all,
        search::groups,
        search::group_values,
        policies::create,
        policies::update,
        policies::publish,
        policies::status,
        reads::all,
        reads::get,
        reads::of_partner,
        reads::active_of_group,
        search::policies,
        search::policy_values,
        config::value,
        v2_reads::policy_groups,
        v2_reads::policies,
        deactivation::policy,
        deactivation::group,
    ),
    tags(
        (name = "Policy groups", description = "MOSIP's policy groups (PL1, PL2, PL10–PL12, PL15)"),
        (name = "Policies", description = "MOSIP's policies: drafts, publishing, reads and searches (PL3–PL9, PL13, PL14, PL16, PL17)"),
    )
)]
pub struct PolicyApi;
