//! `[ui]`: what the partner portal asks the service about itself (MOSIP 1.2.2's `GET /roles` and
//! `GET /system-config`).

use app_core::settings::string_list;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// `[ui]` as configured; the defaults are MOSIP's.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct UiSettings {
    /// The roles the portal needs (`mosip.pms.ui.required.roles`, MOSIP's dev value `MISP_PARTNER`):
    /// a list, or one comma-separated string.
    #[serde(deserialize_with = "string_list")]
    pub required_roles: Vec<String>,
    /// OIDC client grant types offered (`mosip.pms.oidc.clients.grantTypes`).
    pub oidc_grant_types: String,
    /// OIDC client authentication methods offered (`mosip.pms.oidc.clients.clientAuthMethods`).
    pub oidc_client_auth_methods: String,
    /// Minutes of inactivity before the portal logs the user out (`mosip.pms.session.inactivity.timer`).
    pub inactivity_timer_minutes: u32,
    /// Minutes the user has to come back after the inactivity prompt (`…inactivity.prompt.timer`).
    pub inactivity_prompt_timer_minutes: u32,
    /// Minutes the portal waits for an answer (`mosip.pms.axios.timeout`).
    pub request_timeout_minutes: u32,
    /// Most years ahead an SBI expiry date may be (`mosip.pms.expiry.date.max.year`).
    pub max_expiry_years: u32,
    /// Most years back an SBI created date may be (`mosip.pms.created.date.max.year`).
    pub max_created_years: u32,
    /// Rows per page in the portal's tables (`mosip.pms.pagination.items.per.page`).
    pub items_per_page: u32,
    /// `mosip.pms.ca.signed.partner.certificate.available`.
    pub ca_signed_partner_certificate_available: bool,
    /// `mosip.pms.oidc.client.available`.
    pub oidc_client_available: bool,
    /// `mosip.pms.root.and.intermediate.certificates.available`.
    pub root_and_intermediate_certificates_available: bool,
}

impl Default for UiSettings {
    fn default() -> Self {
        UiSettings {
            required_roles: vec!["MISP_PARTNER".into()],
            oidc_grant_types: "authorization_code".into(),
            oidc_client_auth_methods: "private_key_jwt".into(),
            inactivity_timer_minutes: 25,
            inactivity_prompt_timer_minutes: 5,
            request_timeout_minutes: 3,
            max_expiry_years: 10,
            max_created_years: 10,
            items_per_page: 8,
            ca_signed_partner_certificate_available: true,
            oidc_client_available: true,
            root_and_intermediate_certificates_available: true,
        }
    }
}

/// `RoleExtnDto`: the roles the portal needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct RolesDto {
    #[schema(example = json!(["MISP_PARTNER"]))]
    pub roles: Vec<String>,
}

/// The portal's configuration, every value a string as MOSIP answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SystemConfigDto {
    #[schema(example = "authorization_code")]
    pub grant_types: String,
    #[schema(example = "private_key_jwt")]
    pub client_auth_methods: String,
    #[schema(example = "25")]
    pub in_activity_timer: String,
    #[schema(example = "5")]
    pub in_activity_prompt_timer: String,
    #[schema(example = "3")]
    pub axios_timeout: String,
    #[schema(example = "10")]
    pub max_allowed_expiry_year: String,
    #[schema(example = "10")]
    pub max_allowed_created_year: String,
    #[schema(example = "8")]
    pub items_per_page: String,
    #[schema(example = "true")]
    pub is_ca_signed_partner_certificate_available: String,
    #[schema(example = "true")]
    pub is_oidc_client_available: String,
    #[schema(example = "true")]
    pub is_root_intermediate_cert_available: String,
}

impl UiSettings {
    /// `GET /roles`' answer.
    pub fn roles(&self) -> RolesDto {
        RolesDto { roles: self.required_roles.clone() }
    }

    /// `GET /system-config`'s answer.
    pub fn system_config(&self) -> SystemConfigDto {
        SystemConfigDto {
            grant_types: self.oidc_grant_types.clone(),
            client_auth_methods: self.oidc_client_auth_methods.clone(),
            in_activity_timer: self.inactivity_timer_minutes.to_string(),
            in_activity_prompt_timer: self.inactivity_prompt_timer_minutes.to_string(),
            axios_timeout: self.request_timeout_minutes.to_string(),
            max_allowed_expiry_year: self.max_expiry_years.to_string(),
            max_allowed_created_year: self.max_created_years.to_string(),
            items_per_page: self.items_per_page.to_string(),
            is_ca_signed_partner_certificate_available: self.ca_signed_partner_certificate_available.to_string(),
            is_oidc_client_available: self.oidc_client_available.to_string(),
            is_root_intermediate_cert_available: self.root_and_intermediate_certificates_available.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_carry_the_settings_as_strings() {
        let given = serde_json::json!({"required_roles": "A, B", "items_per_page": 20, "oidc_client_available": false});
        let ui: UiSettings = serde_json::from_value(given).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ui.roles().roles, ["A", "B"]);
        let config = ui.system_config();
        assert_eq!((config.items_per_page.as_str(), config.is_oidc_client_available.as_str()), ("20", "false"));
        assert_eq!((config.in_activity_timer.as_str(), config.grant_types.as_str()), ("25", "authorization_code"));
        assert!(
            serde_json::from_value::<UiSettings>(serde_json::json!({"unknown": 1})).is_err(),
            "a misspelt key is refused"
        );
    }
}
