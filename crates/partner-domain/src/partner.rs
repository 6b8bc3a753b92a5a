//! Partners after registration: field constraints, updates, contacts, the policy-group mapping
//! and the admin's activation switch.

mod forms;

use chrono::NaiveDateTime;

use crate::PartnerError;
use crate::policy::{PartnerTypeInfo, PolicyGroupInfo};

pub use forms::{Contact, ContactForm, PartnerUpdate, UpdateForm, check_contact, check_update};

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
mod tests;
