//! Domain errors of this service → `ApiError`: each domain error carries its MOSIP code and
//! message and becomes a business error (HTTP 200), as MOSIP answers. One `From` impl per domain,
//! each in its own section below.

// ---- policy-domain

// ---- partner-domain
// Both `ApiError` and `PartnerError` are foreign to this crate, so the conversion is a function
// (the partner routes wrap it in their own `Failure` type, which `?` understands).

/// A partner rule that refused the request: its MOSIP code and message, HTTP 200.
pub fn partner_error(e: partner_domain::PartnerError) -> web_support::ApiError {
    web_support::ApiError::business(e.code(), e.to_string())
}

// ---- certificates
