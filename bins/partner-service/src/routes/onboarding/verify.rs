//! `POST /v1/partnermanager/onboarding/verify`: check the OTP of a sign-up, then create its
//! partner and its local account (`partner_app::onboarding::verify`).

use actix_web::{HttpRequest, web};
use app_core::Actor;
use partner_app::PartnerConfig;
use partner_app::onboarding::ANONYMOUS;
use partner_app::onboarding::verify::{self as op, Created, VerifyForm};
use web_support::host::client_address;
use web_support::{ApiError, Db, Envelope, Reply, request_id};

use crate::onboarding::Enabled;

/// `POST /onboarding/verify`.
#[tracing::instrument(skip_all)]
pub async fn verify(
    on: Enabled,
    req: HttpRequest,
    db: web::Data<Db>,
    partner: web::Data<PartnerConfig>,
    body: Envelope<VerifyForm>,
) -> Result<Reply<Created>, ApiError> {
    let (form, echo) = body.open()?;
    let (on, actor) = (on.0, Actor::anonymous(ANONYMOUS, request_id::of(&req)));
    let client = client_address(&req, on.rules.trust_forwarded_for);
    let created =
        db.call(move |store| op::verify(store, &actor, &on.rules, &partner.rules, client.as_deref(), form)).await?;
    Ok(Reply::echo(created, echo))
}
