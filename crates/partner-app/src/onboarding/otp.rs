//! Sign-up, step one: check a sign-up as registration would, then e-mail a six-digit OTP for it.

use app_core::{Actor, AppError, FailureKind, Problem, Store, Tx};
use audit_events::AuditEvent;
use chrono::NaiveDateTime;
use partner_domain::onboarding::{Otp, OtpPolicy, SendHistory, email_key, hash_secret};
use partner_domain::registration::RegistrationRules;
use persistence::repo;
use persistence::repo::onboarding::{PENDING, SignupRow};
use serde::Serialize;
use utoipa::ToSchema;

use super::signup::{self, SignUpForm, onboarding_checks};
use super::{Mail, Notifier, OnboardingConfig, otp_guard, with_event};

/// `PMS_ONB_014`: the OTP e-mail could not be delivered (answered as unavailable, HTTP 503).
pub const MAIL_FAILED: &str = "PMS_ONB_014";

/// The OTP went out.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OtpSent {
    /// To send with the OTP to `/onboarding/verify`.
    pub registration_id: String,
    pub email_id: String,
    #[serde(with = "crate::dto::mosip_time")]
    #[schema(value_type = String, example = "2024-05-01T10:25:30.123Z")]
    pub otp_expiry_time: NaiveDateTime,
    #[schema(example = "OTP sent to the e-mail address")]
    pub message: &'static str,
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

/// Checks the sign-up (registration's rules, then onboarding's), stores a new OTP for its e-mail
/// under a new registration id (replacing a pending one, within the resend throttle) and mails
/// it through `notifier`. An e-mail that cannot be sent voids the OTP and does not count against
/// the throttle (`PMS_ONB_014`). OTPs sent for requests from one client address (`client`) are
/// limited too (`PMS_ONB_016`, see [`partner_domain::onboarding::OtpThrottle`]).
pub fn request_otp(
    store: &Store,
    actor: &Actor,
    cfg: &OnboardingConfig,
    registration: &RegistrationRules,
    notifier: &dyn Notifier,
    client: Option<&str>,
    form: SignUpForm,
) -> Result<OtpSent, AppError> {
    let plan =
        store.plan(actor).call(AuditEvent::RegisterPartner, None).on_failure(AuditEvent::InvalidEmailOnCreate, None);
    let issued = store.audited(plan, |tx| issue(tx, cfg, registration, client, form).map_err(with_event))?;
    let mail = Mail { to: issued.email.clone(), subject: cfg.mail_subject.clone(), body: body_text(&issued) };
    if let Err(why) = notifier.send(&mail) {
        tracing::error!(error = %why, registration = %issued.registration_id, "the OTP e-mail could not be sent");
        return Err(undo(store, actor, &cfg.otp, &issued));
    }
    Ok(OtpSent {
        registration_id: issued.registration_id,
        email_id: issued.email,
        otp_expiry_time: issued.expires_at,
        message: "OTP sent to the e-mail address",
    })
}

/// Checks the sign-up (registration's rules, then onboarding's), applies the resend throttle,
/// and stores a new OTP for the e-mail under a new registration id.
fn issue(
    tx: &mut Tx<'_>,
    cfg: &OnboardingConfig,
    registration: &RegistrationRules,
    client: Option<&str>,
    form: SignUpForm,
) -> Result<Issued, AppError> {
    let now = tx.now;
    otp_guard::check_send(tx, &cfg.otp_abuse, client)?;
    let signup = signup::parse(form)?;
    let partner_type = signup::check(tx.conn, &signup, registration, now)?;
    cfg.email_domains.check(&signup.email_id)?;
    cfg.partner_types.roles_for(&partner_type)?;
    onboarding_checks(tx.conn, &signup)?;

    let key = email_key(&signup.email_id);
    let existing = repo::onboarding::find_by_email(tx.conn, &key)?;
    let previous = existing.as_ref().map(history);
    let sends = cfg.otp.record_send(previous.as_ref(), now)?;
    let otp = Otp::generate(tx.rng());
    let otp_hash = hash_secret(otp.as_str(), tx.rng())?;
    let registration_id = tx.new_id();
    let expires_at = cfg.otp.expiry(now);
    let stored = serde_json::to_string(&signup).map_err(|e| AppError::internal(format!("sign-up as JSON: {e}")))?;
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
    let too_soon = || AppError::from(partner_domain::onboarding::OnboardingError::ResendTooSoon(1));
    match &existing {
        None => match repo::onboarding::insert(tx.conn, &row) {
            Ok(_) => {}
            Err(e) if persistence::is_unique_violation(&e) => return Err(too_soon()),
            Err(e) => return Err(e.into()),
        },
        Some(prev) => {
            if repo::onboarding::replace(tx.conn, &prev.registration_id, &row)? == 0 {
                return Err(too_soon());
            }
        }
    }
    otp_guard::count_send(tx, &cfg.otp_abuse, client)?;
    Ok(Issued { registration_id, email: signup.email_id, otp, expires_at, previous })
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
fn undo(store: &Store, actor: &Actor, policy: &OtpPolicy, issued: &Issued) -> AppError {
    let released = store.write(|tx| {
        let now = tx.now;
        let (last, start, count) = match issued.previous {
            Some(h) => (h.last_sent_at, h.window_start, i32::try_from(h.window_sends).unwrap_or(0)),
            None => (now - policy.resend_interval, now, 0),
        };
        Ok(repo::onboarding::undo_send(tx.conn, &issued.registration_id, last, start, count, now)?)
    });
    if let Err(e) = released {
        tracing::error!(error = %e, "could not release the undelivered OTP");
    }
    let err = AppError {
        kind: FailureKind::Unavailable,
        problems: vec![Problem::new(MAIL_FAILED, "The OTP e-mail could not be sent; try again later.")],
        audit: Vec::new(),
        detail: None,
    }
    .audit(AuditEvent::InvalidEmailOnCreate, None);
    // The call event was recorded with the stored OTP; this records the failure alone.
    let failed = err.clone();
    store.audited(store.plan(actor), |_| Err::<(), _>(failed)).err().unwrap_or(err)
}
