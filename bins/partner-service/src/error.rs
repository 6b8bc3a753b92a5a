//! Domain errors of this service → `ApiError`: each domain error carries its MOSIP code and
//! message and becomes a business error (HTTP 200), as MOSIP answers. One `From` impl per domain,
//! each in its own section below.

// ---- policy-domain

use web_support::{ApiError, ErrorItem, Flavor};

/// A policy rule refused the request: MOSIP's code(s), HTTP 200, no `metadata` key (the policy
/// manager's envelope has none). (A function, not `From`: both types are foreign to this crate.)
pub fn refused(e: policy_domain::PolicyError) -> ApiError {
    let items = e.errors().into_iter().map(|(code, message)| ErrorItem::new(code, message)).collect();
    let mut err = ApiError::business_many(items).flavor(Flavor::WithoutMetadata);
    if let policy_domain::PolicyError::SchemaUnreadable(detail) = &e {
        err.detail = Some(detail.clone());
    }
    err
}

/// `.refused()?` turns a policy rule's refusal into the answer.
pub trait Refused<T> {
    fn refused(self) -> Result<T, ApiError>;
}

impl<T> Refused<T> for Result<T, policy_domain::PolicyError> {
    fn refused(self) -> Result<T, ApiError> {
        self.map_err(refused)
    }
}

// ---- partner-domain
// Both `ApiError` and `PartnerError` are foreign to this crate, so the conversion is a function
// (the partner routes wrap it in their own `Failure` type, which `?` understands).

/// A partner rule that refused the request: its MOSIP code and message, HTTP 200.
pub fn partner_error(e: partner_domain::PartnerError) -> web_support::ApiError {
    web_support::ApiError::business(e.code(), e.to_string())
}

// ---- onboarding
// Both types are foreign to this crate: a function, and `.refuse()?` for results.

/// A sign-up or login rule refused the request: its code and message, HTTP 200 (internal
/// failures, such as a hashing fault, answer 500 without detail).
pub fn onboarding_refusal(e: partner_domain::onboarding::OnboardingError) -> web_support::ApiError {
    if e.is_internal() {
        web_support::ApiError::internal(e.to_string())
    } else {
        web_support::ApiError::business(e.code(), e.to_string())
    }
}

/// `.refuse()?` turns an onboarding rule's refusal into the answer.
pub trait RefuseOnboarding<T> {
    fn refuse(self) -> Result<T, web_support::ApiError>;
}

impl<T> RefuseOnboarding<T> for Result<T, partner_domain::onboarding::OnboardingError> {
    fn refuse(self) -> Result<T, web_support::ApiError> {
        self.map_err(onboarding_refusal)
    }
}

// ---- certificates

/// A certificate error as the API answers it: keymanager's or PMS's code, HTTP 200; a fault of
/// the service (key generation, encoding) is a 500 without internals.
pub fn certificate(e: partner_domain::certificate::CertificateError) -> web_support::ApiError {
    if e.is_business() {
        web_support::ApiError::business(e.code(), e.to_string())
    } else {
        web_support::ApiError::internal(e.to_string())
    }
}
