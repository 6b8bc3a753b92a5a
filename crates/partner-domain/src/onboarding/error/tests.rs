use super::*;

#[test]
fn codes_are_distinct_and_mosip_shaped() {
    let all = [
        OnboardingError::EmailNotAllowed,
        OnboardingError::PartnerTypeNotAllowed("X".into()),
        OnboardingError::OrganisationRegistered,
        OnboardingError::ResendTooSoon(1),
        OnboardingError::SendLimitReached(1),
        OnboardingError::UnknownRegistration,
        OnboardingError::WrongOtp(1),
        OnboardingError::OtpExpired,
        OnboardingError::OtpLocked,
        OnboardingError::AlreadyCompleted,
        OnboardingError::WeakPassword(WeakPassword::TooEasy),
        OnboardingError::BadCredentials,
        OnboardingError::LoginUnavailable,
        OnboardingError::MalformedOtp,
        OnboardingError::LoginLocked(1),
        OnboardingError::OtpThrottled(1),
        OnboardingError::Hashing("x".into()),
    ];
    let mut codes: Vec<&str> = all.iter().map(OnboardingError::code).collect();
    assert!(codes.iter().all(|c| c.starts_with("PMS_ONB_0") || *c == "PMS_PRT_001"));
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), all.len());
    assert_eq!(OnboardingError::WrongOtp(3).to_string(), "Invalid OTP; 3 attempt(s) left.");
    assert!(OnboardingError::Hashing("x".into()).is_internal());
    assert!(!OnboardingError::BadCredentials.is_internal());
}

#[test]
fn the_wording_names_the_rule_and_the_number_the_message_states() {
    let short = OnboardingError::WeakPassword(WeakPassword::TooShort { min: 12 });
    assert_eq!(short.to_string(), "Weak password: use at least 12 characters.");
    assert_eq!(short.wording(), (Some("short"), Some(12)));
    assert_eq!(OnboardingError::WeakPassword(WeakPassword::TooEasy).wording(), (Some("easy"), None));
    assert_eq!(OnboardingError::WrongOtp(2).wording(), (None, Some(2)));
    assert_eq!(OnboardingError::LoginLocked(300).wording(), (None, Some(300)));
    assert_eq!(OnboardingError::OtpExpired.wording(), (None, None));
}
