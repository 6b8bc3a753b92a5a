//! misp-license-service: MOSIP 1.1's MISP API (`/partnermanagement/v1/misps`) and MOSIP 1.2's
//! licence-key API for MISP partners (`/v1/partnermanager/misps`) over the shared store.

pub mod config;
pub mod dto;
pub mod error;
pub mod metrics;
pub mod openapi;
pub mod roles;
pub mod routes;
pub mod startup;
