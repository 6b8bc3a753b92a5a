//! The sections of the domain features. Each section is one struct here, with
//! `#[serde(deny_unknown_fields, default)]` and its defaults in `Default`; document every key in
//! `docs/operations.md`.

use serde::Deserialize;

/// `[policy]`: policy manager.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PolicySettings {
    /// A directory holding policy JSON schemas under MOSIP's file names (`auth-policy-schema.json`,
    /// `data-share-policy-schema.json`, `misp-policy-schema.json`), e.g. a MOSIP configuration
    /// checkout; a file missing there falls back to the schema built in. Unset: the built-in ones.
    pub schema_dir: Option<std::path::PathBuf>,
    /// The policy types policies may have (MOSIP's `pmp.allowed.policy.types`): a list, or one
    /// comma-separated string (as environment variables give it).
    #[serde(deserialize_with = "list_or_csv")]
    pub allowed_types: Vec<String>,
    /// What publication records as a policy's schema (MOSIP's `pmp.policy.schema.url`).
    pub schema_url: String,
    /// Further public values `GET /policies/config/{key}` answers (never put secrets here).
    pub public_config: std::collections::BTreeMap<String, String>,
    /// The most values one filter-values column answers (MOSIP's `mosip.pms.filtervalue.max_columns`).
    pub filter_value_limit: i64,
}

fn list_or_csv<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum ListOrCsv {
        List(Vec<String>),
        Csv(String),
    }
    Ok(match ListOrCsv::deserialize(d)? {
        ListOrCsv::List(v) => v,
        ListOrCsv::Csv(s) => s.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect(),
    })
}

impl Default for PolicySettings {
    fn default() -> Self {
        PolicySettings {
            schema_dir: None,
            allowed_types: ["Auth", "DataShare", "CredentialIssuance", "MISP"].map(String::from).to_vec(),
            schema_url: "https://schemas.mosip.io/v1/auth-policy".into(),
            public_config: std::collections::BTreeMap::new(),
            filter_value_limit: 100,
        }
    }
}

/// `[partner]`: partner manager (registration, API keys, extractors, credential types).
/// Lists may also be given as one comma-separated string (handy in `PMS__PARTNER__…` variables).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PartnerSettings {
    /// Days an API key stays valid (`valid_to`); MOSIP's `mosip.pmp.partner.policy.expiry.period.indays`.
    pub api_key_expiry_days: u32,
    /// Longest partner id at registration (`pmp.partner.partnerId.max.length`).
    pub partner_id_max_length: usize,
    /// Longest contact number (`pmp.partner.mobileNumber.max.length`).
    pub mobile_number_max_length: usize,
    /// Pattern partner and contact e-mails must match (`pmp.partner.valid.email.address.regex`).
    pub email_regex: String,
    /// Supported language codes (`mosip.mandatory-languages` + `mosip.optional-languages`); the
    /// first is the default.
    #[serde(deserialize_with = "partner_list")]
    pub languages: Vec<String>,
    /// Partner types whose policy requests need biometric extractors before approval.
    #[serde(deserialize_with = "partner_list")]
    pub extractor_partner_types: Vec<String>,
    /// Partner types that may map credential types to policies.
    #[serde(deserialize_with = "partner_list")]
    pub credential_type_partner_types: Vec<String>,
    /// Credential types that may be mapped (`pmp.allowed.credential.types`).
    #[serde(deserialize_with = "partner_list")]
    pub allowed_credential_types: Vec<String>,
    /// The partner type whose deactivation switches off its MISP licence keys.
    pub misp_partner_type: String,
    /// Most values a filter-values request answers per column (`mosip.pms.filtervalue.max_columns`).
    pub filter_values_max: i64,
}

impl Default for PartnerSettings {
    fn default() -> Self {
        let list = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect();
        PartnerSettings {
            api_key_expiry_days: 90,
            partner_id_max_length: 36,
            mobile_number_max_length: 16,
            email_regex: r"^(?-u:[\w\-+])+(\.(?-u:\w)+)*@(?-u:[\w\-])+(\.(?-u:\w)+)*(\.[a-z]{2,})$".into(),
            languages: list(&["eng", "ara", "fra"]),
            extractor_partner_types: list(&["Credential_Partner", "Online_Verification_Partner"]),
            credential_type_partner_types: list(&["Credential_Partner", "Online_Verification_Partner", "Auth_Partner"]),
            allowed_credential_types: list(&["auth", "qrcode", "euin", "reprint", "vercred", "opencrvs"]),
            misp_partner_type: "MISP_Partner".into(),
            filter_values_max: 100,
        }
    }
}

/// A list given as a sequence or as one comma-separated string.
fn partner_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        One(String),
        Many(Vec<String>),
    }
    let items = match Raw::deserialize(d)? {
        Raw::One(s) => s.split(',').map(str::to_owned).collect(),
        Raw::Many(v) => v,
    };
    Ok(items.into_iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect())
}

/// `[certificates]`: CA and partner certificate handling (MOSIP's keymanager rules).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CertificateSettings {
    /// Allowed `partnerDomain` values (keymanager's `mosip.kernel.partner.allowed.domains`): a
    /// list, or one comma-separated string (as an environment variable gives it).
    #[serde(deserialize_with = "string_list")]
    pub allowed_domains: Vec<String>,
    /// Validity of a re-signed partner certificate, in years; also the minimum remaining
    /// validity of an uploaded one (`mosip.kernel.partner.issuer.certificate.duration.years`).
    pub resign_validity_years: u32,
    /// Days subtracted from that minimum (`…issuer.certificate.allowed.grace.duration`).
    pub grace_days: u32,
    /// FTM partners get the re-signed chain back too (`mosip.kernel.partner.resign.ftm.domain.certs`).
    pub resign_ftm_domain_certs: bool,
    /// Longest `certificateData` accepted, in bytes.
    pub max_certificate_bytes: usize,
    /// Validity of the service's ROOT key certificate, in days.
    pub root_validity_days: u32,
    /// Validity of the service's PMS key certificate (which re-signs partner certificates), in days.
    pub pms_validity_days: u32,
    /// Subject of the service's own certificates: `CN=<common_name> (<ROOT|PMS>),OU=…,O=…,L=…,ST=…,C=…`.
    pub signer_common_name: String,
    pub signer_organizational_unit: String,
    pub signer_organization: String,
    pub signer_locality: String,
    pub signer_state: String,
    pub signer_country: String,
}

impl Default for CertificateSettings {
    fn default() -> Self {
        CertificateSettings {
            allowed_domains: ["AUTH", "DEVICE", "FTM", "MISP"].iter().map(|d| (*d).to_owned()).collect(),
            resign_validity_years: 1,
            grace_days: 30,
            resign_ftm_domain_certs: false,
            max_certificate_bytes: 64 * 1024,
            root_validity_days: 2920,
            pms_validity_days: 1460,
            signer_common_name: "www.mosip.io".into(),
            signer_organizational_unit: "MOSIP-TECH-CENTER".into(),
            signer_organization: "IITB".into(),
            signer_locality: "BANGALORE".into(),
            signer_state: "KA".into(),
            signer_country: "IN".into(),
        }
    }
}

/// `[misp]`: MISPs and licence keys (misp-license-service). Checked at its start.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MispSettings {
    /// Characters in a licence key, 16–128 (MOSIP `mosip.kernel.idgenerator.misp.license-key-length`).
    pub license_key_length: usize,
    /// Days a new licence key is valid (MOSIP `mosip.pmp.misp.license.expiry.period.indays`).
    pub license_validity_days: i64,
    /// Digits of the first MISP id, 1–9: the first id is 10^(n-1) (MOSIP `mosip.kernel.mispid.length`).
    pub id_length: u32,
    /// Comma-separated roles that approve, reject, (de)activate MISPs, switch keys and act on
    /// every MISP (besides `auth.admin_role`).
    pub admin_roles: String,
    /// Comma-separated roles of MISP users on the MOSIP 1.1 API: they register MISPs, and read,
    /// update and download the keys of their own.
    pub misp_roles: String,
    /// Comma-separated roles that may validate the licence key of any MISP (ID-Authentication).
    pub validator_roles: String,
    /// The partner type of MOSIP 1.2 MISP partners (MOSIP `mosip.pms.misp.partner.type`).
    pub partner_type: String,
}

impl Default for MispSettings {
    fn default() -> Self {
        MispSettings {
            license_key_length: 50,
            license_validity_days: 90,
            id_length: 3,
            admin_roles: "PARTNER_ADMIN".into(),
            misp_roles: "MISP".into(),
            validator_roles: "ID_AUTHENTICATION".into(),
            partner_type: "MISP_Partner".into(),
        }
    }
}

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

/// A list given as a TOML array or as one comma-separated string (as environment variables are).
fn string_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        One(String),
        Many(Vec<String>),
    }
    let items = match Either::deserialize(d)? {
        Either::One(s) => s.split(',').map(str::to_owned).collect(),
        Either::Many(v) => v,
    };
    Ok(items.into_iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect())
}

/// `[portal]`: the partner portal served under `/portal/` by partner-service.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PortalSettings {
    /// Serve the portal pages.
    pub enabled: bool,
    /// Base URL of misp-license-service (e.g. `http://127.0.0.1:9100`), which the admin MISP pages
    /// and the MISP partner's licence page call with the signed-in user's token. Unset: those
    /// pages say that MISPs are not reachable from the portal.
    pub misp_url: Option<String>,
    /// Mark the session and form-token cookies `Secure`: `auto` (when the request came over
    /// HTTPS, directly or as `X-Forwarded-Proto`/`Forwarded` say), `always` or `never`.
    pub secure_cookies: SecureCookies,
    /// Seconds a call to misp-license-service may take.
    pub misp_timeout_secs: u64,
}

impl Default for PortalSettings {
    fn default() -> Self {
        PortalSettings { enabled: true, misp_url: None, secure_cookies: SecureCookies::Auto, misp_timeout_secs: 10 }
    }
}

/// When the portal's cookies carry `Secure`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SecureCookies {
    Auto,
    Always,
    Never,
}
