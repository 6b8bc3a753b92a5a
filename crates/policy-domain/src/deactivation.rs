//! MOSIP 1.2.2: deactivating a policy or a policy group, and the three-way status its paged
//! policy list shows (`draft`, `activated`, `deactivated`).

use chrono::NaiveDateTime;

use crate::error::PolicyError;
use crate::group::PolicyGroup;
use crate::policy::Policy;

/// The only `status` a deactivation request accepts (case-sensitive, as in MOSIP).
pub const DEACTIVATE: &str = "De-Activate";

/// Checks a deactivation request's `status` (`PMS_POL_073` unless exactly `De-Activate`).
pub fn check_deactivate_status(status: Option<&str>) -> Result<(), PolicyError> {
    if status == Some(DEACTIVATE) { Ok(()) } else { Err(PolicyError::NotDeactivateStatus) }
}

/// The partner policy requests that name a policy, by state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RequestsOfPolicy {
    pub approved: i64,
    pub pending: i64,
}

/// The policies of a group, by state (deleted ones not counted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PoliciesOfGroup {
    pub active: i64,
    pub draft: i64,
}

impl Policy {
    /// The policy switched off. Only an activated (published, active) policy can be; approved
    /// requests (`PMS_POL_063`) or pending ones (`PMS_POL_064`) keep it on; rejected ones do not.
    pub fn deactivate(
        &self,
        requests: RequestsOfPolicy,
        user: &str,
        now: NaiveDateTime,
    ) -> Result<Policy, PolicyError> {
        match PolicyStatus::of(self) {
            PolicyStatus::Draft => return Err(PolicyError::PolicyNotActivated),
            PolicyStatus::Deactivated => return Err(PolicyError::PolicyAlreadyDeactivated),
            PolicyStatus::Activated => {}
        }
        if requests.approved > 0 {
            return Err(PolicyError::ApprovedRequestsUsePolicy);
        }
        if requests.pending > 0 {
            return Err(PolicyError::PendingRequestsUsePolicy);
        }
        Ok(Policy { is_active: false, upd_by: Some(user.to_owned()), upd_dtimes: Some(now), ..self.clone() })
    }
}

impl PolicyGroup {
    /// The group switched off; refused while it holds activated or draft policies (`PMS_POL_069`
    /// both, `PMS_POL_056` activated ones, `PMS_POL_070` drafts).
    pub fn deactivate(
        &self,
        policies: PoliciesOfGroup,
        user: &str,
        now: NaiveDateTime,
    ) -> Result<PolicyGroup, PolicyError> {
        if !self.is_active {
            return Err(PolicyError::GroupAlreadyDeactivated);
        }
        match (policies.active > 0, policies.draft > 0) {
            (true, true) => return Err(PolicyError::ActiveAndDraftPoliciesInGroup),
            (true, false) => return Err(PolicyError::ActivePoliciesInGroup),
            (false, true) => return Err(PolicyError::DraftPoliciesInGroup),
            (false, false) => {}
        }
        Ok(PolicyGroup { is_active: false, upd_by: Some(user.to_owned()), upd_dtimes: Some(now), ..self.clone() })
    }
}

/// A policy's status in MOSIP 1.2.2's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyStatus {
    /// Not published.
    Draft,
    /// Published and active.
    Activated,
    /// Published, then switched off.
    Deactivated,
}

impl PolicyStatus {
    /// The status of a stored policy from its publication and state.
    pub fn from_columns(published: bool, is_active: bool) -> Self {
        match (published, is_active) {
            (false, _) => PolicyStatus::Draft,
            (true, true) => PolicyStatus::Activated,
            (true, false) => PolicyStatus::Deactivated,
        }
    }

    pub fn of(policy: &Policy) -> Self {
        Self::from_columns(policy.schema.is_some(), policy.is_active)
    }

    /// MOSIP's label, also the value of the `status` filter.
    pub fn label(self) -> &'static str {
        match self {
            PolicyStatus::Draft => "draft",
            PolicyStatus::Activated => "activated",
            PolicyStatus::Deactivated => "deactivated",
        }
    }

    /// The status a filter value names (exact label; anything else names none, and matches no
    /// policy, as in MOSIP).
    pub fn parse(label: &str) -> Option<Self> {
        [PolicyStatus::Draft, PolicyStatus::Activated, PolicyStatus::Deactivated]
            .into_iter()
            .find(|s| s.label() == label)
    }
}

#[cfg(test)]
mod tests;
