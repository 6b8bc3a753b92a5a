//! The section misp-license-service reads besides the shared ones.

use misp_app::MispSettings;
use serde::Deserialize;
use web_support::settings::ServiceSettings;
use websub_publisher::EventsSettings;

/// `[misp]` and `[events]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Sections {
    pub misp: MispSettings,
    pub events: EventsSettings,
}

impl ServiceSettings for Sections {
    /// partner-service's own sections, so that one file can configure both services.
    const SIBLING_SECTIONS: &'static [&'static str] = &[
        "policy",
        "partner",
        "certificates",
        "secrets",
        "onboarding",
        "smtp",
        "portal",
        "device",
        "oidc",
        "esignet",
        "ui",
        "jobs",
        "mail",
    ];
}

/// misp-license-service's settings.
pub type Settings = web_support::Settings<Sections>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_for_both_services_loads_and_a_misspelt_section_stops_the_start() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("pms.toml");
        let write = |text: &str| std::fs::write(&file, text).unwrap_or_else(|e| panic!("{e}"));
        write(
            "[misp]\nid_length = 4\n[partner]\napi_key_expiry_days = 30\n[portal]\nenabled = false\n[ui]\nitems_per_page = 20\n",
        );
        let settings = Settings::load(Some(&file)).unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(settings.service.misp.id_length, 4);
        write("[misp]\nid_length = 4\n[mips]\nid_length = 4\n");
        let refused = Settings::load(Some(&file)).err().map(|e| format!("{e:#}"));
        assert!(refused.is_some_and(|e| e.contains("unknown configuration key(s) mips")));
    }
}
