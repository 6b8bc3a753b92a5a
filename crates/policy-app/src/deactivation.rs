//! MOSIP 1.2.2's deactivations: a policy (`PATCH /policies/{policyId}`) and a policy group
//! (`PATCH /policies/group/{policyGroupId}`). Each is an update of its policy or group for the
//! audit log; a deactivated policy is published to ID-Authentication as `POLICY_UPDATED`.

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use persistence::repo::policy as policies;
use persistence::repo::policy_paged as repo;
use policy_domain::{PolicyError, PolicyGroupId, PolicyId, check_deactivate_status};

use crate::dto::{DeactivateBody, DeactivatedGroupDto, DeactivatedPolicyDto};
use crate::events::publish_if_changed;

/// Switches an activated policy off, unless approved (`PMS_POL_063`) or pending (`PMS_POL_064`)
/// partner requests name it.
pub fn deactivate_policy(
    store: &Store,
    actor: &Actor,
    policy_id: &str,
    req: DeactivateBody,
) -> Result<DeactivatedPolicyDto, AppError> {
    let plan = store
        .plan(actor)
        .call(AuditEvent::UpdatePolicy, Some(policy_id))
        .on_failure(AuditEvent::UpdatePolicyFailure, Some(policy_id));
    store.audited(plan, |tx| {
        check_deactivate_status(req.status.as_deref())?;
        let id = PolicyId::from(policy_id);
        let policy = policies::find_policy(tx.conn, &id)?.ok_or(PolicyError::PolicyToDeactivateNotFound)?;
        let requests = repo::requests_of_policy(tx.conn, &id)?;
        let off = policy.deactivate(requests, &actor.user_id, tx.now)?;
        if repo::deactivate_policy(tx.conn, &id, &actor.user_id, tx.now)? == 0 {
            return Err(PolicyError::PolicyAlreadyDeactivated.into());
        }
        publish_if_changed(tx, &policy, &off);
        tx.trail.push(AuditEvent::UpdatePolicySuccess, Some(policy_id));
        Ok(DeactivatedPolicyDto { policy_id: off.id, is_active: off.is_active })
    })
}

/// Switches an active group off, unless it holds activated or draft policies.
pub fn deactivate_group(
    store: &Store,
    actor: &Actor,
    group_id: &str,
    req: DeactivateBody,
) -> Result<DeactivatedGroupDto, AppError> {
    let plan = store
        .plan(actor)
        .call(AuditEvent::UpdatePolicyGroup, Some(group_id))
        .on_failure(AuditEvent::UpdatePolicyGroupFailure, Some(group_id));
    store.audited(plan, |tx| {
        check_deactivate_status(req.status.as_deref())?;
        let id = PolicyGroupId::from(group_id);
        // serialises with the creation and publication of policies in the group
        if !policies::lock_group(tx.conn, &id)? {
            return Err(PolicyError::GroupToDeactivateNotFound.into());
        }
        let group = policies::find_group(tx.conn, &id)?.ok_or(PolicyError::GroupToDeactivateNotFound)?;
        let held = repo::policies_of_group_by_state(tx.conn, &id)?;
        let off = group.deactivate(held, &actor.user_id, tx.now)?;
        if repo::deactivate_group(tx.conn, &id, &actor.user_id, tx.now)? == 0 {
            return Err(PolicyError::GroupAlreadyDeactivated.into());
        }
        tx.trail.push(AuditEvent::UpdatePolicyGroupSuccess, Some(group_id));
        Ok(DeactivatedGroupDto { policy_group_id: off.id, is_active: off.is_active })
    })
}

#[cfg(test)]
mod tests;
