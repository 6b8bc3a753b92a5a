//! misp-license-service: MOSIP 1.1's MISP API (`/partnermanagement/v1/misps`) and MOSIP 1.2's
//! licence-key API for MISP partners (`/v1/partnermanager/misps`) over the shared store.

pub use misp_app::dto;
pub mod openapi;
pub use misp_app::roles;
pub mod routes;
pub mod settings;
pub mod startup;
