//! The MISP domain's errors: each variant is one MOSIP error (B114 numbering) with its exact message.

/// A request field that breaks a constraint (MOSIP's bean validation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name in the request, e.g. `emailId`.
    pub field: &'static str,
    /// Why, in bean-validation words, e.g. `must not be blank`.
    pub reason: String,
}

impl FieldError {
    pub fn new(field: &'static str, reason: impl Into<String>) -> Self {
        FieldError { field, reason: reason.into() }
    }
}

/// Everything a MISP operation can refuse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MispError {
    /// One or more fields break their constraints (`PMS_COR_001`).
    #[error("Invalid request parameter")]
    InvalidFields(Vec<FieldError>),
    #[error("Invalid email id.")]
    InvalidEmail,
    #[error("MISP already registred with name :  {0}")]
    NameTaken(String),
    #[error("MISP ID does not exist  {0}")]
    MispNotFound(String),
    #[error("MISP Partner does not exist")]
    PartnerNotFound,
    #[error("Given provider is not valid")]
    NotMispPartner,
    #[error("MISP License Key does not exists {0}")]
    KeyNotFound(String),
    /// A MISP without any licence key (download).
    #[error("MISP License Key does not exists")]
    NoKeys,
    #[error("MISP License key not associated to MISP ID  MISPID: {misp_id}, LicenseKey: {key}")]
    KeyNotOfMisp { misp_id: String, key: String },
    #[error("MISP Partner and License key combintaion not exists.")]
    PartnerKeyNotFound,
    #[error("No MISP details found")]
    NoMisps,
    #[error("Misp is not active.")]
    MispInactive,
    #[error("MISP partner is not active.")]
    PartnerInactive,
    #[error("Misp already {0}")]
    AlreadyInStatus(String),
    #[error("mispStatus either approved or rejected.")]
    BadDecision,
    #[error("mispStatus either Active or De-active.")]
    BadMispSwitch,
    #[error("mispLicenseKeyStatus either Active or De-active.")]
    BadKeySwitch,
    #[error("misp license is expired.Cannot activate the same.")]
    KeyExpired,
    #[error("misp is not yet approved.")]
    NotApproved,
    #[error("misp license all are inactive.")]
    NoActiveKey,
    #[error("License key exists for the given provider.")]
    LicenseExists,
    #[error("Policy not approved.")]
    PolicyNotApproved,
    #[error("Policy not exists.")]
    PolicyNotFound,
    #[error("Error Occur While Fetching Id")]
    IdFetch,
    #[error("Error Occur While Inserting Id")]
    IdInsert,
}

impl MispError {
    /// The MOSIP error code.
    pub fn code(&self) -> &'static str {
        use MispError::*;
        match self {
            InvalidFields(_) => "PMS_COR_001",
            InvalidEmail => "PMS_MSP_401",
            NameTaken(_) => "PMS_MSP_402",
            MispNotFound(_) | PartnerNotFound => "PMS_MSP_005",
            NotMispPartner => "PMS_MSP_009",
            KeyNotFound(_) | NoKeys => "PMS_MSP_406",
            KeyNotOfMisp { .. } | PartnerKeyNotFound => "PMS_MSP_408",
            NoMisps => "PMS_MSP_409",
            MispInactive | PartnerInactive => "PMS_MSP_405",
            AlreadyInStatus(_) => "PMS_MSP_404",
            BadDecision => "PMS_MSP_403",
            BadMispSwitch => "PMS_MSP_407",
            BadKeySwitch => "PMS_MSP_418",
            KeyExpired | NotApproved => "PMS_MSP_419",
            NoActiveKey => "PMS_MSP_413",
            LicenseExists => "PMS_MSP_416",
            PolicyNotApproved => "PMS_MSP_418",
            PolicyNotFound => "PMS_MSP_419",
            IdFetch => "PMP-MSP-001",
            IdInsert => "PMP-MSP-002",
        }
    }

    /// Shorthand for one field error.
    pub fn field(field: &'static str, reason: impl Into<String>) -> Self {
        MispError::InvalidFields(vec![FieldError::new(field, reason)])
    }
}

#[cfg(test)]
mod tests;
