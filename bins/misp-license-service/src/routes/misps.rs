//! E1 register, E3 update details, E7 list, E8 by id, E9 by name prefix.

use actix_web::{HttpResponse, web};
use audit_events::AuditEvent;
use misp_domain::{Details, DetailsInput, Misp, MispError};
use persistence::repo::{misp as misps, misp_license as keys};
use web_support::{ApiError, Db, Principal, RequestEnvelope, ResponseEnvelope};

use crate::config::{MispConfig, now};
use crate::dto::{MispWithLicenses, RegisterRequest, Registered, UpdateRequest, Updated};
use crate::error::{api, audited, exhausted};

/// E1 `POST /misps`: registers a MISP owned by the caller, `Inprogress` and active, without a key.
#[utoipa::path(
    post,
    path = "",
    operation_id = "registerMisp",
    tag = "MISPs (MOSIP 1.1)",
    summary = "E1: register a MISP",
    description = "Registers a MISP owned by the caller: `Inprogress`, active, without a licence key \
(approval issues one). Roles: a MISP user (`misp.misp_roles`) or an admin.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing, blank or too long; `PMS_MSP_401` malformed \
e-mail; `PMS_MSP_402` the name is taken.",
    request_body(
        content = RequestEnvelope<RegisterRequest>,
        example = json!({"id": "mosip.partnermanagement.misp.create", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"organizationName": "Airtel Money", "contactNumber": "9876543210",
                "emailId": "misp@example.org", "address": "1 Main Street, Bengaluru"}})
    ),
    responses((status = 200, description = "The new MISP's id, or the errors", body = ResponseEnvelope<Registered>))
)]
#[tracing::instrument(skip_all)]
pub async fn register(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    body: web::Json<RequestEnvelope<RegisterRequest>>,
) -> Result<HttpResponse, ApiError> {
    cfg.roles.require_misp_user(&principal)?;
    let env = body.into_inner();
    let (id, version) = (env.id.clone(), env.version.clone());
    let user = principal.user_id.clone();
    let first_id = cfg.first_id;
    let op = db.op(&principal).call(AuditEvent::RegisterMisp, None);
    let misp = db
        .audited(op, move |conn, trail| {
            let req = env.into_request()?;
            let input = DetailsInput {
                name: req.organization_name.as_deref(),
                contact_no: req.contact_number.as_deref(),
                email_id: req.email_id.as_deref(),
                address: req.address.as_deref(),
            };
            let details = Details::parse(&input, "organizationName").map_err(|e| match e {
                MispError::InvalidEmail => audited(e, AuditEvent::MispInvalidEmailOnCreate, None),
                e => api(e),
            })?;
            let taken =
                |name: &str| audited(MispError::NameTaken(name.to_owned()), AuditEvent::MispNameTakenOnCreate, None);
            if misps::name_taken(conn, &details.name, None)? {
                return Err(taken(&details.name));
            }
            trail.push(AuditEvent::GenerateMispId, None);
            let now = now();
            let id = misps::next_id(conn, first_id, now)?.ok_or_else(|| api(MispError::IdInsert))?;
            let misp = Misp::register(id.to_string(), details, &user, now);
            misps::insert(conn, &misp).map_err(|e| {
                if persistence::is_unique_violation(&e) { taken(&misp.name) } else { ApiError::from(e) }
            })?;
            trail.push(AuditEvent::MispDetailsCreated, None);
            trail.push(AuditEvent::MispCreated, Some(&misp.id));
            trail.push(AuditEvent::RegisterMispSuccess, None);
            Ok(misp)
        })
        .await?;
    let answer = Registered { misp_id: misp.id.clone(), misp_status: misp.active_label() };
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(answer).echo(id, version)))
}

/// E3 `PUT /misps/{mispId}`: replaces the details of the caller's MISP (admins: any MISP).
#[utoipa::path(
    put,
    path = "/{mispId}",
    operation_id = "updateMispDetails",
    tag = "MISPs (MOSIP 1.1)",
    summary = "E3: replace a MISP's details",
    description = "A full replace of name, contact number, e-mail and address. Roles: the MISP's \
owner (a MISP user) or an admin.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing, blank or too long; `PMS_MSP_401` malformed \
e-mail (checked first); `PMS_MSP_005` no such MISP; `PMS_MSP_402` another MISP has the name.",
    params(("mispId" = String, Path, description = "The MISP's id", example = "100")),
    request_body = RequestEnvelope<UpdateRequest>,
    responses((status = 200, description = "The MISP's new details, or the errors", body = ResponseEnvelope<Updated>))
)]
#[tracing::instrument(skip_all, fields(misp_id = %path))]
pub async fn update(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
    body: web::Json<RequestEnvelope<UpdateRequest>>,
) -> Result<HttpResponse, ApiError> {
    cfg.roles.require_misp_user(&principal)?;
    let misp_id = path.into_inner();
    let env = body.into_inner();
    let (id, version) = (env.id.clone(), env.version.clone());
    let (user, cfg2, who) = (principal.user_id.clone(), cfg.clone(), principal.clone());
    let op = db.op(&principal).call(AuditEvent::UpdateMisp, None);
    let misp = db
        .audited(op, move |conn, trail| {
            let req = env.into_request()?;
            let input = DetailsInput {
                name: req.name.as_deref(),
                contact_no: req.contact_number.as_deref(),
                email_id: req.email_id.as_deref(),
                address: req.address.as_deref(),
            };
            let details = Details::parse(&input, "name").map_err(|e| match e {
                MispError::InvalidEmail => audited(e, AuditEvent::MispInvalidEmailOnUpdate, Some(&misp_id)),
                e => api(e),
            })?;
            let misp = misps::find(conn, &misp_id)?.ok_or_else(|| api(MispError::MispNotFound(misp_id.clone())))?;
            cfg2.roles.require_owner_or_admin(&who, &misp.user_id)?;
            let taken = |name: &str| {
                audited(MispError::NameTaken(name.to_owned()), AuditEvent::MispNameTakenOnUpdate, Some(&misp_id))
            };
            if misps::name_taken(conn, &details.name, Some(&misp_id))? {
                return Err(taken(&details.name));
            }
            misps::update_details(conn, &misp_id, &details, &user, now()).map_err(|e| {
                if persistence::is_unique_violation(&e) { taken(&details.name) } else { ApiError::from(e) }
            })?;
            trail.push(AuditEvent::MispUpdated, Some(&misp_id));
            trail.push(AuditEvent::UpdateMispSuccess, None);
            Ok(Misp {
                name: details.name,
                contact_no: Some(details.contact_no),
                email_id: Some(details.email_id),
                address: Some(details.address),
                ..misp
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(Updated::from(&misp)).echo(id, version)))
}

/// E7 `GET /misps`: every MISP with its keys (a MISP user: its own); none is `PMS_MSP_409`.
#[utoipa::path(
    get,
    path = "",
    operation_id = "listMisps",
    tag = "MISPs (MOSIP 1.1)",
    summary = "E7: every MISP with its licence keys",
    description = "Admins see every MISP, a MISP user its own. Roles: a MISP user or an admin.\n\n\
Errors (HTTP 200): `PMS_MSP_409` no MISP found.",
    responses((status = 200, description = "The MISPs, or the errors", body = ResponseEnvelope<Vec<MispWithLicenses>>))
)]
#[tracing::instrument(skip_all)]
pub async fn list(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
) -> Result<HttpResponse, ApiError> {
    cfg.roles.require_misp_user(&principal)?;
    let owner = cfg.roles.scope(&principal).map(str::to_owned);
    let items = db
        .read(move |conn| {
            let found = misps::list(conn, owner.as_deref())?;
            with_keys(conn, found)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(items)))
}

/// E8 `GET /misps/mispId/{mispId}`: one MISP with its keys.
#[utoipa::path(
    get,
    path = "/mispId/{mispId}",
    operation_id = "getMisp",
    tag = "MISPs (MOSIP 1.1)",
    summary = "E8: one MISP with its licence keys",
    description = "Roles: the MISP's owner (a MISP user) or an admin.\n\n\
Errors (HTTP 200): `PMS_MSP_005` no such MISP.",
    params(("mispId" = String, Path, description = "The MISP's id", example = "100")),
    responses((status = 200, description = "The MISP, or the errors", body = ResponseEnvelope<MispWithLicenses>))
)]
#[tracing::instrument(skip_all, fields(misp_id = %path))]
pub async fn by_id(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    cfg.roles.require_misp_user(&principal)?;
    let misp_id = path.into_inner();
    let item = db
        .read(move |conn| {
            let misp = misps::find(conn, &misp_id)?.ok_or_else(|| api(MispError::MispNotFound(misp_id.clone())))?;
            cfg.roles.require_owner_or_admin(&principal, &misp.user_id)?;
            let keys = keys::of_holder(conn, &misp.id)?;
            Ok(MispWithLicenses::group(std::slice::from_ref(&misp), &keys).pop())
        })
        .await?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(item)))
}

/// E9 `GET /misps/name/{orgName}`: the MISPs whose name starts with `orgName` (exactly,
/// case-sensitively; a MISP user: among its own); none is `PMS_MSP_409`.
#[utoipa::path(
    get,
    path = "/name/{orgName}",
    operation_id = "getMispsByName",
    tag = "MISPs (MOSIP 1.1)",
    summary = "E9: the MISPs whose name starts with a prefix",
    description = "The prefix matches exactly, case-sensitively; a MISP user sees only its own \
MISPs. Roles: a MISP user or an admin.\n\n\
Errors (HTTP 200): `PMS_MSP_409` no MISP found.",
    params(("orgName" = String, Path, description = "The start of the MISP's name", example = "Airtel")),
    responses((status = 200, description = "The MISPs, or the errors", body = ResponseEnvelope<Vec<MispWithLicenses>>))
)]
#[tracing::instrument(skip_all)]
pub async fn by_name(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    cfg.roles.require_misp_user(&principal)?;
    let prefix = path.into_inner();
    let owner = cfg.roles.scope(&principal).map(str::to_owned);
    let items = db
        .read(move |conn| {
            let found = misps::by_name_prefix(conn, &prefix, owner.as_deref())?;
            with_keys(conn, found)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(items)))
}

fn with_keys(conn: &mut persistence::DbConnection, found: Vec<Misp>) -> Result<Vec<MispWithLicenses>, ApiError> {
    if found.is_empty() {
        return Err(api(MispError::NoMisps));
    }
    let ids: Vec<String> = found.iter().map(|m| m.id.clone()).collect();
    let keys = keys::of_holders(conn, &ids)?;
    Ok(MispWithLicenses::group(&found, &keys))
}

/// A key insert that ran out of attempts.
pub(crate) fn no_key() -> ApiError {
    exhausted("licence key generation")
}
