use super::*;
use crate::registration::RegistrationRules;

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
    let long = UpdateForm { address: Some("a".into()), contact_number: Some("1".repeat(17)), ..UpdateForm::default() };
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
