//! MOSIP 1.2.2's reads: the active policy groups (`GET /policies/policy-groups`) and the paged
//! policy list (`GET /policies/v2`), filtered, sorted and paged in SQL.

use app_core::paged::{PageQuery, PageRequest, PageResponseV2};
use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use persistence::repo::policy_paged::{self as repo, PolicyFilter, PolicySortKey};
use policy_domain::{PolicyError, PolicyStatus};

use crate::dto::{PolicyGroupItem, PolicyListQuery, PolicySummaryDto};

/// The sort fields of the policy list, as MOSIP names them.
pub const POLICY_SORT_FIELDS: &[(&str, PolicySortKey)] = &[
    ("policyId", PolicySortKey::PolicyId),
    ("policyName", PolicySortKey::PolicyName),
    ("policyDescription", PolicySortKey::PolicyDescription),
    ("policyGroupId", PolicySortKey::PolicyGroupId),
    ("policyGroupName", PolicySortKey::PolicyGroupName),
    ("status", PolicySortKey::Status),
    ("createdDateTime", PolicySortKey::CreatedDateTime),
];

/// The page and the filters a policy-list query asks for (`PMS_PRT_357`/`358`/`360`/`361` on
/// bad paging or sorting).
pub fn policy_list_request(
    paging: &PageQuery,
    q: &PolicyListQuery,
) -> Result<(PageRequest<PolicySortKey>, PolicyFilter), AppError> {
    let page = PageRequest::parse(paging, POLICY_SORT_FIELDS)?;
    let filter = PolicyFilter {
        policy_id: q.policy_id.clone(),
        policy_type: q.policy_type.clone(),
        policy_name: q.policy_name.clone(),
        policy_description: q.policy_description.clone(),
        policy_group_name: q.policy_group_name.clone(),
        status: q.status.as_deref().map(PolicyStatus::parse),
    };
    Ok((page, filter))
}

/// The active policy groups, oldest first; none is `PMS_POL_059`.
pub fn policy_groups(store: &Store, actor: &Actor) -> Result<Vec<PolicyGroupItem>, AppError> {
    let plan =
        store.plan(actor).call(AuditEvent::GetPolicyGroup, None).on_failure(AuditEvent::GetPolicyGroupFailure, None);
    store.audited_read(plan, |tx| {
        let groups = repo::active_groups(tx.conn)?;
        if groups.is_empty() {
            return Err(PolicyError::NoActiveGroups.into());
        }
        tx.trail.push(AuditEvent::GetPolicyGroupSuccess, None);
        Ok(groups.iter().map(PolicyGroupItem::from).collect())
    })
}

/// One page of the policies matching `filter`.
pub fn policies(
    store: &Store,
    actor: &Actor,
    page: &PageRequest<PolicySortKey>,
    filter: &PolicyFilter,
) -> Result<PageResponseV2<PolicySummaryDto>, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetPolicy, None).on_failure(AuditEvent::GetPolicyFailure, None);
    store.audited_read(plan, |tx| {
        let sort = page.sort.map(|s| (s.field, s.desc));
        let (rows, total) = repo::policy_summaries(tx.conn, filter, sort, store.paging_of(page))?;
        tx.trail.push(AuditEvent::GetPolicySuccess, None);
        Ok(PageResponseV2::new(rows.into_iter().map(PolicySummaryDto::from).collect(), page, total))
    })
}

#[cfg(test)]
mod tests;
