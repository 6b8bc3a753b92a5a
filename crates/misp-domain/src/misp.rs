//! A MISP (MOSIP 1.1): its registration, the approval decision, its details and its on/off switch.
//!
//! Two independent dimensions: `status` (the registration request: `Inprogress` → `approved` or
//! `rejected`, and back and forth between those two) and `is_active` (the MISP itself).

mod details;

use chrono::NaiveDateTime;

use crate::error::MispError;

pub use details::{ADDRESS_MAX, CONTACT_MAX, Details, DetailsInput, EMAIL_MAX, NAME_MAX, STATUS_MAX, required_field};

/// The state of a MISP's registration request, as stored in `misp.status_code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationStatus {
    /// Stored as `Inprogress`, exactly as MOSIP writes it.
    InProgress,
    /// Stored as `approved` (MOSIP stores the lower-cased request).
    Approved,
    /// Stored as `rejected`.
    Rejected,
}

impl RegistrationStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            RegistrationStatus::InProgress => "Inprogress",
            RegistrationStatus::Approved => "approved",
            RegistrationStatus::Rejected => "rejected",
        }
    }

    /// Reads a stored value; comparison is case-insensitive as in MOSIP, anything unknown is in progress.
    pub fn from_stored(s: &str) -> Self {
        match s.to_ascii_lowercase().as_str() {
            "approved" => RegistrationStatus::Approved,
            "rejected" => RegistrationStatus::Rejected,
            _ => RegistrationStatus::InProgress,
        }
    }
}

/// The admin's answer to a registration request (`mispStatus` of the status call).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
}

impl Decision {
    /// `approved` or `rejected`, case-insensitive; anything else (also nothing) is `PMS_MSP_403`.
    pub fn parse(s: Option<&str>) -> Result<Self, MispError> {
        match s.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
            Some("approved") => Ok(Decision::Approve),
            Some("rejected") => Ok(Decision::Reject),
            _ => Err(MispError::BadDecision),
        }
    }

    pub const fn target(self) -> RegistrationStatus {
        match self {
            Decision::Approve => RegistrationStatus::Approved,
            Decision::Reject => RegistrationStatus::Rejected,
        }
    }
}

/// `active` / `de-active`: switches a MISP or a licence key on or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Switch {
    On,
    Off,
}

impl Switch {
    /// `active` or `de-active`, case-insensitive; anything else (also nothing) is `invalid`.
    pub fn parse(s: Option<&str>, invalid: MispError) -> Result<Self, MispError> {
        match s.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
            Some("active") => Ok(Switch::On),
            Some("de-active") => Ok(Switch::Off),
            _ => Err(invalid),
        }
    }

    pub const fn is_on(self) -> bool {
        matches!(self, Switch::On)
    }

    /// `active` / `de-active`, as MOSIP 1.2 answers a key switch.
    pub const fn as_str(self) -> &'static str {
        match self {
            Switch::On => "active",
            Switch::Off => "de-active",
        }
    }
}

/// A MISP as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misp {
    pub id: String,
    pub name: String,
    pub address: Option<String>,
    pub contact_no: Option<String>,
    pub email_id: Option<String>,
    /// The user who registered it: its owner.
    pub user_id: String,
    pub status: RegistrationStatus,
    pub is_active: bool,
    pub cr_by: String,
    pub cr_dtimes: NaiveDateTime,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<NaiveDateTime>,
}

impl Misp {
    /// A newly registered MISP: active, its request `Inprogress`, owned by `user`. No licence key
    /// yet (one comes with the approval).
    pub fn register(id: String, details: Details, user: &str, now: NaiveDateTime) -> Misp {
        Misp {
            id,
            name: details.name,
            address: Some(details.address),
            contact_no: Some(details.contact_no),
            email_id: Some(details.email_id),
            user_id: user.to_owned(),
            status: RegistrationStatus::InProgress,
            is_active: true,
            cr_by: user.to_owned(),
            cr_dtimes: now,
            upd_by: None,
            upd_dtimes: None,
        }
    }

    /// The status a decision leads to: refused when the request already is in that state
    /// (`PMS_MSP_404`), or when approving a deactivated MISP (`PMS_MSP_405`).
    pub fn decide(&self, decision: Decision) -> Result<RegistrationStatus, MispError> {
        let target = decision.target();
        if self.status == target {
            return Err(MispError::AlreadyInStatus(target.as_str().to_owned()));
        }
        if decision == Decision::Approve && !self.is_active {
            return Err(MispError::MispInactive);
        }
        Ok(target)
    }

    /// A download of the licence key needs an approved (`PMS_MSP_419`), active (`PMS_MSP_405`) MISP.
    pub fn may_download(&self) -> Result<(), MispError> {
        if self.status != RegistrationStatus::Approved {
            return Err(MispError::NotApproved);
        }
        if !self.is_active {
            return Err(MispError::MispInactive);
        }
        Ok(())
    }

    /// `Active` / `De-Active`, how MOSIP names `is_active` in answers.
    pub fn active_label(&self) -> &'static str {
        if self.is_active { "Active" } else { "De-Active" }
    }
}

#[cfg(test)]
mod tests;
