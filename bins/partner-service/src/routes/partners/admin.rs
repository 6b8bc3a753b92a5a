//! M1 `PATCH /partners/{id}` (activate/deactivate), M2/M3 `GET /partners[/v2]?partnerType=`.

use actix_web::web;
use partner_app::PartnerConfig;
use partner_app::admin::{self, ListQuery, Partners};
use partner_app::dto::{ApiVersion, Message, RETRIEVE_ID, RETRIEVE_VERSION, StatusBody};
use web_support::{Answer, Db, Envelope, Principal, Reply, RequestEnvelope, ResponseEnvelope};

use partner_app::roles;

/// M1: switches a partner on (it needs an uploaded certificate) or off; deactivating a MISP
/// partner also switches off its licence keys.
#[utoipa::path(
    patch,
    path = "/partners/{partnerId}",
    operation_id = "activateDeactivatePartner",
    tag = "Partners",
    summary = "M1: activate or deactivate a partner",
    description = "`Active` needs the partner's certificate to be uploaded; `De-Active` also \
switches off the licence keys of a MISP partner. Both are idempotent; the approval status does \
not change. Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`; without `PARTNER_ADMIN`, the caller's own \
partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or `status` missing or blank; `PMS_PMP_005` \
no such partner; `PMS_PM_058` the status is neither `Active` nor `De-Active`; `PMS_PRT_108` no \
certificate uploaded for the partner.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    request_body(
        content = RequestEnvelope<StatusBody>,
        example = json!({"id": "mosip.partnermanagement.partners.status.update", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"status": "De-Active"}})
    ),
    responses((status = 200, description = "What was done (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<Message>))
)]
#[tracing::instrument(skip_all, fields(partner_id = %path))]
pub async fn activation(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    path: web::Path<String>,
    body: Envelope<StatusBody>,
) -> Answer<Message> {
    principal.require_any(roles::PARTNER_MANAGER)?;
    principal.require_self_or_admin(&path)?;
    db.echo(body, move |store, request| admin::activation(store, &principal, &cfg, &path, request)).await
}

/// M2 `GET /partners`.
#[utoipa::path(
    get,
    path = "/partners",
    operation_id = "getPartners",
    tag = "Partners",
    summary = "M2: every partner, or those of one type",
    description = "For MOSIP's other services (ID authentication, registration processor, …). A \
caller without `PARTNER_ADMIN` sees its own partner only. Roles: `PARTNERMANAGER`, \
`PARTNER_ADMIN`, `partnermanager`, `ID_AUTHENTICATION`, `REGISTRATION_PROCESSOR`, `RESIDENT`, \
`CREDENTIAL_ISSUANCE`, `ID_REPOSITORY`.\n\n\
Errors (HTTP 200): `PMS_PMP_013` no partner found.",
    params(ListQuery),
    responses((status = 200, description = "The partners (`id` `mosip.partnermanagement.partners.retrieve`), or the errors",
        body = ResponseEnvelope<Partners>))
)]
#[tracing::instrument(skip_all)]
pub async fn list_v1(principal: Principal, db: web::Data<Db>, query: web::Query<ListQuery>) -> Answer<Partners> {
    list(principal, db, query.into_inner(), ApiVersion::V1).await
}

/// M3 `GET /partners/v2`: the items add `logoUrl` and `additionalInfo`.
#[utoipa::path(
    get,
    path = "/partners/v2",
    operation_id = "getPartnersV2",
    tag = "Partners",
    summary = "M3: every partner, or those of one type, with logo and additional information",
    description = "As M2; each item adds `logoUrl` and `additionalInfo`. (Not in MOSIP's published \
OpenAPI document; MOSIP 1.2 serves it.) Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`, \
`partnermanager`, `ID_AUTHENTICATION`, `REGISTRATION_PROCESSOR`, `RESIDENT`, \
`CREDENTIAL_ISSUANCE`, `ID_REPOSITORY`.\n\n\
Errors (HTTP 200): `PMS_PMP_013` no partner found; `PMS_PRT_096` a partner's stored \
`additionalInfo` is not JSON.",
    params(ListQuery),
    responses((status = 200, description = "The partners (`id` `mosip.partnermanagement.partners.retrieve`), or the errors",
        body = ResponseEnvelope<Partners>))
)]
#[tracing::instrument(skip_all)]
pub async fn list_v2(principal: Principal, db: web::Data<Db>, query: web::Query<ListQuery>) -> Answer<Partners> {
    list(principal, db, query.into_inner(), ApiVersion::V2).await
}

/// M2/M3: every partner, or those of one type; a caller without the admin role sees its own.
async fn list(principal: Principal, db: web::Data<Db>, query: ListQuery, version: ApiVersion) -> Answer<Partners> {
    principal.require_any(roles::PARTNER_LIST)?;
    let partners = db.call(move |store| admin::list(store, &principal, query, version)).await?;
    Ok(Reply::named(partners, RETRIEVE_ID, RETRIEVE_VERSION))
}
