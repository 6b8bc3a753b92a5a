//! Policy-mapping requests: P12 `POST /partners/{id}/policy/map`, M4 `PUT /partners/policy/{key}`,
//! P14 `GET /partners/{id}/apikey/request`, M8 `GET /partners/apikey`, M9 `GET /partners/apikey/{id}`.

use actix_web::web;
use partner_app::PartnerConfig;
use partner_app::dto::{RETRIEVE_ID, RETRIEVE_VERSION, StatusBody};
use partner_app::requests::{self, MappingAnswer, MappingBody, RequestItem};
use web_support::{Answer, ApiError, ArrayAnswer, Db, Envelope, Principal, Reply};

use partner_app::roles;

/// P12: a partner asks to use a policy of its group.
#[tracing::instrument(skip_all, fields(partner_id = %path))]
pub async fn request(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
    body: Envelope<MappingBody>,
) -> Answer<MappingAnswer> {
    principal.require_any(roles::POLICY_MAPPING_REQUEST)?;
    principal.require_self_or_admin(&path)?;
    db.echo(body, move |store, request| requests::request(store, &principal, &path, request)).await
}

/// M4: an admin approves or rejects a pending request; a decided request stays decided, and of
/// two reviews racing on one request exactly one wins (compare-and-set on its status).
#[tracing::instrument(skip_all, fields(mapping_key = %path))]
pub async fn review(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    path: web::Path<String>,
    body: Envelope<StatusBody>,
) -> Answer<&'static str> {
    principal.require_any(roles::PARTNER_MANAGER)?;
    db.echo(body, move |store, request| requests::review(store, &principal, &cfg, &path, request)).await
}

/// P14: a partner's requests; for approved ones, the keys generated for the policy (one item per
/// key, or one without a key while none is generated), sent as they are read.
#[tracing::instrument(skip_all, fields(partner_id = %path))]
pub async fn requests_of_partner(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
) -> Result<ArrayAnswer, ApiError> {
    principal.require_any(roles::API_KEY_REQUESTS_OF_PARTNER)?;
    principal.require_self_or_admin(&path)?;
    let answer = db
        .stream_array(move |store, items| {
            requests::each_request_of_partner(store, &principal, &path, |item| items.push(&item))
        })
        .await?;
    Ok(answer.named(RETRIEVE_ID, RETRIEVE_VERSION))
}

/// M8: every request (a caller without the admin role sees its own partner's), sent as they are
/// read.
#[tracing::instrument(skip_all)]
pub async fn all_requests(principal: Principal, db: web::Data<Db>) -> Result<ArrayAnswer, ApiError> {
    principal.require_any(roles::PARTNER_MANAGER)?;
    let answer = db
        .stream_array(move |store, items| requests::each_of_all_requests(store, &principal, |item| items.push(&item)))
        .await?;
    Ok(answer.within("apikeyRequests").named(RETRIEVE_ID, RETRIEVE_VERSION))
}

/// M9: one request by its id (MOSIP names the path variable `apikey`).
#[tracing::instrument(skip_all, fields(request_id = %path))]
pub async fn one_request(principal: Principal, db: web::Data<Db>, path: web::Path<String>) -> Answer<RequestItem> {
    principal.require_any(roles::PARTNER_MANAGER)?;
    let item = db.call(move |store| requests::one_request(store, &principal, &path)).await?;
    Ok(Reply::named(item, RETRIEVE_ID, RETRIEVE_VERSION))
}
