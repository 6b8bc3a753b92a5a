//! Secure biometric interfaces: a provider's SBI software version with its validity dates,
//! approved or rejected by a partner admin, then mapped to approved device details.

use chrono::{Months, NaiveDate, NaiveDateTime};

use crate::error::DeviceError;
use crate::fields::{EMPTY, Fields};
use crate::ids::{ProviderId, SbiId};
use crate::status::{self, Decision};

/// MOSIP's limits on SBI dates (`mosip.pms.expiry.date.max.year`, `mosip.pms.created.date.max.year`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SbiLimits {
    pub expiry_max_years: u32,
    pub created_max_years: u32,
}

impl Default for SbiLimits {
    fn default() -> Self {
        SbiLimits { expiry_max_years: 10, created_max_years: 10 }
    }
}

/// The software's creation and expiry instants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SbiDates {
    pub created: NaiveDateTime,
    pub expiry: NaiveDateTime,
}

impl SbiDates {
    /// MOSIP's `validateDates`, in its order, against `today` (UTC).
    pub fn check(&self, today: NaiveDate, limits: SbiLimits) -> Result<(), DeviceError> {
        if self.created.date() > today {
            return Err(DeviceError::CreatedInFuture);
        }
        if self.expiry.date() <= today {
            return Err(DeviceError::ExpiryNotAfterToday);
        }
        let oldest = today.checked_sub_months(Months::new(12 * limits.created_max_years)).unwrap_or(NaiveDate::MIN);
        if self.created.date() < oldest {
            return Err(DeviceError::CreatedTooOld(limits.created_max_years));
        }
        let latest = today.checked_add_months(Months::new(12 * limits.expiry_max_years)).unwrap_or(NaiveDate::MAX);
        if self.expiry.date() > latest {
            return Err(DeviceError::ExpiryTooFar(limits.expiry_max_years));
        }
        Ok(())
    }
}

/// An instant as MOSIP clients send it: ISO-8601 with or without a zone (`…T08:23:57.986Z`).
fn instant(check: &mut Fields, field: &'static str, value: Option<&str>) -> NaiveDateTime {
    let Some(text) = value.map(str::trim).filter(|t| !t.is_empty()) else {
        check.refuse(field, EMPTY);
        return NaiveDateTime::default();
    };
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
        return t.naive_utc();
    }
    match NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        Ok(t) => t,
        Err(_) => {
            check.refuse(field, "must be an ISO-8601 date and time");
            NaiveDateTime::default()
        }
    }
}

/// The raw fields of an SBI create (`providerId`) or update (`id`, `isActive`).
#[derive(Debug, Clone, Copy, Default)]
pub struct SbiFields<'a> {
    pub id: Option<&'a str>,
    pub provider_id: Option<&'a str>,
    pub binary_hash: Option<&'a str>,
    pub version: Option<&'a str>,
    pub created: Option<&'a str>,
    pub expiry: Option<&'a str>,
    pub is_active: Option<bool>,
}

/// The checked fields of an SBI create or update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SbiInput {
    pub id: SbiId,
    pub provider_id: ProviderId,
    pub binary_hash: String,
    pub version: String,
    pub dates: SbiDates,
    pub is_active: bool,
}

impl SbiInput {
    pub fn for_create(f: SbiFields<'_>) -> Result<Self, DeviceError> {
        let mut check = Fields::new();
        let provider_id = ProviderId::from(check.text("providerId", f.provider_id, usize::MAX));
        Self::finish(check, SbiId::from(""), provider_id, false, f)
    }

    pub fn for_update(f: SbiFields<'_>) -> Result<Self, DeviceError> {
        let mut check = Fields::new();
        let id = SbiId::from(check.text("id", f.id, 36));
        let is_active = check.present("isActive", f.is_active.as_ref());
        Self::finish(check, id, ProviderId::from(""), is_active, f)
    }

    fn finish(
        mut check: Fields,
        id: SbiId,
        provider_id: ProviderId,
        is_active: bool,
        f: SbiFields<'_>,
    ) -> Result<Self, DeviceError> {
        let binary_hash = check.text("swBinaryHash", f.binary_hash, 36);
        let version = check.text("swVersion", f.version, 64);
        let created = instant(&mut check, "swCreateDateTime", f.created);
        let expiry = instant(&mut check, "swExpiryDateTime", f.expiry);
        let dates = SbiDates { created, expiry };
        Ok(check.finish(SbiInput { id, provider_id, binary_hash, version, dates, is_active })?)
    }
}

/// A secure biometric interface (`secure_biometric_interface`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sbi {
    pub id: SbiId,
    pub binary_hash: String,
    pub version: String,
    pub created: Option<NaiveDateTime>,
    pub expiry: Option<NaiveDateTime>,
    pub approval_status: String,
    pub is_active: bool,
    pub provider_id: Option<ProviderId>,
    pub partner_org_name: Option<String>,
    pub cr_by: String,
    pub cr_dtimes: NaiveDateTime,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<NaiveDateTime>,
}

impl Sbi {
    /// A new SBI, pending approval and inactive.
    pub fn create(input: SbiInput, id: SbiId, org_name: Option<String>, by: &str, now: NaiveDateTime) -> Self {
        Sbi {
            id,
            binary_hash: input.binary_hash,
            version: input.version,
            created: Some(input.dates.created),
            expiry: Some(input.dates.expiry),
            approval_status: status::PENDING_APPROVAL.to_owned(),
            is_active: false,
            provider_id: Some(input.provider_id),
            partner_org_name: org_name,
            cr_by: by.to_owned(),
            cr_dtimes: now,
            upd_by: None,
            upd_dtimes: None,
        }
    }

    /// MOSIP's update: hash, version, dates and the activity the request gives.
    pub fn update(&mut self, input: SbiInput, by: &str, now: NaiveDateTime) {
        self.binary_hash = input.binary_hash;
        self.version = input.version;
        self.created = Some(input.dates.created);
        self.expiry = Some(input.dates.expiry);
        self.is_active = input.is_active;
        self.touch(by, now);
    }

    /// The admin's decision: refused on an active approved SBI and on a rejected one.
    pub fn decide(&mut self, word: &str, by: &str, now: NaiveDateTime) -> Result<(), DeviceError> {
        if self.approval_status == status::APPROVED && self.is_active {
            return Err(DeviceError::SbiAlreadyApproved);
        }
        if self.approval_status == status::REJECTED {
            return Err(DeviceError::SbiAlreadyRejected);
        }
        let (approval, active) = Decision::parse(word, DeviceError::SbiStatusCode)?.outcome();
        self.approval_status = approval.to_owned();
        self.is_active = active;
        self.touch(by, now);
        Ok(())
    }

    /// Whether a device detail may be mapped to this SBI on `today`.
    pub fn check_mappable(&self, today: NaiveDate) -> Result<(), DeviceError> {
        if !self.is_active {
            return Err(DeviceError::SbiNotApproved);
        }
        if self.expiry.is_some_and(|e| e.date() < today) {
            return Err(DeviceError::SbiExpired);
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
