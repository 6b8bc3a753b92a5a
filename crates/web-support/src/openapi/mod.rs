//! OpenAPI support shared by both services.
//!
//! - [`registrar`]: the only way API routes are registered; records (method, full path).
//! - [`DocumentBuilder`]: mounts each scope's `#[derive(OpenApi)]` list under its prefix, adds the
//!   security schemes and the common answers.
//! - [`schema`]: the envelope's generic pieces and the error answer.
//! - [`serve`]: the JSON at `…/v3/api-docs` and Swagger UI at `…/swagger-ui/`.
//! - [`drift`]: the check that route table and document describe the same operations.
//! - [`openapi_op!`](crate::openapi_op): an operation on an empty function, its head on one line.

#[cfg(feature = "testing")]
#[expect(clippy::panic, reason = "test support fails the test loudly")]
pub mod conformance;
pub mod document;
pub mod drift;
pub mod registrar;
pub mod schema;
pub mod serve;

pub use document::DocumentBuilder;
pub use registrar::{Registrar, Route, RouteTable, route_table};

/// The tag of the actuator operations.
pub const ACTUATOR_TAG: &str = "Actuator";

/// `…/actuator/health` and `…/actuator/prometheus`, relative to a service's scope; mount it
/// under each scope that serves them (with an operation id suffix when there are several).
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(crate::health::health, crate::metrics::prometheus),
    tags((name = "Actuator", description = "Health and metrics, without a token"))
)]
pub struct ActuatorApi;

/// Registers `…/actuator/health` and `…/actuator/prometheus` in the current scope.
pub fn register_actuator(r: &mut Registrar<'_>) {
    r.get("/actuator/health", crate::health::health).get("/actuator/prometheus", crate::metrics::prometheus);
}

/// An operation on the empty function `name`: `name: method "path", "operationId", "tag",
/// "summary";` then the rest of what `#[utoipa::path]` takes (description, parameters, bodies,
/// answers).
#[macro_export]
macro_rules! openapi_op {
    ($(#[$doc:meta])* $name:ident: $method:ident $path:literal, $id:literal, $tag:literal, $summary:literal; $($rest:tt)*) => {
        $(#[$doc])*
        #[utoipa::path($method, path = $path, operation_id = $id, tag = $tag, summary = $summary, $($rest)*)]
        pub fn $name() {}
    };
}
