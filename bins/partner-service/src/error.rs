//! Domain errors of this service → `ApiError` (MOSIP code and message, HTTP 200).
