//! MOSIP 1.2.2's deactivation of a policy and of a policy group, in the 1.2.2 envelopes.

use policy_app::deactivation;
use policy_app::dto::{DeactivateBody, DeactivatedGroupDto, DeactivatedPolicyDto};

use partner_app::roles;

web_support::enveloped_v2! {
    /// `PATCH /policies/{policyId}`.
    pub fn policy(policy_id, DeactivateBody) -> DeactivatedPolicyDto;
    "mosip.pms.deactivate.policy.patch", roles::POLICY_ADMIN,
    |store, principal, id, request| deactivation::deactivate_policy(store, principal, id, request);

    /// `PATCH /policies/group/{policygroupId}`.
    pub fn group(policy_group_id, DeactivateBody) -> DeactivatedGroupDto;
    "mosip.pms.deactivate.policy.group.patch", roles::POLICY_ADMIN,
    |store, principal, id, request| deactivation::deactivate_group(store, principal, id, request);
}
