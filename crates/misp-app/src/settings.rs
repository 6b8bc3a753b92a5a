//! `[misp]`: MISPs and their licence keys. Read by misp-license-service, and by partner-service
//! for the portal's MISP pages.

use serde::Deserialize;

use crate::MispConfig;
use crate::roles::{MispRoles, split};

/// `[misp]` as configured; [`MispSettings::config`] checks it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MispSettings {
    /// Characters in a licence key, 16–128 (MOSIP `mosip.kernel.idgenerator.misp.license-key-length`).
    pub license_key_length: usize,
    /// Days a new licence key is valid (MOSIP `mosip.pmp.misp.license.expiry.period.indays`).
    pub license_validity_days: i64,
    /// Digits of the first MISP id, 1–9: the first id is 10^(n-1) (MOSIP `mosip.kernel.mispid.length`).
    pub id_length: u32,
    /// Comma-separated roles that approve, reject, (de)activate MISPs, switch keys and act on
    /// every MISP (besides `auth.admin_role`).
    pub admin_roles: String,
    /// Comma-separated roles of MISP users on the MOSIP 1.1 API: they register MISPs, and read,
    /// update and download the keys of their own.
    pub misp_roles: String,
    /// Comma-separated roles that may validate the licence key of any MISP (ID-Authentication).
    pub validator_roles: String,
    /// The partner type of MOSIP 1.2 MISP partners (MOSIP `mosip.pms.misp.partner.type`).
    pub partner_type: String,
}

impl Default for MispSettings {
    fn default() -> Self {
        MispSettings {
            license_key_length: 50,
            license_validity_days: 90,
            id_length: 3,
            admin_roles: "PARTNER_ADMIN".into(),
            misp_roles: "MISP".into(),
            validator_roles: "ID_AUTHENTICATION".into(),
            partner_type: "MISP_Partner".into(),
        }
    }
}

impl MispSettings {
    /// The MISP rules, checked; `Err` names the setting at fault.
    pub fn config(&self) -> Result<MispConfig, String> {
        let roles = MispRoles {
            admin: split(&self.admin_roles),
            misp: split(&self.misp_roles),
            validator: split(&self.validator_roles),
        };
        MispConfig::new(self.license_key_length, self.license_validity_days, self.id_length, roles, &self.partner_type)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_mosips() {
        let c = MispSettings::default().config().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.keys.length(), 50);
        assert_eq!(c.first_id, 100);
        assert_eq!(c.roles.admin, ["PARTNER_ADMIN"]);
        assert_eq!(c.roles.validator, ["ID_AUTHENTICATION"]);
        assert_eq!(c.partner_type, "MISP_Partner");
    }

    #[test]
    fn bad_values_stop_the_start() {
        for bad in [
            MispSettings { license_key_length: 200, ..MispSettings::default() },
            MispSettings { license_validity_days: 0, ..MispSettings::default() },
            MispSettings { id_length: 0, ..MispSettings::default() },
            MispSettings { partner_type: " ".into(), ..MispSettings::default() },
        ] {
            assert!(bad.config().is_err(), "{bad:?}");
        }
    }
}
