//! Partner registration (MOSIP's `POST /partners` and `/partners/v2`), shared with self-service
//! onboarding: field constraints ([`RegistrationForm::validate`]), then the business rules in
//! MOSIP's order ([`register`]), asking the store through [`RegistrationLookup`].

use chrono::NaiveDateTime;
use regex::Regex;

use crate::PartnerError;
use crate::partner::{FieldViolation, NewPartner, non_blank, required};
use crate::policy::{PartnerTypeInfo, PolicyGroupInfo};

/// MOSIP's e-mail pattern (`pmp.partner.valid.email.address.regex`), with Java's ASCII `\w`.
pub const MOSIP_EMAIL_PATTERN: &str = r"^(?-u:[\w\-+])+(\.(?-u:\w)+)*@(?-u:[\w\-])+(\.(?-u:\w)+)*(\.[a-z]{2,})$";

/// The e-mail rule partners and contacts must satisfy.
#[derive(Debug, Clone)]
pub struct EmailRule(Regex);

impl EmailRule {
    pub fn new(pattern: &str) -> Result<Self, regex::Error> {
        Regex::new(pattern).map(EmailRule)
    }

    /// MOSIP's default rule.
    pub fn mosip() -> Self {
        // The pattern is a constant tested below; a failure would be a programming error.
        #[expect(clippy::expect_used, reason = "constant pattern, covered by tests")]
        EmailRule(Regex::new(MOSIP_EMAIL_PATTERN).expect("MOSIP e-mail pattern compiles"))
    }

    pub fn accepts(&self, email: &str) -> bool {
        self.0.is_match(email)
    }
}

/// The configurable limits of registration (`[partner]` settings).
#[derive(Debug, Clone)]
pub struct RegistrationRules {
    pub partner_id_max_length: usize,
    pub phone_max_length: usize,
    pub email: EmailRule,
    /// Supported language codes; the first is the default.
    pub languages: Vec<String>,
}

impl Default for RegistrationRules {
    fn default() -> Self {
        RegistrationRules {
            partner_id_max_length: 36,
            phone_max_length: 16,
            email: EmailRule::mosip(),
            languages: vec!["eng".into(), "ara".into(), "fra".into()],
        }
    }
}

/// A registration as received (every field optional, as JSON may omit it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegistrationForm {
    pub partner_id: Option<String>,
    pub organization_name: Option<String>,
    pub address: Option<String>,
    pub contact_number: Option<String>,
    pub email_id: Option<String>,
    pub partner_type: Option<String>,
    pub policy_group: Option<String>,
    pub lang_code: Option<String>,
    /// v2 only.
    pub logo_url: Option<String>,
    /// v2 only: any JSON value.
    pub additional_info: Option<serde_json::Value>,
}

/// A registration whose fields satisfy their constraints.
#[derive(Debug, Clone, PartialEq)]
pub struct RegistrationRequest {
    pub partner_id: String,
    pub organization_name: String,
    pub address: String,
    pub contact_number: String,
    pub email_id: String,
    pub partner_type: String,
    pub policy_group: Option<String>,
    pub lang_code: Option<String>,
    pub logo_url: Option<String>,
    pub additional_info: Option<serde_json::Value>,
}

impl RegistrationForm {
    /// MOSIP's bean constraints (`@NotBlank`, `@Size`), every violation in field order.
    pub fn validate(self) -> Result<RegistrationRequest, Vec<FieldViolation>> {
        let mut v = Vec::new();
        let partner_id = non_blank(&mut v, "partnerId", self.partner_id);
        let organization_name = required(&mut v, "organizationName", self.organization_name, 128);
        let address = required(&mut v, "address", self.address, 2000);
        let contact_number = required(&mut v, "contactNumber", self.contact_number, 16);
        let email_id = required(&mut v, "emailId", self.email_id, 254);
        let partner_type = non_blank(&mut v, "partnerType", self.partner_type);
        if self.logo_url.as_ref().is_some_and(|l| l.chars().count() > 256) {
            v.push(FieldViolation::new("logoUrl", "Length should be between 0 and 256 chars"));
        }
        match (partner_id, organization_name, address, contact_number, email_id, partner_type) {
            (
                Some(partner_id),
                Some(organization_name),
                Some(address),
                Some(contact_number),
                Some(email_id),
                Some(partner_type),
            ) if v.is_empty() => Ok(RegistrationRequest {
                partner_id,
                organization_name,
                address,
                contact_number,
                email_id,
                partner_type,
                policy_group: self.policy_group.filter(|g| !g.is_empty()),
                lang_code: self.lang_code,
                logo_url: self.logo_url,
                additional_info: self.additional_info,
            }),
            _ => Err(v),
        }
    }
}

/// What registration asks the store.
pub trait RegistrationLookup {
    type Error: From<PartnerError>;
    /// A partner with exactly this e-mail exists.
    fn email_registered(&mut self, email: &str) -> Result<bool, Self::Error>;
    fn partner_exists(&mut self, partner_id: &str) -> Result<bool, Self::Error>;
    fn partner_types(&mut self) -> Result<Vec<PartnerTypeInfo>, Self::Error>;
    fn policy_group_by_name(&mut self, name: &str) -> Result<Option<PolicyGroupInfo>, Self::Error>;
}

/// Who registers, for the rules that look at the caller.
#[derive(Debug, Clone, Copy)]
pub struct Registrant<'a> {
    /// The caller's user id (recorded as `cr_by`).
    pub user_id: &'a str,
    /// The e-mail of the caller's token: a caller whose e-mail already belongs to a partner
    /// cannot register another one.
    pub email: Option<&'a str>,
}

/// MOSIP's registration rules, first failure wins: the caller's e-mail is not a partner's
/// (`PMS_PRT_055`); phone length (`PMS_PRT_013`); e-mail pattern (`PMS_PRT_012`); no whitespace in
/// the partner id (`PMS_PRT_066`) and its length (`PMS_PRT_052`); e-mail unused (`PMS_PRT_011`);
/// language supported (`PMS_PRT_056`); partner id unused (`PMS_PRT_051`); partner type known,
/// case-insensitively (`PMS_PRT_010`); a group for types that need one (`PMS_PRT_108`); the group
/// exists (`PMS_PRT_002`) and is active (`PMS_PMP_023`).
pub fn register<L: RegistrationLookup>(
    req: RegistrationRequest,
    who: Registrant<'_>,
    rules: &RegistrationRules,
    lookup: &mut L,
    now: NaiveDateTime,
) -> Result<NewPartner, L::Error> {
    if let Some(email) = who.email.filter(|e| !e.is_empty())
        && lookup.email_registered(email)?
    {
        return Err(PartnerError::NotAuthorized.into());
    }
    check_phone(&req.contact_number, rules)?;
    if !rules.email.accepts(&req.email_id) {
        return Err(PartnerError::InvalidEmail.into());
    }
    if req.partner_id.chars().any(char::is_whitespace) {
        return Err(PartnerError::PartnerIdHasSpaces.into());
    }
    if req.partner_id.chars().count() > rules.partner_id_max_length {
        return Err(PartnerError::PartnerIdTooLong { max: rules.partner_id_max_length }.into());
    }
    if lookup.email_registered(&req.email_id)? {
        return Err(PartnerError::EmailTaken.into());
    }
    let lang_code = match &req.lang_code {
        Some(l) if !rules.languages.iter().any(|x| x == l) => return Err(PartnerError::LanguageNotSupported.into()),
        Some(l) => Some(l.clone()),
        None => rules.languages.first().cloned(),
    };
    if lookup.partner_exists(&req.partner_id)? {
        return Err(PartnerError::PartnerIdTaken.into());
    }
    let partner_type = lookup
        .partner_types()?
        .into_iter()
        .find(|t| t.code.eq_ignore_ascii_case(&req.partner_type))
        .ok_or(PartnerError::PartnerTypeMissing)?;
    if partner_type.is_policy_required && req.policy_group.is_none() {
        return Err(PartnerError::PolicyGroupRequired { partner_type: partner_type.code }.into());
    }
    let policy_group_id = match &req.policy_group {
        None => None,
        Some(name) => {
            let group = lookup.policy_group_by_name(name)?.ok_or(PartnerError::PolicyGroupMissing)?;
            if !group.is_active {
                return Err(PartnerError::PolicyGroupInactive.into());
            }
            Some(group.id)
        }
    };
    Ok(NewPartner {
        id: req.partner_id.clone(),
        policy_group_id,
        name: req.organization_name,
        address: req.address,
        contact_no: req.contact_number,
        email_id: req.email_id,
        user_id: req.partner_id,
        partner_type_code: partner_type.code,
        approval_status: crate::partner::IN_PROGRESS.to_owned(),
        is_active: false,
        lang_code,
        logo_url: req.logo_url,
        addl_info: req.additional_info.map_or_else(|| "[]".to_owned(), |v| v.to_string()),
        cr_by: who.user_id.to_owned(),
        cr_dtimes: now,
    })
}

/// A contact number may not be longer than the configured maximum (`PMS_PRT_013`).
pub fn check_phone(phone: &str, rules: &RegistrationRules) -> Result<(), PartnerError> {
    if phone.chars().count() > rules.phone_max_length {
        return Err(PartnerError::InvalidPhone { max: rules.phone_max_length });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
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
        fn partner_types(&mut self) -> Result<Vec<PartnerTypeInfo>, PartnerError> {
            Ok(vec![
                PartnerTypeInfo { code: "Auth_Partner".into(), is_policy_required: true },
                PartnerTypeInfo { code: "FTM_Provider".into(), is_policy_required: false },
            ])
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
        let p =
            register(v2, who(), &RegistrationRules::default(), &mut store(), now()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.lang_code.as_deref(), Some("fra"), "a supported language is kept");
        assert_eq!(p.addl_info, r#"{"k":1}"#);
        assert_eq!(p.logo_url.as_deref(), Some("https://logo"));
    }

    #[test]
    fn each_rule_answers_with_its_code_in_mosips_order() {
        let taken_caller = Registrant { user_id: "u", email: Some("taken@mosip.io") };
        assert_eq!(code(request(), taken_caller), "PMS_PRT_055");
        // the caller rule comes first, even before the phone length
        assert_eq!(
            code(RegistrationRequest { contact_number: "1".repeat(17), ..request() }, taken_caller),
            "PMS_PRT_055"
        );
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
        let both =
            RegistrationRequest { email_id: "taken@mosip.io".into(), partner_id: "Tech-123".into(), ..request() };
        assert_eq!(code(both, who()), "PMS_PRT_011");
        assert_eq!(code(RegistrationRequest { lang_code: Some("deu".into()), ..request() }, who()), "PMS_PRT_056");
        assert_eq!(code(RegistrationRequest { partner_id: "Tech-123".into(), ..request() }, who()), "PMS_PRT_051");
        assert_eq!(code(RegistrationRequest { partner_type: "Nope".into(), ..request() }, who()), "PMS_PRT_010");
        let no_group = RegistrationRequest { policy_group: None, ..request() };
        let e = register(no_group, who(), &RegistrationRules::default(), &mut store(), now()).unwrap_err();
        assert_eq!((e.code(), e.to_string()), ("PMS_PRT_108", "Policy group is Mandatory for Auth_Partner".to_owned()));
        assert_eq!(
            code(RegistrationRequest { policy_group: Some("missing".into()), ..request() }, who()),
            "PMS_PRT_002"
        );
        assert_eq!(
            code(RegistrationRequest { policy_group: Some("sleeping".into()), ..request() }, who()),
            "PMS_PMP_023"
        );
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
}
