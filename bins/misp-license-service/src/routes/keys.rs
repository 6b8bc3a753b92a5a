//! E4 validate a licence key, E6 switch a key on or off, E10 download (rotating an expired key).

use actix_web::{HttpResponse, web};
use audit_events::AuditEvent;
use misp_domain::license::KEY_MAX;
use misp_domain::{Answer, Holder, MispError, Switch, check_key, may_switch_key, plan_download, required_field};
use persistence::DbConnection;
use persistence::repo::{misp as misps, misp_license as keys};
use web_support::{ApiError, Db, Principal, RequestEnvelope, ResponseEnvelope};

use crate::config::{MispConfig, now};
use crate::dto::{Download, KeyStatus, KeyStatusRequest, ValidateRequest, Validated, jackson};
use crate::error::{api, audited};
use crate::metrics::{ValidationOutcome, record_validation};
use crate::routes::misps::no_key;

/// True when `holder` is the caller's (its user, or — a MOSIP 1.2 partner — the caller itself).
fn owns(principal: &Principal, holder: &Holder) -> bool {
    holder.user_id == principal.user_id || holder.id == principal.user_id
}

/// E4 `PATCH /misps/{mispId}/licenseKey`: the state of a key of the MISP. Only a switched-on,
/// unexpired key of an active, approved MISP is valid; the flags report the key's own state.
/// Open to ID-Authentication (validators), admins, and the MISP's own user.
#[utoipa::path(
    patch,
    path = "/{mispId}/licenseKey",
    operation_id = "validateLicenseKey",
    tag = "MISPs (MOSIP 1.1)",
    summary = "E4: validate a licence key",
    description = "The state of a key of the MISP: only a switched-on, unexpired key of an active, \
approved MISP is valid (`isValid`); `isActive` reports the key's own switch. Roles: a validator \
(`misp.validator_roles`, ID-Authentication), an admin, or the MISP's owner.\n\n\
Errors (HTTP 200): `PMS_COR_001` no key given; `PMS_MSP_406` no such key; `PMS_MSP_408` the key \
belongs to another MISP.",
    params(("mispId" = String, Path, description = "The MISP's id", example = "100")),
    request_body(
        content = RequestEnvelope<ValidateRequest>,
        example = json!({"id": "mosip.partnermanagement.misp.license.validate", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"mispLicenseKey": "ZGXtTg8ce5mbp0lb3zvnlT7BESKvNcJzXVBWgkIuuiSWxBIzsb"}})
    ),
    responses((status = 200, description = "The key's state, or the errors", body = ResponseEnvelope<Validated>))
)]
#[tracing::instrument(skip_all, fields(misp_id = %path))]
pub async fn validate(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
    body: web::Json<RequestEnvelope<ValidateRequest>>,
) -> Result<HttpResponse, ApiError> {
    if let Err(e) = cfg.roles.require_validation(&principal) {
        record_validation(ValidationOutcome::Forbidden);
        return Err(e);
    }
    let misp_id = path.into_inner();
    let env = body.into_inner();
    let (id, version) = (env.id.clone(), env.version.clone());
    let privileged = cfg.roles.is_admin(&principal) || cfg.roles.is_validator(&principal);
    let op = db.op(&principal).call(AuditEvent::ValidateLicenseKey, None);
    let result = db
        .audited_read(op, move |conn, trail| {
            let req = env.into_request()?;
            let key = required_field("mispLicenseKey", req.misp_license_key.as_deref(), KEY_MAX).map_err(api)?;
            if !privileged {
                let holder = misps::find_holder(conn, &misp_id, &cfg.partner_type)?;
                if !holder.is_some_and(|h| owns(&principal, &h)) {
                    return Err(ApiError::forbidden());
                }
            }
            let (license, misp) = keys::find_with_misp(conn, &key)?
                .ok_or_else(|| audited(MispError::KeyNotFound(key.clone()), AuditEvent::LicenseKeyNotFound, None))?;
            let holder = match misp {
                Some(m) => Some(Holder::from(&m)),
                None => misps::find_holder(conn, &license.misp_id, &cfg.partner_type)?,
            };
            trail.push(AuditEvent::FetchLicenseKeyDetails, Some(&license.misp_id));
            let check = check_key(&license, holder.as_ref(), &misp_id, now()).map_err(api)?;
            trail.push(AuditEvent::LicenseKeyState, Some(&license.misp_id));
            trail.push(AuditEvent::ValidateLicenseKeySuccess, None);
            let answer = Validated {
                misp_id: license.misp_id.clone(),
                license_key: license.key.clone(),
                valid_from: jackson(license.valid_from),
                valid_to: jackson(license.valid_to),
                is_active: check.is_active,
                is_valid: check.is_valid,
                message: check.message(&license),
            };
            Ok((answer, check.verdict))
        })
        .await;
    record_validation(ValidationOutcome::of(result.as_ref().map(|(_, verdict)| *verdict)));
    let (answer, _) = result?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(answer).echo(id, version)))
}

/// E6 `PUT /misps/{mispId}/licenseKey`: switches one key on or off (admins only). Switching on
/// needs an unexpired key of an active, approved MISP.
#[utoipa::path(
    put,
    path = "/{mispId}/licenseKey",
    operation_id = "updateLicenseKeyStatus",
    tag = "MISPs (MOSIP 1.1)",
    summary = "E6: switch a licence key on or off",
    description = "Switching on needs an unexpired key of an active, approved MISP. Roles: an admin.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing or too long; `PMS_MSP_418` the status is \
neither `active` nor `de-active`; `PMS_MSP_406` no such key; `PMS_MSP_408` the key belongs to \
another MISP; `PMS_MSP_419` an expired key, or the MISP is not approved; `PMS_MSP_405` the MISP \
is deactivated.",
    params(("mispId" = String, Path, description = "The MISP's id", example = "100")),
    request_body(
        content = RequestEnvelope<KeyStatusRequest>,
        example = json!({"id": "mosip.partnermanagement.misp.license.update", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"mispLicenseKey": "ZGXtTg8ce5mbp0lb3zvnlT7BESKvNcJzXVBWgkIuuiSWxBIzsb",
                "mispLicenseKeyStatus": "de-active"}})
    ),
    responses((status = 200, description = "The state as sent, or the errors", body = ResponseEnvelope<KeyStatus>))
)]
#[tracing::instrument(skip_all, fields(misp_id = %path))]
pub async fn switch(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
    body: web::Json<RequestEnvelope<KeyStatusRequest>>,
) -> Result<HttpResponse, ApiError> {
    cfg.roles.require_admin(&principal)?;
    let misp_id = path.into_inner();
    let env = body.into_inner();
    let (id, version) = (env.id.clone(), env.version.clone());
    let user = principal.user_id.clone();
    let op = db.op(&principal).call(AuditEvent::UpdateLicenseKeyStatus, None);
    let status = db
        .audited(op, move |conn, _trail| {
            let req = env.into_request()?;
            let key = required_field("mispLicenseKey", req.misp_license_key.as_deref(), KEY_MAX);
            let status = required_field("mispLicenseKeyStatus", req.misp_license_key_status.as_deref(), KEY_MAX);
            let (key, status) = match (key, status) {
                (Ok(k), Ok(s)) => (k, s),
                (Err(MispError::InvalidFields(mut a)), Err(MispError::InvalidFields(b))) => {
                    a.extend(b);
                    return Err(api(MispError::InvalidFields(a)));
                }
                (Err(e), _) | (_, Err(e)) => return Err(api(e)),
            };
            let switch = Switch::parse(Some(&status), MispError::BadKeySwitch)
                .map_err(|e| audited(e, AuditEvent::LicenseKeyStatusInvalid, Some(&misp_id)))?;
            let license = keys::find_by_key(conn, &key)?
                .ok_or_else(|| audited(MispError::KeyNotFound(key.clone()), AuditEvent::LicenseKeyNotFound, None))?;
            if license.misp_id != misp_id {
                return Err(api(MispError::KeyNotOfMisp { misp_id: misp_id.clone(), key }));
            }
            let now = now();
            let holder = misps::find_holder(conn, &misp_id, &cfg.partner_type)?;
            may_switch_key(&license, holder.as_ref(), switch, now).map_err(api)?;
            keys::set_state(conn, &misp_id, &key, switch.is_on(), false, &user, now)?;
            Ok(status)
        })
        .await?;
    let answer = KeyStatus { misp_license_key_status: status };
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(answer).echo(id, version)))
}

/// E10 `GET /misps/{mispId}/licenseKey`: the MISP's current key; when every active key has
/// expired, they are switched off and one new key is issued (a rotation).
#[utoipa::path(
    get,
    path = "/{mispId}/licenseKey",
    operation_id = "downloadLicenseKey",
    tag = "MISPs (MOSIP 1.1)",
    summary = "E10: the MISP's current licence key",
    description = "The active key with the latest expiry; when every active key has expired they \
are switched off and one new key is issued. Roles: the MISP's owner (a MISP user) or an admin.\n\n\
Errors (HTTP 200): `PMS_MSP_005` no such MISP; `PMS_MSP_419` not approved; `PMS_MSP_405` \
deactivated; `PMS_MSP_406` no key; `PMS_MSP_413` no active key.",
    params(("mispId" = String, Path, description = "The MISP's id", example = "100")),
    responses((status = 200, description = "The key, or the errors", body = ResponseEnvelope<Download>))
)]
#[tracing::instrument(skip_all, fields(misp_id = %path))]
pub async fn download(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    cfg.roles.require_misp_user(&principal)?;
    let misp_id = path.into_inner();
    let user = principal.user_id.clone();
    let op = db.op(&principal);
    let license = db
        .audited(op, move |conn, trail| {
            misps::lock_holder(conn, &misp_id)?;
            let misp = misps::find(conn, &misp_id)?.ok_or_else(|| api(MispError::MispNotFound(misp_id.clone())))?;
            cfg.roles.require_owner_or_admin(&principal, &misp.user_id)?;
            misp.may_download().map_err(api)?;
            let rotated = current_key(conn, &cfg, &misp_id, None, &user, MispError::NoKeys)?;
            if rotated.1 {
                trail.push(AuditEvent::UpdateMispLicenseStatus, Some(&misp_id));
            }
            Ok(rotated.0)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(Download::from(&license))))
}

/// The current key of `holder_id` after retiring its expired active keys, issuing one new key
/// (with `policy_id`) when none is left; `no_keys` when it has no key at all. The caller holds the
/// holder's lock. Returns the key and whether anything changed.
pub(crate) fn current_key(
    conn: &mut DbConnection,
    cfg: &MispConfig,
    holder_id: &str,
    policy_id: Option<String>,
    user: &str,
    no_keys: MispError,
) -> Result<(misp_domain::License, bool), ApiError> {
    let all = keys::of_holder(conn, holder_id)?;
    if all.is_empty() {
        return Err(api(no_keys));
    }
    let now = now();
    let plan = plan_download(&all, now).map_err(api)?;
    for key in &plan.retire {
        keys::set_state(conn, holder_id, key, false, false, user, now)?;
    }
    let changed = !plan.retire.is_empty();
    match plan.answer {
        Answer::Current(k) => Ok((k, changed)),
        Answer::IssueNew => {
            let mut rng = rand::rng();
            let key = keys::insert_new(conn, || cfg.keys.issue(&mut rng, holder_id, policy_id.clone(), user, now))?
                .ok_or_else(no_key)?;
            Ok((key, true))
        }
    }
}
