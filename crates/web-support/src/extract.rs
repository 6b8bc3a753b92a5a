//! Extractor settings that turn malformed input into MOSIP errors instead of empty 400s.

use actix_web::web;

use crate::error::ApiError;

/// Largest JSON body accepted (certificates and policies fit easily).
pub const MAX_BODY: usize = 1024 * 1024;

/// JSON bodies: any content type, at most [`MAX_BODY`] bytes; errors become `PMS_COR_001`.
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(MAX_BODY)
        .content_type_required(false)
        .error_handler(|err, _req| ApiError::malformed(body_error(&err)).into())
}

fn body_error(err: &actix_web::error::JsonPayloadError) -> String {
    use actix_web::error::JsonPayloadError as E;
    match err {
        E::OverflowKnownLength { .. } | E::Overflow { .. } => format!("request body larger than {MAX_BODY} bytes"),
        E::Deserialize(e) if e.is_eof() => "request body is empty or truncated".to_owned(),
        E::Deserialize(e) if e.is_syntax() => format!("request body is not valid JSON ({e})"),
        E::Deserialize(e) => format!("request body has the wrong shape ({e})"),
        other => other.to_string(),
    }
}

pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|err, _req| ApiError::malformed(format!("path: {err}")).into())
}

pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err, _req| ApiError::malformed(format!("query: {err}")).into())
}

/// Registers the extractor settings above.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(json_config()).app_data(path_config()).app_data(query_config());
}

/// The answer for paths no route serves.
pub async fn not_found() -> Result<actix_web::HttpResponse, ApiError> {
    Err(ApiError::not_found())
}
