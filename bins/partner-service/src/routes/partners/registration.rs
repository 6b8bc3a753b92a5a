//! P1/P2 `POST /partners[/v2]` (registration) and P3 `PUT /partners/email/verify`.

use actix_web::web;
use partner_app::PartnerConfig;
use partner_app::dto::PartnerResponse;
use partner_app::registration::{self, EmailAnswer, EmailBody, RegisterBody};
use web_support::{Answer, Db, Envelope, Principal, Reply};

use super::Version;

/// P1 `POST /partners`, P2 `POST /partners/v2`.
#[tracing::instrument(skip_all)]
pub(super) async fn register<V: Version>(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: Envelope<RegisterBody>,
) -> Answer<PartnerResponse> {
    db.echo(body, move |store, request| registration::register(store, &principal, &cfg, request, V::API)).await
}

/// P3: whether a partner uses the e-mail, and which partner types need a policy group.
#[tracing::instrument(skip_all)]
pub async fn email_check(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: Envelope<EmailBody>,
) -> Answer<EmailAnswer> {
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| registration::email_check(store, &principal, &cfg, request)).await?))
}
