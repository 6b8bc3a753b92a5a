//! `PolicyError`: every way a policy operation can be refused, each with MOSIP's code and message.

use std::fmt;

/// A request field that breaks a constraint (MOSIP's bean validation, `PMS_COR_001`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's path below `request`, e.g. `name`.
    pub field: String,
    /// Why, in bean-validation words, e.g. `must not be blank`.
    pub reason: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> Self {
        FieldError { field: field.into(), reason: reason.into() }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Invalid request parameter - {} :request.{}", self.reason, self.field)
    }
}

/// One place where a policy document breaks its type's JSON schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// `PMS_PV_006` (a required property is missing) or `PMS_PV_005` (anything else).
    pub code: &'static str,
    pub message: String,
}

pub const MISSING_IN_POLICY: &str = "PMS_PV_006";
pub const INVALID_IN_POLICY: &str = "PMS_PV_005";

/// Every refusal of the policy domain.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// `PMS_COR_001`: fields break their constraints (all of them, first one first).
    #[error("{}", join(.0))]
    InvalidFields(Vec<FieldError>),
    /// `PMS_COR_003`: a value MOSIP cannot process without it (MOSIP fails with a null pointer).
    #[error("Could not process the request")]
    Unprocessable { field: &'static str },
    /// `PMS_COR_002`: a client-chosen policy id that is taken.
    #[error("Invalid Input Parameter - policyId already exists : {0}")]
    PolicyIdTaken(String),
    #[error("Policy ID does not exist")]
    PolicyNotFound,
    /// A policy group id that does not exist, on a group update (MOSIP answers with a policy code).
    #[error("Policy group ID does not exist")]
    GroupToUpdateNotFound,
    #[error("Auth policy exists with name : {0}")]
    PolicyNameTaken(String),
    #[error("Policy group exists with name : {0}")]
    GroupNameTaken(String),
    #[error("Policy group and policy not mapped.")]
    NotMapped,
    #[error("Policy Group ID does not exist")]
    GroupNotFound,
    #[error("No policy available for given partner")]
    NoPolicyForPartner,
    #[error("Policy group name does not exist")]
    GroupNameNotFound,
    #[error("Can not publish the published policy")]
    AlreadyPublished,
    #[error("Given policy type is not allowed ")]
    TypeNotAllowed,
    #[error("Policy Status either Active or De-active.")]
    BadStatus,
    #[error("Error occured while parsing policy string to json object")]
    StoredPolicyUnreadable,
    #[error("Policy group is not active.")]
    GroupInactive,
    #[error("Cannot activate unpublished policy.")]
    CannotActivateDraft,
    #[error("Published policy cannot be updated.")]
    PublishedImmutable,
    #[error("Active policies exists under the policy group.")]
    ActivePoliciesInGroup,
    #[error("Active apiKey exists under the policy.")]
    ActiveApiKeys,
    #[error("Status cannot be changed for published policy.")]
    PublishedStatusFixed,
    /// `PMS_PV_001`: the schema is not JSON, lacks `$schema`/`type`, or does not compile.
    #[error("Failed to read schema")]
    SchemaUnreadable(String),
    /// `PMS_PV_004`: no schema is configured for the policy's type.
    #[error("Invalid policy schema")]
    SchemaMissing,
    /// `PMS_PV_006`/`PMS_PV_005`: the policy breaks its schema (every violation, MOSIP's first).
    #[error("{}", .0.first().map(|v| v.message.as_str()).unwrap_or("Policy Object validation failed"))]
    SchemaViolations(Vec<Violation>),
    // ---- MOSIP 1.2.2: the policy-group list and deactivation
    #[error("There are no active policy groups.")]
    NoActiveGroups,
    #[error("Request status should be De-Activate")]
    NotDeactivateStatus,
    #[error("The specified policy does not exist.")]
    PolicyToDeactivateNotFound,
    #[error("The selected policy is not in activated status")]
    PolicyNotActivated,
    #[error("The policy has already been deactivated.")]
    PolicyAlreadyDeactivated,
    #[error("An approved partner policy request is associated with this policy.")]
    ApprovedRequestsUsePolicy,
    #[error("A pending partner policy request is associated with this policy.")]
    PendingRequestsUsePolicy,
    #[error("The specified policy group does not exist")]
    GroupToDeactivateNotFound,
    #[error("The policy group has already been deactivated")]
    GroupAlreadyDeactivated,
    #[error("Active or draft policies are associated with the policy group")]
    ActiveAndDraftPoliciesInGroup,
    #[error("Draft policies exists under the policy group.")]
    DraftPoliciesInGroup,
}

fn join(fields: &[FieldError]) -> String {
    fields.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

impl PolicyError {
    /// MOSIP's error code (of the first error when there are several).
    pub fn code(&self) -> &'static str {
        use PolicyError as E;
        match self {
            E::InvalidFields(_) => "PMS_COR_001",
            E::Unprocessable { .. } => "PMS_COR_003",
            E::PolicyIdTaken(_) => "PMS_COR_002",
            E::PolicyNotFound | E::GroupToUpdateNotFound => "PMS_POL_008",
            E::PolicyNameTaken(_) => "PMS_POL_009",
            E::GroupNameTaken(_) => "PMS_POL_014",
            E::NotMapped => "PMS_POL_015",
            E::GroupNotFound => "PMS_POL_016",
            E::NoPolicyForPartner => "PMS_POL_017",
            E::GroupNameNotFound => "PMS_POL_019",
            E::AlreadyPublished => "PMS_POL_020",
            E::TypeNotAllowed => "PMS_POL_023",
            E::BadStatus => "PMS_POL_045",
            E::StoredPolicyUnreadable => "PMS_POL_052",
            E::GroupInactive => "PMS_POL_053",
            E::CannotActivateDraft => "PMS_POL_054",
            E::PublishedImmutable => "PMS_POL_055",
            E::ActivePoliciesInGroup => "PMS_POL_056",
            E::ActiveApiKeys => "PMS_POL_057",
            E::PublishedStatusFixed => "PMS_POL_058",
            E::SchemaUnreadable(_) => "PMS_PV_001",
            E::SchemaMissing => "PMS_PV_004",
            E::SchemaViolations(v) => v.first().map_or(INVALID_IN_POLICY, |v| v.code),
            E::NoActiveGroups => "PMS_POL_059",
            E::PolicyAlreadyDeactivated => "PMS_POL_062",
            E::ApprovedRequestsUsePolicy => "PMS_POL_063",
            E::PendingRequestsUsePolicy => "PMS_POL_064",
            E::PolicyToDeactivateNotFound => "PMS_POL_065",
            E::GroupAlreadyDeactivated => "PMS_POL_067",
            E::GroupToDeactivateNotFound => "PMS_POL_068",
            E::ActiveAndDraftPoliciesInGroup => "PMS_POL_069",
            E::DraftPoliciesInGroup => "PMS_POL_070",
            E::PolicyNotActivated => "PMS_POL_072",
            E::NotDeactivateStatus => "PMS_POL_073",
        }
    }

    /// Every `(code, message)` of the answer, MOSIP's one first.
    pub fn errors(&self) -> Vec<(&'static str, String)> {
        match self {
            PolicyError::InvalidFields(fields) => fields.iter().map(|f| ("PMS_COR_001", f.to_string())).collect(),
            PolicyError::Unprocessable { field } => vec![
                ("PMS_COR_003", self.to_string()),
                ("PMS_COR_001", FieldError::new(*field, "must not be null").to_string()),
            ],
            PolicyError::SchemaViolations(v) if !v.is_empty() => {
                v.iter().map(|v| (v.code, v.message.clone())).collect()
            }
            other => vec![(other.code(), other.to_string())],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_messages_are_mosips() {
        assert_eq!(PolicyError::GroupNameTaken("g".into()).to_string(), "Policy group exists with name : g");
        assert_eq!(PolicyError::GroupNameTaken("g".into()).code(), "PMS_POL_014");
        assert_eq!(PolicyError::PolicyNameTaken("p".into()).to_string(), "Auth policy exists with name : p");
        assert_eq!(PolicyError::GroupToUpdateNotFound.code(), "PMS_POL_008");
        assert_eq!(PolicyError::TypeNotAllowed.code(), "PMS_POL_023");
        assert_eq!(PolicyError::PublishedStatusFixed.code(), "PMS_POL_058");
    }

    #[test]
    fn field_errors_read_like_bean_validation() {
        let e = PolicyError::InvalidFields(vec![
            FieldError::new("name", "must not be blank"),
            FieldError::new("desc", "must not be blank"),
        ]);
        assert_eq!(e.code(), "PMS_COR_001");
        let errors = e.errors();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].1, "Invalid request parameter - must not be blank :request.name");
    }

    #[test]
    fn unprocessable_answers_mosips_code_then_the_field() {
        let errors = PolicyError::Unprocessable { field: "isActive" }.errors();
        assert_eq!(errors[0].0, "PMS_COR_003");
        assert_eq!(errors[1], ("PMS_COR_001", "Invalid request parameter - must not be null :request.isActive".into()));
    }

    #[test]
    fn schema_violations_lead_with_the_first() {
        let e = PolicyError::SchemaViolations(vec![
            Violation { code: MISSING_IN_POLICY, message: "a".into() },
            Violation { code: INVALID_IN_POLICY, message: "b".into() },
        ]);
        assert_eq!(e.code(), "PMS_PV_006");
        assert_eq!(e.errors().len(), 2);
        assert_eq!(PolicyError::SchemaViolations(Vec::new()).code(), "PMS_PV_005");
    }
}
