//! Device providers' and FTM providers' tables: device types and sub-types, device details,
//! secure biometric interfaces, their mapping, FTM chips. Rows convert to `device_domain` values;
//! updates write the whole row of a value read in the same transaction.

pub mod detail;
pub mod ftm;
pub mod ftm_paged;
pub mod mapping;
pub mod sbi;
pub mod types;

// MOSIP 1.2.2: SBI and device life cycle, paged lists

pub mod detail_paged;
pub mod owners;
pub mod sbi_history;
pub mod sbi_paged;
