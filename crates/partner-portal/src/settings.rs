//! `[portal]`: the partner portal served under `/portal/` by partner-service.

use serde::Deserialize;

/// `[portal]` as configured.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PortalSettings {
    /// Serve the portal pages.
    pub enabled: bool,
    /// No longer needed: the MISP pages call the MISP operations on the shared store (under
    /// `[misp]`). Still accepted so that existing configurations load.
    pub misp_url: Option<String>,
    /// Mark the session and form-token cookies `Secure`: `auto` (when the request came over
    /// HTTPS, directly or as `X-Forwarded-Proto`/`Forwarded` say), `always` or `never`.
    pub secure_cookies: SecureCookies,
    /// No longer used (see `misp_url`); still accepted.
    pub misp_timeout_secs: u64,
    /// A folder of `<lang>/portal.ftl` Fluent catalogues that add languages to the portal or
    /// override its built-in messages.
    pub locales_dir: Option<std::path::PathBuf>,
}

impl Default for PortalSettings {
    fn default() -> Self {
        PortalSettings {
            enabled: true,
            misp_url: None,
            secure_cookies: SecureCookies::Auto,
            misp_timeout_secs: 10,
            locales_dir: None,
        }
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
