//! The device tables as MOSIP's entities name their fields (`RegistrationDeviceType`,
//! `RegistrationDeviceSubType`, `DeviceDetail`, `SecureBiometricInterface`, `FTPChipDetail`).

use super::*;

entity!(device_type, reg_device_type, key: code, code: code, audited [
    "code" => code: Text,
    "name" => name: Text,
    "desciption" => descr: Text,
    "description" => descr: Text,
    "isActive" => is_active: Bool,
]);

entity!(device_sub_type, reg_device_sub_type, key: id, code: code, audited [
    "code" => code: Text,
    "deviceType" => dtyp_code: Text,
    "deviceTypeCode" => dtyp_code: Text,
    "name" => name: Text,
    "desciption" => descr: Text,
    "description" => descr: Text,
    "isActive" => is_active: Bool,
]);

entity!(device_detail, device_detail, key: id, code: id, audited [
    "id" => id: Text,
    "deviceProviderId" => dprovider_id: Text,
    "deviceTypeCode" => dtype_code: Text,
    "deviceSubTypeCode" => dstype_code: Text,
    "make" => make: Text,
    "model" => model: Text,
    "partnerOrganizationName" => partner_org_name: Text,
    "approvalStatus" => approval_status: Text,
    "isActive" => is_active: Bool,
]);

entity!(sbi, secure_biometric_interface, key: id, code: id, audited [
    "id" => id: Text,
    "swBinaryHash" => sw_binary_hash: Text,
    "swVersion" => sw_version: Text,
    "swCreateDateTime" => sw_cr_dtimes: Time,
    "swExpiryDateTime" => sw_expiry_dtimes: Time,
    "approvalStatus" => approval_status: Text,
    "isActive" => is_active: Bool,
    "providerId" => provider_id: Text,
    "partnerOrgName" => partner_org_name: Text,
]);

entity!(ftm_chip, ftp_chip_detail, key: id, code: id, audited [
    "ftpChipDetailId" => id: Text,
    "ftpProviderId" => foundational_trust_provider_id: Text,
    "make" => make: Text,
    "model" => model: Text,
    "certificateAlias" => certificate_alias: Text,
    "partnerOrganizationName" => partner_org_name: Text,
    "approvalStatus" => approval_status: Text,
    "isActive" => is_active: Bool,
]);

// MOSIP's `DeviceDetailSBI` (the deprecated mapping search); key the generated
// `<deviceDetailId>/<sbiId>`
entity!(sbi_mapping, device_detail_sbi, key: id, code: id, audited [
    "deviceDetailId" => device_detail_id: Text,
    "sbiId" => sbi_id: Text,
    "providerId" => dprovider_id: Text,
    "partnerName" => partner_org_name: Text,
    "isActive" => is_active: Bool,
]);
