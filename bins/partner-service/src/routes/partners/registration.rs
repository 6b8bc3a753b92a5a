//! P1/P2 `POST /partners[/v2]` (registration) and P3 `PUT /partners/email/verify`.

use actix_web::{HttpResponse, web};
use audit_events::AuditEvent;
use partner_domain::PartnerError;
use partner_domain::registration::{Registrant, RegistrationForm};
use persistence::repo::partner as repo;
use serde::{Deserialize, Serialize};
use web_support::{ApiError, Db, Principal, RequestEnvelope, time};

use super::{Failure, Family, PartnerConfig, echoed, invalid, plain};

/// `PartnerRequest` (v1) / `PartnerRequestDto` (v2).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegisterBody {
    partner_id: Option<String>,
    policy_group: Option<String>,
    organization_name: Option<String>,
    address: Option<String>,
    contact_number: Option<String>,
    email_id: Option<String>,
    partner_type: Option<String>,
    lang_code: Option<String>,
    logo_url: Option<String>,
    additional_info: Option<serde_json::Value>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PartnerResponse {
    partner_id: String,
    status: String,
}

pub async fn register_v1(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: web::Json<RequestEnvelope<RegisterBody>>,
) -> Result<HttpResponse, ApiError> {
    register(principal, db, cfg, body.into_inner(), false).await
}

pub async fn register_v2(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: web::Json<RequestEnvelope<RegisterBody>>,
) -> Result<HttpResponse, ApiError> {
    register(principal, db, cfg, body.into_inner(), true).await
}

async fn register(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    envelope: RequestEnvelope<RegisterBody>,
    v2: bool,
) -> Result<HttpResponse, ApiError> {
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let body = envelope.into_request()?;
    let form = RegistrationForm {
        partner_id: body.partner_id,
        organization_name: body.organization_name,
        address: body.address,
        contact_number: body.contact_number,
        email_id: body.email_id,
        partner_type: body.partner_type,
        policy_group: body.policy_group,
        lang_code: body.lang_code,
        // v1 carries neither: MOSIP's v1 DTO has no such fields
        logo_url: if v2 { body.logo_url } else { None },
        additional_info: if v2 { body.additional_info.filter(|v| !v.is_null()) } else { None },
    };
    let op = db
        .op(&principal)
        .call(AuditEvent::RegisterPartner, form.partner_id.as_deref())
        .on_failure(AuditEvent::PartnerTypeNotAllowed, form.partner_id.as_deref());
    let (user, email, is_admin) = (principal.user_id.clone(), principal.email.clone(), principal.is_admin);
    let created = db
        .audited(op, move |conn, trail| {
            let request = form.validate().map_err(invalid)?;
            // A partner registers itself: without the admin role, the partner id is the caller's.
            if !is_admin && request.partner_id != user {
                return Err(ApiError::forbidden());
            }
            let partner_id = request.partner_id.clone();
            let who = Registrant { user_id: &user, email: email.as_deref() };
            let new = repo::register_partner::<Failure>(conn, request, who, &cfg.rules, time::now())
                .map_err(|e| e.audited(Family::Register, Some(&partner_id)))?;
            trail.push(AuditEvent::RegisterPartnerSuccess, Some(&new.id));
            Ok(PartnerResponse { partner_id: new.id, status: new.approval_status })
        })
        .await?;
    Ok(echoed(created, id, version))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailBody {
    email_id: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct EmailAnswer {
    email_exists: bool,
    policy_required_partner_types: Vec<String>,
}

/// P3: whether a partner uses the e-mail, and which partner types need a policy group.
pub async fn email_check(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: web::Json<RequestEnvelope<EmailBody>>,
) -> Result<HttpResponse, ApiError> {
    let email = body.into_inner().into_request()?.email_id.unwrap_or_default();
    let op = db.op(&principal).call(AuditEvent::GetPartner, None).on_failure(AuditEvent::InvalidEmailOnCreate, None);
    let answer = db
        .audited_read(op, move |conn, trail| {
            if !cfg.rules.email.accepts(&email) {
                return Err(Failure::from(PartnerError::InvalidEmail).audited(Family::Register, None));
            }
            let email_exists = repo::email_registered(conn, &email)?;
            let policy_required_partner_types = repo::partner_types(conn)?
                .into_iter()
                .filter(|t| t.is_policy_required)
                .map(|t| t.code.to_uppercase())
                .collect();
            trail.push(AuditEvent::GetPartnerSuccess, None);
            Ok(EmailAnswer { email_exists, policy_required_partner_types })
        })
        .await?;
    Ok(plain(answer))
}
