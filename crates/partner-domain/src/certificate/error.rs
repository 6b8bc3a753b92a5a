//! The errors of the certificate flows: keymanager's codes (which MOSIP's PMS passes through
//! unchanged) and the PMS wrapper's own.

/// Why a certificate operation failed. `Display` is MOSIP's message, [`CertificateError::code`]
/// its code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CertificateError {
    /// KER-PCM-001: blank certificate data; CA bundle bytes that do not parse.
    #[error("Invalid Certificate uploaded.")]
    InvalidCertificate,
    /// KER-PCM-002: the PKCS#7 chain could not be built.
    #[error("Error in generating Certificate Thumbprint.")]
    Thumbprint,
    /// KER-PCM-003: one CA certificate, already in the domain's store.
    #[error("Certificate already exists in store.")]
    AlreadyExists,
    /// KER-PCM-004: not valid now, or (partner) too little validity left.
    #[error("Certificate Dates are not valid.")]
    DatesNotValid,
    /// KER-PCM-005: one CA certificate, not self-signed, with no path to the domain's roots.
    #[error("Root CA Certificate not found.")]
    RootCaNotFound,
    /// KER-PCM-006: partner certificate with no path to the domain's roots.
    #[error("Root CA/Intermediate CA Certificates not found.")]
    ChainNotFound,
    /// KER-PCM-007: partner certificate not X.509 v3.
    #[error("Certificate version not supported.")]
    VersionNotSupported,
    /// KER-PCM-008: the subject's O is missing or is not the partner's organisation name.
    #[error("Partner Organization Name not Matched.")]
    OrganizationMismatch,
    /// KER-PCM-010: blank certificate id.
    #[error("Invalid Partner Certificate ID.")]
    InvalidCertificateId,
    /// KER-PCM-011: domain not allowed.
    #[error("Invalid Partner Domain.")]
    InvalidDomain,
    /// KER-PCM-012: no partner certificate with that id.
    #[error("Partner Certificate not found for the given ID.")]
    CertificateIdNotFound,
    /// KER-PCM-013: RSA key below 2048 bits.
    #[error("Partner Certificate Key Size is less than allowed size.")]
    KeyTooSmall,
    /// KER-PCM-014: signature algorithm whose Java name does not start with SHA2.
    #[error("Partner Certificate Signature algorithm not supported.")]
    SignatureAlgorithm,
    /// KER-PCM-015: a self-signed partner certificate.
    #[error("Self Signed Certificate not allowed as partner.")]
    SelfSigned,
    /// KER-KMS-013: not a PEM certificate; the text after the message says why.
    #[error("Certificate Parsing Error.{0}")]
    Parsing(String),
    /// KER-CRY-003: CA data that is neither a PEM certificate nor URL-safe base64.
    #[error("data sent to decrypt is without key splitter or invalid")]
    NotBase64,
    /// PMS_PRT_005
    #[error("Partner does not exist")]
    PartnerNotFound,
    /// PMS_PMP_016
    #[error("Partner is not active.")]
    PartnerNotActive,
    /// PMS_PRT_010
    #[error("Partner Type does not exist")]
    PartnerTypeNotFound,
    /// PMS_PRT_054
    #[error("Policy group not mapped for given partner")]
    PolicyGroupNotMapped,
    /// PMS_PRT_108
    #[error("Certficate is not uploaded for the selected partner.")]
    NotUploaded,
    /// PMS_PRT_046
    #[error("Error occured while extracting the leaf cert.")]
    LeafExtraction,
    /// A fault of the service itself (key generation, encoding): not the caller's doing.
    #[error("{0}")]
    Internal(String),
}

impl CertificateError {
    /// MOSIP's error code.
    pub fn code(&self) -> &'static str {
        match self {
            CertificateError::InvalidCertificate => "KER-PCM-001",
            CertificateError::Thumbprint => "KER-PCM-002",
            CertificateError::AlreadyExists => "KER-PCM-003",
            CertificateError::DatesNotValid => "KER-PCM-004",
            CertificateError::RootCaNotFound => "KER-PCM-005",
            CertificateError::ChainNotFound => "KER-PCM-006",
            CertificateError::VersionNotSupported => "KER-PCM-007",
            CertificateError::OrganizationMismatch => "KER-PCM-008",
            CertificateError::InvalidCertificateId => "KER-PCM-010",
            CertificateError::InvalidDomain => "KER-PCM-011",
            CertificateError::CertificateIdNotFound => "KER-PCM-012",
            CertificateError::KeyTooSmall => "KER-PCM-013",
            CertificateError::SignatureAlgorithm => "KER-PCM-014",
            CertificateError::SelfSigned => "KER-PCM-015",
            CertificateError::Parsing(_) => "KER-KMS-013",
            CertificateError::NotBase64 => "KER-CRY-003",
            CertificateError::PartnerNotFound => "PMS_PRT_005",
            CertificateError::PartnerNotActive => "PMS_PMP_016",
            CertificateError::PartnerTypeNotFound => "PMS_PRT_010",
            CertificateError::PolicyGroupNotMapped => "PMS_PRT_054",
            CertificateError::NotUploaded => "PMS_PRT_108",
            CertificateError::LeafExtraction => "PMS_PRT_046",
            CertificateError::Internal(_) => "PMS_COR_003",
        }
    }

    /// The caller's mistake (a business error), not a fault of the service.
    pub fn is_business(&self) -> bool {
        !matches!(self, CertificateError::Internal(_))
    }
}
