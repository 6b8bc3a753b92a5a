//! Every business error of the partner manager, with MOSIP's code and message.

/// A rule of the partner manager refused the request. `code()` is MOSIP's error code; `Display`
/// is MOSIP's message (some codes carry different messages in MOSIP's two services, kept apart
/// here as different variants).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartnerError {
    // ---- registration and partner data (MOSIP's partner service)
    #[error("User not authorized.")]
    NotAuthorized,
    #[error("Invalid mobile number.Length should be less than .{max}")]
    InvalidPhone { max: usize },
    #[error("Invalid emailId.")]
    InvalidEmail,
    #[error("PartnerId should not have any spaces")]
    PartnerIdHasSpaces,
    #[error("PartnerId max length should be {max}")]
    PartnerIdTooLong { max: usize },
    #[error("Email is already exists.")]
    EmailTaken,
    #[error("Given langCode is not supported")]
    LanguageNotSupported,
    #[error("A Partner is already registered with the same Id")]
    PartnerIdTaken,
    #[error("Json is not valid")]
    InvalidJson,
    #[error("Partner Type does not exist")]
    PartnerTypeMissing,
    #[error("Policy group is Mandatory for {partner_type}")]
    PolicyGroupRequired { partner_type: String },
    #[error("Policy group does not exist")]
    PolicyGroupMissing,
    #[error("Policy group is not active.")]
    PolicyGroupInactive,
    #[error("Partner does not exist")]
    PartnerMissing,
    #[error("Partner is not active.")]
    PartnerInactive,
    #[error("Policy group cannot be updated for approved partner")]
    GroupChangeForActivePartner,
    #[error("policy group mapping is not required for given partner")]
    PolicyGroupNotRequired,
    #[error("Partner is not mapped to policy group")]
    PartnerNotInGroup,
    #[error("Policy not exists.")]
    PolicyNotFound,
    #[error("Given policy doesn't exists under partner's policy group.")]
    PolicyNotInGroup,
    #[error("Policy is not active.")]
    PolicyInactive,
    #[error("Policy expired.")]
    PolicyExpired,
    #[error("This policy is already pending for approval against your partner ID.")]
    RequestPending,
    #[error("This policy has already been approved against your partner ID.")]
    RequestAlreadyApprovedForPartner,
    #[error("No api key req exist")]
    NoApiKeyRequests,
    #[error("Partner policy mapping not exists.")]
    PolicyMappingMissing,
    #[error("Partner api key request is approved already. Cann't add extractors now.")]
    ExtractorsAfterApproval,
    #[error("No details found")]
    NoDetails,
    #[error("Credential mapping allowed only for :{allowed}")]
    CredentialPartnerTypeNotAllowed { allowed: String },
    #[error("Error occured while parsing policy string to json object")]
    PolicyJsonUnreadable,
    #[error("Given credential type is not allowed. Allowed credential types : {allowed}")]
    CredentialTypeNotAllowed { allowed: String },
    #[error(
        "Given credential type is not allowed. Credential type {credential_type} is already mapped to a policy for this partner."
    )]
    CredentialTypeAlreadyMapped { credential_type: String },
    // ---- admin and API keys (MOSIP's partner-manager service)
    #[error("Certficate is not uploaded for the given partner.Cannot activate the same.")]
    CertificateNotUploaded,
    #[error("Partner api key does not exist")]
    RequestNotFound,
    #[error("Policy request already approved.")]
    RequestAlreadyApproved,
    #[error("Policy request already rejected.")]
    RequestAlreadyRejected,
    #[error("Status should be either Approved or Rejected")]
    InvalidReviewStatus,
    #[error("Extractors are not present. Please add extractors.")]
    ExtractorsMissing,
    #[error("Status should be either Active or De-Active")]
    InvalidActivationStatus,
    #[error("Partner ID does not exist")]
    PartnerIdMissing,
    #[error("For given partner and apikey mapping not exists.")]
    ApiKeyNotMapped,
    #[error("Partner does not exist")]
    NoPartners,
    #[error("Policy does not exist{suffix}")]
    PolicyMissing { suffix: String },
    #[error("No Partner api key requests for the Policy Group")]
    NoPolicyRequests,
    #[error("Partner is not mapped to any policy.")]
    RequestPolicyMissing,
    #[error("Partner policy got expired.")]
    RequestPolicyExpired,
    #[error("Partner policy is not active.")]
    RequestPolicyInactive,
    #[error("Policy is not active.{policy_id}")]
    NewPolicyInactive { policy_id: String },
    #[error("Policy group not exists.")]
    RequestPolicyGroupMissing,
    #[error("Policy group is not active.")]
    RequestPolicyGroupInactive,
    #[error("Policy group is not active.{policy_id}")]
    NewPolicyGroupInactive { policy_id: String },
    #[error("Given apikey,partner and policy mapping not exists.")]
    ApiKeyPolicyMappingMissing,
    #[error("Given Partner api key is not active.")]
    ApiKeyInactive,
    #[error("Given policy is not mapped to partner")]
    PolicyNotApprovedForPartner,
    #[error("Given label already exists.Provide unique label.")]
    LabelTaken,
    #[error("API key not exists for the given combination")]
    ApiKeyNotFound,
    #[error("Json is not valid")]
    StoredJsonInvalid,
}

impl PartnerError {
    /// The length limit the message states (`PMS_PRT_013`, `PMS_PRT_052`).
    pub fn limit(&self) -> Option<i64> {
        match self {
            PartnerError::InvalidPhone { max } | PartnerError::PartnerIdTooLong { max } => i64::try_from(*max).ok(),
            _ => None,
        }
    }

    /// MOSIP's error code.
    pub fn code(&self) -> &'static str {
        use PartnerError::*;
        match self {
            NotAuthorized => "PMS_PRT_055",
            InvalidPhone { .. } => "PMS_PRT_013",
            InvalidEmail => "PMS_PRT_012",
            PartnerIdHasSpaces => "PMS_PRT_066",
            PartnerIdTooLong { .. } => "PMS_PRT_052",
            EmailTaken => "PMS_PRT_011",
            LanguageNotSupported => "PMS_PRT_056",
            PartnerIdTaken => "PMS_PRT_051",
            InvalidJson | StoredJsonInvalid => "PMS_PRT_096",
            PartnerTypeMissing => "PMS_PRT_010",
            PolicyGroupRequired { .. } | CertificateNotUploaded => "PMS_PRT_108",
            PolicyGroupMissing => "PMS_PRT_002",
            PolicyGroupInactive | RequestPolicyGroupInactive | NewPolicyGroupInactive { .. } => "PMS_PMP_023",
            PartnerMissing => "PMS_PRT_005",
            PartnerInactive => "PMS_PMP_016",
            GroupChangeForActivePartner => "PMS_PRT_050",
            PolicyGroupNotRequired => "PMS_PRT_048",
            PartnerNotInGroup => "PMS_PRT_047",
            PolicyNotFound => "PMS_PRT_073",
            PolicyNotInGroup => "PMS_PRT_098",
            PolicyInactive | RequestPolicyInactive | NewPolicyInactive { .. } => "PMS_PMP_019",
            PolicyExpired | RequestPolicyExpired => "PMS_PMP_018",
            RequestPending => "PMS_PRT_053",
            RequestAlreadyApprovedForPartner => "PMS_PRT_060",
            NoApiKeyRequests => "PMS_PRT_006",
            PolicyMappingMissing => "PMS_PRT_061",
            ExtractorsAfterApproval => "PMS_PRT_062",
            NoDetails => "PMS_PRT_064",
            CredentialPartnerTypeNotAllowed { .. } => "PMS_PRT_070",
            PolicyJsonUnreadable => "PMS_PRT_071",
            CredentialTypeNotAllowed { .. } | CredentialTypeAlreadyMapped { .. } => "PMS_PRT_072",
            RequestNotFound => "PMS_PMP_007",
            RequestAlreadyApproved => "PMS_PM_034",
            RequestAlreadyRejected => "PMS_PM_035",
            InvalidReviewStatus => "PMS_PM_045",
            ExtractorsMissing => "PMS_PM_051",
            InvalidActivationStatus => "PMS_PM_058",
            PartnerIdMissing => "PMS_PMP_005",
            ApiKeyNotMapped => "PMS_PMP_009",
            NoPartners => "PMS_PMP_013",
            PolicyMissing { .. } => "PMS_PMP_014",
            NoPolicyRequests => "PMS_PMP_015",
            RequestPolicyMissing => "PMS_PMP_017",
            RequestPolicyGroupMissing => "PMS_PMP_022",
            ApiKeyPolicyMappingMissing => "PMS_PMP_50",
            ApiKeyInactive => "PMS_PMS_022",
            PolicyNotApprovedForPartner => "PMS_PRT_109",
            LabelTaken => "PMS_PRT_110",
            ApiKeyNotFound => "PMS_PRT_111",
        }
    }

    /// True when the error says that a partner could not be found.
    pub fn is_partner_missing(&self) -> bool {
        matches!(self, PartnerError::PartnerMissing | PartnerError::PartnerIdMissing | PartnerError::NoPartners)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_messages_are_mosips() {
        assert_eq!(
            PartnerError::InvalidPhone { max: 16 }.to_string(),
            "Invalid mobile number.Length should be less than .16"
        );
        assert_eq!(PartnerError::InvalidPhone { max: 16 }.code(), "PMS_PRT_013");
        assert_eq!(
            PartnerError::PolicyGroupRequired { partner_type: "Auth_Partner".into() }.to_string(),
            "Policy group is Mandatory for Auth_Partner"
        );
        assert_eq!(PartnerError::PolicyMissing { suffix: "p9".into() }.to_string(), "Policy does not existp9");
        assert_eq!(PartnerError::ApiKeyPolicyMappingMissing.code(), "PMS_PMP_50");
        assert_eq!(PartnerError::ApiKeyInactive.code(), "PMS_PMS_022");
        assert_eq!(
            PartnerError::CertificateNotUploaded.code(),
            PartnerError::PolicyGroupRequired { partner_type: String::new() }.code()
        );
        assert!(PartnerError::PartnerIdMissing.is_partner_missing());
        assert!(!PartnerError::PolicyNotFound.is_partner_missing());
    }
}
