//! The mapping of a device detail to an SBI (`device_detail_sbi`): both approved, the SBI not
//! expired, both of one provider.

use chrono::{NaiveDate, NaiveDateTime};

use crate::detail::DeviceDetail;
use crate::error::DeviceError;
use crate::ids::{DeviceDetailId, ProviderId, SbiId};
use crate::sbi::Sbi;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SbiDeviceMapping {
    pub device_detail_id: DeviceDetailId,
    pub sbi_id: SbiId,
    pub provider_id: ProviderId,
    pub partner_org_name: Option<String>,
    pub is_active: bool,
    pub cr_by: String,
    pub cr_dtimes: NaiveDateTime,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<NaiveDateTime>,
}

impl SbiDeviceMapping {
    /// MOSIP's `mapDeviceDetailAndSbi` checks, in its order, then the new active mapping.
    pub fn create(
        detail: &DeviceDetail,
        sbi: &Sbi,
        today: NaiveDate,
        by: &str,
        now: NaiveDateTime,
    ) -> Result<Self, DeviceError> {
        detail.check_mappable()?;
        sbi.check_mappable(today)?;
        if sbi.provider_id.as_ref() != Some(&detail.provider_id) {
            return Err(DeviceError::ProviderMismatch);
        }
        Ok(SbiDeviceMapping {
            device_detail_id: detail.id.clone(),
            sbi_id: sbi.id.clone(),
            provider_id: detail.provider_id.clone(),
            partner_org_name: sbi.partner_org_name.clone(),
            is_active: true,
            cr_by: by.to_owned(),
            cr_dtimes: now,
            upd_by: None,
            upd_dtimes: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::Decision;
    use crate::testing::{new_detail, new_sbi, now};

    fn detail(provider: &str) -> DeviceDetail {
        let mut d = new_detail(provider);
        d.decide(Decision::Approve, "a", now());
        d
    }

    fn sbi(provider: &str) -> Sbi {
        let mut s = new_sbi(provider, Some("Techno"), "2027-12-01T00:00:00Z");
        s.decide("Activate", "a", now()).unwrap();
        s
    }

    #[test]
    fn both_sides_approved_and_of_one_provider() {
        let today = now().date();
        let m = SbiDeviceMapping::create(&detail("p1"), &sbi("p1"), today, "u", now()).unwrap();
        assert_eq!((m.provider_id.as_str(), m.partner_org_name.as_deref(), m.is_active), ("p1", Some("Techno"), true));
        let e = SbiDeviceMapping::create(&detail("p1"), &sbi("p2"), today, "u", now()).unwrap_err();
        assert_eq!(e.code(), "PMS_AUT_509");
        let mut pending = sbi("p1");
        pending.is_active = false;
        assert_eq!(
            SbiDeviceMapping::create(&detail("p1"), &pending, today, "u", now()),
            Err(DeviceError::SbiNotApproved)
        );
    }
}
