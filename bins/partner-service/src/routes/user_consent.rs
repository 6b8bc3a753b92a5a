//! MOSIP 1.2.2's portal consent (`/users/user-consent`), in the 1.2.2 envelope.

use actix_web::web;
use partner_app::roles;
use partner_app::user_consent::{self, UserConsentDto};
use web_support::openapi::Registrar;
use web_support::{ApiError, Db, Principal, ReplyV2};

/// The consent routes (relative to `/v1/partnermanager`).
pub fn register(r: &mut Registrar<'_>) {
    r.resource("/users/user-consent", |m| m.post(save).get(get));
}

/// `POST /users/user-consent`.
#[tracing::instrument(skip_all)]
pub async fn save(principal: Principal, db: web::Data<Db>) -> Result<ReplyV2<UserConsentDto>, ApiError> {
    principal.require_any(roles::USER_CONSENT)?;
    let outcome = db.call(move |store| user_consent::save_consent(store, &principal)).await;
    Ok(ReplyV2::new("mosip.pms.user.consent.post", outcome))
}

/// `GET /users/user-consent`.
#[tracing::instrument(skip_all)]
pub async fn get(principal: Principal, db: web::Data<Db>) -> Result<ReplyV2<UserConsentDto>, ApiError> {
    principal.require_any(roles::USER_CONSENT)?;
    let outcome = db.call(move |store| user_consent::consent(store, &principal)).await;
    Ok(ReplyV2::new("mosip.pms.user.consent.get", outcome))
}
