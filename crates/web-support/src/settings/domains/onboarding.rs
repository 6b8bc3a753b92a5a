//! `[onboarding]` and `[smtp]`: self-service sign-up and the mail that carries its one-time
//! passwords.

use serde::Deserialize;

use super::string_list;

/// `[onboarding]`: self-service sign-up, OTP, local accounts and login.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OnboardingSettings {
    /// Serve sign-up and local login; switch off where Keycloak issues the tokens.
    pub enabled: bool,
    /// How long an OTP stays valid.
    pub otp_validity_secs: u64,
    /// Wrong OTPs after which a new OTP is needed.
    pub otp_max_tries: u32,
    /// Least time between two OTPs to one e-mail.
    pub otp_resend_interval_secs: u64,
    /// Most OTPs to one e-mail within an hour.
    pub otp_max_sends_per_hour: u32,
    /// When not empty, only these e-mail domains (and their subdomains) may sign up.
    #[serde(deserialize_with = "string_list")]
    pub allowed_email_domains: Vec<String>,
    /// These e-mail domains (and their subdomains) may not sign up.
    #[serde(deserialize_with = "string_list")]
    pub blocked_email_domains: Vec<String>,
    /// When not empty, only these partner types may sign up (never `Partner_Admin` or `Internal_Partner`).
    #[serde(deserialize_with = "string_list")]
    pub allowed_partner_types: Vec<String>,
    /// Least number of characters of a password.
    pub password_min_length: usize,
    /// Lifetime of the tokens login answers.
    pub token_lifetime_secs: u64,
    /// Subject of the OTP e-mail.
    pub mail_subject: String,
}

impl Default for OnboardingSettings {
    fn default() -> Self {
        OnboardingSettings {
            enabled: true,
            otp_validity_secs: 600,
            otp_max_tries: 5,
            otp_resend_interval_secs: 60,
            otp_max_sends_per_hour: 5,
            allowed_email_domains: Vec::new(),
            blocked_email_domains: Vec::new(),
            allowed_partner_types: Vec::new(),
            password_min_length: 10,
            token_lifetime_secs: 1800,
            mail_subject: "Your partner registration code".into(),
        }
    }
}

/// `[smtp]`: outgoing mail. Without `host`, mail is dropped as `.eml` files under `<data_dir>/mail/`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SmtpSettings {
    /// The SMTP server; unset means the file drop.
    pub host: Option<String>,
    /// Unset: 25 (`none`), 587 (`starttls`), 465 (`tls`).
    pub port: Option<u16>,
    /// `none`, `starttls` (required, not opportunistic) or `tls` (implicit TLS).
    pub tls: SmtpTls,
    pub username: Option<String>,
    pub password: Option<secrecy::SecretString>,
    /// A file holding the password (alternative to `password`).
    pub password_file: Option<std::path::PathBuf>,
    /// The sender, e.g. `PMS <no-reply@example.org>`.
    pub from: String,
    /// Connect and command timeout.
    pub timeout_secs: u64,
}

impl Default for SmtpSettings {
    fn default() -> Self {
        SmtpSettings {
            host: None,
            port: None,
            tls: SmtpTls::Starttls,
            username: None,
            password: None,
            password_file: None,
            from: "Partner Management <no-reply@localhost>".into(),
            timeout_secs: 10,
        }
    }
}

/// How the SMTP connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    None,
    Starttls,
    Tls,
}
