//! The one place sign-up meets partner registration: the sign-up form, its field constraints,
//! and the registration rules and insert of `POST /partners`.
//!
//! INTERIM: until the partner feature's registration is on `main`, `check` and `create` apply
//! MOSIP's registration rules (reference §6 P1/P2) here; at the merge they call
//! `partner_domain::registration` and `repo::partner::register_partner` instead.

use chrono::NaiveDateTime;
use persistence::{DbConnection, repo};
use serde::{Deserialize, Serialize};
use web_support::ApiError;

/// The sign-up request as received (every field optional, as JSON may omit it).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignUpForm {
    pub partner_id: Option<String>,
    pub organization_name: Option<String>,
    pub email_id: Option<String>,
    pub partner_type: Option<String>,
    pub policy_group: Option<String>,
    pub contact_number: Option<String>,
    pub address: Option<String>,
    pub lang_code: Option<String>,
}

/// A sign-up whose fields meet their constraints; stored with the pending OTP and replayed into
/// registration once the OTP is verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignUp {
    pub partner_id: String,
    pub organization_name: String,
    pub email_id: String,
    pub partner_type: String,
    pub policy_group: Option<String>,
    pub contact_number: String,
    pub address: String,
    pub lang_code: Option<String>,
}

/// What registration created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    pub partner_id: String,
    pub status: String,
    pub partner_type: String,
}

/// MOSIP's bean constraints of the registration request (`PMS_COR_001`, first failing field first).
pub fn parse(form: SignUpForm) -> Result<SignUp, ApiError> {
    fn field(value: Option<String>, name: &str, max: Option<usize>) -> Result<String, ApiError> {
        let v = value.ok_or_else(|| ApiError::invalid_field(name, "must not be null"))?;
        if v.trim().is_empty() {
            return Err(ApiError::invalid_field(name, "must not be blank"));
        }
        if let Some(max) = max
            && v.chars().count() > max
        {
            return Err(ApiError::invalid_field(name, &format!("Length should be between 1 and {max} chars")));
        }
        Ok(v)
    }
    Ok(SignUp {
        partner_id: field(form.partner_id, "partnerId", None)?,
        organization_name: field(form.organization_name, "organizationName", Some(128))?,
        address: field(form.address, "address", Some(2000))?,
        contact_number: field(form.contact_number, "contactNumber", Some(16))?,
        email_id: field(form.email_id, "emailId", Some(254))?,
        partner_type: field(form.partner_type, "partnerType", None)?,
        policy_group: form.policy_group.filter(|g| !g.trim().is_empty()),
        lang_code: form.lang_code.filter(|l| !l.trim().is_empty()),
    })
}

/// MOSIP's registration rules for `signup`, without writing; answers the canonical partner type.
pub fn check(conn: &mut DbConnection, signup: &SignUp) -> Result<(String, Option<String>), ApiError> {
    let e = ApiError::business;
    if signup.contact_number.chars().count() > 16 {
        return Err(e("PMS_PRT_013", "Invalid mobile number.Length should be less than .16"));
    }
    if !email_pattern().is_some_and(|r| r.is_match(&signup.email_id)) {
        return Err(e("PMS_PRT_012", "Invalid emailId."));
    }
    if signup.partner_id.chars().any(char::is_whitespace) {
        return Err(e("PMS_PRT_066", "PartnerId should not have any spaces36"));
    }
    if signup.partner_id.chars().count() > 36 {
        return Err(e("PMS_PRT_052", "PartnerId max length should be 36"));
    }
    let (id_taken, email_taken) = repo::onboarding::interim_partner_taken(conn, &signup.partner_id, &signup.email_id)?;
    if email_taken {
        return Err(e("PMS_PRT_011", "Email is already exists."));
    }
    if let Some(l) = &signup.lang_code
        && !["eng", "ara", "fra"].contains(&l.as_str())
    {
        return Err(e("PMS_PRT_056", "Given langCode is not supported"));
    }
    if id_taken {
        return Err(e("PMS_PRT_051", "A Partner is already registered with the same Id"));
    }
    let (code, needs_group) = repo::onboarding::interim_partner_type(conn, &signup.partner_type)?
        .ok_or_else(|| e("PMS_PRT_010", "Partner Type does not exist"))?;
    let group = match &signup.policy_group {
        None if needs_group => return Err(e("PMS_PRT_108", &format!("Policy group is Mandatory for {code}"))),
        None => None,
        Some(name) => {
            let (id, active) = repo::onboarding::interim_policy_group(conn, name)?
                .ok_or_else(|| e("PMS_PRT_002", "Policy group does not exist"))?;
            if !active {
                return Err(e("PMS_PMP_023", "Policy group is not active."));
            }
            Some(id)
        }
    };
    Ok((code, group))
}

/// Registers the partner of `signup` (rules again, then the insert) in the caller's transaction.
pub fn create(conn: &mut DbConnection, signup: &SignUp, now: NaiveDateTime) -> Result<Registered, ApiError> {
    let (code, group) = check(conn, signup)?;
    let inserted = repo::onboarding::interim_insert_partner(
        conn,
        &signup.partner_id,
        &signup.organization_name,
        &signup.address,
        &signup.contact_number,
        &signup.email_id,
        &code,
        group.as_deref(),
        now,
    );
    match inserted {
        Ok(_) => {
            Ok(Registered { partner_id: signup.partner_id.clone(), status: "InProgress".into(), partner_type: code })
        }
        Err(e) if persistence::is_unique_violation(&e) => {
            Err(ApiError::business("PMS_PRT_051", "A Partner is already registered with the same Id"))
        }
        Err(e) => Err(e.into()),
    }
}

fn email_pattern() -> Option<&'static regex::Regex> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"^(?-u:[\w\-+])+(\.(?-u:\w)+)*@(?-u:[\w\-])+(\.(?-u:\w)+)*(\.[a-z]{2,})$").ok()
    })
    .as_ref()
}
