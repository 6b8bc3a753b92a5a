//! Shares the certificate chain of a `CA_CERTIFICATE_UPLOADED` event when it is sent: served by
//! partner-service from the `datashare` table, or pushed to MOSIP's datashare service.

use anyhow::Context;
use chrono::NaiveDateTime;
use persistence::repo::datashare::{self, SharedItem};
use persistence::{DbPool, PersistenceError};
use serde_json::Value;

use crate::hub::Hub;
use crate::settings::EventsSettings;

/// Where the link of a shared chain points.
pub enum ChainShare {
    /// partner-service serves it at `<base>/v1/datashare/get/<policy>/<subscriber>/<id>`.
    Served { base: String, policy: String, subscriber: String, validity_minutes: u32, reads: u32 },
    /// MOSIP's datashare service (`…/v1/datashare`).
    Mosip { url: String, policy: String, subscriber: String },
}

/// The path partner-service serves shared chains under.
pub const SERVED_PATH: &str = "/v1/datashare/get";

impl ChainShare {
    pub fn from_settings(s: &EventsSettings, default_public_url: &str) -> Self {
        let policy = s.datashare_policy_id.clone();
        let subscriber = s.datashare_subscriber_id.clone();
        match s.datashare_url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            Some(url) => ChainShare::Mosip { url: url.trim_end_matches('/').to_owned(), policy, subscriber },
            None => ChainShare::Served {
                base: s.public_url.as_deref().unwrap_or(default_public_url).trim_end_matches('/').to_owned(),
                policy,
                subscriber,
                validity_minutes: s.datashare_validity_minutes.max(1),
                reads: s.datashare_transactions_allowed.max(1),
            },
        }
    }

    /// A link to `chain`, valid from `now`.
    pub fn share(&self, pool: &DbPool, hub: &Hub, chain: &str, now: NaiveDateTime) -> anyhow::Result<String> {
        match self {
            ChainShare::Served { base, policy, subscriber, validity_minutes, reads } => {
                let id = format!("{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple());
                let item = SharedItem {
                    id: id.clone(),
                    content: chain.to_owned(),
                    content_type: "text/plain".into(),
                    created_at: now,
                    expires_at: now + chrono::Duration::minutes(i64::from(*validity_minutes)),
                    reads_left: i32::try_from(*reads).unwrap_or(i32::MAX),
                };
                pool.transaction(|c| datashare::insert(c, &item).map_err(PersistenceError::from))
                    .context("storing the shared chain")?;
                Ok(format!("{base}{SERVED_PATH}/{policy}/{subscriber}/{id}"))
            }
            ChainShare::Mosip { url, policy, subscriber } => {
                let answer = hub.post_file(&format!("{url}/create/{policy}/{subscriber}"), "certsChain", chain)?;
                link_of(&answer)
            }
        }
    }
}

/// `dataShare.url` of MOSIP's datashare answer, or its first error.
fn link_of(answer: &Value) -> anyhow::Result<String> {
    if let Some(url) = answer["dataShare"]["url"].as_str() {
        return Ok(url.to_owned());
    }
    let error = &answer["errors"][0];
    anyhow::bail!(
        "datashare refused: {} {}",
        error["errorCode"].as_str().unwrap_or("?"),
        error["message"].as_str().unwrap_or("")
    )
}
