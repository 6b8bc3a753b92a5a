//! Errors that actix or an extractor answered in plain text (a form or multipart body over its
//! limit, a payload that broke off…) re-rendered as MOSIP envelopes, with the original status and
//! never the original text (which may name internals).

use actix_web::body::BoxBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::{StatusCode, header};

use crate::error::ApiError;

/// `res` unchanged unless it is an error answered as anything but JSON or an HTML page.
pub fn enveloped(res: ServiceResponse<BoxBody>) -> ServiceResponse<BoxBody> {
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let ct = res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    if ct.contains("json") || ct.starts_with("text/html") {
        return res;
    }
    let error = envelope_for(status);
    let (req, _) = res.into_parts();
    ServiceResponse::new(req, error.render())
}

/// The envelope of an error status.
pub fn envelope_for(status: StatusCode) -> ApiError {
    let mut e = match status {
        StatusCode::PAYLOAD_TOO_LARGE => crate::limits::too_large(),
        StatusCode::NOT_FOUND => ApiError::not_found(),
        StatusCode::METHOD_NOT_ALLOWED => ApiError::method_not_allowed(),
        StatusCode::UNAUTHORIZED => ApiError::unauthenticated("no valid token"),
        StatusCode::FORBIDDEN => ApiError::forbidden(),
        s if s.is_server_error() => ApiError::internal(format!("plain-text answer {s}")),
        s => ApiError::malformed(format!(
            "request could not be read ({})",
            s.canonical_reason().unwrap_or("bad request")
        )),
    };
    e.status = status;
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_get_their_mosip_codes() {
        assert_eq!(envelope_for(StatusCode::PAYLOAD_TOO_LARGE).code(), "PMS_COR_001");
        assert_eq!(envelope_for(StatusCode::BAD_REQUEST).code(), "PMS_COR_001");
        assert_eq!(envelope_for(StatusCode::UNSUPPORTED_MEDIA_TYPE).status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(envelope_for(StatusCode::NOT_FOUND).code(), "PMS_COR_404");
        assert_eq!(envelope_for(StatusCode::INTERNAL_SERVER_ERROR).code(), "PMS_COR_003");
        assert_eq!(envelope_for(StatusCode::INTERNAL_SERVER_ERROR).message(), "Could not process the request");
    }
}
