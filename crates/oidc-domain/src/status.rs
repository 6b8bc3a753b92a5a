//! A client's status and what an update may do with it (MOSIP: an inactive client is final).

use crate::OidcError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientStatus {
    Active,
    Inactive,
}

impl ClientStatus {
    /// `ACTIVE` or `INACTIVE`, any case (MOSIP's pattern); else `None`.
    pub fn parse(text: &str) -> Option<ClientStatus> {
        match text.to_ascii_uppercase().as_str() {
            "ACTIVE" => Some(ClientStatus::Active),
            "INACTIVE" => Some(ClientStatus::Inactive),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ClientStatus::Active => "ACTIVE",
            ClientStatus::Inactive => "INACTIVE",
        }
    }
}

/// What an accepted update changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateKind {
    /// Only the status changes (the other fields of the request are ignored, as MOSIP does).
    Status(ClientStatus),
    /// Name, logo, redirect URIs, grant types and authentication methods change.
    Details,
}

/// MOSIP's update rules after the ownership check: an inactive client is not changed; an
/// inactive partner's client is not changed, except that an admin may change its status.
pub fn decide_update(
    stored: &str,
    requested: ClientStatus,
    is_admin: bool,
    partner_active: bool,
) -> Result<UpdateKind, OidcError> {
    let stored = ClientStatus::parse(stored).unwrap_or(ClientStatus::Inactive);
    if stored == ClientStatus::Inactive {
        return Err(OidcError::ClientDeactivated);
    }
    if (!is_admin || requested == stored) && !partner_active {
        return Err(OidcError::PartnerInactive);
    }
    Ok(if requested == stored { UpdateKind::Details } else { UpdateKind::Status(requested) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ClientStatus::{Active, Inactive};

    #[test]
    fn statuses_read_in_any_case() {
        assert_eq!(ClientStatus::parse("inactive"), Some(Inactive));
        assert_eq!(ClientStatus::parse("Active"), Some(Active));
        assert_eq!(ClientStatus::parse("ACTIVATED"), None);
    }

    #[test]
    fn an_inactive_client_is_final() {
        assert_eq!(decide_update("INACTIVE", Active, true, true), Err(OidcError::ClientDeactivated));
        assert_eq!(decide_update("INACTIVE", Inactive, false, true), Err(OidcError::ClientDeactivated));
    }

    #[test]
    fn a_status_change_changes_only_the_status() {
        assert_eq!(decide_update("ACTIVE", Inactive, false, true), Ok(UpdateKind::Status(Inactive)));
        assert_eq!(decide_update("ACTIVE", Active, false, true), Ok(UpdateKind::Details));
    }

    #[test]
    fn an_inactive_partner_changes_nothing_but_an_admin_may_deactivate() {
        assert_eq!(decide_update("ACTIVE", Active, false, false), Err(OidcError::PartnerInactive));
        assert_eq!(decide_update("ACTIVE", Inactive, false, false), Err(OidcError::PartnerInactive));
        assert_eq!(decide_update("ACTIVE", Active, true, false), Err(OidcError::PartnerInactive));
        assert_eq!(decide_update("ACTIVE", Inactive, true, false), Ok(UpdateKind::Status(Inactive)));
    }
}
