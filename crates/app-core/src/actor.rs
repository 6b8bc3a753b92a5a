//! Who performs an operation.

use std::collections::BTreeSet;

/// The authenticated caller, as the operations see it (the web layer builds it from the token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The user name: what MOSIP compares partner ids with, and the audit records' session user.
    pub user_id: String,
    pub email: Option<String>,
    pub roles: BTreeSet<String>,
    /// Holds the configured admin role.
    pub is_admin: bool,
    /// The id of the request that carried the call, for audit records.
    pub request_id: Option<String>,
}

impl Actor {
    /// A caller with `roles`; admin when it holds `admin_role`.
    pub fn new(user_id: impl Into<String>, roles: impl IntoIterator<Item = String>, admin_role: &str) -> Self {
        let roles: BTreeSet<String> = roles.into_iter().collect();
        let is_admin = roles.contains(admin_role);
        Actor { user_id: user_id.into(), email: None, roles, is_admin, request_id: None }
    }

    /// A caller that is nobody yet (self-service sign-up, login): audited as `user`.
    pub fn anonymous(user: impl Into<String>, request_id: Option<String>) -> Self {
        Actor { user_id: user.into(), email: None, roles: BTreeSet::new(), is_admin: false, request_id }
    }

    pub fn has_role(&self, role: &str) -> bool {
        self.roles.contains(role)
    }

    pub fn has_any(&self, roles: &[&str]) -> bool {
        roles.iter().any(|r| self.roles.contains(*r))
    }

    /// An admin, or `partner_id` is the caller's own.
    pub fn is_self_or_admin(&self, partner_id: &str) -> bool {
        self.is_admin || self.user_id == partner_id
    }
}
