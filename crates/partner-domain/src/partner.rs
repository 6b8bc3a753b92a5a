//! Partners after registration: field constraints, updates, contacts, the policy-group mapping
//! and the admin's activation switch.

use chrono::NaiveDateTime;

use crate::PartnerError;
use crate::policy::{PartnerTypeInfo, PolicyGroupInfo};
use crate::registration::{RegistrationRules, check_phone};

/// `approval_status` of a registered partner until its certificate is uploaded.
pub const IN_PROGRESS: &str = "InProgress";
/// `approval_status` once its certificate is uploaded (the certificate feature sets it).
pub const APPROVED: &str = "approved";

/// MOSIP's `status` label of a partner: `active` or `De-active`.
pub fn status_label(is_active: bool) -> &'static str {
    if is_active { "active" } else { "De-active" }
}

/// A field of a request that breaks its constraint (MOSIP's bean validation), answered as
/// `PMS_COR_001` "Invalid request parameter - <message> :request.<field>".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldViolation {
    /// The path below `request`, e.g. `emailId` or `extractors[0].attributeName`.
    pub field: String,
    pub message: String,
}

impl FieldViolation {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldViolation { field: field.into(), message: message.into() }
    }
}

/// `@NotBlank(message = "value is empty or null")`.
pub(crate) fn non_blank(v: &mut Vec<FieldViolation>, field: &'static str, value: Option<String>) -> Option<String> {
    match value {
        Some(s) if !s.trim().is_empty() => Some(s),
        _ => {
            v.push(FieldViolation::new(field, "value is empty or null"));
            None
        }
    }
}

/// `@NotBlank` and `@Size(min = 1, max = max, message = "Length should be between 1 and <max> chars")`.
pub(crate) fn required(
    v: &mut Vec<FieldViolation>,
    field: &'static str,
    value: Option<String>,
    max: usize,
) -> Option<String> {
    match non_blank(v, field, value) {
        Some(s) if s.chars().count() > max => {
            v.push(FieldViolation::new(field, format!("Length should be between 1 and {max} chars")));
            None
        }
        other => other,
    }
}

/// A partner as registration creates it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPartner {
    pub id: String,
    pub policy_group_id: Option<String>,
    pub name: String,
    pub address: String,
    pub contact_no: String,
    pub email_id: String,
    pub user_id: String,
    pub partner_type_code: String,
    pub approval_status: String,
    pub is_active: bool,
    pub lang_code: Option<String>,
    pub logo_url: Option<String>,
    /// JSON text.
    pub addl_info: String,
    pub cr_by: String,
    pub cr_dtimes: NaiveDateTime,
}

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

/// Whether a new contact may be added: the partner exists (`PMS_PRT_005`) and is active
/// (`PMS_PMP_016`). Updating an existing contact needs neither, as in MOSIP.
pub fn check_new_contact(partner_active: Option<bool>) -> Result<(), PartnerError> {
    require_active(partner_active)
}

/// A partner that must exist (`PMS_PRT_005`) and be active (`PMS_PMP_016`); `None` = not found.
pub fn require_active(partner_active: Option<bool>) -> Result<(), PartnerError> {
    match partner_active {
        None => Err(PartnerError::PartnerMissing),
        Some(false) => Err(PartnerError::PartnerInactive),
        Some(true) => Ok(()),
    }
}

/// Whether a partner's policy group may change (P8): only while the partner is not active
/// (`PMS_PRT_050`), only for types that use policies (`PMS_PRT_048`); the type must be known
/// (`PMS_PRT_010`).
pub fn check_group_change(partner_active: bool, partner_type: Option<&PartnerTypeInfo>) -> Result<(), PartnerError> {
    if partner_active {
        return Err(PartnerError::GroupChangeForActivePartner);
    }
    match partner_type {
        None => Err(PartnerError::PartnerTypeMissing),
        Some(t) if !t.is_policy_required => Err(PartnerError::PolicyGroupNotRequired),
        Some(_) => Ok(()),
    }
}

/// A policy group a partner may join: it exists (`PMS_PRT_002`) and is active (`PMS_PMP_023`).
pub fn usable_group(group: Option<PolicyGroupInfo>) -> Result<PolicyGroupInfo, PartnerError> {
    let group = group.ok_or(PartnerError::PolicyGroupMissing)?;
    if !group.is_active {
        return Err(PartnerError::PolicyGroupInactive);
    }
    Ok(group)
}

/// The admin's switch (M1): `Active` or `De-Active`, in any case (`PMS_PM_058` otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    Activate,
    Deactivate,
}

impl Activation {
    pub fn parse(status: &str) -> Result<Self, PartnerError> {
        if status.eq_ignore_ascii_case("active") {
            Ok(Activation::Activate)
        } else if status.eq_ignore_ascii_case("de-active") {
            Ok(Activation::Deactivate)
        } else {
            Err(PartnerError::InvalidActivationStatus)
        }
    }

    /// The new `is_active`, or `None` when the partner already is so (both are idempotent).
    /// Activation needs an uploaded certificate (`PMS_PRT_108`).
    pub fn apply(self, is_active: bool, has_certificate: bool) -> Result<Option<bool>, PartnerError> {
        match self {
            Activation::Activate if !has_certificate => Err(PartnerError::CertificateNotUploaded),
            Activation::Activate => Ok((!is_active).then_some(true)),
            Activation::Deactivate => Ok(is_active.then_some(false)),
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Activation::Activate => "Partner activated successfully",
            Activation::Deactivate => "Partner de-activated successfully",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_labels() {
        assert_eq!((status_label(true), status_label(false)), ("active", "De-active"));
    }

    #[test]
    fn updates_need_address_and_number_and_keep_what_they_do_not_carry() {
        let u = UpdateForm { address: Some("a".into()), contact_number: Some("1".into()), ..UpdateForm::default() };
        let u = u.validate().unwrap_or_else(|v| panic!("{v:?}"));
        assert_eq!((u.logo_url, u.additional_info), (None, None));
        let v = UpdateForm::default().validate().unwrap_err();
        assert_eq!(v.iter().map(|x| x.field.as_str()).collect::<Vec<_>>(), ["address", "contactNumber"]);
        let long =
            UpdateForm { address: Some("a".into()), contact_number: Some("1".repeat(17)), ..UpdateForm::default() };
        assert_eq!(long.validate().unwrap_err()[0].message, "Length should be between 1 and 16 chars");
        let v2 = UpdateForm {
            address: Some("a".into()),
            contact_number: Some("1".into()),
            logo_url: Some("l".into()),
            additional_info: Some(serde_json::json!([1])),
        };
        let u = v2.validate().unwrap_or_else(|v| panic!("{v:?}"));
        assert_eq!(u.additional_info.as_deref(), Some("[1]"));
        let rules = RegistrationRules { phone_max_length: 10, ..RegistrationRules::default() };
        let too_long = PartnerUpdate { contact_number: "1".repeat(11), ..u };
        assert_eq!(check_update(&too_long, &rules).unwrap_err().code(), "PMS_PRT_013");
    }

    #[test]
    fn contacts() {
        let form = ContactForm {
            address: Some("a".into()),
            contact_number: Some("99".into()),
            email_id: Some("print@email.com".into()),
            is_active: Some(true),
        };
        let c = form.clone().validate().unwrap_or_else(|v| panic!("{v:?}"));
        let rules = RegistrationRules::default();
        assert_eq!(check_contact(&c, &rules), Ok(()));
        let bad = Contact { email_id: "nope".into(), ..c.clone() };
        assert_eq!(check_contact(&bad, &rules).unwrap_err().code(), "PMS_PRT_012");
        let long = Contact { contact_number: "1".repeat(17), ..c };
        assert_eq!(check_contact(&long, &rules).unwrap_err().code(), "PMS_PRT_013");
        let v = ContactForm { is_active: None, email_id: None, ..form }.validate().unwrap_err();
        assert_eq!(v.iter().map(|x| x.field.as_str()).collect::<Vec<_>>(), ["emailId", "is_Active"]);
        assert_eq!(check_new_contact(None).unwrap_err().code(), "PMS_PRT_005");
        assert_eq!(check_new_contact(Some(false)).unwrap_err().code(), "PMS_PMP_016");
        assert_eq!(check_new_contact(Some(true)), Ok(()));
    }

    #[test]
    fn group_changes_only_for_inactive_partners_of_policy_types() {
        let auth = PartnerTypeInfo { code: "Auth_Partner".into(), is_policy_required: true };
        let ftm = PartnerTypeInfo { code: "FTM_Provider".into(), is_policy_required: false };
        assert_eq!(check_group_change(false, Some(&auth)), Ok(()));
        assert_eq!(check_group_change(true, Some(&auth)).unwrap_err().code(), "PMS_PRT_050");
        assert_eq!(check_group_change(false, Some(&ftm)).unwrap_err().code(), "PMS_PRT_048");
        assert_eq!(check_group_change(false, None).unwrap_err().code(), "PMS_PRT_010");
        let g = PolicyGroupInfo { id: "g".into(), name: "n".into(), is_active: true };
        assert_eq!(usable_group(Some(g.clone())).map(|g| g.id), Ok("g".to_owned()));
        assert_eq!(usable_group(None).unwrap_err().code(), "PMS_PRT_002");
        assert_eq!(usable_group(Some(PolicyGroupInfo { is_active: false, ..g })).unwrap_err().code(), "PMS_PMP_023");
    }

    #[test]
    fn activation_switch() {
        assert_eq!(Activation::parse("Active"), Ok(Activation::Activate));
        assert_eq!(Activation::parse("DE-ACTIVE"), Ok(Activation::Deactivate));
        assert_eq!(Activation::parse("inactive").unwrap_err().code(), "PMS_PM_058");
        assert_eq!(Activation::Activate.apply(false, true), Ok(Some(true)));
        assert_eq!(Activation::Activate.apply(true, true), Ok(None));
        assert_eq!(Activation::Activate.apply(false, false).unwrap_err().code(), "PMS_PRT_108");
        assert_eq!(Activation::Deactivate.apply(true, false), Ok(Some(false)));
        assert_eq!(Activation::Deactivate.apply(false, false), Ok(None));
        assert_eq!(Activation::Deactivate.message(), "Partner de-activated successfully");
    }
}
