//! Sign-up, step two: check the OTP, then create the partner (through partner registration) and
//! its local account in one transaction.

use app_core::{Actor, AppError, Store, Tx};
use audit_events::AuditEvent;
use partner_domain::onboarding::{OnboardingError, Otp, OtpState, hash_secret, login_key, roles, verify_secret};
use partner_domain::registration::RegistrationRules;
use persistence::repo;
use persistence::repo::account::AccountRow;
use persistence::repo::onboarding::{COMPLETED, SignupRow};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::otp_guard::WrongOtpSubjects;
use super::signup::{self, SignUp, id_taken, onboarding_checks};
use super::{OnboardingConfig, with_event};

/// The OTP of a sign-up, and the password of the account to create.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VerifyForm {
    /// As answered by `/onboarding/otp`.
    #[schema(required = true, example = "3f1c2b1e-8d4a-4a47-9a51-0c6f1b7e2d90")]
    pub registration_id: Option<String>,
    /// Six digits.
    #[schema(required = true, pattern = "^[0-9]{6}$", example = "493027")]
    pub otp: Option<String>,
    /// Must meet the configured password policy.
    #[schema(required = true, format = Password, example = "c0rrect-Horse-battery")]
    pub password: Option<String>,
}

/// The partner registration created.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Created {
    #[schema(example = "tech-auth-1")]
    pub partner_id: String,
    /// The partner's approval status.
    #[schema(example = "InProgress")]
    pub status: String,
}

/// A sign-up whose OTP may be tried, with one try claimed for this request (`row` counts it).
struct Claimed {
    row: SignupRow,
    signup: SignUp,
    otp: Otp,
    password: String,
}

/// Checks the OTP of a pending sign-up; when it matches, registers the partner (registration's
/// rules again) and creates its local account with the password, in one transaction. A wrong
/// OTP uses up one of the allowed tries, and counts against its e-mail and the client address
/// (`client`): past their limits both are locked (`PMS_ONB_016`, audited `PMS_PRT_491`).
pub fn verify(
    store: &Store,
    actor: &Actor,
    cfg: &OnboardingConfig,
    registration: &RegistrationRules,
    client: Option<&str>,
    form: VerifyForm,
) -> Result<Created, AppError> {
    // 1. Claim a try (committed whatever the OTP turns out to be).
    let plan =
        store.plan(actor).call(AuditEvent::RegisterPartner, None).on_failure(AuditEvent::InvalidEmailOnCreate, None);
    let claimed = store.audited(plan, |tx| claim(tx, cfg, client, form).map_err(with_event))?;
    let guard = WrongOtpSubjects::of(&claimed.row.email_key, client);

    // 2. The OTP, and the password's hash if it matches (argon2: outside any write transaction).
    let hash = store.read(|tx| {
        let matches = verify_secret(claimed.otp.as_str(), &claimed.row.otp_hash);
        Ok(matches.then(|| hash_secret(&claimed.password, tx.rng())))
    })?;
    let after = store.plan(actor).on_failure(AuditEvent::InvalidEmailOnCreate, None);
    let Some(hash) = hash else {
        // the try this request claimed is counted in `row` already
        let tries = u32::try_from(claimed.row.otp_tries).unwrap_or(1).saturating_sub(1);
        let state = OtpState { expires_at: claimed.row.otp_expires_dtimes, tries, completed: false };
        let (_, wrong) = cfg.otp.wrong_try(&state);
        let err = AppError::from(wrong);
        let registration_id = claimed.row.registration_id.as_str();
        let counted =
            store.audited(store.plan(actor), |tx| guard.count_wrong(tx, &cfg.otp_abuse, registration_id, &err));
        return Err(counted.err().unwrap_or(err));
    };
    let hash = hash?;

    // 3. Partner and account, or neither.
    store.audited(after, |tx| {
        let created = complete(tx, cfg, registration, &claimed, hash).map_err(with_event)?;
        guard.clear_email(tx)?;
        crate::mail::notices::partner_registered(tx, &created.partner_id)?;
        tx.trail.push(AuditEvent::RegisterPartnerSuccess, Some(&created.partner_id));
        Ok(created)
    })
}

fn required(value: Option<String>, name: &str) -> Result<String, AppError> {
    let v = value.ok_or_else(|| AppError::invalid_field(name, "must not be null"))?;
    if v.trim().is_empty() {
        return Err(AppError::invalid_field(name, "must not be blank"));
    }
    Ok(v)
}

/// Finds the sign-up, checks that its OTP may be tried and that the password is acceptable
/// (neither costs a try), then claims one try.
fn claim(tx: &mut Tx<'_>, cfg: &OnboardingConfig, client: Option<&str>, form: VerifyForm) -> Result<Claimed, AppError> {
    let now = tx.now;
    let registration_id = required(form.registration_id, "registrationId")?;
    let otp = Otp::parse(&required(form.otp, "otp")?)?;
    let password = form.password.ok_or_else(|| AppError::invalid_field("password", "must not be null"))?;
    let row = repo::onboarding::find_by_registration(tx.conn, &registration_id)?
        .ok_or(OnboardingError::UnknownRegistration)?;
    WrongOtpSubjects::of(&row.email_key, client).check(tx, &cfg.otp_abuse, &registration_id)?;
    cfg.otp.check_usable(&state(&row), now)?;
    let signup: SignUp = serde_json::from_str(&row.signup_request)
        .map_err(|e| AppError::internal(format!("stored sign-up {registration_id}: {e}")))?;
    cfg.passwords.check(&password, &signup.partner_id, Some(&signup.email_id))?;
    let max = i32::try_from(cfg.otp.max_tries).unwrap_or(i32::MAX);
    if repo::onboarding::claim_try(tx.conn, &registration_id, max, now)? == 0 {
        // A concurrent request took the last try or completed the sign-up.
        let now_row = repo::onboarding::find_by_registration(tx.conn, &registration_id)?
            .ok_or(OnboardingError::UnknownRegistration)?;
        cfg.otp.check_usable(&state(&now_row), now)?;
        return Err(OnboardingError::OtpLocked.into());
    }
    // Read back under the row lock our update holds: the try count after this claim, whatever
    // concurrent requests claimed before it.
    let row = repo::onboarding::find_by_registration(tx.conn, &registration_id)?
        .ok_or(OnboardingError::UnknownRegistration)?;
    Ok(Claimed { row, signup, otp, password })
}

fn state(row: &SignupRow) -> OtpState {
    OtpState {
        expires_at: row.otp_expires_dtimes,
        tries: u32::try_from(row.otp_tries).unwrap_or(u32::MAX),
        completed: row.status_code == COMPLETED,
    }
}

/// Marks the sign-up completed (once), checks its rules again (the store may have changed since
/// the OTP was sent), registers the partner and creates its account.
fn complete(
    tx: &mut Tx<'_>,
    cfg: &OnboardingConfig,
    registration: &RegistrationRules,
    claimed: &Claimed,
    password_hash: String,
) -> Result<Created, AppError> {
    let now = tx.now;
    if repo::onboarding::complete(tx.conn, &claimed.row.registration_id, now)? == 0 {
        return Err(OnboardingError::AlreadyCompleted.into());
    }
    let signup = &claimed.signup;
    let partner_type = signup::check(tx.conn, signup, registration, now)?;
    cfg.email_domains.check(&signup.email_id)?;
    let account_roles = cfg.partner_types.roles_for(&partner_type)?;
    onboarding_checks(tx.conn, signup)?;
    let registered = signup::create(tx.conn, signup, registration, now)?;
    let account = AccountRow {
        user_id: registered.partner_id.clone(),
        login_key: login_key(&registered.partner_id),
        password_hash,
        roles: roles::join(&account_roles),
        email_id: Some(signup.email_id.clone()),
        partner_id: Some(registered.partner_id.clone()),
        is_active: true,
        last_login_dtimes: None,
        cr_by: registered.partner_id.clone(),
        cr_dtimes: now,
        upd_by: None,
        upd_dtimes: None,
        is_deleted: false,
        del_dtimes: None,
    };
    match repo::account::insert(tx.conn, &account) {
        Ok(_) => {}
        Err(e) if persistence::is_unique_violation(&e) => return Err(id_taken()),
        Err(e) => return Err(e.into()),
    }
    Ok(Created { partner_id: registered.partner_id, status: registered.status })
}
