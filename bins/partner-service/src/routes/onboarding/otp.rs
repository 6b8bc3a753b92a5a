//! `POST /v1/partnermanager/onboarding/otp`: check a sign-up as registration would, then e-mail
//! a six-digit OTP for it (`partner_app::onboarding::otp`).

use actix_web::{HttpRequest, web};
use app_core::Actor;
use partner_app::PartnerConfig;
use partner_app::onboarding::ANONYMOUS;
use partner_app::onboarding::otp::{self, OtpSent};
use partner_app::onboarding::signup::SignUpForm;
use web_support::host::client_address;
use web_support::{ApiError, Db, Envelope, Reply, request_id};

use crate::onboarding::Enabled;

/// `POST /onboarding/otp`.
#[tracing::instrument(skip_all)]
pub async fn request_otp(
    on: Enabled,
    req: HttpRequest,
    db: web::Data<Db>,
    partner: web::Data<PartnerConfig>,
    body: Envelope<SignUpForm>,
) -> Result<Reply<OtpSent>, ApiError> {
    let (form, echo) = body.open()?;
    let (on, actor) = (on.0, Actor::anonymous(ANONYMOUS, request_id::of(&req)));
    let client = client_address(&req, on.rules.trust_forwarded_for);
    let sent = db
        .call(move |store| {
            let notifier = on.notifier.as_ref();
            otp::request_otp(store, &actor, &on.rules, &partner.rules, notifier, client.as_deref(), form)
        })
        .await?;
    Ok(Reply::echo(sent, echo))
}
