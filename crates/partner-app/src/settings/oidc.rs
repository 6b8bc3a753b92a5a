//! `[oidc]` (OIDC clients: the allowed values and mappings) and `[esignet]` (where client
//! changes are forwarded).

use anyhow::Context;
use std::collections::BTreeMap;
use std::time::Duration;
use websub_publisher::TokenSource;
use websub_publisher::settings::EventsAuthSettings;

use app_core::settings::string_list;
use oidc_domain::claims::ClaimRules;
use oidc_domain::fields::Allowed;
use secrecy::SecretString;
use serde::Deserialize;

use crate::oidc::{Esignet, OidcConfig};

/// `[oidc]`: what a client may ask for, and how a policy becomes claims and ACRs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OidcSettings {
    /// MOSIP's `mosip.pms.oidc.client.available`: false refuses every client operation
    /// (`PMS_FEATURE_002`).
    pub enabled: bool,
    /// eSignet's `mosip.esignet.supported.grant.types`.
    #[serde(deserialize_with = "string_list")]
    pub grant_types: Vec<String>,
    /// eSignet's `mosip.esignet.supported.client.auth.methods`.
    #[serde(deserialize_with = "string_list")]
    pub client_auth_methods: Vec<String>,
    /// Claim → identity attributes (eSignet's `identity-mapping.json`).
    pub claims: BTreeMap<String, Vec<String>>,
    /// AMR → authentication types (`amr-acr-mapping.json`, `amr`).
    pub amrs: BTreeMap<String, Vec<String>>,
    /// ACR → AMRs (`amr-acr-mapping.json`, `acr_amr`).
    pub acrs: BTreeMap<String, Vec<String>>,
}

impl Default for OidcSettings {
    fn default() -> Self {
        let allowed = Allowed::default();
        let rules = ClaimRules::default();
        OidcSettings {
            enabled: true,
            grant_types: allowed.grant_types,
            client_auth_methods: allowed.client_auth_methods,
            claims: rules.claims,
            amrs: rules.amrs,
            acrs: rules.acrs,
        }
    }
}

/// `[esignet]`: eSignet's client-management API. Without `url`, clients are kept here only.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EsignetSettings {
    /// eSignet's base URL, e.g. `http://esignet.esignet` (`/v1/esignet/client-mgmt/…` is appended).
    pub url: Option<String>,
    /// A bearer token sent as is (also as the `Authorization` cookie, as MOSIP does), when no
    /// `token_url` is set; eSignet wants the scopes `add_oidc_client` and `update_oidc_client`.
    pub token: Option<SecretString>,
    /// Keycloak's token endpoint: a client-credentials token is fetched there and renewed before
    /// it expires (MOSIP's PMS fetches its own the same way).
    pub token_url: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<SecretString>,
    /// Seconds a call may take.
    pub timeout_secs: u64,
}

impl Default for EsignetSettings {
    fn default() -> Self {
        EsignetSettings {
            url: None,
            token: None,
            token_url: None,
            client_id: None,
            client_secret: None,
            timeout_secs: 10,
        }
    }
}

impl OidcSettings {
    /// The operations' configuration, forwarding to eSignet when `esignet.url` is set.
    pub fn config(&self, esignet: &EsignetSettings) -> anyhow::Result<OidcConfig> {
        let forward = match esignet.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            Some(url) => {
                anyhow::ensure!(esignet.timeout_secs > 0, "esignet.timeout_secs must be positive");
                let auth = EventsAuthSettings {
                    token: esignet.token.clone(),
                    token_url: esignet.token_url.clone(),
                    client_id: esignet.client_id.clone(),
                    client_secret: esignet.client_secret.clone(),
                };
                let token = TokenSource::from_settings(&auth).context("[esignet]")?;
                Some(Esignet::new(url, token, Duration::from_secs(esignet.timeout_secs)))
            }
            None => None,
        };
        Ok(OidcConfig {
            enabled: self.enabled,
            allowed: Allowed {
                grant_types: self.grant_types.clone(),
                client_auth_methods: self.client_auth_methods.clone(),
            },
            rules: ClaimRules { claims: self.claims.clone(), amrs: self.amrs.clone(), acrs: self.acrs.clone() },
            esignet: forward,
        })
    }
}
