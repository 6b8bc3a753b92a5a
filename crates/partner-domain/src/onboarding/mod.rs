//! Self-service onboarding: the rules of sign-up with an e-mail OTP and of local accounts.
//! Pure: the caller passes the CSPRNG and the current time in.

pub mod credentials;
pub mod error;
pub mod otp;
pub mod otp_throttle;
pub mod roles;
pub mod signup;
pub mod throttle;

pub use credentials::{DUMMY_HASH, PasswordPolicy, WeakPassword, hash_secret, verify_secret};
pub use error::OnboardingError;
pub use otp::{Otp, OtpPolicy, OtpState, SendHistory};
pub use otp_throttle::OtpThrottle;
pub use signup::{EmailDomainRules, SelfServiceTypes, check_user_id, email_key, login_key};
pub use throttle::{Attempts, LoginThrottle, Subject};
