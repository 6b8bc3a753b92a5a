//! The settings sections partner-service reads for these operations — `[partner]`,
//! `[certificates]`, `[onboarding]`, `[smtp]` and `[ui]` — each turned into the operations' configuration
//! and checked once at start.

mod certificates;
mod oidc;
mod onboarding;
mod secrets;
mod ui;

use app_core::settings::string_list;
use partner_domain::api_key::ApiKeyPolicy;
use partner_domain::registration::{EmailRule, RegistrationRules};
use serde::Deserialize;

pub use certificates::CertificateSettings;
pub use oidc::{EsignetSettings, OidcSettings};
pub use onboarding::{OnboardingSettings, SmtpSettings};
pub use secrets::SecretsSettings;
pub use ui::{RolesDto, SystemConfigDto, UiSettings};

use crate::PartnerConfig;

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
    #[serde(deserialize_with = "string_list")]
    pub languages: Vec<String>,
    /// Partner types whose policy requests need biometric extractors before approval.
    #[serde(deserialize_with = "string_list")]
    pub extractor_partner_types: Vec<String>,
    /// Partner types that may map credential types to policies.
    #[serde(deserialize_with = "string_list")]
    pub credential_type_partner_types: Vec<String>,
    /// Credential types that may be mapped (`pmp.allowed.credential.types`).
    #[serde(deserialize_with = "string_list")]
    pub allowed_credential_types: Vec<String>,
    /// The partner type whose deactivation switches off its MISP licence keys.
    pub misp_partner_type: String,
    /// Most values a filter-values request answers per column (`mosip.pms.filtervalue.max_columns`).
    pub filter_values_max: i64,
}

impl Default for PartnerSettings {
    /// MOSIP's defaults: those of [`PartnerConfig::default`].
    fn default() -> Self {
        let mosip = PartnerConfig::default();
        PartnerSettings {
            api_key_expiry_days: mosip.api_keys.validity_days(),
            partner_id_max_length: mosip.rules.partner_id_max_length,
            mobile_number_max_length: mosip.rules.phone_max_length,
            email_regex: partner_domain::registration::MOSIP_EMAIL_PATTERN.into(),
            languages: mosip.rules.languages,
            extractor_partner_types: mosip.extractor_partner_types,
            credential_type_partner_types: mosip.credential_type_partner_types,
            allowed_credential_types: mosip.allowed_credential_types,
            misp_partner_type: mosip.misp_partner_type,
            filter_values_max: mosip.filter_values_max,
        }
    }
}

impl PartnerSettings {
    /// The partner operations' configuration, checked.
    pub fn config(&self) -> anyhow::Result<PartnerConfig> {
        let email = EmailRule::new(&self.email_regex)
            .map_err(|e| anyhow::anyhow!("partner.email_regex is not a valid pattern: {e}"))?;
        anyhow::ensure!(self.partner_id_max_length > 0, "partner.partner_id_max_length must be at least 1");
        anyhow::ensure!(!self.languages.is_empty(), "partner.languages must name at least one language");
        Ok(PartnerConfig {
            rules: RegistrationRules {
                partner_id_max_length: self.partner_id_max_length,
                phone_max_length: self.mobile_number_max_length,
                email,
                languages: self.languages.clone(),
            },
            api_keys: ApiKeyPolicy::new(self.api_key_expiry_days)
                .map_err(|e| anyhow::anyhow!("partner.api_key_expiry_days: {e}"))?,
            extractor_partner_types: self.extractor_partner_types.clone(),
            credential_type_partner_types: self.credential_type_partner_types.clone(),
            allowed_credential_types: self.allowed_credential_types.clone(),
            misp_partner_type: self.misp_partner_type.clone(),
            filter_values_max: self.filter_values_max,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_settings_are_mosips_and_are_checked_at_start() {
        let defaults = PartnerSettings::default();
        assert_eq!(defaults.email_regex, partner_domain::registration::MOSIP_EMAIL_PATTERN);
        assert_eq!(defaults.api_key_expiry_days, 90);
        assert_eq!(defaults.languages, ["eng", "ara", "fra"]);
        let app = defaults.config().map_err(|e| e.to_string());
        let mosip = PartnerConfig::default();
        assert_eq!(app.as_ref().map(|c| c.filter_values_max), Ok(mosip.filter_values_max));
        assert_eq!(app.as_ref().map(|c| c.misp_partner_type.clone()), Ok(mosip.misp_partner_type));
        assert_eq!(app.as_ref().map(|c| c.allowed_credential_types.clone()), Ok(mosip.allowed_credential_types));
        for bad in [
            PartnerSettings { email_regex: "([".into(), ..PartnerSettings::default() },
            PartnerSettings { api_key_expiry_days: 0, ..PartnerSettings::default() },
            PartnerSettings { partner_id_max_length: 0, ..PartnerSettings::default() },
            PartnerSettings { languages: Vec::new(), ..PartnerSettings::default() },
        ] {
            assert!(bad.config().is_err(), "{bad:?}");
        }
    }
}
