//! MOSIP's role sets (`mosip.role.pms.*`), as the endpoints check them.

pub const PARTNER_ADMIN: &str = "PARTNER_ADMIN";
pub const POLICYMANAGER: &str = "POLICYMANAGER";

/// Policy administration (POLADM).
pub const POLICY_ADMIN: &[&str] = &[PARTNER_ADMIN, POLICYMANAGER];

/// Policy-group search (`postpoliciesgroupsearch`).
pub const POLICY_GROUP_SEARCH: &[&str] = &[PARTNER_ADMIN, "AUTH_PARTNER", "CREDENTIAL_PARTNER", POLICYMANAGER];

/// Policy and policy-group filter values (`postpoliciesgroupfiltervalues`, `postpoliciesfiltervalues`).
pub const POLICY_FILTER: &[&str] = &[PARTNER_ADMIN, "PARTNER", "AUTH_PARTNER", "CREDENTIAL_PARTNER", POLICYMANAGER];

/// The active policies of a group (`getactivegroupgroupname`).
pub const ACTIVE_POLICIES: &[&str] = &[
    "AUTH_PARTNER",
    "CREDENTIAL_PARTNER",
    PARTNER_ADMIN,
    "ONLINE_VERIFICATION_PARTNER",
    "ABIS_PARTNER",
    "MANUAL_ADJUDICATION",
    POLICYMANAGER,
];
