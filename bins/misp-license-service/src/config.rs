//! The service's own configuration, checked once at start.

use anyhow::Context;
use misp_domain::KeyPolicy;
use web_support::settings::MispSettings;

pub use misp_app::MispConfig;
use misp_app::roles::{MispRoles, split};

/// The MISP rules of `[misp]`, checked.
pub fn from_settings(s: &MispSettings) -> anyhow::Result<MispConfig> {
    let keys = KeyPolicy::new(s.license_key_length, s.license_validity_days)
        .map_err(anyhow::Error::msg)
        .context("misp.license_key_length / misp.license_validity_days")?;
    let first_id = misp_domain::ids::first_id(s.id_length).map_err(anyhow::Error::msg).context("misp.id_length")?;
    let roles =
        MispRoles { admin: split(&s.admin_roles), misp: split(&s.misp_roles), validator: split(&s.validator_roles) };
    anyhow::ensure!(!s.partner_type.trim().is_empty(), "misp.partner_type must not be empty");
    Ok(MispConfig { keys, first_id, roles, partner_type: s.partner_type.trim().to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_mosips() {
        let c = from_settings(&MispSettings::default()).unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(c.keys.length(), 50);
        assert_eq!(c.first_id, 100);
        assert_eq!(c.roles.admin, ["PARTNER_ADMIN"]);
        assert_eq!(c.roles.validator, ["ID_AUTHENTICATION"]);
        assert_eq!(c.partner_type, "MISP_Partner");
    }

    #[test]
    fn bad_values_stop_the_start() {
        let bad = MispSettings { license_key_length: 200, ..MispSettings::default() };
        assert!(from_settings(&bad).is_err());
        let bad = MispSettings { license_validity_days: 0, ..MispSettings::default() };
        assert!(from_settings(&bad).is_err());
        let bad = MispSettings { id_length: 0, ..MispSettings::default() };
        assert!(from_settings(&bad).is_err());
        let bad = MispSettings { partner_type: " ".into(), ..MispSettings::default() };
        assert!(from_settings(&bad).is_err());
    }
}
