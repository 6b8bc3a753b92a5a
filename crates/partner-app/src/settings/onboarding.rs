//! `[onboarding]` and `[smtp]`: self-service sign-up and the mail that carries its one-time
//! passwords.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use app_core::settings::string_list;
use partner_domain::onboarding::{
    EmailDomainRules, LoginThrottle, OtpPolicy, OtpThrottle, PasswordPolicy, SelfServiceTypes,
};
use serde::Deserialize;

use crate::notify::{self, MailConfig, Notifier, SmtpConfig, SmtpTls};
use crate::onboarding::OnboardingConfig;

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
    /// OTPs sent for requests from one client address within an hour before it is refused for an hour.
    pub otp_max_sends_per_address: u32,
    /// Wrong OTPs in a row for one e-mail, whatever its OTP, before it is locked.
    pub otp_max_wrong_per_email: u32,
    /// Wrong OTPs in a row from one client address before it is locked.
    pub otp_max_wrong_per_address: u32,
    /// The first lock after too many wrong OTPs; each further one doubles it.
    pub otp_lock_secs: u64,
    /// The longest such lock.
    pub otp_max_lock_secs: u64,
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
    /// Failed logins in a row after which an account is locked.
    pub login_max_failures_per_account: u32,
    /// Failed logins in a row after which a client address is locked.
    pub login_max_failures_per_address: u32,
    /// The first lock; each further failure doubles it.
    pub login_lock_secs: u64,
    /// The longest lock.
    pub login_max_lock_secs: u64,
    /// Count failed logins per the address in `Forwarded`/`X-Forwarded-For` rather than the
    /// connection's peer: set it behind an ingress that writes those headers, never otherwise.
    pub trust_forwarded_for: bool,
}

impl Default for OnboardingSettings {
    fn default() -> Self {
        OnboardingSettings {
            enabled: true,
            otp_validity_secs: 600,
            otp_max_tries: 5,
            otp_resend_interval_secs: 60,
            otp_max_sends_per_hour: 5,
            otp_max_sends_per_address: 20,
            otp_max_wrong_per_email: 10,
            otp_max_wrong_per_address: 20,
            otp_lock_secs: 300,
            otp_max_lock_secs: 3600,
            allowed_email_domains: Vec::new(),
            blocked_email_domains: Vec::new(),
            allowed_partner_types: Vec::new(),
            password_min_length: 10,
            token_lifetime_secs: 1800,
            mail_subject: "Your partner registration code".into(),
            login_max_failures_per_account: 5,
            login_max_failures_per_address: 20,
            login_lock_secs: 60,
            login_max_lock_secs: 3600,
            trust_forwarded_for: false,
        }
    }
}

/// A number of seconds as a duration, at most a year.
fn secs(name: &str, v: u64) -> anyhow::Result<chrono::Duration> {
    let v = i64::try_from(v).ok().filter(|v| *v <= 366 * 24 * 3600);
    v.map(chrono::Duration::seconds).with_context(|| format!("onboarding.{name} is out of range"))
}

impl OnboardingSettings {
    /// The onboarding rules, checked.
    pub fn rules(&self) -> anyhow::Result<OnboardingConfig> {
        anyhow::ensure!(self.otp_validity_secs > 0, "onboarding.otp_validity_secs must be positive");
        anyhow::ensure!(self.otp_max_tries > 0, "onboarding.otp_max_tries must be at least 1");
        anyhow::ensure!(self.otp_max_sends_per_hour > 0, "onboarding.otp_max_sends_per_hour must be at least 1");
        Ok(OnboardingConfig {
            otp: OtpPolicy {
                validity: secs("otp_validity_secs", self.otp_validity_secs)?,
                max_tries: self.otp_max_tries,
                resend_interval: secs("otp_resend_interval_secs", self.otp_resend_interval_secs)?,
                max_sends_per_hour: self.otp_max_sends_per_hour,
            },
            otp_abuse: self.otp_throttle()?,
            passwords: self.password_policy()?,
            email_domains: EmailDomainRules::new(&self.allowed_email_domains, &self.blocked_email_domains),
            partner_types: SelfServiceTypes { allowed: self.allowed_partner_types.clone() },
            login: self.login_throttle()?,
            trust_forwarded_for: self.trust_forwarded_for,
            mail_subject: self.mail_subject.clone(),
        })
    }

    fn otp_throttle(&self) -> anyhow::Result<OtpThrottle> {
        anyhow::ensure!(
            self.otp_max_sends_per_address > 0
                && self.otp_max_wrong_per_email > 0
                && self.otp_max_wrong_per_address > 0,
            "onboarding.otp_max_sends_per_address, otp_max_wrong_per_email and otp_max_wrong_per_address must be at least 1"
        );
        anyhow::ensure!(
            self.otp_lock_secs > 0 && self.otp_lock_secs <= self.otp_max_lock_secs,
            "onboarding.otp_lock_secs must be positive and at most otp_max_lock_secs"
        );
        Ok(OtpThrottle {
            wrong: LoginThrottle {
                max_failures_per_account: self.otp_max_wrong_per_email,
                max_failures_per_address: self.otp_max_wrong_per_address,
                first_lock: secs("otp_lock_secs", self.otp_lock_secs)?,
                max_lock: secs("otp_max_lock_secs", self.otp_max_lock_secs)?,
            },
            max_sends_per_address: self.otp_max_sends_per_address,
            send_window: chrono::Duration::hours(1),
        })
    }

    fn login_throttle(&self) -> anyhow::Result<LoginThrottle> {
        anyhow::ensure!(
            self.login_max_failures_per_account > 0 && self.login_max_failures_per_address > 0,
            "onboarding.login_max_failures_per_account and _per_address must be at least 1"
        );
        anyhow::ensure!(
            self.login_lock_secs > 0 && self.login_lock_secs <= self.login_max_lock_secs,
            "onboarding.login_lock_secs must be positive and at most login_max_lock_secs"
        );
        Ok(LoginThrottle {
            max_failures_per_account: self.login_max_failures_per_account,
            max_failures_per_address: self.login_max_failures_per_address,
            first_lock: secs("login_lock_secs", self.login_lock_secs)?,
            max_lock: secs("login_max_lock_secs", self.login_max_lock_secs)?,
        })
    }

    /// The password policy of local accounts, checked.
    pub fn password_policy(&self) -> anyhow::Result<PasswordPolicy> {
        anyhow::ensure!(self.password_min_length >= 8, "onboarding.password_min_length must be at least 8");
        anyhow::ensure!(self.password_min_length <= 128, "onboarding.password_min_length must be at most 128");
        Ok(PasswordPolicy { min_length: self.password_min_length, ..PasswordPolicy::default() })
    }

    /// How long the tokens of local logins live, checked.
    pub fn token_lifetime(&self) -> anyhow::Result<chrono::Duration> {
        anyhow::ensure!(self.token_lifetime_secs >= 60, "onboarding.token_lifetime_secs must be at least 60");
        secs("token_lifetime_secs", self.token_lifetime_secs)
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
    pub password_file: Option<PathBuf>,
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

impl SmtpSettings {
    /// SMTP when `host` is set, else `.eml` files dropped in `drop_dir`.
    pub fn notifier(&self, drop_dir: PathBuf) -> anyhow::Result<Arc<dyn Notifier>> {
        let smtp = self.host.as_deref().map(str::trim).filter(|h| !h.is_empty()).map(|host| SmtpConfig {
            host: host.to_owned(),
            port: self.port,
            tls: self.tls,
            username: self.username.clone(),
            password: self.password.clone(),
            password_file: self.password_file.clone(),
            timeout_secs: self.timeout_secs,
        });
        notify::notifier(&MailConfig { from: self.from.clone(), smtp, drop_dir })
    }
}

#[cfg(test)]
#[path = "onboarding_tests.rs"]
mod tests;
