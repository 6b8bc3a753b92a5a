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

// ---- certificates
