//! Domain errors of this service → `ApiError`: each domain error carries its MOSIP code and
//! message and becomes a business error (HTTP 200), as MOSIP answers. One `From` impl per domain,
//! each in its own section below.

// ---- policy-domain

// ---- partner-domain

// ---- certificates

use partner_domain::certificate::CertificateError;
use web_support::ApiError;

/// A certificate error as the API answers it: keymanager's or PMS's code, HTTP 200; a fault of
/// the service (key generation, encoding) is a 500 without internals.
pub fn certificate(e: CertificateError) -> ApiError {
    if e.is_business() { ApiError::business(e.code(), e.to_string()) } else { ApiError::internal(e.to_string()) }
}
