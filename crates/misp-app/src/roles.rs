//! Who may do what on MISPs and licence keys.
//!
//! MOSIP 1.1 lets any holder of `MISP` call every endpoint, approvals included. Here:
//! - MISP admins (`misp.admin_roles`, and the global `auth.admin_role`) approve, reject, (de)activate
//!   MISPs, switch keys, and may do everything else on every MISP;
//! - MISP users (`misp.misp_roles`) register MISPs and read, update and download the key of their own;
//! - validators (`misp.validator_roles`, ID-Authentication) validate the key of any MISP.
//!
//! MOSIP 1.2's licence endpoints keep MOSIP's role sets (`mosip.role.pms.*misplicense*`) below;
//! a caller that is not an admin acts only on the MISP partner that is itself.

use app_core::{Actor, AppError};

pub const PARTNER_ADMIN: &str = "PARTNER_ADMIN";
pub const PARTNERMANAGER: &str = "PARTNERMANAGER";
pub const MISP_PARTNER: &str = "MISP_PARTNER";
pub const MISP: &str = "MISP";

/// MOSIP 1.2 `postmisplicense`, `putmisplicense`, `getmisplicense`, `postmispfiltervalues`, `postmispsearch`.
pub const LICENSE_12: &[&str] = &[MISP_PARTNER, MISP, PARTNERMANAGER, PARTNER_ADMIN];
/// MOSIP 1.2 `getmisplicensekey` (download or regenerate a partner's key).
pub const LICENSE_KEY_12: &[&str] = &[PARTNERMANAGER, PARTNER_ADMIN];

/// The configured role sets of the MISP API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MispRoles {
    pub admin: Vec<String>,
    pub misp: Vec<String>,
    pub validator: Vec<String>,
}

/// `"A, B,,C"` → `["A", "B", "C"]`.
pub fn split(list: &str) -> Vec<String> {
    list.split(',').map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned).collect()
}

fn holds(p: &Actor, roles: &[String]) -> bool {
    roles.iter().any(|r| p.has_role(r))
}

impl MispRoles {
    /// May act on every MISP, and approve, reject, (de)activate and switch keys.
    pub fn is_admin(&self, p: &Actor) -> bool {
        p.is_admin || holds(p, &self.admin)
    }

    pub fn is_validator(&self, p: &Actor) -> bool {
        holds(p, &self.validator)
    }

    /// 403 unless an admin.
    pub fn require_admin(&self, p: &Actor) -> Result<(), AppError> {
        if self.is_admin(p) { Ok(()) } else { Err(AppError::forbidden()) }
    }

    /// 403 unless a MISP user or an admin.
    pub fn require_misp_user(&self, p: &Actor) -> Result<(), AppError> {
        if self.is_admin(p) || holds(p, &self.misp) { Ok(()) } else { Err(AppError::forbidden()) }
    }

    /// 403 unless a MISP user, a validator or an admin.
    pub fn require_validation(&self, p: &Actor) -> Result<(), AppError> {
        if self.is_admin(p) || self.is_validator(p) || holds(p, &self.misp) {
            Ok(())
        } else {
            Err(AppError::forbidden())
        }
    }

    /// 403 unless an admin or `owner` is the caller.
    pub fn require_owner_or_admin(&self, p: &Actor, owner: &str) -> Result<(), AppError> {
        if self.is_admin(p) || p.user_id == owner { Ok(()) } else { Err(AppError::forbidden()) }
    }

    /// The owner to restrict a listing to: none for admins, the caller otherwise.
    pub fn scope<'a>(&self, p: &'a Actor) -> Option<&'a str> {
        if self.is_admin(p) { None } else { Some(p.user_id.as_str()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn principal(user: &str, roles: &[&str]) -> Actor {
        Actor::new(user, roles.iter().map(|r| (*r).to_owned()), "GLOBAL_ADMIN")
    }

    fn roles() -> MispRoles {
        MispRoles { admin: split("MISP_ADMIN"), misp: split("MISP"), validator: split("ID_AUTHENTICATION") }
    }

    #[test]
    fn lists_split_on_commas() {
        assert_eq!(split(" A, B,,C "), ["A", "B", "C"]);
        assert!(split("").is_empty());
    }

    #[test]
    fn admins_misp_users_and_validators() {
        let r = roles();
        let admin = principal("a", &["MISP_ADMIN"]);
        let global = principal("g", &["GLOBAL_ADMIN"]);
        let misp = principal("m", &["MISP"]);
        let ida = principal("i", &["ID_AUTHENTICATION"]);
        let other = principal("o", &["AUTH_PARTNER"]);
        assert!(r.require_admin(&admin).is_ok() && r.require_admin(&global).is_ok());
        assert!(r.require_admin(&misp).is_err());
        assert!(r.require_misp_user(&misp).is_ok() && r.require_misp_user(&admin).is_ok());
        assert!(r.require_misp_user(&ida).is_err() && r.require_misp_user(&other).is_err());
        assert!(r.require_validation(&ida).is_ok() && r.require_validation(&misp).is_ok());
        assert!(r.require_validation(&other).is_err());
        assert!(r.require_owner_or_admin(&misp, "m").is_ok());
        assert!(r.require_owner_or_admin(&misp, "x").is_err());
        assert!(r.require_owner_or_admin(&admin, "x").is_ok());
        assert_eq!(r.scope(&misp), Some("m"));
        assert_eq!(r.scope(&global), None);
    }
}
