//! MOSIP's role sets (`mosip.role.pms.*`), as the endpoints check them.

pub const PARTNER_ADMIN: &str = "PARTNER_ADMIN";
pub const POLICYMANAGER: &str = "POLICYMANAGER";

/// Policy administration (POLADM).
pub const POLICY_ADMIN: &[&str] = &[PARTNER_ADMIN, POLICYMANAGER];
