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
mod tests {
    use super::*;

    fn rules(allowed: &[&str], blocked: &[&str]) -> EmailDomainRules {
        let v = |s: &[&str]| s.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        EmailDomainRules::new(&v(allowed), &v(blocked))
    }

    #[test]
    fn without_rules_every_domain_may_sign_up() {
        assert_eq!(rules(&[], &[]).check("a@b.example"), Ok(()));
    }

    #[test]
    fn blocked_domains_and_their_subdomains_are_refused() {
        let r = rules(&[], &["mailinator.com", "*.tempmail.example"]);
        assert_eq!(r.check("x@mailinator.com"), Err(OnboardingError::EmailNotAllowed));
        assert_eq!(r.check("x@MAILINATOR.COM"), Err(OnboardingError::EmailNotAllowed));
        assert_eq!(r.check("x@eu.mailinator.com"), Err(OnboardingError::EmailNotAllowed));
        assert_eq!(r.check("x@a.tempmail.example"), Err(OnboardingError::EmailNotAllowed));
        assert_eq!(r.check("x@notmailinator.com"), Ok(()), "a suffix that is not a subdomain does not match");
    }

    #[test]
    fn an_allow_list_admits_only_its_domains_and_block_wins() {
        let r = rules(&["acme.example", "@partners.example"], &["bad.acme.example"]);
        assert_eq!(r.check("x@acme.example"), Ok(()));
        assert_eq!(r.check("x@eu.acme.example"), Ok(()));
        assert_eq!(r.check("x@partners.example"), Ok(()));
        assert_eq!(r.check("x@other.example"), Err(OnboardingError::EmailNotAllowed));
        assert_eq!(r.check("x@bad.acme.example"), Err(OnboardingError::EmailNotAllowed));
        assert_eq!(r.check("no-at-sign"), Err(OnboardingError::EmailNotAllowed));
    }

    #[test]
    fn self_service_types_follow_the_role_map_and_configuration() {
        let any = SelfServiceTypes::default();
        assert_eq!(any.roles_for("Auth_Partner"), Ok(vec!["AUTH_PARTNER".to_owned(), "PARTNER".to_owned()]));
        assert_eq!(any.roles_for("Partner_Admin"), Err(OnboardingError::PartnerTypeNotAllowed("Partner_Admin".into())));
        let narrow = SelfServiceTypes { allowed: vec!["auth_partner".into()] };
        assert!(narrow.roles_for("Auth_Partner").is_ok());
        assert!(narrow.roles_for("Device_Provider").is_err());
        let odd = SelfServiceTypes { allowed: vec!["Partner_Admin".into()] };
        assert!(odd.roles_for("Partner_Admin").is_err(), "configuration cannot make admins self-register");
    }

    #[test]
    fn keys_and_user_names() {
        assert_eq!(email_key(" Ops@Acme.Example "), "ops@acme.example");
        assert_eq!(login_key("Acme-Auth"), "acme-auth");
        assert!(check_user_id("admin").is_ok());
        assert!(check_user_id("").is_err());
        assert!(check_user_id("ad min").is_err());
        assert!(check_user_id(&"a".repeat(257)).is_err());
    }
}
