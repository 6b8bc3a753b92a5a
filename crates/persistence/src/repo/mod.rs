//! Repositories: plain functions over `&mut DbConnection`, one module per aggregate.

pub mod audit;
pub mod certificate;
pub mod misp;
pub mod misp_license;

// ---- partner management (partners, contacts, policy requests, API keys, extractors, credential types)
pub mod api_key;
pub mod partner;
pub mod partner_extras;
pub mod partner_policy;

// ---- onboarding (local accounts, pending sign-ups)
pub mod account;
pub mod onboarding;

// ---- policy management (policy groups, policies)
pub mod policy;
