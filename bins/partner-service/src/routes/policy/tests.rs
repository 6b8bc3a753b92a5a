use policy_domain::PolicyType;

use super::*;

#[test]
fn the_default_settings_are_mosips() {
    let cfg = config(&PolicySettings::default()).unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(cfg.allowed, PolicyType::ALL);
    assert_eq!(cfg.public_config["pmp.policy.schema.url"], "https://schemas.mosip.io/v1/auth-policy");
    assert_eq!(cfg.public_config["pmp.auth.policy.schema"]["type"], "object");
}

#[test]
fn bad_settings_stop_the_start() {
    let settings = PolicySettings { allowed_types: vec!["Biometric".into()], ..PolicySettings::default() };
    let e = config(&settings).err().map(|e| e.to_string());
    assert_eq!(e.as_deref(), Some("policy.allowed_types: unknown policy type \"Biometric\""));
}
