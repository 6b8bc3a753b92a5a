//! A request id on every span and every response (`X-Request-Id`).

use actix_web::HttpMessage;
use actix_web::HttpRequest;
use actix_web::http::header::{HeaderName, HeaderValue};
use tracing_actix_web::{DefaultRootSpanBuilder, RequestId, RootSpanBuilder};

pub const HEADER: &str = "x-request-id";

/// The id `TracingLogger` gave this request.
pub fn of(req: &HttpRequest) -> Option<String> {
    req.extensions().get::<RequestId>().map(ToString::to_string)
}

/// Root span with the request id and a `user` field filled once the token is read.
pub struct RootSpan;

impl RootSpanBuilder for RootSpan {
    fn on_request_start(request: &actix_web::dev::ServiceRequest) -> tracing::Span {
        tracing_actix_web::root_span!(request, user = tracing::field::Empty)
    }

    fn on_request_end<B: actix_web::body::MessageBody>(
        span: tracing::Span,
        outcome: &Result<actix_web::dev::ServiceResponse<B>, actix_web::Error>,
    ) {
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

/// Copies the request id into the response headers.
pub fn add_header<B>(res: &mut actix_web::dev::ServiceResponse<B>) {
    let id = res.request().extensions().get::<RequestId>().map(ToString::to_string);
    if let Some(value) = id.and_then(|id| HeaderValue::from_str(&id).ok()) {
        res.headers_mut().insert(HeaderName::from_static(HEADER), value);
    }
}
