//! The event outbox for admins (`/v1/partnermanager/events`), and the certificate chains shared
//! with ID-Authentication (`/v1/datashare/get/…`, MOSIP's datashare path).

use app_core::outbox::{OutboxItem, OutboxQuery, RequeueRequest, RequeueResponse};
use web_support::{RequestEnvelope, ResponseEnvelope};

/// The outbox operations (paths relative to `/v1/partnermanager`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(list, requeue))]
pub struct EventsApi;

/// The shared chains (paths relative to `/v1/datashare`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(shared_chain))]
pub struct DatashareApi;

op! {
    /// `GET /events`.
    list: get "/events", "listEvents", "Events", "Events waiting for the WebSub hub, or parked after their last attempt";
    description = "The outbox rows of a status, oldest first, without their payloads. Roles: the \
admin role (`PARTNER_ADMIN`).\n\nErrors (HTTP 200): `PMS_COR_001` `status` not `FAILED` or \
`PENDING`, or `limit` not between 1 and 500.",
    params(OutboxQuery),
    responses((status = 200, description = "The rows, or the errors", body = ResponseEnvelope<Vec<OutboxItem>>))
}

op! {
    /// `POST /events/requeue`.
    requeue: post "/events/requeue", "requeueEvents", "Events", "Send parked events again";
    description = "Puts the named rows (`seqs`), or every failed row when none is named, back in \
their topic's queue with their attempts counted afresh. Roles: the admin role (`PARTNER_ADMIN`).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing.",
    request_body(content = RequestEnvelope<RequeueRequest>,
        example = json!({"id": "mosip.pms.events.requeue", "version": "1.0",
            "requesttime": "2026-12-05T10:20:30.123Z", "request": {"seqs": [12, 13]}})),
    responses((status = 200, description = "How many rows were re-queued, or the errors", body = ResponseEnvelope<RequeueResponse>))
}

op! {
    /// `GET /get/{policyId}/{subscriberId}/{shareId}`.
    shared_chain: get "/get/{policyId}/{subscriberId}/{shareId}", "getSharedData", "Datashare", "A certificate chain shared with ID-Authentication";
    description = "The chain (a base64url PKCS#7) a `CA_CERTIFICATE_UPLOADED` event links to. No \
token: the unguessable id is the credential, as with MOSIP's datashare. A link answers for \
`events.datashare_validity_minutes` and `events.datashare_transactions_allowed` reads.\n\n\
Errors: 404 `PMS_COR_404` an unknown, expired or used-up link.",
    params(
        ("policyId" = String, Path, description = "The sharing policy", example = "mpolicy-default-cert"),
        ("subscriberId" = String, Path, description = "The subscriber", example = "mpartner-default-cert"),
        ("shareId" = String, Path, description = "The link's id"),
    ),
    security(()),
    responses(
        (status = 200, description = "The chain", body = String, content_type = "text/plain"),
        (status = 404, description = "No such link", body = ResponseEnvelope<String>),
    )
}
