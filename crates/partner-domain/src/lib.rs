//! Domain rules of the partner manager (pure: no I/O, no clock reads — `now` is passed in).
//!
//! - [`registration`]: what a partner registration must satisfy, in MOSIP's order of checks;
//! - [`partner`]: updates, contacts, policy-group mapping, admin activation;
//! - [`policy_request`]: policy-mapping requests and their review;
//! - [`api_key`]: API keys (the key policy: length, alphabet, validity; labels, status changes);
//! - [`extractor`], [`credential_type`]: biometric extractors and credential-type mappings;
//! - [`policy`]: the facts about policies and groups the rules look at;
//! - [`onboarding`]: self-service sign-up (OTP, passwords, roles of local accounts);
//! - [`certificate`]: CA and partner certificates, checked as MOSIP's keymanager checks them.

pub mod api_key;
pub mod certificate;
pub mod credential_type;
pub mod error;
pub mod extractor;
pub mod ids;
pub mod onboarding;
pub mod partner;
pub mod policy;
pub mod policy_request;
pub mod registration;

pub use error::PartnerError;
pub use ids::{ApiKey, PartnerId};
