//! The one error type of the web layer and its rendering as a MOSIP envelope.
//!
//! Layering: domain crates return their own error enums (each variant has a MOSIP code and
//! message); `persistence` returns `PersistenceError`; each binary's `error.rs` converts both into
//! [`ApiError`] (domain errors with a conversion function per domain), which alone decides the HTTP status:
//! - business and validation errors: HTTP 200 with `errors[]` (MOSIP's convention);
//! - malformed JSON or envelope: 400 with `PMS_COR_001`;
//! - missing/invalid token: 401 `KER-ATH-401`; missing role or another partner's data: 403 `KER-ATH-403`;
//! - unknown route or method: 404/405 with `PMS_COR_404`/`PMS_COR_405`;
//! - no database connection in time, the connection lost, or a SQLite file read-only or on a full
//!   disk: 503 `PMS_COR_003`; anything unexpected: 500 `PMS_COR_003`,
//!   logged with its cause, answered without internals.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use app_core::{AppError, FailureKind};
use audit_events::AuditEvent;
use persistence::PersistenceError;

use crate::envelope::{ErrorItem, Flavor, ResponseEnvelope};

pub const INVALID_INPUT: &str = "PMS_COR_001";
pub const UNEXPECTED: &str = "PMS_COR_003";
pub const UNAUTHENTICATED: &str = "KER-ATH-401";
pub const FORBIDDEN: &str = "KER-ATH-403";
pub const NOT_FOUND: &str = "PMS_COR_404";
pub const METHOD_NOT_ALLOWED: &str = "PMS_COR_405";

#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub errors: Vec<ErrorItem>,
    pub flavor: Flavor,
    /// Audit events to record for this failure, instead of the operation's default.
    pub audit: Vec<(AuditEvent, Option<String>)>,
    /// What went wrong inside, for the log only.
    pub detail: Option<String>,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.errors.first() {
            Some(e) => write!(f, "{} {}: {}", self.status.as_u16(), e.error_code, e.message),
            None => write!(f, "{}", self.status),
        }
    }
}

impl ApiError {
    fn with(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            errors: vec![ErrorItem::new(code, message)],
            flavor: Flavor::default(),
            audit: Vec::new(),
            detail: None,
        }
    }

    /// A business error: HTTP 200 with the MOSIP code, as MOSIP answers.
    pub fn business(code: &str, message: impl Into<String>) -> Self {
        Self::with(StatusCode::OK, code, message)
    }

    /// Several business errors at once (first one first).
    pub fn business_many(errors: Vec<ErrorItem>) -> Self {
        ApiError { status: StatusCode::OK, errors, flavor: Flavor::default(), audit: Vec::new(), detail: None }
    }

    /// A field of the request breaks a constraint: `PMS_COR_001` "Invalid request parameter - <why> :request.<field>".
    pub fn invalid_field(path: &str, why: &str) -> Self {
        let path = if path == "request" || path == "requesttime" || path.starts_with("request.") {
            path.to_owned()
        } else {
            format!("request.{path}")
        };
        Self::business(INVALID_INPUT, format!("Invalid request parameter - {why} :{path}"))
    }

    /// The body is not JSON, or not of the expected shape.
    pub fn malformed(why: impl Into<String>) -> Self {
        Self::with(StatusCode::BAD_REQUEST, INVALID_INPUT, format!("Invalid request parameter - {}", why.into()))
    }

    pub fn unauthenticated(why: impl Into<String>) -> Self {
        let mut e = Self::with(StatusCode::UNAUTHORIZED, UNAUTHENTICATED, "Authentication Failed");
        e.detail = Some(why.into());
        e
    }

    pub fn forbidden() -> Self {
        Self::with(StatusCode::FORBIDDEN, FORBIDDEN, "Forbidden")
    }

    pub fn not_found() -> Self {
        Self::with(StatusCode::NOT_FOUND, NOT_FOUND, "No such resource")
    }

    pub fn method_not_allowed() -> Self {
        Self::with(StatusCode::METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED, "Method not allowed on this resource")
    }

    pub fn unavailable(detail: impl Into<String>) -> Self {
        let mut e = Self::with(StatusCode::SERVICE_UNAVAILABLE, UNEXPECTED, "Service busy, try again");
        e.detail = Some(detail.into());
        e
    }

    /// Something unexpected: logged in full, answered without internals.
    pub fn internal(detail: impl Into<String>) -> Self {
        let mut e = Self::with(StatusCode::INTERNAL_SERVER_ERROR, UNEXPECTED, "Could not process the request");
        e.detail = Some(detail.into());
        e
    }

    /// Records `event` (about `ref_id`) instead of the operation's default failure event.
    pub fn audit(mut self, event: AuditEvent, ref_id: Option<&str>) -> Self {
        self.audit.push((event, ref_id.map(str::to_owned)));
        self
    }

    pub fn flavor(mut self, flavor: Flavor) -> Self {
        self.flavor = flavor;
        self
    }

    /// The first error code.
    pub fn code(&self) -> &str {
        self.errors.first().map_or("", |e| e.error_code.as_str())
    }

    pub fn message(&self) -> &str {
        self.errors.first().map_or("", |e| e.message.as_str())
    }

    /// The answer, without logging (for a response rendered again, e.g. in another flavor).
    pub fn render(&self) -> HttpResponse {
        let body = ResponseEnvelope::errors(self.errors.clone()).flavor(self.flavor);
        HttpResponse::build(self.status).json(body)
    }

    /// True for failures the caller caused (business, validation, auth), false for faults here.
    pub fn is_client_error(&self) -> bool {
        self.status.is_success() || self.status.is_client_error()
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        if self.status.is_server_error() {
            tracing::error!(code = self.code(), detail = self.detail.as_deref().unwrap_or(""), "request failed");
        } else if let Some(detail) = &self.detail {
            tracing::debug!(code = self.code(), detail = detail.as_str(), "request refused");
        }
        self.render()
    }
}

/// The one mapping of the application layer's failures to HTTP: refusals are MOSIP's HTTP-200
/// business errors, then 403, 503 and 500.
impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        let status = match e.kind {
            FailureKind::Refused => StatusCode::OK,
            FailureKind::Forbidden => StatusCode::FORBIDDEN,
            FailureKind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            FailureKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError {
            status,
            errors: e
                .problems
                .into_iter()
                .map(|p| ErrorItem { wording: p.wording, ..ErrorItem::new(p.code, p.message) })
                .collect(),
            flavor: Flavor::default(),
            audit: e.audit,
            detail: e.detail,
        }
    }
}

impl From<PersistenceError> for ApiError {
    fn from(e: PersistenceError) -> Self {
        match e {
            PersistenceError::PoolTimeout => ApiError::unavailable("database pool exhausted"),
            other if other.is_unavailable() => ApiError::unavailable(format!("store unavailable: {other}")),
            other => ApiError::internal(format!("store: {other}")),
        }
    }
}

impl From<persistence::QueryError> for ApiError {
    fn from(e: persistence::QueryError) -> Self {
        if persistence::is_store_unavailable(&e) {
            return ApiError::unavailable(format!("store unavailable: {e}"));
        }
        ApiError::internal(format!("query: {e}"))
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        ApiError::internal(format!("blocking pool: {e}"))
    }
}
