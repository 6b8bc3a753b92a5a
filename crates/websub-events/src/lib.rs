//! The events PMS publishes on MOSIP's WebSub hub, from which ID-Authentication (and the
//! registration client's sync service) learn of partners, policies, API keys, MISP licence keys,
//! certificate chains and eSignet's OIDC clients: the topics, the `data` of each, and the
//! envelope the hub receives.
//! Pure: values in, JSON out; the outbox and the dispatcher live elsewhere.

mod client;
mod envelope;
mod payloads;
mod source;
mod topic;

pub use client::ClientData;
pub use envelope::{envelope, utc};
pub use payloads::{ApiKeyData, CERT_CHAIN, CERT_CHAIN_URL, MispLicenseData, PartnerData, PolicyData};
pub use source::Source;
pub use topic::Topic;

/// An event as a change records it: its topic and its `data` (the envelope is added when it is
/// sent).
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub topic: Topic,
    pub source: Source,
    pub data: serde_json::Value,
}
