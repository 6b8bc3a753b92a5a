//! A registration as received, and its field constraints ([`RegistrationForm::validate`]).

use crate::partner::{FieldViolation, non_blank, required};

/// A registration as received (every field optional, as JSON may omit it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegistrationForm {
    pub partner_id: Option<String>,
    pub organization_name: Option<String>,
    pub address: Option<String>,
    pub contact_number: Option<String>,
    pub email_id: Option<String>,
    pub partner_type: Option<String>,
    pub policy_group: Option<String>,
    pub lang_code: Option<String>,
    /// v2 only.
    pub logo_url: Option<String>,
    /// v2 only: any JSON value.
    pub additional_info: Option<serde_json::Value>,
}

/// A registration whose fields satisfy their constraints.
#[derive(Debug, Clone, PartialEq)]
pub struct RegistrationRequest {
    pub partner_id: String,
    pub organization_name: String,
    pub address: String,
    pub contact_number: String,
    pub email_id: String,
    pub partner_type: String,
    pub policy_group: Option<String>,
    pub lang_code: Option<String>,
    pub logo_url: Option<String>,
    pub additional_info: Option<serde_json::Value>,
}

impl RegistrationForm {
    /// MOSIP's bean constraints (`@NotBlank`, `@Size`), every violation in field order.
    pub fn validate(self) -> Result<RegistrationRequest, Vec<FieldViolation>> {
        let mut v = Vec::new();
        let partner_id = non_blank(&mut v, "partnerId", self.partner_id);
        let organization_name = required(&mut v, "organizationName", self.organization_name, 128);
        let address = required(&mut v, "address", self.address, 2000);
        let contact_number = required(&mut v, "contactNumber", self.contact_number, 16);
        let email_id = required(&mut v, "emailId", self.email_id, 254);
        let partner_type = non_blank(&mut v, "partnerType", self.partner_type);
        if self.logo_url.as_ref().is_some_and(|l| l.chars().count() > 256) {
            v.push(FieldViolation::new("logoUrl", "Length should be between 0 and 256 chars"));
        }
        match (partner_id, organization_name, address, contact_number, email_id, partner_type) {
            (
                Some(partner_id),
                Some(organization_name),
                Some(address),
                Some(contact_number),
                Some(email_id),
                Some(partner_type),
            ) if v.is_empty() => Ok(RegistrationRequest {
                partner_id,
                organization_name,
                address,
                contact_number,
                email_id,
                partner_type,
                policy_group: self.policy_group.filter(|g| !g.is_empty()),
                lang_code: self.lang_code,
                logo_url: self.logo_url,
                additional_info: self.additional_info,
            }),
            _ => Err(v),
        }
    }
}
