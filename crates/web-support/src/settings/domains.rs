//! The sections of the domain features. Each section is one struct here, with
//! `#[serde(deny_unknown_fields, default)]` and its defaults in `Default`; document every key in
//! `docs/operations.md`.

use serde::Deserialize;

/// `[policy]`: policy manager.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PolicySettings {}

/// `[partner]`: partner manager (registration, API keys, extractors, credential types).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PartnerSettings {}

/// `[certificates]`: CA and partner certificate handling (MOSIP's keymanager rules).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CertificateSettings {}

/// `[misp]`: MISPs and licence keys.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MispSettings {}

/// `[onboarding]`: self-service sign-up, OTP, local accounts and login.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OnboardingSettings {}

/// `[smtp]`: outgoing mail.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SmtpSettings {}
