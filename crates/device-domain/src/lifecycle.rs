//! MOSIP 1.2.2's life cycle of SBIs and devices: a device added to an SBI (an inactive mapping
//! until the admin decides), the admin's approval or rejection of a device with its mapping, the
//! deactivation of a device and of an SBI with its devices. Each refusal is one of MOSIP's
//! `PMS_DEVICE_ERROR_0xx` (or partner) codes, answered in the 1.2.2 envelope.

use chrono::{NaiveDate, NaiveDateTime};

use crate::detail::DeviceDetail;
use crate::ids::{DeviceDetailId, ProviderId, SbiId};
use crate::mapping::SbiDeviceMapping;
use crate::sbi::Sbi;
use crate::status::{self, Decision};

/// The only status word a 1.2.2 deactivation accepts.
pub const DEACTIVATE: &str = "De-Activate";
/// MOSIP's partner type of device providers.
pub const DEVICE_PROVIDER_TYPE: &str = "Device_Provider";

/// What the 1.2.2 SBI and device operations refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LifecycleError {
    #[error("User Id does not exists.")]
    UserNotFound,
    #[error("Partner is not active.")]
    PartnerNotActive,
    #[error("Invalid request.")]
    InvalidRequest,
    #[error("Partner id is not associated with user.")]
    PartnerNotOfUser,
    #[error("SBI is not associated with partner Id.")]
    SbiOfOtherPartner,
    #[error("Invalid partner type.")]
    NotDeviceProvider,
    #[error("SBI and Device mapping already exists.")]
    MappingExists,
    #[error("SBI do not exists.")]
    SbiNotFound,
    #[error("Device do not exists.")]
    DeviceNotFound,
    #[error("Device is not associated with partner Id.")]
    DeviceOfOtherPartner,
    #[error("Unable to process the request as the associated SBI is not approved.")]
    SbiPending,
    #[error("Given device details are not in pending for approval status.")]
    DeviceNotPending,
    #[error("SBI and Device mapping does not exists.")]
    MappingNotFound,
    #[error("The selected device has been already deactivated.")]
    DeviceAlreadyDeactivated,
    #[error("Device is not associated with user.")]
    DeviceNotOfUser,
    #[error("SBI is not associated with user.")]
    SbiNotOfUser,
    #[error("The selected SBI is already deactivated.")]
    SbiAlreadyDeactivated,
    #[error("SBI for which device is being added is expired")]
    SbiExpired,
    #[error("The selected SBI is not in an approved status.")]
    SbiNotApproved,
    #[error("The selected Device is not in an approved status.")]
    DeviceNotApproved,
    #[error("This device cannot be approved as it does not have any SBI associated to it.")]
    NoSbiToApprove,
    #[error("This device cannot be rejected as it does not have any SBI associated to it.")]
    NoSbiToReject,
    #[error("Request status should be De-Activate")]
    NotDeactivate,
    #[error("Request status should be either approved or rejected")]
    NotApproveOrReject,
    #[error("Unable to process the request as the associated SBI is rejected")]
    SbiRejected,
    #[error("Unable to process the request as the associated SBI is deactivated")]
    SbiDeactivated,
}

impl LifecycleError {
    /// The MOSIP error code.
    pub fn code(self) -> &'static str {
        use LifecycleError::*;
        match self {
            UserNotFound => "PMS_CERTIFICATE_ERROR_002",
            PartnerNotActive => "PMS_PMP_016",
            InvalidRequest => "PMS_REQUEST_ERROR_001",
            PartnerNotOfUser => "PMS_DEVICE_ERROR_001",
            SbiOfOtherPartner => "PMS_DEVICE_ERROR_002",
            NotDeviceProvider => "PMS_DEVICE_ERROR_003",
            MappingExists => "PMS_DEVICE_ERROR_004",
            SbiNotFound => "PMS_DEVICE_ERROR_005",
            DeviceNotFound => "PMS_DEVICE_ERROR_006",
            DeviceOfOtherPartner => "PMS_DEVICE_ERROR_007",
            SbiPending => "PMS_DEVICE_ERROR_009",
            DeviceNotPending => "PMS_DEVICE_ERROR_010",
            MappingNotFound => "PMS_DEVICE_ERROR_012",
            DeviceAlreadyDeactivated => "PMS_DEVICE_ERROR_014",
            DeviceNotOfUser => "PMS_DEVICE_ERROR_016",
            SbiNotOfUser => "PMS_DEVICE_ERROR_019",
            SbiAlreadyDeactivated => "PMS_DEVICE_ERROR_020",
            SbiExpired => "PMS_DEVICE_ERROR_021",
            SbiNotApproved => "PMS_DEVICE_ERROR_022",
            DeviceNotApproved => "PMS_DEVICE_ERROR_023",
            NoSbiToApprove => "PMS_DEVICE_ERROR_024",
            NoSbiToReject => "PMS_DEVICE_ERROR_025",
            NotDeactivate => "PMS_DEVICE_ERROR_026",
            NotApproveOrReject => "PMS_DEVICE_ERROR_027",
            SbiRejected => "PMS_DEVICE_ERROR_028",
            SbiDeactivated => "PMS_DEVICE_ERROR_029",
        }
    }
}

/// A deactivation request's `status`: exactly `De-Activate`, or `PMS_DEVICE_ERROR_026`.
pub fn check_deactivate(status: Option<&str>) -> Result<(), LifecycleError> {
    if status == Some(DEACTIVATE) { Ok(()) } else { Err(LifecycleError::NotDeactivate) }
}

/// MOSIP 1.2.2's status of an SBI or device as its lists show it: `approved` (and active),
/// `deactivated` (approved, inactive), `pending_approval`, `rejected`; none for another status.
pub fn status_label(approval_status: &str, is_active: bool) -> Option<&'static str> {
    match approval_status {
        status::APPROVED if is_active => Some("approved"),
        status::APPROVED => Some("deactivated"),
        status::PENDING_APPROVAL => Some(status::PENDING_APPROVAL),
        status::REJECTED => Some(status::REJECTED),
        _ => None,
    }
}

/// The admin's decision on a device and its SBI mapping (`POST /devicedetail/{id}/approval`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingApproval {
    pub partner_id: ProviderId,
    pub sbi_id: SbiId,
    pub decision: Decision,
}

impl MappingApproval {
    /// MOSIP's checks in its order: `partnerId` and `status` present (`PMS_REQUEST_ERROR_001`),
    /// `status` `approved` or `rejected` (`PMS_DEVICE_ERROR_027`), `sbiId` present (`024`/`025`).
    pub fn parse(
        partner_id: Option<&str>,
        sbi_id: Option<&str>,
        status_word: Option<&str>,
    ) -> Result<Self, LifecycleError> {
        let (Some(partner_id), Some(word)) = (partner_id, status_word) else {
            return Err(LifecycleError::InvalidRequest);
        };
        let decision = match word {
            status::APPROVED => Decision::Approve,
            status::REJECTED => Decision::Reject,
            _ => return Err(LifecycleError::NotApproveOrReject),
        };
        let Some(sbi_id) = sbi_id else {
            return Err(match decision {
                Decision::Approve => LifecycleError::NoSbiToApprove,
                Decision::Reject => LifecycleError::NoSbiToReject,
            });
        };
        Ok(MappingApproval { partner_id: ProviderId::from(partner_id), sbi_id: SbiId::from(sbi_id), decision })
    }
}

impl Sbi {
    /// Whether `partner`'s devices may be added to (or approved on) this SBI (MOSIP's
    /// `validateSbiDeviceMapping`, SBI half): the partner's, approved, active, not expired.
    pub fn accepts_devices_of(&self, partner: &ProviderId, today: NaiveDate) -> Result<(), LifecycleError> {
        if self.provider_id.as_ref() != Some(partner) {
            return Err(LifecycleError::SbiOfOtherPartner);
        }
        match self.approval_status.as_str() {
            status::PENDING_APPROVAL => return Err(LifecycleError::SbiPending),
            status::REJECTED => return Err(LifecycleError::SbiRejected),
            status::APPROVED if !self.is_active => return Err(LifecycleError::SbiDeactivated),
            _ => {}
        }
        if self.expiry.is_some_and(|e| e.date() < today) {
            return Err(LifecycleError::SbiExpired);
        }
        Ok(())
    }

    /// Switches an approved, active SBI off (`PMS_DEVICE_ERROR_022` not approved, `020` already off).
    pub fn deactivate(&mut self, by: &str, now: NaiveDateTime) -> Result<(), LifecycleError> {
        status::switch_off(
            &self.approval_status,
            &mut self.is_active,
            LifecycleError::SbiNotApproved,
            LifecycleError::SbiAlreadyDeactivated,
        )?;
        self.touch(by, now);
        Ok(())
    }
}

impl DeviceDetail {
    /// The device half of `validateSbiDeviceMapping`: `partner`'s, pending approval.
    pub fn check_pending_of(&self, partner: &ProviderId) -> Result<(), LifecycleError> {
        if &self.provider_id != partner {
            return Err(LifecycleError::DeviceOfOtherPartner);
        }
        if self.approval_status != status::PENDING_APPROVAL {
            return Err(LifecycleError::DeviceNotPending);
        }
        Ok(())
    }

    /// Switches an approved, active device off (`PMS_DEVICE_ERROR_023` not approved, `014` off).
    pub fn deactivate(&mut self, by: &str, now: NaiveDateTime) -> Result<(), LifecycleError> {
        status::switch_off(
            &self.approval_status,
            &mut self.is_active,
            LifecycleError::DeviceNotApproved,
            LifecycleError::DeviceAlreadyDeactivated,
        )?;
        self.touch(by, now);
        Ok(())
    }

    /// What the deactivation of its SBI does to a mapped device: an approved, active one is
    /// switched off, a pending one rejected; others stay. True when it changed.
    pub fn follow_sbi_deactivation(&mut self, by: &str, now: NaiveDateTime) -> bool {
        if self.approval_status == status::APPROVED && self.is_active {
            self.is_active = false;
        } else if self.approval_status == status::PENDING_APPROVAL {
            self.approval_status = status::REJECTED.to_owned();
        } else {
            return false;
        }
        self.touch(by, now);
        true
    }
}

impl SbiDeviceMapping {
    /// The inactive mapping of a device just added to an SBI (active once the admin decides).
    pub fn pending(
        device_detail_id: DeviceDetailId,
        sbi_id: SbiId,
        provider_id: ProviderId,
        partner_org_name: Option<String>,
        by: &str,
        now: NaiveDateTime,
    ) -> Self {
        SbiDeviceMapping {
            device_detail_id,
            sbi_id,
            provider_id,
            partner_org_name,
            is_active: false,
            cr_by: by.to_owned(),
            cr_dtimes: now,
            upd_by: None,
            upd_dtimes: None,
        }
    }

    /// The admin decided on the device: the mapping is active whatever the decision (as MOSIP).
    pub fn activate(&mut self, by: &str, now: NaiveDateTime) {
        self.is_active = true;
        self.upd_by = Some(by.to_owned());
        self.upd_dtimes = Some(now);
    }
}

#[cfg(test)]
mod tests;
