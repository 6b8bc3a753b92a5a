use std::collections::HashSet;

use super::*;
use crate::policy::tests::now;

#[derive(Default)]
struct Store {
    emails: HashSet<String>,
    partners: HashSet<String>,
    groups: Vec<PolicyGroupInfo>,
}

impl RegistrationLookup for Store {
    type Error = PartnerError;
    fn email_registered(&mut self, email: &str) -> Result<bool, PartnerError> {
        Ok(self.emails.contains(email))
    }
    fn partner_exists(&mut self, id: &str) -> Result<bool, PartnerError> {
        Ok(self.partners.contains(id))
    }
    fn partner_type(&mut self, code: &str) -> Result<Option<PartnerTypeInfo>, PartnerError> {
        let types = [("Auth_Partner", true), ("FTM_Provider", false)];
        Ok(types
            .into_iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(code))
            .map(|(code, is_policy_required)| PartnerTypeInfo { code: code.into(), is_policy_required }))
    }
    fn policy_group_by_name(&mut self, name: &str) -> Result<Option<PolicyGroupInfo>, PartnerError> {
        Ok(self.groups.iter().find(|g| g.name == name).cloned())
    }
}

fn store() -> Store {
    Store {
        emails: ["taken@mosip.io".to_owned()].into(),
        partners: ["Tech-123".to_owned()].into(),
        groups: vec![
            PolicyGroupInfo { id: "g1".into(), name: "group".into(), is_active: true },
            PolicyGroupInfo { id: "g2".into(), name: "sleeping".into(), is_active: false },
        ],
    }
}

fn request() -> RegistrationRequest {
    RegistrationRequest {
        partner_id: "Tech-9".into(),
        organization_name: "Techno".into(),
        address: "Bangalore".into(),
        contact_number: "8553967572".into(),
        email_id: "new@gmail.com".into(),
        partner_type: "auth_partner".into(),
        policy_group: Some("group".into()),
        lang_code: None,
        logo_url: None,
        additional_info: None,
    }
}

fn who() -> Registrant<'static> {
    Registrant { user_id: "admin", email: Some("admin@example.org") }
}

fn code(req: RegistrationRequest, who: Registrant<'_>) -> &'static str {
    match register(req, who, &RegistrationRules::default(), &mut store(), now()) {
        Ok(_) => "ok",
        Err(e) => e.code(),
    }
}

#[test]
fn a_valid_registration_becomes_an_inactive_partner_in_progress() {
    let p = register(request(), who(), &RegistrationRules::default(), &mut store(), now())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.id, "Tech-9");
    assert_eq!(p.user_id, "Tech-9");
    assert_eq!(p.partner_type_code, "Auth_Partner", "the stored code is the canonical one");
    assert_eq!(p.policy_group_id.as_deref(), Some("g1"));
    assert_eq!((p.approval_status.as_str(), p.is_active), ("InProgress", false));
    assert_eq!(p.lang_code.as_deref(), Some("eng"), "the first configured language is the default");
    assert_eq!(p.addl_info, "[]");
    assert_eq!((p.cr_by.as_str(), p.cr_dtimes), ("admin", now()));
    let v2 = RegistrationRequest {
        lang_code: Some("fra".into()),
        additional_info: Some(serde_json::json!({"k": 1})),
        logo_url: Some("https://logo".into()),
        ..request()
    };
    let p = register(v2, who(), &RegistrationRules::default(), &mut store(), now()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.lang_code.as_deref(), Some("fra"), "a supported language is kept");
    assert_eq!(p.addl_info, r#"{"k":1}"#);
    assert_eq!(p.logo_url.as_deref(), Some("https://logo"));
}

#[test]
fn each_rule_answers_with_its_code_in_mosips_order() {
    let taken_caller = Registrant { user_id: "u", email: Some("taken@mosip.io") };
    assert_eq!(code(request(), taken_caller), "PMS_PRT_055");
    // the caller rule comes first, even before the phone length
    assert_eq!(code(RegistrationRequest { contact_number: "1".repeat(17), ..request() }, taken_caller), "PMS_PRT_055");
    assert_eq!(code(RegistrationRequest { contact_number: "1".repeat(17), ..request() }, who()), "PMS_PRT_013");
    assert_eq!(code(RegistrationRequest { contact_number: "1".repeat(16), ..request() }, who()), "ok");
    for bad in ["plain", "a.b+c@x.org", "a@b", "a@b.C0", "a b@x.org", "ä@x.org", "a@x.org "] {
        assert_eq!(code(RegistrationRequest { email_id: bad.into(), ..request() }, who()), "PMS_PRT_012", "{bad}");
    }
    for good in ["a+b-c.d@x-y.example.org", "mosip@gmail.com", "A_1@x.io"] {
        assert_eq!(code(RegistrationRequest { email_id: good.into(), ..request() }, who()), "ok", "{good}");
    }
    assert_eq!(code(RegistrationRequest { partner_id: "Tech -123".into(), ..request() }, who()), "PMS_PRT_066");
    assert_eq!(code(RegistrationRequest { partner_id: "x".repeat(37), ..request() }, who()), "PMS_PRT_052");
    assert_eq!(code(RegistrationRequest { partner_id: "x".repeat(36), ..request() }, who()), "ok");
    assert_eq!(code(RegistrationRequest { email_id: "taken@mosip.io".into(), ..request() }, who()), "PMS_PRT_011");
    // e-mail before partner id, as MOSIP checks them
    let both = RegistrationRequest { email_id: "taken@mosip.io".into(), partner_id: "Tech-123".into(), ..request() };
    assert_eq!(code(both, who()), "PMS_PRT_011");
    assert_eq!(code(RegistrationRequest { lang_code: Some("deu".into()), ..request() }, who()), "PMS_PRT_056");
    assert_eq!(code(RegistrationRequest { partner_id: "Tech-123".into(), ..request() }, who()), "PMS_PRT_051");
    assert_eq!(code(RegistrationRequest { partner_type: "Nope".into(), ..request() }, who()), "PMS_PRT_010");
    let no_group = RegistrationRequest { policy_group: None, ..request() };
    let e = register(no_group, who(), &RegistrationRules::default(), &mut store(), now()).unwrap_err();
    assert_eq!((e.code(), e.to_string()), ("PMS_PRT_108", "Policy group is Mandatory for Auth_Partner".to_owned()));
    assert_eq!(code(RegistrationRequest { policy_group: Some("missing".into()), ..request() }, who()), "PMS_PRT_002");
    assert_eq!(code(RegistrationRequest { policy_group: Some("sleeping".into()), ..request() }, who()), "PMS_PMP_023");
    // types that need no group may still name one, or none
    let ftm = RegistrationRequest { partner_type: "FTM_Provider".into(), policy_group: None, ..request() };
    assert_eq!(code(ftm.clone(), who()), "ok");
    assert_eq!(code(RegistrationRequest { policy_group: Some("group".into()), ..ftm }, who()), "ok");
    // a caller without an e-mail claim is fine
    assert_eq!(code(request(), Registrant { user_id: "u", email: None }), "ok");
}

#[test]
fn the_form_reports_every_field_violation() {
    let form = RegistrationForm {
        partner_id: Some("  ".into()),
        organization_name: Some("o".repeat(129)),
        address: Some("a".into()),
        contact_number: None,
        email_id: Some("e@x.org".into()),
        partner_type: Some("Auth_Partner".into()),
        policy_group: Some(String::new()),
        ..RegistrationForm::default()
    };
    let v = form.validate().unwrap_err();
    let fields: Vec<(&str, &str)> = v.iter().map(|x| (x.field.as_str(), x.message.as_str())).collect();
    assert_eq!(
        fields,
        vec![
            ("partnerId", "value is empty or null"),
            ("organizationName", "Length should be between 1 and 128 chars"),
            ("contactNumber", "value is empty or null"),
        ]
    );
    let ok = RegistrationForm {
        partner_id: Some("p".into()),
        organization_name: Some("o".into()),
        address: Some("a".into()),
        contact_number: Some("1".into()),
        email_id: Some("e@x.org".into()),
        partner_type: Some("t".into()),
        policy_group: Some(String::new()),
        ..RegistrationForm::default()
    };
    let r = ok.validate().unwrap_or_else(|v| panic!("{v:?}"));
    assert_eq!(r.policy_group, None, "an empty group name is no group");
    let long_logo = RegistrationForm { logo_url: Some("l".repeat(257)), ..RegistrationForm::default() };
    assert!(long_logo.validate().unwrap_err().iter().any(|x| x.field == "logoUrl"));
}

#[test]
fn the_mosip_email_pattern_compiles() {
    assert!(EmailRule::new(MOSIP_EMAIL_PATTERN).is_ok());
    assert!(EmailRule::mosip().accepts("info@mosip.io"));
}
