//! Which realm roles a local account gets, following Keycloak's roles in a MOSIP deployment.

/// Every partner account holds this role besides its type's.
pub const PARTNER: &str = "PARTNER";
/// The roles of the first administrator (`partner-service admin create`).
pub const ADMIN_ROLES: &[&str] = &["PARTNER_ADMIN", "POLICYMANAGER"];

/// The type-specific role of a partner type (by its canonical code), or `None` for types that do
/// not sign up by themselves (`Partner_Admin`, `Internal_Partner`, unknown codes).
pub fn type_role(partner_type: &str) -> Option<&'static str> {
    Some(match partner_type {
        "Auth_Partner" => "AUTH_PARTNER",
        "Online_Verification_Partner" => "ONLINE_VERIFICATION_PARTNER",
        "Credential_Partner" => "CREDENTIAL_PARTNER",
        // MOSIP's role sets have no print role: print partners receive credentials
        "Print_Partner" => "CREDENTIAL_PARTNER",
        "ABIS_Partner" => "ABIS_PARTNER",
        "Manual_Adjudication" => "MANUAL_ADJUDICATION",
        "Device_Provider" => "DEVICE_PROVIDER",
        "FTM_Provider" => "FTM_PROVIDER",
        "MISP_Partner" => "MISP_PARTNER",
        "SDK_Partner" => "SDK_PARTNER",
        _ => return None,
    })
}

/// The realm roles of a self-registered partner of `partner_type`: its type's role, then `PARTNER`.
pub fn partner_roles(partner_type: &str) -> Option<Vec<String>> {
    type_role(partner_type).map(|r| vec![r.to_owned(), PARTNER.to_owned()])
}

/// Roles as stored: comma-separated, no blanks.
pub fn join(roles: &[String]) -> String {
    roles.iter().map(|r| r.trim()).filter(|r| !r.is_empty()).collect::<Vec<_>>().join(",")
}

/// Roles as stored, split back.
pub fn split(stored: &str) -> Vec<String> {
    stored.split(',').map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partner_types_map_to_their_role_plus_partner() {
        let roles = |t| partner_roles(t).unwrap_or_default();
        assert_eq!(roles("Auth_Partner"), ["AUTH_PARTNER", "PARTNER"]);
        assert_eq!(roles("Credential_Partner"), ["CREDENTIAL_PARTNER", "PARTNER"]);
        assert_eq!(roles("MISP_Partner"), ["MISP_PARTNER", "PARTNER"]);
        assert_eq!(roles("Device_Provider"), ["DEVICE_PROVIDER", "PARTNER"]);
        assert_eq!(roles("Online_Verification_Partner"), ["ONLINE_VERIFICATION_PARTNER", "PARTNER"]);
        assert_eq!(roles("Print_Partner"), ["CREDENTIAL_PARTNER", "PARTNER"]);
    }

    #[test]
    fn admin_internal_and_unknown_types_do_not_self_register() {
        for t in ["Partner_Admin", "Internal_Partner", "auth_partner", "Nope", ""] {
            assert_eq!(partner_roles(t), None, "{t}");
        }
    }

    #[test]
    fn stored_roles_round_trip() {
        let roles = vec!["PARTNER_ADMIN".to_owned(), " POLICYMANAGER ".to_owned(), String::new()];
        assert_eq!(join(&roles), "PARTNER_ADMIN,POLICYMANAGER");
        assert_eq!(split("PARTNER_ADMIN, POLICYMANAGER,,"), ["PARTNER_ADMIN", "POLICYMANAGER"]);
        assert!(split("").is_empty());
    }
}
