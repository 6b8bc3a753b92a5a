//! Credential-type mappings (`partner_policy_credential_type`, P17/P18): which policy a
//! credential partner uses for a credential type.

use crate::PartnerError;

/// The credential type must be one of the configured ones, in any case (`PMS_PRT_072`).
pub fn check_credential_type(credential_type: &str, allowed: &[String]) -> Result<(), PartnerError> {
    if allowed.iter().any(|t| t.eq_ignore_ascii_case(credential_type)) {
        Ok(())
    } else {
        Err(PartnerError::CredentialTypeNotAllowed { allowed: allowed.join(",") })
    }
}

/// Only some partner types map credential types (`PMS_PRT_070`).
pub fn check_partner_type(partner_type: &str, allowed: &[String]) -> Result<(), PartnerError> {
    if allowed.iter().any(|t| t.eq_ignore_ascii_case(partner_type)) {
        Ok(())
    } else {
        Err(PartnerError::CredentialPartnerTypeNotAllowed { allowed: allowed.join(",") })
    }
}

/// A partner maps a credential type to one policy: a second mapping of the same type is refused
/// (`PMS_PRT_072`), so that the lookup (P18) always finds one policy.
pub fn check_not_mapped(already_mapped: bool, credential_type: &str) -> Result<(), PartnerError> {
    if already_mapped {
        return Err(PartnerError::CredentialTypeAlreadyMapped { credential_type: credential_type.to_owned() });
    }
    Ok(())
}

pub const MAPPED: &str = "Partner, policy and credentialType mapping done successfully.";

/// `status` of a policy in the P18 answer.
pub fn policy_status(is_active: bool) -> &'static str {
    if is_active { "PUBLISHED" } else { "DRAFTED" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn credential_types_and_partner_types_from_configuration() {
        let types = list(&["auth", "qrcode"]);
        assert_eq!(check_credential_type("AUTH", &types), Ok(()));
        let e = check_credential_type("euin", &types).unwrap_err();
        assert_eq!(
            (e.code(), e.to_string()),
            ("PMS_PRT_072", "Given credential type is not allowed. Allowed credential types : auth,qrcode".to_owned())
        );
        let partners = list(&["Credential_Partner", "Auth_Partner"]);
        assert_eq!(check_partner_type("auth_partner", &partners), Ok(()));
        let e = check_partner_type("MISP_Partner", &partners).unwrap_err();
        assert_eq!(
            (e.code(), e.to_string()),
            ("PMS_PRT_070", "Credential mapping allowed only for :Credential_Partner,Auth_Partner".to_owned())
        );
    }

    #[test]
    fn one_policy_per_credential_type() {
        assert_eq!(check_not_mapped(false, "auth"), Ok(()));
        assert_eq!(check_not_mapped(true, "auth").unwrap_err().code(), "PMS_PRT_072");
        assert_eq!((policy_status(true), policy_status(false)), ("PUBLISHED", "DRAFTED"));
    }
}
