//! The service's own configuration, checked once at start.

pub use misp_app::MispConfig;
use misp_app::roles::{MispRoles, split};
use web_support::settings::MispSettings;

/// The MISP rules of `[misp]`, checked.
pub fn from_settings(s: &MispSettings) -> anyhow::Result<MispConfig> {
    let roles =
        MispRoles { admin: split(&s.admin_roles), misp: split(&s.misp_roles), validator: split(&s.validator_roles) };
    MispConfig::new(s.license_key_length, s.license_validity_days, s.id_length, roles, &s.partner_type)
        .map_err(anyhow::Error::msg)
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
