//! `[events]`: publishing to MOSIP's WebSub hub (both services read it: each runs a dispatcher).

use secrecy::SecretString;
use serde::Deserialize;

/// `[events]` as configured.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EventsSettings {
    /// The hub, e.g. `http://websub.websub/hub/`. Unset: events are kept in the outbox, not sent.
    pub hub_url: Option<String>,
    /// How the dispatcher authenticates to the hub.
    pub auth: EventsAuthSettings,
    /// Connect and answer timeout of one hub request.
    pub timeout_secs: u64,
    /// Rows one dispatcher claims per topic and round.
    pub batch_size: i64,
    /// Pause between rounds that found nothing to send.
    pub poll_interval_ms: u64,
    /// How long a claim holds before another dispatcher may take the rows over.
    pub claim_secs: u64,
    /// Attempts before an event is parked as failed (an admin can re-queue it).
    pub max_attempts: i32,
    /// Wait after the first failed attempt, in milliseconds; doubled each time, up to
    /// `backoff_max_secs`.
    pub backoff_initial_ms: u64,
    pub backoff_max_secs: u64,
    /// Hours delivered events are kept before they are purged.
    pub retention_hours: u64,
    /// A MOSIP datashare service (`http://datashare.datashare/v1/datashare`) the certificate
    /// chains of `CA_CERTIFICATE_UPLOADED` are pushed to. Unset: partner-service serves them at
    /// `<public_url>/v1/datashare/get/<policy>/<subscriber>/<id>`.
    pub datashare_url: Option<String>,
    /// The datashare policy and subscriber of the chains (MOSIP's `pms.certs.datashare.policyId`
    /// and `…subscriberId`).
    pub datashare_policy_id: String,
    pub datashare_subscriber_id: String,
    /// partner-service as ID-Authentication reaches it (e.g. `http://pms-partner.pms`). Unset:
    /// `http://<server.host>:<port>`.
    pub public_url: Option<String>,
    /// How long a served chain link answers (MOSIP's default cert-sharing policy: 30 minutes).
    pub datashare_validity_minutes: u32,
    /// How many reads a served chain link answers (MOSIP's default: 2, ID-Authentication and
    /// the registration client's sync service).
    pub datashare_transactions_allowed: u32,
}

impl Default for EventsSettings {
    fn default() -> Self {
        EventsSettings {
            hub_url: None,
            auth: EventsAuthSettings::default(),
            timeout_secs: 10,
            batch_size: 50,
            poll_interval_ms: 500,
            claim_secs: 60,
            max_attempts: 12,
            backoff_initial_ms: 1000,
            backoff_max_secs: 300,
            retention_hours: 7 * 24,
            datashare_url: None,
            datashare_policy_id: "mpolicy-default-cert".into(),
            datashare_subscriber_id: "mpartner-default-cert".into(),
            public_url: None,
            datashare_validity_minutes: 30,
            datashare_transactions_allowed: 2,
        }
    }
}

/// `[events.auth]`: a static token, or Keycloak's client-credentials grant.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EventsAuthSettings {
    /// A token sent as is (when no `token_url` is set).
    pub token: Option<SecretString>,
    /// Keycloak's token endpoint (`…/realms/<realm>/protocol/openid-connect/token`).
    pub token_url: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<SecretString>,
}
