#![doc = include_str!("../README.md")]

// shared by the partner operations (helper A)
mod collected;
pub mod config;
pub mod dto;
pub mod failure;

pub use config::PartnerConfig;

// partners (helper A)
pub mod admin;
pub mod details;
pub mod registration;
pub mod search;
// policy mapping and keys (helper B)
pub mod api_keys;
pub mod credential_types;
pub mod extractors;
pub mod requests;
// certificates, onboarding, audit log (helper C)
pub mod audits;
pub mod certificates;
pub mod onboarding;
// MOSIP's role sets per operation, and outgoing mail (SMTP, file drop)
pub mod notify;
pub mod roles;
// events to ID-Authentication (the outbox)
pub mod events;
// OIDC clients of eSignet relying parties
pub mod oidc;
// the settings sections these operations read
pub mod settings;
pub mod user_consent;
// MOSIP 1.2.2 paged reads
pub mod paged_reads;
// MOSIP 1.2.2 certificate reads (partner certificates, trust store)
pub mod cert_reads;
// MOSIP 1.3 notifications
pub mod notifications;
// the scheduled jobs (expiry e-mails, purges)
pub mod jobs;
pub mod mail;
