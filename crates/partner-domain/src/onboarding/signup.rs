//! Who may sign up by themselves: e-mail domain rules and self-service partner types.

use super::error::OnboardingError;
use super::roles;

/// Allowed and blocked e-mail domains. A rule matches its domain and every subdomain
/// (`example.org` matches `a@example.org` and `a@mail.example.org`). Blocked wins; an empty
/// allowed list allows every domain that is not blocked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmailDomainRules {
    pub allowed: Vec<String>,
    pub blocked: Vec<String>,
}

impl EmailDomainRules {
    pub fn new(allowed: &[String], blocked: &[String]) -> Self {
        let clean = |v: &[String]| -> Vec<String> {
            v.iter()
                .map(|d| d.trim().trim_start_matches("*.").trim_start_matches('@').trim_matches('.').to_lowercase())
                .filter(|d| !d.is_empty())
                .collect()
        };
        EmailDomainRules { allowed: clean(allowed), blocked: clean(blocked) }
    }

    /// Whether `email` (already checked as an e-mail address) may sign up.
    pub fn check(&self, email: &str) -> Result<(), OnboardingError> {
        let domain = email.rsplit_once('@').map(|(_, d)| d.trim().to_lowercase()).unwrap_or_default();
        let matches = |rule: &String| domain == *rule || domain.ends_with(&format!(".{rule}"));
        if domain.is_empty() || self.blocked.iter().any(matches) {
            return Err(OnboardingError::EmailNotAllowed);
        }
        if !self.allowed.is_empty() && !self.allowed.iter().any(matches) {
            return Err(OnboardingError::EmailNotAllowed);
        }
        Ok(())
    }
}

/// Which partner types may sign up by themselves: those with a role mapping, narrowed to
/// `allowed` when that is not empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SelfServiceTypes {
    pub allowed: Vec<String>,
}

impl SelfServiceTypes {
    /// The roles of a sign-up of `partner_type` (its canonical code), or why it may not sign up.
    pub fn roles_for(&self, partner_type: &str) -> Result<Vec<String>, OnboardingError> {
        let listed = self.allowed.is_empty() || self.allowed.iter().any(|t| t.eq_ignore_ascii_case(partner_type));
        match roles::partner_roles(partner_type) {
            Some(roles) if listed => Ok(roles),
            _ => Err(OnboardingError::PartnerTypeNotAllowed(partner_type.to_owned())),
        }
    }
}

/// The key an e-mail is throttled and found by: trimmed and lower-cased.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The key a user name is unique by: trimmed and lower-cased (as Keycloak treats user names).
pub fn login_key(user: &str) -> String {
    user.trim().to_lowercase()
}

/// A user name for a local account created by an operator: 1–256 characters, no blanks or controls.
pub fn check_user_id(user: &str) -> Result<(), String> {
    if user.is_empty() {
        return Err("the user name must not be empty".into());
    }
    if user.chars().count() > 256 {
        return Err("the user name must have at most 256 characters".into());
    }
    if user.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("the user name must not contain blanks".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests;
