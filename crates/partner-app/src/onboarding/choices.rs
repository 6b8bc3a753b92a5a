//! What a sign-up form offers: the partner types that may sign up, and the active policy groups.

use app_core::{AppError, Store};
use persistence::repo;

use super::OnboardingConfig;

/// Partner types that never sign up by themselves.
const NEVER: [&str; 2] = ["Partner_Admin", "Internal_Partner"];

/// A partner type a sign-up may choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeChoice {
    pub code: String,
    pub description: String,
    pub needs_policy_group: bool,
}

/// The choices of the sign-up form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignUpChoices {
    /// Active types, narrowed to the configured ones when that list is not empty, by code.
    pub partner_types: Vec<TypeChoice>,
    /// Names of the active policy groups, oldest first.
    pub policy_groups: Vec<String>,
}

/// The partner types and policy groups a sign-up may choose from (unaudited read).
pub fn signup_choices(store: &Store, cfg: &OnboardingConfig) -> Result<SignUpChoices, AppError> {
    let (types, groups) =
        store.read(|tx| Ok((repo::partner::partner_types(tx.conn)?, repo::policy::all_groups(tx.conn)?)))?;
    let allowed = &cfg.partner_types.allowed;
    let partner_types = types
        .into_iter()
        .filter(|t| t.is_active && !NEVER.contains(&t.code.as_str()))
        .filter(|t| allowed.is_empty() || allowed.iter().any(|a| a.eq_ignore_ascii_case(&t.code)))
        .map(|t| TypeChoice {
            code: t.code,
            description: t.partner_description,
            needs_policy_group: t.is_policy_required,
        })
        .collect();
    let policy_groups = groups.into_iter().filter(|g| g.is_active).map(|g| g.name).collect();
    Ok(SignUpChoices { partner_types, policy_groups })
}
