//! The policy manager's identifiers.

domain_ids::string_id! {
    /// A policy (`auth_policy.id`).
    pub struct PolicyId;
}

domain_ids::string_id! {
    /// A policy group (`policy_group.id`).
    pub struct PolicyGroupId;
}
