//! The wire shapes: requests (every field optional, so that a missing one is a validation error)
//! and responses, with MOSIP's field names and Java's date-time renderings (`app_core::time`).

mod answers;
mod entities;
mod requests;

pub use answers::{KeyStatus, Message, Registered, StatusUpdated, Updated, Validated};
pub use entities::{
    Download, LicenseEntity11, LicenseEntity12, LicenseUniqueKey, MispEntity, MispWithLicenses, ProviderLicense,
};
pub use requests::{
    KeyStatusRequest, ProviderKeyRequest, ProviderRequest, RegisterRequest, StatusRequest, UpdateRequest,
    ValidateRequest,
};
