//! MISPs (MOSIP 1.1 infrastructure service providers) and licence keys (also those of MOSIP 1.2's
//! MISP partners): value types, lifecycle rules and key generation. Pure: no I/O, no clock reads
//! (`now` is passed in), randomness comes from the caller's CSPRNG.

pub mod email;
pub mod error;
pub mod ids;
pub mod license;
pub mod misp;

pub use email::is_valid_email;
pub use error::{FieldError, MispError};
pub use ids::{LicenseKey, MispId};
pub use license::{
    Answer, Cascade, DownloadPlan, Holder, HolderKind, KeyCheck, KeyPolicy, License, Verdict, cascade, check_key,
    may_switch_key, plan_download,
};
pub use misp::{Decision, Details, DetailsInput, Misp, RegistrationStatus, Switch, required_field};
