//! The one place sign-up meets partner registration: the sign-up form and its field
//! constraints, and the rules and insert of `POST /partners` — `partner_domain::registration`
//! and `repo::partner::register_partner`, the same code, tables and checks as registration —
//! plus what onboarding adds to them.

use app_core::{AppError, invalid_field_problem};
use chrono::NaiveDateTime;
use partner_domain::onboarding::{OnboardingError, login_key};
use partner_domain::registration::{self as reg, Registrant, RegistrationForm, RegistrationRequest, RegistrationRules};
use persistence::repo::partner as partner_repo;
use persistence::{DbConnection, repo};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The sign-up request as received (every field optional, as JSON may omit it): registration's
/// fields, `partnerId` doubling as the user name.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SignUpForm {
    /// The partner's id, also the user name of its account.
    #[schema(required = true, max_length = 36, example = "tech-auth-1")]
    pub partner_id: Option<String>,
    #[schema(required = true, max_length = 128, example = "Tech Auth Ltd")]
    pub organization_name: Option<String>,
    #[schema(required = true, max_length = 254, example = "admin@techauth.example")]
    pub email_id: Option<String>,
    #[schema(required = true, example = "Auth_Partner")]
    pub partner_type: Option<String>,
    /// Required for the partner types that need a policy group.
    #[schema(example = "mpolicygroup-default-auth")]
    pub policy_group: Option<String>,
    #[schema(required = true, max_length = 16, example = "9876543210")]
    pub contact_number: Option<String>,
    #[schema(required = true, max_length = 2000, example = "1 Main Street, Springfield")]
    pub address: Option<String>,
    #[schema(example = "eng")]
    pub lang_code: Option<String>,
}

/// A sign-up whose fields meet registration's constraints; stored with the pending OTP and
/// replayed into registration once the OTP is verified.
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

/// Registration's field constraints (`PMS_COR_001`, every violation, first field first).
pub fn parse(form: SignUpForm) -> Result<SignUp, AppError> {
    let form = RegistrationForm {
        partner_id: form.partner_id,
        organization_name: form.organization_name,
        address: form.address,
        contact_number: form.contact_number,
        email_id: form.email_id,
        partner_type: form.partner_type,
        policy_group: form.policy_group,
        lang_code: form.lang_code,
        logo_url: None,
        additional_info: None,
    };
    let r = form.validate().map_err(|violations| {
        AppError::refused_many(
            violations
                .into_iter()
                .map(|v| invalid_field_problem(&format!("request.{}", v.field), &v.message))
                .collect(),
        )
    })?;
    Ok(SignUp {
        partner_id: r.partner_id,
        organization_name: r.organization_name,
        email_id: r.email_id,
        partner_type: r.partner_type,
        policy_group: r.policy_group,
        contact_number: r.contact_number,
        address: r.address,
        lang_code: r.lang_code,
    })
}

fn request(signup: &SignUp) -> RegistrationRequest {
    RegistrationRequest {
        partner_id: signup.partner_id.clone(),
        organization_name: signup.organization_name.clone(),
        address: signup.address.clone(),
        contact_number: signup.contact_number.clone(),
        email_id: signup.email_id.clone(),
        partner_type: signup.partner_type.clone(),
        policy_group: signup.policy_group.clone(),
        lang_code: signup.lang_code.clone(),
        logo_url: None,
        additional_info: None,
    }
}

/// The partner registers itself: it is its own creator, and has no token e-mail to check.
fn registrant(signup: &SignUp) -> Registrant<'_> {
    Registrant { user_id: &signup.partner_id, email: None }
}

/// Registration's rules for `signup`, without writing; answers the canonical partner type.
pub fn check(
    conn: &mut DbConnection,
    signup: &SignUp,
    rules: &RegistrationRules,
    now: NaiveDateTime,
) -> Result<String, AppError> {
    let request = request(signup);
    let mut lookups = partner_repo::Lookups::<AppError>::for_request(conn, &request, registrant(signup))?;
    let new = reg::register(request, registrant(signup), rules, &mut lookups, now)?;
    Ok(new.partner_type_code)
}

/// Registers the partner of `signup` (rules again, then the insert) in the caller's transaction.
pub fn create(
    conn: &mut DbConnection,
    signup: &SignUp,
    rules: &RegistrationRules,
    now: NaiveDateTime,
) -> Result<Registered, AppError> {
    let new = partner_repo::register_partner::<AppError>(conn, request(signup), registrant(signup), rules, now)?;
    Ok(Registered { partner_id: new.id, status: new.approval_status, partner_type: new.partner_type_code })
}

/// `PMS_PRT_051`, as registration answers a taken partner id.
pub(crate) fn id_taken() -> AppError {
    AppError::refused("PMS_PRT_051", "A Partner is already registered with the same Id")
}

/// What onboarding adds to registration's rules: one partner per organisation name, and a user
/// name no local account has (in any case). Both answer as registration's own "already
/// registered" errors do.
pub(crate) fn onboarding_checks(conn: &mut DbConnection, signup: &SignUp) -> Result<(), AppError> {
    if repo::onboarding::organisation_taken(conn, &signup.organization_name)? {
        return Err(OnboardingError::OrganisationRegistered.into());
    }
    if repo::account::login_taken(conn, &login_key(&signup.partner_id))? {
        return Err(id_taken());
    }
    Ok(())
}
