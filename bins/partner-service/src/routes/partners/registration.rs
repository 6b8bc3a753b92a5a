//! P1/P2 `POST /partners[/v2]` (registration) and P3 `PUT /partners/email/verify`.

use actix_web::web;
use partner_app::PartnerConfig;
use partner_app::dto::{ApiVersion, PartnerResponse};
use partner_app::registration::{self, EmailAnswer, EmailBody, RegisterBody};
use web_support::{Answer, Db, Envelope, Principal, Reply};

/// P1 `POST /partners`.
#[tracing::instrument(skip_all)]
pub async fn register_v1(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: Envelope<RegisterBody>,
) -> Answer<PartnerResponse> {
    register(principal, db, cfg, body, ApiVersion::V1).await
}

/// P2 `POST /partners/v2`.
#[tracing::instrument(skip_all)]
pub async fn register_v2(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: Envelope<RegisterBody>,
) -> Answer<PartnerResponse> {
    register(principal, db, cfg, body, ApiVersion::V2).await
}

async fn register(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: Envelope<RegisterBody>,
    version: ApiVersion,
) -> Answer<PartnerResponse> {
    db.echo(body, move |store, request| registration::register(store, &principal, &cfg, request, version)).await
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
