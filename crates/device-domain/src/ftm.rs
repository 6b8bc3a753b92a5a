//! FTM chips (`ftp_chip_detail`): an FTM provider's make and model, waiting for its certificate,
//! then approved or rejected by a partner admin.

use chrono::NaiveDateTime;

use crate::detail::FIELD_MAX;
use crate::error::DeviceError;
use crate::fields::Fields;
use crate::ids::{FtmChipId, ProviderId};
use crate::status::{self, Decision};

/// The checked fields of a create (`FtpChipDetailDto`) or update (`FtpChipDetailUpdateDto`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FtmChipInput {
    /// The provider (create) or the chip (update).
    pub key: String,
    pub make: String,
    pub model: String,
}

impl FtmChipInput {
    pub fn for_create(provider: Option<&str>, make: Option<&str>, model: Option<&str>) -> Result<Self, DeviceError> {
        Self::parse("ftpProviderId", provider, make, model)
    }

    pub fn for_update(chip: Option<&str>, make: Option<&str>, model: Option<&str>) -> Result<Self, DeviceError> {
        Self::parse("ftpChipDetailId", chip, make, model)
    }

    fn parse(
        key_field: &'static str,
        key: Option<&str>,
        make: Option<&str>,
        model: Option<&str>,
    ) -> Result<Self, DeviceError> {
        let mut check = Fields::new();
        let key = check.text(key_field, key, FIELD_MAX);
        let make = check.text("make", make, FIELD_MAX);
        let model = check.text("model", model, FIELD_MAX);
        Ok(check.finish(FtmChipInput { key, make, model })?)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FtmChip {
    pub id: FtmChipId,
    pub provider_id: ProviderId,
    pub make: String,
    pub model: String,
    pub certificate_alias: Option<String>,
    pub partner_org_name: Option<String>,
    pub approval_status: String,
    pub is_active: bool,
    pub cr_by: String,
    pub cr_dtimes: NaiveDateTime,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<NaiveDateTime>,
}

impl FtmChip {
    /// A new chip, inactive, waiting for its certificate.
    pub fn create(input: FtmChipInput, id: FtmChipId, org_name: Option<String>, by: &str, now: NaiveDateTime) -> Self {
        FtmChip {
            id,
            provider_id: ProviderId::from(input.key),
            make: input.make,
            model: input.model,
            certificate_alias: None,
            partner_org_name: org_name,
            approval_status: status::PENDING_CERT_UPLOAD.to_owned(),
            is_active: false,
            cr_by: by.to_owned(),
            cr_dtimes: now,
            upd_by: None,
            upd_dtimes: None,
        }
    }

    pub fn update(&mut self, input: FtmChipInput, by: &str, now: NaiveDateTime) {
        self.make = input.make;
        self.model = input.model;
        self.touch(by, now);
    }

    /// The admin's decision; approving needs the certificate uploaded first.
    pub fn decide(&mut self, approve: bool, by: &str, now: NaiveDateTime) -> Result<(), DeviceError> {
        if approve && self.certificate_alias.is_none() {
            return Err(DeviceError::FtmCertificateMissing);
        }
        let (approval, active) = Decision::of_flag(approve).outcome();
        self.approval_status = approval.to_owned();
        self.is_active = active;
        self.touch(by, now);
        Ok(())
    }

    /// Whether `provider` may upload this chip's certificate now.
    pub fn check_upload(&self, provider: &ProviderId) -> Result<(), DeviceError> {
        if &self.provider_id != provider {
            return Err(DeviceError::FtmChipOfOtherProvider);
        }
        let approved = self.approval_status == status::APPROVED;
        if !approved && self.approval_status != status::PENDING_CERT_UPLOAD {
            return Err(DeviceError::FtmChipStatus);
        }
        if approved && !self.is_active {
            return Err(DeviceError::FtmChipDeactivated);
        }
        Ok(())
    }

    /// After an upload: the certificate's alias, back to pending approval, inactive.
    pub fn certificate_uploaded(&mut self, alias: String, by: &str, now: NaiveDateTime) {
        self.certificate_alias = Some(alias);
        self.approval_status = status::PENDING_APPROVAL.to_owned();
        self.is_active = false;
        self.touch(by, now);
    }

    /// MOSIP 1.2.2's status of a chip: `deactivated` for an approved chip switched off, its
    /// approval status otherwise.
    pub fn status(&self) -> &str {
        summary_status(&self.approval_status, self.is_active)
    }

    /// `PATCH /ftpchipdetail/{ftmId}` (1.2.2): only an approved, active chip is switched off.
    pub fn deactivate(&mut self, by: &str, now: NaiveDateTime) -> Result<(), DeviceError> {
        status::switch_off(
            &self.approval_status,
            &mut self.is_active,
            DeviceError::FtmNotApproved,
            DeviceError::FtmAlreadyDeactivated,
        )?;
        self.touch(by, now);
        Ok(())
    }

    /// The alias of the certificate `GET /ftpchipdetail/{ftmId}/certificate-data` (1.2.2) may
    /// answer: the chip must be pending approval or approved, and not deactivated.
    pub fn downloadable_certificate(&self) -> Result<&str, DeviceError> {
        let approved = self.approval_status == status::APPROVED;
        if !approved && self.approval_status != status::PENDING_APPROVAL {
            return Err(DeviceError::FtmCertificateStatus);
        }
        if approved && !self.is_active {
            return Err(DeviceError::FtmCertificateDeactivated);
        }
        self.certificate_alias.as_deref().ok_or(DeviceError::FtmCertificateStatus)
    }

    fn touch(&mut self, by: &str, now: NaiveDateTime) {
        self.upd_by = Some(by.to_owned());
        self.upd_dtimes = Some(now);
    }
}

/// The only status a 1.2.2 deactivation accepts (`PMS_DEVICE_ERROR_026` otherwise).
pub const DEACTIVATE: &str = "De-Activate";

/// Checks the `status` of a 1.2.2 deactivation request: exactly `De-Activate`.
pub fn check_deactivate_status(requested: Option<&str>) -> Result<(), DeviceError> {
    if requested == Some(DEACTIVATE) { Ok(()) } else { Err(DeviceError::FtmDeactivateStatus) }
}

/// MOSIP 1.2.2's status of a chip (or a partner) from its approval status and activity:
/// `deactivated` when approved but inactive.
pub fn summary_status(approval: &str, active: bool) -> &str {
    if approval == status::APPROVED && !active { DEACTIVATED } else { approval }
}

/// The 1.2.2 status of an approved chip or partner that is switched off.
pub const DEACTIVATED: &str = "deactivated";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::now;

    fn chip() -> FtmChip {
        let input = FtmChipInput::for_create(Some("FTP"), Some("Make123"), Some("MODEL-01")).unwrap();
        FtmChip::create(input, FtmChipId::from("c1"), Some("ftp".into()), "u", now())
    }

    #[test]
    fn fields_are_required() {
        let e = FtmChipInput::for_create(None, Some("m"), Some("x")).unwrap_err();
        let DeviceError::InvalidFields(errors) = e else { panic!("expected field errors") };
        assert_eq!(errors[0].field, "ftpProviderId");
        assert_eq!(FtmChipInput::for_update(Some("c1"), Some(""), Some("x")).unwrap_err().code(), "PMS_COR_001");
    }

    #[test]
    fn approval_needs_a_certificate_rejection_does_not() {
        let mut c = chip();
        assert_eq!(c.approval_status, status::PENDING_CERT_UPLOAD);
        assert_eq!(c.decide(true, "a", now()), Err(DeviceError::FtmCertificateMissing));
        c.decide(false, "a", now()).unwrap();
        assert_eq!((c.approval_status.as_str(), c.is_active), (status::REJECTED, false));
    }

    #[test]
    fn uploads_are_for_the_own_provider_in_the_right_status() {
        let mut c = chip();
        assert_eq!(c.check_upload(&ProviderId::from("other")), Err(DeviceError::FtmChipOfOtherProvider));
        assert_eq!(c.check_upload(&ProviderId::from("FTP")), Ok(()));
        c.certificate_uploaded("alias".into(), "u", now());
        assert_eq!(c.check_upload(&ProviderId::from("FTP")).unwrap_err().code(), "PMP_AUT_038");
        c.decide(true, "a", now()).unwrap();
        assert_eq!(c.check_upload(&ProviderId::from("FTP")), Ok(()));
        c.is_active = false;
        assert_eq!(c.check_upload(&ProviderId::from("FTP")), Err(DeviceError::FtmChipDeactivated));
    }

    #[test]
    fn only_an_approved_active_chip_is_deactivated() {
        let mut c = chip();
        assert_eq!(c.deactivate("u", now()), Err(DeviceError::FtmNotApproved));
        c.certificate_uploaded("alias".into(), "u", now());
        assert_eq!(c.deactivate("u", now()).unwrap_err().code(), "PMS_FTM_ERROR_010");
        c.decide(true, "a", now()).unwrap();
        assert_eq!(c.status(), status::APPROVED);
        c.deactivate("u", now()).unwrap();
        assert_eq!((c.approval_status.as_str(), c.is_active, c.status()), (status::APPROVED, false, DEACTIVATED));
        assert_eq!(c.deactivate("u", now()), Err(DeviceError::FtmAlreadyDeactivated));
        assert_eq!(check_deactivate_status(Some("De-Activate")), Ok(()));
        for bad in [None, Some(""), Some("de-activate"), Some("Activate")] {
            assert_eq!(check_deactivate_status(bad).unwrap_err().code(), "PMS_DEVICE_ERROR_026");
        }
    }

    #[test]
    fn certificates_are_downloadable_pending_approval_or_approved_and_active() {
        let mut c = chip();
        assert_eq!(c.downloadable_certificate(), Err(DeviceError::FtmCertificateStatus));
        c.certificate_uploaded("alias".into(), "u", now());
        assert_eq!(c.downloadable_certificate(), Ok("alias"));
        c.decide(true, "a", now()).unwrap();
        assert_eq!(c.downloadable_certificate(), Ok("alias"));
        c.deactivate("u", now()).unwrap();
        assert_eq!(c.downloadable_certificate().unwrap_err().code(), "PMS_FTM_ERROR_009");
        c.decide(false, "a", now()).unwrap();
        assert_eq!(c.downloadable_certificate().unwrap_err().code(), "PMS_FTM_ERROR_008");
        assert_eq!(summary_status(status::REJECTED, false), status::REJECTED);
        assert_eq!(summary_status(status::APPROVED, true), status::APPROVED);
    }
}
