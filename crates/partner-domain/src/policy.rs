//! What the partner rules need to know about partner types, policy groups and policies (the
//! policy manager owns them; the store reads them for us).

use chrono::NaiveDateTime;

use crate::PartnerError;

/// A partner type (`partner_type`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerTypeInfo {
    pub code: String,
    pub is_policy_required: bool,
}

/// A policy group (`policy_group`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyGroupInfo {
    pub id: String,
    pub name: String,
    pub is_active: bool,
}

/// A policy (`auth_policy`) and the state of its group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyFacts {
    pub id: String,
    pub name: String,
    pub group_id: String,
    pub is_active: bool,
    pub valid_to: NaiveDateTime,
    /// `None` when the group row is gone.
    pub group_active: Option<bool>,
}

impl PolicyFacts {
    pub fn expired(&self, now: NaiveDateTime) -> bool {
        self.valid_to < now
    }
}

/// The policy a partner asks for by name (policy-mapping request P12, credential-type mapping
/// P17), in MOSIP 1.2.2's order: no active policy of that name anywhere → `PMS_PRT_073`; the
/// partner has no group → `PMS_PRT_047`; none of that name in the partner's group →
/// `PMS_PRT_098`; then inactive, expired, group inactive.
pub fn choose_partner_policy(
    any_active_with_name: bool,
    partner_group: Option<&str>,
    in_group: Option<PolicyFacts>,
    now: NaiveDateTime,
) -> Result<PolicyFacts, PartnerError> {
    if !any_active_with_name {
        return Err(PartnerError::PolicyNotFound);
    }
    if partner_group.is_none() {
        return Err(PartnerError::PartnerNotInGroup);
    }
    let policy = in_group.ok_or(PartnerError::PolicyNotInGroup)?;
    if !policy.is_active {
        return Err(PartnerError::PolicyInactive);
    }
    if policy.expired(now) {
        return Err(PartnerError::PolicyExpired);
    }
    if policy.group_active != Some(true) {
        return Err(PartnerError::PolicyGroupInactive);
    }
    Ok(policy)
}

/// The policy of a request an admin approves (M4): missing `PMS_PMP_017`, inactive
/// `PMS_PMP_019`, group gone `PMS_PMP_022`, group inactive `PMS_PMP_023`, expired `PMS_PMP_018`.
pub fn check_request_policy(policy: Option<&PolicyFacts>, now: NaiveDateTime) -> Result<(), PartnerError> {
    let policy = policy.ok_or(PartnerError::RequestPolicyMissing)?;
    if !policy.is_active {
        return Err(PartnerError::RequestPolicyInactive);
    }
    match policy.group_active {
        None => return Err(PartnerError::RequestPolicyGroupMissing),
        Some(false) => return Err(PartnerError::RequestPolicyGroupInactive),
        Some(true) => {}
    }
    if policy.expired(now) {
        return Err(PartnerError::RequestPolicyExpired);
    }
    Ok(())
}

/// The policy an API key moves to (M6), looked up in the partner's group by id: missing
/// `PMS_PMP_014`, inactive `PMS_PMP_019`, group inactive `PMS_PMP_023`, each naming the id.
pub fn check_remap_target(policy: Option<PolicyFacts>, requested_id: &str) -> Result<PolicyFacts, PartnerError> {
    let policy = policy.ok_or_else(|| PartnerError::PolicyMissing { suffix: requested_id.to_owned() })?;
    if !policy.is_active {
        return Err(PartnerError::NewPolicyInactive { policy_id: requested_id.to_owned() });
    }
    if policy.group_active != Some(true) {
        return Err(PartnerError::NewPolicyGroupInactive { policy_id: requested_id.to_owned() });
    }
    Ok(policy)
}

#[cfg(test)]
pub(crate) mod tests {
    use chrono::{Duration, NaiveDate};

    use super::*;

    pub fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 6, 1).and_then(|d| d.and_hms_opt(12, 0, 0)).unwrap_or_default()
    }

    pub fn policy() -> PolicyFacts {
        PolicyFacts {
            id: "p1".into(),
            name: "auth policy".into(),
            group_id: "g1".into(),
            is_active: true,
            valid_to: now() + Duration::days(1),
            group_active: Some(true),
        }
    }

    #[test]
    fn a_partner_policy_is_found_active_unexpired_in_an_active_group() {
        let ok = choose_partner_policy(true, Some("g1"), Some(policy()), now());
        assert_eq!(ok.map(|p| p.id), Ok("p1".to_owned()));
        let err = |any, group, p| choose_partner_policy(any, group, p, now()).map(|p| p.id).unwrap_err().code();
        assert_eq!(err(false, Some("g1"), Some(policy())), "PMS_PRT_073");
        assert_eq!(err(true, None, None), "PMS_PRT_047");
        assert_eq!(err(true, Some("g1"), None), "PMS_PRT_098");
        assert_eq!(err(true, Some("g1"), Some(PolicyFacts { is_active: false, ..policy() })), "PMS_PMP_019");
        let expired = PolicyFacts { valid_to: now() - Duration::seconds(1), ..policy() };
        assert_eq!(err(true, Some("g1"), Some(expired)), "PMS_PMP_018");
        assert_eq!(err(true, Some("g1"), Some(PolicyFacts { group_active: Some(false), ..policy() })), "PMS_PMP_023");
    }

    #[test]
    fn the_policy_of_a_request_under_review() {
        assert_eq!(check_request_policy(Some(&policy()), now()), Ok(()));
        let code = |p: Option<PolicyFacts>| check_request_policy(p.as_ref(), now()).unwrap_err().code();
        assert_eq!(code(None), "PMS_PMP_017");
        assert_eq!(code(Some(PolicyFacts { is_active: false, ..policy() })), "PMS_PMP_019");
        assert_eq!(code(Some(PolicyFacts { group_active: None, ..policy() })), "PMS_PMP_022");
        assert_eq!(code(Some(PolicyFacts { group_active: Some(false), ..policy() })), "PMS_PMP_023");
        assert_eq!(code(Some(PolicyFacts { valid_to: now() - Duration::days(1), ..policy() })), "PMS_PMP_018");
    }

    #[test]
    fn a_key_moves_only_to_an_active_policy_of_an_active_group() {
        assert!(check_remap_target(Some(policy()), "p1").is_ok());
        let e = check_remap_target(None, "nope").unwrap_err();
        assert_eq!((e.code(), e.to_string()), ("PMS_PMP_014", "Policy does not existnope".to_owned()));
        let e = check_remap_target(Some(PolicyFacts { is_active: false, ..policy() }), "p1").unwrap_err();
        assert_eq!((e.code(), e.to_string()), ("PMS_PMP_019", "Policy is not active.p1".to_owned()));
        let e = check_remap_target(Some(PolicyFacts { group_active: Some(false), ..policy() }), "p1").unwrap_err();
        assert_eq!(e.code(), "PMS_PMP_023");
    }
}
