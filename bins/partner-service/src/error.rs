//! Domain errors of this service → `ApiError`: each domain error carries its MOSIP code and
//! message and becomes a business error (HTTP 200), as MOSIP answers. One `From` impl per domain,
//! each in its own section below.

// ---- policy-domain

// ---- partner-domain

// ---- certificates
