//! MOSIP 1.2.2's deactivation of a policy and of a policy group, in the 1.2.2 envelopes.

use actix_web::web;
use policy_app::deactivation;
use policy_app::dto::{DeactivateBody, DeactivatedGroupDto, DeactivatedPolicyDto};
use web_support::{ApiError, Db, EnvelopeV2, Principal, ReplyV2};

use partner_app::roles;

const POLICY_ID: &str = "mosip.pms.deactivate.policy.patch";
const GROUP_ID: &str = "mosip.pms.deactivate.policy.group.patch";

/// `PATCH /policies/{policyId}`.
#[tracing::instrument(skip_all, fields(policy_id = %path))]
pub async fn policy(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
    body: EnvelopeV2<DeactivateBody>,
) -> Result<ReplyV2<DeactivatedPolicyDto>, ApiError> {
    principal.require_any(roles::POLICY_ADMIN)?;
    let outcome = match body.open(POLICY_ID) {
        Ok(request) => db.call(move |store| deactivation::deactivate_policy(store, &principal, &path, request)).await,
        Err(refused) => Err(refused),
    };
    Ok(ReplyV2::new(POLICY_ID, outcome))
}

/// `PATCH /policies/group/{policygroupId}`.
#[tracing::instrument(skip_all, fields(policy_group_id = %path))]
pub async fn group(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
    body: EnvelopeV2<DeactivateBody>,
) -> Result<ReplyV2<DeactivatedGroupDto>, ApiError> {
    principal.require_any(roles::POLICY_ADMIN)?;
    let outcome = match body.open(GROUP_ID) {
        Ok(request) => db.call(move |store| deactivation::deactivate_group(store, &principal, &path, request)).await,
        Err(refused) => Err(refused),
    };
    Ok(ReplyV2::new(GROUP_ID, outcome))
}
