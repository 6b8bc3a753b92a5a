//! MOSIP's role sets (`mosip.role.pms.*`), as the endpoints check them.

pub const PARTNER_ADMIN: &str = "PARTNER_ADMIN";
pub const POLICYMANAGER: &str = "POLICYMANAGER";

/// Policy administration (POLADM).
pub const POLICY_ADMIN: &[&str] = &[PARTNER_ADMIN, POLICYMANAGER];

// ---- certificates

/// CA/sub-CA certificate upload (`postpartnerscacertificateupload`, MGR).
pub const CERT_CA_UPLOAD: &[&str] = &["PARTNERMANAGER", PARTNER_ADMIN];

/// Partner certificate upload (`postpartnerscertificateupload`, CERTUP).
pub const CERT_UPLOAD: &[&str] = &[
    "PARTNER",
    "PMS_USER",
    "AUTH_PARTNER",
    "ABIS_PARTNER",
    "SDK_PARTNER",
    "DEVICE_PROVIDER",
    "FTM_PROVIDER",
    "CREDENTIAL_PARTNER",
    "CREDENTIAL_ISSUANCE",
    "ID_AUTHENTICATION",
    PARTNER_ADMIN,
    "ONLINE_VERIFICATION_PARTNER",
];

/// Partner certificate read (`getpartnerscertificate`, CERTUP + CREATE_SHARE).
pub const CERT_READ: &[&str] = &[
    "PARTNER",
    "PMS_USER",
    "AUTH_PARTNER",
    "ABIS_PARTNER",
    "SDK_PARTNER",
    "DEVICE_PROVIDER",
    "FTM_PROVIDER",
    "CREDENTIAL_PARTNER",
    "CREDENTIAL_ISSUANCE",
    "ID_AUTHENTICATION",
    PARTNER_ADMIN,
    "ONLINE_VERIFICATION_PARTNER",
    "CREATE_SHARE",
];
