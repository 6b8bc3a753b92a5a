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
