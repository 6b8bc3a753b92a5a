//! MOSIP's device-provider and FTM-provider operations (`/devicedetail`,
//! `/securebiometricinterface`, `/ftpchipdetail`), one synchronous function per operation over an
//! `app_core::Store`: rules from `device_domain`, rows from `persistence::repo::device`, audit
//! records with MOSIP's device ids (`AUT-0xx`).

pub mod details;
pub mod dto;
pub mod ftm;
pub mod ftm_certificate;
// MOSIP 1.2.2's FTM chip endpoints
pub mod ftm_v2;
mod provider;
pub mod roles;
pub mod sbis;
pub mod search;
pub mod settings;

// MOSIP 1.2.2: SBI and device life cycle, paged lists
pub mod detail_lifecycle;
mod owners;
pub mod paged;
pub mod sbi_devices;

pub use settings::{DeviceConfig, DeviceSettings};
