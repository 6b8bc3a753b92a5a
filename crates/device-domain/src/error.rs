//! The device domain's errors: each variant is one MOSIP error with its code and message
//! (`DeviceDetailExceptionsConstant`, `SecureBiometricInterfaceConstant`,
//! `FoundationalTrustProviderErrorMessages`).

pub use crate::fields::FieldError;

/// Everything a device, SBI or FTM chip operation can refuse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeviceError {
    /// Fields that break their constraints (`PMS_COR_001`, one problem each).
    #[error("Invalid request parameter")]
    InvalidFields(Vec<FieldError>),
    #[error("Reg Device Sub Type Code not found in the list of Reg Device Sub Types")]
    SubTypeNotFound,
    #[error("This partner has been inactivated by Partner admin")]
    ProviderNotFound,
    #[error("Device Details already exists")]
    DetailExists,
    #[error("Device detail for id {0} does not exist")]
    DetailNotFound(String),
    #[error("ApprovalStatus should be Activate / De-activate")]
    DetailStatusCode,
    #[error("Device details for id {0} are not yet approved. Please provide approved details.")]
    DetailNotApproved(String),
    #[error("Device details for id {0} are rejected. Cann't use same details for mapping.")]
    DetailRejected(String),
    #[error("Secure Biometric Interface not found for the id {0}")]
    SbiNotFound(String),
    #[error("ApprovalStatus should be Activate / De-activate")]
    SbiStatusCode,
    #[error("ExpiryDate should be greaterthan/equal Today.")]
    ExpiryNotAfterToday,
    #[error("Device Details and SBI do not belongs to same provider.")]
    ProviderMismatch,
    #[error("Mapping not exists for given data.")]
    MappingNotFound,
    #[error("SBI for which device is being mapped is not approved")]
    SbiNotApproved,
    #[error("SBI details exists for given SBI Version. Multiple SBI with same SBI Version cannot be added.")]
    SbiExists,
    #[error("SBI for which device is being mapped is expired")]
    SbiExpired,
    #[error("The created date should be less than or equal to the current date.")]
    CreatedInFuture,
    #[error("Expiry date should not be greater than {0} years from today")]
    ExpiryTooFar(u32),
    #[error("Created date should not be less than {0} years from today")]
    CreatedTooOld(u32),
    #[error("The selected SBI has been already approved")]
    SbiAlreadyApproved,
    #[error("The selected SBI has been already rejected")]
    SbiAlreadyRejected,
    #[error("The FTP provider is either inactive or does not exist.")]
    FtmProviderNotFound,
    #[error("ftp chip id not exists.")]
    FtmChipNotFound,
    #[error("FTM Chip details already exists for the same make and model")]
    FtmChipExists,
    #[error("Certificate is not uploaded.")]
    FtmCertificateMissing,
    #[error("Ftp chip detail id and ftp provider id not mappped. ")]
    FtmChipOfOtherProvider,
    #[error(
        "The certificate can only be uploaded for FTM that is either pending certificate upload or has an approved status."
    )]
    FtmChipStatus,
    #[error("FTM chip is deactivated.")]
    FtmChipDeactivated,
    /// A provider acting for another provider's id (MOSIP 1.2.2's ownership check).
    #[error("Partner id is not associated with user.")]
    NotYourPartner,
    // ---- MOSIP 1.2.2's FTM chip endpoints (`ErrorCode`): deactivation, certificate data
    #[error("Request status should be De-Activate")]
    FtmDeactivateStatus,
    #[error("User Id does not exists.")]
    FtmUserWithoutPartner,
    #[error("FTM Details do not exists.")]
    FtmNotExists,
    #[error("FTM is not associated with user.")]
    FtmNotOfUser,
    #[error("Partner is not active.")]
    FtmPartnerInactive,
    #[error("The selected FTM is already deactivated.")]
    FtmAlreadyDeactivated,
    #[error("The selected FTM is not in an approved status.")]
    FtmNotApproved,
    #[error("The selected FTM must have a status of either pending_approval or approved.")]
    FtmCertificateStatus,
    #[error("Cannot download the certificate for a deactivated FTM")]
    FtmCertificateDeactivated,
}

impl DeviceError {
    /// The MOSIP error code.
    pub fn code(&self) -> &'static str {
        use DeviceError::*;
        match self {
            InvalidFields(_) => "PMS_COR_001",
            SubTypeNotFound => "PMS_AUT_001",
            ProviderNotFound => "PMS_AUT_002",
            DetailExists => "PMS_AUT_003",
            DetailNotFound(_) => "PMS_AUT_005",
            DetailStatusCode => "PMS_AUT_025",
            DetailNotApproved(_) => "PMS_AUT_027",
            DetailRejected(_) => "PMS_AUT_028",
            SbiNotFound(_) => "PMS_AUT_007",
            SbiStatusCode => "PMS_AUT_026",
            ExpiryNotAfterToday => "PMS_AUT_508",
            ProviderMismatch => "PMS_AUT_509",
            MappingNotFound => "PMS_AUT_510",
            SbiNotApproved => "PMS_AUT_511",
            SbiExists => "PMS_AUT_512",
            SbiExpired => "PMS_AUT_513",
            CreatedInFuture => "PMS_AUT_514",
            ExpiryTooFar(_) => "PMS_AUT_515",
            CreatedTooOld(_) => "PMS_AUT_516",
            SbiAlreadyApproved => "PMS_AUT_517",
            SbiAlreadyRejected => "PMS_AUT_518",
            FtmProviderNotFound => "PMP_AUT_030",
            FtmChipNotFound => "PMP_AUT_031",
            FtmChipExists => "PMP_AUT_032",
            FtmCertificateMissing => "PMP_AUT_033",
            FtmChipOfOtherProvider => "PMP_AUT_034",
            FtmChipStatus => "PMP_AUT_038",
            FtmChipDeactivated => "PMP_AUT_039",
            NotYourPartner => "PMS_DEVICE_ERROR_001",
            // ---- MOSIP 1.2.2's FTM chip endpoints
            FtmDeactivateStatus => "PMS_DEVICE_ERROR_026",
            FtmUserWithoutPartner => "PMS_CERTIFICATE_ERROR_002",
            FtmNotExists => "PMS_FTM_ERROR_005",
            FtmNotOfUser => "PMS_FTM_ERROR_006",
            FtmPartnerInactive => "PMS_PMP_016",
            FtmAlreadyDeactivated => "PMS_FTM_ERROR_007",
            FtmNotApproved => "PMS_FTM_ERROR_010",
            FtmCertificateStatus => "PMS_FTM_ERROR_008",
            FtmCertificateDeactivated => "PMS_FTM_ERROR_009",
        }
    }
}

impl From<Vec<FieldError>> for DeviceError {
    fn from(fields: Vec<FieldError>) -> Self {
        DeviceError::InvalidFields(fields)
    }
}
