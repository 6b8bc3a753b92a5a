//! `POST /v1/partnermanager/onboarding/verify`: check the OTP of a sign-up, then create its
//! partner (through partner registration) and its local account in one transaction.

use actix_web::{HttpRequest, HttpResponse, web};
use audit_events::AuditEvent;
use chrono::NaiveDateTime;
use partner_domain::onboarding::{OnboardingError, Otp, OtpState, hash_secret, login_key, roles, verify_secret};
use partner_domain::registration::RegistrationRules;
use persistence::repo::account::AccountRow;
use persistence::repo::onboarding::{COMPLETED, SignupRow};
use persistence::{DbConnection, repo};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use web_support::envelope::RequestEnvelope;
use web_support::openapi::schema::ErrorResponse;
use web_support::{ApiError, Db, ResponseEnvelope, request_id, time};

use super::otp::onboarding_checks;
use super::registration::{self, SignUp};
use super::{ANONYMOUS, with_event};
use crate::error::{RefuseOnboarding, onboarding_refusal};
use crate::onboarding::{Enabled, Onboarding};
use crate::routes::PartnerConfig;

/// The OTP of a sign-up, and the password of the account to create.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VerifyForm {
    /// As answered by `/onboarding/otp`.
    #[schema(required = true, example = "3f1c2b1e-8d4a-4a47-9a51-0c6f1b7e2d90")]
    registration_id: Option<String>,
    /// Six digits.
    #[schema(required = true, pattern = "^[0-9]{6}$", example = "493027")]
    otp: Option<String>,
    /// Must meet the configured password policy.
    #[schema(required = true, format = Password, example = "c0rrect-Horse-battery")]
    password: Option<String>,
}

/// The partner registration created.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
struct Created {
    #[schema(example = "tech-auth-1")]
    partner_id: String,
    /// The partner's approval status.
    #[schema(example = "InProgress")]
    status: String,
}

/// A sign-up whose OTP may be tried, with one try claimed for this request (`row` counts it).
struct Claimed {
    row: SignupRow,
    signup: SignUp,
    otp: Otp,
    password: String,
}

/// `POST /onboarding/verify`.
#[utoipa::path(
    post,
    path = "/onboarding/verify",
    operation_id = "verifyOnboardingOtp",
    tag = "Onboarding",
    summary = "Self-service sign-up: verify the OTP, create the partner and its account",
    description = "Checks the OTP of a pending sign-up; when it matches, registers the partner \
(registration's rules again) and creates its local account with the password, in one \
transaction. A wrong OTP uses up one of the allowed tries. Public: no token.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request`, `registrationId`, `otp` or `password` missing (or \
blank), or a malformed `requesttime`; `PMS_ONB_013` the OTP is not six digits; `PMS_ONB_005` no \
pending sign-up has the registration id; `PMS_ONB_007` OTP expired; `PMS_ONB_008` too many wrong \
tries; `PMS_ONB_009` sign-up already completed; `PMS_ONB_010` weak password; `PMS_ONB_006` wrong \
OTP; then, as for `/onboarding/otp`, registration's codes, `PMS_ONB_001`, `PMS_ONB_002`, \
`PMS_PRT_001` and `PMS_PRT_051` when the store changed since the OTP was sent.",
    security(()),
    request_body(
        content = RequestEnvelope<VerifyForm>,
        example = json!({"id": "mosip.partnermanagement.onboarding.verify", "version": "1.0", "requesttime": "2024-05-01T10:22:30.123Z",
            "request": {"registrationId": "3f1c2b1e-8d4a-4a47-9a51-0c6f1b7e2d90", "otp": "493027", "password": "c0rrect-Horse-battery"}})
    ),
    responses(
        (status = 200, description = "The partner created (`id` and `version` echoed), or the errors", body = ResponseEnvelope<Created>),
        (status = 404, description = "`PMS_COR_404`: self-service onboarding is switched off (`[onboarding] enabled = false`)", body = ErrorResponse)
    )
)]
pub async fn verify(
    on: Enabled,
    req: HttpRequest,
    db: web::Data<Db>,
    partner: web::Data<PartnerConfig>,
    body: web::Json<RequestEnvelope<VerifyForm>>,
) -> Result<HttpResponse, ApiError> {
    let on = on.0;
    let envelope = body.into_inner();
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let rid = request_id::of(&req);
    let op = db.op_for(ANONYMOUS, rid.clone()).call(AuditEvent::RegisterPartner, None);
    let rules = on.clone();
    // 1. Claim a try (committed whatever the OTP turns out to be).
    let claimed = db
        .audited(op.on_failure(AuditEvent::InvalidEmailOnCreate, None), move |conn, _| {
            let form = envelope.into_request()?;
            claim(conn, &rules, form, time::now()).map_err(with_event)
        })
        .await?;

    // 2. The OTP, and the password's hash if it matches (argon2: on the blocking pool).
    let checked = web::block(move || {
        let matches = verify_secret(claimed.otp.as_str(), &claimed.row.otp_hash);
        let hash = matches.then(|| hash_secret(&claimed.password, &mut rand::rng()));
        (claimed, hash)
    })
    .await
    .map_err(ApiError::from)?;
    let after = db.op_for(ANONYMOUS, rid).on_failure(AuditEvent::InvalidEmailOnCreate, None);
    let (claimed, hash) = checked;
    let Some(hash) = hash else {
        // the try this request claimed is counted in `row` already
        let tries = u32::try_from(claimed.row.otp_tries).unwrap_or(1).saturating_sub(1);
        let state = OtpState { expires_at: claimed.row.otp_expires_dtimes, tries, completed: false };
        let (_, wrong) = on.otp.wrong_try(&state);
        let err = onboarding_refusal(wrong);
        let failed = err.clone();
        return Err(db.audited(after, move |_, _| Err::<(), _>(failed)).await.err().unwrap_or(err));
    };
    let hash = hash.refuse()?;

    // 3. Partner and account, or neither.
    let rules = on.clone();
    let created = db
        .audited(after, move |conn, trail| {
            let created = complete(conn, &rules, &partner.rules, &claimed, hash, time::now()).map_err(with_event)?;
            trail.push(AuditEvent::RegisterPartnerSuccess, Some(&created.partner_id));
            Ok(created)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(created).echo(id, version)))
}

fn required(value: Option<String>, name: &str) -> Result<String, ApiError> {
    let v = value.ok_or_else(|| ApiError::invalid_field(name, "must not be null"))?;
    if v.trim().is_empty() {
        return Err(ApiError::invalid_field(name, "must not be blank"));
    }
    Ok(v)
}

/// Finds the sign-up, checks that its OTP may be tried and that the password is acceptable
/// (neither costs a try), then claims one try.
fn claim(conn: &mut DbConnection, on: &Onboarding, form: VerifyForm, now: NaiveDateTime) -> Result<Claimed, ApiError> {
    let registration_id = required(form.registration_id, "registrationId")?;
    let otp = Otp::parse(&required(form.otp, "otp")?).refuse()?;
    let password = form.password.ok_or_else(|| ApiError::invalid_field("password", "must not be null"))?;
    let row = repo::onboarding::find_by_registration(conn, &registration_id)?
        .ok_or(OnboardingError::UnknownRegistration)
        .refuse()?;
    on.otp.check_usable(&state(&row), now).refuse()?;
    let signup: SignUp = serde_json::from_str(&row.signup_request)
        .map_err(|e| ApiError::internal(format!("stored sign-up {registration_id}: {e}")))?;
    on.passwords.check(&password, &signup.partner_id, Some(&signup.email_id)).refuse()?;
    let max = i32::try_from(on.otp.max_tries).unwrap_or(i32::MAX);
    if repo::onboarding::claim_try(conn, &registration_id, max, now)? == 0 {
        // A concurrent request took the last try or completed the sign-up.
        let now_row = repo::onboarding::find_by_registration(conn, &registration_id)?
            .ok_or(OnboardingError::UnknownRegistration)
            .refuse()?;
        on.otp.check_usable(&state(&now_row), now).refuse()?;
        return Err(onboarding_refusal(OnboardingError::OtpLocked));
    }
    // Read back under the row lock our update holds: the try count after this claim, whatever
    // concurrent requests claimed before it.
    let row = repo::onboarding::find_by_registration(conn, &registration_id)?
        .ok_or(OnboardingError::UnknownRegistration)
        .refuse()?;
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
    conn: &mut DbConnection,
    on: &Onboarding,
    registration_rules: &RegistrationRules,
    claimed: &Claimed,
    password_hash: String,
    now: NaiveDateTime,
) -> Result<Created, ApiError> {
    if repo::onboarding::complete(conn, &claimed.row.registration_id, now)? == 0 {
        return Err(onboarding_refusal(OnboardingError::AlreadyCompleted));
    }
    let signup = &claimed.signup;
    let partner_type = registration::check(conn, signup, registration_rules, now)?;
    on.email_domains.check(&signup.email_id).refuse()?;
    let account_roles = on.partner_types.roles_for(&partner_type).refuse()?;
    onboarding_checks(conn, signup)?;
    let registered = registration::create(conn, signup, registration_rules, now)?;
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
    match repo::account::insert(conn, &account) {
        Ok(_) => {}
        Err(e) if persistence::is_unique_violation(&e) => {
            return Err(ApiError::business("PMS_PRT_051", "A Partner is already registered with the same Id"));
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Created { partner_id: registered.partner_id, status: registered.status })
}
