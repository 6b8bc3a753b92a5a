//! Policy types and the JSON schema each is validated against.

use crate::error::PolicyError;

/// MOSIP's policy types (`pmp.allowed.policy.types`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display, strum::AsRefStr)]
pub enum PolicyType {
    Auth,
    DataShare,
    CredentialIssuance,
    #[strum(serialize = "MISP")]
    Misp,
}

impl PolicyType {
    pub const ALL: [PolicyType; 4] =
        [PolicyType::Auth, PolicyType::DataShare, PolicyType::CredentialIssuance, PolicyType::Misp];

    /// A known type, matched without regard to case (`datashare` is `DataShare`).
    pub fn parse(s: &str) -> Option<PolicyType> {
        let s = s.trim();
        PolicyType::ALL.into_iter().find(|t| t.as_ref().eq_ignore_ascii_case(s))
    }

    /// A type of `allowed`; anything else is `PMS_POL_023`.
    pub fn parse_allowed(s: &str, allowed: &[PolicyType]) -> Result<PolicyType, PolicyError> {
        PolicyType::parse(s).filter(|t| allowed.contains(t)).ok_or(PolicyError::TypeNotAllowed)
    }

    /// The schema file MOSIP's configuration names for this type (`pmp.<type>.policy.schema`).
    pub fn schema_file(self) -> &'static str {
        match self {
            PolicyType::Auth => "auth-policy-schema.json",
            PolicyType::DataShare | PolicyType::CredentialIssuance => "data-share-policy-schema.json",
            PolicyType::Misp => "misp-policy-schema.json",
        }
    }

    /// The schema this project ships for the type.
    pub fn builtin_schema(self) -> &'static str {
        match self {
            PolicyType::Auth => include_str!("../schemas/auth-policy-schema.json"),
            PolicyType::DataShare | PolicyType::CredentialIssuance => {
                include_str!("../schemas/data-share-policy-schema.json")
            }
            PolicyType::Misp => include_str!("../schemas/misp-policy-schema.json"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_parse_without_regard_to_case() {
        assert_eq!(PolicyType::parse("datashare"), Some(PolicyType::DataShare));
        assert_eq!(PolicyType::parse("AUTH"), Some(PolicyType::Auth));
        assert_eq!(PolicyType::parse("misp"), Some(PolicyType::Misp));
        assert_eq!(PolicyType::parse("CredentialIssuance"), Some(PolicyType::CredentialIssuance));
        assert_eq!(PolicyType::parse("abcd"), None);
        assert_eq!(PolicyType::Misp.to_string(), "MISP");
    }

    #[test]
    fn only_allowed_types_pass() {
        let allowed = [PolicyType::Auth];
        assert_eq!(PolicyType::parse_allowed("auth", &allowed), Ok(PolicyType::Auth));
        assert_eq!(PolicyType::parse_allowed("DataShare", &allowed), Err(PolicyError::TypeNotAllowed));
        assert_eq!(PolicyType::parse_allowed("", &PolicyType::ALL), Err(PolicyError::TypeNotAllowed));
    }

    #[test]
    fn data_share_and_credential_issuance_share_a_schema() {
        assert_eq!(PolicyType::DataShare.schema_file(), PolicyType::CredentialIssuance.schema_file());
        assert_eq!(PolicyType::Misp.schema_file(), "misp-policy-schema.json");
    }
}
