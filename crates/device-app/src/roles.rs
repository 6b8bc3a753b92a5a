//! MOSIP's role sets of the device endpoints (`mosip.role.pms.*devicedetail*`,
//! `*securebiometricinterface*`, `*ftpchipdetail*`).

pub const PARTNER_ADMIN: &str = "PARTNER_ADMIN";
pub const DEVICE_PROVIDER: &str = "DEVICE_PROVIDER";
pub const FTM_PROVIDER: &str = "FTM_PROVIDER";

/// Creating, updating, searching device details and SBIs, and mapping them.
pub const DEVICE_PROVIDERS: &[&str] = &[PARTNER_ADMIN, DEVICE_PROVIDER, FTM_PROVIDER];
/// Approving or rejecting device details, SBIs and FTM chips.
pub const APPROVERS: &[&str] = &[PARTNER_ADMIN];
/// FTM chips: create, update, upload the certificate, read it.
pub const FTM_PROVIDERS: &[&str] = &[PARTNER_ADMIN, FTM_PROVIDER];

// ---- MOSIP 1.2.2 (`getsbidetails`, `postadddevicetosbi`, `patchdeactivatesbi`,
// `patchdeactivatedevice`, `getallsbidetails`); the approval with the SBI mapping and the
// device list are `APPROVERS`'.
/// The 1.2.2 SBI and device operations of device providers.
pub const DEVICE_PROVIDERS_V2: &[&str] = &[DEVICE_PROVIDER, PARTNER_ADMIN];
