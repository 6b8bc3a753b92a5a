//! Partner registration (MOSIP's `POST /partners` and `/partners/v2`), shared with self-service
//! onboarding: field constraints ([`RegistrationForm::validate`]), then the business rules in
//! MOSIP's order ([`register`]), asking the store through [`RegistrationLookup`].

mod form;

use chrono::NaiveDateTime;
use regex::Regex;

use crate::PartnerError;
use crate::partner::NewPartner;
use crate::policy::{PartnerTypeInfo, PolicyGroupInfo};

pub use form::{RegistrationForm, RegistrationRequest};

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

/// What registration asks the store.
pub trait RegistrationLookup {
    type Error: From<PartnerError>;
    /// A partner with exactly this e-mail exists.
    fn email_registered(&mut self, email: &str) -> Result<bool, Self::Error>;
    fn partner_exists(&mut self, partner_id: &str) -> Result<bool, Self::Error>;
    /// The partner type whose code equals `code`, ignoring ASCII case.
    fn partner_type(&mut self, code: &str) -> Result<Option<PartnerTypeInfo>, Self::Error>;
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
    let partner_type = lookup.partner_type(&req.partner_type)?.ok_or(PartnerError::PartnerTypeMissing)?;
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
mod tests;
