//! MOSIP 1.2.2's portal consent (`/users/user-consent`), in the 1.2.2 envelope.

use actix_web::web;
use partner_app::roles;
use partner_app::user_consent::{self, UserConsentDto};
use web_support::openapi::Registrar;
use web_support::{ApiError, Db, Principal, ReplyV2, ResponseEnvelopeV2};

/// The consent routes (relative to `/v1/partnermanager`).
pub fn register(r: &mut Registrar<'_>) {
    r.resource("/users/user-consent", |m| m.post(save).get(get));
}

/// `POST /users/user-consent`.
#[utoipa::path(
    post,
    path = "/users/user-consent",
    operation_id = "saveUserConsent",
    tag = "Users",
    summary = "Record the caller's consent to the data PMS captures (MOSIP 1.2.2)",
    description = "No body. Records the consent now (again, if given before). Roles: \
`AUTH_PARTNER`, `ABIS_PARTNER`, `SDK_PARTNER`, `DEVICE_PROVIDER`, `FTM_PROVIDER`, \
`CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `ONLINE_VERIFICATION_PARTNER`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.user.consent.post`): \
`PMS_CERTIFICATE_ERROR_002` the caller owns no partner.",
    responses((status = 200, description = "The consent, or the errors", body = ResponseEnvelopeV2<UserConsentDto>))
)]
#[tracing::instrument(skip_all)]
pub async fn save(principal: Principal, db: web::Data<Db>) -> Result<ReplyV2<UserConsentDto>, ApiError> {
    principal.require_any(roles::USER_CONSENT)?;
    let outcome = db.call(move |store| user_consent::save_consent(store, &principal)).await;
    Ok(ReplyV2::new("mosip.pms.user.consent.post", outcome))
}

/// `GET /users/user-consent`.
#[utoipa::path(
    get,
    path = "/users/user-consent",
    operation_id = "isUserConsentGiven",
    tag = "Users",
    summary = "Whether the caller consented (MOSIP 1.2.2)",
    description = "`consentGiven` and, once given, `consentGivenDateTime`. Roles: as for the POST.\n\n\
Errors (HTTP 200, in the answer, `id` `mosip.pms.user.consent.get`): \
`PMS_CERTIFICATE_ERROR_002` the caller owns no partner.",
    responses((status = 200, description = "The consent, or the errors", body = ResponseEnvelopeV2<UserConsentDto>))
)]
#[tracing::instrument(skip_all)]
pub async fn get(principal: Principal, db: web::Data<Db>) -> Result<ReplyV2<UserConsentDto>, ApiError> {
    principal.require_any(roles::USER_CONSENT)?;
    let outcome = db.call(move |store| user_consent::consent(store, &principal)).await;
    Ok(ReplyV2::new("mosip.pms.user.consent.get", outcome))
}

/// The consent operations (paths relative to `/v1/partnermanager`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(save, get))]
pub struct UserConsentApi;
