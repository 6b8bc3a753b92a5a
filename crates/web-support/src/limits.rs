//! Input limits before any handler runs, answered in MOSIP's envelope: a JSON body larger than
//! [`MAX_BODY`] bytes (413 `PMS_COR_001`, however it is sent: with `Content-Length` or chunked)
//! or nested deeper than [`MAX_JSON_DEPTH`] (400 `PMS_COR_001`). Form and multipart bodies (the
//! portal's) are left to their extractors, whose limits `plain_errors` turns into envelopes too.

use actix_web::HttpMessage;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode, header};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, BytesMut};
use futures_util::StreamExt;

use crate::error::ApiError;
pub use crate::extract::MAX_BODY;

/// Deepest nesting of arrays and objects accepted in a JSON body (MOSIP's documents nest a few
/// levels; policies' attributes a few more).
pub const MAX_JSON_DEPTH: usize = 32;

/// The middleware: reads a JSON body (within [`MAX_BODY`]), checks its depth and hands it on.
pub async fn guard_body(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if !carries_json(&req) {
        return next.call(req).await.map(ServiceResponse::map_into_boxed_body);
    }
    let mut payload = req.take_payload();
    let mut body = BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let Ok(chunk) = chunk else {
            return Ok(refuse(req, ApiError::malformed("request body could not be read")));
        };
        if body.len() + chunk.len() > MAX_BODY {
            return Ok(refuse(req, too_large()));
        }
        body.extend_from_slice(&chunk);
    }
    if let Some(depth) = too_deep(&body, MAX_JSON_DEPTH) {
        let why = format!("request body nests deeper than {MAX_JSON_DEPTH} levels (at byte {depth})");
        return Ok(refuse(req, ApiError::malformed(why)));
    }
    req.set_payload(Bytes::from(body).into());
    next.call(req).await.map(ServiceResponse::map_into_boxed_body)
}

/// 413 `PMS_COR_001`.
pub fn too_large() -> ApiError {
    let mut e = ApiError::malformed(format!("request body larger than {MAX_BODY} bytes"));
    e.status = StatusCode::PAYLOAD_TOO_LARGE;
    e
}

fn refuse(req: ServiceRequest, e: ApiError) -> ServiceResponse<BoxBody> {
    req.into_response(e.render())
}

/// A body the JSON extractors read: any method with a body, unless it is a form or multipart.
fn carries_json(req: &ServiceRequest) -> bool {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS | Method::DELETE) {
        return false;
    }
    let ct = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    !(ct.starts_with("multipart/") || ct.starts_with("application/x-www-form-urlencoded"))
}

/// The offset where `json` first nests deeper than `max` (brackets inside strings do not count).
pub fn too_deep(json: &[u8], max: usize) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, &b) in json.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_brackets_outside_strings() {
        assert_eq!(too_deep(br#"{"request":{"a":[1,{"b":2}]}}"#, 4), None);
        assert_eq!(too_deep(br#"{"request":{"a":[1,{"b":2}]}}"#, 3), Some(19));
        assert_eq!(too_deep(br#"{"a":"[[[[{{{{\"[[[["}"#, 1), None, "brackets in strings, escaped quotes");
        let deep = format!("{}{}", "[".repeat(33), "]".repeat(33));
        assert_eq!(too_deep(deep.as_bytes(), MAX_JSON_DEPTH), Some(32));
        assert_eq!(too_deep(&deep.as_bytes()[1..deep.len() - 1], MAX_JSON_DEPTH), None);
    }
}
