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
    assert!(matches!(Details::parse(&bad, "name"), Err(MispError::InvalidFields(e)) if e[0].field == "contactNumber"));
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
