//! The one handler shape: an [`Envelope`] extractor that yields the MOSIP request and what the
//! answer must echo, and a [`Reply`] responder that wraps the answer in MOSIP's envelope.
//!
//! ```ignore
//! #[tracing::instrument(skip_all, fields(partner_id = %path))]
//! pub async fn generate(principal: Principal, db: web::Data<Db>, path: web::Path<String>,
//!                       body: Envelope<GenerateBody>) -> Answer<Generated> {
//!     principal.require_any(roles::API_KEY_GENERATION)?;          // authorise
//!     let (request, echo) = body.open()?;                          // PMS_COR_001 when absent
//!     let out = db.call(move |store| api_keys::generate(store, ...)).await?;  // call
//!     Ok(Reply::echo(out, echo))                                   // answer
//! }
//! ```
//!
//! The last three lines are what [`Db::echo`](crate::Db::echo) does:
//! `db.echo(body, move |store, request| api_keys::generate(store, ..., request)).await`.
//!
//! Scopes whose answers carry no `metadata` key (the policy manager) register
//! [`Flavor::WithoutMetadata`] as app data: [`Reply`] reads it, and [`strip_metadata`] re-renders
//! the scope's errors.

use std::future::Future;
use std::pin::Pin;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpRequest, HttpResponse, Responder, web};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::envelope::{Flavor, RequestEnvelope, ResponseEnvelope};
use crate::error::ApiError;

/// What an answer echoes from its request: MOSIP's `id` and `version`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Echo {
    pub id: Option<String>,
    pub version: Option<String>,
}

impl Echo {
    pub fn new(id: &str, version: &str) -> Self {
        Echo { id: Some(id.to_owned()), version: Some(version.to_owned()) }
    }
}

/// A MOSIP request envelope read from the JSON body (malformed JSON: 400 `PMS_COR_001`). The
/// handler authorises the caller first, then opens it: a missing `request` or a malformed
/// `requesttime` is `PMS_COR_001`, as MOSIP answers.
#[derive(Debug)]
pub struct Envelope<T> {
    pub echo: Echo,
    inner: RequestEnvelope<T>,
}

impl<T> Envelope<T> {
    pub fn new(inner: RequestEnvelope<T>) -> Self {
        let echo = Echo { id: inner.id.clone(), version: inner.version.clone() };
        Envelope { echo, inner }
    }

    /// The request and what the answer echoes.
    pub fn open(self) -> Result<(T, Echo), ApiError> {
        let echo = self.echo;
        Ok((self.inner.into_request()?, echo))
    }

    /// The request alone (answers that echo nothing).
    pub fn request(self) -> Result<T, ApiError> {
        self.inner.into_request()
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Envelope<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let json = web::Json::<RequestEnvelope<T>>::from_request(req, payload);
        Box::pin(async move { Ok(Envelope::new(json.await?.into_inner())) })
    }
}

/// What a handler returns: its [`Reply`], or the [`ApiError`] that becomes the answer.
pub type Answer<T> = Result<Reply<T>, ApiError>;

/// A successful answer in MOSIP's envelope, echoing `id`/`version` where the operation does.
#[derive(Debug)]
pub struct Reply<T> {
    response: T,
    echo: Echo,
}

impl<T: Serialize> Reply<T> {
    /// No `id` / `version`.
    pub fn ok(response: T) -> Self {
        Reply { response, echo: Echo::default() }
    }

    /// The request's `id` and `version` echoed (MOSIP's writes).
    pub fn echo(response: T, echo: Echo) -> Self {
        Reply { response, echo }
    }

    /// A fixed `id` and `version` (MOSIP's reads name their operation).
    pub fn named(response: T, id: &str, version: &str) -> Self {
        Reply { response, echo: Echo::new(id, version) }
    }
}

impl<T: Serialize> Responder for Reply<T> {
    type Body = BoxBody;

    fn respond_to(self, req: &HttpRequest) -> HttpResponse {
        let flavor = req.app_data::<Flavor>().copied().unwrap_or_default();
        let body = ResponseEnvelope::ok(self.response).flavor(flavor).echo(self.echo.id, self.echo.version);
        HttpResponse::Ok().json(body)
    }
}

/// Middleware (`actix_web::middleware::from_fn`) for scopes whose errors carry no `metadata` key:
/// an answer made from an [`ApiError`] — extractors' and handlers' alike — is rendered again
/// without it.
pub async fn strip_metadata(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let res = next.call(req).await?;
    let again = res
        .response()
        .error()
        .and_then(|e| e.as_error::<ApiError>())
        .map(|e| e.clone().flavor(Flavor::WithoutMetadata));
    match again {
        Some(err) => Ok(res.into_response(err.render())),
        None => Ok(res.map_into_boxed_body()),
    }
}

/// Handlers of the common shape: each checks that the caller has one of `roles`, opens the
/// request envelope (`PMS_COR_001` without `request`) and answers what the operation returns,
/// run as [`Db::call`](crate::Db::call) runs it. The operation is a closure over the store, the
/// caller and the request; app data it reads is declared after the body type.
///
/// ```ignore
/// web_support::enveloped! {
///     /// P21: filter values of partner columns.
///     pub fn partner_filter_values(FilterValueDto, cfg: PartnerConfig) -> FilterResponse;
///     roles::SEARCH, |store, principal, request| search::partner_filter_values(store, principal, &cfg, request);
/// }
/// ```
#[macro_export]
macro_rules! enveloped {
    ($(
        $(#[$doc:meta])*
        $vis:vis fn $name:ident($body:ty $(, $data:ident: $data_ty:ty)*) -> $answer:ty;
        $roles:expr, |$store:ident, $principal:ident, $request:ident| $op:expr;
    )+) => {$(
        $(#[$doc])*
        #[tracing::instrument(skip_all)]
        $vis async fn $name(
            principal: $crate::Principal,
            db: actix_web::web::Data<$crate::Db>,
            $($data: actix_web::web::Data<$data_ty>,)*
            body: $crate::Envelope<$body>,
        ) -> $crate::Answer<$answer> {
            principal.require_any($roles)?;
            let request = body.request()?;
            let op = move |$store: &$crate::Store, $principal: &$crate::Principal, $request: $body| $op;
            Ok($crate::Reply::ok(db.call(move |store| op(store, &principal, request)).await?))
        }
    )+};
}
