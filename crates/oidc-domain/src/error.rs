//! What an OIDC client operation refuses, each with MOSIP's code and message.

/// A request field that breaks a constraint (MOSIP's bean validation, `PMS_COR_001`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldViolation {
    /// The field's path below `request`, e.g. `redirectUris[0]`.
    pub field: String,
    pub reason: String,
}

impl FieldViolation {
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> Self {
        FieldViolation { field: field.into(), reason: reason.into() }
    }
}

/// Everything an OIDC client operation can refuse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OidcError {
    /// One or more fields break their constraints, first one first.
    #[error("Invalid request parameter")]
    InvalidFields(Vec<FieldViolation>),
    #[error("OIDC client related features are not available in the current deployment.")]
    FeatureDisabled,
    #[error("Client public key already exists.")]
    DuplicateClient,
    #[error("Partner policy mapping is not approved. Please check mapping status.")]
    PolicyNotApproved,
    #[error("Policy having mandatory auths. So client can't be created for the same.")]
    PolicyHasMandatoryAuths,
    #[error("Client not exists with given id.")]
    ClientNotFound,
    #[error("Partner has no user claims")]
    NoUserClaims,
    #[error("Partner has no Authentication Context Refrences")]
    NoAcrValues,
    #[error("Failed to process the Public Key")]
    BadPublicKey,
    #[error("Client already deactivated.")]
    ClientDeactivated,
    #[error("Policy Type Mismatch. Only Auth policy can be used to create OIDC Client.")]
    PolicyTypeMismatch,
    #[error("AuthPartner doesn't exists with this Id - {0}.")]
    PartnerNotFound(String),
    #[error("Only Auth_partner can Create OIDC Client. {0} is not allowed to create OIDC Client.")]
    NotAuthPartner(String),
    #[error("Partner policy mapping not exists.")]
    MappingMissing,
    #[error("Policy not exists.")]
    PolicyNotFound,
    #[error("Partner is not active.")]
    PartnerInactive,
    #[error("User Id does not exists.")]
    UserHasNoPartner,
    #[error("The given partner ID does not belong to the user.So unable to create OIDC client")]
    NotOwnedCreate,
    #[error("The given partner ID does not belong to the user.So unable to update OIDC client details")]
    NotOwnedUpdate,
    #[error("The given partner ID does not belong to the user.So unable to get OIDC client details")]
    NotOwnedGet,
    // ---- the paged list
    #[error("Invalid Sorting request: 'sortType' and 'sortFieldName' must be specified together.")]
    SortHalfGiven,
    #[error("Invalid pagination request: 'pageNo' and 'pageSize' must be specified together.")]
    PageHalfGiven,
    #[error("Please provide pagination parameters ('pageNo' and 'pageSize') when requesting sorted data.")]
    SortWithoutPage,
    #[error("Invalid sort field {0}")]
    BadSortField(String),
    #[error("Sort type {0} is not supported")]
    BadSortType(String),
    #[error("Invalid Page No")]
    BadPageNo,
    #[error("Invalid page size")]
    BadPageSize,
    #[error("Policy Group Id is empty.")]
    PolicyGroupIdEmpty,
    #[error("Policy Group does not exists.")]
    PolicyGroupMissing,
}

impl OidcError {
    /// MOSIP's error code.
    pub fn code(&self) -> &'static str {
        use OidcError as E;
        match self {
            E::InvalidFields(_) => "PMS_COR_001",
            E::FeatureDisabled => "PMS_FEATURE_002",
            E::DuplicateClient => "PMS_ESI_001",
            E::PolicyNotApproved => "PMS_ESI_002",
            E::PolicyHasMandatoryAuths => "PMS_ESI_003",
            E::ClientNotFound => "PMS_ESI_004",
            E::NoUserClaims => "PMS_ESI_005",
            E::NoAcrValues => "PMS_ESI_006",
            E::BadPublicKey => "PMS_ESI_007",
            E::ClientDeactivated => "PMS_ESI_008",
            E::PolicyTypeMismatch => "PMS_PRT_057",
            E::PartnerNotFound(_) => "PMS_PRT_058",
            E::NotAuthPartner(_) => "PMS_PRT_059",
            E::MappingMissing => "PMS_PRT_061",
            E::PolicyNotFound => "PMS_PRT_073",
            E::PartnerInactive => "PMS_PMP_016",
            E::UserHasNoPartner => "PMS_CERTIFICATE_ERROR_002",
            E::NotOwnedCreate => "PMS_POLICY_ERROR_009",
            E::NotOwnedUpdate => "PMS_POLICY_ERROR_010",
            E::NotOwnedGet => "PMS_POLICY_ERROR_011",
            E::SortHalfGiven => "PMS_PS_ERROR_007",
            E::PageHalfGiven => "PMS_PS_ERROR_006",
            E::SortWithoutPage => "PMS_PS_ERROR_008",
            E::BadSortField(_) => "PMS_PRT_357",
            E::BadSortType(_) => "PMS_PRT_358",
            E::BadPageNo => "PMS_PRT_360",
            E::BadPageSize => "PMS_PRT_361",
            E::PolicyGroupIdEmpty => "PMS_POLICY_ERROR_005",
            E::PolicyGroupMissing => "PMS_POLICY_ERROR_001",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_messages_are_mosips() {
        assert_eq!(OidcError::DuplicateClient.code(), "PMS_ESI_001");
        assert_eq!(
            OidcError::PartnerNotFound("p1".into()).to_string(),
            "AuthPartner doesn't exists with this Id - p1."
        );
        assert_eq!(OidcError::NotAuthPartner("Device_Provider".into()).code(), "PMS_PRT_059");
        assert_eq!(OidcError::NotOwnedGet.code(), "PMS_POLICY_ERROR_011");
        assert_eq!(OidcError::ClientDeactivated.to_string(), "Client already deactivated.");
    }
}
