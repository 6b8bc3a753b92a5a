//! What the partner operations need from the `[partner]` settings; the service builds it once
//! at start and checks it there.

use partner_domain::api_key::ApiKeyPolicy;
use partner_domain::registration::RegistrationRules;

/// The partner manager's rules of this deployment.
#[derive(Debug, Clone)]
pub struct PartnerConfig {
    /// Registration and contact limits: id and phone lengths, e-mail pattern, languages.
    pub rules: RegistrationRules,
    /// How API keys are made and how long they stay valid.
    pub api_keys: ApiKeyPolicy,
    /// Partner types whose policy requests need biometric extractors before approval.
    pub extractor_partner_types: Vec<String>,
    /// Partner types that may map credential types to policies.
    pub credential_type_partner_types: Vec<String>,
    /// Credential types that may be mapped.
    pub allowed_credential_types: Vec<String>,
    /// The partner type whose deactivation switches off its MISP licence keys.
    pub misp_partner_type: String,
    /// Most values a filter-values request answers per column.
    pub filter_values_max: i64,
}

impl Default for PartnerConfig {
    /// MOSIP's defaults.
    fn default() -> Self {
        let list = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect();
        PartnerConfig {
            rules: RegistrationRules::default(),
            api_keys: ApiKeyPolicy::default(),
            extractor_partner_types: list(&["Credential_Partner", "Online_Verification_Partner"]),
            credential_type_partner_types: list(&["Credential_Partner", "Online_Verification_Partner", "Auth_Partner"]),
            allowed_credential_types: list(&["auth", "qrcode", "euin", "reprint", "vercred", "opencrvs"]),
            misp_partner_type: "MISP_Partner".into(),
            filter_values_max: 100,
        }
    }
}
