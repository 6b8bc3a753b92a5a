//! partner-service: MOSIP's partner manager (`/v1/partnermanager`) and policy manager
//! (`/v1/policymanager`) over one store.

pub mod admin;
pub mod import;
pub mod jobs;
pub mod onboarding;
pub mod openapi;
pub mod republish;
pub mod routes;
pub mod secrets;
pub mod settings;
pub mod startup;
