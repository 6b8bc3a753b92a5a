//! `POST /v1/partnermanager/onboarding/otp`: check a sign-up as registration would, then e-mail
//! a six-digit OTP for it.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use audit_events::AuditEvent;
use chrono::NaiveDateTime;
use partner_domain::onboarding::{OnboardingError, Otp, OtpPolicy, SendHistory, email_key, hash_secret, login_key};
use partner_domain::registration::RegistrationRules;
use persistence::repo::onboarding::{PENDING, SignupRow};
use persistence::{DbConnection, repo};
use serde::Serialize;
use utoipa::ToSchema;
use web_support::envelope::RequestEnvelope;
use web_support::openapi::schema::ErrorResponse;
use web_support::{ApiError, Db, ResponseEnvelope, request_id, time};

use super::registration::{self, SignUp, SignUpForm};
use super::{ANONYMOUS, MAIL_FAILED, with_event};
use crate::error::{RefuseOnboarding, onboarding_refusal};
use crate::notify::Mail;
use crate::onboarding::{Enabled, Onboarding};
use crate::routes::PartnerConfig;

/// The OTP went out.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
struct OtpSent {
    /// To send with the OTP to `/onboarding/verify`.
    registration_id: String,
    email_id: String,
    #[serde(with = "time::serde_mosip")]
    #[schema(value_type = String, example = "2024-05-01T10:25:30.123Z")]
    otp_expiry_time: NaiveDateTime,
    #[schema(example = "OTP sent to the e-mail address")]
    message: &'static str,
}

/// A stored OTP, before its e-mail went out.
struct Issued {
    registration_id: String,
    email: String,
    otp: Otp,
    expires_at: NaiveDateTime,
    /// The send history before this OTP, to restore when the e-mail cannot be sent.
    previous: Option<SendHistory>,
}

/// `POST /onboarding/otp`.
#[utoipa::path(
    post,
    path = "/onboarding/otp",
    operation_id = "requestOnboardingOtp",
    tag = "Onboarding",
    summary = "Self-service sign-up: check the sign-up and e-mail an OTP",
    description = "Checks the sign-up as partner registration (`POST /partners`) would, then \
e-mails a six-digit OTP and answers the registration id to verify it with. A new request for \
the same e-mail replaces the pending one. Public: no token.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` or a field missing, blank or too long (each failing \
field listed), or a malformed `requesttime`; registration's `PMS_PRT_013` contact number too \
long, `PMS_PRT_012` e-mail malformed, `PMS_PRT_066` whitespace in `partnerId`, `PMS_PRT_052` \
`partnerId` too long, `PMS_PRT_011` e-mail registered, `PMS_PRT_056` language not supported, \
`PMS_PRT_051` partner id or user name taken, `PMS_PRT_010` unknown partner type, `PMS_PRT_108` \
policy group required, `PMS_PRT_002` no such policy group, `PMS_PMP_023` policy group inactive; \
`PMS_ONB_001` e-mail domain not allowed; `PMS_ONB_002` partner type may not sign up; \
`PMS_PRT_001` organisation name registered; `PMS_ONB_003` an OTP was sent too recently; \
`PMS_ONB_004` too many OTPs for this e-mail in the hour.",
    security(()),
    request_body(
        content = RequestEnvelope<SignUpForm>,
        example = json!({"id": "mosip.partnermanagement.onboarding.otp", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"partnerId": "tech-auth-1", "organizationName": "Tech Auth Ltd", "emailId": "admin@techauth.example",
                "partnerType": "Auth_Partner", "policyGroup": "mpolicygroup-default-auth", "contactNumber": "9876543210",
                "address": "1 Main Street, Springfield", "langCode": "eng"}})
    ),
    responses(
        (status = 200, description = "The registration id and the OTP's expiry (`id` and `version` echoed), or the errors", body = ResponseEnvelope<OtpSent>),
        (status = 404, description = "`PMS_COR_404`: self-service onboarding is switched off (`[onboarding] enabled = false`)", body = ErrorResponse),
        (status = 503, description = "`PMS_ONB_014`: the OTP e-mail could not be sent (the OTP is void and the send not counted), or `PMS_COR_003` no database connection was free", body = ErrorResponse)
    )
)]
pub async fn request_otp(
    on: Enabled,
    req: HttpRequest,
    db: web::Data<Db>,
    partner: web::Data<PartnerConfig>,
    body: web::Json<RequestEnvelope<SignUpForm>>,
) -> Result<HttpResponse, ApiError> {
    let on = on.0;
    let envelope = body.into_inner();
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let op = db
        .op_for(ANONYMOUS, request_id::of(&req))
        .call(AuditEvent::RegisterPartner, None)
        .on_failure(AuditEvent::InvalidEmailOnCreate, None);
    let rules = on.clone();
    let issued = db
        .audited(op.clone(), move |conn, _trail| {
            let form = envelope.into_request()?;
            issue(conn, &rules, &partner.rules, form, time::now()).map_err(with_event)
        })
        .await?;

    let mail = Mail { to: issued.email.clone(), subject: on.mail_subject.clone(), body: body_text(&issued) };
    let notifier = on.notifier.clone();
    let sent = web::block(move || notifier.send(&mail)).await;
    let failure = match sent {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some(format!("{e:#}")),
        Err(e) => Some(e.to_string()),
    };
    if let Some(why) = failure {
        tracing::error!(error = %why, registration = %issued.registration_id, "the OTP e-mail could not be sent");
        return Err(undo(&db, op, &on.otp, &issued).await);
    }
    let answer = OtpSent {
        registration_id: issued.registration_id,
        email_id: issued.email,
        otp_expiry_time: issued.expires_at,
        message: "OTP sent to the e-mail address",
    };
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(answer).echo(id, version)))
}

/// Checks the sign-up (registration's rules, then onboarding's), applies the resend throttle,
/// and stores a new OTP for the e-mail under a new registration id.
fn issue(
    conn: &mut DbConnection,
    on: &Onboarding,
    rules: &RegistrationRules,
    form: SignUpForm,
    now: NaiveDateTime,
) -> Result<Issued, ApiError> {
    let signup = registration::parse(form)?;
    let partner_type = registration::check(conn, &signup, rules, now)?;
    on.email_domains.check(&signup.email_id).refuse()?;
    on.partner_types.roles_for(&partner_type).refuse()?;
    onboarding_checks(conn, &signup)?;

    let key = email_key(&signup.email_id);
    let existing = repo::onboarding::find_by_email(conn, &key)?;
    let previous = existing.as_ref().map(history);
    let sends = on.otp.record_send(previous.as_ref(), now).refuse()?;
    let otp = Otp::generate(&mut rand::rng());
    let otp_hash = hash_secret(otp.as_str(), &mut rand::rng()).refuse()?;
    let registration_id = uuid::Uuid::new_v4().to_string();
    let expires_at = on.otp.expiry(now);
    let stored = serde_json::to_string(&signup).map_err(|e| ApiError::internal(format!("sign-up as JSON: {e}")))?;
    let row = SignupRow {
        email_key: key,
        registration_id: registration_id.clone(),
        partner_id: signup.partner_id.clone(),
        signup_request: stored,
        otp_hash,
        otp_expires_dtimes: expires_at,
        otp_tries: 0,
        status_code: PENDING.into(),
        last_sent_dtimes: sends.last_sent_at,
        window_start_dtimes: sends.window_start,
        window_sends: i32::try_from(sends.window_sends).unwrap_or(i32::MAX),
        cr_dtimes: existing.as_ref().map_or(now, |r| r.cr_dtimes),
        upd_dtimes: existing.as_ref().map(|_| now),
    };
    // Of two concurrent requests for one e-mail only one stores its OTP; the other is throttled.
    let too_soon = || onboarding_refusal(OnboardingError::ResendTooSoon(1));
    match &existing {
        None => match repo::onboarding::insert(conn, &row) {
            Ok(_) => {}
            Err(e) if persistence::is_unique_violation(&e) => return Err(too_soon()),
            Err(e) => return Err(e.into()),
        },
        Some(prev) => {
            if repo::onboarding::replace(conn, &prev.registration_id, &row)? == 0 {
                return Err(too_soon());
            }
        }
    }
    Ok(Issued { registration_id, email: signup.email_id, otp, expires_at, previous })
}

/// What onboarding adds to registration's rules: one partner per organisation name, and a user
/// name no local account has (in any case). Both answer as registration's own "already
/// registered" errors do.
pub(super) fn onboarding_checks(conn: &mut DbConnection, signup: &SignUp) -> Result<(), ApiError> {
    if repo::onboarding::organisation_taken(conn, &signup.organization_name)? {
        return Err(onboarding_refusal(OnboardingError::OrganisationRegistered));
    }
    if repo::account::login_taken(conn, &login_key(&signup.partner_id))? {
        return Err(ApiError::business("PMS_PRT_051", "A Partner is already registered with the same Id"));
    }
    Ok(())
}

fn history(row: &SignupRow) -> SendHistory {
    SendHistory {
        last_sent_at: row.last_sent_dtimes,
        window_start: row.window_start_dtimes,
        window_sends: u32::try_from(row.window_sends).unwrap_or(0),
    }
}

fn body_text(issued: &Issued) -> String {
    format!(
        "Your partner registration code is {otp}\r\n\r\n\
         Enter it with your registration id {reg} to complete the sign-up.\r\n\
         It expires at {exp} UTC.\r\n\r\n\
         If you did not ask for it, ignore this message.\r\n",
        otp = issued.otp.as_str(),
        reg = issued.registration_id,
        exp = issued.expires_at.format("%Y-%m-%d %H:%M:%S"),
    )
}

/// The e-mail failed: the OTP dies at once, the send does not count against the throttle, and
/// the failure is audited. Answers the error to return.
async fn undo(db: &Db, op: web_support::AuditedOp, policy: &OtpPolicy, issued: &Issued) -> ApiError {
    let now = time::now();
    let (last, start, count) = match issued.previous {
        Some(h) => (h.last_sent_at, h.window_start, i32::try_from(h.window_sends).unwrap_or(0)),
        None => (now - policy.resend_interval, now, 0),
    };
    let registration = issued.registration_id.clone();
    let undone =
        db.write(move |conn| Ok(repo::onboarding::undo_send(conn, &registration, last, start, count, now)?)).await;
    if let Err(e) = undone {
        tracing::error!(error = %e, "could not release the undelivered OTP");
    }
    let mut err = ApiError::business(MAIL_FAILED, "The OTP e-mail could not be sent; try again later.");
    err.status = StatusCode::SERVICE_UNAVAILABLE;
    // The call event was recorded with the stored OTP; this records the failure alone.
    let op = db.op_for(&op.context().session_user_id, op.context().request_id.clone());
    let err = err.audit(AuditEvent::InvalidEmailOnCreate, None);
    let failed = err.clone();
    db.audited(op, move |_, _| Err::<(), _>(failed)).await.err().unwrap_or(err)
}
