//! Device types and sub-types (MOSIP's reference data) and device details: a provider's make and
//! model of one type and sub-type, approved or rejected by a partner admin.

use chrono::NaiveDateTime;

use crate::error::DeviceError;
use crate::fields::Fields;
use crate::ids::{DeviceDetailId, ProviderId};
use crate::status::{self, Decision};

/// Longest id, code, make and model (MOSIP's `@Size(max = 36)`).
pub const FIELD_MAX: usize = 36;

/// A device type (`reg_device_type`): `Finger`, `Face`, `Iris`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceType {
    pub code: String,
    pub name: String,
    pub descr: Option<String>,
    pub is_active: bool,
    pub cr_by: String,
    pub cr_dtimes: NaiveDateTime,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<NaiveDateTime>,
}

/// A sub-type of a device type (`reg_device_sub_type`): `Slap` of `Finger`, `Double` of `Iris`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceSubType {
    pub code: String,
    pub type_code: String,
    pub name: String,
    pub descr: Option<String>,
    pub is_active: bool,
    pub cr_by: String,
    pub cr_dtimes: NaiveDateTime,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<NaiveDateTime>,
}

/// The checked fields of a device detail create (`DeviceDetailDto`) or update
/// (`DeviceDetailUpdateDto`, which names the detail and has no provider).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceDetailInput {
    pub id: Option<String>,
    pub provider_id: ProviderId,
    pub type_code: String,
    pub sub_type_code: String,
    pub make: String,
    pub model: String,
}

/// The raw fields of a create or update request.
#[derive(Debug, Clone, Copy, Default)]
pub struct DetailFields<'a> {
    pub id: Option<&'a str>,
    pub provider_id: Option<&'a str>,
    pub type_code: Option<&'a str>,
    pub sub_type_code: Option<&'a str>,
    pub make: Option<&'a str>,
    pub model: Option<&'a str>,
}

impl DeviceDetailInput {
    /// A create: the id is optional (generated when absent), the provider required.
    pub fn for_create(f: DetailFields<'_>) -> Result<Self, DeviceError> {
        let mut check = Fields::new();
        let id = check.optional_text("id", f.id, FIELD_MAX);
        let provider_id = ProviderId::from(check.text("deviceProviderId", f.provider_id, FIELD_MAX));
        Self::finish(check, id, provider_id, f)
    }

    /// An update: the id is required; the provider stays the detail's own.
    pub fn for_update(f: DetailFields<'_>) -> Result<Self, DeviceError> {
        let mut check = Fields::new();
        let id = Some(check.text("id", f.id, FIELD_MAX));
        Self::finish(check, id, ProviderId::from(""), f)
    }

    fn finish(
        mut check: Fields,
        id: Option<String>,
        provider_id: ProviderId,
        f: DetailFields<'_>,
    ) -> Result<Self, DeviceError> {
        let type_code = check.text("deviceTypeCode", f.type_code, FIELD_MAX);
        let sub_type_code = check.text("deviceSubTypeCode", f.sub_type_code, FIELD_MAX);
        let make = check.text("make", f.make, FIELD_MAX);
        let model = check.text("model", f.model, FIELD_MAX);
        Ok(check.finish(DeviceDetailInput { id, provider_id, type_code, sub_type_code, make, model })?)
    }
}

/// Make and model as MOSIP compares them for uniqueness: trimmed, inner blanks collapsed.
pub fn normalised(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A device detail (`device_detail`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceDetail {
    pub id: DeviceDetailId,
    pub provider_id: ProviderId,
    pub type_code: String,
    pub sub_type_code: String,
    pub make: String,
    pub model: String,
    pub partner_org_name: Option<String>,
    pub approval_status: String,
    pub is_active: bool,
    pub cr_by: String,
    pub cr_dtimes: NaiveDateTime,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<NaiveDateTime>,
}

impl DeviceDetail {
    /// A new detail, pending approval and inactive, of the sub-type found for the input.
    pub fn create(
        input: DeviceDetailInput,
        id: DeviceDetailId,
        org_name: Option<String>,
        by: &str,
        now: NaiveDateTime,
    ) -> Self {
        DeviceDetail {
            id,
            provider_id: input.provider_id,
            type_code: input.type_code,
            sub_type_code: input.sub_type_code,
            make: input.make,
            model: input.model,
            partner_org_name: org_name,
            approval_status: status::PENDING_APPROVAL.to_owned(),
            is_active: false,
            cr_by: by.to_owned(),
            cr_dtimes: now,
            upd_by: None,
            upd_dtimes: None,
        }
    }

    /// MOSIP's update: type, sub-type, make and model; status and activity stay.
    pub fn update(&mut self, input: DeviceDetailInput, by: &str, now: NaiveDateTime) {
        self.type_code = input.type_code;
        self.sub_type_code = input.sub_type_code;
        self.make = input.make;
        self.model = input.model;
        self.touch(by, now);
    }

    /// The admin's decision; MOSIP decides again whatever the current status.
    pub fn decide(&mut self, decision: Decision, by: &str, now: NaiveDateTime) {
        let (approval, active) = decision.outcome();
        self.approval_status = approval.to_owned();
        self.is_active = active;
        self.touch(by, now);
    }

    /// Whether an SBI may be mapped to this detail: it must be active (approved), not rejected.
    pub fn check_mappable(&self) -> Result<(), DeviceError> {
        if !self.is_active && self.approval_status.eq_ignore_ascii_case(status::REJECTED) {
            return Err(DeviceError::DetailRejected(self.id.to_string()));
        }
        if !self.is_active {
            return Err(DeviceError::DetailNotApproved(self.id.to_string()));
        }
        Ok(())
    }

    pub(crate) fn touch(&mut self, by: &str, now: NaiveDateTime) {
        self.upd_by = Some(by.to_owned());
        self.upd_dtimes = Some(now);
    }
}

#[cfg(test)]
mod tests;
