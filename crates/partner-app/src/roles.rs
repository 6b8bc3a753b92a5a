//! MOSIP's role sets (`mosip.role.pms.*`), as the endpoints check them.

pub const PARTNER_ADMIN: &str = "PARTNER_ADMIN";
pub const POLICYMANAGER: &str = "POLICYMANAGER";

/// Policy administration (POLADM).
pub const POLICY_ADMIN: &[&str] = &[PARTNER_ADMIN, POLICYMANAGER];

// ---- partner management (reference §4, §5)

pub const PARTNERMANAGER: &str = "PARTNERMANAGER";

/// MGR: partner managers (admin activation, request review, key re-mapping, key lookups).
pub const PARTNER_MANAGER: &[&str] = &[PARTNERMANAGER, PARTNER_ADMIN];

/// SELF10: partners acting on their own data (update, contacts).
pub const PARTNER_SELF: &[&str] = &[
    "PARTNER",
    "AUTH_PARTNER",
    "CREDENTIAL_PARTNER",
    PARTNER_ADMIN,
    "ONLINE_VERIFICATION_PARTNER",
    "DEVICE_PROVIDER",
    "FTM_PROVIDER",
    "ABIS_PARTNER",
    "MANUAL_ADJUDICATION",
    "MISP_PARTNER",
];

/// GETSELF: reading a partner.
pub const PARTNER_READ: &[&str] = &widen::<12>(PARTNER_SELF, &["RESIDENT", "SDK_PARTNER"]);

/// CRED: biometric extractors and credential-type mappings.
pub const CREDENTIAL: &[&str] = &[
    "PARTNER",
    "CREDENTIAL_PARTNER",
    PARTNER_ADMIN,
    "CREDENTIAL_ISSUANCE",
    "CREATE_SHARE",
    "ONLINE_VERIFICATION_PARTNER",
];

/// INTERNAL: the partner lists MOSIP's other services read.
pub const PARTNER_LIST: &[&str] = &[
    PARTNERMANAGER,
    PARTNER_ADMIN,
    "partnermanager",
    "ID_AUTHENTICATION",
    "REGISTRATION_PROCESSOR",
    "RESIDENT",
    "CREDENTIAL_ISSUANCE",
    "ID_REPOSITORY",
];

/// `putpartnerspolicygroup`.
pub const POLICY_GROUP_MAPPING: &[&str] =
    &["PARTNER", "PMS_USER", "AUTH_PARTNER", "CREDENTIAL_PARTNER", PARTNER_ADMIN, "ONLINE_VERIFICATION_PARTNER"];

/// `postpartnerspolicymap`.
pub const POLICY_MAPPING_REQUEST: &[&str] = &[
    "AUTH_PARTNER",
    "ABIS_PARTNER",
    "CREDENTIAL_PARTNER",
    "CREDENTIAL_ISSUANCE",
    "ONLINE_VERIFICATION_PARTNER",
    PARTNER_ADMIN,
];

/// `patchpartnersgenerateapikey` (no admin: a partner generates its own keys).
pub const API_KEY_GENERATION: &[&str] =
    &["AUTH_PARTNER", "ABIS_PARTNER", "CREDENTIAL_PARTNER", "CREDENTIAL_ISSUANCE", "ONLINE_VERIFICATION_PARTNER"];

/// `getpartnersapikeyrequest`.
pub const API_KEY_REQUESTS_OF_PARTNER: &[&str] =
    &["PARTNER", "AUTH_PARTNER", "ABIS_PARTNER", "CREDENTIAL_PARTNER", PARTNER_ADMIN, "ONLINE_VERIFICATION_PARTNER"];

/// `patchpartnerspolicyapikeystatus`.
pub const API_KEY_STATUS: &[&str] = &[
    PARTNERMANAGER,
    PARTNER_ADMIN,
    "AUTH_PARTNER",
    "CREDENTIAL_PARTNER",
    "CREDENTIAL_ISSUANCE",
    "ONLINE_VERIFICATION_PARTNER",
];

/// SRCH: partner-type search, partner filter values.
pub const SEARCH: &[&str] = &[
    "PARTNER",
    "PMS_USER",
    "AUTH_PARTNER",
    "DEVICE_PROVIDER",
    "FTM_PROVIDER",
    PARTNER_ADMIN,
    "CREDENTIAL_PARTNER",
    "ONLINE_VERIFICATION_PARTNER",
];

/// SRCH (+ `ABIS_PARTNER`, `SDK_PARTNER` for the partner search itself).
pub const PARTNER_SEARCH: &[&str] = &widen::<10>(SEARCH, &["ABIS_PARTNER", "SDK_PARTNER"]);

/// `postpartnersapikeyrequestfiltervalues`.
pub const API_KEY_REQUEST_FILTER: &[&str] =
    &["PARTNER", PARTNER_ADMIN, "AUTH_PARTNER", "CREDENTIAL_PARTNER", "ONLINE_VERIFICATION_PARTNER"];

/// AKSRCH: API-key request and API-key searches.
pub const API_KEY_SEARCH: &[&str] = &[
    "PARTNER",
    "PMS_USER",
    "AUTH_PARTNER",
    "ABIS_PARTNER",
    "CREDENTIAL_PARTNER",
    PARTNER_ADMIN,
    "ONLINE_VERIFICATION_PARTNER",
];

// ---- policy management (reference §9)

/// Policy-group search (`postpoliciesgroupsearch`).
pub const POLICY_GROUP_SEARCH: &[&str] = &[PARTNER_ADMIN, "AUTH_PARTNER", "CREDENTIAL_PARTNER", POLICYMANAGER];

/// Policy and policy-group filter values (`postpoliciesgroupfiltervalues`, `postpoliciesfiltervalues`).
pub const POLICY_FILTER: &[&str] = &[PARTNER_ADMIN, "PARTNER", "AUTH_PARTNER", "CREDENTIAL_PARTNER", POLICYMANAGER];

/// The active policies of a group (`getactivegroupgroupname`).
pub const ACTIVE_POLICIES: &[&str] = &[
    "AUTH_PARTNER",
    "CREDENTIAL_PARTNER",
    PARTNER_ADMIN,
    "ONLINE_VERIFICATION_PARTNER",
    "ABIS_PARTNER",
    "MANUAL_ADJUDICATION",
    POLICYMANAGER,
];

// ---- certificates

/// CA/sub-CA certificate upload (`postpartnerscacertificateupload`, MGR).
pub const CERT_CA_UPLOAD: &[&str] = &[PARTNERMANAGER, PARTNER_ADMIN];

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
pub const CERT_READ: &[&str] = &widen::<13>(CERT_UPLOAD, &["CREATE_SHARE"]);

// ---- OIDC clients (`getoauthpartnersclients`; the other client endpoints take any caller)

/// The paged list of OIDC clients.
pub const OAUTH_CLIENTS_LIST: &[&str] = &[PARTNER_ADMIN, "AUTH_PARTNER"];

/// `base` followed by `extra`, `N` roles in all (checked when compiling).
const fn widen<const N: usize>(base: &[&'static str], extra: &[&'static str]) -> [&'static str; N] {
    assert!(base.len() + extra.len() == N, "N is not the length of both role sets");
    let mut out = [""; N];
    let mut i = 0;
    while i < base.len() {
        out[i] = base[i];
        i += 1;
    }
    while i < N {
        out[i] = extra[i - base.len()];
        i += 1;
    }
    out
}

// ---- MOSIP 1.2.2 reads

/// The partner list for admins (`getadminpartners`).
pub const ADMIN_PARTNERS: &[&str] = &[PARTNER_ADMIN];

/// The partner policy requests (`getallpartnerpolicymappingrequests`).
pub const POLICY_REQUESTS: &[&str] = &[
    PARTNER_ADMIN,
    "AUTH_PARTNER",
    "ABIS_PARTNER",
    "SDK_PARTNER",
    "CREDENTIAL_PARTNER",
    "ONLINE_VERIFICATION_PARTNER",
];

/// The auth partners' API keys (`getpartnersapikeyrequests`).
pub const PARTNER_API_KEYS: &[&str] = &[PARTNER_ADMIN, "AUTH_PARTNER"];

/// The caller's own partners (`getpartnersv3`): the policy-request roles and the providers.
pub const PARTNERS_V3: &[&str] = &widen::<8>(POLICY_REQUESTS, &["DEVICE_PROVIDER", "FTM_PROVIDER"]);

/// The portal consent (`userconsent`): the partner roles and the policy manager.
pub const USER_CONSENT: &[&str] = &widen::<9>(PARTNERS_V3, &["POLICYMANAGER"]);
