//! MOSIP's request and response envelopes.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::ApiError;

/// `{id, version, requesttime, metadata, request}`; unknown keys are ignored.
#[derive(Debug, Deserialize)]
pub struct RequestEnvelope<T> {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub requesttime: Option<String>,
    #[serde(default)]
    pub metadata: Option<Value>,
    #[serde(default = "absent")]
    pub request: Option<T>,
}

fn absent<T>() -> Option<T> {
    None
}

impl<T> RequestEnvelope<T> {
    /// The inner request; missing → `PMS_COR_001` as MOSIP answers it.
    pub fn into_request(self) -> Result<T, ApiError> {
        // an empty requesttime reads as none, as Jackson reads "" into a LocalDateTime
        if let Some(t) = &self.requesttime
            && !t.trim().is_empty()
            && crate::time::parse_mosip(t).is_none()
        {
            return Err(ApiError::invalid_field("requesttime", "must be in the format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"));
        }
        self.request.ok_or_else(|| ApiError::invalid_field("request", "must not be null"))
    }
}

/// One error of a response: `{errorCode, message}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorItem {
    pub error_code: String,
    pub message: String,
}

impl ErrorItem {
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        ErrorItem { error_code: code.into(), message: message.into() }
    }
}

/// Whether a response carries the `metadata` key (the partner and MISP services do, with
/// `null`; the policy service has no such key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Flavor {
    #[default]
    WithMetadata,
    WithoutMetadata,
}

/// `{id, version, responsetime, metadata, response, errors}`.
#[derive(Debug, Serialize)]
pub struct ResponseEnvelope<T> {
    pub id: Option<String>,
    pub version: Option<String>,
    pub responsetime: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Option<Value>>,
    pub response: Option<T>,
    pub errors: Vec<ErrorItem>,
}

impl<T> ResponseEnvelope<T> {
    pub fn ok(response: T) -> Self {
        ResponseEnvelope {
            id: None,
            version: None,
            responsetime: crate::time::mosip_now(),
            metadata: Some(None),
            response: Some(response),
            errors: Vec::new(),
        }
    }

    pub fn flavor(mut self, flavor: Flavor) -> Self {
        self.metadata = match flavor {
            Flavor::WithMetadata => Some(None),
            Flavor::WithoutMetadata => None,
        };
        self
    }

    /// Echoes `id` and `version` (MOSIP does so on most write endpoints).
    pub fn echo(mut self, id: Option<String>, version: Option<String>) -> Self {
        self.id = id;
        self.version = version;
        self
    }
}

impl ResponseEnvelope<()> {
    pub fn errors(errors: Vec<ErrorItem>) -> Self {
        ResponseEnvelope {
            id: None,
            version: None,
            responsetime: crate::time::mosip_now(),
            metadata: Some(None),
            response: None,
            errors,
        }
    }
}
