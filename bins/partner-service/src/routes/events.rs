//! The event outbox for admins (`/v1/partnermanager/events`), and the certificate chains shared
//! with ID-Authentication (`/v1/datashare/get/…`, MOSIP's datashare path).

use actix_web::{HttpResponse, web};
use app_core::outbox::{self, OutboxItem, OutboxQuery, RequeueRequest, RequeueResponse};
use web_support::{Answer, ApiError, Db, Envelope, Principal, Reply};

/// `GET /events`.
#[tracing::instrument(skip_all)]
pub async fn list(principal: Principal, db: web::Data<Db>, query: web::Query<OutboxQuery>) -> Answer<Vec<OutboxItem>> {
    if !principal.is_admin {
        return Err(ApiError::forbidden());
    }
    let query = query.into_inner();
    Ok(Reply::ok(db.call(move |store| outbox::list(store, &query)).await?))
}

/// `POST /events/requeue`.
#[tracing::instrument(skip_all)]
pub async fn requeue(
    principal: Principal,
    db: web::Data<Db>,
    body: Envelope<RequeueRequest>,
) -> Answer<RequeueResponse> {
    if !principal.is_admin {
        return Err(ApiError::forbidden());
    }
    db.echo(body, move |store, request| outbox::requeue(store, &principal, request)).await
}

/// `GET /get/{policyId}/{subscriberId}/{shareId}`.
#[tracing::instrument(skip_all)]
pub async fn shared_chain(
    db: web::Data<Db>,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (_, _, id) = path.into_inner();
    match db.call(move |store| outbox::shared(store, &id)).await? {
        Some(item) => Ok(HttpResponse::Ok().content_type(item.content_type).body(item.content)),
        None => Err(ApiError::not_found()),
    }
}
