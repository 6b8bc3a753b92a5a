//! partner-service: MOSIP's partner manager (`/v1/partnermanager`) and policy manager
//! (`/v1/policymanager`) over one store.

pub mod error;
pub mod import;
pub mod roles;
pub mod routes;
pub mod startup;
