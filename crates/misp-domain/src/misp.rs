//! A MISP (MOSIP 1.1): its registration, the approval decision, its details and its on/off switch.
//!
//! Two independent dimensions: `status` (the registration request: `Inprogress` → `approved` or
//! `rejected`, and back and forth between those two) and `is_active` (the MISP itself).

use chrono::NaiveDateTime;

use crate::email::is_valid_email;
use crate::error::{FieldError, MispError};

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

/// Limits of the `misp` columns (MOSIP's bean-validation sizes).
pub const NAME_MAX: usize = 128;
pub const CONTACT_MAX: usize = 16;
pub const EMAIL_MAX: usize = 256;
pub const ADDRESS_MAX: usize = 2000;
/// `mispStatus` of the status call.
pub const STATUS_MAX: usize = 20;

/// What a MISP says about itself on registration and update: validated and trimmed of nothing
/// (MOSIP stores the values as sent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    pub name: String,
    pub contact_no: String,
    pub email_id: String,
    pub address: String,
}

/// The raw fields of a registration or update request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DetailsInput<'a> {
    pub name: Option<&'a str>,
    pub contact_no: Option<&'a str>,
    pub email_id: Option<&'a str>,
    pub address: Option<&'a str>,
}

/// `NotNull`, `NotBlank` and `Size(max)` of one field.
fn required(errors: &mut Vec<FieldError>, field: &'static str, value: Option<&str>, max: usize) -> String {
    match value {
        None => errors.push(FieldError::new(field, "must not be null")),
        Some(v) if v.trim().is_empty() => errors.push(FieldError::new(field, "must not be blank")),
        Some(v) if v.chars().count() > max => {
            errors.push(FieldError::new(field, format!("size must be between 1 and {max}")));
        }
        Some(v) => return v.to_owned(),
    }
    String::new()
}

/// One required text field (`NotNull`, `NotBlank`, `Size(max)`), e.g. a licence key.
pub fn required_field(field: &'static str, value: Option<&str>, max: usize) -> Result<String, MispError> {
    let mut errors = Vec::new();
    let v = required(&mut errors, field, value, max);
    if errors.is_empty() { Ok(v) } else { Err(MispError::InvalidFields(errors)) }
}

impl Details {
    /// The field constraints (all of them, first failing field first), then the e-mail pattern.
    /// `name_field` is the request's name of the name field (`organizationName` on registration,
    /// `name` on update).
    pub fn parse(input: &DetailsInput<'_>, name_field: &'static str) -> Result<Details, MispError> {
        let mut errors = Vec::new();
        let name = required(&mut errors, name_field, input.name, NAME_MAX);
        let contact_no = required(&mut errors, "contactNumber", input.contact_no, CONTACT_MAX);
        let email_id = required(&mut errors, "emailId", input.email_id, EMAIL_MAX);
        let address = required(&mut errors, "address", input.address, ADDRESS_MAX);
        if !errors.is_empty() {
            return Err(MispError::InvalidFields(errors));
        }
        if !is_valid_email(&email_id) {
            return Err(MispError::InvalidEmail);
        }
        Ok(Details { name, contact_no, email_id, address })
    }
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
mod tests {
    use super::*;

    fn now() -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_700_000_000, 0).map(|d| d.naive_utc()).unwrap_or_default()
    }

    fn input() -> DetailsInput<'static> {
        DetailsInput {
            name: Some("Telecom"),
            contact_no: Some("9999999999"),
            email_id: Some("prm@telecom.com"),
            address: Some("Bangalore"),
        }
    }

    fn misp(status: RegistrationStatus, active: bool) -> Misp {
        let details = Details::parse(&input(), "organizationName").unwrap_or_else(|e| panic!("{e:?}"));
        let mut m = Misp::register("100".into(), details, "u1", now());
        m.status = status;
        m.is_active = active;
        m
    }

    #[test]
    fn registration_is_active_in_progress_and_owned_by_its_user() {
        let m = misp(RegistrationStatus::InProgress, true);
        assert_eq!(m.status.as_str(), "Inprogress");
        assert!(m.is_active);
        assert_eq!(m.user_id, "u1");
        assert_eq!(m.cr_by, "u1");
        assert_eq!(m.upd_by, None);
        assert_eq!(m.email_id.as_deref(), Some("prm@telecom.com"));
    }

    #[test]
    fn every_missing_blank_or_oversized_field_is_reported_in_order() {
        let long = "x".repeat(129);
        let bad = DetailsInput { name: Some(&long), contact_no: None, email_id: Some("  "), address: Some("a") };
        let Err(MispError::InvalidFields(errors)) = Details::parse(&bad, "organizationName") else {
            panic!("expected field errors")
        };
        let fields: Vec<_> = errors.iter().map(|e| (e.field, e.reason.as_str())).collect();
        assert_eq!(
            fields,
            [
                ("organizationName", "size must be between 1 and 128"),
                ("contactNumber", "must not be null"),
                ("emailId", "must not be blank"),
            ]
        );
        let contact = "1".repeat(17);
        let bad = DetailsInput { contact_no: Some(&contact), ..input() };
        assert!(
            matches!(Details::parse(&bad, "name"), Err(MispError::InvalidFields(e)) if e[0].field == "contactNumber")
        );
        let address = "a".repeat(2001);
        let bad = DetailsInput { address: Some(&address), ..input() };
        assert!(matches!(Details::parse(&bad, "name"), Err(MispError::InvalidFields(e)) if e[0].field == "address"));
    }

    #[test]
    fn a_single_required_field() {
        assert_eq!(required_field("mispLicenseKey", Some("abc"), 128), Ok("abc".to_owned()));
        for bad in [None, Some(""), Some("   ")] {
            assert!(
                matches!(required_field("mispLicenseKey", bad, 128), Err(MispError::InvalidFields(e)) if e[0].field == "mispLicenseKey")
            );
        }
        let long = "k".repeat(129);
        assert!(required_field("mispLicenseKey", Some(&long), 128).is_err());
    }

    #[test]
    fn the_email_pattern_is_checked_after_the_field_constraints() {
        let bad = DetailsInput { email_id: Some("A@B.COM"), ..input() };
        assert_eq!(Details::parse(&bad, "name"), Err(MispError::InvalidEmail));
        let bad = DetailsInput { email_id: Some("A@B.COM"), name: None, ..input() };
        assert!(matches!(Details::parse(&bad, "name"), Err(MispError::InvalidFields(_))));
    }

    #[test]
    fn decisions_parse_case_insensitively_and_nothing_else() {
        assert_eq!(Decision::parse(Some("APPROVED")), Ok(Decision::Approve));
        assert_eq!(Decision::parse(Some("Rejected")), Ok(Decision::Reject));
        for bad in [None, Some(""), Some("inprogress"), Some("active")] {
            assert_eq!(Decision::parse(bad), Err(MispError::BadDecision));
        }
    }

    #[test]
    fn switches_parse_case_insensitively_with_the_callers_error() {
        assert_eq!(Switch::parse(Some("Active"), MispError::BadMispSwitch), Ok(Switch::On));
        assert_eq!(Switch::parse(Some("DE-ACTIVE"), MispError::BadMispSwitch), Ok(Switch::Off));
        assert_eq!(Switch::parse(Some("inactive"), MispError::BadKeySwitch), Err(MispError::BadKeySwitch));
        assert_eq!(Switch::parse(None, MispError::BadMispSwitch), Err(MispError::BadMispSwitch));
        assert_eq!(Switch::On.as_str(), "active");
        assert_eq!(Switch::Off.as_str(), "de-active");
    }

    #[test]
    fn the_lifecycle_table_of_decisions() {
        use RegistrationStatus::*;
        let cases = [
            (InProgress, true, Decision::Approve, Ok(Approved)),
            (InProgress, false, Decision::Approve, Err(MispError::MispInactive)),
            (InProgress, true, Decision::Reject, Ok(Rejected)),
            (InProgress, false, Decision::Reject, Ok(Rejected)),
            (Approved, true, Decision::Approve, Err(MispError::AlreadyInStatus("approved".into()))),
            (Approved, false, Decision::Approve, Err(MispError::AlreadyInStatus("approved".into()))),
            (Approved, false, Decision::Reject, Ok(Rejected)),
            (Rejected, true, Decision::Reject, Err(MispError::AlreadyInStatus("rejected".into()))),
            (Rejected, true, Decision::Approve, Ok(Approved)),
            (Rejected, false, Decision::Approve, Err(MispError::MispInactive)),
        ];
        for (status, active, decision, expected) in cases {
            assert_eq!(misp(status, active).decide(decision), expected, "{status:?} {active} {decision:?}");
        }
    }

    #[test]
    fn downloads_need_an_approved_active_misp() {
        use RegistrationStatus::*;
        assert_eq!(misp(InProgress, true).may_download(), Err(MispError::NotApproved));
        assert_eq!(misp(Rejected, true).may_download(), Err(MispError::NotApproved));
        assert_eq!(misp(Approved, false).may_download(), Err(MispError::MispInactive));
        assert_eq!(misp(Approved, true).may_download(), Ok(()));
    }

    #[test]
    fn stored_statuses_read_back_case_insensitively() {
        assert_eq!(RegistrationStatus::from_stored("Approved"), RegistrationStatus::Approved);
        assert_eq!(RegistrationStatus::from_stored("rejected"), RegistrationStatus::Rejected);
        assert_eq!(RegistrationStatus::from_stored("Inprogress"), RegistrationStatus::InProgress);
        assert_eq!(misp(RegistrationStatus::Approved, false).active_label(), "De-Active");
    }
}
