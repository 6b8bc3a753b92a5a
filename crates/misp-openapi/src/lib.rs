//! misp-license-service's API as OpenAPI operations: for each MOSIP operation its method and path
//! (relative to the prefix it is served under), parameters, bodies, examples, roles and error
//! codes, in a `#[utoipa::path]` (written through `web_support::openapi_op!`) on an empty function named after its handler in
//! `bins/misp-license-service/src/routes`. The drift test fails when a route and an operation
//! part; `docs/openapi/misp-license-service.json` is the committed document.

/// An operation (`web_support::openapi_op!`), as every module here writes them.
macro_rules! op {
    ($($operation:tt)*) => { web_support::openapi_op! { $($operation)* } };
}

pub mod keys;
pub mod misps;
pub mod partner_license;
pub mod status;

/// E1–E10, with paths relative to the prefix they are served under.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        misps::register,
        misps::list,
        misps::by_id,
        misps::by_name,
        status::decide,
        keys::validate,
        keys::switch,
        keys::download,
        misps::update,
        status::activate,
    ),
    tags((name = "MISPs (MOSIP 1.1)", description = "MOSIP 1.1's MISP API, served under `/partnermanagement/v1/misps/misps` (where deployed MOSIP answers) and under `/partnermanagement/v1/misps` (its documented form; operation ids end in `Short`)"))
)]
pub struct MispApi;
