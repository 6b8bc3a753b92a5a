//! partner-service's API as OpenAPI operations: for each MOSIP operation its method and path
//! (relative to the scope it is served under), parameters, request and answer bodies, examples,
//! roles and error codes, in a `#[utoipa::path]` (written through `web_support::openapi_op!`) on
//! an empty function named after its handler in `bins/partner-service/src/routes` (same module
//! path; the two forms of the OIDC client API share their handlers there). Each module's
//! `#[derive(OpenApi)]` struct lists its operations; the service mounts them under their scopes
//! (`openapi.rs`).
//!
//! The handlers hold the wiring, this crate the description: the drift test
//! (`tests/api/openapi.rs`) fails when a route has no operation or an operation no route, and the
//! committed document `docs/openapi/partner-service.json` shows every change in review.

/// An operation (`web_support::openapi_op!`), as every module here writes them.
macro_rules! op {
    ($($operation:tt)*) => { web_support::openapi_op! { $($operation)* } };
}

pub mod audits;
pub mod certificates;
pub mod device;
pub mod events;
pub mod notifications;
pub mod oidc;
pub mod onboarding;
pub mod partners;
pub mod policy;
pub mod ui_config;
pub mod user_consent;
