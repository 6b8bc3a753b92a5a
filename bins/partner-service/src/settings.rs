//! The sections partner-service reads besides the shared ones; each section belongs to the crate
//! whose operations it configures.

use device_app::DeviceSettings;
use misp_app::MispSettings;
use partner_app::jobs::JobsSettings;
use partner_app::mail::MailSettings;
use partner_app::settings::{
    CertificateSettings, EsignetSettings, OidcSettings, OnboardingSettings, PartnerSettings, SecretsSettings,
    SmtpSettings, UiSettings,
};
use partner_portal::PortalSettings;
use policy_app::PolicySettings;
use serde::Deserialize;
use web_support::settings::ServiceSettings;
use websub_publisher::EventsSettings;

/// `[policy]`, `[partner]`, `[certificates]`, `[secrets]`, `[onboarding]`, `[smtp]`, `[portal]`, `[misp]` for
/// the portal's MISP pages, `[events]`, `[oidc]`, `[esignet]`, `[device]` and `[ui]` (what the portal
/// reads from `/roles` and `/system-config`), `[jobs]` (the scheduled jobs) and `[mail]` (the e-mail
/// templates).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Sections {
    pub policy: PolicySettings,
    pub partner: PartnerSettings,
    pub certificates: CertificateSettings,
    /// The key-encryption key the service's signing keys are sealed under.
    pub secrets: SecretsSettings,
    pub onboarding: OnboardingSettings,
    pub smtp: SmtpSettings,
    pub portal: PortalSettings,
    pub misp: MispSettings,
    pub events: EventsSettings,
    /// OIDC clients of eSignet relying parties, and where they are forwarded.
    pub oidc: OidcSettings,
    pub esignet: EsignetSettings,
    pub device: DeviceSettings,
    pub ui: UiSettings,
    pub jobs: JobsSettings,
    pub mail: MailSettings,
}

impl ServiceSettings for Sections {}

/// partner-service's settings.
pub type Settings = web_support::Settings<Sections>;

#[cfg(test)]
mod tests {
    use web_support::settings::field_names;

    use super::*;

    /// A section this service gains must be known to misp-license-service too, or a file (or
    /// environment) that configures both services stops that one at start.
    #[test]
    fn misp_license_service_accepts_every_section_of_this_service() {
        type Theirs = misp_license_service::settings::Sections;
        let ours = field_names::<Sections>();
        assert!(ours.len() > 10, "{ours:?}");
        let unknown: Vec<&str> = ours
            .iter()
            .filter(|s| !field_names::<Theirs>().contains(s) && !Theirs::SIBLING_SECTIONS.contains(s))
            .copied()
            .collect();
        assert!(unknown.is_empty(), "sections misp-license-service would refuse: {unknown:?}");
    }
}
