//! Updates and contacts as received, validated with MOSIP's bean-validation messages, and their
//! number and e-mail rules.

use super::{FieldViolation, non_blank, required};
use crate::PartnerError;
use crate::registration::{RegistrationRules, check_phone};

/// An update of a partner's details as received (v1 carries address and number only).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UpdateForm {
    pub address: Option<String>,
    pub contact_number: Option<String>,
    pub logo_url: Option<String>,
    pub additional_info: Option<serde_json::Value>,
}

/// A validated update. `None` leaves the stored value as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerUpdate {
    pub address: String,
    pub contact_number: String,
    pub logo_url: Option<String>,
    /// JSON text.
    pub additional_info: Option<String>,
}

impl UpdateForm {
    /// `address` (1–2000) and `contactNumber` (1–16) are required; `logoUrl` at most 256.
    pub fn validate(self) -> Result<PartnerUpdate, Vec<FieldViolation>> {
        let mut v = Vec::new();
        let address = required(&mut v, "address", self.address, 2000);
        let contact_number = required(&mut v, "contactNumber", self.contact_number, 16);
        if self.logo_url.as_ref().is_some_and(|l| l.chars().count() > 256) {
            v.push(FieldViolation::new("logoUrl", "Length should be between 0 and 256 chars"));
        }
        match (address, contact_number) {
            (Some(address), Some(contact_number)) if v.is_empty() => Ok(PartnerUpdate {
                address,
                contact_number,
                logo_url: self.logo_url,
                additional_info: self.additional_info.map(|j| j.to_string()),
            }),
            _ => Err(v),
        }
    }
}

/// The phone-number rule of updates (`PMS_PRT_013`).
pub fn check_update(update: &PartnerUpdate, rules: &RegistrationRules) -> Result<(), PartnerError> {
    check_phone(&update.contact_number, rules)
}

/// A contact as received (`POST /partners/{id}/contact/add`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactForm {
    pub address: Option<String>,
    pub contact_number: Option<String>,
    pub email_id: Option<String>,
    pub is_active: Option<bool>,
}

/// A validated contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub address: String,
    pub contact_number: String,
    pub email_id: String,
    pub is_active: bool,
}

impl ContactForm {
    /// `address`, `contactNumber`, `emailId` required; `is_Active` must be given (MOSIP fails on
    /// a database constraint without it).
    pub fn validate(self) -> Result<Contact, Vec<FieldViolation>> {
        let mut v = Vec::new();
        let address = required(&mut v, "address", self.address, 2000);
        let contact_number = non_blank(&mut v, "contactNumber", self.contact_number);
        let email_id = required(&mut v, "emailId", self.email_id, 254);
        if self.is_active.is_none() {
            v.push(FieldViolation::new("is_Active", "must not be null"));
        }
        match (address, contact_number, email_id, self.is_active) {
            (Some(address), Some(contact_number), Some(email_id), Some(is_active)) if v.is_empty() => {
                Ok(Contact { address, contact_number, email_id, is_active })
            }
            _ => Err(v),
        }
    }
}

/// A contact's e-mail (`PMS_PRT_012`) and number (`PMS_PRT_013`).
pub fn check_contact(contact: &Contact, rules: &RegistrationRules) -> Result<(), PartnerError> {
    if !rules.email.accepts(&contact.email_id) {
        return Err(PartnerError::InvalidEmail);
    }
    check_phone(&contact.contact_number, rules)
}
