//! Device providers register secure biometric interfaces (SBI) and device details (make and
//! model of a device type and sub-type) and have them approved; FTM providers register FTM chips
//! and have their certificates re-signed. This crate holds the values and MOSIP's rules; no I/O,
//! no clock (callers pass `now`).

pub mod detail;
pub mod error;
pub mod fields;
pub mod ftm;
pub mod ids;
// MOSIP 1.2.2's SBI and device life cycle (add to SBI, approval with mapping, deactivation)
pub mod lifecycle;
pub mod mapping;
pub mod sbi;
pub mod status;
#[cfg(test)]
mod testing;

pub use detail::{DeviceDetail, DeviceDetailInput, DeviceSubType, DeviceType};
pub use error::{DeviceError, FieldError};
pub use ftm::{FtmChip, FtmChipInput};
pub use ids::{DeviceDetailId, FtmChipId, ProviderId, SbiId};
pub use mapping::SbiDeviceMapping;
pub use sbi::{Sbi, SbiDates, SbiInput, SbiLimits};
pub use status::Decision;
// MOSIP 1.2.2's SBI and device life cycle
pub use lifecycle::{LifecycleError, MappingApproval};
