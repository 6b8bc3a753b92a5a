//! OIDC clients of eSignet's relying parties (MOSIP's `ClientManagementController`): the public
//! key as a JWK and the client id MOSIP derives from it, the request fields and their limits,
//! the user claims and authentication context references a policy allows, and the status rules.
//! Pure: values in, decisions out; storage and the eSignet call live elsewhere.

pub mod claims;
pub mod error;
pub mod fields;
pub mod jwk;
pub mod list;
pub mod status;
mod uri;

pub use error::{FieldViolation, OidcError};
pub use jwk::{ClientKey, client_id_of};
pub use status::ClientStatus;
pub use uri::{is_absolute_url, is_redirect_uri};
