//! MOSIP 1.2.2's envelopes (`RequestWrapperV2`, `ResponseWrapperV2`), used by the endpoints MOSIP
//! added in 1.2.2: `requestTime`/`responseTime` in camel case; the answer always names its
//! operation (`id`, version `1.0`), and carries the operation's business errors itself (HTTP 200,
//! `response: null`), its request and paging checks included. Refusals before the operation
//! (token, role, a body that is not JSON) keep the 1.2.0 envelope, as every endpoint answers them.

use std::future::Future;
use std::pin::Pin;

use actix_web::body::BoxBody;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, HttpResponse, Responder, web};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::envelope::ErrorItem;
use crate::error::ApiError;
use crate::openapi::schema::{inner, nullable};

/// The version every 1.2.2 request must carry and every answer names.
pub const VERSION: &str = "1.0";

/// `RequestWrapperV2`: `{id, version, requestTime, metadata, request}`. The id must be the
/// operation's, the version `1.0`, the request time (`yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`) today (UTC),
/// and the request present (`PMS_REQUEST_ERROR_002`–`006`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RequestEnvelopeV2<T> {
    #[serde(default)]
    #[schema(example = "mosip.pms.deactivate.policy.patch")]
    pub id: Option<String>,
    #[serde(default)]
    #[schema(example = "1.0")]
    pub version: Option<String>,
    #[serde(default)]
    #[schema(example = "2024-05-01T10:20:30.123Z")]
    pub request_time: Option<String>,
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

impl<T> RequestEnvelopeV2<T> {
    /// The request, checked as MOSIP's `RequestValidator` does (id, time, version, request) for
    /// operation `id` on day `today`.
    pub fn open(self, id: &str, today: NaiveDate) -> Result<T, ApiError> {
        let refuse = |code: &str, message: &str| Err(ApiError::business(code, message));
        if self.id.as_deref() != Some(id) {
            return refuse("PMS_REQUEST_ERROR_002", "Invalid Request Id");
        }
        match self.request_time.as_deref().map(crate::time::parse_mosip) {
            None | Some(None) => return refuse("PMS_REQUEST_ERROR_004", "Invalid request time"),
            Some(Some(t)) if t.date() != today => {
                return refuse("PMS_REQUEST_ERROR_006", "Request date should be current date");
            }
            Some(Some(_)) => {}
        }
        if !self.version.as_deref().is_some_and(|v| v.eq_ignore_ascii_case(VERSION)) {
            return refuse("PMS_REQUEST_ERROR_003", "Request version is invalid");
        }
        match self.request {
            Some(request) => Ok(request),
            None => refuse("PMS_REQUEST_ERROR_005", "Request body is invalid"),
        }
    }
}

/// A 1.2.2 request envelope read from the JSON body (malformed JSON: 400 `PMS_COR_001`).
#[derive(Debug)]
pub struct EnvelopeV2<T>(pub RequestEnvelopeV2<T>);

impl<T: DeserializeOwned + 'static> FromRequest for EnvelopeV2<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let json = web::Json::<RequestEnvelopeV2<T>>::from_request(req, payload);
        Box::pin(async move { Ok(EnvelopeV2(json.await?.into_inner())) })
    }
}

impl<T> EnvelopeV2<T> {
    /// The request for operation `id`, checked against today's date.
    pub fn open(self, id: &str) -> Result<T, ApiError> {
        self.0.open(id, crate::time::now().date())
    }
}

/// `ResponseWrapperV2`: `{id, version, responseTime, metadata, response, errors}`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResponseEnvelopeV2<T> {
    #[schema(example = "mosip.pms.policies.get")]
    pub id: String,
    #[schema(example = "1.0")]
    pub version: String,
    /// `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` (UTC).
    #[schema(example = "2024-05-01T10:20:30.123Z")]
    pub response_time: String,
    /// Always `null`.
    #[schema(value_type = Option<Object>)]
    pub metadata: Option<Value>,
    #[schema(schema_with = nullable::<T>, required = true)]
    pub response: Option<T>,
    pub errors: Vec<ErrorItem>,
}

/// The outcome of a 1.2.2 operation `id`: its answer, or its business errors, in the 1.2.2
/// envelope; other failures (403, 503, 500) answer as every other endpoint does.
#[derive(Debug)]
pub struct ReplyV2<T> {
    id: &'static str,
    outcome: Result<T, ApiError>,
}

impl<T: Serialize> ReplyV2<T> {
    pub fn new(id: &'static str, outcome: Result<T, ApiError>) -> Self {
        ReplyV2 { id, outcome }
    }
}

impl<T: Serialize> Responder for ReplyV2<T> {
    type Body = BoxBody;

    fn respond_to(self, _req: &HttpRequest) -> HttpResponse {
        let (response, errors) = match self.outcome {
            Ok(answer) => (Some(answer), Vec::new()),
            Err(e) if e.status.is_success() => {
                if let Some(detail) = &e.detail {
                    tracing::debug!(code = e.code(), detail = detail.as_str(), "request refused");
                }
                (None, e.errors)
            }
            Err(e) => return HttpResponse::from_error(actix_web::Error::from(e)).map_into_boxed_body(),
        };
        let body = ResponseEnvelopeV2 {
            id: self.id.to_owned(),
            version: VERSION.to_owned(),
            response_time: crate::time::mosip_now(),
            metadata: None,
            response,
            errors,
        };
        HttpResponse::Ok().json(body)
    }
}

#[cfg(test)]
mod tests;

/// Handlers of the 1.2.2 write shape: each checks that the caller has one of `roles`, opens the
/// 1.2.2 request envelope as operation `id` (a refusal is answered in the envelope) and answers,
/// as `id`, what the operation returns for the store, the caller, the path's one segment (a span
/// field named as declared) and the request.
///
/// ```ignore
/// web_support::enveloped_v2! {
///     /// `PATCH /policies/{policyId}`.
///     pub fn policy(policy_id, DeactivateBody) -> DeactivatedPolicyDto;
///     POLICY_ID, roles::POLICY_ADMIN, |store, principal, id, request| deactivation::deactivate_policy(store, principal, id, request);
/// }
/// ```
#[macro_export]
macro_rules! enveloped_v2 {
    ($(
        $(#[$doc:meta])*
        $vis:vis fn $name:ident($field:ident, $body:ty) -> $answer:ty;
        $id:expr, $roles:expr, |$store:ident, $principal:ident, $path:ident, $request:ident| $op:expr;
    )+) => {$(
        $(#[$doc])*
        #[tracing::instrument(skip_all, fields($field = %path))]
        $vis async fn $name(
            principal: $crate::Principal,
            db: actix_web::web::Data<$crate::Db>,
            path: actix_web::web::Path<String>,
            body: $crate::EnvelopeV2<$body>,
        ) -> Result<$crate::ReplyV2<$answer>, $crate::ApiError> {
            principal.require_any($roles)?;
            let outcome = match body.open($id) {
                Ok(request) => {
                    db.call(move |store| {
                        let ($store, $principal, $path, $request) = (store, &principal, path.as_str(), request);
                        $op
                    })
                    .await
                }
                Err(refused) => Err(refused),
            };
            Ok($crate::ReplyV2::new($id, outcome))
        }
    )+};
}

/// Handlers of the 1.2.2 paged list shape: each checks that the caller has one of `roles`, reads
/// the paging and the list's query with `parse` (a refusal is answered in the envelope) and
/// answers, as `id`, the page the operation returns for the store, the caller, the page and the
/// filter.
#[macro_export]
macro_rules! paged_v2 {
    ($(
        $(#[$doc:meta])*
        $vis:vis fn $name:ident($query:ty) -> $answer:ty;
        $id:expr, $roles:expr, $parse:path, |$store:ident, $principal:ident, $page:ident, $filter:ident| $op:expr;
    )+) => {$(
        $(#[$doc])*
        #[tracing::instrument(skip_all)]
        $vis async fn $name(
            principal: $crate::Principal,
            db: actix_web::web::Data<$crate::Db>,
            paging: actix_web::web::Query<$crate::paged::PageQuery>,
            query: actix_web::web::Query<$query>,
        ) -> Result<$crate::ReplyV2<$crate::paged::PageResponseV2<$answer>>, $crate::ApiError> {
            principal.require_any($roles)?;
            let outcome = match $parse(&paging, &query) {
                Ok((page, filter)) => {
                    db.call(move |store| {
                        let ($store, $principal, $page, $filter) = (store, &principal, page, filter);
                        $op
                    })
                    .await
                }
                Err(refused) => Err(refused.into()),
            };
            Ok($crate::ReplyV2::new($id, outcome))
        }
    )+};
}
