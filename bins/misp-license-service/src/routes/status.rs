//! E2 approve/reject a registration, E5 activate/deactivate a MISP (admins only).

use actix_web::{HttpResponse, web};
use audit_events::AuditEvent;
use misp_domain::{Decision, MispError, Switch, cascade};
use persistence::repo::{misp as misps, misp_license as keys};
use web_support::{ApiError, Db, Principal, RequestEnvelope, ResponseEnvelope};

use crate::config::{MispConfig, now};
use crate::dto::{Message, StatusRequest, StatusUpdated, java_to_string};
use crate::error::{api, audited};
use crate::routes::misps::no_key;

/// E2 `PATCH /misps/{mispId}/status`: `approved` issues one new licence key; `rejected` switches
/// every key of the MISP off. Compare-and-set on the status: of concurrent approvals one wins,
/// the others answer `PMS_MSP_404`.
#[utoipa::path(
    patch,
    path = "/{mispId}/status",
    operation_id = "processMispStatus",
    tag = "MISPs (MOSIP 1.1)",
    summary = "E2: approve or reject a MISP",
    description = "`approved` issues one new licence key; `rejected` switches every key of the \
MISP off. Roles: an admin.\n\n\
Errors (HTTP 200): `PMS_COR_001` no `request`; `PMS_MSP_403` the status is neither `approved` \
nor `rejected`; `PMS_MSP_005` no such MISP; `PMS_MSP_404` the MISP is in that status already; \
`PMS_MSP_405` approving a deactivated MISP.",
    params(("mispId" = String, Path, description = "The MISP's id", example = "100")),
    request_body(
        content = RequestEnvelope<StatusRequest>,
        example = json!({"id": "mosip.partnermanagement.misp.status", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"mispStatus": "approved"}})
    ),
    responses((status = 200, description = "The decision and the new key, or the errors", body = ResponseEnvelope<StatusUpdated>))
)]
#[tracing::instrument(skip_all, fields(misp_id = %path))]
pub async fn decide(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
    body: web::Json<RequestEnvelope<StatusRequest>>,
) -> Result<HttpResponse, ApiError> {
    cfg.roles.require_admin(&principal)?;
    let misp_id = path.into_inner();
    let env = body.into_inner();
    let (id, version) = (env.id.clone(), env.version.clone());
    let user = principal.user_id.clone();
    let op = db.op(&principal).call(AuditEvent::ProcessMispStatus, Some(&misp_id));
    let answer = db
        .audited(op, move |conn, trail| {
            let req = env.into_request()?;
            let decision = Decision::parse(req.misp_status.as_deref())
                .map_err(|e| audited(e, AuditEvent::MispStatusNotApprovedOrRejected, Some(&misp_id)))?;
            let refuse = |e: MispError| match e {
                MispError::AlreadyInStatus(_) => audited(e, AuditEvent::MispStatusException, None),
                MispError::MispInactive => audited(e, AuditEvent::MispDeactivatedCannotApprove, Some(&misp_id)),
                e => api(e),
            };
            let not_found = || api(MispError::MispNotFound(misp_id.clone()));
            let misp = misps::find(conn, &misp_id)?.ok_or_else(not_found)?;
            trail.push(AuditEvent::ValidateMispId, Some(&misp_id));
            let to = misp.decide(decision).map_err(refuse)?;
            let now = now();
            if misps::set_status(conn, &misp_id, to, &user, now)? == 0 {
                // A concurrent request changed the MISP first: answer as if it had come first.
                let misp = misps::find(conn, &misp_id)?.ok_or_else(not_found)?;
                return Err(refuse(
                    misp.decide(decision).err().unwrap_or(MispError::AlreadyInStatus(to.as_str().into())),
                ));
            }
            trail.push(AuditEvent::MispStatusProcessed, Some(&misp_id));
            let answer = match decision {
                Decision::Approve => {
                    let mut rng = rand::rng();
                    let key = keys::insert_new(conn, || cfg.keys.issue(&mut rng, &misp_id, None, &user, now))?
                        .ok_or_else(no_key)?;
                    StatusUpdated {
                        misp_id: misp_id.clone(),
                        misp_status: misp.active_label(),
                        misp_status_code: to.as_str(),
                        message: "MISP approved successfully",
                        misp_license_key: Some(key.key.clone()),
                        misp_license_key_expiry: Some(java_to_string(key.valid_to)),
                        misp_license_key_status: Some("active"),
                    }
                }
                Decision::Reject => {
                    trail.push(AuditEvent::UpdateMispLicenseStatus, Some(&misp_id));
                    keys::retire_all(conn, &misp_id, &user, now)?;
                    trail.push(AuditEvent::RejectedMispNoLicense, Some(&misp_id));
                    StatusUpdated {
                        misp_id: misp_id.clone(),
                        misp_status: misp.active_label(),
                        misp_status_code: to.as_str(),
                        message: "MISP rejected successfully",
                        misp_license_key: None,
                        misp_license_key_expiry: None,
                        misp_license_key_status: None,
                    }
                }
            };
            trail.push(AuditEvent::ProcessMispStatusSuccess, Some(&misp_id));
            Ok(answer)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(answer).echo(id, version)))
}

/// E5 `PATCH /misps/{mispId}`: switches the MISP on or off. Off suspends its active keys; on
/// resumes exactly the keys a deactivation suspended (and that have not expired since).
#[utoipa::path(
    patch,
    path = "/{mispId}",
    operation_id = "updateMispActiveStatus",
    tag = "MISPs (MOSIP 1.1)",
    summary = "E5: activate or deactivate a MISP",
    description = "`de-active` suspends the MISP's active keys; `active` resumes exactly the \
keys a deactivation suspended that have not expired since. Roles: an admin.\n\n\
Errors (HTTP 200): `PMS_COR_001` no `request`; `PMS_MSP_407` the status is neither `active` nor \
`de-active`; `PMS_MSP_005` no such MISP.",
    params(("mispId" = String, Path, description = "The MISP's id", example = "100")),
    request_body(
        content = RequestEnvelope<StatusRequest>,
        example = json!({"id": "mosip.partnermanagement.misp.status.update", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"mispStatus": "de-active"}})
    ),
    responses((status = 200, description = "A message, or the errors", body = ResponseEnvelope<Message>))
)]
#[tracing::instrument(skip_all, fields(misp_id = %path))]
pub async fn activate(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
    body: web::Json<RequestEnvelope<StatusRequest>>,
) -> Result<HttpResponse, ApiError> {
    cfg.roles.require_admin(&principal)?;
    let misp_id = path.into_inner();
    let env = body.into_inner();
    let (id, version) = (env.id.clone(), env.version.clone());
    let user = principal.user_id.clone();
    let op = db.op(&principal).call(AuditEvent::UpdateMispStatus, None);
    let message = db
        .audited(op, move |conn, trail| {
            let req = env.into_request()?;
            let switch = Switch::parse(req.misp_status.as_deref(), MispError::BadMispSwitch)
                .map_err(|e| audited(e, AuditEvent::MispActiveStatusInvalid, Some(&misp_id)))?;
            let now = now();
            if misps::set_active(conn, &misp_id, switch.is_on(), &user, now)? == 0 {
                return Err(api(MispError::MispNotFound(misp_id.clone())));
            }
            trail.push(AuditEvent::MispActiveStateUpdated, Some(&misp_id));
            trail.push(AuditEvent::UpdateMispLicenseStatus, Some(&misp_id));
            let plan = cascade(switch, &keys::of_holder(conn, &misp_id)?, now);
            for key in &plan.suspend {
                keys::set_state(conn, &misp_id, key, false, true, &user, now)?;
            }
            for key in &plan.resume {
                keys::set_state(conn, &misp_id, key, true, false, &user, now)?;
            }
            for key in &plan.release {
                keys::set_state(conn, &misp_id, key, false, false, &user, now)?;
            }
            let message = if switch.is_on() { "MISP actived successfully" } else { "MISP de-actived successfully" };
            trail.push(AuditEvent::MispActiveState, Some(&misp_id));
            trail.push(AuditEvent::UpdateMispStatusSuccess, None);
            Ok(message)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(Message { message }).echo(id, version)))
}
