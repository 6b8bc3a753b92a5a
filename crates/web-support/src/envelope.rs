//! MOSIP's request and response envelopes.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::openapi::schema::{inner, nullable};

/// MOSIP's request envelope: `{id, version, requesttime, metadata, request}`; only `request` is
/// required, unknown keys are ignored. A missing `request` or a malformed `requesttime` is
/// `PMS_COR_001`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RequestEnvelope<T> {
    /// The operation's MOSIP id (e.g. `mosip.partnermanagement.partners.create`); echoed by writes.
    #[serde(default)]
    pub id: Option<String>,
    /// Echoed by writes, e.g. `1.0`.
    #[serde(default)]
    pub version: Option<String>,
    /// `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` (UTC); an empty string counts as absent.
    #[serde(default)]
    #[schema(example = "2024-05-01T10:20:30.123Z")]
    pub requesttime: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub metadata: Option<Value>,
    #[serde(default = "absent")]
    #[schema(schema_with = inner::<T>, required = true)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ErrorItem {
    /// The MOSIP code, e.g. `PMS_COR_001`, `KER-ATH-401`.
    #[schema(example = "PMS_COR_001")]
    pub error_code: String,
    pub message: String,
    /// The message as data, for the portal's own wording; never sent.
    #[serde(skip)]
    pub wording: app_core::Wording,
}

impl ErrorItem {
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        ErrorItem { error_code: code.into(), message: message.into(), wording: app_core::Wording::default() }
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

/// MOSIP's response envelope: `{id, version, responsetime, metadata, response, errors}`. On
/// success `response` holds the answer and `errors` is empty; on a business or validation error
/// (HTTP 200, as MOSIP answers) `response` is `null` and `errors` lists the codes. The policy
/// manager's answers carry no `metadata` key.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResponseEnvelope<T> {
    #[schema(required = true)]
    pub id: Option<String>,
    #[schema(required = true)]
    pub version: Option<String>,
    /// `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` (UTC).
    #[schema(example = "2024-05-01T10:20:30.123Z")]
    pub responsetime: String,
    /// Always `null` when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub metadata: Option<Option<Value>>,
    #[schema(schema_with = nullable::<T>, required = true)]
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
