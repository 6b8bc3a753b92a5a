//! partner-service's API as OpenAPI operations: for each MOSIP operation its method and path
//! (relative to the scope it is served under), parameters, request and answer bodies, examples,
//! roles and error codes, in a `#[utoipa::path]` (written through `op!`) on an empty function named
//! after its handler in `bins/partner-service/src/routes` (same module path; the two forms of the
//! OIDC client API share their handlers there). Each module's `#[derive(OpenApi)]`
//! struct lists its operations; the service mounts them under their scopes (`openapi.rs`).
//!
//! The handlers hold the wiring, this crate the description: the drift test
//! (`tests/api/openapi.rs`) fails when a route has no operation or an operation no route, and the
//! committed document `docs/openapi/partner-service.json` shows every change in review.

/// An operation on the empty function `name`: `name: method "path", "operationId", "tag",
/// "summary";` then the rest of what `#[utoipa::path]` takes (description, parameters, bodies,
/// answers).
macro_rules! op {
    ($(#[$doc:meta])* $name:ident: $method:ident $path:literal, $id:literal, $tag:literal, $summary:literal; $($rest:tt)*) => {
        $(#[$doc])*
        #[utoipa::path($method, path = $path, operation_id = $id, tag = $tag, summary = $summary, $($rest)*)]
        pub fn $name() {}
    };
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
