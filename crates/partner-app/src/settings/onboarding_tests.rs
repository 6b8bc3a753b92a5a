use serde_json::{Value, json};

use super::*;

struct Loaded {
    rules: OnboardingConfig,
    notifier: Arc<dyn Notifier>,
    token_lifetime: chrono::Duration,
}

fn load(onboarding: Value, smtp: Value) -> anyhow::Result<Loaded> {
    let dir = tempfile::tempdir()?;
    let o: OnboardingSettings = serde_json::from_value(onboarding)?;
    let s: SmtpSettings = serde_json::from_value(smtp)?;
    Ok(Loaded {
        rules: o.rules()?,
        notifier: s.notifier(dir.path().join("mail"))?,
        token_lifetime: o.token_lifetime()?,
    })
}

#[test]
fn settings_become_the_rules() {
    let on = load(
        json!({"otp_validity_secs": 300, "otp_max_tries": 3,
            "blocked_email_domains": "mailinator.com, tempmail.example",
            "allowed_partner_types": ["Auth_Partner"], "password_min_length": 12}),
        json!({"host": "smtp.example", "tls": "tls", "from": "PMS <pms@example.org>"}),
    )
    .unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(on.rules.otp.validity, chrono::Duration::minutes(5));
    assert_eq!(on.rules.otp.max_tries, 3);
    assert_eq!(
        on.rules.email_domains.blocked,
        ["mailinator.com", "tempmail.example"],
        "a comma-separated string is a list"
    );
    assert_eq!(on.rules.partner_types.allowed, ["Auth_Partner"]);
    assert_eq!(on.rules.passwords.min_length, 12);
    assert_eq!(on.notifier.describe(), "SMTP smtp.example:465 (TLS)");
    assert_eq!(on.token_lifetime, chrono::Duration::seconds(1800));
}

#[test]
fn the_defaults_drop_mail_in_the_data_directory() {
    let on = load(json!({}), json!({})).unwrap_or_else(|e| panic!("{e:#}"));
    assert!(on.notifier.describe().starts_with("file drop in ") && on.notifier.describe().ends_with("mail"));
    assert_eq!(on.rules.otp, OtpPolicy::default());
}

#[test]
fn nonsense_settings_stop_the_start() {
    for (onboarding, smtp) in [
        (json!({"otp_max_tries": 0}), json!({})),
        (json!({"otp_validity_secs": 0}), json!({})),
        (json!({"password_min_length": 4}), json!({})),
        (json!({"token_lifetime_secs": 5}), json!({})),
        (json!({"unknown_key": 1}), json!({})),
        (json!({}), json!({"tls": "sometimes"})),
        (json!({}), json!({"host": "smtp.example", "from": "not a mailbox"})),
        (json!({}), json!({"host": "smtp.example", "username": "u"})),
    ] {
        assert!(load(onboarding.clone(), smtp.clone()).is_err(), "{onboarding} {smtp}");
    }
}
